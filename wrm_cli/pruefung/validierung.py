"""Meldungen → Befunde and a typed frame of the valid ones. Pure: no I/O.

All Meldungen of a run are validated together in one lazy pandera call; every
failure is mapped back to the file and cell it came from, its sentence comes from
``texte`` by the ``Pruefung`` that failed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wrm_cli.befunde import Befund, fehler
from wrm_cli.bezirk import Bezirk
from wrm_cli.felder import FELD, FELDER, KOMMUNE, STAND, ZAHLFELDER, Pruefung
from wrm_cli.lesen.lauf import MELDUNG_NR
from wrm_cli.lesen.meldung import Meldung
from wrm_cli.pruefung.texte import STAND_FEHLT, Fall, befundtext, pruefung_erkennen
from wrm_cli.werte import (
    Verbunden,
    Zellfehler,
    anzeigen,
    datum_lesen,
    ist_leer,
    text_lesen,
    zahl_lesen,
)

if TYPE_CHECKING:
    import pandas as pd


@dataclass
class Pruefergebnis:
    # One row per valid Meldung: MELDUNG_NR, kommune, stand, the twelve fields (numbers Int64).
    gueltig: pd.DataFrame
    # Each Befund with the number of the Meldung it is about, in the order found, no repeats.
    befunde_je_meldung: list[tuple[int, Befund]]

    @property
    def befunde(self) -> list[Befund]:
        return [befund for _, befund in self.befunde_je_meldung]


def _verstanden(meldung: Meldung, bezirk: Bezirk) -> dict[str, object]:
    """The values of one Meldung as far as they can be understood, else as typed."""
    # A Kommune may stand once per file and sheet. The path as collected tells apart files
    # of the same name in different folders (eingang.sammeln reads each real file once).
    werte: dict[str, object] = {"quelle": f"{meldung.datei}|{meldung.blatt or ''}"}
    name = text_lesen(meldung.roh(KOMMUNE))
    werte[KOMMUNE] = (bezirk.kommune_finden(name) or name) if isinstance(name, str) else name
    werte[STAND] = datum_lesen(meldung.roh(STAND), meldung.datum_1904)
    for feld in FELDER:
        roh = meldung.roh(feld.key)
        if feld.ist_zahl:
            werte[feld.key] = zahl_lesen(roh)
        else:
            text = text_lesen(roh)
            werte[feld.key] = text.casefold() if isinstance(text, str) else text
    return werte


def pruefen(meldungen: Sequence[Meldung], bezirk: Bezirk, stichtag: dt.date) -> Pruefergebnis:
    import pandas as pd
    import pandera.pandas as pa

    from wrm_cli.pruefung.schemata import meldung_schema

    spalten = ["quelle", KOMMUNE, STAND, *FELD]
    rahmen = pd.DataFrame(
        [_verstanden(meldung, bezirk) for meldung in meldungen], columns=spalten, dtype=object
    )
    befunde: list[tuple[int, Befund]] = []
    fehlerhaft: set[int] = set()
    try:
        meldung_schema(bezirk.kommunennamen, stichtag).validate(rahmen, lazy=True)
    except pa.errors.SchemaErrors as fehlschlaege:
        faelle = fehlschlaege.failure_cases
        for index, spalte, pruefung in faelle[["index", "column", "check"]].itertuples(index=False):
            befund = _befund(meldungen, int(index), str(spalte), str(pruefung), bezirk, stichtag)
            if befund is not None:
                befunde.append((int(index), befund))
                fehlerhaft.add(int(index))
    for index, meldung in enumerate(meldungen):
        if meldung.formular and ist_leer(meldung.roh(STAND)):
            befunde.append((index, _stand_fehlt(meldung, bezirk)))
            fehlerhaft.add(index)
    gueltig = rahmen.drop(index=sorted(fehlerhaft)).drop(columns="quelle")
    gueltig.insert(0, MELDUNG_NR, gueltig.index)
    for key in ZAHLFELDER:
        gueltig[key] = pd.array(gueltig[key].tolist(), dtype="Int64")
    return Pruefergebnis(gueltig.reset_index(drop=True), _ohne_doppelte(befunde))


def _stand_fehlt(meldung: Meldung, bezirk: Bezirk) -> Befund:
    # The template asks for the date of the figures; without it nobody can tell how current
    # they are. (Tables without a stand column only get a hint: they predate the template.)
    name = text_lesen(meldung.roh(KOMMUNE))
    return fehler(
        STAND_FEHLT,
        datei=meldung.quelle,
        zelle=meldung.zelle(STAND),
        feld=STAND,
        kommune=bezirk.kommune_finden(name) if isinstance(name, str) else None,
    )


def _ohne_doppelte(befunde: list[tuple[int, Befund]]) -> list[tuple[int, Befund]]:
    return list(dict.fromkeys(befunde))


def _befund(
    meldungen: Sequence[Meldung],
    index: int,
    spalte: str,
    name_der_pruefung: str,
    bezirk: Bezirk,
    stichtag: dt.date,
) -> Befund | None:
    meldung = meldungen[index]
    pruefung = pruefung_erkennen(name_der_pruefung)
    name = text_lesen(meldung.roh(KOMMUNE))
    if pruefung is Pruefung.EINDEUTIG:
        if spalte != KOMMUNE:  # the same failure is reported once per column of the key
            return None
        kommune = bezirk.kommune_finden(str(name))
    else:
        kommune = bezirk.kommune_finden(name) if isinstance(name, str) else None
    roh = meldung.roh(spalte)
    fall = Fall(roh, anzeigen(roh), spalte, name, bezirk, stichtag)
    if pruefung is Pruefung.KOMMUNE_BEKANNT and not isinstance(roh, Zellfehler | Verbunden):
        # The Kommune it most likely is, so the Meldestatus can say "Meldung mit Fehlern".
        kommune = bezirk.vorschlag(fall.wert)
    return fehler(
        befundtext(pruefung, fall),
        datei=meldung.quelle,
        zelle=meldung.zelle(spalte),
        feld=spalte,
        kommune=kommune,
    )
