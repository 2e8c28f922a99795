"""Plausibility hints: figures that are valid but deserve a second look. Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from wrm_cli.befunde import Befund, hinweis
from wrm_cli.bezirk import Bezirk, datum_deutsch
from wrm_cli.felder import FELD, KOMMUNE, STAND
from wrm_cli.meldung import Meldung
from wrm_cli.pruefung import MELDUNG_NR
from wrm_cli.werte import ist_leer, text_lesen

if TYPE_CHECKING:
    import pandas as pd

    from wrm_cli.auswertung import Auswertung


UNTERBRINGUNG = ("untergebracht_gu", "untergebracht_dezentral")


def _leer(wert: object) -> bool:
    import pandas as pd

    return bool(pd.isna(wert))  # type: ignore[call-overload]


def _zahl(wert: object) -> int:
    """A blank counts as 0 (the Fachkonzept's rule for sums and comparisons)."""
    return 0 if _leer(wert) else int(wert)  # type: ignore[call-overload]


# Persons housed (6)+(7) may differ from arrivals (2) a little: people housed without
# quota credit (3)/(4), moves between Kommunen. Beyond this the figures deserve a look.
UNTERBRINGUNG_ABWEICHUNG_PERSONEN = 10
UNTERBRINGUNG_ABWEICHUNG_ANTEIL = 0.25


def _weit_entfernt(untergebracht: int, erwartet: int) -> bool:
    grenze = max(UNTERBRINGUNG_ABWEICHUNG_PERSONEN, UNTERBRINGUNG_ABWEICHUNG_ANTEIL * erwartet)
    return abs(untergebracht - erwartet) > grenze


def _ankuenfte_text(wert: object) -> str:
    nr = FELD["ankuenfte"].nr
    return f"keine Ankünfte ({nr}) angegeben" if _leer(wert) else f"{_zahl(wert)} Ankünfte ({nr})"


def meldungshinweise(
    kommunen: pd.DataFrame, meldungen: Sequence[Meldung], bezirk: Bezirk, stichtag: dt.date
) -> list[Befund]:
    """Hints on the Meldungen that are evaluated."""
    befunde: list[Befund] = []
    for zeile in kommunen.to_dict("records"):
        meldung = meldungen[int(zeile[MELDUNG_NR])]
        kommune = str(zeile[KOMMUNE])
        zuweisungen, ankuenfte = _zahl(zeile["zuweisungen"]), _zahl(zeile["ankuenfte"])
        if ankuenfte > zuweisungen:
            befunde.append(
                hinweis(
                    f"{kommune}: {ankuenfte} Ankünfte, aber nur {zuweisungen} Zuweisungen – "
                    "Ankünfte sind ein Teil der Zuweisungen; bitte prüfen.",
                    datei=meldung.quelle,
                    zelle=meldung.zelle("ankuenfte"),
                    feld="ankuenfte",
                    kommune=kommune,
                )
            )
        gemeldet = [zeile[key] for key in ("ankuenfte", *UNTERBRINGUNG)]
        untergebracht = sum(_zahl(zeile[key]) for key in UNTERBRINGUNG)
        if not all(_leer(wert) for wert in gemeldet) and _weit_entfernt(untergebracht, ankuenfte):
            befunde.append(
                hinweis(
                    f"{kommune}: {untergebracht} Personen untergebracht "
                    f"({FELD['untergebracht_gu'].nr}) + ({FELD['untergebracht_dezentral'].nr}), "
                    f"aber {_ankuenfte_text(zeile['ankuenfte'])} – bitte prüfen.",
                    datei=meldung.quelle,
                    zelle=meldung.zelle("untergebracht_gu"),
                    feld="untergebracht_gu",
                    kommune=kommune,
                )
            )
        stand = zeile[STAND]
        if isinstance(stand, dt.date) and (stichtag - stand).days > bezirk.veraltet_nach_tagen:
            befunde.append(
                hinweis(
                    f"{kommune}: Die Zahlen (Stand {datum_deutsch(stand)}) sind "
                    f"{(stichtag - stand).days} Tage alt – bitte eine aktuelle Meldung anfordern.",
                    datei=meldung.quelle,
                    zelle=meldung.zelle(STAND),
                    feld=STAND,
                    kommune=kommune,
                )
            )
    return befunde


def leere_meldungen(meldungen: Sequence[Meldung]) -> list[Befund]:
    """Meldungen whose twelve fields are all blank: usually a template sent unfilled."""
    befunde: list[Befund] = []
    for meldung in meldungen:
        if all(ist_leer(meldung.roh(key)) for key in FELD):
            name = text_lesen(meldung.roh(KOMMUNE))
            befunde.append(
                hinweis(
                    f"Alle Felder (1)–({len(FELD)}) sind leer – ist das beabsichtigt? "
                    "Leer heißt „nichts zu melden“.",
                    datei=meldung.quelle,
                    kommune=name if isinstance(name, str) else None,
                )
            )
    return befunde


def personen(anzahl: int) -> str:
    return "1 Person" if anzahl == 1 else f"{anzahl} Personen"


def einschaetzungshinweise(
    auswertung: Auswertung, meldungen: Sequence[Meldung], kommunen: pd.DataFrame, toleranz: int
) -> list[Befund]:
    """A Kommune's own assessment contradicting its figures.

    "kritisch" with spare places is always questioned; "ausreichend" once at least
    ``toleranz`` persons lack housing (a handful is often covered by flats in prospect).
    """
    herkunft = dict(zip(kommunen[KOMMUNE], kommunen[MELDUNG_NR], strict=True))
    befunde: list[Befund] = []
    for zeile in auswertung.datensaetze():
        kommune, fehlend, einschaetzung = (
            zeile[KOMMUNE],
            zeile["fehlender_wohnraum"],
            zeile["einschaetzung"],
        )
        if fehlend is None:  # no housing data: nothing to compare
            continue
        if einschaetzung == "ausreichend" and fehlend > 0 and fehlend >= toleranz:
            text = (
                f"{kommune} schätzt die Lage als „ausreichend“ ein, es fehlt aber Wohnraum "
                f"für {personen(fehlend)}."
            )
        elif einschaetzung == "kritisch" and fehlend < 0:
            text = (
                f"{kommune} schätzt die Lage als „kritisch“ ein, hat aber {-fehlend} "
                f"{'Platz' if fehlend == -1 else 'Plätze'} mehr als benötigt."
            )
        else:
            continue
        meldung = meldungen[int(herkunft[kommune])]
        befunde.append(
            hinweis(
                text,
                datei=meldung.quelle,
                zelle=meldung.zelle("einschaetzung"),
                feld="einschaetzung",
                kommune=str(kommune),
            )
        )
    return befunde


def fehlende_kommunen(bezirk: Bezirk, ausgewertet: Iterable[str]) -> list[str]:
    vorhanden = set(ausgewertet)
    return [name for name in bezirk.kommunennamen if name not in vorhanden]


def meldestatushinweise(fehlend: Sequence[str], mit_fehlern: set[str]) -> list[Befund]:
    return [
        hinweis(
            f"{name}: Meldung enthält Fehler und fehlt deshalb in der Auswertung."
            if name in mit_fehlern
            else f"{name}: keine Meldung eingegangen.",
            kommune=name,
        )
        for name in fehlend
    ]


def dateinamenhinweise(meldungen: Sequence[Meldung], bezirk: Bezirk) -> list[Befund]:
    """A file of one Meldung whose name names another Kommune than its Kommune cell: a
    template sent for the wrong Kommune, or filled in for a neighbour."""
    je_datei: dict[Path, list[Meldung]] = {}
    for meldung in meldungen:
        je_datei.setdefault(meldung.datei, []).append(meldung)
    befunde: list[Befund] = []
    for liste in je_datei.values():
        if len(liste) != 1:
            continue
        meldung = liste[0]
        name = text_lesen(meldung.roh(KOMMUNE))
        gemeldet = bezirk.kommune_finden(name) if isinstance(name, str) else None
        im_namen = bezirk.kommune_im_dateinamen(meldung.datei.name)
        if gemeldet is None or im_namen is None or gemeldet == im_namen:
            continue
        befunde.append(
            hinweis(
                f"Der Dateiname nennt {im_namen}, gemeldet wird aber „{name}“ – bitte prüfen, "
                "ob die Datei zur richtigen Kommune gehört.",
                datei=meldung.quelle,
                zelle=meldung.zelle(KOMMUNE),
                feld=KOMMUNE,
                kommune=gemeldet,
            )
        )
    return befunde
