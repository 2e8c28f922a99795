"""Helpers the tests, the example generator and the benchmark share; no part of wrm.

Importable as ``hilfen`` wherever ``tests/`` is on ``sys.path``: in the tests (pytest puts
it there for conftest.py), in the scripts under ``tests/`` run directly, and in
``tests/benchmark/bench.py``, which adds it itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from wrm_cli.fehler import EingabeFehler
from wrm_cli.konfig import Grenzen
from wrm_cli.lesen.datei import inhalt_lesen
from wrm_cli.lesen.meldung import Gelesen

# Glandorf's twelve fields as published on 16.03.2016: valid, consistent, every field
# filled – a Meldung without any Befund.
GLANDORF_2016: dict[str, object] = {
    "zuweisungen": 17,
    "ankuenfte": 17,
    "keine_anrechnung": 0,
    "moegliche_anrechnung": 0,
    "zu_erfuellen": 18,
    "untergebracht_gu": 0,
    "untergebracht_dezentral": 17,
    "verfuegbar_gu": 0,
    "verfuegbar_dezentral": 0,
    "in_aussicht_gu": 0,
    "in_aussicht_dezentral": 18,
    "einschaetzung": "ausreichend",
}

if TYPE_CHECKING:
    from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]


def datei_lesen(pfad: Path, grenzen: Grenzen | None = None) -> Gelesen:
    """Read one file, whatever its name says. Raises EingabeFehler when the file cannot be
    read at all ("NAME: what the Kommune should do")."""
    try:
        return inhalt_lesen(pfad, grenzen)
    except EingabeFehler as problem:  # the readers say why; the file is named here, once
        raise EingabeFehler(f"{pfad.name}: {problem}") from None


def vorlage_ausfuellen(mappe: Workbook, werte: Mapping[str, object]) -> None:
    """Put values into the cells named by their keys, as a clerk would type them."""
    for key, wert in werte.items():
        blatt, zelle = next(iter(mappe.defined_names[key].destinations))
        mappe[blatt][zelle.replace("$", "")] = wert  # type: ignore[assignment, unused-ignore]
