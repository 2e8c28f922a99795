from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from wrm_cli.bezirk import Bezirk, Kommune, bezirk_bestimmen, konfig_laden
from wrm_cli.fehler import KonfigFehler


def test_standard_hat_21_kommunen(bezirk: Bezirk) -> None:
    assert bezirk.name == "Landkreis Osnabrück"
    assert len(bezirk.kommunen) == 21
    assert bezirk.quote_beginn is None and bezirk.label_zu_erfuellen() == "noch zu erfüllende Quote"


@pytest.mark.parametrize(
    ("eingabe", "erwartet"),
    [
        ("Dissen a.T.W.", "Dissen"),
        ("dissen a. T. W.", "Dissen"),
        ("SG Artland", "Artland"),
        ("Samtgemeinde Artland", "Artland"),
        ("  bad   essen ", "Bad Essen"),
        ("BAD IBURG", "Bad Iburg"),
        (unicodedata.normalize("NFD", "Fürstenau"), "Fürstenau"),
        ("Fuerstenau", "Fürstenau"),
        ("Hagen a.T.W.", "Hagen"),
        ("Hilter am Teutoburger Wald", "Hilter"),
        ("Georgsmarienhuette", "Georgsmarienhütte"),
        ("Osnabrück", None),
    ],
)
def test_namen_und_aliase(bezirk: Bezirk, eingabe: str, erwartet: str | None) -> None:
    assert bezirk.kommune_finden(eingabe) == erwartet


@pytest.mark.parametrize(
    ("dateiname", "erwartet"),
    [
        ("Meldung_Bad-Iburg_März.xlsx", "Bad Iburg"),
        ("meldung_georgsmarienhuette.xlsx", "Georgsmarienhütte"),
        ("Dissen a.T.W. 2016-03.xlsx", "Dissen"),
        ("Melle und Belm.xlsx", None),  # two Kommunen: no telling which one is meant
        ("Meldung_März.xlsx", None),
        ("Melle", "Melle"),
    ],
)
def test_kommune_im_dateinamen(bezirk: Bezirk, dateiname: str, erwartet: str | None) -> None:
    assert bezirk.kommune_im_dateinamen(dateiname) == erwartet


def test_kommune_im_dateinamen_bei_tausenden_kommunen() -> None:
    """A Land's 11,000 Kommunen: "Gemeinde 1099" stands inside "Gemeinde 10999" and does
    not count."""
    kommunen = tuple(Kommune(f"Gemeinde {nr}") for nr in range(1, 11_001))
    land = Bezirk("Land", kommunen)
    assert land.kommune_im_dateinamen("Meldung_Gemeinde_10999.xlsx") == "Gemeinde 10999"
    assert land.kommune_im_dateinamen("Meldung_Gemeinde_7.xlsx") == "Gemeinde 7"
    assert land.kommune_im_dateinamen("Meldung.xlsx") is None


def test_vorschlag_bei_tippfehler(bezirk: Bezirk) -> None:
    assert bezirk.vorschlag("Fürstenaau") == "Fürstenau"
    assert bezirk.vorschlag("Wallenhors") == "Wallenhorst"
    assert bezirk.vorschlag("Hamburg") is None


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
    bezirk = bezirk_bestimmen([tmp_path / "eingang"], arbeitsordner=tmp_path)
    assert bezirk.name == "Landkreis Beispiel"
    assert bezirk.kommunennamen == ("Adorf", "Bedorf")
    assert bezirk.kommune_finden("stadt adorf") == "Adorf"
    assert bezirk.stichtag == dt.date(2024, 5, 2)
    assert bezirk.label_zu_erfuellen() == "noch zu erfüllende Quote seit 01.01.2024"
    assert bezirk.label_benoetigt() == "benötigter Wohnraum bis 31.12.2024"
    assert bezirk.veraltet_nach_tagen == 7


def test_wrm_toml_neben_der_eingabe_geht_vor(tmp_path: Path) -> None:
    eingang = tmp_path / "eingang"
    eingang.mkdir()
    (eingang / "wrm.toml").write_text('[bezirk]\nname = "Neben"\n', "utf-8")
    (tmp_path / "wrm.toml").write_text('[bezirk]\nname = "Arbeitsordner"\n', "utf-8")
    assert bezirk_bestimmen([eingang], arbeitsordner=tmp_path).name == "Neben"
    assert bezirk_bestimmen([tmp_path / "x.csv"], arbeitsordner=tmp_path).name == "Arbeitsordner"
    assert bezirk_bestimmen([tmp_path / "x.csv"], arbeitsordner=eingang / "...").name == (
        "Arbeitsordner"
    )


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
