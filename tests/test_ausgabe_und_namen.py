"""What a report says about its own data: no report of nothing, a written file does not
hide the problems, and files of the same name in several folders are told apart."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import openpyxl
from conftest import BEISPIELE, wrm
from hilfen import vorlage_ausfuellen

from wrm_cli.ablauf import auswerten, pruefen_dateien
from wrm_cli.befunde import Befund
from wrm_cli.konfig import standard_einstellungen
from wrm_cli.vorlage import vorlage_erstellen, vorlagen_dateiname

STICHTAG = "16.03.2016"
TAG = dt.date(2016, 3, 16)
HAGEN_FEHLER = (
    "Zelle C19 (8) verfügbar in Gemeinschaftsunterkünften: „-4“ ist negativ – erwartet wird "
    "eine Anzahl ab 0."
)


def _vorlagen(ordner: Path, werte: dict[str, object]) -> Path:
    """One template per Kommune of the district, with only ``werte`` filled in."""
    ordner.mkdir(parents=True)
    bezirk = standard_einstellungen().bezirk
    for kommune in bezirk.kommunennamen:
        mappe = vorlage_erstellen(bezirk, kommune)
        vorlage_ausfuellen(mappe, werte)
        mappe.save(ordner / vorlagen_dateiname(kommune))
    return ordner


# --- No report of nothing -------------------------------------------------------------


def test_leere_vorlagen_mit_stand_ergeben_keinen_bericht(tmp_path: Path) -> None:
    eingang = _vorlagen(tmp_path / "eingang", {"stand": dt.datetime(2016, 3, 14)})
    ziel = tmp_path / "bericht.xlsx"
    for ausgabe in ([], ["-o", ziel], ["-f", "json"]):
        ergebnis = wrm("auswerten", eingang, "--stichtag", STICHTAG, *ausgabe)
        assert ergebnis.returncode == 3
        assert ergebnis.stdout == ""
        assert ergebnis.stderr == (
            "Fehler: Alle 21 gültigen Meldungen sind leer (keine Angabe in (1)–(12)) – es "
            "wird kein Bericht erstellt.\n"
        )
    assert not ziel.exists()


def test_leere_vorlagen_ohne_stand_ergeben_keinen_bericht(tmp_path: Path) -> None:
    """The template as sent out: no Stand either, so each one is an error."""
    eingang = _vorlagen(tmp_path / "eingang", {})
    ergebnis = wrm("auswerten", eingang, "--stichtag", STICHTAG, "-o", tmp_path / "b.xlsx")
    assert ergebnis.returncode == 3
    zeilen = ergebnis.stderr.splitlines()
    assert len(zeilen) == 22
    assert all("Der Stand fehlt" in zeile for zeile in zeilen[:-1])
    assert zeilen[-1] == (
        "Fehler: Keine der Eingaben enthält eine gültige Meldung – es wird kein Bericht erstellt."
    )
    assert not (tmp_path / "b.xlsx").exists()


def test_nur_fehlerhafte_meldungen_ergeben_keinen_bericht(tmp_path: Path) -> None:
    shutil.copy(BEISPIELE / "fehlerhaft" / "Meldung_Hagen.xlsx", tmp_path)
    ergebnis = wrm("auswerten", "Meldung_Hagen.xlsx", "--stichtag", STICHTAG, cwd=tmp_path)
    assert ergebnis.returncode == 3
    assert ergebnis.stdout == ""
    zeilen = ergebnis.stderr.splitlines()
    assert f"Meldung_Hagen.xlsx, {HAGEN_FEHLER}" in zeilen
    assert zeilen[-1] == (
        "Fehler: Keine der Eingaben enthält eine gültige Meldung – es wird kein Bericht erstellt."
    )


def test_eine_leere_neben_einer_ausgefuellten_meldung_wird_ausgewertet(tmp_path: Path) -> None:
    eingang = _vorlagen(tmp_path / "eingang", {"stand": dt.datetime(2016, 3, 14)})
    for datei in eingang.iterdir():
        if datei.name != "Meldung_Melle.xlsx":
            datei.unlink()
    shutil.copy(BEISPIELE / "eingang" / "Meldung_Artland.xlsx", eingang)
    ergebnis = wrm("auswerten", eingang, "--stichtag", STICHTAG, "-f", "json")
    assert ergebnis.returncode == 0, ergebnis.stderr
    zeilen = json.loads(ergebnis.stdout)["zeilen"]
    assert sorted(z["kommune"] for z in zeilen) == ["Artland", "Melle"]


# --- Writing a file must not hide the problems ------------------------------------------


def _woche(ordner: Path) -> Path:
    """The example week with Belm faulty, Artland sent twice and an unreadable file."""
    shutil.copytree(BEISPIELE / "eingang", ordner)
    (ordner / "Meldung_Belm.xlsx").unlink()
    mappe = openpyxl.load_workbook(BEISPIELE / "fehlerhaft" / "Meldung_Hagen.xlsx")
    vorlage_ausfuellen(mappe, {"kommune": "Belm"})
    mappe.save(ordner / "Meldung_Belm.xlsx")
    mappe = openpyxl.load_workbook(BEISPIELE / "eingang" / "Meldung_Artland.xlsx")
    vorlage_ausfuellen(mappe, {"stand": dt.datetime(2016, 3, 1)})
    mappe.save(ordner / "Meldung_Artland_alt.xlsx")
    (ordner / "kaputt.xlsx").write_bytes(b"PK\x03\x04 keine Arbeitsmappe")
    return ordner


def test_nach_dem_schreiben_stehen_die_probleme_auf_dem_bildschirm(tmp_path: Path) -> None:
    eingang = _woche(tmp_path / "eingang")
    ziel = tmp_path / "berichte" / "kw11" / "bericht.xlsx"  # the folders do not exist yet
    aufruf = ("auswerten", eingang, "--stichtag", STICHTAG)
    json_bericht = json.loads(wrm(*aufruf, "-f", "json").stdout)
    stufen = [befund["stufe"] for befund in json_bericht["befunde"]]
    zahlen = f"{stufen.count('fehler')} Fehler, {stufen.count('hinweis')} Hinweise."
    assert stufen.count("fehler") == 6 and stufen.count("hinweis") > 1

    ergebnis = wrm(*aufruf, "-o", ziel)
    assert ergebnis.returncode == 1
    assert ergebnis.stdout == ""
    bilanz = "23 Dateien: 20 verwendet, 1 ersetzt, 1 fehlerhaft, 1 unlesbar."
    assert ergebnis.stderr.splitlines() == [
        f"Bericht geschrieben: {ziel}",
        bilanz,
        zahlen,
        "Ohne gültige Meldung: Belm.",
    ]
    assert openpyxl.load_workbook(ziel).sheetnames[0] == "Auswertung"

    ergebnis = wrm(*aufruf, "-o", ziel)
    assert ergebnis.stderr.splitlines()[0] == (
        f"Bericht geschrieben: {ziel} (die vorhandene Datei wurde ersetzt)"
    )


def test_ohne_fehler_nennt_die_bilanz_die_hinweise(tmp_path: Path) -> None:
    ziel = tmp_path / "neu" / "bericht.txt"
    aufruf = ("auswerten", BEISPIELE / "eingang")
    hinweise = len(json.loads(wrm(*aufruf, "-f", "json").stdout)["befunde"])
    assert hinweise > 1
    ergebnis = wrm(*aufruf, "-o", ziel)
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert ergebnis.stderr == (
        f"Bericht geschrieben: {ziel}\n21 Dateien: 21 verwendet.\n"
        f"Keine Fehler, {hinweise} Hinweise.\n"
    )
    assert ziel.read_text(encoding="utf-8").startswith("Wohnraummanagement Landkreis Osnabrück")


def test_ordner_der_ausgabe_nicht_anlegbar(tmp_path: Path) -> None:
    (tmp_path / "berichte").write_text("eine Datei, kein Ordner")
    ziel = tmp_path / "berichte" / "bericht.xlsx"
    ergebnis = wrm("auswerten", BEISPIELE / "eingang", "-o", ziel)
    assert ergebnis.returncode == 2
    assert ergebnis.stderr == (
        f"Fehler: Der Ordner „{ziel.parent}“ für bericht.xlsx kann nicht angelegt werden: eine "
        "Datei hat denselben Namen – bitte einen anderen Ordner wählen.\n"
    )


# --- Same file names in several folders -------------------------------------------------


def _zwei_wochen(ordner: Path) -> Path:
    """kw10/ and kw11/: Artland in both (kw11 newer), the same faulty Hagen file in both,
    a damaged file and a lock file in both, Melle only in kw11."""
    for woche, stand in (("kw10", dt.datetime(2016, 3, 7)), ("kw11", dt.datetime(2016, 3, 14))):
        (ordner / woche).mkdir(parents=True)
        mappe = openpyxl.load_workbook(BEISPIELE / "eingang" / "Meldung_Artland.xlsx")
        vorlage_ausfuellen(mappe, {"stand": stand})
        mappe.save(ordner / woche / "Meldung_Artland.xlsx")
        shutil.copy(BEISPIELE / "fehlerhaft" / "Meldung_Hagen.xlsx", ordner / woche)
        (ordner / woche / "kaputt.xlsx").write_bytes(b"PK\x03\x04 keine Arbeitsmappe")
        (ordner / woche / "~$Meldung_Artland.xlsx").write_bytes(b"lock")
    shutil.copy(BEISPIELE / "eingang" / "Meldung_Melle.xlsx", ordner / "kw11")
    return ordner


KAPUTT = "Die Datei ist beschädigt und lässt sich nicht lesen – bitte erneut speichern und senden."
SPERRDATEI = "Datei ist gerade in Excel oder LibreOffice geöffnet (Sperrdatei) – wird übergangen."


def test_gleiche_namen_in_zwei_ordnern_werden_mit_pfad_genannt(tmp_path: Path) -> None:
    ordner = _zwei_wochen(tmp_path / "woche")
    for eingaben, cwd in (
        (["kw10", "kw11"], ordner),
        ([ordner / "kw10", ordner / "kw11"], None),  # absolute: from the common folder
    ):
        ergebnis = wrm("auswerten", *eingaben, "--stichtag", STICHTAG, "-f", "json", cwd=cwd)
        assert ergebnis.returncode == 1, ergebnis.stderr
        bericht = json.loads(ergebnis.stdout)
        befunde = bericht["befunde"]
        assert {d["datei"]: d["status"] for d in bericht["dateien"]} == {
            "kw10/Meldung_Artland.xlsx": "ersetzt",
            "kw11/Meldung_Artland.xlsx": "verwendet",
            "kw10/Meldung_Hagen.xlsx": "fehlerhaft",
            "kw11/Meldung_Hagen.xlsx": "fehlerhaft",
            "Meldung_Melle.xlsx": "verwendet",
            "kw10/kaputt.xlsx": "unlesbar",
            "kw11/kaputt.xlsx": "unlesbar",
            "kw10/~$Meldung_Artland.xlsx": "übergangen",
            "kw11/~$Meldung_Artland.xlsx": "übergangen",
        }
        texte = [befund["text"] for befund in befunde if befund["datei"]]
        fehler = [b["text"] for b in befunde if b["stufe"] == "fehler"]
        # Every error once: kw11's copy of Hagen points to kw10's five errors.
        assert len(fehler) == len(set(fehler)) == 8
        assert fehler[:2] == ["kw10/kaputt.xlsx: " + KAPUTT, "kw11/kaputt.xlsx: " + KAPUTT]
        assert f"kw10/Meldung_Hagen.xlsx, {HAGEN_FEHLER}" in fehler
        assert not any(text.startswith("kw11/Meldung_Hagen.xlsx, Zelle") for text in texte)
        assert fehler[-1] == (
            "kw11/Meldung_Hagen.xlsx: Dieselbe Meldung wie kw10/Meldung_Hagen.xlsx mit denselben "
            "5 Fehlern (dort genannt) – wird nicht ausgewertet."
        )
        assert "kw10/~$Meldung_Artland.xlsx: " + SPERRDATEI in texte
        assert "kw11/~$Meldung_Artland.xlsx: " + SPERRDATEI in texte
        assert (
            "kw10/Meldung_Artland.xlsx: Ältere Meldung von Artland (Stand 07.03.2016) – ersetzt "
            "durch kw11/Meldung_Artland.xlsx (Stand 14.03.2016)."
        ) in texte
        # A name that occurs once stays bare.
        assert any(text.startswith("Meldung_Melle.xlsx, Zelle") for text in texte)
        assert len(texte) == len(set(texte))


def test_pruefen_nennt_die_dateien_wie_auswerten(tmp_path: Path) -> None:
    ordner = _zwei_wochen(tmp_path / "woche")
    eingaben = [ordner / "kw10", ordner / "kw11"]
    einstellungen = standard_einstellungen()
    bericht = auswerten(eingaben, einstellungen, TAG)
    pruefung = pruefen_dateien(eingaben, einstellungen, TAG)

    def je_datei(befunde: list[Befund]) -> dict[str | None, list[str]]:
        ergebnis: dict[str | None, list[str]] = {}
        for befund in befunde:
            ergebnis.setdefault(befund.datei, []).append(f"{befund.stufe}: {befund.meldung}")
        return {datei: sorted(texte) for datei, texte in ergebnis.items()}

    # Only auswerten merges the weeks: which Meldung replaces which is its own to say.
    zusammengefuehrt = [b for b in bericht.befunde if b.meldung.startswith("Ältere Meldung")]
    assert len(zusammengefuehrt) == 1
    erwartet = je_datei(
        [b for b in bericht.befunde if b.datei is not None and b not in zusammengefuehrt]
    )
    gefunden = je_datei([b for d in pruefung.dateien for b in d.befunde] + pruefung.ignoriert)
    assert gefunden == erwartet
    assert "kw11/Meldung_Hagen.xlsx" in gefunden and "Meldung_Melle.xlsx" in gefunden
    (kopie,) = [d for d in pruefung.dateien if d.datei == ordner / "kw11" / "Meldung_Hagen.xlsx"]
    assert [b.text for b in kopie.befunde] == [
        "kw11/Meldung_Hagen.xlsx: Dieselbe Meldung wie kw10/Meldung_Hagen.xlsx mit denselben "
        "5 Fehlern (dort genannt) – wird nicht ausgewertet."
    ]
    assert not kopie.in_ordnung
    # The same names in pruefen's lines and in the Excel report's Übersicht.
    assert kopie.name == "kw11/Meldung_Hagen.xlsx"
    assert {z["kommune"]: z["datei"] for z in bericht.uebersicht}["Artland"] == (
        "kw11/Meldung_Artland.xlsx"
    )
