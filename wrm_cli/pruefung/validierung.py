"""Meldungen → Befunde and a typed frame of the valid ones. Pure: no I/O.

All Meldungen of a run are validated together in one lazy pandera call; every
failure is mapped back to the file and cell it came from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wrm_cli.befunde import Befund, fehler
from wrm_cli.bezirk import Bezirk
from wrm_cli.felder import FELD, FELDER, KOMMUNE, STAND, ZAHLFELDER
from wrm_cli.lesen.lauf import MELDUNG_NR
from wrm_cli.lesen.meldung import Meldung
from wrm_cli.werte import (
    Verbunden,
    Zellfehler,
    anzeigen,
    datum_deutsch,
    datum_lesen,
    ist_leer,
    mehrdeutige_zahl,
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
        "Der Stand fehlt – bitte das Datum eintragen, auf das sich die Zahlen beziehen "
        "(z. B. 16.03.2016).",
        datei=meldung.quelle,
        zelle=meldung.zelle(STAND),
        feld=STAND,
        kommune=bezirk.kommune_finden(name) if isinstance(name, str) else None,
    )


def _zellfehler_text(problem: Zellfehler) -> str:
    if not problem.fehlerwert:
        return (
            "Die Zelle enthält eine Formel ohne berechnetes Ergebnis – Datei bitte in "
            "Excel/LibreOffice öffnen und speichern."
        )
    if problem.formel:
        return (
            f"Die Formel ergibt den Fehlerwert {problem.fehlerwert} – bitte die Formel "
            "korrigieren oder die Zahl direkt eintragen."
        )
    return f"Die Zelle enthält den Fehlerwert {problem.fehlerwert} – bitte die Zahl eintragen."


def _ohne_doppelte(befunde: list[tuple[int, Befund]]) -> list[tuple[int, Befund]]:
    return list(dict.fromkeys(befunde))


def _befund(
    meldungen: Sequence[Meldung],
    index: int,
    spalte: str,
    pruefung: str,
    bezirk: Bezirk,
    stichtag: dt.date,
) -> Befund | None:
    meldung = meldungen[index]
    if pruefung == "multiple_fields_uniqueness":
        if spalte != KOMMUNE:  # the same failure is reported once per column of the key
            return None
        name = text_lesen(meldung.roh(KOMMUNE))
        return fehler(
            f"„{name}“ steht mehrmals in dieser Datei – bitte nur eine Zeile je Kommune.",
            datei=meldung.quelle,
            zelle=meldung.zelle(KOMMUNE),
            feld=KOMMUNE,
            kommune=bezirk.kommune_finden(str(name)),
        )
    roh = meldung.roh(spalte)
    wert = anzeigen(roh)
    name = text_lesen(meldung.roh(KOMMUNE))
    kommune = bezirk.kommune_finden(name) if isinstance(name, str) else None
    ort = {
        "datei": meldung.quelle,
        "zelle": meldung.zelle(spalte),
        "feld": spalte,
        "kommune": kommune,
    }
    if isinstance(roh, Zellfehler):
        return fehler(_zellfehler_text(roh), **ort)
    if isinstance(roh, Verbunden):
        return fehler(
            f"Die Zelle gehört zu den verbundenen Zellen {roh.bereich} („{wert}“) – bitte den "
            "Zellverbund aufheben und den Wert in die eigene Zelle des Feldes eintragen.",
            **ort,
        )
    if pruefung == "not_nullable":  # only the Kommune is required
        return fehler("Der Name der Kommune fehlt – bitte eintragen.", **ort)
    if pruefung == "kommune_bekannt":
        vorschlag = bezirk.vorschlag(wert)
        weiter = (
            f"Meinten Sie „{vorschlag}“?"
            if vorschlag
            else f"Erwartet wird eine der {len(bezirk.kommunen)} Kommunen des Bezirks."
        )
        # The Kommune it most likely is, so the Meldestatus can say "Meldung mit Fehlern".
        ort["kommune"] = vorschlag
        return fehler(
            f"„{wert}“ steht nicht in der Liste der Kommunen ({bezirk.name}). {weiter}", **ort
        )
    if pruefung == "datum":
        return fehler(f"„{wert}“ ist kein Datum – erwartet wird z. B. 16.03.2016.", **ort)
    if pruefung == "nicht_in_zukunft":
        return fehler(
            f"Der Stand {wert} liegt nach dem Stichtag {datum_deutsch(stichtag)} – "
            "bitte das Datum der Zahlen prüfen.",
            **ort,
        )
    if pruefung == "ganze_zahl" and (lesarten := mehrdeutige_zahl(roh)) is not None:
        klein, gross = lesarten
        return fehler(
            f"„{wert}“ ist mehrdeutig ({klein} oder {gross}?) – bitte die Zahl ohne Punkt "
            "und Komma eintragen.",
            **ort,
        )
    if pruefung == "ganze_zahl":
        if isinstance(zahl_lesen(roh), float):
            return fehler(
                f"„{wert}“ ist keine ganze Zahl – Personen bitte ohne Nachkommastellen zählen.",
                **ort,
            )
        return fehler(f"„{wert}“ ist keine ganze Zahl – bitte nur Ziffern eintragen.", **ort)
    if pruefung == "zu_gross":
        return fehler(f"„{wert}“ hat zu viele Stellen – bitte die Zahl prüfen.", **ort)
    if pruefung == "nicht_negativ":
        return fehler(f"„{wert}“ ist negativ – erwartet wird eine Anzahl ab 0.", **ort)
    if pruefung == "auswahl":
        erlaubt = " oder ".join(f"„{a}“" for a in FELD[spalte].auswahl)
        return fehler(f"„{wert}“ ist nicht zulässig – erwartet wird {erlaubt}.", **ort)
    return fehler(f"„{wert}“ ist ungültig (Prüfung „{pruefung}“).", **ort)
