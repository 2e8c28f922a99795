"""The terminal: the report in colour and a progress bar while many files are read.

With rich, so only the command line (cli/) may import this module.

The lines are those of the text report (``textzeilen``); here they only get their
colours: surplus green, shortage red (and so the change column "± Vorwoche": less
missing green, more red), "kritisch" red, headers and totals bold. One
``Text`` for the whole report keeps this linear: 11,000 Kommunen print in a moment,
where a rich ``Table`` measures and wraps every cell.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Span, Text

from wrm_cli.berichte.text_bericht import Art, textzeilen

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from wrm_cli.ablauf import Auswertungsbericht

# "More than a few dozen files": below this, reading takes well under a second.
FORTSCHRITT_AB = 50

STIL: dict[Art, str] = {
    "titel": "bold",
    "kopf": "bold",
    "gesamt": "bold",
    "mehr": "green",
    "fehlt": "bold red",
    "kritisch": "red",
    "fehler": "bold red",
    "hinweis": "yellow",
}


def bericht_als_text(bericht: Auswertungsbericht) -> Text:
    zeilen = textzeilen(bericht)
    spans: list[Span] = []
    anfang = 0
    for zeile in zeilen:
        spans += [Span(anfang + von, anfang + bis, STIL[art]) for von, bis, art in zeile.marken]
        anfang += len(zeile.text) + 1
    return Text("\n".join(zeile.text for zeile in zeilen), spans=spans)


def bericht_zeigen(bericht: Auswertungsbericht, konsole: Console) -> None:
    # Lines are never broken by rich: a terminal wraps long lines itself, and a table
    # wider than the window stays a table when the window is widened.
    konsole.print(bericht_als_text(bericht), soft_wrap=True)


class Fortschrittsanzeige:
    """A progress bar on stderr while many files are read; silent for a few files, and
    when stderr is no terminal (a log file, a scheduled task)."""

    def __init__(self, ab: int = FORTSCHRITT_AB, konsole: Console | None = None) -> None:
        self.ab = ab
        self.konsole = konsole or Console(stderr=True)
        self._balken: Progress | None = None
        self._aufgabe: TaskID | None = None

    def __call__(self, erledigt: int, gesamt: int) -> None:
        if gesamt < self.ab or not self.konsole.is_terminal:
            return
        if self._balken is None:
            self._balken = _balken(self.konsole)
            self._balken.start()
            self._aufgabe = self._balken.add_task("Dateien lesen", total=gesamt)
        assert self._aufgabe is not None
        self._balken.update(self._aufgabe, completed=erledigt)

    def __enter__(self) -> Fortschrittsanzeige:
        return self

    def __exit__(self, *_: object) -> None:
        if self._balken is not None:
            self._balken.stop()


def _balken(konsole: Console) -> Progress:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("Dateien, noch"),
        TimeRemainingColumn(),
        console=konsole,
        transient=True,  # gone when done: the report follows on a clean screen
    )
