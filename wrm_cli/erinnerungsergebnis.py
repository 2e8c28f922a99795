"""What ``wrm erinnern`` wrote: one draft per Kommune to remind, the Kommunen without a
usable address, and the summary (terminal lines and the JSON contract)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict

from wrm_cli.ergebnis import Meldestatus
from wrm_cli.werte import datum_deutsch

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


def als_dict(ergebnis: Erinnerungen) -> JsonErinnerungen:
    return {
        "stichtag": ergebnis.stichtag.isoformat(),
        "entwuerfe": [
            {"kommune": e.kommune, "status": e.status, "an": e.an, "datei": str(e.datei)}
            for e in ergebnis.entwuerfe
        ],
        "ohne_adresse": [o.kommune for o in ergebnis.ohne_adresse],
    }


def als_json(ergebnis: Erinnerungen) -> str:
    return json.dumps(als_dict(ergebnis), ensure_ascii=False, indent=2) + "\n"


def als_text(ergebnis: Erinnerungen) -> str:
    """One line per draft (Kommune, status, recipient, file), then those without address."""
    tag = datum_deutsch(ergebnis.stichtag)
    if not ergebnis.noetig:
        return f"Stichtag {tag}: alle Kommunen haben aktuell gemeldet – keine Erinnerung nötig.\n"
    zeilen = [f"Erinnerungen zum Stichtag {tag}:"]
    zeilen += [f"  {e.kommune} ({e.status}) an {e.an}: {e.datei}" for e in ergebnis.entwuerfe]
    zeilen += [f"ohne Adresse: {o.kommune} ({o.status}) – {o.grund}" for o in ergebnis.ohne_adresse]
    anzahl = len(ergebnis.entwuerfe)
    zeilen.append(
        f"{anzahl} {'Entwurf' if anzahl == 1 else 'Entwürfe'} geschrieben – wrm versendet "
        "nichts: bitte im E-Mail-Programm öffnen, prüfen und senden."
    )
    return "\n".join(zeilen) + "\n"
