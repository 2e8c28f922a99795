"""What ``wrm ausgleich`` proposes: who could temporarily house whom, and each
Kommune's balance. Computed by auswertung/ausgleich.py, rendered by berichte/.

It lives below ergebnis.py, whose Auswertungsbericht carries it (``ausgleich``), so the
Excel report of ``wrm auswerten`` can show it beside the table.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypedDict

from wrm_cli.befunde import JsonBefund

# "gesamt": all places (8)–(11) count; "sofort" (--nur-sofort): only (8)+(9).
Grundlage = Literal["gesamt", "sofort"]


@dataclass(frozen=True)
class Vorschlag:
    """``personen`` assigned to ``zuweisungskommune`` housed in ``aufnehmende_kommune``."""

    zuweisungskommune: str
    aufnehmende_kommune: str
    personen: int
    km: float  # the distance as used (not rounded)
    km_aus_datei: bool = False  # from the distance file, not the great-circle distance


@dataclass(frozen=True)
class Ausgleichsbilanz:
    """One Kommune taking part: its figures and what the proposal does with them."""

    kommune: str
    fehlend: int  # f: fehlender Wohnraum on the chosen basis
    plaetze: int  # (8)+(9)+(10)+(11), or (8)+(9) for "sofort"
    reserve: int  # ceil(plaetze × reserve_prozent / 100)
    kritisch: bool  # assesses itself "kritisch" (then it offers nothing, by default)
    bedarf: int  # max(f, 0)
    angebot: int  # max(−f − reserve, 0); 0 for a "kritisch" Kommune by default
    gedeckt: int = 0  # of its need, housed elsewhere by the proposal
    vergeben: int = 0  # of its offer, given to others by the proposal

    @property
    def ungedeckt(self) -> int:
        return self.bedarf - self.gedeckt


@dataclass(frozen=True)
class Ausgleichssumme:
    bedarf: int
    gedeckt: int
    ungedeckt: int
    angebot: int
    vergeben: int
    personen_km: float  # Σ km × personen over the proposal (unrounded km)


@dataclass(frozen=True)
class Ausgleich:
    """The optimal proposal: as many persons covered as possible, then the fewest
    person-kilometres; with the settings it was computed with."""

    grundlage: Grundlage
    reserve_prozent: float
    kritische_geben: bool
    max_km: float | None
    entfernungen: Path | None  # the distance file used, if any
    vorschlaege: tuple[Vorschlag, ...]  # by need of the Zuweisungskommune, then km
    kommunen: tuple[Ausgleichsbilanz, ...]  # need first (largest first), then offer
    # Kommunen with a valid Meldung but no fehlender Wohnraum ((8)–(11) all blank).
    ohne_angaben: tuple[str, ...] = ()

    @property
    def summe(self) -> Ausgleichssumme:
        kommunen = self.kommunen
        return Ausgleichssumme(
            bedarf=sum(k.bedarf for k in kommunen),
            gedeckt=sum(k.gedeckt for k in kommunen),
            ungedeckt=sum(k.ungedeckt for k in kommunen),
            angebot=sum(k.angebot for k in kommunen),
            vergeben=sum(k.vergeben for k in kommunen),
            personen_km=sum(v.km * v.personen for v in self.vorschlaege),
        )


# The JSON contract of ``wrm ausgleich --format json`` (README, "JSON-Ausgabe").


class JsonVorschlag(TypedDict):
    zuweisungskommune: str
    aufnehmende_kommune: str
    personen: int
    km: float  # rounded to 0.1


class JsonAusgleichskommune(TypedDict):
    kommune: str
    bedarf: int
    gedeckt: int
    ungedeckt: int
    angebot: int
    vergeben: int


class JsonAusgleichssumme(TypedDict):
    bedarf: int
    gedeckt: int
    ungedeckt: int
    angebot: int
    vergeben: int
    personen_km: float  # rounded to 0.1


class JsonAusgleichsbericht(TypedDict):
    """The whole document of ``wrm ausgleich --format json``."""

    stichtag: str  # ISO date
    bezirk: str
    grundlage: Grundlage
    vorschlaege: list[JsonVorschlag]
    kommunen: list[JsonAusgleichskommune]
    summe: JsonAusgleichssumme
    befunde: list[JsonBefund]
