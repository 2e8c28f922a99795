"""No file within the limits costs a process more than about 150 MB.

calamine holds a sheet's whole used range (32 bytes a cell, for .xls twice), so the
cell limit (``Grenzen.zellen``, 1,000,000) bounds it; the readers keep only rows with
values (``datei.werte_lesen``). The files are made by tests/korpus/speicher.py: a
forgotten value far away, as in #14 (4,975,000 and 4,260,100 cells: 226 and 336 MB
before), and files just under the limit (999,999 cells in one column: 150 MB as .xlsx,
180 MB as .ods before). The peak is the resident size of the whole ``wrm`` process.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJEKT, prozessumgebung
from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from wrm_cli.felder import ALLE_SCHLUESSEL, STAND
from wrm_cli.lesen.arbeitsmappe import Blatt
from wrm_cli.lesen.datei import inhalt_lesen, werte_lesen

SPEICHER = PROJEKT / "tests" / "korpus" / "dateien" / "speicher"
HOECHSTENS_MB = 150
WEIT = (
    "  Fehler: Im Blatt „Tabelle1“ steht noch etwas in Zelle {zelle}, weit außerhalb jeder "
    "Meldung ({zellen} Zellen, Grenze 1.000.000). Bitte die Datei öffnen, mit Strg+Ende zur "
    "letzten Zelle springen, die Inhalte außerhalb der Meldung löschen, speichern und erneut "
    "senden."
)
KEIN_KOPF = (
    "  Fehler: Weder das Meldeformular (wrm-Vorlage) noch eine Tabelle mit Kopfzeile gefunden "
    "– erwartet wird die ausgefüllte Vorlage oder eine Zeile mit „kommune“, „zuweisungen“, "
    "„ankuenfte“ … (oder den deutschen Bezeichnungen) und darunter eine Zeile je Kommune."
)


# What a reading process of a folder run does with one file.
NUR_LESEN = (
    "import sys; from pathlib import Path; from wrm_cli.lesen.datei import inhalt_lesen; "
    "print(len(inhalt_lesen(Path(sys.argv[1])).meldungen), 'Meldungen')"
)


# Measured through a small go-between: Linux counts in a child's peak the memory of the
# process that started it (the exec keeps the high-water mark of the old address space),
# and the test process itself may be large by the time this test runs.
MESSER = (
    "import resource, subprocess, sys; "
    "code = subprocess.run(sys.argv[1:], stderr=subprocess.DEVNULL).returncode; "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
    "sys.exit(code)"
)


def spitze(
    *argumente: str | Path, aufruf: tuple[str, ...] = ("-m", "wrm_cli")
) -> tuple[int, list[str], float]:
    """Exit code, stdout lines and peak resident size in MB of one process."""
    ergebnis = subprocess.run(
        [sys.executable, "-c", MESSER, sys.executable, *aufruf, *map(str, argumente)],
        capture_output=True,
        env=prozessumgebung(),
        check=False,
        timeout=300,
    )
    ausgabe = ergebnis.stdout.decode("utf-8")
    kilobyte = int(ergebnis.stderr.decode("ascii").split()[-1])  # ru_maxrss: KB on Linux
    return ergebnis.returncode, ausgabe.splitlines(), kilobyte / 1024


@pytest.mark.parametrize(
    ("datei", "zelle", "zellen"),
    [("fern_GQ25000.xlsx", "GQ25000", "4.975.000"), ("fern_DZ32770.xls", "DZ32770", "4.260.100")],
)
def test_ferner_wert_ueber_der_grenze(datei: str, zelle: str, zellen: str) -> None:
    code, ausgabe, mb = spitze("pruefen", SPEICHER / datei)
    assert (code, ausgabe[:2]) == (
        3,
        [f"✗ {datei}: nicht lesbar", WEIT.format(zelle=zelle, zellen=zellen)],
    )
    assert mb < HOECHSTENS_MB


@pytest.mark.parametrize("datei", ["knapp_A999999.xlsx", "knapp_A999999.ods", "knapp_DZ7690.xls"])
def test_knapp_unter_der_grenze_wird_gelesen(datei: str) -> None:
    code, ausgabe, mb = spitze("pruefen", SPEICHER / datei)
    assert (code, ausgabe[:2]) == (
        1,
        [f"✗ {datei}: 1 Fehler – bitte korrigieren und erneut prüfen", KEIN_KOPF],
    )
    assert mb < HOECHSTENS_MB


def _tabelle_eines_landes(ziel: Path, zeilen: int) -> None:
    mappe = Workbook(write_only=True)
    blatt = mappe.create_sheet("Meldungen")
    blatt.append(list(ALLE_SCHLUESSEL))
    for nr in range(zeilen):
        blatt.append(
            [
                f"Gemeinde {nr}"
                if key == "kommune"
                else dt.date(2016, 3, 16)
                if key == STAND
                else "ausreichend"
                if key == "einschaetzung"
                else 1
                for key in ALLE_SCHLUESSEL
            ]
        )
    mappe.save(ziel)


def test_tabelle_eines_landes_mit_11000_zeilen(tmp_path: Path) -> None:
    datei = tmp_path / "land.xlsx"
    _tabelle_eines_landes(datei, 11_000)
    gelesen = inhalt_lesen(datei)
    assert len(gelesen.meldungen) == 11_000
    assert gelesen.meldungen[-1].werte["kommune"].wert == "Gemeinde 10999"
    assert gelesen.meldungen[-1].werte["kommune"].adresse == "A11001"
    # Reading alone: the whole ``pruefen`` of 11,000 Meldungen costs about 170 MB, in
    # pandas and the report rather than in reading.
    code, ausgabe, mb = spitze(datei, aufruf=("-c", NUR_LESEN))
    assert (code, ausgabe) == (0, ["11000 Meldungen"])
    assert mb < HOECHSTENS_MB


def test_werte_zeilenweise_wie_calamine_sie_gibt(tmp_path: Path) -> None:
    """Rows end at their last value, yet every cell reads as ``to_python`` gives it: ""
    within the used range, None outside; leading empty rows and columns included."""
    datei = tmp_path / "verstreut.xlsx"
    mappe = Workbook()
    blatt = mappe.active
    assert blatt is not None
    blatt["C5"], blatt["E7"], blatt["D9"] = "x", 1, dt.datetime(2016, 3, 16)
    mappe.save(datei)
    blatt_calamine = CalamineWorkbook.from_path(str(datei)).get_sheet_by_index(0)
    voll = blatt_calamine.to_python(skip_empty_area=False)
    zeilen, breite = werte_lesen(blatt_calamine)
    assert (len(zeilen), breite) == (9, 5)
    assert zeilen[0] == () and zeilen[4] == ["", "", "x"]
    gelesen = Blatt("Tabelle1", zeilen, breite=breite)
    for z in range(10):
        for s in range(6):
            erwartet = voll[z][s] if z < len(voll) and s < len(voll[z]) else None
            assert gelesen.roh(z, s) == erwartet, (z, s)
