"""Writing report files: atomically, and never over an input."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from wrm_cli.fehler import AusgabeFehler


def pruefe_ziel(ziel: Path, eingaben: Iterable[Path]) -> None:
    """Refuse a target that is one of the input files."""
    for eingabe in eingaben:
        if eingabe.is_file() and ziel.exists() and ziel.resolve() == eingabe.resolve():
            raise AusgabeFehler(
                f"{ziel.name} ist eine Eingabedatei und wird nicht überschrieben – "
                "bitte einen anderen Namen für den Bericht wählen."
            )


def ordner_anlegen(ziel: Path) -> None:
    """Create the folder of a report file if it is missing (as ``wrm vorlage`` does)."""
    ordner = ziel.parent
    if ordner.is_dir():
        return
    try:
        ordner.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise AusgabeFehler(
            f"Der Ordner „{ordner}“ für {ziel.name} kann nicht angelegt werden: eine Datei "
            "hat denselben Namen – bitte einen anderen Ordner wählen."
        ) from None
    except PermissionError:
        raise AusgabeFehler(
            f"Der Ordner „{ordner}“ für {ziel.name} kann nicht angelegt werden: dort darf "
            "nicht geschrieben werden – bitte einen anderen Ordner wählen."
        ) from None
    except OSError as problem:
        raise AusgabeFehler(
            f"Der Ordner „{ordner}“ für {ziel.name} kann nicht angelegt werden "
            f"({problem.strerror})."
        ) from None


def _umask() -> int:
    maske = os.umask(0)
    os.umask(maske)
    return maske


def atomar_schreiben(ziel: Path, inhalt: bytes) -> None:
    """Write to a temporary file beside the target, then replace: never a half report."""
    ordner = ziel.parent if str(ziel.parent) else Path(".")
    if not ordner.is_dir():
        raise AusgabeFehler(f"Den Ordner „{ordner}“ gibt es nicht – bitte zuerst anlegen.")
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{ziel.name}.", suffix=".tmp", dir=ordner)
    except OSError as problem:
        raise AusgabeFehler(
            f"{ziel.name} kann nicht geschrieben werden: im Ordner „{ordner}“ darf nicht "
            f"geschrieben werden ({problem.strerror})."
        ) from None
    try:
        with os.fdopen(handle, "wb") as datei:
            datei.write(inhalt)
        # mkstemp creates the file for its owner only; the report is an ordinary file.
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, ziel)
    except PermissionError:
        raise AusgabeFehler(
            f"{ziel.name} kann nicht geschrieben werden – die Datei ist wohl noch in Excel "
            f"oder einem anderen Programm geöffnet: bitte {ziel.name} schließen und erneut "
            "ausführen."
        ) from None
    except OSError as problem:
        raise AusgabeFehler(
            f"{ziel.name} kann nicht geschrieben werden ({problem.strerror})."
        ) from None
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
