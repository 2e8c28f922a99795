"""One file → Meldungen with provenance (file, sheet, cell of every value).

Two formats: the filled template (``formular.py``, found by its defined names or
labels) and the table format read here: one sheet (xlsx, xlsm, xls, ods) or a CSV
file whose header row holds the field keys or German labels, one row per Kommune.
A reader never judges values; it only records what stands where.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path

from wrm_cli.befunde import Befund, fehler, hinweis
from wrm_cli.blaetter import BERICHT_BLAETTER
from wrm_cli.fehler import EingabeFehler
from wrm_cli.felder import ALLE_SCHLUESSEL, FELD, KOMMUNE, STAND, bezeichnung, spalte_erkennen
from wrm_cli.konfig import Grenzen
from wrm_cli.lesen import mappe_ods, mappe_xls, mappe_xlsx
from wrm_cli.lesen.arbeitsmappe import Blatt, Mappe, calamine_bereiche
from wrm_cli.lesen.dateiart import BESCHAEDIGT, KENNWORT, Datei, datei_oeffnen, endungshinweis
from wrm_cli.lesen.formular import ist_formular, nach_bezeichnungen_lesen, nach_namen_lesen
from wrm_cli.lesen.grenzen import bereich_pruefen
from wrm_cli.lesen.meldung import Gelesen, Meldung, Zelle, adresse
from wrm_cli.werte import Roh, bereinigt, ist_leer

__all__ = [
    "Gelesen",
    "Meldung",
    "Zelle",
    "adresse",
    "inhalt_lesen",
    "tabelle_lesen",
]

# The header row must appear within the first rows; no honest table needs more.
KOPF_SUCHBEREICH = 30
# Rows that summarise the table rather than report a Kommune.
_SUMMENZEILEN = {"gesamt", "summe", "insgesamt", "landkreis gesamt"}
_UNTERSUCHEN: dict[str, Callable[[Datei], Mappe]] = {
    "xlsx": mappe_xlsx.untersuchen,
    "ods": mappe_ods.untersuchen,
    "xls": mappe_xls.untersuchen,
}


def inhalt_lesen(pfad: Path, grenzen: Grenzen | None = None) -> Gelesen:
    """Read one file, whatever its name says. Raises EingabeFehler when the file cannot be
    read at all; it only says why, without the file name: the report lists the file beside
    it."""
    grenzen = grenzen or Grenzen()
    datei = datei_oeffnen(pfad, grenzen)
    if datei.art == "csv":
        gelesen = tabelle_lesen(pfad, Blatt("", csv_zeilen(datei.daten)), None)
    else:
        gelesen = arbeitsmappe_lesen(datei, grenzen)
    endung = endungshinweis(datei)
    if endung is not None:
        gelesen.befunde.insert(0, endung)
    return gelesen


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


def arbeitsmappe_lesen(datei: Datei, grenzen: Grenzen) -> Gelesen:
    """The template or the one sheet of a workbook that holds the table."""
    pfad = datei.pfad
    mappe = _UNTERSUCHEN[datei.art](datei)
    for name, bild in mappe.blaetter.items():
        bereich_pruefen(name, bild.zeilen, bild.spalten, grenzen)
    blaetter = _blaetter_lesen(datei, mappe)
    if all(name in blaetter for name in BERICHT_BLAETTER):
        return Gelesen(
            pfad,
            befunde=[
                hinweis(
                    "Die Datei ist ein Bericht von wrm, keine Meldung – wird übergangen.",
                    datei=pfad.name,
                )
            ],
        )
    if ist_formular(mappe.namen):
        return nach_namen_lesen(mappe, blaetter)
    mit_kopf = [blatt for blatt in blaetter.values() if _kopfzeile_finden(blatt.zeilen) is not None]
    if not mit_kopf:
        formular = nach_bezeichnungen_lesen(mappe, blaetter)
        return formular if formular is not None else Gelesen(pfad, befunde=[_kein_kopf(pfad)])
    if len(mit_kopf) > 1:
        namen = ", ".join(f"„{blatt.name}“" for blatt in mit_kopf)
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
    blatt = mit_kopf[0]
    if len(blaetter) == 1:
        return tabelle_lesen(pfad, blatt, None)
    gelesen = tabelle_lesen(pfad, blatt, blatt.name)
    gelesen.befunde.insert(
        0, hinweis(f"Die Tabelle wurde aus dem Blatt „{blatt.name}“ gelesen.", datei=pfad.name)
    )
    return gelesen


def _blaetter_lesen(datei: Datei, mappe: Mappe) -> dict[str, Blatt]:
    """Every worksheet's values through calamine – only sheets measured within the limits."""
    from python_calamine import (
        CalamineWorkbook,
        PasswordError,
        SheetTypeEnum,
        SheetVisibleEnum,
    )

    try:
        buch = CalamineWorkbook.from_filelike(io.BytesIO(datei.daten))
        blaetter: dict[str, Blatt] = {}
        for info in buch.sheets_metadata:
            if info.typ != SheetTypeEnum.WorkSheet:
                continue
            bild = mappe.blaetter.get(info.name)
            if bild is None:  # never read what was not measured
                raise EingabeFehler(BESCHAEDIGT)
            blatt = buch.get_sheet_by_name(info.name)
            blaetter[info.name] = Blatt(
                info.name,
                blatt.to_python(skip_empty_area=False),
                bild.fehlerzellen,
                calamine_bereiche(blatt.merged_cell_ranges) or bild.verbunde,
                versteckt=info.visible != SheetVisibleEnum.Visible,
                datum_1904=mappe.datum_1904,
            )
    except PasswordError:
        raise EingabeFehler(KENNWORT) from None
    except (EingabeFehler, KeyboardInterrupt, SystemExit):
        raise
    except BaseException:
        # calamine raises many types for damaged files, and for some values (a date cell
        # holding 1e20) the Rust code panics: pyo3's PanicException is no Exception.
        raise EingabeFehler(BESCHAEDIGT) from None
    if not blaetter:
        raise EingabeFehler("Die Arbeitsmappe enthält kein Tabellenblatt.")
    return blaetter


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


def tabelle_lesen(pfad: Path, blatt: Blatt, blattname: str | None) -> Gelesen:
    """Rows of a table (header row, then one row per Kommune) → Meldungen.

    ``blattname`` is recorded with each Meldung when the workbook has several sheets."""
    ergebnis = Gelesen(pfad)
    zeilen = blatt.zeilen
    kopf_nr = _kopfzeile_finden(zeilen)
    if kopf_nr is None:
        ergebnis.befunde.append(_kein_kopf(pfad))
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
