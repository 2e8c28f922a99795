"""The Windows office PC: any output encoding, wildcards in file names, closed pipes."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BEISPIELE, prozessumgebung, wrm

from wrm_cli.cli.konsole import EXIT_PIPE, darstellbar

KODIERUNGEN = ["cp1252", "cp850", "ascii"]
BEISPIEL = BEISPIELE / "eingang"


@pytest.fixture
def eingang(tmp_path: Path) -> Path:
    """The 21 filled-in templates of the example, with wrm.toml (Stichtag 16.03.2016)."""
    ordner = tmp_path / "eingang"
    shutil.copytree(BEISPIEL, ordner)
    shutil.copy(BEISPIELE / "wrm.toml", tmp_path / "wrm.toml")
    return ordner


# --- substitutes ---------------------------------------------------------------------


def test_ersatz_je_kodierung() -> None:
    text = "✓ „Bad Laer“ ‚x‘ – — … Σ(5) − ΣSumme ≈ 3 Grüße"
    assert darstellbar(text, "utf-8") == text
    assert darstellbar(text, "cp1252") == "OK „Bad Laer“ ‚x‘ – — … Summe(5) - Summe Summe ~ 3 Grüße"
    assert (
        darstellbar(text, "cp850") == "OK \"Bad Laer\" 'x' - - ... Summe(5) - Summe Summe ~ 3 Grüße"
    )
    assert darstellbar(text, "ascii") == (
        "OK \"Bad Laer\" 'x' - - ... Summe(5) - Summe Summe ~ 3 Gruesse"
    )
    # Accents without an entry lose the accent, anything else becomes "?".
    assert darstellbar("Café ☃", "ascii") == "Cafe ?"


def test_ersatz_haelt_csv_und_json_gueltig() -> None:
    assert darstellbar("x;„kritisch“", "ascii", "csv") == "x;'kritisch'"
    text = json.dumps({"m": "„kritisch“ für 😀"}, ensure_ascii=False)
    assert json.loads(darstellbar(text, "ascii", "json")) == {"m": "„kritisch“ für 😀"}
    assert json.loads(darstellbar(text, "cp1252", "json")) == {"m": "„kritisch“ für 😀"}


# --- every command under every encoding (in this process) -----------------------------

BEFEHLE = {
    "auswerten-tabelle": ["auswerten", "eingang"],
    "auswerten-text": ["auswerten", "eingang", "-f", "text"],
    "auswerten-markdown": ["auswerten", "eingang", "-f", "markdown"],
    "auswerten-pressetext": ["auswerten", "eingang", "-f", "pressetext"],
    "auswerten-csv": ["auswerten", "eingang", "-f", "csv"],
    "auswerten-json": ["auswerten", "eingang", "-f", "json"],
    "prognose-text": ["prognose", "eingang"],
    "prognose-json": ["prognose", "eingang", "-f", "json"],
    "pruefen-text": ["pruefen", "eingang"],
    "pruefen-json": ["pruefen", "eingang", "-f", "json"],
    "vorlage": ["vorlage", "-k", "Fürstenau", "-o", "vorlagen"],
    "version": ["--version"],
    "nutzungsfehler": ["auswerten", "--output", "x.txt", "eingang"],
    "falscher-befehl": ["prüfn", "eingang"],
}


@pytest.mark.parametrize("kodierung", KODIERUNGEN)
@pytest.mark.parametrize("befehl", list(BEFEHLE))
def test_jeder_befehl_in_jeder_kodierung(eingang: Path, befehl: str, kodierung: str) -> None:
    """The same lines as in UTF-8, with the substitutes of that encoding – no error."""
    argumente = BEFEHLE[befehl]
    utf8 = wrm(*argumente, cwd=eingang.parent)
    shutil.rmtree(eingang.parent / "vorlagen", ignore_errors=True)
    lauf = wrm(*argumente, cwd=eingang.parent, kodierung=kodierung)
    assert lauf.returncode == utf8.returncode, lauf.stderr
    assert "Unerwarteter Fehler" not in lauf.stderr
    art = befehl.rsplit("-", 1)[-1]
    assert lauf.stdout == darstellbar(utf8.stdout, kodierung, art)
    assert lauf.stderr == darstellbar(utf8.stderr, kodierung)
    if art == "json":
        assert json.loads(lauf.stdout) == json.loads(utf8.stdout)
    if art == "csv":
        zeilen = list(csv.reader(io.StringIO(lauf.stdout), delimiter=";"))
        assert len(zeilen) == len(list(csv.reader(io.StringIO(utf8.stdout), delimiter=";")))


@pytest.mark.parametrize("kodierung", KODIERUNGEN)
@pytest.mark.parametrize("befehl", ["", "auswerten", "pruefen", "vorlage"])
def test_hilfe_in_jeder_kodierung(befehl: str, kodierung: str) -> None:
    lauf = wrm(*[befehl, "--help"] if befehl else ["--help"], kodierung=kodierung)
    assert lauf.returncode == 0, lauf.stderr
    assert lauf.stderr == ""
    assert f"Aufruf: wrm {befehl}".rstrip() in lauf.stdout


# --- in a process of its own, as reported --------------------------------------------


@pytest.mark.parametrize("kodierung", KODIERUNGEN)
def test_pruefen_im_prozess(eingang: Path, kodierung: str) -> None:
    lauf = _prozess(kodierung, "pruefen", eingang / "Meldung_Bad_Laer.xlsx")
    assert lauf.returncode == 0, lauf.stderr
    assert lauf.stderr == b""
    zeilen = lauf.stdout.decode(kodierung).splitlines()
    erwartet = {
        "cp1252": "  Hinweis: Zelle C23 (12) Einschätzung der Lage: Bad Laer schätzt die Lage als "
        "„ausreichend“ ein, es fehlt aber Wohnraum für 21 Personen.",
        "cp850": "  Hinweis: Zelle C23 (12) Einschätzung der Lage: Bad Laer schätzt die Lage als "
        '"ausreichend" ein, es fehlt aber Wohnraum für 21 Personen.',
        "ascii": "  Hinweis: Zelle C23 (12) Einschaetzung der Lage: Bad Laer schaetzt die Lage als "
        '"ausreichend" ein, es fehlt aber Wohnraum fuer 21 Personen.',
    }
    assert zeilen[0].startswith("OK Meldung_Bad_Laer.xlsx: Bad Laer, Stand 16.03.2016:")
    assert zeilen[1] == erwartet[kodierung]


@pytest.mark.parametrize("kodierung", KODIERUNGEN)
def test_auswerten_csv_im_prozess_und_datei_bleibt_utf8(eingang: Path, kodierung: str) -> None:
    lauf = _prozess(kodierung, "auswerten", eingang, "-f", "csv")
    assert lauf.returncode == 0, lauf.stderr
    assert lauf.stderr == b""
    assert lauf.stdout.decode(kodierung).startswith("Kommune;")
    ziel = eingang.parent / "bericht.csv"
    lauf = _prozess(kodierung, "auswerten", eingang, "-o", ziel)
    assert lauf.returncode == 0, lauf.stderr
    assert ziel.read_bytes().startswith(b"\xef\xbb\xbfKommune;")
    assert "„" in ziel.read_text("utf-8-sig") or "Σ" in ziel.read_text("utf-8-sig")
    meldung = lauf.stderr.decode(kodierung).splitlines()[0]
    assert meldung == f"Bericht geschrieben: {ziel}"


def _prozess(kodierung: str, *argumente: str | Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "wrm_cli", *map(str, argumente)],
        capture_output=True,
        cwd=BEISPIELE,
        env=prozessumgebung({"PYTHONIOENCODING": kodierung}),
        check=False,
        timeout=120,
    )


# --- a pipe closed early --------------------------------------------------------------


@pytest.mark.parametrize(
    "argumente",
    [
        ["pruefen", "eingang", "-f", "json"],
        ["pruefen", "eingang"],
        ["auswerten", "eingang", "-f", "json"],
        ["auswerten", "eingang", "-f", "csv"],
        ["auswerten", "--help"],
    ],
)
def test_geschlossene_pipe_endet_still(eingang: Path, argumente: list[str]) -> None:
    """As ``wrm pruefen eingang -f json | head -1``: the reader is gone before wrm writes
    (or flushes its last buffer) – no message, exit code 141 as after SIGPIPE."""
    prozess = subprocess.Popen(
        [sys.executable, "-m", "wrm_cli", *argumente],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=eingang.parent,
        env=prozessumgebung(),
    )
    assert prozess.stdout is not None and prozess.stderr is not None
    prozess.stdout.close()
    fehler = prozess.stderr.read()
    assert prozess.wait(timeout=120) == EXIT_PIPE
    assert fehler == b""


# --- wildcards ------------------------------------------------------------------------


def test_muster_werden_erweitert(eingang: Path) -> None:
    (eingang / "~$Meldung_Bad_Iburg.xlsx").write_bytes(b"lock")
    lauf = wrm(
        "pruefen", "eingang/Meldung_Bad*.xlsx", "eingang/Meldung_Bohmt?.xlsx", cwd=eingang.parent
    )
    assert lauf.returncode == 0, lauf.stderr
    zeilen = [z for z in lauf.stdout.splitlines() if z.startswith(("✓", "✗", "–"))]
    assert [z.split(":")[0] for z in zeilen] == [
        "✓ Meldung_Bad_Essen.xlsx",
        "✓ Meldung_Bad_Iburg.xlsx",
        "✓ Meldung_Bad_Laer.xlsx",
        "✓ Meldung_Bad_Rothenfelde.xlsx",
        "✓ Meldung_Bohmte.xlsx",
    ]
    klammern = wrm("auswerten", "eingang/Meldung_[BM]el*.xlsx", "-f", "csv", cwd=eingang.parent)
    assert klammern.returncode == 0, klammern.stderr
    kommunen = [z.split(";")[0] for z in klammern.stdout.splitlines()[1:3]]
    assert sorted(kommunen) == ["Belm", "Melle"]


def test_datei_mit_stern_im_namen_gewinnt(eingang: Path) -> None:
    wörtlich = eingang / "Meldung_*.xlsx"
    shutil.copy(eingang / "Meldung_Melle.xlsx", wörtlich)
    lauf = wrm("pruefen", wörtlich, cwd=eingang.parent)
    assert lauf.returncode == 0, lauf.stderr
    assert lauf.stdout.splitlines()[-1] == "1 Datei geprüft: in Ordnung."


def test_muster_ohne_treffer(eingang: Path) -> None:
    lauf = wrm("pruefen", "eingang/Meldung_Xy*.xlsx", cwd=eingang.parent)
    assert lauf.returncode == 3
    assert lauf.stdout.splitlines()[:2] == [
        "✗ Meldung_Xy*.xlsx: nicht lesbar",
        "  Fehler: Keine Datei und kein Ordner passt zu diesem Muster – bitte den Namen prüfen.",
    ]
    lauf = wrm("auswerten", "eingang", "nix?.xlsx", "-f", "text", cwd=eingang.parent)
    assert lauf.returncode == 1
    assert (
        "- Fehler: nix?.xlsx: Keine Datei und kein Ordner passt zu diesem Muster – bitte den "
        "Namen prüfen." in lauf.stdout.splitlines()
    )
