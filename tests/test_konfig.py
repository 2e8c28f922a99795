"""wrm.toml: found beside the inputs, read by one parser, checked strictly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from wrm_cli.fehler import KonfigFehler
from wrm_cli.konfig import einstellungen_bestimmen, konfig_laden


def test_eigener_bezirk_aus_wrm_toml(tmp_path: Path) -> None:
    (tmp_path / "wrm.toml").write_text(
        '[bezirk]\nname = "Landkreis Beispiel"\nveraltet_nach_tagen = 7\n'
        "stichtag = 2024-05-02\n"
        '[quote]\nbeginn = "01.01.2024"\nende = 2024-12-31\n'
        '[[kommunen]]\nname = "Adorf"\naliase = ["Stadt Adorf"]\n'
        '[[kommunen]]\nname = "Bedorf"\n',
        "utf-8",
    )
    (tmp_path / "eingang").mkdir()
    einstellungen = einstellungen_bestimmen([tmp_path / "eingang"], arbeitsordner=tmp_path)
    bezirk = einstellungen.bezirk
    assert bezirk.name == "Landkreis Beispiel"
    assert bezirk.kommunennamen == ("Adorf", "Bedorf")
    assert bezirk.kommune_finden("stadt adorf") == "Adorf"
    assert einstellungen.stichtag == dt.date(2024, 5, 2)
    assert bezirk.label_zu_erfuellen() == "noch zu erfüllende Quote seit 01.01.2024"
    assert bezirk.label_benoetigt() == "benötigter Wohnraum bis 31.12.2024"
    assert einstellungen.veraltet_nach_tagen == 7


def test_wrm_toml_neben_der_eingabe_geht_vor(tmp_path: Path) -> None:
    eingang = tmp_path / "eingang"
    eingang.mkdir()
    (eingang / "wrm.toml").write_text('[bezirk]\nname = "Neben"\n', "utf-8")
    (tmp_path / "wrm.toml").write_text('[bezirk]\nname = "Arbeitsordner"\n', "utf-8")
    assert einstellungen_bestimmen([eingang], arbeitsordner=tmp_path).bezirk.name == "Neben"
    assert (
        einstellungen_bestimmen([tmp_path / "x.csv"], arbeitsordner=tmp_path).bezirk.name
        == "Arbeitsordner"
    )
    assert einstellungen_bestimmen(
        [tmp_path / "x.csv"], arbeitsordner=eingang / "..."
    ).bezirk.name == ("Arbeitsordner")


@pytest.mark.parametrize(
    ("inhalt", "meldung"),
    [
        ("[bezirk\n", "ist kein gültiges TOML"),
        ('[quote]\nende = "bald"\n', "„quote.ende“ = „bald“ ist kein Datum"),
        ("[bezirk]\nveraltet_nach_tagen = -1\n", "ist keine ganze Zahl ab 0"),
        ("[[kommunen]]\naliase = []\n", "hat keinen Namen"),
        (
            '[[kommunen]]\nname = "A"\naliase = ["X"]\n[[kommunen]]\nname = "B"\naliase = ["x"]\n',
            "„x“ ist sowohl „A“ als auch „B“ zugeordnet",
        ),
    ],
)
def test_fehlerhafte_konfiguration(tmp_path: Path, inhalt: str, meldung: str) -> None:
    pfad = tmp_path / "wrm.toml"
    pfad.write_text(inhalt, "utf-8")
    with pytest.raises(KonfigFehler, match=meldung):
        konfig_laden(pfad)
