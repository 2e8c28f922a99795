"""What every command that reads Meldungen does around the reading: its settings and
Stichtag, the progress bar, the report read from files or repeated from the archive,
the end when there is nothing to evaluate, what a format shows beyond the table
(Ausgleich, Prognose, each Kommune's last Stichtage), and writing the result."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from wrm_cli.berichte.formate import Format
from wrm_cli.cli.berichtsausgabe import bericht_ausgeben, geschrieben, nichts_auszuwerten
from wrm_cli.cli.optionen import stichtag_lesen
from wrm_cli.cli.schutz import EXIT_DATENFEHLER, EXIT_OK, EXIT_UNLESBAR, fehler_melden
from wrm_cli.fehler import KonfigFehler

if TYPE_CHECKING:
    from wrm_cli.ergebnis import Auswertungsbericht
    from wrm_cli.konfig import Einstellungen
    from wrm_cli.lesen.parallel import Fortschritt


def einstellungen_und_stichtag(
    eingaben: list[Path], konfig: Path | None, stichtag: str | None
) -> tuple[Einstellungen, dt.date]:
    """The wrm.toml of these inputs, and the Stichtag: --stichtag, else the one of
    wrm.toml, else today."""
    from wrm_cli.konfig import einstellungen_bestimmen

    tag = stichtag_lesen(stichtag)
    einstellungen = einstellungen_bestimmen(eingaben, konfig)
    return einstellungen, tag or einstellungen.stichtag or dt.date.today()


def fortschritt() -> AbstractContextManager[Fortschritt | None]:
    """The progress bar while files are read – none without a terminal to show it."""
    if not sys.stderr.isatty():
        return nullcontext()
    from wrm_cli.cli.ansicht import Fortschrittsanzeige

    return Fortschrittsanzeige()


def bericht_erstellen(
    eingaben: list[Path],
    einstellungen: Einstellungen,
    tag: dt.date,
    rekursiv: bool,
    archiv: Path | None,
    vergleich_am: dt.date | None = None,
    aufbewahren: bool = True,
) -> Auswertungsbericht:
    """The district's report from the files, kept in ``archiv`` when ``aufbewahren``;
    without files, the report of ``tag`` repeated from the archive. Ends the run (exit 3)
    when there is nothing to evaluate."""
    from wrm_cli.ablauf import auswerten

    if eingaben:
        with fortschritt() as anzeige:
            bericht = auswerten(
                eingaben,
                einstellungen,
                tag,
                rekursiv,
                anzeige,
                archiv if aufbewahren else None,
                vergleich_am,
            )
    else:
        assert archiv is not None, "without inputs the report comes from the archive"
        from wrm_cli.chronik import wiederholen

        bericht = wiederholen(archiv, einstellungen, tag, vergleich_am)
    if bericht.nichts_auszuwerten:
        for befund in bericht.befunde:
            if befund.stufe == "fehler":
                typer.echo(befund.text, err=True)
        fehler_melden(nichts_auszuwerten(bericht), EXIT_UNLESBAR)
    return bericht


def bericht_lesen(
    befehl: str,
    eingaben: list[Path],
    einstellungen: Einstellungen,
    tag: dt.date,
    rekursiv: bool,
    archiv: Path | None,
) -> Auswertungsbericht:
    """The report a command builds on without being an evaluation of its own (ausgleich,
    prognose): from the files, keeping nothing; without files, from the archive."""
    if not eingaben and archiv is None:
        raise KonfigFehler(
            f"Bitte Meldungsdateien oder Ordner angeben, z. B. wrm {befehl} eingang/ – "
            "oder mit --archiv DATEI --stichtag DATUM einen Bericht aus dem Archiv."
        )
    return bericht_erstellen(eingaben, einstellungen, tag, rekursiv, archiv, aufbewahren=False)


def ergebnis_ausgeben(
    gewaehlt: Format[Any],
    bericht: Auswertungsbericht,
    ausgabe: Path | None,
    eigene: Sequence[Path | None],
    was: str,
) -> NoReturn:
    """Screen or file (never over one of ``eigene``, the run's own files); after a file
    the lines ``geschrieben`` gives, "<was> geschrieben: …" first; the exit code."""
    ersetzt = bericht_ausgeben(gewaehlt, bericht, ausgabe, [p for p in eigene if p is not None])
    if ausgabe is not None:
        zeilen = geschrieben(bericht, ausgabe, ersetzt)
        zeilen[0] = zeilen[0].replace("Bericht geschrieben", f"{was} geschrieben", 1)
        for zeile in zeilen:
            typer.echo(zeile, err=True)
    raise typer.Exit(EXIT_DATENFEHLER if bericht.hat_fehler else EXIT_OK)


def mit_beigaben(
    gewaehlt: Format[Any], bericht: Auswertungsbericht, archiv: Path | None
) -> Auswertungsbericht:
    """What the chosen format of ``wrm auswerten`` shows beyond the table: the Ausgleich
    (when the district has coordinates), the Prognose (when [quote] ende or [prognose]
    datei allows one) and each Kommune's last Stichtage (with an archive)."""
    from dataclasses import replace

    from wrm_cli.ablauf import mit_ausgleich, mit_prognose

    if gewaehlt.mit_ausgleich and bericht.bezirk.hat_koordinaten:
        bericht = mit_ausgleich(bericht)
    ende = bericht.bezirk.quote_ende
    vorhersehbar = bericht.einstellungen.prognose.datei or (ende and ende >= bericht.stichtag)
    if gewaehlt.mit_prognose and vorhersehbar:
        bericht = mit_prognose(bericht, archiv=archiv)
    if gewaehlt.mit_kommunenverlauf and archiv is not None:
        from wrm_cli.chronik import kommunenverlauf

        verlauf = kommunenverlauf(archiv, bericht.einstellungen, bericht.stichtag)
        bericht = replace(bericht, kommunenverlauf=verlauf)
    return bericht
