"""The command line as a user runs it: exit codes, the lines users read, --format json.

Most runs go through the entry point in this process (``wrm``); the few that need a
process of their own (``wrm_prozess``) check the entry point, exit codes and the output
encoding end to end, a traceback with --debug and Ctrl-C as a real signal.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import NoReturn

import pytest
from conftest import BEISPIELE, DATEN, STICHTAG_2016, prozessumgebung, wrm, wrm_prozess
from rich.console import Console

from wrm_cli.ablauf import auswerten
from wrm_cli.berichte.csv_bericht import textzelle
from wrm_cli.berichte.json_bericht import als_dict
from wrm_cli.berichte.text_bericht import als_text
from wrm_cli.cli.ansicht import bericht_zeigen
from wrm_cli.konfig import konfig_laden


def test_beispiel_als_tabelle() -> None:
    ergebnis = wrm("auswerten", BEISPIELE / "uebersicht_2016.csv")
    assert ergebnis.returncode == 0, ergebnis.stderr
    ausgabe = ergebnis.stdout
    assert "Stichtag 16.03.2016" in ausgabe
    assert "erfüllende" in ausgabe and "04.12.2015" in ausgabe  # header wraps in the terminal
    assert "benötigter Wohnraum bis 31.07.2016 (Personen)" in ausgabe
    for zahl in ("1.327", "1.123", "-407", "-174"):
        assert zahl in ausgabe
    zeilen = ausgabe.splitlines()
    gesamt = next(z for z in zeilen if z.strip().startswith("Gesamt"))
    assert gesamt.split() == ["Gesamt", "1.327", "716", "84", "385", "372", "282", "1.123", "-407"]
    assert "Bad Laer schätzt die Lage als „ausreichend“ ein" in ausgabe


def test_json_gleich_dem_ergebnis_der_bibliothek() -> None:
    ergebnis = wrm("auswerten", BEISPIELE / "uebersicht_2016.csv", "--format", "json")
    assert ergebnis.returncode == 0
    bericht = auswerten(
        [BEISPIELE / "uebersicht_2016.csv"], konfig_laden(BEISPIELE / "wrm.toml"), STICHTAG_2016
    )
    daten = json.loads(ergebnis.stdout)
    assert daten == als_dict(bericht)
    assert daten["stichtag"] == "2016-03-16"
    assert daten["kennzahlen"]["fehlender_wohnraum"] == -407
    bramsche = daten["zeilen"][-1]
    assert bramsche["kommune"] == "Bramsche"
    assert bramsche["fehlender_wohnraum"] is None and bramsche["verfuegbar_gu"] is None
    assert set(daten["befunde"][0]) >= {"stufe", "datei", "zelle", "feld", "meldung"}


def test_csv_fuer_deutsches_excel(tmp_path: Path) -> None:
    ziel = tmp_path / "bericht.csv"
    ergebnis = wrm("auswerten", BEISPIELE / "uebersicht_2016.csv", "--ausgabe", ziel)
    assert ergebnis.returncode == 0
    assert "Bericht geschrieben" in ergebnis.stderr
    roh = ziel.read_bytes()
    assert roh.startswith(b"\xef\xbb\xbf")
    zeilen = list(csv.reader(io.StringIO(roh.decode("utf-8-sig")), delimiter=";"))
    assert zeilen[0][0] == "Kommune" and zeilen[0][8] == "fehlender Wohnraum"
    assert zeilen[1] == [
        "Melle",
        "142",
        "196",
        "16",
        "14",
        "227",
        "113",
        "370",
        "-174",
        "ausreichend",
    ]
    assert ["Gesamt", "1327", "716", "84", "385", "372", "282", "1123", "-407", ""] in zeilen
    assert ["fehlender Wohnraum (Personen)", "-407"] in zeilen
    assert ["Stichtag", "16.03.2016"] in zeilen


KOPF_BEFUNDE = ["Stufe", "Datei", "Zelle", "Feld", "Meldung"]


def test_csv_text_aus_eingaben_wird_keine_formel(tmp_path: Path) -> None:
    """A cell beginning with = + - @ would be a formula in Excel: it gets a leading '."""
    eingang = tmp_path / "eingang"
    eingang.mkdir()
    shutil.copy(BEISPIELE / "uebersicht_2016.csv", eingang)
    namen = ["=HYPERLINK(1+1).xlsx", "+49 Melle.xlsx", "-Melle.xlsx", "@Melle.xlsx"]
    for name in namen:
        (eingang / name).write_bytes(b"kaputt")
    ziel = tmp_path / "bericht.csv"
    ergebnis = wrm("auswerten", eingang, "--konfig", BEISPIELE / "wrm.toml", "-o", ziel)
    assert ergebnis.returncode == 1, ergebnis.stderr
    zeilen = list(csv.reader(io.StringIO(ziel.read_text("utf-8-sig")), delimiter=";"))
    befunde = {zeile[1]: zeile for zeile in zeilen[zeilen.index(KOPF_BEFUNDE) + 1 :]}
    for name in namen:
        assert befunde["'" + name][0] == "fehler"
        assert name not in befunde
    assert befunde["uebersicht_2016.csv"][0] == "hinweis"  # other text stays as it is


def test_csv_textzelle() -> None:
    for text in ("=1+1", "+49 541 1234", "-5", "@SUMME(A1)", "\tx", "\rx"):
        assert textzelle(text) == "'" + text
    for text in ("Melle", "Stufe", "1+1", "„=1“", ""):
        assert textzelle(text) == text


def test_markdown_ohne_rahmenzeichen(tmp_path: Path) -> None:
    ergebnis = wrm("auswerten", BEISPIELE / "uebersicht_2016.csv", "--format", "markdown")
    assert ergebnis.returncode == 0
    text = ergebnis.stdout
    assert "| Melle | 142 | 196 | 16 | 14 | 227 | 113 | 370 | -174 | ausreichend |" in text
    assert "| **Gesamt** | **1.327** |" in text
    assert "| fehlender Wohnraum | -407 |" in text
    assert not any(ord(zeichen) in range(0x2500, 0x2580) for zeichen in text)


def test_format_aus_dateiendung_und_text(tmp_path: Path) -> None:
    for name, merkmal in (("b.json", '"kennzahlen"'), ("b.md", "| Kommune |"), ("b.txt", "Gesamt")):
        ergebnis = wrm("auswerten", BEISPIELE / "uebersicht_2016.csv", "-o", tmp_path / name)
        assert ergebnis.returncode == 0, ergebnis.stderr
        assert merkmal in (tmp_path / name).read_text("utf-8")
    assert "\x1b[" not in (tmp_path / "b.txt").read_text("utf-8")


def test_stichtag_wird_ueberall_gezeigt(tmp_path: Path) -> None:
    for format_ in ("tabelle", "markdown", "csv"):
        ergebnis = wrm(
            "auswerten",
            DATEN / "uebersicht_2016.csv",
            "-f",
            format_,
            "--stichtag",
            "2016-03-20",
            cwd=tmp_path,
        )
        assert "20.03.2016" in ergebnis.stdout
    ergebnis = wrm(
        "auswerten",
        DATEN / "uebersicht_2016.csv",
        "-f",
        "json",
        "--stichtag",
        "20.03.2016",
        cwd=tmp_path,
    )
    assert json.loads(ergebnis.stdout)["stichtag"] == "2016-03-20"


def test_nicht_ueber_eine_eingabe_schreiben(tmp_path: Path) -> None:
    eingabe = tmp_path / "meldungen.csv"
    shutil.copy(BEISPIELE / "uebersicht_2016.csv", eingabe)
    vorher = eingabe.read_bytes()
    ergebnis = wrm("auswerten", eingabe, "--ausgabe", eingabe, "--format", "csv")
    assert ergebnis.returncode == 2
    assert "meldungen.csv ist eine Eingabedatei und wird nicht überschrieben" in ergebnis.stderr
    assert eingabe.read_bytes() == vorher


def test_nutzungsfehler_auf_deutsch() -> None:
    for argumente, erwartet in (
        (["auswerten"], "Fehler: Bitte Meldungsdateien oder Ordner angeben, z. B. wrm auswerten"),
        (["auswerten", "x", "--formt", "json"], "Die Option --formt gibt es nicht."),
        (["auswertn", "x"], "Den Befehl „auswertn“ gibt es nicht. Meinten Sie „auswerten“?"),
        (["auswerten", "x", "--format", "pdf"], "--format „pdf“ gibt es nicht"),
        (["auswerten", "x", "--stichtag", "gestern"], "--stichtag „gestern“ ist kein Datum"),
        (["auswerten", "x", "-o", "bericht.pdf"], "Für „bericht.pdf“ ist kein Format bekannt"),
    ):
        ergebnis = wrm(*argumente)
        assert ergebnis.returncode == 2, argumente
        assert erwartet in ergebnis.stderr, ergebnis.stderr
        assert "Traceback" not in ergebnis.stderr
        assert "Error" not in ergebnis.stderr


def test_hilfe_auf_deutsch() -> None:
    ergebnis = wrm("--help")
    assert ergebnis.returncode == 0
    for text in ("Aufruf: wrm", "Befehle", "auswerten", "Diese Hilfe anzeigen und beenden."):
        assert text in ergebnis.stdout
    for englisch in ("Usage", "Show this message", "Commands", "Options"):
        assert englisch not in ergebnis.stdout
    for befehl in ("pruefen", "vorlage"):
        assert befehl in ergebnis.stdout
    hilfe = wrm("auswerten", "--help").stdout
    for text in ("Argumente", "Optionen", "--format", "--ausgabe", "--stichtag", "--konfig"):
        assert text in hilfe
    for aufruf in (
        ["--help"],
        ["auswerten", "--help"],
        ["pruefen", "--help"],
        ["vorlage", "--help"],
    ):
        text = wrm(*aufruf).stdout
        assert "<bool>" not in text  # switches show no type
        assert "Diese Hilfe anzeigen und beenden." in text
    assert wrm("--version").stdout.startswith("wrm ")


def test_fehlende_eingabe_ist_exit_3(tmp_path: Path) -> None:
    ergebnis = wrm("auswerten", tmp_path / "gibt-es-nicht")
    assert ergebnis.returncode == 3
    assert "gibt es nicht" in ergebnis.stderr
    leer = tmp_path / "leer"
    leer.mkdir()
    ergebnis = wrm("auswerten", leer)
    assert ergebnis.returncode == 3
    assert "Keine der Eingaben enthält lesbare Meldungen." in ergebnis.stderr


def test_fehler_in_einer_datei_ergibt_exit_1_mit_bericht(tmp_path: Path) -> None:
    text = (
        (BEISPIELE / "uebersicht_2016.csv")
        .read_text("utf-8")
        .replace("Melle;16.03.2016;142;", "Melle;16.03.2016;ca. 140;")
    )
    (tmp_path / "meldungen.csv").write_text(text, "utf-8")
    ergebnis = wrm("auswerten", tmp_path / "meldungen.csv", "--konfig", BEISPIELE / "wrm.toml")
    assert ergebnis.returncode == 1
    assert (
        "meldungen.csv, Zelle C19 (1) vom Land ausgesprochene Zuweisungen: „ca. 140“ ist "
        "keine ganze Zahl – bitte nur Ziffern eintragen."
    ) in ergebnis.stdout
    assert "Melle: Meldung enthält Fehler und fehlt deshalb in der Auswertung." in ergebnis.stdout
    assert "Ohne gültige Meldung: Melle." in ergebnis.stdout


def test_debug_zeigt_technische_details(tmp_path: Path) -> None:
    kaputt = tmp_path / "wrm.toml"
    kaputt.write_text("[bezirk\n", "utf-8")
    ergebnis = wrm("auswerten", BEISPIELE / "uebersicht_2016.csv", "--konfig", kaputt)
    assert ergebnis.returncode == 2
    assert "ist kein gültiges TOML" in ergebnis.stderr
    assert "Traceback" not in ergebnis.stderr
    # With --debug the traceback comes first, then the same sentence and exit code.
    mit_debug = wrm_prozess(
        "auswerten", BEISPIELE / "uebersicht_2016.csv", "--konfig", kaputt, "--debug"
    )
    assert mit_debug.returncode == 2
    assert mit_debug.stderr.startswith("Traceback (most recent call last):\n")
    assert 'File "' in mit_debug.stderr and ", line " in mit_debug.stderr
    zeilen = mit_debug.stderr.rstrip("\n").splitlines()
    assert zeilen[-2].startswith("wrm_cli.fehler.KonfigFehler: Die Einstellungsdatei ")
    assert zeilen[-1] == f"Fehler: {ergebnis.stderr.strip().removeprefix('Fehler: ')}"
    assert mit_debug.stdout == ""


def _unterbrochen(*_: object, **__: object) -> NoReturn:
    raise KeyboardInterrupt  # as Python raises it when Ctrl-C is pressed


def test_strg_c_bricht_mit_130_ab(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while files are read (or a template is written): one German line, code 130."""
    monkeypatch.setattr("wrm_cli.lesen.parallel.inhalt_lesen", _unterbrochen)
    monkeypatch.setattr("wrm_cli.vorlage.vorlage_schreiben", _unterbrochen)
    aufrufe: list[list[str | Path]] = [
        ["auswerten", BEISPIELE / "eingang"],
        ["auswerten", BEISPIELE / "uebersicht_2016.csv", "-o", tmp_path / "bericht.xlsx"],
        ["pruefen", BEISPIELE / "eingang" / "Meldung_Melle.xlsx", "--debug"],
        ["vorlage", "--kommune", "Melle", "--ausgabe", tmp_path],
    ]
    for argumente in aufrufe:
        ergebnis = wrm(*argumente)
        assert ergebnis.returncode == 130, argumente
        assert ergebnis.stderr == "Fehler: Abgebrochen.\n"
        assert ergebnis.stdout == ""
    assert list(tmp_path.iterdir()) == []  # no half report, no template


def _sigint_wie_im_terminal() -> None:
    # A shell starts background jobs with SIGINT ignored; Python then keeps ignoring it.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="braucht eine benannte Pipe (POSIX)")
def test_strg_c_im_eigenen_prozess(tmp_path: Path) -> None:
    """A real SIGINT while wrm waits for a file: it reads from a named pipe nobody fills.

    Once wrm has the pipe open for reading, opening it for writing without blocking
    succeeds: from then on wrm is inside reading, and stays there until the signal."""
    eingang = tmp_path / "eingang"
    eingang.mkdir()
    pipe = eingang / "Meldung_Melle.csv"
    os.mkfifo(pipe)
    prozess = subprocess.Popen(
        [sys.executable, "-m", "wrm_cli", "auswerten", str(eingang)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=prozessumgebung(),
        preexec_fn=_sigint_wie_im_terminal,
    )
    schreibende: int | None = None
    try:
        frist = time.monotonic() + 60
        while schreibende is None:
            try:
                schreibende = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
            except OSError as fehler:
                if fehler.errno != errno.ENXIO:  # ENXIO: nobody reads the pipe yet
                    raise
                assert prozess.poll() is None, prozess.communicate()
                assert time.monotonic() < frist, "wrm liest die Pipe nicht"
                time.sleep(0.05)
        prozess.send_signal(signal.SIGINT)
        stdout, stderr = prozess.communicate(timeout=60)
    finally:
        if prozess.poll() is None:
            prozess.kill()
            prozess.communicate()
        if schreibende is not None:
            os.close(schreibende)
    assert prozess.returncode == 130
    assert stderr == "Fehler: Abgebrochen.\n"
    assert stdout == ""


@pytest.mark.parametrize(
    ("argumente", "code"),
    [
        (["auswerten", BEISPIELE / "eingang"], 0),
        (["pruefen", BEISPIELE / "fehlerhaft" / "Meldung_Hagen.xlsx"], 1),
        (["auswerten", "x", "--formt", "json"], 2),
        (["auswerten", "gibt-es-nicht.xlsx"], 3),
        (["auswerten", "--help"], 0),
    ],
    ids=["bericht", "datenfehler", "aufruffehler", "nichts-lesbar", "hilfe"],
)
def test_eigener_prozess_gibt_dasselbe_wie_der_test(argumente: list[str], code: int) -> None:
    """`python -m wrm_cli` end to end: its exit code and output are what ``wrm`` sees."""
    prozess = wrm_prozess(*argumente)
    assert prozess.returncode == code, prozess.stderr
    im_test = wrm(*argumente)
    assert (im_test.returncode, im_test.stdout, im_test.stderr) == (
        prozess.returncode,
        prozess.stdout,
        prozess.stderr,
    )


def test_installierter_befehl_wrm() -> None:
    befehl = Path(sys.executable).with_name("wrm.exe" if os.name == "nt" else "wrm")
    if not befehl.exists():
        pytest.skip("wrm ist in dieser Umgebung nicht als Befehl installiert")
    ergebnis = subprocess.run(
        [str(befehl), "auswerten", BEISPIELE / "uebersicht_2016.csv", "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=prozessumgebung(),
        check=False,
        timeout=120,
    )
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert json.loads(ergebnis.stdout)["kennzahlen"]["fehlender_wohnraum"] == -407


def test_ausgabe_ist_utf8_auch_in_der_c_locale(tmp_path: Path) -> None:
    """Umlauts and dashes arrive as UTF-8 bytes, without PYTHONIOENCODING, in the C locale."""
    umgebung = {k: v for k, v in prozessumgebung().items() if k != "PYTHONIOENCODING"}
    ergebnis = subprocess.run(
        [sys.executable, "-m", "wrm_cli", "auswerten", BEISPIELE / "eingang", tmp_path / "fehlt"],
        capture_output=True,
        env={**umgebung, "LC_ALL": "C", "LANG": "C"},
        check=False,
        timeout=120,
    )
    assert ergebnis.returncode == 1, ergebnis.stderr
    stdout, stderr = ergebnis.stdout.decode("utf-8"), ergebnis.stderr.decode("utf-8")
    assert "Bad Laer schätzt die Lage als „ausreichend“ ein" in stdout
    assert "fehlt: Diese Datei oder diesen Ordner gibt es nicht – bitte den Namen prüfen." in stdout
    assert stderr == ""


def test_terminal_zeigt_den_textbericht_in_farbe() -> None:
    """The terminal shows the lines of --format text, coloured: surplus green, shortage and
    "kritisch" red, the totals bold."""
    bericht = auswerten(
        [BEISPIELE / "eingang"], konfig_laden(BEISPIELE / "wrm.toml"), STICHTAG_2016
    )
    ausgabe = io.StringIO()
    bericht_zeigen(bericht, Console(file=ausgabe, force_terminal=True, color_system="standard"))
    farbig = ausgabe.getvalue()
    assert re.sub(r"\x1b\[[0-9;]*m", "", farbig) == als_text(bericht)
    assert "\x1b[32m-174\x1b[0m" in farbig  # Melle: surplus
    assert "\x1b[1;31m73\x1b[0m" in farbig  # Georgsmarienhütte: shortage
    assert "\x1b[31mkritisch\x1b[0m" in farbig
    assert "\x1b[1mGesamt" in farbig
