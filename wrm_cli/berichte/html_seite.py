"""What every HTML page of wrm shares: the Jinja2 environment (autoescape on for every
template), German filters, anchors of the Kommunen, plain tables and the footer.

Imported only by the HTML writers, which formate.py imports when a page is written: so
``wrm --help`` never loads jinja2.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from wrm_cli import __version__
from wrm_cli.befunde import Befund
from wrm_cli.berichte.beschriftung import befundzeilen, dateien_zusammengefasst, veraenderung
from wrm_cli.ergebnis import Auswertungsbericht
from wrm_cli.werte import datum_deutsch, zahl_de

_UMLAUTE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


@functools.cache
def umgebung() -> Environment:
    """Autoescape for every template whatever its name: each text from an input (Kommune,
    contact, file, Befund) is escaped, the charts' SVG included; nothing is marked safe."""
    env = Environment(
        loader=PackageLoader("wrm_cli.berichte", "html"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["zahl"] = zahl_de
    env.filters["datum"] = datum_deutsch
    env.filters["veraenderung"] = veraenderung
    env.globals["version"] = __version__
    return env


def seite(vorlage: str, **werte: Any) -> str:
    """One page from its template (``seitentitel`` and ``fuss`` for the layout)."""
    return umgebung().get_template(vorlage).render(**werte)


def anker(name: str) -> str:
    """ "Bad Laer" → "kommune-bad-laer", "Fürstenau" → "kommune-fuerstenau"."""
    text = unicodedata.normalize("NFC", name).casefold().translate(_UMLAUTE)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "kommune-" + (re.sub(r"[^0-9a-z]+", "-", text).strip("-") or "ohne-namen")


def anker_je_kommune(namen: Iterable[str]) -> dict[str, str]:
    """One distinct anchor per name: a second "Bad-Laer" next to "Bad Laer" gets "-2"."""
    vergeben: dict[str, str] = {}
    benutzt: set[str] = set()
    for name in namen:
        if name in vergeben:
            continue
        basis = kandidat = anker(name)
        nummer = 2
        while kandidat in benutzt:
            kandidat, nummer = f"{basis}-{nummer}", nummer + 1
        vergeben[name] = kandidat
        benutzt.add(kandidat)
    return vergeben


@dataclass(frozen=True)
class Tabelle:
    """A plain table for the templates: cells already as German text."""

    titel: str  # the caption
    kopf: Sequence[str]
    rechts: Sequence[bool]  # right-aligned (numbers), per column
    zeilen: Sequence[Sequence[str]]
    summen: Sequence[Sequence[str]] = ()  # bold rows after a line (Gesamt, Summe)
    # Per row of ``zeilen``: a CSS class per cell ("fehlt", "mehr") or "".
    marken: Sequence[Sequence[str]] = ()
    # The first column names the row (th scope="row").
    zeilenkopf: bool = True


def bilanzmarke(wert: int | None) -> str:
    """Shortage and surplus, marked as the text view marks them (colour and sign)."""
    return "" if wert is None or wert == 0 else "mehr" if wert < 0 else "fehlt"


@dataclass(frozen=True)
class Befundgruppe:
    titel: str  # the Kommune, or "ohne Kommune"
    anker: str | None  # its section on the page
    befunde: list[Befund] = field(default_factory=list)


def nach_kommune(
    befunde: Sequence[Befund], anker_: dict[str, str], verlinkt: bool = True
) -> list[Befundgruppe]:
    """The Befunde grouped by Kommune (in the order of ``anker_``), those of no Kommune
    (the district's, the files') first; each Kommune linked to its section when the page
    has them (``verlinkt``)."""
    gruppen: dict[str, list[Befund]] = {}
    ohne: list[Befund] = []
    for befund in befunde:
        if befund.kommune is None:
            ohne.append(befund)
        else:
            gruppen.setdefault(befund.kommune, []).append(befund)
    ergebnis = [Befundgruppe("Landkreis und Dateien", None, ohne)] if ohne else []
    for name in [*anker_, *sorted(k for k in gruppen if k not in anker_)]:
        if (liste := gruppen.get(name)) is not None:
            ergebnis.append(Befundgruppe(name, anker_.get(name) if verlinkt else None, liste))
    return ergebnis


def quelle_dateien(dateien: Sequence[Path]) -> str:
    """ "21 Dateien in beispiele/eingang" – where the figures come from."""
    if not dateien:
        return "keine Dateien"
    ordner = sorted({str(pfad.parent) for pfad in dateien})
    wort = "1 Datei" if len(dateien) == 1 else f"{zahl_de(len(dateien))} Dateien"
    if len(ordner) == 1:
        return f"{wort} in {ordner[0]}" if ordner[0] != "." else f"{wort} im aktuellen Ordner"
    mehr = " …" if len(ordner) > 3 else ""
    return f"{wort} in {len(ordner)} Ordnern ({', '.join(ordner[:3])}{mehr})"


def fusszeile(quelle: str, jetzt: dt.datetime | None = None) -> str:
    """ "Erstellt mit wrm 0.1.0 am 01.12.2026 um 15:50 Uhr · Daten: …" """
    zeit = jetzt or dt.datetime.now()
    return (
        f"Erstellt mit wrm {__version__} am {datum_deutsch(zeit.date())} um "
        f"{zeit:%H:%M} Uhr · Daten: {quelle}"
    )


def dateien_und_befunde(bericht: Auswertungsbericht) -> dict[str, Any]:
    """The end of the pages of ``wrm ausgleich`` and ``wrm prognose``: what became of the
    files, the Befunde by Kommune, the footer."""
    return {
        "dateien": dateien_zusammengefasst(bericht.dateien),
        "befundgruppen": nach_kommune(
            befundzeilen(bericht), anker_je_kommune(bericht.bezirk.kommunennamen), verlinkt=False
        ),
        "fuss": fusszeile(quelle_dateien(bericht.gelesene_dateien)),
    }
