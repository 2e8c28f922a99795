"""Who reported what: the Übersicht (all fields per Kommune) and the Meldestatus. Pure.

The Excel report shows both; they answer the task force's first questions on Monday
morning: which Kommune is missing, whose figures are old, which file was ignored and why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

from wrm_cli.bezirk import sortierschluessel
from wrm_cli.ergebnis import Meldestand, Meldestatus
from wrm_cli.felder import FELD, KOMMUNE, KONTAKT_LABELS, STAND
from wrm_cli.konfig import Einstellungen
from wrm_cli.lesen.lauf import MELDUNG_NR, Lauf
from wrm_cli.werte import python_wert, text_lesen

if TYPE_CHECKING:
    import pandas as pd


def uebersicht(kommunen: pd.DataFrame, lauf: Lauf) -> list[dict[str, Any]]:
    """One row per evaluated Kommune, by name: Stand, the twelve fields, file, contact."""
    zeilen: list[dict[str, Any]] = []
    for daten in kommunen.to_dict("records"):
        meldung = lauf.meldung(int(daten[MELDUNG_NR]))
        zeile: dict[str, Any] = {KOMMUNE: daten[KOMMUNE], STAND: daten[STAND]}
        zeile |= {key: python_wert(daten[key]) for key in FELD}
        zeile["datei"] = meldung.datei.name
        for key in KONTAKT_LABELS:
            text = text_lesen(meldung.roh(key))
            zeile[key] = str(text) if text is not None else None
        zeilen.append(zeile)
    return sorted(zeilen, key=lambda zeile: sortierschluessel(zeile[KOMMUNE]))


def dezentral_anteil(gu: int | None, dezentral: int | None) -> float | None:
    """(7) / ((6)+(7)); None when nobody is housed."""
    untergebracht = (gu or 0) + (dezentral or 0)
    return None if untergebracht == 0 else (dezentral or 0) / untergebracht


def meldestatus(
    einstellungen: Einstellungen,
    zeilen: Sequence[dict[str, Any]],
    mit_fehlern: Collection[str],
    stichtag: dt.date,
) -> list[Meldestand]:
    """Every Kommune of the district, in the district's order, with the state of its report."""
    ausgewertet = {zeile[KOMMUNE]: zeile for zeile in zeilen}
    stand_liste: list[Meldestand] = []
    for name in einstellungen.bezirk.kommunennamen:
        zeile = ausgewertet.get(name)
        if zeile is None:
            status: Meldestatus = "ungültig" if name in mit_fehlern else "fehlt"
            stand_liste.append(Meldestand(name, status))
            continue
        stand = zeile[STAND]
        if not isinstance(stand, dt.date):
            stand_liste.append(Meldestand(name, "ohne Stand", datei=zeile["datei"]))
            continue
        alter = (stichtag - stand).days
        status = "veraltet" if alter > einstellungen.veraltet_nach_tagen else "aktuell"
        stand_liste.append(Meldestand(name, status, stand, alter, zeile["datei"]))
    return stand_liste
