"""The district: its Kommunen and their aliases, the quota period, and name matching.

How a district is configured (``wrm.toml``) is the konfig package's business; this is
the model.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from wrm_cli.werte import datum_deutsch

_KUERZESTER_NAME_IM_DATEINAMEN = 4
_UMLAUTE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
# DIN 5007-1 ("dictionary order"): ä sorts as a, ß as ss.
_DIN_5007: dict[str, str | int | None] = {"ä": "a", "ö": "o", "ü": "u", "ß": "ss"}
_SORTIERUNG = str.maketrans(_DIN_5007)


@functools.lru_cache(maxsize=2**16)  # every name is looked up several times per run
def namensschluessel(name: str) -> str:
    """Compare names as people mean them: "SG  fuerstenau" ~ "SG Fürstenau" (NFC/NFD alike)."""
    text = unicodedata.normalize("NFC", name).casefold().translate(_UMLAUTE)
    return re.sub(r"[^0-9a-z]", "", text)


def sortierschluessel(name: str) -> str:
    """German dictionary order (DIN 5007-1: ä sorts as a), independent of the locale."""
    text = unicodedata.normalize("NFC", name).casefold()
    return text.translate(_SORTIERUNG)


@dataclass(frozen=True)
class Kommune:
    name: str
    aliase: tuple[str, ...] = ()
    # Where it is (WGS 84, degrees), for the distances of ``wrm ausgleich``.
    breite: float | None = None
    laenge: float | None = None
    einwohner: int | None = None
    # Its fixed share of the district's assignments in percent (Verteilschlüssel "fest").
    anteil: float | None = None
    # Places of Land facilities it hosts, by [[anrechnung]] art: (("landeseinrichtung", 600),)
    plaetze: tuple[tuple[str, int], ...] = ()
    # Where ``wrm erinnern`` writes when no Meldung names an address (adressen.py checked).
    email: str | None = None

    @property
    def koordinaten(self) -> tuple[float, float] | None:
        if self.breite is None or self.laenge is None:
            return None
        return self.breite, self.laenge


@dataclass(frozen=True)
class Bezirk:
    name: str
    kommunen: tuple[Kommune, ...]
    quote_beginn: dt.date | None = None
    quote_ende: dt.date | None = None
    _namen: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    # The lengths of the name keys looked for in file names (few, however many Kommunen).
    _laengen: set[int] = field(default_factory=set, repr=False, compare=False)

    def __post_init__(self) -> None:
        for kommune in self.kommunen:
            for name in (kommune.name, *kommune.aliase):
                schluessel = namensschluessel(name)
                bisher = self._namen.get(schluessel)
                if bisher is not None and bisher != kommune.name:  # konfig says it in German
                    raise ValueError(f"{name!r} names both {bisher!r} and {kommune.name!r}")
                self._namen[schluessel] = kommune.name
        # Very short aliases would match by chance inside other words.
        self._laengen.update(
            len(s) for s in self._namen if len(s) >= _KUERZESTER_NAME_IM_DATEINAMEN
        )

    @property
    def kommunennamen(self) -> tuple[str, ...]:
        return tuple(kommune.name for kommune in self.kommunen)

    @functools.cached_property
    def _je_name(self) -> dict[str, Kommune]:
        return {kommune.name: kommune for kommune in self.kommunen}

    def kommune(self, name: str) -> Kommune:
        """The Kommune of this official name (a KeyError for any other text)."""
        return self._je_name[name]

    @property
    def hat_koordinaten(self) -> bool:
        """Every Kommune has its coordinates: distances between all of them are known."""
        return all(kommune.koordinaten is not None for kommune in self.kommunen)

    def kommune_finden(self, eingabe: str) -> str | None:
        """The official name for what a user typed, or None if it is not a Kommune here."""
        return self._namen.get(namensschluessel(eingabe))

    def kommune_im_dateinamen(self, dateiname: str) -> str | None:
        """The one Kommune a file name mentions ("Meldung_Bad-Iburg_März.xlsx"), else None."""
        text = namensschluessel(Path(dateiname).stem)
        # Every piece of the name as long as some key is looked up, rather than every key
        # searched in the name: a Land collecting 11,000 files from 11,000 Kommunen would
        # otherwise pay 121 million searches.
        gefunden = {
            stueck
            for laenge in self._laengen
            for stelle in range(len(text) - laenge + 1)
            if (stueck := text[stelle : stelle + laenge]) in self._namen
        }
        # "badiburg" contains "iburg": a name inside a longer match does not count.
        eigenstaendig = {
            self._namen[s] for s in gefunden if not any(s != t and s in t for t in gefunden)
        }
        return eigenstaendig.pop() if len(eigenstaendig) == 1 else None

    def vorschlag(self, eingabe: str) -> str | None:
        """The Kommune a misspelt name most likely means."""
        treffer = difflib.get_close_matches(
            namensschluessel(eingabe), list(self._namen), n=1, cutoff=0.75
        )
        return self._namen[treffer[0]] if treffer else None

    # Labels that carry the quota period, e.g. "noch zu erfüllende Quote seit 04.12.2015".
    def label_zu_erfuellen(self) -> str:
        seit = f" seit {datum_deutsch(self.quote_beginn)}" if self.quote_beginn else ""
        return f"noch zu erfüllende Quote{seit}"

    def label_benoetigt(self) -> str:
        bis = f" bis {datum_deutsch(self.quote_ende)}" if self.quote_ende else ""
        return f"benötigter Wohnraum{bis}"
