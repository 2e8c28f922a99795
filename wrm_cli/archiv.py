"""The archive: every weekly run of ``wrm auswerten`` in one SQLite file. The only
module that speaks SQL.

Append-only: a run adds its Meldungen (a Meldung already stored is not stored again; new
figures for a stored Kommune and Stand are the next version), one row in ``laeufe`` and
one row per Kommune of the district in ``lauf_kommunen`` – in one transaction, so a run
killed at any moment leaves all of it or nothing. Rollback journal, not WAL: archives
live on Windows network drives, where WAL's shared memory does not work.

Every failure becomes one German sentence (``ArchivFehler``) and the file stays as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wrm_cli.ergebnis import ZAHLSPALTEN
from wrm_cli.fehler import ArchivFehler
from wrm_cli.felder import FELD, KAPAZITAETSFELDER, KONTAKT_LABELS

SCHEMAVERSION = 2
_KOPF = b"SQLite format 3\x00"
_FELDER = tuple(FELD)
_KONTAKT = tuple(KONTAKT_LABELS)
_MELDUNGSSPALTEN = ("kommune", "stand", *_FELDER, *_KONTAKT, "datei", "datei_sha256")
STATUS = ("aktuell", "veraltet", "ohne Stand", "ungültig", "fehlt")
# The run's totals (schema version 2), so that ``wrm verlauf`` reads one row per run.
_SUMMEN = (
    "kommunen_im_bezirk",
    "meldende_kommunen",
    "kritisch",
    "untergebracht_gu",
    "untergebracht_dezentral",
    *(f"gesamt_{spalte}" for spalte in ZAHLSPALTEN),
)

# Version 1: the documented tables (README, "Das Archiv"). Each later version is one step
# below; a new archive is created at version 1 and then taken through every step, so the
# migrations run on every new archive, not only on old ones.
_VERSION_1 = f"""
CREATE TABLE meldungen (
    id INTEGER PRIMARY KEY,
    kommune TEXT NOT NULL,
    stand TEXT,
    {", ".join(f"{key} {'TEXT' if key == 'einschaetzung' else 'INTEGER'}" for key in _FELDER)},
    {", ".join(f"{key} TEXT" for key in _KONTAKT)},
    datei TEXT NOT NULL,
    datei_sha256 TEXT NOT NULL,
    eingelesen_am TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (kommune, stand, version)
);
CREATE TABLE laeufe (
    id INTEGER PRIMARY KEY,
    ausgefuehrt_am TEXT NOT NULL,
    stichtag TEXT NOT NULL,
    bezirk TEXT NOT NULL,
    wrm_version TEXT NOT NULL
);
CREATE INDEX laeufe_stichtag ON laeufe (stichtag, id);
CREATE TABLE lauf_kommunen (
    lauf_id INTEGER NOT NULL REFERENCES laeufe (id),
    kommune TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ({", ".join(f"'{s}'" for s in STATUS)})),
    meldung_id INTEGER REFERENCES meldungen (id),
    PRIMARY KEY (lauf_id, kommune)
) WITHOUT ROWID;
CREATE INDEX lauf_kommunen_kommune ON lauf_kommunen (kommune, lauf_id);
"""


def _summe(*felder: str) -> str:
    """Σ over the run's Meldungen of these fields added up, blanks as 0."""
    return "total(" + " + ".join(f"COALESCE(m.{feld}, 0)" for feld in felder) + ")"


# Version 2: the run's totals (computed here from the stored Meldungen, exactly as the
# Gesamt row sums them: blanks as 0, fehlender Wohnraum = Σ(5) − ΣSumme), its Befunde and
# files, and why a Kommune was "ungültig". Without the index of lauf_kommunen by Kommune:
# each run would update 11,000 scattered pages of it (a third of the archive's cost for a
# Land), and one Kommune's runs are found by the primary key (lauf_id, kommune) as fast.
_VERSION_2 = f"""
{"".join(f"ALTER TABLE laeufe ADD COLUMN {spalte} INTEGER;" for spalte in _SUMMEN)}
ALTER TABLE laeufe ADD COLUMN befunde TEXT;
ALTER TABLE laeufe ADD COLUMN dateien TEXT;
ALTER TABLE laeufe ADD COLUMN vergleich_lauf_id INTEGER REFERENCES laeufe (id);
ALTER TABLE lauf_kommunen ADD COLUMN datei TEXT;
ALTER TABLE lauf_kommunen ADD COLUMN grund TEXT;
DROP INDEX lauf_kommunen_kommune;
UPDATE laeufe SET
    kommunen_im_bezirk = s.alle,
    meldende_kommunen = s.meldend,
    kritisch = s.kritisch,
    untergebracht_gu = s.gu,
    untergebracht_dezentral = s.dezentral,
    gesamt_bisherige_zuweisungen = s.zuweisungen,
    gesamt_zu_erfuellen = s.zu_erfuellen,
    gesamt_verfuegbar_gu = s.verfuegbar_gu,
    gesamt_verfuegbar_dezentral = s.verfuegbar_dezentral,
    gesamt_in_aussicht_gu = s.in_aussicht_gu,
    gesamt_in_aussicht_dezentral = s.in_aussicht_dezentral,
    gesamt_summe = s.summe,
    gesamt_fehlender_wohnraum = s.zu_erfuellen - s.summe
FROM (
    SELECT
        k.lauf_id,
        count(*) AS alle,
        count(m.id) AS meldend,
        count(CASE WHEN m.einschaetzung = 'kritisch' THEN 1 END) AS kritisch,
        {_summe("untergebracht_gu")} AS gu,
        {_summe("untergebracht_dezentral")} AS dezentral,
        {_summe("zuweisungen")} AS zuweisungen,
        {_summe("zu_erfuellen")} AS zu_erfuellen,
        {_summe("verfuegbar_gu")} AS verfuegbar_gu,
        {_summe("verfuegbar_dezentral")} AS verfuegbar_dezentral,
        {_summe("in_aussicht_gu")} AS in_aussicht_gu,
        {_summe("in_aussicht_dezentral")} AS in_aussicht_dezentral,
        {_summe(*KAPAZITAETSFELDER)} AS summe
    FROM lauf_kommunen AS k LEFT JOIN meldungen AS m ON m.id = k.meldung_id
    GROUP BY k.lauf_id
) AS s
WHERE laeufe.id = s.lauf_id;
UPDATE laeufe SET vergleich_lauf_id = (
    SELECT v.id FROM laeufe AS v WHERE v.stichtag < laeufe.stichtag AND v.id < laeufe.id
    ORDER BY v.stichtag DESC, v.id DESC LIMIT 1
);
"""
_SCHRITTE = {1: _VERSION_1, 2: _VERSION_2}


# --- what goes in and what comes out ---------------------------------------------------


@dataclass(frozen=True)
class Archivmeldung:
    """A Meldung as the archive stores it (a Kommune's canonical name, plain values)."""

    kommune: str
    stand: dt.date | None
    felder: dict[str, int | str | None]  # the twelve fields by key
    kontakt: dict[str, str | None]  # ansprechpartner, telefon, email
    datei: str  # the file name
    datei_sha256: str
    id: int | None = None  # once stored
    version: int = 1
    eingelesen_am: str | None = None

    @property
    def zahlen(self) -> tuple[object, ...]:
        """What makes two Meldungen of one Kommune and Stand the same: their figures."""
        return tuple(self.felder.get(key) for key in _FELDER)


@dataclass(frozen=True)
class Einordnung:
    """How a Meldung of this run relates to those already stored for its Kommune and Stand."""

    meldung_id: int | None  # the identical Meldung already stored, else None (new)
    version: int  # the identical one's version, else the new version number
    neueste_version: int  # the highest version stored before this run (0: none)


@dataclass(frozen=True)
class Kommunenstatus:
    """A Kommune of the district in one run."""

    kommune: str
    status: str  # one of STATUS
    meldung: Archivmeldung | None = None
    datei: str | None = None
    grund: str | None = None


@dataclass(frozen=True)
class Laufsummen:
    """What a run reported for the district, kept with it for ``wrm verlauf``."""

    kommunen_im_bezirk: int
    meldende_kommunen: int
    kritisch: int
    untergebracht_gu: int
    untergebracht_dezentral: int
    gesamt: dict[str, int]  # ZAHLSPALTEN


@dataclass(frozen=True)
class Lauf:
    """One run: as stored, or as read back."""

    stichtag: dt.date
    bezirk: str
    wrm_version: str
    ausgefuehrt_am: str  # ISO timestamp with offset
    kommunen: list[Kommunenstatus]
    summen: Laufsummen | None
    befunde: list[dict[str, Any]] | None = None  # Befund.als_dict(); None before version 2
    dateien: list[dict[str, Any]] | None = None  # the JSON's "dateien"
    id: int | None = None
    # The run its report was compared with (None: none); from schema version 2 on, and
    # for older runs the one the rule gave then: the latest of an earlier Stichtag.
    vergleich_lauf_id: int | None = None


# --- opening -------------------------------------------------------------------------


class Archiv:
    """An open archive. ``oeffnen`` checks it; ``schreiben`` is the one write transaction."""

    def __init__(
        self,
        pfad: Path,
        verbindung: sqlite3.Connection,
        ausweg: str,
        wartezeit: float,
        neu_angelegt: bool = False,
    ) -> None:
        self.pfad = pfad
        self._db = verbindung
        self._ausweg = ausweg
        self._wartezeit = wartezeit
        # The file did not exist: if no run gets stored, none is left behind.
        self._neu_angelegt = neu_angelegt

    def schliessen(self) -> None:
        self._db.close()
        if self._neu_angelegt and self.pfad.exists() and self.pfad.stat().st_size == 0:
            self.pfad.unlink()

    @contextmanager
    def _fehler(self) -> Iterator[None]:
        with _deutsch(self.pfad, self._ausweg, self._wartezeit):
            yield

    @contextmanager
    def schreiben(self) -> Iterator[Schreiber]:
        """BEGIN IMMEDIATE … COMMIT: waits while another run writes, then has the archive
        to itself; any failure rolls everything back."""
        with self._fehler():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                if int(self._db.execute("PRAGMA user_version").fetchone()[0]) == 0:
                    # A new archive gets its tables with its first run, in its transaction.
                    _schritte(self._db, 0, SCHEMAVERSION)
                yield Schreiber(self._db)
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    @contextmanager
    def lesen(self) -> Iterator[Leser]:
        """One consistent view for a read (a deferred transaction)."""
        with self._fehler():
            self._db.execute("BEGIN")
            try:
                yield Leser(self._db)
            finally:
                if self._db.in_transaction:
                    self._db.execute("COMMIT")


def oeffnen(
    pfad: Path, bezirk: str, *, anlegen: bool, wartezeit: float = 30, ausweg: str = ""
) -> Archiv:
    """The archive at ``pfad``, checked: an SQLite file of wrm (created when missing and
    ``anlegen``), of this district, of this or an older schema version (then migrated in
    place). ``ausweg``: what the messages offer instead, e.g. "--ohne-archiv"."""
    zusatz = f" {ausweg.strip()}" if ausweg.strip() else ""
    if pfad.is_dir():
        raise ArchivFehler(
            f"Das Archiv {pfad} ist ein Ordner, keine Datei – bitte die Archivdatei angeben, "
            f"z. B. {pfad / 'wrm-archiv.sqlite'}.{zusatz}"
        )
    vorhanden = pfad.exists()
    neu = not vorhanden or pfad.stat().st_size == 0  # SQLite's own view of an empty file
    if neu and not anlegen:
        raise ArchivFehler(
            f"Das Archiv {pfad} {'ist leer' if pfad.exists() else 'gibt es nicht'} – es "
            f"entsteht beim ersten „wrm auswerten … --archiv {pfad}“."
        )
    if neu and not pfad.parent.is_dir():
        raise ArchivFehler(
            f"Den Ordner {pfad.parent} für das Archiv {pfad} gibt es nicht – bitte den Ordner "
            f"anlegen oder einen anderen Pfad angeben.{zusatz}"
        )
    if not neu:
        with open(pfad, "rb") as datei:
            if datei.read(len(_KOPF)) != _KOPF:
                raise ArchivFehler(
                    f"{pfad} ist keine SQLite-Datei und damit kein wrm-Archiv – bitte die "
                    f"richtige Datei angeben (sie bleibt unverändert).{zusatz}"
                )
        if anlegen and _schreibgeschuetzt(pfad):
            raise ArchivFehler(
                f"Das Archiv {pfad} ist schreibgeschützt – bitte den Schreibschutz der Datei "
                f"(und ihres Ordners) aufheben.{zusatz}"
            )
    with _deutsch(pfad, zusatz, wartezeit):
        verbindung = sqlite3.connect(pfad, timeout=wartezeit, isolation_level=None)
    archiv = Archiv(pfad, verbindung, zusatz, wartezeit, neu_angelegt=not vorhanden)
    try:
        with archiv._fehler():
            _pruefen_und_umstellen(archiv, verbindung, bezirk, anlegen)
    except BaseException:
        verbindung.close()
        raise
    return archiv


def _schreibgeschuetzt(pfad: Path) -> bool:
    """Read-only for this user, or marked read-only (no write bit, as Windows' attribute
    shows on a share) even for an administrator; the journal needs the folder too."""
    ohne_schreibbit = not pfad.stat().st_mode & 0o222
    return ohne_schreibbit or not os.access(pfad, os.W_OK) or not os.access(pfad.parent, os.W_OK)


def _pruefen_und_umstellen(
    archiv: Archiv, db: sqlite3.Connection, bezirk: str, schreibend: bool
) -> None:
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMAVERSION:
        raise ArchivFehler(
            f"Das Archiv {archiv.pfad} stammt von einer neueren wrm-Version (Archivversion "
            f"{version}, diese wrm-Version kennt bis {SCHEMAVERSION}) – bitte wrm aktualisieren."
            f"{archiv._ausweg}"
        )
    if version == 0:
        tabellen = [r[0] for r in db.execute("SELECT name FROM sqlite_schema WHERE type='table'")]
        if tabellen:
            gezeigt = ", ".join(sorted(tabellen)[:5])
            raise ArchivFehler(
                f"{archiv.pfad} ist eine SQLite-Datei, aber kein wrm-Archiv (sie enthält die "
                f"Tabellen {gezeigt}) – bitte die richtige Datei angeben (sie bleibt "
                f"unverändert).{archiv._ausweg}"
            )
        if not schreibend:
            raise ArchivFehler(
                f"Das Archiv {archiv.pfad} enthält noch keinen Lauf – es füllt sich mit "
                f"„wrm auswerten … --archiv {archiv.pfad}“."
            )
        return  # new: the tables come with the first run (Archiv.schreiben)
    # Before any migration: another district's archive stays as it is.
    if version > 0:
        fremd = db.execute(
            "SELECT bezirk FROM laeufe WHERE bezirk <> ? LIMIT 1", (bezirk,)
        ).fetchone()
        if fremd is not None:
            raise ArchivFehler(
                f"Das Archiv {archiv.pfad} gehört zum Bezirk „{fremd[0]}“, die Auswertung zum "
                f"Bezirk „{bezirk}“ – bitte das Archiv dieses Bezirks angeben (oder die "
                f"passende wrm.toml mit --konfig).{archiv._ausweg}"
            )
    if version < SCHEMAVERSION:
        if version > 0 and _schreibgeschuetzt(archiv.pfad):
            raise ArchivFehler(
                f"Das Archiv {archiv.pfad} muss auf die Archivversion {SCHEMAVERSION} "
                f"umgestellt werden, ist aber schreibgeschützt – bitte den Schreibschutz "
                f"aufheben.{archiv._ausweg}"
            )
        umstellen(db, version)
    if not _schreibgeschuetzt(archiv.pfad):
        # The rollback journal even if a tool switched the file to WAL (kept in the file).
        db.execute("PRAGMA journal_mode = DELETE")


def umstellen(db: sqlite3.Connection, von: int, bis: int = SCHEMAVERSION) -> None:
    """Take the archive from schema version ``von`` to ``bis``, in one transaction."""
    db.execute("BEGIN IMMEDIATE")
    try:
        # Another run may have migrated it (or created it) while this one waited.
        von = max(von, int(db.execute("PRAGMA user_version").fetchone()[0]))
        _schritte(db, von, bis)
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


def _schritte(db: sqlite3.Connection, von: int, bis: int) -> None:
    """The migration steps after version ``von`` up to ``bis``, in the open transaction."""
    for version in range(von + 1, bis + 1):
        for anweisung in _anweisungen(_SCHRITTE[version]):
            db.execute(anweisung)
    db.execute(f"PRAGMA user_version = {int(bis)}")


def _anweisungen(skript: str) -> list[str]:
    """A script's statements (``executescript`` would commit on its own)."""
    return [teil.strip() for teil in skript.split(";") if teil.strip()]


_HINWEIS_WARTEN = "wird gerade von einem anderen wrm-Lauf benutzt"


@contextmanager
def _deutsch(pfad: Path, ausweg: str, wartezeit: float) -> Iterator[None]:
    """SQLite's complaints as one German sentence naming the file."""
    try:
        yield
    except sqlite3.DatabaseError as fehler:
        text = str(fehler).lower()
        if "locked" in text or "busy" in text:
            satz = (
                f"Das Archiv {pfad} {_HINWEIS_WARTEN}; nach {wartezeit:g} "
                f"{'Sekunde' if wartezeit == 1 else 'Sekunden'} Warten wurde abgebrochen – bitte "
                "später erneut versuchen."
            )
        elif "readonly" in text or "read-only" in text:
            satz = (
                f"Das Archiv {pfad} ist schreibgeschützt – bitte den Schreibschutz der Datei "
                "und ihres Ordners aufheben."
            )
        elif "not a database" in text or "encrypted" in text:
            satz = (
                f"{pfad} ist keine lesbare SQLite-Datei und damit kein wrm-Archiv – bitte die "
                "richtige Datei angeben (sie bleibt unverändert)."
            )
        elif "unable to open" in text:
            satz = (
                f"Das Archiv {pfad} lässt sich nicht öffnen – bitte die Zugriffsrechte der "
                "Datei und ihres Ordners prüfen."
            )
        elif "disk i/o" in text or "full" in text:
            satz = (
                f"Das Archiv {pfad} ließ sich nicht schreiben (Datenträger voll oder "
                "Netzlaufwerk getrennt?); es ist unverändert."
            )
        else:
            satz = (
                f"Das Archiv {pfad} ist beschädigt und lässt sich nicht lesen – bitte die "
                "letzte Sicherung zurückspielen."
            )
        raise ArchivFehler(satz + ausweg) from None


# --- writing a run ---------------------------------------------------------------------


def _zeitpunkt() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _datum(wert: str | None) -> dt.date | None:
    return dt.date.fromisoformat(wert) if wert else None


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

    def lauf_vor(self, stichtag: dt.date, ausser: int | None = None) -> int | None:
        """The latest run of the latest Stichtag before this one."""
        zeile = self._db.execute(
            "SELECT id FROM laeufe WHERE stichtag < ? AND id IS NOT ? "
            "ORDER BY stichtag DESC, id DESC LIMIT 1",
            (stichtag.isoformat(), ausser),
        ).fetchone()
        return None if zeile is None else int(zeile[0])

    def stichtage(self) -> list[dt.date]:
        return [
            dt.date.fromisoformat(t)
            for (t,) in self._db.execute("SELECT DISTINCT stichtag FROM laeufe ORDER BY stichtag")
        ]

    def lauf(self, lauf_id: int) -> Lauf:
        """A run as stored: its Kommunen with the Meldungen it evaluated."""
        spalten = ", ".join(("ausgefuehrt_am", "stichtag", "bezirk", "wrm_version", *_SUMMEN))
        kopf = self._db.execute(
            f"SELECT {spalten}, befunde, dateien, vergleich_lauf_id FROM laeufe WHERE id = ?",
            (lauf_id,),
        ).fetchone()
        meldung = ", ".join(f"m.{s}" for s in ("id", *_MELDUNGSSPALTEN, "version", "eingelesen_am"))
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
        summen, (befunde, dateien, vergleich_lauf_id) = rest[: len(_SUMMEN)], rest[-3:]
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
        spalten = ", ".join(f"m.{s}" for s in ("id", *_MELDUNGSSPALTEN, "version", "eingelesen_am"))
        zeilen = self._db.execute(
            f"SELECT {spalten} FROM meldungen m JOIN (SELECT kommune, max(stand) AS stand "
            "FROM meldungen WHERE stand <= ? GROUP BY kommune) n "
            "ON m.kommune = n.kommune AND m.stand = n.stand ORDER BY m.kommune, m.version",
            (bis.isoformat(),),
        )
        neueste = {meldung.kommune: meldung for meldung in map(_meldung, zeilen)}
        return list(neueste.values())

    def summen(
        self, von: dt.date | None = None, bis: dt.date | None = None
    ) -> list[tuple[dt.date, Laufsummen]]:
        """The district's totals of each Stichtag's report, oldest first."""
        spalten = ", ".join(_SUMMEN)
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
        meldung = ", ".join(f"m.{s}" for s in ("id", *_MELDUNGSSPALTEN, "version", "eingelesen_am"))
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
                f"SELECT id, version, {', '.join(_FELDER)} FROM meldungen "
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
        platzhalter = ", ".join("?" * (len(_MELDUNGSSPALTEN) + 2))
        einfuegen = (
            f"INSERT INTO meldungen ({', '.join(_MELDUNGSSPALTEN)}, eingelesen_am, version) "
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
                *(meldung.kontakt.get(key) for key in _KONTAKT),
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
        spalten = ("ausgefuehrt_am", "stichtag", "bezirk", "wrm_version", *_SUMMEN)
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
    """A row of ``id, *_MELDUNGSSPALTEN, version, eingelesen_am``."""
    nr, kommune, stand, *rest = zeile
    felder = dict(zip(_FELDER, rest[: len(_FELDER)], strict=True))
    rest = rest[len(_FELDER) :]
    kontakt = dict(zip(_KONTAKT, rest[: len(_KONTAKT)], strict=True))
    datei, sha256, version, eingelesen_am = rest[len(_KONTAKT) :]
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
