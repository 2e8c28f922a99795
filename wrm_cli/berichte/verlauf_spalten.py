"""The tables of ``wrm verlauf`` as plain values, one per view (district, one Kommune,
reporting discipline), shared by the text, Markdown, CSV and Excel writers and the
report's sheet "Verlauf"; each writer only formats them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from wrm_cli.berichte.beschriftung import spaltentitel, veraenderung
from wrm_cli.bezirk import Bezirk
from wrm_cli.ergebnis import ZAHLSPALTEN, Verlaufspunkt
from wrm_cli.verlaufsergebnis import Kommunenpunkt, Meldeverhalten, Verlaufsbericht
from wrm_cli.werte import datum_deutsch, zahl_de

# How a column's values are shown: text, a date, a number, a change (+12, −5, 0), a
# share (82 %), a count "20 von 21", a number of Stichtage ("2 Stichtage").
Art = Literal["text", "datum", "zahl", "veraenderung", "anteil", "meldend", "stichtage"]


@dataclass(frozen=True)
class Spalte:
    titel: str
    art: Art = "zahl"
    von: int = 0  # "meldend": out of how many Kommunen

    @property
    def rechts(self) -> bool:
        """Right-aligned in fixed-width text (numbers)."""
        return self.art not in ("text", "datum")

    @property
    def kopf_mit_einheit(self) -> str:
        """The header where a cell holds only the number (CSV, Excel)."""
        einheit = {"meldend": f"von {self.von}", "anteil": "%", "stichtage": "Stichtage"}
        return f"{self.titel} ({einheit[self.art]})" if self.art in einheit else self.titel


@dataclass
class Tabelle:
    spalten: list[Spalte]
    zeilen: list[list[Any]] = field(default_factory=list)  # plain values, None = blank


def anteil_de(wert: float | None) -> str:
    """0.8224 → "82 %"."""
    return "" if wert is None else f"{round(wert * 100)} %"


def zelle_de(wert: Any, spalte: Spalte) -> str:
    """A value as the text reports show it."""
    if wert is None:
        return ""
    if spalte.art == "datum":
        return datum_deutsch(wert)
    if spalte.art == "zahl":
        return zahl_de(wert)
    if spalte.art == "veraenderung":
        return veraenderung(wert)  # as the column of wrm auswerten
    if spalte.art == "anteil":
        return anteil_de(wert)
    if spalte.art == "meldend":
        return f"{wert} von {spalte.von}"
    if spalte.art == "stichtage":
        return "keine" if wert == 0 else "1 Stichtag" if wert == 1 else f"{wert} Stichtage"
    return str(wert)


def bezirkstabelle(punkte: Sequence[Verlaufspunkt], bezirk: Bezirk) -> Tabelle:
    """The district per Stichtag (``wrm verlauf`` and the report's sheet "Verlauf")."""
    spalten = [
        Spalte("Stichtag", "datum"),
        Spalte("meldende Kommunen", "meldend", von=len(bezirk.kommunen)),
        Spalte("Σ(1) bisherige Zuweisungen"),
        Spalte("Σ(5) benötigter Wohnraum"),
        Spalte("sofort verfügbar"),
        Spalte("in Aussicht"),
        Spalte("Gesamtverfügbarkeit"),
        Spalte("fehlender Wohnraum"),
        Spalte("±", "veraenderung"),
        Spalte("kritisch"),
        Spalte("Anteil dezentral", "anteil"),
    ]
    zeilen = [
        [
            punkt.stichtag,
            punkt.meldende_kommunen,
            punkt.gesamt["bisherige_zuweisungen"],
            punkt.kennzahlen["benoetigter_wohnraum"],
            punkt.kennzahlen["sofort_verfuegbar"],
            punkt.kennzahlen["in_aussicht"],
            punkt.kennzahlen["gesamtverfuegbarkeit"],
            punkt.kennzahlen["fehlender_wohnraum"],
            punkt.veraenderung_fehlend,
            punkt.kritisch,
            punkt.anteil_dezentral,
        ]
        for punkt in punkte
    ]
    return Tabelle(spalten, zeilen)


# The position of the two charted series and the Stichtag in the district table.
SPALTE_STICHTAG, SPALTE_GESAMTVERFUEGBARKEIT, SPALTE_FEHLEND = 0, 6, 7


def kommunentabelle(punkte: Sequence[Kommunenpunkt], bezirk: Bezirk) -> Tabelle:
    """One Kommune per Stichtag: status, Stand, its row and the change."""
    titel = spaltentitel(bezirk)
    spalten = [
        Spalte("Stichtag", "datum"),
        Spalte("Meldestatus", "text"),
        Spalte("Stand", "datum"),
        *(Spalte(titel[key]) for key in ZAHLSPALTEN),
        Spalte("±", "veraenderung"),
        Spalte("Einschätzung", "text"),
    ]
    zeilen = []
    for punkt in punkte:
        zeile = punkt.zeile or {}
        zeilen.append(
            [
                punkt.stichtag,
                punkt.status,
                punkt.stand,
                *(zeile.get(key) for key in ZAHLSPALTEN),
                punkt.veraenderung_fehlend,
                zeile.get("einschaetzung"),
            ]
        )
    return Tabelle(spalten, zeilen)


def meldetabelle(verhalten: Sequence[Meldeverhalten]) -> Tabelle:
    """Reporting discipline per Kommune over the selected Stichtage."""
    spalten = [
        Spalte("Kommune", "text"),
        Spalte("Stichtage"),
        Spalte("aktuell"),
        Spalte("veraltet"),
        Spalte("ohne Stand"),
        Spalte("fehlt"),
        Spalte("ungültig"),
        Spalte("längste Zeit ohne aktuelle Meldung", "stichtage"),
        Spalte("kritisch in Folge", "stichtage"),
        Spalte("letzter Stand", "datum"),
    ]
    zeilen = [
        [
            v.kommune,
            v.laeufe,
            v.aktuell,
            v.veraltet,
            v.ohne_stand,
            v.fehlt,
            v.ungueltig,
            v.ohne_aktuelle_meldung_max,
            v.kritisch_in_folge,
            v.letzter_stand,
        ]
        for v in verhalten
    ]
    return Tabelle(spalten, zeilen)


def tabelle(bericht: Verlaufsbericht) -> Tabelle:
    """The table of the chosen view."""
    if bericht.art == "kommune":
        return kommunentabelle(bericht.kommunenpunkte, bericht.bezirk)
    if bericht.art == "meldungen":
        return meldetabelle(bericht.meldeverhalten)
    return bezirkstabelle(bericht.punkte, bericht.bezirk)


def zeitraum(stichtage: Sequence[dt.date]) -> str:
    """ "3 Stichtage 02.03.2016–16.03.2016", "1 Stichtag 16.03.2016"."""
    if len(stichtage) == 1:
        return f"1 Stichtag {datum_deutsch(stichtage[0])}"
    erster, letzter = min(stichtage), max(stichtage)
    return f"{len(stichtage)} Stichtage {datum_deutsch(erster)}–{datum_deutsch(letzter)}"


def titel(bericht: Verlaufsbericht) -> str:
    """ "Verlauf Landkreis Osnabrück, 3 Stichtage 02.03.2016–16.03.2016, Archiv a.sqlite" """
    bezirk = bericht.bezirk.name
    was = {
        "bezirk": f"Verlauf {bezirk}",
        "kommune": f"Verlauf {bericht.kommune} ({bezirk})",
        "meldungen": f"Meldeverhalten {bezirk}",
    }[bericht.art]
    return f"{was}, {zeitraum(bericht.stichtage)}, Archiv {bericht.archiv.name}"


def leer_satz(bericht: Verlaufsbericht) -> str:
    """The one line for a selection without a Stichtag."""
    archiv, von, bis = bericht.archiv.name, bericht.von, bericht.bis
    if von is not None and bis is not None:
        zeitraum_ = f"zwischen dem {datum_deutsch(von)} und dem {datum_deutsch(bis)}"
    elif von is not None:
        zeitraum_ = f"ab dem {datum_deutsch(von)}"
    elif bis is not None:
        zeitraum_ = f"bis zum {datum_deutsch(bis)}"
    else:
        return (
            f"Im Archiv {archiv} gibt es noch keinen Stichtag – bitte zuerst "
            f"wrm auswerten … --archiv {archiv} ausführen."
        )
    return f"Im Archiv {archiv} gibt es keinen Stichtag {zeitraum_}."
