"""Erzeugt beispiele/eingang/: die 21 ausgefüllten Vorlagen der veröffentlichten Übersicht
2016, und beispiele/fehlerhaft/: eine absichtlich fehlerhafte Meldung (siehe README).

Aufruf im Projektordner: ``python tests/beispiele_erzeugen.py``. Die Werte kommen über
wrm's eigenen Leser aus ``uebersicht_2016.csv`` und werden über die definierten Namen der
Vorlage eingetragen, so wie eine Sachbearbeiterin sie eintippen würde.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

from hilfen import datei_lesen, vorlage_ausfuellen

from wrm_cli.ausgabe import atomar_schreiben
from wrm_cli.felder import ALLE_SCHLUESSEL, KOMMUNE, STAND, ZAHLFELDER
from wrm_cli.konfig import konfig_laden
from wrm_cli.vorlage import vorlage_erstellen
from wrm_cli.werte import datum_lesen, text_lesen, zahl_lesen

BEISPIELE = Path(__file__).resolve().parents[1] / "beispiele"

# The deliberately faulty Meldung shown in the README: one slip of each common kind.
FEHLERHAFT = {
    "kommune": "Hagen",
    "stand": "16.03.2061",
    "zuweisungen": "ca. 70",
    "ankuenfte": 71,
    "zu_erfuellen": -1,
    "untergebracht_gu": 2.5,
    "untergebracht_dezentral": 72,
    "verfuegbar_gu": -4,
    "verfuegbar_dezentral": 3,
    "in_aussicht_dezentral": 26,
    "einschaetzung": "gut",
}


def _eingetragen(key: str, roh: object) -> object:
    """A value as a clerk types it into Excel: whole numbers, a real date, text."""
    if key in ZAHLFELDER:
        zahl = zahl_lesen(roh)
        return None if zahl is None else int(zahl)  # type: ignore[call-overload]
    if key == STAND:
        return datum_lesen(roh)
    return text_lesen(roh)


def _dateiname(kommune: str) -> str:
    """The published examples keep their names ("Meldung_Bersenbrück.xlsx"); templates of
    wrm vorlage are ASCII only (vorlagen_dateiname)."""
    return f"Meldung_{kommune.replace(' ', '_')}.xlsx"


def _speichern(mappe: object, ziel: Path) -> None:
    puffer = io.BytesIO()
    mappe.save(puffer)  # type: ignore[attr-defined]
    atomar_schreiben(ziel, puffer.getvalue())


def erzeugen(ziel: Path, fehlerhaft: Path) -> list[Path]:
    bezirk = konfig_laden(BEISPIELE / "wrm.toml").bezirk
    gelesen = datei_lesen(BEISPIELE / "uebersicht_2016.csv")
    geschrieben: list[Path] = []
    ziel.mkdir(parents=True, exist_ok=True)
    for meldung in gelesen.meldungen:
        kommune = str(meldung.roh(KOMMUNE))
        mappe = vorlage_erstellen(bezirk, kommune)
        werte = {key: _eingetragen(key, meldung.roh(key)) for key in ALLE_SCHLUESSEL}
        del werte[KOMMUNE]  # prefilled and locked in the template
        vorlage_ausfuellen(mappe, {k: w for k, w in werte.items() if w is not None})
        mappe.properties.created = mappe.properties.modified = dt.datetime(2016, 3, 16, 12)
        _speichern(mappe, ziel / _dateiname(kommune))
        geschrieben.append(ziel / _dateiname(kommune))
    fehlerhaft.mkdir(parents=True, exist_ok=True)
    mappe = vorlage_erstellen(bezirk, FEHLERHAFT["kommune"])
    vorlage_ausfuellen(mappe, {k: w for k, w in FEHLERHAFT.items() if k != KOMMUNE})
    datei = fehlerhaft / _dateiname(str(FEHLERHAFT["kommune"]))
    _speichern(mappe, datei)
    return [*geschrieben, datei]


if __name__ == "__main__":
    for pfad in erzeugen(BEISPIELE / "eingang", BEISPIELE / "fehlerhaft"):
        print(pfad.relative_to(BEISPIELE.parent))
    sys.exit(0)
