"""The sheet "Ausgleich": the proposal of ``wrm ausgleich`` with its settings and the
balance of every Kommune, in the Excel report of ``wrm auswerten`` (when the district
has coordinates) and alone for ``wrm ausgleich -o vorschlag.xlsx``.

Numbers are numbers (km with one decimal), every text is stored as text. The workbook
of ``wrm ausgleich -o`` has only this sheet: fed back as input it is no report of
``wrm auswerten`` (lesen/datei.py knows those by their four sheets) and holds no
Meldungstabelle, so the reader answers that neither a form nor a table was found.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from wrm_cli import __version__
from wrm_cli.berichte.ausgleich_saetze import (
    BILANZ_SPALTEN,
    LUFTLINIE,
    PERSONEN_KM,
    STRASSE,
    SUMME,
    VORSCHLAG_SPALTEN,
    ausgleich_von,
    einstellungen_satz,
    kein_vorschlag_satz,
    schluss_satz,
    teilnahme_saetze,
    ungedeckt_saetze,
)
from wrm_cli.berichte.ausgleich_text import bilanzwerte, summenwerte
from wrm_cli.berichte.beschriftung import stand_der_daten, warnung
from wrm_cli.berichte.excel_breiten import spaltenbreiten, zeilenhoehe
from wrm_cli.berichte.excel_zellen import (
    ZAHLFORMAT,
    als_bytes,
    drucken,
    kopfzeile,
    schreiben,
    spaltenname,
)
from wrm_cli.blaetter import BLATT_AUSGLEICH
from wrm_cli.ergebnis import Auswertungsbericht
from wrm_cli.werte import datum_deutsch

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

KMFORMAT = "0.0"
PERSONEN_KM_FORMAT = "#,##0.0"
ENTFERNUNG = "Entfernung"  # the column saying where a pair's km come from (with a file)
_SPALTEN = 6  # A … F: the balance is the wider table
_GRAU_TEXT = "595959"


def titel(bericht: Auswertungsbericht) -> str:
    return f"Ausgleichsvorschlag – {bericht.bezirk.name}"


def unterzeile(bericht: Auswertungsbericht) -> str:
    """As the other sheets of the report: district, Stichtag, Stand, version."""
    return (
        f"{bericht.bezirk.name} · Stichtag {datum_deutsch(bericht.stichtag)} · "
        f"{stand_der_daten(bericht)} · erstellt mit wrm {__version__}"
    )


def _absatz(blatt: Worksheet, zeile: int, text: str, breite: float, **schrift: Any) -> int:
    """A sentence across A … F, wrapped, as high as it needs; returns the next row."""
    zelle = schreiben(blatt, zeile, 1, text)
    zelle.alignment = Alignment(wrap_text=True, vertical="top")
    if schrift:
        zelle.font = Font(**schrift)
    blatt.merge_cells(start_row=zeile, start_column=1, end_row=zeile, end_column=_SPALTEN)
    blatt.row_dimensions[zeile].height = zeilenhoehe([(text, breite, bool(schrift.get("bold")))])
    return zeile + 1


def ausgleich_blatt(blatt: Worksheet, bericht: Auswertungsbericht) -> None:
    """Title, settings, proposal, balance with Summe and person-km, the sentences."""
    ausgleich = ausgleich_von(bericht)
    mit_datei = ausgleich.entfernungen is not None
    vorschlag_kopf = [*VORSCHLAG_SPALTEN, *([ENTFERNUNG] if mit_datei else [])]
    vorschlaege: list[list[Any]] = [
        [
            v.zuweisungskommune,
            v.aufnehmende_kommune,
            v.personen,
            v.km,
            *([STRASSE if v.km_aus_datei else LUFTLINIE] if mit_datei else []),
        ]
        for v in ausgleich.vorschlaege
    ]
    bilanz: list[list[Any]] = [[b.kommune, *bilanzwerte(b)] for b in ausgleich.kommunen]
    summen: list[Any] = [SUMME, *summenwerte(ausgleich)]
    vorschlag_formate = [None, None, ZAHLFORMAT, KMFORMAT, None][: len(vorschlag_kopf)]
    bilanz_formate = [None, *([ZAHLFORMAT] * 5)]
    oben = spaltenbreiten(vorschlag_kopf, vorschlaege, vorschlag_formate)
    unten = spaltenbreiten(list(BILANZ_SPALTEN), [*bilanz, summen], bilanz_formate)
    oben += [0.0] * (_SPALTEN - len(oben))
    breiten = [max(a, b, 10.0) for a, b in zip(oben, unten, strict=True)]
    gesamtbreite = sum(breiten)

    schreiben(blatt, 1, 1, titel(bericht)).font = Font(bold=True, size=14)
    schreiben(blatt, 2, 1, unterzeile(bericht)).font = Font(italic=True, color=_GRAU_TEXT)
    zeile = 3
    if (achtung := warnung(bericht)) is not None:
        zeile = _absatz(blatt, zeile, achtung, gesamtbreite, bold=True, color="9C0006")
    zeile = _absatz(blatt, zeile, einstellungen_satz(ausgleich), gesamtbreite, italic=True)

    zeile += 1
    schreiben(blatt, zeile, 1, "Vorschlag").font = Font(bold=True)
    zeile += 1
    if (leer := kein_vorschlag_satz(bericht)) is not None:
        zeile = _absatz(blatt, zeile, leer, gesamtbreite)
    else:
        kopfzeile(blatt, zeile, vorschlag_kopf, breiten[: len(vorschlag_kopf)])
        for werte in vorschlaege:
            zeile += 1
            for spalte, (wert, format_) in enumerate(
                zip(werte, vorschlag_formate, strict=True), start=1
            ):
                schreiben(blatt, zeile, spalte, wert, format_)
        zeile += 1

    zeile += 1
    schreiben(blatt, zeile, 1, "Bilanz je Kommune (Personen)").font = Font(bold=True)
    zeile += 1
    kopfzeile(blatt, zeile, list(BILANZ_SPALTEN), breiten)
    for werte in [*bilanz, summen]:
        zeile += 1
        for spalte, (wert, format_) in enumerate(zip(werte, bilanz_formate, strict=True), 1):
            schreiben(blatt, zeile, spalte, wert, format_)
    fett, linie = Font(bold=True), Border(top=Side(style="thin"), bottom=Side(style="double"))
    for spalte in range(1, _SPALTEN + 1):
        blatt.cell(zeile, spalte).font = fett
        blatt.cell(zeile, spalte).border = linie
    zeile += 1
    schreiben(blatt, zeile, 1, PERSONEN_KM)
    schreiben(blatt, zeile, 2, ausgleich.summe.personen_km, PERSONEN_KM_FORMAT)

    zeile += 2
    for satz in [*ungedeckt_saetze(bericht), *teilnahme_saetze(bericht)]:
        zeile = _absatz(blatt, zeile, satz, gesamtbreite)
    zeile = _absatz(blatt, zeile, schluss_satz(bericht), gesamtbreite, italic=True)

    for spalte, breite in enumerate(breiten, start=1):
        blatt.column_dimensions[spaltenname(spalte)].width = breite
    blatt.print_area = f"A1:F{zeile - 1}"
    drucken(blatt, bericht, quer=False, titelzeilen="1:2")


def als_xlsx(bericht: Auswertungsbericht) -> bytes:
    """``wrm ausgleich -o vorschlag.xlsx``: a workbook with the one sheet "Ausgleich"."""
    mappe = Workbook()
    blatt = mappe.active
    assert blatt is not None
    blatt.title = BLATT_AUSGLEICH
    ausgleich_blatt(blatt, bericht)
    return als_bytes(mappe, titel(bericht))
