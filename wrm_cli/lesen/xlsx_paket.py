"""An xlsx package as other programs write it, made into the one python-calamine reads.

ECMA-376 lets the workbook part have any name (``_rels/.rels`` points to it), some zip
tools write member names with backslashes, and an .xlsm may list Excel 4.0 macro sheets
(``xl/macrosheets/``), which calamine refuses as a whole. Such a package is rewritten in
memory: slashes, the workbook's folder as ``xl/``, macro sheets left out of the workbook.
Nothing of a macro is ever run. Reading errors of the zip propagate (``dateiart`` turns
them into "beschädigt").
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from xml.sax.saxutils import unescape

_STANDARD = "xl/workbook.xml"
_BEZIEHUNG = re.compile(rb"<(?:[\w.-]+:)?Relationship\s([^>]*)>")
_TYP = re.compile(rb'\bType="([^"]*)"')
_ZIEL = re.compile(rb'\bTarget="([^"]*)"')
_ID = re.compile(rb'\bId="([^"]*)"')
_BLATT = re.compile(rb"<(?:[\w.-]+:)?sheet\s[^>]*>")
_BLATT_ID = re.compile(rb':id="([^"]*)"')
_BLATT_NAME = re.compile(rb'\bname="([^"]*)"')
_MAKRO_TYPEN = (b"/xlMacrosheet", b"/xlIntlMacrosheet")
_HOECHSTENS = 1024 * 1024  # a relationships part is a few hundred bytes


def _beziehungen(inhalt: bytes) -> list[tuple[bytes, bytes, bytes]]:
    """(Id, Type, Target) of each relationship."""
    ergebnis = []
    for attribute in _BEZIEHUNG.findall(inhalt[:_HOECHSTENS]):
        werte = [muster.search(attribute) for muster in (_ID, _TYP, _ZIEL)]
        ergebnis.append(tuple(w.group(1) if w else b"" for w in werte))
    return ergebnis  # type: ignore[return-value]


def namen(archiv: zipfile.ZipFile) -> dict[str, str]:
    """Package part name (slashes, no leading slash) → zip member name."""
    return {
        posixpath.normpath(name.replace("\\", "/")).lstrip("/"): name for name in archiv.namelist()
    }


def werkbuch_teil(archiv: zipfile.ZipFile, teile: dict[str, str]) -> str | None:
    """The workbook part: xl/workbook.xml, or wherever _rels/.rels points."""
    if _STANDARD in teile:
        return _STANDARD
    if "_rels/.rels" not in teile:
        return None
    for _, typ, ziel in _beziehungen(archiv.read(teile["_rels/.rels"])):
        if typ.endswith(b"/officeDocument"):
            teil = posixpath.normpath(ziel.decode("utf-8", "replace").lstrip("/"))
            return teil if teil in teile else None
    return None


def _beziehungen_teil(werkbuch: str) -> str:
    ordner, name = posixpath.split(werkbuch)
    return posixpath.join(ordner, "_rels", name + ".rels")


def makroblaetter(
    archiv: zipfile.ZipFile, teile: dict[str, str], werkbuch: str
) -> dict[bytes, str]:
    """The workbook's Excel 4.0 macro sheets: relationship id → sheet name."""
    teil = teile.get(_beziehungen_teil(werkbuch))
    if teil is None:
        return {}
    ids = {i for i, typ, _ in _beziehungen(archiv.read(teil)) if typ.endswith(_MAKRO_TYPEN)}
    if not ids:
        return {}
    gefunden: dict[bytes, str] = {}
    for element in _BLATT.findall(archiv.read(teile[werkbuch])):
        kennung, name = _BLATT_ID.search(element), _BLATT_NAME.search(element)
        if kennung and kennung.group(1) in ids:
            text = name.group(1).decode("utf-8", "replace") if name else ""
            gefunden[kennung.group(1)] = unescape(text, {"&quot;": '"', "&apos;": "'"})
    return gefunden


def umgepackt(
    archiv: zipfile.ZipFile, teile: dict[str, str], werkbuch: str, ohne: set[bytes]
) -> bytes:
    """The package with slashes, the workbook's folder moved to xl/ (the workbook part as
    xl/workbook.xml, relationship targets following the move) and without the sheets
    whose relationship ids are ``ohne``."""
    ordner = posixpath.dirname(werkbuch)
    beziehungen = _beziehungen_teil(werkbuch)

    def neuer_name(name: str) -> str:
        if name == werkbuch:
            return _STANDARD
        if name == beziehungen:
            return "xl/_rels/workbook.xml.rels"
        if ordner and name.startswith(ordner + "/"):
            return "xl/" + name[len(ordner) + 1 :]
        return name

    def neues_ziel(treffer: re.Match[bytes]) -> bytes:
        ziel = treffer.group(1).decode("utf-8", "replace")
        if ":" in ziel:  # external
            return treffer.group(0)
        neu = neuer_name(posixpath.normpath(posixpath.join("/" + ordner, ziel)).lstrip("/"))
        return f'Target="{neu[3:] if neu.startswith("xl/") else "/" + neu}"'.encode()

    def ohne_makros(treffer: re.Match[bytes]) -> bytes:
        kennung = _BLATT_ID.search(treffer.group(0))
        return b"" if kennung and kennung.group(1) in ohne else treffer.group(0)

    ergebnis = io.BytesIO()
    with zipfile.ZipFile(ergebnis, "w", zipfile.ZIP_STORED) as ziel:
        for teil, name in teile.items():
            inhalt = archiv.read(name)
            if teil == werkbuch and ohne:
                inhalt = _BLATT.sub(ohne_makros, inhalt)
            elif teil == beziehungen and werkbuch != _STANDARD:
                inhalt = _ZIEL.sub(neues_ziel, inhalt)
            elif teil == "_rels/.rels":  # calamine follows it to the workbook
                for alt in (werkbuch, "/" + werkbuch):
                    inhalt = inhalt.replace(f'Target="{alt}"'.encode(), b'Target="xl/workbook.xml"')
            ziel.writestr(neuer_name(teil), inhalt)
    return ergebnis.getvalue()
