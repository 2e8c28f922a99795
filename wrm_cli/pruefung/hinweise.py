"""Plausibility hints: figures that are valid but deserve a second look. Pure.

``hinweise`` is the one function both commands call: ``wrm auswerten`` for the
Meldungen it evaluates, ``wrm pruefen`` for every valid Meldung of every file, so a
Kommune that checks its file before sending sees exactly the hints the task force will
see. Each hint comes with the number of the Meldung it is about.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from wrm_cli.befunde import Befund, hinweis
from wrm_cli.bezirk import Bezirk
from wrm_cli.felder import FELD, KAPAZITAETSFELDER, KOMMUNE, STAND
from wrm_cli.konfig import Einstellungen
from wrm_cli.lesen.lauf import MELDUNG_NR, Lauf
from wrm_cli.lesen.meldung import Meldung
from wrm_cli.werte import datum_deutsch, ist_leer, personen, text_lesen

if TYPE_CHECKING:
    import pandas as pd

    from wrm_cli.ergebnis import Auswertung

Nummeriert = list[tuple[int, Befund]]  # (number of the Meldung in the Lauf, Befund)

UNTERBRINGUNG = ("untergebracht_gu", "untergebracht_dezentral")
# Persons housed (6)+(7) may differ from arrivals (2) a little: people housed without
# quota credit (3)/(4), moves between Kommunen. Beyond this the figures deserve a look.
UNTERBRINGUNG_ABWEICHUNG_PERSONEN = 10
UNTERBRINGUNG_ABWEICHUNG_ANTEIL = 0.25


def hinweise(
    lauf: Lauf,
    meldungen: pd.DataFrame,
    auswertung: Auswertung,
    einstellungen: Einstellungen,
    stichtag: dt.date,
) -> Nummeriert:
    """Every hint on the valid ``meldungen`` (a frame with MELDUNG_NR, as checked) and on
    all Meldungen of the Lauf, whose table ``auswertung`` is."""
    return [
        *leere_meldungen(lauf),
        *leere_felder(lauf, meldungen),
        *dateinamenhinweise(lauf, einstellungen.bezirk),
        *meldungshinweise(lauf, meldungen, einstellungen, stichtag),
        *einschaetzungshinweise(lauf, auswertung, einstellungen.einschaetzung_toleranz),
    ]


def _leer(wert: object) -> bool:
    import pandas as pd

    return bool(pd.isna(wert))  # type: ignore[call-overload]


def _zahl(wert: object) -> int:
    """A blank counts as 0 (the Fachkonzept's rule for sums and comparisons)."""
    return 0 if _leer(wert) else int(wert)  # type: ignore[call-overload]


def _weit_entfernt(untergebracht: int, erwartet: int) -> bool:
    grenze = max(UNTERBRINGUNG_ABWEICHUNG_PERSONEN, UNTERBRINGUNG_ABWEICHUNG_ANTEIL * erwartet)
    return abs(untergebracht - erwartet) > grenze


def _ankuenfte_text(wert: object) -> str:
    nr = FELD["ankuenfte"].nr
    return f"keine Ankünfte ({nr}) angegeben" if _leer(wert) else f"{_zahl(wert)} Ankünfte ({nr})"


def meldungshinweise(
    lauf: Lauf, meldungen: pd.DataFrame, einstellungen: Einstellungen, stichtag: dt.date
) -> Nummeriert:
    """Arrivals beyond assignments, housed persons far from arrivals, old figures."""
    befunde: Nummeriert = []
    for zeile in meldungen.to_dict("records"):
        nr = int(zeile[MELDUNG_NR])
        meldung = lauf.meldung(nr)
        kommune = str(zeile[KOMMUNE])
        zuweisungen, ankuenfte = _zahl(zeile["zuweisungen"]), _zahl(zeile["ankuenfte"])
        if ankuenfte > zuweisungen:
            text = (
                f"{kommune}: {ankuenfte} Ankünfte, aber nur {zuweisungen} Zuweisungen – "
                "Ankünfte sind ein Teil der Zuweisungen; bitte prüfen."
            )
            befunde.append((nr, _am_feld(meldung, "ankuenfte", text, kommune)))
        gemeldet = [zeile[key] for key in ("ankuenfte", *UNTERBRINGUNG)]
        untergebracht = sum(_zahl(zeile[key]) for key in UNTERBRINGUNG)
        if not all(_leer(wert) for wert in gemeldet) and _weit_entfernt(untergebracht, ankuenfte):
            text = (
                f"{kommune}: {untergebracht} Personen untergebracht "
                f"({FELD['untergebracht_gu'].nr}) + ({FELD['untergebracht_dezentral'].nr}), "
                f"aber {_ankuenfte_text(zeile['ankuenfte'])} – bitte prüfen."
            )
            befunde.append((nr, _am_feld(meldung, "untergebracht_gu", text, kommune)))
        stand = zeile[STAND]
        if isinstance(stand, dt.date):
            befunde += [
                (nr, b) for b in standhinweise(meldung, kommune, stand, einstellungen, stichtag)
            ]
    return befunde


def standhinweise(
    meldung: Meldung,
    kommune: str,
    stand: dt.date,
    einstellungen: Einstellungen,
    stichtag: dt.date,
) -> list[Befund]:
    """A stale Stand, told to the task force and to the clerk in their words; and, when
    day and month swapped would give a current Stand, that reading."""
    alter = (stichtag - stand).days
    veraltet = einstellungen.veraltet_nach_tagen
    if alter <= veraltet:
        return []
    text = (
        f"{kommune}: Die Zahlen (Stand {datum_deutsch(stand)}) sind {alter} Tage alt "
        "– bitte eine aktuelle Meldung anfordern."
    )
    fuer_kommune = f"Der Stand ist {alter} Tage alt – bitte die aktuellen Zahlen eintragen."
    befunde = [replace(_am_feld(meldung, STAND, text, kommune, fuer_kommune), veraltet=True)]
    vertauscht = _tag_und_monat_vertauscht(stand)
    if vertauscht is not None and 0 <= (stichtag - vertauscht).days <= veraltet:
        frage = f"Tag und Monat vertauscht? Gemeint ist vielleicht {datum_deutsch(vertauscht)}."
        befunde.append(_am_feld(meldung, STAND, f"{kommune}: {frage}", kommune, frage))
    return befunde


def _tag_und_monat_vertauscht(stand: dt.date) -> dt.date | None:
    """12.01.2026 read as 01.12.2026; None when that is no other valid date."""
    if stand.day == stand.month:
        return None
    try:
        return dt.date(stand.year, stand.day, stand.month)
    except ValueError:  # a day after the 12th is no month
        return None


def _am_feld(
    meldung: Meldung, feld: str, text: str, kommune: str, fuer_kommune: str | None = None
) -> Befund:
    ort = {"datei": meldung.quelle, "zelle": meldung.zelle(feld), "feld": feld}
    return hinweis(text, **ort, kommune=kommune, meldung_fuer_kommune=fuer_kommune)


def _nummern(keys: Sequence[str]) -> str:
    return ", ".join(f"({FELD[key].nr})" for key in keys)


def leere_felder(lauf: Lauf, meldungen: pd.DataFrame) -> Nummeriert:
    """A half-empty form: every blank field named in one hint, when the blanks leave the
    Meldung without its Einschätzung (12) or without housing data (8)–(11).

    Only for the template, which asks for each field; a blank count alone means "nothing
    to report" (a table keeps its blanks as published). A form blank in all twelve fields
    has its own hint (``leere_meldungen``).
    """
    befunde: Nummeriert = []
    for zeile in meldungen.to_dict("records"):
        nr = int(zeile[MELDUNG_NR])
        meldung = lauf.meldung(nr)
        leer = [key for key in FELD if _leer(zeile[key])]
        unvollstaendig = "einschaetzung" in leer or set(KAPAZITAETSFELDER) <= set(leer)
        if not meldung.formular or not unvollstaendig or len(leer) == len(FELD):
            continue
        kommune = str(zeile[KOMMUNE])
        text = (
            f"{kommune}: {_nummern(leer)} {'ist' if len(leer) == 1 else 'sind'} leer – "
            "bitte prüfen, ob etwas fehlt; leer heißt „nichts zu melden“."
        )
        befunde.append((nr, hinweis(text, datei=meldung.quelle, kommune=kommune)))
    return befunde


def leere_meldungen(lauf: Lauf) -> Nummeriert:
    """Meldungen whose twelve fields are all blank: usually a template sent unfilled."""
    befunde: Nummeriert = []
    for nr, meldung in lauf.nummeriert():
        if all(ist_leer(meldung.roh(key)) for key in FELD):
            name = text_lesen(meldung.roh(KOMMUNE))
            text = (
                f"Alle Felder (1)–({len(FELD)}) sind leer – ist das beabsichtigt? "
                "Leer heißt „nichts zu melden“."
            )
            kommune = name if isinstance(name, str) else None
            befunde.append((nr, hinweis(text, datei=meldung.quelle, kommune=kommune)))
    return befunde


def einschaetzungshinweise(lauf: Lauf, auswertung: Auswertung, toleranz: int) -> Nummeriert:
    """A Kommune's own assessment contradicting its figures.

    "kritisch" with spare places is always questioned; "ausreichend" once at least
    ``toleranz`` persons lack housing (a handful is often covered by flats in prospect).
    """
    befunde: Nummeriert = []
    for nr, zeile in zip(auswertung.herkunft, auswertung.datensaetze(), strict=True):
        kommune, fehlend = zeile[KOMMUNE], zeile["fehlender_wohnraum"]
        if fehlend is None:  # no housing data: nothing to compare
            continue
        if zeile["einschaetzung"] == "ausreichend" and fehlend > 0 and fehlend >= toleranz:
            text = (
                f"{kommune} schätzt die Lage als „ausreichend“ ein, es fehlt aber Wohnraum "
                f"für {personen(fehlend)}."
            )
        elif zeile["einschaetzung"] == "kritisch" and fehlend < 0:
            text = (
                f"{kommune} schätzt die Lage als „kritisch“ ein, hat aber {-fehlend} "
                f"{'Platz' if fehlend == -1 else 'Plätze'} mehr als benötigt."
            )
        else:
            continue
        meldung = lauf.meldung(nr)
        ort = {"datei": meldung.quelle, "zelle": meldung.zelle("einschaetzung")}
        befunde.append((nr, hinweis(text, **ort, feld="einschaetzung", kommune=str(kommune))))
    return befunde


def dateinamenhinweise(lauf: Lauf, bezirk: Bezirk) -> Nummeriert:
    """A file of one Meldung whose name names another Kommune than its Kommune cell: a
    template sent for the wrong Kommune, or filled in for a neighbour."""
    je_datei: dict[Path, list[int]] = {}
    for nr, meldung in lauf.nummeriert():
        je_datei.setdefault(meldung.datei, []).append(nr)
    befunde: Nummeriert = []
    for nummern in je_datei.values():
        if len(nummern) != 1:
            continue
        meldung = lauf.meldung(nummern[0])
        name = text_lesen(meldung.roh(KOMMUNE))
        gemeldet = bezirk.kommune_finden(name) if isinstance(name, str) else None
        im_namen = bezirk.kommune_im_dateinamen(meldung.datei.name)
        if gemeldet is None or im_namen is None or gemeldet == im_namen:
            continue
        text = (
            f"Der Dateiname nennt {im_namen}, gemeldet wird aber „{name}“ – bitte prüfen, "
            "ob die Datei zur richtigen Kommune gehört."
        )
        ort = {"datei": meldung.quelle, "zelle": meldung.zelle(KOMMUNE), "feld": KOMMUNE}
        befunde.append((nummern[0], hinweis(text, **ort, kommune=gemeldet)))
    return befunde


def fehlende_kommunen(bezirk: Bezirk, ausgewertet: Iterable[str]) -> list[str]:
    vorhanden = set(ausgewertet)
    return [name for name in bezirk.kommunennamen if name not in vorhanden]


def meldestatushinweise(fehlend: Sequence[str], mit_fehlern: set[str]) -> list[Befund]:
    """District level: every Kommune without a Meldung in the Auswertung, and why."""
    return [
        hinweis(
            f"{name}: Meldung enthält Fehler und fehlt deshalb in der Auswertung."
            if name in mit_fehlern
            else f"{name}: keine Meldung eingegangen.",
            kommune=name,
        )
        for name in fehlend
    ]
