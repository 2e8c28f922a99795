"""The published 2016 Auswertung, reproduced cell for cell from the published Übersicht."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from conftest import BEISPIELE, DATEN, STICHTAG_2016

from wrm_cli.ablauf import auswerten
from wrm_cli.auswertung.tabelle import ZAHLSPALTEN
from wrm_cli.konfig import Einstellungen


def veroeffentlicht() -> list[list[str]]:
    with open(DATEN / "auswertung_2016_veroeffentlicht.csv", encoding="utf-8") as datei:
        return list(csv.reader(datei, delimiter=";"))


def berechnet(pfad: Path, einstellungen: Einstellungen) -> list[list[str]]:
    bericht = auswerten([pfad], einstellungen, STICHTAG_2016)
    spalten = ["kommune", *ZAHLSPALTEN, "einschaetzung"]
    zeilen = [
        ["" if zeile[s] is None else str(zeile[s]) for s in spalten]
        for zeile in bericht.auswertung.datensaetze()
    ]
    gesamt = bericht.auswertung.gesamt
    zeilen.append(["Gesamt", *(str(gesamt[s]) for s in ZAHLSPALTEN), ""])
    return [spalten, *zeilen]


@pytest.mark.parametrize(
    "eingabe",
    [BEISPIELE / "uebersicht_2016.csv", DATEN / "uebersicht_2016.csv", BEISPIELE / "eingang"],
    ids=["beispiel-mit-stand", "veroeffentlicht-ohne-stand", "21-ausgefuellte-vorlagen"],
)
def test_veroeffentlichte_auswertung_zelle_fuer_zelle(
    eingabe: Path, einstellungen_2016: Einstellungen
) -> None:
    erwartet = veroeffentlicht()
    erwartet[0][1] = "bisherige_zuweisungen"
    assert berechnet(eingabe, einstellungen_2016) == erwartet


def test_kennzahlen_und_sonderfaelle(einstellungen_2016: Einstellungen) -> None:
    bericht = auswerten([BEISPIELE / "uebersicht_2016.csv"], einstellungen_2016, STICHTAG_2016)
    assert bericht.auswertung.kennzahlen == {
        "benoetigter_wohnraum": 716,
        "sofort_verfuegbar": 469,
        "in_aussicht": 654,
        "gesamtverfuegbarkeit": 1123,
        "fehlender_wohnraum": -407,
    }
    namen = [zeile["kommune"] for zeile in bericht.auswertung.datensaetze()]
    assert namen.index("Dissen") + 1 == namen.index("Glandorf")  # tie at 0, by name
    letzte = bericht.auswertung.datensaetze()[-1]
    assert (letzte["kommune"], letzte["fehlender_wohnraum"]) == ("Bramsche", None)
    # Summing the rows would give -395; the district figure offsets over-fulfilled quotas.
    assert sum(z["fehlender_wohnraum"] or 0 for z in bericht.auswertung.datensaetze()) == -395
    assert bericht.auswertung.gesamt["fehlender_wohnraum"] == -407


def test_beispiel_ist_sauber(einstellungen_2016: Einstellungen) -> None:
    """The bundled example: no errors, no missing Kommune, only the signals the published
    data show (Fachkonzept): housed far from arrivals, self-assessment contradictions."""
    bericht = auswerten([BEISPIELE / "uebersicht_2016.csv"], einstellungen_2016, STICHTAG_2016)
    assert not bericht.hat_fehler
    assert bericht.fehlende_kommunen == []
    assert [b.text for b in bericht.befunde] == [
        "uebersicht_2016.csv, Zelle H3 (6) in Gemeinschaftsunterkünften: Bad Essen: 69 Personen "
        "untergebracht (6) + (7), aber 0 Ankünfte (2) – bitte prüfen.",
        "uebersicht_2016.csv, Zelle H10 (6) in Gemeinschaftsunterkünften: Bohmte: 82 Personen "
        "untergebracht (6) + (7), aber keine Ankünfte (2) angegeben – bitte prüfen.",
        "uebersicht_2016.csv, Zelle H19 (6) in Gemeinschaftsunterkünften: Melle: 142 Personen "
        "untergebracht (6) + (7), aber 110 Ankünfte (2) – bitte prüfen.",
        "uebersicht_2016.csv, Zelle N6 (12) Einschätzung der Lage: Bad Rothenfelde schätzt die "
        "Lage als „kritisch“ ein, hat aber 7 Plätze mehr als benötigt.",
        "uebersicht_2016.csv, Zelle N5 (12) Einschätzung der Lage: Bad Laer schätzt die Lage als "
        "„ausreichend“ ein, es fehlt aber Wohnraum für 21 Personen.",
    ]


def test_beispielordner_enthaelt_nur_die_uebersicht(
    tmp_path: Path, einstellungen_2016: Einstellungen
) -> None:
    """`wrm auswerten beispiele/` reads the table and ignores wrm.toml."""
    ordner = tmp_path / "beispiele"
    shutil.copytree(BEISPIELE, ordner)
    bericht = auswerten([ordner], einstellungen_2016, STICHTAG_2016)
    assert [p.name for p in bericht.gelesene_dateien] == ["uebersicht_2016.csv"]
    assert berechnet(ordner / "uebersicht_2016.csv", einstellungen_2016)[1][0] == "Melle"
