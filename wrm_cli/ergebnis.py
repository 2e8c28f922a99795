"""What a run produces: the result types every renderer reads, and the typed rows of the
JSON contract.

They live here, below everything that computes or renders them, so that a renderer
needs the orchestrator no more than a computation needs a renderer.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypedDict, get_args

from wrm_cli.ausgleichsergebnis import Ausgleich
from wrm_cli.befunde import Befund, JsonBefund
from wrm_cli.felder import FELD, KAPAZITAETSFELDER, KOMMUNE, STAND
from wrm_cli.konfig import Einstellungen
from wrm_cli.prognoseergebnis import Prognose
from wrm_cli.werte import python_wert

if TYPE_CHECKING:
    import pandas as pd

    from wrm_cli.bezirk import Bezirk

# The columns of the evaluation table, in published order (after kommune and stand).
ZAHLSPALTEN: tuple[str, ...] = (
    "bisherige_zuweisungen",
    "zu_erfuellen",
    *KAPAZITAETSFELDER,
    "summe",
    "fehlender_wohnraum",
)
SPALTEN: tuple[str, ...] = (KOMMUNE, STAND, *ZAHLSPALTEN, "einschaetzung")
# The columns every report shows (the Stand is in the Übersicht and the Meldestatus).
BERICHTSSPALTEN: tuple[str, ...] = (KOMMUNE, *ZAHLSPALTEN, "einschaetzung")
KENNZAHLEN: tuple[str, ...] = (
    "benoetigter_wohnraum",
    "sofort_verfuegbar",
    "in_aussicht",
    "gesamtverfuegbarkeit",
    "fehlender_wohnraum",
)


@dataclass
class Auswertung:
    zeilen: pd.DataFrame  # SPALTEN, in report order; numbers Int64, blanks <NA>
    gesamt: dict[str, int]  # ZAHLSPALTEN
    kennzahlen: dict[str, int]  # KENNZAHLEN
    # The number of the Meldung (in the run) each row comes from, in report order.
    herkunft: list[int] = field(default_factory=list)

    def datensaetze(self) -> list[dict[str, Any]]:
        """The rows as plain Python values (None for blanks), in report order."""
        return [dict(zeile) for zeile in self._datensaetze]

    @functools.cached_property
    def _datensaetze(self) -> list[dict[str, Any]]:
        # Built once: every report and several hints read them, 11,000 rows for a Land.
        return [
            {str(spalte): python_wert(wert) for spalte, wert in zeile.items()}
            for zeile in self.zeilen.to_dict("records")
        ]


Meldestatus = Literal["aktuell", "veraltet", "ohne Stand", "ungültig", "fehlt"]


@dataclass(frozen=True)
class Meldestand:
    kommune: str
    status: Meldestatus
    stand: dt.date | None = None
    tage_alt: int | None = None
    datei: str | None = None
    # Why an "ungültig" Kommune's file gave no usable Meldung (its first error).
    grund: str | None = None


Dateistatus = Literal[
    "verwendet",
    "ersetzt",
    "widersprüchlich",
    "fehlerhaft",
    "ohne Meldung",
    "übergangen",
    "unlesbar",
]
DATEISTATUS: tuple[Dateistatus, ...] = get_args(Dateistatus)


@dataclass(frozen=True)
class Dateistand:
    """What became of one input file."""

    datei: str
    status: Dateistatus
    kommunen: tuple[str, ...] = ()
    grund: str = ""


@dataclass(frozen=True)
class Vergleich:
    """The change since the comparison run (the archive's latest run of an earlier
    Stichtag, or the one --vergleich names), each figure now − then, as reported then."""

    stichtag: dt.date  # the comparison run's Stichtag
    # Kommune of each current row → ZAHLSPALTEN; None where either side is blank or the
    # Kommune had no row then.
    zeilen: dict[str, dict[str, int | None]]
    gesamt: dict[str, int]  # ZAHLSPALTEN
    kennzahlen: dict[str, int]  # KENNZAHLEN
    # Which Kommunen the two tables hold differ: then the change of a total is partly
    # the change of who reported, which a report must say.
    neu: tuple[str, ...] = ()  # in the table now, not then
    weggefallen: tuple[str, ...] = ()  # in the table then, not now

    @property
    def gleiche_kommunen(self) -> bool:
        return not self.neu and not self.weggefallen


@dataclass(frozen=True)
class Verlaufspunkt:
    """The district's figures at one Stichtag, as its latest run reported them."""

    stichtag: dt.date
    meldende_kommunen: int
    gesamt: dict[str, int]  # ZAHLSPALTEN
    kennzahlen: dict[str, int]  # KENNZAHLEN
    kritisch: int  # Kommunen whose Einschätzung is "kritisch"
    anteil_dezentral: float | None  # Σ(7) / (Σ(6) + Σ(7)); None when nobody is housed
    # fehlender Wohnraum now − at the previous Stichtag of the series; None for the first.
    veraenderung_fehlend: int | None = None


@dataclass(frozen=True)
class Kommunenstelle:
    """One Kommune in one Stichtag's report: its status and fehlender Wohnraum then."""

    stichtag: dt.date
    status: str
    fehlender_wohnraum: int | None  # None: no row then, or (8)–(11) all blank


@dataclass
class Auswertungsbericht:
    stichtag: dt.date
    einstellungen: Einstellungen
    auswertung: Auswertung
    befunde: list[Befund]
    fehlende_kommunen: list[str]
    gelesene_dateien: list[Path] = field(default_factory=list)
    unlesbare_dateien: list[Path] = field(default_factory=list)
    # For the Excel report: all fields per evaluated Kommune, the state of every
    # Kommune's report, and what became of every input file.
    uebersicht: list[dict[str, Any]] = field(default_factory=list)
    meldestatus: list[Meldestand] = field(default_factory=list)
    dateien: list[Dateistand] = field(default_factory=list)
    # What the report says about its own data (auswertung.meldestatus.datenstand): the
    # oldest and newest Stand evaluated, whether even the newest is stale, and how many
    # Kommunen of the district have a valid Meldung in the Auswertung ("meldend").
    stand_aeltester: dt.date | None = None
    stand_neuester: dt.date | None = None
    daten_veraltet: bool = False
    meldende_kommunen: int = 0
    kommunen_im_bezirk: int = 0
    # The fehlender_wohnraum column added up, which the Gesamt (Σ(5) − ΣSumme) is not.
    spaltensumme_fehlend: int = 0
    # The per-Kommune "… Tage alt" hints, which text reports collapse into one line.
    veraltet_hinweise: list[Befund] = field(default_factory=list)
    # With an archive: the change since the comparison run (None without an earlier run),
    # and the district's series up to this Stichtag (for the Excel sheet "Verlauf").
    vergleich: Vergleich | None = None
    verlauf: list[Verlaufspunkt] = field(default_factory=list)
    # For the formats that show it (FORMAT.mit_ausgleich, ``wrm ausgleich``): who could
    # temporarily house whom (auswertung/ausgleich.py).
    ausgleich: Ausgleich | None = None
    # For the HTML page with an archive: each Kommune's last Stichtage, oldest first.
    kommunenverlauf: dict[str, list[Kommunenstelle]] = field(default_factory=dict)
    # For the formats that show it (FORMAT.mit_prognose, ``wrm prognose``): how long the
    # places last (auswertung/prognose.py).
    prognose: Prognose | None = None

    @property
    def bezirk(self) -> Bezirk:
        return self.einstellungen.bezirk

    @property
    def veraltete(self) -> list[Meldestand]:
        """The Kommunen whose Meldung is stale, oldest Stand first."""
        staende = [s for s in self.meldestatus if s.status == "veraltet"]
        return sorted(staende, key=lambda s: s.stand or dt.date.min)

    @property
    def alle_aktuell(self) -> bool:
        """Every Kommune of the district has a current, valid Meldung in the Auswertung."""
        return all(stand.status == "aktuell" for stand in self.meldestatus)

    @property
    def hat_fehler(self) -> bool:
        return any(befund.stufe == "fehler" for befund in self.befunde)

    @property
    def nichts_gelesen(self) -> bool:
        return not self.gelesene_dateien

    @property
    def nichts_auszuwerten(self) -> bool:
        """No Meldung in the Auswertung has anything in the fields (1)–(12): every Meldung
        is faulty, contradictory or an empty template. Such a run gets no report."""
        return not any(zeile[key] is not None for zeile in self.uebersicht for key in FELD)


@dataclass
class Dateipruefung:
    """The verdict on one file for the Kommune that sends it."""

    datei: Path
    lesbar: bool
    befunde: list[Befund] = field(default_factory=list)
    # One entry per valid Meldung in the file: its row of the Auswertung (Auswertung.datensaetze).
    meldungen: list[dict[str, Any]] = field(default_factory=list)
    # How messages name the file: the bare name, with its folder when the name repeats.
    name: str = ""

    @property
    def fehler(self) -> int:
        return sum(befund.stufe == "fehler" for befund in self.befunde)

    @property
    def hinweise(self) -> int:
        return sum(befund.stufe == "hinweis" for befund in self.befunde)

    @property
    def in_ordnung(self) -> bool:
        return self.lesbar and not self.fehler


@dataclass
class Pruefbericht:
    stichtag: dt.date
    einstellungen: Einstellungen
    dateien: list[Dateipruefung]
    # Files in a given folder that were not read (lock files, other file types).
    ignoriert: list[Befund] = field(default_factory=list)

    @property
    def bezirk(self) -> Bezirk:
        return self.einstellungen.bezirk

    @property
    def hat_fehler(self) -> bool:
        return any(datei.fehler for datei in self.dateien)

    @property
    def hat_unlesbare(self) -> bool:
        return any(not datei.lesbar for datei in self.dateien)


# The JSON contract (README, "JSON-Ausgabe (fester Vertrag)"): one TypedDict per object
# of ``wrm auswerten --format json`` and ``wrm pruefen --format json``, JsonBefund
# included (defined in befunde, which may not import this module); those of ``wrm
# verlauf`` are in verlaufsergebnis. Every key is always present; tests/test_json_vertrag.py
# holds output, these types and the README table to the same keys.


class JsonZeile(TypedDict):
    """A row of the Auswertung (``meldungen`` of ``wrm pruefen``, ``zeile`` of ``wrm
    verlauf --kommune``; with its change in ``zeilen``: JsonBerichtszeile)."""

    kommune: str
    stand: str | None  # ISO date
    bisherige_zuweisungen: int | None
    zu_erfuellen: int | None
    verfuegbar_gu: int | None
    verfuegbar_dezentral: int | None
    in_aussicht_gu: int | None
    in_aussicht_dezentral: int | None
    summe: int | None
    fehlender_wohnraum: int | None  # None when (8) to (11) are all blank
    einschaetzung: str | None


class JsonGesamt(TypedDict):
    """The total row (``gesamt``): the number columns of a row, summed."""

    bisherige_zuweisungen: int
    zu_erfuellen: int
    verfuegbar_gu: int
    verfuegbar_dezentral: int
    in_aussicht_gu: int
    in_aussicht_dezentral: int
    summe: int
    fehlender_wohnraum: int


class JsonKennzahlen(TypedDict):
    """The key figures under the table (``kennzahlen``), see KENNZAHLEN."""

    benoetigter_wohnraum: int
    sofort_verfuegbar: int
    in_aussicht: int
    gesamtverfuegbarkeit: int
    fehlender_wohnraum: int


class JsonZeilenveraenderung(TypedDict):
    """``veraenderung`` of a row: now − then for each number column (Vergleich.zeilen);
    None where either side is blank or the Kommune had no row then."""

    bisherige_zuweisungen: int | None
    zu_erfuellen: int | None
    verfuegbar_gu: int | None
    verfuegbar_dezentral: int | None
    in_aussicht_gu: int | None
    in_aussicht_dezentral: int | None
    summe: int | None
    fehlender_wohnraum: int | None


class JsonBerichtszeile(JsonZeile):
    """A row of ``zeilen`` of ``wrm auswerten``: the row and its change since the
    comparison run (None without one)."""

    veraenderung: JsonZeilenveraenderung | None


class JsonBerichtsgesamt(JsonGesamt):
    """``gesamt`` of ``wrm auswerten``, with its change (now − then; None without a
    comparison run)."""

    veraenderung: JsonGesamt | None


class JsonBerichtskennzahlen(JsonKennzahlen):
    """``kennzahlen`` of ``wrm auswerten``, with their change (None without a comparison
    run)."""

    veraenderung: JsonKennzahlen | None


class JsonVergleich(TypedDict):
    """``vergleich`` of ``wrm auswerten``: the run compared with (a Vergleich)."""

    stichtag: str  # ISO date: the comparison run's Stichtag
    neu: list[str]  # Kommunen in ``zeilen`` now, not then
    weggefallen: list[str]  # Kommunen in the table then, not now


class JsonDatei(TypedDict):
    """What became of one input file (``dateien`` of ``wrm auswerten``), a Dateistand."""

    datei: str
    status: Dateistatus
    kommunen: list[str]
    grund: str | None


class JsonAuswertungsbericht(TypedDict):
    """The whole document of ``wrm auswerten --format json``."""

    stichtag: str  # ISO date
    stand_aeltester: str | None  # ISO date: the oldest Stand of the Meldungen evaluated
    stand_neuester: str | None  # ISO date
    daten_veraltet: bool  # stand_neuester older than veraltet_nach_tagen before stichtag
    bezirk: str
    meldende_kommunen: int  # Kommunen of the district in ``zeilen`` (the Gesamt's)
    kommunen_im_bezirk: int
    vergleich: JsonVergleich | None  # None without an earlier run in the archive
    zeilen: list[JsonBerichtszeile]
    gesamt: JsonBerichtsgesamt
    kennzahlen: JsonBerichtskennzahlen
    fehlende_kommunen: list[str]
    befunde: list[JsonBefund]
    dateien: list[JsonDatei]


class JsonDateipruefung(TypedDict):
    """One checked file (``dateien`` of ``wrm pruefen``), a Dateipruefung."""

    datei: str  # the file name
    pfad: str  # as given on the command line (or found in a folder)
    lesbar: bool
    in_ordnung: bool
    fehler: int
    hinweise: int
    meldungen: list[JsonZeile]
    befunde: list[JsonBefund]


class JsonPruefbericht(TypedDict):
    """The whole document of ``wrm pruefen --format json``."""

    wrm_version: str
    stichtag: str  # ISO date
    bezirk: str
    dateien: list[JsonDateipruefung]
    ignoriert: list[JsonBefund]
