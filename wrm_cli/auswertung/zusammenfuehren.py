"""Valid Meldungen → one row per Kommune: the newest Stand wins.

Older Meldungen are listed as hints; two different Meldungen with the same Stand
are a conflict that is reported and never resolved silently (neither is used).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wrm_cli.befunde import Befund, fehler, hinweis
from wrm_cli.felder import FELD, KOMMUNE, STAND
from wrm_cli.lesen.lauf import MELDUNG_NR, Lauf
from wrm_cli.werte import datum_deutsch

if TYPE_CHECKING:
    import pandas as pd

_UNBEKANNT = dt.date.min  # a Meldung without Stand counts as older than any dated one


@dataclass
class Zusammengefuehrt:
    # One row per Kommune, columns as in Pruefergebnis.gueltig.
    kommunen: pd.DataFrame
    befunde: list[Befund]
    # MELDUNG_NR of each valid Meldung not used → why, for the account of the files.
    ersetzt: dict[int, str]
    # MELDUNG_NR of the Meldungen left out because they contradict each other.
    widersprueche: set[int]


def _stand_text(stand: object) -> str:
    return f"Stand {datum_deutsch(stand)}" if isinstance(stand, dt.date) else "ohne Stand"


def zusammenfuehren(gueltig: pd.DataFrame, lauf: Lauf) -> Zusammengefuehrt:
    befunde: list[Befund] = []
    ersetzt: dict[int, str] = {}
    widersprueche: set[int] = set()
    mehrfach = gueltig[gueltig.duplicated(KOMMUNE, keep=False)]
    weg: set[int] = set()
    for kommune, gruppe in mehrfach.groupby(KOMMUNE, sort=False):
        staende = gruppe[STAND].map(lambda s: s if isinstance(s, dt.date) else _UNBEKANNT)
        neueste = gruppe[staende == staende.max()]
        aeltere = gruppe[staende != staende.max()]
        gewinner = lauf.meldung(int(neueste[MELDUNG_NR].iloc[0]))
        for nr, stand in aeltere[[MELDUNG_NR, STAND]].itertuples(index=False):
            alt = lauf.meldung(int(nr))
            ersetzt[int(nr)] = f"durch {gewinner.quelle} ({_stand_text(neueste[STAND].iloc[0])})"
            befunde.append(
                hinweis(
                    f"Ältere Meldung von {kommune} ({_stand_text(stand)}) – ersetzt durch "
                    f"{gewinner.quelle} ({_stand_text(neueste[STAND].iloc[0])}).",
                    datei=alt.quelle,
                    kommune=str(kommune),
                )
            )
        weg.update(int(i) for i in aeltere.index)
        if len(neueste) > 1:
            if neueste[list(FELD)].astype(object).nunique(dropna=False).max() == 1:
                # The same figures sent twice: harmless, use the first.
                for nr in neueste[MELDUNG_NR].iloc[1:]:
                    ersetzt[int(nr)] = f"identisch mit {gewinner.quelle}"
                    befunde.append(
                        hinweis(
                            f"Meldung von {kommune} ist identisch auch in {gewinner.quelle} "
                            "enthalten und wird einmal gezählt.",
                            datei=lauf.meldung(int(nr)).quelle,
                            kommune=str(kommune),
                        )
                    )
                weg.update(int(i) for i in neueste.index[1:])
            else:
                quellen = " und ".join(lauf.meldung(int(nr)).quelle for nr in neueste[MELDUNG_NR])
                for nr in neueste[MELDUNG_NR]:
                    ersetzt[int(nr)] = f"{quellen} widersprechen sich – keine wird ausgewertet"
                    widersprueche.add(int(nr))
                befunde.append(
                    fehler(
                        f"Widersprüchliche Meldungen von {kommune} mit gleichem "
                        f"{_stand_text(neueste[STAND].iloc[0])} in {quellen} – keine davon wird "
                        "ausgewertet; bitte die richtige Fassung behalten und die andere "
                        "entfernen.",
                        kommune=str(kommune),
                    )
                )
                weg.update(int(i) for i in neueste.index)
    kommunen = gueltig.drop(index=sorted(weg)).reset_index(drop=True)
    return Zusammengefuehrt(kommunen, befunde, ersetzt, widersprueche)
