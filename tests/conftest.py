from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import subprocess
import sys
import traceback
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from wrm_cli.bezirk import Bezirk
from wrm_cli.konfig import Einstellungen, konfig_laden, standard_einstellungen

PROJEKT = Path(__file__).resolve().parents[1]
BEISPIELE = PROJEKT / "beispiele"
DATEN = Path(__file__).resolve().parent / "daten"
STICHTAG_2016 = dt.date(2016, 3, 16)

# What every run of the command line sees, in this process or in its own.
UMGEBUNG = {"COLUMNS": "200", "NO_COLOR": "1"}


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


@dataclass
class Lauf:
    """One run of the command line: the attributes of ``subprocess.CompletedProcess``."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str
    # Warnings the run raised; also written to the end of ``stderr``, as the interpreter would.
    warnungen: list[warnings.WarningMessage] = field(default_factory=list)


def wrm(*argumente: str | Path, cwd: Path | None = None, kodierung: str = "utf-8") -> Lauf:
    """Run the command line in this process, through the real entry point ``wrm_cli.cli.main``.

    As ``wrm_prozess`` would, only without starting an interpreter: arguments in
    ``sys.argv``, stdout and stderr separate and no terminal (``isatty()`` is false),
    COLUMNS=200 and NO_COLOR=1, ``cwd`` as the current folder, the exit code from
    ``sys.exit``, an uncaught exception as traceback on stderr with code 1, warnings
    on stderr. Environment, folder and streams are restored afterwards. ``kodierung``:
    the encoding of both streams (as PYTHONIOENCODING sets it).
    """
    from wrm_cli.cli import main

    args = [str(argument) for argument in argumente]
    ausgabe, fehlerausgabe = io.BytesIO(), io.BytesIO()
    # As PYTHONIOENCODING=utf-8 sets them: strict for stdout, backslashreplace for stderr.
    stdout = io.TextIOWrapper(ausgabe, encoding=kodierung, write_through=True)
    stderr = io.TextIOWrapper(
        fehlerausgabe, encoding=kodierung, errors="backslashreplace", write_through=True
    )
    with (
        _isoliert(["wrm", *args], cwd, stdout, stderr),
        warnings.catch_warnings(record=True) as warnungen,
    ):
        _warnungen_wie_der_interpreter()
        try:
            main()
            returncode = 0
        except SystemExit as ende:
            returncode = _exit_code(ende.code, stderr)
        except Exception:  # the interpreter prints it and exits with 1
            traceback.print_exc(file=stderr)
            returncode = 1
        finally:
            for warnung in warnungen:
                stderr.write(
                    warnings.formatwarning(
                        warnung.message,
                        warnung.category,
                        warnung.filename,
                        warnung.lineno,
                        warnung.line,
                    )
                )
            stdout.flush()
            stderr.flush()
    return Lauf(
        args,
        returncode,
        _universelle_zeilenenden(ausgabe.getvalue().decode(kodierung)),
        _universelle_zeilenenden(fehlerausgabe.getvalue().decode(kodierung)),
        list(warnungen),
    )


def wrm_prozess(
    *argumente: str | Path, cwd: Path | None = None, umgebung: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real command line as a user would, in a separate process (``python -m``).

    Only for what needs a process of its own: the entry point, exit codes end to end,
    the output encoding, signals, imports at start-up and reading processes (spawn)."""
    return subprocess.run(
        [sys.executable, "-m", "wrm_cli", *map(str, argumente)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=prozessumgebung(umgebung),
        check=False,
        timeout=120,
    )


def prozessumgebung(zusaetzlich: dict[str, str] | None = None) -> dict[str, str]:
    return {**os.environ, **UMGEBUNG, "PYTHONIOENCODING": "utf-8", **(zusaetzlich or {})}


def _exit_code(code: object, stderr: io.TextIOWrapper) -> int:
    """What the interpreter makes of ``sys.exit(code)``."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=stderr)
    return 1


def _warnungen_wie_der_interpreter() -> None:
    """The interpreter's default warning filters (pytest's own would hide them)."""
    warnings.resetwarnings()
    warnings.simplefilter("default")
    for kategorie in (DeprecationWarning, PendingDeprecationWarning, ImportWarning):
        warnings.simplefilter("ignore", kategorie)
    warnings.simplefilter("ignore", ResourceWarning)


def _universelle_zeilenenden(text: str) -> str:
    """As ``subprocess.run(text=True)`` reads the output."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@contextlib.contextmanager
def _isoliert(
    argv: list[str], cwd: Path | None, stdout: io.TextIOWrapper, stderr: io.TextIOWrapper
) -> Iterator[None]:
    alt_umgebung = {name: os.environ.get(name) for name in UMGEBUNG}
    alt_ordner = os.getcwd()
    alt_argv, alt_streams = sys.argv, (sys.stdin, sys.stdout, sys.stderr)
    try:
        os.environ.update(UMGEBUNG)
        if cwd is not None:
            os.chdir(cwd)
        sys.argv = argv
        sys.stdin = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
        sys.stdout, sys.stderr = stdout, stderr
        yield
    finally:
        sys.stdin, sys.stdout, sys.stderr = alt_streams
        sys.argv = alt_argv
        os.chdir(alt_ordner)
        for name, wert in alt_umgebung.items():
            if wert is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = wert
