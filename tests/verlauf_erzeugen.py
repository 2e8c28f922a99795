"""Erzeugt beispiele/verlauf/: zwei erfundene Vorwochen zur veröffentlichten Woche vom
16.03.2016 und eine berichtigte Meldung, zur Veranschaulichung des Archivs (siehe
beispiele/verlauf/LIESMICH.txt).

Aufruf im Projektordner: ``python tests/verlauf_erzeugen.py``. Die Zahlen werden aus
``uebersicht_2016.csv`` rückwärts abgeleitet, mit den festen Wochenänderungen unten – ohne
Zufall, bei jedem Aufruf dieselben Werte.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

from beispiele_erzeugen import BEISPIELE, _dateiname, _eingetragen, _speichern
from hilfen import datei_lesen, vorlage_ausfuellen

from wrm_cli.felder import ALLE_SCHLUESSEL, KOMMUNE, STAND
from wrm_cli.konfig import konfig_laden
from wrm_cli.vorlage import vorlage_erstellen

VERLAUF = BEISPIELE / "verlauf"
KW09, KW10, KW11 = dt.date(2016, 3, 2), dt.date(2016, 3, 9), dt.date(2016, 3, 16)
# The week's folder and the Kommune whose file did not arrive that week.
WOCHEN = {KW09: ("kw09", "Bad Laer"), KW10: ("kw10", "Hagen")}

Werte = dict[str, object]


@dataclass(frozen=True)
class Woche:
    """What changed for one Kommune in the week up to a Stand: ``zuweisungen`` new
    Zuweisungen (1), of which (5) shrinks by as many; ``ankuenfte`` arrivals (2), housed
    (6)/(7) grow by as many (by the Zuweisungen where (2) is blank or 0, as Bad Essen's
    and Bohmte's published figures have housed = assigned); ``plaetze`` the change of the
    places (8)–(11)."""

    zuweisungen: int
    ankuenfte: int
    plaetze: dict[str, int] = field(default_factory=dict)


def _w(zuweisungen: int, ankuenfte: int, **plaetze: int) -> Woche:
    return Woche(zuweisungen, ankuenfte, plaetze)


G, D = "verfuegbar_gu", "verfuegbar_dezentral"
AG, AD = "in_aussicht_gu", "in_aussicht_dezentral"
UNTERBRINGUNG = ("untergebracht_gu", "untergebracht_dezentral")

# The changes in the week up to KW11 (the published figures) and up to KW10.
AENDERUNGEN: dict[dt.date, dict[str, Woche]] = {
    KW11: {
        "Artland": _w(4, 4, **{D: -3, AD: 2}),
        "Bad Essen": _w(3, 0, **{G: -3}),
        "Bad Iburg": _w(2, 2, **{AD: 1}),
        "Bad Laer": _w(2, 2),
        "Bad Rothenfelde": _w(2, 3, **{D: 2}),
        "Belm": _w(3, 3, **{D: -3, AD: 2}),
        "Bersenbrück": _w(6, 6, **{D: -6, AD: 3}),
        # A GU for 40 persons in prospect: Bissendorf no longer says "kritisch".
        "Bissendorf": _w(2, 2, **{AG: 40, AD: 3}),
        "Bohmte": _w(4, 0, **{D: -3}),
        "Bramsche": _w(0, 0),
        "Dissen": _w(2, 2, **{AD: -2}),
        "Fürstenau": _w(3, 3, **{D: -3}),
        "Georgsmarienhütte": _w(5, 5, **{D: -5}),
        "Glandorf": _w(1, 1, **{AD: -1}),
        "Hagen": _w(3, 3, **{AD: -2}),
        "Hasbergen": _w(2, 2, **{G: -2}),
        "Hilter": _w(3, 1, **{D: -1, AD: 2}),
        "Melle": _w(8, 6, **{D: -4, AG: 20, AD: 5}),
        "Neuenkirchen": _w(2, 2, **{D: -1}),
        "Ostercappeln": _w(2, 2, **{D: -2, AD: 3}),
        "Wallenhorst": _w(5, 5, **{G: -1, D: -4}),
    },
    KW10: {
        "Artland": _w(5, 5, **{D: -4, AD: 1}),
        "Bad Essen": _w(2, 0, **{G: -2, D: 1}),
        "Bad Iburg": _w(3, 3),
        "Bad Laer": _w(2, 2),
        "Bad Rothenfelde": _w(3, 2, **{D: -2}),
        "Belm": _w(2, 2, **{D: -2}),
        "Bersenbrück": _w(7, 7, **{D: -5, AD: 2}),
        "Bissendorf": _w(2, 2, **{AD: -1}),
        "Bohmte": _w(3, 0, **{G: -1, D: -2}),
        "Bramsche": _w(0, 0),
        "Dissen": _w(1, 1),
        "Fürstenau": _w(4, 4, **{D: -4}),
        # The planned GU shrinks from 120 to 40 places: Georgsmarienhütte says "kritisch".
        "Georgsmarienhütte": _w(4, 4, **{D: -4, AG: -80}),
        "Glandorf": _w(1, 1),
        "Hagen": _w(2, 2, **{D: -1, AD: 2}),
        "Hasbergen": _w(3, 3, **{G: -3, AG: 5}),
        "Hilter": _w(2, 2, **{D: -2}),
        "Melle": _w(9, 8, **{D: -3, AG: 10, AD: 4}),
        "Neuenkirchen": _w(2, 2),
        "Ostercappeln": _w(2, 2, **{D: -1, AD: 2}),
        "Wallenhorst": _w(6, 6, **{D: -5}),
    },
}

# Einschätzung (12) where it differs from the following week's.
EINSCHAETZUNG: dict[tuple[str, dt.date], str] = {
    ("Bissendorf", KW10): "kritisch",
    ("Georgsmarienhütte", KW09): "ausreichend",
}

# Bohmte's Meldung of KW10 as first sent: (9) with its digits swapped (61 → 16).
# The correction in korrektur/ holds the derived, right figure.
KORREKTUR_KOMMUNE = "Bohmte"
TIPPFEHLER: Werte = {D: 16}


def _vorwoche(werte: Werte, woche: Woche, stand: dt.date) -> Werte:
    """The figures of the week before ``werte``, with Stand ``stand``."""
    vorher = dict(werte, **{STAND: stand})

    def minus(key: str, anzahl: int) -> None:
        if anzahl:
            wert = werte[key]
            assert isinstance(wert, int), (werte[KOMMUNE], key)  # blanks stay blank
            vorher[key] = wert - anzahl

    minus("zuweisungen", woche.zuweisungen)
    minus("zu_erfuellen", -woche.zuweisungen)
    minus("ankuenfte", woche.ankuenfte)
    # The arrivals are housed where most persons live already (GU only in Hasbergen).
    gu, dezentral = (int(werte[k] or 0) for k in UNTERBRINGUNG)  # type: ignore[call-overload]
    untergebracht = woche.ankuenfte if werte["ankuenfte"] else woche.zuweisungen
    minus(UNTERBRINGUNG[0] if gu > dezentral else UNTERBRINGUNG[1], untergebracht)
    for key, anzahl in woche.plaetze.items():
        minus(key, anzahl)
    kommune = str(werte[KOMMUNE])
    vorher["einschaetzung"] = EINSCHAETZUNG.get((kommune, stand), werte["einschaetzung"])
    return vorher


def wochenwerte() -> dict[dt.date, list[Werte]]:
    """The figures of every Kommune for KW09, KW10 and KW11 (published), as typed in."""
    gelesen = datei_lesen(BEISPIELE / "uebersicht_2016.csv")
    veroeffentlicht = [
        {key: _eingetragen(key, meldung.roh(key)) for key in ALLE_SCHLUESSEL}
        for meldung in gelesen.meldungen
    ]
    kw10 = [_vorwoche(w, AENDERUNGEN[KW11][str(w[KOMMUNE])], KW10) for w in veroeffentlicht]
    kw09 = [_vorwoche(w, AENDERUNGEN[KW10][str(w[KOMMUNE])], KW09) for w in kw10]
    return {KW09: kw09, KW10: kw10, KW11: veroeffentlicht}


def _schreiben(werte: Werte, ziel: Path, zeitpunkt: dt.datetime) -> Path:
    kommune = str(werte[KOMMUNE])
    mappe = vorlage_erstellen(konfig_laden(BEISPIELE / "wrm.toml").bezirk, kommune)
    # Kommune is prefilled and locked in the template.
    vorlage_ausfuellen(mappe, {k: w for k, w in werte.items() if w is not None and k != KOMMUNE})
    mappe.properties.created = mappe.properties.modified = zeitpunkt
    datei = ziel / _dateiname(kommune)
    _speichern(mappe, datei)
    return datei


def erzeugen(ziel: Path) -> list[Path]:
    """Write kw09/, kw10/ and korrektur/ under ``ziel``; the paths written, in order."""
    werte = wochenwerte()
    geschrieben: list[Path] = []
    for stand, (ordner, fehlt) in WOCHEN.items():
        (ziel / ordner).mkdir(parents=True, exist_ok=True)
        zeitpunkt = dt.datetime.combine(stand, dt.time(12))
        for meldung in werte[stand]:
            if meldung[KOMMUNE] == fehlt:
                continue
            if stand == KW10 and meldung[KOMMUNE] == KORREKTUR_KOMMUNE:
                meldung = dict(meldung, **TIPPFEHLER)
            geschrieben.append(_schreiben(meldung, ziel / ordner, zeitpunkt))
    (ziel / "korrektur").mkdir(parents=True, exist_ok=True)
    (richtig,) = (m for m in werte[KW10] if m[KOMMUNE] == KORREKTUR_KOMMUNE)
    spaeter = dt.datetime.combine(KW10, dt.time(16))
    geschrieben.append(_schreiben(richtig, ziel / "korrektur", spaeter))
    return geschrieben


if __name__ == "__main__":
    for pfad in erzeugen(VERLAUF):
        print(pfad.relative_to(BEISPIELE.parent))
    sys.exit(0)
