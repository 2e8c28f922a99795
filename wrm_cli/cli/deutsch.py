"""German for the parts of the command line that typer and click write themselves.

typer ships its own copy of click with English texts. The usage line ("Aufruf: …") and
the help option come from ``DeutscherBefehl``/``DeutscheGruppe``, given to typer through
its public ``cls=``; the built-in options get German help in ``optionen_eindeutschen``;
usage errors become German sentences in ``nutzungsfehler_text``. Only the titles of the
help panels ("Optionen", "Argumente", …) have no public setting: they are module
constants of ``typer.rich_utils``, set in ``_titel_setzen``. That is why pyproject.toml
pins typer to one minor release (0.x releases change such internals); tests of
``wrm --help`` and of every usage error show at once what a newer typer changes.
"""

from __future__ import annotations

import difflib
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

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


class _Deutsch:
    """German usage line, help option and help titles, for a command and for the group.

    Mixed into typer's own classes through the public ``cls=`` of ``typer.Typer`` and
    ``app.command``; click's ``format_usage`` and ``get_help_option`` are public methods
    meant to be overridden, so no class of typer or click is changed."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        teile = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(teile), "Aufruf: ")

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = _OPTIONSHILFE["help"]
            option.metavar = ""
        return option

    def format_help(self, ctx: Any, formatter: Any) -> None:
        # typer's help is drawn by rich (typer.rich_utils, ~80 ms to import): its German
        # titles are set only when help is drawn, so that a command does not pay for them.
        _titel_setzen()
        super().format_help(ctx, formatter)  # type: ignore[misc]


class DeutscherBefehl(_Deutsch, TyperCommand):
    pass


class DeutscheGruppe(_Deutsch, TyperGroup):
    pass


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
