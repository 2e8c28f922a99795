"""Benchmark of the archive: ``wrm auswerten`` with five years of weekly runs in it, and
``wrm verlauf`` on them.

Aufruf im Projektordner (mit installiertem wrm, z. B. in .venv):

    .venv/bin/python tests/benchmark/archivbench.py          # alles, mit 5 Paaren
    .venv/bin/python tests/benchmark/archivbench.py --nur-erzeugen

The data is made once and kept in tests/benchmark/daten/ (not in git; delete the folder
to make it anew): the 11,000 files of bench.py with their wrm.toml, the synthetic archive
of archiv_erzeugen.py for those Kommunen (260 weekly runs up to 09.03.2016, about 2.9
million Meldungen, keyed by the archive's schema so that a new schema makes a new one),
and a small archive of the two illustrative weeks before the 21 examples (real runs on
beispiele/verlauf/kw09 and kw10).

Timed, each in a fresh process, in pairs (A B A B …, the ratio taken pair by pair, so a
machine that drifts moves both): ``wrm auswerten`` on the 11,000 files with a fresh copy
of the big archive – made and written to disk before the timed process starts, so the
copy is not in the figure; the run adds the week of 16.03.2016 – against the same run
``--ohne-archiv`` (after a copy as well, so that the copy's aftermath is in both); the
same for the 21 examples with a copy of the small archive. Then ``wrm verlauf`` on the
big archive: the district, one Kommune, and ``--meldungen``. Not a test: nothing here
fails.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER))

from archiv_erzeugen import erzeugen as archiv_erzeugen  # noqa: E402
from bench import BEISPIELE, PROJEKT, Messung, erzeugen, messen  # noqa: E402

DATEN = HIER / "daten"
ANZAHL = 11_000
WOCHEN = 260
KOMMUNE = "Gemeinde 05500"
WRM = [sys.executable, "-m", "wrm_cli"]


def _kennung(*dateien: Path, schema: bool = False) -> str:
    """A short hash of the sources the cached data depends on (``schema``: and of the
    archive's schema, its migration steps)."""
    from wrm_cli.archiv import schema as archiv

    digest = hashlib.sha256()
    for datei in dateien:
        digest.update(datei.read_bytes())
    if schema:
        digest.update(repr(sorted(archiv.SCHRITTE.items())).encode())
    return digest.hexdigest()[:10]


def dateien(anzahl: int = ANZAHL) -> tuple[Path, Path]:
    """(wrm.toml, eingang/) with ``anzahl`` filled templates, made once."""
    ordner = DATEN / f"dateien-{anzahl}-{_kennung(PROJEKT / 'wrm_cli' / 'vorlage.py')}"
    if not (ordner / "fertig").exists():
        shutil.rmtree(ordner, ignore_errors=True)
        ordner.mkdir(parents=True)
        start = time.perf_counter()
        erzeugen(ordner, anzahl)
        (ordner / "fertig").touch()
        print(f"{anzahl} Dateien erzeugt in {time.perf_counter() - start:.0f} s: {ordner}")
    return ordner / "wrm.toml", ordner / "eingang"


def grosses_archiv(toml: Path, wochen: int = WOCHEN) -> Path:
    """The synthetic archive for the Kommunen of ``toml``, made once per schema."""
    kennung = _kennung(HIER / "archiv_erzeugen.py", toml, schema=True)
    pfad = DATEN / f"archiv-{wochen}-wochen-{kennung}.sqlite"
    if not pfad.exists():
        teil = pfad.with_name(pfad.name + ".teil")
        teil.unlink(missing_ok=True)
        start = time.perf_counter()
        archiv_erzeugen(toml, teil, wochen)
        teil.rename(pfad)
        groesse = pfad.stat().st_size / 1e6
        print(f"Archiv erzeugt in {time.perf_counter() - start:.0f} s ({groesse:.0f} MB): {pfad}")
    return pfad


def kleines_archiv() -> Path:
    """The two illustrative weeks before the 21 examples, by real runs of wrm."""
    kennung = _kennung(schema=True)
    pfad = DATEN / f"beispiele-kw09-kw10-{kennung}.sqlite"
    if not pfad.exists():
        teil = pfad.with_name(pfad.name + ".teil")
        teil.unlink(missing_ok=True)
        toml = str(BEISPIELE / "wrm.toml")
        for woche, stichtag in (("kw09", "02.03.2016"), ("kw10", "09.03.2016")):
            eingang = str(BEISPIELE / "verlauf" / woche)
            befehl = [*WRM, "auswerten", eingang, "--stichtag", stichtag, "--konfig", toml]
            befehl += ["--archiv", str(teil)]
            subprocess.run(befehl, check=True, stdout=subprocess.DEVNULL)
        teil.rename(pfad)
    return pfad


def _kopieren(quelle: Path, ziel: Path) -> None:
    """A copy on disk, not only in the page cache: else the run's commit (fsync) would
    write out the whole copy and the figure would be the copy's."""
    shutil.copyfile(quelle, ziel)
    with open(ziel, "rb+") as datei:
        os.fsync(datei.fileno())


@dataclass
class Paar:
    a: Messung
    b: Messung
    verhaeltnis: float  # median of A/B, pair by pair
    unterschied: float  # median of A − B, pair by pair, seconds


def paare(a: list[str], b: list[str], runden: int, archiv: Path | None = None) -> Paar:
    """A and B in turn, ``runden`` times each. ``archiv``: A gets a fresh copy of it
    (at ``kopie.sqlite`` next to it) before each run, outside the time; B too (unused),
    so that what copying leaves behind (the disk still writing) weighs on both alike."""
    zeiten_a, zeiten_b, peaks_a, peaks_b = [], [], [], []
    for _ in range(runden):
        messungen = []
        for befehl in (a, b):
            if archiv is not None:
                kopie = archiv.with_name("kopie.sqlite")
                kopie.unlink(missing_ok=True)
                _kopieren(archiv, kopie)
            messungen.append(messen(befehl, 1))
        messung_a, messung_b = messungen
        zeiten_a.append(messung_a.sekunden)
        zeiten_b.append(messung_b.sekunden)
        peaks_a.append(messung_a.peak_mb)
        peaks_b.append(messung_b.peak_mb)
    return Paar(
        Messung(statistics.median(zeiten_a), max(peaks_a)),
        Messung(statistics.median(zeiten_b), max(peaks_b)),
        statistics.median(x / y for x, y in zip(zeiten_a, zeiten_b, strict=True)),
        statistics.median(x - y for x, y in zip(zeiten_a, zeiten_b, strict=True)),
    )


def _zeit(messung: Messung) -> str:
    return f"{messung.sekunden:6.2f} s {messung.peak_mb:4.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paare", type=int, default=5, help="Paare je Vergleich")
    parser.add_argument("--wiederholungen", type=int, default=5, help="Läufe je verlauf")
    parser.add_argument("--nur-erzeugen", action="store_true", help="nur die Daten anlegen")
    parser.add_argument(
        "--nur", choices=("dateien", "beispiele", "verlauf"), help="nur diesen Teil messen"
    )
    args = parser.parse_args()

    toml, eingang = dateien()
    gross, klein = grosses_archiv(toml), kleines_archiv()
    if args.nur_erzeugen:
        return
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} Kerne, {sys.platform}")
    start = time.perf_counter()
    _kopieren(gross, gross.with_name("kopie.sqlite"))
    kopieren = time.perf_counter() - start
    print(
        f"Archiv: {gross.stat().st_size / 1e6:.0f} MB, kopieren {kopieren:.1f} s (nicht gemessen)"
    )

    print("\nwrm auswerten mit Archiv (A) gegen --ohne-archiv (B), Median je Paar:")
    for teil, name, befehl, archiv, runden in (
        ("dateien", f"{ANZAHL} Dateien", [str(eingang), "--konfig", str(toml)], gross, args.paare),
        ("beispiele", "21 Beispiele", [str(BEISPIELE / "eingang")], klein, 2 * args.paare),
    ):
        if args.nur not in (None, teil):
            continue
        kopie = str(archiv.with_name("kopie.sqlite"))
        paar = paare(
            [*WRM, "auswerten", *befehl, "--archiv", kopie],
            [*WRM, "auswerten", *befehl, "--ohne-archiv"],
            runden,
            archiv,
        )
        print(
            f"  {name:<14} A {_zeit(paar.a)}  B {_zeit(paar.b)}  A/B {paar.verhaeltnis:.2f}  "
            f"A − B {paar.unterschied:+.2f} s  ({runden} Paare)"
        )

    if args.nur not in (None, "verlauf"):
        return
    print(f"\nwrm verlauf auf dem Archiv ({WOCHEN} Stichtage, {ANZAHL} Kommunen), Median:")
    verlauf = [*WRM, "verlauf", "--archiv", str(gross), "--konfig", str(toml)]
    for name, zusatz, runden in (
        ("Bezirk", [], args.wiederholungen),
        (f"--kommune „{KOMMUNE}“", ["--kommune", KOMMUNE], args.wiederholungen),
        ("--meldungen", ["--meldungen"], max(1, args.wiederholungen // 2)),
    ):
        print(f"  {name:<26} {_zeit(messen([*verlauf, *zusatz], runden))}  ({runden} Läufe)")
    gross.with_name("kopie.sqlite").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
