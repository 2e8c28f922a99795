"""``wrm prognose --format html``: how long the places last, as one self-contained page;
its parts are also the section "Prognose" of the page of ``wrm auswerten``."""

from __future__ import annotations

from typing import Any

from wrm_cli.berichte.html_seite import Tabelle, dateien_und_befunde, seite
from wrm_cli.berichte.prognose_saetze import fusszeilen, kopfzeilen, prognose_von, titel
from wrm_cli.berichte.prognose_text import prognosetabelle
from wrm_cli.ergebnis import Auswertungsbericht
from wrm_cli.werte import datum_deutsch

# The marker column is "!" in the text; a header must say what it means.
_MARKE = "Warnung"


def inhalt(bericht: Auswertungsbericht) -> dict[str, Any]:
    """What the template part ``_prognose.html.j2`` shows: the lines above the table
    (without the title), the table with the district's row, the lines below."""
    prognose = prognose_von(bericht)
    spalten, zeilen = prognosetabelle(bericht)
    # The Kommune first, so it heads its row; the marker after it.
    kopf = [spalten[1][0], _MARKE, *(titel_ for titel_, _ in spalten[2:])]
    rechts = [False, False, *(r for _, r in spalten[2:])]
    umgestellt = [[z[1], z[0], *z[2:]] for z in zeilen]
    tabelle = Tabelle(
        f"Reichweite je Kommune bis {datum_deutsch(prognose.bis)}",
        kopf,
        rechts,
        umgestellt[:-1],
        summen=umgestellt[-1:],
        marken=[["", "kritisch" if z[1] else ""] + [""] * (len(z) - 2) for z in umgestellt[:-1]],
    )
    return {
        "titel": titel(bericht),
        "kopfzeilen": kopfzeilen(bericht)[1:],
        "tabelle": tabelle,
        "fusszeilen": fusszeilen(bericht),
    }


def als_html(bericht: Auswertungsbericht) -> str:
    teil = inhalt(bericht)
    return seite(
        "prognose.html.j2",
        seitentitel=teil["titel"],
        prognose=teil,
        **dateien_und_befunde(bericht),
    )
