"""The pandera schema of a Meldung, derived from the field catalogue.

The frame it validates holds one row per Meldung with the values as the readers
understood them: numbers as float (fractions included), dates as ``date``, and
anything not understood as the clerk's original text. Nothing is coerced, so
2.5 persons or „ca. 20“ fail a check instead of being silently truncated.
Every check is named by a ``Pruefung``, the key the German messages are looked up by;
the two failures pandera names itself (``nullable=False``, ``unique=[…]``) are members too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from typing import Any

import pandera.pandas as pa

from wrm_cli.felder import FELDER, KOMMUNE, STAND, Pruefung

QUELLE = "quelle"  # file and sheet a row came from: a Kommune may stand once per source


def _ganze_zahl(wert: object) -> bool:
    # Text the reader could not read as a number is reported here too.
    return isinstance(wert, float) and wert.is_integer()


# Whole numbers beyond this are typing slips; they would not fit the Int64 columns exactly.
GROESSTE_ZAHL = 2**53


def _nicht_zu_gross(wert: object) -> bool:
    # Only whole numbers are judged here; anything else already fails Pruefung.GANZE_ZAHL.
    return not (isinstance(wert, float) and wert.is_integer()) or abs(wert) <= GROESSTE_ZAHL


def _mindestens(minimum: int) -> Callable[[Any], bool]:
    def pruefen(wert: object) -> bool:
        # Only numbers are judged here; text already fails Pruefung.GANZE_ZAHL.
        return not isinstance(wert, float) or wert >= minimum

    return pruefen


def _eines_von(auswahl: Collection[str]) -> Callable[[Any], bool]:
    erlaubt = frozenset(auswahl)
    return lambda wert: wert in erlaubt


def _ist_datum(wert: object) -> bool:
    return isinstance(wert, dt.date)


def meldung_schema(kommunen: Collection[str], stichtag: dt.date) -> pa.DataFrameSchema:
    """Schema for the Meldungen of a district whose official names are ``kommunen``."""
    bekannt = frozenset(kommunen)

    def element(funktion: Callable[[Any], bool], pruefung: Pruefung) -> pa.Check:
        return pa.Check(funktion, element_wise=True, name=pruefung.value, ignore_na=True)

    spalten: dict[str, pa.Column] = {
        QUELLE: pa.Column(object),  # nullable=False by default: Pruefung.PFLICHTFELD
        KOMMUNE: pa.Column(
            object,
            element(lambda name: name in bekannt, Pruefung.KOMMUNE_BEKANNT),
            nullable=False,  # pandera reports an empty Kommune as Pruefung.PFLICHTFELD
        ),
        STAND: pa.Column(
            object,
            [
                element(_ist_datum, Pruefung.DATUM),
                element(
                    lambda tag: not _ist_datum(tag) or tag <= stichtag, Pruefung.NICHT_IN_ZUKUNFT
                ),
            ],
            nullable=True,
        ),
    }
    for feld in FELDER:
        if feld.ist_zahl:
            checks = [
                element(_ganze_zahl, Pruefung.GANZE_ZAHL),
                element(_nicht_zu_gross, Pruefung.ZU_GROSS),
            ]
            if feld.minimum is not None:
                checks.append(element(_mindestens(feld.minimum), Pruefung.NICHT_NEGATIV))
        else:
            checks = [element(_eines_von(feld.auswahl), Pruefung.AUSWAHL)]
        spalten[feld.key] = pa.Column(object, checks, nullable=True)
    return pa.DataFrameSchema(
        spalten,
        unique=[QUELLE, KOMMUNE],  # pandera reports a repeat as Pruefung.EINDEUTIG
        report_duplicates="all",
        name="Meldung",
    )
