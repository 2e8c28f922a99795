"""The history, pure: what a run hands the archive, the change since the comparison run,
the district's series, one Kommune's series and the reporting discipline.

Every figure of the past is recomputed from the Meldungen the run evaluated with the same
table (auswertung/tabelle.py), so a past report is repeated exactly as it was reported.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from wrm_cli.archiv import Archivmeldung, Einordnung, Kommunenstatus, Lauf, Laufsummen
from wrm_cli.auswertung.meldestatus import dezentral_anteil
from wrm_cli.auswertung.tabelle import auswerten, kennzahlen
from wrm_cli.befunde import Befund, hinweis
from wrm_cli.bezirk import sortierschluessel
from wrm_cli.ergebnis import (
    KENNZAHLEN,
    ZAHLSPALTEN,
    Auswertung,
    Auswertungsbericht,
    Meldestatus,
    Vergleich,
    Verlaufspunkt,
)
from wrm_cli.felder import FELD, KAPAZITAETSFELDER, KOMMUNE, KONTAKT_LABELS, STAND, ZAHLFELDER
from wrm_cli.lesen.lauf import MELDUNG_NR
from wrm_cli.verlaufsergebnis import Kommunenpunkt, Meldeverhalten
from wrm_cli.werte import datum_deutsch, python_wert

if TYPE_CHECKING:
    import pandas as pd


# --- a run for the archive --------------------------------------------------------------


def archivmeldungen(
    bericht: Auswertungsbericht, pruefsummen: Mapping[str, str]
) -> list[Archivmeldung]:
    """The Meldungen the report evaluated (its Übersicht), one per Kommune;
    ``pruefsummen``: the SHA-256 of each file, by the name the Übersicht gives it."""
    return [
        Archivmeldung(
            kommune=zeile[KOMMUNE],
            stand=zeile[STAND] if isinstance(zeile[STAND], dt.date) else None,
            felder={key: zeile[key] for key in FELD},
            kontakt={key: zeile[key] for key in KONTAKT_LABELS},
            datei=zeile["datei"],
            datei_sha256=pruefsummen[zeile["datei"]],
        )
        for zeile in bericht.uebersicht
    ]


def korrekturhinweise(
    meldungen: Sequence[Archivmeldung], einordnungen: Sequence[Einordnung]
) -> list[Befund]:
    """A Meldung with new figures for a Kommune and Stand already archived is a
    correction; one identical to an older version than the archive's newest is named too."""
    befunde = []
    for meldung, einordnung in zip(meldungen, einordnungen, strict=True):
        if meldung.stand is None or einordnung.neueste_version == 0:
            continue
        stand = datum_deutsch(meldung.stand)
        if einordnung.meldung_id is None:
            befunde.append(
                hinweis(
                    f"{meldung.kommune}: korrigierte Meldung zum Stand {stand} (Version "
                    f"{einordnung.version}) – sie gilt ab jetzt statt der archivierten "
                    f"Version {einordnung.neueste_version}.",
                    datei=meldung.datei,
                    kommune=meldung.kommune,
                )
            )
        elif einordnung.version < einordnung.neueste_version:
            befunde.append(
                hinweis(
                    f"{meldung.kommune}: die Meldung zum Stand {stand} entspricht Version "
                    f"{einordnung.version}; im Archiv steht eine korrigierte Version "
                    f"{einordnung.neueste_version} – bitte prüfen, welche gilt (ausgewertet "
                    "ist die Datei).",
                    datei=meldung.datei,
                    kommune=meldung.kommune,
                )
            )
    return befunde


def archivlauf(
    bericht: Auswertungsbericht, meldungen: Sequence[Archivmeldung], wrm_version: str
) -> Lauf:
    """The run as the archive keeps it: every Kommune of the district with its status and
    the Meldung evaluated, the district's totals, the Befunde and files."""
    je_kommune = {meldung.kommune: meldung for meldung in meldungen}
    kommunen = [
        Kommunenstatus(
            stand.kommune, stand.status, je_kommune.get(stand.kommune), stand.datei, stand.grund
        )
        for stand in bericht.meldestatus
    ]
    zeilen = bericht.uebersicht
    summen = Laufsummen(
        kommunen_im_bezirk=len(bericht.meldestatus),
        meldende_kommunen=bericht.meldende_kommunen,
        kritisch=sum(zeile["einschaetzung"] == "kritisch" for zeile in zeilen),
        untergebracht_gu=sum(zeile["untergebracht_gu"] or 0 for zeile in zeilen),
        untergebracht_dezentral=sum(zeile["untergebracht_dezentral"] or 0 for zeile in zeilen),
        gesamt=dict(bericht.auswertung.gesamt),
    )
    return Lauf(
        stichtag=bericht.stichtag,
        bezirk=bericht.bezirk.name,
        wrm_version=wrm_version,
        ausgefuehrt_am="",
        kommunen=kommunen,
        summen=summen,
        befunde=[_als_daten(befund) for befund in bericht.befunde],
        dateien=[_als_daten(datei) for datei in bericht.dateien],
    )


def _als_daten(objekt: Any) -> dict[str, Any]:
    """A flat dataclass (Befund, Dateistand) as JSON data; not ``dataclasses.asdict``,
    whose deep copy costs a second for the 14,000 of a Land."""
    werte = ((feld.name, getattr(objekt, feld.name)) for feld in dataclasses.fields(objekt))
    return {k: list(w) if isinstance(w, tuple) else w for k, w in werte}


# --- the past, recomputed ---------------------------------------------------------------


def meldungsrahmen(meldungen: Sequence[Archivmeldung]) -> pd.DataFrame:
    """Archived Meldungen as the checked frame of a run: MELDUNG_NR (the archive's id),
    kommune, stand and the twelve fields (numbers Int64)."""
    import pandas as pd

    rahmen = pd.DataFrame(
        {
            MELDUNG_NR: [meldung.id for meldung in meldungen],
            KOMMUNE: [meldung.kommune for meldung in meldungen],
            STAND: pd.Series([meldung.stand for meldung in meldungen], dtype=object),
        }
    )
    for key in FELD:
        werte: list[Any] = [meldung.felder.get(key) for meldung in meldungen]
        rahmen[key] = pd.array(werte, dtype="Int64") if key in ZAHLFELDER else werte
    return rahmen


def auswertung_von(meldungen: Sequence[Archivmeldung]) -> Auswertung:
    return auswerten(meldungsrahmen(meldungen))


def uebersicht_von(meldungen: Iterable[Archivmeldung]) -> list[dict[str, Any]]:
    """The Übersicht (auswertung/meldestatus.uebersicht) of archived Meldungen."""
    zeilen = [
        {
            KOMMUNE: m.kommune,
            STAND: m.stand,
            **{key: m.felder.get(key) for key in FELD},
            "datei": m.datei,
            **{key: m.kontakt.get(key) for key in KONTAKT_LABELS},
        }
        for m in meldungen
    ]
    return sorted(zeilen, key=lambda zeile: sortierschluessel(zeile[KOMMUNE]))


def vergleich(jetzt: Auswertung, damals: Auswertung, stichtag: dt.date) -> Vergleich:
    """Now − then for every number of every current row, the Gesamt and the Kennzahlen;
    None where either side is blank or the Kommune had no row then."""
    alt = _zahlen_je_kommune(damals)
    zeilen: dict[str, dict[str, int | None]] = {}
    for zeile in jetzt.datensaetze():
        vorher = alt.get(zeile[KOMMUNE])
        zeilen[zeile[KOMMUNE]] = {
            spalte: None
            if vorher is None or zeile[spalte] is None or vorher[spalte] is None
            else int(zeile[spalte]) - int(vorher[spalte])
            for spalte in ZAHLSPALTEN
        }
    return Vergleich(
        stichtag=stichtag,
        zeilen=zeilen,
        gesamt={s: jetzt.gesamt[s] - damals.gesamt[s] for s in ZAHLSPALTEN},
        kennzahlen={k: jetzt.kennzahlen[k] - damals.kennzahlen[k] for k in KENNZAHLEN},
        neu=tuple(name for name in zeilen if name not in alt),
        weggefallen=tuple(name for name in alt if name not in zeilen),
    )


def _zahlen_je_kommune(auswertung: Auswertung) -> dict[str, dict[str, Any]]:
    """The number columns of each row, read column by column: the comparison run's rows
    are needed for nothing else, and ``datensaetze`` would convert every cell."""
    tabelle = auswertung.zeilen
    spalten = {s: [python_wert(w) for w in tabelle[s].tolist()] for s in ZAHLSPALTEN}
    return {
        str(kommune): {s: spalten[s][nr] for s in ZAHLSPALTEN}
        for nr, kommune in enumerate(tabelle[KOMMUNE].tolist())
    }


def verlaufspunkte(summen: Sequence[tuple[dt.date, Laufsummen]]) -> list[Verlaufspunkt]:
    """The district's series, one point per Stichtag, with the change of fehlender
    Wohnraum since the point before."""
    punkte: list[Verlaufspunkt] = []
    for stichtag, summe in summen:
        fehlend = summe.gesamt["fehlender_wohnraum"]
        vorher = punkte[-1].gesamt["fehlender_wohnraum"] if punkte else None
        punkte.append(
            Verlaufspunkt(
                stichtag=stichtag,
                meldende_kommunen=summe.meldende_kommunen,
                gesamt=dict(summe.gesamt),
                kennzahlen=kennzahlen(summe.gesamt),
                kritisch=summe.kritisch,
                anteil_dezentral=dezentral_anteil(
                    summe.untergebracht_gu, summe.untergebracht_dezentral
                ),
                veraenderung_fehlend=None if vorher is None else fehlend - vorher,
            )
        )
    return punkte


def fehlend(felder: Mapping[str, Any]) -> int | None:
    """fehlender Wohnraum as the table computes it: max((5), 0) − ((8)+…+(11)), blanks as
    0; None when (8)–(11) are all blank."""
    kapazitaet = [felder.get(key) for key in KAPAZITAETSFELDER]
    if all(wert is None for wert in kapazitaet):
        return None
    return max(int(felder.get("zu_erfuellen") or 0), 0) - sum(int(w or 0) for w in kapazitaet)


def kommunenzeile(meldung: Archivmeldung) -> dict[str, Any]:
    """A Meldung's row of the table (auswertung/tabelle.py: summe = (8)+…+(11), blanks as
    0; fehlender_wohnraum = max((5), 0) − summe, empty when (8)–(11) are all blank), as
    ``Auswertung.datensaetze`` gives it – without pandas, whose import alone would take
    ``wrm verlauf --kommune`` over a second; tests hold it to the table."""
    felder = meldung.felder
    kapazitaet = {key: felder.get(key) for key in KAPAZITAETSFELDER}
    summe = sum(int(wert or 0) for wert in kapazitaet.values())
    return {
        KOMMUNE: meldung.kommune,
        STAND: meldung.stand,
        "bisherige_zuweisungen": felder.get("zuweisungen"),
        "zu_erfuellen": felder.get("zu_erfuellen"),
        **kapazitaet,
        "summe": summe,
        "fehlender_wohnraum": fehlend(felder),
        "einschaetzung": felder.get("einschaetzung"),
    }


def kommunenpunkte(eintraege: Sequence[tuple[dt.date, Kommunenstatus]]) -> list[Kommunenpunkt]:
    """One Kommune per Stichtag: its status, Stand and row as reported then."""
    zeilen = {
        k.meldung.id: kommunenzeile(k.meldung)
        for _, k in eintraege
        if k.meldung is not None and k.meldung.id is not None
    }
    punkte: list[Kommunenpunkt] = []
    for stichtag, eintrag in eintraege:
        meldung = eintrag.meldung
        zeile = zeilen[meldung.id] if meldung is not None and meldung.id is not None else None
        jetzt = zeile["fehlender_wohnraum"] if zeile else None
        vorher = punkte[-1].zeile["fehlender_wohnraum"] if punkte and punkte[-1].zeile else None
        punkte.append(
            Kommunenpunkt(
                stichtag=stichtag,
                status=cast(Meldestatus, eintrag.status),
                stand=meldung.stand if meldung else None,
                zeile=zeile,
                veraenderung_fehlend=None if jetzt is None or vorher is None else jetzt - vorher,
            )
        )
    return punkte


def meldeverhalten(
    eintraege: Iterable[tuple[str, dt.date, str, dt.date | None, str | None]],
    reihenfolge: Sequence[str],
) -> list[Meldeverhalten]:
    """Per Kommune over the Stichtage (rows grouped by Kommune, then by Stichtag, as
    ``archiv.Leser.meldeverhalten`` gives them); the district's Kommunen in
    ``reihenfolge`` first, then any other by name. One Kommune's rows at a time: a Land's
    archive has millions of them."""
    ergebnis = [
        _verhalten(kommune, [(status, stand, wie) for _, _, status, stand, wie in zeilen])
        for kommune, zeilen in itertools.groupby(eintraege, key=lambda eintrag: eintrag[0])
    ]
    doppelt = len(ergebnis) - len({v.kommune for v in ergebnis})
    assert not doppelt, "rows not grouped by Kommune"
    rang = {name: nr for nr, name in enumerate(reihenfolge)}
    ergebnis.sort(key=lambda v: (rang.get(v.kommune, len(rang)), sortierschluessel(v.kommune)))
    return ergebnis


def _verhalten(
    kommune: str, liste: Sequence[tuple[str, dt.date | None, str | None]]
) -> Meldeverhalten:
    zaehler = {status: 0 for status in ("aktuell", "veraltet", "ohne Stand", "fehlt", "ungültig")}
    laengste = strecke = 0
    for status, _, _ in liste:
        zaehler[status] += 1
        strecke = 0 if status == "aktuell" else strecke + 1
        laengste = max(laengste, strecke)
    kritisch = 0
    for status, _, einschaetzung in reversed(liste):
        if status == "fehlt" or status == "ungültig" or einschaetzung != "kritisch":
            break
        kritisch += 1
    staende = [stand for _, stand, _ in liste if stand is not None]
    return Meldeverhalten(
        kommune=kommune,
        laeufe=len(liste),
        aktuell=zaehler["aktuell"],
        veraltet=zaehler["veraltet"],
        ohne_stand=zaehler["ohne Stand"],
        fehlt=zaehler["fehlt"],
        ungueltig=zaehler["ungültig"],
        ohne_aktuelle_meldung_max=laengste,
        kritisch_in_folge=kritisch,
        letzter_stand=max(staende, default=None),
    )
