"""A past report from the archive, pure: the report of a run exactly as it was reported,
or – for a Stichtag without a run – the archive's newest Meldung of each Kommune."""

from __future__ import annotations

import datetime as dt
from typing import cast

from wrm_cli.archiv import Archivmeldung, Lauf
from wrm_cli.auswertung.meldestatus import meldestatus, mit_datenstand
from wrm_cli.auswertung.verlauf import auswertung_von, uebersicht_von
from wrm_cli.befunde import Befund, hinweis, sortiert
from wrm_cli.bezirk import sortierschluessel
from wrm_cli.ergebnis import Auswertungsbericht, Dateistand, Meldestand, Meldestatus
from wrm_cli.konfig import Einstellungen
from wrm_cli.werte import datum_deutsch

FEHLEND: tuple[Meldestatus, ...] = ("fehlt", "ungültig")


def _zeitpunkt_deutsch(zeitpunkt: str) -> str:
    """ "2016-03-16T10:22:05+01:00" → "16.03.2016, 10:22 Uhr"."""
    try:
        wann = dt.datetime.fromisoformat(zeitpunkt)
    except ValueError:
        return zeitpunkt
    return f"{datum_deutsch(wann.date())}, {wann:%H:%M} Uhr"


def bericht_aus_lauf(lauf: Lauf, einstellungen: Einstellungen) -> Auswertungsbericht:
    """The report of an archived run: same rows, same figures, same Befunde, same files;
    and one hint that it is a repetition."""
    meldungen = [k.meldung for k in lauf.kommunen if k.meldung is not None]
    # The archive keeps no order; the report lists the Kommunen in the district's.
    rang = {name: nr for nr, name in enumerate(einstellungen.bezirk.kommunennamen)}
    kommunen = sorted(
        lauf.kommunen, key=lambda k: (rang.get(k.kommune, len(rang)), sortierschluessel(k.kommune))
    )
    stand_liste = [
        Meldestand(
            k.kommune,
            cast(Meldestatus, k.status),
            k.meldung.stand if k.meldung else None,
            (lauf.stichtag - k.meldung.stand).days if k.meldung and k.meldung.stand else None,
            k.datei or (k.meldung.datei if k.meldung else None),
            k.grund,
        )
        for k in kommunen
    ]
    wiederholt = hinweis(
        f"Wiederholung aus dem Archiv: der Bericht zum Stichtag {datum_deutsch(lauf.stichtag)} "
        f"wie am {_zeitpunkt_deutsch(lauf.ausgefuehrt_am)} erstellt (Lauf {lauf.id})."
    )
    befunde = [Befund(**daten) for daten in lauf.befunde or []]
    dateien = [
        Dateistand(**{**daten, "kommunen": tuple(daten["kommunen"])})
        for daten in lauf.dateien or []
    ]
    bericht = Auswertungsbericht(
        stichtag=lauf.stichtag,
        einstellungen=einstellungen,
        auswertung=auswertung_von(meldungen),
        befunde=[wiederholt, *befunde],
        fehlende_kommunen=[s.kommune for s in stand_liste if s.status in FEHLEND],
        uebersicht=uebersicht_von(meldungen),
        meldestatus=stand_liste,
        dateien=dateien,
    )
    return mit_datenstand(bericht)


def bericht_aus_meldungen(
    meldungen: list[Archivmeldung], einstellungen: Einstellungen, stichtag: dt.date
) -> Auswertungsbericht:
    """For a Stichtag without a run: each Kommune's newest archived Meldung with a Stand
    up to the Stichtag, judged as on that day – and saying so."""
    namen = set(einstellungen.bezirk.kommunennamen)
    meldungen = [m for m in meldungen if m.kommune in namen]
    zeilen = uebersicht_von(meldungen)
    stand_liste = meldestatus(einstellungen, zeilen, set(), stichtag)
    fehlend = [s.kommune for s in stand_liste if s.status in FEHLEND]
    befunde = [
        hinweis(
            f"Für den Stichtag {datum_deutsch(stichtag)} gibt es keinen Lauf im Archiv: "
            "ausgewertet ist die neueste archivierte Meldung jeder Kommune mit Stand bis "
            f"zum {datum_deutsch(stichtag)}."
        ),
        *(hinweis(f"{name}: keine Meldung im Archiv.", kommune=name) for name in fehlend),
    ]
    bericht = Auswertungsbericht(
        stichtag=stichtag,
        einstellungen=einstellungen,
        auswertung=auswertung_von(meldungen),
        befunde=sortiert(befunde),
        fehlende_kommunen=fehlend,
        uebersicht=zeilen,
        meldestatus=stand_liste,
        dateien=[],
    )
    return mit_datenstand(bericht)
