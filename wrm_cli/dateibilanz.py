"""Every input file's fate in a run, so the task force can account for each one. Pure.

A file is used (its Meldung is in the Auswertung), replaced (a newer or identical
Meldung of the same Kommune won), contradictory (another Meldung of the same Kommune
and Stand has other figures, so neither counts), faulty (its Meldung has
errors), without Meldung (nothing recognisable in it), passed over (lock files, other
documents, subfolders) or unreadable. System files (``.DS_Store``) are not listed.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from wrm_cli.befunde import Befund

Dateistatus = Literal[
    "verwendet",
    "ersetzt",
    "widersprüchlich",
    "fehlerhaft",
    "ohne Meldung",
    "übergangen",
    "unlesbar",
]
REIHENFOLGE: tuple[Dateistatus, ...] = get_args(Dateistatus)


@dataclass(frozen=True)
class Dateistand:
    datei: str
    status: Dateistatus
    kommunen: tuple[str, ...] = ()
    grund: str = ""


@dataclass(frozen=True)
class GeleseneDatei:
    """A file that could be read: the numbers of its Meldungen and its own Befunde."""

    pfad: Path
    meldungen: Sequence[int]
    befunde: Sequence[Befund]


def dateibilanz(
    gelesen: Sequence[GeleseneDatei],
    kommune_je_meldung: Mapping[int, str],
    verwendet: Collection[int],
    ersetzt: Mapping[int, str],
    widersprueche: Collection[int],
    ignoriert: Sequence[tuple[Path, str]],
    unlesbar: Sequence[tuple[Path, str]],
) -> list[Dateistand]:
    """``kommune_je_meldung`` covers the valid Meldungen; ``ersetzt`` says why a valid one
    was not used."""
    bilanz: list[Dateistand] = []
    for datei in gelesen:
        name = datei.pfad.name
        genutzt = [nr for nr in datei.meldungen if nr in verwendet]
        gueltig = [nr for nr in datei.meldungen if nr in kommune_je_meldung]
        if genutzt:
            kommunen = tuple(kommune_je_meldung[nr] for nr in genutzt)
            bilanz.append(Dateistand(name, "verwendet", kommunen))
        elif gueltig:
            kommunen = tuple(kommune_je_meldung[nr] for nr in gueltig)
            status: Dateistatus = (
                "widersprüchlich" if any(nr in widersprueche for nr in gueltig) else "ersetzt"
            )
            bilanz.append(Dateistand(name, status, kommunen, ersetzt.get(gueltig[0], "")))
        elif datei.meldungen:
            bilanz.append(
                Dateistand(name, "fehlerhaft", grund="Meldung mit Fehlern – siehe Fehlerliste.")
            )
        else:
            # The first error says why; a file passed over on purpose says so in a hint.
            gruende = sorted(datei.befunde, key=lambda befund: befund.stufe != "fehler")
            grund = gruende[0].kurztext if gruende else ""
            bilanz.append(Dateistand(name, "ohne Meldung", grund=grund))
    bilanz += [Dateistand(pfad.name, "übergangen", grund=grund) for pfad, grund in ignoriert]
    bilanz += [Dateistand(pfad.name, "unlesbar", grund=grund) for pfad, grund in unlesbar]
    return bilanz


def zusammenfassung(bilanz: Sequence[Dateistand]) -> str:
    """ "24 Dateien: 21 verwendet, 1 ersetzt, 1 übergangen, 1 unlesbar." """
    anzahl = {status: sum(d.status == status for d in bilanz) for status in REIHENFOLGE}
    teile = [f"{zahl} {status}" for status, zahl in anzahl.items() if zahl]
    gesamt = len(bilanz)
    wort = "Datei" if gesamt == 1 else "Dateien"
    return f"{gesamt} {wort}: {', '.join(teile)}." if teile else "Keine Dateien."
