"""German for the parts of the command line that typer and click write themselves.

typer ships its own copy of click with English texts. The usage line ("Aufruf: …") and
the help option come from ``DeutscherBefehl``/``DeutscheGruppe``, given to typer through
its public ``cls=``; the built-in options get German help in ``optionen_eindeutschen``;
usage errors become German sentences in ``nutzungsfehler_text``, with a suggestion for
English or misspelt options and commands. Arguments show their name, never a Python
type (``_Argument``); ``wrm prüfen`` finds ``wrm pruefen`` (``DeutscheGruppe``). Only
the titles of the help panels ("Optionen", "Argumente", …) have no public setting: they are module
constants of ``typer.rich_utils``, set in ``_titel_setzen``. That is why pyproject.toml
pins typer to one minor release (0.x releases change such internals); tests of
``wrm --help`` and of every usage error show at once what a newer typer changes.
"""

from __future__ import annotations

import difflib
import unicodedata
from typing import Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

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


# English and everyday words for an option, and the option wrm has for them. A command
# suggests only what it has (``wrm pruefen --output`` gets no „--ausgabe“).
_OPTION_SYNONYME = {
    "--output": "--ausgabe",
    "--out": "--ausgabe",
    "--file": "--ausgabe",
    "--datei": "--ausgabe",
    "--ziel": "--ausgabe",
    "--ordner": "--ausgabe",
    "--date": "--stichtag",
    "--datum": "--stichtag",
    "--tag": "--stichtag",
    "--config": "--konfig",
    "--konfiguration": "--konfig",
    "--einstellungen": "--konfig",
    "--settings": "--konfig",
    "--recursive": "--rekursiv",
    "--unterordner": "--rekursiv",
    "--overwrite": "--ueberschreiben",
    "--force": "--ueberschreiben",
    "--replace": "--ueberschreiben",
    "--ersetzen": "--ueberschreiben",
    "--all": "--alle",
    "--municipality": "--kommune",
    "--gemeinde": "--kommune",
    "--stadt": "--kommune",
    "--town": "--kommune",
    "--type": "--format",
    "--verbose": "--debug",
    "--traceback": "--debug",
    "--hilfe": "--help",
    "-h": "--help",
    "-V": "--version",
}
# Words for a command that are not its name: only suggested, never run.
_BEFEHL_SYNONYME = {
    "check": "pruefen",
    "validate": "pruefen",
    "test": "pruefen",
    "pruefung": "pruefen",
    "evaluate": "auswerten",
    "report": "auswerten",
    "bericht": "auswerten",
    "auswertung": "auswerten",
    "template": "vorlage",
    "vorlagen": "vorlage",
}


def _gefaltet(text: str) -> str:
    """Lower case with umlauts as ae, oe, ue, ss: „Prüfen“ and „pruefen“ are one word."""
    text = unicodedata.normalize("NFC", text).casefold()  # casefold: ß → ss
    return text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")


def _ohne_umlaut(text: str) -> str:
    """Also without the e of the umlaut: „prufen“ (umlaut dots lost) is „pruefen“."""
    return _gefaltet(text).replace("ae", "a").replace("oe", "o").replace("ue", "u")


class _Argument(TyperArgument):
    """An argument as a German user reads it: ``EINGABE...``, no Python type, no braces.

    typer prints an argument's Python type (``<list[Path]>``) whatever its metavar is; an
    option shows its metavar instead. The commands give their arguments this class
    (``DeutscherBefehl``); ``display_type_rich`` and ``get_usage_pieces`` are the public
    methods typer and click call for the help."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def get_usage_pieces(self, ctx: Any) -> list[str]:
        name = self.metavar or str(self.name).upper()
        mehrere = "..." if self.nargs != 1 and not name.endswith("...") else ""
        return [f"{name}{mehrere}" if self.required else f"[{name}]{mehrere}"]


class _Deutsch:
    """German usage line, help option and help titles, for a command and for the group.

    Mixed into typer's own classes through the public ``cls=`` of ``typer.Typer`` and
    ``app.command``; click's ``format_usage`` and ``get_help_option`` are public methods
    meant to be overridden, so no class of typer or click is changed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for parameter in self.params:  # type: ignore[attr-defined]
            if type(parameter) is TyperArgument:
                # Same object, same data: only the two methods of the help differ.
                parameter.__class__ = _Argument

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
    """The group; a command name with umlaut or in capitals finds its command."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] not in self.commands:
            name = befehl_finden(args[0], list(self.commands))
            if name is not None:
                args = [name, *args[1:]]
        return super().resolve_command(ctx, args)


def befehl_finden(eingabe: str, befehle: list[str]) -> str | None:
    """The command a name means as written with umlaut, in capitals or without the e of
    the umlaut („prüfen“, „Pruefen“, „prufen“ → „pruefen“); None if none or several."""
    treffer = [befehl for befehl in befehle if _ohne_umlaut(befehl) == _ohne_umlaut(eingabe)]
    return treffer[0] if len(treffer) == 1 else None


def _befehl_vorschlag(eingabe: str, befehle: list[str]) -> str | None:
    synonym = _BEFEHL_SYNONYME.get(_gefaltet(eingabe))
    if synonym in befehle:
        return synonym
    gefaltet = {_gefaltet(befehl): befehl for befehl in befehle}
    treffer = difflib.get_close_matches(_gefaltet(eingabe), list(gefaltet), n=1)
    return gefaltet[treffer[0]] if treffer else None


def _option_vorschlag(fehler: Any) -> list[str]:
    """The option meant: a synonym the command has, the same name with umlauts or in
    capitals, else click's close spellings."""
    kontext = getattr(fehler, "ctx", None)
    befehl = getattr(kontext, "command", None)
    vorhanden: list[str] = []
    if befehl is not None:
        for parameter in befehl.get_params(kontext):
            vorhanden += [*parameter.opts, *parameter.secondary_opts]
    name = str(fehler.option_name)
    gefaltet = _gefaltet(name) if name.startswith("--") else name
    for kandidat in (_OPTION_SYNONYME.get(name), _OPTION_SYNONYME.get(gefaltet), gefaltet):
        if kandidat in vorhanden and kandidat != name:
            return [kandidat]
    return sorted(getattr(fehler, "possibilities", None) or [])


def beispiele(*aufrufe: tuple[str, str]) -> str:
    """The epilog "Beispiele:" of a command's help: one call a line, with what it does.

    typer's rich help keeps single line breaks of an epilog; its text is rich markup, so
    an example must not contain "[" (it would be read as a style)."""
    breite = max(len(aufruf) for aufruf, _ in aufrufe)
    zeilen = [f"  {aufruf.ljust(breite)}  {wozu}".rstrip() for aufruf, wozu in aufrufe]
    assert not any("[" in zeile for zeile in zeilen), zeilen
    return "\n".join(["Beispiele:", *zeilen])


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
        moeglich = _option_vorschlag(fehler)
        if moeglich:
            text += " Meinten Sie " + " oder ".join(f"„{name}“" for name in moeglich) + "?"
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
            vorschlag = _befehl_vorschlag(name, befehle)
            extra = f" Meinten Sie „{vorschlag}“?" if vorschlag else ""
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
