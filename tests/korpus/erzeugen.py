"""Erzeugt den Korpus schwieriger Eingaben in tests/korpus/dateien/ (ohne LibreOffice).

Aufruf im Projektordner: ``python tests/korpus/erzeugen.py``. Grundlage ist die gültige
Vorlage beispiele/eingang/Meldung_Glandorf.xlsx (nur gelesen); jede Datei verändert sie
so, wie es im Alltag passiert oder wie es ein Angreifer versuchen würde. Die Dateien mit
echtem LibreOffice erzeugt ``tests/korpus/libreoffice.py``. Was wrm zu jeder Datei sagen
muss, steht in tests/test_korpus.py.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped, unused-ignore]
from openpyxl.utils.datetime import CALENDAR_MAC_1904  # type: ignore[import-untyped, unused-ignore]

PROJEKT = Path(__file__).resolve().parents[2]
QUELLE = PROJEKT / "beispiele" / "eingang" / "Meldung_Glandorf.xlsx"
ZIEL = Path(__file__).resolve().parent / "dateien"
EINGANG = ZIEL / "eingang"

# Zelle jedes Feldes im Blatt „Meldung“ der Vorlage.
ZELLE = {"kommune": "C5", "stand": "C6", "zuweisungen": "C12", "ankuenfte": "C13"}
ZELLE |= {"zu_erfuellen": "C16", "verfuegbar_gu": "C19", "einschaetzung": "C23"}


def vorlage() -> Any:
    return openpyxl.load_workbook(QUELLE)


def gespeichert(mappe: Any) -> bytes:
    puffer = io.BytesIO()
    mappe.save(puffer)
    return puffer.getvalue()


def mit_werten(**werte: Any) -> bytes:
    mappe = vorlage()
    for key, wert in werte.items():
        mappe["Meldung"][ZELLE[key]] = wert
    return gespeichert(mappe)


def zip_umbauen(
    daten: bytes, aendern: Callable[[str, bytes], bytes | None], neu: dict[str, bytes] | None = None
) -> bytes:
    """Die Zip-Datei mit geänderten (None: entfernten) und zusätzlichen Inhalten."""
    ergebnis = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(daten)) as alt,
        zipfile.ZipFile(ergebnis, "w", zipfile.ZIP_DEFLATED) as neu_zip,
    ):
        for eintrag in alt.infolist():
            inhalt = aendern(eintrag.filename, alt.read(eintrag))
            if inhalt is not None:
                neu_zip.writestr(eintrag.filename, inhalt)
        for name, inhalt in (neu or {}).items():
            neu_zip.writestr(name, inhalt, compress_type=zipfile.ZIP_DEFLATED)
    return ergebnis.getvalue()


def teil_ersetzen(daten: bytes, teil: str, ersetzen: Callable[[bytes], bytes]) -> bytes:
    return zip_umbauen(daten, lambda name, inhalt: ersetzen(inhalt) if name == teil else inhalt)


def gueltig() -> bytes:
    return QUELLE.read_bytes()


# --- Behälter und Formate ---------------------------------------------------------------


def strict() -> bytes:
    """Namensräume von „Strict Open XML“, wie Excel sie auf Wunsch schreibt."""
    return teil_ersetzen(
        gueltig(),
        "xl/workbook.xml",
        lambda xml: xml.replace(
            b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
            b"http://purl.oclc.org/ooxml/spreadsheetml/main",
        ),
    )


def zipbombe() -> bytes:
    """Eine gültige Vorlage mit 20 MB Nullen als Bild: Packrate über 1000."""
    return zip_umbauen(
        gueltig(), lambda _, inhalt: inhalt, {"xl/media/bild1.bin": b"\0" * 20_000_000}
    )


def entitaeten() -> bytes:
    """„Billion laughs“: neunfach verschachtelte XML-Entitäten in workbook.xml."""
    stufen = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    kopf = f'<?xml version="1.0"?><!DOCTYPE lolz [{"".join(stufen)}]>'.encode()

    def einbauen(xml: bytes) -> bytes:
        ohne_deklaration = re.sub(rb"^<\?xml[^>]*\?>", b"", xml)
        return kopf + ohne_deklaration.replace(b"<sheets>", b"<sheets>&lol9;", 1)

    return teil_ersetzen(gueltig(), "xl/workbook.xml", einbauen)


def xlsb() -> bytes:
    return zip_umbauen(
        gueltig(),
        lambda name, inhalt: None if name == "xl/workbook.xml" else inhalt,
        {"xl/workbook.bin": b"\x83\x01\x00"},
    )


def word() -> bytes:
    puffer = io.BytesIO()
    with zipfile.ZipFile(puffer, "w") as archiv:
        archiv.writestr("[Content_Types].xml", "<Types/>")
        archiv.writestr("word/document.xml", "<document>Anschreiben</document>")
    return puffer.getvalue()


def zip_ohne_tabelle() -> bytes:
    puffer = io.BytesIO()
    with zipfile.ZipFile(puffer, "w") as archiv:
        archiv.writestr("Meldung_Glandorf.xlsx", gueltig())
    return puffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
HTML = (
    b"<html><head><meta charset='utf-8'></head><body><table><tr><td>kommune</td>"
    b"<td>zuweisungen</td></tr><tr><td>Glandorf</td><td>17</td></tr></table></body></html>"
)
KOPF = (
    "kommune;stand;zuweisungen;ankuenfte;keine_anrechnung;moegliche_anrechnung;zu_erfuellen;"
    "untergebracht_gu;untergebracht_dezentral;verfuegbar_gu;verfuegbar_dezentral;"
    "in_aussicht_gu;in_aussicht_dezentral;einschaetzung"
)
GLANDORF = "Glandorf;16.03.2016;17;17;0;;18;0;17;0;0;0;18;ausreichend"


def csv_text(*zeilen: str) -> str:
    return "\r\n".join([KOPF, *zeilen]) + "\r\n"


# --- Zellen ------------------------------------------------------------------------------


def fern() -> bytes:
    mappe = vorlage()
    mappe["Erläuterungen"]["XFD1048576"] = "vergessen"
    return gespeichert(mappe)


def formel_ohne_ergebnis() -> bytes:
    # openpyxl rechnet nie: die Formel steht ohne gespeichertes Ergebnis in der Datei.
    return mit_werten(verfuegbar_gu="=C12-17")


def fehlerzelle_ohne_formel() -> bytes:
    """Ein Fehlerwert als Zellinhalt (t="e"), wie ihn andere Programme schreiben."""
    mappe = vorlage()
    zelle = mappe["Meldung"]["C19"]
    zelle.value, zelle.data_type = "#VALUE!", "e"  # Excel speichert englisch, zeigt #WERT!
    return gespeichert(mappe)


def verbunden() -> bytes:
    mappe = vorlage()
    blatt = mappe["Meldung"]
    blatt.merge_cells("C12:D12")
    return gespeichert(mappe)


def datum_1904() -> bytes:
    """Datumssystem 1904 (Excel-Option); der Stand als Seriennummer ohne Datumsformat."""
    mappe = vorlage()
    mappe.epoch = CALENDAR_MAC_1904
    zelle = mappe["Meldung"]["C6"]
    zelle.value, zelle.number_format = 40983, "General"  # 16.03.2016 im System 1904
    return gespeichert(mappe)


def kopie_ausgefuellt() -> bytes:
    """Blatt kopiert, die Kopie ausgefüllt: die Namen zeigen weiter auf das Original."""
    mappe = vorlage()
    kopie = mappe.copy_worksheet(mappe["Meldung"])
    kopie.title = "Meldung (2)"
    kopie["C12"] = 25
    return gespeichert(mappe)


def versteckt() -> bytes:
    mappe = vorlage()
    mappe["Meldung"].sheet_state = "hidden"
    mappe.active = 1
    return gespeichert(mappe)


def tabelle_mit_fehlerzelle() -> bytes:
    mappe = openpyxl.Workbook()
    blatt = mappe.active
    blatt.append(KOPF.split(";"))
    werte: list[Any] = GLANDORF.split(";")
    werte[1] = dt.date(2016, 3, 16)
    werte[2:13] = [int(w) if w else None for w in werte[2:13]]
    blatt.append(werte)
    zelle = blatt["C2"]
    zelle.value, zelle.data_type = "#DIV/0!", "e"
    return gespeichert(mappe)


def kommune_nfd() -> bytes:
    return mit_werten(kommune="Fu\u0308rstenau", zu_erfuellen=18)


DATEIEN: dict[str, Callable[[], bytes]] = {
    "leer.xlsx": lambda: b"",
    "abgeschnitten.xlsx": lambda: gueltig()[: len(gueltig()) // 2],
    "muell.xlsx": lambda: bytes(range(256)) * 8,
    "anschreiben_als_xlsx.xlsx": lambda: PDF,
    "webseite.xls": lambda: HTML,
    "brief.docx": word,
    "gepackt.xlsx": zip_ohne_tabelle,
    "binaer.xlsx": xlsb,
    "strict.xlsx": strict,
    "zipbombe.xlsx": zipbombe,
    "entitaeten.xlsx": entitaeten,
    "fern.xlsx": fern,
    "vorlage_als_xls.xls": gueltig,
    "vorlage_ohne_endung": gueltig,
    "tabelle_als_xls.xls": lambda: csv_text(GLANDORF).encode("utf-8"),
    "unicode_text.csv": lambda: csv_text(GLANDORF).replace(";", "\t").encode("utf-16"),
    "zahlen_schreibweisen.xlsx": lambda: mit_werten(
        zuweisungen=" 17 ", ankuenfte="17,0", zu_erfuellen="18.0", verfuegbar_gu="\u00a00"
    ),
    "tausender.xlsx": lambda: mit_werten(zuweisungen="1.017", ankuenfte="1.017"),
    "zahl_mehrdeutig.xlsx": lambda: mit_werten(zuweisungen="17.000"),
    "bruch_negativ_text.xlsx": lambda: mit_werten(
        zuweisungen="ca. 17", ankuenfte=17.5, verfuegbar_gu=-3
    ),
    "formel_ohne_ergebnis.xlsx": formel_ohne_ergebnis,
    "fehlerwert.xlsx": fehlerzelle_ohne_formel,
    "verbunden.xlsx": verbunden,
    "datum_1904.xlsx": datum_1904,
    "datum_als_text.xlsx": lambda: mit_werten(stand="16.03.2016"),
    "datum_als_zahl.xlsx": lambda: mit_werten(stand=42445),
    "datum_unmoeglich.xlsx": lambda: mit_werten(stand="31.02.2016"),
    "kopie_ausgefuellt.xlsx": kopie_ausgefuellt,
    "versteckt.xlsx": versteckt,
    "tabelle_fehlerzelle.xlsx": tabelle_mit_fehlerzelle,
    "Meldung_Melle_vertauscht.xlsx": gueltig,
    "Meldung_Fu\u0308rstenau.xlsx": kommune_nfd,
}

# Ein Eingangsordner, wie ihn E-Mail-Anhänge füllen (für wrm auswerten).
EINGANG_DATEIEN: dict[str, Callable[[], bytes]] = {
    "Meldung_Glandorf.xlsx": gueltig,
    "~$Meldung_Glandorf.xlsx": lambda: b"\0" * 165,
    ".~lock.Meldung_Glandorf.xlsx#": lambda: b",Sachbearbeiter,pc,16.03.2016 09:12,file:///",
    "._Meldung_Glandorf.xlsx": lambda: b"\0\5\26\7" + b"\0" * 80,
    ".DS_Store": lambda: b"\0\0\0\1Bud1" + b"\0" * 40,
    "Thumbs.db": lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 40,
    "desktop.ini": lambda: b"[.ShellClassInfo]\r\n",
    "Anschreiben.pdf": lambda: PDF,
    "Meldung_Melle_fern.xlsx": lambda: fern_mit_kommune("Melle"),
    "Meldung_Belm_v1.xlsx": lambda: mit_werten(kommune="Belm", zuweisungen=20),
    "Meldung_Belm_v2.xlsx": lambda: mit_werten(kommune="Belm", zuweisungen=21),
    "alt/Meldung_Glandorf_Februar.xlsx": lambda: mit_werten(stand=dt.date(2016, 2, 16)),
}


def fern_mit_kommune(kommune: str) -> bytes:
    mappe = openpyxl.load_workbook(io.BytesIO(mit_werten(kommune=kommune)))
    mappe["Meldung"]["XFD1048576"] = 1
    return gespeichert(mappe)


def kennwort_xlsx(ziel: Path) -> bool:
    """Mit Kennwort „geheim“ verschlüsselt, wie Excel es tut (ECMA-376 Agile Encryption).

    Braucht ``msoffcrypto-tool`` (``pip install msoffcrypto-tool``), das wrm selbst nicht
    benötigt; fehlt es, bleibt die eingecheckte Datei unverändert.
    """
    try:
        from msoffcrypto.format.ooxml import OOXMLFile  # type: ignore[import-not-found]
    except ImportError:
        print("msoffcrypto-tool fehlt – kennwort.xlsx bleibt unverändert.")
        return False
    with QUELLE.open("rb") as quelle, ziel.open("wb") as ausgabe:
        OOXMLFile(quelle).encrypt("geheim", ausgabe)
    return True


def erzeugen() -> list[Path]:
    geschrieben: list[Path] = []
    if kennwort_xlsx(ZIEL / "kennwort.xlsx"):
        geschrieben.append(ZIEL / "kennwort.xlsx")
    if EINGANG.exists():
        shutil.rmtree(EINGANG)
    for ordner, dateien in ((ZIEL, DATEIEN), (EINGANG, EINGANG_DATEIEN)):
        for name, erzeuger in dateien.items():
            ziel = ordner / name
            ziel.parent.mkdir(parents=True, exist_ok=True)
            ziel.write_bytes(erzeuger())
            geschrieben.append(ziel)
    # Der Bericht einer früheren Auswertung, versehentlich im Eingang gespeichert.
    from wrm_cli.ablauf import auswerten
    from wrm_cli.berichte.excel_bericht import als_xlsx
    from wrm_cli.bezirk import standard_bezirk

    bericht = auswerten([QUELLE], standard_bezirk(), dt.date(2016, 3, 16))
    (EINGANG / "Bericht.xlsx").write_bytes(als_xlsx(bericht))
    geschrieben.append(EINGANG / "Bericht.xlsx")
    return geschrieben


if __name__ == "__main__":
    for pfad in erzeugen():
        print(f"geschrieben: {pfad.relative_to(PROJEKT)} ({pfad.stat().st_size} Bytes)")
    sys.exit(0)
