"""Column widths and row heights from content, so the printed Excel report stays legible.

Widths are in Excel's unit, the width of one digit of the default font. Text widths are
estimated on the generous side (close to DejaVu Sans, the widest font LibreOffice puts in
for a missing Calibri), so a word that fits here fits on paper in Excel and LibreOffice.
Headers wrap only at spaces: every column is at least as wide as the
longest word of its header.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from typing import Any

# Character widths in digits (bold); everything not listed counts as one digit and a bit.
_SCHMAL = frozenset("iljI.,:;'!|")
_HALB = frozenset("frt()[]/- ")
_BREIT = frozenset("mwMW@%")
_GROSS = 1.25  # other capitals
_SONST = 1.1
_NORMAL = 0.85  # regular type is narrower than bold
_RAND = 1.5  # cell padding, both sides
# Points per line of 11 pt type (Calibri: 15 pt rows; DejaVu Sans is a little taller).
PUNKT_JE_ZEILE = 15.0


def textbreite(text: str, fett: bool = False) -> float:
    """The width of a text on one line, in digits."""
    breite = 0.0
    for zeichen in text:
        if zeichen in _SCHMAL:
            breite += 0.6
        elif zeichen in _HALB:
            breite += 0.75
        elif zeichen in _BREIT:
            breite += 1.65
        elif zeichen.isupper():
            breite += _GROSS
        else:
            breite += _SONST
    return breite if fett else breite * _NORMAL


def woerter(text: str) -> list[str]:
    """The words of a text, which must not be broken ("E-Mail" stays whole as well)."""
    return text.split()


def wortbreite(text: str, fett: bool = False) -> float:
    """The width a column needs so that no word of the text is broken."""
    return max((textbreite(wort, fett) for wort in woerter(text)), default=0.0) + _RAND


def zeilen(text: str, breite: float, fett: bool = False) -> int:
    """How many lines a text wrapped at spaces takes in a column this wide."""
    anzahl, zeile = 0, ""
    for absatz in text.split("\n"):
        anzahl += 1
        zeile = ""
        for wort in woerter(absatz):
            versuch = f"{zeile} {wort}" if zeile else wort
            if zeile and textbreite(versuch, fett) + _RAND > breite:
                anzahl += 1
                versuch = wort
            zeile = versuch
    return max(anzahl, 1)


def zeilenhoehe(texte: Iterable[tuple[str, float, bool]]) -> float:
    """The height (points) of a row whose cells (text, column width, bold) wrap."""
    return PUNKT_JE_ZEILE * max((zeilen(t, b, f) for t, b, f in texte), default=1) + 3


def anzeige(wert: object, format_: str | None = None) -> str:
    """A value as the sheet shows it: 1.327, 16.03.2016, 82 %."""
    if wert is None:
        return ""
    if isinstance(wert, dt.date):
        return wert.strftime("%d.%m.%Y")
    if isinstance(wert, float) and format_ is not None and format_.endswith("%"):
        return f"{round(wert * 100)}%"
    if isinstance(wert, int) and not isinstance(wert, bool):
        return f"{wert:,}".replace(",", ".")
    return str(wert)


def spaltenbreite(
    kopf: str,
    werte: Iterable[str],
    mindestens: float = 0.0,
    hoechstens: float = 60.0,
) -> float:
    """Wide enough for every word of the bold header and, up to ``hoechstens``, for every
    value on one line; at least ``mindestens``."""
    inhalt = max((textbreite(wert) + _RAND for wert in werte), default=0.0)
    breite = max(wortbreite(kopf, fett=True), min(inhalt, hoechstens), mindestens)
    return math.ceil(breite * 2) / 2


def spaltenbreiten(
    kopf: Sequence[str],
    tabelle: Sequence[Sequence[Any]],
    formate: Sequence[str | None],
    mindestens: Sequence[float] = (),
    hoechstens: float | Sequence[float] = 36,
) -> list[float]:
    """Column widths from the headers' longest words and the values as shown; a value
    wider than ``hoechstens`` (one for all columns, or one each) wraps or overflows."""
    untergrenzen = [*mindestens, *([0.0] * (len(kopf) - len(mindestens)))]
    obergrenzen = [hoechstens] * len(kopf) if isinstance(hoechstens, float | int) else hoechstens
    return [
        spaltenbreite(
            text,
            [anzeige(zeile[nr], formate[nr]) for zeile in tabelle if nr < len(zeile)],
            mindestens=untergrenzen[nr],
            hoechstens=obergrenzen[nr],
        )
        for nr, text in enumerate(kopf)
    ]
