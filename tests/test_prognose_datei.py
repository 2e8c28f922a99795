"""The forecast file (--prognose, [prognose] datei): both shapes, the three ways to write a
month and a real date cell; every bad file as CSV and as xlsx, each bad cell named with
file, cell and value – one usage error (exit 2) for the whole file."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import BEISPIELE, wrm

from wrm_cli.bezirk import Bezirk
from wrm_cli.fehler import KonfigFehler
from wrm_cli.lesen.prognosedatei import prognose_lesen

APRIL, MAI, JUNI = dt.date(2016, 4, 1), dt.date(2016, 5, 1), dt.date(2016, 6, 1)


def _csv(pfad: Path, *zeilen: str) -> Path:
    pfad.write_text("\n".join(zeilen) + "\n", encoding="utf-8")
    return pfad


def _xlsx(pfad: Path, *zeilen: tuple[object, ...]) -> Path:
    mappe = openpyxl.Workbook()
    blatt = mappe.active
    assert blatt is not None
    for zeile in zeilen:
        blatt.append(list(zeile))
    mappe.save(pfad)
    return pfad


_ODS_NAMEN = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)
_ODS_ART = "application/vnd.oasis.opendocument.spreadsheet"


def _ods(pfad: Path, *zeilen: tuple[object, ...]) -> Path:
    """A minimal OpenDocument spreadsheet, as LibreOffice stores one sheet of values."""

    def zelle(wert: object) -> str:
        if isinstance(wert, int):
            return (
                f'<table:table-cell office:value-type="float" office:value="{wert}">'
                f"<text:p>{wert}</text:p></table:table-cell>"
            )
        return (
            f'<table:table-cell office:value-type="string"><text:p>{wert}</text:p>'
            "</table:table-cell>"
        )

    reihen = "".join(
        "<table:table-row>" + "".join(zelle(w) for w in zeile) + "</table:table-row>"
        for zeile in zeilen
    )
    inhalt = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NAMEN} '
        'office:version="1.2"><office:body><office:spreadsheet><table:table table:name="P">'
        f"{reihen}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    verzeichnis = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:'
        'names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry '
        f'manifest:full-path="/" manifest:media-type="{_ODS_ART}"/><manifest:file-entry '
        'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(pfad, "w") as mappe:
        mappe.writestr(zipfile.ZipInfo("mimetype"), _ODS_ART)
        mappe.writestr("META-INF/manifest.xml", verzeichnis)
        mappe.writestr("content.xml", inhalt)
    return pfad


def _fehler(pfad: Path, bezirk: Bezirk) -> list[str]:
    with pytest.raises(KonfigFehler) as fehler:
        prognose_lesen(pfad, bezirk)
    return str(fehler.value).splitlines()


def test_summen_des_landkreises_in_drei_schreibweisen(tmp_path: Path, bezirk: Bezirk) -> None:
    pfad = _csv(tmp_path / "p.csv", "Monat;Zuweisungen", "2016-04;120", "05.2016;90", "Juni 2016;0")
    gelesen = prognose_lesen(pfad, bezirk)
    assert not gelesen.je_kommune
    assert gelesen.werte == {(None, APRIL): 120, (None, MAI): 90, (None, JUNI): 0}
    assert gelesen.monate == [APRIL, MAI, JUNI]


def test_je_kommune_aus_excel_mit_datumszelle(tmp_path: Path, bezirk: Bezirk) -> None:
    pfad = _xlsx(
        tmp_path / "p.xlsx",
        ("kommune", "monat", "zuweisungen"),
        ("SG Artland", dt.datetime(2016, 4, 1), 12),
        ("Melle", "April 2016", 30),
        ("Melle", dt.datetime(2016, 5, 17), 25.0),
    )
    gelesen = prognose_lesen(pfad, bezirk)
    assert gelesen.je_kommune
    assert gelesen.werte == {("Artland", APRIL): 12, ("Melle", APRIL): 30, ("Melle", MAI): 25}


def test_ods_gut_und_fehlerhaft(tmp_path: Path, bezirk: Bezirk) -> None:
    gut = _ods(tmp_path / "p.ods", ("monat", "zuweisungen"), ("April 2016", 12), ("05.2016", 9))
    assert prognose_lesen(gut, bezirk).werte == {(None, APRIL): 12, (None, MAI): 9}
    schlecht = _ods(tmp_path / "q.ods", ("monat", "zuweisungen"), ("Ostern", 12), ("2016-05", -1))
    assert _fehler(schlecht, bezirk) == [
        f"Die Prognosedatei {schlecht} ist fehlerhaft:",
        "  q.ods, Zelle A2: „Ostern“ ist kein Monat – erwartet wird z. B. 2016-04, 04.2016 oder "
        "April 2016.",
        "  q.ods, Zelle B3: -1 ist negativ – erwartet wird die Zahl der Personen, 0 oder mehr.",
    ]


def test_das_beispiel_liest_sich(bezirk: Bezirk) -> None:
    gelesen = prognose_lesen(BEISPIELE / "prognose" / "prognose_2016.csv", bezirk)
    assert [gelesen.werte[(None, m)] for m in gelesen.monate] == [360, 320, 280, 240, 200]


def test_jeder_fehler_einer_csv_datei_mit_zelle(tmp_path: Path, bezirk: Bezirk) -> None:
    pfad = _csv(
        tmp_path / "p.csv",
        "kommune;monat;zuweisungen",
        "Bohmtee;2016-04;10",
        "Melle;Frühjahr 2016;10",
        "Melle;2016-04;-5",
        "Melle;2016-05;12,5",
        "Melle;2016-06;viele",
        "Hagen;2016-04;3",
        "Hagen;04.2016;4",
        ";2016-04;300",
        "Melle;;7",
    )
    assert _fehler(pfad, bezirk) == [
        f"Die Prognosedatei {pfad} ist fehlerhaft:",
        "  p.csv, Zelle A2: „Bohmtee“ ist keine Kommune des Bezirks Landkreis Osnabrück. "
        "Meinten Sie „Bohmte“?",
        "  p.csv, Zelle B3: „Frühjahr 2016“ ist kein Monat – erwartet wird z. B. 2016-04, "
        "04.2016 oder April 2016.",
        "  p.csv, Zelle C4: -5 ist negativ – erwartet wird die Zahl der Personen, 0 oder mehr.",
        "  p.csv, Zelle C5: 12,5 ist keine ganze Zahl – erwartet wird die Zahl der Personen, "
        "z. B. 120.",
        "  p.csv, Zelle C6: „viele“ ist keine Zahl – erwartet wird die Zahl der Personen, "
        "z. B. 120.",
        "  p.csv, Zelle B8: 04.2016 steht für Hagen doppelt (auch in B7) – bitte jeden Monat "
        "nur einmal angeben.",
        "  p.csv, Zelle A9: leer – keine Kommune – die Datei hat die Form "
        "kommune;monat;zuweisungen (je Kommune); Summen des Landkreises gehören in eine Datei "
        "der Form monat;zuweisungen, nicht beides gemischt.",
        "  p.csv, Zelle B10: leer – erwartet wird ein Monat, z. B. 2016-04, 04.2016 oder "
        "April 2016.",
    ]


def test_summen_gemischt_mit_kommunen_und_doppelt(tmp_path: Path, bezirk: Bezirk) -> None:
    pfad = _csv(
        tmp_path / "p.csv",
        "monat;zuweisungen",
        "2016-04;100",
        "April 2016;90",
        "2016-05;12;Melle",
    )
    assert _fehler(pfad, bezirk) == [
        f"Die Prognosedatei {pfad} ist fehlerhaft:",
        "  p.csv, Zelle A3: 04.2016 steht doppelt (auch in A2) – bitte jeden Monat nur einmal "
        "angeben.",
        "  p.csv, Zelle C4: „Melle“ neben monat und zuweisungen – die Datei hat die Form "
        "monat;zuweisungen (Summen des Landkreises); Zahlen je Kommune gehören in eine Datei "
        "der Form kommune;monat;zuweisungen, nicht beides gemischt.",
    ]


def test_jeder_fehler_einer_excel_datei_mit_zelle(tmp_path: Path, bezirk: Bezirk) -> None:
    pfad = _xlsx(
        tmp_path / "p.xlsx",
        ("Prognose des Landes", None, None),
        ("kommune", "monat", "zuweisungen"),
        ("Landkreis Osnabrück", dt.datetime(2016, 4, 1), 300),
        ("Melle", 42461, 10),
        ("Melle", dt.datetime(2016, 5, 1), -1),
        ("Melle", dt.datetime(2016, 6, 1), 2.5),
        ("Mele", dt.datetime(2016, 6, 1), 2),
        ("Hagen", dt.datetime(2016, 6, 1), 2),
        ("Hagen", "Juni 2016", 2),
    )
    assert _fehler(pfad, bezirk) == [
        f"Die Prognosedatei {pfad} ist fehlerhaft:",
        "  p.xlsx, Zelle A3: „Landkreis Osnabrück“ ist keine Kommune – die Datei hat die Form "
        "kommune;monat;zuweisungen (je Kommune); Summen des Landkreises gehören in eine Datei "
        "der Form monat;zuweisungen, nicht beides gemischt.",
        "  p.xlsx, Zelle B4: „42461“ ist kein Monat – erwartet wird z. B. 2016-04, 04.2016 oder "
        "April 2016.",
        "  p.xlsx, Zelle C5: -1 ist negativ – erwartet wird die Zahl der Personen, 0 oder mehr.",
        "  p.xlsx, Zelle C6: 2,5 ist keine ganze Zahl – erwartet wird die Zahl der Personen, "
        "z. B. 120.",
        "  p.xlsx, Zelle A7: „Mele“ ist keine Kommune des Bezirks Landkreis Osnabrück. Meinten "
        "Sie „Melle“?",
        "  p.xlsx, Zelle B9: 06.2016 steht für Hagen doppelt (auch in B8) – bitte jeden Monat "
        "nur einmal angeben.",
    ]


def test_ohne_kopfzeile_ohne_monate_und_nicht_da(tmp_path: Path, bezirk: Bezirk) -> None:
    ohne_kopf = _csv(tmp_path / "a.csv", "April;100")
    assert _fehler(ohne_kopf, bezirk) == [
        f"Die Prognosedatei {ohne_kopf} hat keine Kopfzeile – erwartet wird monat;zuweisungen "
        "(Summen des Landkreises je Monat) oder kommune;monat;zuweisungen (je Kommune)."
    ]
    leer = _csv(tmp_path / "b.csv", "monat;zuweisungen")
    assert _fehler(leer, bezirk) == [
        f"Die Prognosedatei {leer} enthält unter der Kopfzeile keine Monate."
    ]
    assert _fehler(tmp_path / "fehlt.csv", bezirk) == [
        f"Die Prognosedatei {tmp_path / 'fehlt.csv'} (--prognose bzw. [prognose] datei) wurde "
        "nicht gefunden."
    ]
    kaputt = tmp_path / "kaputt.xlsx"
    kaputt.write_bytes(b"PK\x03\x04 kaputt")
    assert _fehler(kaputt, bezirk)[0].startswith(f"Die Prognosedatei {kaputt} ist nicht lesbar: ")


def test_fehlerhafte_datei_ist_ein_nutzungsfehler(tmp_path: Path) -> None:
    _csv(tmp_path / "p.csv", "monat;zuweisungen", "2016-04;-3")
    ergebnis = wrm(
        "prognose", BEISPIELE / "eingang", "--konfig", BEISPIELE / "wrm.toml",
        "--prognose", "p.csv", cwd=tmp_path,
    )  # fmt: skip
    assert ergebnis.returncode == 2
    assert ergebnis.stdout == ""
    assert ergebnis.stderr == (
        "Fehler: Die Prognosedatei p.csv ist fehlerhaft:\n"
        "  p.csv, Zelle B2: -3 ist negativ – erwartet wird die Zahl der Personen, 0 oder mehr.\n"
    )
