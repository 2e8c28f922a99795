"""Properties of the Auswertung, checked against an independent straightforward computation."""

from __future__ import annotations

import csv
import datetime as dt
from itertools import pairwise
from pathlib import Path
from typing import Any

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wrm_cli.ablauf import auswerten as dateien_auswerten
from wrm_cli.auswertung.tabelle import auswerten
from wrm_cli.bezirk import sortierschluessel
from wrm_cli.ergebnis import ZAHLSPALTEN, Auswertung
from wrm_cli.felder import FELD, FELDER, KAPAZITAETSFELDER, ZAHLFELDER
from wrm_cli.konfig import standard_einstellungen
from wrm_cli.lesen.lauf import MELDUNG_NR

KOMMUNEN = standard_einstellungen().bezirk.kommunennamen
anzahl = st.one_of(st.none(), st.integers(0, 400))


@st.composite
def meldung(draw: Any, name: str) -> dict[str, Any]:
    werte: dict[str, Any] = {"kommune": name, "stand": dt.date(2016, 3, 16)}
    for key in ZAHLFELDER:
        werte[key] = draw(anzahl)
    werte["zu_erfuellen"] = draw(st.one_of(st.none(), st.integers(-60, 400)))
    werte["einschaetzung"] = draw(st.sampled_from([None, "ausreichend", "kritisch"]))
    return werte


@st.composite
def woche(draw: Any) -> list[dict[str, Any]]:
    namen = draw(st.lists(st.sampled_from(KOMMUNEN), min_size=1, max_size=21, unique=True))
    return [draw(meldung(name)) for name in namen]


def als_rahmen(meldungen: list[dict[str, Any]]) -> pd.DataFrame:
    rahmen = pd.DataFrame(meldungen, columns=["kommune", "stand", *FELD], dtype=object)
    for key in ZAHLFELDER:
        rahmen[key] = pd.array(rahmen[key].tolist(), dtype="Int64")
    rahmen.insert(0, MELDUNG_NR, range(len(rahmen)))
    return rahmen


def von_hand(meldungen: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The Fachkonzept's rules, written out the plain way."""
    zeilen = []
    for m in meldungen:
        kapazitaet = [m[k] for k in KAPAZITAETSFELDER]
        summe = sum(v or 0 for v in kapazitaet)
        fehlend = None
        if any(v is not None for v in kapazitaet):
            fehlend = max(m["zu_erfuellen"] or 0, 0) - summe
        zeilen.append(
            {
                "kommune": m["kommune"],
                "bisherige_zuweisungen": m["zuweisungen"],
                "zu_erfuellen": m["zu_erfuellen"],
                **{k: m[k] for k in KAPAZITAETSFELDER},
                "summe": summe,
                "fehlender_wohnraum": fehlend,
                "einschaetzung": m["einschaetzung"],
            }
        )
    zeilen.sort(
        key=lambda z: (
            z["fehlender_wohnraum"] is None,
            z["fehlender_wohnraum"] or 0,
            sortierschluessel(z["kommune"]),
        )
    )
    gesamt = {s: sum(z[s] or 0 for z in zeilen) for s in ZAHLSPALTEN}
    gesamt["fehlender_wohnraum"] = gesamt["zu_erfuellen"] - gesamt["summe"]
    return zeilen, gesamt


def ohne_stand(auswertung: Auswertung) -> list[dict[str, Any]]:
    return [{k: v for k, v in z.items() if k != "stand"} for z in auswertung.datensaetze()]


@given(woche())
def test_gleich_der_geradlinigen_rechnung(meldungen: list[dict[str, Any]]) -> None:
    ergebnis = auswerten(als_rahmen(meldungen))
    zeilen, gesamt = von_hand(meldungen)
    assert ohne_stand(ergebnis) == zeilen
    assert ergebnis.gesamt == gesamt


@given(woche())
def test_gesamt_ist_spaltensumme_und_kennzahlen_passen(meldungen: list[dict[str, Any]]) -> None:
    ergebnis = auswerten(als_rahmen(meldungen))
    zeilen = ergebnis.datensaetze()
    for spalte in ZAHLSPALTEN[:-1]:
        assert ergebnis.gesamt[spalte] == sum(z[spalte] or 0 for z in zeilen)
    k = ergebnis.kennzahlen
    assert k["benoetigter_wohnraum"] == ergebnis.gesamt["zu_erfuellen"]
    assert k["sofort_verfuegbar"] + k["in_aussicht"] == k["gesamtverfuegbarkeit"]
    assert k["fehlender_wohnraum"] == k["benoetigter_wohnraum"] - k["gesamtverfuegbarkeit"]


@given(woche())
def test_sortierung(meldungen: list[dict[str, Any]]) -> None:
    zeilen = auswerten(als_rahmen(meldungen)).datensaetze()
    werte = [z["fehlender_wohnraum"] for z in zeilen]
    mit_wert = [w for w in werte if w is not None]
    assert werte[: len(mit_wert)] == mit_wert, "empty fehlender Wohnraum comes last"
    assert mit_wert == sorted(mit_wert)
    for davor, danach in pairwise(zeilen):
        if davor["fehlender_wohnraum"] == danach["fehlender_wohnraum"]:
            assert sortierschluessel(davor["kommune"]) < sortierschluessel(danach["kommune"])


@given(woche(), st.randoms())
def test_reihenfolge_der_eingabe_egal(meldungen: list[dict[str, Any]], zufall: Any) -> None:
    gemischt = list(meldungen)
    zufall.shuffle(gemischt)
    assert ohne_stand(auswerten(als_rahmen(gemischt))) == ohne_stand(
        auswerten(als_rahmen(meldungen))
    )


def test_leer_ist_nicht_null() -> None:
    """Blank counts as 0 in sums, but four blank capacity fields mean "no housing data"."""
    basis = {f.key: None for f in FELDER} | {"kommune": "Melle", "stand": None, "zu_erfuellen": 10}
    leer = auswerten(als_rahmen([basis])).datensaetze()[0]
    nullen = auswerten(als_rahmen([basis | dict.fromkeys(KAPAZITAETSFELDER, 0)])).datensaetze()[0]
    teilweise = auswerten(als_rahmen([basis | {"verfuegbar_gu": 3}])).datensaetze()[0]
    assert (leer["summe"], leer["fehlender_wohnraum"], leer["verfuegbar_gu"]) == (0, None, None)
    assert (nullen["summe"], nullen["fehlender_wohnraum"]) == (0, 10)
    assert (teilweise["summe"], teilweise["fehlender_wohnraum"]) == (3, 7)


def test_uebererfuellte_quote_braucht_keinen_wohnraum() -> None:
    basis = {f.key: None for f in FELDER} | {"kommune": "Bohmte", "stand": None}
    zeile = auswerten(als_rahmen([basis | {"zu_erfuellen": -4, "verfuegbar_gu": 1}]))
    assert zeile.datensaetze()[0]["fehlender_wohnraum"] == -1
    assert zeile.gesamt["fehlender_wohnraum"] == -5


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(woche())
def test_ueber_eine_csv_datei_gelesen(tmp_path: Path, meldungen: list[dict[str, Any]]) -> None:
    """The whole way from a file: write the week as CSV, read, check, merge, compute."""
    pfad = tmp_path / "woche.csv"
    with open(pfad, "w", encoding="utf-8", newline="") as datei:
        schreiber = csv.writer(datei, delimiter=";")
        schreiber.writerow(["kommune", "stand", *FELD])
        for m in meldungen:
            schreiber.writerow(
                [m["kommune"], "16.03.2016", *("" if m[k] is None else m[k] for k in FELD)]
            )
    bericht = dateien_auswerten([pfad], standard_einstellungen(), dt.date(2016, 3, 16))
    assert not bericht.hat_fehler
    zeilen, gesamt = von_hand(meldungen)
    assert ohne_stand(bericht.auswertung) == zeilen
    assert bericht.auswertung.gesamt == gesamt
    gemeldet = {m["kommune"] for m in meldungen}
    assert bericht.fehlende_kommunen == [k for k in KOMMUNEN if k not in gemeldet]
