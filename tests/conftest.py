from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wrm_cli.bezirk import Bezirk
from wrm_cli.konfig import Einstellungen, konfig_laden, standard_einstellungen

PROJEKT = Path(__file__).resolve().parents[1]
BEISPIELE = PROJEKT / "beispiele"
DATEN = Path(__file__).resolve().parent / "daten"
STICHTAG_2016 = dt.date(2016, 3, 16)


@pytest.fixture
def einstellungen() -> Einstellungen:
    return standard_einstellungen()


@pytest.fixture
def bezirk(einstellungen: Einstellungen) -> Bezirk:
    return einstellungen.bezirk


@pytest.fixture
def einstellungen_2016() -> Einstellungen:
    """The settings of the bundled example (quota period, Stichtag)."""
    return konfig_laden(BEISPIELE / "wrm.toml")


@pytest.fixture
def bezirk_2016(einstellungen_2016: Einstellungen) -> Bezirk:
    return einstellungen_2016.bezirk


def wrm(*argumente: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command line as a user would, in a separate process."""
    umgebung = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "wrm_cli", *map(str, argumente)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=umgebung,
        check=False,
        timeout=120,
    )
