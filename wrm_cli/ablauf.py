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
from wrm_cli.dateibilanz import Dateistand, GeleseneDatei, dateibilanz
from wrm_cli.eingang import NICHT_DA, sammeln
from wrm_cli.felder import KOMMUNE
from wrm_cli.grenzen import Grenzen
from wrm_cli.lesen_parallel import Fortschritt, alle_lesen
from wrm_cli.meldung import Meldung
from wrm_cli.pruefung import MELDUNG_NR

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
    # Kommune's report, and what became of every input file.
    uebersicht: list[dict[str, Any]] = field(default_factory=list)
    meldestatus: list[Meldestand] = field(default_factory=list)
    dateien: list[Dateistand] = field(default_factory=list)

    @property
    def hat_fehler(self) -> bool:
        return any(befund.stufe == "fehler" for befund in self.befunde)

    @property
    def nichts_gelesen(self) -> bool:
        return not self.gelesene_dateien


@dataclass
class _Einlesung:
    """All files of a run read: their Meldungen numbered in one list."""

    meldungen: list[Meldung] = field(default_factory=list)
    dateien: list[GeleseneDatei] = field(default_factory=list)
    unlesbar: list[tuple[Path, str]] = field(default_factory=list)


def _einlesen(
    dateien: Sequence[Path],
    fehlend: Sequence[Path],
    grenzen: Grenzen,
    fortschritt: Fortschritt | None = None,
) -> _Einlesung:
    einlesung = _Einlesung()
    for pfad in fehlend:
        einlesung.unlesbar.append((pfad, NICHT_DA))
    for pfad, gelesen in alle_lesen(dateien, grenzen, fortschritt):
        if isinstance(gelesen, str):
            einlesung.unlesbar.append((pfad, gelesen))
            continue
        nummern = range(len(einlesung.meldungen), len(einlesung.meldungen) + len(gelesen.meldungen))
        einlesung.dateien.append(GeleseneDatei(pfad, list(nummern), gelesen.befunde))
        einlesung.meldungen.extend(gelesen.meldungen)
    return einlesung


def auswerten(
    eingaben: Sequence[Path],
    bezirk: Bezirk,
    stichtag: dt.date,
    rekursiv: bool = False,
    fortschritt: Fortschritt | None = None,
) -> Auswertungsbericht:
    from wrm_cli.auswertung import auswerten as tabelle_berechnen
    from wrm_cli.hinweise import (
        dateinamenhinweise,
        einschaetzungshinweise,
        fehlende_kommunen,
        leere_meldungen,
        meldestatushinweise,
        meldungshinweise,
    )
    from wrm_cli.meldestatus import meldestatus, uebersicht
    from wrm_cli.pruefung import pruefen
    from wrm_cli.zusammenfuehren import zusammenfuehren

    eingang = sammeln(eingaben, rekursiv)
    einlesung = _einlesen(eingang.dateien, eingang.fehlend, bezirk.grenzen, fortschritt)
    meldungen = einlesung.meldungen
    befunde: list[Befund] = [hinweis(grund, datei=pfad.name) for pfad, grund in eingang.ignoriert]
    befunde += [fehler(grund, datei=pfad.name) for pfad, grund in einlesung.unlesbar]
    for datei in einlesung.dateien:
        befunde += datei.befunde

    geprueft = pruefen(meldungen, bezirk, stichtag)
    zusammen = zusammenfuehren(geprueft.gueltig, meldungen)
    auswertung = tabelle_berechnen(zusammen.kommunen)
    fehlend = fehlende_kommunen(bezirk, auswertung.zeilen["kommune"])
    mit_fehlern = {
        b.kommune for b in geprueft.befunde + zusammen.befunde if b.stufe == "fehler" and b.kommune
    }
    befunde += geprueft.befunde + zusammen.befunde
    befunde += leere_meldungen(meldungen)
    befunde += dateinamenhinweise(meldungen, bezirk)
    befunde += meldungshinweise(zusammen.kommunen, meldungen, bezirk, stichtag)
    befunde += einschaetzungshinweise(
        auswertung, meldungen, zusammen.kommunen, bezirk.einschaetzung_toleranz
    )
    befunde += meldestatushinweise(fehlend, mit_fehlern)
    zeilen = uebersicht(zusammen.kommunen, meldungen)
    kommune_je_meldung = dict(
        zip(geprueft.gueltig[MELDUNG_NR], geprueft.gueltig[KOMMUNE], strict=True)
    )
    return Auswertungsbericht(
        stichtag=stichtag,
        bezirk=bezirk,
        auswertung=auswertung,
        befunde=sortiert(befunde),
        fehlende_kommunen=fehlend,
        gelesene_dateien=[datei.pfad for datei in einlesung.dateien],
        unlesbare_dateien=[pfad for pfad, _ in einlesung.unlesbar if pfad.exists()],
        uebersicht=zeilen,
        meldestatus=meldestatus(bezirk, zeilen, mit_fehlern, stichtag),
        dateien=dateibilanz(
            einlesung.dateien,
            {int(nr): str(name) for nr, name in kommune_je_meldung.items()},
            set(int(nr) for nr in zusammen.kommunen[MELDUNG_NR]),
            zusammen.ersetzt,
            zusammen.widersprueche,
            eingang.ignoriert,
            einlesung.unlesbar,
        ),
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


def pruefen_dateien(
    eingaben: Sequence[Path],
    bezirk: Bezirk,
    stichtag: dt.date,
    rekursiv: bool = False,
    fortschritt: Fortschritt | None = None,
) -> Pruefbericht:
    """Check each file on its own, as the Kommune would before sending it.

    All Meldungen are validated in one call; the verdicts are then split by file.
    """
    from wrm_cli.auswertung import auswerten as tabelle_berechnen
    from wrm_cli.hinweise import (
        dateinamenhinweise,
        einschaetzungshinweise,
        leere_meldungen,
        meldungshinweise,
    )
    from wrm_cli.pruefung import pruefen

    eingang = sammeln(eingaben, rekursiv)
    einlesung = _einlesen(eingang.dateien, eingang.fehlend, bezirk.grenzen, fortschritt)
    meldungen = einlesung.meldungen
    geprueft = pruefen(meldungen, bezirk, stichtag)
    ergebnisse = [
        Dateipruefung(pfad, False, [fehler(grund, datei=pfad.name)])
        for pfad, grund in einlesung.unlesbar
    ]
    for datei in einlesung.dateien:
        ergebnis = Dateipruefung(datei.pfad, True, list(datei.befunde))
        ergebnisse.append(ergebnis)
        if not datei.meldungen:
            continue
        nummern = set(datei.meldungen)
        eigene = [meldungen[nr] for nr in datei.meldungen]
        ergebnis.befunde += geprueft.befunde_zu(nummern)
        ergebnis.befunde += leere_meldungen(eigene)
        ergebnis.befunde += dateinamenhinweise(eigene, bezirk)
        zeilen = geprueft.gueltig[geprueft.gueltig[MELDUNG_NR].isin(nummern)]
        auswertung = tabelle_berechnen(zeilen)
        ergebnis.befunde += meldungshinweise(zeilen, meldungen, bezirk, stichtag)
        ergebnis.befunde += einschaetzungshinweise(
            auswertung, meldungen, zeilen, bezirk.einschaetzung_toleranz
        )
        ergebnis.befunde = sortiert(ergebnis.befunde)
        ergebnis.meldungen = auswertung.datensaetze()
    # In the order given: missing inputs first, then the files as found.
    reihenfolge = {pfad: nr for nr, pfad in enumerate([*eingang.fehlend, *eingang.dateien])}
    ergebnisse.sort(key=lambda ergebnis: reihenfolge[ergebnis.datei])
    ignoriert = [hinweis(grund, datei=pfad.name) for pfad, grund in eingang.ignoriert]
    return Pruefbericht(stichtag, bezirk, ergebnisse, ignoriert)
