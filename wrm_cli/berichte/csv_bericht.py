"""CSV for German Excel: ';' separator, UTF-8 with BOM, formula-safe text.

Sections: a warning on stale data (only then, in the first row), the table with its
Gesamt row and the Gesamt rule, then Stichtag, Stand der Daten and the summary figures,
then the Befunde – each after an empty line, so the whole report opens in one sheet.
With a comparison: the column "± Vorwoche" and each figure's change in a third cell,
plain integers like every number here (12, -5, 0, blank), so Excel reads them as numbers.
"""

from __future__ import annotations

import csv
import io

from wrm_cli.berichte.beschriftung import (
    VERGLEICH_SPALTE,
    befundzeilen,
    gesamt_bezeichnung,
    gesamt_fussnote,
    kennzahltitel,
    spaltentitel,
    stand_text,
    tabellenzeilen,
    vergleich_kommunen,
    warnung,
)
from wrm_cli.ergebnis import BERICHTSSPALTEN, ZAHLSPALTEN, Auswertungsbericht
from wrm_cli.werte import datum_deutsch

# OWASP: a cell starting with one of these may be run as a formula by a spreadsheet.
_FORMELZEICHEN = ("=", "+", "-", "@", "\t", "\r")


_VERAENDERUNG = "veraenderung"  # the key of the change column


def textzelle(wert: str) -> str:
    """Text from input files can never become a formula."""
    return "'" + wert if wert.startswith(_FORMELZEICHEN) else wert


def als_csv(bericht: Auswertungsbericht) -> str:
    puffer = io.StringIO()
    schreiber = csv.writer(puffer, delimiter=";", lineterminator="\r\n")
    titel = spaltentitel(bericht.bezirk)
    vergleich = bericht.vergleich
    spalten: list[str] = list(BERICHTSSPALTEN)
    if vergleich is not None:  # the change column right of "fehlender Wohnraum"
        spalten.insert(spalten.index("fehlender_wohnraum") + 1, _VERAENDERUNG)
        titel[_VERAENDERUNG] = VERGLEICH_SPALTE
    if (achtung := warnung(bericht)) is not None:
        schreiber.writerow([achtung])
    schreiber.writerow([titel[s] for s in spalten])
    for zeile in tabellenzeilen(bericht):
        if vergleich is not None:
            zeile[_VERAENDERUNG] = vergleich.zeilen[zeile["kommune"]]["fehlender_wohnraum"]
        schreiber.writerow(
            [
                ""
                if zeile[s] is None
                else (zeile[s] if s in ZAHLSPALTEN or s == _VERAENDERUNG else textzelle(zeile[s]))
                for s in spalten
            ]
        )
    summen: list[int] = [bericht.auswertung.gesamt[s] for s in ZAHLSPALTEN]
    if vergleich is not None:
        summen.insert(
            ZAHLSPALTEN.index("fehlender_wohnraum") + 1, vergleich.gesamt["fehlender_wohnraum"]
        )
    schreiber.writerow([gesamt_bezeichnung(bericht), *summen, ""])
    schreiber.writerow([gesamt_fussnote(bericht)])
    schreiber.writerow([])
    schreiber.writerow(["Stichtag", datum_deutsch(bericht.stichtag)])
    schreiber.writerow(["Stand der Daten", stand_text(bericht)])
    if vergleich is not None:
        schreiber.writerow(["Vergleich mit Stichtag", datum_deutsch(vergleich.stichtag)])
        if (anders := vergleich_kommunen(bericht)) is not None:
            schreiber.writerow(["Vergleich", anders])
    for key, text in kennzahltitel(bericht.bezirk).items():
        wert = bericht.auswertung.kennzahlen[key]
        # With a comparison, its change (now − then) follows each figure.
        schreiber.writerow(
            [text, wert] if vergleich is None else [text, wert, vergleich.kennzahlen[key]]
        )
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
