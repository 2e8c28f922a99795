"""Reading many files: in several processes the same result as in one, and a progress bar
only where someone watches."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import BEISPIELE, PROJEKT, wrm, wrm_prozess
from rich.console import Console

from wrm_cli.cli.ansicht import Fortschrittsanzeige
from wrm_cli.fehler import KonfigFehler, WrmFehler
from wrm_cli.konfig import Grenzen
from wrm_cli.lesen.meldung import Gelesen
from wrm_cli.lesen.parallel import (
    HOECHSTENS,
    PARALLEL_AB,
    UMGEBUNGSVARIABLE,
    _parallel,
    alle_lesen,
    prozesse,
)

KORPUS = PROJEKT / "tests" / "korpus" / "dateien"
# Four that cannot be read and one with an error in a cell.
SCHWIERIGE = ("kennwort.xlsx", "zipbombe.xlsx", "fern.xlsx", "muell.xlsx", "zahl_mehrdeutig.xlsx")


def _gemischter_ordner(ziel: Path) -> Path:
    """The 21 examples, each twice, and files that cannot be read or hold errors."""
    ziel.mkdir()
    for datei in sorted((BEISPIELE / "eingang").glob("*.xlsx")):
        shutil.copy(datei, ziel / datei.name)
        shutil.copy(datei, ziel / f"{datei.stem}_Kopie.xlsx")
    for name in SCHWIERIGE:
        shutil.copy(KORPUS / name, ziel / name)
    shutil.copy(BEISPIELE / "wrm.toml", ziel / "wrm.toml")
    return ziel


def test_mehrere_prozesse_ergeben_denselben_bericht(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ordner = _gemischter_ordner(tmp_path / "eingang")
    monkeypatch.setenv(UMGEBUNGSVARIABLE, "1")
    seriell = wrm("auswerten", ordner, "--format", "json")
    # Reading processes are started by "spawn" from the entry point: in a process of its own.
    monkeypatch.setenv(UMGEBUNGSVARIABLE, "2")
    parallel = wrm_prozess("auswerten", ordner, "--format", "json")
    assert seriell.returncode == parallel.returncode == 1, parallel.stderr
    assert parallel.stdout == seriell.stdout
    dateien = json.loads(parallel.stdout)["dateien"]
    assert len(dateien) == 47
    assert {d["status"] for d in dateien} >= {"verwendet", "ersetzt", "unlesbar", "fehlerhaft"}


def test_reihenfolge_wie_gegeben_auch_parallel(tmp_path: Path) -> None:
    ordner = _gemischter_ordner(tmp_path / "eingang")
    dateien = sorted(p for p in ordner.iterdir() if p.suffix == ".xlsx")
    ergebnisse = list(_parallel(dateien, Grenzen(), 2))
    assert len(ergebnisse) == len(dateien)
    for pfad, ergebnis in zip(dateien, ergebnisse, strict=True):
        if isinstance(ergebnis, Gelesen):
            assert ergebnis.datei == pfad
        else:  # the reason only; the report names the file
            assert pfad.name not in ergebnis
    assert sum(isinstance(e, str) for e in ergebnisse) == 4  # kennwort, zipbombe, fern, muell


def _absturz(pfad: Path, grenzen: Grenzen) -> Gelesen:
    os._exit(1)  # as if the operating system had stopped the process (memory exhausted)


def test_abgestuerzter_leseprozess_wird_erklaert(tmp_path: Path) -> None:
    ordner = _gemischter_ordner(tmp_path / "eingang")
    dateien = sorted(ordner.glob("*.xlsx"))
    with pytest.raises(WrmFehler, match=f"Leseprozess.*{UMGEBUNGSVARIABLE}=1"):
        list(_parallel(dateien, Grenzen(), 2, _absturz))


def test_anzahl_der_prozesse(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(UMGEBUNGSVARIABLE, raising=False)
    assert prozesse(21) == 1  # the weekly district run: no processes to start
    assert 1 <= prozesse(PARALLEL_AB) <= HOECHSTENS
    kerne = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert prozesse(11_000) == min(HOECHSTENS, kerne or 1)
    monkeypatch.setenv(UMGEBUNGSVARIABLE, "3")
    assert prozesse(5) == 3
    for falsch in ("0", "viele", "-2"):
        monkeypatch.setenv(UMGEBUNGSVARIABLE, falsch)
        with pytest.raises(KonfigFehler, match=f"{UMGEBUNGSVARIABLE}={falsch} ist keine Anzahl"):
            prozesse(5)


def test_falsche_prozessanzahl_auf_deutsch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(UMGEBUNGSVARIABLE, "viele")
    ergebnis = wrm("auswerten", BEISPIELE / "eingang")
    assert ergebnis.returncode == 2
    assert ergebnis.stderr == (
        f"Fehler: {UMGEBUNGSVARIABLE}=viele ist keine Anzahl – erwartet wird z. B. 1 oder 4.\n"
    )


def test_fortschritt_meldet_jede_datei(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(UMGEBUNGSVARIABLE, "1")
    dateien = sorted((BEISPIELE / "eingang").glob("*.xlsx"))
    gemeldet: list[tuple[int, int]] = []
    gelesen = list(alle_lesen(dateien, Grenzen(), lambda *stand: gemeldet.append(stand)))
    assert [pfad for pfad, _ in gelesen] == dateien
    assert gemeldet == [(nr, 21) for nr in range(1, 22)]


def _anzeige(ab: int, terminal: bool) -> tuple[Fortschrittsanzeige, io.StringIO]:
    ausgabe = io.StringIO()
    konsole = Console(file=ausgabe, force_terminal=terminal, width=100)
    return Fortschrittsanzeige(ab=ab, konsole=konsole), ausgabe


def test_fortschrittsbalken_im_terminal() -> None:
    anzeige, ausgabe = _anzeige(ab=50, terminal=True)
    with anzeige:
        for nr in range(1, 61):
            anzeige(nr, 60)
    assert "Dateien lesen" in ausgabe.getvalue()
    assert "60/60" in ausgabe.getvalue()


def test_kein_fortschrittsbalken_fuer_wenige_dateien_oder_ohne_terminal() -> None:
    for ab, terminal in ((50, True), (10, False)):
        anzeige, ausgabe = _anzeige(ab=ab, terminal=terminal)
        with anzeige:
            for nr in range(1, 22):
                anzeige(nr, 21)
        assert ausgabe.getvalue() == ""


def test_ordner_mit_vielen_dateien_ohne_terminal_bleibt_stderr_leer(tmp_path: Path) -> None:
    ordner = _gemischter_ordner(tmp_path / "eingang")
    for datei in sorted((BEISPIELE / "eingang").glob("*.xlsx"))[:10]:
        shutil.copy(datei, ordner / f"{datei.stem}_dritte.xlsx")
    ergebnis = wrm("auswerten", ordner, "--format", "json")
    assert ergebnis.returncode == 1
    assert len(json.loads(ergebnis.stdout)["dateien"]) == 57
    assert ergebnis.stderr == ""
