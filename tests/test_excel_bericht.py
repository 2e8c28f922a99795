"""The Excel report: opened with openpyxl and checked cell by cell, and as LibreOffice prints it."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pytest
from conftest import BEISPIELE, DATEN, PROJEKT, STICHTAG_2016, wrm
from hilfen import vorlage_ausfuellen

from wrm_cli.ablauf import auswerten
from wrm_cli.berichte.excel_bericht import ERSTE_DATENZEILE, ZAHLFORMAT, als_xlsx
from wrm_cli.blaetter import (
    BLATT_AUSGLEICH,
    BLATT_AUSWERTUNG,
    BLATT_DIAGRAMM,
    BLATT_HINWEISE,
    BLATT_MELDESTATUS,
    BLATT_PROGNOSE,
    BLATT_UEBERSICHT,
)
from wrm_cli.konfig import Einstellungen
from wrm_cli.vorlage import vorlage_erstellen

BLAETTER = [BLATT_AUSWERTUNG, BLATT_UEBERSICHT, BLATT_MELDESTATUS, BLATT_HINWEISE, BLATT_DIAGRAMM]
# The district has coordinates: the proposal of wrm ausgleich comes last (issue #16).
BLAETTER.append(BLATT_AUSGLEICH)
# The example's wrm.toml has a quota end: the forecast of wrm prognose after it (issue #17).
BLAETTER.append(BLATT_PROGNOSE)


@pytest.fixture(scope="module")
def bericht_2016(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`wrm auswerten beispiele/eingang/ --ausgabe bericht.xlsx`, through the real CLI."""
    ziel = tmp_path_factory.mktemp("bericht") / "bericht.xlsx"
    ergebnis = wrm("auswerten", BEISPIELE / "eingang", "--ausgabe", ziel)
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert ergebnis.stderr.startswith(f"Bericht geschrieben: {ziel}\n")  # then the Dateibilanz
    return ziel


@pytest.fixture(scope="module")
def mappe(bericht_2016: Path) -> Any:
    return openpyxl.load_workbook(bericht_2016)


def veroeffentlicht() -> list[list[str]]:
    with open(DATEN / "auswertung_2016_veroeffentlicht.csv", encoding="utf-8") as datei:
        return list(csv.reader(datei, delimiter=";"))[1:]


def test_blaetter(mappe: Any) -> None:
    assert mappe.sheetnames == BLAETTER


def test_auswertung_zelle_fuer_zelle_wie_veroeffentlicht(mappe: Any) -> None:
    blatt = mappe[BLATT_AUSWERTUNG]
    erwartet = veroeffentlicht()
    for versatz, zeile in enumerate(erwartet):
        nr = ERSTE_DATENZEILE + versatz
        gelesen = [blatt.cell(nr, spalte).value for spalte in range(1, 11)]
        wie_csv = ["" if wert is None else str(wert) for wert in gelesen]
        if zeile[0] == "Gesamt":
            wie_csv[-1] = zeile[-1]  # the published Gesamt row has no assessment
        assert wie_csv == zeile, nr
    gesamt = ERSTE_DATENZEILE + len(erwartet) - 1
    assert blatt.cell(gesamt, 1).value == "Gesamt"
    kennzahlen = [
        (blatt.cell(z, 1).value, blatt.cell(z, 9).value) for z in range(gesamt + 2, gesamt + 7)
    ]
    assert kennzahlen == [
        ("benötigter Wohnraum bis 31.07.2016 (Personen)", 716),
        ("davon sofort verfügbar (Personen)", 469),
        ("in Aussicht stehender Wohnraum (Personen)", 654),
        ("aktuelle Gesamtverfügbarkeit (Personen)", 1123),
        ("fehlender Wohnraum (Personen)", -407),
    ]


def test_auswertung_titel_und_gruppenkoepfe(mappe: Any) -> None:
    blatt = mappe[BLATT_AUSWERTUNG]
    assert (
        blatt["A1"].value
        == "Wohnraummanagement Landkreis Osnabrück – Auswertung, Stichtag 16.03.2016, "
        "Stand der Daten 16.03.2016"
    )
    assert [blatt.cell(4, s).value for s in (1, 2, 4, 8, 9, 10)] == [
        "Kommune",
        "Quote",
        "verfügbarer Wohnraum",
        "Summe",
        "Bedarf fehlender Wohnraum",
        "Einschätzung",
    ]
    assert [blatt.cell(5, s).value for s in range(2, 8)] == [
        "bisherige Zuweisungen",
        "noch zu erfüllende Quote seit 04.12.2015",
        "verfügbar GU",
        "verfügbar dezentral",
        "in Aussicht GU",
        "in Aussicht dezentral",
    ]
    zusammengefasst = {str(bereich) for bereich in blatt.merged_cells.ranges}
    assert {"B4:C4", "D4:G4", "A4:A5", "H4:H5", "I4:I5", "J4:J5"} <= zusammengefasst
    assert blatt.freeze_panes == "B6"


def test_zahlenformat_und_bedingte_formatierung(mappe: Any) -> None:
    blatt = mappe[BLATT_AUSWERTUNG]
    for spalte in "BCDEFGHI":
        assert blatt[f"{spalte}{ERSTE_DATENZEILE}"].number_format == ZAHLFORMAT
    regeln = {
        (str(bereich.sqref), regel.operator, tuple(regel.formula))
        for bereich in blatt.conditional_formatting
        for regel in bereich.rules
    }
    assert regeln == {
        ("I6:I26", "greaterThan", ("0",)),
        ("I6:I26", "lessThan", ("0",)),
        ("J6:J26", "equal", ('"kritisch"',)),
    }


def test_druckeinrichtung(mappe: Any) -> None:
    blatt = mappe[BLATT_AUSWERTUNG]
    assert blatt.page_setup.orientation == "landscape"
    assert int(blatt.page_setup.paperSize) == int(blatt.PAPERSIZE_A4)
    assert (blatt.page_setup.fitToWidth, blatt.page_setup.fitToHeight) == (1, 0)
    assert blatt.sheet_properties.pageSetUpPr.fitToPage
    assert blatt.print_title_rows == "$4:$5"
    assert blatt.oddFooter.left.text == "Stichtag 16.03.2016"
    assert blatt.oddFooter.right.text == "Seite &P von &N"
    assert blatt.oddHeader.center.text == "Landkreis Osnabrück – Auswertung"


def test_druckeinrichtung_uebersicht_zwei_seiten_breit(mappe: Any) -> None:
    """19 columns on one page width would print in 5 pt type: two landscape pages wide,
    the Kommune column repeated on each."""
    blatt = mappe[BLATT_UEBERSICHT]
    assert blatt.page_setup.orientation == "landscape"
    assert (blatt.page_setup.fitToWidth, blatt.page_setup.fitToHeight) == (2, 0)
    assert (blatt.print_title_rows, blatt.print_title_cols) == ("$3:$3", "$A:$A")


def test_diagramm_mit_datenbereich(mappe: Any) -> None:
    blatt = mappe[BLATT_DIAGRAMM]
    (diagramm,) = blatt._charts
    assert diagramm.tagname == "barChart"
    reihen = [(r.tx.strRef.f, r.val.numRef.f, r.cat.numRef.f) for r in diagramm.series]
    assert reihen == [
        ("'Diagramm'!B1", "'Diagramm'!$B$2:$B$21", "'Diagramm'!$A$2:$A$21"),
        ("'Diagramm'!C1", "'Diagramm'!$C$2:$C$21", "'Diagramm'!$A$2:$A$21"),
    ]
    assert [r.graphicalProperties.solidFill.srgbClr for r in diagramm.series] == [
        "C00000",
        "70AD47",
    ]
    # 20 Kommunen with housing data (Bramsche has none), in the table's order; free places
    # as a positive number under their own header.
    assert [blatt.cell(1, s).value for s in (1, 2, 3)] == [
        "Kommune",
        "fehlender Wohnraum",
        "freie Plätze",
    ]
    assert [blatt.cell(z, 1).value for z in (2, 21)] == ["Melle", "Georgsmarienhütte"]
    assert (blatt["B2"].value, blatt["C2"].value) == (None, 174)
    assert (blatt["B21"].value, blatt["C21"].value) == (73, None)
    assert blatt["C13"].value == 0  # Dissen: neither short nor with places to spare
    # Bramsche is named below the chart, which covers E2 to Q34 (0-based corners).
    anker = diagramm.anchor
    assert (anker._from.col, anker._from.row, anker.to.col, anker.to.row) == (4, 1, 17, 34)
    assert blatt["E36"].value == "Ohne Angaben zum Wohnraum ((8)–(11) leer): Bramsche."
    assert blatt.print_area == "'Diagramm'!$A$1:$R$36"


def test_uebersicht_mit_allen_feldern_und_dezentralanteil(mappe: Any) -> None:
    blatt = mappe[BLATT_UEBERSICHT]
    kopf = [blatt.cell(3, s).value for s in range(1, 20)]
    assert kopf[:4] == [
        "Kommune",
        "Stand",
        "(1) vom Land ausgesprochene Zuweisungen",
        "(2) davon Ankünfte vor Ort",
    ]
    assert kopf[13] == "(12) Einschätzung der Lage"
    # (6), (8), (10) say "GU", so that no column must hold "Gemeinschaftsunterkünften";
    # the full label is the header's note, the footnote says so on paper.
    assert [kopf[7], kopf[9], kopf[11]] == ["(6) in GU", "(8) verfügbar GU", "(10) in Aussicht, GU"]
    notizen = {s: blatt.cell(3, s).comment for s in range(1, 20) if blatt.cell(3, s).comment}
    assert {s: n.text for s, n in notizen.items()} == {
        8: "(6) in Gemeinschaftsunterkünften",
        10: "(8) verfügbar in Gemeinschaftsunterkünften",
        12: "(10) in Aussicht, Gemeinschaftsunterkünfte",
    }
    assert blatt["A27"].value == (
        "GU = Gemeinschaftsunterkünfte; die vollständigen Bezeichnungen von (6), (8) und (10) "
        "stehen als Notiz an den Spaltenköpfen."
    )
    assert kopf[14:] == [
        "Anteil dezentral (7) / ((6)+(7))",
        "Datei",
        "Ansprechpartner",
        "Telefon",
        "E-Mail",
    ]
    melle = next(z for z in range(4, 25) if blatt.cell(z, 1).value == "Melle")
    assert [blatt.cell(melle, s).value for s in range(3, 15)] == [
        142,
        110,
        0,
        None,
        196,
        62,
        80,
        16,
        14,
        227,
        113,
        "ausreichend",
    ]
    assert blatt.cell(melle, 16).value == "Meldung_Melle.xlsx"
    assert blatt.cell(melle, 2).number_format == "DD.MM.YYYY"
    anteile = {blatt.cell(z, 1).value: blatt.cell(z, 15).value for z in range(4, 25)}
    erwartet = {
        kommune: None if anteil is None else pytest.approx(anteil, abs=5e-5)
        for kommune, anteil in DEZENTRAL_2016.items()
    }
    assert anteile == erwartet
    summe = 25
    assert blatt.cell(summe, 1).value == "Landkreis Osnabrück gesamt"
    assert blatt.cell(summe, 3).value == 1327
    assert (blatt.cell(summe, 8).value, blatt.cell(summe, 9).value) == (230, 1065)
    assert blatt.cell(summe, 15).value == pytest.approx(0.8224, abs=5e-5)  # 1065 / (230 + 1065)


# The share housed decentrally, (7) / ((6)+(7)), worked out by hand from columns (6)
# untergebracht_gu and (7) untergebracht_dezentral of beispiele/uebersicht_2016.csv.
DEZENTRAL_2016 = {
    "Artland": 1.0,  # 88 / (0 + 88)
    "Bad Essen": 0.7391,  # 51 / (18 + 51)
    "Bad Iburg": 1.0,  # 29 / (0 + 29)
    "Bad Laer": 1.0,  # 35 / (0 + 35)
    "Bad Rothenfelde": 1.0,  # 34 / (0 + 34)
    "Belm": 1.0,  # 46 / (0 + 46)
    "Bersenbrück": 1.0,  # 151 / (0 + 151)
    "Bissendorf": 1.0,  # 25 / (0 + 25)
    "Bohmte": 0.8415,  # 69 / (13 + 69)
    "Bramsche": None,  # (6) and (7) empty: nobody housed
    "Dissen": 1.0,  # 40 / (0 + 40)
    "Fürstenau": 0.6508,  # 41 / (22 + 41)
    "Georgsmarienhütte": 0.6931,  # 70 / (31 + 70)
    "Glandorf": 1.0,  # 17 / (0 + 17)
    "Hagen": 1.0,  # 72 / (0 + 72)
    "Hasbergen": 0.1818,  # 10 / (45 + 10)
    "Hilter": 1.0,  # 28 / (0 + 28)
    "Melle": 0.5634,  # 80 / (62 + 80)
    "Neuenkirchen": 1.0,  # 75 / (0 + 75)
    "Ostercappeln": 1.0,  # 28 / (0 + 28)
    "Wallenhorst": 0.6609,  # 76 / (39 + 76)
}


def test_meldestatus_und_hinweise(tmp_path: Path, einstellungen_2016: Einstellungen) -> None:
    eingang = tmp_path / "eingang"
    shutil.copytree(BEISPIELE / "eingang", eingang)
    (eingang / "Meldung_Melle.xlsx").unlink()
    (eingang / "Meldung_Belm.xlsx").write_bytes(b"kaputt")
    (eingang / "~$Meldung_Hagen.xlsx").write_bytes(b"")
    mappe = vorlage_erstellen(einstellungen_2016.bezirk, "Hilter")
    vorlage_ausfuellen(mappe, {"stand": "01.02.2016", "zuweisungen": 45})
    # A contact typed as text that looks like a formula (Excel: a leading apostrophe).
    kontakt = mappe["Meldung"]["C7"]
    kontakt.value, kontakt.data_type = '=HYPERLINK("x")', "s"
    mappe.save(eingang / "Meldung_Hilter.xlsx")
    bericht = auswerten([eingang], einstellungen_2016, STICHTAG_2016)
    gelesen = openpyxl.load_workbook(_schreiben(tmp_path, bericht))

    status = gelesen[BLATT_MELDESTATUS]
    assert [status.cell(3, s).value for s in range(1, 7)] == [
        "Kommune",
        "Stand",
        "Tage alt",
        "Status",
        "Datei",
        "Grund",
    ]
    zeilen = {
        status.cell(z, 1).value: [status.cell(z, s).value for s in range(2, 7)]
        for z in range(4, 25)
    }
    assert zeilen["Melle"] == [None, None, "fehlt", None, None]
    # Belm's file arrived but cannot be read: recognised by its name, with file and reason.
    assert zeilen["Belm"] == [
        None,
        None,
        "ungültig",
        "Meldung_Belm.xlsx",
        "Die Datei ist beschädigt und lässt sich nicht lesen – bitte erneut speichern und senden.",
    ]
    assert zeilen["Hilter"][1:] == [44, "veraltet", "Meldung_Hilter.xlsx", None]
    assert zeilen["Artland"][1:] == [0, "aktuell", "Meldung_Artland.xlsx", None]
    # Every file's fate, below the Kommunen: 19 used, the lock file, the damaged file.
    assert status.cell(26, 1).value == (
        "Dateien – 21 Dateien: 19 verwendet, 1 übergangen, 1 unlesbar."
    )
    # In the columns of the Kommunen above: Kommune, Status, Datei, Grund.
    assert [status.cell(27, s).value for s in range(1, 7)] == [
        "Kommune",
        None,
        None,
        "Status",
        "Datei",
        "Grund",
    ]
    dateien = {
        status.cell(z, 5).value: [status.cell(z, s).value for s in (4, 1, 6)]
        for z in range(28, 28 + 21)
    }
    assert dateien["Meldung_Hilter.xlsx"] == ["verwendet", "Hilter", None]
    assert dateien["Meldung_Belm.xlsx"] == [
        "unlesbar",
        None,
        "Die Datei ist beschädigt und lässt sich nicht lesen – bitte erneut speichern und senden.",
    ]
    assert dateien["~$Meldung_Hagen.xlsx"][:2] == ["übergangen", None]

    # Text from an input file is stored as text, never as a formula.
    uebersicht = gelesen[BLATT_UEBERSICHT]
    hilter = next(z for z in range(4, 25) if uebersicht.cell(z, 1).value == "Hilter")
    zelle = uebersicht.cell(hilter, 17)
    assert (zelle.value, zelle.data_type) == ('=HYPERLINK("x")', "s")

    hinweise = gelesen[BLATT_HINWEISE]
    assert [hinweise.cell(3, s).value for s in range(1, 7)] == [
        "Art",
        "Datei",
        "Zelle",
        "Feld",
        "Kommune",
        "Meldung",
    ]
    assert hinweise["A4"].value == "Fehler"
    assert hinweise["B4"].value == "Meldung_Belm.xlsx"


def test_meldestatus_ohne_stand_und_ungueltig(
    tmp_path: Path, einstellungen_2016: Einstellungen
) -> None:
    """Melle reports in a table without a "stand" column, Belm's only Meldung has an error."""
    eingang = tmp_path / "eingang"
    shutil.copytree(BEISPIELE / "eingang", eingang)
    (eingang / "Meldung_Melle.xlsx").unlink()
    with open(BEISPIELE / "uebersicht_2016.csv", encoding="utf-8", newline="") as datei:
        kopf, *tabelle = csv.reader(datei, delimiter=";")
    melle = next(zeile for zeile in tabelle if zeile[0] == "Melle")
    ohne_stand = [[wert for spalte, wert in enumerate(z) if spalte != 1] for z in (kopf, melle)]
    with open(eingang / "melle.csv", "w", encoding="utf-8", newline="") as datei:
        csv.writer(datei, delimiter=";").writerows(ohne_stand)
    mappe = vorlage_erstellen(einstellungen_2016.bezirk, "Belm")
    vorlage_ausfuellen(mappe, {"stand": "16.03.2016", "zuweisungen": "ca. 45"})
    mappe.save(eingang / "Meldung_Belm.xlsx")
    ziel = tmp_path / "bericht.xlsx"
    aufruf: list[str | Path] = [
        "auswerten",
        eingang,
        "--konfig",
        BEISPIELE / "wrm.toml",
        "--stichtag",
        "16.03.2016",
    ]
    ergebnis = wrm(*aufruf, "-o", ziel)
    assert ergebnis.returncode == 1, ergebnis.stderr  # Belm's error

    status = openpyxl.load_workbook(ziel)[BLATT_MELDESTATUS]
    je_kommune = {
        status.cell(z, 1).value: [status.cell(z, s).value for s in range(2, 7)]
        for z in range(4, 25)
    }
    assert je_kommune["Melle"] == [None, None, "ohne Stand", "melle.csv", None]
    # Belm's Meldung has an error: the file and the error, not a bare "ungültig".
    assert je_kommune["Belm"] == [None, None, "ungültig", "Meldung_Belm.xlsx", BELM_FEHLER]
    assert je_kommune["Artland"][1:] == [0, "aktuell", "Meldung_Artland.xlsx", None]
    assert {werte[2] for werte in je_kommune.values()} == {"aktuell", "ohne Stand", "ungültig"}

    json_bericht = json.loads(wrm(*aufruf, "--format", "json").stdout)
    assert json_bericht["fehlende_kommunen"] == ["Belm"]
    dateien = {d["datei"]: (d["status"], d["kommunen"]) for d in json_bericht["dateien"]}
    assert dateien["melle.csv"] == ("verwendet", ["Melle"])
    assert dateien["Meldung_Belm.xlsx"][0] == "fehlerhaft"
    melle_zeile = next(z for z in json_bericht["zeilen"] if z["kommune"] == "Melle")
    assert melle_zeile["stand"] is None


def test_meldestatus_nicht_gefundene_datei_fehlt(
    tmp_path: Path, einstellungen_2016: Einstellungen
) -> None:
    """A file named on the command line but not there did not arrive: Melle "fehlt"."""
    eingang = tmp_path / "eingang"
    shutil.copytree(BEISPIELE / "eingang", eingang)
    (eingang / "Meldung_Melle.xlsx").unlink()
    bericht = auswerten(
        [eingang, tmp_path / "Meldung_Melle.xlsx"], einstellungen_2016, STICHTAG_2016
    )
    melle = next(stand for stand in bericht.meldestatus if stand.kommune == "Melle")
    assert (melle.status, melle.datei, melle.grund) == ("fehlt", None, None)


BELM_FEHLER = (
    "Zelle C12 (1) vom Land ausgesprochene Zuweisungen: „ca. 45“ ist keine ganze Zahl – "
    "bitte nur Ziffern eintragen."
)


def _schreiben(ordner: Path, bericht: Any) -> Path:
    ziel = ordner / "bericht.xlsx"
    ziel.write_bytes(als_xlsx(bericht))
    return ziel


@pytest.mark.parametrize(
    ("argumente", "meldung"),
    [
        (
            ["--format", "excel"],
            "Der Excel-Bericht braucht eine Datei: bitte --ausgabe bericht.xlsx angeben.",
        ),
        (
            ["--format", "excel", "-o", "b.csv"],
            "Der Excel-Bericht braucht eine Datei: bitte --ausgabe bericht.xlsx angeben.",
        ),
        (
            ["--format", "csv", "-o", "b.xlsx"],
            "--format csv ergibt keine Excel-Datei – bitte eine andere Endung als .xlsx wählen "
            "oder --format excel.",
        ),
    ],
)
def test_excel_nur_als_xlsx_datei(tmp_path: Path, argumente: list[str], meldung: str) -> None:
    ergebnis = wrm("auswerten", BEISPIELE / "eingang", *argumente, cwd=tmp_path)
    assert ergebnis.returncode == 2
    assert ergebnis.stderr == f"Fehler: {meldung}\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice nicht installiert")
def test_auswertung_passt_gedruckt_auf_eine_querseite(bericht_2016: Path, tmp_path: Path) -> None:
    """LibreOffice prints the Auswertung on one landscape A4 page (install: see README)."""
    nur_auswertung = openpyxl.load_workbook(bericht_2016)
    for name in BLAETTER[1:]:
        del nur_auswertung[name]
    nur_auswertung.save(tmp_path / "auswertung.xlsx")
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path}/profil",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "auswertung.xlsx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = (tmp_path / "auswertung.pdf").read_bytes()
    seiten = re.findall(rb"/Type\s*/Page\b(?!s)", pdf)
    assert len(seiten) == 1
    (breite, hoehe) = (
        float(z) for z in re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf)[0]
    )
    assert breite > hoehe  # landscape
    assert round(breite) == 842  # A4: 297 mm


# Press-ready text.

PRESSETEXT_2016 = (
    "Stichtag 16.03.2016, Stand der Daten 16.03.2016: Den 21 Kommunen des Landkreises "
    "Osnabrück sind bislang 1.327 Personen zugewiesen worden. Bis zum 31.07.2016 sind noch "
    "716 Personen aufzunehmen; dafür stehen 469 Plätze sofort und 654 in Aussicht zur "
    "Verfügung. Rechnerisch reicht der Wohnraum damit aus: Es stehen 407 Plätze mehr zur "
    "Verfügung als benötigt. Bei gleichbleibenden Zuweisungen reichen die sofort verfügbaren "
    "Plätze im Landkreis bis etwa 12.06.2016 (12,7 Wochen), wenn sie über Kommunen hinweg "
    "genutzt werden könnten; in 7 Kommunen reichen sie keine 4 Wochen. "
    "Wohnraum fehlt in 7 Kommunen, am meisten in Georgsmarienhütte "
    "(73 Personen), Bad Iburg (22 Personen) und Bad Laer (21 Personen). 3 Kommunen schätzen "
    "ihre Lage selbst als kritisch ein: Bad Rothenfelde, Bad Iburg und "
    "Georgsmarienhütte.\nZum Gesamt: fehlender Wohnraum = Σ(5) − ΣSumme = 716 − 1.123 = -407, "
    "nicht die Summe der Spalte (-395), denn im Gesamt gleicht eine übererfüllte Quote (5) "
    "andere aus.\n"
)


def test_pressetext_2016() -> None:
    ergebnis = wrm("auswerten", BEISPIELE / "eingang", "--format", "pressetext")
    assert ergebnis.returncode == 0
    assert ergebnis.stdout == PRESSETEXT_2016
    assert PRESSETEXT_2016 in (PROJEKT / "README.md").read_text("utf-8")


def test_pressetext_nennt_fehlende_und_veraltete_meldungen(
    tmp_path: Path, einstellungen_2016: Einstellungen
) -> None:
    eingang = tmp_path / "eingang"
    shutil.copytree(BEISPIELE / "eingang", eingang)
    (eingang / "Meldung_Melle.xlsx").unlink()
    mappe = vorlage_erstellen(einstellungen_2016.bezirk, "Hilter")
    vorlage_ausfuellen(mappe, {"stand": "01.02.2016", "zuweisungen": 45})
    mappe.save(eingang / "Meldung_Hilter.xlsx")
    from wrm_cli.berichte.text_bericht import als_pressetext

    text = als_pressetext(auswerten([eingang], einstellungen_2016, STICHTAG_2016))
    # Missing and stale Meldungen come first, and nothing claims the housing suffices.
    assert text.startswith(
        "Stichtag 16.03.2016, Stand der Daten 01.02.2016 bis 16.03.2016: Gemeldet haben 20 der "
        "21 Kommunen des Landkreises Osnabrück; es fehlt Melle. Die Angaben von Hilter "
        "(01.02.2016) sind älter als 14 Tage. Den 20 meldenden Kommunen sind bislang "
    )
    assert "reicht der Wohnraum" not in text


def test_text_mit_fester_breite(tmp_path: Path) -> None:
    ergebnis = wrm("auswerten", BEISPIELE / "eingang", "--ausgabe", tmp_path / "bericht.txt")
    assert ergebnis.returncode == 0
    zeilen = (tmp_path / "bericht.txt").read_text("utf-8").splitlines()
    assert zeilen[0] == (
        "Wohnraummanagement Landkreis Osnabrück – Auswertung, Stichtag 16.03.2016, "
        "Stand der Daten 16.03.2016"
    )
    melle = next(z for z in zeilen if z.startswith("Melle "))
    assert melle.split() == [
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
    gesamt = next(z for z in zeilen if z.startswith("Gesamt "))
    assert gesamt.split() == ["Gesamt", "1.327", "716", "84", "385", "372", "282", "1.123", "-407"]
    # Columns line up: every figure of a column ends at the same position.
    assert len({z.index(" ausreichend") for z in zeilen if z.endswith(" ausreichend")}) == 1
    kennzahlen = [z for z in zeilen if z.endswith(("716", "469", "654", "1.123", "-407"))]
    assert kennzahlen[-1].startswith("fehlender Wohnraum (Personen) ")
    assert len({len(z) for z in kennzahlen[-5:]}) == 1  # values right-aligned
    assert not any("━" in z or "\x1b" in z for z in zeilen)
