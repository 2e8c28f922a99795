"""The commands' core: inputs → read → check → merge → compute, as one result object.

Never prints and never exits; the CLI renders the result and picks the exit code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from wrm_cli.befunde import Befund, fehler, hinweis, sortiert
from wrm_cli.bezirk import Bezirk
from wrm_cli.eingang import sammeln
from wrm_cli.einlesen import datei_lesen
from wrm_cli.fehler import EingabeFehler
from wrm_cli.meldung import Meldung

if TYPE_CHECKING:
    from wrm_cli.auswertung import Auswertung


@dataclass
class Auswertungsbericht:
    stichtag: dt.date
    bezirk: Bezirk
    auswertung: Auswertung
    befunde: list[Befund]
    fehlende_kommunen: list[str]
    gelesene_dateien: list[Path] = field(default_factory=list)
    unlesbare_dateien: list[Path] = field(default_factory=list)

    @property
    def hat_fehler(self) -> bool:
        return any(befund.stufe == "fehler" for befund in self.befunde)

    @property
    def nichts_gelesen(self) -> bool:
        return not self.gelesene_dateien


def auswerten(eingaben: Sequence[Path], bezirk: Bezirk, stichtag: dt.date) -> Auswertungsbericht:
    from wrm_cli.auswertung import auswerten as tabelle_berechnen
    from wrm_cli.hinweise import (
        einschaetzungshinweise,
        fehlende_kommunen,
        meldestatushinweise,
        meldungshinweise,
    )
    from wrm_cli.pruefung import pruefen
    from wrm_cli.zusammenfuehren import zusammenfuehren

    eingang = sammeln(eingaben)
    befunde: list[Befund] = [hinweis(grund, datei=pfad.name) for pfad, grund in eingang.ignoriert]
    meldungen: list[Meldung] = []
    gelesen: list[Path] = []
    unlesbar: list[Path] = []
    for pfad in eingang.dateien:
        try:
            ergebnis = datei_lesen(pfad)
        except EingabeFehler as problem:
            befunde.append(fehler(str(problem).removeprefix(f"{pfad.name}: "), datei=pfad.name))
            unlesbar.append(pfad)
            continue
        gelesen.append(pfad)
        meldungen.extend(ergebnis.meldungen)
        befunde.extend(ergebnis.befunde)

    geprueft = pruefen(meldungen, bezirk, stichtag)
    zusammen = zusammenfuehren(geprueft.gueltig, meldungen)
    auswertung = tabelle_berechnen(zusammen.kommunen)
    fehlend = fehlende_kommunen(bezirk, auswertung.zeilen["kommune"])
    mit_fehlern = {
        b.kommune for b in geprueft.befunde + zusammen.befunde if b.stufe == "fehler" and b.kommune
    }
    befunde += geprueft.befunde + zusammen.befunde
    befunde += meldungshinweise(zusammen.kommunen, meldungen, bezirk, stichtag)
    befunde += einschaetzungshinweise(
        auswertung, meldungen, zusammen.kommunen, bezirk.einschaetzung_toleranz
    )
    befunde += meldestatushinweise(fehlend, mit_fehlern)
    return Auswertungsbericht(
        stichtag=stichtag,
        bezirk=bezirk,
        auswertung=auswertung,
        befunde=sortiert(befunde),
        fehlende_kommunen=fehlend,
        gelesene_dateien=gelesen,
        unlesbare_dateien=unlesbar,
    )
