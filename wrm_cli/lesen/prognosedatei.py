"""The forecast file of ``wrm prognose`` (--prognose or [prognose] datei): expected
assignments per month, ``monat;zuweisungen`` (district totals) or
``kommune;monat;zuweisungen`` (per Kommune), as CSV or one sheet of xlsx/xls/ods, read
like the table format. Every problem names file, cell and value; the file is a setting,
so its problems together are one usage error (no forecast from half a file).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from wrm_cli.befunde import Befund, fehler
from wrm_cli.bezirk import Bezirk, namensschluessel
from wrm_cli.fehler import EingabeFehler, KonfigFehler
from wrm_cli.konfig import Grenzen
from wrm_cli.lesen.datei import arbeitsblaetter
from wrm_cli.lesen.dateiart import datei_oeffnen
from wrm_cli.lesen.meldung import adresse
from wrm_cli.lesen.tabelle import KOPF_SUCHBEREICH, csv_zeilen
from wrm_cli.prognoseergebnis import Zuweisungsprognose
from wrm_cli.werte import Roh, anzeigen, ist_leer, zahl_lesen

KOMMUNE, MONAT, ZUWEISUNGEN = "kommune", "monat", "zuweisungen"
_MONATE = {
    namensschluessel(name): nr
    for nr, namen in enumerate(
        (
            ("Januar", "Jan"), ("Februar", "Feb"), ("März", "Maerz", "Mär", "Mrz"),
            ("April", "Apr"), ("Mai",), ("Juni", "Jun"), ("Juli", "Jul"),
            ("August", "Aug"), ("September", "Sep", "Sept"), ("Oktober", "Okt"),
            ("November", "Nov"), ("Dezember", "Dez"),
        ),
        start=1,
    )
    for name in namen
}  # fmt: skip
_ISO = re.compile(r"(\d{4})-(\d{1,2})")
_DEUTSCH = re.compile(r"(\d{1,2})[./](\d{4})")
_NAME = re.compile(r"([A-Za-zÄÖÜäöüß]+)\.?\s+(\d{4})")
_BEISPIEL = "z. B. 2016-04, 04.2016 oder April 2016"
# (row, column, what is wrong): records one bad cell.
Falsch = Callable[[int, int, str], None]


def monat_lesen(wert: Roh) -> dt.date | None:
    """The first day of the month a cell names, None if it names none."""
    if isinstance(wert, dt.datetime):
        wert = wert.date()
    if isinstance(wert, dt.date):
        return wert.replace(day=1)
    if not isinstance(wert, str):
        return None
    text = " ".join(wert.split())
    jahr = monat = None
    if treffer := _ISO.fullmatch(text):
        jahr, monat = int(treffer[1]), int(treffer[2])
    elif treffer := _DEUTSCH.fullmatch(text):
        monat, jahr = int(treffer[1]), int(treffer[2])
    elif treffer := _NAME.fullmatch(text):
        monat, jahr = _MONATE.get(namensschluessel(treffer[1])), int(treffer[2])
    if jahr is None or monat is None or not 1 <= monat <= 12 or jahr < 1900:
        return None
    return dt.date(jahr, monat, 1)


def _zeilen(pfad: Path, grenzen: Grenzen) -> Sequence[Sequence[Roh]]:
    try:
        datei = datei_oeffnen(pfad, grenzen)
        if datei.art == "csv":
            return csv_zeilen(datei.daten)
        blaetter = list(arbeitsblaetter(datei, grenzen).values())
    except EingabeFehler as problem:
        raise KonfigFehler(f"Die Prognosedatei {pfad} ist nicht lesbar: {problem}") from None
    mit_kopf = [b for b in blaetter if _kopf_finden(b.zeilen) is not None]
    return (mit_kopf or blaetter)[0].zeilen


def _kopf_finden(zeilen: Sequence[Sequence[Roh]]) -> int | None:
    for nr, zeile in enumerate(zeilen[:KOPF_SUCHBEREICH]):
        namen = {namensschluessel(w) for w in zeile if isinstance(w, str)}
        if {MONAT, ZUWEISUNGEN} <= namen:
            return nr
    return None


def prognose_lesen(
    pfad: Path, bezirk: Bezirk, grenzen: Grenzen | None = None
) -> Zuweisungsprognose:
    """The file's persons per month. Raises KonfigFehler naming every bad cell."""
    if not pfad.is_file():
        art = "ist ein Ordner" if pfad.is_dir() else "wurde nicht gefunden"
        raise KonfigFehler(f"Die Prognosedatei {pfad} (--prognose bzw. [prognose] datei) {art}.")
    zeilen = _zeilen(pfad, grenzen or Grenzen())
    kopf_nr = _kopf_finden(zeilen)
    if kopf_nr is None:
        raise KonfigFehler(
            f"Die Prognosedatei {pfad} hat keine Kopfzeile – erwartet wird monat;zuweisungen "
            "(Summen des Landkreises je Monat) oder kommune;monat;zuweisungen (je Kommune)."
        )
    spalten = {
        namensschluessel(w): nr
        for nr, w in enumerate(zeilen[kopf_nr])
        if isinstance(w, str) and namensschluessel(w) in (KOMMUNE, MONAT, ZUWEISUNGEN)
    }
    je_kommune = KOMMUNE in spalten
    befunde: list[Befund] = []
    werte: dict[tuple[str | None, dt.date], int] = {}
    zellen: dict[tuple[str | None, dt.date], str] = {}
    name = pfad.name

    def falsch(zeile: int, spalte: int, text: str) -> None:
        befunde.append(fehler(text, datei=name, zelle=adresse(zeile, spalte)))

    for nr in range(kopf_nr + 1, len(zeilen)):
        zeile = zeilen[nr]
        if all(ist_leer(w) for w in zeile):
            continue

        def zelle(key: str, zeile: Sequence[Roh] = zeile) -> Roh:
            spalte = spalten[key]
            return zeile[spalte] if spalte < len(zeile) else None

        kommune: str | None = None
        if je_kommune:
            kommune = _kommune(zelle(KOMMUNE), bezirk, nr, spalten[KOMMUNE], falsch)
        else:
            fremd = [
                s for s, w in enumerate(zeile) if not ist_leer(w) and s not in spalten.values()
            ]
            if fremd:
                falsch(
                    nr,
                    fremd[0],
                    f"„{anzeigen(zeile[fremd[0]])}“ neben monat und zuweisungen – die Datei "
                    "hat die Form monat;zuweisungen (Summen des Landkreises); Zahlen je Kommune "
                    "gehören in eine Datei der Form kommune;monat;zuweisungen, nicht beides "
                    "gemischt.",
                )
                continue
        monat = monat_lesen(zelle(MONAT))
        if monat is None:
            gezeigt = anzeigen(zelle(MONAT)) if not ist_leer(zelle(MONAT)) else ""
            falsch(
                nr,
                spalten[MONAT],
                f"„{gezeigt}“ ist kein Monat – erwartet wird {_BEISPIEL}."
                if gezeigt
                else f"leer – erwartet wird ein Monat, {_BEISPIEL}.",
            )
        personen = _personen(zelle(ZUWEISUNGEN))
        if isinstance(personen, str):
            falsch(nr, spalten[ZUWEISUNGEN], personen)
        if monat is None or isinstance(personen, str) or (je_kommune and kommune is None):
            continue
        ort = adresse(nr, spalten[MONAT])
        if (kommune, monat) in werte:
            wer = f" für {kommune}" if kommune else ""
            falsch(
                nr,
                spalten[MONAT],
                f"{monat.month:02d}.{monat.year} steht{wer} doppelt (auch in "
                f"{zellen[(kommune, monat)]}) – bitte jeden Monat nur einmal angeben.",
            )
            continue
        werte[(kommune, monat)] = personen
        zellen[(kommune, monat)] = ort
    if not werte and not befunde:
        raise KonfigFehler(f"Die Prognosedatei {pfad} enthält unter der Kopfzeile keine Monate.")
    if befunde:
        zeilen_text = "\n".join(f"  {befund.text}" for befund in befunde)
        raise KonfigFehler(f"Die Prognosedatei {pfad} ist fehlerhaft:\n{zeilen_text}")
    return Zuweisungsprognose(pfad, je_kommune, werte)


def _kommune(wert: Roh, bezirk: Bezirk, nr: int, spalte: int, falsch: Falsch) -> str | None:
    text = anzeigen(wert) if not ist_leer(wert) else ""
    if name := bezirk.kommune_finden(text):
        return name
    if not text or namensschluessel(text) in {namensschluessel(bezirk.name), "gesamt", "summe"}:
        falsch(
            nr,
            spalte,
            f"{f'„{text}“ ist' if text else 'leer –'} keine Kommune – die Datei hat die Form "
            "kommune;monat;zuweisungen (je Kommune); Summen des Landkreises gehören in eine "
            "Datei der Form monat;zuweisungen, nicht beides gemischt.",
        )
        return None
    vorschlag = bezirk.vorschlag(text)
    weiter = f" Meinten Sie „{vorschlag}“?" if vorschlag else ""
    falsch(nr, spalte, f"„{text}“ ist keine Kommune des Bezirks {bezirk.name}.{weiter}")
    return None


def _personen(wert: Roh) -> int | str:
    """A whole number ≥ 0, else the German sentence saying what is wrong."""
    if ist_leer(wert):
        return "leer – erwartet wird die Zahl der Personen, z. B. 120 (0, wenn keine kommen)."
    zahl = zahl_lesen(wert)
    gezeigt = anzeigen(wert)
    if not isinstance(zahl, float) or isinstance(zahl, bool):
        return f"„{gezeigt}“ ist keine Zahl – erwartet wird die Zahl der Personen, z. B. 120."
    if zahl < 0:
        return f"{gezeigt} ist negativ – erwartet wird die Zahl der Personen, 0 oder mehr."
    if not zahl.is_integer():
        return f"{gezeigt} ist keine ganze Zahl – erwartet wird die Zahl der Personen, z. B. 120."
    return int(zahl)
