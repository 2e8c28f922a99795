"""One file → Meldungen with provenance (file, sheet, cell of every value).

The format is told by the content (``dateiart.py``), then one of two layouts is read:
the filled template (``formular.py``, found by its defined names or labels) or the table
format (``tabelle.py``: one sheet of xlsx, xlsm, xls, ods, or a CSV file). A report of
wrm is recognised by its sheets and passed over. A reader never judges values.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from wrm_cli.befunde import fehler, hinweis
from wrm_cli.blaetter import AUSWERTUNGSBLAETTER, BERICHT_BLAETTER
from wrm_cli.fehler import EingabeFehler
from wrm_cli.konfig import Grenzen
from wrm_cli.lesen import mappe_ods, mappe_xls, mappe_xlsx
from wrm_cli.lesen.arbeitsmappe import Blatt, Mappe, calamine_bereiche
from wrm_cli.lesen.dateiart import BESCHAEDIGT, KENNWORT, Datei, datei_oeffnen, endungshinweis
from wrm_cli.lesen.formular import ist_formular, nach_bezeichnungen_lesen, nach_namen_lesen
from wrm_cli.lesen.grenzen import bereich_pruefen
from wrm_cli.lesen.meldung import Gelesen
from wrm_cli.lesen.tabelle import csv_zeilen, kein_kopf, kopfzeile_finden, tabelle_lesen
from wrm_cli.werte import Roh

# Every empty row of every sheet: one object, however many rows a sheet spans.
_LEERE_ZEILE: tuple[Roh, ...] = ()

_UNTERSUCHEN: dict[str, Callable[[Datei], Mappe]] = {
    "xlsx": mappe_xlsx.untersuchen,
    "ods": mappe_ods.untersuchen,
    "xls": mappe_xls.untersuchen,
}


def inhalt_lesen(pfad: Path, grenzen: Grenzen | None = None) -> Gelesen:
    """Read one file, whatever its name says. Raises EingabeFehler when the file cannot be
    read at all; it only says why, without the file name: the report lists the file beside
    it."""
    grenzen = grenzen or Grenzen()
    datei = datei_oeffnen(pfad, grenzen)
    if datei.art == "csv":
        gelesen = tabelle_lesen(pfad, Blatt("", csv_zeilen(datei.daten)), None)
    else:
        gelesen = arbeitsmappe_lesen(datei, grenzen)
    endung = endungshinweis(datei)
    vorab = [hinweis(text, datei=pfad.name) for text in datei.hinweise]  # left out, unchecked
    gelesen.befunde[:0] = ([endung] if endung is not None else []) + vorab
    gelesen.pruefsumme = datei.pruefsumme
    return gelesen


def arbeitsmappe_lesen(datei: Datei, grenzen: Grenzen) -> Gelesen:
    """The template or the one sheet of a workbook that holds the table."""
    pfad = datei.pfad
    mappe = _UNTERSUCHEN[datei.art](datei)
    for name, bild in mappe.blaetter.items():
        bereich_pruefen(name, bild.zeilen, bild.spalten, grenzen)
    blaetter = _blaetter_lesen(datei, mappe)
    nur_auswertung = bool(blaetter) and all(name in AUSWERTUNGSBLAETTER for name in blaetter)
    if all(name in blaetter for name in BERICHT_BLAETTER) or nur_auswertung:
        return Gelesen(
            pfad,
            befunde=[
                hinweis(
                    "Die Datei ist ein Bericht von wrm, keine Meldung – wird übergangen.",
                    datei=pfad.name,
                )
            ],
        )
    if ist_formular(mappe.namen):
        return nach_namen_lesen(mappe, blaetter)
    mit_kopf = [blatt for blatt in blaetter.values() if kopfzeile_finden(blatt.zeilen) is not None]
    if not mit_kopf:
        formular = nach_bezeichnungen_lesen(mappe, blaetter)
        return formular if formular is not None else Gelesen(pfad, befunde=[kein_kopf(pfad)])
    if len(mit_kopf) > 1:
        namen = ", ".join(f"„{blatt.name}“" for blatt in mit_kopf)
        return Gelesen(
            pfad,
            befunde=[
                fehler(
                    f"Mehrere Blätter enthalten eine Meldungstabelle ({namen}) – "
                    "bitte nur ein Blatt mit Zahlen senden.",
                    datei=pfad.name,
                )
            ],
        )
    blatt = mit_kopf[0]
    if len(blaetter) == 1:
        return tabelle_lesen(pfad, blatt, None)
    gelesen = tabelle_lesen(pfad, blatt, blatt.name)
    gelesen.befunde.insert(
        0, hinweis(f"Die Tabelle wurde aus dem Blatt „{blatt.name}“ gelesen.", datei=pfad.name)
    )
    return gelesen


def arbeitsblaetter(datei: Datei, grenzen: Grenzen) -> dict[str, Blatt]:
    """Every worksheet of a workbook, checked against the limits (for files other than
    Meldungen, e.g. the forecast of ``wrm prognose``)."""
    mappe = _UNTERSUCHEN[datei.art](datei)
    for name, bild in mappe.blaetter.items():
        bereich_pruefen(name, bild.zeilen, bild.spalten, grenzen)
    return _blaetter_lesen(datei, mappe)


def _blaetter_lesen(datei: Datei, mappe: Mappe) -> dict[str, Blatt]:
    """Every worksheet's values through calamine – only sheets measured within the limits."""
    from python_calamine import (
        CalamineWorkbook,
        PasswordError,
        SheetTypeEnum,
        SheetVisibleEnum,
    )

    try:
        buch = CalamineWorkbook.from_filelike(io.BytesIO(datei.daten))
        blaetter: dict[str, Blatt] = {}
        for info in buch.sheets_metadata:
            if info.typ != SheetTypeEnum.WorkSheet:
                continue
            bild = mappe.blaetter.get(info.name)
            if bild is None:  # never read what was not measured
                raise EingabeFehler(BESCHAEDIGT)
            blatt = buch.get_sheet_by_name(info.name)
            zeilen, breite = werte_lesen(blatt)
            blaetter[info.name] = Blatt(
                info.name,
                zeilen,
                bild.fehlerzellen,
                calamine_bereiche(blatt.merged_cell_ranges) or bild.verbunde,
                versteckt=info.visible != SheetVisibleEnum.Visible,
                datum_1904=mappe.datum_1904,
                breite=breite,
            )
    except PasswordError:
        raise EingabeFehler(KENNWORT) from None
    except (EingabeFehler, KeyboardInterrupt, SystemExit):
        raise
    except BaseException:
        # calamine raises many types for damaged files, and for some values (a date cell
        # holding 1e20) the Rust code panics: pyo3's PanicException is no Exception.
        raise EingabeFehler(BESCHAEDIGT) from None
    if not blaetter:
        raise EingabeFehler("Die Arbeitsmappe enthält kein Tabellenblatt.")
    return blaetter


def werte_lesen(blatt: Any) -> tuple[list[Sequence[Roh]], int]:
    """A calamine sheet's values from A1 and its width: each row only up to its last
    non-empty cell, an empty row as one shared empty tuple.

    ``to_python`` would give every cell of the used range a slot in a Python list: a value
    forgotten in A1000000 made 1,000,000 lists (about 90 MB). Row by row (``iter_rows``)
    only what holds a value costs memory; calamine's own range is bounded by
    ``Grenzen.zellen``. ``iter_rows`` may leave out leading empty rows and columns; the
    sheet's last cell (``end``) places what it yields.
    """
    ende = blatt.end
    if ende is None:
        return [], 0
    hoehe, breite = ende[0] + 1, ende[1] + 1
    zeilen: list[Sequence[Roh]] = []
    for zeile in blatt.iter_rows():
        letzte = len(zeile)
        while letzte and zeile[letzte - 1] == "":
            letzte -= 1
        links = breite - len(zeile)
        if not letzte:
            zeilen.append(_LEERE_ZEILE)
        elif links or letzte < len(zeile):
            zeilen.append([""] * links + zeile[:letzte])
        else:
            zeilen.append(zeile)
    return [_LEERE_ZEILE] * (hoehe - len(zeilen)) + zeilen, breite
