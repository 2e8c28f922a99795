"""Erzeugt Dateien, wie andere Programme sie schreiben, in tests/korpus/dateien/fremd/.

Aufruf im Projektordner: ``python tests/korpus/fremde_programme.py``. Grundlage sind die
mit LibreOffice gespeicherte Melle-Vorlage tests/daten/vorlagen/melle_lo.xls und
beispiele/eingang/Meldung_Glandorf.xlsx (nur gelesen). Ein kleiner OLE2-Schreiber baut
Verbunddateien mit frei gewählten Strömen; was wrm zu jeder Datei sagen muss, steht in
tests/test_fremde_dateien.py.
"""

from __future__ import annotations

import io
import itertools
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

PROJEKT = Path(__file__).resolve().parents[2]


QUELLE = PROJEKT / "beispiele" / "eingang" / "Meldung_Glandorf.xlsx"
XLS = PROJEKT / "tests" / "daten" / "vorlagen" / "melle_lo.xls"
ZIEL = Path(__file__).resolve().parent / "dateien" / "fremd"

_SEKTOR = 512
_ENDE = 0xFFFFFFFE
_FREI = 0xFFFFFFFF
_FAT_SEKTOR = 0xFFFFFFFD
_KEINER = 0xFFFFFFFF

# A node of the compound file: a stream (bytes) or a storage (dict of nodes).
Knoten = bytes | dict[str, "Knoten"]


def arbeitsmappen_strom() -> bytes:
    """The BIFF8 "Workbook" stream of the LibreOffice file."""
    import xlrd.compdoc  # type: ignore[import-untyped, unused-ignore]

    return bytes(
        xlrd.compdoc.CompDoc(XLS.read_bytes(), logfile=io.StringIO()).get_named_stream("Workbook")
    )


def ole2(wurzel: dict[str, Knoten], kleine_stroeme_ab: int | None = None) -> bytes:
    """A version-3 compound file; every stream is padded to 4096 bytes (no mini stream).

    ``kleine_stroeme_ab``: the root's container of small streams starts in this sector
    (empty otherwise) – in a sector of another stream, it makes xlrd see a corrupt file.
    """
    eintraege: list[dict[str, object]] = []

    def eintragen(name: str, knoten: Knoten) -> int:
        nummer = len(eintraege)
        eintrag: dict[str, object] = {"name": name, "links": _KEINER, "rechts": _KEINER}
        eintraege.append(eintrag)
        if isinstance(knoten, dict):
            eintrag["typ"] = 5 if nummer == 0 else 1
            kinder = sorted(knoten, key=lambda n: (len(n), n.upper()))
            nummern = [eintragen(kind, knoten[kind]) for kind in kinder]
            for links, rechts in itertools.pairwise(nummern):
                eintraege[links]["rechts"] = rechts  # a valid (if unbalanced) tree
            eintrag["kind"] = nummern[0] if nummern else _KEINER
        else:
            eintrag["typ"] = 2
            eintrag["kind"] = _KEINER
            eintrag["daten"] = knoten.ljust(4096, b"\0")
            eintrag["groesse"] = len(knoten)
        return nummer

    eintragen("Root Entry", wurzel)
    sektoren: list[bytes] = []
    fat: list[int] = []

    def ablegen(daten: bytes, kennung: int | None = None) -> int:
        anfang = len(sektoren)
        stuecke = [
            daten[i : i + _SEKTOR].ljust(_SEKTOR, b"\0") for i in range(0, len(daten), _SEKTOR)
        ]
        for nummer, stueck in enumerate(stuecke):
            sektoren.append(stueck)
            fat.append(anfang + nummer + 1 if nummer < len(stuecke) - 1 else _ENDE)
        return anfang

    for eintrag in eintraege:
        if eintrag["typ"] == 2:
            eintrag["start"] = ablegen(eintrag["daten"])  # type: ignore[arg-type]
    if kleine_stroeme_ab is not None:
        eintraege[0]["start"], eintraege[0]["groesse"] = kleine_stroeme_ab, 64
    verzeichnis = b"".join(_eintrag(e) for e in eintraege)
    verzeichnis_start = ablegen(verzeichnis.ljust(-(-len(verzeichnis) // _SEKTOR) * _SEKTOR, b"\0"))
    fat_anzahl = 1
    while (len(fat) + fat_anzahl) > fat_anzahl * (_SEKTOR // 4):
        fat_anzahl += 1
    fat_start = len(sektoren)
    fat.extend([_FAT_SEKTOR] * fat_anzahl)
    fat.extend([_FREI] * (fat_anzahl * (_SEKTOR // 4) - len(fat)))
    tabelle = struct.pack(f"<{len(fat)}I", *fat)
    sektoren.extend(tabelle[i : i + _SEKTOR] for i in range(0, len(tabelle), _SEKTOR))
    difat = [fat_start + i for i in range(fat_anzahl)] + [_FREI] * (109 - fat_anzahl)
    kopf = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + bytes(16)
        + struct.pack(
            "<HHHHH6xIIIIIIIII",
            0x3E,
            3,
            0xFFFE,
            9,
            6,
            0,
            fat_anzahl,
            verzeichnis_start,
            0,
            4096,
            _ENDE,
            0,
            _ENDE,
            0,
        )
        + struct.pack("<109I", *difat)
    )
    return kopf + b"".join(sektoren)


def _eintrag(eintrag: dict[str, object]) -> bytes:
    name = str(eintrag["name"]).encode("utf-16-le") + b"\0\0"
    return (
        name.ljust(64, b"\0")
        + struct.pack("<HBB", len(name), eintrag["typ"], 1)
        + struct.pack("<III", eintrag["links"], eintrag["rechts"], eintrag["kind"])
        + bytes(16 + 4 + 16)
        + struct.pack("<IQ", eintrag.get("start", _ENDE), eintrag.get("groesse", 0))
    )


def mit_word_objekt() -> bytes:
    """Excel stores an embedded Word document as a storage under ObjectPool."""
    objekt: dict[str, Knoten] = {
        "\x01CompObj": b"\x01\0\xfe\xff",
        "WordDocument": b"\xec\xa5" + bytes(510),
    }
    return ole2({"Workbook": arbeitsmappen_strom(), "ObjectPool": {"_1234567890": objekt}})


def strom_heisst(name: str) -> Callable[[], bytes]:
    return lambda: ole2({name: arbeitsmappen_strom()})


DATEIEN: dict[str, Callable[[], bytes]] = {
    "word_objekt_eingebettet.xls": mit_word_objekt,
    "strom_WORKBOOK.xls": strom_heisst("WORKBOOK"),
    "strom_BOOK.xls": strom_heisst("BOOK"),
}


def _xlsx_umbenannt(umbenennen: Callable[[str], str], ersetzen: dict[bytes, bytes]) -> bytes:
    """The Glandorf template with renamed zip members and patched relationship targets."""
    ergebnis = io.BytesIO()
    with (
        zipfile.ZipFile(QUELLE) as alt,
        zipfile.ZipFile(ergebnis, "w", zipfile.ZIP_DEFLATED) as neu,
    ):
        for eintrag in alt.infolist():
            inhalt = alt.read(eintrag)
            for vorher, nachher in ersetzen.items():
                inhalt = inhalt.replace(vorher, nachher)
            neu.writestr(umbenennen(eintrag.filename), inhalt)
    return ergebnis.getvalue()


def mappe_anderswo() -> bytes:
    """The workbook at tabelle/mappe.xml, found only through _rels/.rels (ECMA-376 allows
    any part name; calamine looks only at xl/workbook.xml)."""

    def umbenennen(name: str) -> str:
        name = name.replace("xl/_rels/workbook.xml.rels", "xl/_rels/mappe.xml.rels")
        return name.replace("xl/workbook.xml", "xl/mappe.xml").replace("xl/", "tabelle/")

    ersetzen = {b"xl/workbook.xml": b"tabelle/mappe.xml", b"/xl/": b"/tabelle/"}
    return _xlsx_umbenannt(umbenennen, ersetzen)


def rueckstriche() -> bytes:
    """Member names with backslashes (xl\\workbook.xml), as some Windows zip tools write."""
    return _xlsx_umbenannt(lambda n: n.replace("/", "\\"), {})


DATEIEN |= {"mappe_anderswo.xlsx": mappe_anderswo, "rueckstriche.xlsx": rueckstriche}


ODS = PROJEKT / "tests" / "daten" / "vorlagen" / "melle_lo.ods"
_MAKRO_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _teile_ersetzen(
    quelle: Path, ersetzen: dict[str, Callable[[bytes], bytes]], neu: dict[str, bytes]
) -> bytes:
    ergebnis = io.BytesIO()
    with (
        zipfile.ZipFile(quelle) as alt,
        zipfile.ZipFile(ergebnis, "w", zipfile.ZIP_DEFLATED) as ziel,
    ):
        for eintrag in alt.infolist():
            inhalt = alt.read(eintrag)
            aendern = ersetzen.get(eintrag.filename)
            ziel.writestr(eintrag, aendern(inhalt) if aendern else inhalt)
        for name, inhalt in neu.items():
            ziel.writestr(name, inhalt)
    return ergebnis.getvalue()


def ods_riesig(zeile: str) -> Callable[[], bytes]:
    """A value after a repeat count no program writes (a hostile extent)."""

    def erzeugen() -> bytes:
        def aendern(inhalt: bytes) -> bytes:
            return inhalt.replace(b"</table:table>", zeile.encode() + b"</table:table>", 1)

        return _teile_ersetzen(ODS, {"content.xml": aendern}, {})

    return erzeugen


_WERT = '<table:table-cell office:value-type="float" office:value="1"/>'
ZEILEN_1E18 = f'<table:table-row table:number-rows-repeated="{10**18}">{_WERT}</table:table-row>'
SPALTEN_1E18 = (
    f'<table:table-row><table:table-cell table:number-columns-repeated="{10**18}"/>{_WERT}'
    "</table:table-row>"
)


def xlsm_mit_makroblatt() -> bytes:
    """An .xlsm whose workbook also lists an Excel 4.0 macro sheet (xl/macrosheets/)."""
    makro = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xm:macrosheet {_MAKRO_NS} '
        'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="str"><f>EXEC("calc.exe")</f><v>0</v></c></row>'
        '<row r="2"><c r="A2" t="b"><f>HALT()</f><v>1</v></c></row></sheetData></xm:macrosheet>'
    )
    blatt = b'<sheet name="Makro1" sheetId="9" r:id="rId90"/></sheets>'
    beziehung = (
        b'<Relationship Id="rId90" Type="http://schemas.microsoft.com/office/2006/relationships/'
        b'xlMacrosheet" Target="macrosheets/sheet1.xml"/></Relationships>'
    )
    typen = (
        b'<Override PartName="/xl/macrosheets/sheet1.xml" ContentType="application/'
        b'vnd.ms-excel.macrosheet+xml"/></Types>'
    )
    haupt = b"spreadsheetml.sheet.main+xml"
    ersetzen: dict[str, Callable[[bytes], bytes]] = {
        "xl/workbook.xml": lambda inhalt: inhalt.replace(b"</sheets>", blatt),
        "xl/_rels/workbook.xml.rels": lambda inhalt: inhalt.replace(b"</Relationships>", beziehung),
        "[Content_Types].xml": lambda inhalt: inhalt.replace(b"</Types>", typen).replace(
            haupt, b"ms-excel.sheet.macroEnabled.main+xml"
        ),
    }
    return _teile_ersetzen(QUELLE, ersetzen, {"xl/macrosheets/sheet1.xml": makro.encode()})


def _satz(typ: int, daten: bytes) -> bytes:
    return struct.pack("<HH", typ, len(daten)) + daten


def kette_doppelt() -> bytes:
    """A sector used by two chains: xlrd refuses it ("Workbook corruption"), calamine reads."""
    return ole2({"Workbook": arbeitsmappen_strom()}, kleine_stroeme_ab=0)


def verzeichnis_kaputt() -> bytes:
    """The header names a directory sector far beyond the end of the file."""
    daten = bytearray(ole2({"Workbook": arbeitsmappen_strom()}))
    daten[48:52] = struct.pack("<I", 0x00FFFFF0)
    return bytes(daten)


def biff4(version: int, art: int = 0x10) -> Callable[[], bytes]:
    """An Excel 3.0 (0x0209) or 4.0 (0x0409) worksheet – ``art`` 0x40: an Excel 4.0 macro
    sheet, which xlrd does not read –: a bare BIFF stream, no OLE2."""

    def erzeugen() -> bytes:
        from erzeugen import GLANDORF, KOPF

        zeilen = [KOPF.split(";"), GLANDORF.split(";")]
        saetze = [_satz(version, struct.pack("<HHH", 0, art, 0))]
        breite = max(len(z) for z in zeilen)
        saetze.append(_satz(0x0200, struct.pack("<HHHHH", 0, len(zeilen), 0, breite, 0)))
        for nummer, zeile in enumerate(zeilen):
            for spalte, text in enumerate(zeile):
                if not text:
                    continue
                if text.isdigit():
                    saetze.append(_satz(0x0203, struct.pack("<HHHd", nummer, spalte, 0, int(text))))
                else:
                    roh = text.encode("cp1252")
                    kopf = struct.pack("<HHHH", nummer, spalte, 0, len(roh))
                    saetze.append(_satz(0x0204, kopf + roh))
        saetze.append(_satz(0x000A, b""))
        return b"".join(saetze)

    return erzeugen


DATEIEN |= {
    "riesig_zeilen.ods": ods_riesig(ZEILEN_1E18),
    "riesig_spalten.ods": ods_riesig(SPALTEN_1E18),
    "makroblatt.xlsm": xlsm_mit_makroblatt,
    "kette_doppelt.xls": kette_doppelt,
    "excel3.xls": biff4(0x0209),
    "excel4.xls": biff4(0x0409),
    "excel4_makroblatt.xls": biff4(0x0409, art=0x40),
    "word_dokument.doc": lambda: ole2({"WordDocument": b"\xec\xa5" + bytes(510), "1Table": b""}),
    "verzeichnis_kaputt.xls": verzeichnis_kaputt,
}


def erzeugen() -> list[Path]:
    ZIEL.mkdir(parents=True, exist_ok=True)
    geschrieben = []
    for name, erzeuger in DATEIEN.items():
        (ZIEL / name).write_bytes(erzeuger())
        geschrieben.append(ZIEL / name)
    return geschrieben


if __name__ == "__main__":
    for pfad in erzeugen():
        print(f"geschrieben: {pfad.relative_to(PROJEKT)} ({pfad.stat().st_size} Bytes)")
