"""``wrm verlauf``: the archive's history – the district per Stichtag, one Kommune, or
who reported how often. Registered on the app in cli/befehle.py."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from wrm_cli.berichte.formate import VERLAUF
from wrm_cli.cli.berichtsausgabe import bericht_ausgeben
from wrm_cli.cli.optionen import (
    ArchivOption,
    AusgabeOption,
    DebugOption,
    KonfigOption,
    VerlaufFormatOption,
    format_waehlen,
    stichtag_lesen,
)
from wrm_cli.cli.schutz import EXIT_OK, geschuetzt
from wrm_cli.fehler import KonfigFehler

if TYPE_CHECKING:
    from wrm_cli.verlaufsergebnis import Art


def verlauf(
    archiv: ArchivOption = None,
    von: Annotated[
        str | None,
        typer.Option("--von", metavar="DATUM", help="Erster Stichtag.", show_default=False),
    ] = None,
    bis: Annotated[
        str | None,
        typer.Option("--bis", metavar="DATUM", help="Letzter Stichtag.", show_default=False),
    ] = None,
    kommune: Annotated[
        str | None,
        typer.Option(
            "--kommune",
            "-k",
            metavar="NAME",
            help="Der Verlauf einer Kommune: Meldestatus, Stand und Zeile je Stichtag.",
            show_default=False,
        ),
    ] = None,
    meldungen: Annotated[
        bool,
        typer.Option(
            "--meldungen",
            help="Meldeverhalten je Kommune: wie oft aktuell, veraltet, fehlend, ungültig; "
            "längste Zeit ohne aktuelle Meldung; wie oft zuletzt in Folge „kritisch“.",
        ),
    ] = False,
    format_: VerlaufFormatOption = None,
    ausgabe: AusgabeOption = None,
    konfig: KonfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Den Verlauf aus dem Archiv zeigen: je Stichtag die Zahlen des Landkreises, einer
    Kommune oder das Meldeverhalten.

    Rückgabewerte:
    0 Verlauf gezeigt
    2 falscher Aufruf
    3 Archiv fehlt oder ist nicht nutzbar
    """
    with geschuetzt(debug):
        from wrm_cli.chronik import verlauf as verlauf_
        from wrm_cli.konfig import einstellungen_bestimmen

        if kommune is not None and meldungen:
            raise KonfigFehler("Bitte entweder --kommune NAME oder --meldungen angeben.")
        gewaehlt = format_waehlen(VERLAUF, format_, ausgabe)
        anfang, ende = stichtag_lesen(von, "--von"), stichtag_lesen(bis, "--bis")
        einstellungen = einstellungen_bestimmen([], konfig)
        pfad = archiv or einstellungen.archiv
        if pfad is None:
            raise KonfigFehler(
                "Kein Archiv angegeben: bitte --archiv DATEI oder in wrm.toml [archiv] datei = "
                '"wrm-archiv.sqlite" angeben.'
            )
        art: Art = "kommune" if kommune is not None else "meldungen" if meldungen else "bezirk"
        bericht = verlauf_(pfad, einstellungen, art, anfang, ende, kommune)
        ersetzt = bericht_ausgeben(gewaehlt, bericht, ausgabe, [pfad])
        if ausgabe is not None:
            vorher = " (die vorhandene Datei wurde ersetzt)" if ersetzt else ""
            typer.echo(f"Verlauf geschrieben: {ausgabe}{vorher}", err=True)
        raise typer.Exit(EXIT_OK)
