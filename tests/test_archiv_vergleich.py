"""The change since the comparison run (issue 15) against figures computed by hand, and
back-filling weeks out of order: which run a report compares with, and --vergleich.

Through the library (``ablauf.auswerten``, ``chronik.wiederholen``) and SQL on the file;
the command line only for exit codes and messages.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from archivhilfen import (
    DIESE_WOCHE,
    EINSTELLUNGEN_2016,
    KW09,
    KW10,
    KW11,
    VERLAUF,
    VORWOCHE,
    ZAHLEN,
    probebezirk,
    sql,
    woche,
)
from conftest import BEISPIELE, wrm

from wrm_cli.ablauf import auswerten
from wrm_cli.chronik import wiederholen
from wrm_cli.konfig import Einstellungen

KONFIG_2016 = BEISPIELE / "wrm.toml"
WOCHEN = ((VERLAUF / "kw09", KW09), (VERLAUF / "kw10", KW10), (BEISPIELE / "eingang", KW11))


@pytest.fixture
def probe(tmp_path: Path) -> Einstellungen:
    return probebezirk(tmp_path / "bezirk")


# --- the change since the week before, against figures computed by hand -----------------------


def test_veraenderung_gegen_handrechnung(tmp_path: Path, probe: Einstellungen) -> None:
    archiv = tmp_path / "archiv.sqlite"
    vorwoche = woche(tmp_path / "kw10", probe, VORWOCHE)
    diese = woche(tmp_path / "kw11", probe, DIESE_WOCHE)
    assert auswerten([vorwoche], probe, KW10, archiv=archiv).vergleich is None

    bericht = auswerten([diese], probe, KW11, archiv=archiv)

    vergleich = bericht.vergleich
    assert vergleich is not None and vergleich.stichtag == KW10
    assert vergleich.zeilen == {
        # (10) was blank the week before: no change to tell.
        "Altdorf": dict(zip(ZAHLEN, (2, 1, 1, 0, None, 0, 3, -2), strict=True)),
        # (8) is blank now.
        "Bergen": dict(zip(ZAHLEN, (0, -2, None, 1, 0, 0, 1, -3), strict=True)),
        # No row the week before.
        "Dornum": dict.fromkeys(ZAHLEN),
    }
    # Gesamt: 36 → 37, 24 → 22, 3 → 4, 6 → 6, 3 → 4, 2 → 1, 14 → 15, 10 → 7.
    assert vergleich.gesamt == dict(zip(ZAHLEN, (1, -2, 1, 0, 1, -1, 1, -3), strict=True))
    assert vergleich.kennzahlen == {
        "benoetigter_wohnraum": -2,  # 24 → 22
        "sofort_verfuegbar": 1,  # 9 → 10
        "in_aussicht": 0,  # 5 → 5
        "gesamtverfuegbarkeit": 1,  # 14 → 15
        "fehlender_wohnraum": -3,  # 10 → 7
    }
    assert vergleich.neu == ("Dornum",)
    assert vergleich.weggefallen == ("Cranz",)
    assert not vergleich.gleiche_kommunen
    # The district's series up to this Stichtag, as each run reported it.
    assert [(p.stichtag, p.gesamt["fehlender_wohnraum"]) for p in bericht.verlauf] == [
        (KW10, 10),
        (KW11, 7),
    ]
    assert [p.veraenderung_fehlend for p in bericht.verlauf] == [None, -3]


def test_vergleich_mit_gleichen_kommunen(tmp_path: Path, probe: Einstellungen) -> None:
    archiv = tmp_path / "archiv.sqlite"
    auswerten([woche(tmp_path / "kw10", probe, VORWOCHE)], probe, KW10, archiv=archiv)
    gleich = {k: {**w, "stand": KW11} for k, w in VORWOCHE.items()}
    bericht = auswerten([woche(tmp_path / "kw11", probe, gleich)], probe, KW11, archiv=archiv)

    assert bericht.vergleich is not None and bericht.vergleich.gleiche_kommunen
    assert bericht.vergleich.zeilen["Altdorf"]["in_aussicht_gu"] is None  # blank both times
    assert bericht.vergleich.zeilen["Bergen"] == dict.fromkeys(ZAHLEN, 0)
    assert set(bericht.vergleich.gesamt.values()) == {0}
    assert set(bericht.vergleich.kennzahlen.values()) == {0}


# --- back-filling out of order, and --vergleich -------------------------------------------------


def test_nachtragen_in_beliebiger_reihenfolge(tmp_path: Path) -> None:
    archiv = tmp_path / "archiv.sqlite"

    def lauf(ordner: Path, tag: dt.date, vergleich_am: dt.date | None = None) -> Any:
        return auswerten(
            [ordner], EINSTELLUNGEN_2016, tag, archiv=archiv, vergleich_am=vergleich_am
        )

    # The published week first, then the two weeks before it.
    assert lauf(BEISPIELE / "eingang", KW11).vergleich is None
    assert lauf(VERLAUF / "kw09", KW09).vergleich is None  # nothing earlier yet
    kw10 = lauf(VERLAUF / "kw10", KW10)
    assert kw10.vergleich is not None and kw10.vergleich.stichtag == KW09
    assert kw10.vergleich.kennzahlen["fehlender_wohnraum"] == -228 - -361

    # Repeated, the week of 16.03.2016 is its report as it went out: without a comparison
    # (nothing was earlier then); --vergleich asks for the week now before it, and a new
    # run compares with it by itself.
    assert wiederholen(archiv, EINSTELLUNGEN_2016, KW11, None).vergleich is None
    wieder = wiederholen(archiv, EINSTELLUNGEN_2016, KW11, KW10)
    assert wieder.vergleich is not None and wieder.vergleich.stichtag == KW10
    assert wieder.vergleich.kennzahlen["fehlender_wohnraum"] == -407 - -228
    assert [(p.stichtag, p.kennzahlen["fehlender_wohnraum"]) for p in wieder.verlauf] == [
        (KW09, -361),
        (KW10, -228),
        (KW11, -407),
    ]
    assert [p.veraenderung_fehlend for p in wieder.verlauf] == [None, 133, -179]
    nochmal = lauf(BEISPIELE / "eingang", KW11)
    assert nochmal.vergleich is not None and nochmal.vergleich.stichtag == KW10

    # --vergleich picks another Stichtag.
    anders = lauf(BEISPIELE / "eingang", KW11, vergleich_am=KW09)
    assert anders.vergleich is not None and anders.vergleich.stichtag == KW09
    assert anders.vergleich.kennzahlen["fehlender_wohnraum"] == -407 - -361
    frueher = wiederholen(archiv, EINSTELLUNGEN_2016, KW11, KW09)
    assert frueher.vergleich is not None and frueher.vergleich.kennzahlen == (
        anders.vergleich.kennzahlen
    )
    assert sql(archiv, "SELECT id, stichtag FROM laeufe ORDER BY id") == [
        (1, "2016-03-16"),
        (2, "2016-03-02"),
        (3, "2016-03-09"),
        (4, "2016-03-16"),
        (5, "2016-03-16"),
    ]


def test_vergleich_mit_einem_tag_ohne_lauf_ist_ein_falscher_aufruf(tmp_path: Path) -> None:
    archiv = tmp_path / "archiv.sqlite"
    for ordner, tag in WOCHEN[:2]:
        auswerten([ordner], EINSTELLUNGEN_2016, tag, archiv=archiv)
    inhalt = archiv.read_bytes()
    erwartet = (
        f"Fehler: --vergleich 05.03.2016: zu diesem Stichtag gibt es im Archiv {archiv} keinen "
        "Lauf. Stichtage im Archiv: 02.03.2016, 09.03.2016.\n"
    )

    mit_dateien = wrm(
        "auswerten", BEISPIELE / "eingang", "--archiv", archiv, "--vergleich", "05.03.2016"
    )
    ohne_dateien = wrm(
        "auswerten", "--archiv", archiv, "--stichtag", "09.03.2016", "--vergleich", "05.03.2016",
        "--konfig", KONFIG_2016,
    )  # fmt: skip

    for lauf in (mit_dateien, ohne_dateien):
        assert (lauf.returncode, lauf.stdout, lauf.stderr) == (2, "", erwartet)
    assert archiv.read_bytes() == inhalt  # nothing stored
    assert sql(archiv, "SELECT count(*) FROM laeufe") == [(2,)]


def test_wiederholung_behaelt_ihren_vergleich_nach_einer_korrektur(tmp_path: Path) -> None:
    """A week corrected later (a new run of 09.03.2016 with Bohmte's Version 2) does not
    change what the report of 16.03.2016 said about the week before: repeated, it compares
    with the run it compared with then."""
    archiv = tmp_path / "archiv.sqlite"
    for ordner, tag in ((VERLAUF / "kw09", KW09), (VERLAUF / "kw10", KW10)):
        auswerten([ordner], EINSTELLUNGEN_2016, tag, archiv=archiv)
    damals = auswerten([BEISPIELE / "eingang"], EINSTELLUNGEN_2016, KW11, archiv=archiv)
    assert damals.vergleich is not None
    assert damals.vergleich.zeilen["Bohmte"]["fehlender_wohnraum"] == -59 - -17
    korrigiert = tmp_path / "kw10"
    shutil.copytree(VERLAUF / "kw10", korrigiert)
    shutil.copy(VERLAUF / "korrektur" / "Meldung_Bohmte.xlsx", korrigiert)
    auswerten([korrigiert], EINSTELLUNGEN_2016, KW10, archiv=archiv)

    wieder = wiederholen(archiv, EINSTELLUNGEN_2016, KW11, None)
    assert wieder.vergleich == damals.vergleich
    # Asked for explicitly, the comparison is with the report of 09.03.2016 as it is now.
    neu = wiederholen(archiv, EINSTELLUNGEN_2016, KW11, KW10)
    assert neu.vergleich is not None
    assert neu.vergleich.zeilen["Bohmte"]["fehlender_wohnraum"] == -59 - -62
