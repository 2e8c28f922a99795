"""All inputs of one run read: every Meldung numbered once, every file accounted for.

The ``Lauf`` owns the Meldungen. Later steps refer to a Meldung by its number (the
column ``MELDUNG_NR`` of their frames) and ask the Lauf for it, so no step needs the
list itself or its order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from wrm_cli.befunde import Befund
from wrm_cli.konfig import Grenzen
from wrm_cli.lesen.eingang import Eingang, sammeln
from wrm_cli.lesen.meldung import Meldung
from wrm_cli.lesen.parallel import Fortschritt, alle_lesen

# Column of every frame of Meldungen that points back to its Meldung in the Lauf.
MELDUNG_NR = "meldung_nr"


@dataclass(frozen=True)
class GeleseneDatei:
    """A file that could be read: the numbers of its Meldungen and its own Befunde."""

    pfad: Path
    meldungen: tuple[int, ...]
    befunde: tuple[Befund, ...]
    pruefsumme: str = ""  # SHA-256 of its bytes as they were read


@dataclass
class Lauf:
    eingang: Eingang
    dateien: list[GeleseneDatei] = field(default_factory=list)
    # Named inputs that do not exist and files that cannot be read at all, with why.
    unlesbar: list[tuple[Path, str]] = field(default_factory=list)
    _meldungen: list[Meldung] = field(default_factory=list)
    # The paths whose bare name is not unique in the run → how messages name them.
    _namen: dict[Path, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._namen = self.eingang.namen()

    def name(self, pfad: Path) -> str:
        """How every message names a file of the run: its bare name, or, when another
        file of the run has the same name, its path from the common input folder."""
        return self._namen.get(pfad, pfad.name)

    def meldung(self, nr: int) -> Meldung:
        return self._meldungen[nr]

    @property
    def meldungen(self) -> Sequence[Meldung]:
        """All Meldungen; the position of each is its number."""
        return self._meldungen

    def nummeriert(self) -> Iterator[tuple[int, Meldung]]:
        return enumerate(self._meldungen)

    def kopien(self, nummern: Iterable[int]) -> dict[int, int]:
        """Of these Meldungen, those that repeat an earlier one of another file (the same
        file in two week folders, say) → the number of the first."""
        erste: dict[tuple[object, ...], int] = {}
        kopie_von: dict[int, int] = {}
        for nr in nummern:
            original = erste.setdefault(self.meldung(nr).inhalt(), nr)
            if self.meldung(original).datei != self.meldung(nr).datei:
                kopie_von[nr] = original
        return kopie_von

    def datei_hinzufuegen(
        self,
        pfad: Path,
        meldungen: Sequence[Meldung],
        befunde: Sequence[Befund],
        pruefsumme: str = "",
    ) -> None:
        name = self.name(pfad)
        if name != pfad.name:
            # The readers name the file by its bare name; here it gets the one of the run.
            befunde = [replace(b, datei=name) if b.datei == pfad.name else b for b in befunde]
            for meldung in meldungen:
                meldung.dateiname = name
        anfang = len(self._meldungen)
        self._meldungen.extend(meldungen)
        nummern = tuple(range(anfang, len(self._meldungen)))
        self.dateien.append(GeleseneDatei(pfad, nummern, tuple(befunde), pruefsumme))


def einlesen(
    eingaben: Sequence[Path],
    grenzen: Grenzen,
    rekursiv: bool = False,
    fortschritt: Fortschritt | None = None,
) -> Lauf:
    """Collect the files of the inputs and read each of them once."""
    lauf = Lauf(sammeln(eingaben, rekursiv))
    lauf.unlesbar += [(pfad, lauf.eingang.fehlgrund(pfad)) for pfad in lauf.eingang.fehlend]
    for pfad, gelesen in alle_lesen(lauf.eingang.dateien, grenzen, fortschritt):
        if isinstance(gelesen, str):
            lauf.unlesbar.append((pfad, gelesen))
        else:
            lauf.datei_hinzufuegen(pfad, gelesen.meldungen, gelesen.befunde, gelesen.pruefsumme)
    return lauf
