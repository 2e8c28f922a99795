# ruff: noqa: E501
"""Files other programs wrote (tests/korpus/dateien/fremd/): each gets its right answer.

The files are made by tests/korpus/fremde_programme.py (a small OLE2 writer, zipfile,
hand-written BIFF records) and committed. Before this, each was answered wrongly:
"Word-Dokument", "Office-Dokument, aber keine Tabelle", "ZIP-Archiv, aber keine Tabelle",
"beschädigt", or a cell address with 19 digits.
"""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path

import pytest
from conftest import wrm

from wrm_cli.fehler import EingabeFehler
from wrm_cli.konfig import Grenzen
from wrm_cli.lesen.dateiart import datei_oeffnen
from wrm_cli.werte import zahl_de

sys.path.insert(0, str(Path(__file__).resolve().parent / "korpus"))
from fremde_programme import arbeitsmappen_strom, ole2

FREMD = Path(__file__).resolve().parent / "korpus" / "dateien" / "fremd"
STICHTAG = "16.03.2016"

GLANDORF = "Glandorf, Stand 16.03.2016: 17 Zuweisungen, zu erfüllen 18, verfügbar 0, in Aussicht 18, fehlender Wohnraum 0, Einschätzung ausreichend"
MELLE = "Melle, Stand 16.03.2016: 142 Zuweisungen, zu erfüllen 196, verfügbar 30, in Aussicht 340, fehlender Wohnraum -174, Einschätzung ausreichend"
MELLE_HINWEIS = "  Hinweis: Zelle C17 (6) in Gemeinschaftsunterkünften: Melle: 142 Personen untergebracht (6) + (7), aber 110 Ankünfte (2) – bitte prüfen."
ALT_GELESEN = "  Hinweis: Die Datei ist im alten Excel-Format (Excel 3/4) gespeichert und wurde gelesen – bitte künftig als „Excel-Arbeitsmappe (.xlsx)“ speichern."
ZU_GROSS = (
    "  Fehler: Das Blatt „Meldung“ ist viel zu groß (über "
    f"{zahl_de(Grenzen().zellen)} Zellen) – so weit reicht kein Tabellenprogramm; die Datei "
    "ist beschädigt oder absichtlich so gebaut und wird nicht gelesen. Bitte die Meldung in "
    "Excel oder LibreOffice öffnen, als .xlsx speichern und erneut senden."
)

FAELLE: dict[str, tuple[int, list[str]]] = {
    # The OLE2 directory decides: a Word object below ObjectPool is no Word document.
    "word_objekt_eingebettet.xls": (0, [f"✓ word_objekt_eingebettet.xls: {MELLE}", MELLE_HINWEIS]),
    "word_dokument.doc": (
        3,
        [
            "✗ word_dokument.doc: nicht lesbar",
            "  Fehler: Die Datei ist ein Word-Dokument – bitte die ausgefüllte Excel-Vorlage senden.",
        ],
    ),
    # Stream names are case-insensitive.
    "strom_WORKBOOK.xls": (0, [f"✓ strom_WORKBOOK.xls: {MELLE}", MELLE_HINWEIS]),
    "strom_BOOK.xls": (0, [f"✓ strom_BOOK.xls: {MELLE}", MELLE_HINWEIS]),
    "verzeichnis_kaputt.xls": (
        3,
        [
            "✗ verzeichnis_kaputt.xls: nicht lesbar",
            "  Fehler: Die Datei ist beschädigt und lässt sich nicht lesen – bitte erneut speichern und senden.",
        ],
    ),
    # The workbook part found through _rels/.rels; backslashes in member names.
    "mappe_anderswo.xlsx": (0, [f"✓ mappe_anderswo.xlsx: {GLANDORF}"]),
    "rueckstriche.xlsx": (0, [f"✓ rueckstriche.xlsx: {GLANDORF}"]),
    # xlrd refuses (a sector in two chains), calamine reads.
    "kette_doppelt.xls": (
        0,
        [
            f"✓ kette_doppelt.xls: {MELLE}",
            "  Hinweis: Die Datei ist unregelmäßig gespeichert: Fehlerwerte und Namen der Vorlage konnten nicht geprüft werden, die Werte wurden trotzdem gelesen – bitte künftig als „Excel-Arbeitsmappe (.xlsx)“ speichern.",
            "  Hinweis: Die Datei enthält die Namen der Vorlage nicht (z. B. nach Kopieren in eine neue Datei); die Werte wurden über die Feldbezeichnungen gefunden. Bitte künftig die Originalvorlage verwenden.",
            MELLE_HINWEIS,
        ],
    ),
    # Excel 3.0/4.0 worksheets through xlrd; what xlrd cannot read gets the sentence.
    "excel3.xls": (0, [f"✓ excel3.xls: {GLANDORF}", ALT_GELESEN]),
    "excel4.xls": (0, [f"✓ excel4.xls: {GLANDORF}", ALT_GELESEN]),
    "excel4_makroblatt.xls": (
        3,
        [
            "✗ excel4_makroblatt.xls: nicht lesbar",
            "  Fehler: Die Datei ist im alten Excel-Format (Excel 3/4) gespeichert, das wrm nicht liest – bitte als „Excel-Arbeitsmappe (.xlsx)“ speichern und erneut senden.",
        ],
    ),
    "makroblatt.xlsm": (
        0,
        [
            f"✓ makroblatt.xlsm: {GLANDORF}",
            "  Hinweis: Das Makroblatt „Makro1“ (Excel-4.0-Makros) wurde nicht gelesen – wrm führt keine Makros aus; gelesen wurden nur die Tabellenblätter.",
        ],
    ),
    # A repeat count of 10^18: no monster address, no 25-digit cell count.
    "riesig_zeilen.ods": (3, ["✗ riesig_zeilen.ods: nicht lesbar", ZU_GROSS]),
    "riesig_spalten.ods": (3, ["✗ riesig_spalten.ods: nicht lesbar", ZU_GROSS]),
}


def test_jede_fremde_datei_ist_erwartet() -> None:
    assert sorted(p.name for p in FREMD.iterdir()) == sorted(FAELLE)


@pytest.mark.parametrize("name", sorted(FAELLE))
def test_fremde_datei_bekommt_ihre_antwort(name: str) -> None:
    vorher = (FREMD / name).read_bytes()
    ergebnis = wrm("pruefen", "--stichtag", STICHTAG, FREMD / name)
    code, zeilen = FAELLE[name]
    assert ergebnis.stdout.splitlines()[:-1] == zeilen
    assert (ergebnis.returncode, ergebnis.stderr) == (code, "")
    assert (FREMD / name).read_bytes() == vorher


def test_hinweis_steht_auch_im_json() -> None:
    ergebnis = wrm("pruefen", "--stichtag", STICHTAG, "-f", "json", FREMD / "makroblatt.xlsm")
    texte = json.dumps(json.loads(ergebnis.stdout), ensure_ascii=False)
    assert "Das Makroblatt „Makro1“ (Excel-4.0-Makros) wurde nicht gelesen" in texte


# --- The OLE2 directory reader against hostile bytes ---------------------------------------


def _mit(daten: bytes, stelle: int, wert: int) -> bytes:
    geaendert = bytearray(daten)
    geaendert[stelle : stelle + 4] = struct.pack("<I", wert)
    return bytes(geaendert)


def _verzeichnis(daten: bytes) -> int:
    """The byte offset of the first directory sector (512-byte sectors)."""
    return (struct.unpack_from("<I", daten, 48)[0] + 1) * 512


@pytest.mark.parametrize(
    "aendern",
    [
        pytest.param(lambda d: _mit(d, 48, 0xFFFFFFF0), id="verzeichnis-hinter-dem-ende"),
        pytest.param(lambda d: _mit(d, 30, 0x0020), id="sektorgroesse-unsinnig"),
        # The root's child is the root itself: a loop in the tree.
        pytest.param(lambda d: _mit(d, _verzeichnis(d) + 76, 0), id="schleife-im-baum"),
        pytest.param(lambda d: d[:600], id="abgeschnitten"),
    ],
)
def test_beschaedigtes_verzeichnis_ist_beschaedigt(tmp_path: Path, aendern: object) -> None:
    gut = ole2({"Workbook": arbeitsmappen_strom()})
    daten = aendern(gut)  # type: ignore[operator]
    pfad = tmp_path / "x.xls"
    pfad.write_bytes(daten)
    assert daten != gut
    with pytest.raises(EingabeFehler, match="beschädigt"):
        datei_oeffnen(pfad, Grenzen())


def test_kette_mit_schleife_ist_beschaedigt(tmp_path: Path) -> None:
    daten = ole2({"Workbook": arbeitsmappen_strom()})
    erster_fat_sektor = struct.unpack_from("<I", daten, 76)[0]
    verzeichnis = struct.unpack_from("<I", daten, 48)[0]
    fat = (erster_fat_sektor + 1) * 512
    pfad = tmp_path / "x.xls"
    pfad.write_bytes(_mit(daten, fat + 4 * verzeichnis, verzeichnis))  # dir → dir → …
    with pytest.raises(EingabeFehler, match="beschädigt"):
        datei_oeffnen(pfad, Grenzen())
