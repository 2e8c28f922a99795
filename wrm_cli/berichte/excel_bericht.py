"""The Excel report the task force forwards, prints and copies from (openpyxl).

Sheets: Auswertung (the table as published, with grouped headers, Gesamt row and
summary block), Übersicht (all twelve fields per Kommune), Meldestatus (every Kommune,
and the files that contributed nothing), Hinweise (every Befund) and Diagramm (a
native bar chart of fehlender Wohnraum); with an archive "± Vorwoche" on the
Auswertung and the sheet Verlauf (excel_verlauf). Markings are conditional formats, so
they stay right when someone edits a figure. Every text from an input file is stored as
text: a contact "=HYPERLINK(…)" never becomes a formula.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

# Loaded only when an Excel report is asked for (the CLI imports this module lazily).
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import (
    Alignment,
    Border,
    Font,
    PatternFill,
    Side,
)

from wrm_cli import __version__
from wrm_cli.auswertung.meldestatus import dezentral_anteil
from wrm_cli.berichte.beschriftung import (
    dateien_zusammengefasst,
    gesamt_bezeichnung,
    gesamt_fussnote,
    kennzahltitel,
    ohne_meldung,
    spaltentitel,
    stand_der_daten,
    titel,
    warnung,
)
from wrm_cli.berichte.excel_breiten import spaltenbreiten, wortbreite, zeilenhoehe
from wrm_cli.berichte.excel_diagramm import diagramm_blatt
from wrm_cli.berichte.excel_verlauf import (
    VERAENDERUNG_TITEL,
    VERAENDERUNGSFORMAT,
    berichtsverlauf,
    veraenderung_fehlend,
    vergleich_satz,
)
from wrm_cli.berichte.excel_zellen import ANTEILFORMAT, DATUMSFORMAT, ZAHLFORMAT, als_bytes
from wrm_cli.berichte.excel_zellen import GRAU as _GRAU
from wrm_cli.berichte.excel_zellen import drucken as _drucken
from wrm_cli.berichte.excel_zellen import kopfzeile as _kopfzeile
from wrm_cli.berichte.excel_zellen import schreiben as _schreiben
from wrm_cli.berichte.excel_zellen import spaltenname as _spaltenname
from wrm_cli.berichte.excel_zellen import tabelle as _tabelle
from wrm_cli.blaetter import (
    BLATT_AUSWERTUNG,
    BLATT_DIAGRAMM,
    BLATT_HINWEISE,
    BLATT_MELDESTATUS,
    BLATT_UEBERSICHT,
    BLATT_VERLAUF,
)
from wrm_cli.ergebnis import BERICHTSSPALTEN, ZAHLSPALTEN, Auswertungsbericht
from wrm_cli.felder import FELD, FELDER, KOMMUNE, KONTAKT_LABELS, STAND, bezeichnung
from wrm_cli.werte import datum_deutsch

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

# Auswertung: title rows, then two header rows (groups, columns), then the Kommunen.
ZEILE_GRUPPEN, ZEILE_KOPF, ERSTE_DATENZEILE = 4, 5, 6
SPALTEN = BERICHTSSPALTEN  # A … J
VERAENDERUNG = "veraenderung"  # the column "± Vorwoche", with a comparison

_ROT, _ROT_HELL, _GRUEN, _GRUEN_HELL = "9C0006", "FFC7CE", "006100", "C6EFCE"
_ORANGE_HELL = "FFEB9C"


def _titel(blatt: Worksheet, text: str, unterzeile: str, achtung: str | None = None) -> None:
    """Title and subtitle; a warning on stale data below them (row 3) when given."""
    _schreiben(blatt, 1, 1, text).font = Font(bold=True, size=14)
    _schreiben(blatt, 2, 1, unterzeile).font = Font(italic=True, color="595959")
    if achtung is not None:
        _schreiben(blatt, 3, 1, achtung).font = Font(bold=True, color=_ROT)


def _unterzeile(bericht: Auswertungsbericht) -> str:
    return (
        f"{bericht.bezirk.name} · Stichtag {datum_deutsch(bericht.stichtag)} · "
        f"{stand_der_daten(bericht)} · erstellt mit wrm {__version__}"
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

    _titel(blatt, titel(bericht), _unterzeile(bericht), warnung(bericht))
    titelzeilen = spaltentitel(bericht.bezirk)
    titelzeilen["fehlender_wohnraum"] = "Bedarf fehlender Wohnraum"
    titelzeilen[VERAENDERUNG] = VERAENDERUNG_TITEL
    summenzeile = gesamt_bezeichnung(bericht)
    spalten = _spalten(bericht)
    breiten = [max(20, len(summenzeile) + 2), 12, 14, 12, 12, 12, 12, 10, 13, 11, 13]
    if VERAENDERUNG not in spalten:
        del breiten[9]
    _kopfzeile(blatt, ZEILE_KOPF, [titelzeilen[s] for s in spalten], breiten)
    blatt.row_dimensions[ZEILE_KOPF].height = 58
    # Grouped headers as published: Quote | verfügbarer Wohnraum | single columns.
    gruppen = {"Quote": (2, 3), "verfügbarer Wohnraum": (4, 7)}
    for text, (von, bis) in gruppen.items():
        _schreiben(blatt, ZEILE_GRUPPEN, von, text)
        blatt.merge_cells(
            start_row=ZEILE_GRUPPEN, start_column=von, end_row=ZEILE_GRUPPEN, end_column=bis
        )
    # Kommune, Summe, Bedarf, ± Vorwoche, Einschätzung span both rows
    for spalte in (1, *range(8, len(spalten) + 1)):
        _schreiben(blatt, ZEILE_GRUPPEN, spalte, titelzeilen[spalten[spalte - 1]])
        blatt.cell(ZEILE_KOPF, spalte).value = None
        blatt.merge_cells(
            start_row=ZEILE_GRUPPEN, start_column=spalte, end_row=ZEILE_KOPF, end_column=spalte
        )
    for spalte in range(1, len(spalten) + 1):
        zelle = blatt.cell(ZEILE_GRUPPEN, spalte)
        zelle.font = Font(bold=True)
        zelle.fill = PatternFill("solid", fgColor=_GRAU)
        zelle.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")

    zeile = ERSTE_DATENZEILE
    for daten in bericht.auswertung.datensaetze():
        for spalte, key in enumerate(spalten, start=1):
            if key == VERAENDERUNG:
                wert = veraenderung_fehlend(bericht, daten)
                _schreiben(blatt, zeile, spalte, wert, VERAENDERUNGSFORMAT)
            else:
                format_ = ZAHLFORMAT if key in ZAHLSPALTEN else None
                _schreiben(blatt, zeile, spalte, daten[key], format_)
        zeile += 1
    letzte = zeile - 1
    gesamt = zeile
    fett = Font(bold=True)
    _schreiben(blatt, gesamt, 1, summenzeile).font = fett
    oben = Border(top=Side(style="thin"), bottom=Side(style="double"))
    for spalte, key in enumerate(spalten, start=1):
        zelle = blatt.cell(gesamt, spalte)
        if key == VERAENDERUNG and bericht.vergleich is not None:
            wert = bericht.vergleich.gesamt["fehlender_wohnraum"]
            _schreiben(blatt, gesamt, spalte, wert, VERAENDERUNGSFORMAT).font = fett
        elif key in ZAHLSPALTEN:
            _schreiben(
                blatt, gesamt, spalte, bericht.auswertung.gesamt[key], ZAHLFORMAT
            ).font = fett
        zelle.border = oben
    fussnote = gesamt_fussnote(bericht)
    regel = Comment(fussnote, f"wrm {__version__}", width=320, height=110)
    bedarf_nr = 1 + spalten.index("fehlender_wohnraum")
    blatt.cell(gesamt, bedarf_nr).comment = regel
    # One line in small type, so the page holds as many rows as before.
    _schreiben(blatt, gesamt + 1, 1, fussnote).font = Font(italic=True, size=8, color="595959")

    zeile = gesamt + 2
    for key, text in kennzahltitel(bericht.bezirk).items():
        _schreiben(blatt, zeile, 1, text)
        blatt.merge_cells(start_row=zeile, start_column=1, end_row=zeile, end_column=7)
        wert = _schreiben(blatt, zeile, 9, bericht.auswertung.kennzahlen[key], ZAHLFORMAT)
        if bericht.vergleich is not None:
            aenderung = bericht.vergleich.kennzahlen[key]
            _schreiben(blatt, zeile, 10, aenderung, VERAENDERUNGSFORMAT)
        if key == "fehlender_wohnraum":
            blatt.cell(zeile, 1).font = wert.font = fett
            if bericht.vergleich is not None:
                blatt.cell(zeile, 10).font = fett
        zeile += 1
    if bericht.vergleich is not None:
        notiz = _schreiben(blatt, zeile, 1, vergleich_satz(bericht))
        notiz.font = Font(italic=True, color="595959")
        zeile += 1
    if bericht.fehlende_kommunen:
        zeile += 1
        _schreiben(blatt, zeile, 1, ohne_meldung(bericht.fehlende_kommunen))

    if letzte >= ERSTE_DATENZEILE:
        bereiche = {
            key: f"{(b := _spaltenname(nr))}{ERSTE_DATENZEILE}:{b}{letzte}"
            for nr, key in enumerate(spalten, start=1)
        }
        for key in ("fehlender_wohnraum", VERAENDERUNG):
            if key in bereiche:  # more shortage red, less green
                _markieren(blatt, bereiche[key], "greaterThan", "0", _ROT_HELL, _ROT)
                _markieren(blatt, bereiche[key], "lessThan", "0", _GRUEN_HELL, _GRUEN, fett=False)
        kritisch = bereiche["einschaetzung"]
        _markieren(blatt, kritisch, "equal", '"kritisch"', _ROT_HELL, _ROT)
    blatt.freeze_panes = f"B{ERSTE_DATENZEILE}"
    blatt.print_area = f"A1:{_spaltenname(len(spalten))}{zeile}"
    _drucken(blatt, bericht, quer=True, titelzeilen=f"{ZEILE_GRUPPEN}:{ZEILE_KOPF}")
    return gesamt


def _spalten(bericht: Auswertungsbericht) -> list[str]:
    """A … J as published; with a comparison, "± Vorwoche" right of fehlender Wohnraum."""
    if bericht.vergleich is None:
        return list(SPALTEN)
    nach = SPALTEN.index("fehlender_wohnraum") + 1
    return [*SPALTEN[:nach], VERAENDERUNG, *SPALTEN[nach:]]


def uebersicht_blatt(blatt: Worksheet, bericht: Auswertungsbericht) -> None:
    """All twelve fields per Kommune, with number and label, plus the dezentral share.

    Printed A4 landscape two pages wide, the Kommune column on both: 19 columns on one
    page width would shrink the type to about 5 pt. Headers break only between words;
    (6), (8) and (10) say "GU", their full label is the header's note.
    """

    _titel(blatt, f"Übersicht der Meldungen – {bericht.bezirk.name}", _unterzeile(bericht))
    kontakte = list(KONTAKT_LABELS)
    kopf = [
        "Kommune",
        "Stand",
        *(KURZBEZEICHNUNG.get(feld.key, feld.bezeichnung) for feld in FELDER),
        "Anteil dezentral (7) / ((6)+(7))",
        "Datei",
        *KONTAKT_LABELS.values(),
    ]
    tabelle = [
        [
            daten[KOMMUNE],
            daten[STAND],
            *(daten[key] for key in FELD),
            dezentral_anteil(daten["untergebracht_gu"], daten["untergebracht_dezentral"]),
            daten["datei"],
            *(daten[key] for key in kontakte),
        ]
        for daten in bericht.uebersicht
    ]
    summe_text = gesamt_bezeichnung(bericht, f"{bericht.bezirk.name} gesamt")
    formate = [_format(spalte, kopf) for spalte in range(1, len(kopf) + 1)]
    # Number columns at least 9 wide, so that "(6) in GU" does not stack word by word.
    mindestens = [wortbreite(summe_text, fett=True), 0.0, *([9.0] * len(FELDER))]
    breiten = spaltenbreiten(kopf, tabelle, formate, mindestens=mindestens)
    _kopfzeile(blatt, 3, kopf, breiten)
    for spalte, feld in enumerate(FELDER, start=3):
        if feld.key in KURZBEZEICHNUNG:
            notiz = Comment(feld.bezeichnung, f"wrm {__version__}", width=240, height=40)
            blatt.cell(3, spalte).comment = notiz
    zeile = 4
    for werte in tabelle:
        for spalte, wert in enumerate(werte, start=1):
            _schreiben(blatt, zeile, spalte, wert, formate[spalte - 1])
        zeile += 1
    fett = Font(bold=True)
    summe = _schreiben(blatt, zeile, 1, summe_text)
    summe.font = fett
    summe.alignment = Alignment(wrap_text=True, vertical="top")
    blatt.row_dimensions[zeile].height = zeilenhoehe([(summe_text, breiten[0], True)])
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
    erklaerung = _schreiben(blatt, zeile + 2, 1, GU_ERKLAERUNG)
    erklaerung.font = Font(italic=True, color="595959")
    blatt.freeze_panes = "B4"
    _drucken(blatt, bericht, quer=True, titelzeilen="3:3", seiten_breit=2, titelspalten="A:A")


# Übersicht: "(6) in Gemeinschaftsunterkünften" would need a column as wide as its longest
# word; on paper these three say "GU" (as the Auswertung does), the full label is a note.
KURZBEZEICHNUNG = {
    "untergebracht_gu": "(6) in GU",
    "verfuegbar_gu": "(8) verfügbar GU",
    "in_aussicht_gu": "(10) in Aussicht, GU",
}
GU_ERKLAERUNG = (
    "GU = Gemeinschaftsunterkünfte; die vollständigen Bezeichnungen von (6), (8) und (10) "
    "stehen als Notiz an den Spaltenköpfen."
)


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
    """Every Kommune's report, then every file's fate, in the same columns (Kommune,
    Status, Datei, Grund); widths from the content."""

    _titel(blatt, f"Meldestatus – {bericht.bezirk.name}", _unterzeile(bericht))
    kopf = ["Kommune", "Stand", "Tage alt", "Status", "Datei", "Grund"]
    kommunen: list[list[Any]] = [
        [s.kommune, s.stand, s.tage_alt, s.status, s.datei, s.grund] for s in bericht.meldestatus
    ]
    dateien: list[list[Any]] = [
        [", ".join(d.kommunen) or None, None, None, d.status, d.datei, d.grund or None]
        for d in bericht.dateien
    ]
    formate = [None, DATUMSFORMAT, *([None] * 4)]
    # Kommune lists and reasons wrap; a file name has no space to wrap at.
    breiten = spaltenbreiten(kopf, kommunen + dateien, formate, hoechstens=[24, 12, 9, 16, 60, 40])
    _kopfzeile(blatt, 3, kopf, breiten)
    zeile = _tabelle(blatt, 4, kommunen, formate, breiten, umbrechen={6})
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
    _kopfzeile(blatt, zeile + 1, ["Kommune", None, None, "Status", "Datei", "Grund"])
    _tabelle(blatt, zeile + 2, dateien, formate, breiten, umbrechen={1, 6})
    blatt.freeze_panes = "A4"
    _drucken(blatt, bericht, quer=True, titelzeilen="3:3")


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
    if bericht.verlauf:
        berichtsverlauf(mappe.create_sheet(BLATT_VERLAUF), bericht, _unterzeile(bericht))
    if bericht.ausgleich is not None:  # the proposal of wrm ausgleich (with coordinates)
        from wrm_cli.berichte.excel_ausgleich import ausgleich_blatt
        from wrm_cli.blaetter import BLATT_AUSGLEICH

        ausgleich_blatt(mappe.create_sheet(BLATT_AUSGLEICH), bericht)
    if bericht.prognose is not None:  # how long the places last (quota end or forecast file)
        from wrm_cli.berichte.excel_prognose import prognose_blatt
        from wrm_cli.blaetter import BLATT_PROGNOSE

        prognose_blatt(mappe.create_sheet(BLATT_PROGNOSE), bericht)
    return mappe


def als_xlsx(bericht: Auswertungsbericht) -> bytes:
    return als_bytes(arbeitsmappe_erstellen(bericht), titel(bericht))
