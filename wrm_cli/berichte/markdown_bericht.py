"""Markdown: plain characters only, so it pastes cleanly into e-mails and documents."""

from __future__ import annotations

from wrm_cli.berichte.beschriftung import (
    dateien_zusammengefasst,
    kennzahltitel,
    spaltentitel,
    tabellenzeilen,
    titel,
)
from wrm_cli.ergebnis import BERICHTSSPALTEN, ZAHLSPALTEN, Auswertungsbericht
from wrm_cli.werte import zahl_de


def _zeile(zellen: list[str]) -> str:
    return "| " + " | ".join(zelle.replace("|", "/") for zelle in zellen) + " |"


def als_markdown(bericht: Auswertungsbericht) -> str:
    titelzeilen = spaltentitel(bericht.bezirk)
    spalten = BERICHTSSPALTEN
    zeilen = [f"## {titel(bericht)}", "", _zeile([titelzeilen[s] for s in spalten])]
    zeilen.append(
        "| " + " | ".join("---:" if spalte in ZAHLSPALTEN else "---" for spalte in spalten) + " |"
    )
    for daten in tabellenzeilen(bericht):
        zeilen.append(
            _zeile([zahl_de(daten[s]) if s in ZAHLSPALTEN else (daten[s] or "") for s in spalten])
        )
    gesamt = bericht.auswertung.gesamt
    zeilen.append(_zeile(["**Gesamt**", *(f"**{zahl_de(gesamt[s])}**" for s in ZAHLSPALTEN), ""]))
    zeilen += ["", "| Kennzahl | Personen |", "| --- | ---: |"]
    for key, text in kennzahltitel(bericht.bezirk).items():
        zeilen.append(
            _zeile([text.removesuffix(" (Personen)"), zahl_de(bericht.auswertung.kennzahlen[key])])
        )
    if bericht.fehlende_kommunen:
        zeilen += ["", "Ohne gültige Meldung: " + ", ".join(bericht.fehlende_kommunen) + "."]
    zeilen += ["", dateien_zusammengefasst(bericht.dateien)]
    if bericht.befunde:
        zeilen += ["", "### Hinweise und Fehler", ""]
        zeilen += [f"- {b.wort}: {b.text}" for b in bericht.befunde]
    return "\n".join(zeilen) + "\n"
