"""The archive (issue 15), tested by what it holds: what one run stores, that nothing is
stored twice, corrections as version 2, and where the archive is.

Through the library (``ablauf.auswerten``, ``chronik.wiederholen``) and SQL on the file;
the command line only for exit codes and messages. The change since the comparison run
and back-filling are in test_archiv_vergleich.py, repeating past reports and
``wrm verlauf`` in test_archiv_verlauf.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest
from archivhilfen import (
    EINSTELLUNGEN_2016,
    FELDER,
    KW10,
    KW11,
    VERLAUF,
    VORWOCHE,
    alle_arten,
    hinweistexte,
    melden,
    probebezirk,
    spalten,
    sql,
    woche,
    zeilen_je_kommune,
)
from conftest import BEISPIELE, wrm

from wrm_cli import __version__
from wrm_cli.ablauf import auswerten
from wrm_cli.chronik import wiederholen
from wrm_cli.konfig import Einstellungen


@pytest.fixture
def probe(tmp_path: Path) -> Einstellungen:
    return probebezirk(tmp_path / "bezirk")


# --- what a run stores ------------------------------------------------------------------------


def test_ein_lauf_speichert_meldungen_lauf_und_jede_kommune(
    tmp_path: Path, probe: Einstellungen
) -> None:
    eingang = alle_arten(tmp_path / "eingang", probe)
    archiv = tmp_path / "archiv.sqlite"
    vorher = dt.datetime.now().astimezone().replace(microsecond=0)

    bericht = auswerten([eingang], probe, KW11, archiv=archiv)

    # The documented columns, under their documented names.
    dokumentiert = [
        "id",
        "kommune",
        "stand",
        *FELDER,
        "ansprechpartner",
        "telefon",
        "email",
        "datei",
        "datei_sha256",
        "eingelesen_am",
        "version",
    ]
    assert spalten(archiv, "meldungen")[: len(dokumentiert)] == dokumentiert
    assert spalten(archiv, "laeufe")[:5] == [
        "id",
        "ausgefuehrt_am",
        "stichtag",
        "bezirk",
        "wrm_version",
    ]
    assert spalten(archiv, "lauf_kommunen")[:4] == ["lauf_id", "kommune", "status", "meldung_id"]

    # Every Meldung used, once, under the canonical name; NULL where blank.
    meldungen = sql(
        archiv,
        f"SELECT id, kommune, stand, {', '.join(FELDER)}, ansprechpartner, telefon, email, "
        "datei, datei_sha256, eingelesen_am, version FROM meldungen ORDER BY kommune",
    )
    assert [zeile[1:15] for zeile in meldungen] == [
        ("Altdorf", "2016-03-14", 10, 9, None, None, 8, 1, 8, 2, 1, None, 0, "kritisch"),
        ("Bergen", "2016-02-01", 20, None, None, None, 5, None, None, None, None, None, None, None),
        ("Cranz", None, 6, None, None, None, 4, None, None, 1, 1, 1, 1, "ausreichend"),
    ]
    altdorf, bergen, cranz = meldungen
    assert altdorf[15:18] == ("Frau Muster", "05401 123", "muster@altdorf.example")
    assert [m[18] for m in meldungen] == [
        "Meldung_Altdorf.xlsx",
        "Meldung_Bergen.xlsx",
        "Meldung_Cranz.csv",
    ]
    for zeile in meldungen:
        inhalt = (eingang / zeile[18]).read_bytes()
        assert zeile[19] == hashlib.sha256(inhalt).hexdigest()
        eingelesen = dt.datetime.fromisoformat(zeile[20])
        assert eingelesen.tzinfo is not None and eingelesen >= vorher
        assert zeile[21] == 1

    # The run, and every Kommune of the district with its status.
    ((lauf_id, ausgefuehrt, stichtag, bezirk, version),) = sql(
        archiv, "SELECT id, ausgefuehrt_am, stichtag, bezirk, wrm_version FROM laeufe"
    )
    assert (stichtag, bezirk, version) == ("2016-03-16", "Landkreis Probe", __version__)
    assert dt.datetime.fromisoformat(ausgefuehrt) >= vorher
    assert sql(
        archiv,
        "SELECT kommune, status, meldung_id FROM lauf_kommunen WHERE lauf_id = ? ORDER BY kommune",
        lauf_id,
    ) == [
        ("Altdorf", "aktuell", altdorf[0]),
        ("Bergen", "veraltet", bergen[0]),
        ("Cranz", "ohne Stand", cranz[0]),
        ("Dornum", "ungültig", None),
        ("Emden", "fehlt", None),
    ]
    # The report says the same as the archive.
    assert [(s.kommune, s.status) for s in bericht.meldestatus] == [
        ("Altdorf", "aktuell"),
        ("Bergen", "veraltet"),
        ("Cranz", "ohne Stand"),
        ("Dornum", "ungültig"),
        ("Emden", "fehlt"),
    ]
    assert bericht.vergleich is None  # nothing earlier to compare with


def test_dieselbe_meldung_wird_nicht_zweimal_gespeichert_aber_jeder_lauf(
    tmp_path: Path, probe: Einstellungen
) -> None:
    eingang = alle_arten(tmp_path / "eingang", probe)
    archiv = tmp_path / "archiv.sqlite"
    auswerten([eingang], probe, KW11, archiv=archiv)
    # The same files again, and the same Meldung of Altdorf copied under another name.
    kopie = tmp_path / "spaeter"
    shutil.copytree(eingang, kopie)
    shutil.move(kopie / "Meldung_Altdorf.xlsx", kopie / "Altdorf_Meldung_nochmal.xlsx")

    zweiter = auswerten([kopie], probe, KW11, archiv=archiv)

    assert sql(archiv, "SELECT count(*) FROM meldungen") == [(3,)]
    assert sql(archiv, "SELECT id, stichtag FROM laeufe ORDER BY id") == [
        (1, "2016-03-16"),
        (2, "2016-03-16"),
    ]
    verwendet = "SELECT kommune, meldung_id FROM lauf_kommunen WHERE lauf_id = ? ORDER BY kommune"
    assert sql(archiv, verwendet, 1) == sql(archiv, verwendet, 2)
    assert not any("korrigiert" in text for text in hinweistexte(zweiter))
    # Both runs are kept; the latest is the report of that Stichtag.
    wiederholt = wiederholen(archiv, probe, KW11, None)
    assert hinweistexte(wiederholt)[0].endswith("erstellt (Lauf 2).")


def test_beispielwoche_jede_verwendete_meldung_einmal(tmp_path: Path) -> None:
    archiv = tmp_path / "archiv.sqlite"
    erster = auswerten([BEISPIELE / "eingang"], EINSTELLUNGEN_2016, KW11, archiv=archiv)
    auswerten([BEISPIELE / "eingang"], EINSTELLUNGEN_2016, KW11, archiv=archiv)

    gespeichert = sql(archiv, "SELECT kommune, stand, datei FROM meldungen ORDER BY id")
    assert len(gespeichert) == len(erster.uebersicht) == erster.meldende_kommunen
    assert sorted(gespeichert) == sorted(
        (z["kommune"], z["stand"].isoformat(), z["datei"]) for z in erster.uebersicht
    )
    assert sql(archiv, "SELECT count(*) FROM laeufe") == [(2,)]
    assert sql(archiv, "SELECT count(*) FROM lauf_kommunen GROUP BY lauf_id") == [(21,), (21,)]


# --- corrections ------------------------------------------------------------------------------

KORREKTUR = (
    "Bohmte: korrigierte Meldung zum Stand 09.03.2016 (Version 2) – sie gilt ab jetzt statt "
    "der archivierten Version 1."
)


def test_korrektur_wird_version_2_und_gilt_ab_dann(tmp_path: Path) -> None:
    archiv = tmp_path / "archiv.sqlite"
    kw10 = tmp_path / "kw10"
    shutil.copytree(VERLAUF / "kw10", kw10)
    erster = auswerten([kw10], EINSTELLUNGEN_2016, KW10, archiv=archiv)
    assert zeilen_je_kommune(erster)["Bohmte"]["verfuegbar_dezentral"] == 16
    anzahl = sql(archiv, "SELECT count(*) FROM meldungen")[0][0]
    shutil.copy(VERLAUF / "korrektur" / "Meldung_Bohmte.xlsx", kw10 / "Meldung_Bohmte.xlsx")

    zweiter = auswerten([kw10], EINSTELLUNGEN_2016, KW10, archiv=archiv)

    assert [t for t in hinweistexte(zweiter) if t.startswith("Bohmte: korrigierte")] == [KORREKTUR]
    assert KORREKTUR.startswith("Bohmte: korrigierte Meldung zum Stand 09.03.2016 (Version 2)")
    assert zeilen_je_kommune(zweiter)["Bohmte"]["verfuegbar_dezentral"] == 61
    # Appended, nothing overwritten: both versions, the rest not again.
    assert sql(archiv, "SELECT count(*) FROM meldungen")[0][0] == anzahl + 1
    assert sql(
        archiv,
        "SELECT version, verfuegbar_dezentral, stand FROM meldungen WHERE kommune = 'Bohmte' "
        "ORDER BY version",
    ) == [(1, 16, "2016-03-09"), (2, 61, "2016-03-09")]
    assert sql(
        archiv,
        "SELECT k.lauf_id, m.version FROM lauf_kommunen k JOIN meldungen m ON m.id = "
        "k.meldung_id WHERE k.kommune = 'Bohmte' ORDER BY k.lauf_id",
    ) == [(1, 1), (2, 2)]

    # From then on version 2 counts: the report of 09.03.2016, a Stichtag without a run,
    # and the comparison of the next week.
    assert (
        zeilen_je_kommune(wiederholen(archiv, EINSTELLUNGEN_2016, KW10, None))["Bohmte"][
            "verfuegbar_dezentral"
        ]
        == 61
    )
    ohne_lauf = wiederholen(archiv, EINSTELLUNGEN_2016, dt.date(2016, 3, 12), None)
    assert zeilen_je_kommune(ohne_lauf)["Bohmte"]["verfuegbar_dezentral"] == 61
    kw11 = auswerten([BEISPIELE / "eingang"], EINSTELLUNGEN_2016, KW11, archiv=archiv)
    jetzt = zeilen_je_kommune(kw11)["Bohmte"]["verfuegbar_dezentral"]
    assert kw11.vergleich is not None and kw11.vergleich.stichtag == KW10
    assert kw11.vergleich.zeilen["Bohmte"]["verfuegbar_dezentral"] == jetzt - 61

    # The old file once more: evaluated as given, with a hint that a newer version exists.
    shutil.copy(VERLAUF / "kw10" / "Meldung_Bohmte.xlsx", kw10 / "Meldung_Bohmte.xlsx")
    dritter = auswerten([kw10], EINSTELLUNGEN_2016, KW10, archiv=archiv)
    assert (
        "Bohmte: die Meldung zum Stand 09.03.2016 entspricht Version 1; im Archiv steht eine "
        "korrigierte Version 2 – bitte prüfen, welche gilt (ausgewertet ist die Datei)."
    ) in hinweistexte(dritter)
    assert sql(archiv, "SELECT count(*) FROM meldungen")[0][0] == anzahl + 1 + len(kw11.uebersicht)


def test_zwei_meldungen_gleichen_stands_in_einem_lauf_bleiben_widerspruch(tmp_path: Path) -> None:
    archiv = tmp_path / "archiv.sqlite"
    eingang = tmp_path / "kw10"
    shutil.copytree(VERLAUF / "kw10", eingang)
    shutil.copy(VERLAUF / "korrektur" / "Meldung_Bohmte.xlsx", eingang / "Meldung_Bohmte_neu.xlsx")

    bericht = auswerten([eingang], EINSTELLUNGEN_2016, KW10, archiv=archiv)

    assert "Bohmte" not in zeilen_je_kommune(bericht)
    assert (
        "Widersprüchliche Meldungen von Bohmte mit gleichem Stand 09.03.2016 in "
        "Meldung_Bohmte.xlsx und Meldung_Bohmte_neu.xlsx – keine davon wird ausgewertet; bitte "
        "die richtige Fassung behalten und die andere entfernen."
    ) in hinweistexte(bericht)
    assert sql(archiv, "SELECT count(*) FROM meldungen WHERE kommune = 'Bohmte'") == [(0,)]
    assert sql(archiv, "SELECT status, meldung_id FROM lauf_kommunen WHERE kommune = 'Bohmte'") == [
        ("ungültig", None)
    ]
    assert not any("korrigiert" in text for text in hinweistexte(bericht))


# --- where the archive is ----------------------------------------------------------------------


def test_archiv_aus_wrm_toml_neben_der_datei_archiv_option_ohne_archiv(tmp_path: Path) -> None:
    bezirk = tmp_path / "bezirk"
    probe = probebezirk(bezirk, '\n[archiv]\ndatei = "wrm-archiv.sqlite"\n')
    assert probe.archiv == bezirk / "wrm-archiv.sqlite"
    woche(bezirk / "eingang", probe, VORWOCHE)
    anderswo = tmp_path / "anderswo"
    anderswo.mkdir()
    beim_bezirk = bezirk / "wrm-archiv.sqlite"
    laeufe = "SELECT count(*) FROM laeufe"

    # wrm.toml beside the input names the archive, relative to its own folder.
    lauf = wrm("auswerten", bezirk / "eingang", "--stichtag", "09.03.2016", cwd=anderswo)
    assert lauf.returncode == 0, lauf.stderr
    assert sql(beim_bezirk, laeufe) == [(1,)]
    assert list(anderswo.iterdir()) == []

    # --archiv overrides it.
    eigenes = tmp_path / "eigenes.sqlite"
    lauf = wrm(
        "auswerten", bezirk / "eingang", "--stichtag", "09.03.2016", "--archiv", eigenes,
        cwd=anderswo,
    )  # fmt: skip
    assert lauf.returncode == 0, lauf.stderr
    assert sql(eigenes, laeufe) == [(1,)]
    assert sql(beim_bezirk, laeufe) == [(1,)]

    # --ohne-archiv keeps nothing anywhere.
    inhalt = beim_bezirk.read_bytes()
    lauf = wrm(
        "auswerten", bezirk / "eingang", "--stichtag", "16.03.2016", "--ohne-archiv",
        "-f", "json", cwd=anderswo,
    )  # fmt: skip
    assert lauf.returncode == 0, lauf.stderr
    assert beim_bezirk.read_bytes() == inhalt
    assert sql(eigenes, laeufe) == [(1,)]
    assert list(anderswo.iterdir()) == []
    ohne = auswerten([bezirk / "eingang"], probe, KW11, archiv=None)
    assert ohne.vergleich is None and ohne.verlauf == []

    beides = wrm("auswerten", bezirk / "eingang", "--archiv", eigenes, "--ohne-archiv")
    assert beides.returncode == 2
    assert beides.stderr == (
        "Fehler: Bitte entweder --archiv DATEI oder --ohne-archiv angeben, nicht beides.\n"
    )


def test_beispiel_2016_ohne_archiv_unveraendert(tmp_path: Path) -> None:
    assert EINSTELLUNGEN_2016.archiv is None
    ohne = auswerten([BEISPIELE / "eingang"], EINSTELLUNGEN_2016, KW11)
    mit = auswerten([BEISPIELE / "eingang"], EINSTELLUNGEN_2016, KW11, archiv=tmp_path / "a.sqlite")
    assert ohne.vergleich is None and ohne.verlauf == []
    assert ohne.auswertung.datensaetze() == mit.auswertung.datensaetze()
    assert ohne.auswertung.gesamt == mit.auswertung.gesamt
    assert ohne.auswertung.kennzahlen["fehlender_wohnraum"] == -407
    assert hinweistexte(ohne) == hinweistexte(mit)
    assert not list(BEISPIELE.rglob("*.sqlite"))


def test_ohne_auswertbare_meldung_wird_nichts_aufbewahrt(
    tmp_path: Path, probe: Einstellungen
) -> None:
    eingang = tmp_path / "eingang"
    melden(eingang, probe, "Dornum", KW11, zuweisungen=3, verfuegbar_gu=-4)
    archiv = tmp_path / "archiv.sqlite"

    lauf = wrm("auswerten", eingang, "--archiv", archiv, "--konfig", probe.quelle)

    assert lauf.returncode == 3
    assert not archiv.exists()  # a new archive comes with its first run, none is left empty
    melden(eingang, probe, "Altdorf", KW11, zuweisungen=3)
    assert wrm("auswerten", eingang, "--archiv", archiv, "--konfig", probe.quelle).returncode == 1
    assert sql(archiv, "SELECT count(*) FROM laeufe") == [(1,)]
    melden(eingang, probe, "Altdorf", KW11, zuweisungen=3, verfuegbar_gu=-4)
    assert wrm("auswerten", eingang, "--archiv", archiv, "--konfig", probe.quelle).returncode == 3
    assert sql(archiv, "SELECT count(*) FROM laeufe") == [(1,)]
