"""The archive as the source of a contact: a Kommune whose file is missing this week gets
the address of its newest archived Meldung (checked like a cell's), before the one in
wrm.toml; the archive is only read."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
from conftest import wrm
from erinnernhilfen import anhaenge, bezirk_anlegen, entwurf_lesen, meldung_schreiben

VORWOCHE = dt.date(2016, 3, 9)


def test_adresse_aus_dem_archiv(tmp_path: Path) -> None:
    eingang = bezirk_anlegen(tmp_path)
    vorwoche = tmp_path / "kw10"
    vorwoche.mkdir()
    kontakt = {"ansprechpartner": "Kai Archiv", "telefon": "05901 123"}
    meldung_schreiben(vorwoche, "Fürstenau", VORWOCHE, email="kai@fuerstenau.example", **kontakt)
    meldung_schreiben(vorwoche, "Bohmte", VORWOCHE, email="a@bohmte.example; b@bohmte.example")
    meldung_schreiben(vorwoche, "Melle", VORWOCHE, email="alt@melle.example")
    archiv = tmp_path / "archiv.sqlite"
    lauf = wrm("auswerten", vorwoche, "--stichtag", "09.03.2016", "--archiv", archiv, cwd=tmp_path)
    assert lauf.returncode == 0, lauf.stderr
    meldung_schreiben(eingang, "Melle")  # this week only Melle's file came
    vorher = archiv.read_bytes()

    ergebnis = wrm("erinnern", "eingang", "--archiv", archiv, cwd=tmp_path)
    assert ergebnis.returncode == 1, ergebnis.stderr
    ordner = Path("erinnerungen") / "2016-03-16"
    assert ergebnis.stdout.splitlines() == [
        "Erinnerungen zum Stichtag 16.03.2016:",
        f"  Fürstenau (fehlt) an kai@fuerstenau.example: {ordner / 'Erinnerung_Fuerstenau.eml'}",
        "ohne Adresse: Bohmte (fehlt) – Meldung_Bohmte.xlsx (Stand 09.03.2016, im Archiv "
        "archiv.sqlite), E-Mail: „a@bohmte.example; b@bohmte.example“ ist keine einzelne "
        "gültige E-Mail-Adresse",
        "1 Entwurf geschrieben – wrm versendet nichts: bitte im E-Mail-Programm öffnen, prüfen "
        "und senden.",
    ]
    assert archiv.read_bytes() == vorher  # only read
    # The same from [archiv] datei of wrm.toml, without --archiv.
    with (tmp_path / "wrm.toml").open("a", encoding="utf-8") as datei:
        datei.write('\n[archiv]\ndatei = "archiv.sqlite"\n')
    aus_konfig = wrm("erinnern", "eingang", "--ueberschreiben", "-f", "json", cwd=tmp_path)
    assert aus_konfig.returncode == 1, aus_konfig.stderr
    daten = json.loads(aus_konfig.stdout)
    assert [(e["kommune"], e["an"]) for e in daten["entwuerfe"]] == [
        ("Fürstenau", "kai@fuerstenau.example")
    ]
    assert daten["ohne_adresse"] == ["Bohmte"]
    assert archiv.read_bytes() == vorher
    nachricht = entwurf_lesen(tmp_path / ordner / "Erinnerung_Fuerstenau.eml")
    assert [a.addr_spec for a in nachricht["To"].addresses] == ["kai@fuerstenau.example"]
    body = nachricht.get_body(("plain",))
    assert body is not None
    assert str(body.get_content()).splitlines()[0] == "Guten Tag Kai Archiv,"
    vorlage = anhaenge(nachricht)["Meldung_Fuerstenau.xlsx"].get_content()
    blatt = openpyxl.load_workbook(io.BytesIO(vorlage))["Meldung"]
    assert [blatt[z].value for z in ("C5", "C7", "C8", "C9")] == [
        "Fürstenau",
        "Kai Archiv",
        "05901 123",
        "kai@fuerstenau.example",
    ]


def test_archiv_das_es_nicht_gibt(tmp_path: Path) -> None:
    bezirk_anlegen(tmp_path)
    ergebnis = wrm("erinnern", "eingang", "--archiv", "fehlt.sqlite", cwd=tmp_path)
    assert ergebnis.returncode == 2
    assert ergebnis.stderr == "Fehler: --archiv fehlt.sqlite: diese Datei gibt es nicht.\n"
    assert not (tmp_path / "fehlt.sqlite").exists()
