"""What ``wrm verlauf`` produces: the district's series, one Kommune's series, or the
reporting discipline of every Kommune – and the typed rows of their JSON.

Like ``ergebnis``, below everything that computes or renders them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypedDict

from wrm_cli.ergebnis import JsonGesamt, JsonKennzahlen, JsonZeile, Meldestatus, Verlaufspunkt
from wrm_cli.konfig import Einstellungen

if TYPE_CHECKING:
    from wrm_cli.bezirk import Bezirk


@dataclass(frozen=True)
class Kommunenpunkt:
    """One Kommune in the report of one Stichtag."""

    stichtag: dt.date
    status: Meldestatus
    stand: dt.date | None
    # Its row of that report (Auswertung.datensaetze: kommune, stand, the number columns,
    # einschaetzung), None when it had no Meldung in it.
    zeile: dict[str, Any] | None
    # fehlender Wohnraum now − at the previous Stichtag of the series; None when either is
    # blank or it is the first.
    veraenderung_fehlend: int | None = None


@dataclass(frozen=True)
class Meldeverhalten:
    """How one Kommune reported over the selected Stichtage."""

    kommune: str
    laeufe: int  # Stichtage in the selection
    aktuell: int
    veraltet: int
    ohne_stand: int
    fehlt: int
    ungueltig: int
    # The longest stretch of consecutive Stichtage without a current Meldung.
    ohne_aktuelle_meldung_max: int
    # How many of the latest Stichtage in a row its Meldung said "kritisch".
    kritisch_in_folge: int
    letzter_stand: dt.date | None  # the newest Stand it ever had in the selection


Art = Literal["bezirk", "kommune", "meldungen"]


@dataclass
class Verlaufsbericht:
    """The answer of ``wrm verlauf``: one of the three views, for the Stichtage of the
    archive between ``von`` and ``bis``."""

    einstellungen: Einstellungen
    archiv: Path
    art: Art
    von: dt.date | None = None
    bis: dt.date | None = None
    punkte: list[Verlaufspunkt] = field(default_factory=list)  # art "bezirk"
    kommune: str | None = None  # art "kommune"
    kommunenpunkte: list[Kommunenpunkt] = field(default_factory=list)
    meldeverhalten: list[Meldeverhalten] = field(default_factory=list)  # art "meldungen"
    stichtage: list[dt.date] = field(default_factory=list)  # the Stichtage selected

    @property
    def bezirk(self) -> Bezirk:
        return self.einstellungen.bezirk

    @property
    def leer(self) -> bool:
        return not self.stichtage


# The JSON contract of ``wrm verlauf --format json`` (README, "JSON-Ausgabe").


class JsonVerlaufspunkt(TypedDict):
    stichtag: str  # ISO date
    meldende_kommunen: int
    gesamt: JsonGesamt
    kennzahlen: JsonKennzahlen
    kritisch: int
    anteil_dezentral: float | None
    veraenderung_fehlender_wohnraum: int | None


class JsonVerlauf(TypedDict):
    """``wrm verlauf``"""

    bezirk: str
    laeufe: list[JsonVerlaufspunkt]


class JsonKommunenpunkt(TypedDict):
    stichtag: str
    status: Meldestatus
    stand: str | None
    zeile: JsonZeile | None
    veraenderung_fehlender_wohnraum: int | None


class JsonKommunenverlauf(TypedDict):
    """``wrm verlauf --kommune NAME``"""

    bezirk: str
    kommune: str
    laeufe: list[JsonKommunenpunkt]


class JsonMeldeverhalten(TypedDict):
    kommune: str
    laeufe: int
    aktuell: int
    veraltet: int
    ohne_stand: int
    fehlt: int
    ungueltig: int
    ohne_aktuelle_meldung_max: int
    kritisch_in_folge: int
    letzter_stand: str | None


class JsonMeldungen(TypedDict):
    """``wrm verlauf --meldungen``"""

    bezirk: str
    stichtage: list[str]
    kommunen: list[JsonMeldeverhalten]
