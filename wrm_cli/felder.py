"""The field catalogue: the one place where a reported field is defined.

Template, readers, schema, checks and reports all derive from ``FELDER``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

Art = Literal["anzahl", "ganzzahl", "auswahl"]


@dataclass(frozen=True)
class Feld:
    nr: int
    key: str
    label: str
    bedeutung: str
    art: Art
    # Smallest allowed value for numeric fields; None means unbounded.
    minimum: int | None = 0
    auswahl: tuple[str, ...] = ()

    @property
    def bezeichnung(self) -> str:
        """How a clerk sees the field: ``(8) verfügbar in Gemeinschaftsunterkünften``."""
        return f"({self.nr}) {self.label}"

    @property
    def ist_zahl(self) -> bool:
        return self.art in ("anzahl", "ganzzahl")


FELDER: tuple[Feld, ...] = (
    Feld(
        1,
        "zuweisungen",
        "vom Land ausgesprochene Zuweisungen",
        "Personen, die der Kommune per Zuweisungsbescheid des Landes zugewiesen wurden",
        "anzahl",
    ),
    Feld(
        2,
        "ankuenfte",
        "davon Ankünfte vor Ort",
        "von (1) die Personen, die tatsächlich angekommen sind",
        "anzahl",
    ),
    Feld(
        3,
        "keine_anrechnung",
        "keine Quotenanrechnung",
        "untergebrachte Personen, die nicht auf die Quote angerechnet werden",
        "anzahl",
    ),
    Feld(
        4,
        "moegliche_anrechnung",
        "mögliche Quotenanrechnung",
        "Personen, die voraussichtlich später angerechnet werden (z. B. hier geborene Kinder)",
        "anzahl",
    ),
    Feld(
        5,
        "zu_erfuellen",
        "zu erfüllen (noch zu erfüllende Quote)",
        "im laufenden Quotenzeitraum noch zu erfüllende Quote; negativ heißt: Quote übererfüllt",
        "ganzzahl",
        minimum=None,
    ),
    Feld(
        6,
        "untergebracht_gu",
        "in Gemeinschaftsunterkünften",
        "derzeit in Gemeinschaftsunterkünften untergebrachte Personen",
        "anzahl",
    ),
    Feld(
        7,
        "untergebracht_dezentral",
        "dezentral untergebracht",
        "derzeit in Wohnungen untergebrachte Personen",
        "anzahl",
    ),
    Feld(
        8,
        "verfuegbar_gu",
        "verfügbar in Gemeinschaftsunterkünften",
        "sofort freie Plätze in Gemeinschaftsunterkünften",
        "anzahl",
    ),
    Feld(
        9,
        "verfuegbar_dezentral",
        "verfügbar dezentral",
        "sofort freie Plätze in Wohnungen",
        "anzahl",
    ),
    Feld(
        10,
        "in_aussicht_gu",
        "in Aussicht, Gemeinschaftsunterkünfte",
        "Plätze in Gemeinschaftsunterkünften, die in Aussicht stehen",
        "anzahl",
    ),
    Feld(
        11,
        "in_aussicht_dezentral",
        "in Aussicht, dezentral",
        "Plätze in Wohnungen, die in Aussicht stehen",
        "anzahl",
    ),
    Feld(
        12,
        "einschaetzung",
        "Einschätzung der Lage",
        "eigene Einschätzung der Kommune: ausreichend oder kritisch",
        "auswahl",
        minimum=None,
        auswahl=("ausreichend", "kritisch"),
    ),
)

FELD: dict[str, Feld] = {feld.key: feld for feld in FELDER}
ZAHLFELDER: tuple[str, ...] = tuple(feld.key for feld in FELDER if feld.ist_zahl)
# (8)–(11): the capacity fields; all four blank means "no housing data reported".
KAPAZITAETSFELDER: tuple[str, ...] = (
    "verfuegbar_gu",
    "verfuegbar_dezentral",
    "in_aussicht_gu",
    "in_aussicht_dezentral",
)

# Fields outside the numbered twelve that every Meldung carries.
KOMMUNE = "kommune"
STAND = "stand"
META_LABELS: dict[str, str] = {KOMMUNE: "Kommune", STAND: "Stand"}
ALLE_SCHLUESSEL: tuple[str, ...] = (KOMMUNE, STAND, *FELD)
# Contact details: asked for in the template's header, not part of the twelve fields.
KONTAKT_LABELS: dict[str, str] = {
    "ansprechpartner": "Ansprechpartner",
    "telefon": "Telefon",
    "email": "E-Mail",
}
# The template's header block, top to bottom.
KOPF_SCHLUESSEL: tuple[str, ...] = (KOMMUNE, STAND, *KONTAKT_LABELS)


class Pruefung(StrEnum):
    """The name of every check of a Meldung, as pandera reports it in ``failure_cases``.

    The schema names its checks with these; the German texts are looked up by them.
    """

    # The Kommune is one of the district's official names.
    KOMMUNE_BEKANNT = "kommune_bekannt"
    # The Stand is a date.
    DATUM = "datum"
    # The Stand is not after the Stichtag.
    NICHT_IN_ZUKUNFT = "nicht_in_zukunft"
    # A number field holds a whole number (text and fractions fail here).
    GANZE_ZAHL = "ganze_zahl"
    # A whole number is not beyond what the Int64 columns hold exactly.
    ZU_GROSS = "zu_gross"
    # A count is not below its minimum (0).
    NICHT_NEGATIV = "nicht_negativ"
    # A choice field holds one of its allowed answers.
    AUSWAHL = "auswahl"
    # Named by pandera: a column with ``nullable=False`` has an empty cell.
    PFLICHTFELD = "not_nullable"
    # Named by pandera: the schema's ``unique=[…]`` key appears more than once.
    EINDEUTIG = "multiple_fields_uniqueness"


def bezeichnung(key: str) -> str:
    """German name of any key, numbered where the field has a number."""
    if key in FELD:
        return FELD[key].bezeichnung
    return META_LABELS.get(key, key)


def _kopf_schluessel(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    text = re.sub(r"^\(?\d+\)\s*", "", text.strip())  # "(8) verfügbar …" → "verfügbar …"
    return re.sub(r"\s+", " ", text).strip()


def _kopf_verzeichnis() -> dict[str, str]:
    namen: dict[str, str] = {}
    for key in ALLE_SCHLUESSEL:
        namen[_kopf_schluessel(key)] = key
        namen[_kopf_schluessel(bezeichnung(key))] = key
    for feld in FELDER:
        namen[_kopf_schluessel(feld.label)] = feld.key
    return namen


_KOPF = _kopf_verzeichnis()


def spalte_erkennen(ueberschrift: str) -> str | None:
    """Map a header cell (key or German label, with or without number) to its key."""
    return _KOPF.get(_kopf_schluessel(ueberschrift))
