"""A synthetic archive for the benchmark: years of weekly runs for a big district.

Aufruf im Projektordner (schreibt das Archiv neben die wrm.toml, wenn es fehlt):

    .venv/bin/python tests/benchmark/archiv_erzeugen.py WRM.TOML ARCHIV [--wochen 260]

The archive is created by ``wrm_cli.archiv.oeffnen(..., anlegen=True)`` – the real schema
and version, its migrations included – and then filled directly with sqlite3 in one
transaction, as the weekly runs would have left it: one run per Stichtag (every 20th
Stichtag two, the first without the late files), one Meldung per Kommune and week with a
Stand in the days before the Stichtag, the figures of the published 2016 table (the
template Kommune nr % 21, as the benchmark's files) drifting over the years; about 1 % of
the Kommunen "fehlt" in a week, 1.5 % "veraltet" (their last Meldung again), 0.3 %
"ungültig". The runs' totals are computed afterwards by the same UPDATEs as the migration
to schema version 2, their Befunde and files are those the runs would have stored.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJEKT = Path(__file__).resolve().parents[2]
BEISPIELE = PROJEKT / "beispiele"
LETZTER_STICHTAG = dt.date(2016, 3, 9)  # the week before the benchmark's files (16.03.2016)
WRM_VERSION = "0.1.0"
# Kommune and week: what the run found (cumulative shares).
FEHLT, VERALTET, UNGUELTIG = 0.010, 0.025, 0.028
SPAET = 0.02  # of the Kommunen in a week with two runs: only in the second one


def _vorlagen() -> list[dict[str, str]]:
    """The 21 published Meldungen (beispiele/uebersicht_2016.csv), as text by key."""
    with open(BEISPIELE / "uebersicht_2016.csv", encoding="utf-8", newline="") as datei:
        return list(csv.DictReader(datei, delimiter=";"))


def _beispielbefunde() -> dict[str, list[dict[str, object]]]:
    """The Befunde a real run of the 21 examples stores, by Kommune."""
    with tempfile.TemporaryDirectory(prefix="wrm-bench-") as tmp:
        archiv = Path(tmp) / "a.sqlite"
        befehl = [sys.executable, "-m", "wrm_cli", "auswerten", str(BEISPIELE / "eingang")]
        befehl += ["--archiv", str(archiv)]
        subprocess.run(befehl, check=True, stdout=subprocess.DEVNULL)
        with sqlite3.connect(archiv) as db:
            (text,) = db.execute("SELECT befunde FROM laeufe").fetchone()
        db.close()
    je_kommune: dict[str, list[dict[str, object]]] = {}
    for befund in json.loads(text):
        if befund.get("kommune"):
            je_kommune.setdefault(str(befund["kommune"]), []).append(befund)
    return je_kommune


def _umbenannt(befund: dict[str, object], alt: str, neu: str) -> dict[str, object]:
    """A Befund of Kommune ``alt`` (and its file) told of Kommune ``neu``."""
    text = json.dumps(befund, ensure_ascii=False)
    text = text.replace(f"Meldung_{alt.replace(' ', '_')}.xlsx", _datei(neu))
    ergebnis: dict[str, object] = json.loads(text.replace(alt, neu))
    return ergebnis


def _datei(kommune: str) -> str:
    return f"Meldung_{kommune.replace(' ', '_')}.xlsx"


def _kommunen(toml: Path) -> tuple[str, list[str]]:
    """The district's name and Kommunen of a wrm.toml."""
    import tomllib

    daten = tomllib.loads(toml.read_text(encoding="utf-8"))
    return daten["bezirk"]["name"], [k["name"] for k in daten["kommunen"]]


def erzeugen(toml: Path, ziel: Path, wochen: int = 260, saat: int = 15) -> None:
    """Write the archive ``ziel`` (must not exist) for the district of ``toml``."""
    from wrm_cli.archiv import oeffnen
    from wrm_cli.archiv import schema as archiv

    bezirk, kommunen = _kommunen(toml)
    vorlagen = _vorlagen()
    beispielbefunde = _beispielbefunde()
    felder = archiv.FELDER
    zahlfelder = [key for key in felder if key != "einschaetzung"]
    # The real schema, through every migration step (an empty write transaction: a new
    # archive gets its tables with its first run).
    leer = oeffnen(ziel, bezirk, anlegen=True)
    with leer.schreiben():
        pass
    leer.schliessen()

    rng = random.Random(saat)
    stichtage = [LETZTER_STICHTAG - dt.timedelta(weeks=w) for w in range(wochen)][::-1]
    # Per Kommune: its template, its Befunde (as a run stores them), its contact.
    basis = [vorlagen[nr % len(vorlagen)] for nr in range(1, len(kommunen) + 1)]
    befunde_je = [
        [_umbenannt(b, v["kommune"], name) for b in beispielbefunde.get(v["kommune"], [])]
        for name, v in zip(kommunen, basis, strict=True)
    ]
    kontakt = [
        (f"Sachbearbeitung {name}", f"05401 {nr:06d}", f"wohnraum@{nr:05d}.example.de")
        for nr, name in enumerate(kommunen, start=1)
    ]
    letzte: list[int | None] = [None] * len(kommunen)  # each Kommune's newest Meldung id
    meldung_id = lauf_id = 0
    meldungsspalten = (*archiv.MELDUNGSSPALTEN, "eingelesen_am", "version")
    meldung_sql = (
        f"INSERT INTO meldungen (id, {', '.join(meldungsspalten)}) "
        f"VALUES ({', '.join('?' * (len(meldungsspalten) + 1))})"
    )
    lauf_sql = (
        "INSERT INTO laeufe (id, ausgefuehrt_am, stichtag, bezirk, wrm_version, befunde, "
        "dateien) VALUES (?, ?, ?, ?, ?, ?, ?)"
    )
    kommunen_sql = (
        "INSERT INTO lauf_kommunen (lauf_id, kommune, status, meldung_id, datei, grund) "
        "VALUES (?, ?, ?, ?, ?, ?)"
    )
    db = sqlite3.connect(ziel, isolation_level=None)
    # Only here, for the bulk load: the generated file is thrown away on any failure.
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA cache_size = -1000000")
    db.execute("BEGIN")
    for woche, stichtag in enumerate(stichtage):
        anteil = 0.5 + 0.5 * woche / max(wochen - 1, 1)  # the figures grow over the years
        zeitpunkt = f"{stichtag.isoformat()}T09:{woche % 60:02d}:00+01:00"
        meldungen: list[tuple[int, tuple[object, ...]]] = []
        status: list[tuple[str, int | None, str | None, str | None]] = []
        spaet: set[int] = set()
        zwei_laeufe = woche % 20 == 19
        for nr, name in enumerate(kommunen):
            zufall = rng.random()
            datei = _datei(name)
            if zufall < FEHLT:
                status.append(("fehlt", None, None, None))
            elif zufall < VERALTET and letzte[nr] is not None:
                status.append(("veraltet", letzte[nr], datei, None))
            elif zufall < UNGUELTIG:
                grund = "(5) ist keine ganze Zahl – bitte eine Zahl eintragen."
                status.append(("ungültig", None, datei, grund))
            else:
                bits = rng.getrandbits(48)
                werte: list[object] = []
                for i, key in enumerate(zahlfelder):
                    text = basis[nr][key]
                    if text == "":
                        werte.append(None)
                        continue
                    wert = round(int(text) * anteil) + ((bits >> (4 * i)) & 3) - 1
                    werte.append(wert if int(text) < 0 else max(wert, 0))
                einschaetzung = basis[nr]["einschaetzung"]
                if bits >> 44 == 0:  # one week in 16: the other view
                    einschaetzung = "ausreichend" if einschaetzung == "kritisch" else "kritisch"
                meldung_id += 1
                stand = stichtag - dt.timedelta(days=rng.randrange(7))
                meldungen.append(
                    (
                        nr,
                        (
                            meldung_id,
                            name,
                            stand.isoformat(),
                            *werte,
                            einschaetzung,
                            *kontakt[nr],
                            datei,
                            rng.randbytes(32).hex(),
                            zeitpunkt,
                            1,
                        ),
                    )
                )
                letzte[nr] = meldung_id
                status.append(("aktuell", meldung_id, datei, None))
                if zwei_laeufe and rng.random() < SPAET:
                    spaet.add(nr)
        for erster in [True, False] if zwei_laeufe else [False]:
            lauf_id += 1
            zeilen = [
                (lauf_id, name, "fehlt", None, None, None)
                if erster and nr in spaet
                else (lauf_id, name, *status[nr])
                for nr, name in enumerate(kommunen)
            ]
            dateien = [
                {"datei": z[4], "status": "verwendet" if z[3] else "ungültig", "kommunen": [z[1]]}
                | {"grund": z[5] or ""}
                for z in zeilen
                if z[4] is not None
            ]
            befunde = [b for nr, z in enumerate(zeilen) if z[3] for b in befunde_je[nr]]
            db.execute(
                lauf_sql,
                (
                    lauf_id,
                    zeitpunkt,
                    stichtag.isoformat(),
                    bezirk,
                    WRM_VERSION,
                    json.dumps(befunde, ensure_ascii=False),
                    json.dumps(dateien, ensure_ascii=False),
                ),
            )
            # A run stores the Meldungen it is the first to see: the late ones come with
            # the second run of the week.
            neu = [m for nr, m in meldungen if (nr in spaet) != erster] if zwei_laeufe else None
            db.executemany(meldung_sql, [m for _, m in meldungen] if neu is None else neu)
            db.executemany(kommunen_sql, zeilen)
    # The runs' totals (and what else a run keeps of itself): the same statements as the
    # migration to schema version 2.
    for anweisung in archiv.anweisungen(archiv.VERSION_2):
        if anweisung.startswith("UPDATE"):
            db.execute(anweisung)
    db.execute("COMMIT")
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("toml", type=Path, help="die wrm.toml des Bezirks")
    parser.add_argument("archiv", type=Path, help="das zu schreibende Archiv (neu)")
    parser.add_argument("--wochen", type=int, default=260)
    args = parser.parse_args()
    if args.archiv.exists():
        raise SystemExit(f"{args.archiv} gibt es schon – bitte erst löschen.")
    start = time.perf_counter()
    teil = args.archiv.with_name(args.archiv.name + ".teil")
    teil.unlink(missing_ok=True)
    erzeugen(args.toml, teil, args.wochen)
    teil.rename(args.archiv)
    groesse = args.archiv.stat().st_size / 1e6
    print(f"{args.archiv}: {groesse:.0f} MB in {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
