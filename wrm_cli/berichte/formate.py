"""The output formats of the commands: one entry per format.

The command line takes everything from here: the names ``--format`` accepts, its help
text, the file endings ``--ausgabe`` implies and the writer to call. Adding a format is
one writer module and one entry below.

The writers are named as ``"module:function"`` and imported only when a report is
written: ``wrm --help`` and tab completion read this module, and must not pay for
pandas or openpyxl.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from wrm_cli.ergebnis import Auswertungsbericht, Pruefbericht
    from wrm_cli.erinnerungsergebnis import Erinnerungen
    from wrm_cli.verlaufsergebnis import Verlaufsbericht

B = TypeVar("B")  # the report a writer takes


@dataclass(frozen=True)
class Format(Generic[B]):
    """One output format: what --help says about it and how it is written."""

    name: str
    beschreibung: str  # for --help: "name (beschreibung)"
    schreiber: str  # "module:function", the function taking the report
    # The endings of --ausgabe that choose this format; the first one is shown in --help.
    endungen: tuple[str, ...] = ()
    # The writer returns bytes (a workbook): files with its endings must be this format.
    binaer: bool = False
    # Only as a file: needs --ausgabe with one of its endings.
    nur_datei: bool = False
    # The coloured view (wrm_cli.cli.ansicht) on a terminal; the writer's text elsewhere.
    terminal: bool = False
    # The kind of file in messages: "der Excel-Bericht", "keine Excel-Datei".
    dateiart: str = ""
    # It shows the proposal of ``wrm ausgleich`` when the district has coordinates.
    mit_ausgleich: bool = False
    # It shows each Kommune's last Stichtage when there is an archive.
    mit_kommunenverlauf: bool = False
    # It shows how long the places last (``wrm prognose``) when a forecast can be
    # computed ([quote] ende or [prognose] datei).
    mit_prognose: bool = False

    def schreiben(self, bericht: B) -> str | bytes:
        modul, funktion = self.schreiber.split(":")
        schreiber: Callable[[B], str | bytes] = getattr(importlib.import_module(modul), funktion)
        return schreiber(bericht)


@dataclass(frozen=True)
class Formate(Generic[B]):
    """The formats of one command, in the order --help lists them."""

    formate: tuple[Format[B], ...]
    voreinstellung: str  # without --format (and without an ending that decides)

    def __iter__(self) -> Iterator[Format[B]]:
        return iter(self.formate)

    @property
    def namen(self) -> list[str]:
        return [format_.name for format_ in self.formate]

    def finden(self, name: str) -> Format[B] | None:
        return next((format_ for format_ in self.formate if format_.name == name), None)

    @property
    def standard(self) -> Format[B]:
        format_ = self.finden(self.voreinstellung)
        assert format_ is not None, self.voreinstellung
        return format_

    @property
    def mit_endung(self) -> list[Format[B]]:
        """The formats an ending of --ausgabe chooses; the file-only ones (the workbook) first."""
        mit = [format_ for format_ in self.formate if format_.endungen]
        return sorted(mit, key=lambda format_: not format_.nur_datei)

    @functools.cached_property
    def nach_endung(self) -> dict[str, Format[B]]:
        """File ending → format, in the order of ``mit_endung``."""
        return {endung: format_ for format_ in self.mit_endung for endung in format_.endungen}


AUSWERTEN: Formate[Auswertungsbericht] = Formate(
    (
        Format(
            "tabelle",
            "im Terminal farbig, sonst wie text",
            "wrm_cli.berichte.text_bericht:als_text",
            terminal=True,
        ),
        Format(
            "text",
            "feste Breite, für E-Mails",
            "wrm_cli.berichte.text_bericht:als_text",
            endungen=(".txt",),
        ),
        Format(
            "markdown",
            "zum Einfügen in E-Mails und Dokumente",
            "wrm_cli.berichte.markdown_bericht:als_markdown",
            endungen=(".md", ".markdown"),
        ),
        Format(
            "pressetext",
            "ein Absatz mit den Kennzahlen",
            "wrm_cli.berichte.text_bericht:als_pressetext",
            mit_prognose=True,
        ),
        Format(
            "excel",
            "Bericht mit Übersicht, Meldestatus, Hinweisen und Diagramm",
            "wrm_cli.berichte.excel_bericht:als_xlsx",
            endungen=(".xlsx",),
            binaer=True,
            nur_datei=True,
            dateiart="Excel",
            mit_ausgleich=True,
            mit_prognose=True,
        ),
        Format(
            "html",
            "eine Seite fürs Intranet, ohne Internet lesbar",
            "wrm_cli.berichte.html_bericht:als_html",
            endungen=(".html", ".htm"),
            mit_ausgleich=True,
            mit_prognose=True,
            mit_kommunenverlauf=True,
        ),
        Format(
            "word",
            "Dokument für Presseantworten",
            "wrm_cli.berichte.word_bericht:als_docx",
            endungen=(".docx",),
            binaer=True,
            nur_datei=True,
            dateiart="Word",
            mit_prognose=True,  # the Pressetext's sentence on how long the places last
        ),
        Format(
            "csv",
            "für Excel",
            "wrm_cli.berichte.csv_bericht:als_csv",
            endungen=(".csv",),
        ),
        Format(
            "json",
            "für andere Programme",
            "wrm_cli.berichte.json_bericht:als_json",
            endungen=(".json",),
        ),
    ),
    voreinstellung="tabelle",
)

PRUEFEN: Formate[Pruefbericht] = Formate(
    (
        Format("text", "zum Lesen", "wrm_cli.berichte.pruefbericht:als_text"),
        Format("json", "für andere Programme", "wrm_cli.berichte.pruefbericht:als_json"),
    ),
    voreinstellung="text",
)

VERLAUF: Formate[Verlaufsbericht] = Formate(
    (
        Format(
            "tabelle",
            "auf dem Bildschirm, wie text",
            "wrm_cli.berichte.verlauf_text:als_text",
        ),
        Format(
            "text",
            "feste Breite, für E-Mails",
            "wrm_cli.berichte.verlauf_text:als_text",
            endungen=(".txt",),
        ),
        Format(
            "markdown",
            "zum Einfügen in E-Mails und Dokumente",
            "wrm_cli.berichte.verlauf_text:als_markdown",
            endungen=(".md", ".markdown"),
        ),
        Format(
            "excel",
            "Tabelle mit Liniendiagramm",
            "wrm_cli.berichte.verlauf_excel:als_xlsx",
            endungen=(".xlsx",),
            binaer=True,
            nur_datei=True,
            dateiart="Excel",
        ),
        Format(
            "html",
            "eine Seite fürs Intranet, ohne Internet lesbar",
            "wrm_cli.berichte.html_verlauf:als_html",
            endungen=(".html", ".htm"),
        ),
        Format(
            "csv",
            "für Excel",
            "wrm_cli.berichte.verlauf_text:als_csv",
            endungen=(".csv",),
        ),
        Format(
            "json",
            "für andere Programme",
            "wrm_cli.berichte.verlauf_json:als_json",
            endungen=(".json",),
        ),
    ),
    voreinstellung="tabelle",
)

# The writers take the Auswertungsbericht with its ``ausgleich`` (ablauf.mit_ausgleich).
AUSGLEICH: Formate[Auswertungsbericht] = Formate(
    (
        Format(
            "tabelle",
            "auf dem Bildschirm, wie text",
            "wrm_cli.berichte.ausgleich_text:als_text",
        ),
        Format(
            "text",
            "feste Breite, für E-Mails",
            "wrm_cli.berichte.ausgleich_text:als_text",
            endungen=(".txt",),
        ),
        Format(
            "markdown",
            "zum Einfügen in E-Mails und Dokumente",
            "wrm_cli.berichte.ausgleich_text:als_markdown",
            endungen=(".md", ".markdown"),
        ),
        Format(
            "excel",
            "Vorschlag und Bilanz je Kommune",
            "wrm_cli.berichte.excel_ausgleich:als_xlsx",
            endungen=(".xlsx",),
            binaer=True,
            nur_datei=True,
            dateiart="Excel",
        ),
        Format(
            "html",
            "eine Seite fürs Intranet, ohne Internet lesbar",
            "wrm_cli.berichte.html_ausgleich:als_html",
            endungen=(".html", ".htm"),
        ),
        Format(
            "csv",
            "für Excel",
            "wrm_cli.berichte.ausgleich_text:als_csv",
            endungen=(".csv",),
        ),
        Format(
            "json",
            "für andere Programme",
            "wrm_cli.berichte.ausgleich_json:als_json",
            endungen=(".json",),
        ),
    ),
    voreinstellung="tabelle",
)

# The writers take the Auswertungsbericht with its ``prognose`` (ablauf.mit_prognose).
PROGNOSE: Formate[Auswertungsbericht] = Formate(
    (
        Format(
            "tabelle",
            "auf dem Bildschirm, wie text",
            "wrm_cli.berichte.prognose_text:als_text",
        ),
        Format(
            "text",
            "feste Breite, für E-Mails",
            "wrm_cli.berichte.prognose_text:als_text",
            endungen=(".txt",),
        ),
        Format(
            "markdown",
            "zum Einfügen in E-Mails und Dokumente",
            "wrm_cli.berichte.prognose_text:als_markdown",
            endungen=(".md", ".markdown"),
        ),
        Format(
            "excel",
            "Reichweite und Verteilschlüssel je Kommune, mit Diagramm",
            "wrm_cli.berichte.excel_prognose:als_xlsx",
            endungen=(".xlsx",),
            binaer=True,
            nur_datei=True,
            dateiart="Excel",
        ),
        Format(
            "html",
            "eine Seite fürs Intranet, ohne Internet lesbar",
            "wrm_cli.berichte.html_prognose:als_html",
            endungen=(".html", ".htm"),
        ),
        Format(
            "csv",
            "für Excel",
            "wrm_cli.berichte.prognose_text:als_csv",
            endungen=(".csv",),
        ),
        Format(
            "json",
            "für andere Programme",
            "wrm_cli.berichte.prognose_json:als_json",
            endungen=(".json",),
        ),
    ),
    voreinstellung="tabelle",
)

# The summary of ``wrm erinnern`` (the drafts themselves are .eml files).
ERINNERN: Formate[Erinnerungen] = Formate(
    (
        Format("text", "zum Lesen", "wrm_cli.berichte.erinnerung_bericht:als_text"),
        Format("json", "für andere Programme", "wrm_cli.berichte.erinnerung_bericht:als_json"),
    ),
    voreinstellung="text",
)
