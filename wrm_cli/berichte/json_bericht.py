"""The JSON contract: stable, for other tools to read (documented in the README)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from wrm_cli.berichte.beschriftung import tabellenzeilen
from wrm_cli.ergebnis import (
    Auswertungsbericht,
    Dateistand,
    JsonAuswertungsbericht,
    JsonBerichtsgesamt,
    JsonBerichtskennzahlen,
    JsonBerichtszeile,
    JsonDatei,
    JsonGesamt,
    JsonKennzahlen,
    JsonVergleich,
    JsonZeile,
    JsonZeilenveraenderung,
    Vergleich,
)


def json_zeile(zeile: Mapping[str, Any]) -> JsonZeile:
    """A row of the Auswertung with its Stand as an ISO date (or null)."""
    return {
        "kommune": zeile["kommune"],
        "stand": zeile["stand"].isoformat() if zeile["stand"] else None,
        "bisherige_zuweisungen": zeile["bisherige_zuweisungen"],
        "zu_erfuellen": zeile["zu_erfuellen"],
        "verfuegbar_gu": zeile["verfuegbar_gu"],
        "verfuegbar_dezentral": zeile["verfuegbar_dezentral"],
        "in_aussicht_gu": zeile["in_aussicht_gu"],
        "in_aussicht_dezentral": zeile["in_aussicht_dezentral"],
        "summe": zeile["summe"],
        "fehlender_wohnraum": zeile["fehlender_wohnraum"],
        "einschaetzung": zeile["einschaetzung"],
    }


def _zeilenveraenderung(veraenderung: Mapping[str, int | None]) -> JsonZeilenveraenderung:
    return {
        "bisherige_zuweisungen": veraenderung.get("bisherige_zuweisungen"),
        "zu_erfuellen": veraenderung.get("zu_erfuellen"),
        "verfuegbar_gu": veraenderung.get("verfuegbar_gu"),
        "verfuegbar_dezentral": veraenderung.get("verfuegbar_dezentral"),
        "in_aussicht_gu": veraenderung.get("in_aussicht_gu"),
        "in_aussicht_dezentral": veraenderung.get("in_aussicht_dezentral"),
        "summe": veraenderung.get("summe"),
        "fehlender_wohnraum": veraenderung.get("fehlender_wohnraum"),
    }


def _berichtszeile(zeile: Mapping[str, Any], vergleich: Vergleich | None) -> JsonBerichtszeile:
    """A row with its change; a row the comparison does not know changes by null."""
    veraenderung = None
    if vergleich is not None:
        veraenderung = _zeilenveraenderung(vergleich.zeilen.get(zeile["kommune"], {}))
    return {**json_zeile(zeile), "veraenderung": veraenderung}


def gesamt_json(gesamt: Mapping[str, int]) -> JsonGesamt:
    """The total row's numbers (also a point of ``wrm verlauf``)."""
    return {
        "bisherige_zuweisungen": gesamt["bisherige_zuweisungen"],
        "zu_erfuellen": gesamt["zu_erfuellen"],
        "verfuegbar_gu": gesamt["verfuegbar_gu"],
        "verfuegbar_dezentral": gesamt["verfuegbar_dezentral"],
        "in_aussicht_gu": gesamt["in_aussicht_gu"],
        "in_aussicht_dezentral": gesamt["in_aussicht_dezentral"],
        "summe": gesamt["summe"],
        "fehlender_wohnraum": gesamt["fehlender_wohnraum"],
    }


def kennzahlen_json(kennzahlen: Mapping[str, int]) -> JsonKennzahlen:
    """The five Kennzahlen (also a point of ``wrm verlauf``)."""
    return {
        "benoetigter_wohnraum": kennzahlen["benoetigter_wohnraum"],
        "sofort_verfuegbar": kennzahlen["sofort_verfuegbar"],
        "in_aussicht": kennzahlen["in_aussicht"],
        "gesamtverfuegbarkeit": kennzahlen["gesamtverfuegbarkeit"],
        "fehlender_wohnraum": kennzahlen["fehlender_wohnraum"],
    }


def _vergleich(vergleich: Vergleich) -> JsonVergleich:
    return {
        "stichtag": vergleich.stichtag.isoformat(),
        "neu": list(vergleich.neu),
        "weggefallen": list(vergleich.weggefallen),
    }


def _gesamt(bericht: Auswertungsbericht) -> JsonBerichtsgesamt:
    vergleich = bericht.vergleich
    veraenderung = gesamt_json(vergleich.gesamt) if vergleich else None
    return {**gesamt_json(bericht.auswertung.gesamt), "veraenderung": veraenderung}


def _kennzahlen(bericht: Auswertungsbericht) -> JsonBerichtskennzahlen:
    vergleich = bericht.vergleich
    veraenderung = kennzahlen_json(vergleich.kennzahlen) if vergleich else None
    return {**kennzahlen_json(bericht.auswertung.kennzahlen), "veraenderung": veraenderung}


def _datei(datei: Dateistand) -> JsonDatei:
    return {
        "datei": datei.datei,
        "status": datei.status,
        "kommunen": list(datei.kommunen),
        "grund": datei.grund or None,
    }


def als_dict(bericht: Auswertungsbericht) -> JsonAuswertungsbericht:
    aeltester, neuester = bericht.stand_aeltester, bericht.stand_neuester
    return {
        "stichtag": bericht.stichtag.isoformat(),
        "stand_aeltester": aeltester.isoformat() if aeltester else None,
        "stand_neuester": neuester.isoformat() if neuester else None,
        "daten_veraltet": bericht.daten_veraltet,
        "bezirk": bericht.bezirk.name,
        "meldende_kommunen": bericht.meldende_kommunen,
        "kommunen_im_bezirk": bericht.kommunen_im_bezirk,
        "vergleich": _vergleich(bericht.vergleich) if bericht.vergleich else None,
        "zeilen": [_berichtszeile(zeile, bericht.vergleich) for zeile in tabellenzeilen(bericht)],
        "gesamt": _gesamt(bericht),
        "kennzahlen": _kennzahlen(bericht),
        "fehlende_kommunen": list(bericht.fehlende_kommunen),
        "befunde": [befund.als_dict() for befund in bericht.befunde],
        "dateien": [_datei(datei) for datei in bericht.dateien],
    }


def als_json(bericht: Auswertungsbericht) -> str:
    return json.dumps(als_dict(bericht), ensure_ascii=False, indent=2) + "\n"
