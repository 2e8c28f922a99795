"""What goes into the archive and what comes out: plain values, no SQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from wrm_cli.archiv.schema import FELDER


@dataclass(frozen=True)
class Archivmeldung:
    """A Meldung as the archive stores it (a Kommune's canonical name, plain values)."""

    kommune: str
    stand: dt.date | None
    felder: dict[str, int | str | None]  # the twelve fields by key
    kontakt: dict[str, str | None]  # ansprechpartner, telefon, email
    datei: str  # the file name
    datei_sha256: str
    id: int | None = None  # once stored
    version: int = 1
    eingelesen_am: str | None = None

    @property
    def zahlen(self) -> tuple[object, ...]:
        """What makes two Meldungen of one Kommune and Stand the same: their figures."""
        return tuple(self.felder.get(key) for key in FELDER)


@dataclass(frozen=True)
class Einordnung:
    """How a Meldung of this run relates to those already stored for its Kommune and Stand."""

    meldung_id: int | None  # the identical Meldung already stored, else None (new)
    version: int  # the identical one's version, else the new version number
    neueste_version: int  # the highest version stored before this run (0: none)


@dataclass(frozen=True)
class Kommunenstatus:
    """A Kommune of the district in one run."""

    kommune: str
    status: str  # one of STATUS
    meldung: Archivmeldung | None = None
    datei: str | None = None
    grund: str | None = None


@dataclass(frozen=True)
class Laufsummen:
    """What a run reported for the district, kept with it for ``wrm verlauf``."""

    kommunen_im_bezirk: int
    meldende_kommunen: int
    kritisch: int
    untergebracht_gu: int
    untergebracht_dezentral: int
    gesamt: dict[str, int]  # ZAHLSPALTEN


@dataclass(frozen=True)
class Lauf:
    """One run: as stored, or as read back."""

    stichtag: dt.date
    bezirk: str
    wrm_version: str
    ausgefuehrt_am: str  # ISO timestamp with offset
    kommunen: list[Kommunenstatus]
    summen: Laufsummen | None
    befunde: list[dict[str, Any]] | None = None  # Befund.als_dict(); None before version 2
    dateien: list[dict[str, Any]] | None = None  # the JSON's "dateien"
    id: int | None = None
    # The run its report was compared with (None: none); from schema version 2 on, and
    # for older runs the one the rule gave then: the latest of an earlier Stichtag.
    vergleich_lauf_id: int | None = None
