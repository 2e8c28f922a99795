"""``wrm ausgleich --format json``: the fixed contract ``JsonAusgleichsbericht`` (README,
"JSON-Ausgabe"): every key always there, km and person-km rounded to 0.1, persons whole."""

from __future__ import annotations

import json

from wrm_cli.ausgleichsergebnis import (
    Ausgleichsbilanz,
    JsonAusgleichsbericht,
    JsonAusgleichskommune,
    JsonAusgleichssumme,
    JsonVorschlag,
    Vorschlag,
)
from wrm_cli.berichte.ausgleich_saetze import ausgleich_von
from wrm_cli.ergebnis import Auswertungsbericht


def _vorschlag(vorschlag: Vorschlag) -> JsonVorschlag:
    return {
        "zuweisungskommune": vorschlag.zuweisungskommune,
        "aufnehmende_kommune": vorschlag.aufnehmende_kommune,
        "personen": vorschlag.personen,
        "km": round(vorschlag.km, 1),
    }


def _kommune(bilanz: Ausgleichsbilanz) -> JsonAusgleichskommune:
    return {
        "kommune": bilanz.kommune,
        "bedarf": bilanz.bedarf,
        "gedeckt": bilanz.gedeckt,
        "ungedeckt": bilanz.ungedeckt,
        "angebot": bilanz.angebot,
        "vergeben": bilanz.vergeben,
    }


def als_dict(bericht: Auswertungsbericht) -> JsonAusgleichsbericht:
    ausgleich = ausgleich_von(bericht)
    summe = ausgleich.summe
    gesamt: JsonAusgleichssumme = {
        "bedarf": summe.bedarf,
        "gedeckt": summe.gedeckt,
        "ungedeckt": summe.ungedeckt,
        "angebot": summe.angebot,
        "vergeben": summe.vergeben,
        "personen_km": round(summe.personen_km, 1),
    }
    return {
        "stichtag": bericht.stichtag.isoformat(),
        "bezirk": bericht.bezirk.name,
        "grundlage": ausgleich.grundlage,
        "vorschlaege": [_vorschlag(v) for v in ausgleich.vorschlaege],
        "kommunen": [_kommune(b) for b in ausgleich.kommunen],
        "summe": gesamt,
        "befunde": [befund.als_dict() for befund in bericht.befunde],
    }


def als_json(bericht: Auswertungsbericht) -> str:
    return json.dumps(als_dict(bericht), ensure_ascii=False, indent=2) + "\n"
