"""Erzeugt die Korpus-Dateien, die nur ein echtes LibreOffice schreiben kann.

Einmalig von Hand ausgeführt, mit dem System-Python und ``python3-uno`` (wie
tests/daten/vorlagen_libreoffice.py, dessen Hilfsfunktionen hier benutzt werden):

    /usr/bin/python3 tests/korpus/libreoffice.py

Grundlage ist beispiele/eingang/Meldung_Glandorf.xlsx (nur gelesen, es wird mit einer
Kopie gearbeitet). Erzeugt in tests/korpus/dateien/:

* ``kennwort_lo.{xls,ods}``: mit dem Kennwort „geheim“ verschlüsselt gespeichert. (Eine
  verschlüsselte .xlsx schreibt LibreOffice über UNO nicht; die erzeugt erzeugen.py.)
* ``fern_lo.{ods,xls}``: ein vergessener Wert in der letzten Zelle des Blatts
  „Erläuterungen“ (ods: AMJ1048576, xls: IV65536, die letzte Zelle des Formats).
* ``fehlerzellen_lo.{xlsx,xls,ods}``: ``verfuegbar_gu`` (C19) ``=1/0`` (#DIV/0!) und
  ``ankuenfte`` (C13) ``=C5+1`` (#WERT!, Text plus Zahl), von LibreOffice berechnet.
* ``verbunden_lo.{xlsx,xls,ods}``: die Zellen C12:D12 (Zuweisungen) verbunden.
* ``ods_als_xlsx.xlsx``: als ods gespeichert, aber mit der Endung .xlsx.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER.parent / "daten"))

import vorlagen_libreoffice as lo  # noqa: E402

QUELLE = lo.PROJEKT / "beispiele" / "eingang" / "Meldung_Glandorf.xlsx"
ZIEL = HIER / "dateien"


def speichern(dokument: Any, datei: str, format_: str, **weitere: Any) -> None:
    ziel = ZIEL / datei
    eigenschaften = lo.eigenschaften(FilterName=lo.FILTER[format_], Overwrite=True, **weitere)
    dokument.storeToURL(ziel.as_uri(), eigenschaften)
    print(f"geschrieben: {ziel.relative_to(lo.PROJEKT)} ({ziel.stat().st_size} Bytes)")


def bearbeiten(
    desktop: Any, quelle: Path, name: str, aendern: Any, formate: tuple[str, ...]
) -> None:
    with lo.geladen(desktop, quelle) as dokument:
        aendern(dokument)
        for format_ in formate:
            speichern(dokument, f"{name}.{format_}", format_)


def kennwort(desktop: Any, quelle: Path) -> None:
    with lo.geladen(desktop, quelle) as dokument:
        for format_ in ("xls", "ods"):
            speichern(dokument, f"kennwort_lo.{format_}", format_, Password="geheim")


def fern(zelle: str) -> Any:
    def aendern(dokument: Any) -> None:
        blatt = dokument.Sheets.getByName("Erläuterungen")
        blatt.unprotect("")
        blatt.getCellRangeByName(zelle).setString("vergessen")

    return aendern


def fehlerzellen(dokument: Any) -> None:
    blatt = lo.meldung_entsperrt(dokument)
    lo.benannte_zelle(dokument, "verfuegbar_gu").setFormula("=1/0")
    lo.benannte_zelle(dokument, "ankuenfte").setFormula("=C5+1")
    dokument.calculateAll()
    for feld in ("verfuegbar_gu", "ankuenfte"):
        if lo.benannte_zelle(dokument, feld).getError() == 0:
            raise SystemExit(f"{feld}: kein Fehlerwert")
    blatt.protect("")


def verbunden(dokument: Any) -> None:
    blatt = lo.meldung_entsperrt(dokument)
    blatt.getCellRangeByName("C12:D12").merge(True)
    blatt.protect("")


def main() -> None:
    ZIEL.mkdir(parents=True, exist_ok=True)
    with lo.sitzung(QUELLE) as (desktop, quelle):
        kennwort(desktop, quelle)
        bearbeiten(desktop, quelle, "fern_lo", fern("AMJ1048576"), ("ods",))
        bearbeiten(desktop, quelle, "fern_lo", fern("IV65536"), ("xls",))
        bearbeiten(desktop, quelle, "fehlerzellen_lo", fehlerzellen, ("xlsx", "xls", "ods"))
        bearbeiten(desktop, quelle, "verbunden_lo", verbunden, ("xlsx", "xls", "ods"))
        with lo.geladen(desktop, quelle) as dokument:
            speichern(dokument, "ods_als_xlsx.xlsx", "ods")


if __name__ == "__main__":
    main()
