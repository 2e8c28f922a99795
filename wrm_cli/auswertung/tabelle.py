"""The district's evaluation table, exactly as the Fachkonzept defines it. Pure pandas.

- summe = (8)+(9)+(10)+(11), blanks as 0
- fehlender_wohnraum = max((5), 0) − summe; empty when (8)–(11) are all blank
- sorted by fehlender_wohnraum ascending, ties by name, empty ones last
- Gesamt: column sums; its fehlender_wohnraum is Σ(5) − Σsumme (raw sum of (5))
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wrm_cli.bezirk import sortierschluessel
from wrm_cli.ergebnis import SPALTEN, ZAHLSPALTEN, Auswertung
from wrm_cli.felder import KAPAZITAETSFELDER, KOMMUNE, STAND
from wrm_cli.lesen.lauf import MELDUNG_NR

if TYPE_CHECKING:
    import pandas as pd


def auswerten(kommunen: pd.DataFrame) -> Auswertung:
    """``kommunen``: one row per Meldung with MELDUNG_NR, kommune, stand and the twelve
    fields (one per Kommune for the district's table)."""
    import pandas as pd

    tabelle = pd.DataFrame(
        {
            KOMMUNE: kommunen[KOMMUNE].astype(object),
            STAND: kommunen[STAND].astype(object),
            "bisherige_zuweisungen": kommunen["zuweisungen"].astype("Int64"),
            "zu_erfuellen": kommunen["zu_erfuellen"].astype("Int64"),
        }
    )
    for key in KAPAZITAETSFELDER:
        tabelle[key] = kommunen[key].astype("Int64")
    kapazitaet = tabelle[list(KAPAZITAETSFELDER)]
    tabelle["summe"] = kapazitaet.fillna(0).sum(axis=1).astype("Int64")
    bedarf = tabelle["zu_erfuellen"].fillna(0).clip(lower=0)
    fehlend = (bedarf - tabelle["summe"]).astype("Int64")
    tabelle["fehlender_wohnraum"] = fehlend.mask(kapazitaet.isna().all(axis=1))
    tabelle["einschaetzung"] = kommunen["einschaetzung"].astype(object)
    tabelle[MELDUNG_NR] = kommunen[MELDUNG_NR].astype(int)

    tabelle["_ohne_wert"] = tabelle["fehlender_wohnraum"].isna()
    tabelle["_name"] = tabelle[KOMMUNE].map(sortierschluessel)
    tabelle = tabelle.sort_values(
        ["_ohne_wert", "fehlender_wohnraum", "_name"], na_position="last", kind="stable"
    ).drop(columns=["_ohne_wert", "_name"])

    summen = {spalte: int(tabelle[spalte].fillna(0).sum()) for spalte in ZAHLSPALTEN}
    # At district level an over-fulfilled quota offsets the others: raw Σ(5), not Σ max(5, 0).
    summen["fehlender_wohnraum"] = summen["zu_erfuellen"] - summen["summe"]
    return Auswertung(
        tabelle[list(SPALTEN)].reset_index(drop=True),
        summen,
        kennzahlen(summen),
        herkunft=[int(nr) for nr in tabelle[MELDUNG_NR]],
    )


def kennzahlen(gesamt: dict[str, int]) -> dict[str, int]:
    """The key figures under the table, from the Gesamt row."""
    return {
        "benoetigter_wohnraum": gesamt["zu_erfuellen"],
        "sofort_verfuegbar": gesamt["verfuegbar_gu"] + gesamt["verfuegbar_dezentral"],
        "in_aussicht": gesamt["in_aussicht_gu"] + gesamt["in_aussicht_dezentral"],
        "gesamtverfuegbarkeit": gesamt["summe"],
        "fehlender_wohnraum": gesamt["fehlender_wohnraum"],
    }
