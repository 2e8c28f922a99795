"""Cells, header rows, plain tables and print setup, shared by the Excel report's sheets."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from wrm_cli import __version__
from wrm_cli.berichte.excel_breiten import anzeige, zeilenhoehe
from wrm_cli.ergebnis import Auswertungsbericht
from wrm_cli.verlaufsergebnis import Verlaufsbericht
from wrm_cli.werte import datum_deutsch

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

ZAHLFORMAT = "#,##0"
ANTEILFORMAT = "0%"
DATUMSFORMAT = "DD.MM.YYYY"
GRAU = "D9D9D9"


def als_bytes(mappe: Workbook, titel: str) -> bytes:
    """The finished workbook as the bytes of an .xlsx, titled and signed by wrm."""
    mappe.properties.title = titel
    mappe.properties.creator = f"wrm {__version__}"
    puffer = io.BytesIO()
    mappe.save(puffer)
    return puffer.getvalue()


def spaltenname(nummer: int) -> str:
    """The letters of a column: 1 → A."""
    return str(get_column_letter(nummer))


def schreiben(
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


def kopfzeile(
    blatt: Worksheet,
    zeile: int,
    texte: Sequence[str | None],
    breiten: Sequence[float] | None = None,
) -> None:
    """Bold grey header cells, wrapped (None: an empty one). With ``breiten``, sets the
    column widths and, when a header wraps, the row height."""
    linie = Side(style="thin", color="808080")
    for spalte, text in enumerate(texte, start=1):
        zelle = schreiben(blatt, zeile, spalte, text)
        zelle.font = Font(bold=True)
        zelle.fill = PatternFill("solid", fgColor=GRAU)
        zelle.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        zelle.border = Border(bottom=linie)
    if breiten is None:
        return
    for spalte, breite in enumerate(breiten, start=1):
        blatt.column_dimensions[spaltenname(spalte)].width = breite
    hoehe = zeilenhoehe((text or "", b, True) for text, b in zip(texte, breiten, strict=True))
    if hoehe > zeilenhoehe([]):
        blatt.row_dimensions[zeile].height = hoehe


def drucken(
    blatt: Worksheet,
    bericht: Auswertungsbericht | Verlaufsbericht,
    quer: bool,
    titelzeilen: str,
    seiten_breit: int = 1,
    titelspalten: str | None = None,
    seiten_hoch: int = 0,
) -> None:
    """A4, ``seiten_breit`` pages wide (``titelspalten`` repeated on each) and
    ``seiten_hoch`` pages high (0: as many as needed); header with the title, footer
    with the Stichtag (or the Stichtage) and page numbers."""
    blatt.page_setup.paperSize = blatt.PAPERSIZE_A4
    blatt.page_setup.orientation = "landscape" if quer else "portrait"
    blatt.page_setup.fitToWidth = seiten_breit
    blatt.page_setup.fitToHeight = seiten_hoch
    # openpyxl creates these parts with the sheet; its stubs allow None all the same.
    blatt.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]
    blatt.print_title_rows = titelzeilen
    if titelspalten is not None:
        blatt.print_title_cols = titelspalten
    blatt.page_margins.left = blatt.page_margins.right = 0.4
    kopf, fuss = blatt.oddHeader, blatt.oddFooter
    assert kopf is not None and fuss is not None
    kopf.center.text = f"{bericht.bezirk.name} – {blatt.title}"
    fuss.left.text = _fusszeile(bericht)
    fuss.right.text = "Seite &P von &N"


def _fusszeile(bericht: Auswertungsbericht | Verlaufsbericht) -> str:
    if isinstance(bericht, Auswertungsbericht):
        return f"Stichtag {datum_deutsch(bericht.stichtag)}"
    if not bericht.stichtage:
        return ""
    erster, letzter = min(bericht.stichtage), max(bericht.stichtage)
    if erster == letzter:
        return f"Stichtag {datum_deutsch(erster)}"
    return f"Stichtage {datum_deutsch(erster)} bis {datum_deutsch(letzter)}"


def tabelle(
    blatt: Worksheet,
    erste: int,
    tabelle: Sequence[Sequence[Any]],
    formate: Sequence[str | None],
    breiten: Sequence[float],
    umbrechen: set[int],
) -> int:
    """Rows of values from ``erste`` on; the columns in ``umbrechen`` wrap, and the row is
    as high as they need. Returns the next free row."""
    oben = Alignment(vertical="top")
    umbruch = Alignment(wrap_text=True, vertical="top")
    for zeile, werte in enumerate(tabelle, start=erste):
        for spalte, wert in enumerate(werte, start=1):
            zelle = schreiben(blatt, zeile, spalte, wert, formate[spalte - 1])
            zelle.alignment = umbruch if spalte in umbrechen else oben
        umbrochen = [
            (anzeige(werte[spalte - 1]), breiten[spalte - 1], False) for spalte in umbrechen
        ]
        hoehe = zeilenhoehe(umbrochen)
        if hoehe > zeilenhoehe([]):
            blatt.row_dimensions[zeile].height = hoehe
    return erste + len(tabelle)
