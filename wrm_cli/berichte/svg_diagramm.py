"""The geometry of the charts of the HTML pages, drawn by wrm as inline SVG (templates
html/_balken.html.j2 and html/_linien.html.j2): a bar chart of fehlender Wohnraum per
Kommune (negative = spare places) and a line chart of a series over Stichtage.

Only numbers and German labels here; the templates escape every text.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from wrm_cli.werte import datum_deutsch, zahl_de

BREITE = 900
_NAMEN = 200  # the column of the names, left of the bars
_WERT = 56  # room for a value label beside a bar
_ZEILE, _BALKEN, _OBEN = 22, 14, 30
# Above this many Kommunen the chart shows the largest shortages and surpluses only.
HOECHSTENS_BALKEN = 40


@dataclass(frozen=True)
class Balken:
    name: str
    text: str  # the value, German
    klasse: str  # "fehlt", "mehr" or "" (zero)
    x: float
    y: float
    breite: float
    text_x: float
    text_rechts: bool  # the value label right of the bar (else left)


@dataclass(frozen=True)
class Balkendiagramm:
    titel: str
    beschreibung: str  # what it shows, for aria and the caption
    hoehe: float
    null_x: float
    balken: list[Balken]
    breite: int = BREITE
    namen_x: float = _NAMEN - 8
    balkenhoehe: int = _BALKEN


def _gezeigt(werte: list[tuple[str, int]]) -> tuple[list[tuple[str, int]], str | None]:
    """All, or the largest shortages and surpluses when there are too many to read."""
    if len(werte) <= HOECHSTENS_BALKEN:
        return werte, None
    halb = HOECHSTENS_BALKEN // 2
    sortiert = sorted(werte, key=lambda paar: paar[1])
    mehr = [p for p in sortiert if p[1] < 0][:halb]
    fehlt = [p for p in sortiert if p[1] > 0][-halb:]
    hinweis = (
        f"Gezeigt: die {len(fehlt)} Kommunen mit dem meisten fehlenden Wohnraum und die "
        f"{len(mehr)} mit den meisten freien Plätzen (von {zahl_de(len(werte))}); alle Zahlen "
        "stehen in der Tabelle."
    )
    return mehr + fehlt, hinweis


def balkendiagramm(werte: Sequence[tuple[str, int | None]], titel: str) -> Balkendiagramm:
    """One bar per Kommune with a value, in the given order; those without a value are
    named in the description, never drawn as 0."""
    mit = [(name, wert) for name, wert in werte if wert is not None]
    ohne = [name for name, wert in werte if wert is None]
    gezeigt, hinweis = _gezeigt(mit)
    links = max([0, *(-w for _, w in gezeigt)])
    rechts = max([0, *(w for _, w in gezeigt)])
    flaeche_von, flaeche_bis = _NAMEN + _WERT, BREITE - _WERT
    spanne = (links + rechts) or 1
    skala = (flaeche_bis - flaeche_von) / spanne
    null_x = flaeche_von + links * skala
    balken = []
    for nr, (name, wert) in enumerate(gezeigt):
        y = _OBEN + nr * _ZEILE
        laenge = abs(wert) * skala
        x = null_x - laenge if wert < 0 else null_x
        nach_rechts = wert >= 0
        balken.append(
            Balken(
                name=name,
                text=zahl_de(wert),
                klasse="mehr" if wert < 0 else "fehlt" if wert > 0 else "",
                x=round(x, 1),
                y=y,
                breite=round(laenge, 1),
                text_x=round(x + laenge + 4 if nach_rechts else x - 4, 1),
                text_rechts=nach_rechts,
            )
        )
    teile = [
        "Fehlender Wohnraum je Kommune in Personen: Balken nach rechts (rot) = es fehlt "
        "Wohnraum, nach links (grün) = freie Plätze."
    ]
    if hinweis:
        teile.append(hinweis)
    if ohne:
        teile.append(f"Ohne Angaben zum Wohnraum (kein Balken): {', '.join(ohne)}.")
    return Balkendiagramm(
        titel=titel,
        beschreibung=" ".join(teile),
        hoehe=_OBEN + len(gezeigt) * _ZEILE + 10,
        null_x=round(null_x, 1),
        balken=balken,
    )


@dataclass(frozen=True)
class Linie:
    name: str
    klasse: str  # "fehlt" or "gesamt": colour and dash pattern
    punkte: str  # "x,y x,y …" for <polyline>
    marken: list[tuple[float, float, str]] = field(default_factory=list)  # x, y, value


@dataclass(frozen=True)
class Liniendiagramm:
    titel: str
    beschreibung: str
    linien: list[Linie]
    y_achse: list[tuple[float, str]]  # y, label
    x_achse: list[tuple[float, str]]  # x, label
    links: float
    rechts: float
    oben: float
    unten: float
    null_y: float | None
    breite: int = BREITE
    hoehe: int = 340


def _schritt(spanne: float) -> int:
    """A round step (1, 2, 5 × 10^k) for about five grid lines."""
    roh = max(spanne / 5, 1)
    basis = 10 ** math.floor(math.log10(roh))
    return int(next(f * basis for f in (1, 2, 5, 10) if f * basis >= roh))


def liniendiagramm(
    tage: Sequence[dt.date], reihen: Sequence[tuple[str, str, Sequence[int | None]]], titel: str
) -> Liniendiagramm:
    """Each series (name, class, values per Stichtag) as a line; gaps (None) are left out."""
    links, rechts, oben, unten = 70.0, BREITE - 20.0, 40.0, 340 - 40.0
    alle = [w for _, _, werte in reihen for w in werte if w is not None] or [0]
    schritt = _schritt(max(alle) - min(alle))
    tief = math.floor(min(min(alle), 0) / schritt) * schritt
    hoch = math.ceil(max(max(alle), 0) / schritt) * schritt
    if hoch == tief:
        hoch = tief + schritt

    def y(wert: float) -> float:
        return round(unten - (wert - tief) / (hoch - tief) * (unten - oben), 1)

    def x(nr: int) -> float:  # the first and last point clear of the axis and the edge
        if len(tage) == 1:
            return (links + rechts) / 2
        return round(links + 45 + nr * (rechts - links - 90) / (len(tage) - 1), 1)

    beschriftet = len(tage) <= 12
    linien = []
    for name, klasse, werte in reihen:
        punkte = [(x(nr), y(w), zahl_de(w)) for nr, w in enumerate(werte) if w is not None]
        linien.append(
            Linie(
                name=name,
                klasse=klasse,
                punkte=" ".join(f"{px},{py}" for px, py, _ in punkte),
                marken=punkte if beschriftet else [(px, py, "") for px, py, _ in punkte],
            )
        )
    jeder = max(1, math.ceil(len(tage) / 8))  # at most about eight dates under the axis
    namen = ", ".join(name for name, _, _ in reihen)
    return Liniendiagramm(
        titel=titel,
        beschreibung=(
            f"{namen} (Personen) an {len(tage)} Stichtagen von {datum_deutsch(tage[0])} bis "
            f"{datum_deutsch(tage[-1])}; die Zahlen stehen auch in der Tabelle."
            if tage
            else f"{namen}: kein Stichtag."
        ),
        linien=linien,
        y_achse=[(y(w), zahl_de(w)) for w in range(tief, hoch + 1, schritt)],
        x_achse=[(x(nr), datum_deutsch(tag)) for nr, tag in enumerate(tage) if nr % jeder == 0],
        links=links,
        rechts=rechts,
        oben=oben,
        unten=unten,
        null_y=y(0) if tief < 0 < hoch else None,
    )
