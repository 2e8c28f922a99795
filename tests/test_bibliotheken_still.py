"""No library talks to the user: with ``--format json`` stdout is JSON and nothing else,
stderr is empty or German – for every file of the test corpus.

xlrd writes English diagnostics ("WARNING *** file size (…) not 512 + multiple of sector
size (512)") to stdout for slightly irregular .xls files; a padded .xls shows it. xlrd
binds ``sys.stdout`` as its default log file when imported, so only a process of its own
proves the padded file silent; the corpus runs in this process (warnings land on stderr).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import BEISPIELE, DATEN, PROJEKT, wrm, wrm_prozess

KORPUS = PROJEKT / "tests" / "korpus" / "dateien"
XLS = DATEN / "vorlagen" / "melle_lo.xls"

# Words of library chatter; no German message of wrm contains them.
_ENGLISCH = re.compile(
    r"traceback|warn|error|exception|\b(?:the|not|file|size|record|sector|of|is)\b",
    re.IGNORECASE,
)


def _dateien() -> list[Path]:
    dateien = [p for p in KORPUS.rglob("*") if p.is_file()]
    for muster in ("*.xls*", "*.ods", "*.csv"):
        dateien += DATEN.rglob(muster)
    dateien += (p for p in BEISPIELE.rglob("*") if p.is_file())
    return sorted(set(dateien))


def _still(stdout: str, stderr: str) -> None:
    json.loads(stdout)  # all of stdout, nothing before or after
    assert _ENGLISCH.search(stderr) is None, stderr


def _aufgefuellt(ordner: Path) -> Path:
    """A valid .xls with one zero byte appended: the compound file no longer fills whole
    sectors, which xlrd reports."""
    ziel = ordner / "Meldung_Melle_aufgefuellt.xls"
    ziel.write_bytes(XLS.read_bytes() + b"\0")
    return ziel


def test_der_korpus_ist_da() -> None:
    dateien = _dateien()
    assert len(dateien) > 80
    assert any(p.suffix == ".xls" for p in dateien)


@pytest.mark.parametrize("datei", _dateien(), ids=lambda p: str(p.relative_to(PROJEKT)))
def test_pruefen_json_ohne_fremde_ausgabe(datei: Path) -> None:
    lauf = wrm("pruefen", datei, "-f", "json")  # exit code 3: not readable, said in JSON
    assert lauf.warnungen == []
    _still(lauf.stdout, lauf.stderr)


def test_auswerten_rekursiv_json_ohne_fremde_ausgabe() -> None:
    lauf = wrm("auswerten", "--rekursiv", KORPUS, "-f", "json", "--stichtag", "16.03.2016")
    assert lauf.warnungen == []
    _still(lauf.stdout, lauf.stderr)


def test_aufgefuellte_xls_im_eigenen_prozess(tmp_path: Path) -> None:
    datei = _aufgefuellt(tmp_path)
    prozess = wrm_prozess("pruefen", datei, "-f", "json")
    assert prozess.returncode == 0, prozess.stderr
    assert prozess.stdout.startswith("{")
    _still(prozess.stdout, prozess.stderr)
    assert prozess.stderr == ""


def test_aufgefuellte_xls_im_ordner_mit_leseprozessen(tmp_path: Path) -> None:
    """A folder run reads in processes of their own; their stdout is the run's stdout."""
    _aufgefuellt(tmp_path)
    for datei in sorted((BEISPIELE / "eingang").glob("*.xlsx")):
        shutil.copy(datei, tmp_path)
    prozess = wrm_prozess("auswerten", tmp_path, "-f", "json", "--stichtag", "16.03.2016")
    assert prozess.returncode in (0, 1), prozess.stderr
    assert prozess.stdout.startswith("{")
    _still(prozess.stdout, prozess.stderr)
    assert prozess.stderr == ""


def test_ausgleich_im_eigenen_prozess_still(tmp_path: Path) -> None:
    """OR-Tools (C++, with its own logging) says nothing, in a process of its own."""
    eingang = BEISPIELE / "eingang"
    prozess = wrm_prozess("ausgleich", eingang, "-f", "json", "--max-km", "20")
    assert prozess.returncode == 0, prozess.stderr
    _still(prozess.stdout, prozess.stderr)
    assert prozess.stderr == ""
    bericht = tmp_path / "bericht.xlsx"
    prozess = wrm_prozess("auswerten", eingang, "-o", bericht)
    assert prozess.returncode == 0, prozess.stderr
    assert prozess.stdout == ""
    assert prozess.stderr.splitlines() == [
        f"Bericht geschrieben: {bericht}",
        "21 Dateien: 21 verwendet.",
        "Keine Fehler, 6 Hinweise.",
    ]
