"""The archive over several weeks (issue 15): the exact repetition of a past report, and
``wrm verlauf`` (the district, one Kommune, the reporting discipline) on a sequence of
runs built by hand.

Through the library (``ablauf.auswerten``, ``chronik.wiederholen``, ``chronik.verlauf``)
and SQL on the file; the command line for the JSON of a repetition, exit codes and
messages. What a single run stores is in test_archiv.py, the comparison in
test_archiv_vergleich.py.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from archivhilfen import (
    EINSTELLUNGEN_2016,
    KW09,
    KW10,
    KW11,
    VERLAUF,
    ZAHLEN,
    alle_arten,
    melden,
    probebezirk,
    sql,
    zeilen_je_kommune,
)
from conftest import BEISPIELE, wrm

from wrm_cli.ablauf import auswerten
from wrm_cli.chronik import verlauf, wiederholen
from wrm_cli.fehler import KonfigFehler
from wrm_cli.konfig import Einstellungen, konfig_laden
from wrm_cli.werte import datum_deutsch

KONFIG_2016 = BEISPIELE / "wrm.toml"
WOCHEN = ((VERLAUF / "kw09", KW09), (VERLAUF / "kw10", KW10), (BEISPIELE / "eingang", KW11))

# --- repeating a past report exactly ----------------------------------------------------------


def _json(*argumente: str | Path) -> tuple[int, dict[str, Any]]:
    lauf = wrm("auswerten", *argumente, "-f", "json", "--konfig", KONFIG_2016)
    assert lauf.returncode in (0, 1), lauf.stderr
    return lauf.returncode, json.loads(lauf.stdout)


def _wie_damals(archiv: Path, tag: dt.date, original: tuple[int, dict[str, Any]]) -> None:
    """``wrm auswerten --archiv A --stichtag D -f json`` equals the original run's JSON,
    key by key, but for the one hint that it is a repetition."""
    code, damals = original
    wieder_code, wieder = _json("--archiv", archiv, "--stichtag", datum_deutsch(tag))
    assert wieder_code == code
    assert list(wieder) == list(damals)
    for schluessel, wert in damals.items():
        if schluessel != "befunde":
            assert wieder[schluessel] == wert, schluessel
    zusaetzlich = [b for b in wieder["befunde"] if b not in damals["befunde"]]
    assert [b for b in wieder["befunde"] if b not in zusaetzlich] == damals["befunde"]
    ((lauf_id, ausgefuehrt),) = sql(
        archiv, "SELECT max(id), ausgefuehrt_am FROM laeufe WHERE stichtag = ?", tag.isoformat()
    )
    zeit = dt.datetime.fromisoformat(ausgefuehrt)
    assert [b["meldung"] for b in zusaetzlich] == [
        f"Wiederholung aus dem Archiv: der Bericht zum Stichtag {datum_deutsch(tag)} wie am "
        f"{datum_deutsch(zeit.date())}, {zeit:%H:%M} Uhr erstellt (Lauf {lauf_id})."
    ]


def test_wiederholung_gleicht_dem_bericht_von_damals(tmp_path: Path) -> None:
    archiv = tmp_path / "archiv.sqlite"
    original = {}
    for ordner, tag in WOCHEN[:2]:
        original[tag] = _json(ordner, "--stichtag", datum_deutsch(tag), "--archiv", archiv)
    _wie_damals(archiv, KW10, original[KW10])

    # A second run of 09.03.2016 with Bohmte's correction, then a later week: each
    # Stichtag's latest run is its report, and the earlier ones stay as they were.
    kw10 = tmp_path / "kw10"
    kw10.mkdir()
    for datei in (VERLAUF / "kw10").iterdir():
        (kw10 / datei.name).write_bytes(datei.read_bytes())
    (kw10 / "Meldung_Bohmte.xlsx").write_bytes(
        (VERLAUF / "korrektur" / "Meldung_Bohmte.xlsx").read_bytes()
    )
    original[KW10] = _json(kw10, "--stichtag", "09.03.2016", "--archiv", archiv)
    assert any(b["meldung"].startswith("Bohmte: korrigierte") for b in original[KW10][1]["befunde"])
    _wie_damals(archiv, KW10, original[KW10])
    original[KW11] = _json(BEISPIELE / "eingang", "--archiv", archiv)
    for tag in (KW09, KW10, KW11):
        _wie_damals(archiv, tag, original[tag])


def test_wiederholung_mit_jedem_meldestatus(tmp_path: Path) -> None:
    probe = probebezirk(tmp_path / "bezirk")
    archiv = tmp_path / "archiv.sqlite"
    damals = auswerten([alle_arten(tmp_path / "eingang", probe)], probe, KW11, archiv=archiv)

    wieder = wiederholen(archiv, probe, KW11, None)

    assert wieder.meldestatus == damals.meldestatus
    assert wieder.fehlende_kommunen == damals.fehlende_kommunen == ["Dornum", "Emden"]
    assert wieder.auswertung.datensaetze() == damals.auswertung.datensaetze()
    assert wieder.auswertung.gesamt == damals.auswertung.gesamt
    assert wieder.uebersicht == damals.uebersicht
    assert wieder.dateien == damals.dateien
    assert wieder.befunde[1:] == damals.befunde
    assert (wieder.meldende_kommunen, wieder.stand_aeltester, wieder.stand_neuester) == (
        damals.meldende_kommunen,
        damals.stand_aeltester,
        damals.stand_neuester,
    )


def test_wiederholung_in_der_reihenfolge_des_bezirks(tmp_path: Path) -> None:
    # The district's order (wrm.toml) is not the alphabet: the repetition keeps it.
    ordner = tmp_path / "bezirk"
    ordner.mkdir()
    (ordner / "wrm.toml").write_text(
        '[bezirk]\nname = "Landkreis Probe"\n'
        + "".join(
            f'\n[[kommunen]]\nname = "{name}"\n'
            for name in ("Emden", "Dornum", "Cranz", "Bergen", "Altdorf")
        ),
        encoding="utf-8",
    )
    probe = konfig_laden(ordner / "wrm.toml")
    eingang = tmp_path / "eingang"
    melden(eingang, probe, "Bergen", KW11, zuweisungen=5, zu_erfuellen=3, verfuegbar_gu=1)
    melden(eingang, probe, "Altdorf", KW11, zuweisungen=5, zu_erfuellen=3, verfuegbar_gu=2)
    archiv = tmp_path / "archiv.sqlite"
    damals = auswerten([eingang], probe, KW11, archiv=archiv)
    assert damals.fehlende_kommunen == ["Emden", "Dornum", "Cranz"]

    wieder = wiederholen(archiv, probe, KW11, None)

    assert [s.kommune for s in wieder.meldestatus] == [s.kommune for s in damals.meldestatus]
    assert wieder.fehlende_kommunen == damals.fehlende_kommunen


def test_stichtag_ohne_lauf_nimmt_die_neueste_meldung_bis_dahin(tmp_path: Path) -> None:
    archiv = tmp_path / "archiv.sqlite"
    kw09, kw10 = (
        auswerten([ordner], EINSTELLUNGEN_2016, tag, archiv=archiv) for ordner, tag in WOCHEN[:2]
    )

    _, bericht = _json("--archiv", archiv, "--stichtag", "12.03.2016")

    assert (
        "Für den Stichtag 12.03.2016 gibt es keinen Lauf im Archiv: ausgewertet ist die neueste "
        "archivierte Meldung jeder Kommune mit Stand bis zum 12.03.2016."
    ) in [b["meldung"] for b in bericht["befunde"]]
    # Hagen's Meldung of 02.03.2016 (kw10 has none), every other one of 09.03.2016.
    erwartet = {**zeilen_je_kommune(kw10)}
    erwartet["Hagen"] = zeilen_je_kommune(kw09)["Hagen"]
    assert len(erwartet) == 21
    gefunden = {zeile["kommune"]: zeile for zeile in bericht["zeilen"]}
    assert set(gefunden) == set(erwartet)
    for kommune, zeile in erwartet.items():
        assert {s: gefunden[kommune][s] for s in ZAHLEN} == {s: zeile[s] for s in ZAHLEN}
    assert sql(archiv, "SELECT count(*) FROM laeufe") == [(2,)]  # a repetition stores nothing

    vorher = wrm(
        "auswerten", "--archiv", archiv, "--stichtag", "01.01.2016", "--konfig", KONFIG_2016
    )
    assert (vorher.returncode, vorher.stdout) == (3, "")
    assert vorher.stderr == (
        f"Fehler: Im Archiv {archiv} gibt es weder einen Lauf zum Stichtag 01.01.2016 noch eine "
        "Meldung mit Stand bis dahin. Stichtage im Archiv: 02.03.2016, 09.03.2016.\n"
    )


# --- wrm verlauf on five runs built by hand ------------------------------------------------------

T1, T2, T3, T4, T5 = (dt.date(2016, 3, 1) + dt.timedelta(weeks=n) for n in range(5))


def _zahlen(*werte: int) -> dict[str, int]:
    """(1), (5), (6), (7), (8), (9), (10), (11)."""
    felder = (
        "zuweisungen",
        "zu_erfuellen",
        "untergebracht_gu",
        "untergebracht_dezentral",
        "verfuegbar_gu",
        "verfuegbar_dezentral",
        "in_aussicht_gu",
        "in_aussicht_dezentral",
    )
    return dict(zip(felder, werte, strict=True))


# Stichtag → Kommune → (Stand, Einschätzung, figures); Bergen's file at T3 is faulty.
FUENF_LAEUFE: dict[dt.date, dict[str, tuple[dt.date, str, dict[str, int]]]] = {
    T1: {
        "Altdorf": (dt.date(2016, 2, 29), "ausreichend", _zahlen(10, 8, 2, 6, 1, 1, 1, 1)),
        "Bergen": (dt.date(2016, 2, 29), "kritisch", _zahlen(20, 15, 5, 5, 2, 2, 0, 0)),
    },
    T2: {"Bergen": (dt.date(2016, 3, 7), "kritisch", _zahlen(20, 14, 5, 6, 1, 2, 1, 0))},
    T3: {
        "Bergen": (dt.date(2016, 3, 14), "kritisch", _zahlen(20, 14, 5, 6, -1, 2, 1, 0)),
        "Cranz": (dt.date(2016, 3, 14), "ausreichend", _zahlen(4, 3, 1, 1, 1, 1, 1, 0)),
    },
    T4: {  # Altdorf's Stand is 21 days old: veraltet
        "Altdorf": (dt.date(2016, 3, 1), "kritisch", _zahlen(10, 8, 2, 6, 0, 1, 0, 1)),
        "Bergen": (dt.date(2016, 3, 21), "kritisch", _zahlen(22, 15, 6, 6, 1, 1, 0, 0)),
    },
    T5: {
        "Altdorf": (dt.date(2016, 3, 28), "kritisch", _zahlen(12, 10, 3, 7, 0, 0, 1, 1)),
        "Bergen": (dt.date(2016, 3, 28), "kritisch", _zahlen(22, 13, 6, 8, 2, 2, 1, 1)),
    },
}


@pytest.fixture(scope="module")
def fuenf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Einstellungen]:
    wurzel = tmp_path_factory.mktemp("fuenf")
    probe = probebezirk(wurzel / "bezirk")
    archiv = wurzel / "archiv.sqlite"
    for tag, meldungen in FUENF_LAEUFE.items():
        ordner = wurzel / tag.isoformat()
        for kommune, (stand, einschaetzung, zahlen) in meldungen.items():
            werte: dict[str, Any] = {"einschaetzung": einschaetzung, **zahlen}
            melden(ordner, probe, kommune, stand, **werte)
        auswerten([ordner], probe, tag, archiv=archiv)
    return archiv, probe


def test_verlauf_des_bezirks(fuenf: tuple[Path, Einstellungen]) -> None:
    archiv, probe = fuenf
    bericht = verlauf(archiv, probe, "bezirk")

    assert bericht.stichtage == [T1, T2, T3, T4, T5]
    assert [
        (
            p.stichtag,
            p.meldende_kommunen,
            p.gesamt["zu_erfuellen"],
            p.kennzahlen["sofort_verfuegbar"],
            p.kennzahlen["in_aussicht"],
            p.kennzahlen["gesamtverfuegbarkeit"],
            p.kennzahlen["fehlender_wohnraum"],
            p.veraenderung_fehlend,
            p.kritisch,
            p.anteil_dezentral,
        )
        for p in bericht.punkte
    ] == [
        (T1, 2, 23, 6, 2, 8, 15, None, 1, pytest.approx(11 / 18)),
        (T2, 1, 14, 3, 1, 4, 10, -5, 1, pytest.approx(6 / 11)),
        (T3, 1, 3, 2, 1, 3, 0, -10, 0, pytest.approx(1 / 2)),
        (T4, 2, 23, 3, 1, 4, 19, 19, 2, pytest.approx(12 / 20)),
        (T5, 2, 23, 4, 4, 8, 15, -4, 2, pytest.approx(15 / 24)),
    ]
    assert bericht.punkte[0].gesamt["bisherige_zuweisungen"] == 30

    auswahl = verlauf(archiv, probe, "bezirk", von=T2, bis=T4)
    assert [p.stichtag for p in auswahl.punkte] == auswahl.stichtage == [T2, T3, T4]
    assert [p.veraenderung_fehlend for p in auswahl.punkte] == [None, -10, 19]


def test_verlauf_einer_kommune_auch_unter_ihrem_alias(fuenf: tuple[Path, Einstellungen]) -> None:
    archiv, probe = fuenf
    bericht = verlauf(archiv, probe, "kommune", kommune="Gemeinde Altdorf")

    assert bericht.kommune == "Altdorf"
    assert [
        (
            p.stichtag,
            p.status,
            p.stand,
            p.zeile["fehlender_wohnraum"] if p.zeile else None,
            p.veraenderung_fehlend,
        )
        for p in bericht.kommunenpunkte
    ] == [
        (T1, "aktuell", dt.date(2016, 2, 29), 4, None),
        (T2, "fehlt", None, None, None),
        (T3, "fehlt", None, None, None),
        (T4, "veraltet", dt.date(2016, 3, 1), 6, None),
        (T5, "aktuell", dt.date(2016, 3, 28), 8, 2),
    ]
    zeile = bericht.kommunenpunkte[0].zeile
    assert zeile is not None and {s: zeile[s] for s in ZAHLEN} == dict(
        zip(ZAHLEN, (10, 8, 1, 1, 1, 1, 4, 4), strict=True)
    )
    bergen = verlauf(archiv, probe, "kommune", von=T3, bis=T3, kommune="bergen")
    assert [(p.status, p.zeile) for p in bergen.kommunenpunkte] == [("ungültig", None)]


def test_verlauf_unbekannte_kommune_mit_vorschlag(fuenf: tuple[Path, Einstellungen]) -> None:
    archiv, probe = fuenf
    with pytest.raises(KonfigFehler) as fehler:
        verlauf(archiv, probe, "kommune", kommune="Altdrf")
    text = (
        "--kommune „Altdrf“ ist keine Kommune des Bezirks Landkreis Probe. Meinten Sie „Altdorf“?"
    )
    assert str(fehler.value) == text

    konfig = probe.quelle
    lauf = wrm("verlauf", "--archiv", archiv, "--kommune", "Altdrf", "--konfig", konfig)
    assert (lauf.returncode, lauf.stdout, lauf.stderr) == (2, "", f"Fehler: {text}\n")
    lauf = wrm("verlauf", "--archiv", archiv, "--von", "22.03.2016", "--bis", "08.03.2016")
    assert lauf.returncode == 2
    assert lauf.stderr == "Fehler: --von 22.03.2016 liegt nach --bis 08.03.2016 – bitte tauschen.\n"


def _verhalten(bericht: Any) -> dict[str, tuple[Any, ...]]:
    return {
        v.kommune: (
            v.laeufe,
            v.aktuell,
            v.veraltet,
            v.fehlt,
            v.ungueltig,
            v.ohne_aktuelle_meldung_max,
            v.kritisch_in_folge,
            v.letzter_stand,
        )
        for v in bericht.meldeverhalten
    }


def test_meldeverhalten(fuenf: tuple[Path, Einstellungen]) -> None:
    archiv, probe = fuenf
    bericht = verlauf(archiv, probe, "meldungen")

    # Altdorf: aktuell, fehlt, fehlt, veraltet, aktuell – three weeks without a current
    # Meldung; "kritisch" in the last two.
    assert _verhalten(bericht) == {
        "Altdorf": (5, 2, 1, 2, 0, 3, 2, dt.date(2016, 3, 28)),
        "Bergen": (5, 4, 0, 0, 1, 1, 2, dt.date(2016, 3, 28)),
        "Cranz": (5, 1, 0, 4, 0, 2, 0, dt.date(2016, 3, 14)),
        "Dornum": (5, 0, 0, 5, 0, 5, 0, None),
        "Emden": (5, 0, 0, 5, 0, 5, 0, None),
    }
    assert [v.kommune for v in bericht.meldeverhalten] == list(probe.bezirk.kommunennamen)

    auswahl = verlauf(archiv, probe, "meldungen", von=T2, bis=T4)
    assert auswahl.stichtage == [T2, T3, T4]
    assert _verhalten(auswahl)["Altdorf"] == (3, 0, 1, 2, 0, 3, 1, dt.date(2016, 3, 1))
    assert _verhalten(auswahl)["Bergen"] == (3, 2, 0, 0, 1, 1, 1, dt.date(2016, 3, 21))


def test_laeufe_im_archiv(fuenf: tuple[Path, Einstellungen]) -> None:
    archiv, _ = fuenf
    assert sql(archiv, "SELECT stichtag FROM laeufe ORDER BY id") == [
        (tag.isoformat(),) for tag in (T1, T2, T3, T4, T5)
    ]
    assert sql(
        archiv,
        "SELECT l.stichtag, k.status FROM lauf_kommunen k JOIN laeufe l ON l.id = k.lauf_id "
        "WHERE k.kommune = 'Bergen' ORDER BY l.id",
    ) == [(T1.isoformat(), "aktuell"), (T2.isoformat(), "aktuell"), (T3.isoformat(), "ungültig"),
          (T4.isoformat(), "aktuell"), (T5.isoformat(), "aktuell")]  # fmt: skip
    # Eight Meldungen in the five runs; Bergen's faulty one of T3 is not among them.
    assert sql(archiv, "SELECT count(*) FROM meldungen") == [(8,)]


def test_zweiter_lauf_eines_stichtags_ist_dessen_bericht(
    fuenf: tuple[Path, Einstellungen], tmp_path: Path
) -> None:
    vorlage, probe = fuenf
    archiv = tmp_path / "archiv.sqlite"
    shutil.copy(vorlage, archiv)
    # A late file for T5: Cranz reports too (fehlender Wohnraum 2 more).
    ordner = tmp_path / "spaet"
    for kommune, (stand, einschaetzung, zahlen) in FUENF_LAEUFE[T5].items():
        werte: dict[str, Any] = {"einschaetzung": einschaetzung, **zahlen}
        melden(ordner, probe, kommune, stand, **werte)
    spaet: dict[str, Any] = {"einschaetzung": "kritisch", **_zahlen(4, 3, 1, 1, 0, 1, 0, 0)}
    melden(ordner, probe, "Cranz", dt.date(2016, 3, 28), **spaet)
    auswerten([ordner], probe, T5, archiv=archiv)

    assert sql(archiv, "SELECT count(*) FROM laeufe WHERE stichtag = ?", T5.isoformat()) == [(2,)]
    punkte = verlauf(archiv, probe, "bezirk").punkte
    assert [p.stichtag for p in punkte] == [T1, T2, T3, T4, T5]
    assert (punkte[-1].meldende_kommunen, punkte[-1].kennzahlen["fehlender_wohnraum"]) == (3, 17)
    assert (punkte[-1].kritisch, punkte[-1].veraenderung_fehlend) == (3, -2)
    verhalten = _verhalten(verlauf(archiv, probe, "meldungen"))
    assert verhalten["Cranz"] == (5, 2, 0, 3, 0, 2, 1, dt.date(2016, 3, 28))
    assert verhalten["Altdorf"] == (5, 2, 1, 2, 0, 3, 2, dt.date(2016, 3, 28))
    cranz = verlauf(archiv, probe, "kommune", kommune="Cranz").kommunenpunkte
    assert [p.status for p in cranz] == ["fehlt", "fehlt", "aktuell", "fehlt", "aktuell"]


def test_ohne_archivdatei_kein_verlauf_und_keine_wiederholung(tmp_path: Path) -> None:
    archiv = tmp_path / "fehlt.sqlite"
    erwartet = (
        f"Fehler: Das Archiv {archiv} gibt es nicht – es entsteht beim ersten „wrm auswerten … "
        f"--archiv {archiv}“.\n"
    )
    for lauf in (
        wrm("verlauf", "--archiv", archiv, "--konfig", KONFIG_2016),
        wrm("auswerten", "--archiv", archiv, "--stichtag", "09.03.2016", "--konfig", KONFIG_2016),
    ):
        assert (lauf.returncode, lauf.stdout, lauf.stderr) == (3, "", erwartet)
    assert not archiv.exists()
