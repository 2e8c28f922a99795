"""The JSON contract: stable, for other tools to read (documented in the README)."""

from __future__ import annotations

import json
from typing import Any

from wrm_cli.berichte.beschriftung import tabellenzeilen
from wrm_cli.ergebnis import Auswertungsbericht


def json_zeile(zeile: dict[str, Any]) -> dict[str, Any]:
    """A row of the Auswertung with its Stand as an ISO date (or null)."""
    return {**zeile, "stand": zeile["stand"].isoformat() if zeile["stand"] else None}


def als_dict(bericht: Auswertungsbericht) -> dict[str, Any]:
    return {
        "stichtag": bericht.stichtag.isoformat(),
        "bezirk": bericht.bezirk.name,
        "zeilen": [json_zeile(zeile) for zeile in tabellenzeilen(bericht)],
        "gesamt": dict(bericht.auswertung.gesamt),
        "kennzahlen": dict(bericht.auswertung.kennzahlen),
        "fehlende_kommunen": list(bericht.fehlende_kommunen),
        "befunde": [befund.als_dict() for befund in bericht.befunde],
        "dateien": [
            {
                "datei": datei.datei,
                "status": datei.status,
                "kommunen": list(datei.kommunen),
                "grund": datei.grund or None,
            }
            for datei in bericht.dateien
        ],
    }


def als_json(bericht: Auswertungsbericht) -> str:
    return json.dumps(als_dict(bericht), ensure_ascii=False, indent=2) + "\n"
