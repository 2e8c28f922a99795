"""The sheet "Ausgleich", read back with openpyxl: alone from ``wrm ausgleich -o`` and in
the Excel report of ``wrm auswerten`` (only when the district has coordinates)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from ausgleichhilfen import (
    NORD,
    STICHTAG,
    SUED,
    bedarf_und_angebot,
    grosskreis,
    lage_2016,
    probebezirk,
)
from conftest import BEISPIELE, wrm
from test_ausgleich_ausgabe import VORSCHLAG_2016

from wrm_cli.blaetter import (
    BERICHT_BLAETTER,
    BLATT_AUSGLEICH,
    BLATT_DIAGRAMM,
    BLATT_HINWEISE,
    BLATT_MELDESTATUS,
    BLATT_PROGNOSE,
    BLATT_UEBERSICHT,
)

EINGANG = BEISPIELE / "eingang"
VORSCHLAG_KOPF = ["Zuweisungskommune", "aufnehmende Kommune", "Personen", "km"]
BILANZ_KOPF = ["Kommune", "Bedarf", "gedeckt", "ungedeckt", "Angebot", "vergeben"]


def _mappe(befehl: str, ziel: Path, *optionen: str | Path, eingang: Path = EINGANG) -> Any:
    lauf = wrm(befehl, eingang, "--stichtag", STICHTAG, "-o", ziel, *optionen)
    assert lauf.returncode == 0, lauf.stderr
    return openpyxl.load_workbook(ziel)


def _zeilen(blatt: Any) -> list[list[Any]]:
    return [[zelle.value for zelle in zeile] for zeile in blatt.iter_rows(max_col=6)]


def _tabelle(zeilen: list[list[Any]], kopf: list[str]) -> list[list[Any]]:
    """The rows below ``kopf`` down to the next empty row."""
    anfang = next(nr for nr, zeile in enumerate(zeilen) if zeile[: len(kopf)] == kopf)
    ergebnis = []
    for zeile in zeilen[anfang + 1 :]:
        if all(wert is None for wert in zeile):
            break
        ergebnis.append(zeile[: len(kopf)])
    return ergebnis


def _blatt_2016_pruefen(blatt: Any) -> None:
    zeilen = _zeilen(blatt)
    assert zeilen[0][0] == "Ausgleichsvorschlag – Landkreis Osnabrück"
    assert zeilen[1][0].startswith(
        "Landkreis Osnabrück · Stichtag 16.03.2016 · Stand der Daten 16.03.2016 · erstellt mit wrm "
    )
    assert zeilen[2][0] == (
        "Grundlage: alle Plätze (8)–(11); Reserve 10 % der Plätze; Kommunen, die ihre Lage "
        "„kritisch“ nennen, geben keine Plätze ab; ohne Entfernungsgrenze; Entfernungen: "
        "Luftlinie (Großkreis)."
    )
    vorschlag = _tabelle(zeilen, VORSCHLAG_KOPF)
    lage = lage_2016()
    texte = []
    for von, nach, personen, km in vorschlag:
        assert type(personen) is int
        assert km == pytest.approx(grosskreis(lage[von], lage[nach]), abs=1e-9)  # unrounded
        wort = "Person" if personen == 1 else "Personen"
        texte.append(f"{von} → {nach}: {personen} {wort} ({km:.1f} km)".replace(".", ","))
    assert texte == VORSCHLAG_2016
    kopf = next(nr for nr, z in enumerate(zeilen, 1) if z[:4] == VORSCHLAG_KOPF)
    assert blatt.cell(kopf + 1, 4).number_format == "0.0"
    assert blatt.cell(kopf + 1, 3).number_format == "#,##0"

    bilanz = _tabelle(zeilen, BILANZ_KOPF)
    *kommunen, summe, personen_km = bilanz
    erwartet = bedarf_und_angebot(sofort=False)
    assert {k[0]: (k[1], k[4]) for k in kommunen} == erwartet
    for kommune, bedarf, gedeckt, ungedeckt, angebot, vergeben in kommunen:
        assert gedeckt == sum(p for von, _, p, _ in vorschlag if von == kommune)
        assert vergeben == sum(p for _, nach, p, _ in vorschlag if nach == kommune)
        assert gedeckt + ungedeckt == bedarf and vergeben <= angebot
    assert summe == ["Summe", *(sum(k[nr] for k in kommunen) for nr in range(1, 6))]
    assert summe == ["Summe", 134, 134, 0, 428, 134]
    assert personen_km[0] == "Personenkilometer"
    assert personen_km[1] == pytest.approx(sum(p * km for _, _, p, km in vorschlag), abs=1e-9)
    rest = [zeile[0] for zeile in zeilen if zeile[0] is not None]
    assert rest[-3:] == [
        "Kein Angebot trotz freier Plätze, weil sie ihre Lage „kritisch“ nennen: Bad Rothenfelde.",
        "Nicht im Ausgleich, weil ihre Meldung keine Plätze (8)–(11) nennt: Bramsche.",
        "Das ist ein Vorschlag: Eine vorübergehende Unterbringung in einer anderen Kommune "
        "braucht die Zustimmung beider Kommunen.",
    ]
    assert str(blatt.page_setup.paperSize) == blatt.PAPERSIZE_A4
    assert blatt.oddFooter.left.text == "Stichtag 16.03.2016"


def test_wrm_ausgleich_als_arbeitsmappe(tmp_path: Path) -> None:
    mappe = _mappe("ausgleich", tmp_path / "a.xlsx")
    assert mappe.sheetnames == [BLATT_AUSGLEICH]
    assert mappe.sheetnames[0] not in BERICHT_BLAETTER
    _blatt_2016_pruefen(mappe[BLATT_AUSGLEICH])


def test_auswerten_bericht_hat_das_blatt_nach_dem_diagramm(tmp_path: Path) -> None:
    mappe = _mappe("auswerten", tmp_path / "b.xlsx")
    assert mappe.sheetnames == [
        *BERICHT_BLAETTER[:1],
        BLATT_UEBERSICHT,
        BLATT_MELDESTATUS,
        BLATT_HINWEISE,
        BLATT_DIAGRAMM,
        BLATT_AUSGLEICH,
        BLATT_PROGNOSE,  # the example's wrm.toml has a quota end (wrm prognose)
    ]
    _blatt_2016_pruefen(mappe[BLATT_AUSGLEICH])


def test_mehr_bedarf_als_angebot(tmp_path: Path) -> None:
    blatt = _mappe("ausgleich", tmp_path / "s.xlsx", "--nur-sofort")[BLATT_AUSGLEICH]
    zeilen = _zeilen(blatt)
    assert zeilen[2][0].startswith("Grundlage: nur sofort verfügbare Plätze (8)+(9);")
    assert _tabelle(zeilen, BILANZ_KOPF)[-2] == ["Summe", 486, 189, 297, 189, 189]
    texte = [zeile[0] for zeile in zeilen]
    assert (
        "Für 297 Personen reichen die sofort verfügbaren Plätze im Landkreis Osnabrück nicht: "
        "Dafür müsste das Land die Zuweisung ändern (Weg a), sofern nicht Plätze in Aussicht "
        "(10)+(11) rechtzeitig frei werden." in texte
    )
    assert [text for text in texte if text is not None][-1] == (
        "Das ist ein Vorschlag: Eine vorübergehende Unterbringung in einer anderen Kommune "
        "braucht die Zustimmung beider Kommunen, eine andere Zuweisung (Weg a) die des Landes."
    )


def test_text_wird_nie_eine_formel(tmp_path: Path) -> None:
    eingang = probebezirk(
        tmp_path, {"=Nord": (52.0, 8.0), "+Süd": (52.1, 8.0)}, {"=Nord": NORD, "+Süd": SUED}
    )
    for befehl, datei in (("ausgleich", "a.xlsx"), ("auswerten", "b.xlsx")):
        blatt = _mappe(befehl, tmp_path / datei, eingang=eingang)[BLATT_AUSGLEICH]
        texte = [
            (zelle.value, zelle.data_type)
            for zeile in blatt.iter_rows()
            for zelle in zeile
            if isinstance(zelle.value, str) and zelle.value[0] in "=+"
        ]
        assert texte == [("=Nord", "s"), ("+Süd", "s"), ("=Nord", "s"), ("+Süd", "s")]
        vorschlag = _tabelle(_zeilen(blatt), VORSCHLAG_KOPF)
        km = pytest.approx(grosskreis((52.0, 8.0), (52.1, 8.0)), abs=1e-9)
        assert vorschlag == [["=Nord", "+Süd", 20, km]]


def test_ohne_koordinaten_kein_blatt(tmp_path: Path) -> None:
    # Nord needs 20, Süd offers 45 – but the district gives no coordinates.
    eingang = probebezirk(tmp_path, {"Nord": None, "Süd": None}, {"Nord": NORD, "Süd": SUED})
    mappe = _mappe("auswerten", tmp_path / "b.xlsx", eingang=eingang)
    assert BLATT_AUSGLEICH not in mappe.sheetnames
    assert mappe.sheetnames[:4] == list(BERICHT_BLAETTER)


def test_vorschlag_als_eingabe_ist_keine_meldung(tmp_path: Path) -> None:
    """A proposal workbook among the Meldungen is recognised as wrm's and passed over."""
    ziel = tmp_path / "vorschlag.xlsx"
    _mappe("ausgleich", ziel)
    lauf = wrm("pruefen", ziel, "--stichtag", STICHTAG)
    assert lauf.returncode == 0
    assert lauf.stdout.splitlines() == [
        "– vorschlag.xlsx: keine Meldung",
        "  Hinweis: Die Datei ist ein Bericht von wrm, keine Meldung – wird übergangen.",
        "1 Datei geprüft: in Ordnung.",
    ]


def test_prognose_als_eingabe_ist_keine_meldung(tmp_path: Path) -> None:
    ziel = tmp_path / "prognose.xlsx"
    assert wrm("prognose", BEISPIELE / "eingang", "-o", ziel).returncode == 0
    lauf = wrm("auswerten", ziel, BEISPIELE / "eingang", "-f", "json")
    assert lauf.returncode == 0, lauf.stderr
    assert "Die Datei ist ein Bericht von wrm, keine Meldung – wird übergangen." in lauf.stdout
