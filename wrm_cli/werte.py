"""Cell values as clerks type them → the values they mean.

Each function returns the typed value, ``None`` for a blank cell, or the
original input unchanged when it cannot be understood – the schema then
reports it with the clerk's own text.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

# Whole numbers written as text: " 12 ", "12,0", "12.0", "+3", "-4".
_GANZ = re.compile(r"[+-]?\d+(?:[.,]0+)?")
# German thousands separators: "1.234", "12.345.678" – unambiguous for a whole count.
_TAUSENDER = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+")
# "12.000" or "12,000": twelve thousand with a thousands separator, or twelve with three
# decimal zeros – both readings are whole numbers, so neither may be guessed.
_MEHRDEUTIG = re.compile(r"[+-]?\d{1,3}[.,]000")
# A decimal fraction such as "12,5" or "0.75": a number, but not a whole one.
_BRUCH = re.compile(r"[+-]?\d*[.,]\d+")
_DATUM_DE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})")
_DATUM_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?")
# Excel serial dates. 1900 system: 1 = 1900-01-01, with Excel's phantom 29 Feb 1900.
# 1904 system (old Mac Excel, an option in every Excel): 0 = 1904-01-01.
_EXCEL_NULL = dt.date(1899, 12, 30)
_EXCEL_NULL_1904 = dt.date(1904, 1, 1)

Roh = object


@dataclass(frozen=True)
class Zellfehler:
    """A cell that holds no usable value: a formula error or a formula never calculated.

    Readers put it where the value would be, so the checks can name the cell instead of
    mistaking it for a blank.
    """

    fehlerwert: str  # "#DIV/0!", "#WERT!" …; "" for a formula without stored result
    formel: bool = True

    def __str__(self) -> str:
        return self.fehlerwert or "Formel ohne Ergebnis"


@dataclass(frozen=True)
class Verbunden:
    """A cell the reader needs that is part of merged cells: its value is ambiguous.

    Only the first cell of a merged range holds a value; the others read as blank, so a
    figure typed across two cells would silently belong to one field only.
    """

    bereich: str  # "C12:D12"
    wert: object  # what the merged range shows (its first cell)

    def __str__(self) -> str:
        return anzeigen(self.wert)


_LEERRAUM = re.compile(r"\s+")


@functools.lru_cache(maxsize=2**14)
def bereinigt(text: str) -> str:
    """NFC, no non-breaking or other odd spaces, trimmed.

    Cached: the same texts ("ausreichend", labels, names) come back in every file."""
    text = unicodedata.normalize("NFC", text)
    return _LEERRAUM.sub(" ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def ist_leer(wert: Roh) -> bool:
    if wert is None:
        return True
    if isinstance(wert, float) and wert != wert:  # NaN
        return True
    # str.strip() removes exactly what "\s" matches, non-breaking spaces included.
    return isinstance(wert, str) and not wert.strip()


def zahl_lesen(wert: Roh) -> Roh:
    """A float for anything numeric (fractions included), None for blank, else unchanged."""
    if ist_leer(wert):
        return None
    if isinstance(wert, bool):
        return wert
    if isinstance(wert, int | float):
        return float(wert)
    if not isinstance(wert, str):
        return wert
    text = _zahltext(wert)
    if _MEHRDEUTIG.fullmatch(text):
        return wert
    if _TAUSENDER.fullmatch(text):
        return float(text.replace(".", ""))
    if _GANZ.fullmatch(text) or _BRUCH.fullmatch(text):
        return float(text.replace(",", "."))
    return wert


def _zahltext(text: str) -> str:
    # U+2212 is the minus sign Word and PDF documents paste.
    return bereinigt(text).replace(" ", "").replace("\u2212", "-")


def mehrdeutige_zahl(wert: Roh) -> tuple[int, int] | None:
    """For "12.000": the two whole numbers it may mean (12, 12000); else None."""
    if not isinstance(wert, str) or not _MEHRDEUTIG.fullmatch(text := _zahltext(wert)):
        return None
    klein = int(float(text.replace(",", ".")))
    return klein, klein * 1000


def datum_lesen(wert: Roh, datum_1904: bool = False) -> Roh:
    """A date for real dates, "16.03.2016", "2016-03-16" and Excel serials (in the workbook's
    date system); else unchanged."""
    if ist_leer(wert):
        return None
    if isinstance(wert, dt.datetime):
        return wert.date()
    if isinstance(wert, dt.date):
        return wert
    if isinstance(wert, int | float) and not isinstance(wert, bool):
        if float(wert).is_integer() and 1 <= wert <= 2_958_465:
            null = _EXCEL_NULL_1904 if datum_1904 else _EXCEL_NULL
            return null + dt.timedelta(days=int(wert))
        return wert
    if not isinstance(wert, str):
        return wert
    text = bereinigt(wert)
    try:
        if treffer := _DATUM_DE.fullmatch(text):
            tag, monat, jahr = (int(teil) for teil in treffer.groups())
            return dt.date(jahr + 2000 if jahr < 100 else jahr, monat, tag)
        if treffer := _DATUM_ISO.fullmatch(text):
            jahr, monat, tag = (int(teil) for teil in treffer.groups())
            return dt.date(jahr, monat, tag)
    except ValueError:  # 31.02.2016 and the like
        return wert
    return wert


def text_lesen(wert: Roh) -> Roh:
    """Trimmed text, None for blank; numbers stay numbers (the schema rejects them)."""
    if ist_leer(wert):
        return None
    return bereinigt(wert) if isinstance(wert, str) else wert


def anzeigen(wert: Roh) -> str:
    """A value as the clerk typed it, for messages: „ca. 20“, „12,5“, „2016-03-16“."""
    if isinstance(wert, bool):  # a logical cell, shown as a German spreadsheet shows it
        return "WAHR" if wert else "FALSCH"
    if isinstance(wert, float) and wert.is_integer():
        return str(int(wert))
    if isinstance(wert, float):
        return str(wert).replace(".", ",")
    if isinstance(wert, dt.datetime | dt.date):
        return wert.strftime("%d.%m.%Y")
    return str(wert).strip()


def python_wert(wert: Any) -> Any:
    """pandas' <NA>/NaN → None, numpy integers → int; dates and text unchanged."""
    if wert is None or isinstance(wert, dt.date | str):
        return wert
    try:
        if wert != wert:  # NaN
            return None
    except TypeError:  # pd.NA refuses to be compared
        return None
    return int(wert)


def datum_deutsch(tag: dt.date) -> str:
    """2016-03-16 → "16.03.2016"."""
    return tag.strftime("%d.%m.%Y")


def zahl_de(wert: int | None) -> str:
    """1327 → "1.327", -407 → "-407", blank → ""."""
    return "" if wert is None else f"{wert:,}".replace(",", ".")


def kommazahl(wert: float) -> str:
    """A number as written, with a decimal comma: 10.0 → "10", 24.5 → "24,5"."""
    return f"{wert:g}".replace(".", ",")


def aufzaehlung(namen: list[str]) -> str:
    """["A"] → "A", ["A", "B", "C"] → "A, B und C"."""
    return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " und " + namen[-1]


def personen(anzahl: int) -> str:
    """1 → "1 Person", 1327 → "1.327 Personen"."""
    return "1 Person" if anzahl == 1 else f"{zahl_de(anzahl)} Personen"
