"""What the readers know of a workbook besides the cell values python-calamine returns.

One look at the file, per format (``mappe_xlsx``, ``mappe_ods``, ``mappe_xls``), yields a
``Mappe``: the workbook-level defined names (``zuweisungen`` → ``'Meldung'!$C$12``), the
date system, and for every sheet its ``Blattbild``: how far it reaches (checked against
the limits before calamine reads it), its error cells and formulas without a stored
result (which calamine returns as blank), and, for ods, its merged cells. Together with
calamine's values this becomes one ``Blatt`` per sheet, the readers' only view of a sheet.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wrm_cli.lesen.meldung import adresse
from wrm_cli.werte import Roh, Verbunden, Zellfehler

# 'Meldung'!$C$12 · Meldung!C12 · 'It''s'!$C$12 (xlsx) · $Meldung.$C$12 · $'Mel dung'.$C$12 (ods)
BEZUG_XLSX = re.compile(r"^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Za-z]{1,3})\$?(\d{1,7})$")
BEZUG_ODS = re.compile(r"^\$?(?:'((?:[^']|'')+)'|([^'.]+))\.\$?([A-Za-z]{1,3})\$?(\d{1,7})$")

# A merged range: first row, first column, last row, last column (0-based, inclusive).
Bereich = tuple[int, int, int, int]


@dataclass(frozen=True)
class Bezug:
    """A single cell a defined name points to (0-based row and column)."""

    blatt: str
    zeile: int
    spalte: int


def spaltennummer(buchstaben: str) -> int:
    """A → 0, Z → 25, AA → 26."""
    nummer = 0
    for buchstabe in buchstaben.upper():
        nummer = nummer * 26 + ord(buchstabe) - 64
    return nummer - 1


@functools.lru_cache(maxsize=4096)  # the template's names are the same in every file
def bezug_lesen(text: str, muster: re.Pattern[str]) -> Bezug | None:
    treffer = muster.match(text.strip())
    if treffer is None:  # ranges, formulas, #REF! – not a single input cell
        return None
    zitiert, schlicht, spalte, zeile = treffer.groups()
    blatt = zitiert.replace("''", "'") if zitiert is not None else schlicht
    return Bezug(blatt, int(zeile) - 1, spaltennummer(spalte))


@dataclass
class Blattbild:
    """What a look at one sheet's file content shows, before its values are read."""

    zeilen: int = 0  # rows and columns from A1 to the last used cell
    spalten: int = 0
    fehlerzellen: dict[tuple[int, int], Zellfehler] = field(default_factory=dict)
    verbunde: list[Bereich] = field(default_factory=list)  # ods only; calamine has the rest


@dataclass
class Mappe:
    pfad: Path
    art: str  # "xlsx", "ods" or "xls", by content
    # Workbook-level names pointing to one cell, keyed case-insensitively (casefolded).
    namen: dict[str, Bezug] = field(default_factory=dict)
    # Every worksheet by name, in workbook order.
    blaetter: dict[str, Blattbild] = field(default_factory=dict)
    # Serial dates count from 1904-01-01 (an Excel option, default in old Mac Excel).
    datum_1904: bool = False


@dataclass
class Blatt:
    """One sheet as the readers see it: calamine's values plus what calamine hides."""

    name: str
    zeilen: Sequence[Sequence[Roh]]
    fehlerzellen: dict[tuple[int, int], Zellfehler] = field(default_factory=dict)
    verbunde: Sequence[Bereich] = ()
    versteckt: bool = False
    datum_1904: bool = False
    # Rows may end at their last non-empty cell: up to this width they read as "".
    breite: int = 0

    def roh(self, zeile: int, spalte: int) -> Roh:
        """The plain value, None outside the used area: for labels and headers."""
        if zeile < len(self.zeilen):
            reihe = self.zeilen[zeile]
            if spalte < len(reihe):
                return reihe[spalte]
            if spalte < self.breite:
                return ""
        return None

    def wert(self, zeile: int, spalte: int) -> Roh:
        """The value of an input cell; error cells and merged cells as their markers."""
        fehler = self.fehlerzellen.get((zeile, spalte))
        if fehler is not None:
            return fehler
        for erste_zeile, erste_spalte, letzte_zeile, letzte_spalte in self.verbunde:
            if erste_zeile <= zeile <= letzte_zeile and erste_spalte <= spalte <= letzte_spalte:
                bereich = (
                    f"{adresse(erste_zeile, erste_spalte)}:{adresse(letzte_zeile, letzte_spalte)}"
                )
                return Verbunden(bereich, self.roh(erste_zeile, erste_spalte))
        return self.roh(zeile, spalte)


def calamine_bereiche(bereiche: Any) -> list[Bereich]:
    """python-calamine's merged ranges ``[((r1, c1), (r2, c2)), …]`` or None → Bereiche."""
    return [(r1, c1, r2, c2) for (r1, c1), (r2, c2) in bereiche or ()]
