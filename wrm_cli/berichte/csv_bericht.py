"""CSV for German Excel: ';' separator, UTF-8 with BOM, formula-safe text.

Sections: a warning on stale data (only then, in the first row), the table with its
Gesamt row and the Gesamt rule, then Stichtag, Stand der Daten and the summary figures,
then the Befunde – each after an empty line, so the whole report opens in one sheet.
"""

from __future__ import annotations

import csv
import io

from wrm_cli.berichte.beschriftung import (
    befundzeilen,
    gesamt_bezeichnung,
    gesamt_fussnote,
    kennzahltitel,
    spaltentitel,
    stand_text,
    tabellenzeilen,
    warnung,
)
from wrm_cli.ergebnis import BERICHTSSPALTEN, ZAHLSPALTEN, Auswertungsbericht
from wrm_cli.werte import datum_deutsch

# OWASP: a cell starting with one of these may be run as a formula by a spreadsheet.
_FORMELZEICHEN = ("=", "+", "-", "@", "\t", "\r")


def textzelle(wert: str) -> str:
    """Text from input files can never become a formula."""
    return "'" + wert if wert.startswith(_FORMELZEICHEN) else wert


def als_csv(bericht: Auswertungsbericht) -> str:
    puffer = io.StringIO()
    schreiber = csv.writer(puffer, delimiter=";", lineterminator="\r\n")
    titel = spaltentitel(bericht.bezirk)
    spalten = BERICHTSSPALTEN
    if (achtung := warnung(bericht)) is not None:
        schreiber.writerow([achtung])
    schreiber.writerow([titel[s] for s in spalten])
    for zeile in tabellenzeilen(bericht):
        schreiber.writerow(
            [
                "" if zeile[s] is None else (zeile[s] if s in ZAHLSPALTEN else textzelle(zeile[s]))
                for s in spalten
            ]
        )
    summen = [bericht.auswertung.gesamt[s] for s in ZAHLSPALTEN]
    schreiber.writerow([gesamt_bezeichnung(bericht), *summen, ""])
    schreiber.writerow([gesamt_fussnote(bericht)])
    schreiber.writerow([])
    schreiber.writerow(["Stichtag", datum_deutsch(bericht.stichtag)])
    schreiber.writerow(["Stand der Daten", stand_text(bericht)])
    for key, text in kennzahltitel(bericht.bezirk).items():
        schreiber.writerow([text, bericht.auswertung.kennzahlen[key]])
    if bericht.fehlende_kommunen:
        schreiber.writerow(["ohne gültige Meldung", ", ".join(bericht.fehlende_kommunen)])
    if bericht.befunde:
        schreiber.writerow([])
        schreiber.writerow(["Stufe", "Datei", "Zelle", "Feld", "Meldung"])
        for befund in befundzeilen(bericht):
            schreiber.writerow(
                [
                    textzelle(teil or "")
                    for teil in (
                        befund.stufe,
                        befund.datei,
                        befund.zelle,
                        befund.feld,
                        befund.meldung,
                    )
                ]
            )
    return "\ufeff" + puffer.getvalue()
