"""Inputs (files and folders) → the files that count, and those passed over with a reason.

An input folder is where e-mail attachments are saved: next to the Meldungen lie lock
files of open workbooks, files the operating system leaves behind, documents that are
no spreadsheet, and subfolders (read only with ``--rekursiv``).
"""

from __future__ import annotations

import glob
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

# Left behind by office suites and operating systems; never a Meldung.
_SYSTEMDATEIEN = {".ds_store", "thumbs.db", "desktop.ini", "wrm.toml"}
_SYSTEMORDNER = {"__macosx", "$recycle.bin", "system volume information"}
# Files named so are read from a folder; anything else is listed as not a spreadsheet.
# Files without an extension (some mail programs drop it) are read and sniffed.
TABELLEN_ENDUNGEN = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", "")
SPERRDATEI = "Datei ist gerade in Excel oder LibreOffice geöffnet (Sperrdatei) – wird übergangen."
NICHT_DA = "Diese Datei oder diesen Ordner gibt es nicht – bitte den Namen prüfen."
KEIN_TREFFER = "Keine Datei und kein Ordner passt zu diesem Muster – bitte den Namen prüfen."
# Wildcards as a shell expands them; Windows' cmd and PowerShell pass them on unexpanded.
_MUSTER = re.compile(r"[*?\[]")


@dataclass
class Eingang:
    dateien: list[Path] = field(default_factory=list)
    ignoriert: list[tuple[Path, str]] = field(default_factory=list)
    # Inputs named on the command line that do not exist.
    fehlend: list[Path] = field(default_factory=list)
    # Those of them that are a pattern no file matches.
    ohne_treffer: set[Path] = field(default_factory=set)

    def fehlgrund(self, pfad: Path) -> str:
        return KEIN_TREFFER if pfad in self.ohne_treffer else NICHT_DA

    def namen(self) -> dict[Path, str]:
        """How messages name each path whose bare name is not unique in the run: its
        path from the folder all inputs share ("kw10/Meldung_Artland.xlsx"). Every
        other path is named by its bare name."""
        alle = [*self.dateien, *self.fehlend, *(pfad for pfad, _ in self.ignoriert)]
        anzahl = Counter(_vergleichsname(pfad) for pfad in alle)
        doppelt = [pfad for pfad in alle if anzahl[_vergleichsname(pfad)] > 1]
        if not doppelt:
            return {}
        absolut = {pfad: os.path.abspath(pfad) for pfad in alle}
        try:
            gemeinsam = os.path.commonpath([os.path.dirname(a) for a in absolut.values()])
        except ValueError:  # on different drives: no folder in common
            return {pfad: absolut[pfad] for pfad in doppelt}
        return {pfad: os.path.relpath(absolut[pfad], gemeinsam) for pfad in doppelt}


def _vergleichsname(pfad: Path) -> str:
    # "Fürstenau" typed on a Mac and on Windows look the same on screen.
    return unicodedata.normalize("NFC", pfad.name)


def ignoriergrund(pfad: Path) -> str | None:
    """Why a file in an input folder is not read; "" to skip it without comment."""
    name = unicodedata.normalize("NFC", pfad.name)
    if name.startswith("~$") or name.startswith(".~lock."):
        return SPERRDATEI
    if name.startswith(".") or name.casefold() in _SYSTEMDATEIEN:
        return ""
    if pfad.suffix.lower() not in TABELLEN_ENDUNGEN:
        return "keine Tabelle (.xlsx, .xls, .ods oder .csv) – wird übergangen."
    return None


def sammeln(eingaben: Sequence[Path], rekursiv: bool = False) -> Eingang:
    """Files named explicitly are always read; folders contribute their spreadsheets."""
    eingang = Eingang()
    # Each file under its real path, so that the same file named twice (directly and
    # through its folder, or through a link) is read once.
    echte: dict[Path, Path] = {}
    besucht: set[Path] = set()
    for eingabe in eingaben:
        if eingabe.is_dir():
            _ordner(eingabe, rekursiv, eingang, echte, besucht)
        elif eingabe.is_file():
            echte.setdefault(eingabe.resolve(), eingabe)
        elif _MUSTER.search(str(eingabe)):
            _muster(eingabe, rekursiv, eingang, echte, besucht)
        else:
            eingang.fehlend.append(eingabe)
    eingang.dateien = list(echte.values())
    return eingang


def _muster(
    muster: Path, rekursiv: bool, eingang: Eingang, echte: dict[Path, Path], besucht: set[Path]
) -> None:
    """A pattern that is no file itself ("eingang/Meldung_Bad*.xlsx"): its matches count
    as the entries of a folder (lock files passed over); no match is a missing input."""
    treffer = sorted(glob.glob(str(muster)), key=lambda name: unicodedata.normalize("NFC", name))
    if not treffer:
        eingang.fehlend.append(muster)
        eingang.ohne_treffer.add(muster)
    for name in treffer:
        pfad = Path(name)
        if pfad.is_dir():
            _ordner(pfad, rekursiv, eingang, echte, besucht)
        elif (grund := ignoriergrund(pfad)) is None:
            echte.setdefault(pfad.resolve(), pfad)
        elif grund:
            eingang.ignoriert.append((pfad, grund))


def _ordner(
    ordner: Path, rekursiv: bool, eingang: Eingang, echte: dict[Path, Path], besucht: set[Path]
) -> None:
    echt = ordner.resolve()
    if echt in besucht:  # a link back to a folder already read
        return
    besucht.add(echt)
    try:
        # scandir knows from the folder listing what is a folder: no look at each file.
        with os.scandir(ordner) as auflistung:
            eintraege = sorted(auflistung, key=lambda e: unicodedata.normalize("NFC", e.name))
    except OSError as problem:
        eingang.ignoriert.append((ordner, f"Ordner nicht lesbar ({problem.strerror})."))
        return
    for eintrag in eintraege:
        pfad = ordner / eintrag.name
        if _ist_ordner(eintrag):
            name = unicodedata.normalize("NFC", eintrag.name)
            if name.startswith(".") or name.casefold() in _SYSTEMORDNER:
                continue
            if rekursiv:
                _ordner(pfad, rekursiv, eingang, echte, besucht)
            else:
                eingang.ignoriert.append(
                    (pfad, "Unterordner – wird nur mit --rekursiv mit durchsucht.")
                )
            continue
        grund = ignoriergrund(pfad)
        if grund is None:
            echte.setdefault(pfad.resolve() if eintrag.is_symlink() else echt / eintrag.name, pfad)
        elif grund:
            eingang.ignoriert.append((pfad, grund))


def _ist_ordner(eintrag: os.DirEntry[str]) -> bool:
    try:
        return eintrag.is_dir()
    except OSError:  # a link to nowhere, say: not a folder
        return False
