"""The table format: a header row naming the fields (keys or German labels), then one
row per Kommune – from a sheet or a CSV file. Like every reader, it only records what
stands where.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from wrm_cli.befunde import Befund, fehler, hinweis
from wrm_cli.felder import ALLE_SCHLUESSEL, FELD, KOMMUNE, STAND, bezeichnung, spalte_erkennen
from wrm_cli.lesen.arbeitsmappe import Blatt
from wrm_cli.lesen.meldung import Gelesen, Meldung, Zelle, adresse
from wrm_cli.werte import Roh, bereinigt, ist_leer

# The header row must appear within the first rows; no honest table needs more.
KOPF_SUCHBEREICH = 30
# Rows that summarise the table rather than report a Kommune.
_SUMMENZEILEN = {"gesamt", "summe", "insgesamt", "landkreis gesamt"}


def csv_zeilen(daten: bytes) -> list[list[Roh]]:
    """CSV with ';', ',' or tabs; UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode
    text") or Windows-1252."""
    if daten.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = daten.decode("utf-16", errors="replace")
    else:
        try:
            text = daten.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = daten.decode("cp1252", errors="replace")
    erste_zeile = text.split("\n", 1)[0]
    trenner = max(";,\t", key=erste_zeile.count)
    return [list(zeile) for zeile in csv.reader(io.StringIO(text, newline=""), delimiter=trenner)]


def kopfzeile_finden(zeilen: Sequence[Sequence[Roh]]) -> int | None:
    """The first row naming the Kommune column and at least three fields."""
    for nr, zeile in enumerate(zeilen[:KOPF_SUCHBEREICH]):
        erkannt = {spalte_erkennen(str(wert)) for wert in zeile if isinstance(wert, str)}
        if KOMMUNE in erkannt and len(erkannt & set(FELD)) >= 3:
            return nr
    return None


def kein_kopf(pfad: Path) -> Befund:
    return fehler(
        "Weder das Meldeformular (wrm-Vorlage) noch eine Tabelle mit Kopfzeile gefunden – "
        "erwartet wird die ausgefüllte Vorlage oder eine Zeile mit „kommune“, "
        "„zuweisungen“, „ankuenfte“ … (oder den deutschen Bezeichnungen) und darunter "
        "eine Zeile je Kommune.",
        datei=pfad.name,
    )


def tabelle_lesen(pfad: Path, blatt: Blatt, blattname: str | None) -> Gelesen:
    """Rows of a table (header row, then one row per Kommune) → Meldungen.

    ``blattname`` is recorded with each Meldung when the workbook has several sheets."""
    ergebnis = Gelesen(pfad)
    zeilen = blatt.zeilen
    kopf_nr = kopfzeile_finden(zeilen)
    if kopf_nr is None:
        ergebnis.befunde.append(kein_kopf(pfad))
        return ergebnis
    spalten = _spalten_zuordnen(pfad, kopf_nr, zeilen[kopf_nr], ergebnis.befunde)
    if any(befund.stufe == "fehler" for befund in ergebnis.befunde):
        return ergebnis
    for nr in range(kopf_nr + 1, len(zeilen)):
        werte = {
            key: Zelle(blatt.wert(nr, spalte), adresse(nr, spalte))
            for key, spalte in spalten.items()
        }
        if all(ist_leer(wert) for wert in zeilen[nr]) and all(
            ist_leer(zelle.wert) for zelle in werte.values()
        ):
            continue
        name = werte[KOMMUNE].wert
        if isinstance(name, str) and bereinigt(name).casefold() in _SUMMENZEILEN:
            ergebnis.befunde.append(
                hinweis(
                    f"Zeile {nr + 1} „{bereinigt(name)}“ ist eine Summenzeile und wird übergangen "
                    "– wrm bildet die Summen selbst.",
                    datei=pfad.name,
                    zelle=werte[KOMMUNE].adresse,
                )
            )
            continue
        ergebnis.meldungen.append(
            Meldung(pfad, blattname, werte, zeile=nr + 1, datum_1904=blatt.datum_1904)
        )
    if not ergebnis.meldungen:
        ergebnis.befunde.append(
            fehler(
                "Die Tabelle enthält unter der Kopfzeile keine Zeile mit Zahlen.", datei=pfad.name
            )
        )
    return ergebnis


def _spalten_zuordnen(
    pfad: Path, kopf_nr: int, kopf: Sequence[Roh], befunde: list[Befund]
) -> dict[str, int]:
    spalten: dict[str, int] = {}
    for spalte, wert in enumerate(kopf):
        if ist_leer(wert):
            continue
        key = spalte_erkennen(str(wert))
        ort = adresse(kopf_nr, spalte)
        if key is None:
            befunde.append(
                hinweis(
                    f"Spalte „{bereinigt(str(wert))}“ ist kein Feld der Meldung "
                    "und wird ignoriert.",
                    datei=pfad.name,
                    zelle=ort,
                )
            )
        elif key in spalten:
            befunde.append(
                fehler(
                    f"Die Spalte für {bezeichnung(key)} steht doppelt (auch in "
                    f"{adresse(kopf_nr, spalten[key])}) – bitte eine davon löschen.",
                    datei=pfad.name,
                    zelle=ort,
                )
            )
        else:
            spalten[key] = spalte
    for key in ALLE_SCHLUESSEL:
        if key in spalten or key == STAND:
            continue
        befunde.append(
            fehler(
                f"Die Spalte für {bezeichnung(key)} fehlt – bitte eine Spalte „{key}“ ergänzen "
                "(leere Zellen sind erlaubt).",
                datei=pfad.name,
            )
        )
    if STAND not in spalten:
        befunde.append(
            hinweis(
                "Die Tabelle hat keine Spalte „stand“ – das Datum der Zahlen ist unbekannt.",
                datei=pfad.name,
            )
        )
    return spalten
