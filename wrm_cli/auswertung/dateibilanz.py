"""Every input file's fate in a run, so the task force can account for each one. Pure.

A file is used (its Meldung is in the Auswertung), replaced (a newer or identical
Meldung of the same Kommune won), contradictory (another Meldung of the same Kommune
and Stand has other figures, so neither counts), faulty (its Meldung has
errors), without Meldung (nothing recognisable in it), passed over (lock files, other
documents, subfolders) or unreadable. System files (``.DS_Store``) are not listed.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from wrm_cli.auswertung.zusammenfuehren import Zusammengefuehrt
from wrm_cli.ergebnis import Dateistand, Dateistatus
from wrm_cli.lesen.lauf import Lauf


def dateibilanz(
    lauf: Lauf,
    kommune_je_meldung: Mapping[int, str],
    verwendet: Collection[int],
    zusammen: Zusammengefuehrt,
) -> list[Dateistand]:
    """``kommune_je_meldung``: the Kommune of every valid Meldung; ``verwendet``: the
    Meldungen in the Auswertung; ``zusammen`` says why a valid one was not used."""
    bilanz: list[Dateistand] = []
    for datei in lauf.dateien:
        name = lauf.name(datei.pfad)  # with its folder when the name is not unique
        genutzt = [nr for nr in datei.meldungen if nr in verwendet]
        gueltig = [nr for nr in datei.meldungen if nr in kommune_je_meldung]
        if genutzt:
            kommunen = tuple(kommune_je_meldung[nr] for nr in genutzt)
            bilanz.append(Dateistand(name, "verwendet", kommunen))
        elif gueltig:
            kommunen = tuple(kommune_je_meldung[nr] for nr in gueltig)
            widerspruch = any(nr in zusammen.widersprueche for nr in gueltig)
            status: Dateistatus = "widersprüchlich" if widerspruch else "ersetzt"
            grund = zusammen.ersetzt.get(gueltig[0], "")
            bilanz.append(Dateistand(name, status, kommunen, grund))
        elif datei.meldungen:
            grund = "Meldung mit Fehlern – siehe Fehlerliste."
            bilanz.append(Dateistand(name, "fehlerhaft", grund=grund))
        else:
            # The first error says why; a file passed over on purpose says so in a hint.
            gruende = sorted(datei.befunde, key=lambda befund: befund.stufe != "fehler")
            grund = gruende[0].kurztext if gruende else ""
            bilanz.append(Dateistand(name, "ohne Meldung", grund=grund))
    bilanz += [Dateistand(lauf.name(p), "übergangen", grund=g) for p, g in lauf.eingang.ignoriert]
    bilanz += [Dateistand(lauf.name(p), "unlesbar", grund=g) for p, g in lauf.unlesbar]
    return bilanz
