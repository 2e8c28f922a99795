"""The outputs of ``wrm prognose`` for a small district computed by hand: quota end
31.07.2016, 138 days from the Stichtag 16.03.2016 (both included). Altdorf: rest 20, 10
places → t = 10 · 138 / 20 = 69 → 24.05.2016, 9.9 weeks; Bergen: rest 5, 5 places → t =
138, the end of the forecast → 01.08.2016; the district: 15 places at 25/138 a day → t =
82.8 → 06.06.2016, 11.8 weeks. Text, Markdown and CSV say the same, with Stichtag, Stand
der Daten, who is missing, the source and the district's assumption."""

from __future__ import annotations

from pathlib import Path

import pytest
from archivhilfen import probebezirk, tabelle
from conftest import wrm

KOPF = [
    "Wohnraummanagement Landkreis Probe – Prognose der Reichweite, Stichtag 16.03.2016, "
    "Stand der Daten 16.03.2016",
    "Ohne gültige Meldung (nicht in der Prognose): Cranz, Dornum, Emden.",
    "Quelle: Restquote max((5), 0) je Kommune, gleichmäßig verteilt auf die Tage bis zum "
    "Ende der Quote (Quote bis 31.07.2016).",
    "Prognose bis 31.07.2016; Plätze sofort = (8)+(9), gesamt = (8)+(9)+(10)+(11); "
    "markiert (!): Reichweite sofort unter 4 Wochen.",
]
FUSS = [
    "Die Zeile des Landkreises rechnet mit den Summen aller meldenden Kommunen – als könnten "
    "Plätze über Kommunen hinweg genutzt werden (siehe wrm ausgleich).",
    "„über 31.07.2016“: die Plätze reichen über den 31.07.2016 hinaus (Ende der Prognose).",
]


@pytest.fixture
def ordner(tmp_path: Path) -> Path:
    probebezirk(tmp_path, "\n[quote]\nende = 2016-07-31\n")
    tabelle(
        tmp_path / "neu" / "meldungen.csv",
        "Altdorf;16.03.2016;84;;;;20;;;6;4;0;0;ausreichend",
        "Bergen;16.03.2016;20;;;;5;;;5;0;0;0;ausreichend",
    )
    return tmp_path


def _aus(ordner: Path, *optionen: str) -> str:
    lauf = wrm("prognose", "neu", "--stichtag", "16.03.2016", *optionen, cwd=ordner)
    assert lauf.returncode == 0, lauf.stderr
    return lauf.stdout


def test_text(ordner: Path) -> None:
    zeilen = _aus(ordner, "-f", "text").splitlines()
    assert zeilen[:5] == [*KOPF, ""]
    assert zeilen[5:11] == [
        "  Kommune          Plätze sofort  Plätze gesamt  erwartet je Woche  reicht sofort bis"
        "  Wochen  reicht gesamt bis  Wochen",
        "  ---------------  -------------  -------------  -----------------  -----------------"
        "  ------  -----------------  ------",
        "  Altdorf                     10             10                1,0         24.05.2016"
        "     9,9         24.05.2016     9,9",
        "  Bergen                       5              5                0,3         01.08.2016"
        "    19,7         01.08.2016    19,7",
        "  ---------------  -------------  -------------  -----------------  -----------------"
        "  ------  -----------------  ------",
        "  Landkreis Probe             15             15                1,3         06.06.2016"
        "    11,8         06.06.2016    11,8",
    ]
    assert zeilen[11:14] == ["", *FUSS]
    assert "Hinweis: Cranz: keine Meldung eingegangen." in zeilen


def test_markdown(ordner: Path) -> None:
    zeilen = _aus(ordner, "-f", "markdown").splitlines()
    assert zeilen[:5] == [f"## {KOPF[0]}", "", *(f"{z}  " for z in KOPF[1:])]
    assert zeilen[6:11] == [
        "|  | Kommune | Plätze sofort | Plätze gesamt | erwartet je Woche | reicht sofort bis "
        "| Wochen | reicht gesamt bis | Wochen |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        "|  | Altdorf | 10 | 10 | 1,0 | 24.05.2016 | 9,9 | 24.05.2016 | 9,9 |",
        "|  | Bergen | 5 | 5 | 0,3 | 01.08.2016 | 19,7 | 01.08.2016 | 19,7 |",
        "|  | **Landkreis Probe** | **15** | **15** | **1,3** | **06.06.2016** | **11,8** "
        "| **06.06.2016** | **11,8** |",
    ]
    assert zeilen[12:14] == [f"{z}  " for z in FUSS]


def test_csv(ordner: Path) -> None:
    text = _aus(ordner, "-f", "csv")
    assert text.startswith("\ufeff")
    zeilen = text[1:].splitlines()
    assert zeilen[:5] == [
        "Warnung;Kommune;Plätze sofort;Plätze gesamt;erwartet je Woche;reicht sofort bis;"
        "Wochen;reicht gesamt bis;Wochen",
        ";Altdorf;10;10;1,0;24.05.2016;9,9;24.05.2016;9,9",
        ";Bergen;5;5;0,3;01.08.2016;19,7;01.08.2016;19,7",
        ";Landkreis Probe;15;15;1,3;06.06.2016;11,8;06.06.2016;11,8",
        "",
    ]
    assert zeilen[5:7] == KOPF[:2]


def test_bis_schneidet_ab_und_markiert(ordner: Path) -> None:
    """--bis 30.04.2016 (46 days): Bergen's 5 places are not reached (46 · 5/138 = 1.7);
    Altdorf's in 69 days neither: both beyond; with 4 warning weeks nobody is flagged."""
    zeilen = _aus(ordner, "-f", "csv", "--bis", "30.04.2016")[1:].splitlines()
    assert zeilen[1:4] == [
        ";Altdorf;10;10;1,0;über 30.04.2016;;über 30.04.2016;",
        ";Bergen;5;5;0,3;über 30.04.2016;;über 30.04.2016;",
        ";Landkreis Probe;15;15;1,3;über 30.04.2016;;über 30.04.2016;",
    ]
