"""The command line: options → core call → render → exit code.

Heavy libraries (pandas, pandera, openpyxl) are imported inside the commands,
so ``wrm --help`` stays instant.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from wrm_cli import __version__
from wrm_cli.cli.deutsch import deutsch_einrichten, nutzungsfehler_zeigen, optionen_eindeutschen
from wrm_cli.fehler import KonfigFehler, WrmFehler

if TYPE_CHECKING:
    from wrm_cli.ablauf import Auswertungsbericht
    from wrm_cli.lesen.parallel import Fortschritt

EXIT_OK, EXIT_DATENFEHLER, EXIT_NUTZUNG, EXIT_UNLESBAR = 0, 1, 2, 3

app = typer.Typer(
    name="wrm",
    help="Wohnraummanagement: Meldungen der Kommunen prüfen und für den Landkreis auswerten.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    options_metavar="[OPTIONEN]",
    subcommand_metavar="BEFEHL [ARGUMENTE]...",
)


class Format(StrEnum):
    tabelle = "tabelle"
    text = "text"
    markdown = "markdown"
    pressetext = "pressetext"
    excel = "excel"
    csv = "csv"
    json = "json"


# Options several commands share.
DebugOption = Annotated[
    bool,
    typer.Option("--debug", help="Bei unerwarteten Fehlern die technischen Details zeigen."),
]
RekursivOption = Annotated[
    bool,
    typer.Option(
        "--rekursiv",
        "-r",
        help="In Ordnern auch die Unterordner durchsuchen (sonst werden sie nur aufgeführt).",
    ),
]
KonfigOption = Annotated[
    Path | None,
    typer.Option(
        "--konfig",
        metavar="DATEI",
        help="Einstellungsdatei wrm.toml (Voreinstellung: wrm.toml neben der ersten Eingabe "
        "oder in einem Ordner darüber, sonst im aktuellen Ordner, sonst Landkreis Osnabrück).",
        show_default=False,
    ),
]

ENDUNG_FORMAT = {
    ".xlsx": Format.excel,
    ".txt": Format.text,
    ".md": Format.markdown,
    ".markdown": Format.markdown,
    ".csv": Format.csv,
    ".json": Format.json,
}


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


def _fehler_melden(text: str, code: int) -> NoReturn:
    typer.echo(f"Fehler: {text}", err=True)
    raise typer.Exit(code)


def _stichtag(text: str | None) -> dt.date | None:
    if text is None:
        return None
    from wrm_cli.werte import datum_lesen

    tag = datum_lesen(text)
    if not isinstance(tag, dt.date):
        raise KonfigFehler(f"--stichtag „{text}“ ist kein Datum – erwartet wird z. B. 16.03.2016.")
    return tag


def _format_waehlen(format_: str | None, ausgabe: Path | None) -> Format:
    if format_ is not None:
        try:
            gewaehlt = Format(format_.strip().lower())
        except ValueError:
            moeglich = ", ".join(Format)
            raise KonfigFehler(
                f"--format „{format_}“ gibt es nicht – möglich sind {moeglich}."
            ) from None
        # An Excel workbook and a text file must not swap names: Excel would refuse either.
        ist_xlsx = ausgabe is not None and ausgabe.suffix.lower() == ".xlsx"
        if gewaehlt is Format.excel and not ist_xlsx:
            raise KonfigFehler(
                "Der Excel-Bericht braucht eine Datei: bitte --ausgabe bericht.xlsx angeben."
            )
        if ist_xlsx and gewaehlt is not Format.excel:
            raise KonfigFehler(
                f"--format {gewaehlt} ergibt keine Excel-Datei – bitte eine andere Endung als "
                ".xlsx wählen oder --format excel."
            )
        return gewaehlt
    if ausgabe is None:
        return Format.tabelle
    try:
        return ENDUNG_FORMAT[ausgabe.suffix.lower()]
    except KeyError:
        moeglich = ", ".join(ENDUNG_FORMAT)
        raise KonfigFehler(
            f"Für „{ausgabe.name}“ ist kein Format bekannt – möglich sind {moeglich} "
            "oder die Angabe --format."
        ) from None


def _rendern(bericht: Auswertungsbericht, format_: Format) -> str | bytes | None:
    """The report as text (or workbook bytes); None for the terminal table printed directly."""
    if format_ is Format.excel:
        from wrm_cli.berichte.excel_bericht import als_xlsx

        return als_xlsx(bericht)
    if format_ is Format.json:
        from wrm_cli.berichte.json_bericht import als_json

        return als_json(bericht)
    if format_ is Format.csv:
        from wrm_cli.berichte.csv_bericht import als_csv

        return als_csv(bericht)
    if format_ is Format.markdown:
        from wrm_cli.berichte.markdown_bericht import als_markdown

        return als_markdown(bericht)
    if format_ is Format.text:
        from wrm_cli.berichte.text_bericht import als_text

        return als_text(bericht)
    if format_ is Format.pressetext:
        from wrm_cli.berichte.text_bericht import als_pressetext

        return als_pressetext(bericht)
    return None


@app.command(options_metavar="[OPTIONEN]")
def auswerten(
    eingaben: Annotated[
        list[Path],
        typer.Argument(
            metavar="EINGABE",
            help="Meldungsdateien (.xlsx, .xls, .ods, .csv) und/oder Ordner mit solchen Dateien.",
            show_default=False,
        ),
    ],
    format_: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="Ausgabeformat: tabelle (im Terminal farbig, sonst wie text), text (feste "
            "Breite, für E-Mails), markdown (zum Einfügen in E-Mails und Dokumente), "
            "pressetext (ein Absatz mit den Kennzahlen), excel (Bericht mit Übersicht, "
            "Meldestatus, Hinweisen und Diagramm; nur mit --ausgabe), csv (für Excel), "
            "json (für andere Programme). "
            "Ohne Angabe: aus der Endung von --ausgabe (.xlsx, .txt, .md, .csv, .json), "
            "sonst tabelle.",
            show_default=False,
        ),
    ] = None,
    ausgabe: Annotated[
        Path | None,
        typer.Option(
            "--ausgabe",
            "-o",
            metavar="DATEI",
            help="Bericht in diese Datei schreiben statt auf den Bildschirm.",
            show_default=False,
        ),
    ] = None,
    stichtag: Annotated[
        str | None,
        typer.Option(
            "--stichtag",
            metavar="DATUM",
            help="Stichtag des Berichts, z. B. 16.03.2016 (Voreinstellung: "
            "stichtag aus wrm.toml, sonst heute).",
            show_default=False,
        ),
    ] = None,
    rekursiv: RekursivOption = False,
    konfig: KonfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Meldungen prüfen, zusammenführen und die Auswertung des Landkreises erstellen.

    Rückgabewerte: 0 Bericht erstellt, 1 Eingaben mit Fehlern (Bericht für den Rest),
    2 falscher Aufruf, 3 nichts lesbar.
    """
    with _geschuetzt(debug):
        from wrm_cli.ablauf import auswerten as auswerten_
        from wrm_cli.konfig import einstellungen_bestimmen

        gewaehlt = _format_waehlen(format_, ausgabe)
        tag = _stichtag(stichtag)
        einstellungen = einstellungen_bestimmen(eingaben, konfig)
        with _fortschritt() as fortschritt:
            bericht = auswerten_(
                eingaben,
                einstellungen,
                tag or einstellungen.stichtag or dt.date.today(),
                rekursiv,
                fortschritt,
            )
        if bericht.nichts_gelesen:
            for befund in bericht.befunde:
                if befund.stufe == "fehler":
                    typer.echo(befund.text, err=True)
            _fehler_melden("Keine der Eingaben enthält lesbare Meldungen.", EXIT_UNLESBAR)
        if gewaehlt is Format.tabelle and (ausgabe is not None or not sys.stdout.isatty()):
            gewaehlt = Format.text  # the same lines; colours make no sense in a file or pipe
        inhalt = _rendern(bericht, gewaehlt)
        if ausgabe is not None:
            from wrm_cli.ausgabe import atomar_schreiben, pruefe_ziel

            pruefe_ziel(ausgabe, [*bericht.gelesene_dateien, *bericht.unlesbare_dateien])
            assert inhalt is not None
            daten = inhalt if isinstance(inhalt, bytes) else inhalt.encode("utf-8")
            atomar_schreiben(ausgabe, daten)
            typer.echo(f"Bericht geschrieben: {ausgabe}", err=True)
        elif isinstance(inhalt, str):
            sys.stdout.write(inhalt)
        else:
            from rich.console import Console

            from wrm_cli.cli.ansicht import bericht_zeigen

            bericht_zeigen(bericht, Console(highlight=False))
        raise typer.Exit(EXIT_DATENFEHLER if bericht.hat_fehler else EXIT_OK)


@app.command(options_metavar="[OPTIONEN]")
def pruefen(
    dateien: Annotated[
        list[Path],
        typer.Argument(
            metavar="DATEI",
            help="Ausgefüllte Vorlagen oder Tabellen (.xlsx, .xls, .ods, .csv), auch Ordner.",
            show_default=False,
        ),
    ],
    format_: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="text (Voreinstellung, zum Lesen) oder json (für andere Programme).",
            show_default=False,
        ),
    ] = None,
    stichtag: Annotated[
        str | None,
        typer.Option(
            "--stichtag",
            metavar="DATUM",
            help="Bezugstag für „Stand in der Zukunft“ und „veraltet“ (Voreinstellung: "
            "stichtag aus wrm.toml, sonst heute).",
            show_default=False,
        ),
    ] = None,
    rekursiv: RekursivOption = False,
    konfig: KonfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Meldungsdateien vor dem Versenden prüfen; die Dateien bleiben unverändert.

    Rückgabewerte: 0 keine Fehler (Hinweise möglich), 1 Fehler gefunden,
    2 falscher Aufruf, 3 eine Datei ist nicht lesbar.
    """
    with _geschuetzt(debug):
        from wrm_cli.ablauf import pruefen_dateien
        from wrm_cli.berichte.pruefbericht import als_json, als_text
        from wrm_cli.konfig import einstellungen_bestimmen

        art = (format_ or "text").strip().lower()
        if art not in ("text", "json"):
            raise KonfigFehler(f"--format „{format_}“ gibt es nicht – möglich sind text, json.")
        tag = _stichtag(stichtag)
        einstellungen = einstellungen_bestimmen(dateien, konfig)
        with _fortschritt() as fortschritt:
            bericht = pruefen_dateien(
                dateien,
                einstellungen,
                tag or einstellungen.stichtag or dt.date.today(),
                rekursiv,
                fortschritt,
            )
        sys.stdout.write(als_json(bericht) if art == "json" else als_text(bericht))
        if bericht.hat_unlesbare:
            raise typer.Exit(EXIT_UNLESBAR)
        raise typer.Exit(EXIT_DATENFEHLER if bericht.hat_fehler else EXIT_OK)


@app.command(options_metavar="[OPTIONEN]")
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

    Rückgabewerte: 0 Vorlagen geschrieben, 2 falscher Aufruf (z. B. unbekannte Kommune
    oder Datei schon vorhanden).
    """
    with _geschuetzt(debug):
        from wrm_cli.konfig import einstellungen_bestimmen
        from wrm_cli.vorlage import vorlagen_planen, vorlagen_schreiben

        if alle == bool(kommune):
            raise KonfigFehler(
                "Bitte entweder --kommune NAME oder --alle angeben, z. B. "
                "wrm vorlage --kommune Melle."
            )
        bezirk = einstellungen_bestimmen([], konfig).bezirk
        namen = list(bezirk.kommunennamen) if alle else list(kommune or [])
        ziele = vorlagen_planen(bezirk, namen, ausgabe, ueberschreiben)
        for ziel in vorlagen_schreiben(bezirk, ziele):
            typer.echo(f"Vorlage geschrieben: {ziel}")


def _fortschritt() -> AbstractContextManager[Fortschritt | None]:
    """The progress bar while files are read – none without a terminal to show it."""
    if not sys.stderr.isatty():
        return nullcontext()
    from wrm_cli.cli.ansicht import Fortschrittsanzeige

    return Fortschrittsanzeige()


@contextmanager
def _geschuetzt(debug: bool) -> Iterator[None]:
    """Stop problems become one German sentence and their exit code; no traceback."""
    try:
        yield
    except (typer.Exit, SystemExit):
        raise
    except KeyboardInterrupt:
        _fehler_melden("Abgebrochen.", 130)
    except WrmFehler as fehler:
        if debug:
            raise
        _fehler_melden(str(fehler), fehler.exit_code)
    except Exception as fehler:
        if debug:
            raise
        _fehler_melden(
            f"Unerwarteter Fehler ({type(fehler).__name__}). Bitte mit --debug erneut "
            "ausführen und die Ausgabe an die Task-Force senden.",
            EXIT_UNLESBAR,
        )


def main() -> None:
    deutsch_einrichten()
    befehl = typer.main.get_command(app)
    optionen_eindeutschen(befehl)
    try:
        code = befehl(standalone_mode=False, prog_name="wrm")
    except Exception as fehler:  # usage errors of the command line parser
        code = nutzungsfehler_zeigen(fehler)
    sys.exit(code if isinstance(code, int) else 0)
