"""``wrm verlauf -o verlauf.xlsx``: the table of the chosen view on one sheet; for the
district, with the same native line chart as the report's sheet Verlauf."""

from __future__ import annotations

from openpyxl import Workbook

from wrm_cli import __version__
from wrm_cli.berichte.excel_verlauf import ZEILE_KOPF, diagrammtitel, verlauf_blatt
from wrm_cli.berichte.excel_zellen import als_bytes, drucken, schreiben
from wrm_cli.berichte.verlauf_spalten import leer_satz, tabelle, titel
from wrm_cli.blaetter import BLATT_VERLAUF
from wrm_cli.verlaufsergebnis import Verlaufsbericht

BLATT_MELDEVERHALTEN = "Meldeverhalten"


def als_xlsx(bericht: Verlaufsbericht) -> bytes:
    mappe = Workbook()
    blatt = mappe.active
    assert blatt is not None
    blatt.title = BLATT_MELDEVERHALTEN if bericht.art == "meldungen" else BLATT_VERLAUF
    unterzeile = f"erstellt mit wrm {__version__}"
    if bericht.leer:
        schreiben(blatt, 1, 1, leer_satz(bericht))
    else:
        diagramm = diagrammtitel(bericht.bezirk.name) if bericht.art == "bezirk" else None
        blatt.print_area = verlauf_blatt(
            blatt, tabelle(bericht), titel(bericht), unterzeile, diagramm
        )
    drucken(blatt, bericht, quer=True, titelzeilen=f"{ZEILE_KOPF}:{ZEILE_KOPF}")
    return als_bytes(mappe, leer_satz(bericht) if bericht.leer else titel(bericht))
