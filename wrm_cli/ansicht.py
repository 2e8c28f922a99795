"""Rich rendering for the terminal – with rich, only cli.py may import this module."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from wrm_cli.auswertung import ZAHLSPALTEN
from wrm_cli.berichte.beschriftung import (
    kennzahltitel,
    spaltentitel,
    tabellenzeilen,
    titel,
    zahl_de,
)
from wrm_cli.dateibilanz import zusammenfassung

if TYPE_CHECKING:
    from wrm_cli.ablauf import Auswertungsbericht
    from wrm_cli.befunde import Befund


def _fehlend_zelle(wert: int | None) -> Text:
    """Surplus green, shortage red, balanced plain: visible without reading the sign."""
    if wert is None:
        return Text("")
    stil = "green" if wert < 0 else "bold red" if wert > 0 else ""
    return Text(zahl_de(wert), style=stil)


def auswertungstabelle(bericht: Auswertungsbericht) -> Table:
    titel_ = spaltentitel(bericht.bezirk)
    tabelle = Table(title=titel(bericht), box=box.SIMPLE_HEAVY, title_justify="left")
    tabelle.add_column(titel_["kommune"], no_wrap=True)
    for spalte in ZAHLSPALTEN:
        tabelle.add_column(titel_[spalte], justify="right", overflow="fold")
    tabelle.add_column(titel_["einschaetzung"])
    for zeile in tabellenzeilen(bericht):
        einschaetzung = zeile["einschaetzung"] or ""
        tabelle.add_row(
            zeile["kommune"],
            *(zahl_de(zeile[s]) for s in ZAHLSPALTEN[:-1]),
            _fehlend_zelle(zeile["fehlender_wohnraum"]),
            Text(einschaetzung, style="red" if einschaetzung == "kritisch" else ""),
        )
    gesamt = bericht.auswertung.gesamt
    tabelle.add_section()
    tabelle.add_row(
        "Gesamt",
        *(zahl_de(gesamt[s]) for s in ZAHLSPALTEN[:-1]),
        _fehlend_zelle(gesamt["fehlender_wohnraum"]),
        "",
        style="bold",
    )
    return tabelle


def kennzahlen(bericht: Auswertungsbericht) -> Table:
    tabelle = Table(show_header=False, box=None, padding=(0, 2))
    tabelle.add_column()
    tabelle.add_column(justify="right")
    for key, text in kennzahltitel(bericht.bezirk).items():
        wert = bericht.auswertung.kennzahlen[key]
        tabelle.add_row(
            text, _fehlend_zelle(wert) if key == "fehlender_wohnraum" else Text(zahl_de(wert))
        )
    return tabelle


def befundliste(befunde: list[Befund]) -> Group:
    zeilen = []
    for befund in befunde:
        marke = (
            Text("Fehler:  ", style="bold red")
            if befund.stufe == "fehler"
            else Text("Hinweis: ", style="yellow")
        )
        zeilen.append(Text.assemble(marke, befund.text))
    return Group(*zeilen)


def bericht_zeigen(bericht: Auswertungsbericht, konsole: Console) -> None:
    konsole.print(auswertungstabelle(bericht))
    konsole.print(kennzahlen(bericht))
    konsole.print(zusammenfassung(bericht.dateien))
    if bericht.fehlende_kommunen:
        konsole.print()
        konsole.print(
            "Ohne gültige Meldung: " + ", ".join(bericht.fehlende_kommunen) + ".", soft_wrap=True
        )
    if bericht.befunde:
        konsole.print()
        # One line per Befund, never broken mid-sentence: a terminal wraps long lines itself,
        # and a saved report stays greppable.
        konsole.print(befundliste(bericht.befunde), soft_wrap=True)


# Wide enough for the table without wrapping its figures, where no terminal sets a width.
BREITE_OHNE_TERMINAL = 160
