"""The README's example of ``wrm erinnern`` is real output: the week it describes built in
a fresh folder (the examples linked in as ``beispiele/``), the summary exactly as shown,
and the draft to Fürstenau exactly as shown (its attachment cut)."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import PROJEKT
from erinnernhilfen import anhaenge, entwurf_lesen, wie_im_readme, woche_anlegen
from test_readme_verlauf import README, _ausfuehren


def test_die_woche_und_der_entwurf_wie_im_readme(tmp_path: Path) -> None:
    (tmp_path / "beispiele").symlink_to(PROJEKT / "beispiele", target_is_directory=True)
    woche_anlegen(tmp_path, tmp_path / "beispiele")
    # The README's two shell lines build the same folder.
    assert "rm woche/Meldung_Fürstenau.xlsx" in README
    assert "cp beispiele/verlauf/kw09/Meldung_Melle.xlsx woche/" in README
    _ausfuehren(tmp_path, ("erinnern-woche",))
    entwurf = tmp_path / "erinnerungen" / "2016-03-16" / "Erinnerung_Fuerstenau.eml"
    rest = README[README.index("<!-- readme: erinnern-entwurf -->") :]
    treffer = re.search(r"```text\n(.*?)\n```", rest, re.S)
    assert treffer is not None
    assert wie_im_readme(entwurf) == treffer.group(1)
    # What the shown source means, read back with the email package.
    nachricht = entwurf_lesen(entwurf)
    assert nachricht["Subject"] == "Erinnerung: Meldung Fürstenau zum Stichtag 16.03.2016"
    assert nachricht["To"] == "wohnraum@fuerstenau.example"
    assert list(anhaenge(nachricht)) == ["Meldung_Fuerstenau.xlsx"]
