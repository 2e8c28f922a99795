from __future__ import annotations

import unicodedata

import pytest

from wrm_cli.bezirk import Bezirk, Kommune


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
