"""The model of ``wrm prognose``, computed by hand: C(t) piecewise linear, the Reichweite
as date and weeks, the horizon (quota end, file's last month, --bis), and the
Verteilschlüssel with crediting rules inside and outside their validity."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from wrm_cli.auswertung.prognose import prognose_berechnen, reichweite, wochen
from wrm_cli.auswertung.verteilung import verteilen
from wrm_cli.bezirk import Bezirk
from wrm_cli.fehler import KonfigFehler
from wrm_cli.konfig import Anrechnungsregel, Einstellungen, konfig_laden
from wrm_cli.prognoseergebnis import Kommunenprognose, Zuweisungsprognose

STICHTAG = dt.date(2016, 3, 16)
DREI = """\
[bezirk]
name = "Landkreis Probe"

[quote]
ende = {ende}

[prognose]
schluessel = "{schluessel}"

[[anrechnung]]
art = "landeseinrichtung"
faktor = 1.0
ab = 2016-05-01

[[anrechnung]]
art = "landeseinrichtung"
faktor = 0.5
bis = 2016-04-30

[[kommunen]]
name = "Altdorf"
einwohner = 600
landeseinrichtung_plaetze = 20

[[kommunen]]
name = "Bergen"
einwohner = 300

[[kommunen]]
name = "Cranz"
einwohner = 100
"""


def _einstellungen(
    tmp_path: Path, ende: str = "2016-04-14", schluessel: str = "einwohner"
) -> Einstellungen:
    pfad = tmp_path / "wrm.toml"
    pfad.write_text(DREI.format(ende=ende, schluessel=schluessel), encoding="utf-8")
    return konfig_laden(pfad)


def _zeile(kommune: str, rest: int, sofort: int, aussicht: int = 0) -> dict[str, Any]:
    return {
        "kommune": kommune,
        "bisherige_zuweisungen": 0,
        "zu_erfuellen": rest,
        "verfuegbar_gu": sofort,
        "verfuegbar_dezentral": None,
        "in_aussicht_gu": None,
        "in_aussicht_dezentral": aussicht,
    }


def _je_name(kommunen: tuple[Kommunenprognose, ...]) -> dict[str, Kommunenprognose]:
    return {k.kommune: k for k in kommunen}


def test_gleichbleibende_rate_bis_zum_quotenende(tmp_path: Path) -> None:
    """Quota end 14.04.2016: 30 days from the Stichtag; a rest of 60 is 2 persons a day."""
    einstellungen = _einstellungen(tmp_path)
    zeilen = [_zeile("Altdorf", 60, 10, 25), _zeile("Bergen", 30, 31), _zeile("Cranz", -5, 4)]
    prognose = prognose_berechnen(zeilen, einstellungen, STICHTAG)
    k = _je_name(prognose.kommunen)
    altdorf = k["Altdorf"]
    assert altdorf.erwartet_pro_woche == 14
    # 10 places at 2 a day: t = 5 → 21.03.2016, 5/7 = 0.71 weeks.
    assert altdorf.reichweite_sofort is not None
    assert (altdorf.reichweite_sofort.tage, altdorf.reichweite_sofort.datum) == (
        5,
        dt.date(2016, 3, 21),
    )
    assert altdorf.reichweite_sofort.wochen == 0.7
    # 35 places: t = 17.5 → 16.03. + 17 days = 02.04.2016, 2.5 weeks.
    assert altdorf.reichweite_gesamt is not None
    assert altdorf.reichweite_gesamt.datum == dt.date(2016, 4, 2)
    assert altdorf.reichweite_gesamt.wochen == 2.5
    # Bergen: 1 a day, 31 places > the 30 of the rest: beyond the quota end.
    assert k["Bergen"].reichweite_sofort is None
    # Cranz: quota over-fulfilled, nobody comes: its places last.
    assert k["Cranz"].erwartet == 0 and k["Cranz"].reichweite_sofort is None
    assert [x.kommune for x in prognose.kommunen] == ["Altdorf", "Bergen", "Cranz"]
    assert altdorf.warnung and not k["Bergen"].warnung
    # The district: 3 a day, 45 places "sofort": t = 15 → 31.03.2016, 2.1 weeks.
    bezirk = prognose.bezirk_gesamt
    assert (bezirk.plaetze_sofort, bezirk.erwartet) == (45, 90)
    assert bezirk.reichweite_sofort is not None
    assert bezirk.reichweite_sofort.datum == dt.date(2016, 3, 31)
    assert bezirk.reichweite_sofort.wochen == 2.1
    assert (prognose.quelle, prognose.schluessel, prognose.bis) == (
        "quote",
        None,
        dt.date(2016, 4, 14),
    )


def test_plaetze_null_reichen_bis_zum_stichtag(tmp_path: Path) -> None:
    prognose = prognose_berechnen([_zeile("Altdorf", 30, 0)], _einstellungen(tmp_path), STICHTAG)
    altdorf = prognose.kommunen[0]
    assert altdorf.reichweite_sofort is not None
    assert (altdorf.reichweite_sofort.datum, altdorf.reichweite_sofort.wochen) == (STICHTAG, 0.0)
    assert altdorf.warnung


def test_bis_kuerzt_den_horizont(tmp_path: Path) -> None:
    """--bis 25.03.2016: 10 days at 2 a day, 20 persons; 35 places are not reached."""
    einstellungen = _einstellungen(tmp_path)
    zeilen = [_zeile("Altdorf", 60, 10, 25)]
    prognose = prognose_berechnen(zeilen, einstellungen, STICHTAG, bis=dt.date(2016, 3, 25))
    altdorf = prognose.kommunen[0]
    assert prognose.bis == dt.date(2016, 3, 25)
    assert altdorf.erwartet == 20
    assert altdorf.reichweite_sofort is not None
    assert altdorf.reichweite_sofort.datum == dt.date(2016, 3, 21)
    assert altdorf.reichweite_gesamt is None


def test_monatsgrenze_aus_der_prognosedatei(tmp_path: Path) -> None:
    """From 21.04.2016: April 30 persons (1 a day, 10 days left), May 62 (2 a day). 16
    places: 10 by 01.05., then 6 at 2 a day: t = 13 → 04.05.2016, 13/7 = 1.86 weeks."""
    einstellungen = _einstellungen(tmp_path)
    datei = Zuweisungsprognose(
        tmp_path / "p.csv",
        True,
        {("Altdorf", dt.date(2016, 4, 1)): 30, ("Altdorf", dt.date(2016, 5, 1)): 62},
    )
    stichtag = dt.date(2016, 4, 21)
    prognose = prognose_berechnen([_zeile("Altdorf", 0, 16)], einstellungen, stichtag, datei)
    altdorf = prognose.kommunen[0]
    assert prognose.bis == dt.date(2016, 5, 31)
    assert altdorf.erwartet == 10 + 62
    assert altdorf.reichweite_sofort is not None
    assert altdorf.reichweite_sofort.tage == 13
    assert altdorf.reichweite_sofort.datum == dt.date(2016, 5, 4)
    assert altdorf.reichweite_sofort.wochen == 1.9
    assert altdorf.verteilung is None and prognose.schluessel is None


def test_schluessel_mit_anrechnung_und_regel_ausserhalb_ihrer_gueltigkeit(tmp_path: Path) -> None:
    """Population 600/300/100; Altdorf hosts 20 places of a Land facility. April: only the
    rule "0.5 until 30.04." holds (c = 10); May: only "1.0 from 01.05." (c = 20); June: the
    credit exceeds Altdorf's share (s − c < 0 → 0)."""
    einstellungen = _einstellungen(tmp_path, ende="2016-07-31")
    monate = {dt.date(2016, 4, 1): 100, dt.date(2016, 5, 1): 100, dt.date(2016, 6, 1): 10}
    datei = Zuweisungsprognose(tmp_path / "p.csv", False, {(None, m): n for m, n in monate.items()})
    zeilen = [_zeile("Altdorf", 0, 500), _zeile("Bergen", 0, 500), _zeile("Cranz", 0, 500)]
    prognose = prognose_berechnen(zeilen, einstellungen, dt.date(2016, 4, 1), datei)
    k = _je_name(prognose.kommunen)
    schritte = {name: k[name].verteilung for name in k}
    april = {name: s[0] for name, s in schritte.items() if s}
    assert [april[n].anteil for n in ("Altdorf", "Bergen", "Cranz")] == [
        Fraction(3, 5), Fraction(3, 10), Fraction(1, 10)
    ]  # fmt: skip
    assert [april[n].rohanteil for n in ("Altdorf", "Bergen", "Cranz")] == [60, 30, 10]
    assert [april[n].anrechnung for n in ("Altdorf", "Bergen", "Cranz")] == [10, 0, 0]
    # e = 100 × max(s − c, 0) / (50 + 30 + 10)
    assert [april[n].erwartet for n in ("Altdorf", "Bergen", "Cranz")] == [
        Fraction(500, 9), Fraction(100, 3), Fraction(100, 9)
    ]  # fmt: skip
    mai = {name: s[1] for name, s in schritte.items() if s}
    assert [mai[n].anrechnung for n in ("Altdorf", "Bergen", "Cranz")] == [20, 0, 0]
    assert [mai[n].erwartet for n in ("Altdorf", "Bergen", "Cranz")] == [50, Fraction(75, 2), 12.5]
    juni = {name: s[2] for name, s in schritte.items() if s}
    assert [juni[n].erwartet for n in ("Altdorf", "Bergen", "Cranz")] == [0, 7.5, 2.5]
    assert k["Altdorf"].erwartet == Fraction(500, 9) + 50
    assert prognose.schluessel == "einwohner" and prognose.quelle == "datei"


def test_niemand_erhaelt_personen_wenn_die_anrechnung_alles_deckt() -> None:
    regeln = (Anrechnungsregel("landeseinrichtung", 1.0),)
    schritte = verteilen(
        10,
        dt.date(2016, 4, 1),
        {"Altdorf": Fraction(1), "Bergen": Fraction(1)},
        {"Altdorf": {"landeseinrichtung": 20}, "Bergen": {"landeseinrichtung": 5}},
        regeln,
    )
    assert [s.erwartet for s in schritte.values()] == [0, 0]
    assert [s.rohanteil - s.anrechnung for s in schritte.values()] == [-15, 0]


def test_anteile_der_fehlenden_kommunen_fehlen_in_der_summe(tmp_path: Path) -> None:
    """Population key over every Kommune: Bergen and Cranz keep their shares without a
    Meldung; Altdorf's 20 credited places exceed its raw share of June's 10 (s = 6)."""
    einstellungen = _einstellungen(tmp_path, ende="2016-07-31")
    datei = Zuweisungsprognose(tmp_path / "p.csv", False, {(None, dt.date(2016, 6, 1)): 10})
    prognose = prognose_berechnen(
        [_zeile("Altdorf", 0, 5)], einstellungen, dt.date(2016, 6, 1), datei
    )
    assert prognose.kommunen[0].erwartet == 0
    assert prognose.hinweise == (
        "Ohne gültige Meldung, aber mit ihrem Anteil am Schlüssel: Bergen, Cranz – ihre "
        "erwarteten Zuweisungen fehlen in der Summe des Landkreises.",
    )


def test_niemand_erhaelt_personen_mit_hinweis(tmp_path: Path) -> None:
    """Quota key: Altdorf alone has a rest (10 of June's 10 persons), its 20 credited
    places cover it: Σ max(s − c, 0) = 0, nobody gets persons, and the report says so."""
    einstellungen = _einstellungen(tmp_path, ende="2016-07-31", schluessel="quote")
    datei = Zuweisungsprognose(tmp_path / "p.csv", False, {(None, dt.date(2016, 6, 1)): 10})
    zeilen = [_zeile("Altdorf", 10, 5), _zeile("Bergen", 0, 5)]
    prognose = prognose_berechnen(zeilen, einstellungen, dt.date(2016, 6, 1), datei)
    assert [k.erwartet for k in prognose.kommunen] == [0, 0]
    assert prognose.hinweise == (
        "Juni 2016: die angerechneten Plätze decken den Anteil jeder Kommune – nach dem "
        "Schlüssel erhält niemand Zuweisungen, die 10 Personen dieses Monats sind nicht "
        "verteilt.",
    )


def test_wochen_kaufmaennisch_gerundet() -> None:
    assert wochen(Fraction(7, 20)) == 0.1  # 0.05 weeks → 0.1
    assert wochen(Fraction(0)) == 0.0
    assert reichweite([(Fraction(0), Fraction(10), Fraction(0))], 0, STICHTAG) is None


def test_ohne_quotenende_und_ohne_datei(tmp_path: Path) -> None:
    einstellungen = _einstellungen(tmp_path)
    ohne = Bezirk(einstellungen.bezirk.name, einstellungen.bezirk.kommunen)
    with pytest.raises(KonfigFehler) as fehler:
        prognose_berechnen([_zeile("Altdorf", 1, 1)], replace(einstellungen, bezirk=ohne), STICHTAG)
    assert str(fehler.value) == (
        "Für die Prognose fehlt das Ende des Quotenzeitraums – bitte in wrm.toml [quote] ende "
        "= 2016-07-31 eintragen oder mit --prognose DATEI (bzw. [prognose] datei) eine "
        "Prognose der Zuweisungen angeben."
    )
