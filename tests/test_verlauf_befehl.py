"""``wrm verlauf`` as text, Markdown and CSV: a three-week archive built with the real
command line, every figure expected computed here from the runs without archive."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import BEISPIELE, wrm
from hilfen import datei_lesen

KONFIG = BEISPIELE / "wrm.toml"
# Folder, Stichtag: two illustrative weeks, then the published one.
WOCHEN = [
    (BEISPIELE / "verlauf" / "kw09", "02.03.2016"),
    (BEISPIELE / "verlauf" / "kw10", "09.03.2016"),
    (BEISPIELE / "eingang", "16.03.2016"),
]
TITELZEILE = "3 Stichtage 02.03.2016–16.03.2016, Archiv archiv.sqlite"


def archiv_anlegen(ziel: Path) -> Path:
    """The three weeks evaluated into ``ziel/archiv.sqlite``, oldest first."""
    archiv = ziel / "archiv.sqlite"
    for ordner, stichtag in WOCHEN:
        ergebnis = wrm(
            "auswerten", ordner, "--stichtag", stichtag, "--konfig", KONFIG, "--archiv", archiv
        )
        assert ergebnis.returncode == 0, ergebnis.stderr
    return archiv


def wochen_ohne_archiv() -> list[dict[str, Any]]:
    """``wrm auswerten --ohne-archiv -f json`` of each week: the figures as reported."""
    berichte = []
    for ordner, stichtag in WOCHEN:
        ergebnis = wrm(
            "auswerten", ordner, "--stichtag", stichtag, "--konfig", KONFIG, "--ohne-archiv",
            "-f", "json",
        )  # fmt: skip
        assert ergebnis.returncode == 0, ergebnis.stderr
        bericht = json.loads(ergebnis.stdout)
        # (6) and (7) are not in the JSON rows: read them from the files used.
        bericht["untergebracht"] = [0, 0]
        for datei in bericht["dateien"]:
            if datei["status"] == "verwendet":
                (meldung,) = datei_lesen(ordner / datei["datei"]).meldungen
                for nr, key in enumerate(("untergebracht_gu", "untergebracht_dezentral")):
                    bericht["untergebracht"][nr] += meldung.werte[key].wert or 0
        berichte.append(bericht)
    return berichte


@pytest.fixture(scope="module")
def archiv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return archiv_anlegen(tmp_path_factory.mktemp("verlauf"))


@pytest.fixture(scope="module")
def wochen() -> list[dict[str, Any]]:
    return wochen_ohne_archiv()


def verlauf(archiv: Path, *optionen: str) -> str:
    ergebnis = wrm("verlauf", "--archiv", archiv, "--konfig", KONFIG, *optionen)
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert ergebnis.stderr == ""
    return ergebnis.stdout


# Written out by hand, as a reader expects them: 1.327, −179 (U+2212), 82 %.
def de(zahl: int | None) -> str:
    return "" if zahl is None else f"{zahl:,}".replace(",", ".")


def pm(zahl: int | None) -> str:
    if zahl is None:
        return ""
    return "0" if zahl == 0 else ("+" if zahl > 0 else "\u2212") + de(abs(zahl))


def datum(iso: str | None) -> str:
    return "" if iso is None else dt.date.fromisoformat(iso).strftime("%d.%m.%Y")


def zeile_von(woche: dict[str, Any], kommune: str) -> dict[str, Any] | None:
    return next((z for z in woche["zeilen"] if z["kommune"] == kommune), None)


KOPF_BEZIRK = [
    "                              Σ(1)        Σ(5)",
    "             meldende    bisherige  benötigter     sofort        in                     "
    "  fehlender                     Anteil",
    "Stichtag     Kommunen  Zuweisungen    Wohnraum  verfügbar  Aussicht  Gesamtverfügbarkeit "
    "  Wohnraum     ±  kritisch  dezentral",
    "----------  ---------  -----------  ----------  ---------  --------  -------------------  "
    "---------  ----  --------  ---------",
]


def bezirk_erwartet(wochen: list[dict[str, Any]]) -> list[str]:
    zeilen = []
    vorher: int | None = None
    for woche in wochen:
        k, g = woche["kennzahlen"], woche["gesamt"]
        fehlend = k["fehlender_wohnraum"]
        aenderung = None if vorher is None else fehlend - vorher
        vorher = fehlend
        kritisch = sum(z["einschaetzung"] == "kritisch" for z in woche["zeilen"])
        gu, dezentral = woche["untergebracht"]
        anteil = round(100 * dezentral / (gu + dezentral))
        zeilen.append(
            f"{datum(woche['stichtag'])}  "
            f"{woche['meldende_kommunen']:>2} von {woche['kommunen_im_bezirk']}  "
            f"{de(g['bisherige_zuweisungen']):>11}  {de(k['benoetigter_wohnraum']):>10}  "
            f"{de(k['sofort_verfuegbar']):>9}  {de(k['in_aussicht']):>8}  "
            f"{de(k['gesamtverfuegbarkeit']):>19}  {de(fehlend):>9}  {pm(aenderung):>4}  "
            f"{kritisch:>8}  {anteil:>7} %"
        )
    return zeilen


def test_bezirk_als_text(archiv: Path, wochen: list[dict[str, Any]]) -> None:
    assert verlauf(archiv).splitlines() == [
        f"Verlauf Landkreis Osnabrück, {TITELZEILE}",
        "",
        *KOPF_BEZIRK,
        *bezirk_erwartet(wochen),
    ]
    # The figures the issue names, and the change in its own column.
    assert [w["kennzahlen"]["fehlender_wohnraum"] for w in wochen] == [-361, -228, -407]
    assert bezirk_erwartet(wochen)[2].split()[-4] == "\u2212179"
    assert verlauf(archiv, "-f", "text") == verlauf(archiv)


def kommune_erwartet(wochen: list[dict[str, Any]], kommune: str) -> list[str]:
    zeilen = []
    vorher: int | None = None
    for woche in wochen:
        zeile = zeile_von(woche, kommune)
        if zeile is None:  # the week it did not report
            assert kommune in woche["fehlende_kommunen"]
            zeilen.append(f"{datum(woche['stichtag'])}  fehlt")
            vorher = None
            continue
        assert zeile["stand"] == woche["stichtag"]  # current
        fehlend = zeile["fehlender_wohnraum"]
        aenderung = None if vorher is None else fehlend - vorher
        vorher = fehlend
        zahlen = [
            de(zeile[key]).rjust(breite)
            for key, breite in (
                ("bisherige_zuweisungen", 11),
                ("zu_erfuellen", 10),
                ("verfuegbar_gu", 9),
                ("verfuegbar_dezentral", 9),
                ("in_aussicht_gu", 8),
                ("in_aussicht_dezentral", 9),
                ("summe", 5),
                ("fehlender_wohnraum", 9),
            )
        ]
        zeilen.append(
            f"{datum(woche['stichtag'])}  aktuell      {datum(zeile['stand'])}  "
            + "  ".join(zahlen)
            + f"  {pm(aenderung):>{BREITE_PM[kommune]}}  {zeile['einschaetzung']}"
        )
    return zeilen


BREITE_PM = {"Bohmte": 3, "Hagen": 1}  # the widest change of each


def kopf_kommune(pm_breite: int) -> list[str]:
    pm_kopf, pm_linie = "±".rjust(pm_breite), "-" * pm_breite
    return [
        "                                                     noch zu",
        "                                                  erfüllende                       "
        "       in         in",
        "                                       bisherige  Quote seit  verfügbar  verfügbar  "
        "Aussicht   Aussicht         fehlender",
        "Stichtag    Meldestatus  Stand       Zuweisungen  04.12.2015         GU  dezentral  "
        f"      GU  dezentral  Summe   Wohnraum  {pm_kopf}  Einschätzung",
        "----------  -----------  ----------  -----------  ----------  ---------  ---------  "
        f"--------  ---------  -----  ---------  {pm_linie}  ------------",
    ]


@pytest.mark.parametrize("kommune", ["Bohmte", "Hagen"])
def test_kommune_als_text(archiv: Path, wochen: list[dict[str, Any]], kommune: str) -> None:
    """Bohmte reported every week; Hagen missed the second, so its third has no change."""
    assert verlauf(archiv, "--kommune", kommune.lower()).splitlines() == [
        f"Verlauf {kommune} (Landkreis Osnabrück), {TITELZEILE}",
        "",
        *kopf_kommune(BREITE_PM[kommune]),
        *kommune_erwartet(wochen, kommune),
    ]


def meldungen_erwartet(wochen: list[dict[str, Any]]) -> list[str]:
    kommunen = [z["kommune"] for z in wochen[-1]["zeilen"]]
    reihenfolge = sorted(kommunen)  # the example's district lists them alphabetically
    zeilen = []
    for kommune in reihenfolge:
        eigene = [zeile_von(woche, kommune) for woche in wochen]
        fehlt = sum(z is None for z in eigene)
        laengste = strecke = 0
        for z in eigene:
            strecke = 0 if z is not None else strecke + 1
            laengste = max(laengste, strecke)
        in_folge = 0
        for z in reversed(eigene):
            if z is None or z["einschaetzung"] != "kritisch":
                break
            in_folge += 1
        letzter = max(z["stand"] for z in eigene if z is not None)

        def stichtage(n: int) -> str:
            return "keine" if n == 0 else "1 Stichtag" if n == 1 else f"{n} Stichtage"

        zeilen.append(
            f"{kommune:<17}  {3:>9}  {3 - fehlt:>7}  {0:>8}  {0:>5}  {fehlt:>5}  {0:>8}  "
            f"{stichtage(laengste):>10}  {stichtage(in_folge):>11}  {datum(letzter)}"
        )
    return zeilen


def test_meldungen_als_text(archiv: Path, wochen: list[dict[str, Any]]) -> None:
    ausgabe = verlauf(archiv, "--meldungen").splitlines()
    assert ausgabe[:7] == [
        f"Meldeverhalten Landkreis Osnabrück, {TITELZEILE}",
        "",
        "                                                                            längste",
        "                                                                          Zeit ohne",
        "                                                  ohne                     aktuelle  "
        "kritisch in  letzter",
        "Kommune            Stichtage  aktuell  veraltet  Stand  fehlt  ungültig     Meldung  "
        "      Folge  Stand",
        "-----------------  ---------  -------  --------  -----  -----  --------  ----------  "
        "-----------  ----------",
    ]
    assert ausgabe[7:] == meldungen_erwartet(wochen)
    bad_laer = next(zeile for zeile in ausgabe if zeile.startswith("Bad Laer"))
    assert "  1 Stichtag  " in bad_laer  # missing from the first week
    assert "3 Stichtage" in next(zeile for zeile in ausgabe if zeile.startswith("Bad Iburg"))


def test_markdown(archiv: Path, wochen: list[dict[str, Any]]) -> None:
    k = wochen[2]["kennzahlen"]
    letzte = (
        f"| 16.03.2016 | 21 von 21 | {de(wochen[2]['gesamt']['bisherige_zuweisungen'])} | "
        f"{k['benoetigter_wohnraum']} | {k['sofort_verfuegbar']} | {k['in_aussicht']} | "
        f"{de(k['gesamtverfuegbarkeit'])} | {k['fehlender_wohnraum']} | "
        f"{pm(k['fehlender_wohnraum'] - wochen[1]['kennzahlen']['fehlender_wohnraum'])} | "
    )
    zeilen = verlauf(archiv, "-f", "markdown").splitlines()
    assert zeilen[:4] == [
        f"## Verlauf Landkreis Osnabrück, {TITELZEILE}",
        "",
        "| Stichtag | meldende Kommunen | Σ(1) bisherige Zuweisungen | Σ(5) benötigter Wohnraum "
        "| sofort verfügbar | in Aussicht | Gesamtverfügbarkeit | fehlender Wohnraum | ± "
        "| kritisch | Anteil dezentral |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    assert len(zeilen) == 7
    assert zeilen[-1].startswith(letzte)
    assert zeilen[-1].endswith(" | 82 % |")


def test_csv_wie_auswerten(archiv: Path, tmp_path: Path, wochen: list[dict[str, Any]]) -> None:
    """Semicolons, UTF-8 with BOM and CRLF as the CSV of wrm auswerten; numbers plain."""
    ziel = tmp_path / "verlauf.csv"
    ergebnis = wrm("verlauf", "--archiv", archiv, "--konfig", KONFIG, "-o", ziel)
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert ergebnis.stderr == f"Verlauf geschrieben: {ziel}\n"
    roh = ziel.read_bytes()
    assert roh.startswith(b"\xef\xbb\xbfStichtag;meldende Kommunen (von 21);")
    text = roh.decode("utf-8-sig")
    assert "\r\n" in text
    zeilen = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    k0, k1 = wochen[0]["kennzahlen"], wochen[1]["kennzahlen"]
    gu, dezentral = wochen[1]["untergebracht"]
    assert zeilen[0][-3:] == ["±", "kritisch", "Anteil dezentral (%)"]
    assert zeilen[2] == [
        "09.03.2016",
        "20",
        str(wochen[1]["gesamt"]["bisherige_zuweisungen"]),
        str(k1["benoetigter_wohnraum"]),
        str(k1["sofort_verfuegbar"]),
        str(k1["in_aussicht"]),
        str(k1["gesamtverfuegbarkeit"]),
        str(k1["fehlender_wohnraum"]),
        str(k1["fehlender_wohnraum"] - k0["fehlender_wohnraum"]),
        str(sum(z["einschaetzung"] == "kritisch" for z in wochen[1]["zeilen"])),
        str(round(100 * dezentral / (gu + dezentral))),
    ]
    assert zeilen[1][8] == ""  # the first Stichtag has no change
    assert zeilen[4:] == [[], [f"Verlauf Landkreis Osnabrück, {TITELZEILE}"]]


def test_kommune_csv_zeile_ohne_meldung(archiv: Path) -> None:
    text = verlauf(archiv, "--kommune", "Hagen", "-f", "csv").removeprefix("\ufeff")
    zeilen = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert zeilen[0][:3] == ["Stichtag", "Meldestatus", "Stand"]
    assert zeilen[2] == ["09.03.2016", "fehlt", *([""] * 11)]


ZWISCHEN = "zwischen dem 01.01.2017 und dem 31.12.2017"


@pytest.mark.parametrize(
    ("optionen", "zeitraum"),
    [
        (["--von", "01.01.2017", "--bis", "31.12.2017"], ZWISCHEN),
        (["--von", "17.03.2016"], "ab dem 17.03.2016"),
        (["--bis", "01.03.2016"], "bis zum 01.03.2016"),
    ],
)  # fmt: skip
def test_keine_stichtage_im_zeitraum(archiv: Path, optionen: list[str], zeitraum: str) -> None:
    satz = f"Im Archiv archiv.sqlite gibt es keinen Stichtag {zeitraum}.\n"
    assert verlauf(archiv, *optionen) == satz
    assert verlauf(archiv, *optionen, "--meldungen", "-f", "markdown") == satz
    assert verlauf(archiv, *optionen, "-f", "csv") == "\ufeff" + satz  # stdout: any line end


def test_zeitraum_waehlt_stichtage(archiv: Path, wochen: list[dict[str, Any]]) -> None:
    ausgabe = verlauf(archiv, "--von", "09.03.2016").splitlines()
    assert ausgabe[0] == (
        "Verlauf Landkreis Osnabrück, 2 Stichtage 09.03.2016–16.03.2016, Archiv archiv.sqlite"
    )
    # The change is against the Stichtag before in the selection, so the first has none.
    assert [zeile[:10] for zeile in ausgabe[6:]] == ["09.03.2016", "16.03.2016"]
    assert ausgabe[6].split()[-4:-2] == [de(wochen[1]["kennzahlen"]["fehlender_wohnraum"]), "4"]
    einer = verlauf(archiv, "--von", "16.03.2016", "--kommune", "Bohmte").splitlines()
    assert einer[0].endswith(", 1 Stichtag 16.03.2016, Archiv archiv.sqlite")


def test_ohne_archiv(tmp_path: Path) -> None:
    """No --archiv and no [archiv] in wrm.toml: a wrong call (2)."""
    ergebnis = wrm("verlauf", "--konfig", KONFIG, cwd=tmp_path)
    assert ergebnis.returncode == 2
    assert ergebnis.stdout == ""
    assert ergebnis.stderr == (
        "Fehler: Kein Archiv angegeben: bitte --archiv DATEI oder in wrm.toml [archiv] "
        'datei = "wrm-archiv.sqlite" angeben.\n'
    )


def test_archiv_gibt_es_nicht(tmp_path: Path) -> None:
    """A named archive that does not exist: exit 3, and no file appears."""
    ergebnis = wrm("verlauf", "--archiv", "nix.sqlite", "--konfig", KONFIG, cwd=tmp_path)
    assert ergebnis.returncode == 3
    assert ergebnis.stdout == ""
    assert ergebnis.stderr == (
        "Fehler: Das Archiv nix.sqlite gibt es nicht – es entsteht beim ersten "
        "„wrm auswerten … --archiv nix.sqlite“.\n"
    )
    assert list(tmp_path.iterdir()) == []
