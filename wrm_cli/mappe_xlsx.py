"""xlsx/xlsm: names, date system and every sheet's extent and error cells from the zip.

The sheets are scanned with regular expressions over the raw XML rather than parsed:
it is fast, needs no tree of a possibly huge sheet, and finds the extent the way
calamine will compute it (the outermost cell reference), so nothing calamine is asked
to read can exceed the limits. Macros in xlsm files are never looked at, let alone run.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import PurePosixPath
from xml.etree.ElementTree import Element

from wrm_cli.arbeitsmappe import (
    BEZUG_XLSX,
    Bezug,
    Blattbild,
    Mappe,
    bezug_lesen,
    spaltennummer,
    xml_lesen,
)
from wrm_cli.dateiart import BESCHAEDIGT, ZIP_FEHLER, Datei
from wrm_cli.fehler import EingabeFehler
from wrm_cli.werte import Zellfehler

_NS_HAUPT = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
# Excel's "Strict Open XML" variant: the same parts under other namespaces.
_NS_STRICT = "{http://purl.oclc.org/ooxml/"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PAKET_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

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


def untersuchen(datei: Datei) -> Mappe:
    archiv = datei.archiv
    assert archiv is not None
    try:
        mappe = xml_lesen(archiv.read("xl/workbook.xml"))
    except Exception:  # damaged or hostile XML: nothing in this file can be trusted
        raise EingabeFehler(BESCHAEDIGT) from None
    if mappe.tag.startswith(_NS_STRICT):
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


def _namen(mappe: Element) -> dict[str, Bezug]:
    namen: dict[str, Bezug] = {}
    for eintrag in mappe.iter(f"{_NS_HAUPT}definedName"):
        if eintrag.get("localSheetId") is not None:  # sheet-scoped, e.g. the print area
            continue
        bezug = bezug_lesen(eintrag.text or "", BEZUG_XLSX)
        if bezug is not None:
            namen.setdefault(str(eintrag.get("name", "")).casefold(), bezug)
    return namen


def _datum_1904(mappe: Element) -> bool:
    eigenschaften = mappe.find(f"{_NS_HAUPT}workbookPr")
    return eigenschaften is not None and eigenschaften.get("date1904") in ("1", "true")


def _blatt_teile(archiv: zipfile.ZipFile, mappe: Element) -> dict[str, str]:
    """Worksheet name → zip member, from the workbook's relationships."""
    try:
        ziele = {
            beziehung.get("Id"): str(beziehung.get("Target", ""))
            for beziehung in xml_lesen(archiv.read("xl/_rels/workbook.xml.rels")).iter(
                f"{_NS_PAKET_REL}Relationship"
            )
        }
    except Exception:
        return {}
    teile: dict[str, str] = {}
    for eintrag in mappe.iter(f"{_NS_HAUPT}sheet"):
        ziel = ziele.get(eintrag.get(f"{_NS_REL}id"))
        if ziel:
            teil = ziel.lstrip("/") if ziel.startswith("/") else str(PurePosixPath("xl") / ziel)
            teile[str(eintrag.get("name"))] = teil
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
