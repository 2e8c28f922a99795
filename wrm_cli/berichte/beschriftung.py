"""Column and summary labels and German number format, shared by every output."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wrm_cli.bezirk import Bezirk
from wrm_cli.ergebnis import DATEISTATUS, Auswertungsbericht, Dateistand
from wrm_cli.werte import datum_deutsch


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


def dateien_zusammengefasst(bilanz: Sequence[Dateistand]) -> str:
    """ "24 Dateien: 21 verwendet, 1 ersetzt, 1 übergangen, 1 unlesbar." """
    anzahl = {status: sum(d.status == status for d in bilanz) for status in DATEISTATUS}
    teile = [f"{zahl} {status}" for status, zahl in anzahl.items() if zahl]
    gesamt = len(bilanz)
    wort = "Datei" if gesamt == 1 else "Dateien"
    return f"{gesamt} {wort}: {', '.join(teile)}." if teile else "Keine Dateien."
