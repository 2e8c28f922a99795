"""Inputs (files and folders) → the files that count, and those ignored with a reason."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from wrm_cli.einlesen import CSV_ENDUNGEN, TABELLEN_ENDUNGEN
from wrm_cli.fehler import EingabeFehler

# Left behind by office suites and operating systems; never a Meldung.
_SYSTEMDATEIEN = {".ds_store", "thumbs.db", "desktop.ini", "wrm.toml"}


@dataclass
class Eingang:
    dateien: list[Path] = field(default_factory=list)
    ignoriert: list[tuple[Path, str]] = field(default_factory=list)


def ignoriergrund(pfad: Path) -> str | None:
    """Why a file in an input folder is not read; "" to skip it without comment."""
    name = unicodedata.normalize("NFC", pfad.name)
    if name.startswith("~$") or name.startswith(".~lock."):
        return "Datei ist gerade in Excel oder LibreOffice geöffnet (Sperrdatei) – wird übergangen."
    if name.startswith(".") or name.casefold() in _SYSTEMDATEIEN:
        return ""
    if pfad.suffix.lower() not in (*TABELLEN_ENDUNGEN, *CSV_ENDUNGEN):
        return "keine Tabelle (.xlsx, .xls, .ods oder .csv) – wird übergangen."
    return None


def sammeln(eingaben: Sequence[Path]) -> Eingang:
    """Files named explicitly are always read; folders contribute their spreadsheets."""
    eingang = Eingang()
    for eingabe in eingaben:
        if eingabe.is_dir():
            for pfad in sorted(eingabe.iterdir()):
                if pfad.is_dir():
                    continue
                grund = ignoriergrund(pfad)
                if grund is None:
                    eingang.dateien.append(pfad)
                elif grund:
                    eingang.ignoriert.append((pfad, grund))
        elif eingabe.is_file():
            eingang.dateien.append(eingabe)
        else:
            raise EingabeFehler(
                f"„{eingabe}“ gibt es nicht – bitte Datei- oder Ordnernamen prüfen."
            )
    # The same file named twice (directly and through its folder) is read once.
    eindeutig = {pfad.resolve(): pfad for pfad in eingang.dateien}
    eingang.dateien = list(eindeutig.values())
    return eingang
