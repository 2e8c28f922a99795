"""What ``wrm prognose`` computes: how long each Kommune's places last, with every step of
the Verteilschlüssel. Computed by auswertung/prognose.py, rendered by berichte/.

It lives below ergebnis.py, whose Auswertungsbericht carries it (``prognose``), so the
Excel report and the pressetext of ``wrm auswerten`` can show it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Literal, TypedDict

from wrm_cli.befunde import JsonBefund

# "quote": each Kommune's remaining quota until [quote] ende; "datei": a forecast file.
Quelle = Literal["quote", "datei"]


@dataclass(frozen=True)
class Zuweisungsprognose:
    """A forecast file as read: persons per month (first day of the month), for the
    district (``kommune`` None) or per Kommune (official names)."""

    datei: Path
    je_kommune: bool
    werte: dict[tuple[str | None, dt.date], int]

    @property
    def monate(self) -> list[dt.date]:
        return sorted({monat for _, monat in self.werte})


@dataclass(frozen=True)
class Reichweite:
    """The first t ≥ 0 (days from the Stichtag) at which the expected persons fill the
    places: the date Stichtag + ⌊t⌋ and t/7 weeks (one decimal)."""

    tage: Fraction
    datum: dt.date
    wochen: float


@dataclass(frozen=True)
class Monatsverteilung:
    """One month of a district total split by the Verteilschlüssel, for one Kommune."""

    monat: dt.date  # the month's first day
    summe: int  # the district's total of the month (the whole month)
    anteil: Fraction  # key share (0–1)
    rohanteil: Fraction  # s = summe × anteil
    anrechnung: Fraction  # c = Σ factors of the rules valid on the 1st × places of that kind
    erwartet: Fraction  # e = summe × max(s − c, 0) / Σ max(s − c, 0)


@dataclass(frozen=True)
class Spanne:
    """The Reichweite "sofort" at the observed increase of (1) per day over the last 4
    and 8 weeks: ``niedrig`` the earlier date (higher rate), ``hoch`` the later one (None:
    beyond the horizon)."""

    pro_tag_4_wochen: Fraction  # negative increases count as 0
    pro_tag_8_wochen: Fraction
    niedrig: Reichweite | None
    hoch: Reichweite | None


@dataclass(frozen=True)
class Kommunenprognose:
    kommune: str
    plaetze_sofort: int  # (8)+(9), blanks 0
    plaetze_gesamt: int  # (8)+(9)+(10)+(11), blanks 0
    erwartet: Fraction  # persons expected from the Stichtag to the horizon's end
    erwartet_pro_woche: Fraction  # persons expected in the first 7 days (per week)
    reichweite_sofort: Reichweite | None  # None: the places last beyond the horizon
    reichweite_gesamt: Reichweite | None
    spanne: Spanne | None = None
    warnung: bool = False  # Reichweite sofort shorter than [prognose] warnung_wochen
    verteilung: tuple[Monatsverteilung, ...] | None = None  # district totals only


@dataclass(frozen=True)
class Prognose:
    quelle: Quelle
    datei: Path | None  # the forecast file ("datei")
    schluessel: str | None  # the Verteilschlüssel, when district totals were split
    quote_ende: dt.date | None
    bis: dt.date  # the last day of the forecast (quota end, file's last month, --bis)
    warnung_wochen: int
    kommunen: tuple[Kommunenprognose, ...]  # soonest Reichweite sofort first
    bezirk_gesamt: Kommunenprognose  # on the sums of ``kommunen``
    # What the reader must know: months without persons, Kommunen the file omits, why
    # there is no band.
    hinweise: tuple[str, ...] = field(default_factory=tuple)
    # The Stichtage of the archive the band was computed from (empty: no band).
    trend_stichtage: tuple[dt.date, ...] = ()


# The JSON contract of ``wrm prognose --format json`` (README, "wrm prognose --format json").


class JsonReichweite(TypedDict):
    datum: str  # ISO date
    wochen: float  # one decimal


class JsonSpanne(TypedDict):
    niedrig: JsonReichweite | None
    hoch: JsonReichweite | None


class JsonVerteilung(TypedDict):
    monat: str  # "2016-04"
    anteil: float  # key share in percent, 3 decimals
    rohanteil: float  # persons, 2 decimals
    anrechnung: float
    erwartet: float


class JsonPrognosebezirk(TypedDict):
    kommune: str
    plaetze_sofort: int
    plaetze_gesamt: int
    erwartet_pro_woche: float  # one decimal
    reichweite_sofort: JsonReichweite | None
    reichweite_gesamt: JsonReichweite | None
    spanne: JsonSpanne | None
    warnung: bool


class JsonPrognosekommune(JsonPrognosebezirk):
    verteilung: list[JsonVerteilung] | None


class JsonPrognosebericht(TypedDict):
    """The whole document of ``wrm prognose --format json``."""

    stichtag: str  # ISO date
    bezirk: str
    quelle: Quelle
    schluessel: str | None
    bis: str  # ISO date
    kommunen: list[JsonPrognosekommune]
    bezirk_gesamt: JsonPrognosebezirk
    befunde: list[JsonBefund]
