"""The one guard of every command: stop problems become one German sentence on stderr
and their exit code; a traceback only with --debug (then above the same sentence)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import typer

from wrm_cli.fehler import WrmFehler

EXIT_OK, EXIT_DATENFEHLER, EXIT_NUTZUNG, EXIT_UNLESBAR = 0, 1, 2, 3
EXIT_ABGEBROCHEN = 130  # Ctrl-C, as shells report SIGINT


def fehler_melden(text: str, code: int) -> NoReturn:
    typer.echo(f"Fehler: {text}", err=True)
    raise typer.Exit(code)


@contextmanager
def geschuetzt(debug: bool) -> Iterator[None]:
    """Stop problems become one German sentence and their exit code; no traceback unless
    --debug asks for one (then above the sentence, with the same exit code)."""
    try:
        yield
    except (typer.Exit, SystemExit, BrokenPipeError):
        raise  # a closed pipe: main() ends the run quietly
    except KeyboardInterrupt:
        fehler_melden("Abgebrochen.", EXIT_ABGEBROCHEN)
    except WrmFehler as fehler:
        _technisch(debug)
        fehler_melden(str(fehler), fehler.exit_code)
    except Exception as fehler:
        _technisch(debug)
        fehler_melden(
            f"Unerwarteter Fehler ({type(fehler).__name__}). Bitte mit --debug erneut "
            "ausführen und die Ausgabe an die Task-Force senden.",
            EXIT_UNLESBAR,
        )


def _technisch(debug: bool) -> None:
    if debug:
        import traceback

        traceback.print_exc(file=sys.stderr)
