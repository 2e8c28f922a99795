"""The queries: reading runs, series and Meldungen, and storing a run."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from wrm_cli.archiv.daten import (
    Archivmeldung,
    Einordnung,
    Kommunenstatus,
    Lauf,
    Laufsummen,
)
from wrm_cli.archiv.schema import FELDER, KONTAKT, MELDUNGSSPALTEN, SUMMEN
from wrm_cli.ergebnis import ZAHLSPALTEN
from wrm_cli.felder import KAPAZITAETSFELDER


def _zeitpunkt() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _datum(wert: str | None) -> dt.date | None:
    return dt.date.fromisoformat(wert) if wert else None


def _zahl(wert: Any) -> int | None:
    return None if wert is None else int(wert)


class Leser:
    """Reads within one transaction."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def laeufe(
        self, von: dt.date | None = None, bis: dt.date | None = None
    ) -> list[tuple[int, dt.date]]:
        """The report of each Stichtag (its latest run) in the range, oldest first."""
        zeilen = self._db.execute(
            "SELECT max(id), stichtag FROM laeufe WHERE stichtag >= ? AND stichtag <= ? "
            "GROUP BY stichtag ORDER BY stichtag",
            ((von or dt.date.min).isoformat(), (bis or dt.date.max).isoformat()),
        )
        return [(int(nr), dt.date.fromisoformat(tag)) for nr, tag in zeilen]

    def lauf_am(self, stichtag: dt.date) -> int | None:
        """The latest run of this Stichtag."""
        zeile = self._db.execute(
            "SELECT max(id) FROM laeufe WHERE stichtag = ?", (stichtag.isoformat(),)
        ).fetchone()
        return None if zeile[0] is None else int(zeile[0])

    def lauf_vor(self, stichtag: dt.date) -> int | None:
        """The latest run of the latest Stichtag before this one."""
        zeile = self._db.execute(
            "SELECT id FROM laeufe WHERE stichtag < ? ORDER BY stichtag DESC, id DESC LIMIT 1",
            (stichtag.isoformat(),),
        ).fetchone()
        return None if zeile is None else int(zeile[0])

    def stichtage(self) -> list[dt.date]:
        return [
            dt.date.fromisoformat(t)
            for (t,) in self._db.execute("SELECT DISTINCT stichtag FROM laeufe ORDER BY stichtag")
        ]

    def lauf(self, lauf_id: int) -> Lauf:
        """A run as stored: its Kommunen with the Meldungen it evaluated."""
        spalten = ", ".join(("ausgefuehrt_am", "stichtag", "bezirk", "wrm_version", *SUMMEN))
        kopf = self._db.execute(
            f"SELECT {spalten}, befunde, dateien, vergleich_lauf_id FROM laeufe WHERE id = ?",
            (lauf_id,),
        ).fetchone()
        meldung = ", ".join(f"m.{s}" for s in ("id", *MELDUNGSSPALTEN, "version", "eingelesen_am"))
        kommunen = [
            Kommunenstatus(
                kommune,
                status,
                _meldung(zeile) if zeile[0] is not None else None,
                datei,
                grund,
            )
            for kommune, status, datei, grund, *zeile in self._db.execute(
                f"SELECT k.kommune, k.status, k.datei, k.grund, {meldung} FROM lauf_kommunen k "
                "LEFT JOIN meldungen m ON m.id = k.meldung_id WHERE k.lauf_id = ?",
                (lauf_id,),
            )
        ]
        ausgefuehrt, stichtag, bezirk, version, *rest = kopf
        summen, (befunde, dateien, vergleich_lauf_id) = rest[: len(SUMMEN)], rest[-3:]
        return Lauf(
            dt.date.fromisoformat(stichtag),
            bezirk,
            version,
            ausgefuehrt,
            kommunen,
            _summen(summen),
            json.loads(befunde) if befunde else None,
            json.loads(dateien) if dateien else None,
            lauf_id,
            vergleich_lauf_id,
        )

    def neueste_meldungen(self, bis: dt.date) -> list[Archivmeldung]:
        """Each Kommune's newest Meldung with a Stand up to ``bis`` (its latest version)."""
        spalten = ", ".join(f"m.{s}" for s in ("id", *MELDUNGSSPALTEN, "version", "eingelesen_am"))
        zeilen = self._db.execute(
            f"SELECT {spalten} FROM meldungen m JOIN (SELECT kommune, max(stand) AS stand "
            "FROM meldungen WHERE stand <= ? GROUP BY kommune) n "
            "ON m.kommune = n.kommune AND m.stand = n.stand ORDER BY m.kommune, m.version",
            (bis.isoformat(),),
        )
        neueste = {meldung.kommune: meldung for meldung in map(_meldung, zeilen)}
        return list(neueste.values())

    def kontakte(self, bis: dt.date) -> dict[str, Archivmeldung]:
        """Each Kommune's newest Meldung with a Stand up to ``bis`` that names an e-mail
        address (its latest version): whom ``wrm erinnern`` writes to."""
        spalten = ", ".join(f"m.{s}" for s in ("id", *MELDUNGSSPALTEN, "version", "eingelesen_am"))
        zeilen = self._db.execute(
            f"SELECT {spalten} FROM meldungen m WHERE m.stand <= ? AND trim(m.email) != '' "
            "ORDER BY m.kommune, m.stand, m.version",
            (bis.isoformat(),),
        )
        return {meldung.kommune: meldung for meldung in map(_meldung, zeilen)}

    def summen(
        self, von: dt.date | None = None, bis: dt.date | None = None
    ) -> list[tuple[dt.date, Laufsummen]]:
        """The district's totals of each Stichtag's report, oldest first."""
        spalten = ", ".join(SUMMEN)
        zeilen = self._db.execute(
            f"SELECT stichtag, {spalten} FROM laeufe WHERE id IN (SELECT max(id) FROM laeufe "
            "WHERE stichtag >= ? AND stichtag <= ? GROUP BY stichtag) ORDER BY stichtag",
            ((von or dt.date.min).isoformat(), (bis or dt.date.max).isoformat()),
        )
        ergebnis = []
        for tag, *werte in zeilen:
            summen = _summen(werte)
            assert summen is not None  # every run has them from schema version 2 on
            ergebnis.append((dt.date.fromisoformat(tag), summen))
        return ergebnis

    def kommune(
        self, kommune: str, von: dt.date | None = None, bis: dt.date | None = None
    ) -> list[tuple[dt.date, Kommunenstatus]]:
        """One Kommune in each Stichtag's report, oldest first."""
        meldung = ", ".join(f"m.{s}" for s in ("id", *MELDUNGSSPALTEN, "version", "eingelesen_am"))
        zeilen = self._db.execute(
            f"SELECT l.stichtag, k.status, k.datei, k.grund, {meldung} FROM lauf_kommunen k "
            "JOIN laeufe l ON l.id = k.lauf_id LEFT JOIN meldungen m ON m.id = k.meldung_id "
            "WHERE k.kommune = ? AND k.lauf_id IN (SELECT max(id) FROM laeufe "
            "WHERE stichtag >= ? AND stichtag <= ? GROUP BY stichtag) ORDER BY l.stichtag",
            (kommune, (von or dt.date.min).isoformat(), (bis or dt.date.max).isoformat()),
        )
        return [
            (
                dt.date.fromisoformat(tag),
                Kommunenstatus(
                    kommune, status, _meldung(rest) if rest[0] is not None else None, datei, grund
                ),
            )
            for tag, status, datei, grund, *rest in zeilen
        ]

    def zuweisungen(self, bis: dt.date) -> list[tuple[dt.date, dict[str, int | None]]]:
        """(1) bisherige Zuweisungen of each Kommune in each Stichtag's report (its latest
        run) up to ``bis``, oldest first; None where the run had no Meldung of it."""
        zeilen = self._db.execute(
            "SELECT l.stichtag, k.kommune, m.zuweisungen FROM lauf_kommunen k "
            "JOIN laeufe l ON l.id = k.lauf_id LEFT JOIN meldungen m ON m.id = k.meldung_id "
            "WHERE k.lauf_id IN (SELECT max(id) FROM laeufe WHERE stichtag <= ? "
            "GROUP BY stichtag) ORDER BY l.stichtag",
            (bis.isoformat(),),
        )
        reihe: dict[dt.date, dict[str, int | None]] = {}
        for tag, kommune, zuweisungen in zeilen:
            werte = reihe.setdefault(dt.date.fromisoformat(tag), {})
            werte[kommune] = None if zuweisungen is None else int(zuweisungen)
        return list(reihe.items())

    def fehlend_je_kommune(
        self, bis: dt.date, stichtage: int
    ) -> list[tuple[dt.date, str, str, dict[str, int | None] | None]]:
        """(Stichtag, Kommune, status, the fields (5) and (8)–(11) of its Meldung or None)
        in the reports of the last ``stichtage`` Stichtage up to ``bis`` (each its latest
        run), oldest first."""
        felder = ("zu_erfuellen", *KAPAZITAETSFELDER)
        spalten = ", ".join(f"m.{feld}" for feld in felder)
        zeilen = self._db.execute(
            f"SELECT l.stichtag, k.kommune, k.status, m.id, {spalten} FROM lauf_kommunen k "
            "JOIN laeufe l ON l.id = k.lauf_id LEFT JOIN meldungen m ON m.id = k.meldung_id "
            "WHERE k.lauf_id IN (SELECT max(id) FROM laeufe WHERE stichtag <= ? "
            "GROUP BY stichtag ORDER BY stichtag DESC LIMIT ?) ORDER BY l.stichtag",
            (bis.isoformat(), stichtage),
        )
        return [
            (
                dt.date.fromisoformat(tag),
                kommune,
                status,
                None if mid is None else dict(zip(felder, map(_zahl, werte), strict=True)),
            )
            for tag, kommune, status, mid, *werte in zeilen
        ]

    def meldeverhalten(
        self, von: dt.date | None = None, bis: dt.date | None = None
    ) -> Iterator[tuple[str, dt.date, str, dt.date | None, str | None]]:
        """(Kommune, Stichtag, status, Stand, Einschätzung) of each Stichtag's report,
        by Kommune, then Stichtag."""
        zeilen = self._db.execute(
            "SELECT k.kommune, l.stichtag, k.status, m.stand, m.einschaetzung "
            "FROM lauf_kommunen k JOIN laeufe l ON l.id = k.lauf_id "
            "LEFT JOIN meldungen m ON m.id = k.meldung_id "
            "WHERE k.lauf_id IN (SELECT max(id) FROM laeufe WHERE stichtag >= ? "
            "AND stichtag <= ? GROUP BY stichtag) ORDER BY k.kommune, l.stichtag",
            ((von or dt.date.min).isoformat(), (bis or dt.date.max).isoformat()),
        )
        for kommune, tag, status, stand, einschaetzung in zeilen:
            yield kommune, dt.date.fromisoformat(tag), status, _datum(stand), einschaetzung


class Schreiber(Leser):
    """Reads and writes within the one write transaction of a run."""

    def einordnen(self, meldungen: Sequence[Archivmeldung]) -> list[Einordnung]:
        """For each Meldung: the identical one already stored, or its new version."""
        einordnungen = []
        for meldung in meldungen:
            stand = meldung.stand.isoformat() if meldung.stand else None
            vorhanden = self._db.execute(
                f"SELECT id, version, {', '.join(FELDER)} FROM meldungen "
                "WHERE kommune = ? AND stand IS ? ORDER BY version",
                (meldung.kommune, stand),
            ).fetchall()
            gleich = next((z for z in vorhanden if tuple(z[2:]) == meldung.zahlen), None)
            hoechste = max((int(z[1]) for z in vorhanden), default=0)
            if gleich is not None:
                einordnungen.append(Einordnung(int(gleich[0]), int(gleich[1]), hoechste))
            else:
                einordnungen.append(Einordnung(None, hoechste + 1, hoechste))
        return einordnungen

    def speichern(self, lauf: Lauf, einordnungen: Sequence[Einordnung]) -> int:
        """Store the run; ``einordnungen`` belong to the Meldungen of ``lauf.kommunen``
        (in that order, only those with one), from ``einordnen`` in this transaction."""
        jetzt = _zeitpunkt()
        platzhalter = ", ".join("?" * (len(MELDUNGSSPALTEN) + 2))
        einfuegen = (
            f"INSERT INTO meldungen ({', '.join(MELDUNGSSPALTEN)}, eingelesen_am, version) "
            f"VALUES ({platzhalter})"
        )
        mit_meldung = [k for k in lauf.kommunen if k.meldung is not None]
        ids: dict[str, int] = {}
        for status, einordnung in zip(mit_meldung, einordnungen, strict=True):
            meldung = status.meldung
            assert meldung is not None
            if einordnung.meldung_id is not None:
                ids[status.kommune] = einordnung.meldung_id
                continue
            werte = (
                meldung.kommune,
                meldung.stand.isoformat() if meldung.stand else None,
                *meldung.zahlen,
                *(meldung.kontakt.get(key) for key in KONTAKT),
                meldung.datei,
                meldung.datei_sha256,
                jetzt,
                einordnung.version,
            )
            zeiger = self._db.execute(einfuegen, werte)
            assert zeiger.lastrowid is not None
            ids[status.kommune] = zeiger.lastrowid
        summen = lauf.summen
        assert summen is not None
        summenwerte = (
            summen.kommunen_im_bezirk,
            summen.meldende_kommunen,
            summen.kritisch,
            summen.untergebracht_gu,
            summen.untergebracht_dezentral,
            *(summen.gesamt[spalte] for spalte in ZAHLSPALTEN),
        )
        spalten = ("ausgefuehrt_am", "stichtag", "bezirk", "wrm_version", *SUMMEN)
        zeiger = self._db.execute(
            f"INSERT INTO laeufe ({', '.join(spalten)}, befunde, dateien, vergleich_lauf_id) "
            f"VALUES ({', '.join('?' * (len(spalten) + 3))})",
            (
                jetzt,
                lauf.stichtag.isoformat(),
                lauf.bezirk,
                lauf.wrm_version,
                *summenwerte,
                json.dumps(lauf.befunde or [], ensure_ascii=False),
                json.dumps(lauf.dateien or [], ensure_ascii=False),
                lauf.vergleich_lauf_id,
            ),
        )
        lauf_id = zeiger.lastrowid
        assert lauf_id is not None
        self._db.executemany(
            "INSERT INTO lauf_kommunen (lauf_id, kommune, status, meldung_id, datei, grund) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (lauf_id, k.kommune, k.status, ids.get(k.kommune), k.datei, k.grund)
                for k in lauf.kommunen
            ],
        )
        return lauf_id


def _meldung(zeile: Sequence[Any]) -> Archivmeldung:
    """A row of ``id, *MELDUNGSSPALTEN, version, eingelesen_am``."""
    nr, kommune, stand, *rest = zeile
    felder = dict(zip(FELDER, rest[: len(FELDER)], strict=True))
    rest = rest[len(FELDER) :]
    kontakt = dict(zip(KONTAKT, rest[: len(KONTAKT)], strict=True))
    datei, sha256, version, eingelesen_am = rest[len(KONTAKT) :]
    return Archivmeldung(
        kommune, _datum(stand), felder, kontakt, datei, sha256, int(nr), int(version), eingelesen_am
    )


def _summen(werte: Sequence[Any]) -> Laufsummen | None:
    if werte[0] is None:
        return None
    zahlen = [int(w) for w in werte]
    alle, meldend, kritisch, gu, dezentral, *gesamt = zahlen
    return Laufsummen(
        alle, meldend, kritisch, gu, dezentral, dict(zip(ZAHLSPALTEN, gesamt, strict=True))
    )
