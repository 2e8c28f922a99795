"""The straightforward way, for comparison: one pandas.read_excel per file, then concat.

Aufruf: ``python basislinie.py ORDNER WRM.TOML``. Reads every template with
``pandas.read_excel(engine="openpyxl")``, takes the input cells at the template's
fixed positions, concatenates the one-row frames, validates them with wrm's pandera
schema and computes wrm's evaluation table, which it prints.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pandas as pd

from wrm_cli.auswertung.tabelle import auswerten
from wrm_cli.blaetter import BLATT_MELDUNG
from wrm_cli.felder import ALLE_SCHLUESSEL, STAND
from wrm_cli.konfig import konfig_laden
from wrm_cli.lesen.arbeitsmappe import spaltennummer
from wrm_cli.lesen.lauf import MELDUNG_NR
from wrm_cli.pruefung.schemata import meldung_schema
from wrm_cli.vorlage import eingabezellen


def _position(adresse: str) -> tuple[int, int]:
    """ "C12" → (11, 2), 0-based row and column."""
    buchstaben = adresse.rstrip("0123456789")
    return int(adresse[len(buchstaben) :]) - 1, spaltennummer(buchstaben)


def _wert(key: str, wert: object) -> object:
    if pd.isna(wert):
        return None
    if key == STAND:
        return pd.Timestamp(wert).date()
    return float(wert) if isinstance(wert, int | float) else wert


def main(ordner: Path, toml: Path) -> None:
    einstellungen = konfig_laden(toml)
    zellen = {key: _position(adresse) for key, adresse in eingabezellen().items()}
    rahmen = []
    for pfad in sorted(ordner.glob("*.xlsx")):
        blatt = pd.read_excel(pfad, sheet_name=BLATT_MELDUNG, header=None, engine="openpyxl")
        zeile = {"quelle": str(pfad)}
        zeile |= {key: _wert(key, blatt.iat[zellen[key]]) for key in ALLE_SCHLUESSEL}
        rahmen.append(pd.DataFrame([zeile], dtype=object))
    meldungen = pd.concat(rahmen, ignore_index=True)
    stichtag = einstellungen.stichtag or dt.date.today()
    meldung_schema(einstellungen.bezirk.kommunennamen, stichtag).validate(meldungen, lazy=True)
    meldungen[MELDUNG_NR] = range(len(meldungen))
    print(auswerten(meldungen).zeilen.to_string())


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
