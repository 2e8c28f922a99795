"""The sheet "Prognose": how long the places last, per Kommune and for the district, with a
native bar chart of the weeks, and every step of the Verteilschlüssel per Kommune and month
– in the Excel report of ``wrm auswerten`` (when a forecast can be computed) and alone for
``wrm prognose -o prognose.xlsx``.

Numbers are numbers, dates are dates; a Reichweite beyond the forecast is the text
"über 31.07.2016". The workbook of ``wrm prognose -o`` has only this sheet: fed back as
input it is no report and holds no Meldungstabelle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, TwoCellAnchor
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.pagebreak import Break

from wrm_cli.berichte.excel_breiten import spaltenbreiten, zeilenhoehe
from wrm_cli.berichte.excel_zellen import (
    DATUMSFORMAT,
    ZAHLFORMAT,
    als_bytes,
    drucken,
    kopfzeile,
    schreiben,
    spaltenname,
)
from wrm_cli.berichte.prognose_saetze import (
    fusszeilen,
    kopfzeilen,
    prognose_von,
    titel,
)
from wrm_cli.blaetter import BLATT_PROGNOSE
from wrm_cli.ergebnis import Auswertungsbericht
from wrm_cli.prognoseergebnis import Kommunenprognose, Prognose, Reichweite
from wrm_cli.werte import datum_deutsch

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

WOCHENFORMAT = "0.0"
PERSONENFORMAT = "#,##0.00"
PROZENTFORMAT = "0.000"
REICHWEITE_SPALTEN = (
    "Kommune",
    "Plätze sofort (8)+(9)",
    "Plätze gesamt (8)–(11)",
    "erwartet je Woche (Personen)",
    "reicht sofort bis",
    "Wochen sofort",
    "reicht gesamt bis",
    "Wochen gesamt",
    "Spanne sofort: frühestens",
    "Spanne sofort: spätestens",
    "Warnung",
)
_FORMATE = (
    None, ZAHLFORMAT, ZAHLFORMAT, WOCHENFORMAT, DATUMSFORMAT, WOCHENFORMAT,
    DATUMSFORMAT, WOCHENFORMAT, DATUMSFORMAT, DATUMSFORMAT, None,
)  # fmt: skip
SPALTE_WOCHEN_SOFORT = 6  # 1-based, for the chart
VERTEILUNG_SPALTEN = (
    "Kommune",
    "Monat",
    "Summe Z",
    "Anteil a (%)",
    "Rohanteil s",
    "Anrechnung c",
    "s − c",
    "erwartet e",
)
VERTEILUNG_SATZ = (
    "Je Monat: s = Z · a; c = Σ Faktor · Plätze der Art über die Regeln [[anrechnung]], die "
    "am Ersten des Monats gelten; e = Z · max(s − c, 0) / Σ max(s − c, 0) über alle "
    "Kommunen (Personen des ganzen Monats; vom Monat des Stichtags zählt der Teil ab dem "
    "Stichtag)."
)
_VERTEILUNG_FORMATE = (
    None, "MM.YYYY", ZAHLFORMAT, PROZENTFORMAT,
    PERSONENFORMAT, PERSONENFORMAT, PERSONENFORMAT, PERSONENFORMAT,
)  # fmt: skip
DIAGRAMM_HOEHE = 32  # rows: room for the name of each of 21 Kommunen
RECHTS = Alignment(horizontal="right")
_GRAU_TEXT = "595959"


def _datum(reichweite: Reichweite | None, prognose: Prognose) -> Any:
    return reichweite.datum if reichweite else f"über {datum_deutsch(prognose.bis)}"


def _zeile(k: Kommunenprognose, prognose: Prognose) -> list[Any]:
    sofort, gesamt, spanne = k.reichweite_sofort, k.reichweite_gesamt, k.spanne
    return [
        k.kommune,
        k.plaetze_sofort,
        k.plaetze_gesamt,
        round(float(k.erwartet_pro_woche), 1),
        _datum(sofort, prognose),
        sofort.wochen if sofort else None,
        _datum(gesamt, prognose),
        gesamt.wochen if gesamt else None,
        _datum(spanne.niedrig, prognose) if spanne else None,
        _datum(spanne.hoch, prognose) if spanne else None,
        "unter " + str(prognose.warnung_wochen) + " Wochen" if k.warnung else None,
    ]


def _verteilung(prognose: Prognose) -> list[list[Any]]:
    zeilen = []
    for k in prognose.kommunen:
        for s in k.verteilung or ():
            zeilen.append(
                [
                    k.kommune,
                    s.monat,
                    s.summe,
                    float(s.anteil * 100),
                    float(s.rohanteil),
                    float(s.anrechnung),
                    float(s.rohanteil - s.anrechnung),
                    float(s.erwartet),
                ]
            )
    return zeilen


def _saetze(blatt: Worksheet, zeile: int, saetze: list[str], breite: float) -> int:
    """Sentences across the table's columns, wrapped, each as high as it needs; returns
    the next row."""
    for satz in saetze:
        zelle = schreiben(blatt, zeile, 1, satz)
        zelle.font = Font(italic=True, color=_GRAU_TEXT)
        zelle.alignment = Alignment(wrap_text=True, vertical="top")
        blatt.merge_cells(
            start_row=zeile, start_column=1, end_row=zeile, end_column=len(REICHWEITE_SPALTEN)
        )
        blatt.row_dimensions[zeile].height = zeilenhoehe([(satz, breite, False)])
        zeile += 1
    return zeile


def _balken(blatt: Worksheet, kopf: int, letzte: int, prognose: Prognose) -> BarChart:
    diagramm = BarChart()
    diagramm.type = "bar"  # horizontal: one bar per Kommune, read like the table
    diagramm.title = (
        f"Reichweite sofort in Wochen (ohne Balken: über den {datum_deutsch(prognose.bis)} hinaus)"
    )
    diagramm.x_axis.title = "Kommune"
    diagramm.y_axis.title = "Wochen"
    werte = Reference(blatt, min_col=SPALTE_WOCHEN_SOFORT, min_row=kopf, max_row=letzte)
    diagramm.add_data(werte, titles_from_data=True)
    diagramm.set_categories(Reference(blatt, min_col=1, min_row=kopf + 1, max_row=letzte))
    diagramm.series[0].graphicalProperties.solidFill = "2E75B6"
    diagramm.x_axis.scaling.orientation = "maxMin"  # soonest at the top, as in the table
    diagramm.x_axis.tickLblSkip = 1  # every Kommune's name
    diagramm.x_axis.delete = False
    diagramm.y_axis.delete = False
    diagramm.legend = None
    return diagramm


def prognose_blatt(blatt: Worksheet, bericht: Auswertungsbericht) -> None:
    """The sheet: title and notes, the Reichweite table with the district's row, the bar
    chart below it on a page of its own, then the steps of the key (when district totals
    were split), from a new page."""
    prognose = prognose_von(bericht)
    blatt.title = BLATT_PROGNOSE
    zeilen = [_zeile(k, prognose) for k in prognose.kommunen]
    bezirk = _zeile(prognose.bezirk_gesamt, prognose)
    breiten = spaltenbreiten(
        list(REICHWEITE_SPALTEN), [*zeilen, bezirk], list(_FORMATE), [12.5] * 11
    )
    gesamtbreite = sum(breiten)
    schreiben(blatt, 1, 1, titel(bericht)).font = Font(bold=True, size=14)
    kopf = _saetze(blatt, 2, kopfzeilen(bericht)[1:], gesamtbreite) + 1
    kopfzeile(blatt, kopf, REICHWEITE_SPALTEN, breiten)
    for nr, werte in enumerate([*zeilen, bezirk], start=kopf + 1):
        for spalte, (wert, format_) in enumerate(zip(werte, _FORMATE, strict=True), start=1):
            zelle = schreiben(blatt, nr, spalte, wert, format_)
            if format_ == DATUMSFORMAT:  # "über 31.07.2016" as far right as a date
                zelle.alignment = RECHTS
            if werte is bezirk:
                zelle.font = Font(bold=True)
    letzte_kommune = kopf + len(zeilen)
    zeile = _saetze(blatt, letzte_kommune + 3, fusszeilen(bericht), gesamtbreite)
    if zeilen:  # the chart on a page of its own, across the table's columns
        blatt.row_breaks.append(Break(id=zeile - 1))
        diagramm = _balken(blatt, kopf, letzte_kommune, prognose)
        diagramm.anchor = TwoCellAnchor(  # type: ignore[assignment]
            _from=AnchorMarker(col=0, row=zeile),
            to=AnchorMarker(col=len(REICHWEITE_SPALTEN), row=zeile + DIAGRAMM_HOEHE),
        )
        blatt.add_chart(diagramm)
        zeile += DIAGRAMM_HOEHE + 1
    if schritte := _verteilung(prognose):
        blatt.row_breaks.append(Break(id=zeile))
        zeile += 1
        schreiben(blatt, zeile, 1, "Verteilschlüssel je Kommune und Monat").font = Font(
            bold=True, size=12
        )
        zeile = _saetze(blatt, zeile + 1, [VERTEILUNG_SATZ], gesamtbreite)
        kopfzeile(blatt, zeile, VERTEILUNG_SPALTEN, breiten[: len(VERTEILUNG_SPALTEN)])
        for nr, werte in enumerate(schritte, start=zeile + 1):
            for spalte, (wert, format_) in enumerate(
                zip(werte, _VERTEILUNG_FORMATE, strict=True), start=1
            ):
                schreiben(blatt, nr, spalte, wert, format_)
        zeile += len(schritte)
    blatt.freeze_panes = f"B{kopf + 1}"
    blatt.print_area = f"A1:{spaltenname(len(REICHWEITE_SPALTEN))}{zeile}"
    drucken(blatt, bericht, quer=True, titelzeilen="1:1")


def als_xlsx(bericht: Auswertungsbericht) -> bytes:
    """``wrm prognose -o prognose.xlsx``: a workbook of the one sheet."""
    mappe = Workbook()
    blatt = mappe.active
    assert blatt is not None
    prognose_blatt(blatt, bericht)
    return als_bytes(mappe, titel(bericht))
