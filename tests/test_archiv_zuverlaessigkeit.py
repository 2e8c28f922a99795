"""The archive under real processes: killed runs, runs at the same time, the journal.

- SIGKILL at many moments of ``wrm auswerten`` (reading, the write transaction – found by
  its ``-journal`` file –, after the commit) and of the migration of a large version-1
  archive: ``PRAGMA integrity_check`` says ok, the archive holds the whole run (or
  migration) or nothing of it, and the next normal run succeeds.
- A second process holding the lock: wrm waits ([archiv] wartezeit_sekunden) and
  succeeds, or says in German that the archive is in use (exit 3, archive unchanged, no
  report). Two runs started together both succeed.
- The rollback journal, never WAL (archives live on Windows network drives).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import BEISPIELE, PROJEKT, prozessumgebung

from wrm_cli.archiv.schema import SCHEMAVERSION, SUMMEN, VERSION_1, anweisungen
from wrm_cli.felder import FELD

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

ANZAHL = 1000  # Kommunen of the large district: the write transaction takes measurable time
EINGANG = BEISPIELE / "eingang"
KONFIG = BEISPIELE / "wrm.toml"
OHNE = " Den Bericht ohne Archiv gibt es mit --ohne-archiv."


def wrm_befehl(*argumente: str | Path) -> list[str]:
    return [sys.executable, "-m", "wrm_cli", *map(str, argumente)]


def starten(*argumente: str | Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        wrm_befehl(*argumente),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=prozessumgebung(),
        cwd=PROJEKT,
    )


def ausfuehren(*argumente: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        wrm_befehl(*argumente),
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=prozessumgebung(),
        check=False,
        timeout=300,
    )


def journal(archiv: Path) -> Path:
    return archiv.with_name(archiv.name + "-journal")


def pruefsumme(pfad: Path) -> str:
    return hashlib.sha256(pfad.read_bytes()).hexdigest()


# --- the large district -----------------------------------------------------------------


@dataclass(frozen=True)
class Gross:
    konfig: Path
    eingang: Path  # Stand 16.03.2016, one CSV row per Kommune
    basis: Path  # an archive with one run (Stand and Stichtag 09.03.2016)


def _tabelle(ziel: Path, stand: str) -> None:
    quelle = (BEISPIELE / "uebersicht_2016.csv").read_text(encoding="utf-8").splitlines()
    kopf, zeilen = quelle[0], [z for z in quelle[1:] if z.strip()]
    assert kopf.split(";")[:2] == ["kommune", "stand"]
    ausgabe = [kopf]
    for nr in range(1, ANZAHL + 1):
        teile = zeilen[nr % len(zeilen)].split(";")
        teile[:2] = [f"Gemeinde {nr:05d}", stand]
        ausgabe.append(";".join(teile))
    ziel.mkdir()
    (ziel / "tabelle.csv").write_text("\n".join(ausgabe) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def gross(tmp_path_factory: pytest.TempPathFactory) -> Gross:
    ordner = tmp_path_factory.mktemp("gross")
    zeilen = ["[bezirk]", 'name = "Testkreis"', "stichtag = 2016-03-16"]
    zeilen += ["[quote]", "beginn = 2015-12-04", "ende = 2016-07-31"]
    for nr in range(1, ANZAHL + 1):
        zeilen += ["[[kommunen]]", f'name = "Gemeinde {nr:05d}"']
    konfig = ordner / "wrm.toml"
    konfig.write_text("\n".join(zeilen) + "\n", encoding="utf-8")
    _tabelle(ordner / "kw10", "09.03.2016")
    _tabelle(ordner / "kw11", "16.03.2016")
    basis = ordner / "basis.sqlite"
    lauf = ausfuehren(
        "auswerten", ordner / "kw10", "--konfig", konfig, "--stichtag", "09.03.2016",
        "--archiv", basis, "-f", "json",
    )  # fmt: skip
    assert lauf.returncode == 0, lauf.stderr
    return Gross(konfig, ordner / "kw11", basis)


def _lauf(gross: Gross, archiv: Path) -> list[str | Path]:
    return ["auswerten", gross.eingang, "--konfig", gross.konfig, "--archiv", archiv, "-f", "json"]


def bestand(archiv: Path, kommunen: int) -> int:
    """The archive is sound and holds only complete runs: every run with one row per
    Kommune and its totals, every Meldung belonging to a run. The number of runs."""
    with closing(sqlite3.connect(archiv)) as db:  # rolls a hot journal back, as wrm does
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMAVERSION,)
        laeufe = db.execute(
            "SELECT l.id, count(k.kommune), count(m.id), l.meldende_kommunen, "
            "l.gesamt_summe IS NOT NULL FROM laeufe l LEFT JOIN lauf_kommunen k "
            "ON k.lauf_id = l.id LEFT JOIN meldungen m ON m.id = k.meldung_id GROUP BY l.id"
        ).fetchall()
        for nr, zeilen, gemeldet, meldend, summen in laeufe:
            assert (zeilen, gemeldet, meldend, summen) == (kommunen, kommunen, kommunen, 1), nr
        verwaist = db.execute(
            "SELECT count(*) FROM meldungen WHERE id NOT IN "
            "(SELECT meldung_id FROM lauf_kommunen WHERE meldung_id IS NOT NULL)"
        ).fetchone()
        assert verwaist == (0,)
        staende = db.execute("SELECT count(DISTINCT stand), count(*) FROM meldungen").fetchone()
        assert staende[1] == staende[0] * kommunen
        return len(laeufe)


@dataclass(frozen=True)
class Zeiten:
    gesamt: float  # start to exit
    journal_ab: float  # when the -journal file appeared for the last time
    journal_bis: float


def beobachten(prozess: subprocess.Popen[bytes], archiv: Path) -> Zeiten:
    """Polls the folder until the process ends: when the journal of its (last) write
    transaction existed; a WAL or shared-memory file would fail the test."""
    start, zustand, fenster = time.perf_counter(), False, [0.0, 0.0]
    wal = [archiv.with_name(archiv.name + endung) for endung in ("-wal", "-shm")]
    while prozess.poll() is None:
        da = journal(archiv).exists()
        if da != zustand:
            fenster[0 if da else 1] = time.perf_counter() - start
            zustand = da
        assert not any(p.exists() for p in wal)
    assert prozess.returncode == 0
    return Zeiten(time.perf_counter() - start, *fenster)


def toeten(prozess: subprocess.Popen[bytes], archiv: Path, nach: float, im_journal: bool) -> bool:
    """SIGKILL ``nach`` seconds after the start, or after the journal appeared; whether
    the process was still running."""
    if im_journal:
        while not journal(archiv).exists() and prozess.poll() is None:
            pass
    if nach:
        time.sleep(nach)
    laeuft = prozess.poll() is None
    prozess.send_signal(signal.SIGKILL)
    prozess.wait()
    return laeuft


def test_abbruch_eines_laufs(gross: Gross, tmp_path: Path) -> None:
    archiv = tmp_path / "archiv.sqlite"
    shutil.copy(gross.basis, archiv)
    zeiten = beobachten(starten(*_lauf(gross, archiv)), archiv)
    assert bestand(archiv, ANZAHL) == 2
    dauer = zeiten.journal_bis - zeiten.journal_ab
    assert dauer > 0  # the transaction's journal was seen

    # A spread over the whole run, then moments inside the transaction.
    momente = [(zeiten.gesamt * (0.05 + 1.25 * i / 6), False) for i in range(7)]
    momente += [(dauer * anteil, True) for anteil in (0, 0, 0.25, 0.5)]
    ausgang = {"nichts": 0, "ganz": 0, "im_journal": 0}
    for nach, im_journal in momente:
        archiv.unlink()
        shutil.copy(gross.basis, archiv)
        laeuft = toeten(starten(*_lauf(gross, archiv)), archiv, nach, im_journal)
        offen = journal(archiv).exists()  # a transaction left open: never committed
        laeufe = bestand(archiv, ANZAHL)
        if offen:
            assert laeufe == 1
            ausgang["im_journal"] += 1
        if not laeuft:
            assert laeufe == 2
        ausgang["ganz" if laeufe == 2 else "nichts"] += 1
        # The next run goes through as if nothing had happened.
        lauf = ausfuehren(*_lauf(gross, archiv))
        assert lauf.returncode == 0, lauf.stderr
        assert bestand(archiv, ANZAHL) == laeufe + 1
        assert not journal(archiv).exists()
    # Timing on a busy machine varies: enough that each outcome was seen, not how often.
    assert ausgang["nichts"] >= 2 and ausgang["ganz"] >= 1, ausgang
    assert ausgang["im_journal"] >= 2, ausgang


def test_abbruch_beim_anlegen(gross: Gross, tmp_path: Path) -> None:
    """Killed while the first run creates the archive: no archive or a sound one."""
    archiv = tmp_path / "neu.sqlite"
    for nach in (0.3, 0.6, 0.9, 0.0):
        archiv.unlink(missing_ok=True)
        toeten(starten(*_lauf(gross, archiv)), archiv, nach, im_journal=nach == 0.0)
        if archiv.exists() and archiv.stat().st_size:
            assert bestand(archiv, ANZAHL) in (0, 1)
        lauf = ausfuehren(*_lauf(gross, archiv))
        assert lauf.returncode == 0, lauf.stderr
        assert bestand(archiv, ANZAHL) >= 1


# --- killed during the migration from version 1 -----------------------------------------


def _v1_anlegen(archiv: Path, laeufe: int) -> None:
    """A version-1 archive of ``laeufe`` weekly runs of the large district."""
    felder = tuple(FELD)
    with closing(sqlite3.connect(archiv)) as db:
        for anweisung in anweisungen(VERSION_1):
            db.execute(anweisung)
        spalten = ("id", "kommune", "stand", *felder, "datei", "datei_sha256", "eingelesen_am")
        meldungen, zeilen = [], []
        for lauf in range(1, laeufe + 1):
            stichtag = (dt.date(2015, 1, 7) + dt.timedelta(weeks=lauf)).isoformat()
            db.execute(
                "INSERT INTO laeufe VALUES (?, ?, ?, 'Testkreis', '0.1.0')",
                (lauf, f"{stichtag}T12:00:00+01:00", stichtag),
            )
            for nr in range(1, ANZAHL + 1):
                mid = (lauf - 1) * ANZAHL + nr
                werte = [(nr * lauf + i) % 97 for i in range(len(felder) - 1)]
                einschaetzung = "kritisch" if (nr + lauf) % 7 == 0 else "ausreichend"
                meldungen.append(
                    (mid, f"Gemeinde {nr:05d}", stichtag, *werte, einschaetzung,
                     "tabelle.csv", "0" * 64, f"{stichtag}T12:00:00+01:00")
                )  # fmt: skip
                zeilen.append((lauf, f"Gemeinde {nr:05d}", "aktuell", mid))
        db.executemany(
            f"INSERT INTO meldungen ({', '.join(spalten)}) "
            f"VALUES ({', '.join('?' * len(spalten))})",
            meldungen,
        )
        db.executemany("INSERT INTO lauf_kommunen VALUES (?, ?, ?, ?)", zeilen)
        db.execute("PRAGMA user_version = 1")
        db.commit()


def _inhalt(archiv: Path) -> tuple[object, ...]:
    """Schema version, the version-1 content (digest) and the run totals."""
    with closing(sqlite3.connect(archiv)) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        spalten = [z[1] for z in db.execute("PRAGMA table_info(laeufe)")]
        digest = hashlib.sha256()
        for abfrage in (
            "SELECT * FROM meldungen ORDER BY id",  # version 2 adds no column here
            "SELECT lauf_id, kommune, status, meldung_id FROM lauf_kommunen ORDER BY 1, 2",
        ):
            for zeile in db.execute(abfrage):
                digest.update(repr(zeile).encode())
        for zeile in db.execute("SELECT id, ausgefuehrt_am, stichtag, bezirk FROM laeufe"):
            digest.update(repr(zeile).encode())
        if version == 1:
            assert spalten == ["id", "ausgefuehrt_am", "stichtag", "bezirk", "wrm_version"]
            return (1, digest.hexdigest(), None)
        summen = db.execute(f"SELECT {', '.join(SUMMEN)} FROM laeufe ORDER BY id").fetchall()
        assert all(None not in zeile for zeile in summen)
        return (version, digest.hexdigest(), summen)


def test_abbruch_der_umstellung(gross: Gross, tmp_path: Path) -> None:
    vorlage = tmp_path / "v1.sqlite"
    _v1_anlegen(vorlage, 40)
    alt = _inhalt(vorlage)
    archiv = tmp_path / "archiv.sqlite"
    befehl = ("verlauf", "--konfig", gross.konfig, "--archiv", archiv, "-f", "json")
    shutil.copy(vorlage, archiv)
    zeiten = beobachten(starten(*befehl), archiv)
    umgestellt = _inhalt(archiv)
    assert umgestellt[:2] == (SCHEMAVERSION, alt[1])
    dauer = zeiten.journal_bis - zeiten.journal_ab
    assert dauer > 0

    momente = [(zeiten.gesamt * (0.1 + i / 5), False) for i in range(6)]
    momente += [(dauer * anteil, True) for anteil in (0, 0.4, 0.8)]
    gesehen = set()
    for nach, im_journal in momente:
        archiv.unlink()
        shutil.copy(vorlage, archiv)
        laeuft = toeten(starten(*befehl), archiv, nach, im_journal)
        offen = journal(archiv).exists()
        jetzt = _inhalt(archiv)
        assert jetzt in (alt, umgestellt)  # version 1 untouched, or version 2 complete
        if offen:
            assert jetzt == alt
        if not laeuft:
            assert jetzt == umgestellt
        gesehen.add(jetzt[0])
        lauf = ausfuehren(*befehl)
        assert lauf.returncode == 0, lauf.stderr
        assert _inhalt(archiv) == umgestellt
    assert gesehen == {1, SCHEMAVERSION}


# --- two processes at once --------------------------------------------------------------

# Holds the archive's lock (BEGIN IMMEDIATE: no other writer; EXCLUSIVE: no reader either)
# until a line arrives on stdin, then rolls back.
HALTER = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN " + sys.argv[2])
db.execute("CREATE TABLE IF NOT EXISTS halter (x)")
print("gesperrt", flush=True)
sys.stdin.readline()
print("frei", flush=True)
db.execute("ROLLBACK")
"""


@contextmanager
def gesperrt(archiv: Path, art: str = "IMMEDIATE") -> Iterator[subprocess.Popen[str]]:
    halter = subprocess.Popen(
        [sys.executable, "-c", HALTER, str(archiv), art],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert halter.stdout is not None
    try:
        assert halter.stdout.readline() == "gesperrt\n"
        yield halter
    finally:
        if halter.poll() is None:
            halter.communicate("\n", timeout=30)


def freigeben(halter: subprocess.Popen[str]) -> None:
    assert halter.stdin is not None and halter.stdout is not None
    halter.stdin.write("\n")
    halter.stdin.flush()
    assert halter.stdout.readline() == "frei\n"


def _konfig(ordner: Path, wartezeit: int) -> Path:
    konfig = ordner / "wrm.toml"
    text = KONFIG.read_text(encoding="utf-8")
    konfig.write_text(f"{text}\n[archiv]\nwartezeit_sekunden = {wartezeit}\n", encoding="utf-8")
    return konfig


def _kleines_archiv(ordner: Path) -> Path:
    """An archive with the run of the week before (kw10)."""
    archiv = ordner / "archiv.sqlite"
    lauf = ausfuehren(
        "auswerten", BEISPIELE / "verlauf" / "kw10", "--konfig", KONFIG,
        "--stichtag", "09.03.2016", "--archiv", archiv, "-f", "json",
    )  # fmt: skip
    assert lauf.returncode == 0, lauf.stderr
    return archiv


def _laeufe(archiv: Path) -> list[tuple[str, int]]:
    with closing(sqlite3.connect(archiv)) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return db.execute(
            "SELECT l.stichtag, count(k.kommune) FROM laeufe l "
            "JOIN lauf_kommunen k ON k.lauf_id = l.id GROUP BY l.id ORDER BY l.id"
        ).fetchall()


@pytest.mark.parametrize("art", ["IMMEDIATE", "EXCLUSIVE"])
def test_wartet_und_gelingt(art: str, tmp_path: Path) -> None:
    archiv = _kleines_archiv(tmp_path)
    konfig = _konfig(tmp_path, 60)
    bericht = tmp_path / "bericht.json"
    with gesperrt(archiv, art) as halter:
        wrm = subprocess.Popen(
            wrm_befehl("auswerten", EINGANG, "--konfig", konfig, "--archiv", archiv, "-o", bericht),
            env=prozessumgebung(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        time.sleep(3)  # longer than reading the 21 files takes
        assert wrm.poll() is None  # waiting for the lock
        freigeben(halter)
        assert wrm.poll() is None
        _, fehlerausgabe = wrm.communicate(timeout=120)
    assert wrm.returncode == 0, fehlerausgabe
    assert bericht.exists()
    assert _laeufe(archiv) == [("2016-03-09", 21), ("2016-03-16", 21)]


@pytest.mark.parametrize("art", ["IMMEDIATE", "EXCLUSIVE"])
def test_wartezeit_abgelaufen(art: str, tmp_path: Path) -> None:
    archiv = _kleines_archiv(tmp_path)
    konfig = _konfig(tmp_path, 1)
    vorher = pruefsumme(archiv)
    bericht = tmp_path / "bericht.xlsx"
    with gesperrt(archiv, art):
        lauf = ausfuehren(
            "auswerten", EINGANG, "--konfig", konfig, "--archiv", archiv, "-o", bericht
        )
    assert (lauf.returncode, lauf.stdout) == (3, "")
    assert lauf.stderr == (
        f"Fehler: Das Archiv {archiv} wird gerade von einem anderen wrm-Lauf benutzt; nach 1 "
        f"Sekunde Warten wurde abgebrochen – bitte später erneut versuchen.{OHNE}\n"
    )
    assert not bericht.exists()
    assert pruefsumme(archiv) == vorher
    assert not journal(archiv).exists()
    assert _laeufe(archiv) == [("2016-03-09", 21)]


def test_verlauf_liest_neben_einem_schreibenden(tmp_path: Path) -> None:
    """Reading needs no write lock: ``wrm verlauf`` answers while a run writes; only an
    exclusive lock (a run's commit) makes it wait, then give up in German."""
    archiv = _kleines_archiv(tmp_path)
    konfig = _konfig(tmp_path, 1)
    befehl = ("verlauf", "--konfig", konfig, "--archiv", archiv, "-f", "csv")
    with gesperrt(archiv, "IMMEDIATE"):
        lauf = ausfuehren(*befehl)
    assert (lauf.returncode, lauf.stderr) == (0, "")
    assert "2016" in lauf.stdout
    with gesperrt(archiv, "EXCLUSIVE"):
        lauf = ausfuehren(*befehl)
    assert (lauf.returncode, lauf.stdout) == (3, "")
    assert lauf.stderr == (
        f"Fehler: Das Archiv {archiv} wird gerade von einem anderen wrm-Lauf benutzt; nach 1 "
        "Sekunde Warten wurde abgebrochen – bitte später erneut versuchen.\n"
    )


@pytest.mark.parametrize("neu", [False, True], ids=["vorhanden", "neu"])
def test_zwei_laeufe_gleichzeitig(neu: bool, tmp_path: Path) -> None:
    archiv = tmp_path / "archiv.sqlite" if neu else _kleines_archiv(tmp_path)
    vorher = [] if neu else [("2016-03-09", 21)]
    konfig = _konfig(tmp_path, 60)
    befehl = ("auswerten", EINGANG, "--konfig", konfig, "--archiv", archiv, "-f", "json")
    prozesse = [
        subprocess.Popen(
            wrm_befehl(*befehl), env=prozessumgebung(), stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]  # fmt: skip
    for prozess in prozesse:
        _, fehlerausgabe = prozess.communicate(timeout=120)
        assert prozess.returncode == 0, fehlerausgabe
    assert _laeufe(archiv) == [*vorher, ("2016-03-16", 21), ("2016-03-16", 21)]
    with closing(sqlite3.connect(archiv)) as db:  # the same Meldungen are stored once
        assert db.execute(
            "SELECT count(*) FROM meldungen WHERE stand = '2016-03-16'"
        ).fetchone() == (21,)


@pytest.mark.parametrize("quelle", ["leer", "version_1"])
def test_zwei_umstellungen_gleichzeitig(quelle: str, tmp_path: Path) -> None:
    """Two runs find the archive new (an empty file) or at version 1 and both wait for the
    lock to create or migrate it: the second finds the work done."""
    archiv = tmp_path / "archiv.sqlite"
    if quelle == "leer":
        archiv.touch()
    else:
        shutil.copy(PROJEKT / "tests" / "daten" / "archiv_v1.sqlite", archiv)
    konfig = _konfig(tmp_path, 60)
    befehl = ("auswerten", EINGANG, "--konfig", konfig, "--archiv", archiv, "-f", "json")
    with gesperrt(archiv) as halter:
        prozesse = [
            subprocess.Popen(
                wrm_befehl(*befehl), env=prozessumgebung(), stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            for _ in range(2)
        ]  # fmt: skip
        time.sleep(3)
        assert [p.poll() for p in prozesse] == [None, None]
        freigeben(halter)
        for prozess in prozesse:
            _, fehlerausgabe = prozess.communicate(timeout=120)
            assert prozess.returncode == 0, fehlerausgabe.decode()
    alt = [] if quelle == "leer" else [(t, 21) for t in ("2016-03-02", "2016-03-09", "2016-03-16")]
    assert _laeufe(archiv) == [*alt, ("2016-03-16", 21), ("2016-03-16", 21)]
    with closing(sqlite3.connect(archiv)) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMAVERSION,)


# --- the journal ------------------------------------------------------------------------


def _journalart(archiv: Path) -> tuple[str, bytes]:
    """SQLite's journal mode and the file header's read/write versions (1: rollback
    journal, 2: WAL)."""
    with closing(sqlite3.connect(archiv)) as db:
        modus = db.execute("PRAGMA journal_mode").fetchone()[0]
    with open(archiv, "rb") as datei:
        return modus, datei.read(20)[18:20]


def test_rollback_journal(tmp_path: Path) -> None:
    archiv = _kleines_archiv(tmp_path)
    assert _journalart(archiv) == ("delete", b"\x01\x01")
    prozess = starten("auswerten", EINGANG, "--konfig", KONFIG, "--archiv", archiv, "-f", "json")
    zeiten = beobachten(prozess, archiv)  # no -wal or -shm at any time
    assert zeiten.journal_bis > zeiten.journal_ab > 0
    assert _journalart(archiv) == ("delete", b"\x01\x01")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archiv.sqlite"]


def test_wal_wird_zurueckgestellt(tmp_path: Path) -> None:
    """An archive a tool switched to WAL (the mode is kept in the file) goes back to the
    rollback journal with the next run."""
    archiv = _kleines_archiv(tmp_path)
    with closing(sqlite3.connect(archiv)) as db:
        assert db.execute("PRAGMA journal_mode = WAL").fetchone() == ("wal",)
    assert _journalart(archiv)[0] == "wal"
    lauf = ausfuehren("auswerten", EINGANG, "--konfig", KONFIG, "--archiv", archiv, "-f", "json")
    assert lauf.returncode == 0, lauf.stderr
    assert _journalart(archiv) == ("delete", b"\x01\x01")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archiv.sqlite"]
    assert _laeufe(archiv) == [("2016-03-09", 21), ("2016-03-16", 21)]
