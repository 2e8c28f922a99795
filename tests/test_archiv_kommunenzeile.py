"""``wrm verlauf --kommune`` computes its rows without pandas (verlauf.kommunenzeile):
they must be exactly the rows of the district's table (auswertung/tabelle.py)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from wrm_cli.archiv import Archivmeldung
from wrm_cli.auswertung.verlauf import auswertung_von, kommunenzeile
from wrm_cli.felder import FELD

BEISPIELE = Path(__file__).resolve().parents[1] / "beispiele"


def _meldung(nr: int, kommune: str, felder: dict[str, int | str | None]) -> Archivmeldung:
    return Archivmeldung(
        kommune=kommune,
        stand=dt.date(2016, 3, 16) if nr % 2 else None,
        felder={key: felder.get(key) for key in FELD},
        kontakt={},
        datei=f"Meldung_{nr}.xlsx",
        datei_sha256="0" * 64,
        id=nr,
    )


def _veroeffentlicht() -> list[Archivmeldung]:
    """The 21 published Meldungen of 16.03.2016 (blanks as None)."""
    with open(BEISPIELE / "uebersicht_2016.csv", encoding="utf-8", newline="") as datei:
        zeilen = list(csv.DictReader(datei, delimiter=";"))
    meldungen = []
    for nr, zeile in enumerate(zeilen, start=1):
        felder: dict[str, int | str | None] = {
            key: None
            if zeile[key] == ""
            else zeile[key]
            if key == "einschaetzung"
            else int(zeile[key])
            for key in FELD
        }
        meldungen.append(_meldung(nr, zeile["kommune"], felder))
    return meldungen


def _grenzfaelle() -> list[Archivmeldung]:
    alles_leer: dict[str, int | str | None] = {}
    return [
        _meldung(101, "Alles leer", alles_leer),
        _meldung(102, "Nur Bedarf", {"zuweisungen": 5, "zu_erfuellen": 7}),
        _meldung(103, "Übererfüllt", {"zu_erfuellen": -4, "verfuegbar_gu": 2}),
        _meldung(104, "Bedarf leer", {"in_aussicht_dezentral": 3, "einschaetzung": "kritisch"}),
        _meldung(105, "Null", {"zu_erfuellen": 0, "verfuegbar_gu": 0, "in_aussicht_gu": 0}),
        _meldung(
            106, "Teils", {"zu_erfuellen": 30, "verfuegbar_dezentral": 4, "in_aussicht_gu": 9}
        ),
    ]


def test_zeilen_wie_die_tabelle() -> None:
    meldungen = [*_veroeffentlicht(), *_grenzfaelle()]
    tabelle = auswertung_von(meldungen)
    erwartet = dict(zip(tabelle.herkunft, tabelle.datensaetze(), strict=True))
    for meldung in meldungen:
        assert meldung.id is not None
        zeile = kommunenzeile(meldung)
        assert zeile == erwartet[meldung.id], meldung.kommune
        assert list(zeile) == list(erwartet[meldung.id])  # the same column order


def test_grenzfaelle_von_hand() -> None:
    zeilen = {m.kommune: kommunenzeile(m) for m in _grenzfaelle()}
    assert zeilen["Alles leer"]["summe"] == 0
    assert zeilen["Alles leer"]["fehlender_wohnraum"] is None
    assert zeilen["Nur Bedarf"]["fehlender_wohnraum"] is None
    assert zeilen["Übererfüllt"]["fehlender_wohnraum"] == -2  # max(−4, 0) − 2
    assert zeilen["Bedarf leer"]["fehlender_wohnraum"] == -3
    assert zeilen["Null"]["fehlender_wohnraum"] == 0
    assert zeilen["Teils"]["summe"] == 13
    assert zeilen["Teils"]["fehlender_wohnraum"] == 17
