"""The README's examples of ``wrm ausgleich`` are real output: each command shown runs in
a fresh folder (the examples linked in as ``beispiele/``) and prints exactly what the
README shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PROJEKT
from test_readme_verlauf import _ausfuehren


@pytest.fixture
def ordner(tmp_path: Path) -> Path:
    (tmp_path / "beispiele").symlink_to(PROJEKT / "beispiele", target_is_directory=True)
    return tmp_path


def test_die_woche_2016_wie_im_readme(ordner: Path) -> None:
    _ausfuehren(ordner, ("ausgleich-gesamt", "ausgleich-sofort", "ausgleich-max-km"))
