"""What a file is, decided by its content rather than its name.

E-mailed files arrive as xlsx named ``.xls``, ods named ``.xlsx``, web pages named
``.xls``, password-protected workbooks, PDFs and Word documents. Each readable format is
read as what it is (a mismatched extension is only a hint); everything else gets a
German sentence that tells the Kommune what to send instead.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from wrm_cli.befunde import Befund, hinweis
from wrm_cli.fehler import EingabeFehler
from wrm_cli.konfig import Grenzen
from wrm_cli.lesen.grenzen import archiv_pruefen, dateigroesse_pruefen

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_NICHT_LESBAR = "bitte in Excel oder LibreOffice öffnen, als .xlsx speichern und erneut senden"
# What reading a damaged zip member can raise (a wrong CRC, a broken deflate stream, an
# encrypted member, an unknown compression method – NotImplementedError –, a missing one).
ZIP_FEHLER = (
    KeyError,
    zipfile.BadZipFile,
    OSError,
    ValueError,
    EOFError,
    NotImplementedError,
    RuntimeError,
    zlib.error,
)
KENNWORT = "Die Datei ist mit einem Kennwort geschützt – bitte ohne Kennwort erneut senden."
BESCHAEDIGT = (
    "Die Datei ist beschädigt und lässt sich nicht lesen – bitte erneut speichern und senden."
)

# Content → the extensions that name it correctly, and how it is called in a hint.
ENDUNGEN = {
    "xlsx": ((".xlsx", ".xlsm"), "Excel-Arbeitsmappe (.xlsx)"),
    "xls": ((".xls",), "Excel-97-Arbeitsmappe (.xls)"),
    "ods": ((".ods",), "LibreOffice-Tabelle (.ods)"),
    "csv": ((".csv", ".txt"), "Textdatei mit Trennzeichen (.csv)"),
}


@dataclass
class Datei:
    """One input file, read once into memory (files are small; the size is limited)."""

    pfad: Path
    daten: bytes
    art: str  # "xlsx" (also xlsm), "xls", "ods" or "csv"
    archiv: zipfile.ZipFile | None = None  # xlsx and ods


def datei_oeffnen(pfad: Path, grenzen: Grenzen) -> Datei:
    """Read the file and decide its format. Raises EingabeFehler with what to do."""
    try:
        dateigroesse_pruefen(pfad.stat().st_size, grenzen)
        daten = pfad.read_bytes()
    except OSError as problem:
        raise EingabeFehler(f"Die Datei kann nicht geöffnet werden ({problem.strerror}).") from None
    return _erkennen(pfad, daten, grenzen)


def _erkennen(pfad: Path, daten: bytes, grenzen: Grenzen) -> Datei:
    if not daten:
        raise EingabeFehler(
            "Die Datei ist leer (0 Byte) – beim Speichern oder Senden ist etwas "
            "schiefgegangen; bitte erneut senden."
        )
    if daten.startswith(_OLE2):
        return Datei(pfad, daten, _ole2_art(daten))
    if daten.startswith(b"PK"):
        return _zip_art(pfad, daten, grenzen)
    if daten.startswith(b"%PDF"):
        raise EingabeFehler(
            "Die Datei ist ein PDF – wrm liest nur Tabellen; bitte die ausgefüllte "
            "Excel-Vorlage senden."
        )
    anfang = daten[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if anfang.startswith((b"<html", b"<!doctype html", b"<table", b"<meta")):
        raise EingabeFehler(
            "Die Datei ist eine Webseite (HTML), die nur wie eine Excel-Datei heißt – "
            f"{_NICHT_LESBAR}."
        )
    if anfang.startswith(b"<?xml"):
        raise EingabeFehler(
            f"Die Datei ist im alten Format „XML-Tabelle 2003“ gespeichert – {_NICHT_LESBAR}."
        )
    if daten.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" not in daten[:8192]:
        # Text: a CSV file – or, under a spreadsheet's name, only if it has columns.
        erste_zeile = daten[:8192].split(b"\n", 1)[0].replace(b"\x00", b"")
        if pfad.suffix.lower() in ENDUNGEN["csv"][0] or any(t in erste_zeile for t in b";,\t"):
            return Datei(pfad, daten, "csv")
        raise EingabeFehler(BESCHAEDIGT)
    if pfad.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
        raise EingabeFehler(BESCHAEDIGT)
    raise EingabeFehler(f"Das Dateiformat ist unbekannt, keine Tabelle – {_NICHT_LESBAR}.")


def _enthaelt_strom(daten: bytes, name: str) -> bool:
    """An OLE2 compound file lists its streams by name in UTF-16."""
    return name.encode("utf-16-le") in daten


def _ole2_art(daten: bytes) -> str:
    # Excel and LibreOffice wrap an encrypted xlsx in an OLE2 file with these streams.
    if _enthaelt_strom(daten, "EncryptedPackage") or _enthaelt_strom(daten, "EncryptionInfo"):
        raise EingabeFehler(KENNWORT)
    # Word stores its text in UTF-16 too, so "Book" could be a word of a letter.
    if _enthaelt_strom(daten, "WordDocument"):
        raise EingabeFehler(
            "Die Datei ist ein Word-Dokument – bitte die ausgefüllte Excel-Vorlage senden."
        )
    if _enthaelt_strom(daten, "Workbook") or _enthaelt_strom(daten, "Book"):
        return "xls"
    raise EingabeFehler(f"Die Datei ist ein Office-Dokument, aber keine Tabelle – {_NICHT_LESBAR}.")


def _zip_art(pfad: Path, daten: bytes, grenzen: Grenzen) -> Datei:
    try:
        archiv = zipfile.ZipFile(io.BytesIO(daten))
        inhalt = set(archiv.namelist())
    except ZIP_FEHLER:
        raise EingabeFehler(BESCHAEDIGT) from None
    archiv_pruefen(archiv, grenzen)
    if "xl/workbook.xml" in inhalt:  # Strict Open XML is told apart when it is parsed
        return Datei(pfad, daten, "xlsx", archiv)
    if "xl/workbook.bin" in inhalt:
        raise EingabeFehler(
            "Die Datei ist eine Excel-Binärarbeitsmappe (.xlsb) – bitte als "
            "„Excel-Arbeitsmappe (.xlsx)“ speichern und erneut senden."
        )
    mimetype = _lesen(archiv, "mimetype").strip() if "mimetype" in inhalt else b""
    if mimetype == _ODS_MIMETYPE or (not mimetype and "content.xml" in inhalt):
        if b"encryption-data" in _lesen(archiv, "META-INF/manifest.xml"):
            raise EingabeFehler(KENNWORT)
        return Datei(pfad, daten, "ods", archiv)
    if "word/document.xml" in inhalt or mimetype.endswith(b".text"):
        raise EingabeFehler(
            "Die Datei ist ein Textdokument (Word/Writer) – bitte die ausgefüllte "
            "Excel-Vorlage senden."
        )
    raise EingabeFehler(
        "Die Datei ist ein ZIP-Archiv, aber keine Tabelle – bitte die Meldung selbst "
        "(.xlsx) senden, nicht gepackt."
    )


def _lesen(archiv: zipfile.ZipFile, name: str) -> bytes:
    try:
        return archiv.read(name)
    except ZIP_FEHLER:
        return b""  # a damaged member shows later, when the sheets are read


def endungshinweis(datei: Datei) -> Befund | None:
    """A hint when the file's name says another format than its content."""
    endungen, bezeichnung = ENDUNGEN[datei.art]
    endung = datei.pfad.suffix.lower()
    if endung in endungen:
        return None
    genannt = f"„{datei.pfad.suffix}“ als Endung" if datei.pfad.suffix else "keine Endung"
    return hinweis(
        f"Die Datei ist eine {bezeichnung}, hat aber {genannt} – sie wurde "
        "trotzdem gelesen; bitte künftig mit der richtigen Endung speichern.",
        datei=datei.pfad.name,
    )
