"""Erzeugt tests/daten/uebersicht_2016.xls und uebersicht_2016.ods mit LibreOffice.

Einmalig von Hand ausgeführt; die beiden Dateien sind eingecheckt und die Tests
lesen sie nur. Das Skript braucht LibreOffice (``soffice``) und wird von CI nicht
ausgeführt. Aufruf im Projektordner:

    python tests/daten/erzeugen_libreoffice.py

Inhalt beider Dateien: die veröffentlichte Übersicht (tests/daten/uebersicht_2016.csv)
mit einer zusätzlichen Spalte „stand“ (16.03.2016 als echtes Datum), Zahlen als echte
Zahlen, leere Zellen leer. Das Skript schreibt sie zuerst mit openpyxl als .xlsx in
einen temporären Ordner und lässt LibreOffice sie ohne Oberfläche nach .xls (Excel 97)
und .ods umwandeln – so stammen die Dateien von einem echten Office-Programm und nicht
von derselben Bibliothek, mit der die Tests .xlsx schreiben.
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
import tempfile
from pathlib import Path

import openpyxl

DATEN = Path(__file__).resolve().parent
QUELLE = DATEN / "uebersicht_2016.csv"
STAND = dt.date(2016, 3, 16)


def zeilen() -> list[list[object]]:
    with open(QUELLE, encoding="utf-8", newline="") as datei:
        kopf, *rest = csv.reader(datei, delimiter=";")
    tabelle: list[list[object]] = [[kopf[0], "stand", *kopf[1:]]]
    for zeile in rest:
        werte = [int(w) if w.lstrip("-").isdigit() else (w or None) for w in zeile[1:]]
        tabelle.append([zeile[0], STAND, *werte])
    return tabelle


def main() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) wurde nicht gefunden.")
    with tempfile.TemporaryDirectory() as tmp:
        ordner = Path(tmp)
        mappe = openpyxl.Workbook()
        blatt = mappe.active
        blatt.title = "Übersicht"
        for zeile in zeilen():
            blatt.append(zeile)
        for (zelle,) in blatt.iter_rows(min_row=2, min_col=2, max_col=2):
            zelle.number_format = "DD.MM.YYYY"
        xlsx = ordner / "uebersicht_2016.xlsx"
        mappe.save(xlsx)
        for format_ in ("xls", "ods"):
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={(ordner / 'profil').as_uri()}",
                    "--headless",
                    "--convert-to",
                    format_,
                    "--outdir",
                    str(ordner),
                    str(xlsx),
                ],
                check=True,
                capture_output=True,
                timeout=180,
            )
            ziel = DATEN / f"uebersicht_2016.{format_}"
            shutil.copyfile(ordner / f"uebersicht_2016.{format_}", ziel)
            print(f"geschrieben: {ziel} ({ziel.stat().st_size} Bytes)")


if __name__ == "__main__":
    main()
