"""Expected assignments as pieces of constant rate, and the Verteilschlüssel with the
crediting of Land facilities. Pure and exact (fractions): a rounding could move a date.

A piece ``(a, b, p)``: ``p`` persons arrive evenly between day ``a`` and day ``b`` counted
from the start of the Stichtag (the Stichtag is day 0 to 1).
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from fractions import Fraction

from wrm_cli.bezirk import Kommune
from wrm_cli.konfig import Anrechnungsregel
from wrm_cli.prognoseergebnis import Monatsverteilung

Stueck = tuple[Fraction, Fraction, Fraction]

MONATSNAMEN = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)  # fmt: skip


def monat_deutsch(monat: dt.date) -> str:
    """2016-04-01 → "April 2016"."""
    return f"{MONATSNAMEN[monat.month - 1]} {monat.year}"


def monatsende(monat: dt.date) -> dt.date:
    return monat.replace(day=calendar.monthrange(monat.year, monat.month)[1])


def tag_nr(stichtag: dt.date, tag: dt.date) -> Fraction:
    """The start of ``tag`` in days from the start of the Stichtag."""
    return Fraction((tag - stichtag).days)


def quote_stuecke(rest: int, stichtag: dt.date, ende: dt.date, bis: dt.date) -> list[Stueck]:
    """The remaining quota spread evenly over the days from the Stichtag to ``ende`` (both
    included), up to the end of ``bis``."""
    tage = tag_nr(stichtag, ende) + 1
    bis_tag = tag_nr(stichtag, bis) + 1
    return [(Fraction(0), bis_tag, Fraction(max(rest, 0)) * bis_tag / tage)]


def monats_stuecke(
    je_monat: Mapping[dt.date, Fraction], stichtag: dt.date, bis: dt.date
) -> list[Stueck]:
    """Each month's persons spread evenly over its days; the Stichtag's month counts from
    the Stichtag on, the last one up to the end of ``bis``."""
    stuecke = []
    for monat in sorted(je_monat):
        erster, letzter = max(monat, stichtag), min(monatsende(monat), bis)
        if letzter < erster:
            continue
        tage_im_monat = monatsende(monat).day
        anteil = Fraction((letzter - erster).days + 1, tage_im_monat)
        a, b = tag_nr(stichtag, erster), tag_nr(stichtag, letzter) + 1
        stuecke.append((a, b, je_monat[monat] * anteil))
    return stuecke


def bis_zum(stuecke: Sequence[Stueck], t: Fraction) -> Fraction:
    """C(t): the persons expected from the Stichtag up to day ``t``."""
    summe = Fraction(0)
    for a, b, p in stuecke:
        if t > a:
            summe += p * (min(t, b) - a) / (b - a)
    return summe


def summiert(listen: Sequence[Sequence[Stueck]]) -> list[Stueck]:
    """The pieces of the sum of several C(t)."""
    grenzen = sorted({g for stuecke in listen for a, b, _ in stuecke for g in (a, b)})
    return [
        (a, b, sum((bis_zum(s, b) - bis_zum(s, a) for s in listen), Fraction(0)))
        for a, b in itertools.pairwise(grenzen)
    ]


def gewichte(
    schluessel: str,
    kommunen: Sequence[Kommune],
    rest: Mapping[str, int],
) -> dict[str, Fraction]:
    """Each Kommune's weight in the key: max((5), 0) of the reporting Kommunen ("quote"),
    or population or fixed percent of every Kommune of the district."""
    if schluessel == "quote":
        return {name: Fraction(max(wert, 0)) for name, wert in rest.items()}
    if schluessel == "einwohner":
        return {k.name: Fraction(k.einwohner or 0) for k in kommunen}
    return {k.name: Fraction(str(k.anteil or 0)) for k in kommunen}


def verteilen(
    summe: int,
    monat: dt.date,
    gewicht: Mapping[str, Fraction],
    plaetze: Mapping[str, Mapping[str, int]],
    regeln: Sequence[Anrechnungsregel],
) -> dict[str, Monatsverteilung]:
    """One month's district total: s = summe × share, c = Σ factors of the rules valid on
    the month's first day × places of that kind, e = summe × max(s − c, 0) / Σ max(s − c, 0).
    When Σ max(s − c, 0) is 0, nobody gets persons (e = 0 for all)."""
    gesamt = sum(gewicht.values(), Fraction(0))
    gueltig = [regel for regel in regeln if regel.gilt_am(monat)]
    schritte = {}
    for name, wert in gewicht.items():
        anteil = wert / gesamt if gesamt else Fraction(0)
        roh = summe * anteil
        eigene = plaetze.get(name, {})
        anrechnung = sum(
            (Fraction(str(r.faktor)) * eigene.get(r.art, 0) for r in gueltig), Fraction(0)
        )
        schritte[name] = (anteil, roh, anrechnung)
    offen = sum((max(s - c, Fraction(0)) for _, s, c in schritte.values()), Fraction(0))
    return {
        name: Monatsverteilung(
            monat,
            summe,
            anteil,
            roh,
            anrechnung,
            summe * max(roh - anrechnung, Fraction(0)) / offen if offen else Fraction(0),
        )
        for name, (anteil, roh, anrechnung) in schritte.items()
    }
