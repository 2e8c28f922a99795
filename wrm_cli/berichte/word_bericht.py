"""The Word document for press answers (python-docx), to edit and send: title with
district and Stichtag, the Pressetext, the Auswertung as a Word table as published
(group headers, Gesamt, "± Vorwoche" with an archive), the Kennzahlen, who is missing
or stale; A4 landscape. The Hinweise on files and cells stay in the reports of the
task force (text, Excel, HTML).

Only Word's built-in styles (Title, Heading 1/2, Normal, Table Grid, Footer), so that
the press office's own template restyles it; the only direct formatting is the table's
smaller type, bold headers and Gesamt, and the alignment of numbers.
Every text from an input is plain text, without the control characters XML forbids.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

# Loaded only when a Word report is asked for (formate.py imports this module lazily).
from docx import Document as neues_dokument
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph

from wrm_cli import __version__
from wrm_cli.berichte import beschriftung
from wrm_cli.berichte.text_bericht import als_pressetext
from wrm_cli.berichte.word_tabelle import kopfzeilen, rein, schreiben, tabelle
from wrm_cli.ergebnis import BERICHTSSPALTEN, ZAHLSPALTEN, Auswertungsbericht
from wrm_cli.werte import datum_deutsch, zahl_de

VERAENDERUNG = "veraenderung"  # the key of the column "± Vorwoche"
# Column widths in cm: Kommune, each figure, "± Vorwoche", Einschätzung (26.6 cm of the
# 26.7 between the margins of an A4 landscape page); a header word fits its column.
_BREITE_KOMMUNE, _BREITE_ZAHL, _BREITE_VERAENDERUNG, _BREITE_EINSCHAETZUNG = 3.8, 2.3, 1.9, 2.5
_RAND_CM = 1.5


def _absatz(dokument: Document, text: str, stil: str = "Normal", fett: bool = False) -> Paragraph:
    absatz = dokument.add_paragraph(style=stil)
    lauf = absatz.add_run(rein(text))
    if fett:
        lauf.bold = True
    return absatz


def _seite(dokument: Document) -> None:
    """A4 landscape: width and height swapped, with margins for punching and notes."""
    abschnitt = dokument.sections[0]
    abschnitt.orientation = WD_ORIENT.LANDSCAPE
    abschnitt.page_width, abschnitt.page_height = Cm(29.7), Cm(21)
    abschnitt.left_margin = abschnitt.right_margin = Cm(_RAND_CM)
    abschnitt.top_margin = abschnitt.bottom_margin = Cm(1.8)


def _deutsch(dokument: Document) -> None:
    """German as the language of the text (spelling, hyphenation), in the defaults that
    a template's own styles override."""
    standard = dokument.styles.element.find(qn("w:docDefaults"))
    if standard is None:
        return
    schrift = standard.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if schrift is None:
        return
    sprache = schrift.find(qn("w:lang"))
    if sprache is None:
        sprache = OxmlElement("w:lang")
        schrift.append(sprache)
    sprache.set(qn("w:val"), "de-DE")


def _spalten(bericht: Auswertungsbericht) -> list[str]:
    """The published columns; with a comparison "± Vorwoche" right of fehlender Wohnraum."""
    spalten = list(BERICHTSSPALTEN)
    if bericht.vergleich is not None:
        spalten.insert(spalten.index("fehlender_wohnraum") + 1, VERAENDERUNG)
    return spalten


def _breite(spalte: str) -> float:
    if spalte == "kommune":
        return _BREITE_KOMMUNE
    if spalte == VERAENDERUNG:
        return _BREITE_VERAENDERUNG
    return _BREITE_ZAHL if spalte in ZAHLSPALTEN else _BREITE_EINSCHAETZUNG


def _auswertung(dokument: Document, bericht: Auswertungsbericht) -> None:
    """The table as published: two header rows (Quote | verfügbarer Wohnraum over their
    columns, every other header spanning both), the Kommunen, the Gesamt row in bold."""
    spalten = _spalten(bericht)
    titelzeilen = beschriftung.spaltentitel(bericht.bezirk) | {
        VERAENDERUNG: beschriftung.VERGLEICH_SPALTE
    }
    daten = beschriftung.tabellenzeilen(bericht)
    neu = tabelle(dokument, 3 + len(daten), [_breite(s) for s in spalten])
    kopfzeilen(neu, 2)
    oben, unten = neu.rows[0].cells, neu.rows[1].cells
    gruppe_von = {
        s: gruppe for gruppe, mitglieder in beschriftung.SPALTENGRUPPEN.items() for s in mitglieder
    }
    for nr, spalte in enumerate(spalten):
        if spalte not in gruppe_von:
            schreiben(oben[nr].merge(unten[nr]), titelzeilen[spalte], kopf=True)
            continue
        schreiben(unten[nr], titelzeilen[spalte], kopf=True)
        mitglieder = beschriftung.SPALTENGRUPPEN[gruppe_von[spalte]]
        if spalte == mitglieder[0]:
            letzte = spalten.index(mitglieder[-1])
            schreiben(oben[nr].merge(oben[letzte]), gruppe_von[spalte], kopf=True)
    vergleich = bericht.vergleich

    def zelle(werte: dict[str, Any], spalte: str) -> str:
        if spalte == VERAENDERUNG:
            assert vergleich is not None
            return beschriftung.veraenderung(
                vergleich.zeilen[werte["kommune"]]["fehlender_wohnraum"]
            )
        return zahl_de(werte[spalte]) if spalte in ZAHLSPALTEN else str(werte[spalte] or "")

    rechts = [s in ZAHLSPALTEN or s == VERAENDERUNG for s in spalten]
    for zeile, werte in zip(neu.rows[2:], daten, strict=False):
        zellen = zeile.cells
        for nr, spalte in enumerate(spalten):
            schreiben(zellen[nr], zelle(werte, spalte), rechts=rechts[nr])
    gesamt, summen = bericht.auswertung.gesamt, neu.rows[-1].cells
    for nr, spalte in enumerate(spalten):
        text = ""
        if spalte == "kommune":
            text = beschriftung.gesamt_bezeichnung(bericht)
        elif spalte == VERAENDERUNG:
            assert vergleich is not None
            text = beschriftung.veraenderung(vergleich.gesamt["fehlender_wohnraum"])
        elif spalte in ZAHLSPALTEN:
            text = zahl_de(gesamt[spalte])
        schreiben(summen[nr], text, rechts=rechts[nr], fett=True)


def _kennzahlen(dokument: Document, bericht: Auswertungsbericht) -> None:
    """Kennzahl | Personen (| ± Vorwoche), numbers right-aligned."""
    vergleich = bericht.vergleich
    breiten = [9.0, 2.6] + ([2.6] if vergleich is not None else [])
    titel_ = beschriftung.kennzahltitel(bericht.bezirk)
    neu = tabelle(dokument, 1 + len(titel_), breiten)
    kopfzeilen(neu, 1)
    kopf = ["Kennzahl", "Personen"] + (
        [beschriftung.VERGLEICH_SPALTE] if vergleich is not None else []
    )
    for zelle_, text in zip(neu.rows[0].cells, kopf, strict=True):
        schreiben(zelle_, text, kopf=True)
    for zeile, (key, text) in zip(neu.rows[1:], titel_.items(), strict=True):
        fett = key == "fehlender_wohnraum"
        schreiben(zeile.cells[0], text.removesuffix(" (Personen)"), fett=fett)
        wert = zahl_de(bericht.auswertung.kennzahlen[key])
        schreiben(zeile.cells[1], wert, rechts=True, fett=fett)
        if vergleich is not None:
            schreiben(
                zeile.cells[2], beschriftung.veraenderung(vergleich.kennzahlen[key]), rechts=True
            )


def meldesaetze(bericht: Auswertungsbericht) -> list[str]:
    """Who has no valid Meldung, whose is stale or undated – or that all are current."""
    if bericht.alle_aktuell:
        return [
            f"Alle {bericht.kommunen_im_bezirk} Kommunen haben eine aktuelle Meldung "
            f"abgegeben ({beschriftung.stand_der_daten(bericht)})."
        ]
    saetze = []
    if bericht.fehlende_kommunen:
        saetze.append(beschriftung.ohne_meldung(bericht.fehlende_kommunen))
    if bericht.veraltete:
        saetze.append(beschriftung.veraltet_zeile(bericht))
    ohne = [s.kommune for s in bericht.meldestatus if s.status == "ohne Stand"]
    if ohne:
        saetze.append("Ohne Stand: " + ", ".join(ohne) + ".")
    return saetze


def _fusszeile(dokument: Document, bericht: Auswertungsbericht) -> None:
    absatz = dokument.sections[0].footer.paragraphs[0]
    absatz.style = dokument.styles["Footer"]
    quelle = beschriftung.dateien_zusammengefasst(bericht.dateien)
    absatz.add_run(
        rein(
            f"Erstellt mit wrm {__version__} · Quelle: Meldungen der Kommunen "
            f"({bericht.bezirk.name}), {quelle}"
        )
    )


def dokument_erstellen(bericht: Auswertungsbericht) -> Document:
    dokument = neues_dokument()
    _seite(dokument)
    _deutsch(dokument)
    if (achtung := beschriftung.warnung(bericht)) is not None:
        _absatz(dokument, achtung, fett=True)
    stand = beschriftung.stand_der_daten(bericht)
    _absatz(dokument, beschriftung.titel(bericht).removesuffix(f", {stand}"), "Title")
    _absatz(dokument, f"Stichtag {datum_deutsch(bericht.stichtag)}, {stand}")
    _absatz(dokument, "Pressetext", "Heading 1")
    _absatz(dokument, als_pressetext(bericht).split("\n", 1)[0])
    _absatz(dokument, "Auswertung", "Heading 1")
    _auswertung(dokument, bericht)
    _absatz(dokument, beschriftung.gesamt_fussnote(bericht))
    _absatz(dokument, "Kennzahlen", "Heading 2")
    _kennzahlen(dokument, bericht)
    for zeile in (beschriftung.vergleich_zeile(bericht), beschriftung.vergleich_kommunen(bericht)):
        if zeile is not None:
            _absatz(dokument, zeile)
    _absatz(dokument, "Meldungen der Kommunen", "Heading 2")
    for satz in meldesaetze(bericht):
        _absatz(dokument, satz)
    _fusszeile(dokument, bericht)
    eigenschaften = dokument.core_properties
    eigenschaften.title = rein(beschriftung.titel(bericht))
    eigenschaften.author = eigenschaften.last_modified_by = f"wrm {__version__}"
    eigenschaften.language = "de-DE"
    eigenschaften.created = eigenschaften.modified = dt.datetime.now(dt.UTC).replace(microsecond=0)
    return dokument


def als_docx(bericht: Auswertungsbericht) -> bytes:
    puffer = io.BytesIO()
    dokument_erstellen(bericht).save(puffer)
    return puffer.getvalue()
