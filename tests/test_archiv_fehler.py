"""Archives wrm cannot use, and the migration of an older one.

Each bad archive – not an SQLite file, damaged, truncated, read-only, another district's,
from a newer wrm, another program's SQLite file, a folder, a missing folder – gives one
German sentence naming the file and what to do, exit 3, no traceback, no report, and the
file stays byte-identical; with ``--ohne-archiv`` the report is there anyway. A schema
version 1 archive (tests/daten/archiv_v1.sqlite, made by tests/archiv_v1_erzeugen.py) is
taken to the current version in place by ``wrm verlauf`` and ``wrm auswerten``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import stat
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from archiv_v1_erzeugen import V1_SPALTEN, laeufe_ausfuehren
from conftest import BEISPIELE, DATEN, wrm
from openpyxl import load_workbook

from wrm_cli.archiv.schema import SCHEMAVERSION, SUMMEN

EINGANG = BEISPIELE / "eingang"
KONFIG = BEISPIELE / "wrm.toml"
ARCHIV_V1 = DATEN / "archiv_v1.sqlite"
OHNE = " Den Bericht ohne Archiv gibt es mit --ohne-archiv."
# Words of SQLite's or Python's own messages that must never reach the user.
FREMD = ("Traceback", "sqlite3", "database", "locked", "malformed", "Error", "error")


def pruefsumme(pfad: Path) -> str:
    return hashlib.sha256(pfad.read_bytes()).hexdigest()


def ordnerabbild(ordner: Path) -> dict[str, str]:
    """Every file below ``ordner`` with its checksum (journal files would show up)."""
    return {str(p.relative_to(ordner)): pruefsumme(p) for p in ordner.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def echtes_archiv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real archive of the published week (one run)."""
    archiv = tmp_path_factory.mktemp("echt") / "archiv.sqlite"
    lauf = wrm("auswerten", EINGANG, "--konfig", KONFIG, "--archiv", archiv, "-f", "json")
    assert lauf.returncode == 0, lauf.stderr
    return archiv


# --- the bad archives: built at ``ziel`` from a real one -----------------------------


def _xlsx(ziel: Path, echt: Path) -> None:
    shutil.copy(EINGANG / "Meldung_Melle.xlsx", ziel)


def _text(ziel: Path, echt: Path) -> None:
    ziel.write_text("Kommune;Stand\nMelle;16.03.2016\n", encoding="utf-8")


def _beschaedigt(ziel: Path, echt: Path) -> None:
    """Every page after the first overwritten in its header and cells, as a broken disk
    or an interrupted copy leaves it: the header still says SQLite."""
    inhalt = bytearray(echt.read_bytes())
    seite = int.from_bytes(inhalt[16:18], "big")
    assert len(inhalt) // seite >= 5
    for anfang in range(seite, len(inhalt), seite):
        inhalt[anfang : anfang + 64] = b"\xa5" * 64
        inhalt[anfang + seite - 512 : anfang + seite] = b"\x5a" * 512
    ziel.write_bytes(inhalt)


def _abgeschnitten(ziel: Path, echt: Path) -> None:
    inhalt = echt.read_bytes()
    ziel.write_bytes(inhalt[: len(inhalt) // 2])


def _schreibgeschuetzt(ziel: Path, echt: Path) -> None:
    shutil.copy(echt, ziel)
    ziel.chmod(0o444)


def _anderer_bezirk(ziel: Path, echt: Path) -> None:
    shutil.copy(echt, ziel)
    with closing(sqlite3.connect(ziel)) as db:
        db.execute("UPDATE laeufe SET bezirk = 'Landkreis Emsland'")
        db.commit()


def _anderer_bezirk_v1(ziel: Path, echt: Path) -> None:
    """An older archive of another district: refused before it would be migrated."""
    _anderer_bezirk(ziel, ARCHIV_V1)


def _neuere_version(ziel: Path, echt: Path) -> None:
    shutil.copy(echt, ziel)
    with closing(sqlite3.connect(ziel)) as db:
        db.execute("PRAGMA user_version = 99")


def _anderes_programm(ziel: Path, echt: Path) -> None:
    with closing(sqlite3.connect(ziel)) as db:
        db.execute("CREATE TABLE kunden (id INTEGER PRIMARY KEY, name TEXT)")
        db.execute("CREATE TABLE rechnungen (id INTEGER PRIMARY KEY, betrag REAL)")
        db.execute("INSERT INTO kunden (name) VALUES ('Müller')")
        db.commit()


def _ordner(ziel: Path, echt: Path) -> None:
    ziel.mkdir()
    (ziel / "notiz.txt").write_text("kein Archiv\n", encoding="utf-8")


KEINE_SQLITE = (
    "{a} ist keine SQLite-Datei und damit kein wrm-Archiv – bitte die richtige Datei "
    "angeben (sie bleibt unverändert)."
)
BESCHAEDIGT = (
    "Das Archiv {a} ist beschädigt und lässt sich nicht lesen – bitte die letzte Sicherung "
    "zurückspielen."
)
SCHREIBGESCHUETZT = (
    "Das Archiv {a} ist schreibgeschützt – bitte den Schreibschutz der Datei (und ihres "
    "Ordners) aufheben."
)
ANDERER_BEZIRK = (
    "Das Archiv {a} gehört zum Bezirk „Landkreis Emsland“, die Auswertung zum Bezirk "
    "„Landkreis Osnabrück“ – bitte das Archiv dieses Bezirks angeben (oder die passende "
    "wrm.toml mit --konfig)."
)
NEUERE_VERSION = (
    "Das Archiv {a} stammt von einer neueren wrm-Version (Archivversion 99, diese "
    f"wrm-Version kennt bis {SCHEMAVERSION}) – bitte wrm aktualisieren."
)
ANDERES_PROGRAMM = (
    "{a} ist eine SQLite-Datei, aber kein wrm-Archiv (sie enthält die Tabellen kunden, "
    "rechnungen) – bitte die richtige Datei angeben (sie bleibt unverändert)."
)
ORDNER = (
    "Das Archiv {a} ist ein Ordner, keine Datei – bitte die Archivdatei angeben, z. B. "
    "{a}/wrm-archiv.sqlite."
)

Bauen = Callable[[Path, Path], None]
# name: (build, file name, the message of auswerten, of verlauf (None: it works))
FAELLE: dict[str, tuple[Bauen, str, str, str | None]] = {
    "xlsx": (_xlsx, "archiv.xlsx", KEINE_SQLITE, KEINE_SQLITE),
    "text": (_text, "archiv.txt", KEINE_SQLITE, KEINE_SQLITE),
    "beschaedigt": (_beschaedigt, "archiv.sqlite", BESCHAEDIGT, BESCHAEDIGT),
    "abgeschnitten": (_abgeschnitten, "archiv.sqlite", BESCHAEDIGT, BESCHAEDIGT),
    "schreibgeschuetzt": (_schreibgeschuetzt, "archiv.sqlite", SCHREIBGESCHUETZT, None),
    "anderer_bezirk": (_anderer_bezirk, "archiv.sqlite", ANDERER_BEZIRK, ANDERER_BEZIRK),
    "anderer_bezirk_v1": (_anderer_bezirk_v1, "archiv.sqlite", ANDERER_BEZIRK, ANDERER_BEZIRK),
    "neuere_version": (_neuere_version, "archiv.sqlite", NEUERE_VERSION, NEUERE_VERSION),
    "anderes_programm": (_anderes_programm, "daten.db", ANDERES_PROGRAMM, ANDERES_PROGRAMM),
    "ordner": (_ordner, "archive", ORDNER, ORDNER),
}


def _ohne_fremdes(stderr: str) -> None:
    for wort in FREMD:
        assert wort not in stderr, stderr


def _konfig_mit_archiv(ordner: Path, datei: str) -> Path:
    konfig = ordner / "wrm.toml"
    text = KONFIG.read_text(encoding="utf-8")
    konfig.write_text(f'{text}\n[archiv]\ndatei = "{datei}"\n', encoding="utf-8")
    return konfig


@pytest.mark.parametrize("fall", FAELLE)
def test_unbrauchbares_archiv(fall: str, echtes_archiv: Path, tmp_path: Path) -> None:
    bauen, name, auswerten_satz, verlauf_satz = FAELLE[fall]
    ordner = tmp_path / "ablage"
    ordner.mkdir()
    archiv = ordner / name
    bauen(archiv, echtes_archiv)
    vorher = ordnerabbild(ordner)
    modus = archiv.stat().st_mode
    bericht = tmp_path / "bericht.xlsx"

    lauf = wrm(
        "auswerten", EINGANG, "--konfig", KONFIG, "--archiv", archiv, "-o", bericht, cwd=tmp_path
    )
    assert (lauf.returncode, lauf.stdout) == (3, "")
    assert lauf.stderr == f"Fehler: {auswerten_satz.format(a=archiv)}{OHNE}\n"
    _ohne_fremdes(lauf.stderr)
    assert not bericht.exists()

    lauf = wrm("verlauf", "--konfig", KONFIG, "--archiv", archiv, "-f", "json", cwd=tmp_path)
    if verlauf_satz is None:  # reading a read-only archive works
        assert (lauf.returncode, lauf.stderr) == (0, "")
        assert [p["stichtag"] for p in json.loads(lauf.stdout)["laeufe"]] == ["2016-03-16"]
    else:
        assert (lauf.returncode, lauf.stdout) == (3, "")
        assert lauf.stderr == f"Fehler: {verlauf_satz.format(a=archiv)}\n"
        _ohne_fremdes(lauf.stderr)

    # The archive named in wrm.toml: the same refusal, and --ohne-archiv gives the report.
    konfig = _konfig_mit_archiv(tmp_path, f"ablage/{name}")
    lauf = wrm("auswerten", EINGANG, "--konfig", konfig, "-o", bericht, cwd=tmp_path)
    assert lauf.returncode == 3
    assert lauf.stderr == f"Fehler: {auswerten_satz.format(a=archiv)}{OHNE}\n"
    assert not bericht.exists()
    lauf = wrm("auswerten", EINGANG, "--konfig", konfig, "--ohne-archiv", "-o", bericht)
    assert lauf.returncode == 0, lauf.stderr
    mappe = load_workbook(bericht, read_only=True)
    assert "Auswertung" in mappe.sheetnames
    mappe.close()

    assert ordnerabbild(ordner) == vorher
    assert archiv.stat().st_mode == modus


def test_ordner_des_archivs_fehlt(tmp_path: Path) -> None:
    archiv = tmp_path / "fehlt" / "archiv.sqlite"
    bericht = tmp_path / "bericht.xlsx"
    lauf = wrm("auswerten", EINGANG, "--konfig", KONFIG, "--archiv", archiv, "-o", bericht)
    assert (lauf.returncode, lauf.stdout) == (3, "")
    assert lauf.stderr == (
        f"Fehler: Den Ordner {archiv.parent} für das Archiv {archiv} gibt es nicht – bitte "
        f"den Ordner anlegen oder einen anderen Pfad angeben.{OHNE}\n"
    )
    lauf = wrm("verlauf", "--konfig", KONFIG, "--archiv", archiv)
    assert (lauf.returncode, lauf.stdout) == (3, "")
    assert lauf.stderr == (
        f"Fehler: Das Archiv {archiv} gibt es nicht – es entsteht beim ersten „wrm auswerten "
        f"… --archiv {archiv}“.\n"
    )
    assert not bericht.exists()
    assert list(tmp_path.iterdir()) == []


def test_schreibgeschuetzt_wiederholen_geht(echtes_archiv: Path, tmp_path: Path) -> None:
    """Repeating a past report only reads: it works on a read-only archive."""
    archiv = tmp_path / "archiv.sqlite"
    shutil.copy(echtes_archiv, archiv)
    archiv.chmod(0o444)
    vorher = ordnerabbild(tmp_path)
    lauf = wrm(
        "auswerten",
        "--konfig",
        KONFIG,
        "--archiv",
        archiv,
        "--stichtag",
        "16.03.2016",
        "-f",
        "json",
    )
    assert lauf.returncode == 0, lauf.stderr
    assert json.loads(lauf.stdout)["kennzahlen"]["fehlender_wohnraum"] == -407
    assert ordnerabbild(tmp_path) == vorher


@pytest.mark.parametrize(
    ("argumente", "meldung"),
    [
        (
            ("auswerten", EINGANG, "--vergleich", "31.02.2016"),
            "Fehler: --vergleich „31.02.2016“ ist kein Datum – erwartet wird z. B. 16.03.2016.\n",
        ),
        (
            ("auswerten", EINGANG, "--ohne-archiv"),
            "Fehler: Bitte entweder --archiv DATEI oder --ohne-archiv angeben, nicht beides.\n",
        ),
        (
            ("verlauf", "--von", "31.02.2016"),
            "Fehler: --von „31.02.2016“ ist kein Datum – erwartet wird z. B. 16.03.2016.\n",
        ),
    ],
)
def test_falsche_option(
    argumente: tuple[str | Path, ...], meldung: str, echtes_archiv: Path, tmp_path: Path
) -> None:
    archiv = tmp_path / "archiv.sqlite"
    shutil.copy(echtes_archiv, archiv)
    vorher = pruefsumme(archiv)
    lauf = wrm(*argumente, "--konfig", KONFIG, "--archiv", archiv, "-o", tmp_path / "b.xlsx")
    assert (lauf.returncode, lauf.stdout) == (2, "")
    assert lauf.stderr == meldung
    _ohne_fremdes(lauf.stderr)
    assert pruefsumme(archiv) == vorher
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archiv.sqlite"]


# --- migration from schema version 1 ---------------------------------------------------


def _spalten(db: sqlite3.Connection, tabelle: str) -> list[str]:
    return [zeile[1] for zeile in db.execute(f"PRAGMA table_info({tabelle})")]


def _v1_inhalt(pfad: Path) -> dict[str, list[tuple[object, ...]]]:
    """The documented columns of every table, row by row."""
    with closing(sqlite3.connect(pfad)) as db:
        spalten = {**V1_SPALTEN, "meldungen": tuple(_spalten(db, "meldungen"))}
        return {
            tabelle: db.execute(f"SELECT {', '.join(s)} FROM {tabelle} ORDER BY 1, 2").fetchall()
            for tabelle, s in spalten.items()
        }


def test_v1_datei_ist_echt() -> None:
    """The committed fixture is a true version-1 file: only the documented columns."""
    with closing(sqlite3.connect(f"file:{ARCHIV_V1}?mode=ro", uri=True)) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (1,)
        assert _spalten(db, "laeufe") == list(V1_SPALTEN["laeufe"])
        assert _spalten(db, "lauf_kommunen") == list(V1_SPALTEN["lauf_kommunen"])
        assert "gesamt_summe" not in _spalten(db, "laeufe")
        tage = db.execute("SELECT stichtag FROM laeufe ORDER BY id").fetchall()
        assert tage == [("2016-03-02",), ("2016-03-09",), ("2016-03-16",)]
        assert db.execute("SELECT count(*) FROM lauf_kommunen").fetchone() == (63,)


@pytest.fixture(scope="module")
def frisches_archiv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same three runs, made by this wrm into a new archive."""
    archiv = tmp_path_factory.mktemp("frisch") / "archiv.sqlite"
    laeufe_ausfuehren(archiv)
    return archiv


def _json(*argumente: str | Path) -> object:
    lauf = wrm(*argumente, "--konfig", KONFIG, "-f", "json")
    assert lauf.returncode == 0, lauf.stderr
    return json.loads(lauf.stdout)


def _summen(pfad: Path) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(pfad)) as db:
        return db.execute(
            f"SELECT stichtag, {', '.join(SUMMEN)} FROM laeufe ORDER BY id"
        ).fetchall()


@pytest.mark.parametrize("befehl", ["verlauf", "auswerten"])
def test_umstellung_von_version_1(befehl: str, frisches_archiv: Path, tmp_path: Path) -> None:
    archiv = tmp_path / "alt.sqlite"
    shutil.copy(ARCHIV_V1, archiv)
    alt = _v1_inhalt(archiv)
    if befehl == "verlauf":
        _json("verlauf", "--archiv", archiv)
    else:  # the repetition of a past report migrates it too
        _json("auswerten", "--archiv", archiv, "--stichtag", "09.03.2016")

    with closing(sqlite3.connect(archiv)) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMAVERSION,)
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert set(SUMMEN) <= set(_spalten(db, "laeufe"))
    assert _v1_inhalt(archiv) == alt  # nothing of version 1 changed
    assert _summen(archiv) == _summen(frisches_archiv)
    for art in ((), ("--kommune", "Hagen"), ("--meldungen",)):
        assert _json("verlauf", "--archiv", archiv, *art) == _json(
            "verlauf", "--archiv", frisches_archiv, *art
        )

    # The old runs are still repeated as they were reported.
    for tag in ("02.03.2016", "09.03.2016", "16.03.2016"):
        alt_bericht = _json("auswerten", "--archiv", archiv, "--stichtag", tag)
        frisch = _json("auswerten", "--archiv", frisches_archiv, "--stichtag", tag)
        assert isinstance(alt_bericht, dict) and isinstance(frisch, dict)
        for schluessel in ("stichtag", "zeilen", "gesamt", "kennzahlen", "vergleich"):
            assert alt_bericht[schluessel] == frisch[schluessel], schluessel

    # And a new run goes on from there.
    lauf = wrm("auswerten", EINGANG, "--konfig", KONFIG, "--archiv", archiv, "-f", "json")
    assert lauf.returncode == 0, lauf.stderr
    assert json.loads(lauf.stdout)["vergleich"]["stichtag"] == "2016-03-09"


def test_umstellung_schreibgeschuetzt(tmp_path: Path) -> None:
    archiv = tmp_path / "alt.sqlite"
    shutil.copy(ARCHIV_V1, archiv)
    os.chmod(archiv, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    vorher = ordnerabbild(tmp_path)
    lauf = wrm("verlauf", "--konfig", KONFIG, "--archiv", archiv)
    assert (lauf.returncode, lauf.stdout) == (3, "")
    assert lauf.stderr == (
        f"Fehler: Das Archiv {archiv} muss auf die Archivversion {SCHEMAVERSION} umgestellt "
        "werden, ist aber schreibgeschützt – bitte den Schreibschutz aufheben.\n"
    )
    assert ordnerabbild(tmp_path) == vorher
