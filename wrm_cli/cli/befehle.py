"""The command line: options → core call → render → exit code.

Heavy libraries (pandas, pandera, openpyxl) are imported inside the commands,
so ``wrm --help`` stays instant.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wrm_cli import __version__
from wrm_cli.berichte.formate import AUSWERTEN, PRUEFEN
from wrm_cli.cli.ausgleich import ausgleich
from wrm_cli.cli.berichtsausgabe import bericht_ausgeben, geschrieben
from wrm_cli.cli.deutsch import (
    DeutscheGruppe,
    DeutscherBefehl,
    beispiele,
    nutzungsfehler_zeigen,
    optionen_eindeutschen,
)
from wrm_cli.cli.erinnern import erinnern
from wrm_cli.cli.konsole import ausgeben
from wrm_cli.cli.lauf import (
    bericht_erstellen,
    einstellungen_und_stichtag,
    fortschritt,
    mit_beigaben,
)
from wrm_cli.cli.optionen import (
    ArchivOption,
    AusgabeOption,
    AuswertenFormatOption,
    DebugOption,
    EingabenArgument,
    KonfigOption,
    PruefenFormatOption,
    RekursivOption,
    StichtagOption,
    archiv_waehlen,
    format_waehlen,
    stichtag_lesen,
)
from wrm_cli.cli.prognose import prognose
from wrm_cli.cli.schutz import (
    EXIT_DATENFEHLER,
    EXIT_OK,
    EXIT_UNLESBAR,
    geschuetzt,
)
from wrm_cli.cli.verlauf import verlauf
from wrm_cli.fehler import KonfigFehler

if TYPE_CHECKING:
    pass


app = typer.Typer(
    name="wrm",
    help="Wohnraummanagement: Meldungen der Kommunen prüfen und für den Landkreis auswerten.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    options_metavar="[OPTIONEN]",
    subcommand_metavar="BEFEHL [ARGUMENTE]...",
    cls=DeutscheGruppe,
    epilog=beispiele(
        ("wrm vorlage --kommune Melle", "Vorlage für eine Kommune"),
        ("wrm pruefen Meldung_Melle.xlsx", "ausgefüllte Vorlage vor dem Senden prüfen"),
        ("wrm auswerten eingang/", "alle Meldungen im Ordner auswerten"),
        ("wrm auswerten --help", "Hilfe zu einem Befehl"),
    ),
)


def _version(wert: bool) -> None:
    if wert:
        typer.echo(f"wrm {__version__}")
        raise typer.Exit()


@app.callback()
def hauptbefehl(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Version anzeigen und beenden."
        ),
    ] = False,
) -> None:
    """Wohnraummanagement: Meldungen der Kommunen prüfen und für den Landkreis auswerten."""


@app.command(
    cls=DeutscherBefehl,
    options_metavar="[OPTIONEN]",
    epilog=beispiele(
        ("wrm auswerten eingang/", "Bericht auf dem Bildschirm"),
        ("wrm auswerten eingang/ -o bericht.xlsx", "Excel-Bericht als Datei"),
        ("wrm auswerten eingang/ --archiv archiv.sqlite", "mit Vorwoche vergleichen"),
    ),
)
def auswerten(
    eingaben: EingabenArgument = None,
    format_: AuswertenFormatOption = None,
    ausgabe: AusgabeOption = None,
    stichtag: StichtagOption = None,
    rekursiv: RekursivOption = False,
    archiv: ArchivOption = None,
    ohne_archiv: Annotated[
        bool,
        typer.Option(
            "--ohne-archiv",
            help="Diesmal ohne Archiv auswerten (nichts aufbewahren, kein Vergleich).",
        ),
    ] = False,
    vergleich: Annotated[
        str | None,
        typer.Option(
            "--vergleich",
            metavar="DATUM",
            help="Mit dem Bericht dieses Stichtags aus dem Archiv vergleichen (Voreinstellung: "
            "der letzte Stichtag davor).",
            show_default=False,
        ),
    ] = None,
    konfig: KonfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Meldungen prüfen, zusammenführen und die Auswertung des Landkreises erstellen.

    Rückgabewerte:
    0 Bericht erstellt
    1 Eingaben mit Fehlern (Bericht für den Rest)
    2 falscher Aufruf
    3 kein Bericht (nichts lesbar, keine gültige Meldung, Archiv nicht nutzbar)
    """
    with geschuetzt(debug):
        eingaben = eingaben or []
        gewaehlt = format_waehlen(AUSWERTEN, format_, ausgabe)
        einstellungen, tag = einstellungen_und_stichtag(eingaben, konfig, stichtag)
        archivdatei = archiv_waehlen(archiv, ohne_archiv, einstellungen)
        vergleich_am = stichtag_lesen(vergleich, "--vergleich")
        if vergleich_am is not None and archivdatei is None:
            raise KonfigFehler("--vergleich braucht ein Archiv: bitte --archiv DATEI angeben.")
        if not eingaben and archivdatei is None:
            raise KonfigFehler(
                "Bitte Meldungsdateien oder Ordner angeben, z. B. wrm auswerten eingang/ – "
                "oder mit --archiv DATEI --stichtag DATUM einen früheren Bericht wiederholen."
            )
        bericht = bericht_erstellen(
            eingaben, einstellungen, tag, rekursiv, archivdatei, vergleich_am
        )
        bericht = mit_beigaben(gewaehlt, bericht, archivdatei)
        if gewaehlt.terminal and ausgabe is None and sys.stdout.isatty():
            # In colour; a file or pipe gets the same lines from the format's writer.
            from rich.console import Console

            from wrm_cli.cli.ansicht import bericht_zeigen

            bericht_zeigen(bericht, Console(highlight=False))
        else:
            eigene = [*bericht.gelesene_dateien, *bericht.unlesbare_dateien]
            if archivdatei is not None:
                eigene.append(archivdatei)
            ersetzt = bericht_ausgeben(gewaehlt, bericht, ausgabe, eigene)
            if ausgabe is not None:
                # The report is in a file: what the task force must know stays on the screen.
                for zeile in geschrieben(bericht, ausgabe, ersetzt):
                    typer.echo(zeile, err=True)
        raise typer.Exit(EXIT_DATENFEHLER if bericht.hat_fehler else EXIT_OK)


@app.command(
    cls=DeutscherBefehl,
    options_metavar="[OPTIONEN]",
    epilog=beispiele(
        ("wrm pruefen Meldung_Melle.xlsx", "eine Datei prüfen"),
        ("wrm pruefen eingang/ --stichtag 16.03.2016", "alle Dateien im Ordner"),
        ("wrm pruefen Meldung_Melle.xlsx -f json", "Ergebnis für andere Programme"),
    ),
)
def pruefen(
    dateien: Annotated[
        list[Path],
        typer.Argument(
            metavar="DATEI",
            help="Ausgefüllte Vorlagen oder Tabellen (.xlsx, .xls, .ods, .csv), auch Ordner.",
            show_default=False,
        ),
    ],
    format_: PruefenFormatOption = None,
    stichtag: StichtagOption = None,
    rekursiv: RekursivOption = False,
    konfig: KonfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Meldungsdateien vor dem Versenden prüfen; die Dateien bleiben unverändert.

    Rückgabewerte:
    0 keine Fehler (Hinweise möglich)
    1 Fehler gefunden
    2 falscher Aufruf
    3 eine Datei ist nicht lesbar
    """
    with geschuetzt(debug):
        from wrm_cli.ablauf import pruefen_dateien

        gewaehlt = format_waehlen(PRUEFEN, format_)
        einstellungen, tag = einstellungen_und_stichtag(dateien, konfig, stichtag)
        with fortschritt() as anzeige:
            bericht = pruefen_dateien(dateien, einstellungen, tag, rekursiv, anzeige)
        inhalt = gewaehlt.schreiben(bericht)
        assert isinstance(inhalt, str), gewaehlt.name
        ausgeben(inhalt, gewaehlt.name)
        if bericht.hat_unlesbare:
            raise typer.Exit(EXIT_UNLESBAR)
        raise typer.Exit(EXIT_DATENFEHLER if bericht.hat_fehler else EXIT_OK)


@app.command(
    cls=DeutscherBefehl,
    options_metavar="[OPTIONEN]",
    epilog=beispiele(
        ("wrm vorlage --kommune Melle", "ergibt Meldung_Melle.xlsx"),
        ('wrm vorlage -k Melle -k "Bad Essen" -o vorlagen/', "zwei Kommunen"),
        ("wrm vorlage --alle -o vorlagen/", "jede Kommune des Bezirks"),
    ),
)
def vorlage(
    kommune: Annotated[
        list[str] | None,
        typer.Option(
            "--kommune",
            "-k",
            metavar="NAME",
            help="Vorlage für diese Kommune erstellen (mehrfach angebbar).",
            show_default=False,
        ),
    ] = None,
    alle: Annotated[
        bool,
        typer.Option("--alle", help="Je eine Vorlage für jede Kommune des Bezirks erstellen."),
    ] = False,
    ausgabe: Annotated[
        Path,
        typer.Option(
            "--ausgabe",
            "-o",
            metavar="ORDNER",
            help="Ordner für die Vorlagen (wird bei Bedarf angelegt; Voreinstellung: der "
            "aktuelle Ordner). Bei einer Kommune auch ein Dateiname auf .xlsx.",
            show_default=False,
        ),
    ] = Path("."),
    ueberschreiben: Annotated[
        bool,
        typer.Option(
            "--ueberschreiben",
            help="Vorhandene Dateien gleichen Namens ersetzen (sonst bricht wrm ab, damit "
            "keine ausgefüllte Meldung verloren geht).",
        ),
    ] = False,
    konfig: Annotated[
        Path | None,
        typer.Option(
            "--konfig",
            metavar="DATEI",
            help="Einstellungsdatei wrm.toml (Voreinstellung: wrm.toml im aktuellen "
            "Ordner, sonst Landkreis Osnabrück).",
            show_default=False,
        ),
    ] = None,
    debug: DebugOption = False,
) -> None:
    """Die Excel-Vorlage erstellen, in die eine Kommune ihre Zahlen einträgt.

    Rückgabewerte:
    0 Vorlagen geschrieben
    2 falscher Aufruf (z. B. unbekannte Kommune oder Datei schon vorhanden)
    """
    with geschuetzt(debug):
        from wrm_cli.konfig import einstellungen_bestimmen
        from wrm_cli.vorlage import vorlagen_planen, vorlagen_schreiben

        if alle == bool(kommune):
            raise KonfigFehler(
                "Bitte entweder --kommune NAME oder --alle angeben, z. B. "
                "wrm vorlage --kommune Melle."
            )
        einstellungen = einstellungen_bestimmen([], konfig)
        bezirk = einstellungen.bezirk
        namen = list(bezirk.kommunennamen) if alle else list(kommune or [])
        ziele = vorlagen_planen(bezirk, namen, ausgabe, ueberschreiben)
        for ziel in vorlagen_schreiben(einstellungen, ziele):
            typer.echo(f"Vorlage geschrieben: {ziel}")


app.command(
    cls=DeutscherBefehl,
    options_metavar="[OPTIONEN]",
    short_help="Den Verlauf aus dem Archiv zeigen: Landkreis, eine Kommune oder Meldeverhalten.",
    epilog=beispiele(
        ("wrm verlauf --archiv archiv.sqlite", "der Landkreis je Stichtag"),
        ("wrm verlauf --archiv archiv.sqlite --kommune Melle", "eine Kommune"),
        ("wrm verlauf --archiv archiv.sqlite --meldungen", "wer wie gemeldet hat"),
        ("wrm verlauf --archiv archiv.sqlite -o verlauf.xlsx", "Excel mit Diagramm"),
    ),
)(verlauf)


app.command(
    cls=DeutscherBefehl,
    options_metavar="[OPTIONEN]",
    short_help="Vorschlagen, welche Kommune Personen einer anderen vorübergehend aufnehmen könnte.",
    epilog=beispiele(
        ("wrm ausgleich eingang/", "Vorschlag auf dem Bildschirm"),
        ("wrm ausgleich eingang/ --nur-sofort", "nur sofort verfügbare Plätze"),
        ("wrm ausgleich eingang/ --max-km 20", "nur kurze Wege"),
        ("wrm ausgleich eingang/ -o ausgleich.xlsx", "als Excel-Datei"),
    ),
)(ausgleich)


app.command(
    cls=DeutscherBefehl,
    options_metavar="[OPTIONEN]",
    short_help="Berechnen, wie lange die Plätze jeder Kommune bei den Zuweisungen reichen.",
    epilog=beispiele(
        ("wrm prognose eingang/", "bis zum Ende der Quote"),
        ("wrm prognose eingang/ --prognose zuweisungen.csv", "aus einer Prognose"),
        ("wrm prognose eingang/ --archiv archiv.sqlite", "mit Spanne aus dem Verlauf"),
        ("wrm prognose eingang/ -o prognose.xlsx", "als Excel-Datei"),
    ),
)(prognose)


app.command(
    cls=DeutscherBefehl,
    options_metavar="[OPTIONEN]",
    short_help="E-Mail-Entwürfe an Kommunen, deren Meldung fehlt, veraltet oder fehlerhaft ist.",
    epilog=beispiele(
        ("wrm erinnern eingang/", "ein Entwurf je säumige Kommune"),
        ("wrm erinnern eingang/ --archiv archiv.sqlite", "Adressen auch aus dem Archiv"),
        ("wrm erinnern eingang/ -o entwuerfe/", "in einen eigenen Ordner"),
        ("wrm erinnern eingang/ -f json", "Zusammenfassung als JSON"),
    ),
)(erinnern)


def main() -> None:
    """Any encoding of stdout and stderr (cli/konsole.py); a closed pipe ends quietly."""
    from wrm_cli.cli.konsole import ersatzstroeme, pipe_beendet, pipe_geschlossen

    befehl = typer.main.get_command(app)
    optionen_eindeutschen(befehl)
    with ersatzstroeme():
        try:
            try:
                code = befehl(standalone_mode=False, prog_name="wrm")
            except BrokenPipeError:
                raise
            except SystemExit as ende:  # click and rich end so when a pipe was closed
                if not pipe_beendet(ende):
                    raise
                raise BrokenPipeError from None
            except Exception as fehler:  # usage errors of the command line parser
                code = nutzungsfehler_zeigen(fehler)
            sys.stdout.flush()  # here, not at the interpreter's end: a closed pipe shows now
        except BrokenPipeError:
            code = pipe_geschlossen()
    sys.exit(code if isinstance(code, int) else 0)
