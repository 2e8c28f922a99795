"""Many files read at once: for a large folder, one reading process per processor core.

Reading a template is pure CPU (unzip, scan, calamine, a little Python) and takes about
a millisecond; a Land's 11,000 files would keep one core busy for seconds while the
others idle. Below ``PARALLEL_AB`` files starting the processes would cost more than it
saves, so small folders – the weekly district run – are read in this process.

The results come back in the order of the files, whatever process was faster, so a
report never depends on timing. ``WRM_PROZESSE`` (a number) overrides the choice; 1
reads everything in this process.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from wrm_cli.fehler import EingabeFehler, KonfigFehler, WrmFehler
from wrm_cli.konfig import Grenzen
from wrm_cli.lesen.datei import inhalt_lesen
from wrm_cli.lesen.meldung import Gelesen

PARALLEL_AB = 200
# More processes than this gain little and cost about 40 MB each.
HOECHSTENS = 4
UMGEBUNGSVARIABLE = "WRM_PROZESSE"

# What reading a file gave: its Meldungen and Befunde, or why it cannot be read.
Ergebnis = Gelesen | str
Fortschritt = Callable[[int, int], None]


def lesen(pfad: Path, grenzen: Grenzen) -> Ergebnis:
    """One file; the reason without the file name if it cannot be read at all."""
    try:
        return inhalt_lesen(pfad, grenzen)
    except EingabeFehler as problem:
        return str(problem)


def prozesse(anzahl: int) -> int:
    """How many processes read ``anzahl`` files: WRM_PROZESSE, else one per core."""
    vorgabe = os.environ.get(UMGEBUNGSVARIABLE, "").strip()
    if vorgabe:
        if not vorgabe.isdigit() or int(vorgabe) < 1:
            raise KonfigFehler(
                f"{UMGEBUNGSVARIABLE}={vorgabe} ist keine Anzahl – erwartet wird z. B. 1 oder 4."
            )
        return int(vorgabe)
    if anzahl < PARALLEL_AB:
        return 1
    kerne = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(kerne or 1, HOECHSTENS))


def alle_lesen(
    dateien: Sequence[Path], grenzen: Grenzen, fortschritt: Fortschritt | None = None
) -> Iterator[tuple[Path, Ergebnis]]:
    """Every file's result, in the order given; ``fortschritt(done, total)`` after each."""
    anzahl = prozesse(len(dateien))
    ergebnisse = (
        _parallel(dateien, grenzen, anzahl)
        if anzahl > 1
        else (lesen(pfad, grenzen) for pfad in dateien)
    )
    for nr, (pfad, ergebnis) in enumerate(zip(dateien, ergebnisse, strict=True), start=1):
        if isinstance(ergebnis, Gelesen) and ergebnis.datei is not pfad:
            # From another process: one path object per file again, as if read here.
            ergebnis.datei = pfad
            for meldung in ergebnis.meldungen:
                meldung.datei = pfad
        yield pfad, ergebnis
        if fortschritt is not None:
            fortschritt(nr, len(dateien))


def _parallel(
    dateien: Sequence[Path],
    grenzen: Grenzen,
    anzahl: int,
    leser: Callable[[Path, Grenzen], Ergebnis] = lesen,  # another only in tests
) -> Iterator[Ergebnis]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # "spawn" everywhere, as Windows must: a fresh interpreter that imports only the
    # readers, instead of a fork of this process with pandas and its threads.
    kontext = multiprocessing.get_context("spawn")
    # Work in parcels, so that a process fetches a few dozen files per round trip.
    paket = max(1, min(64, len(dateien) // (anzahl * 8)))
    try:
        with ProcessPoolExecutor(anzahl, mp_context=kontext) as pool:
            yield from pool.map(leser, dateien, itertools.repeat(grenzen), chunksize=paket)
    except BrokenProcessPool:
        raise WrmFehler(
            "Ein Leseprozess wurde unerwartet beendet (z. B. zu wenig Arbeitsspeicher). Bitte "
            f"erneut ausführen; tritt der Fehler wieder auf, mit {UMGEBUNGSVARIABLE}=1 "
            "(alle Dateien in einem Prozess) ausführen und die Ausgabe an die Task-Force senden."
        ) from None
