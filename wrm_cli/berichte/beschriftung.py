"""Column and summary labels and German number format, shared by every output."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wrm_cli.bezirk import Bezirk, datum_deutsch

if TYPE_CHECKING:
    from wrm_cli.ablauf import Auswertungsbericht


# The sheets of the Excel report; the readers recognise a report by them and pass it over.
BLATT_AUSWERTUNG = "Auswertung"
BLATT_UEBERSICHT = "Übersicht"
BLATT_MELDESTATUS = "Meldestatus"
BLATT_HINWEISE = "Hinweise"
BLATT_DIAGRAMM = "Diagramm"
BERICHT_BLAETTER = (BLATT_AUSWERTUNG, BLATT_UEBERSICHT, BLATT_MELDESTATUS, BLATT_HINWEISE)


def zahl_de(wert: int | None) -> str:
    """1327 → "1.327", -407 → "-407", blank → ""."""
    return "" if wert is None else f"{wert:,}".replace(",", ".")


def spaltentitel(bezirk: Bezirk) -> dict[str, str]:
    return {
        "kommune": "Kommune",
        "bisherige_zuweisungen": "bisherige Zuweisungen",
        "zu_erfuellen": bezirk.label_zu_erfuellen(),
        "verfuegbar_gu": "verfügbar GU",
        "verfuegbar_dezentral": "verfügbar dezentral",
        "in_aussicht_gu": "in Aussicht GU",
        "in_aussicht_dezentral": "in Aussicht dezentral",
        "summe": "Summe",
        "fehlender_wohnraum": "fehlender Wohnraum",
        "einschaetzung": "Einschätzung",
    }


def kennzahltitel(bezirk: Bezirk) -> dict[str, str]:
    return {
        "benoetigter_wohnraum": f"{bezirk.label_benoetigt()} (Personen)",
        "sofort_verfuegbar": "davon sofort verfügbar (Personen)",
        "in_aussicht": "in Aussicht stehender Wohnraum (Personen)",
        "gesamtverfuegbarkeit": "aktuelle Gesamtverfügbarkeit (Personen)",
        "fehlender_wohnraum": "fehlender Wohnraum (Personen)",
    }


def titel(bericht: Auswertungsbericht) -> str:
    return (
        f"Wohnraummanagement {bericht.bezirk.name} – Auswertung, "
        f"Stichtag {datum_deutsch(bericht.stichtag)}"
    )


def tabellenzeilen(bericht: Auswertungsbericht) -> list[dict[str, Any]]:
    """The report rows as plain Python values, in report order."""
    return bericht.auswertung.datensaetze()
