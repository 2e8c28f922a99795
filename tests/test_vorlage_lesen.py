"""Reading filled templates: by defined name, after inserted rows, without names, formulas."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pytest
from conftest import DATEN, STICHTAG_2016
from hilfen import datei_lesen, vorlage_ausfuellen
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wrm_cli.bezirk import Bezirk
from wrm_cli.blaetter import BLATT_MELDUNG, BLATT_VERSION
from wrm_cli.felder import ALLE_SCHLUESSEL, FELD, FELDER, KOMMUNE, KONTAKT_LABELS, STAND
from wrm_cli.konfig import standard_einstellungen
from wrm_cli.lesen.meldung import Gelesen
from wrm_cli.pruefung.validierung import pruefen
from wrm_cli.vorlage import (
    eingabezellen,
    vorlage_erstellen,
)

KONTAKTE = tuple(KONTAKT_LABELS)


def _vorlage_bytes() -> bytes:
    puffer = io.BytesIO()
    vorlage_erstellen(standard_einstellungen().bezirk, "Bad Essen").save(puffer)
    return puffer.getvalue()


VORLAGE = _vorlage_bytes()  # built once: hypothesis fills copies of it


def neue_mappe() -> Any:
    return openpyxl.load_workbook(io.BytesIO(VORLAGE))


def speichern(mappe: Any, pfad: Path) -> Path:
    mappe.save(pfad)
    return pfad


def zeilen_einfuegen(mappe: Any, vor_zeile: int, anzahl: int) -> None:
    """Insert rows on "Meldung" the way Excel and LibreOffice do: the defined names move too
    (openpyxl's insert_rows moves only the cells)."""
    mappe[BLATT_MELDUNG].insert_rows(vor_zeile, anzahl)
    for name in mappe.defined_names.values():
        treffer = re.fullmatch(r"'?(.+?)'?!\$([A-Z]+)\$(\d+)", name.attr_text)
        assert treffer, name.attr_text
        blatt, spalte, zeile = treffer.group(1), treffer.group(2), int(treffer.group(3))
        if blatt == BLATT_MELDUNG and zeile >= vor_zeile:
            name.attr_text = f"'{blatt}'!${spalte}${zeile + anzahl}"


def gelesen_ohne_fehler(pfad: Path) -> Gelesen:
    gelesen = datei_lesen(pfad)
    assert [b.text for b in gelesen.befunde if b.stufe == "fehler"] == []
    assert len(gelesen.meldungen) == 1
    return gelesen


def verstanden(gelesen: Gelesen, bezirk: Bezirk) -> dict[str, object]:
    """The values after the schema: what the evaluation would use."""
    geprueft = pruefen(gelesen.meldungen, bezirk, dt.date(2099, 12, 31))
    assert geprueft.befunde == []
    zeile = geprueft.gueltig.iloc[0].to_dict()
    return {
        key: (None if zeile[key] is None or zeile[key] != zeile[key] else zeile[key])
        for key in (STAND, *FELD)
    }


# Valid input for every field, as a clerk types it into Excel.
zahl = st.integers(min_value=0, max_value=10**7)
eingaben = st.fixed_dictionaries(
    {
        STAND: st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)),
        **{
            feld.key: st.none()
            | (
                st.sampled_from(feld.auswahl)
                if feld.art == "auswahl"
                else st.integers(min_value=-(10**6), max_value=10**7)
                if feld.minimum is None
                else zahl
            )
            for feld in FELDER
        },
        **{
            key: st.none()
            | st.text(
                st.characters(codec="utf-8", categories=["L", "N", "Zs", "Pd", "Po"]),
                min_size=1,
                max_size=40,
            ).filter(lambda text: text.strip() == text and not text.startswith(("=", "-")))
            for key in KONTAKTE
        },
    }
)


def _erwartet(werte: Mapping[str, object]) -> dict[str, object]:
    return {
        key: (float(wert) if isinstance(wert, int) else wert)
        for key, wert in werte.items()
        if key not in KONTAKTE
    }


@pytest.mark.parametrize("eingefuegt", [0, 4], ids=["wie-erstellt", "zeilen-eingefuegt"])
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(werte=eingaben)
def test_ausfuellen_und_lesen_ergibt_dieselben_werte(
    werte: dict[str, object], eingefuegt: int, tmp_path: Path, bezirk: Bezirk
) -> None:
    mappe = neue_mappe()
    if eingefuegt:
        zeilen_einfuegen(mappe, 3, eingefuegt)  # above the header block and the form
    vorlage_ausfuellen(mappe, {k: w for k, w in werte.items() if w is not None})
    gelesen = gelesen_ohne_fehler(speichern(mappe, tmp_path / "meldung.xlsx"))

    assert verstanden(gelesen, bezirk) == _erwartet(werte)
    meldung = gelesen.meldungen[0]
    assert meldung.roh(KOMMUNE) == "Bad Essen"
    for key in KONTAKTE:
        assert (meldung.roh(key) or None) == werte[key]
    for key, zelle in eingabezellen().items():
        spalte, zeile = zelle[0], int(zelle[1:])
        assert meldung.zelle(key) == f"{spalte}{zeile + eingefuegt}"
    assert gelesen.befunde == []


def test_ohne_namen_werden_die_felder_ueber_die_bezeichnungen_gefunden(
    tmp_path: Path, bezirk: Bezirk
) -> None:
    """Copy-paste of the form into a fresh workbook, a few rows lower: no defined names."""
    vorlage = neue_mappe()
    vorlage_ausfuellen(vorlage, {STAND: dt.date(2016, 3, 16), "zuweisungen": 69, "ankuenfte": 0})
    kopie = openpyxl.Workbook()
    ziel = kopie.active
    for zeile in vorlage[BLATT_MELDUNG].iter_rows():
        for zelle in zeile:
            ziel.cell(zelle.row + 2, zelle.column, zelle.value)
    gelesen = gelesen_ohne_fehler(speichern(kopie, tmp_path / "kopie.xlsx"))

    assert [b.text for b in gelesen.befunde] == [
        "kopie.xlsx: Die Datei enthält die Namen der Vorlage nicht (z. B. nach Kopieren in "
        "eine neue Datei); die Werte wurden über die Feldbezeichnungen gefunden. Bitte künftig "
        "die Originalvorlage verwenden."
    ]
    meldung = gelesen.meldungen[0]
    assert meldung.zelle("zuweisungen") == "C14"
    assert meldung.zelle(STAND) == "C8"
    werte = verstanden(gelesen, bezirk)
    assert (werte[STAND], werte["zuweisungen"], werte["ankuenfte"]) == (
        dt.date(2016, 3, 16),
        69,
        0,
    )


def test_fehlende_einzelne_namen_werden_ergaenzt(tmp_path: Path) -> None:
    mappe = neue_mappe()
    del mappe.defined_names["verfuegbar_gu"]
    vorlage_ausfuellen(mappe, {STAND: dt.date(2016, 3, 16)})
    mappe[BLATT_MELDUNG]["C19"] = 7
    gelesen = gelesen_ohne_fehler(speichern(mappe, tmp_path / "m.xlsx"))
    assert gelesen.meldungen[0].werte["verfuegbar_gu"].wert == 7
    assert [b.meldung for b in gelesen.befunde] == [
        "In der Vorlage fehlen die Namen für (8) verfügbar in Gemeinschaftsunterkünften; diese "
        "Felder wurden über ihre Bezeichnung gefunden. Bitte künftig die Originalvorlage "
        "verwenden."
    ]


def test_nummer_ohne_erkennbare_bezeichnung(tmp_path: Path) -> None:
    """A clerk shortened a label: the number "(8)" still finds the value two cells right."""
    mappe = neue_mappe()
    del mappe.defined_names["verfuegbar_gu"]
    blatt = mappe[BLATT_MELDUNG]
    blatt["B19"], blatt["C19"] = "frei GU", 3
    gelesen = gelesen_ohne_fehler(speichern(mappe, tmp_path / "m.xlsx"))
    assert gelesen.meldungen[0].werte["verfuegbar_gu"].wert == 3


def test_feld_weder_mit_namen_noch_bezeichnung(tmp_path: Path) -> None:
    mappe = neue_mappe()
    del mappe.defined_names["verfuegbar_gu"]
    blatt = mappe[BLATT_MELDUNG]
    blatt["A19"], blatt["B19"] = None, "frei GU"
    gelesen = datei_lesen(speichern(mappe, tmp_path / "m.xlsx"))
    assert gelesen.meldungen == []
    assert [b.text for b in gelesen.befunde] == [
        "m.xlsx (8) verfügbar in Gemeinschaftsunterkünften: Das Feld (8) verfügbar in "
        "Gemeinschaftsunterkünften ist in der Datei nicht zu finden – bitte die "
        "Originalvorlage verwenden (wrm vorlage)."
    ]


def test_zwei_formulare_ohne_namen_sind_ein_fehler(tmp_path: Path) -> None:
    vorlage = neue_mappe()
    kopie = openpyxl.Workbook()
    for titel in ("Januar", "Februar"):
        blatt = kopie.create_sheet(titel)
        for zeile in vorlage[BLATT_MELDUNG].iter_rows():
            for zelle in zeile:
                blatt.cell(zelle.row, zelle.column, zelle.value)
    gelesen = datei_lesen(speichern(kopie, tmp_path / "zwei.xlsx"))
    assert gelesen.meldungen == []
    assert [b.meldung for b in gelesen.befunde] == [
        "Mehrere Blätter sehen wie das Meldeformular aus („Januar“, „Februar“) – bitte nur "
        "ein ausgefülltes Blatt senden."
    ]


def test_formel_ohne_gespeichertes_ergebnis(tmp_path: Path) -> None:
    """openpyxl (and other programs) store formulas without calculating them."""
    mappe = neue_mappe()
    vorlage_ausfuellen(mappe, {STAND: "16.03.2016", "zuweisungen": 20, "ankuenfte": "=C12-2"})
    gelesen = datei_lesen(speichern(mappe, tmp_path / "formel.xlsx"))
    geprueft = pruefen(gelesen.meldungen, standard_einstellungen().bezirk, STICHTAG_2016)
    assert [b.text for b in geprueft.befunde] == [
        "formel.xlsx, Zelle C13 (2) davon Ankünfte vor Ort: Die Zelle enthält eine Formel ohne "
        "berechnetes Ergebnis – Datei bitte in Excel/LibreOffice öffnen und speichern."
    ]


@pytest.mark.parametrize(
    ("version", "erwartet"),
    [
        ("1", []),
        ("2", []),
        (
            "0",
            [
                "Die Datei beruht auf einer älteren Vorlage (Version 0, aktuell 2) – bitte für "
                "die nächste Meldung die neue Vorlage verwenden."
            ],
        ),
        (
            "7",
            [
                "Die Vorlage ist neuer (Version 7) als dieses wrm (Version 2) – bitte wrm "
                "aktualisieren."
            ],
        ),
    ],
)
def test_vorlagenversion(tmp_path: Path, version: str, erwartet: list[str]) -> None:
    mappe = neue_mappe()
    mappe[BLATT_VERSION]["A2"] = version
    gelesen = datei_lesen(speichern(mappe, tmp_path / "v.xlsx"))
    assert [b.meldung for b in gelesen.befunde] == erwartet


def test_tabellenformat_bleibt_tabellenformat(tmp_path: Path) -> None:
    """A sheet with a header row of keys is read as a table, one Meldung per row."""
    mappe = openpyxl.Workbook()
    blatt = mappe.active
    blatt.append(list(ALLE_SCHLUESSEL))
    blatt.append(["Belm", "16.03.2016", *range(len(FELD) - 1), "kritisch"])
    gelesen = datei_lesen(speichern(mappe, tmp_path / "t.xlsx"))
    assert [m.zeile for m in gelesen.meldungen] == [2]
    assert not gelesen.meldungen[0].formular


# Saved by LibreOffice Calc 7.4 itself (tests/daten/vorlagen_libreoffice.py), from
# beispiele/eingang/Meldung_Melle.xlsx: re-saved, with 3 rows inserted above the form,
# with formulas, and with the sheet renamed.
LIBREOFFICE = DATEN / "vorlagen"
MELLE = {
    STAND: dt.date(2016, 3, 16),
    "zuweisungen": 142,
    "ankuenfte": 110,
    "keine_anrechnung": 0,
    "moegliche_anrechnung": None,
    "zu_erfuellen": 196,
    "untergebracht_gu": 62,
    "untergebracht_dezentral": 80,
    "verfuegbar_gu": 16,
    "verfuegbar_dezentral": 14,
    "in_aussicht_gu": 227,
    "in_aussicht_dezentral": 113,
    "einschaetzung": "ausreichend",
}


@pytest.mark.parametrize(
    ("datei", "versatz"),
    [
        ("melle_lo.xlsx", 0),
        ("melle_lo.xls", 0),
        ("melle_lo.ods", 0),
        ("melle_zeilen.xlsx", 3),
        ("melle_zeilen.xls", 3),
        ("melle_zeilen.ods", 3),
    ],
)
def test_von_libreoffice_gespeichert(datei: str, versatz: int, bezirk: Bezirk) -> None:
    gelesen = gelesen_ohne_fehler(LIBREOFFICE / datei)
    assert gelesen.befunde == []
    assert verstanden(gelesen, bezirk) == MELLE
    meldung = gelesen.meldungen[0]
    assert meldung.roh(KOMMUNE) == "Melle"
    assert meldung.zelle("zuweisungen") == f"C{12 + versatz}"
    assert meldung.zelle("einschaetzung") == f"C{23 + versatz}"
    assert meldung.quelle == datei


def test_libreoffice_formeln_mit_ergebnis_und_fehlerwert(bezirk: Bezirk) -> None:
    gelesen = datei_lesen(LIBREOFFICE / "melle_formeln.xlsx")
    meldung = gelesen.meldungen[0]
    assert meldung.roh("ankuenfte") == 142  # =C12-0: the stored result counts
    geprueft = pruefen(gelesen.meldungen, bezirk, STICHTAG_2016)
    assert [b.text for b in geprueft.befunde] == [
        "melle_formeln.xlsx, Zelle C19 (8) verfügbar in Gemeinschaftsunterkünften: Die Formel "
        "ergibt den Fehlerwert #DIV/0! – bitte die Formel korrigieren oder die Zahl direkt "
        "eintragen."
    ]


def test_umbenanntes_blatt_wird_ueber_die_namen_gefunden(bezirk: Bezirk) -> None:
    gelesen = gelesen_ohne_fehler(LIBREOFFICE / "melle_umbenannt.xlsx")
    assert verstanden(gelesen, bezirk) == MELLE
    assert gelesen.meldungen[0].quelle == "melle_umbenannt.xlsx [Tabelle1]"
