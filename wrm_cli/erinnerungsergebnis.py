"""What ``wrm erinnern`` wrote: one draft per Kommune to remind, the Kommunen without a
usable address, and the JSON contract of its summary (berichte/erinnerung_bericht.py
writes it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict

from wrm_cli.ergebnis import Meldestatus

# The states a reminder is written for, in the order the summary names them.
ZU_ERINNERN: tuple[Meldestatus, ...] = ("fehlt", "veraltet", "ohne Stand", "ungültig")


@dataclass(frozen=True)
class Entwurf:
    """One draft written: to whom, why, where."""

    kommune: str
    status: Meldestatus
    an: str  # the one recipient address
    datei: Path


@dataclass(frozen=True)
class OhneAdresse:
    """A Kommune to remind that got no draft: no address known, or not a usable one."""

    kommune: str
    status: Meldestatus
    grund: str  # names the file and cell (or wrm.toml entry) of the address


@dataclass
class Erinnerungen:
    stichtag: dt.date
    ordner: Path
    entwuerfe: list[Entwurf] = field(default_factory=list)
    ohne_adresse: list[OhneAdresse] = field(default_factory=list)

    @property
    def noetig(self) -> bool:
        """Some Kommune has to be reminded."""
        return bool(self.entwuerfe or self.ohne_adresse)


# The JSON contract (README, "wrm erinnern --format json"); tests/test_json_vertrag.py
# holds output, these types and the README table to the same keys.


class JsonEntwurf(TypedDict):
    """One written draft (``entwuerfe``)."""

    kommune: str
    status: Meldestatus
    an: str
    datei: str  # the path of the .eml file


class JsonErinnerungen(TypedDict):
    """The whole document of ``wrm erinnern --format json``."""

    stichtag: str  # ISO date
    entwuerfe: list[JsonEntwurf]
    ohne_adresse: list[str]  # Kommunen to remind without a usable address
