"""The comparison in ``wrm auswerten --format json`` and the JSON of ``wrm verlauf``,
against figures worked out by hand.

A real archive of the three example weeks is built with the command line, as the task
force would (beispiele/verlauf/LIESMICH.txt). Every expected value comes from the runs of
the same weeks WITHOUT the archive (``--ohne-archiv``: subtract the rows Kommune by
Kommune) or from the files themselves (read with openpyxl) – never from the code that
computes the comparison.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from archivhilfen import KENNZAHLEN, ZAHLEN
from conftest import BEISPIELE, wrm
from openpyxl import load_workbook

from wrm_cli.konfig import Einstellungen

# Folder, Stichtag as typed (None: the one of beispiele/wrm.toml), Stichtag.
WOCHEN: list[tuple[str, str | None, str]] = [
    ("verlauf/kw09", "02.03.2016", "2016-03-02"),
    ("verlauf/kw10", "09.03.2016", "2016-03-09"),
    ("eingang", None, "2016-03-16"),
]

Dokument = dict[str, Any]


def _json(*argumente: str | Path) -> Dokument:
    lauf = wrm(*argumente, "--format", "json")
    assert lauf.returncode == 0, lauf.stderr
    daten: Dokument = json.loads(lauf.stdout)
    return daten


def _auswerten(ordner: str, stichtag: str | None, *optionen: str | Path) -> Dokument:
    tag = ("--stichtag", stichtag) if stichtag else ()
    return _json("auswerten", BEISPIELE / ordner, *tag, *optionen)


@pytest.fixture(scope="module")
def ohne_archiv() -> list[Dokument]:
    """The three weeks evaluated on their own: the figures every expectation starts from."""
    return [_auswerten(ordner, stichtag, "--ohne-archiv") for ordner, stichtag, _ in WOCHEN]


@pytest.fixture(scope="module")
def archiv(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Dokument]]:
    """The archive after the three weeks, and the report of each run as it was written."""
    pfad = tmp_path_factory.mktemp("archiv") / "wrm-archiv.sqlite"
    berichte = [_auswerten(ordner, stichtag, "--archiv", pfad) for ordner, stichtag, _ in WOCHEN]
    return pfad, berichte


@pytest.fixture(scope="module")
def berichte(archiv: tuple[Path, list[Dokument]]) -> list[Dokument]:
    return archiv[1]


# --- by hand ---------------------------------------------------------------------------


def _zeilen(dokument: Dokument) -> dict[str, Dokument]:
    return {zeile["kommune"]: zeile for zeile in dokument["zeilen"]}


def _minus(jetzt: int | None, damals: int | None) -> int | None:
    return None if jetzt is None or damals is None else jetzt - damals


def _zeilenveraenderung(jetzt: Dokument, damals: Dokument | None) -> Dokument:
    if damals is None:
        return dict.fromkeys(ZAHLEN)
    return {key: _minus(jetzt[key], damals[key]) for key in ZAHLEN}


def _ohne_veraenderung(objekt: Dokument) -> Dokument:
    return {key: wert for key, wert in objekt.items() if key != "veraenderung"}


def _erwartet(jetzt: Dokument, damals: Dokument) -> Dokument:
    """What the report of ``jetzt`` compared with ``damals`` must say, worked out by hand."""
    alt = _zeilen(damals)
    neu = [z["kommune"] for z in jetzt["zeilen"] if z["kommune"] not in alt]
    weg = [name for name in alt if name not in _zeilen(jetzt)]
    return {
        "vergleich": {"stichtag": damals["stichtag"], "neu": neu, "weggefallen": weg},
        "zeilen": {
            zeile["kommune"]: _zeilenveraenderung(zeile, alt.get(zeile["kommune"]))
            for zeile in jetzt["zeilen"]
        },
        "gesamt": {key: jetzt["gesamt"][key] - damals["gesamt"][key] for key in ZAHLEN},
        "kennzahlen": {
            key: jetzt["kennzahlen"][key] - damals["kennzahlen"][key] for key in KENNZAHLEN
        },
    }


def _gesagt(bericht: Dokument) -> Dokument:
    """The comparison as the report states it, in the shape of ``_erwartet``."""
    return {
        "vergleich": bericht["vergleich"],
        "zeilen": {zeile["kommune"]: zeile["veraenderung"] for zeile in bericht["zeilen"]},
        "gesamt": bericht["gesamt"]["veraenderung"],
        "kennzahlen": bericht["kennzahlen"]["veraenderung"],
    }


def _untergebracht(ordner: str) -> tuple[int, int]:
    """Σ(6) and Σ(7) of a folder's files, read straight from their cells."""
    summe_gu = summe_dezentral = 0
    for datei in sorted((BEISPIELE / ordner).glob("*.xlsx")):
        mappe = load_workbook(datei, data_only=True)
        werte = []
        for name in ("untergebracht_gu", "untergebracht_dezentral"):
            ((blatt, zelle),) = mappe.defined_names[name].destinations
            werte.append(mappe[blatt][zelle.replace("$", "")].value or 0)
        summe_gu += werte[0]
        summe_dezentral += werte[1]
    return summe_gu, summe_dezentral


# --- wrm auswerten ----------------------------------------------------------------------


def test_erster_lauf_hat_keinen_vergleich(berichte: list[Dokument]) -> None:
    erster = berichte[0]
    assert erster["vergleich"] is None
    assert [zeile["veraenderung"] for zeile in erster["zeilen"]] == [None] * 20
    assert erster["gesamt"]["veraenderung"] is None
    assert erster["kennzahlen"]["veraenderung"] is None


@pytest.mark.parametrize("woche", [0, 1, 2])
def test_das_archiv_aendert_keine_zahl(
    berichte: list[Dokument], ohne_archiv: list[Dokument], woche: int
) -> None:
    """With the archive, every figure of the report is what it is without it."""
    mit, ohne = berichte[woche], ohne_archiv[woche]
    assert [_ohne_veraenderung(z) for z in mit["zeilen"]] == [
        _ohne_veraenderung(z) for z in ohne["zeilen"]
    ]
    assert _ohne_veraenderung(mit["gesamt"]) == _ohne_veraenderung(ohne["gesamt"])
    assert _ohne_veraenderung(mit["kennzahlen"]) == _ohne_veraenderung(ohne["kennzahlen"])
    # Without the archive: no comparison, whatever the folder.
    assert ohne["vergleich"] is None
    assert {z["veraenderung"] is None for z in ohne["zeilen"]} == {True}


@pytest.mark.parametrize("woche", [1, 2])
def test_veraenderung_jeder_zeile_gegen_die_vorwoche(
    berichte: list[Dokument], ohne_archiv: list[Dokument], woche: int
) -> None:
    erwartet = _erwartet(ohne_archiv[woche], ohne_archiv[woche - 1])
    assert _gesagt(berichte[woche]) == erwartet
    assert berichte[woche]["vergleich"]["stichtag"] == WOCHEN[woche - 1][2]


def test_die_null_faelle_und_bekannte_werte(berichte: list[Dokument]) -> None:
    kw10, kw11 = berichte[1], berichte[2]
    # kw10: Bad Laer reports for the first time, Hagen does not report.
    assert kw10["vergleich"] == {
        "stichtag": "2016-03-02",
        "neu": ["Bad Laer"],
        "weggefallen": ["Hagen"],
    }
    assert _zeilen(kw10)["Bad Laer"]["veraenderung"] == dict.fromkeys(ZAHLEN)
    # 16.03.: Hagen had no row on 09.03. – every change null.
    assert kw11["vergleich"] == {"stichtag": "2016-03-09", "neu": ["Hagen"], "weggefallen": []}
    assert _zeilen(kw11)["Hagen"]["veraenderung"] == dict.fromkeys(ZAHLEN)
    # Bramsche: (8) to (11) blank in both weeks, so fehlender Wohnraum is blank and its
    # change null, while (1) and (5) (0 both times) changed by 0.
    bramsche = _zeilen(kw11)["Bramsche"]
    assert bramsche["fehlender_wohnraum"] is None
    assert bramsche["veraenderung"]["fehlender_wohnraum"] is None
    assert bramsche["veraenderung"]["verfuegbar_gu"] is None
    assert bramsche["veraenderung"]["bisherige_zuweisungen"] == 0
    assert bramsche["veraenderung"]["zu_erfuellen"] == 0
    # Bersenbrück: (8) blank, the rest filled.
    bersenbrueck = _zeilen(kw11)["Bersenbrück"]["veraenderung"]
    assert bersenbrueck["verfuegbar_gu"] is None
    assert bersenbrueck["fehlender_wohnraum"] == -30 - -27
    # Melle: −174 on 16.03., −145 on 09.03.
    assert _zeilen(kw11)["Melle"]["veraenderung"]["fehlender_wohnraum"] == -29
    # The district: −361, −228, −407.
    assert kw10["kennzahlen"]["veraenderung"]["fehlender_wohnraum"] == -228 - -361
    assert kw11["kennzahlen"]["veraenderung"]["fehlender_wohnraum"] == -407 - -228
    assert kw11["gesamt"]["veraenderung"]["fehlender_wohnraum"] == -179


def test_vergleich_mit_einem_gewaehlten_stichtag(
    archiv: tuple[Path, list[Dokument]], ohne_archiv: list[Dokument], tmp_path: Path
) -> None:
    """--vergleich 02.03.2016 compares the 16.03. with kw09 instead of kw10: in a new run
    (on a copy of the archive) and in the repetition of the stored one."""
    kopie = tmp_path / "wrm-archiv.sqlite"
    shutil.copy(archiv[0], kopie)
    erwartet = _erwartet(ohne_archiv[2], ohne_archiv[0])
    assert erwartet["vergleich"] == {
        "stichtag": "2016-03-02",
        "neu": ["Bad Laer"],
        "weggefallen": [],
    }
    neuer_lauf = _auswerten("eingang", None, "--archiv", kopie, "--vergleich", "02.03.2016")
    assert _gesagt(neuer_lauf) == erwartet
    assert _zeilen(neuer_lauf)["Hagen"]["veraenderung"]["fehlender_wohnraum"] == -33 - -30
    assert neuer_lauf["kennzahlen"]["veraenderung"]["fehlender_wohnraum"] == -407 - -361
    wiederholt = _json(
        "auswerten", "--archiv", archiv[0], "--stichtag", "16.03.2016", "--vergleich", "02.03.2016"
    )
    assert _gesagt(wiederholt) == erwartet


# --- wrm verlauf ------------------------------------------------------------------------


def test_verlauf_des_landkreises(
    archiv: tuple[Path, list[Dokument]], ohne_archiv: list[Dokument]
) -> None:
    verlauf = _json("verlauf", "--archiv", archiv[0])
    assert verlauf["bezirk"] == "Landkreis Osnabrück"
    punkte = verlauf["laeufe"]
    assert [p["stichtag"] for p in punkte] == [stichtag for _, _, stichtag in WOCHEN]
    assert [p["kennzahlen"]["fehlender_wohnraum"] for p in punkte] == [-361, -228, -407]
    assert [p["veraenderung_fehlender_wohnraum"] for p in punkte] == [None, 133, -179]
    for punkt, woche, (ordner, _, _) in zip(punkte, ohne_archiv, WOCHEN, strict=True):
        assert punkt["meldende_kommunen"] == woche["meldende_kommunen"] == len(woche["zeilen"])
        assert punkt["gesamt"] == _ohne_veraenderung(woche["gesamt"])
        assert punkt["kennzahlen"] == _ohne_veraenderung(woche["kennzahlen"])
        kritisch = sum(zeile["einschaetzung"] == "kritisch" for zeile in woche["zeilen"])
        assert punkt["kritisch"] == kritisch
        gu, dezentral = _untergebracht(ordner)
        assert punkt["anteil_dezentral"] == pytest.approx(dezentral / (gu + dezentral))
    assert [p["kritisch"] for p in punkte] == [3, 4, 3]


@pytest.mark.parametrize("kommune", ["Hagen", "Melle", "Bramsche", "Bad Laer"])
def test_verlauf_einer_kommune(
    archiv: tuple[Path, list[Dokument]], ohne_archiv: list[Dokument], kommune: str
) -> None:
    verlauf = _json("verlauf", "--archiv", archiv[0], "--kommune", kommune)
    assert (verlauf["bezirk"], verlauf["kommune"]) == ("Landkreis Osnabrück", kommune)
    erwartet = []
    vorher: int | None = None
    for woche, (_, _, stichtag) in zip(ohne_archiv, WOCHEN, strict=True):
        zeile = _zeilen(woche).get(kommune)
        jetzt = zeile["fehlender_wohnraum"] if zeile else None
        erwartet.append(
            {
                "stichtag": stichtag,
                "status": "aktuell" if zeile else "fehlt",
                "stand": zeile["stand"] if zeile else None,
                "zeile": _ohne_veraenderung(zeile) if zeile else None,
                "veraenderung_fehlender_wohnraum": _minus(jetzt, vorher),
            }
        )
        vorher = jetzt
    assert verlauf["laeufe"] == erwartet
    if kommune == "Hagen":  # no Meldung on 09.03.: nothing to compare the 16.03. with
        assert [p["status"] for p in verlauf["laeufe"]] == ["aktuell", "fehlt", "aktuell"]
        assert verlauf["laeufe"][1]["zeile"] is None
        assert [p["veraenderung_fehlender_wohnraum"] for p in verlauf["laeufe"]] == [None] * 3


def test_meldeverhalten(
    archiv: tuple[Path, list[Dokument]],
    ohne_archiv: list[Dokument],
    einstellungen_2016: Einstellungen,
) -> None:
    verlauf = _json("verlauf", "--archiv", archiv[0], "--meldungen")
    assert verlauf["bezirk"] == "Landkreis Osnabrück"
    assert verlauf["stichtage"] == [stichtag for _, _, stichtag in WOCHEN]
    namen = einstellungen_2016.bezirk.kommunennamen
    assert [k["kommune"] for k in verlauf["kommunen"]] == list(namen)
    erwartet = {}
    for name in namen:
        zeilen = [_zeilen(woche).get(name) for woche in ohne_archiv]
        for woche, zeile in zip(ohne_archiv, zeilen, strict=True):
            assert (zeile is None) == (name in woche["fehlende_kommunen"])
        laengste = strecke = kritisch = 0
        for zeile in zeilen:
            strecke = 0 if zeile else strecke + 1
            laengste = max(laengste, strecke)
        for zeile in reversed(zeilen):
            if zeile is None or zeile["einschaetzung"] != "kritisch":
                break
            kritisch += 1
        staende = [dt.date.fromisoformat(zeile["stand"]) for zeile in zeilen if zeile]
        erwartet[name] = {
            "kommune": name,
            "laeufe": 3,
            "aktuell": len(staende),  # each week's Stand is its Stichtag
            "veraltet": 0,
            "ohne_stand": 0,
            "fehlt": zeilen.count(None),
            "ungueltig": 0,
            "ohne_aktuelle_meldung_max": laengste,
            "kritisch_in_folge": kritisch,
            "letzter_stand": max(staende).isoformat() if staende else None,
        }
    je_kommune = {k["kommune"]: k for k in verlauf["kommunen"]}
    assert je_kommune == erwartet
    assert (je_kommune["Hagen"]["fehlt"], je_kommune["Bad Laer"]["fehlt"]) == (1, 1)
    assert je_kommune["Georgsmarienhütte"]["kritisch_in_folge"] == 2
    assert je_kommune["Bad Iburg"]["kritisch_in_folge"] == 3
    assert sum(k["fehlt"] for k in je_kommune.values()) == 2


def test_verlauf_einer_kommune_unter_ihrem_alias(archiv: tuple[Path, list[Dokument]]) -> None:
    """The document names the Kommune as the district does, whatever name was typed."""
    unter_alias = _json("verlauf", "--archiv", archiv[0], "--kommune", "SG Artland")
    assert unter_alias == _json("verlauf", "--archiv", archiv[0], "--kommune", "Artland")
    assert unter_alias["kommune"] == "Artland"
