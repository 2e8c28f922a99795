"""What every output of ``wrm prognose`` says besides the table: the title with Stichtag
and Stand der Daten, who is missing, the source and the key, the district's assumption,
and the cells of a Reichweite."""

from __future__ import annotations

import datetime as dt
import math
from fractions import Fraction

from wrm_cli.berichte.beschriftung import stand_der_daten, warnung
from wrm_cli.ergebnis import Auswertungsbericht
from wrm_cli.konfig import Anrechnungsregel
from wrm_cli.prognoseergebnis import Prognose, Reichweite, Spanne
from wrm_cli.werte import datum_deutsch

SCHLUESSEL = {
    "quote": "nach der Restquote (5)",
    "einwohner": "nach Einwohnern",
    "fest": "nach festen Anteilen",
}
BEZIRKSANNAHME = (
    "Die Zeile des Landkreises rechnet mit den Summen aller meldenden Kommunen – als "
    "könnten Plätze über Kommunen hinweg genutzt werden (siehe wrm ausgleich)."
)


def prognose_von(bericht: Auswertungsbericht) -> Prognose:
    assert bericht.prognose is not None, "ablauf.mit_prognose first"
    return bericht.prognose


def titel(bericht: Auswertungsbericht) -> str:
    return (
        f"Wohnraummanagement {bericht.bezirk.name} – Prognose der Reichweite, Stichtag "
        f"{datum_deutsch(bericht.stichtag)}, {stand_der_daten(bericht)}"
    )


def dezimal(wert: float | Fraction, stellen: int = 1) -> str:
    """1.25 → "1,3" (half up), German decimal comma."""
    genau = Fraction(wert)
    ganz = math.floor(abs(genau) * 10**stellen + Fraction(1, 2))
    vorn, hinten = divmod(ganz, 10**stellen)
    zeichen = "-" if genau < 0 and ganz else ""
    return f"{zeichen}{vorn},{hinten:0{stellen}d}" if stellen else f"{zeichen}{vorn}"


def _regel(regel: Anrechnungsregel) -> str:
    zeit = ""
    if regel.ab and regel.bis:
        zeit = f" vom {datum_deutsch(regel.ab)} bis {datum_deutsch(regel.bis)}"
    elif regel.ab:
        zeit = f" ab {datum_deutsch(regel.ab)}"
    elif regel.bis:
        zeit = f" bis {datum_deutsch(regel.bis)}"
    return f"Plätze „{regel.art}“ × {dezimal(regel.faktor, 2).rstrip('0').rstrip(',')}{zeit}"


def quelle_zeile(bericht: Auswertungsbericht) -> str:
    """Where the expected assignments come from, and the key and credits used."""
    prognose = prognose_von(bericht)
    if prognose.quelle == "quote":
        assert prognose.quote_ende is not None
        return (
            f"Quelle: Restquote max((5), 0) je Kommune, gleichmäßig verteilt auf die Tage bis "
            f"zum Ende der Quote (Quote bis {datum_deutsch(prognose.quote_ende)})."
        )
    assert prognose.datei is not None
    if prognose.schluessel is None:
        return (
            f"Quelle: Prognosedatei {prognose.datei.name} (Zuweisungen je Kommune und Monat), "
            "je Monat gleichmäßig auf seine Tage verteilt."
        )
    regeln = bericht.einstellungen.anrechnung
    angerechnet = (
        "; angerechnet: " + ", ".join(_regel(r) for r in regeln)
        if regeln
        else "; keine Anrechnung von Landeseinrichtungen"
    )
    return (
        f"Quelle: Prognosedatei {prognose.datei.name} (Summen des Landkreises je Monat), "
        f"je Monat gleichmäßig auf seine Tage verteilt; Verteilschlüssel "
        f"{SCHLUESSEL[prognose.schluessel]}{angerechnet}."
    )


def kopfzeilen(bericht: Auswertungsbericht) -> list[str]:
    """The lines above the table."""
    prognose = prognose_von(bericht)
    zeilen = [titel(bericht)]
    if (achtung := warnung(bericht)) is not None:
        zeilen.append(achtung)
    if bericht.fehlende_kommunen:
        zeilen.append(
            f"Ohne gültige Meldung (nicht in der Prognose): {', '.join(bericht.fehlende_kommunen)}."
        )
    zeilen.append(quelle_zeile(bericht))
    zeilen.append(
        f"Prognose bis {datum_deutsch(prognose.bis)}; Plätze sofort = (8)+(9), gesamt = "
        f"(8)+(9)+(10)+(11); markiert (!): Reichweite sofort unter "
        f"{prognose.warnung_wochen} Wochen."
    )
    if prognose.trend_stichtage:
        tage = prognose.trend_stichtage
        zeilen.append(
            f"Spanne: Reichweite sofort bei der Zunahme von (1) je Tag in den letzten 4 und 8 "
            f"Wochen (Archiv, {len(tage)} Stichtage {datum_deutsch(tage[0])} bis "
            f"{datum_deutsch(tage[-1])})."
        )
    return zeilen


def fusszeilen(bericht: Auswertungsbericht) -> list[str]:
    """The lines below the table: the district's assumption, what "über" means, hints."""
    prognose = prognose_von(bericht)
    zeilen = [
        BEZIRKSANNAHME,
        f"„über {datum_deutsch(prognose.bis)}“: die Plätze reichen über den "
        f"{datum_deutsch(prognose.bis)} hinaus (Ende der Prognose).",
    ]
    zeilen += [f"Hinweis: {text}" for text in prognose.hinweise]
    return zeilen


def datum_zelle(reichweite: Reichweite | None, bis: dt.date) -> str:
    return datum_deutsch(reichweite.datum) if reichweite else f"über {datum_deutsch(bis)}"


def wochen_zelle(reichweite: Reichweite | None) -> str:
    return dezimal(reichweite.wochen) if reichweite else ""


def spanne_zelle(prognose: Prognose, spanne: Spanne | None) -> str:
    if spanne is None:
        return ""
    niedrig = datum_zelle(spanne.niedrig, prognose.bis)
    hoch = datum_zelle(spanne.hoch, prognose.bis)
    return niedrig if niedrig == hoch else f"{niedrig} – {hoch}"


def pressesatz(bericht: Auswertungsbericht) -> str | None:
    """The pressetext's sentence on how long the places "sofort" last: for the district
    only when every Kommune reported, else for the reporting Kommunen."""
    prognose = bericht.prognose
    if prognose is None:
        return None
    gemeldet, alle = bericht.meldende_kommunen, bericht.kommunen_im_bezirk
    wo = "im Landkreis" if gemeldet >= alle else f"der {gemeldet} meldenden Kommunen"
    wie = (
        "Bei gleichbleibenden Zuweisungen"
        if prognose.quelle == "quote"
        else "Nach der Prognose der Zuweisungen"
    )
    reichweite = prognose.bezirk_gesamt.reichweite_sofort
    bis = (
        f"bis etwa {datum_deutsch(reichweite.datum)} ({dezimal(reichweite.wochen)} Wochen)"
        if reichweite is not None
        else f"über den {datum_deutsch(prognose.bis)} hinaus"
    )
    knapp = sum(k.warnung for k in prognose.kommunen)
    einzeln = (
        f"; in {knapp} {'Kommune reichen sie' if knapp == 1 else 'Kommunen reichen sie'} "
        f"keine {prognose.warnung_wochen} Wochen"
        if knapp
        else ""
    )
    return (
        f"{wie} reichen die sofort verfügbaren Plätze {wo} {bis}, wenn sie über Kommunen "
        f"hinweg genutzt werden könnten{einzeln}."
    )
