"""The pandera schema of a Meldung, derived from the field catalogue.

The frame it validates holds one row per Meldung with the values as the readers
understood them: numbers as float (fractions included), dates as ``date``, and
anything not understood as the clerk's original text. Nothing is coerced, so
2.5 persons or „ca. 20“ fail a check instead of being silently truncated.
Check names are the keys the German messages are looked up by.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from typing import Any

import pandera.pandas as pa

from wrm_cli.felder import FELDER, KOMMUNE, STAND

QUELLE = "quelle"  # file and sheet a row came from: a Kommune may stand once per source


def _ganze_zahl(wert: object) -> bool:
    # Text the reader could not read as a number is reported here too.
    return isinstance(wert, float) and wert.is_integer()


# Whole numbers beyond this are typing slips; they would not fit the Int64 columns exactly.
GROESSTE_ZAHL = 2**53


def _nicht_zu_gross(wert: object) -> bool:
    # Only whole numbers are judged here; anything else already fails "ganze_zahl".
    return not (isinstance(wert, float) and wert.is_integer()) or abs(wert) <= GROESSTE_ZAHL


def _mindestens(minimum: int) -> Callable[[Any], bool]:
    def pruefen(wert: object) -> bool:
        # Only numbers are judged here; text already fails "ganze_zahl".
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

    def element(funktion: Callable[[Any], bool], name: str) -> pa.Check:
        return pa.Check(funktion, element_wise=True, name=name, ignore_na=True)

    spalten: dict[str, pa.Column] = {
        QUELLE: pa.Column(object),
        KOMMUNE: pa.Column(
            object, element(lambda name: name in bekannt, "kommune_bekannt"), nullable=False
        ),
        STAND: pa.Column(
            object,
            [
                element(_ist_datum, "datum"),
                element(lambda tag: not _ist_datum(tag) or tag <= stichtag, "nicht_in_zukunft"),
            ],
            nullable=True,
        ),
    }
    for feld in FELDER:
        if feld.ist_zahl:
            checks = [element(_ganze_zahl, "ganze_zahl"), element(_nicht_zu_gross, "zu_gross")]
            if feld.minimum is not None:
                checks.append(element(_mindestens(feld.minimum), "nicht_negativ"))
        else:
            checks = [element(_eines_von(feld.auswahl), "auswahl")]
        spalten[feld.key] = pa.Column(object, checks, nullable=True)
    return pa.DataFrameSchema(
        spalten,
        unique=[QUELLE, KOMMUNE],
        report_duplicates="all",
        name="Meldung",
    )
