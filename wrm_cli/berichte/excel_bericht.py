"""The Excel report the task force forwards, prints and copies from (openpyxl).

Sheets: Auswertung (the table as published, with grouped headers, Gesamt row and
summary block), Übersicht (all twelve fields per Kommune), Meldestatus (every Kommune,
and the files that contributed nothing), Hinweise (every Befund) and Diagramm (a
native bar chart of fehlender Wohnraum). Markings are conditional formats, so they
stay right when someone edits a figure. Every text from an input file is stored as
text: a contact "=HYPERLINK(…)" never becomes a formula.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

# Loaded only when an Excel report is asked for (the CLI imports this module lazily).
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import (
    Alignment,
    Border,
    Font,
    PatternFill,
    Side,
)
from openpyxl.utils import get_column_letter

from wrm_cli import __version__
from wrm_cli.auswertung.meldestatus import dezentral_anteil
from wrm_cli.berichte.beschriftung import (
    dateien_zusammengefasst,
    kennzahltitel,
    spaltentitel,
    titel,
)
from wrm_cli.blaetter import (
    BLATT_AUSWERTUNG,
    BLATT_DIAGRAMM,
    BLATT_HINWEISE,
    BLATT_MELDESTATUS,
    BLATT_UEBERSICHT,
)
from wrm_cli.ergebnis import BERICHTSSPALTEN, ZAHLSPALTEN, Auswertungsbericht
from wrm_cli.felder import FELD, FELDER, KOMMUNE, KONTAKT_LABELS, STAND, bezeichnung
from wrm_cli.werte import datum_deutsch

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

ZAHLFORMAT = "#,##0"
ANTEILFORMAT = "0%"
DATUMSFORMAT = "DD.MM.YYYY"
# Auswertung: title rows, then two header rows (groups, columns), then the Kommunen.
ZEILE_GRUPPEN, ZEILE_KOPF, ERSTE_DATENZEILE = 4, 5, 6
SPALTEN = BERICHTSSPALTEN  # A … J

_ROT, _ROT_HELL, _GRUEN, _GRUEN_HELL = "9C0006", "FFC7CE", "006100", "C6EFCE"
_ORANGE_HELL, _GRAU = "FFEB9C", "D9D9D9"


def _spalte(nummer: int) -> str:

    return str(get_column_letter(nummer))


def _schreiben(
    blatt: Worksheet, zeile: int, spalte: int, wert: Any, format_: str | None = None
) -> Any:
    """One cell; strings are always stored as text, never parsed as a formula."""
    zelle = blatt.cell(zeile, spalte)
    zelle.value = wert
    if isinstance(wert, str):
        zelle.data_type = "s"  # openpyxl would turn "=…" into a formula
    if format_ is not None:
        zelle.number_format = format_
    return zelle


def _kopfzeile(
    blatt: Worksheet, zeile: int, texte: Sequence[str], breiten: Sequence[float]
) -> None:

    linie = Side(style="thin", color="808080")
    for spalte, (text, breite) in enumerate(zip(texte, breiten, strict=True), start=1):
        zelle = _schreiben(blatt, zeile, spalte, text)
        zelle.font = Font(bold=True)
        zelle.fill = PatternFill("solid", fgColor=_GRAU)
        zelle.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        zelle.border = Border(bottom=linie)
        blatt.column_dimensions[_spalte(spalte)].width = breite


def _titel(blatt: Worksheet, text: str, unterzeile: str) -> None:

    _schreiben(blatt, 1, 1, text).font = Font(bold=True, size=14)
    _schreiben(blatt, 2, 1, unterzeile).font = Font(italic=True, color="595959")


def _drucken(blatt: Worksheet, bericht: Auswertungsbericht, quer: bool, titelzeilen: str) -> None:
    """A4, one page wide; header with the title, footer with Stichtag and page numbers."""
    blatt.page_setup.paperSize = blatt.PAPERSIZE_A4
    blatt.page_setup.orientation = "landscape" if quer else "portrait"
    blatt.page_setup.fitToWidth = 1
    blatt.page_setup.fitToHeight = 0  # as many pages down as needed
    # openpyxl creates these parts with the sheet; its stubs allow None all the same.
    blatt.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]
    blatt.print_title_rows = titelzeilen
    blatt.page_margins.left = blatt.page_margins.right = 0.4
    kopf, fuss = blatt.oddHeader, blatt.oddFooter
    assert kopf is not None and fuss is not None
    kopf.center.text = f"{bericht.bezirk.name} – {blatt.title}"
    fuss.left.text = f"Stichtag {datum_deutsch(bericht.stichtag)}"
    fuss.right.text = "Seite &P von &N"


def _unterzeile(bericht: Auswertungsbericht) -> str:
    return (
        f"{bericht.bezirk.name} · Stichtag {datum_deutsch(bericht.stichtag)} · "
        f"erstellt mit wrm {__version__}"
    )


def _markieren(
    blatt: Worksheet,
    bereich: str,
    operator: str,
    wert: str,
    hell: str,
    dunkel: str,
    fett: bool = True,
) -> None:
    """A conditional format: cells meeting the rule get a light fill and dark text."""
    regel = CellIsRule(
        operator=operator,
        formula=[wert],
        fill=PatternFill("solid", bgColor=hell),
        font=Font(color=dunkel, bold=fett or None),
    )
    blatt.conditional_formatting.add(bereich, regel)


def auswertung_blatt(blatt: Worksheet, bericht: Auswertungsbericht) -> int:
    """The published table; returns the row of the Gesamt line."""

    _titel(blatt, titel(bericht), _unterzeile(bericht))
    titelzeilen = spaltentitel(bericht.bezirk)
    titelzeilen["fehlender_wohnraum"] = "Bedarf fehlender Wohnraum"
    breiten = [20, 12, 14, 12, 12, 12, 12, 10, 13, 13]
    _kopfzeile(blatt, ZEILE_KOPF, [titelzeilen[s] for s in SPALTEN], breiten)
    blatt.row_dimensions[ZEILE_KOPF].height = 58
    # Grouped headers as published: Quote | verfügbarer Wohnraum | single columns.
    gruppen = {"Quote": (2, 3), "verfügbarer Wohnraum": (4, 7)}
    for text, (von, bis) in gruppen.items():
        _schreiben(blatt, ZEILE_GRUPPEN, von, text)
        blatt.merge_cells(
            start_row=ZEILE_GRUPPEN, start_column=von, end_row=ZEILE_GRUPPEN, end_column=bis
        )
    for spalte in (1, 8, 9, 10):  # Kommune, Summe, Bedarf, Einschätzung span both rows
        _schreiben(blatt, ZEILE_GRUPPEN, spalte, titelzeilen[SPALTEN[spalte - 1]])
        blatt.cell(ZEILE_KOPF, spalte).value = None
        blatt.merge_cells(
            start_row=ZEILE_GRUPPEN, start_column=spalte, end_row=ZEILE_KOPF, end_column=spalte
        )
    for spalte in range(1, len(SPALTEN) + 1):
        zelle = blatt.cell(ZEILE_GRUPPEN, spalte)
        zelle.font = Font(bold=True)
        zelle.fill = PatternFill("solid", fgColor=_GRAU)
        zelle.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")

    zeile = ERSTE_DATENZEILE
    for daten in bericht.auswertung.datensaetze():
        for spalte, key in enumerate(SPALTEN, start=1):
            _schreiben(blatt, zeile, spalte, daten[key], ZAHLFORMAT if key in ZAHLSPALTEN else None)
        zeile += 1
    letzte = zeile - 1
    gesamt = zeile
    fett = Font(bold=True)
    _schreiben(blatt, gesamt, 1, "Gesamt").font = fett
    oben = Border(top=Side(style="thin"), bottom=Side(style="double"))
    for spalte, key in enumerate(SPALTEN, start=1):
        zelle = blatt.cell(gesamt, spalte)
        if key in ZAHLSPALTEN:
            _schreiben(
                blatt, gesamt, spalte, bericht.auswertung.gesamt[key], ZAHLFORMAT
            ).font = fett
        zelle.border = oben

    zeile = gesamt + 2
    for key, text in kennzahltitel(bericht.bezirk).items():
        _schreiben(blatt, zeile, 1, text)
        blatt.merge_cells(start_row=zeile, start_column=1, end_row=zeile, end_column=7)
        wert = _schreiben(blatt, zeile, 9, bericht.auswertung.kennzahlen[key], ZAHLFORMAT)
        if key == "fehlender_wohnraum":
            blatt.cell(zeile, 1).font = wert.font = fett
        zeile += 1
    if bericht.fehlende_kommunen:
        zeile += 1
        _schreiben(
            blatt, zeile, 1, "Ohne gültige Meldung: " + ", ".join(bericht.fehlende_kommunen) + "."
        )

    if letzte >= ERSTE_DATENZEILE:
        bedarf = f"I{ERSTE_DATENZEILE}:I{letzte}"
        _markieren(blatt, bedarf, "greaterThan", "0", _ROT_HELL, _ROT)
        _markieren(blatt, bedarf, "lessThan", "0", _GRUEN_HELL, _GRUEN, fett=False)
        _markieren(blatt, f"J{ERSTE_DATENZEILE}:J{letzte}", "equal", '"kritisch"', _ROT_HELL, _ROT)
    blatt.freeze_panes = f"B{ERSTE_DATENZEILE}"
    blatt.print_area = f"A1:J{zeile}"
    _drucken(blatt, bericht, quer=True, titelzeilen=f"{ZEILE_GRUPPEN}:{ZEILE_KOPF}")
    return gesamt


def uebersicht_blatt(blatt: Worksheet, bericht: Auswertungsbericht) -> None:
    """All twelve fields per Kommune, with number and label, plus the dezentral share."""

    _titel(blatt, f"Übersicht der Meldungen – {bericht.bezirk.name}", _unterzeile(bericht))
    kontakte = list(KONTAKT_LABELS)
    kopf = [
        "Kommune",
        "Stand",
        *(feld.bezeichnung for feld in FELDER),
        "Anteil dezentral (7) / ((6)+(7))",
        "Datei",
        *KONTAKT_LABELS.values(),
    ]
    breiten = [20, 11, *([13] * len(FELDER)), 13, 26, 20, 16, 26]
    _kopfzeile(blatt, 3, kopf, breiten)
    blatt.row_dimensions[3].height = 60
    zeile = 4
    for daten in bericht.uebersicht:
        werte = [
            daten[KOMMUNE],
            daten[STAND],
            *(daten[key] for key in FELD),
            dezentral_anteil(daten["untergebracht_gu"], daten["untergebracht_dezentral"]),
            daten["datei"],
            *(daten[key] for key in kontakte),
        ]
        for spalte, wert in enumerate(werte, start=1):
            _schreiben(blatt, zeile, spalte, wert, _format(spalte, kopf))
        zeile += 1
    fett = Font(bold=True)
    _schreiben(blatt, zeile, 1, f"{bericht.bezirk.name} gesamt").font = fett
    summen = {
        key: sum(daten[key] or 0 for daten in bericht.uebersicht)
        for key in FELD
        if FELD[key].ist_zahl
    }
    for spalte, key in enumerate(FELD, start=3):
        if key in summen:
            _schreiben(blatt, zeile, spalte, summen[key], ZAHLFORMAT).font = fett
    anteil = dezentral_anteil(summen["untergebracht_gu"], summen["untergebracht_dezentral"])
    _schreiben(blatt, zeile, 3 + len(FELD), anteil, ANTEILFORMAT).font = fett
    blatt.freeze_panes = "B4"
    _drucken(blatt, bericht, quer=True, titelzeilen="3:3")


def _format(spalte: int, kopf: Sequence[str]) -> str | None:
    text = kopf[spalte - 1]
    if text == "Stand":
        return DATUMSFORMAT
    if text.startswith("Anteil"):
        return ANTEILFORMAT
    if text.startswith("("):
        return ZAHLFORMAT
    return None


def meldestatus_blatt(blatt: Worksheet, bericht: Auswertungsbericht) -> None:

    _titel(blatt, f"Meldestatus – {bericht.bezirk.name}", _unterzeile(bericht))
    _kopfzeile(blatt, 3, ["Kommune", "Stand", "Tage alt", "Status", "Datei"], [20, 11, 9, 12, 34])
    zeile = 4
    for stand in bericht.meldestatus:
        werte = [stand.kommune, stand.stand, stand.tage_alt, stand.status, stand.datei]
        for spalte, wert in enumerate(werte, start=1):
            _schreiben(blatt, zeile, spalte, wert, DATUMSFORMAT if spalte == 2 else None)
        zeile += 1
    bereich = f"D4:D{max(zeile - 1, 4)}"
    for status, hell, dunkel in (
        ("fehlt", _ROT_HELL, _ROT),
        ("ungültig", _ROT_HELL, _ROT),
        ("veraltet", _ORANGE_HELL, "9C5700"),
    ):
        _markieren(blatt, bereich, "equal", f'"{status}"', hell, dunkel)
    zeile += 1
    ueberschrift = f"Dateien – {dateien_zusammengefasst(bericht.dateien)}"
    _schreiben(blatt, zeile, 1, ueberschrift).font = Font(bold=True)
    zeile += 1
    for spalte, text in enumerate(("Datei", "Status", "Kommune", "Grund"), start=1):
        _schreiben(blatt, zeile, spalte, text).font = Font(bold=True)
    zeile += 1
    for datei in bericht.dateien:
        texte = (datei.datei, datei.status, ", ".join(datei.kommunen), datei.grund)
        for spalte, wert in enumerate(texte, start=1):
            _schreiben(blatt, zeile, spalte, wert or None)
        zeile += 1
    blatt.freeze_panes = "A4"
    _drucken(blatt, bericht, quer=False, titelzeilen="3:3")


def hinweise_blatt(blatt: Worksheet, bericht: Auswertungsbericht) -> None:

    _titel(blatt, f"Fehler und Hinweise – {bericht.bezirk.name}", _unterzeile(bericht))
    _kopfzeile(
        blatt, 3, ["Art", "Datei", "Zelle", "Feld", "Kommune", "Meldung"], [9, 30, 7, 28, 18, 90]
    )
    umbruch = Alignment(wrap_text=True, vertical="top")
    for zeile, befund in enumerate(bericht.befunde, start=4):
        werte = [
            befund.wort,
            befund.datei,
            befund.zelle,
            bezeichnung(befund.feld) if befund.feld else None,
            befund.kommune,
            befund.meldung,
        ]
        for spalte, wert in enumerate(werte, start=1):
            _schreiben(blatt, zeile, spalte, wert).alignment = umbruch
    if not bericht.befunde:
        _schreiben(blatt, 4, 1, "keine")
    blatt.freeze_panes = "A4"
    blatt.auto_filter.ref = f"A3:F{max(3 + len(bericht.befunde), 4)}"
    _drucken(blatt, bericht, quer=True, titelzeilen="3:3")


def diagramm_blatt(blatt: Worksheet, bericht: Auswertungsbericht) -> None:
    """Bar chart of fehlender Wohnraum: shortage red, surplus green (two series)."""

    _kopfzeile(blatt, 1, ["Kommune", "fehlender Wohnraum", "Überschuss"], [20, 12, 12])
    zeilen = [z for z in bericht.auswertung.datensaetze() if z["fehlender_wohnraum"] is not None]
    for zeile, daten in enumerate(zeilen, start=2):
        fehlend = daten["fehlender_wohnraum"]
        _schreiben(blatt, zeile, 1, daten[KOMMUNE])
        _schreiben(blatt, zeile, 2, fehlend if fehlend > 0 else None, ZAHLFORMAT)
        _schreiben(blatt, zeile, 3, fehlend if fehlend <= 0 else None, ZAHLFORMAT)
    letzte = max(len(zeilen) + 1, 2)
    diagramm = BarChart()
    diagramm.type = "bar"  # horizontal: 21 names stay readable
    diagramm.grouping = "clustered"
    diagramm.overlap = 100  # one bar per Kommune: each has a value in only one series
    diagramm.title = f"Fehlender Wohnraum je Kommune, Stichtag {datum_deutsch(bericht.stichtag)}"
    diagramm.y_axis.title = "Personen (negativ = freie Plätze)"
    diagramm.x_axis.scaling.orientation = "maxMin"  # same order as the table, top to bottom
    diagramm.add_data(
        Reference(blatt, min_col=2, max_col=3, min_row=1, max_row=letzte), titles_from_data=True
    )
    diagramm.set_categories(Reference(blatt, min_col=1, min_row=2, max_row=letzte))
    for reihe, farbe in zip(diagramm.series, ("C00000", "70AD47"), strict=True):
        reihe.graphicalProperties.solidFill = farbe
        reihe.graphicalProperties.line.solidFill = farbe
    diagramm.x_axis.tickLblPos = "low"  # names left of the chart, not across the bars
    diagramm.x_axis.delete = False
    diagramm.y_axis.delete = False
    diagramm.width, diagramm.height = 22, 14
    blatt.add_chart(diagramm, "E2")
    _drucken(blatt, bericht, quer=True, titelzeilen="1:1")


def arbeitsmappe_erstellen(bericht: Auswertungsbericht) -> Workbook:

    mappe = Workbook()
    auswertung = mappe.active
    assert auswertung is not None
    auswertung.title = BLATT_AUSWERTUNG
    auswertung_blatt(auswertung, bericht)
    uebersicht_blatt(mappe.create_sheet(BLATT_UEBERSICHT), bericht)
    meldestatus_blatt(mappe.create_sheet(BLATT_MELDESTATUS), bericht)
    hinweise_blatt(mappe.create_sheet(BLATT_HINWEISE), bericht)
    diagramm_blatt(mappe.create_sheet(BLATT_DIAGRAMM), bericht)
    mappe.properties.title = titel(bericht)
    mappe.properties.creator = f"wrm {__version__}"
    return mappe


def als_xlsx(bericht: Auswertungsbericht) -> bytes:
    puffer = io.BytesIO()
    arbeitsmappe_erstellen(bericht).save(puffer)
    return puffer.getvalue()
