"""An .xls workbook's sheets and their extent from its BIFF records, when xlrd refuses it.

xlrd is strict (a sector used twice, an irregular record) where calamine still reads the
values. Before calamine may read, every sheet's extent must be known: it is taken from
the cell records themselves – the way calamine sizes a sheet –, not from the DIMENSIONS
record a file may misstate. Every loop is bounded by the stream's length.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator

from wrm_cli.lesen.arbeitsmappe import Blattbild

_BOUNDSHEET = 0x0085
_EOF = 0x000A
_BOF = 0x0809
# Records beginning with row and column: NUMBER, LABEL, LABELSST, RK, BLANK, BOOLERR,
# FORMULA, RSTRING; and the ones covering several columns: MULRK, MULBLANK.
_ZELLEN = frozenset({0x0203, 0x0204, 0x00FD, 0x027E, 0x0201, 0x0205, 0x0006, 0x00D6})
_MEHRERE = frozenset({0x00BD, 0x00BE})


def umfang(daten: bytes) -> dict[str, Blattbild]:
    """Each worksheet's name and extent. Raises ValueError when the records make no sense."""
    import xlrd.compdoc  # type: ignore[import-untyped, unused-ignore]

    try:
        ablage = xlrd.compdoc.CompDoc(daten, logfile=io.StringIO(), ignore_workbook_corruption=True)
        for name in ("Workbook", "Book"):  # xlrd compares case-insensitively
            strom, anfang, laenge = ablage.locate_named_stream(name)
            if strom is not None:
                break
        else:
            raise ValueError("kein Workbook-Strom")
        strom = bytes(strom[anfang : anfang + laenge])
        return _blaetter(strom)
    # xlrd checks parts of the compound file with plain asserts ("assert s == EOCSID").
    except (
        xlrd.compdoc.CompDocError,
        struct.error,
        IndexError,
        UnicodeDecodeError,
        AssertionError,
    ) as problem:
        raise ValueError("BIFF") from problem


def _saetze(strom: bytes, stelle: int) -> Iterator[tuple[int, bytes]]:
    """(type, data) of each record from ``stelle`` to the substream's EOF."""
    while stelle + 4 <= len(strom):
        typ, laenge = struct.unpack_from("<HH", strom, stelle)
        yield typ, strom[stelle + 4 : stelle + 4 + laenge]
        stelle += 4 + laenge
        if typ == _EOF:
            return


def _blaetter(strom: bytes) -> dict[str, Blattbild]:
    typ, bof = next(_saetze(strom, 0))
    if typ != _BOF or struct.unpack_from("<H", bof)[0] != 0x0600:
        raise ValueError("nur BIFF8")
    blaetter: dict[str, Blattbild] = {}
    for typ, satz in _saetze(strom, 0):
        if typ != _BOUNDSHEET or satz[5] != 0:  # 0: a worksheet
            continue
        stelle, laenge, breit = struct.unpack_from("<I", satz)[0], satz[6], satz[7] & 1
        roh = satz[8 : 8 + laenge * (2 if breit else 1)]
        name = roh.decode("utf-16-le") if breit else roh.decode("latin-1")
        blaetter[name] = _blatt(strom, stelle)
    return blaetter


def _blatt(strom: bytes, stelle: int) -> Blattbild:
    if stelle >= len(strom):
        raise ValueError("Blatt außerhalb des Stroms")
    bild = Blattbild()
    for typ, satz in _saetze(strom, stelle):
        if typ in _ZELLEN or typ in _MEHRERE:
            zeile, spalte = struct.unpack_from("<HH", satz)
            if typ in _MEHRERE:
                spalte = struct.unpack_from("<H", satz, len(satz) - 2)[0]
            bild.zeilen = max(bild.zeilen, zeile + 1)
            bild.spalten = max(bild.spalten, spalte + 1)
    return bild
