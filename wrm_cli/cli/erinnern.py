"""``wrm erinnern``: reminder drafts for every Kommune whose Meldung is missing, stale,
without Stand or faulty – read and checked like ``wrm auswerten``, then one .eml per
Kommune. Registered in cli/befehle.py."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wrm_cli.berichte.formate import ERINNERN
from wrm_cli.cli.konsole import ausgeben
from wrm_cli.cli.lauf import einstellungen_und_stichtag, fortschritt
from wrm_cli.cli.optionen import (
    DebugOption,
    KonfigOption,
    RekursivOption,
    StichtagOption,
    format_option,
    format_waehlen,
)
from wrm_cli.cli.schutz import EXIT_DATENFEHLER, EXIT_OK, EXIT_UNLESBAR, geschuetzt
from wrm_cli.fehler import KonfigFehler


def erinnern(
    eingaben: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="EINGABE",
            help="Die Meldungsdateien der Woche (.xlsx, .xls, .ods, .csv) und/oder Ordner "
            "mit solchen Dateien; ein leerer Ordner: alle Kommunen fehlen.",
            show_default=False,
        ),
    ] = None,
    archiv: Annotated[
        Path | None,
        typer.Option(
            "--archiv",
            metavar="DATEI",
            help="Archiv (SQLite-Datei), aus dessen Meldungen die Adresse einer Kommune "
            "kommt, deren Datei diese Woche fehlt. Wird nur gelesen (Voreinstellung: "
            "\\[archiv] datei aus wrm.toml).",
            show_default=False,
        ),
    ] = None,
    ausgabe: Annotated[
        Path | None,
        typer.Option(
            "--ausgabe",
            "-o",
            metavar="ORDNER",
            help="Die Entwürfe in diesen Ordner schreiben (Voreinstellung: "
            "erinnerungen/<Stichtag>/ im aktuellen Ordner).",
            show_default=False,
        ),
    ] = None,
    ueberschreiben: Annotated[
        bool,
        typer.Option("--ueberschreiben", help="Vorhandene Entwürfe ersetzen."),
    ] = False,
    format_: Annotated[str | None, format_option(ERINNERN)] = None,
    stichtag: StichtagOption = None,
    rekursiv: RekursivOption = False,
    konfig: KonfigOption = None,
    debug: DebugOption = False,
) -> None:
    """E-Mail-Entwürfe (.eml) an jede Kommune schreiben, deren Meldung fehlt, veraltet,
    ohne Stand oder fehlerhaft ist – wrm versendet nichts.

    Rückgabewerte:
    0 Entwürfe geschrieben
    1 nicht jede Kommune hat eine gültige Adresse (Entwürfe für die übrigen)
    2 falscher Aufruf oder ungültige Einstellung (auch ein vorhandener Entwurf)
    3 keine Erinnerung nötig (alle Kommunen haben aktuell gemeldet)
    """
    with geschuetzt(debug):
        from wrm_cli.ablauf import auswerten_mit_lauf
        from wrm_cli.erinnerung import erinnern as entwuerfe_schreiben
        from wrm_cli.erinnerung import standardordner

        gewaehlt = format_waehlen(ERINNERN, format_)
        if not eingaben:
            raise KonfigFehler(
                "Bitte die Meldungsdateien oder den Ordner der Woche angeben, z. B. "
                "wrm erinnern eingang/ – auch einen leeren Ordner: dann fehlen alle."
            )
        if archiv is not None and not archiv.is_file():
            raise KonfigFehler(f"--archiv {archiv}: diese Datei gibt es nicht.")
        einstellungen, tag = einstellungen_und_stichtag(eingaben, konfig, stichtag)
        # Nothing readable is no reason to stop: then every Kommune is reminded.
        with fortschritt() as anzeige:
            bericht, lauf = auswerten_mit_lauf(eingaben, einstellungen, tag, rekursiv, anzeige)
        ordner = ausgabe or standardordner(tag)
        ergebnis = entwuerfe_schreiben(
            bericht, lauf, archiv or einstellungen.archiv, ordner, ueberschreiben
        )
        inhalt = gewaehlt.schreiben(ergebnis)
        assert isinstance(inhalt, str), gewaehlt.name
        ausgeben(inhalt, gewaehlt.name)
        if not ergebnis.noetig:
            raise typer.Exit(EXIT_UNLESBAR)
        raise typer.Exit(EXIT_DATENFEHLER if ergebnis.ohne_adresse else EXIT_OK)
