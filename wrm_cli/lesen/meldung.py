"""What a reader produces: Meldungen whose every value knows the cell it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from wrm_cli.befunde import Befund
from wrm_cli.werte import Roh


@dataclass(frozen=True)
class Zelle:
    wert: Roh
    adresse: str


@dataclass
class Meldung:
    """What one Kommune reported, exactly as it stands in the file."""

    datei: Path
    blatt: str | None
    werte: dict[str, Zelle]
    # The row of a table, for messages like "Zeile 7".
    zeile: int | None = None
    # Read from the template form (which asks for a Stand) rather than a table row.
    formular: bool = False
    # Serial numbers in date cells count from 1904 (a workbook setting).
    datum_1904: bool = False
    # The district a template's version stamp names, as the lines of a wrm.toml exactly as
    # they stand (stempel.einstellungen_aus_stempel judges them); None without one (a table,
    # a template of version 1).
    vorlagenbezirk: tuple[str, ...] | None = None
    # How messages name the file when its bare name is not unique in the run (set by the
    # Lauf): its path from the common input folder, e.g. "kw10/Meldung_Artland.xlsx".
    dateiname: str | None = None

    @property
    def quelle(self) -> str:
        """The file (and sheet) as every message names it."""
        name = self.dateiname or self.datei.name
        return f"{name} [{self.blatt}]" if self.blatt else name

    def inhalt(self) -> tuple[object, ...]:
        """What makes two Meldungen the same one: place and every value, not the file."""
        werte = sorted((key, z.adresse, repr(z.wert)) for key, z in self.werte.items())
        return (self.blatt, self.zeile, self.formular, self.datum_1904, tuple(werte))

    def zelle(self, key: str) -> str | None:
        zelle = self.werte.get(key)
        return zelle.adresse if zelle else None

    def roh(self, key: str) -> Roh:
        zelle = self.werte.get(key)
        return zelle.wert if zelle else None


@dataclass
class Gelesen:
    datei: Path
    meldungen: list[Meldung] = field(default_factory=list)
    befunde: list[Befund] = field(default_factory=list)
    pruefsumme: str = ""  # SHA-256 of the file's bytes as read (lesen/dateiart.py)


def spaltenbuchstaben(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    buchstaben = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        buchstaben = chr(65 + rest) + buchstaben
    return buchstaben


def adresse(zeile: int, spalte: int) -> str:
    """0-based row and column → "D7"."""
    return f"{spaltenbuchstaben(spalte)}{zeile + 1}"
