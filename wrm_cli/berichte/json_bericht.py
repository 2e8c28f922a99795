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
    JsonDatei,
    JsonGesamt,
    JsonKennzahlen,
    JsonZeile,
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


def _gesamt(gesamt: Mapping[str, int]) -> JsonGesamt:
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


def _kennzahlen(kennzahlen: Mapping[str, int]) -> JsonKennzahlen:
    return {
        "benoetigter_wohnraum": kennzahlen["benoetigter_wohnraum"],
        "sofort_verfuegbar": kennzahlen["sofort_verfuegbar"],
        "in_aussicht": kennzahlen["in_aussicht"],
        "gesamtverfuegbarkeit": kennzahlen["gesamtverfuegbarkeit"],
        "fehlender_wohnraum": kennzahlen["fehlender_wohnraum"],
    }


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
        "zeilen": [json_zeile(zeile) for zeile in tabellenzeilen(bericht)],
        "gesamt": _gesamt(bericht.auswertung.gesamt),
        "kennzahlen": _kennzahlen(bericht.auswertung.kennzahlen),
        "fehlende_kommunen": list(bericht.fehlende_kommunen),
        "befunde": [befund.als_dict() for befund in bericht.befunde],
        "dateien": [_datei(datei) for datei in bericht.dateien],
    }


def als_json(bericht: Auswertungsbericht) -> str:
    return json.dumps(als_dict(bericht), ensure_ascii=False, indent=2) + "\n"
