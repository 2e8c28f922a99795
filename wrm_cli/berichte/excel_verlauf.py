"""The history in Excel: the comparison column of the Auswertung, a sheet with the table
of a ``wrm verlauf`` view, and the native line chart of fehlender Wohnraum and
Gesamtverfügbarkeit over the Stichtage (the report's sheet "Verlauf" and
``wrm verlauf -o verlauf.xlsx`` share them)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from openpyxl.chart import LineChart, Reference
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, TwoCellAnchor
from openpyxl.styles import Font

from wrm_cli.berichte.excel_breiten import spaltenbreiten
from wrm_cli.berichte.excel_zellen import (
    ANTEILFORMAT,
    DATUMSFORMAT,
    ZAHLFORMAT,
    drucken,
    kopfzeile,
    schreiben,
    spaltenname,
)
from wrm_cli.berichte.verlauf_spalten import (
    SPALTE_FEHLEND,
    SPALTE_GESAMTVERFUEGBARKEIT,
    SPALTE_STICHTAG,
    Art,
    Tabelle,
    bezirkstabelle,
)
from wrm_cli.ergebnis import Auswertungsbericht
from wrm_cli.werte import datum_deutsch

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

# A change: +12, −5 (U+2212, as the text reports), 0.
VERAENDERUNGSFORMAT = '+#,##0;"\u2212"#,##0;0'
VERAENDERUNG_TITEL = "± Vorwoche"
FORMATE: dict[Art, str | None] = {
    "text": None,
    "datum": DATUMSFORMAT,
    "zahl": ZAHLFORMAT,
    "veraenderung": VERAENDERUNGSFORMAT,
    "anteil": ANTEILFORMAT,
    "meldend": ZAHLFORMAT,
    "stichtage": ZAHLFORMAT,
}
# Verlauf sheets: title rows, the header, then one row per Stichtag (or Kommune).
ZEILE_KOPF = 4
ERSTE_ZEILE = ZEILE_KOPF + 1
DIAGRAMM_HOEHE = 22  # rows below the table


def veraenderung_fehlend(bericht: Auswertungsbericht, daten: dict[str, Any]) -> int | None:
    """The row's change of fehlender Wohnraum since the comparison run."""
    assert bericht.vergleich is not None
    return bericht.vergleich.zeilen.get(daten["kommune"], {}).get("fehlender_wohnraum")


def vergleich_satz(bericht: Auswertungsbericht) -> str:
    """The note under the Kennzahlen: what "± Vorwoche" compares with."""
    vergleich = bericht.vergleich
    assert vergleich is not None
    satz = (
        f"{VERAENDERUNG_TITEL}: Veränderung seit dem {datum_deutsch(vergleich.stichtag)}, "
        "mit den damals gemeldeten Zahlen"
    )
    teile = []
    if vergleich.neu:
        teile.append("neu in der Tabelle: " + ", ".join(vergleich.neu))
    if vergleich.weggefallen:
        teile.append("damals in der Tabelle, jetzt nicht: " + ", ".join(vergleich.weggefallen))
    return satz + ("; " + "; ".join(teile) if teile else "") + "."


def tabelle_schreiben(blatt: Worksheet, daten: Tabelle, zeile: int = ZEILE_KOPF) -> int:
    """Header (with units) and rows as numbers, dates and text; returns the last row."""
    # A share is formatted as one ("82%"); the other units go into the header.
    kopf = [s.titel if s.art == "anteil" else s.kopf_mit_einheit for s in daten.spalten]
    formate = [FORMATE[spalte.art] for spalte in daten.spalten]
    # Dates whole, numbers apart from each other (a narrow "±" would touch its neighbour).
    mindestens = [11.0 if s.art == "datum" else 9.0 if s.rechts else 0.0 for s in daten.spalten]
    kopfzeile(blatt, zeile, kopf, spaltenbreiten(kopf, daten.zeilen, formate, mindestens))
    for nr, werte in enumerate(daten.zeilen, start=zeile + 1):
        for spalte, (wert, format_) in enumerate(zip(werte, formate, strict=True), start=1):
            schreiben(blatt, nr, spalte, wert, format_)
    return zeile + len(daten.zeilen)


def liniendiagramm(blatt: Worksheet, kopf: int, letzte: int, titel: str) -> LineChart:
    """fehlender Wohnraum and Gesamtverfügbarkeit of the district table (header in row
    ``kopf``, Stichtage down to ``letzte``) as lines, the Stichtage as categories."""
    diagramm = LineChart()
    diagramm.title = titel
    diagramm.y_axis.title = "Personen"
    diagramm.x_axis.title = "Stichtag"
    diagramm.x_axis.number_format = DATUMSFORMAT
    for spalte, farbe in (
        (SPALTE_FEHLEND, "C00000"),
        (SPALTE_GESAMTVERFUEGBARKEIT, "2E75B6"),
    ):
        werte = Reference(blatt, min_col=spalte + 1, min_row=kopf, max_row=letzte)
        diagramm.add_data(werte, titles_from_data=True)
        reihe = diagramm.series[-1]
        reihe.graphicalProperties.line.solidFill = farbe
        reihe.graphicalProperties.line.width = 28575  # 2.25 pt
        reihe.marker.symbol = "circle"
        reihe.marker.graphicalProperties.solidFill = farbe
        reihe.marker.graphicalProperties.line.solidFill = farbe
        reihe.smooth = False
    stichtage = Reference(blatt, min_col=SPALTE_STICHTAG + 1, min_row=kopf + 1, max_row=letzte)
    diagramm.set_categories(stichtage)
    diagramm.x_axis.tickLblPos = "low"  # dates below the plot, also for negative values
    diagramm.x_axis.delete = False
    diagramm.y_axis.delete = False
    diagramm.legend.position = "b"  # type: ignore[union-attr]
    return diagramm


def diagramm_einfuegen(blatt: Worksheet, daten: Tabelle, letzte: int, titel: str) -> int:
    """The line chart below the district table, anchored to cells across its columns;
    returns the last row it covers."""
    diagramm = liniendiagramm(blatt, ZEILE_KOPF, letzte, titel)
    oben = letzte + 1  # 0-based: one empty row between table and chart
    unten = oben + DIAGRAMM_HOEHE
    diagramm.anchor = TwoCellAnchor(  # type: ignore[assignment]
        _from=AnchorMarker(col=0, row=oben), to=AnchorMarker(col=len(daten.spalten), row=unten)
    )
    blatt.add_chart(diagramm)
    return unten


def verlauf_blatt(
    blatt: Worksheet, daten: Tabelle, titel: str, unterzeile: str, diagramm: str | None
) -> str:
    """Title, subtitle, the table and (with a chart title) the line chart below it;
    returns the print area."""
    schreiben(blatt, 1, 1, titel).font = Font(bold=True, size=14)
    schreiben(blatt, 2, 1, unterzeile).font = Font(italic=True, color="595959")
    letzte = tabelle_schreiben(blatt, daten)
    ende = letzte
    if diagramm is not None and daten.zeilen:
        ende = diagramm_einfuegen(blatt, daten, letzte, diagramm)
    blatt.freeze_panes = f"B{ERSTE_ZEILE}"
    return f"A1:{spaltenname(len(daten.spalten))}{ende}"


def diagrammtitel(bezirk: str) -> str:
    return f"Fehlender Wohnraum und Gesamtverfügbarkeit je Stichtag – {bezirk}"


def berichtsverlauf(blatt: Worksheet, bericht: Auswertungsbericht, unterzeile: str) -> None:
    """The report's sheet Verlauf: the district's series up to its Stichtag, with chart."""
    daten = bezirkstabelle(bericht.verlauf, bericht.bezirk)
    name = bericht.bezirk.name
    blatt.print_area = verlauf_blatt(
        blatt, daten, f"Verlauf – {name}", unterzeile, diagrammtitel(name)
    )
    drucken(blatt, bericht, quer=True, titelzeilen=f"{ZEILE_KOPF}:{ZEILE_KOPF}")
