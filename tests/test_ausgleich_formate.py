"""Markdown, CSV and JSON of ``wrm ausgleich`` read back with real parsers (tables,
``csv`` with ';' and utf-8-sig, ``json``): the same figures as the text, which
test_ausgleich_ausgabe.py checks against the published table and the coordinates."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from ausgleichhilfen import NORD, STICHTAG, SUED, grosskreis, km_de, lage_2016, probebezirk
from conftest import wrm
from test_ausgleich_ausgabe import (
    BILANZ_2016,
    BRAMSCHE,
    EINGANG,
    KRITISCH,
    SCHLUSS,
    VORSCHLAG_2016,
    _ausgleich,
    _bilanz,
    _vorschlag,
)

from wrm_cli.ausgleichsergebnis import (
    JsonAusgleichsbericht,
    JsonAusgleichskommune,
    JsonAusgleichssumme,
    JsonVorschlag,
)
from wrm_cli.befunde import JsonBefund

# --- Markdown -------------------------------------------------------------------------


def _md_tabellen(text: str) -> list[list[list[str]]]:
    """Every Markdown table: its rows as lists of cells (header and rule included)."""
    tabellen: list[list[list[str]]] = []
    offen = False
    for zeile in text.splitlines():
        if zeile.startswith("|"):
            assert zeile.endswith(" |"), zeile
            zellen = [zelle.strip() for zelle in zeile[1:-1].split(" | ")]
            if not offen:
                tabellen.append([])
            tabellen[-1].append(zellen)
            offen = True
        else:
            offen = False
    return tabellen


def test_markdown_tabellen() -> None:
    text = _ausgleich("-f", "markdown")
    assert text.startswith("## Wohnraummanagement Landkreis Osnabrück – Ausgleichsvorschlag\n")
    vorschlag, bilanz = _md_tabellen(text)
    for tabelle in (vorschlag, bilanz):
        assert len({len(zeile) for zeile in tabelle}) == 1  # every row the same cells
        assert all(re.fullmatch(r"-{3}:?", zelle) for zelle in tabelle[1])
    assert vorschlag[0] == ["Zuweisungskommune", "aufnehmende Kommune", "Personen", "km"]
    zeilen = [
        f"{a} → {b}: {p} {'Person' if p == '1' else 'Personen'} ({km} km)"
        for a, b, p, km in vorschlag[2:]
    ]
    assert zeilen == VORSCHLAG_2016
    assert bilanz[0] == ["Kommune", "Bedarf", "gedeckt", "ungedeckt", "Angebot", "vergeben"]
    erwartet = _bilanz([*BILANZ_2016, ""])
    del erwartet["Summe"]
    assert {z[0]: [int(w) for w in z[1:]] for z in bilanz[2:-1]} == erwartet
    assert bilanz[-1] == ["**Summe**", "**134**", "**134**", "**0**", "**428**", "**134**"]
    assert "\nPersonenkilometer: 1.565,5\n" in text
    assert f"\n{KRITISCH}\n" in text and f"\n{BRAMSCHE}\n" in text
    assert "\n" + " ".join(SCHLUSS) + "\n" in text
    assert "\n### Hinweise und Fehler\n" in text


# --- CSV ------------------------------------------------------------------------------


def _csv(*optionen: str, eingang: Path = EINGANG) -> list[list[str]]:
    lauf = wrm("ausgleich", eingang, "--stichtag", STICHTAG, "-f", "csv", *optionen)
    assert lauf.returncode == 0, lauf.stderr
    assert lauf.stdout.startswith("\ufeff")
    text = lauf.stdout.encode("utf-8").decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_csv_dieselben_zahlen_wie_der_text() -> None:
    zeilen = _csv()
    assert zeilen[0] == ["Zuweisungskommune", "aufnehmende Kommune", "Personen", "km"]
    leer = zeilen.index([])
    vorschlag = zeilen[1:leer]
    assert [f"{a} → {b}: {p}" for a, b, p, _ in vorschlag] == [
        zeile.split(" Person")[0] for zeile in VORSCHLAG_2016
    ]
    lage = lage_2016()
    for von, nach, personen, km in vorschlag:
        assert personen.isdigit()  # a plain whole number
        assert km == km_de(grosskreis(lage[von], lage[nach]))  # a decimal comma
    ende = zeilen.index([], leer + 1)
    bilanz = zeilen[leer + 1 : ende]
    assert bilanz[0] == ["Kommune", "Bedarf", "gedeckt", "ungedeckt", "Angebot", "vergeben"]
    erwartet = _bilanz([*BILANZ_2016, ""])
    assert {z[0]: [int(w) for w in z[1:]] for z in bilanz[1:-1]} == erwartet
    assert bilanz[-1] == ["Personenkilometer", "1565,5"]
    rest = zeilen[ende + 1 :]
    assert rest[:7] == [
        ["Stichtag", "16.03.2016"],
        ["Stand der Daten", "16.03.2016"],
        ["Grundlage", "alle Plätze (8)–(11)"],
        ["Reserve", "10 % der Plätze"],
        ["„kritisch“", "Kommunen, die ihre Lage „kritisch“ nennen, geben keine Plätze ab"],
        ["Entfernungsgrenze", "ohne Entfernungsgrenze"],
        ["Entfernungen", "Luftlinie (Großkreis)"],
    ]
    assert rest[7:10] == [[KRITISCH], [BRAMSCHE], [" ".join(SCHLUSS)]]
    assert rest[11] == ["Stufe", "Datei", "Zelle", "Feld", "Meldung"]
    assert len(rest[12:]) == 6  # the six Hinweise of the week


def test_csv_text_wird_nie_eine_formel(tmp_path: Path) -> None:
    eingang = probebezirk(
        tmp_path, {"=Nord": (52.0, 8.0), "+Süd": (52.1, 8.0)}, {"=Nord": NORD, "+Süd": SUED}
    )
    zeilen = _csv(eingang=eingang)
    assert zeilen[1] == ["'=Nord", "'+Süd", "20", km_de(grosskreis((52.0, 8.0), (52.1, 8.0)))]
    assert zeilen[4:7] == [
        ["'=Nord", "20", "20", "0", "0", "0"],
        ["'+Süd", "0", "0", "0", "45", "20"],
        ["Summe", "20", "20", "0", "45", "20"],
    ]


def test_entfernungsdatei_wird_genannt(tmp_path: Path) -> None:
    (tmp_path / "entfernungen.csv").write_text(
        "kommune_von;kommune_nach;km\n=Nord;+Süd;14,5\n", "utf-8"
    )
    eingang = probebezirk(
        tmp_path,
        {"=Nord": (52.0, 8.0), "+Süd": (52.1, 8.0)},
        {"=Nord": NORD, "+Süd": SUED},
        '\n[ausgleich]\nentfernungen = "entfernungen.csv"\n',
    )
    zeilen = _ausgleich(eingang=eingang).splitlines()
    assert zeilen[3].endswith("Entfernungen: Straßenkilometer aus entfernungen.csv.")
    assert _vorschlag(zeilen) == ["=Nord → +Süd: 20 Personen (14,5 km Straße)"]
    assert "Personenkilometer: 290,0" in zeilen
    assert ["Entfernungen", "Straßenkilometer aus entfernungen.csv"] in _csv(eingang=eingang)


def test_kein_bedarf(tmp_path: Path) -> None:
    eingang = probebezirk(
        tmp_path, {"Nord": (52.0, 8.0), "Süd": (52.1, 8.0)}, {"Nord": SUED, "Süd": SUED}
    )
    zeilen = _ausgleich(eingang=eingang).splitlines()
    # 50 places, reserve ceil(50 × 10 / 100) = 5: each offers 45, nobody needs any.
    assert zeilen[5:16] == [
        "Kein Vorschlag: Keiner Kommune fehlt nach diesen Meldungen Wohnraum.",
        "",
        "Bilanz je Kommune (Personen):",
        "Kommune  Bedarf  gedeckt  ungedeckt  Angebot  vergeben",
        "-------  ------  -------  ---------  -------  --------",
        "Nord          0        0          0       45         0",
        "Süd           0        0          0       45         0",
        "-------  ------  -------  ---------  -------  --------",
        "Summe         0        0          0       90         0",
        "Personenkilometer: 0,0",
        "",
    ]


# --- JSON -----------------------------------------------------------------------------


def _json(*optionen: str) -> dict[str, Any]:
    daten: dict[str, Any] = json.loads(_ausgleich("-f", "json", *optionen))
    return daten


def _schluessel(typ: Any) -> list[str]:
    return list(typ.__annotations__)


@pytest.mark.parametrize("optionen", [(), ("--nur-sofort",), ("--max-km", "20")])
def test_json_vertrag(optionen: tuple[str, ...]) -> None:
    daten = _json(*optionen)
    assert list(daten) == _schluessel(JsonAusgleichsbericht)
    assert daten["stichtag"] == "2016-03-16" and daten["bezirk"] == "Landkreis Osnabrück"
    assert daten["grundlage"] == ("sofort" if "--nur-sofort" in optionen else "gesamt")
    lage = lage_2016()
    personen_km = 0.0
    for vorschlag in daten["vorschlaege"]:
        assert list(vorschlag) == _schluessel(JsonVorschlag)
        entfernung = grosskreis(
            lage[vorschlag["zuweisungskommune"]], lage[vorschlag["aufnehmende_kommune"]]
        )
        assert vorschlag["km"] == round(entfernung, 1)
        assert type(vorschlag["personen"]) is int
        personen_km += vorschlag["personen"] * entfernung
    for kommune in daten["kommunen"]:
        assert list(kommune) == _schluessel(JsonAusgleichskommune)
        assert all(type(kommune[key]) is int for key in list(kommune)[1:])
    summe = daten["summe"]
    assert list(summe) == _schluessel(JsonAusgleichssumme)
    assert summe["personen_km"] == round(personen_km, 1)
    for key in ("bedarf", "gedeckt", "ungedeckt", "angebot", "vergeben"):
        assert summe[key] == sum(kommune[key] for kommune in daten["kommunen"])
    # The Befunde exactly as wrm auswerten writes them.
    auswertung = json.loads(wrm("auswerten", EINGANG, "--stichtag", STICHTAG, "-f", "json").stdout)
    assert daten["befunde"] == auswertung["befunde"]
    assert all(list(befund) == _schluessel(JsonBefund) for befund in daten["befunde"])


def test_json_2016_zahlen() -> None:
    daten = _json()
    assert daten["vorschlaege"][0] == {
        "zuweisungskommune": "Georgsmarienhütte",
        "aufnehmende_kommune": "Hagen",
        "personen": 22,
        "km": 3.8,
    }
    assert daten["summe"] == {
        "bedarf": 134,
        "gedeckt": 134,
        "ungedeckt": 0,
        "angebot": 428,
        "vergeben": 134,
        "personen_km": 1565.5,
    }
    assert len(daten["vorschlaege"]) == len(VORSCHLAG_2016)
    assert _json("--nur-sofort")["summe"]["ungedeckt"] == 297
