"""The README's three-week example of the archive is real output: every command shown is
run in a fresh folder (the examples linked in as ``beispiele/``) and prints exactly what
the README shows."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from conftest import wrm

PROJEKT = Path(__file__).resolve().parents[1]
README = (PROJEKT / "README.md").read_text("utf-8")


def _befehle(marke: str) -> list[tuple[list[str], str]]:
    """The commands of the ```text block after the marker, each with the lines it prints."""
    rest = README[README.index(f"<!-- readme: {marke} -->") :]
    treffer = re.search(r"```text\n(.*?)\n```", rest, re.S)
    assert treffer is not None
    stuecke = ("\n" + treffer.group(1)).split("\n$ ")[1:]
    befehle = []
    for stueck in stuecke:
        zeile, _, ausgabe = stueck.partition("\n")
        argumente = shlex.split(zeile)
        assert argumente[0] == "wrm"
        befehle.append((argumente[1:], ausgabe.rstrip("\n")))
    return befehle


@pytest.fixture
def ordner(tmp_path: Path) -> Path:
    (tmp_path / "beispiele").symlink_to(PROJEKT / "beispiele", target_is_directory=True)
    return tmp_path


def _ausfuehren(ordner: Path, marken: tuple[str, ...]) -> None:
    for marke in marken:
        befehle = _befehle(marke)
        assert befehle, marke
        for argumente, erwartet in befehle:
            ergebnis = wrm(*argumente, cwd=ordner)
            assert ergebnis.returncode == 0, (argumente, ergebnis.stderr)
            assert (ergebnis.stdout + ergebnis.stderr).rstrip("\n") == erwartet, argumente


def test_drei_wochen_und_der_verlauf_wie_im_readme(ordner: Path) -> None:
    _ausfuehren(ordner, ("verlauf-drei-wochen", "verlauf-befehl"))
    assert (ordner / "archiv.sqlite").is_file()
    assert (ordner / "kw09.json").is_file() and (ordner / "kw10.json").is_file()


def test_die_korrektur_wie_im_readme(ordner: Path) -> None:
    """The corrected Meldung, put into its week's folder and evaluated again."""
    _ausfuehren(ordner, ("verlauf-drei-wochen",))
    woche = ordner / "kw10"
    shutil.copytree(PROJEKT / "beispiele" / "verlauf" / "kw10", woche)
    shutil.copy(PROJEKT / "beispiele" / "verlauf" / "korrektur" / "Meldung_Bohmte.xlsx", woche)
    konfig = PROJEKT / "beispiele" / "wrm.toml"
    ergebnis = wrm(
        "auswerten", woche, "--stichtag", "09.03.2016", "--archiv", "archiv.sqlite",
        "--konfig", konfig, cwd=ordner,
    )  # fmt: skip
    assert ergebnis.returncode == 0, ergebnis.stderr
    hinweis = next(z for z in ergebnis.stdout.splitlines() if "korrigierte Meldung" in z)
    assert f"```text\n{hinweis}\n```" in README
