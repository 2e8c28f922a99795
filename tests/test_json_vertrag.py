"""The JSON contract: output, its TypedDicts (wrm_cli.ergebnis, wrm_cli.verlaufsergebnis)
and the README tables agree.

Every object of ``wrm auswerten --format json`` (with and without a comparison run),
``wrm pruefen --format json`` and the three documents of ``wrm verlauf --format json`` has
exactly the keys of its TypedDict, all of them required, and exactly the keys the
README's tables under "JSON-Ausgabe (fester Vertrag)" list for it – so none of the three
can change without the others.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import types
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints, is_typeddict

import pytest
from conftest import BEISPIELE, PROJEKT, wrm
from erinnernhilfen import woche_anlegen

from wrm_cli.ausgleichsergebnis import (
    JsonAusgleichsbericht,
    JsonAusgleichskommune,
    JsonAusgleichssumme,
    JsonVorschlag,
)
from wrm_cli.ergebnis import (
    JsonAuswertungsbericht,
    JsonBefund,
    JsonBerichtsgesamt,
    JsonBerichtskennzahlen,
    JsonBerichtszeile,
    JsonDatei,
    JsonDateipruefung,
    JsonGesamt,
    JsonKennzahlen,
    JsonPruefbericht,
    JsonVergleich,
    JsonZeile,
    JsonZeilenveraenderung,
)
from wrm_cli.erinnerungsergebnis import JsonEntwurf, JsonErinnerungen
from wrm_cli.prognoseergebnis import (
    JsonPrognosebericht,
    JsonPrognosebezirk,
    JsonPrognosekommune,
    JsonReichweite,
    JsonSpanne,
    JsonVerteilung,
)
from wrm_cli.verlaufsergebnis import (
    JsonKommunenpunkt,
    JsonKommunenverlauf,
    JsonMeldeverhalten,
    JsonMeldungen,
    JsonVerlauf,
    JsonVerlaufspunkt,
)

# The first column of the README tables → the TypedDict of that object.
README_OBJEKTE: dict[str, type] = {
    "Auswertung (`wrm auswerten`)": JsonAuswertungsbericht,
    "`vergleich`": JsonVergleich,
    "Zeile (in `zeilen`)": JsonBerichtszeile,
    "`veraenderung` einer Zeile": JsonZeilenveraenderung,
    "`gesamt`": JsonBerichtsgesamt,
    "`kennzahlen`": JsonBerichtskennzahlen,
    "Zahlen der Gesamtzeile (`veraenderung` in `gesamt`, `gesamt` von `wrm verlauf`)": (JsonGesamt),
    "Kennzahlen (`veraenderung` in `kennzahlen`, `kennzahlen` von `wrm verlauf`)": (JsonKennzahlen),
    "Datei (in `dateien` von `wrm auswerten`)": JsonDatei,
    "Befund (in `befunde` und `ignoriert`)": JsonBefund,
    "Prüfung (`wrm pruefen`)": JsonPruefbericht,
    "geprüfte Datei (in `dateien` von `wrm pruefen`)": JsonDateipruefung,
    "Zeile (in `meldungen` von `wrm pruefen`, `zeile` von `wrm verlauf --kommune`)": JsonZeile,
    "Verlauf (`wrm verlauf`)": JsonVerlauf,
    "Stichtag (in `laeufe` von `wrm verlauf`)": JsonVerlaufspunkt,
    "Verlauf einer Kommune (`wrm verlauf --kommune`)": JsonKommunenverlauf,
    "Stichtag der Kommune (in `laeufe` von `wrm verlauf --kommune`)": JsonKommunenpunkt,
    "Meldeverhalten (`wrm verlauf --meldungen`)": JsonMeldungen,
    "Kommune (in `kommunen` von `wrm verlauf --meldungen`)": JsonMeldeverhalten,
    "Ausgleich (`wrm ausgleich`)": JsonAusgleichsbericht,
    "Vorschlag (in `vorschlaege`)": JsonVorschlag,
    "Bilanz (in `kommunen` von `wrm ausgleich`)": JsonAusgleichskommune,
    "`summe` von `wrm ausgleich`": JsonAusgleichssumme,
    "Prognose (`wrm prognose`)": JsonPrognosebericht,
    "Kommune (in `kommunen` von `wrm prognose`)": JsonPrognosekommune,
    "Landkreis (`bezirk_gesamt` von `wrm prognose`)": JsonPrognosebezirk,
    "Reichweite (`reichweite_sofort`, `reichweite_gesamt`, in `spanne` von `wrm prognose`)": (
        JsonReichweite
    ),
    "`spanne` von `wrm prognose`": JsonSpanne,
    "Monat (in `verteilung` von `wrm prognose`)": JsonVerteilung,
    "Erinnerungen (`wrm erinnern`)": JsonErinnerungen,
    "Entwurf (in `entwuerfe` von `wrm erinnern`)": JsonEntwurf,
}
DOKUMENTE = (
    JsonAuswertungsbericht,
    JsonPruefbericht,
    JsonVerlauf,
    JsonKommunenverlauf,
    JsonMeldungen,
    JsonAusgleichsbericht,
    JsonPrognosebericht,
    JsonErinnerungen,
)
# The three example weeks (folder, Stichtag) the archive of the comparison is built from.
WOCHEN = (
    ("verlauf/kw09", "02.03.2016"),
    ("verlauf/kw10", "09.03.2016"),
    ("eingang", "16.03.2016"),
)


def _schluessel(typ: Any) -> set[str]:
    """The keys of a TypedDict – after checking that each of them is required."""
    alle = set(typ.__annotations__)
    assert set(typ.__required_keys__) == alle, f"{typ.__name__}: jeder Schlüssel ist Pflicht"
    return alle


def _enthaltene(typ: Any) -> dict[str, Any]:
    """Key → TypedDict of the objects under that key (itself, or null, or as list elements)."""
    enthalten = {}
    for key, hinweis in get_type_hints(typ).items():
        if get_origin(hinweis) is types.UnionType:  # "X | None"
            (hinweis,) = (arg for arg in get_args(hinweis) if arg is not type(None))
        if get_origin(hinweis) is list:
            (hinweis,) = get_args(hinweis)
        if is_typeddict(hinweis):
            enthalten[key] = hinweis
    return enthalten


def _alle_typen() -> set[Any]:
    gefunden: set[Any] = set()
    offen: list[Any] = list(DOKUMENTE)
    while offen:
        typ = offen.pop()
        if typ not in gefunden:
            gefunden.add(typ)
            offen += _enthaltene(typ).values()
    return gefunden


def _pruefen(wert: Any, typ: Any, pfad: str, gesehen: set[Any]) -> None:
    """Compare an object of the output, and everything in it, with its TypedDict."""
    assert isinstance(wert, dict), pfad
    assert set(wert) == _schluessel(typ), f"{pfad}: Schlüssel wie {typ.__name__}"
    gesehen.add(typ)
    for key, enthalten in _enthaltene(typ).items():
        inhalt = wert[key]
        if inhalt is None:
            assert _nullbar(typ, key), f"{pfad}.{key}: null nur, wo der Typ es erlaubt"
        elif isinstance(inhalt, list):
            for nummer, element in enumerate(inhalt):
                _pruefen(element, enthalten, f"{pfad}.{key}[{nummer}]", gesehen)
        else:
            _pruefen(inhalt, enthalten, f"{pfad}.{key}", gesehen)


def _nullbar(typ: Any, key: str) -> bool:
    hinweis = get_type_hints(typ)[key]
    return get_origin(hinweis) is types.UnionType and type(None) in get_args(hinweis)


def _readme_tabelle() -> dict[str, list[str]]:
    """Object → its keys, as the README's contract tables list them."""
    readme = (PROJEKT / "README.md").read_text("utf-8")
    abschnitt = readme[readme.index("## JSON-Ausgabe (fester Vertrag)") :]
    abschnitt = abschnitt[: abschnitt.index("\n## ", 1)]
    tabelle: dict[str, list[str]] = {}
    for zeile in abschnitt.splitlines():
        if not zeile.startswith("| ") or zeile.startswith("| Objekt |"):
            continue
        objekt, schluessel, _inhalt = (zelle.strip() for zelle in zeile.strip("|").split(" | "))
        # The key column holds nothing but the keys: `a`, `b`, `c`
        assert re.fullmatch(r"`[a-z_]+`(, `[a-z_]+`)*", schluessel), zeile
        assert objekt not in tabelle, f"„{objekt}“ steht zweimal im README"
        tabelle[objekt] = re.findall(r"`([a-z_]+)`", schluessel)
    return tabelle


@pytest.fixture(scope="module")
def auswertung() -> dict[str, Any]:
    lauf = wrm("auswerten", BEISPIELE / "eingang", "--format", "json")
    assert lauf.returncode == 0, lauf.stderr
    daten: dict[str, Any] = json.loads(lauf.stdout)
    assert daten["zeilen"] and daten["befunde"] and daten["dateien"]  # nothing goes unchecked
    return daten


@pytest.fixture(scope="module")
def pruefung(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    # A folder with a file wrm does not read, for an entry in ``ignoriert``.
    ordner = tmp_path_factory.mktemp("post")
    shutil.copy(BEISPIELE / "eingang" / "Meldung_Melle.xlsx", ordner)
    (ordner / "Anschreiben.pdf").write_bytes(b"%PDF-1.4\n")
    lauf = wrm(
        "pruefen",
        BEISPIELE / "eingang",
        BEISPIELE / "fehlerhaft",
        ordner,
        "--format",
        "json",
    )
    assert lauf.returncode == 1, lauf.stderr  # Meldung_Hagen.xlsx has errors
    daten: dict[str, Any] = json.loads(lauf.stdout)
    assert daten["ignoriert"]
    assert any(datei["meldungen"] for datei in daten["dateien"])
    assert any(datei["befunde"] for datei in daten["dateien"])
    return daten


@pytest.fixture(scope="module")
def archiv(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """A three-week archive of the example weeks, and the JSON of its last run (compared
    with the week before)."""
    pfad = tmp_path_factory.mktemp("archiv") / "wrm-archiv.sqlite"
    for ordner, stichtag in WOCHEN:
        lauf = wrm(
            "auswerten", BEISPIELE / ordner, "--stichtag", stichtag, "--archiv", pfad, "-f", "json"
        )
        assert lauf.returncode == 0, lauf.stderr
    daten: dict[str, Any] = json.loads(lauf.stdout)
    return pfad, daten


@pytest.fixture(scope="module")
def mit_vergleich(archiv: tuple[Path, dict[str, Any]]) -> dict[str, Any]:
    daten = archiv[1]
    assert daten["vergleich"]["neu"]  # Hagen: a row without a change, all null
    return daten


def _verlauf(archiv: Path, *optionen: str) -> dict[str, Any]:
    lauf = wrm("verlauf", "--archiv", archiv, *optionen, "-f", "json")
    assert lauf.returncode == 0, lauf.stderr
    daten: dict[str, Any] = json.loads(lauf.stdout)
    return daten


@pytest.fixture(scope="module")
def verlauf(archiv: tuple[Path, dict[str, Any]]) -> dict[str, Any]:
    return _verlauf(archiv[0])


@pytest.fixture(scope="module")
def kommunenverlauf(archiv: tuple[Path, dict[str, Any]]) -> dict[str, Any]:
    # Hagen: a row in kw09 and kw11, none in kw10 (zeile null).
    daten = _verlauf(archiv[0], "--kommune", "Hagen")
    assert {punkt["zeile"] is None for punkt in daten["laeufe"]} == {True, False}
    return daten


@pytest.fixture(scope="module")
def meldeverhalten(archiv: tuple[Path, dict[str, Any]]) -> dict[str, Any]:
    return _verlauf(archiv[0], "--meldungen")


def test_auswerten_hat_genau_die_schluessel_der_typen(auswertung: dict[str, Any]) -> None:
    gesehen: set[Any] = set()
    _pruefen(auswertung, JsonAuswertungsbericht, "auswerten", gesehen)
    assert gesehen == {
        JsonAuswertungsbericht,
        JsonBerichtszeile,
        JsonBerichtsgesamt,
        JsonBerichtskennzahlen,
        JsonBefund,
        JsonDatei,
    }
    # Without an archive there is no comparison: null, never a missing key.
    assert auswertung["vergleich"] is None
    veraenderungen = [zeile["veraenderung"] for zeile in auswertung["zeilen"]]
    assert veraenderungen == [None] * len(auswertung["zeilen"])
    assert auswertung["gesamt"]["veraenderung"] is None
    assert auswertung["kennzahlen"]["veraenderung"] is None


def test_auswerten_mit_vergleich_hat_genau_die_schluessel_der_typen(
    mit_vergleich: dict[str, Any],
) -> None:
    gesehen: set[Any] = set()
    _pruefen(mit_vergleich, JsonAuswertungsbericht, "auswerten", gesehen)
    assert gesehen == {
        JsonAuswertungsbericht,
        JsonVergleich,
        JsonBerichtszeile,
        JsonZeilenveraenderung,
        JsonBerichtsgesamt,
        JsonGesamt,
        JsonBerichtskennzahlen,
        JsonKennzahlen,
        JsonBefund,
        JsonDatei,
    }
    assert all(zeile["veraenderung"] is not None for zeile in mit_vergleich["zeilen"])


def test_verlauf_hat_genau_die_schluessel_der_typen(
    verlauf: dict[str, Any], kommunenverlauf: dict[str, Any], meldeverhalten: dict[str, Any]
) -> None:
    gesehen: set[Any] = set()
    _pruefen(verlauf, JsonVerlauf, "verlauf", gesehen)
    assert gesehen == {JsonVerlauf, JsonVerlaufspunkt, JsonGesamt, JsonKennzahlen}
    gesehen = set()
    _pruefen(kommunenverlauf, JsonKommunenverlauf, "verlauf --kommune", gesehen)
    assert gesehen == {JsonKommunenverlauf, JsonKommunenpunkt, JsonZeile}
    gesehen = set()
    _pruefen(meldeverhalten, JsonMeldungen, "verlauf --meldungen", gesehen)
    assert gesehen == {JsonMeldungen, JsonMeldeverhalten}


def test_pruefen_hat_genau_die_schluessel_der_typen(pruefung: dict[str, Any]) -> None:
    gesehen: set[Any] = set()
    _pruefen(pruefung, JsonPruefbericht, "pruefen", gesehen)
    assert gesehen == {JsonPruefbericht, JsonDateipruefung, JsonZeile, JsonBefund}


def test_readme_nennt_jedes_objekt_mit_genau_seinen_schluesseln() -> None:
    tabelle = _readme_tabelle()
    assert set(tabelle) == set(README_OBJEKTE), "Zeilen der Tabelle im README"
    assert set(README_OBJEKTE.values()) == _alle_typen(), "jeder Typ hat eine Zeile im README"
    for objekt, schluessel in tabelle.items():
        typ = README_OBJEKTE[objekt]
        assert len(schluessel) == len(set(schluessel)), objekt
        assert set(schluessel) == _schluessel(typ), f"README „{objekt}“ gegen {typ.__name__}"


def test_schluessel_in_der_reihenfolge_des_readme(
    auswertung: dict[str, Any],
    mit_vergleich: dict[str, Any],
    pruefung: dict[str, Any],
    verlauf: dict[str, Any],
    kommunenverlauf: dict[str, Any],
    meldeverhalten: dict[str, Any],
    prognose: dict[str, Any],
    erinnern: dict[str, Any],
) -> None:
    """The README lists the keys in the order the output writes them."""
    tabelle = _readme_tabelle()
    meldungen = next(datei["meldungen"] for datei in pruefung["dateien"] if datei["meldungen"])
    kommunenzeile = next(p["zeile"] for p in kommunenverlauf["laeufe"] if p["zeile"])
    beispiele = {
        JsonAuswertungsbericht: [auswertung, mit_vergleich],
        JsonVergleich: [mit_vergleich["vergleich"]],
        JsonBerichtszeile: [auswertung["zeilen"][0], mit_vergleich["zeilen"][0]],
        JsonZeilenveraenderung: [mit_vergleich["zeilen"][0]["veraenderung"]],
        JsonBerichtsgesamt: [auswertung["gesamt"], mit_vergleich["gesamt"]],
        JsonBerichtskennzahlen: [auswertung["kennzahlen"], mit_vergleich["kennzahlen"]],
        JsonGesamt: [mit_vergleich["gesamt"]["veraenderung"], verlauf["laeufe"][0]["gesamt"]],
        JsonKennzahlen: [
            mit_vergleich["kennzahlen"]["veraenderung"],
            verlauf["laeufe"][0]["kennzahlen"],
        ],
        JsonDatei: [auswertung["dateien"][0]],
        JsonBefund: [auswertung["befunde"][0]],
        JsonPruefbericht: [pruefung],
        JsonDateipruefung: [pruefung["dateien"][0]],
        JsonZeile: [meldungen[0], kommunenzeile],
        JsonVerlauf: [verlauf],
        JsonVerlaufspunkt: [verlauf["laeufe"][0]],
        JsonKommunenverlauf: [kommunenverlauf],
        JsonKommunenpunkt: [kommunenverlauf["laeufe"][0]],
        JsonMeldungen: [meldeverhalten],
        JsonMeldeverhalten: [meldeverhalten["kommunen"][0]],
    }
    beispiele |= _ausgleich_beispiele()
    beispiele |= _prognose_beispiele(prognose)
    beispiele |= _erinnern_beispiele(erinnern)
    assert set(beispiele) == set(README_OBJEKTE.values())
    for objekt, typ in README_OBJEKTE.items():
        for beispiel in beispiele[typ]:
            assert list(beispiel) == tabelle[objekt], objekt


# --- wrm ausgleich --------------------------------------------------------------------


@functools.cache
def _ausgleich(*optionen: str) -> dict[str, Any]:
    lauf = wrm(
        "ausgleich", BEISPIELE / "eingang", "--stichtag", "16.03.2016", "-f", "json", *optionen
    )
    assert lauf.returncode == 0, lauf.stderr
    daten: dict[str, Any] = json.loads(lauf.stdout)
    assert daten["vorschlaege"] and daten["kommunen"] and daten["befunde"]
    return daten


def _ausgleich_beispiele() -> dict[Any, list[dict[str, Any]]]:
    """An object of each TypedDict of ``wrm ausgleich --format json``."""
    daten, sofort = _ausgleich(), _ausgleich("--nur-sofort")
    return {
        JsonAusgleichsbericht: [daten, sofort],
        JsonVorschlag: [daten["vorschlaege"][0], sofort["vorschlaege"][0]],
        JsonAusgleichskommune: [daten["kommunen"][0], sofort["kommunen"][-1]],
        JsonAusgleichssumme: [daten["summe"], sofort["summe"]],
    }


def test_ausgleich_hat_genau_die_schluessel_der_typen_und_des_readme() -> None:
    tabelle = _readme_tabelle()
    for optionen, grundlage in (((), "gesamt"), (("--nur-sofort",), "sofort")):
        daten = _ausgleich(*optionen)
        gesehen: set[Any] = set()
        _pruefen(daten, JsonAusgleichsbericht, "ausgleich", gesehen)
        assert gesehen == {
            JsonAusgleichsbericht,
            JsonVorschlag,
            JsonAusgleichskommune,
            JsonAusgleichssumme,
            JsonBefund,
        }
        assert daten["grundlage"] == grundlage
    for objekt, typ in README_OBJEKTE.items():
        for beispiel in _ausgleich_beispiele().get(typ, []):
            assert list(beispiel) == tabelle[objekt], objekt


def test_ausgleich_beispiel_im_readme_ist_echte_ausgabe() -> None:
    """The shortened example under "wrm ausgleich --format json" is the real output."""
    readme = (PROJEKT / "README.md").read_text("utf-8")
    abschnitt = readme[readme.index("### `wrm ausgleich --format json`") :]
    block = abschnitt[abschnitt.index("```json\n") + 8 : abschnitt.index("\n```\n")]
    beispiel = json.loads(block)
    daten = _ausgleich()
    assert list(beispiel) == list(daten)
    for key in ("stichtag", "bezirk", "grundlage", "summe"):
        assert beispiel[key] == daten[key], key
    assert beispiel["vorschlaege"] == daten["vorschlaege"][:1]
    for liste in ("kommunen", "befunde"):
        assert all(eintrag in daten[liste] for eintrag in beispiel[liste]), liste


# --- wrm prognose ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def prognose(
    archiv: tuple[Path, dict[str, Any]], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """The example forecast file (with every step of the key) and a band: a copy of the
    example weeks' archive plus a fourth Stichtag (the third week once more, a week later)."""
    pfad = tmp_path_factory.mktemp("prognose") / "wrm-archiv.sqlite"
    shutil.copy(archiv[0], pfad)
    lauf = wrm("auswerten", BEISPIELE / "eingang", "--stichtag", "23.03.2016", "--archiv", pfad)
    assert lauf.returncode == 0, lauf.stderr
    lauf = wrm(
        "prognose", BEISPIELE / "eingang", "--konfig", BEISPIELE / "prognose" / "wrm.toml",
        "--stichtag", "30.03.2016", "--archiv", pfad, "-f", "json",
    )  # fmt: skip
    assert lauf.returncode == 0, lauf.stderr
    daten: dict[str, Any] = json.loads(lauf.stdout)
    assert any(k["spanne"] for k in daten["kommunen"]) and daten["befunde"]
    assert all(k["verteilung"] for k in daten["kommunen"])
    return daten


def _prognose_beispiele(daten: dict[str, Any]) -> dict[Any, list[Any]]:
    kommune = next(k for k in daten["kommunen"] if k["spanne"] and k["reichweite_sofort"])
    spanne = kommune["spanne"]
    reichweiten = [r for r in (spanne["niedrig"], spanne["hoch"]) if r]
    return {
        JsonPrognosebericht: [daten],
        JsonPrognosekommune: [kommune],
        JsonPrognosebezirk: [daten["bezirk_gesamt"]],
        JsonReichweite: [kommune["reichweite_sofort"], *reichweiten],
        JsonSpanne: [spanne],
        JsonVerteilung: [kommune["verteilung"][0]],
    }


def test_prognose_hat_genau_die_schluessel_der_typen(prognose: dict[str, Any]) -> None:
    gesehen: set[Any] = set()
    _pruefen(prognose, JsonPrognosebericht, "prognose", gesehen)
    assert gesehen == {
        JsonPrognosebericht,
        JsonPrognosekommune,
        JsonPrognosebezirk,
        JsonReichweite,
        JsonSpanne,
        JsonVerteilung,
        JsonBefund,
    }


# --- wrm erinnern ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def erinnern(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The README's week: Fürstenau missing, Melle stale."""
    ordner = tmp_path_factory.mktemp("erinnern")
    woche = woche_anlegen(ordner, BEISPIELE)
    konfig = BEISPIELE / "erinnern" / "wrm.toml"
    lauf = wrm("erinnern", woche, "--konfig", konfig, "-f", "json", cwd=ordner)
    assert lauf.returncode == 0, lauf.stderr
    daten: dict[str, Any] = json.loads(lauf.stdout)
    return daten


def _erinnern_beispiele(daten: dict[str, Any]) -> dict[Any, list[dict[str, Any]]]:
    return {JsonErinnerungen: [daten], JsonEntwurf: daten["entwuerfe"]}


def test_erinnern_hat_genau_die_schluessel_der_typen_und_des_readme(
    erinnern: dict[str, Any],
) -> None:
    gesehen: set[Any] = set()
    _pruefen(erinnern, JsonErinnerungen, "erinnern", gesehen)
    assert gesehen == {JsonErinnerungen, JsonEntwurf}
    assert erinnern == {
        "stichtag": "2016-03-16",
        "entwuerfe": [
            {
                "kommune": "Fürstenau",
                "status": "fehlt",
                "an": "wohnraum@fuerstenau.example",
                "datei": "erinnerungen/2016-03-16/Erinnerung_Fuerstenau.eml",
            },
            {
                "kommune": "Melle",
                "status": "veraltet",
                "an": "wohnraum@melle.example",
                "datei": "erinnerungen/2016-03-16/Erinnerung_Melle.eml",
            },
        ],
        "ohne_adresse": [],
    }
