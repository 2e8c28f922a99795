"""The JSON of ``wrm prognose``: stable, for other tools to read (README, "wrm prognose
--format json"). Figures rounded for reading; every key always present."""

from __future__ import annotations

import json
from fractions import Fraction

from wrm_cli.befunde import hinweis
from wrm_cli.berichte.prognose_saetze import prognose_von
from wrm_cli.ergebnis import Auswertungsbericht
from wrm_cli.prognoseergebnis import (
    JsonPrognosebericht,
    JsonPrognosebezirk,
    JsonPrognosekommune,
    JsonReichweite,
    JsonSpanne,
    JsonVerteilung,
    Kommunenprognose,
    Monatsverteilung,
    Reichweite,
    Spanne,
)


def _runden(wert: Fraction, stellen: int) -> float:
    return round(float(wert), stellen)


def _reichweite(reichweite: Reichweite | None) -> JsonReichweite | None:
    if reichweite is None:
        return None
    return {"datum": reichweite.datum.isoformat(), "wochen": reichweite.wochen}


def _spanne(spanne: Spanne | None) -> JsonSpanne | None:
    if spanne is None:
        return None
    return {"niedrig": _reichweite(spanne.niedrig), "hoch": _reichweite(spanne.hoch)}


def _verteilung(schritt: Monatsverteilung) -> JsonVerteilung:
    return {
        "monat": f"{schritt.monat.year:04d}-{schritt.monat.month:02d}",
        "anteil": _runden(schritt.anteil * 100, 3),
        "rohanteil": _runden(schritt.rohanteil, 2),
        "anrechnung": _runden(schritt.anrechnung, 2),
        "erwartet": _runden(schritt.erwartet, 2),
    }


def _bezirk(k: Kommunenprognose) -> JsonPrognosebezirk:
    return {
        "kommune": k.kommune,
        "plaetze_sofort": k.plaetze_sofort,
        "plaetze_gesamt": k.plaetze_gesamt,
        "erwartet_pro_woche": _runden(k.erwartet_pro_woche, 1),
        "reichweite_sofort": _reichweite(k.reichweite_sofort),
        "reichweite_gesamt": _reichweite(k.reichweite_gesamt),
        "spanne": _spanne(k.spanne),
        "warnung": k.warnung,
    }


def _kommune(k: Kommunenprognose) -> JsonPrognosekommune:
    verteilung = None if k.verteilung is None else [_verteilung(s) for s in k.verteilung]
    return {**_bezirk(k), "verteilung": verteilung}


def als_dict(bericht: Auswertungsbericht) -> JsonPrognosebericht:
    prognose = prognose_von(bericht)
    befunde = [*bericht.befunde, *(hinweis(text) for text in prognose.hinweise)]
    return {
        "stichtag": bericht.stichtag.isoformat(),
        "bezirk": bericht.bezirk.name,
        "quelle": prognose.quelle,
        "schluessel": prognose.schluessel,
        "bis": prognose.bis.isoformat(),
        "kommunen": [_kommune(k) for k in prognose.kommunen],
        "bezirk_gesamt": _bezirk(prognose.bezirk_gesamt),
        "befunde": [befund.als_dict() for befund in befunde],
    }


def als_json(bericht: Auswertungsbericht) -> str:
    return json.dumps(als_dict(bericht), ensure_ascii=False, indent=2) + "\n"
