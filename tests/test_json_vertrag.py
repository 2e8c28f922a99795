"""The JSON contract: output, its TypedDicts (wrm_cli.ergebnis) and the README table agree.

Every object of ``wrm auswerten --format json`` and ``wrm pruefen --format json`` has
exactly the keys of its TypedDict, all of them required, and exactly the keys the
README's table "JSON-Ausgabe (fester Vertrag)" lists for it – so none of the three
can change without the others.
"""

from __future__ import annotations

import json
import re
import shutil
from typing import Any, get_args, get_origin, get_type_hints, is_typeddict

import pytest
from conftest import BEISPIELE, PROJEKT, wrm

from wrm_cli.ergebnis import (
    JsonAuswertungsbericht,
    JsonBefund,
    JsonDatei,
    JsonDateipruefung,
    JsonGesamt,
    JsonKennzahlen,
    JsonPruefbericht,
    JsonZeile,
)

# The first column of the README table → the TypedDict of that object.
README_OBJEKTE: dict[str, type] = {
    "Auswertung (`wrm auswerten`)": JsonAuswertungsbericht,
    "Zeile (in `zeilen` und `meldungen`)": JsonZeile,
    "`gesamt`": JsonGesamt,
    "`kennzahlen`": JsonKennzahlen,
    "Datei (in `dateien` von `wrm auswerten`)": JsonDatei,
    "Befund (in `befunde` und `ignoriert`)": JsonBefund,
    "Prüfung (`wrm pruefen`)": JsonPruefbericht,
    "geprüfte Datei (in `dateien` von `wrm pruefen`)": JsonDateipruefung,
}
DOKUMENTE = (JsonAuswertungsbericht, JsonPruefbericht)


def _schluessel(typ: Any) -> set[str]:
    """The keys of a TypedDict – after checking that each of them is required."""
    alle = set(typ.__annotations__)
    assert set(typ.__required_keys__) == alle, f"{typ.__name__}: jeder Schlüssel ist Pflicht"
    return alle


def _enthaltene(typ: Any) -> dict[str, Any]:
    """Key → TypedDict of the objects under that key (itself or as list elements)."""
    enthalten = {}
    for key, hinweis in get_type_hints(typ).items():
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
        if isinstance(inhalt, list):
            for nummer, element in enumerate(inhalt):
                _pruefen(element, enthalten, f"{pfad}.{key}[{nummer}]", gesehen)
        else:
            _pruefen(inhalt, enthalten, f"{pfad}.{key}", gesehen)


def _readme_tabelle() -> dict[str, list[str]]:
    """Object → its keys, as the README's contract table lists them."""
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


def test_auswerten_hat_genau_die_schluessel_der_typen(auswertung: dict[str, Any]) -> None:
    gesehen: set[Any] = set()
    _pruefen(auswertung, JsonAuswertungsbericht, "auswerten", gesehen)
    assert gesehen == {
        JsonAuswertungsbericht,
        JsonZeile,
        JsonGesamt,
        JsonKennzahlen,
        JsonBefund,
        JsonDatei,
    }


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
    auswertung: dict[str, Any], pruefung: dict[str, Any]
) -> None:
    """The README lists the keys in the order the output writes them."""
    tabelle = _readme_tabelle()
    beispiele = {
        JsonAuswertungsbericht: auswertung,
        JsonZeile: auswertung["zeilen"][0],
        JsonGesamt: auswertung["gesamt"],
        JsonKennzahlen: auswertung["kennzahlen"],
        JsonDatei: auswertung["dateien"][0],
        JsonBefund: auswertung["befunde"][0],
        JsonPruefbericht: pruefung,
        JsonDateipruefung: pruefung["dateien"][0],
    }
    for objekt, typ in README_OBJEKTE.items():
        assert list(beispiele[typ]) == tabelle[objekt], objekt
