"""``wrm verlauf --format html``: the chosen view (district, one Kommune, reporting
discipline) as a table, for the district and a Kommune with a line chart."""

from __future__ import annotations

from collections.abc import Sequence

from wrm_cli.berichte import verlauf_spalten
from wrm_cli.berichte.html_seite import Tabelle, bilanzmarke, fusszeile, seite
from wrm_cli.berichte.svg_diagramm import Liniendiagramm, liniendiagramm
from wrm_cli.berichte.verlauf_spalten import leer_satz, tabelle, titel, zelle_de
from wrm_cli.ergebnis import Verlaufspunkt
from wrm_cli.verlaufsergebnis import Verlaufsbericht

FEHLEND, GESAMT = "fehlender Wohnraum", "Gesamtverfügbarkeit"


def verlaufsdiagramm(bericht: Verlaufsbericht) -> Liniendiagramm | None:
    """fehlender Wohnraum (and for the district the Gesamtverfügbarkeit) per Stichtag."""
    if bericht.art == "bezirk" and bericht.punkte:
        return bezirksdiagramm(bericht.punkte, bericht.bezirk.name)
    if bericht.art == "kommune" and bericht.kommunenpunkte:
        punkte = bericht.kommunenpunkte
        werte = [(p.zeile or {}).get("fehlender_wohnraum") for p in punkte]
        return liniendiagramm(
            [p.stichtag for p in punkte],
            [(FEHLEND, "fehlt", werte)],
            f"Verlauf {bericht.kommune}: {FEHLEND}",
        )
    return None


def bezirksdiagramm(punkte: Sequence[Verlaufspunkt], bezirk: str) -> Liniendiagramm:
    """The district's fehlender Wohnraum and Gesamtverfügbarkeit per Stichtag."""
    return liniendiagramm(
        [p.stichtag for p in punkte],
        [
            (FEHLEND, "fehlt", [p.kennzahlen["fehlender_wohnraum"] for p in punkte]),
            (GESAMT, "gesamt", [p.kennzahlen["gesamtverfuegbarkeit"] for p in punkte]),
        ],
        f"Verlauf {bezirk}: {FEHLEND} und {GESAMT}",
    )


def html_tabelle(daten: verlauf_spalten.Tabelle, titel_: str) -> Tabelle:
    """A table of verlauf_spalten with its cells as the text shows them; shortage and
    surplus marked."""
    marken: list[list[str]] = []
    for werte in daten.zeilen:
        marken.append(
            [
                bilanzmarke(wert) if s.titel in (FEHLEND, "±") and s.art != "text" else ""
                for wert, s in zip(werte, daten.spalten, strict=True)
            ]
        )
    return Tabelle(
        titel_,
        [s.titel for s in daten.spalten],
        [s.rechts for s in daten.spalten],
        [
            [zelle_de(w, s) for w, s in zip(werte, daten.spalten, strict=True)]
            for werte in daten.zeilen
        ],
        marken=marken,
    )


def als_html(bericht: Verlaufsbericht) -> str:
    quelle = f"Archiv {bericht.archiv}"
    if bericht.leer:
        return seite(
            "verlauf.html.j2",
            seitentitel=leer_satz(bericht),
            leer=True,
            tabelle=None,
            diagramm=None,
            fuss=fusszeile(quelle),
        )
    return seite(
        "verlauf.html.j2",
        seitentitel=titel(bericht),
        leer=False,
        tabelle=html_tabelle(tabelle(bericht), titel(bericht)),
        diagramm=verlaufsdiagramm(bericht),
        fuss=fusszeile(quelle),
    )
