"""Excel 3.0 and 4.0 worksheets (BIFF3/BIFF4): read by xlrd, handed on as an xlsx.

calamine reads no BIFF before Excel 5. xlrd reads their cells; they are written into an
xlsx in memory (values, dates, error values), so the rest of wrm reads them like any
workbook. An Excel 4.0 workbook (several sheets in one file) xlrd does not read.
"""

from __future__ import annotations

import io
from typing import Any

from wrm_cli.konfig import Grenzen
from wrm_cli.lesen.grenzen import bereich_pruefen

ANFANG = (b"\x09\x02", b"\x09\x04")  # the BOF record of BIFF3 and BIFF4


def als_xlsx(daten: bytes, grenzen: Grenzen) -> bytes:
    """The worksheets as an xlsx. Raises ValueError when xlrd cannot read the file."""
    import xlrd  # type: ignore[import-untyped, unused-ignore]
    from openpyxl import Workbook

    try:
        buch = xlrd.open_workbook(
            file_contents=daten, ragged_rows=True, logfile=io.StringIO(), verbosity=0
        )
    except Exception as problem:  # xlrd raises many types
        raise ValueError("xlrd") from problem
    mappe = Workbook(write_only=True)
    for blatt in buch.sheets():
        breite = max((blatt.row_len(z) for z in range(blatt.nrows)), default=0)
        bereich_pruefen(blatt.name, blatt.nrows, breite, grenzen)
        ziel = mappe.create_sheet(blatt.name)
        for zeile in range(blatt.nrows):
            ziel.append([_wert(zelle, buch.datemode, xlrd) for zelle in blatt.row(zeile)])
    puffer = io.BytesIO()
    mappe.save(puffer)
    return puffer.getvalue()


def _wert(zelle: Any, datumsart: int, xlrd: Any) -> object:
    if zelle.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(zelle.value, datumsart)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return zelle.value
    if zelle.ctype == xlrd.XL_CELL_ERROR:  # openpyxl stores "#DIV/0!" as an error value
        return xlrd.error_text_from_code.get(zelle.value, "#N/A")
    if zelle.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(zelle.value)
    if zelle.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    return zelle.value
