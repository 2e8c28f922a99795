"""Erzeugt die Korpus-Dateien für den Speichertest (tests/test_speicher.py).

Einmalig von Hand ausgeführt, mit dem Projekt-Python (openpyxl) und LibreOffice
(``soffice --headless --convert-to``) für .xls und .ods:

    .venv/bin/python tests/korpus/speicher.py

Jede Datei hat „Kommune“ in A1 und einen vergessenen Wert in einer fernen Zelle; klein
als Datei, groß als genutzter Bereich. Erzeugt in tests/korpus/dateien/speicher/:

* ``fern_GQ25000.xlsx``: 199 × 25.000 = 4.975.000 Zellen (wie die .xlsx aus #14 mit einem
  Wert nahe GR25000: 233 MB) – über der Grenze von 1.000.000 Zellen.
* ``fern_DZ32770.xls``: 130 × 32.770 = 4.260.100 Zellen (wie die .xls aus #14 mit dem
  Bereich A1:DZ32770: 433 MB) – über der Grenze.
* ``knapp_A999999.xlsx`` und ``.ods``: 999.999 Zellen in einer Spalte, knapp unter der
  Grenze – die meisten Zeilen.
* ``knapp_DZ7690.xls``: 130 × 7.690 = 999.700 Zellen, knapp unter der Grenze.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from openpyxl import Workbook

ZIEL = Path(__file__).resolve().parent / "dateien" / "speicher"

DATEIEN = {  # name → the far cell
    "fern_GQ25000.xlsx": "GQ25000",
    "fern_DZ32770.xls": "DZ32770",
    "knapp_A999999.xlsx": "A999999",
    "knapp_A999999.ods": "A999999",
    "knapp_DZ7690.xls": "DZ7690",
}


def xlsx(ziel: Path, zelle: str) -> None:
    mappe = Workbook()
    blatt = mappe.active
    assert blatt is not None
    blatt.title = "Tabelle1"
    blatt["A1"] = "Kommune"
    blatt[zelle] = 1
    mappe.save(ziel)


def umwandeln(quelle: Path, ziel: Path, arbeit: Path) -> None:
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(arbeit / 'profil').as_uri()}",
            "--headless",
            "--convert-to",
            ziel.suffix[1:],
            "--outdir",
            str(arbeit),
            str(quelle),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    shutil.move(arbeit / f"{quelle.stem}{ziel.suffix}", ziel)


def main() -> None:
    ZIEL.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as ordner:
        arbeit = Path(ordner)
        for name, zelle in DATEIEN.items():
            ziel = ZIEL / name
            if ziel.suffix == ".xlsx":
                xlsx(ziel, zelle)
            else:
                quelle = arbeit / f"{ziel.stem}.xlsx"
                xlsx(quelle, zelle)
                umwandeln(quelle, ziel, arbeit)
            print(f"geschrieben: {ziel.name} ({ziel.stat().st_size} Bytes)")


if __name__ == "__main__":
    main()
