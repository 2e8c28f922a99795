"""Plain text for e-mails and Word: a fixed-width table, and a short press paragraph."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import Literal

from wrm_cli.berichte.beschriftung import (
    befundzeilen,
    dateien_zusammengefasst,
    gesamt_bezeichnung,
    gesamt_fussnote,
    kennzahltitel,
    spaltentitel,
    stand_der_daten,
    tabellenzeilen,
    titel,
    warnung,
)
from wrm_cli.bezirk import Bezirk
from wrm_cli.ergebnis import BERICHTSSPALTEN, ZAHLSPALTEN, Auswertungsbericht
from wrm_cli.werte import datum_deutsch, personen, zahl_de

_SPALTEN = BERICHTSSPALTEN
_ZAHLBREITE = 11
_ABSTAND = "  "

# What a stretch of a line means, for a terminal that shows it in colour.
Art = Literal["titel", "kopf", "mehr", "fehlt", "kritisch", "gesamt", "fehler", "hinweis"]


@dataclass
class Textzeile:
    text: str
    marken: list[tuple[int, int, Art]] = field(default_factory=list)  # (start, end, art)


def _kopf(titel_: str, breite: int) -> list[str]:
    return textwrap.wrap(titel_, breite, break_long_words=False) or [""]


def _bilanz(wert: int | None) -> Art | None:
    """Surplus and shortage, visible without reading the sign."""
    return None if wert is None or wert == 0 else "mehr" if wert < 0 else "fehlt"


def _tabelle(bericht: Auswertungsbericht) -> list[Textzeile]:
    """The table in a monospaced font: numbers right-aligned, headers wrapped."""
    titelzeilen = spaltentitel(bericht.bezirk)
    daten = tabellenzeilen(bericht)
    gesamt = bericht.auswertung.gesamt
    zellen = [
        [zahl_de(zeile[s]) if s in ZAHLSPALTEN else str(zeile[s] or "") for s in _SPALTEN]
        for zeile in daten
    ]
    zellen.append([gesamt_bezeichnung(bericht), *(zahl_de(gesamt[s]) for s in ZAHLSPALTEN), ""])
    breiten = [
        max(
            [len(z[i]) for z in zellen] + [_ZAHLBREITE if s in ZAHLSPALTEN else len("Einschätzung")]
        )
        for i, s in enumerate(_SPALTEN)
    ]
    anfaenge = [sum(b + len(_ABSTAND) for b in breiten[:i]) for i in range(len(breiten))]
    rechts = [s in ZAHLSPALTEN for s in _SPALTEN]
    fehlend_nr, einschaetzung_nr = _SPALTEN.index("fehlender_wohnraum"), len(_SPALTEN) - 1

    def zeile(texte: list[str], marken: dict[int, Art] | None = None) -> Textzeile:
        teile = [
            text.rjust(b) if r else text.ljust(b)
            for text, b, r in zip(texte, breiten, rechts, strict=True)
        ]
        ergebnis = Textzeile(_ABSTAND.join(teile).rstrip())
        for nr, art in (marken or {}).items():
            ende = anfaenge[nr] + breiten[nr] if rechts[nr] else anfaenge[nr] + len(texte[nr])
            ergebnis.marken.append((ende - len(texte[nr]), ende, art))
        return ergebnis

    koepfe = [_kopf(titelzeilen[s], b) for s, b in zip(_SPALTEN, breiten, strict=True)]
    hoehe = max(len(k) for k in koepfe)
    # Headers sit at the bottom of their block, as in the published table.
    koepfe = [[""] * (hoehe - len(k)) + k for k in koepfe]
    linie = Textzeile(_ABSTAND.join("-" * b for b in breiten))
    ausgabe = []
    for i in range(hoehe):
        kopfzeile = zeile([k[i] for k in koepfe])
        kopfzeile.marken.append((0, len(kopfzeile.text), "kopf"))
        ausgabe.append(kopfzeile)
    ausgabe.append(linie)
    for werte, texte in zip(daten, zellen[:-1], strict=True):
        marken: dict[int, Art] = {}
        if (art := _bilanz(werte["fehlender_wohnraum"])) is not None:
            marken[fehlend_nr] = art
        if werte["einschaetzung"] == "kritisch":
            marken[einschaetzung_nr] = "kritisch"
        ausgabe.append(zeile(texte, marken))
    ausgabe.append(linie)
    art = _bilanz(gesamt["fehlender_wohnraum"])
    summen = zeile(zellen[-1], {fehlend_nr: art} if art is not None else None)
    summen.marken.insert(0, (0, len(summen.text), "gesamt"))  # bold under the colour
    ausgabe.append(summen)
    return ausgabe


def textzeilen(bericht: Auswertungsbericht) -> list[Textzeile]:
    """The whole report line by line: a warning on stale data, title, table with the
    Gesamt rule, key figures, files, Befunde."""
    ausgabe: list[Textzeile] = []
    if (achtung := warnung(bericht)) is not None:
        ausgabe.append(Textzeile(achtung, [(0, len(achtung), "fehler")]))
    kopf = titel(bericht)
    ausgabe += [Textzeile(kopf, [(0, len(kopf), "titel")]), Textzeile("")]
    ausgabe += _tabelle(bericht)
    ausgabe += [Textzeile(gesamt_fussnote(bericht)), Textzeile("")]
    kennzahlen = kennzahltitel(bericht.bezirk)
    breite = max(len(text) for text in kennzahlen.values())
    for key, text in kennzahlen.items():
        wert = bericht.auswertung.kennzahlen[key]
        zeile = Textzeile(f"{text.ljust(breite)}{_ABSTAND}{zahl_de(wert).rjust(_ZAHLBREITE)}")
        if key == "fehlender_wohnraum" and (art := _bilanz(wert)) is not None:
            zeile.marken.append((len(zeile.text) - len(zahl_de(wert)), len(zeile.text), art))
        ausgabe.append(zeile)
    if bericht.fehlende_kommunen:
        fehlend = "Ohne gültige Meldung: " + ", ".join(bericht.fehlende_kommunen) + "."
        ausgabe += [Textzeile(""), Textzeile(fehlend)]
    ausgabe += [Textzeile(""), Textzeile(dateien_zusammengefasst(bericht.dateien))]
    if bericht.befunde:
        ausgabe += [Textzeile(""), Textzeile("Hinweise und Fehler:")]
        for befund in befundzeilen(bericht):
            marke = (2, 2 + len(befund.wort), befund.stufe)
            ausgabe.append(Textzeile(f"- {befund.wort}: {befund.text}", [marke]))
    return ausgabe


def als_text(bericht: Auswertungsbericht) -> str:
    """The report for e-mails and files: the lines of ``textzeilen`` without colour."""
    return "\n".join(zeile.text for zeile in textzeilen(bericht)) + "\n"


def _genitiv(bezirk: Bezirk) -> str:
    """ "Landkreis Osnabrück" → "des Landkreises Osnabrück"."""
    for art, genitiv in (("Landkreis ", "des Landkreises "), ("Kreis ", "des Kreises ")):
        if bezirk.name.startswith(art):
            return genitiv + bezirk.name.removeprefix(art)
    if bezirk.name.startswith("Region "):
        return "der " + bezirk.name
    return f"des Bezirks {bezirk.name}"


def _aufzaehlung(namen: list[str]) -> str:
    return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " und " + namen[-1]


def _veraltet_satz(bericht: Auswertungsbericht) -> str | None:
    """The stale and undated Meldungen in one sentence, unless the warning said it all."""
    teile = []
    if bericht.veraltete and not bericht.daten_veraltet:
        namen = [f"{s.kommune} ({datum_deutsch(s.stand)})" for s in bericht.veraltete if s.stand]
        teile.append(
            f"die Angaben von {_aufzaehlung(namen)} sind älter als "
            f"{bericht.einstellungen.veraltet_nach_tagen} Tage"
        )
    ohne = [s.kommune for s in bericht.meldestatus if s.status == "ohne Stand"]
    if ohne and bericht.stand_neuester is None:
        teile.append("keine Meldung nennt einen Stand")
    elif ohne:
        verb = "nennt" if len(ohne) == 1 else "nennen"
        teile.append(f"{_aufzaehlung(ohne)} {verb} keinen Stand")
    return "; ".join(teile) if teile else None


def als_pressetext(bericht: Auswertungsbericht) -> str:
    """A short German paragraph with the key figures, honest about its data: stale data
    first, then how many Kommunen reported; without a current Meldung of every Kommune
    it speaks for the reporting Kommunen and never says the district's housing suffices."""
    bezirk = bericht.bezirk
    kennzahlen, gesamt = bericht.auswertung.kennzahlen, bericht.auswertung.gesamt
    alle, gemeldet = bericht.kommunen_im_bezirk, bericht.meldende_kommunen
    saetze: list[str] = []
    if gemeldet < alle:
        fehlen = "fehlt" if len(bericht.fehlende_kommunen) == 1 else "fehlen"
        saetze.append(
            f"Gemeldet haben {gemeldet} der {alle} Kommunen {_genitiv(bezirk)}; es {fehlen} "
            f"{_aufzaehlung(bericht.fehlende_kommunen)}."
        )
        wem = f"Den {gemeldet} meldenden Kommunen"
    else:
        wem = f"Den {alle} Kommunen {_genitiv(bezirk)}"
    if (satz := _veraltet_satz(bericht)) is not None:
        saetze.append(satz[0].upper() + satz[1:] + ".")
    zugewiesen = personen(gesamt["bisherige_zuweisungen"])
    saetze.append(f"{wem} sind bislang {zugewiesen} zugewiesen worden.")
    bis = f"Bis zum {datum_deutsch(bezirk.quote_ende)}" if bezirk.quote_ende else "Nach der Quote"
    dort = " dort" if gemeldet < alle else ""
    saetze.append(
        f"{bis} sind{dort} noch {personen(kennzahlen['benoetigter_wohnraum'])} aufzunehmen; "
        f"dafür stehen {zahl_de(kennzahlen['sofort_verfuegbar'])} Plätze sofort und "
        f"{zahl_de(kennzahlen['in_aussicht'])} in Aussicht zur Verfügung."
    )
    fehlend = kennzahlen["fehlender_wohnraum"]
    if gemeldet < alle:
        saetze.append(
            f"Rechnerisch fehlt damit in den {gemeldet} meldenden Kommunen Wohnraum für "
            f"{personen(fehlend)}."
            if fehlend > 0
            else f"Die {gemeldet} meldenden Kommunen haben damit rechnerisch "
            f"{zahl_de(-fehlend)} Plätze mehr zur Verfügung als benötigt; ob der Wohnraum im "
            "ganzen Landkreis reicht, lässt sich ohne die fehlenden Meldungen nicht sagen."
        )
    elif fehlend > 0:
        saetze.append(f"Rechnerisch fehlt damit Wohnraum für {personen(fehlend)}.")
    elif not bericht.alle_aktuell:
        saetze.append(
            f"Nach diesen Angaben stehen rechnerisch {zahl_de(-fehlend)} Plätze mehr zur "
            "Verfügung als benötigt; ob der Wohnraum reicht, lässt sich ohne aktuelle "
            "Meldungen aller Kommunen nicht sagen."
        )
    else:
        saetze.append(
            f"Rechnerisch reicht der Wohnraum damit aus: Es stehen {zahl_de(-fehlend)} Plätze "
            "mehr zur Verfügung als benötigt."
        )
    mangel = [z for z in bericht.auswertung.datensaetze() if (z["fehlender_wohnraum"] or 0) > 0]
    if mangel:
        groesste = sorted(mangel, key=lambda z: -z["fehlender_wohnraum"])[:3]
        namen = [f"{z['kommune']} ({personen(z['fehlender_wohnraum'])})" for z in groesste]
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
    # One line: Word and mail programs wrap it themselves; hard breaks would stay in the text.
    # The stale warning is the first sentence; then Stichtag and Stand der Daten.
    absatz = f"Stichtag {datum_deutsch(bericht.stichtag)}, {stand_der_daten(bericht)}: " + " ".join(
        saetze
    )
    if (achtung := warnung(bericht)) is not None:
        absatz = f"{achtung} {absatz}"
    return f"{absatz}\n{gesamt_fussnote(bericht)}\n"
