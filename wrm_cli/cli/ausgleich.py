"""``wrm ausgleich``: who could temporarily house whom – read and checked like ``wrm
auswerten``, then the optimal proposal. Registered on the app in cli/befehle.py."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated

import typer

from wrm_cli.berichte.formate import AUSGLEICH
from wrm_cli.cli.lauf import bericht_lesen, einstellungen_und_stichtag, ergebnis_ausgeben
from wrm_cli.cli.optionen import (
    AusgabeOption,
    DebugOption,
    EingabenArgument,
    KonfigOption,
    RekursivOption,
    StichtagOption,
    format_option,
    format_waehlen,
)
from wrm_cli.cli.schutz import geschuetzt
from wrm_cli.fehler import KonfigFehler


def ausgleich(
    eingaben: EingabenArgument = None,
    nur_sofort: Annotated[
        bool,
        typer.Option(
            "--nur-sofort",
            help="Nur sofort verfügbare Plätze (8)+(9) zählen, nicht die in Aussicht.",
        ),
    ] = False,
    max_km: Annotated[
        str | None,
        typer.Option(
            "--max-km",
            metavar="N",
            help="Nur Kommunen höchstens N km voneinander entfernt (Voreinstellung: "
            "\\[ausgleich] max_km aus wrm.toml, sonst ohne Grenze).",
            show_default=False,
        ),
    ] = None,
    format_: Annotated[str | None, format_option(AUSGLEICH)] = None,
    ausgabe: AusgabeOption = None,
    stichtag: StichtagOption = None,
    rekursiv: RekursivOption = False,
    archiv: Annotated[
        Path | None,
        typer.Option(
            "--archiv",
            metavar="DATEI",
            help="Archiv (SQLite-Datei): ohne EINGABE der Vorschlag zum Bericht des "
            "--stichtag daraus. Wird nur gelesen.",
            show_default=False,
        ),
    ] = None,
    konfig: KonfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Vorschlagen, welche Kommune Personen einer anderen vorübergehend unterbringen
    könnte: möglichst viele Personen, dann möglichst kurze Wege.

    Rückgabewerte:
    0 Vorschlag erstellt
    1 Eingaben mit Fehlern (Vorschlag für den Rest)
    2 falscher Aufruf oder ungültige Einstellung
    3 kein Vorschlag (nichts lesbar, keine gültige Meldung, Archiv nicht nutzbar)
    """
    with geschuetzt(debug):
        from wrm_cli.ablauf import mit_ausgleich

        eingaben = eingaben or []
        gewaehlt = format_waehlen(AUSGLEICH, format_, ausgabe)
        grenze = _km_lesen(max_km)
        einstellungen, tag = einstellungen_und_stichtag(eingaben, konfig, stichtag)
        if eingaben and archiv is not None:
            raise KonfigFehler(
                "wrm ausgleich liest entweder Meldungsdateien oder mit --archiv DATEI "
                "--stichtag DATUM einen Bericht aus dem Archiv – bitte nicht beides angeben."
            )
        archivdatei = archiv or einstellungen.archiv
        # The proposal is no evaluation of its own: it keeps nothing in the archive.
        bericht = bericht_lesen("ausgleich", eingaben, einstellungen, tag, rekursiv, archivdatei)
        bericht = mit_ausgleich(bericht, "sofort" if nur_sofort else "gesamt", grenze)
        eigene = [*bericht.gelesene_dateien, *bericht.unlesbare_dateien, archivdatei]
        ergebnis_ausgeben(gewaehlt, bericht, ausgabe, eigene, "Vorschlag")


def _km_lesen(text: str | None) -> float | None:
    """--max-km as people write it: 30, 12.5 or 12,5 – above 0."""
    if text is None:
        return None
    from wrm_cli.werte import zahl_lesen

    zahl = zahl_lesen(text)
    if isinstance(zahl, float) and math.isfinite(zahl) and zahl > 0:
        return zahl
    raise KonfigFehler(
        f"--max-km „{text}“ ist keine Entfernung über 0 km – erwartet wird eine Zahl, "
        "z. B. --max-km 30."
    )
