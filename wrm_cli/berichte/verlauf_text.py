"""``wrm verlauf`` as fixed-width text, Markdown and CSV: a title line (what, which
Stichtage, which archive), then the table of the chosen view."""

from __future__ import annotations

import csv
import io
import textwrap

from wrm_cli.berichte.csv_bericht import textzelle
from wrm_cli.berichte.verlauf_spalten import Spalte, leer_satz, tabelle, titel, zelle_de
from wrm_cli.verlaufsergebnis import Verlaufsbericht
from wrm_cli.werte import datum_deutsch

_ABSTAND = "  "


def _kopf(text: str, breite: int) -> list[str]:
    return textwrap.wrap(text, breite, break_long_words=False, break_on_hyphens=False) or [""]


def _textzeilen(spalten: list[Spalte], zellen: list[list[str]]) -> list[str]:
    """Headers wrapped at spaces and bottom-aligned, numbers right-aligned."""
    breiten = [
        max([len(z[nr]) for z in zellen] + [len(w) for w in spalte.titel.split()])
        for nr, spalte in enumerate(spalten)
    ]

    def zeile(texte: list[str]) -> str:
        teile = [
            text.rjust(b) if s.rechts else text.ljust(b)
            for text, b, s in zip(texte, breiten, spalten, strict=True)
        ]
        return _ABSTAND.join(teile).rstrip()

    koepfe = [_kopf(s.titel, b) for s, b in zip(spalten, breiten, strict=True)]
    hoehe = max(len(k) for k in koepfe)
    koepfe = [[""] * (hoehe - len(k)) + k for k in koepfe]
    ausgabe = [zeile([k[i] for k in koepfe]) for i in range(hoehe)]
    ausgabe.append(_ABSTAND.join("-" * b for b in breiten))
    ausgabe += [zeile(texte) for texte in zellen]
    return ausgabe


def _zellen(bericht: Verlaufsbericht) -> tuple[list[Spalte], list[list[str]]]:
    daten = tabelle(bericht)
    zellen = [
        [zelle_de(wert, spalte) for wert, spalte in zip(werte, daten.spalten, strict=True)]
        for werte in daten.zeilen
    ]
    return daten.spalten, zellen


def als_text(bericht: Verlaufsbericht) -> str:
    if bericht.leer:
        return leer_satz(bericht) + "\n"
    spalten, zellen = _zellen(bericht)
    return "\n".join([titel(bericht), "", *_textzeilen(spalten, zellen)]) + "\n"


def _md(zellen: list[str]) -> str:
    return "| " + " | ".join(zelle.replace("|", "/") for zelle in zellen) + " |"


def als_markdown(bericht: Verlaufsbericht) -> str:
    if bericht.leer:
        return leer_satz(bericht) + "\n"
    spalten, zellen = _zellen(bericht)
    zeilen = [f"## {titel(bericht)}", "", _md([s.titel for s in spalten])]
    zeilen.append(_md(["---:" if s.rechts else "---" for s in spalten]))
    zeilen += [_md(texte) for texte in zellen]
    return "\n".join(zeilen) + "\n"


def _csv_wert(wert: object, spalte: Spalte) -> object:
    """Numbers as plain numbers (a share in whole percent), dates German, text safe."""
    if wert is None:
        return ""
    if spalte.art == "datum":
        return datum_deutsch(wert)  # type: ignore[arg-type]
    if spalte.art == "anteil":
        return round(float(wert) * 100)  # type: ignore[arg-type]
    if spalte.art == "text":
        return textzelle(str(wert))
    return wert


def als_csv(bericht: Verlaufsbericht) -> str:
    """Semicolons, UTF-8 with BOM, CRLF, as the CSV of ``wrm auswerten``: the table, then
    after an empty line the title."""
    puffer = io.StringIO()
    schreiber = csv.writer(puffer, delimiter=";", lineterminator="\r\n")
    if bericht.leer:
        schreiber.writerow([leer_satz(bericht)])
        return "\ufeff" + puffer.getvalue()
    daten = tabelle(bericht)
    schreiber.writerow([s.kopf_mit_einheit for s in daten.spalten])
    for werte in daten.zeilen:
        schreiber.writerow(
            [_csv_wert(wert, spalte) for wert, spalte in zip(werte, daten.spalten, strict=True)]
        )
    schreiber.writerow([])
    schreiber.writerow([titel(bericht)])
    return "\ufeff" + puffer.getvalue()
