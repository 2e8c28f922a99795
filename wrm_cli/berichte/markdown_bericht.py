"""Markdown: plain characters only, so it pastes cleanly into e-mails and documents."""

from __future__ import annotations

from typing import Any

from wrm_cli.berichte.beschriftung import (
    VERGLEICH_SPALTE,
    befundzeilen,
    dateien_zusammengefasst,
    gesamt_bezeichnung,
    gesamt_fussnote,
    kennzahltitel,
    ohne_meldung,
    spaltentitel,
    tabellenzeilen,
    titel,
    veraenderung,
    vergleich_kommunen,
    vergleich_zeile,
    warnung,
)
from wrm_cli.ergebnis import BERICHTSSPALTEN, ZAHLSPALTEN, Auswertungsbericht
from wrm_cli.werte import zahl_de

_VERAENDERUNG = "veraenderung"  # the key of the change column


def _zeile(zellen: list[str]) -> str:
    return "| " + " | ".join(zelle.replace("|", "/") for zelle in zellen) + " |"


def als_markdown(bericht: Auswertungsbericht) -> str:
    titelzeilen = spaltentitel(bericht.bezirk)
    spalten: list[str] = list(BERICHTSSPALTEN)
    vergleich = bericht.vergleich
    if vergleich is not None:  # the change column right of "fehlender Wohnraum"
        spalten.insert(spalten.index("fehlender_wohnraum") + 1, _VERAENDERUNG)
        titelzeilen[_VERAENDERUNG] = VERGLEICH_SPALTE
    rechts = {*ZAHLSPALTEN, _VERAENDERUNG}
    achtung = warnung(bericht)
    zeilen = [f"**{achtung}**", ""] if achtung is not None else []
    zeilen += [f"## {titel(bericht)}", "", _zeile([titelzeilen[s] for s in spalten])]
    zeilen.append("| " + " | ".join("---:" if s in rechts else "---" for s in spalten) + " |")

    def zelle(daten: dict[str, Any], spalte: str) -> str:
        if spalte == _VERAENDERUNG:
            assert vergleich is not None
            return veraenderung(vergleich.zeilen[daten["kommune"]]["fehlender_wohnraum"])
        return zahl_de(daten[spalte]) if spalte in ZAHLSPALTEN else (daten[spalte] or "")

    for daten in tabellenzeilen(bericht):
        zeilen.append(_zeile([zelle(daten, s) for s in spalten]))
    gesamt = bericht.auswertung.gesamt
    summen = [f"**{zahl_de(gesamt[s])}**" for s in ZAHLSPALTEN]
    if vergleich is not None:
        aenderung = veraenderung(vergleich.gesamt["fehlender_wohnraum"])
        summen.insert(ZAHLSPALTEN.index("fehlender_wohnraum") + 1, f"**{aenderung}**")
    zeilen.append(_zeile([f"**{gesamt_bezeichnung(bericht)}**", *summen, ""]))
    zeilen += ["", gesamt_fussnote(bericht)]
    zeilen += ["", "| Kennzahl | Personen |", "| --- | ---: |"]
    for key, text in kennzahltitel(bericht.bezirk).items():
        zeilen.append(
            _zeile([text.removesuffix(" (Personen)"), zahl_de(bericht.auswertung.kennzahlen[key])])
        )
    if (summe := vergleich_zeile(bericht)) is not None:
        zeilen += ["", summe]
        if (anders := vergleich_kommunen(bericht)) is not None:
            zeilen += ["", anders]
    if bericht.fehlende_kommunen:
        zeilen += ["", ohne_meldung(bericht.fehlende_kommunen)]
    zeilen += ["", dateien_zusammengefasst(bericht.dateien)]
    if bericht.befunde:
        zeilen += ["", "### Hinweise und Fehler", ""]
        zeilen += [f"- {b.wort}: {b.text}" for b in befundzeilen(bericht)]
    return "\n".join(zeilen) + "\n"
