"""The German sentence for every failed check of a Meldung. Pure: no I/O.

``TEXTE`` holds one text per ``Pruefung``; tests/test_pruefnamen.py makes sure no check of
the schema is without one. Cells the reader could not take as a value at all (error values,
merged cells) get their own sentences, whatever check they failed.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from dataclasses import dataclass

from wrm_cli.bezirk import Bezirk
from wrm_cli.felder import FELD, Pruefung
from wrm_cli.werte import Verbunden, Zellfehler, datum_deutsch, mehrdeutige_zahl, zahl_lesen


@dataclass(frozen=True)
class Fall:
    """One failed check of one cell, with what its sentence may mention."""

    roh: object  # the cell as the reader found it
    wert: str  # the cell as shown to the clerk
    spalte: str  # the key of the field
    name: object  # the Kommune as typed in the same Meldung
    bezirk: Bezirk
    stichtag: dt.date


def _kommune_bekannt(fall: Fall) -> str:
    vorschlag = fall.bezirk.vorschlag(fall.wert)
    weiter = (
        f"Meinten Sie „{vorschlag}“?"
        if vorschlag
        else f"Erwartet wird eine der {len(fall.bezirk.kommunen)} Kommunen des Bezirks."
    )
    return f"„{fall.wert}“ steht nicht in der Liste der Kommunen ({fall.bezirk.name}). {weiter}"


def _datum(fall: Fall) -> str:
    return f"„{fall.wert}“ ist kein Datum – erwartet wird z. B. 16.03.2016."


def _nicht_in_zukunft(fall: Fall) -> str:
    return (
        f"Der Stand {fall.wert} liegt nach dem Stichtag {datum_deutsch(fall.stichtag)} – "
        "bitte das Datum der Zahlen prüfen."
    )


def _ganze_zahl(fall: Fall) -> str:
    if (lesarten := mehrdeutige_zahl(fall.roh)) is not None:
        klein, gross = lesarten
        return (
            f"„{fall.wert}“ ist mehrdeutig ({klein} oder {gross}?) – bitte die Zahl ohne Punkt "
            "und Komma eintragen."
        )
    if isinstance(zahl_lesen(fall.roh), float):
        return f"„{fall.wert}“ ist keine ganze Zahl – Personen bitte ohne Nachkommastellen zählen."
    return f"„{fall.wert}“ ist keine ganze Zahl – bitte nur Ziffern eintragen."


def _zu_gross(fall: Fall) -> str:
    return f"„{fall.wert}“ hat zu viele Stellen – bitte die Zahl prüfen."


def _nicht_negativ(fall: Fall) -> str:
    return f"„{fall.wert}“ ist negativ – erwartet wird eine Anzahl ab 0."


# How close a typo must come to an allowed answer to be suggested (as for Kommunen).
VORSCHLAG_AEHNLICHKEIT = 0.75


def _auswahl(fall: Fall) -> str:
    auswahl = FELD[fall.spalte].auswahl
    erlaubt = " oder ".join(f"„{a}“" for a in auswahl)
    text = f"„{fall.wert}“ ist nicht zulässig – erwartet wird {erlaubt}."
    treffer = difflib.get_close_matches(
        fall.wert.strip().casefold(), auswahl, n=1, cutoff=VORSCHLAG_AEHNLICHKEIT
    )
    return f"{text} Meinten Sie „{treffer[0]}“?" if treffer else text


def _pflichtfeld(fall: Fall) -> str:
    # Only the Kommune is required.
    return "Der Name der Kommune fehlt – bitte eintragen."


def _eindeutig(fall: Fall) -> str:
    return f"„{fall.name}“ steht mehrmals in dieser Datei – bitte nur eine Zeile je Kommune."


TEXTE: dict[Pruefung, Callable[[Fall], str]] = {
    Pruefung.KOMMUNE_BEKANNT: _kommune_bekannt,
    Pruefung.DATUM: _datum,
    Pruefung.NICHT_IN_ZUKUNFT: _nicht_in_zukunft,
    Pruefung.GANZE_ZAHL: _ganze_zahl,
    Pruefung.ZU_GROSS: _zu_gross,
    Pruefung.NICHT_NEGATIV: _nicht_negativ,
    Pruefung.AUSWAHL: _auswahl,
    Pruefung.PFLICHTFELD: _pflichtfeld,
    Pruefung.EINDEUTIG: _eindeutig,
}


def pruefung_erkennen(name: str) -> Pruefung | None:
    """The ``Pruefung`` a check name from pandera's ``failure_cases`` stands for."""
    try:
        return Pruefung(name)
    except ValueError:
        return None


def befundtext(pruefung: Pruefung | None, fall: Fall) -> str:
    """The sentence for ``fall``; cells that hold no value get theirs before any check's."""
    if pruefung is Pruefung.EINDEUTIG:  # about the row, not about the value in the cell
        return _eindeutig(fall)
    if isinstance(fall.roh, Zellfehler):
        return zellfehler_text(fall.roh)
    if isinstance(fall.roh, Verbunden):
        return (
            f"Die Zelle gehört zu den verbundenen Zellen {fall.roh.bereich} („{fall.wert}“) – "
            "bitte den Zellverbund aufheben und den Wert in die eigene Zelle des Feldes "
            "eintragen."
        )
    text = TEXTE.get(pruefung) if pruefung is not None else None
    if text is None:  # a check without a text; tests/test_pruefnamen.py rules it out
        return f"„{fall.wert}“ ist ungültig – bitte den Wert prüfen."
    return text(fall)


def zellfehler_text(problem: Zellfehler) -> str:
    if not problem.fehlerwert:
        return (
            "Die Zelle enthält eine Formel ohne berechnetes Ergebnis – Datei bitte in "
            "Excel/LibreOffice öffnen und speichern."
        )
    if problem.formel:
        return (
            f"Die Formel ergibt den Fehlerwert {problem.fehlerwert} – bitte die Formel "
            "korrigieren oder die Zahl direkt eintragen."
        )
    return f"Die Zelle enthält den Fehlerwert {problem.fehlerwert} – bitte die Zahl eintragen."


# Asked for by the template, checked outside the schema (see validierung._stand_fehlt).
STAND_FEHLT = (
    "Der Stand fehlt – bitte das Datum eintragen, auf das sich die Zahlen beziehen "
    "(z. B. 16.03.2016)."
)
