"""xlsx/xlsm: names, date system and every sheet's extent and error cells from the zip.

The sheets are scanned with regular expressions over the raw XML rather than parsed:
it is fast, needs no tree of a possibly huge sheet, and finds the extent the way
calamine will compute it (the outermost cell reference), so nothing calamine is asked
to read can exceed the limits. Macros in xlsm files are never looked at, let alone run.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Collection
from pathlib import PurePosixPath
from xml.parsers import expat

from wrm_cli.fehler import EingabeFehler
from wrm_cli.lesen.arbeitsmappe import (
    BEZUG_XLSX,
    Bezug,
    Blattbild,
    Mappe,
    bezug_lesen,
    spaltennummer,
)
from wrm_cli.lesen.dateiart import BESCHAEDIGT, ZIP_FEHLER, Datei
from wrm_cli.werte import Zellfehler

# Names in expat's form, "namespace}name".
_NS_HAUPT = "http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
# Excel's "Strict Open XML" variant: the same parts under other namespaces.
_NS_STRICT = "http://purl.oclc.org/ooxml/"
_R_ID = "http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_BEZIEHUNG = "http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_DEFINIERTER_NAME = f"{_NS_HAUPT}definedName"
_EIGENSCHAFTEN = f"{_NS_HAUPT}workbookPr"
_BLATT = f"{_NS_HAUPT}sheet"
_WERKBUCH_ELEMENTE = frozenset({_DEFINIERTER_NAME, _EIGENSCHAFTEN, _BLATT})

_P = rb"<(?:[\w.-]+:)?"  # an element, with or without a namespace prefix
_ZELLBEZUG = re.compile(rb'\sr="([A-Z]{1,3})([0-9]{1,7})"')
_ZELLTAG = re.compile(_P + rb"c[\s/>]")
_ZEILENNUMMER = re.compile(_P + rb'row\s[^>]*?\br="([0-9]{1,9})"')
_ZEILENTAG = re.compile(_P + rb"row[\s/>]")
_ZELLE = re.compile(_P + rb"c\s([^>]*?)(?:/>|>(.*?)</(?:[\w.-]+:)?c>)", re.S)
_ATTR_R = re.compile(rb'\br="([A-Z]{1,3})([0-9]{1,7})"')
_ATTR_T = re.compile(rb'\bt="(\w+)"')
_FORMEL = re.compile(_P + rb"f[\s/>]")
_WERT = re.compile(_P + rb"v>([^<]*)<")


# An element as expat reports it: name, attributes, text. Names of elements and
# attributes in a namespace read "namespace}name".
_Element = tuple[str, dict[str, str], str]


def _elemente(daten: bytes, gesucht: Collection[str]) -> tuple[str, list[_Element]]:
    """The root's name and the elements named ``gesucht``, in document order.

    Only these few elements of the small workbook parts are needed, so expat reports them
    directly instead of building a tree. Any DTD is refused, so no entity can expand
    ("billion laughs") and nothing external is fetched.
    """
    wurzel: list[str] = []
    gefunden: list[tuple[str, dict[str, str], list[str]]] = []

    def anfang(name: str, attribute: dict[str, str]) -> None:
        if not wurzel:
            wurzel.append(name)
        if name in gesucht:
            text: list[str] = []
            gefunden.append((name, attribute, text))
            parser.CharacterDataHandler = text.append

    def ende(_: str) -> None:
        parser.CharacterDataHandler = None

    def verboten(*_: object) -> None:
        raise ValueError("DTD")

    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartElementHandler = anfang
    parser.EndElementHandler = ende
    parser.StartDoctypeDeclHandler = verboten
    parser.EntityDeclHandler = verboten
    parser.Parse(daten, True)
    return (wurzel[0] if wurzel else ""), [(n, a, "".join(t)) for n, a, t in gefunden]


def untersuchen(datei: Datei) -> Mappe:
    archiv = datei.archiv
    assert archiv is not None
    try:
        wurzel, mappe = _elemente(archiv.read("xl/workbook.xml"), _WERKBUCH_ELEMENTE)
    except Exception:  # damaged or hostile XML: nothing in this file can be trusted
        raise EingabeFehler(BESCHAEDIGT) from None
    if wurzel.startswith(_NS_STRICT):
        raise EingabeFehler(
            "Die Datei ist im Format „Strict Open XML“ gespeichert, das wrm nicht liest – "
            "bitte als „Excel-Arbeitsmappe (.xlsx)“ speichern und erneut senden."
        )
    ergebnis = Mappe(datei.pfad, "xlsx", _namen(mappe), datum_1904=_datum_1904(mappe))
    for name, teil in _blatt_teile(archiv, mappe).items():
        try:
            inhalt = archiv.read(teil)
        except ZIP_FEHLER:
            raise EingabeFehler(BESCHAEDIGT) from None
        ergebnis.blaetter[name] = blatt_scannen(inhalt)
    return ergebnis


def _namen(mappe: list[_Element]) -> dict[str, Bezug]:
    namen: dict[str, Bezug] = {}
    for element, attribute, text in mappe:
        if element != _DEFINIERTER_NAME:
            continue
        if attribute.get("localSheetId") is not None:  # sheet-scoped, e.g. the print area
            continue
        bezug = bezug_lesen(text, BEZUG_XLSX)
        if bezug is not None:
            namen.setdefault(attribute.get("name", "").casefold(), bezug)
    return namen


def _datum_1904(mappe: list[_Element]) -> bool:
    return any(
        element == _EIGENSCHAFTEN and attribute.get("date1904") in ("1", "true")
        for element, attribute, _ in mappe
    )


def _blatt_teile(archiv: zipfile.ZipFile, mappe: list[_Element]) -> dict[str, str]:
    """Worksheet name → zip member, from the workbook's relationships."""
    try:
        _, beziehungen = _elemente(archiv.read("xl/_rels/workbook.xml.rels"), {_BEZIEHUNG})
    except Exception:
        return {}
    ziele = {attribute.get("Id"): attribute.get("Target", "") for _, attribute, _ in beziehungen}
    teile: dict[str, str] = {}
    for element, attribute, _ in mappe:
        ziel = ziele.get(attribute.get(_R_ID)) if element == _BLATT else None
        if ziel:
            teil = ziel.lstrip("/") if ziel.startswith("/") else str(PurePosixPath("xl") / ziel)
            teile[attribute.get("name", "")] = teil
    return teile


def blatt_scannen(inhalt: bytes) -> Blattbild:
    """Extent and error cells of one sheet's XML."""
    bezuege = _ZELLBEZUG.findall(inhalt)
    zeilen = max((int(zeile) for _, zeile in bezuege), default=0)
    spalten = max((spaltennummer(s.decode()) + 1 for s in {s for s, _ in bezuege}), default=0)
    zellen = len(_ZELLTAG.findall(inhalt))
    if zellen > len(bezuege):
        # Cells without a reference sit after the previous one: assume the worst.
        nummern = [int(nummer) for nummer in _ZEILENNUMMER.findall(inhalt)]
        zeilen = max(zeilen, len(_ZEILENTAG.findall(inhalt)), *nummern, 0)
        spalten += zellen
    bild = Blattbild(zeilen, spalten)
    if b't="e"' in inhalt or _FORMEL.search(inhalt):
        bild.fehlerzellen = _fehlerzellen(inhalt)
    return bild


def _fehlerzellen(inhalt: bytes) -> dict[tuple[int, int], Zellfehler]:
    """Error cells (#DIV/0!) and formulas without a stored result, which calamine reads
    as blank. Excel and LibreOffice always store results; other programs may not."""
    gefunden: dict[tuple[int, int], Zellfehler] = {}
    for attribute, koerper in _ZELLE.findall(inhalt):
        bezug = _ATTR_R.search(attribute)
        if bezug is None:
            continue
        ort = (int(bezug.group(2)) - 1, spaltennummer(bezug.group(1).decode()))
        art = _ATTR_T.search(attribute)
        typ = art.group(1) if art else b"n"
        formel = _FORMEL.search(koerper) is not None
        wert = _WERT.search(koerper)
        text = wert.group(1).decode("utf-8", "replace") if wert else ""
        if typ == b"e":
            gefunden[ort] = Zellfehler(text or "#FEHLER", formel=formel)
        elif formel and not text and typ not in (b"str", b"inlineStr"):
            gefunden[ort] = Zellfehler("", formel=True)
    return gefunden
