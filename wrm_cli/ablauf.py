"""The commands' core: inputs → read → check → merge → compute, as one result object.

Never prints and never exits; the CLI renders the result and picks the exit code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wrm_cli.befunde import Befund, fehler, hinweis, sortiert
from wrm_cli.bezirk import Bezirk
from wrm_cli.eingang import sammeln
from wrm_cli.einlesen import datei_lesen
from wrm_cli.fehler import EingabeFehler
from wrm_cli.meldung import Meldung

if TYPE_CHECKING:
    from wrm_cli.auswertung import Auswertung
    from wrm_cli.meldestatus import Meldestand


@dataclass
class Auswertungsbericht:
    stichtag: dt.date
    bezirk: Bezirk
    auswertung: Auswertung
    befunde: list[Befund]
    fehlende_kommunen: list[str]
    gelesene_dateien: list[Path] = field(default_factory=list)
    unlesbare_dateien: list[Path] = field(default_factory=list)
    # For the Excel report: all fields per evaluated Kommune, the state of every
    # Kommune's report, and the files that contributed nothing (name, why).
    uebersicht: list[dict[str, Any]] = field(default_factory=list)
    meldestatus: list[Meldestand] = field(default_factory=list)
    dateien_ohne_meldung: list[tuple[str, str]] = field(default_factory=list)

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
        leere_meldungen,
        meldestatushinweise,
        meldungshinweise,
    )
    from wrm_cli.meldestatus import dateien_ohne_meldung, meldestatus, uebersicht
    from wrm_cli.pruefung import pruefen
    from wrm_cli.zusammenfuehren import zusammenfuehren

    eingang = sammeln(eingaben)
    befunde: list[Befund] = [hinweis(grund, datei=pfad.name) for pfad, grund in eingang.ignoriert]
    meldungen: list[Meldung] = []
    gelesen: list[Path] = []
    unlesbar: list[tuple[Path, str]] = []
    for pfad in eingang.dateien:
        try:
            ergebnis = datei_lesen(pfad, bezirk.grenzen)
        except EingabeFehler as problem:
            grund = str(problem).removeprefix(f"{pfad.name}: ")
            befunde.append(fehler(grund, datei=pfad.name))
            unlesbar.append((pfad, grund))
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
    befunde += leere_meldungen(meldungen)
    befunde += meldungshinweise(zusammen.kommunen, meldungen, bezirk, stichtag)
    befunde += einschaetzungshinweise(
        auswertung, meldungen, zusammen.kommunen, bezirk.einschaetzung_toleranz
    )
    befunde += meldestatushinweise(fehlend, mit_fehlern)
    zeilen = uebersicht(zusammen.kommunen, meldungen)
    return Auswertungsbericht(
        stichtag=stichtag,
        bezirk=bezirk,
        auswertung=auswertung,
        befunde=sortiert(befunde),
        fehlende_kommunen=fehlend,
        gelesene_dateien=gelesen,
        unlesbare_dateien=[pfad for pfad, _ in unlesbar],
        uebersicht=zeilen,
        meldestatus=meldestatus(bezirk, zeilen, mit_fehlern, stichtag),
        dateien_ohne_meldung=dateien_ohne_meldung(eingang.ignoriert, unlesbar),
    )


@dataclass
class Dateipruefung:
    """The verdict on one file for the Kommune that sends it."""

    datei: Path
    lesbar: bool
    befunde: list[Befund] = field(default_factory=list)
    # One entry per valid Meldung in the file: its row of the Auswertung (Auswertung.datensaetze).
    meldungen: list[dict[str, Any]] = field(default_factory=list)

    @property
    def fehler(self) -> int:
        return sum(befund.stufe == "fehler" for befund in self.befunde)

    @property
    def hinweise(self) -> int:
        return sum(befund.stufe == "hinweis" for befund in self.befunde)

    @property
    def in_ordnung(self) -> bool:
        return self.lesbar and not self.fehler


@dataclass
class Pruefbericht:
    stichtag: dt.date
    bezirk: Bezirk
    dateien: list[Dateipruefung]
    # Files in a given folder that were not read (lock files, other file types).
    ignoriert: list[Befund] = field(default_factory=list)

    @property
    def hat_fehler(self) -> bool:
        return any(datei.fehler for datei in self.dateien)

    @property
    def hat_unlesbare(self) -> bool:
        return any(not datei.lesbar for datei in self.dateien)


def pruefen_dateien(eingaben: Sequence[Path], bezirk: Bezirk, stichtag: dt.date) -> Pruefbericht:
    """Check each file on its own, as the Kommune would before sending it.

    All Meldungen are validated in one call; the verdicts are then split by file.
    """
    from wrm_cli.auswertung import auswerten as tabelle_berechnen
    from wrm_cli.hinweise import einschaetzungshinweise, leere_meldungen, meldungshinweise
    from wrm_cli.pruefung import MELDUNG_NR, pruefen

    eingang = sammeln(eingaben)
    ergebnisse: list[Dateipruefung] = []
    meldungen: list[Meldung] = []
    meldungen_je_datei: list[list[int]] = []
    for pfad in eingang.dateien:
        try:
            gelesen = datei_lesen(pfad, bezirk.grenzen)
        except EingabeFehler as problem:
            text = str(problem).removeprefix(f"{pfad.name}: ")
            ergebnisse.append(Dateipruefung(pfad, False, [fehler(text, datei=pfad.name)]))
            meldungen_je_datei.append([])
            continue
        ergebnisse.append(Dateipruefung(pfad, True, list(gelesen.befunde)))
        meldungen_je_datei.append(
            list(range(len(meldungen), len(meldungen) + len(gelesen.meldungen)))
        )
        meldungen.extend(gelesen.meldungen)

    geprueft = pruefen(meldungen, bezirk, stichtag)
    for ergebnis, nummern in zip(ergebnisse, meldungen_je_datei, strict=True):
        if not nummern:
            continue
        ergebnis.befunde += geprueft.befunde_zu(set(nummern))
        ergebnis.befunde += leere_meldungen([meldungen[nr] for nr in nummern])
        zeilen = geprueft.gueltig[geprueft.gueltig[MELDUNG_NR].isin(nummern)]
        auswertung = tabelle_berechnen(zeilen)
        ergebnis.befunde += meldungshinweise(zeilen, meldungen, bezirk, stichtag)
        ergebnis.befunde += einschaetzungshinweise(
            auswertung, meldungen, zeilen, bezirk.einschaetzung_toleranz
        )
        ergebnis.befunde = sortiert(ergebnis.befunde)
        ergebnis.meldungen = auswertung.datensaetze()
    ignoriert = [hinweis(grund, datei=pfad.name) for pfad, grund in eingang.ignoriert]
    return Pruefbericht(stichtag, bezirk, ergebnisse, ignoriert)
