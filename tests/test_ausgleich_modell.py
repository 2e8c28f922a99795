"""wrm ausgleich, the model: need, offer, reserve, distances and the exact optimum –
hand-checked small cases, and random small districts against a brute-force optimum."""

from __future__ import annotations

import itertools
import math
import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wrm_cli.ausgleichsergebnis import Ausgleich, Grundlage
from wrm_cli.auswertung.ausgleich import (
    ausgleich_berechnen,
    grosskreis_km,
    reserve,
)
from wrm_cli.bezirk import Bezirk, Kommune
from wrm_cli.fehler import KonfigFehler
from wrm_cli.konfig import Ausgleichseinstellungen
from wrm_cli.lesen.entfernungen import paar

STANDARD = Ausgleichseinstellungen()


def zeile(
    name: str,
    zu_erfuellen: int | None,
    gu: int | None = None,
    dezentral: int | None = None,
    aussicht_gu: int | None = None,
    aussicht_dezentral: int | None = None,
    einschaetzung: str | None = None,
) -> dict[str, Any]:
    """A row of the Auswertung, computed as the table defines it."""
    plaetze = (gu, dezentral, aussicht_gu, aussicht_dezentral)
    summe = sum(p or 0 for p in plaetze)
    leer = all(p is None for p in plaetze)
    return {
        "kommune": name,
        "zu_erfuellen": zu_erfuellen,
        "verfuegbar_gu": gu,
        "verfuegbar_dezentral": dezentral,
        "in_aussicht_gu": aussicht_gu,
        "in_aussicht_dezentral": aussicht_dezentral,
        "summe": summe,
        "fehlender_wohnraum": None if leer else max(zu_erfuellen or 0, 0) - summe,
        "einschaetzung": einschaetzung,
    }


def bezirk(**lagen: tuple[float, float] | None) -> Bezirk:
    kommunen = tuple(
        Kommune(name, breite=lage[0], laenge=lage[1]) if lage else Kommune(name)
        for name, lage in lagen.items()
    )
    return Bezirk("Testkreis", kommunen)


def vorschlaege(ausgleich: Ausgleich) -> list[tuple[str, str, int]]:
    return [(v.zuweisungskommune, v.aufnehmende_kommune, v.personen) for v in ausgleich.vorschlaege]


def bilanz(ausgleich: Ausgleich, name: str) -> tuple[int, int, int, int, int]:
    b = next(b for b in ausgleich.kommunen if b.kommune == name)
    return b.bedarf, b.gedeckt, b.ungedeckt, b.angebot, b.vergeben


def test_grosskreis_nach_der_haversine_formel() -> None:
    # One degree of latitude on a sphere of radius 6,371.0 km: 2πR / 360.
    assert grosskreis_km((52.0, 8.0), (53.0, 8.0)) == pytest.approx(2 * math.pi * 6371.0 / 360)
    # Melle – Bohmte by hand: Δφ = 0.1636°, Δλ = −0.0194°, cos φ ≈ 0.612.
    melle, bohmte = (52.2031, 8.3361), (52.3667, 8.3167)
    dphi, dlam = math.radians(0.1636), math.radians(-0.0194)
    h = (
        math.sin(dphi / 2) ** 2
        + math.cos(math.radians(52.2031))
        * math.cos(math.radians(52.3667))
        * math.sin(dlam / 2) ** 2
    )
    assert grosskreis_km(melle, bohmte) == pytest.approx(2 * 6371.0 * math.asin(math.sqrt(h)))
    assert round(grosskreis_km(melle, bohmte), 1) == 18.2


def test_ein_geber_ein_nehmer() -> None:
    # A: 10 to fulfil, 5 places → needs 5. B: nothing to fulfil, 20 places, reserve
    # ceil(20 × 10 / 100) = 2 → offers 18.
    zeilen = [zeile("A", 10, gu=5), zeile("B", 0, gu=20)]
    ergebnis = ausgleich_berechnen(zeilen, bezirk(A=(52.0, 8.0), B=(52.1, 8.0)), STANDARD)
    assert vorschlaege(ergebnis) == [("A", "B", 5)]
    assert ergebnis.vorschlaege[0].km == pytest.approx(grosskreis_km((52.0, 8.0), (52.1, 8.0)))
    assert bilanz(ergebnis, "A") == (5, 5, 0, 0, 0)
    assert bilanz(ergebnis, "B") == (0, 0, 0, 18, 5)
    summe = ergebnis.summe
    assert (summe.bedarf, summe.gedeckt, summe.ungedeckt, summe.angebot, summe.vergeben) == (
        5,
        5,
        0,
        18,
        5,
    )
    assert summe.personen_km == pytest.approx(5 * ergebnis.vorschlaege[0].km)


def test_mehr_bedarf_als_angebot_bleibt_ungedeckt() -> None:
    zeilen = [zeile("A", 40, gu=10), zeile("B", 0, gu=20)]
    ergebnis = ausgleich_berechnen(zeilen, bezirk(A=(52.0, 8.0), B=(52.1, 8.0)), STANDARD)
    assert vorschlaege(ergebnis) == [("A", "B", 18)]
    assert bilanz(ergebnis, "A") == (30, 18, 12, 0, 0)
    assert ergebnis.summe.ungedeckt == 12


def test_kritische_kommune_gibt_nur_wenn_erlaubt() -> None:
    zeilen = [zeile("A", 10, gu=5), zeile("B", 0, gu=20, einschaetzung="kritisch")]
    lagen = bezirk(A=(52.0, 8.0), B=(52.1, 8.0))
    ohne = ausgleich_berechnen(zeilen, lagen, STANDARD)
    assert vorschlaege(ohne) == []
    assert bilanz(ohne, "B") == (0, 0, 0, 0, 0)
    assert bilanz(ohne, "A") == (5, 0, 5, 0, 0)
    mit = ausgleich_berechnen(zeilen, lagen, Ausgleichseinstellungen(kritische_geben=True))
    assert vorschlaege(mit) == [("A", "B", 5)]
    # A Kommune in need that says "kritisch" still receives.
    nehmer = [zeile("A", 10, gu=5, einschaetzung="kritisch"), zeile("B", 0, gu=20)]
    assert vorschlaege(ausgleich_berechnen(nehmer, lagen, STANDARD)) == [("A", "B", 5)]


@pytest.mark.parametrize(
    ("plaetze", "prozent", "erwartet"),
    [
        (20, 10, 2),
        (15, 10, 2),  # 1.5 → 2
        (11, 10, 2),  # 1.1 → 2
        (10, 10, 1),
        (0, 10, 0),
        (37, 0, 0),
        (37, 100, 37),
        (8, 12.5, 1),
        (1000, 0.1, 1),  # exactly 1, not 1.0000000000000002 → 2
        (3, 33.3, 1),
    ],
)
def test_reserve_wird_aufgerundet(plaetze: int, prozent: float, erwartet: int) -> None:
    assert reserve(plaetze, prozent) == erwartet


def test_reserve_im_angebot() -> None:
    # 15 places, nothing to fulfil: f = −15, reserve 2 → offer 13.
    zeilen = [zeile("A", 100, gu=0), zeile("B", 0, gu=15)]
    ergebnis = ausgleich_berechnen(zeilen, bezirk(A=(52.0, 8.0), B=(52.1, 8.0)), STANDARD)
    assert bilanz(ergebnis, "B")[3] == 13
    # Over-fulfilled quota ((5) negative) counts as 0 need, as in the table.
    nur_plaetze = [zeile("A", 100, gu=0), zeile("B", -30, gu=15)]
    ergebnis = ausgleich_berechnen(nur_plaetze, bezirk(A=(52.0, 8.0), B=(52.1, 8.0)), STANDARD)
    assert bilanz(ergebnis, "B")[3] == 13


def test_max_km_schneidet_ein_paar_ab() -> None:
    # A needs 10; B is 11 km away with 8 on offer, C 33 km away with 20.
    zeilen = [zeile("A", 10, gu=0), zeile("B", 0, gu=10), zeile("C", 0, gu=30)]
    lagen = bezirk(A=(52.0, 8.0), B=(52.1, 8.0), C=(52.3, 8.0))
    ohne_grenze = ausgleich_berechnen(zeilen, lagen, STANDARD)
    assert vorschlaege(ohne_grenze) == [("A", "B", 9), ("A", "C", 1)]
    mit_grenze = ausgleich_berechnen(zeilen, lagen, Ausgleichseinstellungen(max_km=20))
    assert vorschlaege(mit_grenze) == [("A", "B", 9)]
    assert bilanz(mit_grenze, "A") == (10, 9, 1, 0, 0)
    # The limit itself is allowed: only pairs farther away are cut.
    genau = grosskreis_km((52.0, 8.0), (52.3, 8.0))
    am_rand = ausgleich_berechnen(zeilen, lagen, Ausgleichseinstellungen(max_km=genau))
    assert vorschlaege(am_rand) == [("A", "B", 9), ("A", "C", 1)]


def test_entfernungsdatei_geht_vor() -> None:
    # As the crow flies B is nearer; by road (the file) C is.
    zeilen = [zeile("A", 10, gu=0), zeile("B", 0, gu=30), zeile("C", 0, gu=30)]
    lagen = bezirk(A=(52.0, 8.0), B=(52.1, 8.0), C=(52.2, 8.0))
    luftlinie = ausgleich_berechnen(zeilen, lagen, STANDARD)
    assert vorschlaege(luftlinie) == [("A", "B", 10)]
    strasse = {paar("B", "A"): 40.0}
    ergebnis = ausgleich_berechnen(zeilen, lagen, STANDARD, aus_datei=strasse)
    assert vorschlaege(ergebnis) == [("A", "C", 10)]
    # The file's kilometres also decide the limit.
    begrenzt = ausgleich_berechnen(
        zeilen, lagen, Ausgleichseinstellungen(max_km=30), aus_datei={paar("A", "C"): 31.0}
    )
    assert vorschlaege(begrenzt) == [("A", "B", 10)]
    assert begrenzt.vorschlaege[0].km_aus_datei is False
    nur_datei = ausgleich_berechnen(zeilen, lagen, STANDARD, aus_datei={paar("A", "B"): 5.0})
    assert nur_datei.vorschlaege[0].km == 5.0
    assert nur_datei.vorschlaege[0].km_aus_datei is True


def test_erst_moeglichst_viele_personen_dann_kurze_wege() -> None:
    # The shortest pair A–C would leave B without help: covering 20 beats 10 km less.
    zeilen = [zeile("A", 10, gu=0), zeile("B", 10, gu=0), zeile("C", 0, gu=12)]
    zeilen.append(zeile("D", 0, gu=12))
    lagen = bezirk(A=(52.0, 8.0), B=(52.3, 8.0), C=(52.05, 8.0), D=(51.9, 8.0))
    ergebnis = ausgleich_berechnen(zeilen, lagen, Ausgleichseinstellungen(max_km=30))
    # B reaches only C (27.8 km); A then goes to D (11.1 km) instead of C (5.6 km).
    assert sorted(vorschlaege(ergebnis)) == [("A", "D", 10), ("B", "C", 10)]
    assert ergebnis.summe.gedeckt == 20


def test_sofort_zaehlt_nur_verfuegbare_plaetze() -> None:
    # A: 20 to fulfil, 5 available now, 20 in prospect → "gesamt" no need, "sofort" 15.
    zeilen = [zeile("A", 20, gu=5, aussicht_gu=20), zeile("B", 0, gu=30, aussicht_dezentral=70)]
    lagen = bezirk(A=(52.0, 8.0), B=(52.1, 8.0))
    gesamt = ausgleich_berechnen(zeilen, lagen, STANDARD)
    assert vorschlaege(gesamt) == []
    assert bilanz(gesamt, "B")[3] == 100 - 10  # places 100, reserve 10
    sofort = ausgleich_berechnen(zeilen, lagen, STANDARD, grundlage="sofort")
    assert sofort.grundlage == "sofort"
    assert vorschlaege(sofort) == [("A", "B", 15)]
    assert bilanz(sofort, "B")[3] == 30 - 3  # places (8)+(9) = 30, reserve 3


def test_ohne_angaben_zum_wohnraum_nicht_beteiligt() -> None:
    zeilen = [zeile("A", 10, gu=5), zeile("B", 0, gu=20), zeile("C", 50)]
    ergebnis = ausgleich_berechnen(zeilen, bezirk(A=(52.0, 8.0), B=(52.1, 8.0), C=None), STANDARD)
    assert ergebnis.ohne_angaben == ("C",)
    assert [b.kommune for b in ergebnis.kommunen] == ["A", "B"]


def test_fehlende_lage_ist_ein_nutzungsfehler() -> None:
    zeilen = [zeile("A", 10, gu=5), zeile("B", 0, gu=20), zeile("C", 0, gu=20)]
    lagen = bezirk(A=(52.0, 8.0), B=None, C=None)
    with pytest.raises(KonfigFehler) as fehler:
        ausgleich_berechnen(zeilen, lagen, STANDARD)
    assert str(fehler.value).startswith("Für den Ausgleich fehlt die Lage von B und C: ")
    # With every pair it would need in the distance file, no coordinates are needed.
    datei = {paar("A", "B"): 10.0, paar("A", "C"): 12.0}
    assert vorschlaege(ausgleich_berechnen(zeilen, lagen, STANDARD, aus_datei=datei)) == [
        ("A", "B", 5)
    ]
    # A Kommune that takes no part (no need, no offer) needs no coordinates.
    ohne_rolle = [zeile("A", 10, gu=5), zeile("B", 0, gu=20), zeile("C", 10, gu=10)]
    ergebnis = ausgleich_berechnen(
        ohne_rolle, bezirk(A=(52.0, 8.0), B=(52.1, 8.0), C=None), STANDARD
    )
    assert vorschlaege(ergebnis) == [("A", "B", 5)]


def test_gleiche_eingabe_gleicher_vorschlag() -> None:
    """Same input, same proposal – whatever the order of the rows, with equal distances."""
    zeilen = [zeile("N", 10, gu=0)] + [zeile(f"G{nr}", 0, gu=10) for nr in range(4)]
    # Four givers at the same distance north, south, east and west: a tie.
    lagen = bezirk(
        N=(52.0, 8.0), G0=(52.1, 8.0), G1=(51.9, 8.0), G2=(52.0, 8.1626), G3=(52.0, 7.8374)
    )
    erste = vorschlaege(ausgleich_berechnen(zeilen, lagen, STANDARD))
    assert sum(p for _, _, p in erste) == 10
    for seed in range(5):
        gemischt = zeilen[:]
        random.Random(seed).shuffle(gemischt)
        assert vorschlaege(ausgleich_berechnen(gemischt, lagen, STANDARD)) == erste


# --- random small districts against the brute-force optimum -------------------------


def _brute_force(
    bedarf: dict[str, int], angebot: dict[str, int], km: dict[tuple[str, str], float]
) -> tuple[int, float]:
    """The best (persons covered, least person-km) over every whole-number plan."""
    paare = list(km)
    beste = (0, 0.0)

    def weiter(
        nr: int,
        rest_bedarf: dict[str, int],
        rest_angebot: dict[str, int],
        personen: int,
        kosten: float,
    ) -> None:
        nonlocal beste
        if nr == len(paare):
            if personen > beste[0] or (personen == beste[0] and kosten < beste[1] - 1e-9):
                beste = (personen, kosten)
            return
        i, j = paare[nr]
        for x in range(min(rest_bedarf[i], rest_angebot[j]) + 1):
            rest_bedarf[i] -= x
            rest_angebot[j] -= x
            weiter(nr + 1, rest_bedarf, rest_angebot, personen + x, kosten + x * km[i, j])
            rest_bedarf[i] += x
            rest_angebot[j] += x

    weiter(0, dict(bedarf), dict(angebot), 0, 0.0)
    return beste


_LAGE = st.tuples(st.floats(52.0, 52.4), st.floats(7.8, 8.4))
_KOMMUNE = st.tuples(
    st.integers(-5, 4),  # f before the reserve: the need, or minus the spare places
    st.integers(0, 12),  # places
    st.booleans(),  # "kritisch"
    _LAGE,
)


@settings(max_examples=80, deadline=None)
@given(
    kommunen=st.lists(_KOMMUNE, min_size=2, max_size=5),
    max_km=st.one_of(st.none(), st.floats(5, 40)),
    reserve_prozent=st.sampled_from([0, 10, 25]),
    kritische_geben=st.booleans(),
)
def test_optimum_wie_durch_probieren(
    kommunen: list[tuple[int, int, bool, tuple[float, float]]],
    max_km: float | None,
    reserve_prozent: int,
    kritische_geben: bool,
) -> None:
    namen = [f"K{nr}" for nr in range(len(kommunen))]
    zeilen = []
    for name, (f, plaetze, kritisch, _) in zip(namen, kommunen, strict=True):
        # (5) such that max((5), 0) − places = f wherever that is possible.
        zeilen.append(
            zeile(
                name,
                max(f + plaetze, 0),
                gu=plaetze,
                einschaetzung="kritisch" if kritisch else None,
            )
        )
    lagen = Bezirk(
        "Zufall",
        tuple(
            Kommune(name, breite=lage[0], laenge=lage[1])
            for name, (_, _, _, lage) in zip(namen, kommunen, strict=True)
        ),
    )
    einstellungen = Ausgleichseinstellungen(
        reserve_prozent=reserve_prozent, kritische_geben=kritische_geben, max_km=max_km
    )
    ergebnis = ausgleich_berechnen(zeilen, lagen, einstellungen)

    # The model, independently: need, offer and the allowed pairs with their km.
    bedarf, angebot = {}, {}
    for z, (_, _, kritisch, _) in zip(zeilen, kommunen, strict=True):
        f = z["fehlender_wohnraum"]
        bedarf[z["kommune"]] = max(f, 0)
        zurueck = math.ceil(z["summe"] * reserve_prozent / 100)
        angebot[z["kommune"]] = 0 if kritisch and not kritische_geben else max(-f - zurueck, 0)
    lage = {name: k[3] for name, k in zip(namen, kommunen, strict=True)}
    km: dict[tuple[str, str], float] = {}
    for i, j in itertools.product(namen, namen):
        if bedarf[i] > 0 and angebot[j] > 0:
            d = grosskreis_km(lage[i], lage[j])
            if max_km is None or d <= max_km:
                km[i, j] = d
    personen, kosten = _brute_force(
        {i: bedarf[i] for i in namen if bedarf[i]}, {j: angebot[j] for j in namen if angebot[j]}, km
    )

    # All constraints hold …
    for v in ergebnis.vorschlaege:
        assert v.personen > 0
        assert (v.zuweisungskommune, v.aufnehmende_kommune) in km
    for b in ergebnis.kommunen:
        assert b.bedarf == bedarf[b.kommune] and b.angebot == angebot[b.kommune]
        gibt = sum(v.personen for v in ergebnis.vorschlaege if v.aufnehmende_kommune == b.kommune)
        nimmt = sum(v.personen for v in ergebnis.vorschlaege if v.zuweisungskommune == b.kommune)
        assert nimmt == b.gedeckt <= b.bedarf
        assert gibt == b.vergeben <= b.angebot
    # … and both goals are optimal.
    assert ergebnis.summe.gedeckt == personen
    assert ergebnis.summe.personen_km == pytest.approx(kosten, abs=1e-4)


# --- larger districts against an independent LP (simplex, not a flow algorithm) -------


def _lp_optimum(
    bedarf: dict[str, int], angebot: dict[str, int], km: dict[tuple[str, str], float]
) -> tuple[float, float]:
    """(persons, person-km) of the two-stage LP, solved by GLOP's simplex. The
    transportation polytope is integral, so the LP optimum is the whole-number one."""
    from ortools.linear_solver import pywraplp

    def loesen(festes_personen: float | None) -> tuple[float, float]:
        solver = pywraplp.Solver.CreateSolver("GLOP")
        x = {p: solver.NumVar(0, solver.infinity(), str(p)) for p in km}
        for i, menge in bedarf.items():
            solver.Add(sum(x[p] for p in km if p[0] == i) <= menge)
        for j, menge in angebot.items():
            solver.Add(sum(x[p] for p in km if p[1] == j) <= menge)
        if festes_personen is None:
            solver.Maximize(sum(x.values()))
        else:
            solver.Add(sum(x.values()) >= festes_personen - 1e-6)
            solver.Minimize(sum(km[p] * x[p] for p in km))
        assert solver.Solve() == pywraplp.Solver.OPTIMAL
        return sum(v.solution_value() for v in x.values()), solver.Objective().Value()

    personen, _ = loesen(None)
    _, kosten = loesen(round(personen))
    return personen, kosten


@pytest.mark.parametrize("seed", range(12))
def test_groessere_bezirke_wie_das_lineare_programm(seed: int) -> None:
    zufall = random.Random(seed)
    anzahl = zufall.randint(12, 40)
    namen = [f"K{nr:02d}" for nr in range(anzahl)]
    lage = {n: (zufall.uniform(52.0, 52.6), zufall.uniform(7.6, 8.6)) for n in namen}
    zeilen = [
        zeile(
            n, zufall.randint(0, 120), gu=zufall.randint(0, 60), aussicht_gu=zufall.randint(0, 60)
        )
        for n in namen
    ]
    max_km = zufall.choice([None, 15.0, 30.0])
    bezirk_ = Bezirk(
        "Zufall", tuple(Kommune(n, breite=lage[n][0], laenge=lage[n][1]) for n in namen)
    )
    ergebnis = ausgleich_berechnen(zeilen, bezirk_, Ausgleichseinstellungen(max_km=max_km))
    bedarf = {b.kommune: b.bedarf for b in ergebnis.kommunen if b.bedarf}
    angebot = {b.kommune: b.angebot for b in ergebnis.kommunen if b.angebot}
    km = {}
    for i in bedarf:
        for j in angebot:
            d = grosskreis_km(lage[i], lage[j])
            if max_km is None or d <= max_km:
                km[i, j] = d
    personen, kosten = _lp_optimum(bedarf, angebot, km)
    assert ergebnis.summe.gedeckt == round(personen)
    assert ergebnis.summe.personen_km == pytest.approx(kosten, rel=1e-9, abs=1e-3)


@pytest.mark.parametrize(
    ("grundlage", "max_km"), [("gesamt", None), ("sofort", None), ("gesamt", 20.0)]
)
def test_die_woche_2016_ist_optimal(grundlage: Grundlage, max_km: float | None) -> None:
    from conftest import BEISPIELE, STICHTAG_2016

    from wrm_cli.ablauf import auswerten, mit_ausgleich
    from wrm_cli.konfig import konfig_laden

    einstellungen = konfig_laden(BEISPIELE / "wrm.toml")
    bericht = auswerten([BEISPIELE / "eingang"], einstellungen, STICHTAG_2016)
    ergebnis = mit_ausgleich(bericht, grundlage, max_km).ausgleich
    assert ergebnis is not None
    bezirk_ = einstellungen.bezirk
    bedarf = {b.kommune: b.bedarf for b in ergebnis.kommunen if b.bedarf}
    angebot = {b.kommune: b.angebot for b in ergebnis.kommunen if b.angebot}
    km = {}
    for i in bedarf:
        for j in angebot:
            lage_i, lage_j = bezirk_.kommune(i).koordinaten, bezirk_.kommune(j).koordinaten
            assert lage_i is not None and lage_j is not None
            d = grosskreis_km(lage_i, lage_j)
            if max_km is None or d <= max_km:
                km[i, j] = d
    personen, kosten = _lp_optimum(bedarf, angebot, km)
    assert ergebnis.summe.gedeckt == round(personen)
    assert ergebnis.summe.personen_km == pytest.approx(kosten, rel=1e-9, abs=1e-3)
