"""The Excel report's Diagramm: a native bar chart of fehlender Wohnraum with its data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.chart import BarChart, Reference
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, TwoCellAnchor

from wrm_cli.berichte.excel_breiten import spaltenbreiten
from wrm_cli.berichte.excel_zellen import ZAHLFORMAT, drucken, kopfzeile, schreiben, spaltenname
from wrm_cli.ergebnis import Auswertungsbericht
from wrm_cli.felder import KOMMUNE
from wrm_cli.werte import datum_deutsch

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

# The chart spans the cells E2 to Q34 (0-based column and row of the lower right corner):
# high enough for a label per Kommune.
DIAGRAMM_BIS_SPALTE, DIAGRAMM_BIS_ZEILE = 17, 34


def diagramm_blatt(blatt: Worksheet, bericht: Auswertungsbericht) -> None:
    """Bar chart of fehlender Wohnraum: shortage red, free places green (two series, both
    positive, as the data table beside it shows them). Kommunen without housing data are
    named below the chart."""

    kopf = ["Kommune", "fehlender Wohnraum", "freie Plätze"]
    datensaetze = bericht.auswertung.datensaetze()
    zeilen = [z for z in datensaetze if z["fehlender_wohnraum"] is not None]
    tabelle = [
        [
            daten[KOMMUNE],
            fehlend if (fehlend := daten["fehlender_wohnraum"]) > 0 else None,
            -fehlend if fehlend <= 0 else None,
        ]
        for daten in zeilen
    ]
    formate = [None, ZAHLFORMAT, ZAHLFORMAT]
    kopfzeile(blatt, 1, kopf, spaltenbreiten(kopf, tabelle, formate))
    for zeile, werte in enumerate(tabelle, start=2):
        for spalte, wert in enumerate(werte, start=1):
            schreiben(blatt, zeile, spalte, wert, formate[spalte - 1])
    letzte = max(len(zeilen) + 1, 2)
    diagramm = BarChart()
    diagramm.type = "bar"  # horizontal: 21 names stay readable
    diagramm.grouping = "clustered"
    diagramm.overlap = 100  # one bar per Kommune: each has a value in only one series
    diagramm.title = f"Fehlender Wohnraum je Kommune, Stichtag {datum_deutsch(bericht.stichtag)}"
    diagramm.y_axis.title = "Personen"
    diagramm.x_axis.scaling.orientation = "maxMin"  # same order as the table, top to bottom
    diagramm.add_data(
        Reference(blatt, min_col=2, max_col=3, min_row=1, max_row=letzte), titles_from_data=True
    )
    diagramm.set_categories(Reference(blatt, min_col=1, min_row=2, max_row=letzte))
    for reihe, farbe in zip(diagramm.series, ("C00000", "70AD47"), strict=True):
        reihe.graphicalProperties.solidFill = farbe
        reihe.graphicalProperties.line.solidFill = farbe
    diagramm.x_axis.tickLblPos = "low"  # names left of the chart, not across the bars
    diagramm.x_axis.tickLblSkip = 1  # every name, not every other one
    diagramm.x_axis.delete = False
    diagramm.y_axis.delete = False
    # Anchored to cells (E2 to Q34, longer for a longer table), so the note below it
    # stays below it whatever row height Excel or LibreOffice uses.
    unten = max(DIAGRAMM_BIS_ZEILE, letzte)
    diagramm.anchor = TwoCellAnchor(  # type: ignore[assignment]
        _from=AnchorMarker(col=4, row=1), to=AnchorMarker(col=DIAGRAMM_BIS_SPALTE, row=unten)
    )
    blatt.add_chart(diagramm)
    ende = unten + 1
    ohne = [daten[KOMMUNE] for daten in datensaetze if daten["fehlender_wohnraum"] is None]
    if ohne:
        ende = unten + 2
        text = f"Ohne Angaben zum Wohnraum ((8)–(11) leer): {', '.join(ohne)}."
        schreiben(blatt, ende, 5, text)
    blatt.print_area = f"A1:{spaltenname(DIAGRAMM_BIS_SPALTE + 1)}{ende}"
    drucken(blatt, bericht, quer=True, titelzeilen="1:1", seiten_hoch=1)
