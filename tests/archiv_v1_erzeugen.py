"""Erzeugt tests/daten/archiv_v1.sqlite: ein Archiv der Schemaversion 1 (nur die
dokumentierten Tabellen und Spalten, ``PRAGMA user_version = 1``) mit drei Läufen der
Beispielwochen (kw09 zum 02.03.2016, kw10 zum 09.03.2016, eingang zum 16.03.2016), für
den Test der Umstellung auf die aktuelle Version (tests/test_archiv_fehler.py).

Aufruf im Projektordner: ``.venv/bin/python tests/archiv_v1_erzeugen.py``. The runs are
made by the current wrm (real processes), then copied column by column into a new file
created with ``archiv.VERSION_1``; the timestamps are fixed, so every call writes the
same content.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import closing
from pathlib import Path

PROJEKT = Path(__file__).resolve().parents[1]
BEISPIELE = PROJEKT / "beispiele"
ZIEL = PROJEKT / "tests" / "daten" / "archiv_v1.sqlite"
# The three example weeks: input folder and Stichtag.
LAEUFE = (
    (BEISPIELE / "verlauf" / "kw09", dt.date(2016, 3, 2)),
    (BEISPIELE / "verlauf" / "kw10", dt.date(2016, 3, 9)),
    (BEISPIELE / "eingang", dt.date(2016, 3, 16)),
)
# The columns of schema version 1, as the README documents them.
V1_SPALTEN = {
    "laeufe": ("id", "ausgefuehrt_am", "stichtag", "bezirk", "wrm_version"),
    "lauf_kommunen": ("lauf_id", "kommune", "status", "meldung_id"),
}


def laeufe_ausfuehren(archiv: Path) -> None:
    """The three example runs into ``archiv`` with the current wrm."""
    for eingang, stichtag in LAEUFE:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "wrm_cli",
                "auswerten",
                str(eingang),
                "--konfig",
                str(BEISPIELE / "wrm.toml"),
                "--stichtag",
                stichtag.strftime("%d.%m.%Y"),
                "--archiv",
                str(archiv),
                "-f",
                "json",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )


def als_version_1(quelle: Path, ziel: Path) -> None:
    """A true version-1 copy of the archive ``quelle``: the documented columns only,
    fixed timestamps (run n at 12:00 on its Stichtag, its new Meldungen read then)."""
    from wrm_cli.archiv.schema import MELDUNGSSPALTEN, VERSION_1, anweisungen

    ziel.unlink(missing_ok=True)
    meldungsspalten = ("id", *MELDUNGSSPALTEN, "eingelesen_am", "version")
    with closing(sqlite3.connect(quelle)) as alt, closing(sqlite3.connect(ziel)) as neu:
        for anweisung in anweisungen(VERSION_1):
            neu.execute(anweisung)
        zeitpunkte = {
            nr: f"{stichtag}T12:00:00+01:00"
            for nr, stichtag in alt.execute("SELECT id, stichtag FROM laeufe")
        }
        for tabelle, spalten in V1_SPALTEN.items():
            zeilen = [list(z) for z in alt.execute(f"SELECT {', '.join(spalten)} FROM {tabelle}")]
            if tabelle == "laeufe":
                for zeile in zeilen:
                    zeile[1] = zeitpunkte[zeile[0]]
            neu.executemany(
                f"INSERT INTO {tabelle} VALUES ({', '.join('?' * len(spalten))})", zeilen
            )
        # A Meldung was read by the first run that used it.
        erster = dict(
            alt.execute("SELECT meldung_id, min(lauf_id) FROM lauf_kommunen GROUP BY meldung_id")
        )
        zeilen = [
            list(z) for z in alt.execute(f"SELECT {', '.join(meldungsspalten)} FROM meldungen")
        ]
        stelle = meldungsspalten.index("eingelesen_am")
        for zeile in zeilen:
            zeile[stelle] = zeitpunkte[erster[zeile[0]]]
        neu.executemany(
            f"INSERT INTO meldungen ({', '.join(meldungsspalten)}) "
            f"VALUES ({', '.join('?' * len(meldungsspalten))})",
            zeilen,
        )
        neu.execute("PRAGMA user_version = 1")
        neu.commit()
        neu.execute("VACUUM")


def erzeugen(ziel: Path = ZIEL) -> Path:
    with tempfile.TemporaryDirectory() as ordner:
        archiv = Path(ordner) / "v2.sqlite"
        laeufe_ausfuehren(archiv)
        als_version_1(archiv, ziel)
    return ziel


if __name__ == "__main__":
    print(erzeugen())
