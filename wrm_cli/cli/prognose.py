"""``wrm prognose``: how long the places last – read and checked like ``wrm auswerten``,
then the Reichweite per Kommune and for the district. Registered in cli/befehle.py."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wrm_cli.berichte.formate import PROGNOSE
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
    stichtag_lesen,
)
from wrm_cli.cli.schutz import geschuetzt


def prognose(
    eingaben: EingabenArgument = None,
    prognosedatei: Annotated[
        Path | None,
        typer.Option(
            "--prognose",
            metavar="DATEI",
            help="Erwartete Zuweisungen je Monat (monat;zuweisungen oder "
            "kommune;monat;zuweisungen; .csv, .xlsx, .ods) statt der Restquote bis "
            "\\[quote] ende (Voreinstellung: \\[prognose] datei aus wrm.toml).",
            show_default=False,
        ),
    ] = None,
    bis: Annotated[
        str | None,
        typer.Option(
            "--bis",
            metavar="DATUM",
            help="Die Prognose an diesem Tag enden lassen (Voreinstellung: Ende des "
            "Quotenzeitraums bzw. letzter Monat der Prognosedatei).",
            show_default=False,
        ),
    ] = None,
    format_: Annotated[str | None, format_option(PROGNOSE)] = None,
    ausgabe: AusgabeOption = None,
    stichtag: StichtagOption = None,
    rekursiv: RekursivOption = False,
    archiv: Annotated[
        Path | None,
        typer.Option(
            "--archiv",
            metavar="DATEI",
            help="Archiv (SQLite-Datei), aus dessen Verlauf die Spanne berechnet wird; ohne "
            "EINGABE kommt der Bericht zum --stichtag daraus. Wird nur gelesen "
            "(Voreinstellung: \\[archiv] datei aus wrm.toml).",
            show_default=False,
        ),
    ] = None,
    konfig: KonfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Berechnen, wie lange die Plätze jeder Kommune und des Landkreises bei den
    erwarteten Zuweisungen reichen (mit Spanne aus dem Verlauf im Archiv).

    Rückgabewerte:
    0 Prognose erstellt
    1 Eingaben mit Fehlern (Prognose für den Rest)
    2 falscher Aufruf oder ungültige Einstellung (auch eine fehlerhafte Prognosedatei)
    3 keine Prognose (nichts lesbar, keine gültige Meldung, Archiv nicht nutzbar)
    """
    with geschuetzt(debug):
        from wrm_cli.ablauf import mit_prognose

        eingaben = eingaben or []
        gewaehlt = format_waehlen(PROGNOSE, format_, ausgabe)
        bis_tag = stichtag_lesen(bis, "--bis")
        einstellungen, tag = einstellungen_und_stichtag(eingaben, konfig, stichtag)
        archivdatei = archiv or einstellungen.archiv
        # The forecast is no evaluation of its own: the archive is only read (the trend).
        bericht = bericht_lesen("prognose", eingaben, einstellungen, tag, rekursiv, archivdatei)
        bericht = mit_prognose(bericht, prognosedatei, bis_tag, archivdatei)
        eigene = [*bericht.gelesene_dateien, *bericht.unlesbare_dateien, archivdatei, prognosedatei]
        ergebnis_ausgeben(gewaehlt, bericht, ausgabe, eigene, "Prognose")
