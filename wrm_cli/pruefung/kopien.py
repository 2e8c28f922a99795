"""A faulty Meldung sent again unchanged (the same file in two week folders): its errors
are named once, and the copy gets one error that points to them. Pure."""

from __future__ import annotations

from collections import Counter

from wrm_cli.befunde import Befund, fehler
from wrm_cli.lesen.lauf import Lauf
from wrm_cli.pruefung.validierung import Pruefergebnis


def kopien_einmal(pruefung: Pruefergebnis, lauf: Lauf) -> None:
    """Replace the errors of every unchanged copy by one that names the original."""
    anzahl = Counter(nr for nr, befund in pruefung.befunde_je_meldung if befund.stufe == "fehler")
    kopie_von = lauf.kopien(sorted(anzahl))
    if not kopie_von:
        return
    befunde: list[tuple[int, Befund]] = []
    verweise: list[tuple[int, Befund]] = []  # after the errors they point to
    for nr, befund in pruefung.befunde_je_meldung:
        if nr not in kopie_von or befund.stufe != "fehler":
            befunde.append((nr, befund))
        elif anzahl.pop(nr, 0):  # one error stands for all of the copy's
            original = lauf.meldung(kopie_von[nr]).quelle
            n = anzahl[kopie_von[nr]]
            welche = "demselben Fehler" if n == 1 else f"denselben {n} Fehlern"
            text = (
                f"Dieselbe Meldung wie {original} mit {welche} (dort genannt) – wird nicht "
                "ausgewertet."
            )
            quelle = lauf.meldung(nr).quelle
            verweise.append((nr, fehler(text, datei=quelle, kommune=befund.kommune)))
    pruefung.befunde_je_meldung = befunde + verweise
