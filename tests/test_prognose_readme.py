"""The README's examples of ``wrm prognose`` are real output: each command shown runs in
a fresh folder (the examples linked in as ``beispiele/``) and prints exactly what the
README shows; the JSON excerpt of the Verteilschlüssel is the command's JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import PROJEKT, wrm
from test_readme_verlauf import _ausfuehren

README = (PROJEKT / "README.md").read_text("utf-8")


@pytest.fixture
def ordner(tmp_path: Path) -> Path:
    (tmp_path / "beispiele").symlink_to(PROJEKT / "beispiele", target_is_directory=True)
    return tmp_path


def test_quote_und_prognosedatei_wie_im_readme(ordner: Path) -> None:
    _ausfuehren(ordner, ("prognose-quote", "prognose-datei"))


def test_verteilung_wie_im_readme(ordner: Path) -> None:
    rest = README[README.index("<!-- readme: prognose-verteilung -->") :]
    treffer = re.search(r"```json\n(.*?)\n```", rest, re.S)
    assert treffer is not None
    gezeigt = [json.loads(zeile) for zeile in treffer.group(1).splitlines()]
    ergebnis = wrm(
        "prognose", "beispiele/eingang", "--konfig", "beispiele/prognose/wrm.toml",
        "-f", "json", cwd=ordner,
    )  # fmt: skip
    assert ergebnis.returncode == 0, ergebnis.stderr
    kommunen = {k["kommune"]: k for k in json.loads(ergebnis.stdout)["kommunen"]}
    for zeile in gezeigt:
        monate = {m["monat"]: m for m in kommunen[zeile["kommune"]]["verteilung"]}
        assert monate[zeile["verteilung"]["monat"]] == zeile["verteilung"]
    assert [zeile["kommune"] for zeile in gezeigt] == ["Bramsche", "Melle"]
