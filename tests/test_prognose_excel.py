"""The sheet "Prognose", read back with openpyxl: alone (``wrm prognose -o``) and in the
report of ``wrm auswerten``; every step of the Verteilschlüssel per Kommune and month,
the bar chart of the weeks; and the pressetext's sentence, honest about missing Kommunen."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import BEISPIELE, wrm

from wrm_cli.berichte.excel_prognose import REICHWEITE_SPALTEN, VERTEILUNG_SPALTEN
from wrm_cli.blaetter import BERICHT_BLAETTER, BLATT_PROGNOSE

PROGNOSE_TOML = BEISPIELE / "prognose" / "wrm.toml"


def _zeilen(blatt: Any) -> list[list[Any]]:
    return [[zelle.value for zelle in zeile] for zeile in blatt.iter_rows()]


def _kopf(zeilen: list[list[Any]], erste: str) -> int:
    return next(nr for nr, zeile in enumerate(zeilen) if zeile[0] == erste and zeile[1])


@pytest.fixture(scope="module")
def blatt(tmp_path_factory: pytest.TempPathFactory) -> Any:
    ziel = tmp_path_factory.mktemp("prognose") / "prognose.xlsx"
    lauf = wrm("prognose", BEISPIELE / "eingang", "--konfig", PROGNOSE_TOML, "-o", ziel)
    assert lauf.returncode == 0, lauf.stderr
    assert lauf.stderr.startswith(f"Prognose geschrieben: {ziel}\n")
    mappe = openpyxl.load_workbook(ziel)
    assert mappe.sheetnames == [BLATT_PROGNOSE]
    assert mappe.sheetnames[0] not in BERICHT_BLAETTER
    return mappe[BLATT_PROGNOSE]


def test_kopf_und_reichweiten(blatt: Any) -> None:
    zeilen = _zeilen(blatt)
    assert zeilen[0][0] == (
        "Wohnraummanagement Landkreis Osnabrück – Prognose der Reichweite, Stichtag "
        "16.03.2016, Stand der Daten 16.03.2016"
    )
    assert zeilen[1][0] == (
        "Quelle: Prognosedatei prognose_2016.csv (Summen des Landkreises je Monat), je Monat "
        "gleichmäßig auf seine Tage verteilt; Verteilschlüssel nach Einwohnern; angerechnet: "
        "Plätze „landeseinrichtung“ × 1."
    )
    kopf = _kopf(zeilen, "Kommune")
    assert tuple(zeilen[kopf][: len(REICHWEITE_SPALTEN)]) == REICHWEITE_SPALTEN
    je_kommune = {z[0]: z for z in zeilen[kopf + 1 : kopf + 23]}
    # As the text shows them (README): Melle 30 places, 2.6 weeks, until 03.04.2016.
    melle = je_kommune["Melle"]
    assert melle[1:8] == [30, 370, 11.5, dt.datetime(2016, 4, 3), 2.6, "über 31.07.2016", None]
    assert melle[10] == "unter 4 Wochen"
    assert je_kommune["Bramsche"][4] == "über 31.07.2016"
    bezirk = je_kommune["Landkreis Osnabrück"]
    assert bezirk[1:8] == [469, 1123, 81.3, dt.datetime(2016, 4, 27), 6.1,
                           dt.datetime(2016, 7, 16), 17.4]  # fmt: skip
    assert blatt.cell(kopf + 1 + 21 + 1, 1).font.bold  # the district's row
    assert blatt.cell(kopf + 2, 5).number_format == "DD.MM.YYYY"


def test_verteilschluessel_je_kommune_und_monat(blatt: Any) -> None:
    zeilen = _zeilen(blatt)
    kopf = _kopf(zeilen, "Kommune") + 1
    kopf = next(nr for nr in range(kopf, len(zeilen)) if zeilen[nr][0] == "Kommune")
    assert tuple(zeilen[kopf][: len(VERTEILUNG_SPALTEN)]) == VERTEILUNG_SPALTEN
    schritte = {(z[0], z[1]): z for z in zeilen[kopf + 1 :] if z[0]}
    assert len(schritte) == 21 * 5  # every Kommune, März to Juli
    bramsche = schritte[("Bramsche", dt.datetime(2016, 4, 1))]
    assert bramsche[2] == 320
    assert round(bramsche[3], 3) == 8.705  # 31,801 of 365,330 inhabitants
    assert round(bramsche[4], 2) == 27.86 and bramsche[5] == 600
    assert round(bramsche[6], 2) == -572.14 and bramsche[7] == 0
    melle = schritte[("Melle", dt.datetime(2016, 4, 1))]
    # 320 × 41.51 / (320 − 27.86): the others share Bramsche's raw share.
    assert round(melle[7], 2) == 45.46
    assert round(sum(z[7] for (_, monat), z in schritte.items() if monat.month == 4), 6) == 320


def test_balkendiagramm_der_wochen(blatt: Any) -> None:
    (diagramm,) = blatt._charts
    assert diagramm.tagname == "barChart" and diagramm.type == "bar"
    zeilen = _zeilen(blatt)
    kopf = _kopf(zeilen, "Kommune") + 1
    reihe = diagramm.series[0]
    assert reihe.val.numRef.f == f"'Prognose'!$F${kopf + 1}:$F${kopf + 21}"
    assert reihe.cat.numRef.f == f"'Prognose'!$A${kopf + 1}:$A${kopf + 21}"  # the names
    assert diagramm.x_axis.scaling.orientation == "maxMin"  # soonest on top, as the table


def test_im_bericht_von_auswerten(tmp_path: Path) -> None:
    ziel = tmp_path / "bericht.xlsx"
    lauf = wrm("auswerten", BEISPIELE / "eingang", "-o", ziel)
    assert lauf.returncode == 0, lauf.stderr
    mappe = openpyxl.load_workbook(ziel)
    assert mappe.sheetnames[-1] == BLATT_PROGNOSE
    zeilen = _zeilen(mappe[BLATT_PROGNOSE])
    assert zeilen[1][0] == (
        "Quelle: Restquote max((5), 0) je Kommune, gleichmäßig verteilt auf die Tage bis zum "
        "Ende der Quote (Quote bis 31.07.2016)."
    )
    # No key was used: no table of its steps.
    assert sum(z[0] == "Kommune" for z in zeilen) == 1


def test_ohne_quotenende_kein_blatt(tmp_path: Path) -> None:
    eingang = tmp_path / "eingang"
    shutil.copytree(BEISPIELE / "eingang", eingang)  # no wrm.toml: no quota end
    lauf = wrm("auswerten", eingang, "-o", tmp_path / "b.xlsx", "--stichtag", "16.03.2016")
    assert lauf.returncode == 0, lauf.stderr
    assert BLATT_PROGNOSE not in openpyxl.load_workbook(tmp_path / "b.xlsx").sheetnames
    text = wrm("auswerten", eingang, "-f", "pressetext", "--stichtag", "16.03.2016").stdout
    assert "reichen die sofort verfügbaren Plätze" not in text


def test_pressetext_spricht_fuer_die_meldenden_kommunen(tmp_path: Path) -> None:
    eingang = tmp_path / "eingang"
    shutil.copytree(BEISPIELE / "eingang", eingang)
    (eingang / "Meldung_Melle.xlsx").unlink()
    lauf = wrm("auswerten", eingang, "-f", "pressetext", "--konfig", BEISPIELE / "wrm.toml")
    assert lauf.returncode == 0, lauf.stderr
    # 439 places; without Melle 532 of the rest in 138 days (3.855 a day): t = 113.9.
    assert (
        "Bei gleichbleibenden Zuweisungen reichen die sofort verfügbaren Plätze der 20 "
        "meldenden Kommunen bis etwa 07.07.2016 (16,3 Wochen), wenn sie über Kommunen hinweg "
        "genutzt werden könnten; in 6 Kommunen reichen sie keine 4 Wochen."
    ) in lauf.stdout
    assert "im Landkreis bis etwa" not in lauf.stdout


def test_pressetext_nach_der_prognosedatei() -> None:
    lauf = wrm("auswerten", BEISPIELE / "eingang", "-f", "pressetext", "--konfig", PROGNOSE_TOML)
    assert lauf.returncode == 0, lauf.stderr
    assert (
        "Nach der Prognose der Zuweisungen reichen die sofort verfügbaren Plätze im Landkreis "
        "bis etwa 27.04.2016 (6,1 Wochen), wenn sie über Kommunen hinweg genutzt werden "
        "könnten; in 12 Kommunen reichen sie keine 4 Wochen."
    ) in lauf.stdout
