"""Benchmark of ``wrm ausgleich``: a Land-sized district and the 21 examples.

Aufruf im Projektordner (mit installiertem wrm, z. B. in .venv):

    .venv/bin/python tests/benchmark/ausgleichbench.py

- Land: 940 invented Kommunen at random points inside Niedersachsen (a polygon of its
  border, rejection sampling), random figures (to fulfil 0–300, places 0–400 over the four
  place columns, a tenth "kritisch"), ``max_km = 50``. Timed in this process, for five
  seeds: building the model and solving it (``ausgleich_berechnen``, OR-Tools loaded
  before), the Land's whole command in fresh processes against ``wrm auswerten`` on the
  same table (pair by pair).
- The 21 examples: ``wrm ausgleich beispiele/eingang/`` against ``wrm auswerten`` on
  them, pair by pair (JSON to stdout, discarded); and in this process what the Excel
  report of ``wrm auswerten`` pays for its sheet "Ausgleich" (the proposal: importing
  OR-Tools, model, solver).

Not a test: nothing here fails.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import BEISPIELE, messen

WRM = [sys.executable, "-m", "wrm_cli"]
ANZAHL = 940
MAX_KM = 50
SAATEN = (1, 2, 3, 4, 5)
PAARE = 7
# Niedersachsen's border, roughly (latitude, longitude), clockwise from the Dollart.
NIEDERSACHSEN = (
    (53.25, 7.20), (53.60, 7.10), (53.72, 7.80), (53.55, 8.10), (53.87, 8.70),
    (53.55, 9.55), (53.45, 9.95), (53.40, 10.60), (53.15, 11.05), (53.04, 11.60),
    (52.85, 11.55), (52.50, 11.00), (52.25, 11.05), (51.75, 10.60), (51.55, 10.65),
    (51.30, 9.95), (51.40, 9.60), (51.80, 9.35), (52.10, 9.10), (52.30, 8.95),
    (52.50, 8.50), (52.10, 8.30), (52.05, 8.00), (52.25, 7.50), (52.30, 7.00),
    (52.60, 6.70), (52.70, 7.05), (53.05, 7.20),
)  # fmt: skip
KOPF = (
    "kommune;stand;zuweisungen;ankuenfte;keine_anrechnung;moegliche_anrechnung;"
    "zu_erfuellen;untergebracht_gu;untergebracht_dezentral;verfuegbar_gu;"
    "verfuegbar_dezentral;in_aussicht_gu;in_aussicht_dezentral;einschaetzung"
)
STICHTAG = dt.date(2016, 3, 16)


def _innen(punkt: tuple[float, float]) -> bool:
    """Ray casting: is the point inside the polygon?"""
    breite, laenge = punkt
    innen = False
    for (b1, l1), (b2, l2) in zip(
        NIEDERSACHSEN, NIEDERSACHSEN[1:] + NIEDERSACHSEN[:1], strict=True
    ):
        if (l1 > laenge) != (l2 > laenge):
            schnitt = b1 + (laenge - l1) * (b2 - b1) / (l2 - l1)
            if breite < schnitt:
                innen = not innen
    return innen


def land(saat: int) -> list[dict[str, Any]]:
    """The invented Kommunen: name, coordinates and figures."""
    zufall = random.Random(saat)
    kommunen = []
    while len(kommunen) < ANZAHL:
        punkt = (zufall.uniform(51.29, 53.89), zufall.uniform(6.65, 11.6))
        if not _innen(punkt):
            continue
        plaetze = [zufall.randint(0, 100) for _ in range(4)]
        kommunen.append(
            {
                "name": f"Gemeinde {len(kommunen) + 1:03d}",
                "lage": punkt,
                "zu_erfuellen": zufall.randint(0, 300),
                "plaetze": plaetze,
                "kritisch": zufall.random() < 0.1,
            }
        )
    return kommunen


def zeilen(kommunen: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of the Auswertung, as the table computes them."""
    ergebnis = []
    for k in kommunen:
        gu, dezentral, aussicht_gu, aussicht_dezentral = k["plaetze"]
        summe = sum(k["plaetze"])
        ergebnis.append(
            {
                "kommune": k["name"],
                "zu_erfuellen": k["zu_erfuellen"],
                "verfuegbar_gu": gu,
                "verfuegbar_dezentral": dezentral,
                "in_aussicht_gu": aussicht_gu,
                "in_aussicht_dezentral": aussicht_dezentral,
                "summe": summe,
                "fehlender_wohnraum": k["zu_erfuellen"] - summe,
                "einschaetzung": "kritisch" if k["kritisch"] else "ausreichend",
            }
        )
    return ergebnis


def dateien(ordner: Path, kommunen: list[dict[str, Any]]) -> tuple[Path, Path]:
    """wrm.toml (the Kommunen with their coordinates) and the table of their Meldungen."""
    toml = ['[bezirk]\nname = "Land Niedersachsen (erfunden)"\n']
    tabelle = [KOPF]
    tag = STICHTAG.strftime("%d.%m.%Y")
    for k in kommunen:
        breite, laenge = k["lage"]
        toml.append(f'[[kommunen]]\nname = "{k["name"]}"\nbreite = {breite}\nlaenge = {laenge}\n')
        gu, dezentral, aussicht_gu, aussicht_dezentral = k["plaetze"]
        einschaetzung = "kritisch" if k["kritisch"] else "ausreichend"
        tabelle.append(
            f"{k['name']};{tag};{k['zu_erfuellen']};0;0;0;{k['zu_erfuellen']};0;0;"
            f"{gu};{dezentral};{aussicht_gu};{aussicht_dezentral};{einschaetzung}"
        )
    (ordner / "wrm.toml").write_text("\n".join(toml), encoding="utf-8")
    (ordner / "meldungen.csv").write_text("\n".join(tabelle) + "\n", encoding="utf-8")
    return ordner / "wrm.toml", ordner / "meldungen.csv"


def im_prozess() -> None:
    import ortools.graph.python.min_cost_flow  # noqa: F401  (loaded before the clock)

    from wrm_cli.auswertung.ausgleich import ausgleich_berechnen
    from wrm_cli.bezirk import Bezirk, Kommune
    from wrm_cli.konfig import Ausgleichseinstellungen

    einstellungen = Ausgleichseinstellungen(max_km=MAX_KM)
    print(f"Land: {ANZAHL} Kommunen, max_km = {MAX_KM}, Modell und Lösung im Prozess")
    zeiten = []
    for saat in SAATEN:
        kommunen = land(saat)
        bezirk = Bezirk(
            "Land",
            tuple(Kommune(k["name"], breite=k["lage"][0], laenge=k["lage"][1]) for k in kommunen),
        )
        reihen = zeilen(kommunen)
        start = time.perf_counter()
        ergebnis = ausgleich_berechnen(reihen, bezirk, einstellungen)
        zeiten.append(time.perf_counter() - start)
        summe = ergebnis.summe
        nehmer = sum(b.bedarf > 0 for b in ergebnis.kommunen)
        geber = sum(b.angebot > 0 for b in ergebnis.kommunen)
        print(
            f"  Saat {saat}: {zeiten[-1]:.2f} s – {nehmer} Kommunen mit Bedarf, {geber} mit "
            f"Angebot, {summe.bedarf} Personen Bedarf, {summe.gedeckt} gedeckt in "
            f"{len(ergebnis.vorschlaege)} Vorschlägen, {_de(summe.personen_km)} Personen-km"
        )
    print(f"  Median {statistics.median(zeiten):.2f} s, höchstens {max(zeiten):.2f} s")


def _paare(a: list[str], b: list[str], runden: int) -> None:
    zeiten_a, zeiten_b, verhaeltnisse = [], [], []
    for _ in range(runden):
        messung_a, messung_b = messen(a, 1), messen(b, 1)
        zeiten_a.append(messung_a.sekunden)
        zeiten_b.append(messung_b.sekunden)
        verhaeltnisse.append(messung_a.sekunden / messung_b.sekunden)
    unterschied = statistics.median(x - y for x, y in zip(zeiten_a, zeiten_b, strict=True))
    print(f"  A: {' '.join(a[2:])}\n     {statistics.median(zeiten_a):.2f} s")
    print(f"  B: {' '.join(b[2:])}\n     {statistics.median(zeiten_b):.2f} s")
    print(
        f"  A / B: {statistics.median(verhaeltnisse):.2f} × ({unterschied:+.2f} s), "
        f"Median von {runden} Paaren"
    )


def prozesse() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        toml, tabelle = dateien(Path(tmp), land(SAATEN[0]))
        gemeinsam = [str(tabelle), "--konfig", str(toml), "--stichtag", "16.03.2016", "-f", "json"]
        print(f"\nLand ({ANZAHL} Kommunen, Saat {SAATEN[0]}), ganzer Befehl:")
        _paare(
            [*WRM, "ausgleich", *gemeinsam, "--max-km", str(MAX_KM)],
            [*WRM, "auswerten", *gemeinsam],
            PAARE,
        )
    eingang = [str(BEISPIELE / "eingang"), "-f", "json"]
    print("\n21 Beispiele, ganzer Befehl:")
    _paare([*WRM, "ausgleich", *eingang], [*WRM, "auswerten", *eingang], PAARE)


def excel_anteil() -> None:
    """What the sheet "Ausgleich" costs the Excel report of ``wrm auswerten``."""
    from wrm_cli.ablauf import auswerten, mit_ausgleich
    from wrm_cli.konfig import konfig_laden

    einstellungen = konfig_laden(BEISPIELE / "wrm.toml")
    bericht = auswerten([BEISPIELE / "eingang"], einstellungen, STICHTAG)
    start = time.perf_counter()
    mit_ausgleich(bericht)
    erster = time.perf_counter() - start
    start = time.perf_counter()
    mit_ausgleich(bericht)
    zweiter = time.perf_counter() - start
    print(
        f"\nDer Vorschlag im Excel-Bericht der 21 Beispiele: {erster:.2f} s beim ersten Mal "
        f"(mit dem Laden von OR-Tools), danach {zweiter * 1000:.1f} ms"
    )


def _de(zahl: float) -> str:
    return f"{zahl:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")


if __name__ == "__main__":
    excel_anteil()  # first: it pays for loading OR-Tools
    im_prozess()
    prozesse()
