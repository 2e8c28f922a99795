"""Word tables for the Word report (python-docx): the built-in style "Table Grid", fixed
column widths, header rows repeated on every page, rows never split across pages, and
cells holding plain text in a smaller type."""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Sequence

# Loaded only when a Word report is asked for (formate.py imports the writer lazily).
from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.shared import Cm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

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
    twips = [str(Cm(breite).twips) for breite in breiten_cm]
    for zeile in neu._tbl.tr_lst:  # lxml directly: python-docx takes a minute for a Land
        for zelle, weite in zip(zeile.findall(qn("w:tc")), twips, strict=True):
            eigenschaften = zelle.get_or_add_tcPr()  # each cell: Word reads it
            angabe = eigenschaften.find(qn("w:tcW"))
            if angabe is None:
                angabe = OxmlElement("w:tcW")
                eigenschaften.insert(0, angabe)
            angabe.set(qn("w:w"), weite)
            angabe.set(qn("w:type"), "dxa")
        zeile.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
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
    absatz = copy.deepcopy(_vorlage(rechts, kopf, fett))
    inhalt = absatz.find(f"{qn('w:r')}/{qn('w:t')}")
    assert inhalt is not None
    inhalt.text = rein(text)  # lxml escapes it
    alt = zelle._tc.p_lst[0]
    alt.addnext(absatz)
    zelle._tc.remove(alt)
    if kopf:
        zelle.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM


@functools.cache
def _vorlage(rechts: bool, kopf: bool, fett: bool) -> CT_P:
    """The paragraph of a cell of this kind, built once with python-docx; each cell gets a
    copy (built each time, a cell takes a millisecond: a minute for 11,000 Kommunen)."""
    absatz = Paragraph(OxmlElement("w:p"), None)  # type: ignore[arg-type]
    absatz.paragraph_format.space_before = absatz.paragraph_format.space_after = Pt(0)
    if kopf:
        absatz.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
    elif rechts:
        absatz.alignment = WD_PARAGRAPH_ALIGNMENT.RIGHT
    groesse = KOPFGROESSE if kopf else SCHRIFTGROESSE
    # The paragraph mark in the same size: an empty cell keeps the row as low as the others.
    marke = OxmlElement("w:rPr")
    schrift = OxmlElement("w:sz")
    schrift.set(qn("w:val"), str(round(groesse.pt * 2)))
    marke.append(schrift)
    absatz._p.get_or_add_pPr().append(marke)
    lauf = absatz.add_run("-")
    lauf.font.size = groesse
    if fett or kopf:
        lauf.bold = True
    inhalt = lauf._r.find(qn("w:t"))
    assert inhalt is not None
    inhalt.set(qn("xml:space"), "preserve")
    return absatz._p
