"""The commands' core: inputs → read → check → merge → compute, as one result object.

Both commands run the same pipeline up to the hints (``lesen.lauf.einlesen``, ``_pruefen``,
``pruefung.hinweise.hinweise``): ``auswerten`` evaluates the newest Meldung of each
Kommune, ``pruefen`` gives each file the Befunde about its own Meldungen. Never prints
and never exits; the CLI renders the result and picks the exit code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wrm_cli.befunde import Befund, fehler, hinweis, sortiert
from wrm_cli.ergebnis import Auswertungsbericht, Dateipruefung, Pruefbericht
from wrm_cli.felder import KOMMUNE
from wrm_cli.konfig import Einstellungen
from wrm_cli.lesen.lauf import MELDUNG_NR, Lauf, einlesen
from wrm_cli.lesen.parallel import Fortschritt

if TYPE_CHECKING:
    from wrm_cli.ausgleichsergebnis import Grundlage
    from wrm_cli.pruefung.validierung import Pruefergebnis


def _pruefen(lauf: Lauf, einstellungen: Einstellungen, stichtag: dt.date) -> Pruefergebnis:
    """The check both commands share: the schema for every Meldung of the run, and the
    errors of an unchanged copy named once."""
    from wrm_cli.pruefung.kopien import kopien_einmal
    from wrm_cli.pruefung.validierung import pruefen

    pruefung = pruefen(lauf.meldungen, einstellungen.bezirk, stichtag)
    kopien_einmal(pruefung, lauf)
    return pruefung


def auswerten(
    eingaben: Sequence[Path],
    einstellungen: Einstellungen,
    stichtag: dt.date,
    rekursiv: bool = False,
    fortschritt: Fortschritt | None = None,
    archiv: Path | None = None,
    vergleich_am: dt.date | None = None,
) -> Auswertungsbericht:
    """The district's report. With ``archiv``, the archive is checked before any file is
    read; a report with something to evaluate is then kept there with its Meldungen and
    compared with the run before (``vergleich_am``: the run of that Stichtag instead)."""
    if archiv is None:
        return _auswerten(eingaben, einstellungen, stichtag, rekursiv, fortschritt)[0]
    from wrm_cli.chronik import OHNE_ARCHIV, archivieren, geoeffnet

    with geoeffnet(archiv, einstellungen, anlegen=True, ausweg=OHNE_ARCHIV) as offen:
        bericht, lauf = _auswerten(eingaben, einstellungen, stichtag, rekursiv, fortschritt)
        if bericht.nichts_auszuwerten:
            return bericht  # no report, nothing to keep
        return archivieren(offen, bericht, lauf, vergleich_am)


def auswerten_mit_lauf(
    eingaben: Sequence[Path],
    einstellungen: Einstellungen,
    stichtag: dt.date,
    rekursiv: bool = False,
    fortschritt: Fortschritt | None = None,
) -> tuple[Auswertungsbericht, Lauf]:
    """The report without an archive, and the run that read it – for a command that needs
    the Meldungen themselves (``wrm erinnern``: the contact cells of every file)."""
    return _auswerten(eingaben, einstellungen, stichtag, rekursiv, fortschritt)


def _auswerten(
    eingaben: Sequence[Path],
    einstellungen: Einstellungen,
    stichtag: dt.date,
    rekursiv: bool,
    fortschritt: Fortschritt | None,
) -> tuple[Auswertungsbericht, Lauf]:
    from wrm_cli.auswertung.dateibilanz import dateibilanz
    from wrm_cli.auswertung.meldestatus import (
        fehlgruende,
        meldestatus,
        mit_datenstand,
        uebersicht,
    )
    from wrm_cli.auswertung.tabelle import auswerten as tabelle_berechnen
    from wrm_cli.auswertung.zusammenfuehren import zusammenfuehren
    from wrm_cli.pruefung.hinweise import fehlende_kommunen, hinweise, meldestatushinweise
    from wrm_cli.pruefung.vorlagenbezirk import fremde_vorlagen

    lauf = einlesen(eingaben, einstellungen.grenzen, rekursiv, fortschritt)
    pruefung = _pruefen(lauf, einstellungen, stichtag)
    fremde_vorlagen(pruefung, lauf, einstellungen)  # the wrm.toml's district decides
    zusammen = zusammenfuehren(pruefung.gueltig, lauf)
    auswertung = tabelle_berechnen(zusammen.kommunen)
    fehlend = fehlende_kommunen(einstellungen.bezirk, auswertung.zeilen[KOMMUNE])
    mit_fehlern = {
        b.kommune for b in pruefung.befunde + zusammen.befunde if b.stufe == "fehler" and b.kommune
    }
    befunde = [hinweis(grund, datei=lauf.name(pfad)) for pfad, grund in lauf.eingang.ignoriert]
    befunde += [fehler(grund, datei=lauf.name(pfad)) for pfad, grund in lauf.unlesbar]
    for datei in lauf.dateien:
        befunde += datei.befunde
    befunde += pruefung.befunde + zusammen.befunde
    befunde += [
        b for _, b in hinweise(lauf, zusammen.kommunen, auswertung, einstellungen, stichtag)
    ]
    befunde += meldestatushinweise(fehlend, mit_fehlern)
    zeilen = uebersicht(zusammen.kommunen, lauf)
    gueltig = pruefung.gueltig
    kommune_je_meldung = {
        int(nr): str(name) for nr, name in zip(gueltig[MELDUNG_NR], gueltig[KOMMUNE], strict=True)
    }
    bericht = Auswertungsbericht(
        stichtag=stichtag,
        einstellungen=einstellungen,
        auswertung=auswertung,
        befunde=sortiert(befunde),
        fehlende_kommunen=fehlend,
        gelesene_dateien=[datei.pfad for datei in lauf.dateien],
        unlesbare_dateien=[pfad for pfad, _ in lauf.unlesbar if pfad.exists()],
        uebersicht=zeilen,
        meldestatus=meldestatus(
            einstellungen,
            zeilen,
            mit_fehlern,
            stichtag,
            fehlgruende(einstellungen.bezirk, befunde),
        ),
        dateien=dateibilanz(lauf, kommune_je_meldung, set(auswertung.herkunft), zusammen),
    )
    return mit_datenstand(bericht), lauf


def mit_ausgleich(
    bericht: Auswertungsbericht, grundlage: Grundlage = "gesamt", max_km: float | None = None
) -> Auswertungsbericht:
    """The report with the proposal of who could temporarily house whom, from its table
    and the [ausgleich] settings (``max_km``: --max-km, instead of [ausgleich] max_km)."""
    from wrm_cli.auswertung.ausgleich import ausgleich_berechnen
    from wrm_cli.lesen.entfernungen import entfernungen_lesen

    einstellungen = bericht.einstellungen.ausgleich
    if max_km is not None:
        einstellungen = replace(einstellungen, max_km=max_km)
    datei = einstellungen.entfernungen
    aus_datei = entfernungen_lesen(datei, bericht.bezirk) if datei is not None else {}
    zeilen = bericht.auswertung.datensaetze()
    ausgleich = ausgleich_berechnen(zeilen, bericht.bezirk, einstellungen, grundlage, aus_datei)
    return replace(bericht, ausgleich=ausgleich)


def mit_prognose(
    bericht: Auswertungsbericht,
    datei: Path | None = None,
    bis: dt.date | None = None,
    archiv: Path | None = None,
) -> Auswertungsbericht:
    """The report with how long the places last: from the forecast file (``datei``: from
    --prognose, else [prognose] datei) or the remaining quota, cut at ``bis``; with
    ``archiv``, the band from the observed trend (the archive is only read)."""
    from wrm_cli.auswertung.prognose import prognose_berechnen
    from wrm_cli.lesen.prognosedatei import prognose_lesen

    einstellungen = bericht.einstellungen
    datei = datei or einstellungen.prognose.datei
    zuweisungen = (
        prognose_lesen(datei, einstellungen.bezirk, einstellungen.grenzen) if datei else None
    )
    reihe = None
    if archiv is not None:
        from wrm_cli.chronik import zuweisungsreihe

        reihe = zuweisungsreihe(archiv, einstellungen, bericht.stichtag)
    zeilen = bericht.auswertung.datensaetze()
    prognose = prognose_berechnen(zeilen, einstellungen, bericht.stichtag, zuweisungen, bis, reihe)
    return replace(bericht, prognose=prognose)


def pruefen_dateien(
    eingaben: Sequence[Path],
    einstellungen: Einstellungen,
    stichtag: dt.date,
    rekursiv: bool = False,
    fortschritt: Fortschritt | None = None,
) -> Pruefbericht:
    """Check each file on its own, as the Kommune would before sending it: against the
    district of its template (pruefung/vorlagenbezirk.py), so no wrm.toml is needed."""
    from wrm_cli.pruefung.vorlagenbezirk import je_bezirk

    lauf = einlesen(eingaben, einstellungen.grenzen, rekursiv, fortschritt)
    teile = [(e, _im_bezirk(teil, e, stichtag)) for e, teil in je_bezirk(lauf, einstellungen)]
    if len(teile) == 1:
        return teile[0][1]
    # Several districts: one answer, in the order given; the district all files were
    # checked against, else the run's.
    genutzt = [e for e, bericht in teile if any(datei.lesbar for datei in bericht.dateien)]
    ergebnisse = [datei for _, bericht in teile for datei in bericht.dateien]
    eingang = lauf.eingang
    reihenfolge = {pfad: nr for nr, pfad in enumerate([*eingang.fehlend, *eingang.dateien])}
    ergebnisse.sort(key=lambda ergebnis: reihenfolge[ergebnis.datei])
    gemeinsam = genutzt[0] if len(genutzt) == 1 else einstellungen
    return Pruefbericht(stichtag, gemeinsam, ergebnisse, teile[0][1].ignoriert)


def _im_bezirk(lauf: Lauf, einstellungen: Einstellungen, stichtag: dt.date) -> Pruefbericht:
    """The files of one district: the same pipeline as ``auswerten`` for every valid
    Meldung of every file (one table, one call of the hints), then split by file."""
    from wrm_cli.auswertung.tabelle import auswerten as tabelle_berechnen
    from wrm_cli.pruefung.hinweise import hinweise

    pruefung = _pruefen(lauf, einstellungen, stichtag)
    auswertung = tabelle_berechnen(pruefung.gueltig)
    # Each file's own Befunde, then those about its Meldungen, in the order found.
    datei_je_meldung = {nr: i for i, datei in enumerate(lauf.dateien) for nr in datei.meldungen}
    befunde: list[list[Befund]] = [list(datei.befunde) for datei in lauf.dateien]
    zeilen: list[list[dict[str, Any]]] = [[] for _ in lauf.dateien]
    for nr, befund in [
        *pruefung.befunde_je_meldung,
        *hinweise(lauf, pruefung.gueltig, auswertung, einstellungen, stichtag),
    ]:
        befunde[datei_je_meldung[nr]].append(befund)
    for nr, zeile in zip(auswertung.herkunft, auswertung.datensaetze(), strict=True):
        zeilen[datei_je_meldung[nr]].append(zeile)  # in the order of the table
    ergebnisse = [
        Dateipruefung(pfad, False, [fehler(grund, datei=lauf.name(pfad))], name=lauf.name(pfad))
        for pfad, grund in lauf.unlesbar
    ]
    ergebnisse += [
        Dateipruefung(datei.pfad, True, sortiert(eigene), eigene_zeilen, lauf.name(datei.pfad))
        for datei, eigene, eigene_zeilen in zip(lauf.dateien, befunde, zeilen, strict=True)
    ]
    # In the order given: missing inputs first, then the files as found.
    eingang = lauf.eingang
    reihenfolge = {pfad: nr for nr, pfad in enumerate([*eingang.fehlend, *eingang.dateien])}
    ergebnisse.sort(key=lambda ergebnis: reihenfolge[ergebnis.datei])
    ignoriert = [hinweis(grund, datei=lauf.name(pfad)) for pfad, grund in eingang.ignoriert]
    return Pruefbericht(stichtag, einstellungen, ergebnisse, ignoriert)
