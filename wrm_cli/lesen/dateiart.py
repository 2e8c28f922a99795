"""What a file is, decided by its content rather than its name.

E-mailed files arrive as xlsx named ``.xls``, ods named ``.xlsx``, web pages named
``.xls``, password-protected workbooks, PDFs and Word documents. Each readable format is
read as what it is (a mismatched extension is only a hint); everything else gets a
German sentence that tells the Kommune what to send instead.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from wrm_cli.befunde import Befund, hinweis
from wrm_cli.fehler import EingabeFehler
from wrm_cli.konfig import Grenzen
from wrm_cli.lesen import excel_alt, xlsx_paket
from wrm_cli.lesen.grenzen import archiv_pruefen, dateigroesse_pruefen
from wrm_cli.lesen.ole2 import ole2_stroeme

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
    # What reading left out or could not check, for hints beside the file's Meldung.
    hinweise: list[str] = field(default_factory=list)
    umgewandelt: bool = False  # an old format, read into another in memory
    # SHA-256 of the bytes as read (before any conversion): what the archive keeps.
    pruefsumme: str = ""


def datei_oeffnen(pfad: Path, grenzen: Grenzen) -> Datei:
    """Read the file and decide its format. Raises EingabeFehler with what to do."""
    try:
        dateigroesse_pruefen(pfad.stat().st_size, grenzen)
        daten = pfad.read_bytes()
    except OSError as problem:
        raise EingabeFehler(f"Die Datei kann nicht geöffnet werden ({problem.strerror}).") from None
    datei = _erkennen(pfad, daten, grenzen)
    datei.pruefsumme = hashlib.sha256(daten).hexdigest()
    return datei


def _erkennen(pfad: Path, daten: bytes, grenzen: Grenzen) -> Datei:
    if not daten:
        raise EingabeFehler(
            "Die Datei ist leer (0 Byte) – beim Speichern oder Senden ist etwas "
            "schiefgegangen; bitte erneut senden."
        )
    if daten.startswith(_OLE2):
        return Datei(pfad, daten, _ole2_art(daten))
    if daten.startswith(excel_alt.ANFANG):
        return _excel_alt(pfad, daten, grenzen)
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


def _ole2_art(daten: bytes) -> str:
    """Decide by the names of the compound file's top-level streams (case-insensitive):
    an embedded object (a Word document in a workbook) lives in a storage below."""
    try:
        namen = ole2_stroeme(daten)
    except ValueError:
        raise EingabeFehler(BESCHAEDIGT) from None
    # Excel and LibreOffice wrap an encrypted xlsx in an OLE2 file with these streams.
    if namen & {"encryptedpackage", "encryptioninfo"}:
        raise EingabeFehler(KENNWORT)
    if namen & {"workbook", "book"}:
        return "xls"
    if "worddocument" in namen:
        raise EingabeFehler(
            "Die Datei ist ein Word-Dokument – bitte die ausgefüllte Excel-Vorlage senden."
        )
    raise EingabeFehler(f"Die Datei ist ein Office-Dokument, aber keine Tabelle – {_NICHT_LESBAR}.")


def _excel_alt(pfad: Path, daten: bytes, grenzen: Grenzen) -> Datei:
    try:
        xlsx = excel_alt.als_xlsx(daten, grenzen)
    except ValueError:
        raise EingabeFehler(
            "Die Datei ist im alten Excel-Format (Excel 3/4) gespeichert, das wrm nicht "
            "liest – bitte als „Excel-Arbeitsmappe (.xlsx)“ speichern und erneut senden."
        ) from None
    datei = Datei(pfad, xlsx, "xlsx", zipfile.ZipFile(io.BytesIO(xlsx)), umgewandelt=True)
    datei.hinweise.append(
        "Die Datei ist im alten Excel-Format (Excel 3/4) gespeichert und wurde gelesen – "
        "bitte künftig als „Excel-Arbeitsmappe (.xlsx)“ speichern."
    )
    return datei


def _zip_art(pfad: Path, daten: bytes, grenzen: Grenzen) -> Datei:
    try:
        archiv = zipfile.ZipFile(io.BytesIO(daten))
        inhalt = set(archiv.namelist())
    except ZIP_FEHLER:
        raise EingabeFehler(BESCHAEDIGT) from None
    archiv_pruefen(archiv, grenzen)
    try:
        teile = xlsx_paket.namen(archiv)
        werkbuch = xlsx_paket.werkbuch_teil(archiv, teile)
        if werkbuch is not None and werkbuch.endswith(".xml"):
            return _xlsx(pfad, daten, archiv, teile, werkbuch)
    except ZIP_FEHLER:
        raise EingabeFehler(BESCHAEDIGT) from None
    if "xl/workbook.bin" in inhalt or (werkbuch or "").endswith(".bin"):
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


def _xlsx(
    pfad: Path, daten: bytes, archiv: zipfile.ZipFile, teile: dict[str, str], werkbuch: str
) -> Datei:
    """An xlsx or xlsm (Strict Open XML is told apart when it is parsed)."""
    makros = xlsx_paket.makroblaetter(archiv, teile, werkbuch)
    if werkbuch != "xl/workbook.xml" or makros or any("\\" in name for name in teile.values()):
        daten = xlsx_paket.umgepackt(archiv, teile, werkbuch, set(makros))
        archiv = zipfile.ZipFile(io.BytesIO(daten))
    datei = Datei(pfad, daten, "xlsx", archiv)
    for name in makros.values():
        datei.hinweise.append(
            f"Das Makroblatt „{name}“ (Excel-4.0-Makros) wurde nicht gelesen – wrm führt "
            "keine Makros aus; gelesen wurden nur die Tabellenblätter."
        )
    return datei


def _lesen(archiv: zipfile.ZipFile, name: str) -> bytes:
    try:
        return archiv.read(name)
    except ZIP_FEHLER:
        return b""  # a damaged member shows later, when the sheets are read


def endungshinweis(datei: Datei) -> Befund | None:
    """A hint when the file's name says another format than its content."""
    if datei.umgewandelt:
        return None
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
