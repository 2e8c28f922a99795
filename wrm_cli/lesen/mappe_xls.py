"""xls (Excel 97–2003): names, date system, every sheet's extent and error cells, via xlrd.

xlrd reads the binary records with ragged rows, so a value in the last cell (IV65536)
costs a list of empty rows rather than 16 million cells; only then may calamine read.
"""

from __future__ import annotations

import io
from typing import Any

from wrm_cli.fehler import EingabeFehler
from wrm_cli.lesen import biff
from wrm_cli.lesen.arbeitsmappe import Bezug, Blattbild, Mappe
from wrm_cli.lesen.dateiart import BESCHAEDIGT, KENNWORT, Datei
from wrm_cli.werte import Zellfehler


def untersuchen(datei: Datei) -> Mappe:
    import xlrd  # type: ignore[import-untyped, unused-ignore]

    try:
        # xlrd writes English diagnostics ("WARNING *** file size …", stream dumps) to
        # stdout by default, which would break the JSON on stdout: they go nowhere.
        buch = xlrd.open_workbook(
            file_contents=datei.daten,
            on_demand=True,
            ragged_rows=True,
            logfile=_Stumm(),
            verbosity=0,
        )
    except Exception as problem:  # xlrd raises many types for damaged files
        if "encrypted" in str(problem).lower():
            raise EingabeFehler(KENNWORT) from None
        return _ohne_xlrd(datei)
    try:
        blaetter = {
            name: _blatt(buch, nummer, xlrd) for nummer, name in enumerate(buch.sheet_names())
        }
        return Mappe(datei.pfad, "xls", _namen(buch), blaetter, datum_1904=buch.datemode == 1)
    except Exception:
        raise EingabeFehler(BESCHAEDIGT) from None
    finally:
        buch.release_resources()


def _ohne_xlrd(datei: Datei) -> Mappe:
    """xlrd refuses the file: calamine may still read it, once its extent is known."""
    try:
        blaetter = biff.umfang(datei.daten)
    except ValueError:
        raise EingabeFehler(BESCHAEDIGT) from None
    datei.hinweise.append(
        "Die Datei ist unregelmäßig gespeichert: Fehlerwerte und Namen der Vorlage konnten "
        "nicht geprüft werden, die Werte wurden trotzdem gelesen – bitte künftig als "
        "„Excel-Arbeitsmappe (.xlsx)“ speichern."
    )
    return Mappe(datei.pfad, "xls", {}, blaetter)


class _Stumm(io.StringIO):
    """A log file that keeps nothing (a damaged file may make xlrd dump whole streams)."""

    def write(self, text: str) -> int:
        return len(text)


def _blatt(buch: Any, nummer: int, xlrd: Any) -> Blattbild:
    blatt = buch.sheet_by_index(nummer)
    bild = Blattbild(blatt.nrows, max((blatt.row_len(z) for z in range(blatt.nrows)), default=0))
    for zeile in range(blatt.nrows):
        for spalte, typ in enumerate(blatt.row_types(zeile)):
            if typ == xlrd.XL_CELL_ERROR:
                code = blatt.cell_value(zeile, spalte)
                text = xlrd.error_text_from_code.get(code, "#FEHLER")
                # xls keeps no trace of whether a formula produced the error.
                bild.fehlerzellen[(zeile, spalte)] = Zellfehler(text, formel=False)
    buch.unload_sheet(nummer)
    return bild


def _namen(buch: Any) -> dict[str, Bezug]:
    try:
        return _namen_lesen(buch)
    except Exception:  # a damaged name table: the template is then found by its labels
        return {}


def _namen_lesen(buch: Any) -> dict[str, Bezug]:
    blaetter = buch.sheet_names()
    namen: dict[str, Bezug] = {}
    for name in buch.name_obj_list:
        if name.scope != -1 or name.result is None or not name.result.value:
            continue  # sheet-scoped or not a plain reference
        bereich = name.result.value[0]
        if not hasattr(bereich, "coords"):
            continue
        blatt_von, blatt_bis, zeile_von, zeile_bis, spalte_von, spalte_bis = bereich.coords
        einzeln = (blatt_bis - blatt_von, zeile_bis - zeile_von, spalte_bis - spalte_von)
        if einzeln == (1, 1, 1) and 0 <= blatt_von < len(blaetter):
            bezug = Bezug(blaetter[blatt_von], zeile_von, spalte_von)
            namen.setdefault(str(name.name).casefold(), bezug)
    return namen
