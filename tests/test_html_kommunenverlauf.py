"""The HTML page with an archive: each Kommune's section holds its fehlender Wohnraum at
the last Stichtage (its history line), as the reports of those Stichtage gave it."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from conftest import BEISPIELE, wrm

from wrm_cli.chronik import kommunenverlauf
from wrm_cli.konfig import konfig_laden

KONFIG = BEISPIELE / "wrm.toml"
WOCHEN = (
    (BEISPIELE / "verlauf" / "kw09", "02.03.2016"),
    (BEISPIELE / "verlauf" / "kw10", "09.03.2016"),
    (BEISPIELE / "eingang", "16.03.2016"),
)


@pytest.fixture(scope="module")
def drei_wochen(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    """An archive of the three weeks, and each week's JSON report."""
    archiv = tmp_path_factory.mktemp("kommunenverlauf") / "archiv.sqlite"
    berichte = []
    for eingang, tag in WOCHEN:
        lauf = wrm(
            "auswerten", eingang, "--stichtag", tag, "--konfig", KONFIG, "--archiv", archiv,
            "-f", "json",
        )  # fmt: skip
        assert lauf.returncode == 0, lauf.stderr
        berichte.append(json.loads(lauf.stdout))
    return archiv, berichte


def _erwartet(kommune: str, berichte: list[dict]) -> str:
    """The line, computed from the three JSON reports (not from the archive)."""
    teile = []
    for (_, tag), bericht in zip(WOCHEN, berichte, strict=True):
        zeile = next((z for z in bericht["zeilen"] if z["kommune"] == kommune), None)
        if zeile is None:
            wert = "fehlt"
        elif zeile["fehlender_wohnraum"] is None:
            wert = "leer"
        else:
            wert = str(zeile["fehlender_wohnraum"])
        teile.append(f"{tag}: {wert}")
    return "Fehlender Wohnraum je Stichtag: " + " · ".join(teile) + "."


def test_jede_kommune_mit_ihrer_reihe(drei_wochen: tuple[Path, list[dict]], tmp_path: Path) -> None:
    archiv, berichte = drei_wochen
    kopie = tmp_path / "archiv.sqlite"  # the page's own run adds no week: a copy
    kopie.write_bytes(archiv.read_bytes())
    seite = tmp_path / "bericht.html"
    lauf = wrm(
        "auswerten", "--archiv", kopie, "--stichtag", "16.03.2016", "--konfig", KONFIG,
        "-o", seite,
    )  # fmt: skip
    assert lauf.returncode == 0, lauf.stderr
    html = seite.read_text("utf-8")
    for kommune, anker in (("Bad Laer", "bad-laer"), ("Hagen", "hagen"), ("Melle", "melle")):
        abschnitt = re.search(
            rf'<section class="kommune" id="kommune-{anker}">(.*?)</section>', html, re.S
        )
        assert abschnitt is not None, kommune
        assert f"<p>{_erwartet(kommune, berichte)}</p>" in abschnitt.group(1), kommune
    # Bad Laer reported no Meldung on 02.03.2016, Hagen none on 09.03.2016.
    assert "02.03.2016: fehlt · 09.03.2016: 23 · 16.03.2016: 21." in html
    assert "09.03.2016: fehlt" in _erwartet("Hagen", berichte)


def test_nur_die_letzten_stichtage(drei_wochen: tuple[Path, list[dict]]) -> None:
    archiv, _ = drei_wochen
    einstellungen = konfig_laden(KONFIG)
    verlauf = kommunenverlauf(archiv, einstellungen, dt.date(2016, 3, 16), stichtage=2)
    assert [s.stichtag for s in verlauf["Melle"]] == [dt.date(2016, 3, 9), dt.date(2016, 3, 16)]
    bis_kw10 = kommunenverlauf(archiv, einstellungen, dt.date(2016, 3, 9))
    assert [s.stichtag for s in bis_kw10["Melle"]] == [dt.date(2016, 3, 2), dt.date(2016, 3, 9)]
    assert [s.status for s in bis_kw10["Bad Laer"]] == ["fehlt", "aktuell"]


def test_ohne_archiv_keine_reihe(tmp_path: Path) -> None:
    seite = tmp_path / "bericht.html"
    lauf = wrm("auswerten", BEISPIELE / "eingang", "-o", seite)
    assert lauf.returncode == 0, lauf.stderr
    assert "Fehlender Wohnraum je Stichtag" not in seite.read_text("utf-8")
