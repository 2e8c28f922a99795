"""Plain text for e-mails and Word: a fixed-width table, and a short press paragraph."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import Any, Literal

from wrm_cli.berichte.beschriftung import (
    VERGLEICH_SPALTE,
    befundzeilen,
    dateien_zusammengefasst,
    gesamt_bezeichnung,
    gesamt_fussnote,
    kennzahltitel,
    ohne_meldung,
    spaltentitel,
    stand_der_daten,
    tabellenzeilen,
    titel,
    veraenderung,
    vergleich_kommunen,
    vergleich_zeile,
    warnung,
)
from wrm_cli.berichte.prognose_saetze import pressesatz
from wrm_cli.bezirk import Bezirk
from wrm_cli.ergebnis import BERICHTSSPALTEN, ZAHLSPALTEN, Auswertungsbericht
from wrm_cli.werte import aufzaehlung, datum_deutsch, personen, zahl_de

_SPALTEN = BERICHTSSPALTEN
VERAENDERUNG = "veraenderung"  # the key of the change column
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
    """The table in a monospaced font: numbers right-aligned, headers wrapped; with a
    comparison, its change column right of "fehlender Wohnraum"."""
    titelzeilen = spaltentitel(bericht.bezirk) | {VERAENDERUNG: VERGLEICH_SPALTE}
    vergleich = bericht.vergleich
    spalten = _spalten(bericht)
    daten = tabellenzeilen(bericht)
    gesamt = bericht.auswertung.gesamt

    def zelle(werte: dict[str, Any], spalte: str) -> str:
        if spalte == VERAENDERUNG:
            assert vergleich is not None
            return veraenderung(vergleich.zeilen[werte["kommune"]]["fehlender_wohnraum"])
        return zahl_de(werte[spalte]) if spalte in ZAHLSPALTEN else str(werte[spalte] or "")

    zellen = [[zelle(zeile, s) for s in spalten] for zeile in daten]
    summenzeile = [gesamt_bezeichnung(bericht), *(zahl_de(gesamt[s]) for s in ZAHLSPALTEN), ""]
    if vergleich is not None:
        summenzeile.insert(spalten.index(VERAENDERUNG), veraenderung(_gesamt_veraenderung(bericht)))
    zellen.append(summenzeile)
    rechts = [s in ZAHLSPALTEN or s == VERAENDERUNG for s in spalten]
    breiten = [
        max([len(z[i]) for z in zellen] + [_ZAHLBREITE if r else len("Einschätzung")])
        for i, r in enumerate(rechts)
    ]
    anfaenge = [sum(b + len(_ABSTAND) for b in breiten[:i]) for i in range(len(breiten))]
    fehlend_nr, einschaetzung_nr = spalten.index("fehlender_wohnraum"), len(spalten) - 1
    veraenderung_nr = spalten.index(VERAENDERUNG) if vergleich is not None else None

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

    def bilanzmarken(fehlend: int | None, aenderung: int | None) -> dict[int, Art]:
        marken: dict[int, Art] = {}
        if (art := _bilanz(fehlend)) is not None:
            marken[fehlend_nr] = art
        if veraenderung_nr is not None and (art := _bilanz(aenderung)) is not None:
            marken[veraenderung_nr] = art  # more missing is bad, less is good
        return marken

    koepfe = [_kopf(titelzeilen[s], b) for s, b in zip(spalten, breiten, strict=True)]
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
        aenderung = vergleich.zeilen[werte["kommune"]] if vergleich is not None else {}
        marken = bilanzmarken(werte["fehlender_wohnraum"], aenderung.get("fehlender_wohnraum"))
        if werte["einschaetzung"] == "kritisch":
            marken[einschaetzung_nr] = "kritisch"
        ausgabe.append(zeile(texte, marken))
    ausgabe.append(linie)
    summen = zeile(
        zellen[-1], bilanzmarken(gesamt["fehlender_wohnraum"], _gesamt_veraenderung(bericht))
    )
    summen.marken.insert(0, (0, len(summen.text), "gesamt"))  # bold under the colour
    ausgabe.append(summen)
    return ausgabe


def _spalten(bericht: Auswertungsbericht) -> list[str]:
    spalten = list(_SPALTEN)
    if bericht.vergleich is not None:
        spalten.insert(spalten.index("fehlender_wohnraum") + 1, VERAENDERUNG)
    return spalten


def _gesamt_veraenderung(bericht: Auswertungsbericht) -> int | None:
    vergleich = bericht.vergleich
    return None if vergleich is None else vergleich.gesamt["fehlender_wohnraum"]


def _vergleichszeilen(bericht: Auswertungsbericht) -> list[Textzeile]:
    """The changes of the Kennzahlen in one line, and whether the Kommunen differ."""
    if bericht.vergleich is None or (text := vergleich_zeile(bericht)) is None:
        return []
    zeile = Textzeile(text)
    fehlend = bericht.vergleich.kennzahlen["fehlender_wohnraum"]
    if (art := _bilanz(fehlend)) is not None:  # the last figure, before the full stop
        ende = len(text) - 1
        zeile.marken.append((ende - len(veraenderung(fehlend)), ende, art))
    ausgabe = [Textzeile(""), zeile]
    if (anders := vergleich_kommunen(bericht)) is not None:
        ausgabe.append(Textzeile(anders, [(0, len(anders), "hinweis")]))
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
    ausgabe += _vergleichszeilen(bericht)
    if bericht.fehlende_kommunen:
        ausgabe += [Textzeile(""), Textzeile(ohne_meldung(bericht.fehlende_kommunen))]
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


def _veraltet_satz(bericht: Auswertungsbericht) -> str | None:
    """The stale and undated Meldungen in one sentence, unless the warning said it all."""
    teile = []
    if bericht.veraltete and not bericht.daten_veraltet:
        namen = [f"{s.kommune} ({datum_deutsch(s.stand)})" for s in bericht.veraltete if s.stand]
        teile.append(
            f"die Angaben von {aufzaehlung(namen)} sind älter als "
            f"{bericht.einstellungen.veraltet_nach_tagen} Tage"
        )
    ohne = [s.kommune for s in bericht.meldestatus if s.status == "ohne Stand"]
    if ohne and bericht.stand_neuester is None:
        teile.append("keine Meldung nennt einen Stand")
    elif ohne:
        verb = "nennt" if len(ohne) == 1 else "nennen"
        teile.append(f"{aufzaehlung(ohne)} {verb} keinen Stand")
    return "; ".join(teile) if teile else None


def _plaetze(anzahl: int) -> str:
    return "1 Platz" if anzahl == 1 else f"{zahl_de(anzahl)} Plätze"


def _bilanz_damals(fehlend: int) -> str:
    if fehlend > 0:
        return f"fehlte Wohnraum für {personen(fehlend)}"
    if fehlend < 0:
        return f"standen {_plaetze(-fehlend)} mehr zur Verfügung als benötigt"
    return "reichte der Wohnraum genau"


def _vergleich_satz(bericht: Auswertungsbericht) -> str | None:
    """The change of fehlender Wohnraum since the comparison run in words (it is a
    shortage when positive, a surplus when negative), and whether the same Kommunen
    reported then: otherwise the change is partly a change of who reported."""
    if (vergleich := bericht.vergleich) is None:
        return None
    jetzt = bericht.auswertung.kennzahlen["fehlender_wohnraum"]
    aenderung = vergleich.kennzahlen["fehlender_wohnraum"]
    damals = jetzt - aenderung
    seit = f"Gegenüber dem {datum_deutsch(vergleich.stichtag)}"
    if aenderung == 0:
        satz = (
            f"{seit} ist der rechnerisch fehlende Wohnraum unverändert"
            if jetzt > 0
            else f"{seit} ist der rechnerische Überschuss unverändert"
            if jetzt < 0
            else f"{seit} hat sich die rechnerische Bilanz nicht verändert"
        )
    elif jetzt > 0 and damals > 0:
        mehr = "mehr" if aenderung > 0 else "weniger"
        satz = f"{seit} fehlt rechnerisch für {personen(abs(aenderung))} {mehr} Wohnraum"
    elif jetzt < 0 and damals < 0:
        wie = "gewachsen" if aenderung < 0 else "geschrumpft"
        satz = f"{seit} ist der rechnerische Überschuss um {_plaetze(abs(aenderung))} {wie}"
    else:  # from surplus to shortage or back, or from or to exactly enough
        wie = "verschlechtert" if aenderung > 0 else "verbessert"
        satz = (
            f"{seit} hat sich die rechnerische Bilanz um {_plaetze(abs(aenderung))} {wie}; "
            f"damals {_bilanz_damals(damals)}"
        )
    if not vergleich.gleiche_kommunen:
        diesmal = len(vergleich.zeilen)
        vorher = diesmal - len(vergleich.neu) + len(vergleich.weggefallen)
        wer = (
            f"damals meldeten {vorher} Kommunen, diesmal {diesmal}"
            if vorher != diesmal
            else f"damals und diesmal meldeten je {diesmal} Kommunen, aber nicht dieselben"
        )
        satz += f" – {wer}, die Veränderung liegt also zum Teil daran, wer gemeldet hat"
    elif bericht.meldende_kommunen < bericht.kommunen_im_bezirk:
        satz += f" (bei denselben {len(vergleich.zeilen)} meldenden Kommunen wie damals)"
    return satz + "."


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
            f"{aufzaehlung(bericht.fehlende_kommunen)}."
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
    if (satz := _vergleich_satz(bericht)) is not None:
        saetze.append(satz)
    if (satz := pressesatz(bericht)) is not None:  # with a forecast (wrm prognose)
        saetze.append(satz)
    mangel = [z for z in bericht.auswertung.datensaetze() if (z["fehlender_wohnraum"] or 0) > 0]
    if mangel:
        groesste = sorted(mangel, key=lambda z: -z["fehlender_wohnraum"])[:3]
        namen = [f"{z['kommune']} ({personen(z['fehlender_wohnraum'])})" for z in groesste]
        saetze.append(
            f"Wohnraum fehlt in {len(mangel)} Kommunen, am meisten in {aufzaehlung(namen)}."
            if len(mangel) > 1
            else f"Wohnraum fehlt nur in {namen[0]}."
        )
    kritisch = [
        z["kommune"] for z in bericht.auswertung.datensaetze() if z["einschaetzung"] == "kritisch"
    ]
    if kritisch:
        saetze.append(
            f"{len(kritisch)} Kommunen schätzen ihre Lage selbst als kritisch ein: "
            f"{aufzaehlung(kritisch)}."
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
