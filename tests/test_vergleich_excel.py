"""The history in Excel, read back with openpyxl: "± Vorwoche" on the Auswertung, the
sheet Verlauf with its native line chart, and ``wrm verlauf -o verlauf.xlsx``. The
expected figures come from the runs without archive, computed here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pytest
from archivhilfen import KENNZAHLEN
from conftest import BEISPIELE, wrm
from test_verlauf_befehl import KONFIG, WOCHEN, wochen_ohne_archiv

from wrm_cli.berichte.excel_bericht import ERSTE_DATENZEILE
from wrm_cli.blaetter import (
    BLATT_AUSGLEICH,
    BLATT_AUSWERTUNG,
    BLATT_DIAGRAMM,
    BLATT_HINWEISE,
    BLATT_MELDESTATUS,
    BLATT_PROGNOSE,
    BLATT_UEBERSICHT,
    BLATT_VERLAUF,
)

VERAENDERUNGSFORMAT = '+#,##0;"\u2212"#,##0;0'
STICHTAGE = [dt.datetime(2016, 3, 2), dt.datetime(2016, 3, 9), dt.datetime(2016, 3, 16)]
KOPF_VERLAUF = [
    "Stichtag",
    "meldende Kommunen (von 21)",
    "Σ(1) bisherige Zuweisungen",
    "Σ(5) benötigter Wohnraum",
    "sofort verfügbar",
    "in Aussicht",
    "Gesamtverfügbarkeit",
    "fehlender Wohnraum",
    "±",
    "kritisch",
    "Anteil dezentral",
]


@pytest.fixture(scope="module")
def ordner(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three weeks into one archive; the first and the last write the Excel report."""
    ziel = tmp_path_factory.mktemp("vergleich")
    archiv = ziel / "archiv.sqlite"
    for nr, (eingang, stichtag) in enumerate(WOCHEN):
        ausgabe: list[str | Path] = ["-o", ziel / f"bericht{nr}.xlsx"] if nr != 1 else []
        ergebnis = wrm(
            "auswerten", eingang, "--stichtag", stichtag, "--konfig", KONFIG,
            "--archiv", archiv, *ausgabe,
        )  # fmt: skip
        assert ergebnis.returncode == 0, ergebnis.stderr
    return ziel


@pytest.fixture(scope="module")
def wochen() -> list[dict[str, Any]]:
    return wochen_ohne_archiv()


@pytest.fixture(scope="module")
def mappe(ordner: Path) -> Any:
    return openpyxl.load_workbook(ordner / "bericht2.xlsx")


def test_blaetter(mappe: Any) -> None:
    assert mappe.sheetnames == [
        BLATT_AUSWERTUNG,
        BLATT_UEBERSICHT,
        BLATT_MELDESTATUS,
        BLATT_HINWEISE,
        BLATT_DIAGRAMM,
        BLATT_VERLAUF,
        BLATT_AUSGLEICH,
        BLATT_PROGNOSE,
    ]


def test_spalte_vorwoche(mappe: Any, wochen: list[dict[str, Any]]) -> None:
    """Right of fehlender Wohnraum: now − on 09.03.2016 per Kommune; empty for Hagen,
    which had no row then."""
    blatt = mappe[BLATT_AUSWERTUNG]
    assert [blatt.cell(4, s).value for s in range(8, 12)] == [
        "Summe",
        "Bedarf fehlender Wohnraum",
        "± Vorwoche",
        "Einschätzung",
    ]
    zusammengefasst = {str(bereich) for bereich in blatt.merged_cells.ranges}
    assert {"H4:H5", "I4:I5", "J4:J5", "K4:K5"} <= zusammengefasst
    damals = {z["kommune"]: z["fehlender_wohnraum"] for z in wochen[1]["zeilen"]}
    jetzt = wochen[2]["zeilen"]
    for nr, zeile in enumerate(jetzt, start=ERSTE_DATENZEILE):
        assert blatt.cell(nr, 1).value == zeile["kommune"]
        assert blatt.cell(nr, 9).value == zeile["fehlender_wohnraum"]
        vorher, wert = damals.get(zeile["kommune"]), zeile["fehlender_wohnraum"]
        erwartet = None if vorher is None or wert is None else wert - vorher
        assert blatt.cell(nr, 10).value == erwartet, zeile["kommune"]
        assert blatt.cell(nr, 10).number_format == VERAENDERUNGSFORMAT
        assert blatt.cell(nr, 11).value == zeile["einschaetzung"]
    hagen = ERSTE_DATENZEILE + [z["kommune"] for z in jetzt].index("Hagen")
    assert blatt.cell(hagen, 10).value is None
    gesamt = ERSTE_DATENZEILE + len(jetzt)
    assert blatt.cell(gesamt, 1).value == "Gesamt"
    fehlend = [w["kennzahlen"]["fehlender_wohnraum"] for w in wochen]
    assert blatt.cell(gesamt, 10).value == fehlend[2] - fehlend[1] == -179
    assert blatt.cell(gesamt, 10).font.bold


def test_kennzahlen_mit_veraenderung_und_vergleichsdatum(
    mappe: Any, wochen: list[dict[str, Any]]
) -> None:
    blatt = mappe[BLATT_AUSWERTUNG]
    erste = ERSTE_DATENZEILE + len(wochen[2]["zeilen"]) + 2
    jetzt, damals = wochen[2]["kennzahlen"], wochen[1]["kennzahlen"]
    gelesen = [(blatt.cell(z, 9).value, blatt.cell(z, 10).value) for z in range(erste, erste + 5)]
    assert gelesen == [(jetzt[k], jetzt[k] - damals[k]) for k in KENNZAHLEN]
    assert blatt.cell(erste, 10).number_format == VERAENDERUNGSFORMAT
    assert blatt.cell(erste + 4, 10).font.bold  # fehlender Wohnraum, as its figure
    assert blatt.cell(erste + 5, 1).value == (
        "± Vorwoche: Veränderung seit dem 09.03.2016, mit den damals gemeldeten Zahlen; "
        "neu in der Tabelle: Hagen."
    )
    assert (
        blatt.print_area == f"'{BLATT_AUSWERTUNG}'!$A$1:$K${erste + 6}"
    )  # and the empty row below, as without


def test_markierungen_der_verschobenen_spalten(mappe: Any) -> None:
    blatt = mappe[BLATT_AUSWERTUNG]
    regeln = {
        (str(bereich.sqref), regel.operator, tuple(regel.formula))
        for bereich in blatt.conditional_formatting
        for regel in bereich.rules
    }
    assert regeln == {
        ("I6:I26", "greaterThan", ("0",)),
        ("I6:I26", "lessThan", ("0",)),
        ("J6:J26", "greaterThan", ("0",)),
        ("J6:J26", "lessThan", ("0",)),
        ("K6:K26", "equal", ('"kritisch"',)),
    }


def verlauf_erwartet(wochen: list[dict[str, Any]]) -> list[list[Any]]:
    zeilen: list[list[Any]] = []
    for nr, woche in enumerate(wochen):
        k = woche["kennzahlen"]
        gu, dezentral = woche["untergebracht"]
        vorher = wochen[nr - 1]["kennzahlen"]["fehlender_wohnraum"] if nr else None
        zeilen.append(
            [
                STICHTAGE[nr],
                woche["meldende_kommunen"],
                woche["gesamt"]["bisherige_zuweisungen"],
                k["benoetigter_wohnraum"],
                k["sofort_verfuegbar"],
                k["in_aussicht"],
                k["gesamtverfuegbarkeit"],
                k["fehlender_wohnraum"],
                None if vorher is None else k["fehlender_wohnraum"] - vorher,
                sum(z["einschaetzung"] == "kritisch" for z in woche["zeilen"]),
                pytest.approx(dezentral / (gu + dezentral)),
            ]
        )
    return zeilen


def werte(blatt: Any, erste: int, letzte: int, spalten: int = 11) -> list[list[Any]]:
    return [
        [blatt.cell(zeile, s).value for s in range(1, spalten + 1)]
        for zeile in range(erste, letzte + 1)
    ]


def diagramm_pruefen(blatt: Any, letzte: int) -> None:
    """One native line chart: fehlender Wohnraum (H) and Gesamtverfügbarkeit (G) over
    the Stichtage in column A, with German titles."""
    (diagramm,) = blatt._charts
    assert diagramm.tagname == "lineChart"
    name = blatt.title

    def bereich(spalte: str) -> str:  # one cell is written without a range
        return f"'{name}'!${spalte}$5" + (f":${spalte}${letzte}" if letzte > 5 else "")

    assert [(s.tx.strRef.f, s.val.numRef.f, s.cat.numRef.f) for s in diagramm.series] == [
        (f"'{name}'!H4", bereich("H"), bereich("A")),
        (f"'{name}'!G4", bereich("G"), bereich("A")),
    ]
    assert [blatt.cell(4, s).value for s in (7, 8)] == ["Gesamtverfügbarkeit", "fehlender Wohnraum"]
    assert [blatt.cell(z, 1).value for z in range(5, letzte + 1)] == STICHTAGE[: letzte - 4]

    def text(titel: Any) -> str:
        return "".join(lauf.t for absatz in titel.tx.rich.p for lauf in absatz.r)

    assert text(diagramm.title) == (
        "Fehlender Wohnraum und Gesamtverfügbarkeit je Stichtag – Landkreis Osnabrück"
    )
    assert text(diagramm.x_axis.title) == "Stichtag"
    assert text(diagramm.y_axis.title) == "Personen"


def test_blatt_verlauf(mappe: Any, wochen: list[dict[str, Any]]) -> None:
    blatt = mappe[BLATT_VERLAUF]
    assert blatt["A1"].value == "Verlauf – Landkreis Osnabrück"
    assert [blatt.cell(4, s).value for s in range(1, 12)] == KOPF_VERLAUF
    assert werte(blatt, 5, 7) == verlauf_erwartet(wochen)
    assert blatt.cell(8, 1).value is None
    formate = [blatt.cell(6, s).number_format for s in range(1, 12)]
    assert formate == [
        "DD.MM.YYYY",
        *(["#,##0"] * 7),
        VERAENDERUNGSFORMAT,
        "#,##0",
        "0%",
    ]
    diagramm_pruefen(blatt, 7)


def test_blatt_verlauf_druckt_wie_die_anderen(mappe: Any) -> None:
    blatt, vorbild = mappe[BLATT_VERLAUF], mappe[BLATT_MELDESTATUS]
    for teil in ("paperSize", "orientation", "fitToWidth", "fitToHeight"):
        assert getattr(blatt.page_setup, teil) == getattr(vorbild.page_setup, teil), teil
    assert blatt.sheet_properties.pageSetUpPr.fitToPage
    assert blatt.print_title_rows == "$4:$4"
    assert blatt.oddHeader.center.text == "Landkreis Osnabrück – Verlauf"
    assert blatt.oddFooter.left.text == "Stichtag 16.03.2016"
    assert blatt.oddFooter.right.text == vorbild.oddFooter.right.text
    assert blatt.print_area.startswith(f"'{BLATT_VERLAUF}'!$A$1:$K$")


def test_erster_lauf_ohne_vergleich(ordner: Path, wochen: list[dict[str, Any]]) -> None:
    """The first run of an archive: no comparison, so the Auswertung keeps its ten
    columns; the series has one Stichtag."""
    mappe = openpyxl.load_workbook(ordner / "bericht0.xlsx")
    auswertung = mappe[BLATT_AUSWERTUNG]
    assert auswertung.max_column == 10  # nothing right of Einschätzung
    assert auswertung.cell(4, 10).value == "Einschätzung"
    assert auswertung.cell(4, 11).value is None
    assert "± Vorwoche" not in {z.value for zeile in auswertung.iter_rows() for z in zeile}
    assert werte(mappe[BLATT_VERLAUF], 5, 5) == verlauf_erwartet(wochen)[:1]
    diagramm_pruefen(mappe[BLATT_VERLAUF], 5)


def test_ohne_archiv_kein_verlauf(tmp_path: Path) -> None:
    ziel = tmp_path / "bericht.xlsx"
    ergebnis = wrm("auswerten", BEISPIELE / "eingang", "--ohne-archiv", "-o", ziel)
    assert ergebnis.returncode == 0, ergebnis.stderr
    mappe = openpyxl.load_workbook(ziel)
    assert BLATT_VERLAUF not in mappe.sheetnames
    assert mappe[BLATT_AUSWERTUNG].cell(4, 11).value is None


def verlauf_xlsx(ordner: Path, name: str, *optionen: str) -> Any:
    ziel = ordner / name
    ergebnis = wrm(
        "verlauf", "--archiv", ordner / "archiv.sqlite", "--konfig", KONFIG, "-o", ziel,
        *optionen,
    )  # fmt: skip
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert ergebnis.stderr == f"Verlauf geschrieben: {ziel}\n"
    return openpyxl.load_workbook(ziel)


def test_verlauf_befehl_excel_bezirk(ordner: Path, wochen: list[dict[str, Any]]) -> None:
    """The same table and chart as the report's sheet (one function writes both)."""
    mappe = verlauf_xlsx(ordner, "verlauf.xlsx")
    assert mappe.sheetnames == [BLATT_VERLAUF]
    blatt = mappe[BLATT_VERLAUF]
    assert blatt["A1"].value == (
        "Verlauf Landkreis Osnabrück, 3 Stichtage 02.03.2016–16.03.2016, Archiv archiv.sqlite"
    )
    assert [blatt.cell(4, s).value for s in range(1, 12)] == KOPF_VERLAUF
    assert werte(blatt, 5, 7) == verlauf_erwartet(wochen)
    assert blatt.cell(7, 9).number_format == VERAENDERUNGSFORMAT
    diagramm_pruefen(blatt, 7)
    assert blatt.oddFooter.left.text == "Stichtage 02.03.2016 bis 16.03.2016"
    assert blatt.page_setup.orientation == "landscape"


def test_verlauf_befehl_excel_kommune(ordner: Path, wochen: list[dict[str, Any]]) -> None:
    blatt = verlauf_xlsx(ordner, "hagen.xlsx", "--kommune", "Hagen")[BLATT_VERLAUF]
    assert blatt._charts == []
    assert [blatt.cell(4, s).value for s in (1, 2, 3, 11, 12, 13)] == [
        "Stichtag",
        "Meldestatus",
        "Stand",
        "fehlender Wohnraum",
        "±",
        "Einschätzung",
    ]
    zeilen = [
        next(z for z in woche["zeilen"] if z["kommune"] == "Hagen") if nr != 1 else None
        for nr, woche in enumerate(wochen)
    ]
    gelesen = werte(blatt, 5, 7, 13)
    assert gelesen[1] == [STICHTAGE[1], "fehlt", *([None] * 11)]
    for nr in (0, 2):
        zeile = zeilen[nr]
        assert zeile is not None
        assert gelesen[nr][:3] == [STICHTAGE[nr], "aktuell", STICHTAGE[nr]]
        assert gelesen[nr][10] == zeile["fehlender_wohnraum"]
        assert gelesen[nr][11] is None  # the week before it had no row
        assert gelesen[nr][12] == zeile["einschaetzung"]
    assert blatt.cell(5, 3).number_format == "DD.MM.YYYY"


def test_verlauf_befehl_excel_meldungen(ordner: Path) -> None:
    mappe = verlauf_xlsx(ordner, "meldungen.xlsx", "--meldungen")
    assert mappe.sheetnames == ["Meldeverhalten"]
    blatt = mappe["Meldeverhalten"]
    assert [blatt.cell(4, s).value for s in range(1, 11)] == [
        "Kommune",
        "Stichtage",
        "aktuell",
        "veraltet",
        "ohne Stand",
        "fehlt",
        "ungültig",
        "längste Zeit ohne aktuelle Meldung (Stichtage)",
        "kritisch in Folge (Stichtage)",
        "letzter Stand",
    ]
    zeilen = {zeile[0]: zeile for zeile in werte(blatt, 5, 25, 10)}
    assert zeilen["Bad Laer"] == ["Bad Laer", 3, 2, 0, 0, 1, 0, 1, 0, STICHTAGE[2]]
    assert len(zeilen) == 21


def test_verlauf_befehl_excel_leer(ordner: Path) -> None:
    blatt = verlauf_xlsx(ordner, "leer.xlsx", "--von", "01.01.2020").active
    assert blatt["A1"].value == "Im Archiv archiv.sqlite gibt es keinen Stichtag ab dem 01.01.2020."
    assert blatt._charts == []
