"""Helpers of the archive tests (test_archiv*.py): a small district of its own, its
Meldungen filled in as a clerk would, and SQL on the archive file."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

from conftest import BEISPIELE
from hilfen import vorlage_ausfuellen

from wrm_cli.ergebnis import Auswertungsbericht
from wrm_cli.konfig import Einstellungen, konfig_laden
from wrm_cli.vorlage import vorlage_erstellen, vorlagen_dateiname

PROBE_TOML = """\
[bezirk]
name = "Landkreis Probe"

[[kommunen]]
name = "Altdorf"
aliase = ["Gemeinde Altdorf"]

[[kommunen]]
name = "Bergen"

[[kommunen]]
name = "Cranz"

[[kommunen]]
name = "Dornum"

[[kommunen]]
name = "Emden"
"""
CSV_KOPF = (
    "kommune;stand;zuweisungen;ankuenfte;keine_anrechnung;moegliche_anrechnung;"
    "zu_erfuellen;untergebracht_gu;untergebracht_dezentral;verfuegbar_gu;"
    "verfuegbar_dezentral;in_aussicht_gu;in_aussicht_dezentral;einschaetzung"
)
FELDER = (
    "zuweisungen",
    "ankuenfte",
    "keine_anrechnung",
    "moegliche_anrechnung",
    "zu_erfuellen",
    "untergebracht_gu",
    "untergebracht_dezentral",
    "verfuegbar_gu",
    "verfuegbar_dezentral",
    "in_aussicht_gu",
    "in_aussicht_dezentral",
    "einschaetzung",
)
KW09, KW10, KW11 = dt.date(2016, 3, 2), dt.date(2016, 3, 9), dt.date(2016, 3, 16)
VERLAUF = BEISPIELE / "verlauf"
EINSTELLUNGEN_2016 = konfig_laden(BEISPIELE / "wrm.toml")


# Two small weeks whose changes the tests compute by hand (test_archiv_vergleich.py).
VORWOCHE = {  # 09.03.2016: summe 3, 7, 4; fehlender Wohnraum 5, 5, 0
    "Altdorf": dict(stand=KW10, zuweisungen=10, zu_erfuellen=8, verfuegbar_gu=2,
                    verfuegbar_dezentral=1, in_aussicht_dezentral=0),
    "Bergen": dict(stand=KW10, zuweisungen=20, zu_erfuellen=12, verfuegbar_gu=0,
                   verfuegbar_dezentral=4, in_aussicht_gu=2, in_aussicht_dezentral=1),
    "Cranz": dict(stand=KW10, zuweisungen=6, zu_erfuellen=4, verfuegbar_gu=1,
                  verfuegbar_dezentral=1, in_aussicht_gu=1, in_aussicht_dezentral=1),
}  # fmt: skip
DIESE_WOCHE = {  # 16.03.2016: Cranz is missing, Dornum new; summe 6, 8, 1; fehlend 3, 2, 2
    "Altdorf": dict(stand=KW11, zuweisungen=12, zu_erfuellen=9, verfuegbar_gu=3,
                    verfuegbar_dezentral=1, in_aussicht_gu=2, in_aussicht_dezentral=0),
    "Bergen": dict(stand=KW11, zuweisungen=20, zu_erfuellen=10, verfuegbar_dezentral=5,
                   in_aussicht_gu=2, in_aussicht_dezentral=1),
    "Dornum": dict(stand=KW11, zuweisungen=5, zu_erfuellen=3, verfuegbar_gu=1,
                   verfuegbar_dezentral=0, in_aussicht_gu=0, in_aussicht_dezentral=0),
}  # fmt: skip
ZAHLEN = (
    "bisherige_zuweisungen",
    "zu_erfuellen",
    "verfuegbar_gu",
    "verfuegbar_dezentral",
    "in_aussicht_gu",
    "in_aussicht_dezentral",
    "summe",
    "fehlender_wohnraum",
)
KENNZAHLEN = (
    "benoetigter_wohnraum",
    "sofort_verfuegbar",
    "in_aussicht",
    "gesamtverfuegbarkeit",
    "fehlender_wohnraum",
)


# --- building weeks ---------------------------------------------------------------------


def probebezirk(ordner: Path, zusatz: str = "") -> Einstellungen:
    """The district's wrm.toml in ``ordner`` (``zusatz`` appended), read as wrm reads it."""
    ordner.mkdir(parents=True, exist_ok=True)
    (ordner / "wrm.toml").write_text(PROBE_TOML + zusatz, encoding="utf-8")
    return konfig_laden(ordner / "wrm.toml")


def melden(
    ordner: Path,
    einstellungen: Einstellungen,
    kommune: str,
    stand: dt.date | None,
    geschrieben: str | None = None,
    **werte: object,
) -> Path:
    """The Kommune's template filled in as its clerk would; ``geschrieben``: the name
    typed into the Kommune cell (e.g. an alias)."""
    ordner.mkdir(parents=True, exist_ok=True)
    mappe = vorlage_erstellen(einstellungen.bezirk, kommune)
    eintraege: dict[str, object] = dict(werte)
    if stand is not None:
        eintraege["stand"] = dt.datetime.combine(stand, dt.time())
    if geschrieben is not None:
        eintraege["kommune"] = geschrieben
    vorlage_ausfuellen(mappe, eintraege)
    pfad = ordner / vorlagen_dateiname(kommune)
    mappe.save(pfad)
    return pfad


def tabelle(pfad: Path, *zeilen: str) -> Path:
    pfad.parent.mkdir(parents=True, exist_ok=True)
    pfad.write_text("\n".join([CSV_KOPF, *zeilen]) + "\n", encoding="utf-8")
    return pfad


def woche(ordner: Path, einstellungen: Einstellungen, meldungen: dict[str, dict[str, Any]]) -> Path:
    """One file per Kommune; each entry: ``stand`` and the fields."""
    for kommune, werte in meldungen.items():
        werte = dict(werte)
        melden(ordner, einstellungen, kommune, werte.pop("stand"), **werte)
    return ordner


def sql(archiv: Path, abfrage: str, *werte: object) -> list[tuple[Any, ...]]:
    verbindung = sqlite3.connect(archiv)
    try:
        return verbindung.execute(abfrage, werte).fetchall()
    finally:
        verbindung.close()


def spalten(archiv: Path, tabelle_: str) -> list[str]:
    return [zeile[1] for zeile in sql(archiv, f"PRAGMA table_info({tabelle_})")]


def zeilen_je_kommune(bericht: Auswertungsbericht) -> dict[str, dict[str, Any]]:
    return {zeile["kommune"]: zeile for zeile in bericht.auswertung.datensaetze()}


def hinweistexte(bericht: Auswertungsbericht) -> list[str]:
    return [befund.meldung for befund in bericht.befunde]


def alle_arten(ordner: Path, einstellungen: Einstellungen) -> Path:
    """A week with every status: Altdorf current (its cell names it by its alias), Bergen
    stale, Cranz without a Stand (a table), Dornum faulty, Emden missing."""
    melden(
        ordner,
        einstellungen,
        "Altdorf",
        dt.date(2016, 3, 14),
        geschrieben="Gemeinde Altdorf",
        zuweisungen=10,
        ankuenfte=9,
        zu_erfuellen=8,
        untergebracht_gu=1,
        untergebracht_dezentral=8,
        verfuegbar_gu=2,
        verfuegbar_dezentral=1,
        in_aussicht_dezentral=0,
        einschaetzung="kritisch",
        ansprechpartner="Frau Muster",
        telefon="05401 123",
        email="muster@altdorf.example",
    )
    melden(ordner, einstellungen, "Bergen", dt.date(2016, 2, 1), zuweisungen=20, zu_erfuellen=5)
    tabelle(ordner / "Meldung_Cranz.csv", "Cranz;;6;;;;4;;;1;1;1;1;ausreichend")
    melden(ordner, einstellungen, "Dornum", dt.date(2016, 3, 15), zuweisungen=3, verfuegbar_gu=-4)
    return ordner
