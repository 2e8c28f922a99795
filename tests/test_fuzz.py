"""Fuzzing: valid templates mutated at random – every file gets an answer, nothing crashes.

Three kinds of damage: random bytes changed, the file cut off, and random values typed
into the input cells. The answer must be a Befund in German (never an exception, never
a Python repr), and the mutated file must be left as it was.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import openpyxl
import pytest
from conftest import BEISPIELE, DATEN
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wrm_cli.ablauf import Dateipruefung, pruefen_dateien
from wrm_cli.felder import FELD
from wrm_cli.konfig import standard_einstellungen

STICHTAG = dt.date(2016, 3, 16)
GRUNDLAGEN = {
    ".xlsx": (BEISPIELE / "eingang" / "Meldung_Glandorf.xlsx").read_bytes(),
    ".ods": (DATEN / "vorlagen" / "melle_lo.ods").read_bytes(),
    ".xls": (DATEN / "vorlagen" / "melle_lo.xls").read_bytes(),
}
EINSTELLUNGEN = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Words that would betray an exception leaking into a message.
_TECHNISCH = ("Error", "Exception", "Traceback", "errno", "<", "None")


def beantwortet(pfad: Path) -> Dateipruefung:
    """Check one file in-process; assert a proper answer and an untouched file."""
    vorher = (pfad.read_bytes(), pfad.stat().st_mtime_ns)
    bericht = pruefen_dateien([pfad], standard_einstellungen(), STICHTAG)
    assert (pfad.read_bytes(), pfad.stat().st_mtime_ns) == vorher
    (pruefung,) = bericht.dateien
    if not pruefung.lesbar:
        assert [befund.stufe for befund in pruefung.befunde] == ["fehler"]
    for befund in pruefung.befunde:
        # What the clerk typed is quoted „…“; the rest is wrm's own words.
        eigene_worte = re.sub(r"„.*?“", "", befund.meldung, flags=re.S)
        assert eigene_worte and not any(wort in eigene_worte for wort in _TECHNISCH), befund
    return pruefung


@st.composite
def veraenderte_bytes(zeichen: st.DrawFn) -> tuple[str, bytes]:
    endung = zeichen(st.sampled_from(sorted(GRUNDLAGEN)))
    daten = bytearray(GRUNDLAGEN[endung])
    for _ in range(zeichen(st.integers(1, 8))):
        stelle = zeichen(st.integers(0, len(daten) - 1))
        daten[stelle] = zeichen(st.integers(0, 255))
    return endung, bytes(daten)


@EINSTELLUNGEN
@given(veraendert=veraenderte_bytes())
def test_zufaellige_bytes(tmp_path: Path, veraendert: tuple[str, bytes]) -> None:
    endung, daten = veraendert
    pfad = tmp_path / f"zufall{endung}"
    pfad.write_bytes(daten)
    beantwortet(pfad)


@EINSTELLUNGEN
@given(endung=st.sampled_from(sorted(GRUNDLAGEN)), anteil=st.floats(0, 0.999))
def test_abgeschnittene_dateien(tmp_path: Path, endung: str, anteil: float) -> None:
    daten = GRUNDLAGEN[endung]
    pfad = tmp_path / f"abgeschnitten{endung}"
    pfad.write_bytes(daten[: int(len(daten) * anteil)])
    pruefung = beantwortet(pfad)
    # Only unused space may have been cut off (xls pads its container): then the figures
    # are exactly those of the whole file – never a silently different number.
    if pruefung.in_ordnung:
        ganz = tmp_path / f"ganz{endung}"
        ganz.write_bytes(daten)
        assert pruefung.meldungen == beantwortet(ganz).meldungen


# Beyond about ±1e11 days python-calamine cannot turn a date cell into a date and panics;
# wrm then answers "beschädigt" for the file (see test_riesige_zahl_im_datumsfeld).
GRENZE_DATUMSZELLE = 10**11
ZELLWERTE = st.one_of(
    st.none(),
    st.integers(-GRENZE_DATUMSZELLE, GRENZE_DATUMSZELLE),
    st.floats(-GRENZE_DATUMSZELLE, GRENZE_DATUMSZELLE),
    st.just(float("nan")),
    st.booleans(),
    st.dates(dt.date(1900, 3, 1), dt.date(9999, 12, 31)),
    # Control characters cannot be stored in xlsx at all.
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40),
    st.sampled_from(["=1/0", "=C12*2", "#WERT!", "12.000", "1.234", " 12 ", "ca. 5", "-0"]),
)


@EINSTELLUNGEN
@given(werte=st.dictionaries(st.sampled_from(["stand", *FELD]), ZELLWERTE, max_size=6))
def test_zufaellige_zellwerte(tmp_path: Path, werte: dict[str, object]) -> None:
    mappe = openpyxl.load_workbook(io.BytesIO(GRUNDLAGEN[".xlsx"]))
    for key, wert in werte.items():
        blatt, zelle = next(iter(mappe.defined_names[key].destinations))
        try:
            mappe[blatt][zelle.replace("$", "")] = wert
        except (ValueError, TypeError):  # openpyxl refuses some values; Excel would too
            continue
    pfad = tmp_path / "zellwerte.xlsx"
    mappe.save(pfad)
    pruefung = beantwortet(pfad)
    assert pruefung.lesbar
    for befund in pruefung.befunde:
        if befund.stufe == "fehler" and befund.feld is not None:
            assert befund.zelle is not None  # every error names its cell


def test_riesige_zahl_im_datumsfeld_ist_eine_antwort_kein_absturz(tmp_path: Path) -> None:
    mappe = openpyxl.load_workbook(io.BytesIO(GRUNDLAGEN[".xlsx"]))
    mappe["Meldung"]["C6"] = -5.2e186  # Stand: formatted as a date
    mappe.save(pfad := tmp_path / "datum.xlsx")
    pruefung = beantwortet(pfad)
    assert [befund.text for befund in pruefung.befunde] == [
        "datum.xlsx: Die Datei ist beschädigt und lässt sich nicht lesen – bitte erneut "
        "speichern und senden."
    ]


@pytest.mark.parametrize("endung", sorted(GRUNDLAGEN))
def test_grundlagen_sind_gueltig(tmp_path: Path, endung: str) -> None:
    pfad = tmp_path / f"gut{endung}"
    pfad.write_bytes(GRUNDLAGEN[endung])
    assert beantwortet(pfad).in_ordnung


def test_xls_mit_unstimmiger_sektorkette(tmp_path: Path) -> None:
    """Found by test_zufaellige_bytes: a changed byte in the first sector list of the
    header makes xlrd fail with a bare assert ("assert s == EOCSID") – still an answer."""
    daten = bytearray(GRUNDLAGEN[".xls"])
    daten[64] = 0xFF
    pfad = tmp_path / "kette.xls"
    pfad.write_bytes(bytes(daten))
    pruefung = beantwortet(pfad)
    assert pruefung.befunde
