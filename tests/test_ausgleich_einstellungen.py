"""wrm ausgleich: every bad setting is a usage error (exit 2) in one German line that
names file, line and value; the distance file, coordinates and --max-km."""

from __future__ import annotations

from pathlib import Path

import pytest
from archivhilfen import KW11, probebezirk, tabelle
from conftest import BEISPIELE, wrm

from wrm_cli.fehler import KonfigFehler
from wrm_cli.konfig import konfig_laden
from wrm_cli.lesen.entfernungen import entfernungen_lesen

EINGANG = BEISPIELE / "eingang"


def _ausgleich(ordner: Path, *weitere: str) -> tuple[int, list[str]]:
    """Run wrm ausgleich on the 2016 week with the wrm.toml in ``ordner``."""
    lauf = wrm(
        "ausgleich", EINGANG, "--konfig", ordner / "wrm.toml", "--stichtag", "16.03.2016",
        "-f", "json", *weitere,
    )  # fmt: skip
    return lauf.returncode, lauf.stderr.splitlines()


def _mit_entfernungen(tmp_path: Path, inhalt: str | bytes) -> Path:
    (tmp_path / "wrm.toml").write_text(
        '[ausgleich]\nentfernungen = "entfernungen.csv"\n', encoding="utf-8"
    )
    datei = tmp_path / "entfernungen.csv"
    if isinstance(inhalt, str):
        datei.write_text(inhalt, encoding="utf-8")
    else:
        datei.write_bytes(inhalt)
    return datei


@pytest.mark.parametrize(
    ("zeilen", "meldung"),
    [
        (
            "Melle;Bohmte;24,5\nBad Iburgg;Hagen;8\n",
            "Zeile 3, Spalte kommune_von: „Bad Iburgg“ ist keine Kommune des Bezirks Landkreis "
            "Osnabrück – meinten Sie „Bad Iburg“?",
        ),
        (
            "Melle;Nirgendwo;24,5\n",
            "Zeile 2, Spalte kommune_nach: „Nirgendwo“ ist keine Kommune des Bezirks Landkreis "
            "Osnabrück – bitte den Namen prüfen.",
        ),
        (
            "Melle;Bohmte;-3\n",
            "Zeile 2, Spalte km: „-3“ ist keine Entfernung – erwartet wird eine Zahl ab 0 in "
            "Kilometern, z. B. 24,5.",
        ),
        (
            "Melle;Bohmte;weit\n",
            "Zeile 2, Spalte km: „weit“ ist keine Entfernung – erwartet wird eine Zahl ab 0 in "
            "Kilometern, z. B. 24,5.",
        ),
        (
            "Melle;Bohmte;24 km\n",
            "Zeile 2, Spalte km: „24 km“ ist keine Entfernung – erwartet wird eine Zahl ab 0 in "
            "Kilometern, z. B. 24,5.",
        ),
        (
            "Melle;Bohmte;24,5\nBelm;Bohmte;12\nBohmte;Melle;25\n",
            "Zeile 4: Bohmte–Melle = 25 km, aber Zeile 2 nennt 24,5 km für dasselbe Paar – bitte "
            "nur eine Entfernung angeben (sie gilt in beide Richtungen).",
        ),
        (
            "Melle;Melle;0\n",
            "Zeile 2: kommune_von und kommune_nach sind beide „Melle“ – erwartet werden zwei "
            "verschiedene Kommunen.",
        ),
        (
            "Melle;Bohmte\n",
            "Zeile 2: „Melle;Bohmte“ hat 2 statt 3 Werte – erwartet wird z. B. Bohmte;Melle;24,5.",
        ),
        (
            ";Bohmte;3\n",
            "Zeile 2, Spalte kommune_von: leer – erwartet wird der Name einer Kommune.",
        ),
    ],
)
def test_fehler_in_der_entfernungsdatei(tmp_path: Path, zeilen: str, meldung: str) -> None:
    datei = _mit_entfernungen(tmp_path, "kommune_von;kommune_nach;km\n" + zeilen)
    vorher = datei.read_bytes()
    code, fehler = _ausgleich(tmp_path)
    assert code == 2
    assert fehler == [f"Fehler: {datei}, {meldung}"]
    assert datei.read_bytes() == vorher  # never modified


def test_entfernungsdatei_ohne_kopfzeile_oder_fehlend(tmp_path: Path) -> None:
    datei = _mit_entfernungen(tmp_path, "Melle;Bohmte;24,5\n")
    code, fehler = _ausgleich(tmp_path)
    assert code == 2
    assert fehler == [
        f"Fehler: {datei}, Zeile 1: erwartet wird die Kopfzeile kommune_von;kommune_nach;km, "
        "gefunden „Melle;Bohmte;24,5“."
    ]
    datei.unlink()
    code, fehler = _ausgleich(tmp_path)
    assert code == 2
    assert fehler == [
        f"Fehler: Die Entfernungsdatei {datei} ([ausgleich] entfernungen) wurde nicht gefunden."
    ]


def test_entfernungsdatei_wie_excel_sie_speichert(tmp_path: Path) -> None:
    """Windows-1252 with German decimal commas, aliases, both directions, the same
    figure twice and empty lines: all fine."""
    inhalt = (
        "Kommune_von;Kommune_nach;km\r\n"
        "Fürstenau;GM-Hütte;52,5\r\n"
        "\r\n"
        "Georgsmarienhütte;SG Fürstenau;52,5\r\n"
        "Melle;Bohmte;24\r\n"
    ).encode("cp1252")
    datei = _mit_entfernungen(tmp_path, inhalt)
    einstellungen = konfig_laden(tmp_path / "wrm.toml")
    assert einstellungen.ausgleich.entfernungen == datei
    assert entfernungen_lesen(datei, einstellungen.bezirk) == {
        ("Fürstenau", "Georgsmarienhütte"): 52.5,
        ("Bohmte", "Melle"): 24.0,
    }


@pytest.mark.parametrize(
    ("eintrag", "meldung"),
    [
        (
            "reserve_prozent = 120",
            "„ausgleich.reserve_prozent“ = 120 ist keine Zahl von 0 bis 100 – erwartet wird "
            "z. B. 10.",
        ),
        (
            "reserve_prozent = -1",
            "„ausgleich.reserve_prozent“ = -1 ist keine Zahl von 0 bis 100 – erwartet wird "
            "z. B. 10.",
        ),
        (
            'reserve_prozent = "10 %"',
            "„ausgleich.reserve_prozent“ = „10 %“ ist keine Zahl von 0 bis 100, sondern ein Text "
            "– erwartet wird eine Zahl ohne Anführungszeichen, z. B. 10.",
        ),
        (
            "max_km = 0",
            "„ausgleich.max_km“ = 0 ist keine Zahl über 0 – erwartet wird z. B. 50.",
        ),
        (
            "max_km = -20.5",
            "„ausgleich.max_km“ = -20.5 ist keine Zahl über 0 – erwartet wird z. B. 50.",
        ),
        (
            'max_km = "50 km"',
            "„ausgleich.max_km“ = „50 km“ ist keine Zahl über 0, sondern ein Text – erwartet "
            "wird eine Zahl ohne Anführungszeichen, z. B. 50.",
        ),
        (
            'kritische_geben = "ja"',
            "„ausgleich.kritische_geben“ = „ja“ ist kein Wahrheitswert, sondern ein Text – "
            "erwartet wird true oder false.",
        ),
        (
            "max_kilometer = 50",
            "Unbekannter Eintrag „max_kilometer“ im Abschnitt [ausgleich] – meinten Sie „max_km“?",
        ),
    ],
)
def test_falsche_einstellung_im_abschnitt_ausgleich(
    tmp_path: Path, eintrag: str, meldung: str
) -> None:
    pfad = tmp_path / "wrm.toml"
    pfad.write_text(f"[ausgleich]\n{eintrag}\n", encoding="utf-8")
    with pytest.raises(KonfigFehler) as fehler:
        konfig_laden(pfad)
    assert str(fehler.value) == f"{pfad}: {meldung}"
    code, zeilen = _ausgleich(tmp_path)
    assert (code, zeilen) == (2, [f"Fehler: {pfad}: {meldung}"])


def test_einstellungen_werden_gelesen(tmp_path: Path) -> None:
    pfad = tmp_path / "wrm.toml"
    pfad.write_text(
        "[ausgleich]\nreserve_prozent = 12.5\nkritische_geben = true\nmax_km = 30\n"
        'entfernungen = "daten/km.csv"\n',
        encoding="utf-8",
    )
    ausgleich = konfig_laden(pfad).ausgleich
    assert ausgleich.reserve_prozent == 12.5
    assert ausgleich.kritische_geben is True
    assert ausgleich.max_km == 30
    assert ausgleich.entfernungen == tmp_path / "daten" / "km.csv"  # beside the wrm.toml


@pytest.mark.parametrize("wert", ["0", "-5", "abc", "30km", "nan"])
def test_max_km_auf_der_kommandozeile(tmp_path: Path, wert: str) -> None:
    lauf = wrm("ausgleich", EINGANG, "--max-km", wert)
    assert lauf.returncode == 2
    assert lauf.stderr.splitlines() == [
        f"Fehler: --max-km „{wert}“ ist keine Entfernung über 0 km – erwartet wird eine Zahl, "
        "z. B. --max-km 30."
    ]


def test_kommunen_ohne_lage(tmp_path: Path) -> None:
    """A district without coordinates: the Kommunen that would take part are named."""
    einstellungen_ordner = tmp_path / "bezirk"
    probebezirk(einstellungen_ordner)
    eingang = tmp_path / "eingang"
    tag = KW11.strftime("%d.%m.%Y")
    tabelle(
        eingang / "meldungen.csv",
        f"Altdorf;{tag};10;10;0;0;10;0;0;0;0;0;0;kritisch",  # needs 10
        f"Bergen;{tag};10;10;0;0;0;0;0;20;0;0;0;ausreichend",  # offers 18
        f"Cranz;{tag};10;10;0;0;5;0;0;5;0;0;0;ausreichend",  # neither
    )
    lauf = wrm(
        "ausgleich", eingang, "--konfig", einstellungen_ordner / "wrm.toml", "--stichtag", tag
    )
    assert lauf.returncode == 2
    assert lauf.stderr.splitlines() == [
        "Fehler: Für den Ausgleich fehlt die Lage von Altdorf und Bergen: bitte in wrm.toml bei "
        "jeder dieser Kommunen unter [[kommunen]] breite und laenge angeben (z. B. breite = "
        "52.2031, laenge = 8.3361) oder in der Entfernungsdatei ([ausgleich] entfernungen) jede "
        "Entfernung zu den Kommunen angeben, mit denen sie ausgleichen könnten."
    ]
    # With the one pair in a distance file it works, without any coordinates.
    (einstellungen_ordner / "km.csv").write_text(
        "kommune_von;kommune_nach;km\nBergen;Altdorf;7\n", encoding="utf-8"
    )
    with (einstellungen_ordner / "wrm.toml").open("a", encoding="utf-8") as datei:
        datei.write('\n[ausgleich]\nentfernungen = "km.csv"\n')
    lauf = wrm(
        "ausgleich", eingang, "--konfig", einstellungen_ordner / "wrm.toml", "--stichtag", tag,
        "-f", "json",
    )  # fmt: skip
    assert lauf.returncode == 0, lauf.stderr
    assert '"aufnehmende_kommune": "Bergen"' in lauf.stdout


@pytest.mark.parametrize(
    ("eintrag", "meldung"),
    [
        (
            "breite = 52.2",
            "Bei „Melle“ unter [[kommunen]] fehlt „laenge“ – die Lage einer Kommune braucht "
            "breite und laenge, z. B. breite = 52.2031 und laenge = 8.3361.",
        ),
        (
            "breite = 95\nlaenge = 8.3",
            "„breite“ von „Melle“ = 95 ist keine Zahl von -90 bis 90 – erwartet wird z. B. "
            "52.2031.",
        ),
        (
            'breite = "52,2"\nlaenge = 8.3',
            "„breite“ von „Melle“ = „52,2“ ist keine Zahl von -90 bis 90, sondern ein Text – "
            "erwartet wird eine Zahl ohne Anführungszeichen, z. B. 52.2031.",
        ),
    ],
)
def test_falsche_lage_einer_kommune(tmp_path: Path, eintrag: str, meldung: str) -> None:
    pfad = tmp_path / "wrm.toml"
    pfad.write_text(
        f'[bezirk]\nname = "Landkreis Test"\n[[kommunen]]\nname = "Melle"\n{eintrag}\n',
        encoding="utf-8",
    )
    with pytest.raises(KonfigFehler) as fehler:
        konfig_laden(pfad)
    assert str(fehler.value) == f"{pfad}: {meldung}"


def test_eigener_bezirk_mit_lage_und_geerbte_lage(tmp_path: Path) -> None:
    pfad = tmp_path / "wrm.toml"
    pfad.write_text(
        '[bezirk]\nname = "Landkreis Test"\n'
        '[[kommunen]]\nname = "Adorf"\nbreite = 52.1\nlaenge = 8\n'
        '[[kommunen]]\nname = "Bedorf"\nbreite = 52.2\nlaenge = 8.1\n',
        encoding="utf-8",
    )
    bezirk = konfig_laden(pfad).bezirk
    assert bezirk.hat_koordinaten
    assert bezirk.kommune("Adorf").koordinaten == (52.1, 8)
    # The embedded district listed again (here: only two Kommunen): they keep their
    # coordinates and population by name, unless the file gives its own.
    pfad.write_text(
        '[[kommunen]]\nname = "Melle"\n'
        '[[kommunen]]\nname = "Bohmte"\nbreite = 52.4\nlaenge = 8.3\n',
        encoding="utf-8",
    )
    bezirk = konfig_laden(pfad).bezirk
    assert bezirk.kommune("Melle").koordinaten == (52.2031, 8.3361)
    assert bezirk.kommune("Melle").einwohner == 47387
    assert bezirk.kommune("Bohmte").koordinaten == (52.4, 8.3)
    # Another district's Kommune of the same name does not.
    pfad.write_text('[bezirk]\nname = "Anderswo"\n[[kommunen]]\nname = "Melle"\n', "utf-8")
    assert konfig_laden(pfad).bezirk.kommune("Melle").koordinaten is None
