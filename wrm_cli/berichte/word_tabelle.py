"""Word tables for the Word report (python-docx): the built-in style "Table Grid", fixed
column widths, header rows repeated on every page, rows never split across pages, and
cells holding plain text in a smaller type."""

from __future__ import annotations

import re
from collections.abc import Sequence

# Loaded only when a Word report is asked for (formate.py imports the writer lazily).
from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell, _Row

TABELLENSTIL = "Table Grid"
# Small enough that the Auswertung's eleven columns fit an A4 landscape page, and the
# longest word of a header its column.
SCHRIFTGROESSE, KOPFGROESSE = Pt(9), Pt(8)

# Left and right inside each cell, in twentieths of a point (Table Grid has 108).
_INNENRAND = 57

# What XML 1.0 forbids (python-docx raises on it): C0 controls but tab, line feed and
# carriage return, lone surrogates, U+FFFE and U+FFFF.
_NICHT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def rein(text: str) -> str:
    """The text as a Word document can hold it: without the characters XML forbids."""
    return _NICHT_XML.sub("", text)


def tabelle(dokument: Document, zeilen: int, breiten_cm: Sequence[float]) -> Table:
    """An empty table in "Table Grid" with these column widths, none of its rows split
    across pages."""
    neu = dokument.add_table(rows=zeilen, cols=len(breiten_cm))
    neu.style = dokument.styles[TABELLENSTIL]
    neu.alignment = WD_TABLE_ALIGNMENT.LEFT
    neu.autofit = False
    _innenrand(neu)
    for spalte, breite in zip(neu.columns, breiten_cm, strict=True):
        spalte.width = Cm(breite)  # the grid: LibreOffice reads it
    for zeile in neu.rows:
        for zelle, breite in zip(zeile.cells, breiten_cm, strict=True):
            zelle.width = Cm(breite)  # each cell: Word reads it
        _zeileneigenschaft(zeile, "w:cantSplit")
    return neu


def _innenrand(neu: Table) -> None:
    """Narrower cell margins, so that each header word fits its column."""
    raender = OxmlElement("w:tblCellMar")
    for seite in ("w:left", "w:right"):
        rand = OxmlElement(seite)
        rand.set(qn("w:w"), str(_INNENRAND))
        rand.set(qn("w:type"), "dxa")
        raender.append(rand)
    eigenschaften = neu._tbl.tblPr
    danach = eigenschaften.find(qn("w:tblLook"))
    if danach is None:
        eigenschaften.append(raender)
    else:
        danach.addprevious(raender)


def kopfzeilen(neu: Table, anzahl: int) -> None:
    """The first ``anzahl`` rows repeat at the top of every page the table runs onto."""
    for zeile in neu.rows[:anzahl]:
        _zeileneigenschaft(zeile, "w:tblHeader")


def _zeileneigenschaft(zeile: _Row, name: str) -> None:
    eigenschaften = zeile._tr.get_or_add_trPr()
    if eigenschaften.find(qn(name)) is None:
        eigenschaften.append(OxmlElement(name))


def schreiben(
    zelle: _Cell, text: str, *, rechts: bool = False, kopf: bool = False, fett: bool = False
) -> None:
    """Plain text in the cell: numbers right-aligned, headers bold and centred at the
    bottom of their block, as in the published table."""
    absatz = zelle.paragraphs[0]
    absatz.paragraph_format.space_before = absatz.paragraph_format.space_after = Pt(0)
    if kopf:
        absatz.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
        zelle.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    elif rechts:
        absatz.alignment = WD_PARAGRAPH_ALIGNMENT.RIGHT
    groesse = KOPFGROESSE if kopf else SCHRIFTGROESSE
    # The paragraph mark in the same size: an empty cell keeps the row as low as the others.
    marke = OxmlElement("w:rPr")
    schrift = OxmlElement("w:sz")
    schrift.set(qn("w:val"), str(round(groesse.pt * 2)))
    marke.append(schrift)
    absatz._p.get_or_add_pPr().append(marke)
    lauf = absatz.add_run(rein(text))
    lauf.font.size = groesse
    if fett or kopf:
        lauf.bold = True
