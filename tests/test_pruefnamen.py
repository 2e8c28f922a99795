"""Every check of the Meldung schema has a German sentence, and every ``Pruefung`` is a check.

The schema names its checks with ``Pruefung`` members; pandera names two failures itself
(``nullable=False`` and ``unique=[…]``). A name without an entry in ``texte.TEXTE`` would
reach the clerk as the fallback sentence; these tests make that impossible.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from wrm_cli.ablauf import auswerten
from wrm_cli.felder import ALLE_SCHLUESSEL, Pruefung
from wrm_cli.konfig import standard_einstellungen
from wrm_cli.pruefung.schemata import meldung_schema
from wrm_cli.pruefung.texte import TEXTE

STICHTAG = dt.date(2016, 3, 16)
# What pandera itself writes into failure_cases["check"] for these two schema options.
PANDERA_NICHT_LEER = "not_nullable"
PANDERA_EINDEUTIG = "multiple_fields_uniqueness"
# The header as wrm writes it: kommune;stand;zuweisungen;…;einschaetzung.
KOPF = list(ALLE_SCHLUESSEL)
# Glandorf as published for 16.03.2016: valid, no Befund.
GLANDORF = [
    "Glandorf",
    "16.03.2016",
    *("17", "17", "0", "", "18", "0", "17", "0", "0", "0", "18"),
    "ausreichend",
]
ZUWEISUNGEN = "uebersicht.csv, Zelle C2 (1) vom Land ausgesprochene Zuweisungen"
# The fallback for a check without a text: it must never be what a clerk reads.
ERSATZTEXT = "ist ungültig"


def _namen_im_schema() -> set[str]:
    """Every check name a failure of the schema can carry."""
    schema = meldung_schema(standard_einstellungen().bezirk.kommunennamen, STICHTAG)
    spalten = list(schema.columns.values())
    namen = {str(check.name) for spalte in spalten for check in spalte.checks}
    if any(not spalte.nullable for spalte in spalten):
        namen.add(PANDERA_NICHT_LEER)
    if schema.unique:
        namen.add(PANDERA_EINDEUTIG)
    return namen


def test_jede_pruefung_des_schemas_hat_einen_deutschen_text() -> None:
    namen = _namen_im_schema()
    unbekannt = sorted(name for name in namen if name not in {p.value for p in Pruefung})
    assert unbekannt == [], f"Prüfungen ohne Pruefung-Eintrag: {unbekannt}"
    ohne_text = sorted(name for name in namen if Pruefung(name) not in TEXTE)
    assert ohne_text == [], f"Prüfungen ohne deutschen Text in texte.py: {ohne_text}"


def test_jede_pruefung_wird_vom_schema_benutzt() -> None:
    unbenutzt = sorted(p.value for p in Pruefung if p.value not in _namen_im_schema())
    assert unbenutzt == [], f"Pruefung-Einträge ohne Prüfung im Schema: {unbenutzt}"
    assert set(TEXTE) == set(Pruefung)


# For each check: the cells to change in a one-row table (row 2 Glandorf) and the one error.
FEHLER: dict[Pruefung, tuple[dict[str, str], str]] = {
    Pruefung.KOMMUNE_BEKANNT: (
        {"kommune": "Glandorff"},
        "uebersicht.csv, Zelle A2 Kommune: „Glandorff“ steht nicht in der Liste der Kommunen "
        "(Landkreis Osnabrück). Meinten Sie „Glandorf“?",
    ),
    Pruefung.DATUM: (
        {"stand": "gestern"},
        "uebersicht.csv, Zelle B2 Stand: „gestern“ ist kein Datum – erwartet wird "
        "z. B. 16.03.2016.",
    ),
    Pruefung.NICHT_IN_ZUKUNFT: (
        {"stand": "17.03.2016"},
        "uebersicht.csv, Zelle B2 Stand: Der Stand 17.03.2016 liegt nach dem Stichtag "
        "16.03.2016 – bitte das Datum der Zahlen prüfen.",
    ),
    Pruefung.GANZE_ZAHL: (
        {"zuweisungen": "ca. 20"},
        f"{ZUWEISUNGEN}: „ca. 20“ ist keine ganze Zahl – bitte nur Ziffern eintragen.",
    ),
    Pruefung.ZU_GROSS: (
        {"zuweisungen": "99999999999999999999"},
        f"{ZUWEISUNGEN}: „99999999999999999999“ hat zu viele Stellen – bitte die Zahl prüfen.",
    ),
    Pruefung.NICHT_NEGATIV: (
        {"zuweisungen": "-3"},
        f"{ZUWEISUNGEN}: „-3“ ist negativ – erwartet wird eine Anzahl ab 0.",
    ),
    Pruefung.AUSWAHL: (
        {"einschaetzung": "gut"},
        "uebersicht.csv, Zelle N2 (12) Einschätzung der Lage: „gut“ ist nicht zulässig – "
        "erwartet wird „ausreichend“ oder „kritisch“.",
    ),
    Pruefung.PFLICHTFELD: (
        {"kommune": ""},
        "uebersicht.csv, Zelle A2 Kommune: Der Name der Kommune fehlt – bitte eintragen.",
    ),
    # A second Glandorf row follows the first; both are reported, the first is checked here.
    Pruefung.EINDEUTIG: (
        {},
        "uebersicht.csv, Zelle A2 Kommune: „Glandorf“ steht mehrmals in dieser Datei – bitte "
        "nur eine Zeile je Kommune.",
    ),
}


def test_jede_pruefung_hat_einen_fehlerfall() -> None:
    assert set(FEHLER) == set(Pruefung)


def _tabelle(pfad: Path, pruefung: Pruefung, aenderungen: dict[str, str]) -> Path:
    zeile = [aenderungen.get(key, wert) for key, wert in zip(KOPF, GLANDORF, strict=True)]
    zeilen = [KOPF, zeile, GLANDORF] if pruefung is Pruefung.EINDEUTIG else [KOPF, zeile]
    puffer = io.StringIO()
    csv.writer(puffer, delimiter=";", lineterminator="\r\n").writerows(zeilen)
    pfad.write_text(puffer.getvalue(), encoding="utf-8")
    return pfad


@pytest.mark.parametrize("pruefung", list(Pruefung), ids=lambda p: p.value)
def test_fehlerhafte_meldung_ergibt_den_deutschen_text(tmp_path: Path, pruefung: Pruefung) -> None:
    aenderungen, erwartet = FEHLER[pruefung]
    pfad = _tabelle(tmp_path / "uebersicht.csv", pruefung, aenderungen)
    bericht = auswerten([pfad], standard_einstellungen(), STICHTAG)
    fehler = [befund.text for befund in bericht.befunde if befund.stufe == "fehler"]
    assert fehler, "die Meldung muss an dieser Prüfung scheitern"
    assert fehler[0] == erwartet
    assert all(ERSATZTEXT not in text and "Prüfung „" not in text for text in fehler)
