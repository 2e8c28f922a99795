"""Who could temporarily house whom: the exact, optimal proposal of ``wrm ausgleich``.

The model (README, "wrm ausgleich"), per Kommune with a valid Meldung and a fehlender
Wohnraum f (the table's column; "sofort": f = max((5), 0) − ((8)+(9))):

- Bedarf = max(f, 0); Angebot = max(−f − reserve, 0), reserve = ceil(places ×
  reserve_prozent / 100); a Kommune assessing itself "kritisch" offers nothing unless
  [ausgleich] kritische_geben = true.
- x(i→j) ≥ 0 whole persons of Kommune i housed in Kommune j, Σ_j x(i→j) ≤ Bedarf(i),
  Σ_i x(i→j) ≤ Angebot(j), pairs farther than max_km excluded; first as many persons as
  possible, then the fewest person-kilometres Σ d(i,j)·x(i→j).

That is a maximum flow of minimum cost from a source through the needing Kommunen to
the offering ones to a sink, which OR-Tools' min-cost flow (cost scaling, in C++)
solves exactly on whole numbers: capacities are persons, costs are distances in whole
millimetres.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import replace
from fractions import Fraction
from typing import Any

from wrm_cli.ausgleichsergebnis import Ausgleich, Ausgleichsbilanz, Grundlage, Vorschlag
from wrm_cli.bezirk import Bezirk, sortierschluessel
from wrm_cli.fehler import KonfigFehler
from wrm_cli.felder import KOMMUNE
from wrm_cli.konfig import Ausgleichseinstellungen
from wrm_cli.lesen.entfernungen import Paar, paar
from wrm_cli.werte import aufzaehlung

ERDRADIUS_KM = 6371.0
_MM_JE_KM = 1_000_000
KRITISCH = "kritisch"


def grosskreis_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The great-circle distance (haversine) between two points (latitude, longitude in
    degrees) on a sphere of radius 6,371.0 km."""
    breite_a, laenge_a = map(math.radians, a)
    breite_b, laenge_b = map(math.radians, b)
    h = (
        math.sin((breite_b - breite_a) / 2) ** 2
        + math.cos(breite_a) * math.cos(breite_b) * math.sin((laenge_b - laenge_a) / 2) ** 2
    )
    return 2 * ERDRADIUS_KM * math.asin(math.sqrt(min(h, 1.0)))


def reserve(plaetze: int, reserve_prozent: float) -> int:
    """ceil(plaetze × reserve_prozent / 100), exactly (10 % of 15 places is 2)."""
    # str(): the decimal the user wrote, not the float nearest to it (0.1 stays 1/10).
    return math.ceil(plaetze * Fraction(str(reserve_prozent)) / 100)


def bilanzen(
    zeilen: Iterable[Mapping[str, Any]],
    grundlage: Grundlage,
    einstellungen: Ausgleichseinstellungen,
) -> tuple[list[Ausgleichsbilanz], list[str]]:
    """Need and offer of every Kommune with a fehlender Wohnraum (rows of the
    Auswertung), and the Kommunen without one."""
    teilnehmer: list[Ausgleichsbilanz] = []
    ohne_angaben: list[str] = []
    for zeile in zeilen:
        if zeile["fehlender_wohnraum"] is None:
            ohne_angaben.append(zeile[KOMMUNE])
            continue
        if grundlage == "sofort":
            plaetze = (zeile["verfuegbar_gu"] or 0) + (zeile["verfuegbar_dezentral"] or 0)
            fehlend = max(zeile["zu_erfuellen"] or 0, 0) - plaetze
        else:
            plaetze, fehlend = zeile["summe"], zeile["fehlender_wohnraum"]
        zurueck = reserve(plaetze, einstellungen.reserve_prozent)
        kritisch = zeile["einschaetzung"] == KRITISCH
        gibt = einstellungen.kritische_geben or not kritisch
        teilnehmer.append(
            Ausgleichsbilanz(
                kommune=zeile[KOMMUNE],
                fehlend=fehlend,
                plaetze=plaetze,
                reserve=zurueck,
                kritisch=kritisch,
                bedarf=max(fehlend, 0),
                angebot=max(-fehlend - zurueck, 0) if gibt else 0,
            )
        )
    teilnehmer.sort(key=lambda b: (-b.bedarf, -b.angebot, sortierschluessel(b.kommune)))
    return teilnehmer, ohne_angaben


def entfernungen_bestimmen(
    nehmer: list[str],
    geber: list[str],
    bezirk: Bezirk,
    aus_datei: Mapping[Paar, float],
    max_km: float | None,
) -> dict[tuple[str, str], tuple[float, bool]]:
    """(taker, giver) → (km, from the file) for every allowed pair. The file's road
    kilometres go before the great-circle distance; a pair with neither is a usage
    error naming the Kommunen without coordinates."""
    erlaubt: dict[tuple[str, str], tuple[float, bool]] = {}
    ohne_lage: set[str] = set()
    # A pair further apart in latitude alone than max_km is further apart in all (with a
    # margin for rounding: the haversine below decides a pair right at the limit).
    max_grad = math.degrees(max_km / ERDRADIUS_KM) * 1.000001 if max_km is not None else math.inf
    lage = {name: bezirk.kommune(name).koordinaten for name in {*nehmer, *geber}}
    for i in nehmer:
        for j in geber:
            km = aus_datei.get(paar(i, j))
            if km is not None:
                if max_km is None or km <= max_km:
                    erlaubt[i, j] = (km, True)
                continue
            a, b = lage[i], lage[j]
            if a is None or b is None:
                ohne_lage.update(name for name, punkt in ((i, a), (j, b)) if punkt is None)
                continue
            if abs(a[0] - b[0]) > max_grad:
                continue
            km = grosskreis_km(a, b)
            if max_km is None or km <= max_km:
                erlaubt[i, j] = (km, False)
    if ohne_lage:
        namen = sorted(ohne_lage, key=sortierschluessel)
        raise KonfigFehler(
            f"Für den Ausgleich fehlt die Lage von {aufzaehlung(namen)}: bitte in wrm.toml "
            "bei jeder dieser Kommunen unter [[kommunen]] breite und laenge angeben (z. B. "
            "breite = 52.2031, laenge = 8.3361) oder in der Entfernungsdatei ([ausgleich] "
            "entfernungen) jede Entfernung zu den Kommunen angeben, mit denen sie ausgleichen "
            "könnten."
        )
    return erlaubt


def ausgleich_berechnen(
    zeilen: Iterable[Mapping[str, Any]],
    bezirk: Bezirk,
    einstellungen: Ausgleichseinstellungen,
    grundlage: Grundlage = "gesamt",
    aus_datei: Mapping[Paar, float] | None = None,
) -> Ausgleich:
    """The optimal proposal for the rows of an Auswertung. ``einstellungen.max_km``
    already holds --max-km where it was given."""
    teilnehmer, ohne_angaben = bilanzen(zeilen, grundlage, einstellungen)
    nehmer = [b.kommune for b in teilnehmer if b.bedarf > 0]
    geber = [b.kommune for b in teilnehmer if b.angebot > 0]
    paare = entfernungen_bestimmen(nehmer, geber, bezirk, aus_datei or {}, einstellungen.max_km)
    je_kommune = {b.kommune: b for b in teilnehmer}
    fluss = _optimal(
        {i: je_kommune[i].bedarf for i in nehmer},
        {j: je_kommune[j].angebot for j in geber},
        {p: km for p, (km, _) in paare.items()},
    )
    reihe = {name: nr for nr, name in enumerate(nehmer)}
    vorschlaege = sorted(
        (Vorschlag(i, j, personen, *paare[i, j]) for (i, j), personen in fluss.items()),
        key=lambda v: (reihe[v.zuweisungskommune], v.km, sortierschluessel(v.aufnehmende_kommune)),
    )
    gedeckt: dict[str, int] = {}
    vergeben: dict[str, int] = {}
    for v in vorschlaege:
        gedeckt[v.zuweisungskommune] = gedeckt.get(v.zuweisungskommune, 0) + v.personen
        vergeben[v.aufnehmende_kommune] = vergeben.get(v.aufnehmende_kommune, 0) + v.personen
    kommunen = tuple(
        _mit(b, gedeckt.get(b.kommune, 0), vergeben.get(b.kommune, 0)) for b in teilnehmer
    )
    return Ausgleich(
        grundlage=grundlage,
        reserve_prozent=einstellungen.reserve_prozent,
        kritische_geben=einstellungen.kritische_geben,
        max_km=einstellungen.max_km,
        entfernungen=einstellungen.entfernungen,
        vorschlaege=tuple(vorschlaege),
        kommunen=kommunen,
        ohne_angaben=tuple(ohne_angaben),
    )


def _mit(bilanz: Ausgleichsbilanz, gedeckt: int, vergeben: int) -> Ausgleichsbilanz:
    return replace(bilanz, gedeckt=gedeckt, vergeben=vergeben)


def _optimal(
    bedarf: Mapping[str, int],
    angebot: Mapping[str, int],
    km: Mapping[tuple[str, str], float],
) -> dict[tuple[str, str], int]:
    """Persons per (taker, giver): a maximum flow of minimum cost, exact on whole
    numbers (OR-Tools' min-cost flow). Nodes and arcs are added in a fixed order, so the
    same input gives the same proposal."""
    if not km:
        return {}
    from ortools.graph.python.min_cost_flow import SimpleMinCostFlow

    quelle, senke = 0, 1
    knoten = {name: nr for nr, name in enumerate([*bedarf, *angebot], start=2)}
    fluss = SimpleMinCostFlow()
    for i, personen in bedarf.items():
        fluss.add_arc_with_capacity_and_unit_cost(quelle, knoten[i], personen, 0)
    for j, personen in angebot.items():
        fluss.add_arc_with_capacity_and_unit_cost(knoten[j], senke, personen, 0)
    boegen = {
        (i, j): fluss.add_arc_with_capacity_and_unit_cost(
            knoten[i], knoten[j], min(bedarf[i], angebot[j]), round(entfernung * _MM_JE_KM)
        )
        for (i, j), entfernung in km.items()
    }
    gesamt = sum(bedarf.values())
    fluss.set_node_supply(quelle, gesamt)
    fluss.set_node_supply(senke, -gesamt)
    status = fluss.solve_max_flow_with_min_cost()
    if status != fluss.OPTIMAL:  # whole numbers far inside int64: cannot happen
        raise RuntimeError(f"min-cost flow: {status}")
    return {paar: menge for paar, bogen in boegen.items() if (menge := fluss.flow(bogen)) > 0}
