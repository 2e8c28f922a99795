"""Help that helps: no Python types, examples per command, suggestions for wrong words.

Every run goes through the real entry point (``wrm``); the narrow terminal needs a
process of its own (``wrm_prozess``), as COLUMNS is fixed for runs in this process.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import pytest
from conftest import wrm, wrm_prozess
from hilfen import vorlage_ausfuellen

from wrm_cli.felder import STAND
from wrm_cli.konfig import standard_einstellungen
from wrm_cli.vorlage import vorlage_erstellen

HILFEN = [["--help"], ["auswerten", "--help"], ["pruefen", "--help"], ["vorlage", "--help"]]

BEISPIELE = {
    "": [
        "wrm vorlage --kommune Melle     Vorlage für eine Kommune",
        "wrm pruefen Meldung_Melle.xlsx  ausgefüllte Vorlage vor dem Senden prüfen",
        "wrm auswerten eingang/          alle Meldungen im Ordner auswerten",
        "wrm auswerten --help            Hilfe zu einem Befehl",
    ],
    "auswerten": [
        "wrm auswerten eingang/                         Bericht auf dem Bildschirm",
        "wrm auswerten eingang/ -o bericht.xlsx         Excel-Bericht als Datei",
        "wrm auswerten eingang/ --archiv archiv.sqlite  mit Vorwoche vergleichen",
    ],
    "pruefen": [
        "wrm pruefen Meldung_Melle.xlsx              eine Datei prüfen",
        "wrm pruefen eingang/ --stichtag 16.03.2016  alle Dateien im Ordner",
        "wrm pruefen Meldung_Melle.xlsx -f json      Ergebnis für andere Programme",
    ],
    "vorlage": [
        "wrm vorlage --kommune Melle                       ergibt Meldung_Melle.xlsx",
        'wrm vorlage -k Melle -k "Bad Essen" -o vorlagen/  zwei Kommunen',
        "wrm vorlage --alle -o vorlagen/                   jede Kommune des Bezirks",
    ],
    "verlauf": [
        "wrm verlauf --archiv archiv.sqlite                  der Landkreis je Stichtag",
        "wrm verlauf --archiv archiv.sqlite --kommune Melle  eine Kommune",
        "wrm verlauf --archiv archiv.sqlite --meldungen      wer wie gemeldet hat",
        "wrm verlauf --archiv archiv.sqlite -o verlauf.xlsx  Excel mit Diagramm",
    ],
    "ausgleich": [
        "wrm ausgleich eingang/                    Vorschlag auf dem Bildschirm",
        "wrm ausgleich eingang/ --nur-sofort       nur sofort verfügbare Plätze",
        "wrm ausgleich eingang/ --max-km 20        nur kurze Wege",
        "wrm ausgleich eingang/ -o ausgleich.xlsx  als Excel-Datei",
    ],
    "prognose": [
        "wrm prognose eingang/                             bis zum Ende der Quote",
        "wrm prognose eingang/ --prognose zuweisungen.csv  aus einer Prognose",
        "wrm prognose eingang/ --archiv archiv.sqlite      mit Spanne aus dem Verlauf",
        "wrm prognose eingang/ -o prognose.xlsx            als Excel-Datei",
    ],
    "erinnern": [
        "wrm erinnern eingang/                         ein Entwurf je säumige Kommune",
        "wrm erinnern eingang/ --archiv archiv.sqlite  Adressen auch aus dem Archiv",
        "wrm erinnern eingang/ -o entwuerfe/           in einen eigenen Ordner",
        "wrm erinnern eingang/ -f json                 Zusammenfassung als JSON",
    ],
}


def _meldung(ordner: Path) -> Path:
    """Glandorf's template, filled in with its published figures of 16.03.2016."""
    mappe = vorlage_erstellen(standard_einstellungen().bezirk, "Glandorf")
    werte: dict[str, object] = {STAND: dt.date(2016, 3, 16), "zuweisungen": 17}
    werte |= {"ankuenfte": 17, "keine_anrechnung": 0, "zu_erfuellen": 18}
    werte |= {"untergebracht_gu": 0, "untergebracht_dezentral": 17, "verfuegbar_gu": 0}
    werte |= {"verfuegbar_dezentral": 0, "in_aussicht_gu": 0, "in_aussicht_dezentral": 18}
    vorlage_ausfuellen(mappe, werte | {"einschaetzung": "ausreichend"})
    pfad = ordner / "Meldung_Glandorf.xlsx"
    mappe.save(pfad)
    return pfad


def _zeilen(text: str) -> list[str]:
    """The help's lines without the frame of rich's panels."""
    return [zeile.strip(" │╭╮╰╯─").strip() for zeile in text.splitlines()]


@pytest.mark.parametrize("aufruf", HILFEN, ids=lambda aufruf: aufruf[0])
def test_hilfe_ohne_python_typen(aufruf: list[str]) -> None:
    ergebnis = wrm(*aufruf)
    assert ergebnis.returncode == 0, ergebnis.stderr
    hilfe = ergebnis.stdout
    for typ in ("list[", "Path", "<str>", "<int>", "<bool>", "<path>", "{"):
        assert typ not in hilfe, typ
    assert not re.search(r"<[A-Za-z_\[\]|, ]+>", hilfe), hilfe


def test_argumente_mit_ihrem_namen() -> None:
    # Without EINGABE, auswerten repeats a report from the archive: the argument is optional.
    for befehl, aufruf, name, hilfe in (
        (
            "auswerten",
            "[EINGABE]",
            "EINGABE",
            "Meldungsdateien (.xlsx, .xls, .ods, .csv) und/oder Ordner",
        ),
        (
            "pruefen",
            "DATEI",
            "DATEI",
            "Ausgefüllte Vorlagen oder Tabellen (.xlsx, .xls, .ods, .csv)",
        ),
    ):
        zeilen = _zeilen(wrm(befehl, "--help").stdout)
        assert f"Aufruf: wrm {befehl} [OPTIONEN] {aufruf}..." in zeilen
        argument = next(z for z in zeilen if z.lstrip("│ ").startswith(name) or z.startswith("*"))
        stern = r"\*\s+" if befehl == "pruefen" else r"[│ ]*"
        assert re.fullmatch(rf"{stern}{name}\s+{re.escape(hilfe)}.*", argument), argument
    assert "Aufruf: wrm vorlage [OPTIONEN]" in _zeilen(wrm("vorlage", "--help").stdout)


@pytest.mark.parametrize("befehl", list(BEISPIELE), ids=lambda befehl: befehl or "wrm")
def test_beispiele_je_befehl(befehl: str) -> None:
    zeilen = _zeilen(wrm(*([befehl] if befehl else []), "--help").stdout)
    beginn = zeilen.index("Beispiele:") + 1
    assert zeilen[beginn : beginn + len(BEISPIELE[befehl]) + 1] == [*BEISPIELE[befehl], ""]


def test_beispiele_und_rueckgabewerte_im_schmalen_terminal() -> None:
    """At 80 columns each example and each exit code still has its own line."""
    for befehl, beispiele in BEISPIELE.items():
        ergebnis = wrm_prozess(*([befehl] if befehl else []), "--help", umgebung={"COLUMNS": "80"})
        assert ergebnis.returncode == 0, ergebnis.stderr
        zeilen = _zeilen(ergebnis.stdout)
        for beispiel in beispiele:
            assert beispiel in zeilen, (beispiel, ergebnis.stdout)
    zeilen = _zeilen(wrm_prozess("auswerten", "--help", umgebung={"COLUMNS": "80"}).stdout)
    beginn = zeilen.index("Rückgabewerte:")
    assert zeilen[beginn : beginn + 5] == [
        "Rückgabewerte:",
        "0 Bericht erstellt",
        "1 Eingaben mit Fehlern (Bericht für den Rest)",
        "2 falscher Aufruf",
        "3 kein Bericht (nichts lesbar, keine gültige Meldung, Archiv nicht nutzbar)",
    ]


@pytest.mark.parametrize(
    ("argumente", "erste_zeile"),
    [
        (
            ["auswerten", "x", "--output", "b.xlsx"],
            "--output gibt es nicht. Meinten Sie „--ausgabe“?",
        ),
        (
            ["auswerten", "x", "--date", "1.3.2016"],
            "--date gibt es nicht. Meinten Sie „--stichtag“?",
        ),
        (
            ["auswerten", "x", "--config", "w.toml"],
            "--config gibt es nicht. Meinten Sie „--konfig“?",
        ),
        (
            ["auswerten", "x", "--Ausgabe", "b.txt"],
            "--Ausgabe gibt es nicht. Meinten Sie „--ausgabe“?",
        ),
        (["auswerten", "x", "--formt", "json"], "--formt gibt es nicht. Meinten Sie „--format“?"),
        (["pruefen", "x", "--recursive"], "--recursive gibt es nicht. Meinten Sie „--rekursiv“?"),
        (["pruefen", "x", "-h"], "-h gibt es nicht. Meinten Sie „--help“?"),
        (["vorlage", "--all"], "--all gibt es nicht. Meinten Sie „--alle“?"),
        (
            ["vorlage", "--municipality", "Melle"],
            "--municipality gibt es nicht. Meinten Sie „--kommune“?",
        ),
        (["vorlage", "--overwrite"], "--overwrite gibt es nicht. Meinten Sie „--ueberschreiben“?"),
        (
            ["vorlage", "--überschreiben"],
            "--überschreiben gibt es nicht. Meinten Sie „--ueberschreiben“?",
        ),
        # Only what the command has: pruefen writes no file.
        (["pruefen", "x", "--output", "p.txt"], "--output gibt es nicht."),
        (["vorlage", "--wasauchimmer"], "--wasauchimmer gibt es nicht."),
    ],
)
def test_unbekannte_option_mit_vorschlag(argumente: list[str], erste_zeile: str) -> None:
    ergebnis = wrm(*argumente)
    assert ergebnis.returncode == 2
    befehl = argumente[0]
    assert ergebnis.stderr.splitlines() == [
        f"Fehler: Die Option {erste_zeile}",
        f"Aufruf: wrm {befehl} …",
        f"Hilfe: wrm {befehl} --help",
    ]
    assert ergebnis.stdout == ""


AUSWERTEN_FORMATE = "tabelle, text, markdown, pressetext, excel, html, word, csv, json"


@pytest.mark.parametrize(
    ("befehl", "angabe", "zeile"),
    [
        ("auswerten", "xlsx", f"möglich sind {AUSWERTEN_FORMATE}. Meinten Sie „excel“?"),
        ("auswerten", "xls", f"möglich sind {AUSWERTEN_FORMATE}. Meinten Sie „excel“?"),
        ("auswerten", "md", f"möglich sind {AUSWERTEN_FORMATE}. Meinten Sie „markdown“?"),
        ("auswerten", "txt", f"möglich sind {AUSWERTEN_FORMATE}. Meinten Sie „text“?"),
        ("auswerten", ".json", f"möglich sind {AUSWERTEN_FORMATE}. Meinten Sie „json“?"),
        ("auswerten", "exel", f"möglich sind {AUSWERTEN_FORMATE}. Meinten Sie „excel“?"),
        ("auswerten", "pdf", f"möglich sind {AUSWERTEN_FORMATE}."),
        ("auswerten", "docx", f"möglich sind {AUSWERTEN_FORMATE}. Meinten Sie „word“?"),
        ("auswerten", "doc", f"möglich sind {AUSWERTEN_FORMATE}. Meinten Sie „word“?"),
        ("pruefen", "txt", "möglich sind text, json. Meinten Sie „text“?"),
        ("pruefen", "jsn", "möglich sind text, json. Meinten Sie „json“?"),
        ("pruefen", "xlsx", "möglich sind text, json."),  # pruefen writes no workbook
    ],
)
def test_unbekanntes_format_mit_vorschlag(
    tmp_path: Path, befehl: str, angabe: str, zeile: str
) -> None:
    ergebnis = wrm(befehl, tmp_path, "-f", angabe)
    assert ergebnis.returncode == 2
    assert ergebnis.stderr == f"Fehler: --format „{angabe}“ gibt es nicht – {zeile}\n"


def test_tabelle_ist_ein_format(tmp_path: Path) -> None:
    _meldung(tmp_path)
    ergebnis = wrm("auswerten", tmp_path, "-f", "tabelle", "--stichtag", "16.03.2016")
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert ergebnis.stdout == wrm("auswerten", tmp_path, "--stichtag", "16.03.2016").stdout
    assert "Glandorf" in ergebnis.stdout


@pytest.mark.parametrize(
    "name", ["prüfen", "PRÜFEN", "Pruefen", "prufen", unicodedata.normalize("NFD", "prüfen")]
)
def test_pruefen_mit_umlaut(tmp_path: Path, name: str) -> None:
    datei = _meldung(tmp_path)
    erwartet = wrm("pruefen", datei, "--stichtag", "16.03.2016")
    ergebnis = wrm(name, datei, "--stichtag", "16.03.2016")
    assert (ergebnis.returncode, ergebnis.stdout, ergebnis.stderr) == (
        erwartet.returncode,
        erwartet.stdout,
        erwartet.stderr,
    )
    assert ergebnis.returncode == 0
    assert ergebnis.stdout.startswith("✓ Meldung_Glandorf.xlsx: Glandorf, Stand 16.03.2016")
    fehlt = wrm(name)
    assert fehlt.stderr.splitlines() == [
        "Fehler: Es fehlt die Angabe DATEI.",
        "Aufruf: wrm pruefen …",
        "Hilfe: wrm pruefen --help",
    ]


def test_hilfe_nennt_pruefen_einmal() -> None:
    """The umlaut spellings are found, not listed: the panel of commands stays as it was."""
    hilfe = wrm("--help").stdout.splitlines()
    beginn = next(nr for nr, zeile in enumerate(hilfe) if "─ Befehle ─" in zeile) + 1
    ende = next(nr for nr, zeile in enumerate(hilfe) if nr > beginn and zeile.startswith("╰"))
    befehle = [zeile.strip("│ ").split()[0] for zeile in hilfe[beginn:ende]]
    assert [befehl for befehl in befehle if befehl[0].islower()] == [
        "auswerten",
        "pruefen",
        "vorlage",
        "verlauf",
        "ausgleich",
        "prognose",
        "erinnern",
    ]


@pytest.mark.parametrize(
    ("name", "zeile"),
    [
        ("prüfn", "Den Befehl „prüfn“ gibt es nicht. Meinten Sie „pruefen“?"),
        ("auswertn", "Den Befehl „auswertn“ gibt es nicht. Meinten Sie „auswerten“?"),
        ("check", "Den Befehl „check“ gibt es nicht. Meinten Sie „pruefen“?"),
        ("template", "Den Befehl „template“ gibt es nicht. Meinten Sie „vorlage“?"),
        ("xyz", "Den Befehl „xyz“ gibt es nicht."),
    ],
)
def test_unbekannter_befehl(name: str, zeile: str) -> None:
    ergebnis = wrm(name, "x")
    assert ergebnis.returncode == 2
    assert ergebnis.stderr.splitlines() == [
        f"Fehler: {zeile}",
        "Aufruf: wrm …",
        "Hilfe: wrm --help",
    ]


@pytest.mark.parametrize(
    ("befehl", "text"),
    [
        ("auswerten", "Voreinstellung: [archiv] datei aus wrm.toml"),
        ("ausgleich", "Voreinstellung: [ausgleich] max_km aus wrm.toml"),
        ("prognose", "[prognose] datei aus wrm.toml"),
    ],
)
def test_abschnitte_von_wrm_toml_bleiben_in_der_hilfe_stehen(befehl: str, text: str) -> None:
    """rich reads "[archiv]" as markup and would drop it: the help escapes it."""
    hilfe = " ".join(" ".join(_zeilen(wrm(befehl, "--help").stdout)).split())
    assert text in hilfe
