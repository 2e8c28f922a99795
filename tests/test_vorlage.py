"""The Excel template: layout, defined names, validation, protection, print setup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pytest
from conftest import wrm
from openpyxl.utils.cell import (  # type: ignore[import-untyped, unused-ignore]
    coordinate_from_string,
    range_boundaries,
)
from python_calamine import CalamineWorkbook

from wrm_cli.bezirk import Bezirk
from wrm_cli.blaetter import (
    BLATT_ERLAEUTERUNGEN,
    BLATT_MELDUNG,
    BLATT_VERSION,
    VERSION_KENNUNG,
    VORLAGE_VERSION,
)
from wrm_cli.fehler import AusgabeFehler, KonfigFehler
from wrm_cli.felder import FELD, FELDER, KOMMUNE, KONTAKT_LABELS, KOPF_SCHLUESSEL, STAND
from wrm_cli.vorlage import (
    eingabezellen,
    vorlage_schreiben,
    vorlagen_dateiname,
)

ALLE_NAMEN = (*KOPF_SCHLUESSEL, *(feld.key for feld in FELDER))
LABELS = {KOMMUNE: "Kommune", STAND: "Stand", **KONTAKT_LABELS}


@pytest.fixture
def datei(tmp_path: Path, bezirk: Bezirk) -> Path:
    return vorlage_schreiben(bezirk, "Bad Essen", tmp_path / "vorlage.xlsx")


@pytest.fixture
def mappe(datei: Path) -> Any:
    return openpyxl.load_workbook(datei)


def adresse(mappe: Any, key: str) -> tuple[str, str]:
    """(sheet, cell) a workbook-level defined name points to."""
    ziele = list(mappe.defined_names[key].destinations)
    assert len(ziele) == 1
    blatt, bezug = ziele[0]
    return blatt, bezug.replace("$", "")


def regel(blatt: Any, zelle: str) -> Any:
    treffer = [r for r in blatt.data_validations.dataValidation if zelle in r.sqref]
    assert len(treffer) == 1, zelle
    return treffer[0]


def test_blattnamen(mappe: Any) -> None:
    assert mappe.sheetnames == [BLATT_MELDUNG, BLATT_ERLAEUTERUNGEN, BLATT_VERSION]
    assert mappe.active.title == BLATT_MELDUNG
    assert mappe[BLATT_MELDUNG].sheet_state == "visible"
    assert mappe[BLATT_ERLAEUTERUNGEN].sheet_state == "visible"


@pytest.mark.parametrize("key", ALLE_NAMEN)
def test_namen_zeigen_auf_die_zeile_ihres_feldes(mappe: Any, key: str) -> None:
    blatt_name, zelle = adresse(mappe, key)
    assert blatt_name == BLATT_MELDUNG
    assert eingabezellen()[key] == zelle
    blatt = mappe[BLATT_MELDUNG]
    zeile = coordinate_from_string(zelle)[1]
    if key in FELD:
        assert blatt.cell(zeile, 1).value == f"({FELD[key].nr})"
        assert blatt.cell(zeile, 2).value == FELD[key].label
        assert blatt.cell(zeile, 4).value.startswith(FELD[key].bedeutung)
    else:
        assert blatt.cell(zeile, 2).value == LABELS[key]


def test_kopfblock(mappe: Any, bezirk: Bezirk) -> None:
    blatt = mappe[BLATT_MELDUNG]
    texte = [z for zeile in blatt.iter_rows(values_only=True) for z in zeile if z]
    assert bezirk.name in " ".join(map(str, texte))
    assert blatt[eingabezellen()[KOMMUNE]].value == "Bad Essen"
    assert blatt["B4"].font.b


def test_amtlicher_name_wird_eingetragen(tmp_path: Path, bezirk: Bezirk) -> None:
    datei = vorlage_schreiben(bezirk, "dissen a.t.w.", tmp_path / "d.xlsx")
    mappe = openpyxl.load_workbook(datei)
    assert mappe[BLATT_MELDUNG][eingabezellen()[KOMMUNE]].value == "Dissen"


def test_unbekannte_kommune_mit_vorschlag(tmp_path: Path, bezirk: Bezirk) -> None:
    with pytest.raises(KonfigFehler, match="Meinten Sie „Bad Essen“"):
        vorlage_schreiben(bezirk, "Bad Esen", tmp_path / "x.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_pruefregel_anzahl(mappe: Any) -> None:
    blatt = mappe[BLATT_MELDUNG]
    for feld in FELDER:
        if feld.art != "anzahl":
            continue
        r = regel(blatt, eingabezellen()[feld.key])
        assert (r.type, r.operator, r.formula1) == ("whole", "greaterThanOrEqual", "0")
        assert r.showErrorMessage and r.showInputMessage and r.allowBlank
        assert "ganze Zahl" in r.error
        assert len(r.promptTitle) <= 32 and len(r.prompt) <= 255
        assert blatt[eingabezellen()[feld.key]].number_format in ("0", "#,##0")


def test_pruefregel_zu_erfuellen_erlaubt_negative(mappe: Any) -> None:
    r = regel(mappe[BLATT_MELDUNG], eingabezellen()["zu_erfuellen"])
    assert (r.type, r.operator) == ("whole", "between")
    assert int(r.formula1) < 0 < int(r.formula2)
    assert r.showErrorMessage and r.showInputMessage


def test_pruefregel_einschaetzung_liste(mappe: Any) -> None:
    r = regel(mappe[BLATT_MELDUNG], eingabezellen()["einschaetzung"])
    assert r.type == "list"
    assert r.formula1 == '"ausreichend,kritisch"'
    assert r.showErrorMessage and "ausreichend" in r.error


def test_pruefregel_stand_datum(mappe: Any) -> None:
    blatt = mappe[BLATT_MELDUNG]
    r = regel(blatt, eingabezellen()[STAND])
    assert (r.type, r.operator) == ("date", "between")
    assert int(r.formula1) < int(r.formula2)
    assert r.showErrorMessage and r.showInputMessage
    assert blatt[eingabezellen()[STAND]].number_format.upper() == "DD.MM.YYYY"


def test_blattschutz_ohne_kennwort(mappe: Any) -> None:
    blatt = mappe[BLATT_MELDUNG]
    assert blatt.protection.sheet is True
    assert not blatt.protection.password
    for key, zelle in eingabezellen().items():
        assert blatt[zelle].protection.locked is (key == KOMMUNE), key
    assert blatt["B5"].protection.locked and blatt["A1"].protection.locked


def test_druckfertig_eine_a4_seite(mappe: Any) -> None:
    blatt = mappe[BLATT_MELDUNG]
    assert int(blatt.page_setup.paperSize) == 9
    assert blatt.page_setup.orientation == "portrait"
    assert int(blatt.page_setup.fitToWidth) == 1 and int(blatt.page_setup.fitToHeight) == 1
    assert blatt.sheet_properties.pageSetUpPr.fitToPage
    assert blatt.print_title_rows and "Bad Essen" in blatt.oddHeader.center.text
    _, _, max_spalte, max_zeile = range_boundaries(blatt.print_area.split("!")[-1])
    assert max_spalte == 4 and max_zeile >= max(
        coordinate_from_string(z)[1] for z in eingabezellen().values()
    )


def test_versionsstempel(mappe: Any, datei: Path) -> None:
    stempel = mappe[BLATT_VERSION]
    assert stempel.sheet_state == "hidden"
    assert (stempel["A1"].value, str(stempel["A2"].value)) == (VERSION_KENNUNG, VORLAGE_VERSION)
    kalamin = CalamineWorkbook.from_path(str(datei))
    werte = kalamin.get_sheet_by_name(BLATT_VERSION).to_python()
    assert werte[0][0] == VERSION_KENNUNG and str(werte[1][0]) == VORLAGE_VERSION


def test_erlaeuterungen(mappe: Any) -> None:
    blatt = mappe[BLATT_ERLAEUTERUNGEN]
    text = "\n".join(str(z) for zeile in blatt.iter_rows(values_only=True) for z in zeile if z)
    for feld in FELDER:
        assert feld.label in text and feld.bedeutung in text and f"({feld.nr})" in text
    assert "nichts zu melden" in text and "als 0" in text
    assert "(5) darf negativ sein" in text
    assert "wrm pruefen" in text and "Task-Force" in text


@pytest.mark.parametrize(
    ("kommune", "erwartet"),
    [
        ("Georgsmarienhütte", "Meldung_Georgsmarienhuette.xlsx"),
        ("Bad Essen", "Meldung_Bad_Essen.xlsx"),
        ("Dissen a.T.W.", "Meldung_Dissen_a.T.W.xlsx"),
        ("SG  Fürstenau", "Meldung_SG_Fuerstenau.xlsx"),
        ("Bersenbrück", "Meldung_Bersenbrueck.xlsx"),
        ("Lohne (Oldenburg)", "Meldung_Lohne_Oldenburg.xlsx"),
        ("Großefehn", "Meldung_Grossefehn.xlsx"),
        ("Émile-Ölfeld", "Meldung_Emile-Oelfeld.xlsx"),
        ('A/B:C*D?"E"<F>|G\\H', "Meldung_A_B_C_D_E_F_G_H.xlsx"),
    ],
)
def test_dateiname(kommune: str, erwartet: str) -> None:
    assert vorlagen_dateiname(kommune) == erwartet


def test_ordner_als_ziel(tmp_path: Path, bezirk: Bezirk) -> None:
    datei = vorlage_schreiben(bezirk, "georgsmarienhuette", tmp_path)
    assert datei == tmp_path / "Meldung_Georgsmarienhuette.xlsx"
    assert datei.is_file()
    assert [p.name for p in tmp_path.iterdir()] == [datei.name]  # no temp file left


def test_ueberschreibt_vorhandene_datei(tmp_path: Path, bezirk: Bezirk) -> None:
    ziel = tmp_path / "v.xlsx"
    ziel.write_text("alt")
    vorlage_schreiben(bezirk, "Belm", ziel)
    assert openpyxl.load_workbook(ziel)[BLATT_MELDUNG]["C5"].value == "Belm"


def test_fehlender_ordner_ist_ausgabefehler(tmp_path: Path, bezirk: Bezirk) -> None:
    with pytest.raises(AusgabeFehler, match="gibt es nicht – bitte zuerst anlegen"):
        vorlage_schreiben(bezirk, "Belm", tmp_path / "gibt_es_nicht" / "v.xlsx")


def test_keine_berechtigung_ist_ausgabefehler_ohne_reste(
    tmp_path: Path, bezirk: Bezirk, monkeypatch: pytest.MonkeyPatch
) -> None:
    def verweigert(quelle: str, ziel: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("wrm_cli.ausgabe.os.replace", verweigert)
    with pytest.raises(AusgabeFehler, match="noch in Excel oder einem anderen Programm geöffnet"):
        vorlage_schreiben(bezirk, "Belm", tmp_path / "v.xlsx")
    assert list(tmp_path.iterdir()) == []  # the temp file is removed


def test_ausgefuellte_werte_liest_calamine_an_den_benannten_zellen(datei: Path, mappe: Any) -> None:
    werte: dict[str, Any] = {
        STAND: dt.datetime(2016, 3, 16),
        "ansprechpartner": "Frau Muster",
        "telefon": "05472 123",
        "email": "wrm@bad-essen.de",
        "einschaetzung": "kritisch",
    }
    for nr, feld in enumerate(FELDER, start=1):
        if feld.ist_zahl:
            werte[feld.key] = -7 if feld.minimum is None else nr * 100
    blatt = mappe[BLATT_MELDUNG]
    for key, wert in werte.items():
        blatt[adresse(mappe, key)[1]] = wert
    mappe.save(datei)

    zeilen = (
        CalamineWorkbook.from_path(str(datei))
        .get_sheet_by_name(BLATT_MELDUNG)
        .to_python(skip_empty_area=False)
    )
    werte[KOMMUNE] = "Bad Essen"
    for key, erwartet in werte.items():
        spalte, zeile = coordinate_from_string(adresse(mappe, key)[1])
        gelesen = zeilen[zeile - 1][ord(spalte) - ord("A")]
        if isinstance(erwartet, dt.datetime):
            assert gelesen in (erwartet, erwartet.date()), key
        else:
            assert gelesen == erwartet, key


# The command line: `wrm vorlage`.


def test_cli_eine_kommune_in_den_aktuellen_ordner(tmp_path: Path) -> None:
    ergebnis = wrm("vorlage", "--kommune", "bad essen", cwd=tmp_path)
    assert (ergebnis.returncode, ergebnis.stderr) == (0, "")
    assert ergebnis.stdout == "Vorlage geschrieben: Meldung_Bad_Essen.xlsx\n"
    mappe = openpyxl.load_workbook(tmp_path / "Meldung_Bad_Essen.xlsx")
    assert mappe[BLATT_MELDUNG]["C5"].value == "Bad Essen"
    assert (tmp_path / "Meldung_Bad_Essen.xlsx").stat().st_mode & 0o044 == 0o044  # readable


def test_cli_alle_kommunen_in_einen_neuen_ordner(tmp_path: Path, bezirk: Bezirk) -> None:
    ergebnis = wrm("vorlage", "--alle", "--ausgabe", tmp_path / "vorlagen")
    assert ergebnis.returncode == 0
    namen = sorted(p.name for p in (tmp_path / "vorlagen").iterdir())
    assert namen == sorted(vorlagen_dateiname(k) for k in bezirk.kommunennamen)
    assert len(namen) == 21
    assert len(ergebnis.stdout.splitlines()) == 21


def test_cli_mehrere_kommunen_und_dateiname(tmp_path: Path) -> None:
    ergebnis = wrm("vorlage", "-k", "Melle", "-k", "Belm", "-o", tmp_path)
    assert ergebnis.returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Meldung_Belm.xlsx", "Meldung_Melle.xlsx"]
    ergebnis = wrm("vorlage", "-k", "Melle", "-o", tmp_path / "melle_maerz.xlsx")
    assert ergebnis.returncode == 0
    assert (tmp_path / "melle_maerz.xlsx").is_file()


def test_cli_ueberschreibt_keine_ausgefuellte_meldung(tmp_path: Path) -> None:
    vorhanden = tmp_path / "Meldung_Melle.xlsx"
    vorhanden.write_bytes(b"ausgefuellt")
    ergebnis = wrm("vorlage", "--alle", cwd=tmp_path)
    assert ergebnis.returncode == 2
    assert ergebnis.stderr == (
        "Fehler: Meldung_Melle.xlsx gibt es schon im aktuellen Ordner – eine ausgefüllte "
        "Meldung würde überschrieben. Bitte einen anderen Ordner wählen oder --ueberschreiben "
        "angeben.\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["Meldung_Melle.xlsx"]  # nothing written
    assert vorhanden.read_bytes() == b"ausgefuellt"
    ergebnis = wrm("vorlage", "-k", "Melle", "--ueberschreiben", cwd=tmp_path)
    assert ergebnis.returncode == 0
    assert openpyxl.load_workbook(vorhanden)[BLATT_MELDUNG]["C5"].value == "Melle"


@pytest.mark.parametrize(
    ("argumente", "meldung"),
    [
        (["-k", "Mele"], "„Mele“ ist keine Kommune im Landkreis Osnabrück. Meinten Sie „Melle“?"),
        (
            [],
            "Bitte entweder --kommune NAME oder --alle angeben, z. B. wrm vorlage --kommune Melle.",
        ),
        (
            ["--alle", "-k", "Melle"],
            "Bitte entweder --kommune NAME oder --alle angeben, z. B. wrm vorlage --kommune Melle.",
        ),
        (
            ["--alle", "-o", "alle.xlsx"],
            "--ausgabe alle.xlsx ist eine Datei, es sollen aber 21 Vorlagen entstehen – bitte "
            "einen Ordner angeben.",
        ),
        (
            ["-k", "Melle", "-o", "melle.ods"],
            "--ausgabe melle.ods: Vorlagen sind .xlsx-Dateien – bitte einen Ordner oder einen "
            "Dateinamen auf .xlsx angeben.",
        ),
    ],
)
def test_cli_falscher_aufruf(tmp_path: Path, argumente: list[str], meldung: str) -> None:
    ergebnis = wrm("vorlage", *argumente, cwd=tmp_path)
    assert ergebnis.returncode == 2
    assert ergebnis.stderr == f"Fehler: {meldung}\n"
    assert list(tmp_path.iterdir()) == []


def test_cli_eigener_bezirk_aus_wrm_toml(tmp_path: Path) -> None:
    (tmp_path / "wrm.toml").write_text(
        '[bezirk]\nname = "Landkreis Beispiel"\n[[kommunen]]\nname = "Nordstadt"\n', "utf-8"
    )
    ergebnis = wrm("vorlage", "--alle", cwd=tmp_path)
    assert ergebnis.stdout == "Vorlage geschrieben: Meldung_Nordstadt.xlsx\n"
    blatt = openpyxl.load_workbook(tmp_path / "Meldung_Nordstadt.xlsx")[BLATT_MELDUNG]
    assert (blatt["C4"].value, blatt["C5"].value) == ("Landkreis Beispiel", "Nordstadt")


def test_namen_aus_wrm_toml_werden_nie_formeln(tmp_path: Path) -> None:
    """A district or Kommune whose name starts with "=" stays text in the template, and
    the filled-in template is read back as that name."""
    (tmp_path / "wrm.toml").write_text(
        '[bezirk]\nname = "=Kreis"\n[[kommunen]]\nname = "=Nord"\n', "utf-8"
    )
    ergebnis = wrm("vorlage", "--alle", cwd=tmp_path)
    assert ergebnis.returncode == 0, ergebnis.stderr
    datei = next(tmp_path.glob("Meldung_*.xlsx"))
    blatt = openpyxl.load_workbook(datei)[BLATT_MELDUNG]
    assert (blatt["C4"].value, blatt["C5"].value) == ("=Kreis", "=Nord")
    assert (blatt["C4"].data_type, blatt["C5"].data_type) == ("s", "s")
    pruefung = wrm("pruefen", datei, "-f", "json", cwd=tmp_path)
    assert "Formel" not in pruefung.stdout
    assert '"kommune": "=Nord"' in pruefung.stdout
