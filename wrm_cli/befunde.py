"""Befunde: what the checks found, as data. Errors exclude a Meldung; hints do not."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal, TypedDict

from wrm_cli.felder import bezeichnung

Stufe = Literal["fehler", "hinweis"]


class JsonBefund(TypedDict):
    """A Befund in the JSON contract (``befunde``, ``ignoriert``).

    Defined here rather than with the other rows in ``ergebnis`` (which re-exports it):
    ``ergebnis`` sits above this module, so this module may not import it.
    """

    stufe: Stufe
    datei: str | None
    zelle: str | None
    feld: str | None
    kommune: str | None
    meldung: str
    meldung_fuer_kommune: str | None
    text: str


@dataclass(frozen=True)
class Befund:
    stufe: Stufe
    meldung: str
    datei: str | None = None
    zelle: str | None = None
    feld: str | None = None
    kommune: str | None = None
    # The same for the Kommune's clerk (``wrm pruefen``) where it must read otherwise: "bitte
    # die aktuellen Zahlen eintragen" rather than the task force's "… Meldung anfordern".
    meldung_fuer_kommune: str | None = None
    # A hint that the figures are older than veraltet_nach_tagen: text reports gather
    # these into one line (not part of the JSON contract).
    veraltet: bool = False

    @property
    def wort(self) -> str:
        """ "Fehler" or "Hinweis", as every report labels a Befund."""
        return "Fehler" if self.stufe == "fehler" else "Hinweis"

    @property
    def text(self) -> str:
        """One line a clerk understands: file, cell, field, then what is wrong."""
        return self._mit_ort(self.datei)

    @property
    def kurztext(self) -> str:
        """The same without the file name, for a list that is already grouped by file."""
        return self._mit_ort(None)

    def fuer_kommune(self) -> Befund:
        """The Befund as ``wrm pruefen`` shows it to the Kommune."""
        if self.meldung_fuer_kommune is None:
            return self
        return dataclasses.replace(self, meldung=self.meldung_fuer_kommune)

    def _mit_ort(self, datei: str | None) -> str:
        ort = ", ".join(
            teil for teil in (datei, f"Zelle {self.zelle}" if self.zelle else None) if teil
        )
        if self.feld:
            ort = f"{ort} {bezeichnung(self.feld)}".strip()
        return f"{ort}: {self.meldung}" if ort else self.meldung

    def als_dict(self, fuer_kommune: bool = False) -> JsonBefund:
        """``text`` in the wording of the Kommune when ``fuer_kommune`` (``wrm pruefen``)."""
        return {
            "stufe": self.stufe,
            "datei": self.datei,
            "zelle": self.zelle,
            "feld": self.feld,
            "kommune": self.kommune,
            "meldung": self.meldung,
            "meldung_fuer_kommune": self.meldung_fuer_kommune,
            "text": (self.fuer_kommune() if fuer_kommune else self).text,
        }


def fehler(
    meldung: str,
    datei: str | None = None,
    zelle: str | None = None,
    feld: str | None = None,
    kommune: str | None = None,
    meldung_fuer_kommune: str | None = None,
) -> Befund:
    return Befund("fehler", meldung, datei, zelle, feld, kommune, meldung_fuer_kommune)


def hinweis(
    meldung: str,
    datei: str | None = None,
    zelle: str | None = None,
    feld: str | None = None,
    kommune: str | None = None,
    meldung_fuer_kommune: str | None = None,
) -> Befund:
    return Befund("hinweis", meldung, datei, zelle, feld, kommune, meldung_fuer_kommune)


def sortiert(befunde: list[Befund]) -> list[Befund]:
    """Errors first, then hints; otherwise in the order found."""
    return sorted(befunde, key=lambda befund: befund.stufe != "fehler")
