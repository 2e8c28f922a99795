"""The settings wrm runs with (Einstellungen) and the one place every default lives.

konfig/__init__.py builds them from a wrm.toml; nothing else here reads a file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from wrm_cli.bezirk import Bezirk

EINGEBAUT = "eingebaute Voreinstellung"


@dataclass(frozen=True)
class Grenzen:
    """Limits per input file, against damaged and hostile files (see lesen/grenzen.py)."""

    # The template is about 10 KB; a table of all 11,000 German Kommunen about 1 MB.
    dateigroesse_mb: int = 20
    # What the zip may unpack to in total; the 11,000-row table unpacks to about 10 MB.
    entpackt_mb: int = 200
    # Unpacked / packed size of any member above 1 MB; honest sheets stay below 20.
    kompression: int = 100
    # Rows × columns from A1 to the last used cell of a sheet; the template needs about
    # 200, the 11,000-row table about 200,000. calamine holds the whole range (32 bytes a
    # cell, 64 for xls): 1,000,000 keeps a process under 150 MB (tests/test_speicher.py).
    zellen: int = 1_000_000


@dataclass(frozen=True)
class Ausgleichseinstellungen:
    """How ``wrm ausgleich`` proposes temporary housing in another Kommune ([ausgleich])."""

    # Places a giving Kommune keeps back: ceil(places × reserve_prozent / 100).
    reserve_prozent: float = 10
    # A Kommune assessing itself "kritisch" offers nothing, unless this is true.
    kritische_geben: bool = False
    # Pairs farther apart than this are not proposed (None: no limit).
    max_km: float | None = None
    # Road kilometres (kommune_von;kommune_nach;km) instead of the great-circle distance.
    entfernungen: Path | None = None


Verteilschluessel = Literal["quote", "einwohner", "fest"]
VERTEILSCHLUESSEL: tuple[Verteilschluessel, ...] = ("quote", "einwohner", "fest")


@dataclass(frozen=True)
class Prognoseeinstellungen:
    """How ``wrm prognose`` expects the assignments to come ([prognose])."""

    # A forecast of assignments (monat;zuweisungen or kommune;monat;zuweisungen).
    datei: Path | None = None
    # How district totals are split among the Kommunen.
    schluessel: Verteilschluessel = "quote"
    # Kommunen whose places "sofort" last fewer weeks than this are flagged.
    warnung_wochen: int = 4


@dataclass(frozen=True)
class Erinnerungseinstellungen:
    """How ``wrm erinnern`` writes its drafts ([erinnerung])."""

    # The From of every draft (one address); None: the mail client's account fills it.
    absender: str | None = None
    # The lines under "Mit freundlichen Grüßen" (line breaks kept).
    unterschrift: str | None = None
    # The answer-by date: the Stichtag plus this many days.
    frist_tage: int = 3


@dataclass(frozen=True)
class Anrechnungsregel:
    """One [[anrechnung]]: the places of a kind of Land facility a Kommune hosts count
    with ``faktor`` on its share of the assignments, from ``ab`` to ``bis`` (inclusive)."""

    art: str
    faktor: float
    ab: dt.date | None = None
    bis: dt.date | None = None

    def gilt_am(self, tag: dt.date) -> bool:
        return (self.ab is None or self.ab <= tag) and (self.bis is None or tag <= self.bis)


@dataclass(frozen=True)
class Einstellungen:
    """The district and how wrm judges its Meldungen."""

    bezirk: Bezirk
    # What the form calls the district ("Landkreis: …"), e.g. "Region" or "Kreis".
    bezeichnung: str = "Landkreis"
    # The report's Stichtag when neither --stichtag nor the command gives one (else today).
    stichtag: dt.date | None = None
    # A Meldung whose Stand is older than this many days before the Stichtag is "veraltet".
    veraltet_nach_tagen: int = 14
    # "ausreichend" is questioned only from this many persons without housing on.
    einschaetzung_toleranz: int = 10
    grenzen: Grenzen = field(default_factory=Grenzen)
    quelle: str = EINGEBAUT
    # The archive every run of ``wrm auswerten`` adds to ([archiv] datei, relative to the
    # wrm.toml's folder); None: no archive, reports have no comparison.
    archiv: Path | None = None
    # How long a run waits while another one writes to the archive, then gives up.
    archiv_wartezeit_sekunden: int = 30
    ausgleich: Ausgleichseinstellungen = field(default_factory=Ausgleichseinstellungen)
    prognose: Prognoseeinstellungen = field(default_factory=Prognoseeinstellungen)
    anrechnung: tuple[Anrechnungsregel, ...] = ()
    erinnerung: Erinnerungseinstellungen = field(default_factory=Erinnerungseinstellungen)
