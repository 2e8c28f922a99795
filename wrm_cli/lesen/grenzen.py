"""Limits that keep one hostile or damaged file from taking down a run.

Every limit is checked before a library parses the file: python-calamine aborts the
whole process (an uncatchable allocation failure) on a sheet with a value in a
far-away cell such as XFD1048576, and a small zip can unpack to gigabytes. The
defaults accept every honest template or table by a wide margin; a district can
change them in ``wrm.toml`` under ``[grenzen]`` (konfig.Grenzen).
"""

from __future__ import annotations

import zipfile

from wrm_cli.fehler import EingabeFehler
from wrm_cli.konfig import Grenzen
from wrm_cli.lesen.meldung import adresse
from wrm_cli.werte import zahl_de

_MB = 1024 * 1024
# Small members (styles, settings) may compress extremely well without being a bomb.
_KOMPRESSION_AB = _MB
# The largest grid of Excel and LibreOffice (XFD1048576).
_ZEILEN_HOECHSTENS = 1_048_576
_SPALTEN_HOECHSTENS = 16_384


def dateigroesse_pruefen(groesse: int, grenzen: Grenzen) -> None:
    if groesse > grenzen.dateigroesse_mb * _MB:
        raise EingabeFehler(
            f"Die Datei ist {_mb(groesse)} groß, mehr als die Grenze von "
            f"{grenzen.dateigroesse_mb} MB für eine Meldung – bitte nur die Meldung senden "
            "(keine Bilder oder weiteren Tabellen) oder die Grenze in wrm.toml "
            "([grenzen] dateigroesse_mb) anheben."
        )


def archiv_pruefen(archiv: zipfile.ZipFile, grenzen: Grenzen) -> None:
    """Refuse a zip bomb by the sizes the archive declares, before anything is unpacked.

    Python's zipfile never unpacks more than a member declares, so a lying header only
    makes the later read fail as a damaged file.
    """
    entpackt = 0
    for eintrag in archiv.infolist():
        entpackt += eintrag.file_size
        verhaeltnis = eintrag.file_size / max(eintrag.compress_size, 1)
        if eintrag.file_size > _KOMPRESSION_AB and verhaeltnis > grenzen.kompression:
            raise EingabeFehler(
                f"Der Inhalt „{eintrag.filename}“ ist {verhaeltnis:.0f}-fach "
                f"gepackt (Grenze {grenzen.kompression}) – so packt kein Tabellenprogramm; "
                "die Datei wird aus Sicherheitsgründen nicht gelesen. Bitte in Excel oder "
                "LibreOffice öffnen, als .xlsx speichern und erneut senden."
            )
    if entpackt > grenzen.entpackt_mb * _MB:
        raise EingabeFehler(
            f"Die Datei entpackt sich auf {_mb(entpackt)}, mehr als die Grenze von "
            f"{grenzen.entpackt_mb} MB – bitte nur die Meldung senden oder die Grenze in "
            "wrm.toml ([grenzen] entpackt_mb) anheben."
        )


def bereich_pruefen(blatt: str, zeilen: int, spalten: int, grenzen: Grenzen) -> None:
    """Rows and columns up to the last used cell (1-based counts) of one sheet."""
    if zeilen > _ZEILEN_HOECHSTENS or spalten > _SPALTEN_HOECHSTENS:
        # Beyond every program's grid (a hostile repeat count): the address means nothing.
        raise EingabeFehler(
            f"Das Blatt „{blatt}“ ist viel zu groß (über {zahl_de(grenzen.zellen)} Zellen) – "
            "so weit reicht kein Tabellenprogramm; die Datei ist beschädigt oder absichtlich "
            "so gebaut und wird nicht gelesen. Bitte die Meldung in Excel oder LibreOffice "
            "öffnen, als .xlsx speichern und erneut senden."
        )
    if zeilen * spalten > grenzen.zellen:
        letzte = adresse(zeilen - 1, spalten - 1)
        raise EingabeFehler(
            f"Im Blatt „{blatt}“ steht noch etwas in Zelle {letzte}, weit außerhalb "
            f"jeder Meldung ({zahl_de(zeilen * spalten)} Zellen, Grenze "
            f"{zahl_de(grenzen.zellen)}). Bitte die Datei öffnen, mit Strg+Ende zur letzten "
            "Zelle springen, die Inhalte außerhalb der Meldung löschen, speichern und erneut "
            "senden."
        )


def _mb(groesse: int) -> str:
    return f"{groesse / _MB:.1f} MB".replace(".", ",")
