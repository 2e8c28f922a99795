"""Markdown: plain characters only, so it pastes cleanly into e-mails and documents."""

from __future__ import annotations

from wrm_cli.berichte.beschriftung import (
    befundzeilen,
    dateien_zusammengefasst,
    gesamt_bezeichnung,
    gesamt_fussnote,
    kennzahltitel,
    spaltentitel,
    tabellenzeilen,
    titel,
    warnung,
)
from wrm_cli.ergebnis import BERICHTSSPALTEN, ZAHLSPALTEN, Auswertungsbericht
from wrm_cli.werte import zahl_de


def _zeile(zellen: list[str]) -> str:
    return "| " + " | ".join(zelle.replace("|", "/") for zelle in zellen) + " |"


def als_markdown(bericht: Auswertungsbericht) -> str:
    titelzeilen = spaltentitel(bericht.bezirk)
    spalten = BERICHTSSPALTEN
    achtung = warnung(bericht)
    zeilen = [f"**{achtung}**", ""] if achtung is not None else []
    zeilen += [f"## {titel(bericht)}", "", _zeile([titelzeilen[s] for s in spalten])]
    zeilen.append(
        "| " + " | ".join("---:" if spalte in ZAHLSPALTEN else "---" for spalte in spalten) + " |"
    )
    for daten in tabellenzeilen(bericht):
        zeilen.append(
            _zeile([zahl_de(daten[s]) if s in ZAHLSPALTEN else (daten[s] or "") for s in spalten])
        )
    gesamt = bericht.auswertung.gesamt
    summen = [f"**{zahl_de(gesamt[s])}**" for s in ZAHLSPALTEN]
    zeilen.append(_zeile([f"**{gesamt_bezeichnung(bericht)}**", *summen, ""]))
    zeilen += ["", gesamt_fussnote(bericht)]
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
        zeilen += [f"- {b.wort}: {b.text}" for b in befundzeilen(bericht)]
    return "\n".join(zeilen) + "\n"
