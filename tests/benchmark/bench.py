"""Benchmark: wrm against a straightforward pandas baseline and against the floor.

Aufruf im Projektordner (mit installiertem wrm, z. B. in .venv):

    .venv/bin/python tests/benchmark/bench.py            # 21, 400 und 11000 Dateien
    .venv/bin/python tests/benchmark/bench.py 21 400     # nur diese Anzahlen

For each N the script writes N filled templates (wrm's own template, figures of the
published 2016 table, Kommunen "Gemeinde 00001" …) and a wrm.toml naming them into a
temporary folder, then times, each in a fresh process:

- wrm:        ``wrm auswerten ORDNER`` (terminal table, output discarded)
- pruefen:    ``wrm pruefen ORDNER`` on the same files (the Kommunen's check, per file)
- Basislinie: a loop of ``pandas.read_excel(engine="openpyxl")``, picking the template's
              cells, ``pandas.concat``, the same pandera schema and evaluation table
- Untergrenze: Python start, the imports wrm cannot do without (pandas, pandera,
              python-calamine) and reading every sheet of every file with calamine,
              nothing else

It also times ``wrm --help`` against ``python -c "import pandas"``, and ``wrm pruefen``
on one file and ``wrm auswerten`` on beispiele/eingang/ next to the import of pandas and
pandera alone, which any command that validates must pay. Times are the median of
several runs (one run from 5000 files on), peak memory the largest resident memory of
the process together with its reading processes. Linux and macOS only (wait4 and
/proc). Not a test: nothing here fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

PROJEKT = Path(__file__).resolve().parents[2]
BEISPIELE = PROJEKT / "beispiele"
HIER = Path(__file__).resolve().parent
PLATZHALTER = "Gemeinde 99999"
STANDARD_ANZAHLEN = (21, 400, 11_000)
EINE_DATEI = BEISPIELE / "eingang" / "Meldung_Melle.xlsx"


@dataclass
class Messung:
    sekunden: float
    peak_mb: float


def _rss_kb(pid: int) -> int:
    """Resident memory of a process and all its children (Linux /proc), in KB."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        kinder = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0
    eigen = next((int(z.split()[1]) for z in status.splitlines() if z.startswith("VmRSS:")), 0)
    return eigen + sum(_rss_kb(int(kind)) for kind in kinder)


class _Speicherprobe(threading.Thread):
    """Samples a process tree's memory every 10 ms until stopped; keeps the largest sum."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.spitze_kb, self.fertig = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.fertig.wait(0.01):
            self.spitze_kb = max(self.spitze_kb, _rss_kb(self.pid))

    def beenden(self) -> int:
        self.fertig.set()
        self.join()
        return self.spitze_kb


def messen(befehl: list[str], wiederholungen: int) -> Messung:
    """Median wall time and peak memory of ``wiederholungen`` fresh processes.

    Peak memory is the largest sum over the process and its reading processes, sampled
    every 10 ms, or (without /proc) the largest single process as wait4 reports it."""
    zeiten, peaks = [], []
    for _ in range(wiederholungen):
        start = time.perf_counter()
        prozess = subprocess.Popen(befehl, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        probe = _Speicherprobe(prozess.pid)
        probe.start()
        fehlerausgabe = prozess.stderr.read().decode() if prozess.stderr else ""
        _, status, nutzung = os.wait4(prozess.pid, 0)
        zeiten.append(time.perf_counter() - start)
        summe_kb = probe.beenden()
        prozess.returncode = os.waitstatus_to_exitcode(status)
        if prozess.returncode != 0:  # the benchmark's inputs are clean: anything else is a bug
            aufruf = " ".join(befehl)
            raise SystemExit(f"{aufruf} → Rückgabewert {prozess.returncode}\n{fehlerausgabe}")
        # ru_maxrss: kilobytes on Linux, bytes on macOS.
        einzeln_kb = nutzung.ru_maxrss / (1024 if sys.platform == "darwin" else 1)
        peaks.append(max(summe_kb, einzeln_kb) / 1024)
    return Messung(statistics.median(zeiten), max(peaks))


def _vorlagen() -> list[tuple[list[zipfile.ZipInfo], list[bytes]]]:
    """The 21 published Meldungen as filled templates for PLATZHALTER, as zip members."""
    sys.path.insert(0, str(PROJEKT / "tests"))
    from beispiele_erzeugen import _eingetragen
    from hilfen import datei_lesen, vorlage_ausfuellen

    from wrm_cli.bezirk import Bezirk, Kommune
    from wrm_cli.felder import ALLE_SCHLUESSEL, KOMMUNE
    from wrm_cli.vorlage import vorlage_erstellen

    bezirk = Bezirk(
        "Benchmark", (Kommune(PLATZHALTER),), dt.date(2015, 12, 4), dt.date(2016, 7, 31)
    )
    vorlagen = []
    for meldung in datei_lesen(BEISPIELE / "uebersicht_2016.csv").meldungen:
        mappe = vorlage_erstellen(bezirk, PLATZHALTER)
        werte = {key: _eingetragen(key, meldung.roh(key)) for key in ALLE_SCHLUESSEL}
        del werte[KOMMUNE]
        vorlage_ausfuellen(mappe, {k: w for k, w in werte.items() if w is not None})
        puffer = io.BytesIO()
        mappe.save(puffer)
        with zipfile.ZipFile(puffer) as archiv:
            infos = archiv.infolist()
            vorlagen.append((infos, [archiv.read(info) for info in infos]))
    return vorlagen


def _toml(anzahl: int) -> str:
    zeilen = [
        "[bezirk]",
        'name = "Benchmark"',
        "stichtag = 2016-03-16",
        "[quote]",
        "beginn = 2015-12-04",
        "ende = 2016-07-31",
    ]
    for nr in range(1, anzahl + 1):
        zeilen += ["[[kommunen]]", f'name = "Gemeinde {nr:05d}"']
    return "\n".join(zeilen) + "\n"


def erzeugen(ordner: Path, anzahl: int) -> Path:
    """ordner/wrm.toml and ordner/eingang/ with ``anzahl`` filled templates."""
    toml = ordner / "wrm.toml"
    toml.write_text(_toml(anzahl), encoding="utf-8")
    vorlagen = _vorlagen()
    eingang = ordner / "eingang"
    eingang.mkdir()
    alt = PLATZHALTER.encode()
    for nr in range(1, anzahl + 1):
        name = f"Gemeinde {nr:05d}"
        infos, inhalte = vorlagen[nr % len(vorlagen)]
        with zipfile.ZipFile(eingang / f"Meldung_{name.replace(' ', '_')}.xlsx", "w") as archiv:
            for info, inhalt in zip(infos, inhalte, strict=True):
                archiv.writestr(info, inhalt.replace(alt, name.encode()), zipfile.ZIP_DEFLATED)
    return eingang


def _verhaeltnis(zaehler: float, nenner: float) -> str:
    return f"{zaehler / nenner:.1f}×"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("anzahlen", nargs="*", type=int, default=list(STANDARD_ANZAHLEN))
    parser.add_argument("--wiederholungen", type=int, default=5)
    args = parser.parse_args()
    python = sys.executable
    wrm = [python, "-m", "wrm_cli"]

    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} Kerne, {sys.platform}")
    print("\nEinzelne Aufrufe (Median, Sekunden):")
    einzeln = {
        "python -c 'import pandas'": [python, "-c", "import pandas"],
        # What every command that checks Meldungen must load: its floor.
        "python -c 'import pandas, pandera'": [python, "-c", "import pandas, pandera.pandas"],
        "wrm --help": [*wrm, "--help"],
        "wrm pruefen (eine Datei)": [*wrm, "pruefen", str(EINE_DATEI)],
        "wrm auswerten beispiele/eingang/": [*wrm, "auswerten", str(BEISPIELE / "eingang")],
    }
    ergebnisse = {name: messen(befehl, args.wiederholungen) for name, befehl in einzeln.items()}
    for name, messung in ergebnisse.items():
        print(f"  {name:<36} {messung.sekunden:6.2f} s  {messung.peak_mb:5.0f} MB")
    hilfe = ergebnisse["wrm --help"].sekunden / ergebnisse["python -c 'import pandas'"].sekunden
    print(f"  wrm --help / import pandas: {hilfe:.2f}")

    print("\nOrdner auswerten und prüfen (Median, Sekunden; Spitze des Arbeitsspeichers):")
    print(
        f"  {'Dateien':>7}  {'wrm':>14}  {'Basislinie':>14}  {'Untergrenze':>14}  "
        f"{'Basis/wrm':>9}  {'wrm/Unter':>9}  {'pruefen':>14}  {'pruefen/wrm':>11}"
    )
    for anzahl in args.anzahlen:
        with tempfile.TemporaryDirectory(prefix="wrm-bench-") as tmp:
            ordner = Path(tmp)
            eingang = erzeugen(ordner, anzahl)
            toml = str(ordner / "wrm.toml")
            runden = 1 if anzahl >= 5000 else args.wiederholungen
            eigen = messen([*wrm, "auswerten", str(eingang), "--konfig", toml], runden)
            # The Kommunen's command on the same folder: the same pipeline, split by file.
            pruefen = messen([*wrm, "pruefen", str(eingang), "--konfig", toml], runden)
            basis = messen([python, str(HIER / "basislinie.py"), str(eingang), toml], runden)
            unten = messen([python, str(HIER / "untergrenze.py"), str(eingang)], runden)
        print(
            f"  {anzahl:>7}  {eigen.sekunden:6.2f} s {eigen.peak_mb:4.0f} MB"
            f"  {basis.sekunden:6.2f} s {basis.peak_mb:4.0f} MB"
            f"  {unten.sekunden:6.2f} s {unten.peak_mb:4.0f} MB"
            f"  {_verhaeltnis(basis.sekunden, eigen.sekunden):>9}"
            f"  {_verhaeltnis(eigen.sekunden, unten.sekunden):>9}"
            f"  {pruefen.sekunden:6.2f} s {pruefen.peak_mb:4.0f} MB"
            f"  {_verhaeltnis(pruefen.sekunden, eigen.sekunden):>11}"
        )


if __name__ == "__main__":
    main()
