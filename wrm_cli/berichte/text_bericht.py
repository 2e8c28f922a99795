"""Plain text for e-mails and Word: a fixed-width table, and a short press paragraph."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from wrm_cli.auswertung import ZAHLSPALTEN
from wrm_cli.berichte.beschriftung import (
    kennzahltitel,
    spaltentitel,
    tabellenzeilen,
    titel,
    zahl_de,
)
from wrm_cli.bezirk import Bezirk, datum_deutsch
from wrm_cli.dateibilanz import zusammenfassung

if TYPE_CHECKING:
    from wrm_cli.ablauf import Auswertungsbericht

_SPALTEN = ("kommune", *ZAHLSPALTEN, "einschaetzung")
_ZAHLBREITE = 11


def _kopf(titel_: str, breite: int) -> list[str]:
    return textwrap.wrap(titel_, breite, break_long_words=False) or [""]


def als_text(bericht: Auswertungsbericht) -> str:
    """The table in a monospaced font: numbers right-aligned, headers wrapped."""
    titelzeilen = spaltentitel(bericht.bezirk)
    daten = tabellenzeilen(bericht)
    zellen = [
        [zahl_de(zeile[s]) if s in ZAHLSPALTEN else str(zeile[s] or "") for s in _SPALTEN]
        for zeile in daten
    ]
    gesamt = bericht.auswertung.gesamt
    zellen.append(["Gesamt", *(zahl_de(gesamt[s]) for s in ZAHLSPALTEN), ""])
    breiten = [
        max(
            [len(z[i]) for z in zellen] + [_ZAHLBREITE if s in ZAHLSPALTEN else len("Einschätzung")]
        )
        for i, s in enumerate(_SPALTEN)
    ]
    koepfe = [_kopf(titelzeilen[s], b) for s, b in zip(_SPALTEN, breiten, strict=True)]
    hoehe = max(len(k) for k in koepfe)
    # Headers sit at the bottom of their block, as in the published table.
    koepfe = [[""] * (hoehe - len(k)) + k for k in koepfe]

    def zeile(texte: list[str]) -> str:
        teile = [
            text.rjust(b) if s in ZAHLSPALTEN else text.ljust(b)
            for text, b, s in zip(texte, breiten, _SPALTEN, strict=True)
        ]
        return "  ".join(teile).rstrip()

    linie = "  ".join("-" * b for b in breiten)
    ausgabe = [titel(bericht), ""]
    ausgabe += [zeile([k[i] for k in koepfe]) for i in range(hoehe)]
    ausgabe.append(linie)
    ausgabe += [zeile(z) for z in zellen[:-1]]
    ausgabe += [linie, zeile(zellen[-1]), ""]
    kennzahlen = kennzahltitel(bericht.bezirk)
    breite = max(len(text) for text in kennzahlen.values())
    for key, text in kennzahlen.items():
        wert = zahl_de(bericht.auswertung.kennzahlen[key])
        ausgabe.append(f"{text.ljust(breite)}  {wert.rjust(_ZAHLBREITE)}")
    if bericht.fehlende_kommunen:
        ausgabe += ["", "Ohne gültige Meldung: " + ", ".join(bericht.fehlende_kommunen) + "."]
    ausgabe += ["", zusammenfassung(bericht.dateien)]
    if bericht.befunde:
        ausgabe += ["", "Hinweise und Fehler:"]
        ausgabe += [
            f"- {'Fehler' if b.stufe == 'fehler' else 'Hinweis'}: {b.text}" for b in bericht.befunde
        ]
    return "\n".join(ausgabe) + "\n"


def _genitiv(bezirk: Bezirk) -> str:
    """ "Landkreis Osnabrück" → "des Landkreises Osnabrück"."""
    for art, genitiv in (("Landkreis ", "des Landkreises "), ("Kreis ", "des Kreises ")):
        if bezirk.name.startswith(art):
            return genitiv + bezirk.name.removeprefix(art)
    if bezirk.name.startswith("Region "):
        return "der " + bezirk.name
    return f"des Bezirks {bezirk.name}"


def _personen(anzahl: int) -> str:
    return "1 Person" if anzahl == 1 else f"{zahl_de(anzahl)} Personen"


def _aufzaehlung(namen: list[str]) -> str:
    return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " und " + namen[-1]


def als_pressetext(bericht: Auswertungsbericht) -> str:
    """A short German paragraph with the key figures, honest about missing reports."""
    bezirk = bericht.bezirk
    kennzahlen, gesamt = bericht.auswertung.kennzahlen, bericht.auswertung.gesamt
    alle = len(bezirk.kommunennamen)
    gemeldet = alle - len(bericht.fehlende_kommunen)
    wem = f"Den {alle} Kommunen" if gemeldet == alle else f"Den {gemeldet} meldenden Kommunen"
    saetze = [
        f"{wem} {_genitiv(bezirk)} sind bislang {_personen(gesamt['bisherige_zuweisungen'])} "
        "zugewiesen worden."
    ]
    bis = f"Bis zum {datum_deutsch(bezirk.quote_ende)}" if bezirk.quote_ende else "Nach der Quote"
    saetze.append(
        f"{bis} sind noch {_personen(kennzahlen['benoetigter_wohnraum'])} aufzunehmen; dafür "
        f"stehen {zahl_de(kennzahlen['sofort_verfuegbar'])} Plätze sofort und "
        f"{zahl_de(kennzahlen['in_aussicht'])} in Aussicht zur Verfügung."
    )
    fehlend = kennzahlen["fehlender_wohnraum"]
    if fehlend > 0:
        saetze.append(f"Rechnerisch fehlt damit Wohnraum für {_personen(fehlend)}.")
    else:
        saetze.append(
            f"Rechnerisch reicht der Wohnraum damit aus: Es stehen {zahl_de(-fehlend)} Plätze "
            "mehr zur Verfügung als benötigt."
        )
    mangel = [z for z in bericht.auswertung.datensaetze() if (z["fehlender_wohnraum"] or 0) > 0]
    if mangel:
        groesste = sorted(mangel, key=lambda z: -z["fehlender_wohnraum"])[:3]
        namen = [f"{z['kommune']} ({_personen(z['fehlender_wohnraum'])})" for z in groesste]
        saetze.append(
            f"Wohnraum fehlt in {len(mangel)} Kommunen, am meisten in {_aufzaehlung(namen)}."
            if len(mangel) > 1
            else f"Wohnraum fehlt nur in {namen[0]}."
        )
    kritisch = [
        z["kommune"] for z in bericht.auswertung.datensaetze() if z["einschaetzung"] == "kritisch"
    ]
    if kritisch:
        saetze.append(
            f"{len(kritisch)} Kommunen schätzen ihre Lage selbst als kritisch ein: "
            f"{_aufzaehlung(kritisch)}."
            if len(kritisch) > 1
            else f"{kritisch[0]} schätzt die eigene Lage als kritisch ein."
        )
    if gemeldet < alle:
        saetze.append(
            f"Angaben von {gemeldet} der {alle} Kommunen; es fehlen "
            f"{_aufzaehlung(bericht.fehlende_kommunen)}."
        )
    veraltet = [s.kommune for s in bericht.meldestatus if s.status == "veraltet"]
    if veraltet:
        saetze.append(
            f"Die Angaben von {_aufzaehlung(veraltet)} sind älter als "
            f"{bezirk.veraltet_nach_tagen} Tage."
        )
    # One line: Word and mail programs wrap it themselves; hard breaks would stay in the text.
    return f"Stand {datum_deutsch(bericht.stichtag)}: " + " ".join(saetze) + "\n"
