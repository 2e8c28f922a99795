"""The directory of an OLE2 compound file (MS-CFB), as far as telling its kind needs.

.xls, .doc and password-wrapped .xlsx files are OLE2 files: a small file system whose
directory names the streams. Only the names below the root are read; streams are never
opened here (xlrd and calamine read the workbook stream).
"""

from __future__ import annotations

import struct

_KETTE_ENDE = 0xFFFFFFFE
_KEIN_EINTRAG = 0xFFFFFFFF


def ole2_stroeme(daten: bytes) -> set[str]:
    """The casefolded names of the entries directly below an OLE2 file's root.

    A small reader of the header, the sector table and the directory (MS-CFB), bounded by
    the file's size throughout. Raises ValueError for a damaged or hostile directory.
    """
    try:
        return _ole2_stroeme(daten)
    except (struct.error, IndexError) as problem:
        raise ValueError("OLE2") from problem


def _ole2_stroeme(daten: bytes) -> set[str]:
    verschiebung, fat_sektoren, verzeichnis_start = struct.unpack_from("<H12xII", daten, 30)
    if verschiebung not in (9, 12):
        raise ValueError("Sektorgröße")
    groesse = 1 << verschiebung
    anzahl = max(0, len(daten) // groesse - 1)  # sectors the file holds after the header

    def sektor(nummer: int) -> bytes:
        if nummer >= anzahl:
            raise ValueError("Sektor außerhalb der Datei")
        anfang = (nummer + 1) * groesse
        return daten[anfang : anfang + groesse]

    # The sector table's own sectors: 109 in the header, the rest in the DIFAT chain.
    difat = list(struct.unpack_from("<109I", daten, 76))
    (naechster,) = struct.unpack_from("<I", daten, 68)
    for _ in range(anzahl):
        if naechster in (_KETTE_ENDE, _KEIN_EINTRAG) or len(difat) >= fat_sektoren:
            break
        kette = struct.unpack(f"<{groesse // 4}I", sektor(naechster))
        difat.extend(kette[:-1])
        naechster = kette[-1]
    tabelle: list[int] = []
    for nummer in difat[: min(fat_sektoren, anzahl)]:
        tabelle.extend(struct.unpack(f"<{groesse // 4}I", sektor(nummer)))
    # The directory's chain, each sector visited once.
    verzeichnis = bytearray()
    nummer, gesehen = verzeichnis_start, set()
    while nummer != _KETTE_ENDE:
        if nummer in gesehen or nummer >= len(tabelle):
            raise ValueError("Kette")
        gesehen.add(nummer)
        verzeichnis += sektor(nummer)
        nummer = tabelle[nummer]
    eintraege = len(verzeichnis) // 128

    def eintrag(nummer: int) -> tuple[str, int, int, int]:
        if nummer >= eintraege:
            raise ValueError("Eintrag")
        laenge, _typ, links, rechts, kind = struct.unpack_from(
            "<HBxIII", verzeichnis, nummer * 128 + 64
        )
        roh = bytes(verzeichnis[nummer * 128 : nummer * 128 + min(max(laenge - 2, 0), 62)])
        return roh.decode("utf-16-le", "replace"), links, rechts, kind

    namen: set[str] = set()
    offen, besucht = [eintrag(0)[3]], {0}  # the root's children: a tree of siblings
    while offen:
        nummer = offen.pop()
        if nummer == _KEIN_EINTRAG:
            continue
        if nummer in besucht:
            raise ValueError("Schleife")
        besucht.add(nummer)
        name, links, rechts, _ = eintrag(nummer)
        namen.add(name.casefold())
        offen += [links, rechts]
    return namen
