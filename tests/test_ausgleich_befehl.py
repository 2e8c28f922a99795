"""wrm ausgleich reads and checks exactly like wrm auswerten: the same Befunde and exit
codes; without inputs it takes the report of a Stichtag from the archive, and it never
changes the archive."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from archivhilfen import KW09, KW10
from conftest import BEISPIELE, wrm

EINGANG = BEISPIELE / "eingang"
VERLAUF = BEISPIELE / "verlauf"
KONFIG = BEISPIELE / "wrm.toml"


def _json(*argumente: str | Path) -> tuple[int, dict]:
    lauf = wrm(*argumente, "-f", "json", "--konfig", KONFIG)
    return lauf.returncode, json.loads(lauf.stdout) if lauf.stdout else {}


def _pruefsumme(pfad: Path) -> str:
    return hashlib.sha256(pfad.read_bytes()).hexdigest()


def test_dieselben_befunde_und_rueckgabewerte_wie_auswerten(tmp_path: Path) -> None:
    # The published week, with Hagen's faulty file instead of its own and one unreadable file.
    eingang = tmp_path / "eingang"
    shutil.copytree(EINGANG, eingang)
    shutil.copy(BEISPIELE / "fehlerhaft" / "Meldung_Hagen.xlsx", eingang / "Meldung_Hagen.xlsx")
    (eingang / "Meldung_Kaputt.xlsx").write_bytes(b"PK\x03\x04 kaputt")
    code_a, auswertung = _json("auswerten", eingang)
    code_b, ausgleich = _json("ausgleich", eingang)
    assert code_a == code_b == 1
    assert ausgleich["befunde"] == auswertung["befunde"]
    assert any(b["stufe"] == "fehler" for b in ausgleich["befunde"])
    # Hagen (faulty) takes no part; the others do as in the table.
    beteiligt = {k["kommune"] for k in ausgleich["kommunen"]}
    tabelle = {z["kommune"] for z in auswertung["zeilen"] if z["fehlender_wohnraum"] is not None}
    assert beteiligt == tabelle
    assert "Hagen" not in beteiligt


def test_nichts_lesbar_ist_rueckgabewert_3(tmp_path: Path) -> None:
    (tmp_path / "leer.xlsx").write_bytes(b"")
    a = wrm("auswerten", tmp_path / "leer.xlsx")
    b = wrm("ausgleich", tmp_path / "leer.xlsx")
    assert a.returncode == b.returncode == 3
    assert a.stderr == b.stderr
    assert b.stdout == ""


def test_aus_dem_archiv_ohne_es_zu_aendern(tmp_path: Path) -> None:
    archiv = tmp_path / "archiv.sqlite"
    for woche, tag in (("kw09", KW09), ("kw10", KW10)):
        lauf = wrm(
            "auswerten", VERLAUF / woche, "--archiv", archiv, "--stichtag", tag.isoformat(),
            "--konfig", KONFIG, "-f", "json",
        )  # fmt: skip
        assert lauf.returncode == 0, lauf.stderr
    vorher = _pruefsumme(archiv)
    code, aus_archiv = _json("ausgleich", "--archiv", archiv, "--stichtag", "09.03.2016")
    assert code == 0
    assert aus_archiv["stichtag"] == "2016-03-09"
    code, aus_dateien = _json("ausgleich", VERLAUF / "kw10", "--stichtag", "09.03.2016")
    assert code == 0
    # The same proposal as from the week's files (the archive's hint aside).
    for key in ("vorschlaege", "kommunen", "summe"):
        assert aus_archiv[key] == aus_dateien[key]
    assert _pruefsumme(archiv) == vorher


def test_archiv_und_eingabe_zugleich_ist_ein_falscher_aufruf(tmp_path: Path) -> None:
    lauf = wrm("ausgleich", EINGANG, "--archiv", tmp_path / "archiv.sqlite")
    assert lauf.returncode == 2
    assert lauf.stderr.splitlines() == [
        "Fehler: wrm ausgleich liest entweder Meldungsdateien oder mit --archiv DATEI "
        "--stichtag DATUM einen Bericht aus dem Archiv – bitte nicht beides angeben."
    ]
    assert not (tmp_path / "archiv.sqlite").exists()
    ohne = wrm("ausgleich")
    assert ohne.returncode == 2
    assert ohne.stderr.splitlines() == [
        "Fehler: Bitte Meldungsdateien oder Ordner angeben, z. B. wrm ausgleich eingang/ – oder "
        "mit --archiv DATEI --stichtag DATUM einen Bericht aus dem Archiv."
    ]


def test_archiv_aus_wrm_toml_bleibt_bei_eingaben_unberuehrt(tmp_path: Path) -> None:
    (tmp_path / "wrm.toml").write_text(
        KONFIG.read_text("utf-8") + '\n[archiv]\ndatei = "archiv.sqlite"\n', encoding="utf-8"
    )
    lauf = wrm("ausgleich", EINGANG, "--konfig", tmp_path / "wrm.toml", "-f", "json")
    assert lauf.returncode == 0, lauf.stderr
    assert not (tmp_path / "archiv.sqlite").exists()


def test_gleiche_eingabe_gleicher_vorschlag() -> None:
    erste = wrm("ausgleich", EINGANG, "-f", "json").stdout
    assert erste == wrm("ausgleich", EINGANG, "-f", "json").stdout
    # Files named in another order: the same proposal (the hints follow the files).
    dateien = sorted(EINGANG.glob("*.xlsx"), reverse=True)
    andere = json.loads(wrm("ausgleich", *dateien, "--konfig", KONFIG, "-f", "json").stdout)
    for key in ("vorschlaege", "kommunen", "summe"):
        assert andere[key] == json.loads(erste)[key]
