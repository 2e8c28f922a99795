"""Fehlerhafte und ungewöhnliche Tabellen.

Jeder Fehler in einer Tabelle ergibt genau einen deutschen Satz, der Datei, Zelle,
Feld und den eingetragenen Wert nennt; die Befehlszeile endet mit dem dokumentierten
Rückgabewert (0 in Ordnung, 1 Eingaben mit Fehlern, 3 nichts lesbar). Übliche
Schreibweisen (Leerzeichen, „12,0“, Tausenderpunkte, BOM, Windows-1252, Komma als
Trenner, deutsche Spaltenköpfe, Namenszusätze) werden angenommen.

Grundlage aller Fälle ist beispiele/uebersicht_2016.csv (Kopfzeile in Zeile 1, Spalten
A kommune, B stand, C zuweisungen … N einschaetzung; Zeile 7 ist Belm, Zeile 13
Fürstenau). Jeder Test schreibt nur unter tmp_path und prüft, dass die gelesenen
Dateien danach Byte für Byte unverändert sind.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import re
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import Lauf
from conftest import wrm as wrm_aufrufen

from wrm_cli.ablauf import Auswertungsbericht, auswerten
from wrm_cli.felder import FELD, bezeichnung
from wrm_cli.konfig import standard_einstellungen

TESTS = Path(__file__).resolve().parent
DATEN = TESTS / "daten"
BEISPIEL = TESTS.parent / "beispiele" / "uebersicht_2016.csv"
STICHTAG = dt.date(2016, 3, 16)
CSV_NAME = "uebersicht.csv"
# Bytes that no office program can open, saved under a spreadsheet's name.
MUELL = b"\x00\x01PK\x03\x04 kein Zip, keine Tabelle \xff\xfe" * 20
KAPUTT_TEXT = (
    "kaputt.xlsx: Die Datei ist beschädigt und lässt sich nicht lesen – bitte erneut "
    "speichern und senden."
)


# --- Tabellen bauen -------------------------------------------------------------------


def beispielzeilen() -> list[list[Any]]:
    with open(BEISPIEL, encoding="utf-8", newline="") as datei:
        return [list(zeile) for zeile in csv.reader(datei, delimiter=";")]


def _position(adresse: str) -> tuple[int, int]:
    """A cell address such as "C7" → (6, 2): 0-based row and column."""
    treffer = re.fullmatch(r"([A-Z])(\d+)", adresse)
    assert treffer, adresse
    return int(treffer[2]) - 1, ord(treffer[1]) - ord("A")


def geaendert(zeilen: list[list[Any]], aenderungen: dict[str, Any]) -> list[list[Any]]:
    """A copy of ``zeilen`` with the cells at the given addresses replaced."""
    kopie = [list(zeile) for zeile in zeilen]
    for adresse, wert in aenderungen.items():
        zeile, spalte = _position(adresse)
        while len(kopie) <= zeile:
            kopie.append([""] * len(kopie[0]))
        kopie[zeile][spalte] = wert
    return kopie


def csv_schreiben(
    pfad: Path, zeilen: Iterable[Iterable[Any]], trenner: str = ";", kodierung: str = "utf-8"
) -> Path:
    puffer = io.StringIO()
    csv.writer(puffer, delimiter=trenner, lineterminator="\r\n").writerows(zeilen)
    pfad.write_bytes(puffer.getvalue().encode(kodierung))
    return pfad


def als_zellwerte(zeilen: list[list[Any]]) -> list[list[Any]]:
    """CSV text → what a clerk's workbook holds: real numbers, real dates, empty cells."""
    ergebnis: list[list[Any]] = [list(zeilen[0])]
    for zeile in zeilen[1:]:
        werte: list[Any] = []
        for wert in zeile:
            if wert == "":
                werte.append(None)
            elif re.fullmatch(r"-?\d+", wert):
                werte.append(int(wert))
            elif re.fullmatch(r"\d\d\.\d\d\.\d{4}", wert):
                werte.append(dt.datetime.strptime(wert, "%d.%m.%Y"))
            else:
                werte.append(wert)
        ergebnis.append(werte)
    return ergebnis


def xlsx_schreiben(pfad: Path, zeilen: list[list[Any]]) -> Path:
    mappe = openpyxl.Workbook()
    blatt = mappe.active
    assert blatt is not None
    for zeile in zeilen:
        blatt.append(zeile)
    mappe.save(pfad)
    return pfad


# --- Ausführen ------------------------------------------------------------------------


def inhalt(*pfade: Path) -> dict[Path, bytes]:
    """Every file named or inside a named folder, with its bytes."""
    dateien: dict[Path, bytes] = {}
    for pfad in pfade:
        kandidaten = sorted(pfad.rglob("*")) if pfad.is_dir() else [pfad]
        dateien.update({k: k.read_bytes() for k in kandidaten if k.is_file()})
    return dateien


def lesen(*pfade: Path) -> Auswertungsbericht:
    """The library call; the inputs (and their tmp folders) stay byte for byte as they were."""
    beobachtet = [p if p.parent == DATEN else p.parent for p in pfade if p.exists()]
    vorher = inhalt(*beobachtet)
    bericht = auswerten(list(pfade), standard_einstellungen(), STICHTAG)
    assert inhalt(*beobachtet) == vorher
    return bericht


def fehlertexte(bericht: Auswertungsbericht) -> list[str]:
    return [befund.text for befund in bericht.befunde if befund.stufe == "fehler"]


def kommunen(bericht: Auswertungsbericht) -> list[str]:
    return [zeile["kommune"] for zeile in bericht.auswertung.datensaetze()]


def wrm(*argumente: str | Path, cwd: Path) -> Lauf:
    """`wrm auswerten … --stichtag 16.03.2016 --format json` in ``cwd``."""
    vorher = inhalt(cwd)
    ergebnis = wrm_aufrufen(
        "auswerten", *argumente, "--stichtag", "16.03.2016", "--format", "json", cwd=cwd
    )
    assert "Traceback" not in ergebnis.stderr
    assert "Traceback" not in ergebnis.stdout
    assert inhalt(cwd) == vorher, "wrm darf ohne --ausgabe nichts schreiben"
    return ergebnis


@pytest.fixture(scope="module")
def vorlage() -> Auswertungsbericht:
    """The valid example as the reference every accepted variant must reproduce."""
    vorher = BEISPIEL.read_bytes()
    bericht = auswerten([BEISPIEL], standard_einstellungen(), STICHTAG)
    assert BEISPIEL.read_bytes() == vorher
    assert fehlertexte(bericht) == []
    assert len(bericht.auswertung.datensaetze()) == 21
    return bericht


def hinweise_wie_vorlage(bericht: Auswertungsbericht, vorlage: Auswertungsbericht) -> None:
    """Same hints as the example, only under the variant's file name."""
    (datei,) = bericht.gelesene_dateien
    assert [b.text.replace(datei.name, BEISPIEL.name) for b in bericht.befunde] == [
        b.text for b in vorlage.befunde
    ]


# --- Fehler in einzelnen Zellen -------------------------------------------------------

ZUWEISUNGEN_C7 = "uebersicht.csv, Zelle C7 (1) vom Land ausgesprochene Zuweisungen"

ZELLFEHLER = [
    pytest.param(
        {"C7": "ca. 20"},
        [
            "uebersicht.csv, Zelle C7 (1) vom Land ausgesprochene Zuweisungen: „ca. 20“ ist keine "
            "ganze Zahl – bitte nur Ziffern eintragen."
        ],
        ["Belm"],
        id="text-in-zahlzelle",
    ),
    pytest.param(
        {"C7": "-"},
        [f"{ZUWEISUNGEN_C7}: „-“ ist keine ganze Zahl – bitte nur Ziffern eintragen."],
        ["Belm"],
        id="strich-in-zahlzelle",
    ),
    pytest.param(
        {"C7": "12,5"},
        [
            f"{ZUWEISUNGEN_C7}: „12,5“ ist keine ganze Zahl – Personen bitte ohne "
            "Nachkommastellen zählen."
        ],
        ["Belm"],
        id="bruch-als-text",
    ),
    pytest.param(
        {"C7": "12.5"},
        [
            f"{ZUWEISUNGEN_C7}: „12.5“ ist keine ganze Zahl – Personen bitte ohne "
            "Nachkommastellen zählen."
        ],
        ["Belm"],
        id="bruch-mit-punkt",
    ),
    pytest.param(
        {"C7": "-3"},
        [f"{ZUWEISUNGEN_C7}: „-3“ ist negativ – erwartet wird eine Anzahl ab 0."],
        ["Belm"],
        id="negative-anzahl",
    ),
    pytest.param(
        {"J7": "-1"},
        [
            "uebersicht.csv, Zelle J7 (8) verfügbar in Gemeinschaftsunterkünften: „-1“ ist "
            "negativ – erwartet wird eine Anzahl ab 0."
        ],
        ["Belm"],
        id="negative-plaetze",
    ),
    pytest.param(
        {"C7": "99999999999999999999"},
        [f"{ZUWEISUNGEN_C7}: „99999999999999999999“ hat zu viele Stellen – bitte die Zahl prüfen."],
        ["Belm"],
        id="riesige-zahl",
    ),
    pytest.param(
        {"A13": "Fürstenaau"},
        [
            "uebersicht.csv, Zelle A13 Kommune: „Fürstenaau“ steht nicht in der Liste der "
            "Kommunen (Landkreis Osnabrück). Meinten Sie „Fürstenau“?"
        ],
        ["Fürstenau"],
        id="unbekannte-kommune-mit-vorschlag",
    ),
    pytest.param(
        {"A13": "Osnabrück"},
        [
            "uebersicht.csv, Zelle A13 Kommune: „Osnabrück“ steht nicht in der Liste der "
            "Kommunen (Landkreis Osnabrück). Erwartet wird eine der 21 Kommunen des Bezirks."
        ],
        ["Fürstenau"],
        id="unbekannte-kommune-ohne-vorschlag",
    ),
    pytest.param(
        {"A7": "Artland"},
        [
            "uebersicht.csv, Zelle A2 Kommune: „Artland“ steht mehrmals in dieser Datei – bitte "
            "nur eine Zeile je Kommune.",
            "uebersicht.csv, Zelle A7 Kommune: „Artland“ steht mehrmals in dieser Datei – bitte "
            "nur eine Zeile je Kommune.",
        ],
        ["Artland", "Belm"],
        id="kommune-doppelt",
    ),
    pytest.param(
        {"A7": "SG Artland"},
        [
            "uebersicht.csv, Zelle A2 Kommune: „Artland“ steht mehrmals in dieser Datei – bitte "
            "nur eine Zeile je Kommune.",
            "uebersicht.csv, Zelle A7 Kommune: „SG Artland“ steht mehrmals in dieser Datei – "
            "bitte nur eine Zeile je Kommune.",
        ],
        ["Artland", "Belm"],
        id="kommune-doppelt-unter-anderem-namen",
    ),
    pytest.param(
        {"N7": "gut"},
        [
            "uebersicht.csv, Zelle N7 (12) Einschätzung der Lage: „gut“ ist nicht zulässig – "
            "erwartet wird „ausreichend“ oder „kritisch“."
        ],
        ["Belm"],
        id="einschaetzung-gut",
    ),
    pytest.param(
        {"A7": ""},
        ["uebersicht.csv, Zelle A7 Kommune: Der Name der Kommune fehlt – bitte eintragen."],
        ["Belm"],
        id="kommune-leer-mit-werten",
    ),
    pytest.param(
        {"B7": "17.03.2016"},
        [
            "uebersicht.csv, Zelle B7 Stand: Der Stand 17.03.2016 liegt nach dem Stichtag "
            "16.03.2016 – bitte das Datum der Zahlen prüfen."
        ],
        ["Belm"],
        id="stand-nach-stichtag",
    ),
    pytest.param(
        {"B7": "gestern"},
        [
            "uebersicht.csv, Zelle B7 Stand: „gestern“ ist kein Datum – erwartet wird "
            "z. B. 16.03.2016."
        ],
        ["Belm"],
        id="stand-kein-datum",
    ),
]


@pytest.mark.parametrize(("aenderungen", "erwartet", "fehlend"), ZELLFEHLER)
def test_fehler_in_einer_zelle(
    tmp_path: Path, aenderungen: dict[str, str], erwartet: list[str], fehlend: list[str]
) -> None:
    pfad = csv_schreiben(tmp_path / CSV_NAME, geaendert(beispielzeilen(), aenderungen))
    bericht = lesen(pfad)
    assert fehlertexte(bericht) == erwartet
    # The faulty row is left out of the Auswertung; everything else is evaluated.
    assert bericht.fehlende_kommunen == fehlend
    assert len(kommunen(bericht)) == 21 - len(fehlend)
    assert all(b.datei == CSV_NAME and b.zelle for b in bericht.befunde if b.stufe == "fehler")
    # What the command line turns into exit code 1 (checked end to end further below).
    assert bericht.hat_fehler
    assert not bericht.nichts_gelesen


def test_fehlerhafte_zeile_wird_als_fehlend_gemeldet(tmp_path: Path) -> None:
    pfad = csv_schreiben(tmp_path / CSV_NAME, geaendert(beispielzeilen(), {"C7": "ca. 20"}))
    texte = [b.text for b in lesen(pfad).befunde]
    assert "Belm: Meldung enthält Fehler und fehlt deshalb in der Auswertung." in texte


def test_mehrere_fehler_in_einer_datei_werden_alle_gemeldet(tmp_path: Path) -> None:
    aenderungen = {"C2": "ca. 20", "D3": "-", "N4": "gut", "G5": "12,5", "J6": "-2"}
    pfad = csv_schreiben(tmp_path / CSV_NAME, geaendert(beispielzeilen(), aenderungen))
    bericht = lesen(pfad)
    assert sorted(b.zelle for b in bericht.befunde if b.stufe == "fehler") == sorted(aenderungen)
    assert bericht.fehlende_kommunen == [
        "Artland",
        "Bad Essen",
        "Bad Iburg",
        "Bad Laer",
        "Bad Rothenfelde",
    ]


def test_zu_erfuellen_darf_negativ_sein(tmp_path: Path) -> None:
    """(5) is the quota still to fulfil; below 0 means it is over-fulfilled."""
    pfad = csv_schreiben(tmp_path / CSV_NAME, geaendert(beispielzeilen(), {"G2": "-4"}))
    bericht = lesen(pfad)
    assert fehlertexte(bericht) == []
    (artland,) = (z for z in bericht.auswertung.datensaetze() if z["kommune"] == "Artland")
    assert artland["zu_erfuellen"] == -4
    assert FELD["zu_erfuellen"].minimum is None


def test_fehlende_spalte(tmp_path: Path) -> None:
    ohne_ankuenfte = [zeile[:3] + zeile[4:] for zeile in beispielzeilen()]
    pfad = csv_schreiben(tmp_path / CSV_NAME, ohne_ankuenfte)
    bericht = lesen(pfad)
    assert fehlertexte(bericht) == [
        "uebersicht.csv: Die Spalte für (2) davon Ankünfte vor Ort fehlt – bitte eine Spalte "
        "„ankuenfte“ ergänzen (leere Zellen sind erlaubt)."
    ]
    assert kommunen(bericht) == []
    assert bericht.gelesene_dateien == [pfad]
    assert len(bericht.fehlende_kommunen) == 21


# --- Fehler in echten Tabellenzellen (xlsx) -------------------------------------------

XLSX_FEHLER = [
    pytest.param(
        12.5,
        "„12,5“ ist keine ganze Zahl – Personen bitte ohne Nachkommastellen zählen.",
        id="bruch",
    ),
    pytest.param(-3, "„-3“ ist negativ – erwartet wird eine Anzahl ab 0.", id="negativ"),
    pytest.param(
        "ca. 20", "„ca. 20“ ist keine ganze Zahl – bitte nur Ziffern eintragen.", id="text"
    ),
    pytest.param(True, "„WAHR“ ist keine ganze Zahl – bitte nur Ziffern eintragen.", id="wahr"),
    pytest.param(
        dt.datetime(2016, 3, 1),
        "„01.03.2016“ ist keine ganze Zahl – bitte nur Ziffern eintragen.",
        id="datum",
    ),
    pytest.param(
        1e20, "„100000000000000000000“ hat zu viele Stellen – bitte die Zahl prüfen.", id="riesig"
    ),
]


@pytest.mark.parametrize(("wert", "meldung"), XLSX_FEHLER)
def test_fehler_in_xlsx_zelle(tmp_path: Path, wert: object, meldung: str) -> None:
    zeilen = geaendert(als_zellwerte(beispielzeilen()), {"C7": wert})
    bericht = lesen(xlsx_schreiben(tmp_path / "uebersicht.xlsx", zeilen))
    assert fehlertexte(bericht) == [
        f"uebersicht.xlsx, Zelle C7 (1) vom Land ausgesprochene Zuweisungen: {meldung}"
    ]
    assert bericht.fehlende_kommunen == ["Belm"]


def test_stand_nach_stichtag_als_echtes_datum(tmp_path: Path) -> None:
    zeilen = geaendert(als_zellwerte(beispielzeilen()), {"B7": dt.datetime(2016, 3, 17)})
    bericht = lesen(xlsx_schreiben(tmp_path / "uebersicht.xlsx", zeilen))
    assert fehlertexte(bericht) == [
        "uebersicht.xlsx, Zelle B7 Stand: Der Stand 17.03.2016 liegt nach dem Stichtag "
        "16.03.2016 – bitte das Datum der Zahlen prüfen."
    ]


# --- Unlesbare und fehlende Eingaben --------------------------------------------------


def test_unlesbare_datei_allein(tmp_path: Path) -> None:
    kaputt = tmp_path / "kaputt.xlsx"
    kaputt.write_bytes(MUELL)
    bericht = lesen(kaputt)
    assert [b.text for b in bericht.befunde if b.datei] == [KAPUTT_TEXT]
    assert bericht.unlesbare_dateien == [kaputt]
    assert bericht.nichts_gelesen


def test_unlesbare_datei_neben_gueltiger(tmp_path: Path, vorlage: Auswertungsbericht) -> None:
    kaputt = tmp_path / "kaputt.xlsx"
    kaputt.write_bytes(MUELL)
    gut = tmp_path / BEISPIEL.name
    shutil.copyfile(BEISPIEL, gut)
    bericht = lesen(kaputt, gut)
    assert fehlertexte(bericht) == [KAPUTT_TEXT]
    assert bericht.auswertung.datensaetze() == vorlage.auswertung.datensaetze()
    assert not bericht.nichts_gelesen


def test_fehlender_pfad_stoppt_die_anderen_eingaben_nicht(tmp_path: Path) -> None:
    fehlt = tmp_path / "fehlt.csv"
    gut = csv_schreiben(tmp_path / "gut.csv", beispielzeilen())
    bericht = lesen(fehlt, gut)
    assert fehlertexte(bericht) == [
        "fehlt.csv: Diese Datei oder diesen Ordner gibt es nicht – bitte den Namen prüfen."
    ]
    assert len(bericht.auswertung.zeilen) == 21
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gut.csv"]


# --- Angenommene Schreibweisen ---------------------------------------------------------


@pytest.mark.parametrize(
    ("zelle", "anzahl"),
    [
        (" 12 ", 12),
        ("12,0", 12),
        ("12.0", 12),
        ("+12", 12),
        ("1.234", 1234),
        ("1 234", 1234),
        ("12\u00a0", 12),
    ],
    ids=[
        "leerzeichen",
        "komma-null",
        "punkt-null",
        "plus",
        "tausenderpunkt",
        "tausender-leer",
        "nbsp",
    ],
)
def test_zahlschreibweisen(
    tmp_path: Path, vorlage: Auswertungsbericht, zelle: str, anzahl: int
) -> None:
    pfad = csv_schreiben(tmp_path / CSV_NAME, geaendert(beispielzeilen(), {"C7": zelle}))
    bericht = lesen(pfad)
    assert fehlertexte(bericht) == []
    erwartet = [
        {**z, "bisherige_zuweisungen": anzahl} if z["kommune"] == "Belm" else z
        for z in vorlage.auswertung.datensaetze()
    ]
    assert bericht.auswertung.datensaetze() == erwartet


def _mit_bom(pfad: Path) -> Path:
    return csv_schreiben(pfad, beispielzeilen(), kodierung="utf-8-sig")


def _windows_1252(pfad: Path) -> Path:
    pfad = csv_schreiben(pfad, beispielzeilen(), kodierung="cp1252")
    assert "Fürstenau".encode("cp1252") in pfad.read_bytes()
    assert "Fürstenau".encode() not in pfad.read_bytes()
    return pfad


def _komma(pfad: Path) -> Path:
    return csv_schreiben(pfad, beispielzeilen(), trenner=",")


def _tabulator_utf8(pfad: Path) -> Path:
    pfad = csv_schreiben(pfad, beispielzeilen(), trenner="\t")
    assert "Fürstenau\t16.03.2016\t".encode() in pfad.read_bytes()
    return pfad


def _unicode_text(pfad: Path) -> Path:
    """Excel's "Unicode-Text" (.txt): UTF-16 little endian with BOM, tab-separated."""
    puffer = io.StringIO()
    csv.writer(puffer, delimiter="\t", lineterminator="\r\n").writerows(beispielzeilen())
    pfad = pfad.with_suffix(".txt")
    pfad.write_bytes(codecs.BOM_UTF16_LE + codecs.encode(puffer.getvalue(), "utf-16-le"))
    roh = pfad.read_bytes()
    assert roh.startswith(b"\xff\xfek\x00o\x00m\x00")  # BOM, then "kommune" in UTF-16
    assert "Fürstenau\t".encode("utf-16-le") in roh
    return pfad


def _deutsche_koepfe(pfad: Path) -> Path:
    """Header "Kommune", "Stand", "(1) vom Land ausgesprochene Zuweisungen", …"""
    kopf, *rest = beispielzeilen()
    return csv_schreiben(pfad, [[bezeichnung(k) for k in kopf], *rest])


def _koepfe_ohne_nummer(pfad: Path) -> Path:
    """Header "KOMMUNE", "stand", "vom Land ausgesprochene Zuweisungen", …"""
    kopf, *rest = beispielzeilen()
    neu = [FELD[k].label if k in FELD else k.upper() for k in kopf]
    return csv_schreiben(pfad, [neu, *rest], trenner=",", kodierung="cp1252")


def _namenszusaetze(pfad: Path) -> Path:
    zeilen = geaendert(
        beispielzeilen(),
        {"A2": "SG Artland", "A12": "Dissen a.T.W.", "A13": "Fu\u0308rstenau", "A14": " GM-Hütte "},
    )
    return csv_schreiben(pfad, zeilen)


def _leerzeile_und_summenzeile(pfad: Path) -> Path:
    zeilen = beispielzeilen()
    return csv_schreiben(pfad, [*zeilen[:8], [""] * 14, *zeilen[8:], ["Gesamt", "", "1344"]])


VARIANTEN = {
    "utf8-mit-bom": _mit_bom,
    "windows-1252": _windows_1252,
    "komma-als-trenner": _komma,
    "tabulator-utf8": _tabulator_utf8,
    "unicode-text-utf16-tabulator": _unicode_text,
    "deutsche-spaltenkoepfe": _deutsche_koepfe,
    "koepfe-ohne-nummer-cp1252-komma": _koepfe_ohne_nummer,
    "namenszusaetze-und-nfd": _namenszusaetze,
}


@pytest.mark.parametrize("erzeugen", list(VARIANTEN.values()), ids=list(VARIANTEN))
def test_angenommene_dateivarianten(
    tmp_path: Path, vorlage: Auswertungsbericht, erzeugen: Any
) -> None:
    bericht = lesen(erzeugen(tmp_path / BEISPIEL.name))
    assert fehlertexte(bericht) == []
    assert bericht.auswertung.datensaetze() == vorlage.auswertung.datensaetze()
    hinweise_wie_vorlage(bericht, vorlage)


def test_leerzeile_und_summenzeile(tmp_path: Path, vorlage: Auswertungsbericht) -> None:
    bericht = lesen(_leerzeile_und_summenzeile(tmp_path / BEISPIEL.name))
    assert fehlertexte(bericht) == []
    assert bericht.auswertung.datensaetze() == vorlage.auswertung.datensaetze()
    assert (
        "uebersicht_2016.csv, Zelle A24: Zeile 24 „Gesamt“ ist eine Summenzeile und wird "
        "übergangen – wrm bildet die Summen selbst."
    ) in [b.text for b in bericht.befunde]


# --- Dieselbe Tabelle als xlsx, xls und ods --------------------------------------------


def test_xlsx_gibt_dieselbe_auswertung(tmp_path: Path, vorlage: Auswertungsbericht) -> None:
    pfad = xlsx_schreiben(tmp_path / "uebersicht_2016.xlsx", als_zellwerte(beispielzeilen()))
    bericht = lesen(pfad)
    assert fehlertexte(bericht) == []
    assert bericht.auswertung.datensaetze() == vorlage.auswertung.datensaetze()
    hinweise_wie_vorlage(bericht, vorlage)


@pytest.mark.parametrize("endung", ["xls", "ods"])
def test_libreoffice_dateien_geben_dieselbe_auswertung(
    endung: str, vorlage: Auswertungsbericht
) -> None:
    """tests/daten/uebersicht_2016.{xls,ods}: made once by erzeugen_libreoffice.py."""
    pfad = DATEN / f"uebersicht_2016.{endung}"
    bericht = lesen(pfad)
    assert fehlertexte(bericht) == []
    assert bericht.auswertung.datensaetze() == vorlage.auswertung.datensaetze()
    assert bericht.auswertung.gesamt == vorlage.auswertung.gesamt
    hinweise_wie_vorlage(bericht, vorlage)


# --- Rückgabewerte der Befehlszeile ----------------------------------------------------


def _befundtexte(ergebnis: Lauf) -> list[str]:
    return [befund["text"] for befund in json.loads(ergebnis.stdout)["befunde"]]


def test_befehl_gueltige_ods_ergibt_0(tmp_path: Path) -> None:
    kopie = tmp_path / "uebersicht_2016.ods"
    shutil.copyfile(DATEN / kopie.name, kopie)
    ergebnis = wrm(kopie, cwd=tmp_path)
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert len(json.loads(ergebnis.stdout)["zeilen"]) == 21


@pytest.mark.parametrize(
    ("aenderungen", "text"),
    [
        pytest.param(
            {"C7": "ca. 20"},
            "uebersicht.csv, Zelle C7 (1) vom Land ausgesprochene Zuweisungen: „ca. 20“ ist "
            "keine ganze Zahl – bitte nur Ziffern eintragen.",
            id="zellfehler",
        ),
        pytest.param(
            {"D1": ""},
            "uebersicht.csv: Die Spalte für (2) davon Ankünfte vor Ort fehlt – bitte eine "
            "Spalte „ankuenfte“ ergänzen (leere Zellen sind erlaubt).",
            id="fehlende-spalte",
        ),
    ],
)
def test_befehl_datenfehler_ergibt_1(
    tmp_path: Path, aenderungen: dict[str, str], text: str
) -> None:
    csv_schreiben(tmp_path / CSV_NAME, geaendert(beispielzeilen(), aenderungen))
    ergebnis = wrm(CSV_NAME, cwd=tmp_path)
    if "D1" in aenderungen:
        # A table without a required column yields no row at all: no report, exit 3.
        assert ergebnis.returncode == 3, ergebnis.stderr
        assert ergebnis.stdout == ""
        assert ergebnis.stderr == (
            f"{text}\nFehler: Keine der Eingaben enthält eine gültige Meldung – es wird kein "
            "Bericht erstellt.\n"
        )
        return
    assert ergebnis.returncode == 1, ergebnis.stderr
    assert text in _befundtexte(ergebnis)
    # A faulty row is left out.
    assert len(json.loads(ergebnis.stdout)["zeilen"]) == 20


def test_befehl_nur_unlesbare_datei_ergibt_3(tmp_path: Path) -> None:
    (tmp_path / "kaputt.xlsx").write_bytes(MUELL)
    ergebnis = wrm("kaputt.xlsx", cwd=tmp_path)
    assert ergebnis.returncode == 3
    assert ergebnis.stdout == ""
    zeilen = ergebnis.stderr.splitlines()
    assert zeilen[0] == KAPUTT_TEXT
    assert zeilen[-1] == "Fehler: Keine der Eingaben enthält lesbare Meldungen."


def test_befehl_unlesbare_neben_gueltiger_datei_ergibt_1(tmp_path: Path) -> None:
    (tmp_path / "kaputt.xlsx").write_bytes(MUELL)
    shutil.copyfile(BEISPIEL, tmp_path / BEISPIEL.name)
    ergebnis = wrm("kaputt.xlsx", BEISPIEL.name, cwd=tmp_path)
    assert ergebnis.returncode == 1, ergebnis.stderr
    assert KAPUTT_TEXT in _befundtexte(ergebnis)
    assert len(json.loads(ergebnis.stdout)["zeilen"]) == 21


def test_befehl_fehlender_pfad_ergibt_3(tmp_path: Path) -> None:
    ergebnis = wrm("fehlt.csv", cwd=tmp_path)
    assert ergebnis.returncode == 3
    assert ergebnis.stdout == ""
    assert ergebnis.stderr == (
        "fehlt.csv: Diese Datei oder diesen Ordner gibt es nicht – bitte den Namen prüfen.\n"
        "Fehler: Keine der Eingaben enthält lesbare Meldungen.\n"
    )
