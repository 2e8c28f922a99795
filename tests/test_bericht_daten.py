"""What a report says about its own data (issue 13): old data look old, missing Kommunen
change what may be claimed, and the Gesamt is explained – in every format of
``wrm auswerten``."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pytest
from conftest import BEISPIELE, STICHTAG_2016, wrm
from hilfen import vorlage_ausfuellen

from wrm_cli.ablauf import auswerten
from wrm_cli.berichte.csv_bericht import als_csv
from wrm_cli.berichte.excel_bericht import als_xlsx
from wrm_cli.berichte.json_bericht import als_dict
from wrm_cli.berichte.markdown_bericht import als_markdown
from wrm_cli.berichte.text_bericht import als_pressetext, als_text
from wrm_cli.blaetter import BLATT_AUSWERTUNG, BLATT_HINWEISE, BLATT_UEBERSICHT
from wrm_cli.ergebnis import Auswertungsbericht
from wrm_cli.konfig import konfig_laden

EINSTELLUNGEN = konfig_laden(BEISPIELE / "wrm.toml")
# Without --stichtag and without the example's wrm.toml: "today", ten years on.
HEUTE = dt.date(2026, 12, 1)
# Eight Kommunen whose files did not arrive; the 13 others have 541 places to spare.
FEHLEN = (
    "Artland",
    "Bad Iburg",
    "Bad Laer",
    "Belm",
    "Bramsche",
    "Georgsmarienhütte",
    "Hilter",
    "Neuenkirchen",
)
WARNUNG = (
    "Achtung: Die Zahlen sind veraltet – auch die neueste Meldung (Stand 16.03.2016) ist "
    "3.912 Tage älter als der Stichtag 01.12.2026."
)
FUSSNOTE_2016 = (
    "Zum Gesamt: fehlender Wohnraum = Σ(5) − ΣSumme = 716 − 1.123 = -407, nicht die Summe "
    "der Spalte (-395), denn im Gesamt gleicht eine übererfüllte Quote (5) andere aus."
)


def _csv(bericht: Auswertungsbericht) -> list[list[str]]:
    return list(csv.reader(io.StringIO(als_csv(bericht).removeprefix("\ufeff")), delimiter=";"))


def _mappe(bericht: Auswertungsbericht, pfad: Path) -> Any:
    pfad.write_bytes(als_xlsx(bericht))
    return openpyxl.load_workbook(pfad)


@pytest.fixture(scope="module")
def veraltet() -> Auswertungsbericht:
    """The 2016 examples on a Stichtag ten years later."""
    return auswerten([BEISPIELE / "eingang"], EINSTELLUNGEN, HEUTE)


@pytest.fixture(scope="module")
def lueckenhaft(tmp_path_factory: pytest.TempPathFactory) -> Auswertungsbericht:
    """13 of 21 Kommunen reported."""
    eingang = tmp_path_factory.mktemp("dreizehn") / "eingang"
    shutil.copytree(BEISPIELE / "eingang", eingang)
    for name in FEHLEN:
        (eingang / f"Meldung_{name.replace(' ', '_')}.xlsx").unlink()
    return auswerten([eingang], EINSTELLUNGEN, STICHTAG_2016)


@pytest.fixture(scope="module")
def zwei_alt(tmp_path_factory: pytest.TempPathFactory) -> Auswertungsbericht:
    """All 21 Kommunen; Glandorf and Hilter with figures of 01.02.2016."""
    eingang = tmp_path_factory.mktemp("zwei_alt") / "eingang"
    shutil.copytree(BEISPIELE / "eingang", eingang)
    for name in ("Glandorf", "Hilter"):
        pfad = eingang / f"Meldung_{name}.xlsx"
        mappe = openpyxl.load_workbook(pfad)
        vorlage_ausfuellen(mappe, {"stand": dt.date(2016, 2, 1)})
        mappe.save(pfad)
    return auswerten([eingang], EINSTELLUNGEN, STICHTAG_2016)


@pytest.fixture(scope="module")
def aktuell() -> Auswertungsbericht:
    return auswerten([BEISPIELE / "eingang"], EINSTELLUNGEN, STICHTAG_2016)


# The core: the fields every renderer reads.


def test_kern_berechnet_stand_alter_und_meldende(
    veraltet: Auswertungsbericht,
    lueckenhaft: Auswertungsbericht,
    zwei_alt: Auswertungsbericht,
    aktuell: Auswertungsbericht,
) -> None:
    assert (veraltet.stand_aeltester, veraltet.stand_neuester) == (STICHTAG_2016, STICHTAG_2016)
    assert veraltet.daten_veraltet and not aktuell.daten_veraltet
    assert (zwei_alt.stand_aeltester, zwei_alt.stand_neuester) == (
        dt.date(2016, 2, 1),
        STICHTAG_2016,
    )
    assert not zwei_alt.daten_veraltet and not zwei_alt.alle_aktuell
    assert (lueckenhaft.meldende_kommunen, lueckenhaft.kommunen_im_bezirk) == (13, 21)
    # Stale Meldungen are evaluated, so their Kommunen count as reporting.
    assert (veraltet.meldende_kommunen, veraltet.kommunen_im_bezirk) == (21, 21)
    assert aktuell.spaltensumme_fehlend == -395
    assert aktuell.alle_aktuell and not aktuell.veraltet_hinweise
    assert len(veraltet.veraltet_hinweise) == 21


# Old data must look old.


def test_text_warnt_zuerst_und_nennt_den_stand_der_daten(veraltet: Auswertungsbericht) -> None:
    zeilen = als_text(veraltet).splitlines()
    assert zeilen[0] == WARNUNG
    assert zeilen[1] == (
        "Wohnraummanagement Landkreis Osnabrück – Auswertung, Stichtag 01.12.2026, "
        "Stand der Daten 16.03.2016"
    )


def test_veraltete_kommunen_in_einer_zeile(veraltet: Auswertungsbericht) -> None:
    text = als_text(veraltet)
    assert "Tage alt" not in text
    zeile = (
        "- Hinweis: Älter als 14 Tage – bitte aktuelle Meldungen anfordern: Artland, Bad Essen, "
        "Bad Iburg, Bad Laer, Bad Rothenfelde, Belm, Bersenbrück, Bissendorf, Bohmte, Bramsche, "
        "Dissen, Fürstenau, Georgsmarienhütte, Glandorf, Hagen, Hasbergen, Hilter, Melle, "
        "Neuenkirchen, Ostercappeln, Wallenhorst (Stand 16.03.2016)."
    )
    assert text.splitlines().count(zeile) == 1
    markdown = als_markdown(veraltet)
    assert markdown.startswith(f"**{WARNUNG}**\n\n## Wohnraummanagement")
    assert "Tage alt" not in markdown and zeile in markdown.splitlines()
    zeilen = _csv(veraltet)
    assert zeilen[0] == [WARNUNG]
    assert ["Stand der Daten", "16.03.2016"] in zeilen
    assert not any("Tage alt" in zelle for zeile_ in zeilen for zelle in zeile_)
    assert ["hinweis", "", "", "", zeile.removeprefix("- Hinweis: ")] in zeilen


def test_json_und_excel_behalten_einen_befund_je_kommune(
    veraltet: Auswertungsbericht, tmp_path: Path
) -> None:
    daten = als_dict(veraltet)
    assert daten["stand_aeltester"] == daten["stand_neuester"] == "2016-03-16"
    assert daten["daten_veraltet"] is True
    assert sum("3912 Tage alt" in befund["meldung"] for befund in daten["befunde"]) == 21
    mappe = _mappe(veraltet, tmp_path / "bericht.xlsx")
    blatt = mappe[BLATT_AUSWERTUNG]
    assert blatt["A3"].value == WARNUNG
    assert blatt["A3"].font.b
    assert "Stand der Daten 16.03.2016" in blatt["A1"].value
    assert blatt["A2"].value.startswith(
        "Landkreis Osnabrück · Stichtag 01.12.2026 · Stand der Daten 16.03.2016 · erstellt mit"
    )
    hinweise = [zeile[5] for zeile in mappe[BLATT_HINWEISE].iter_rows(min_row=4, values_only=True)]
    assert sum("3912 Tage alt" in (text or "") for text in hinweise) == 21


def test_pressetext_beginnt_mit_der_warnung(veraltet: Auswertungsbericht) -> None:
    absatz, fussnote = als_pressetext(veraltet).splitlines()
    assert absatz.startswith(f"{WARNUNG} Stichtag 01.12.2026, Stand der Daten 16.03.2016: ")
    assert "reicht der Wohnraum" not in absatz
    assert "Nach diesen Angaben stehen rechnerisch 407 Plätze mehr zur Verfügung" in absatz
    assert fussnote == FUSSNOTE_2016


def test_ohne_stichtag_sieht_das_beispiel_alt_aus(tmp_path: Path) -> None:
    """The issue's run: the examples without wrm.toml, Stichtag "today"."""
    eingang = tmp_path / "eingang"
    shutil.copytree(BEISPIELE / "eingang", eingang)
    ergebnis = wrm("auswerten", eingang, "--stichtag", "01.12.2026", cwd=tmp_path)
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert ergebnis.stdout.splitlines()[0] == WARNUNG
    ergebnis = wrm("auswerten", eingang, "-f", "json", "--stichtag", "01.12.2026", cwd=tmp_path)
    daten = json.loads(ergebnis.stdout)
    assert (daten["stichtag"], daten["stand_neuester"], daten["daten_veraltet"]) == (
        "2026-12-01",
        "2016-03-16",
        True,
    )


def test_einige_veraltet_ohne_warnung(zwei_alt: Auswertungsbericht) -> None:
    text = als_text(zwei_alt)
    zeilen = text.splitlines()
    assert zeilen[0] == (
        "Wohnraummanagement Landkreis Osnabrück – Auswertung, Stichtag 16.03.2016, "
        "Stand der Daten 01.02.2016 bis 16.03.2016"
    )
    assert (
        "- Hinweis: Älter als 14 Tage – bitte aktuelle Meldungen anfordern: Glandorf, "
        "Hilter (Stand 01.02.2016)."
    ) in zeilen
    assert "Tage alt" not in text
    absatz = als_pressetext(zwei_alt).splitlines()[0]
    assert absatz.startswith(
        "Stichtag 16.03.2016, Stand der Daten 01.02.2016 bis 16.03.2016: Die Angaben von "
        "Glandorf (01.02.2016) und Hilter (01.02.2016) sind älter als 14 Tage. Den 21 Kommunen "
    )
    assert "reicht der Wohnraum" not in absatz
    assert ["Stand der Daten", "01.02.2016 bis 16.03.2016"] in _csv(zwei_alt)


# Missing Kommunen change what may be claimed.


def test_gesamt_nennt_die_meldenden_kommunen(
    lueckenhaft: Auswertungsbericht, tmp_path: Path
) -> None:
    gesamt = "Gesamt (13 von 21 Kommunen)"
    (zeile,) = [z for z in als_text(lueckenhaft).splitlines() if z.startswith("Gesamt")]
    assert zeile.startswith(gesamt + "  ")
    assert f"| **{gesamt}** |" in als_markdown(lueckenhaft)
    assert [z[0] for z in _csv(lueckenhaft) if z and z[0].startswith("Gesamt")] == [gesamt]
    blatt = _mappe(lueckenhaft, tmp_path / "bericht.xlsx")[BLATT_AUSWERTUNG]
    (zeile_nr,) = [z for z in range(1, blatt.max_row + 1) if blatt.cell(z, 1).value == gesamt]
    assert blatt.cell(zeile_nr, 9).value == -541
    daten = als_dict(lueckenhaft)
    assert (daten["meldende_kommunen"], daten["kommunen_im_bezirk"]) == (13, 21)
    assert len(daten["zeilen"]) == 13
    # The Übersicht's total row says the same.
    uebersicht = _mappe(lueckenhaft, tmp_path / "bericht.xlsx")[BLATT_UEBERSICHT]
    summen = [uebersicht.cell(z, 1).value for z in range(1, uebersicht.max_row + 1)]
    assert "Landkreis Osnabrück gesamt (13 von 21 Kommunen)" in summen


def test_pressetext_spricht_fuer_die_meldenden_kommunen(lueckenhaft: Auswertungsbericht) -> None:
    absatz = als_pressetext(lueckenhaft).splitlines()[0]
    assert absatz.startswith(
        "Stichtag 16.03.2016, Stand der Daten 16.03.2016: Gemeldet haben 13 der 21 Kommunen "
        "des Landkreises Osnabrück; es fehlen Artland, Bad Iburg, Bad Laer, Belm, Bramsche, "
        "Georgsmarienhütte, Hilter und Neuenkirchen. Den 13 meldenden Kommunen sind bislang "
    )
    assert (
        "Die 13 meldenden Kommunen haben damit rechnerisch 541 Plätze mehr zur Verfügung als "
        "benötigt; ob der Wohnraum im ganzen Landkreis reicht, lässt sich ohne die fehlenden "
        "Meldungen nicht sagen."
    ) in absatz
    assert "reicht der Wohnraum" not in absatz and "Angaben von 13" not in absatz


def test_alle_gemeldet_bleibt_gesamt(aktuell: Auswertungsbericht) -> None:
    assert next(z for z in _csv(aktuell) if z and z[0].startswith("Gesamt"))[0] == "Gesamt"
    assert als_pressetext(aktuell).startswith(
        "Stichtag 16.03.2016, Stand der Daten 16.03.2016: Den 21 Kommunen des Landkreises"
    )
    assert "Rechnerisch reicht der Wohnraum damit aus" in als_pressetext(aktuell)


# Explain the Gesamt.


def test_fussnote_zum_gesamt_in_jedem_bericht(aktuell: Auswertungsbericht, tmp_path: Path) -> None:
    zeilen = als_text(aktuell).splitlines()
    gesamt = next(nr for nr, zeile in enumerate(zeilen) if zeile.startswith("Gesamt "))
    assert zeilen[gesamt + 1] == FUSSNOTE_2016
    assert FUSSNOTE_2016 in als_markdown(aktuell).splitlines()
    tabelle = _csv(aktuell)
    nr = next(nr for nr, zeile in enumerate(tabelle) if zeile and zeile[0] == "Gesamt")
    assert tabelle[nr + 1] == [FUSSNOTE_2016]
    assert als_pressetext(aktuell).splitlines()[1] == FUSSNOTE_2016
    blatt = _mappe(aktuell, tmp_path / "bericht.xlsx")[BLATT_AUSWERTUNG]
    zeile = next(z for z in range(1, blatt.max_row + 1) if blatt.cell(z, 1).value == "Gesamt")
    assert blatt.cell(zeile, 9).value == -407
    assert blatt.cell(zeile, 9).comment.text == FUSSNOTE_2016
    assert blatt.cell(zeile + 1, 1).value == FUSSNOTE_2016


def test_terminal_zeigt_die_warnung_zuerst_in_rot(veraltet: Auswertungsbericht) -> None:
    from rich.console import Console

    from wrm_cli.cli.ansicht import bericht_zeigen

    ausgabe = io.StringIO()
    bericht_zeigen(veraltet, Console(file=ausgabe, force_terminal=True, color_system="standard"))
    erste = ausgabe.getvalue().splitlines()[0]
    assert erste == f"\x1b[1;31m{WARNUNG}\x1b[0m"
    assert "Tage alt" not in ausgabe.getvalue()
