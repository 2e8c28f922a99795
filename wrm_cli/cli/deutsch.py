"""German for the parts of the command line that typer and click write themselves.

typer ships its own copy of click with English texts. We set typer's panel titles,
rename the help and completion options' texts, and turn usage errors into German
sentences. A test of ``wrm --help`` and of each usage error guards this layer.
"""

from __future__ import annotations

import difflib
from typing import Any

import typer

_TITEL = {
    "ARGUMENTS_PANEL_TITLE": "Argumente",
    "OPTIONS_PANEL_TITLE": "Optionen",
    "COMMANDS_PANEL_TITLE": "Befehle",
    "ERRORS_PANEL_TITLE": "Fehler",
    "ABORTED_TEXT": "Abgebrochen.",
    "DEFAULT_STRING": "[Voreinstellung: {}]",
    "REQUIRED_LONG_STRING": "[erforderlich]",
    "ENVVAR_STRING": "[Umgebungsvariable: {}]",
    "DEPRECATED_STRING": "(veraltet) ",
    "RICH_HELP": "Hilfe: [blue]'{command_path} {help_option}'[/]",
}
_OPTIONSHILFE = {
    "help": "Diese Hilfe anzeigen und beenden.",
    "install_completion": "Ergänzung mit der Tab-Taste für die aktuelle Shell einrichten.",
    "show_completion": "Ergänzung für die aktuelle Shell anzeigen (zum Kopieren oder Anpassen).",
}


def _titel_setzen() -> None:
    import typer.rich_utils as rich_utils

    for name, text in _TITEL.items():
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, text)


def deutsch_einrichten() -> None:
    try:
        from typer._click.core import Command
        from typer._click.formatting import HelpFormatter
        from typer.core import TyperCommand, TyperGroup
    except ImportError:  # another typer layout: stay usable, in English
        return

    # typer's help is drawn by rich (typer.rich_utils, ~80 ms to import): its German
    # titles are set only when help is drawn, so that a command does not pay for them.
    for klasse in (TyperCommand, TyperGroup):
        original_help = klasse.format_help

        def format_help(self: Any, ctx: Any, formatter: Any, _original: Any = original_help) -> Any:
            _titel_setzen()
            return _original(self, ctx, formatter)

        klasse.format_help = format_help  # type: ignore[method-assign]

    original_usage = HelpFormatter.write_usage

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        original_usage(self, prog, args, "Aufruf: " if prefix is None else prefix)

    HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]

    original_help_option = Command.get_help_option

    def get_help_option(self: Any, ctx: Any) -> Any:
        option = original_help_option(self, ctx)
        if option is not None:
            option.help = _OPTIONSHILFE["help"]
            option.metavar = ""
        return option

    Command.get_help_option = get_help_option  # type: ignore[method-assign]


def optionen_eindeutschen(befehl: Any) -> None:
    """German help for the built-in options; no "<bool>" type column for switches."""
    for parameter in getattr(befehl, "params", []):
        if parameter.name in _OPTIONSHILFE:
            parameter.help = _OPTIONSHILFE[parameter.name]
        if getattr(parameter, "is_flag", False):
            parameter.metavar = ""  # typer would print its type, "<bool>"
    for unterbefehl in getattr(befehl, "commands", {}).values():
        optionen_eindeutschen(unterbefehl)


def _hinweis(fehler: Any) -> str:
    kontext = getattr(fehler, "ctx", None)
    if kontext is None:
        return "Hilfe: wrm --help"
    return f"Aufruf: {kontext.command_path} …\nHilfe: {kontext.command_path} --help"


def _parameter(fehler: Any) -> str:
    parameter = getattr(fehler, "param", None)
    if parameter is None:
        return "eine Angabe"
    if getattr(parameter, "param_type_name", "") == "argument":
        return f"die Angabe {parameter.metavar or str(parameter.name).upper()}"
    return "die Option " + "/".join(parameter.opts)


def nutzungsfehler_text(fehler: Exception) -> str | None:
    """A German sentence for a usage error of the command line, None if it is none."""
    art = type(fehler).__name__
    if art == "MissingParameter":
        return f"Es fehlt {_parameter(fehler)}."
    if art == "NoSuchOption":
        text = f"Die Option {fehler.option_name} gibt es nicht."  # type: ignore[attr-defined]
        moeglich = getattr(fehler, "possibilities", None) or []
        if moeglich:
            text += " Meinten Sie " + " oder ".join(sorted(moeglich)) + "?"
        return text
    if art in ("BadOptionUsage", "BadArgumentUsage"):
        option = getattr(fehler, "option_name", "")
        return f"Die Angabe {option} ist unvollständig – ihr fehlt ein Wert.".replace("  ", " ")
    if art == "BadParameter":
        return f"Ungültiger Wert für {_parameter(fehler)}: {getattr(fehler, 'message', '')}"
    if art == "UsageError":
        nachricht = str(getattr(fehler, "message", ""))
        if nachricht.startswith("No such command"):
            name = nachricht.split("'")[1] if "'" in nachricht else nachricht
            kontext = getattr(fehler, "ctx", None)
            gruppe: Any = getattr(kontext, "command", None)
            befehle = list(gruppe.list_commands(kontext)) if gruppe is not None else []
            vorschlag = difflib.get_close_matches(name, befehle, n=1)
            extra = f" Meinten Sie „{vorschlag[0]}“?" if vorschlag else ""
            return f"Den Befehl „{name}“ gibt es nicht.{extra}"
        if nachricht.startswith("Got unexpected extra argument"):
            return "Zu viele Angaben – bitte den Aufruf prüfen."
        return "Falscher Aufruf."
    return None


def nutzungsfehler_zeigen(fehler: Exception) -> int:
    """Show a usage error in German on stderr; returns the exit code."""
    if type(fehler).__name__ == "NoArgsIsHelpError":
        typer.echo(fehler.ctx.get_help())  # type: ignore[attr-defined]
        return 0
    if isinstance(fehler, typer.Abort):
        typer.echo("Abgebrochen.", err=True)
        return 1
    text = nutzungsfehler_text(fehler)
    if text is None:
        raise fehler
    typer.echo(f"Fehler: {text}\n{_hinweis(fehler)}", err=True)
    return 2
