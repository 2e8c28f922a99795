"""``wrm prognose``: how long the places last – read and checked like ``wrm auswerten``,
then the Reichweite per Kommune and for the district. Registered in cli/befehle.py."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wrm_cli.berichte.formate import PROGNOSE
from wrm_cli.cli.berichtsausgabe import bericht_ausgeben, geschrieben
from wrm_cli.cli.lauf import bericht_erstellen, einstellungen_und_stichtag
from wrm_cli.cli.optionen import (
    AusgabeOption,
    DebugOption,
    KonfigOption,
    RekursivOption,
    StichtagOption,
    format_option,
    format_waehlen,
    stichtag_lesen,
)
from wrm_cli.cli.schutz import EXIT_DATENFEHLER, EXIT_OK, geschuetzt
from wrm_cli.fehler import KonfigFehler


def prognose(
    eingaben: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="EINGABE",
            help="Meldungsdateien (.xlsx, .xls, .ods, .csv) und/oder Ordner mit solchen Dateien. "
            "Ohne Eingabe, aber mit Archiv: der Bericht zum --stichtag aus dem Archiv.",
            show_default=False,
        ),
    ] = None,
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
        if not eingaben and archivdatei is None:
            raise KonfigFehler(
                "Bitte Meldungsdateien oder Ordner angeben, z. B. wrm prognose eingang/ – "
                "oder mit --archiv DATEI --stichtag DATUM einen Bericht aus dem Archiv."
            )
        # The forecast is no evaluation of its own: the archive is only read (the trend).
        bericht = bericht_erstellen(
            eingaben, einstellungen, tag, rekursiv, archivdatei, aufbewahren=False
        )
        bericht = mit_prognose(bericht, prognosedatei, bis_tag, archivdatei)
        eigene = [*bericht.gelesene_dateien, *bericht.unlesbare_dateien]
        eigene += [pfad for pfad in (archivdatei, prognosedatei) if pfad is not None]
        ersetzt = bericht_ausgeben(gewaehlt, bericht, ausgabe, eigene)
        if ausgabe is not None:
            zeilen = geschrieben(bericht, ausgabe, ersetzt)
            zeilen[0] = zeilen[0].replace("Bericht geschrieben", "Prognose geschrieben", 1)
            for zeile in zeilen:
                typer.echo(zeile, err=True)
        raise typer.Exit(EXIT_DATENFEHLER if bericht.hat_fehler else EXIT_OK)
