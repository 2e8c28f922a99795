"""Who reported what: the Übersicht (all fields per Kommune), the Meldestatus and what a
report says about its own data (Datenstand). Pure.

The Excel report shows the first two; they answer the task force's first questions on
Monday morning: which Kommune is missing, whose figures are old, which file was ignored
and why. Every report states the Datenstand next to its Stichtag.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from wrm_cli.befunde import Befund
from wrm_cli.bezirk import Bezirk, sortierschluessel
from wrm_cli.ergebnis import Meldestand, Meldestatus
from wrm_cli.felder import FELD, KOMMUNE, KONTAKT_LABELS, STAND
from wrm_cli.konfig import Einstellungen
from wrm_cli.lesen.eingang import KEIN_TREFFER, NICHT_DA
from wrm_cli.lesen.lauf import MELDUNG_NR, Lauf
from wrm_cli.werte import python_wert, text_lesen

if TYPE_CHECKING:
    import pandas as pd

    from wrm_cli.ergebnis import Auswertung, Auswertungsbericht

# The Meldestatus of a Kommune whose Meldung is in the Auswertung (a "meldende Kommune").
MELDEND: tuple[Meldestatus, ...] = ("aktuell", "veraltet", "ohne Stand")


def uebersicht(kommunen: pd.DataFrame, lauf: Lauf) -> list[dict[str, Any]]:
    """One row per evaluated Kommune, by name: Stand, the twelve fields, file, contact."""
    zeilen: list[dict[str, Any]] = []
    for daten in kommunen.to_dict("records"):
        meldung = lauf.meldung(int(daten[MELDUNG_NR]))
        zeile: dict[str, Any] = {KOMMUNE: daten[KOMMUNE], STAND: daten[STAND]}
        zeile |= {key: python_wert(daten[key]) for key in FELD}
        zeile["datei"] = lauf.name(meldung.datei)  # with its folder when the name repeats
        for key in KONTAKT_LABELS:
            text = text_lesen(meldung.roh(key))
            zeile[key] = str(text) if text is not None else None
        zeilen.append(zeile)
    return sorted(zeilen, key=lambda zeile: sortierschluessel(zeile[KOMMUNE]))


def dezentral_anteil(gu: int | None, dezentral: int | None) -> float | None:
    """(7) / ((6)+(7)); None when nobody is housed."""
    untergebracht = (gu or 0) + (dezentral or 0)
    return None if untergebracht == 0 else (dezentral or 0) / untergebracht


def meldestatus(
    einstellungen: Einstellungen,
    zeilen: Sequence[dict[str, Any]],
    mit_fehlern: Collection[str],
    stichtag: dt.date,
    fehlgruende: Mapping[str, tuple[str, str]] | None = None,
) -> list[Meldestand]:
    """Every Kommune of the district, in the district's order, with the state of its report.

    ``fehlgruende`` (see ``fehlgruende``): file and reason of the Kommunen whose file
    arrived but gave no usable Meldung; they are "ungültig", not "fehlt"."""
    ausgewertet = {zeile[KOMMUNE]: zeile for zeile in zeilen}
    stand_liste: list[Meldestand] = []
    for name in einstellungen.bezirk.kommunennamen:
        zeile = ausgewertet.get(name)
        if zeile is None:
            datei, grund = (fehlgruende or {}).get(name, (None, None))
            ungueltig = name in mit_fehlern or datei is not None
            status: Meldestatus = "ungültig" if ungueltig else "fehlt"
            stand_liste.append(Meldestand(name, status, datei=datei, grund=grund))
            continue
        stand = zeile[STAND]
        if not isinstance(stand, dt.date):
            stand_liste.append(Meldestand(name, "ohne Stand", datei=zeile["datei"]))
            continue
        alter = (stichtag - stand).days
        status = "veraltet" if alter > einstellungen.veraltet_nach_tagen else "aktuell"
        stand_liste.append(Meldestand(name, status, stand, alter, zeile["datei"]))
    return stand_liste


def fehlgruende(bezirk: Bezirk, befunde: Iterable[Befund]) -> dict[str, tuple[str, str]]:
    """File and reason for every Kommune with an error: its first error, without the file
    name, and how many more there are. The Kommune is the error's own, else the one the
    file name names (an unreadable "Meldung_Belm.xlsx"). Files given but not found do not
    count: nothing arrived."""
    fehler_je_kommune: dict[str, list[Befund]] = {}
    for befund in befunde:
        nicht_da = befund.meldung in (NICHT_DA, KEIN_TREFFER)
        if befund.stufe != "fehler" or befund.datei is None or nicht_da:
            continue
        dateiname = befund.datei.split(" [")[0]  # without the sheet: "Meldung_X.xlsx [Blatt]"
        kommune = befund.kommune or bezirk.kommune_im_dateinamen(dateiname.split("/")[-1])
        if kommune is not None:
            fehler_je_kommune.setdefault(kommune, []).append(befund)
    gruende: dict[str, tuple[str, str]] = {}
    for kommune, liste in fehler_je_kommune.items():
        grund = liste[0].kurztext
        if len(liste) > 1:
            weitere = "1 weiterer Fehler" if len(liste) == 2 else f"{len(liste) - 1} weitere Fehler"
            grund += f" (dazu {weitere}, siehe Blatt Hinweise)"
        gruende[kommune] = (liste[0].datei or "", grund)
    return gruende


@dataclasses.dataclass(frozen=True)
class Datenstand:
    """The age of the data a report rests on."""

    aeltester: dt.date | None  # oldest Stand of the Meldungen evaluated
    neuester: dt.date | None  # newest Stand
    veraltet: bool  # even the newest is older than veraltet_nach_tagen before the Stichtag
    meldend: int  # Kommunen of the district with a valid Meldung in the Auswertung


def datenstand(
    stand_liste: Sequence[Meldestand], stichtag: dt.date, veraltet_nach_tagen: int
) -> Datenstand:
    """From the Meldestatus: a Kommune "meldet" when its valid Meldung is evaluated,
    whatever its Stand (so the Gesamt row sums exactly the meldende Kommunen)."""
    staende = [s.stand for s in stand_liste if s.stand is not None]
    neuester = max(staende, default=None)
    veraltet = neuester is not None and (stichtag - neuester).days > veraltet_nach_tagen
    meldend = sum(s.status in MELDEND for s in stand_liste)
    return Datenstand(min(staende, default=None), neuester, veraltet, meldend)


def spaltensumme_fehlend(auswertung: Auswertung) -> int:
    """The fehlender_wohnraum column added up – what a reader gets who adds it, unlike
    the Gesamt (Σ(5) − ΣSumme)."""
    return sum(z["fehlender_wohnraum"] or 0 for z in auswertung.datensaetze())


def veraltet_hinweise(befunde: Sequence[Befund], stand_liste: Sequence[Meldestand]) -> list[Befund]:
    """The per-Kommune hints "… sind N Tage alt – bitte eine aktuelle Meldung anfordern."
    of the stale Kommunen, which text reports collapse into one line (JSON and Excel keep
    them): those the hints mark as such (``Befund.veraltet``). A hint with more to say
    than that, such as "Tag und Monat vertauscht?", stays on its own."""
    veraltet = {s.kommune for s in stand_liste if s.status == "veraltet"}
    return [b for b in befunde if b.veraltet and b.kommune in veraltet]


def mit_datenstand(bericht: Auswertungsbericht) -> Auswertungsbericht:
    """The report with what it says about its own data, from its Meldestatus."""
    daten = datenstand(
        bericht.meldestatus, bericht.stichtag, bericht.einstellungen.veraltet_nach_tagen
    )
    return dataclasses.replace(
        bericht,
        stand_aeltester=daten.aeltester,
        stand_neuester=daten.neuester,
        daten_veraltet=daten.veraltet,
        meldende_kommunen=daten.meldend,
        kommunen_im_bezirk=len(bericht.bezirk.kommunennamen),
        spaltensumme_fehlend=spaltensumme_fehlend(bericht.auswertung),
        veraltet_hinweise=veraltet_hinweise(bericht.befunde, bericht.meldestatus),
    )
