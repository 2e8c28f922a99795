"""ods: names, date system and every sheet's extent, error cells and merged cells.

One streaming pass over ``content.xml``. An ods sheet compresses long runs of cells and
rows into one element with a repeat count ("number-rows-repeated=1048570"), so the extent
is counted, never expanded: a sheet reaching row 1,048,576 costs no more than any other.
"""

from __future__ import annotations

import io
from xml.etree.ElementTree import Element

from wrm_cli.fehler import EingabeFehler
from wrm_cli.lesen.arbeitsmappe import BEZUG_ODS, Bezug, Blattbild, Mappe, bezug_lesen
from wrm_cli.lesen.dateiart import BESCHAEDIGT, Datei
from wrm_cli.werte import Zellfehler

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"
_TABELLE = f"{_TABLE}table"
_ZEILE = f"{_TABLE}table-row"
_ZELLEN = (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell")
_NAME = f"{_TABLE}named-range"


class _Leser:
    """The state of the pass: which sheet, row and column the parser is in."""

    def __init__(self) -> None:
        self.mappe_namen: dict[str, Bezug] = {}
        self.lokale_namen: set[str] = set()
        self.blaetter: dict[str, Blattbild] = {}
        self.datum_1904 = False
        self.blatt: Blattbild | None = None
        self.zeile = self.spalte = self.zeilen_wiederholt = 0

    def anfang(self, element: Element) -> None:
        if element.tag == _TABELLE:
            self.blatt = Blattbild()
            self.blaetter[str(element.get(f"{_TABLE}name", ""))] = self.blatt
            self.zeile = 0
        elif element.tag == _ZEILE:
            self.zeilen_wiederholt = _anzahl(element, "number-rows-repeated")
            self.spalte = 0

    def ende(self, element: Element) -> None:
        if element.tag in _ZELLEN and self.blatt is not None:
            wiederholt = _anzahl(element, "number-columns-repeated")
            if _belegt(element):
                self._zelle(element, wiederholt)
            self.spalte += wiederholt
            element.clear()
        elif element.tag == _ZEILE:
            self.zeile += self.zeilen_wiederholt
            element.clear()
        elif element.tag == _TABELLE:
            self.blatt = None
        elif element.tag == _NAME:
            name = str(element.get(f"{_TABLE}name", "")).casefold()
            if self.blatt is not None:  # a sheet-scoped name
                self.lokale_namen.add(name)
            else:
                bezug = bezug_lesen(element.get(f"{_TABLE}cell-range-address", ""), BEZUG_ODS)
                if bezug is not None:
                    self.mappe_namen.setdefault(name, bezug)
        elif element.tag == f"{_TABLE}null-date":
            self.datum_1904 = str(element.get(f"{_TABLE}date-value", "")).startswith("1904")

    def _zelle(self, element: Element, wiederholt: int) -> None:
        blatt = self.blatt
        assert blatt is not None
        blatt.zeilen = max(blatt.zeilen, self.zeile + self.zeilen_wiederholt)
        blatt.spalten = max(blatt.spalten, self.spalte + wiederholt)
        ort = (self.zeile, self.spalte)
        formel = element.get(f"{_TABLE}formula") is not None
        if element.get(f"{_CALCEXT}value-type") == "error":
            text = "".join(element.itertext()).strip()
            blatt.fehlerzellen[ort] = Zellfehler(text or "#FEHLER", formel=formel)
        elif formel and element.get(f"{_OFFICE}value-type") is None:
            blatt.fehlerzellen[ort] = Zellfehler("", formel=True)
        spalten_verbunden = _anzahl(element, "number-columns-spanned")
        zeilen_verbunden = _anzahl(element, "number-rows-spanned")
        if spalten_verbunden > 1 or zeilen_verbunden > 1:
            blatt.verbunde.append(
                (
                    self.zeile,
                    self.spalte,
                    self.zeile + zeilen_verbunden - 1,
                    self.spalte + spalten_verbunden - 1,
                )
            )


def _anzahl(element: Element, attribut: str) -> int:
    try:
        return max(1, int(element.get(f"{_TABLE}{attribut}", "1")))
    except ValueError:
        return 1


def _belegt(element: Element) -> bool:
    return (
        element.get(f"{_OFFICE}value-type") is not None
        or element.get(f"{_TABLE}formula") is not None
        or len(element) > 0
        or _anzahl(element, "number-columns-spanned") > 1
        or _anzahl(element, "number-rows-spanned") > 1
    )


def untersuchen(datei: Datei) -> Mappe:
    from defusedxml.ElementTree import (  # type: ignore[import-untyped, unused-ignore]
        iterparse,  # refuses entity expansion attacks
    )

    archiv = datei.archiv
    assert archiv is not None
    leser = _Leser()
    try:
        inhalt = archiv.read("content.xml")
        for ereignis, element in iterparse(io.BytesIO(inhalt), events=("start", "end")):
            if ereignis == "start":
                leser.anfang(element)
            else:
                leser.ende(element)
    except Exception:  # a damaged zip member, broken XML, an entity attack
        raise EingabeFehler(BESCHAEDIGT) from None
    namen = {k: v for k, v in leser.mappe_namen.items() if k not in leser.lokale_namen}
    return Mappe(datei.pfad, "ods", namen, leser.blaetter, leser.datum_1904)
