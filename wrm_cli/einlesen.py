"""One file → Meldungen with provenance (file, sheet, cell of every value).

Two formats: the filled template (``formular.py``, found by its defined names or
labels) and the table format read here: one sheet (xlsx, xlsm, xls, ods) or a CSV
file whose header row holds the field keys or German labels, one row per Kommune.
A reader never judges values; it only records what stands where.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from wrm_cli.arbeitsmappe import mappe_untersuchen
from wrm_cli.befunde import Befund, fehler, hinweis
from wrm_cli.fehler import EingabeFehler
from wrm_cli.felder import ALLE_SCHLUESSEL, FELD, KOMMUNE, STAND, bezeichnung, spalte_erkennen
from wrm_cli.formular import ist_formular, nach_bezeichnungen_lesen, nach_namen_lesen
from wrm_cli.meldung import Gelesen, Meldung, Zelle, adresse
from wrm_cli.werte import Roh, bereinigt, ist_leer

__all__ = ["Gelesen", "Meldung", "Zelle", "adresse", "datei_lesen", "tabelle_lesen"]

TABELLEN_ENDUNGEN = (".xlsx", ".xlsm", ".xls", ".ods")
CSV_ENDUNGEN = (".csv",)
# The header row must appear within the first rows; no honest table needs more.
KOPF_SUCHBEREICH = 30
MAX_ZEILEN = 100_000
# Rows that summarise the table rather than report a Kommune.
_SUMMENZEILEN = {"gesamt", "summe", "insgesamt", "landkreis gesamt"}


def datei_lesen(pfad: Path) -> Gelesen:
    """Read one file. Raises EingabeFehler when the file cannot be read at all."""
    endung = pfad.suffix.lower()
    if endung in CSV_ENDUNGEN:
        return tabelle_lesen(pfad, None, csv_zeilen(pfad))
    if endung in TABELLEN_ENDUNGEN:
        return arbeitsmappe_lesen(pfad)
    raise EingabeFehler(
        f"{pfad.name}: Dateityp „{pfad.suffix}“ wird nicht unterstützt – "
        "erwartet wird .xlsx, .xls, .ods oder .csv."
    )


def csv_zeilen(pfad: Path) -> list[list[Roh]]:
    """CSV with ';' or ',', UTF-8 (with or without BOM) or Windows-1252."""
    try:
        daten = pfad.read_bytes()
    except OSError as fehler_:
        raise EingabeFehler(
            f"{pfad.name}: Datei kann nicht geöffnet werden ({fehler_.strerror})."
        ) from None
    try:
        text = daten.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = daten.decode("cp1252", errors="replace")
    erste_zeile = text.split("\n", 1)[0]
    trenner = ";" if erste_zeile.count(";") >= erste_zeile.count(",") else ","
    return [list(zeile) for zeile in csv.reader(io.StringIO(text), delimiter=trenner)]


def arbeitsmappe_lesen(pfad: Path) -> Gelesen:
    """The one sheet of a workbook that holds the table."""
    from python_calamine import CalamineWorkbook, PasswordError

    try:
        calamine = CalamineWorkbook.from_path(str(pfad))
        blaetter = [
            (
                name,
                calamine.get_sheet_by_name(name).to_python(skip_empty_area=False, nrows=MAX_ZEILEN),
            )
            for name in calamine.sheet_names
        ]
    except PasswordError:
        raise EingabeFehler(
            f"{pfad.name}: Datei ist mit einem Kennwort geschützt – "
            "bitte ohne Kennwort erneut senden."
        ) from None
    except Exception:  # calamine raises many types for broken files; the user needs one answer
        raise EingabeFehler(
            f"{pfad.name}: Datei ist beschädigt oder keine Tabelle – "
            "bitte in Excel oder LibreOffice öffnen, als .xlsx speichern und erneut senden."
        ) from None
    mappe = mappe_untersuchen(pfad)
    if ist_formular(mappe.namen):
        return nach_namen_lesen(mappe, dict(blaetter))
    mit_kopf = [
        (name, zeilen) for name, zeilen in blaetter if _kopfzeile_finden(zeilen) is not None
    ]
    if not mit_kopf:
        formular = nach_bezeichnungen_lesen(mappe, dict(blaetter))
        return formular if formular is not None else Gelesen(pfad, befunde=[_kein_kopf(pfad)])
    if len(mit_kopf) > 1:
        namen = ", ".join(f"„{name}“" for name, _ in mit_kopf)
        return Gelesen(
            pfad,
            befunde=[
                fehler(
                    f"Mehrere Blätter enthalten eine Meldungstabelle ({namen}) – "
                    "bitte nur ein Blatt mit Zahlen senden.",
                    datei=pfad.name,
                )
            ],
        )
    name, zeilen = mit_kopf[0]
    return tabelle_lesen(pfad, name if len(blaetter) > 1 else None, zeilen)


def _kopfzeile_finden(zeilen: Sequence[Sequence[Roh]]) -> int | None:
    """The first row naming the Kommune column and at least three fields."""
    for nr, zeile in enumerate(zeilen[:KOPF_SUCHBEREICH]):
        erkannt = {spalte_erkennen(str(wert)) for wert in zeile if isinstance(wert, str)}
        if KOMMUNE in erkannt and len(erkannt & set(FELD)) >= 3:
            return nr
    return None


def _kein_kopf(pfad: Path) -> Befund:
    return fehler(
        "Weder das Meldeformular (wrm-Vorlage) noch eine Tabelle mit Kopfzeile gefunden – "
        "erwartet wird die ausgefüllte Vorlage oder eine Zeile mit „kommune“, "
        "„zuweisungen“, „ankuenfte“ … (oder den deutschen Bezeichnungen) und darunter "
        "eine Zeile je Kommune.",
        datei=pfad.name,
    )


def tabelle_lesen(pfad: Path, blatt: str | None, zeilen: Sequence[Sequence[Roh]]) -> Gelesen:
    """Rows of a table (header row, then one row per Kommune) → Meldungen."""
    ergebnis = Gelesen(pfad)
    kopf_nr = _kopfzeile_finden(zeilen)
    if kopf_nr is None:
        ergebnis.befunde.append(_kein_kopf(pfad))
        return ergebnis
    spalten = _spalten_zuordnen(pfad, kopf_nr, zeilen[kopf_nr], ergebnis.befunde)
    if any(befund.stufe == "fehler" for befund in ergebnis.befunde):
        return ergebnis
    for nr in range(kopf_nr + 1, len(zeilen)):
        zeile = zeilen[nr]
        if all(ist_leer(wert) for wert in zeile):
            continue
        werte = {
            key: Zelle(zeile[spalte] if spalte < len(zeile) else None, adresse(nr, spalte))
            for key, spalte in spalten.items()
        }
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
        ergebnis.meldungen.append(Meldung(pfad, blatt, werte, zeile=nr + 1))
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
