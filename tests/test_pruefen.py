"""`wrm pruefen`: every kind of Befund with its exact German message, exit codes, JSON.

Each case fills a fresh template the way a clerk would and runs the real command line.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pytest
from conftest import BEISPIELE, wrm
from hilfen import vorlage_ausfuellen

from wrm_cli.blaetter import BLATT_MELDUNG, BLATT_VERSION
from wrm_cli.felder import KOMMUNE, STAND
from wrm_cli.konfig import standard_einstellungen
from wrm_cli.vorlage import vorlage_erstellen

STICHTAG = "16.03.2016"
# Valid, consistent figures (Glandorf as published): no Befund at all.
SAUBER: dict[str, object] = {
    STAND: dt.date(2016, 3, 16),
    "ansprechpartner": "Petra Muster",
    "telefon": "05401 123-45",
    "email": "muster@glandorf.de",
    "zuweisungen": 17,
    "ankuenfte": 17,
    "keine_anrechnung": 0,
    "zu_erfuellen": 18,
    "untergebracht_gu": 0,
    "untergebracht_dezentral": 17,
    "verfuegbar_gu": 0,
    "verfuegbar_dezentral": 0,
    "in_aussicht_gu": 0,
    "in_aussicht_dezentral": 18,
    "einschaetzung": "ausreichend",
}


def ausgefuellt(ordner: Path, werte: Mapping[str, object], name: str = "meldung.xlsx") -> Path:
    mappe = vorlage_erstellen(standard_einstellungen().bezirk, "Glandorf")
    vorlage_ausfuellen(mappe, {k: v for k, v in werte.items() if v is not None})
    pfad = ordner / name
    mappe.save(pfad)
    return pfad


def pruefen(*argumente: str | Path) -> tuple[int, list[str]]:
    ergebnis = wrm("pruefen", "--stichtag", STICHTAG, *argumente)
    assert ergebnis.stderr == ""
    return ergebnis.returncode, ergebnis.stdout.splitlines()


def _stempel(ordner: Path) -> dict[str, tuple[bytes, int]]:
    """Bytes and mtime of every file: `wrm pruefen` must leave them exactly as they were."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(ordner.iterdir())}


def test_saubere_meldung_ein_haken_mit_zusammenfassung(tmp_path: Path) -> None:
    datei = ausgefuellt(tmp_path, SAUBER)
    vorher = _stempel(tmp_path)
    code, zeilen = pruefen(datei)
    assert code == 0
    assert zeilen == [
        "✓ meldung.xlsx: Glandorf, Stand 16.03.2016: 17 Zuweisungen, zu erfüllen 18, "
        "verfügbar 0, in Aussicht 18, fehlender Wohnraum 0, Einschätzung ausreichend",
        "1 Datei geprüft: in Ordnung.",
    ]
    assert _stempel(tmp_path) == vorher


FEHLERFAELLE: dict[str, tuple[dict[str, object], str]] = {
    "text-statt-zahl": (
        {"zuweisungen": "ca. 20"},
        "Zelle C12 (1) vom Land ausgesprochene Zuweisungen: „ca. 20“ ist keine ganze Zahl – "
        "bitte nur Ziffern eintragen.",
    ),
    "nachkommastellen": (
        {"untergebracht_gu": "2,5"},
        "Zelle C17 (6) in Gemeinschaftsunterkünften: „2,5“ ist keine ganze Zahl – Personen "
        "bitte ohne Nachkommastellen zählen.",
    ),
    "negativ": (
        {"verfuegbar_gu": -4},
        "Zelle C19 (8) verfügbar in Gemeinschaftsunterkünften: „-4“ ist negativ – erwartet "
        "wird eine Anzahl ab 0.",
    ),
    "auswahl": (
        {"einschaetzung": "gut"},
        "Zelle C23 (12) Einschätzung der Lage: „gut“ ist nicht zulässig – erwartet wird "
        "„ausreichend“ oder „kritisch“.",
    ),
    "zu-gross": (
        {"zuweisungen": 10**17},
        "Zelle C12 (1) vom Land ausgesprochene Zuweisungen: „100000000000000000“ hat zu viele "
        "Stellen – bitte die Zahl prüfen.",
    ),
    "stand-fehlt": (
        {STAND: None},
        "Zelle C6 Stand: Der Stand fehlt – bitte das Datum eintragen, auf das sich die Zahlen "
        "beziehen (z. B. 16.03.2016).",
    ),
    "stand-kein-datum": (
        {STAND: "gestern"},
        "Zelle C6 Stand: „gestern“ ist kein Datum – erwartet wird z. B. 16.03.2016.",
    ),
    "stand-in-der-zukunft": (
        {STAND: "17.03.2016"},
        "Zelle C6 Stand: Der Stand 17.03.2016 liegt nach dem Stichtag 16.03.2016 – bitte das "
        "Datum der Zahlen prüfen.",
    ),
    "formel-ohne-ergebnis": (
        {"in_aussicht_dezentral": "=10+8"},
        "Zelle C22 (11) in Aussicht, dezentral: Die Zelle enthält eine Formel ohne berechnetes "
        "Ergebnis – Datei bitte in Excel/LibreOffice öffnen und speichern.",
    ),
}


@pytest.mark.parametrize("fall", FEHLERFAELLE, ids=list(FEHLERFAELLE))
def test_fehler_mit_zelle_feld_wert_und_erwartung(tmp_path: Path, fall: str) -> None:
    aenderung, meldung = FEHLERFAELLE[fall]
    datei = ausgefuellt(tmp_path, {**SAUBER, **aenderung})
    vorher = _stempel(tmp_path)
    code, zeilen = pruefen(datei)
    assert code == 1
    assert zeilen == [
        "✗ meldung.xlsx: 1 Fehler – bitte korrigieren und erneut prüfen",
        f"  Fehler: {meldung}",
        "1 Datei geprüft: 0 in Ordnung, 1 mit Fehlern.",
    ]
    assert _stempel(tmp_path) == vorher


def test_unbekannte_kommune(tmp_path: Path) -> None:
    """The Kommune cell is locked, but protection has no password: someone may change it."""
    mappe = vorlage_erstellen(standard_einstellungen().bezirk, "Glandorf")
    vorlage_ausfuellen(mappe, SAUBER)
    mappe[BLATT_MELDUNG]["C5"] = "Glanddorf"
    mappe.save(tmp_path / "m.xlsx")
    code, zeilen = pruefen(tmp_path / "m.xlsx")
    assert code == 1
    assert zeilen[1] == (
        "  Fehler: Zelle C5 Kommune: „Glanddorf“ steht nicht in der Liste der Kommunen "
        "(Landkreis Osnabrück). Meinten Sie „Glandorf“?"
    )


HINWEISFAELLE: dict[str, tuple[dict[str, object], str]] = {
    "ankuenfte-ueber-zuweisungen": (
        {"ankuenfte": 18, "untergebracht_dezentral": 18},
        "Zelle C13 (2) davon Ankünfte vor Ort: Glandorf: 18 Ankünfte, aber nur 17 Zuweisungen "
        "– Ankünfte sind ein Teil der Zuweisungen; bitte prüfen.",
    ),
    "untergebracht-weit-weg-von-ankuenften": (
        {"untergebracht_gu": 40},
        "Zelle C17 (6) in Gemeinschaftsunterkünften: Glandorf: 57 Personen untergebracht (6) "
        "+ (7), aber 17 Ankünfte (2) – bitte prüfen.",
    ),
    "einschaetzung-ausreichend": (
        {"in_aussicht_dezentral": 0},
        "Zelle C23 (12) Einschätzung der Lage: Glandorf schätzt die Lage als „ausreichend“ ein, "
        "es fehlt aber Wohnraum für 18 Personen.",
    ),
    "einschaetzung-kritisch": (
        {"einschaetzung": "kritisch", "verfuegbar_dezentral": 5},
        "Zelle C23 (12) Einschätzung der Lage: Glandorf schätzt die Lage als „kritisch“ ein, "
        "hat aber 5 Plätze mehr als benötigt.",
    ),
    "veraltet": (
        {STAND: dt.date(2016, 2, 1)},
        "Zelle C6 Stand: Der Stand ist 44 Tage alt – bitte die aktuellen Zahlen eintragen.",
    ),
}


@pytest.mark.parametrize("fall", HINWEISFAELLE, ids=list(HINWEISFAELLE))
def test_hinweise_lassen_die_pruefung_bestehen(tmp_path: Path, fall: str) -> None:
    aenderung, meldung = HINWEISFAELLE[fall]
    code, zeilen = pruefen(ausgefuellt(tmp_path, {**SAUBER, **aenderung}))
    assert code == 0
    assert zeilen[0].startswith("✓ meldung.xlsx: Glandorf, Stand ")
    assert zeilen[1:] == [f"  Hinweis: {meldung}", "1 Datei geprüft: in Ordnung."]


def test_leere_vorlage(tmp_path: Path) -> None:
    code, zeilen = pruefen(ausgefuellt(tmp_path, {STAND: dt.date(2016, 3, 16)}))
    assert code == 0
    assert zeilen == [
        "✓ meldung.xlsx: Glandorf, Stand 16.03.2016: 0 Zuweisungen, zu erfüllen 0, keine "
        "Angaben zum Wohnraum ((8)–(11) leer)",
        "  Hinweis: Alle Felder (1)–(12) sind leer – ist das beabsichtigt? Leer heißt „nichts "
        "zu melden“.",
        "1 Datei geprüft: in Ordnung.",
    ]


def test_veraltete_vorlagenversion(tmp_path: Path) -> None:
    mappe = vorlage_erstellen(standard_einstellungen().bezirk, "Glandorf")
    vorlage_ausfuellen(mappe, SAUBER)
    mappe[BLATT_VERSION]["A2"] = "0"
    mappe.save(tmp_path / "alt.xlsx")
    code, zeilen = pruefen(tmp_path / "alt.xlsx")
    assert code == 0
    assert zeilen[1] == (
        "  Hinweis: Die Datei beruht auf einer älteren Vorlage (Version 0, aktuell 2) – bitte "
        "für die nächste Meldung die neue Vorlage verwenden."
    )


def test_alle_probleme_auf_einmal_fehler_zuerst(tmp_path: Path) -> None:
    code, zeilen = pruefen(BEISPIELE / "fehlerhaft" / "Meldung_Hagen.xlsx")
    assert code == 1
    assert [z.split(":")[0] for z in zeilen[1:-1]] == ["  Fehler"] * 5
    assert [z.split(" ")[4] for z in zeilen[1:-1]] == ["C6", "C12", "C17", "C19", "C23"]


def test_nicht_lesbar_ergibt_3_und_die_anderen_werden_trotzdem_geprueft(tmp_path: Path) -> None:
    kaputt = tmp_path / "kaputt.xlsx"
    kaputt.write_bytes(b"PK\x03\x04 nur der Anfang einer Zip-Datei")
    gut = ausgefuellt(tmp_path, SAUBER, "gut.xlsx")
    vorher = _stempel(tmp_path)
    code, zeilen = pruefen(kaputt, gut)
    assert code == 3
    assert zeilen == [
        "✗ kaputt.xlsx: nicht lesbar",
        "  Fehler: Die Datei ist beschädigt und lässt sich nicht lesen – bitte erneut speichern "
        "und senden.",
        zeilen[2],
        "2 Dateien geprüft: 1 in Ordnung, 0 mit Fehlern, 1 nicht lesbar.",
    ]
    assert zeilen[2].startswith("✓ gut.xlsx: Glandorf")
    assert _stempel(tmp_path) == vorher


def test_ordner_mit_sperrdatei_und_gleichnamigen_dateien(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    ausgefuellt(tmp_path / "a", SAUBER)
    ausgefuellt(tmp_path / "b", {**SAUBER, "zuweisungen": "x"})
    (tmp_path / "a" / "~$meldung.xlsx").write_bytes(b"gesperrt")
    code, zeilen = pruefen(tmp_path / "a", tmp_path / "b")
    assert code == 1
    # Named from the folder both inputs share, as every message of the run names them.
    a, b = str(Path("a") / "meldung.xlsx"), str(Path("b") / "meldung.xlsx")
    assert zeilen[0].startswith(f"✓ {a}: Glandorf")
    assert zeilen[1] == f"✗ {b}: 1 Fehler – bitte korrigieren und erneut prüfen"
    assert zeilen[3] == (
        "Hinweis: ~$meldung.xlsx: Datei ist gerade in Excel oder LibreOffice geöffnet "
        "(Sperrdatei) – wird übergangen."
    )


def test_json(tmp_path: Path) -> None:
    ausgefuellt(tmp_path, SAUBER, "gut.xlsx")
    ausgefuellt(tmp_path, {**SAUBER, "verfuegbar_gu": -1}, "schlecht.xlsx")
    ergebnis = wrm("pruefen", "--stichtag", STICHTAG, "--format", "json", tmp_path)
    assert ergebnis.returncode == 1
    daten: dict[str, Any] = json.loads(ergebnis.stdout)
    assert daten["stichtag"] == "2016-03-16"
    assert [(d["datei"], d["in_ordnung"], d["fehler"]) for d in daten["dateien"]] == [
        ("gut.xlsx", True, 0),
        ("schlecht.xlsx", False, 1),
    ]
    assert daten["dateien"][0]["meldungen"][0]["kommune"] == "Glandorf"
    assert daten["dateien"][0]["meldungen"][0]["stand"] == "2016-03-16"
    assert daten["dateien"][1]["meldungen"] == []
    befund = daten["dateien"][1]["befunde"][0]
    assert {k: befund[k] for k in ("stufe", "datei", "zelle", "feld", "kommune")} == {
        "stufe": "fehler",
        "datei": "schlecht.xlsx",
        "zelle": "C19",
        "feld": "verfuegbar_gu",
        "kommune": "Glandorf",
    }


@pytest.mark.parametrize(
    ("argumente", "meldung"),
    [
        (["--format", "xml"], "Fehler: --format „xml“ gibt es nicht – möglich sind text, json."),
        (["--stichtag", "morgen"], "Fehler: --stichtag „morgen“ ist kein Datum"),
    ],
)
def test_falscher_aufruf_ergibt_2(tmp_path: Path, argumente: list[str], meldung: str) -> None:
    datei = ausgefuellt(tmp_path, SAUBER)
    ergebnis = wrm("pruefen", datei, *argumente)
    assert ergebnis.returncode == 2
    assert ergebnis.stderr.startswith(meldung)


def test_datei_gibt_es_nicht(tmp_path: Path) -> None:
    ergebnis = wrm("pruefen", tmp_path / "fehlt.xlsx")
    assert ergebnis.returncode == 3
    assert ergebnis.stdout.splitlines()[:2] == [
        "✗ fehlt.xlsx: nicht lesbar",
        "  Fehler: Diese Datei oder diesen Ordner gibt es nicht – bitte den Namen prüfen.",
    ]


def test_tabellenformat_wird_ebenso_geprueft(tmp_path: Path) -> None:
    code, zeilen = pruefen(BEISPIELE / "uebersicht_2016.csv")
    assert code == 0
    assert len([z for z in zeilen if z.startswith("✓ uebersicht_2016.csv: ")]) == 21


def test_pruefen_aendert_nichts_auch_nicht_bei_schreibgeschuetzter_datei(tmp_path: Path) -> None:
    datei = ausgefuellt(tmp_path, SAUBER)
    os.chmod(datei, 0o444)
    vorher = _stempel(tmp_path)
    code, _ = pruefen(datei)
    assert code == 0
    assert _stempel(tmp_path) == vorher


def test_kommune_aus_der_vorlage_nicht_aus_dem_dateinamen(tmp_path: Path) -> None:
    datei = ausgefuellt(tmp_path, SAUBER, "Meldung_Melle.xlsx")
    mappe = openpyxl.load_workbook(datei)
    assert mappe[BLATT_MELDUNG]["C5"].value == "Glandorf"
    code, zeilen = pruefen(datei)
    assert code == 0
    assert zeilen[0].startswith("✓ Meldung_Melle.xlsx: Glandorf,")
    assert KOMMUNE in mappe.defined_names
