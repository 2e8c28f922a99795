"""What python-calamine does not tell, read cheaply from the workbook file itself.

- Workbook-level defined names (``zuweisungen`` → ``'Meldung'!$C$12``): xlsx/xlsm from
  ``xl/workbook.xml``, ods from ``content.xml``, xls through xlrd (workbook globals only).
- Formula cells without a cached result and formula error cells (``#DIV/0!``), which
  calamine returns as blank: from the sheet's XML in xlsx/xlsm. LibreOffice and Excel
  always store results, so only files written by other programs lack them.

Every function answers "nothing found" for a file it cannot understand; whether the file
is readable at all is decided by the calamine read before.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree.ElementTree import Element

from wrm_cli.werte import Zellfehler

_NS_HAUPT = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PAKET_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_NS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OLE2_KENNUNG = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# 'Meldung'!$C$12 · Meldung!C12 · 'It''s'!$C$12 (xlsx) · $Meldung.$C$12 · $'Mel dung'.$C$12 (ods)
_BEZUG_XLSX = re.compile(r"^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Za-z]{1,3})\$?(\d{1,7})$")
_BEZUG_ODS = re.compile(r"^\$?(?:'((?:[^']|'')+)'|([^'.]+))\.\$?([A-Za-z]{1,3})\$?(\d{1,7})$")


@dataclass(frozen=True)
class Bezug:
    """A single cell a defined name points to (0-based row and column)."""

    blatt: str
    zeile: int
    spalte: int


def spaltennummer(buchstaben: str) -> int:
    """A → 0, Z → 25, AA → 26."""
    nummer = 0
    for buchstabe in buchstaben.upper():
        nummer = nummer * 26 + ord(buchstabe) - 64
    return nummer - 1


def _bezug(text: str, muster: re.Pattern[str]) -> Bezug | None:
    treffer = muster.match(text.strip())
    if treffer is None:  # ranges, formulas, #REF! – not a single input cell
        return None
    zitiert, schlicht, spalte, zeile = treffer.groups()
    blatt = zitiert.replace("''", "'") if zitiert is not None else schlicht
    return Bezug(blatt, int(zeile) - 1, spaltennummer(spalte))


def _xml(daten: bytes) -> Element:
    from defusedxml.ElementTree import (  # type: ignore[import-untyped, unused-ignore]
        fromstring,  # refuses entity expansion attacks
    )

    element: Element = fromstring(daten)
    return element


@dataclass(frozen=True)
class Mappe:
    """What one look at the workbook file tells: its format and its defined names."""

    pfad: Path
    art: str | None  # "xlsx", "ods" or "xls" by content, whatever the extension says
    # Workbook-level names pointing to one cell, keyed case-insensitively (casefolded).
    namen: dict[str, Bezug] = field(default_factory=dict)
    # xlsx only: sheet name → the zip member holding that sheet.
    blatt_teile: dict[str, str] = field(default_factory=dict)


def mappe_untersuchen(pfad: Path) -> Mappe:
    """Open the file once: its format by content, its names and (xlsx) its sheet parts."""
    try:
        with pfad.open("rb") as datei:
            anfang = datei.read(8)
    except OSError:
        return Mappe(pfad, None)
    if anfang == _OLE2_KENNUNG:
        return Mappe(pfad, "xls", _ohne_fehler(_namen_xls, pfad))
    if not anfang.startswith(b"PK"):
        return Mappe(pfad, None)
    try:
        with zipfile.ZipFile(pfad) as archiv:
            inhalt = set(archiv.namelist())
            if "xl/workbook.xml" in inhalt:
                return _xlsx_untersuchen(pfad, archiv)
            if "content.xml" in inhalt:
                return Mappe(pfad, "ods", _ohne_fehler(_namen_ods, archiv))
    except (zipfile.BadZipFile, OSError):
        pass
    return Mappe(pfad, None)


def _ohne_fehler(lesen: Callable[[Any], dict[str, Bezug]], quelle: Any) -> dict[str, Bezug]:
    try:
        return lesen(quelle)
    except Exception:  # a damaged name table: the template is then found by its labels
        return {}


def _xlsx_untersuchen(pfad: Path, archiv: zipfile.ZipFile) -> Mappe:
    try:
        mappe = _xml(archiv.read("xl/workbook.xml"))
    except Exception:
        return Mappe(pfad, "xlsx")
    namen: dict[str, Bezug] = {}
    for eintrag in mappe.iter(f"{_NS_HAUPT}definedName"):
        if eintrag.get("localSheetId") is not None:  # sheet-scoped, e.g. the print area
            continue
        bezug = _bezug(eintrag.text or "", _BEZUG_XLSX)
        if bezug is not None:
            namen.setdefault(str(eintrag.get("name", "")).casefold(), bezug)
    return Mappe(pfad, "xlsx", namen, _blatt_teile(archiv, mappe))


def _blatt_teile(archiv: zipfile.ZipFile, mappe: Element) -> dict[str, str]:
    """Sheet name → zip member, from the workbook's relationships."""
    try:
        ziele = {
            beziehung.get("Id"): str(beziehung.get("Target", ""))
            for beziehung in _xml(archiv.read("xl/_rels/workbook.xml.rels")).iter(
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


def _namen_ods(archiv: zipfile.ZipFile) -> dict[str, Bezug]:
    inhalt = _xml(archiv.read("content.xml"))
    namen: dict[str, Bezug] = {}
    for eintrag in inhalt.iter(f"{_NS_TABLE}named-range"):
        # Sheet-scoped names live inside their table element, not under the spreadsheet.
        bezug = _bezug(eintrag.get(f"{_NS_TABLE}cell-range-address", ""), _BEZUG_ODS)
        if bezug is not None:
            namen.setdefault(str(eintrag.get(f"{_NS_TABLE}name", "")).casefold(), bezug)
    for tabelle in inhalt.iter(f"{_NS_TABLE}table"):
        for eintrag in tabelle.iter(f"{_NS_TABLE}named-range"):
            namen.pop(str(eintrag.get(f"{_NS_TABLE}name", "")).casefold(), None)
    return namen


def _namen_xls(pfad: Path) -> dict[str, Bezug]:
    import xlrd  # type: ignore[import-untyped, unused-ignore]

    mappe = xlrd.open_workbook(str(pfad), on_demand=True)  # globals only, no sheets
    try:
        blaetter = mappe.sheet_names()
        namen: dict[str, Bezug] = {}
        for name in mappe.name_obj_list:
            if name.scope != -1 or name.result is None or not name.result.value:
                continue  # sheet-scoped or not a plain reference
            bereich = name.result.value[0]
            if not hasattr(bereich, "coords"):
                continue
            blatt_von, blatt_bis, zeile_von, zeile_bis, spalte_von, spalte_bis = bereich.coords
            einzeln = (blatt_bis - blatt_von, zeile_bis - zeile_von, spalte_bis - spalte_von)
            if einzeln == (1, 1, 1) and 0 <= blatt_von < len(blaetter):
                bezug = Bezug(blaetter[blatt_von], zeile_von, spalte_von)
                namen.setdefault(str(name.name).casefold(), bezug)
        return namen
    finally:
        mappe.release_resources()


def zellfehler(mappe: Mappe, blatt: str, zellen: set[str]) -> dict[str, Zellfehler]:
    """Of the cells ``zellen`` (e.g. ``{"C12"}``) on ``blatt``: formula errors and formulas
    without a stored result. Only xlsx/xlsm need this; other formats answer ``{}``."""
    teil = mappe.blatt_teile.get(blatt)
    if mappe.art != "xlsx" or teil is None:
        return {}
    try:
        with zipfile.ZipFile(mappe.pfad) as archiv:
            daten = archiv.read(teil)
        if b"<f" not in daten and b't="e"' not in daten:  # the usual case: nothing to parse
            return {}
        return _zellfehler_suchen(_xml(daten), zellen)
    except Exception:  # what cannot be inspected is left to calamine's reading
        return {}


def _zellfehler_suchen(blatt: Element, zellen: set[str]) -> dict[str, Zellfehler]:
    gefunden: dict[str, Zellfehler] = {}
    for zelle in blatt.iter(f"{_NS_HAUPT}c"):
        adresse = str(zelle.get("r", "")).upper()
        if adresse not in zellen:
            continue
        formel = zelle.find(f"{_NS_HAUPT}f")
        wert = zelle.find(f"{_NS_HAUPT}v")
        text = (wert.text or "") if wert is not None else ""
        if zelle.get("t") == "e":
            gefunden[adresse] = Zellfehler(text or "#FEHLER", formel=formel is not None)
        elif formel is not None and not text and zelle.get("t") not in ("str", "inlineStr"):
            gefunden[adresse] = Zellfehler("", formel=True)
    return gefunden
