"""Where a finished report goes: the screen (in the format's text) or a file, written
atomically and never over one of the run's own inputs; and what ``wrm auswerten`` says
on the screen when the report went to a file or there is none."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wrm_cli.berichte.formate import Format
from wrm_cli.cli.konsole import ausgeben

if TYPE_CHECKING:
    from wrm_cli.ergebnis import Auswertungsbericht


def bericht_ausgeben(
    gewaehlt: Format[Any], bericht: Any, ausgabe: Path | None, eingaben: Sequence[Path] = ()
) -> bool:
    """Write the report; True when ``ausgabe`` replaced an existing file."""
    inhalt = gewaehlt.schreiben(bericht)
    if ausgabe is None:
        assert isinstance(inhalt, str), gewaehlt.name  # file-only formats need --ausgabe
        ausgeben(inhalt, gewaehlt.name)
        return False
    from wrm_cli.ausgabe import atomar_schreiben, ordner_anlegen, pruefe_ziel

    pruefe_ziel(ausgabe, list(eingaben))
    daten = inhalt if isinstance(inhalt, bytes) else inhalt.encode("utf-8")
    ersetzt = ausgabe.exists()
    ordner_anlegen(ausgabe)
    atomar_schreiben(ausgabe, daten)
    return ersetzt


def nichts_auszuwerten(bericht: Auswertungsbericht) -> str:
    """Why there is no report: nothing readable, nothing valid, or only empty Meldungen."""
    from wrm_cli.felder import FELD

    if bericht.nichts_gelesen:
        return "Keine der Eingaben enthält lesbare Meldungen."
    ohne = "es wird kein Bericht erstellt"
    anzahl = len(bericht.uebersicht)
    if anzahl == 0:
        return f"Keine der Eingaben enthält eine gültige Meldung – {ohne}."
    felder = f"keine Angabe in (1)–({len(FELD)})"
    if anzahl == 1:
        return f"Die einzige gültige Meldung ist leer ({felder}) – {ohne}."
    return f"Alle {anzahl} gültigen Meldungen sind leer ({felder}) – {ohne}."


def geschrieben(bericht: Auswertungsbericht, ziel: Path, ersetzt: bool) -> list[str]:
    """The lines after a report was written to a file: the file, what became of the
    inputs, how many errors and hints, which Kommunen are missing."""
    from wrm_cli.berichte.beschriftung import dateien_zusammengefasst, ohne_meldung

    fehler = sum(befund.stufe == "fehler" for befund in bericht.befunde)
    hinweise = len(bericht.befunde) - fehler
    vorher = " (die vorhandene Datei wurde ersetzt)" if ersetzt else ""
    zeilen = [
        f"Bericht geschrieben: {ziel}{vorher}",
        dateien_zusammengefasst(bericht.dateien),
        f"{fehler or 'Keine'} Fehler, "
        + (
            f"{hinweise} {'Hinweis' if hinweise == 1 else 'Hinweise'}."
            if hinweise
            else "keine Hinweise."
        ),
    ]
    if bericht.fehlende_kommunen:
        zeilen.append(ohne_meldung(bericht.fehlende_kommunen))
    return zeilen
