"""The distance file of ``wrm ausgleich`` ([ausgleich] entfernungen): road kilometres
between pairs of Kommunen, ``kommune_von;kommune_nach;km``, one pair per line, valid in
both directions. Checked strictly: every problem is a usage error naming file, line
and value.
"""

from __future__ import annotations

import math
from pathlib import Path

from wrm_cli.bezirk import Bezirk, namensschluessel
from wrm_cli.fehler import KonfigFehler
from wrm_cli.lesen.tabelle import csv_zeilen
from wrm_cli.werte import Roh, anzeigen, ist_leer, kommazahl, zahl_lesen

KOPF = ("kommune_von", "kommune_nach", "km")
# An unordered pair of official names, the smaller one first.
Paar = tuple[str, str]


def paar(a: str, b: str) -> Paar:
    return (a, b) if a <= b else (b, a)


def entfernungen_lesen(pfad: Path, bezirk: Bezirk) -> dict[Paar, float]:
    """Kilometres per pair of Kommunen (official names, ``paar``)."""
    try:
        daten = pfad.read_bytes()
    except FileNotFoundError:
        raise KonfigFehler(
            f"Die Entfernungsdatei {pfad} ([ausgleich] entfernungen) wurde nicht gefunden."
        ) from None
    except OSError as fehler:
        grund = "ein Ordner" if isinstance(fehler, IsADirectoryError) else fehler.strerror
        raise KonfigFehler(f"Die Entfernungsdatei {pfad} ist nicht lesbar ({grund}).") from None
    zeilen = csv_zeilen(daten)
    kopf = [namensschluessel(str(z)) for z in zeilen[0]] if zeilen else []
    if kopf[:3] != [namensschluessel(k) for k in KOPF]:
        gefunden = ";".join(anzeigen(z) for z in zeilen[0]) if zeilen else "nichts"
        raise KonfigFehler(
            f"{pfad}, Zeile 1: erwartet wird die Kopfzeile {';'.join(KOPF)}, gefunden „{gefunden}“."
        )
    km_je_paar: dict[Paar, tuple[float, int]] = {}  # pair → (km, line)
    for nr, zeile in enumerate(zeilen[1:], start=2):
        werte = list(zeile)
        while werte and ist_leer(werte[-1]):
            werte.pop()
        if not werte:
            continue  # an empty line
        if len(werte) != 3:
            raise KonfigFehler(
                f"{pfad}, Zeile {nr}: „{';'.join(anzeigen(w) for w in zeile)}“ hat "
                f"{len(werte)} statt 3 Werte – erwartet wird z. B. Bohmte;Melle;24,5."
            )
        von = _kommune(pfad, nr, KOPF[0], werte[0], bezirk)
        nach = _kommune(pfad, nr, KOPF[1], werte[1], bezirk)
        if von == nach:
            raise KonfigFehler(
                f"{pfad}, Zeile {nr}: kommune_von und kommune_nach sind beide „{von}“ – "
                "erwartet werden zwei verschiedene Kommunen."
            )
        km = _km(pfad, nr, werte[2])
        bisher = km_je_paar.setdefault(paar(von, nach), (km, nr))
        if bisher[0] != km:
            raise KonfigFehler(
                f"{pfad}, Zeile {nr}: {von}–{nach} = {kommazahl(km)} km, aber Zeile "
                f"{bisher[1]} nennt {kommazahl(bisher[0])} km für dasselbe Paar – bitte nur "
                "eine Entfernung angeben (sie gilt in beide Richtungen)."
            )
    return {p: km for p, (km, _) in km_je_paar.items()}


def _kommune(pfad: Path, nr: int, spalte: str, wert: Roh, bezirk: Bezirk) -> str:
    text = anzeigen(wert) if not ist_leer(wert) else ""
    if name := bezirk.kommune_finden(text):
        return name
    ort = f"{pfad}, Zeile {nr}, Spalte {spalte}"
    if not text:
        raise KonfigFehler(f"{ort}: leer – erwartet wird der Name einer Kommune.")
    vorschlag = bezirk.vorschlag(text)
    weiter = f"meinten Sie „{vorschlag}“?" if vorschlag else "bitte den Namen prüfen."
    raise KonfigFehler(f"{ort}: „{text}“ ist keine Kommune des Bezirks {bezirk.name} – {weiter}")


def _km(pfad: Path, nr: int, wert: Roh) -> float:
    zahl = zahl_lesen(wert)
    if isinstance(zahl, float) and math.isfinite(zahl) and zahl >= 0:
        return zahl
    gezeigt = anzeigen(wert) if not ist_leer(wert) else "leer"
    raise KonfigFehler(
        f"{pfad}, Zeile {nr}, Spalte km: „{gezeigt}“ ist keine Entfernung – erwartet wird eine "
        "Zahl ab 0 in Kilometern, z. B. 24,5."
    )
