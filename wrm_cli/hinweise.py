"""Plausibility hints: figures that are valid but deserve a second look. Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from wrm_cli.befunde import Befund, hinweis
from wrm_cli.bezirk import Bezirk, datum_deutsch
from wrm_cli.einlesen import Meldung
from wrm_cli.felder import KOMMUNE, STAND
from wrm_cli.pruefung import MELDUNG_NR

if TYPE_CHECKING:
    import pandas as pd

    from wrm_cli.auswertung import Auswertung


def _zahl(wert: object) -> int:
    """A blank counts as 0 (the Fachkonzept's rule for sums and comparisons)."""
    import pandas as pd

    return 0 if pd.isna(wert) else int(wert)  # type: ignore[call-overload]


def meldungshinweise(
    kommunen: pd.DataFrame, meldungen: Sequence[Meldung], bezirk: Bezirk, stichtag: dt.date
) -> list[Befund]:
    """Hints on the Meldungen that are evaluated."""
    befunde: list[Befund] = []
    for zeile in kommunen.to_dict("records"):
        meldung = meldungen[int(zeile[MELDUNG_NR])]
        kommune = str(zeile[KOMMUNE])
        zuweisungen, ankuenfte = _zahl(zeile["zuweisungen"]), _zahl(zeile["ankuenfte"])
        if ankuenfte > zuweisungen:
            befunde.append(
                hinweis(
                    f"{kommune}: {ankuenfte} Ankünfte, aber nur {zuweisungen} Zuweisungen – "
                    "Ankünfte sind ein Teil der Zuweisungen; bitte prüfen.",
                    datei=meldung.quelle,
                    zelle=meldung.zelle("ankuenfte"),
                    feld="ankuenfte",
                    kommune=kommune,
                )
            )
        stand = zeile[STAND]
        if isinstance(stand, dt.date) and (stichtag - stand).days > bezirk.veraltet_nach_tagen:
            befunde.append(
                hinweis(
                    f"{kommune}: Die Zahlen (Stand {datum_deutsch(stand)}) sind "
                    f"{(stichtag - stand).days} Tage alt – bitte eine aktuelle Meldung anfordern.",
                    datei=meldung.quelle,
                    zelle=meldung.zelle(STAND),
                    feld=STAND,
                    kommune=kommune,
                )
            )
    return befunde


def personen(anzahl: int) -> str:
    return "1 Person" if anzahl == 1 else f"{anzahl} Personen"


def einschaetzungshinweise(
    auswertung: Auswertung, meldungen: Sequence[Meldung], kommunen: pd.DataFrame, toleranz: int
) -> list[Befund]:
    """A Kommune's own assessment contradicting its figures.

    "kritisch" with spare places is always questioned; "ausreichend" once at least
    ``toleranz`` persons lack housing (a handful is often covered by flats in prospect).
    """
    herkunft = dict(zip(kommunen[KOMMUNE], kommunen[MELDUNG_NR], strict=True))
    befunde: list[Befund] = []
    for zeile in auswertung.datensaetze():
        kommune, fehlend, einschaetzung = (
            zeile[KOMMUNE],
            zeile["fehlender_wohnraum"],
            zeile["einschaetzung"],
        )
        if fehlend is None:  # no housing data: nothing to compare
            continue
        if einschaetzung == "ausreichend" and fehlend > 0 and fehlend >= toleranz:
            text = (
                f"{kommune} schätzt die Lage als „ausreichend“ ein, es fehlt aber Wohnraum "
                f"für {personen(fehlend)}."
            )
        elif einschaetzung == "kritisch" and fehlend < 0:
            text = (
                f"{kommune} schätzt die Lage als „kritisch“ ein, hat aber {-fehlend} "
                f"{'Platz' if fehlend == -1 else 'Plätze'} mehr als benötigt."
            )
        else:
            continue
        meldung = meldungen[int(herkunft[kommune])]
        befunde.append(
            hinweis(
                text,
                datei=meldung.quelle,
                zelle=meldung.zelle("einschaetzung"),
                feld="einschaetzung",
                kommune=str(kommune),
            )
        )
    return befunde


def fehlende_kommunen(bezirk: Bezirk, ausgewertet: Iterable[str]) -> list[str]:
    vorhanden = set(ausgewertet)
    return [name for name in bezirk.kommunennamen if name not in vorhanden]


def meldestatushinweise(fehlend: Sequence[str], mit_fehlern: set[str]) -> list[Befund]:
    return [
        hinweis(
            f"{name}: Meldung enthält Fehler und fehlt deshalb in der Auswertung."
            if name in mit_fehlern
            else f"{name}: keine Meldung eingegangen.",
            kommune=name,
        )
        for name in fehlend
    ]
