"""The JSON of ``wrm verlauf``: stable, for other tools to read (documented in the README).

One document per view: the district's series, one Kommune's series, or the reporting
discipline; ``gesamt``, ``kennzahlen`` and ``zeile`` are keyed as in ``wrm auswerten``.
"""

from __future__ import annotations

import json

from wrm_cli.berichte.json_bericht import gesamt_json, json_zeile, kennzahlen_json
from wrm_cli.ergebnis import Verlaufspunkt
from wrm_cli.verlaufsergebnis import (
    JsonKommunenpunkt,
    JsonKommunenverlauf,
    JsonMeldeverhalten,
    JsonMeldungen,
    JsonVerlauf,
    JsonVerlaufspunkt,
    Kommunenpunkt,
    Meldeverhalten,
    Verlaufsbericht,
)


def _punkt(punkt: Verlaufspunkt) -> JsonVerlaufspunkt:
    return {
        "stichtag": punkt.stichtag.isoformat(),
        "meldende_kommunen": punkt.meldende_kommunen,
        "gesamt": gesamt_json(punkt.gesamt),
        "kennzahlen": kennzahlen_json(punkt.kennzahlen),
        "kritisch": punkt.kritisch,
        "anteil_dezentral": punkt.anteil_dezentral,
        "veraenderung_fehlender_wohnraum": punkt.veraenderung_fehlend,
    }


def _kommunenpunkt(punkt: Kommunenpunkt) -> JsonKommunenpunkt:
    return {
        "stichtag": punkt.stichtag.isoformat(),
        "status": punkt.status,
        "stand": punkt.stand.isoformat() if punkt.stand else None,
        "zeile": json_zeile(punkt.zeile) if punkt.zeile is not None else None,
        "veraenderung_fehlender_wohnraum": punkt.veraenderung_fehlend,
    }


def _verhalten(verhalten: Meldeverhalten) -> JsonMeldeverhalten:
    letzter = verhalten.letzter_stand
    return {
        "kommune": verhalten.kommune,
        "laeufe": verhalten.laeufe,
        "aktuell": verhalten.aktuell,
        "veraltet": verhalten.veraltet,
        "ohne_stand": verhalten.ohne_stand,
        "fehlt": verhalten.fehlt,
        "ungueltig": verhalten.ungueltig,
        "ohne_aktuelle_meldung_max": verhalten.ohne_aktuelle_meldung_max,
        "kritisch_in_folge": verhalten.kritisch_in_folge,
        "letzter_stand": letzter.isoformat() if letzter else None,
    }


def als_dict(bericht: Verlaufsbericht) -> JsonVerlauf | JsonKommunenverlauf | JsonMeldungen:
    """The document of the report's view (``bericht.art``)."""
    bezirk = bericht.bezirk.name
    if bericht.art == "kommune":
        assert bericht.kommune is not None
        return {
            "bezirk": bezirk,
            "kommune": bericht.kommune,
            "laeufe": [_kommunenpunkt(punkt) for punkt in bericht.kommunenpunkte],
        }
    if bericht.art == "meldungen":
        return {
            "bezirk": bezirk,
            "stichtage": [tag.isoformat() for tag in bericht.stichtage],
            "kommunen": [_verhalten(verhalten) for verhalten in bericht.meldeverhalten],
        }
    return {"bezirk": bezirk, "laeufe": [_punkt(punkt) for punkt in bericht.punkte]}


def als_json(bericht: Verlaufsbericht) -> str:
    return json.dumps(als_dict(bericht), ensure_ascii=False, indent=2) + "\n"
