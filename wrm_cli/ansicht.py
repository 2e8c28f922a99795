"""The report in colour for the terminal – with rich, only cli.py may import this module.

The lines are those of the text report (``textzeilen``); here they only get their
colours: surplus green, shortage red, "kritisch" red, headers and totals bold. One
``Text`` for the whole report keeps this linear: 11,000 Kommunen print in a moment,
where a rich ``Table`` measures and wraps every cell.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Span, Text

from wrm_cli.berichte.text_bericht import Art, textzeilen

if TYPE_CHECKING:
    from wrm_cli.ablauf import Auswertungsbericht

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
