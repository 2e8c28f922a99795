"""``wrm prognose``: how long each Kommune's places last at the expected assignments – from
the remaining quota, a forecast file (split by the Verteilschlüssel) or the observed trend.

Pure: the table's rows, the settings, the file as read and the archive's series in, a
Prognose out. Exact (fractions) up to the rounding of the output.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Mapping, Sequence
from fractions import Fraction
from typing import Any

from wrm_cli.auswertung.verteilung import (
    Stueck,
    bis_zum,
    gewichte,
    monat_deutsch,
    monats_stuecke,
    monatsende,
    quote_stuecke,
    summiert,
    verteilen,
)
from wrm_cli.bezirk import sortierschluessel
from wrm_cli.fehler import KonfigFehler
from wrm_cli.konfig import Einstellungen
from wrm_cli.prognoseergebnis import (
    Kommunenprognose,
    Monatsverteilung,
    Prognose,
    Reichweite,
    Spanne,
    Zuweisungsprognose,
)
from wrm_cli.werte import datum_deutsch, zahl_de

# The band needs this many Stichtage (the report's included).
MINDESTLAEUFE = 4
TREND_WOCHEN = (4, 8)
# (Stichtag, Kommune → (1) bisherige Zuweisungen) of each earlier run, oldest first.
Reihe = Sequence[tuple[dt.date, Mapping[str, int | None]]]


def wochen(tage: Fraction) -> float:
    """t/7 rounded half up to one decimal."""
    return math.floor(tage * 10 / 7 + Fraction(1, 2)) / 10


def reichweite(stuecke: Sequence[Stueck], plaetze: int, stichtag: dt.date) -> Reichweite | None:
    """The first t ≥ 0 with C(t) ≥ plaetze; places 0 with persons expected: 0. None when
    C never reaches the places within the pieces (or nobody is expected at all)."""
    if plaetze <= 0:
        if any(p > 0 for _, _, p in stuecke):
            return Reichweite(Fraction(0), stichtag, 0.0)
        return None
    bisher = Fraction(0)
    for a, b, p in stuecke:
        if p > 0 and bisher + p >= plaetze:
            t = a + (plaetze - bisher) * (b - a) / p
            return Reichweite(t, stichtag + dt.timedelta(days=math.floor(t)), wochen(t))
        bisher += p
    return None


def pro_woche(stuecke: Sequence[Stueck]) -> Fraction:
    """The persons expected in the first 7 days (per week, when the forecast is shorter)."""
    ende = max((b for _, b, _ in stuecke), default=Fraction(0))
    dauer = min(Fraction(7), ende)
    return bis_zum(stuecke, dauer) * 7 / dauer if dauer else Fraction(0)


def _zahl(zeile: Mapping[str, Any], *keys: str) -> int:
    return sum(int(zeile[key] or 0) for key in keys)


def _horizont(
    einstellungen: Einstellungen,
    stichtag: dt.date,
    datei: Zuweisungsprognose | None,
    bis: dt.date | None,
) -> dt.date:
    if bis is not None and bis < stichtag:
        raise KonfigFehler(
            f"--bis {datum_deutsch(bis)} liegt vor dem Stichtag {datum_deutsch(stichtag)} – "
            "die Prognose beginnt am Stichtag."
        )
    if datei is not None:
        ende = monatsende(datei.monate[-1])
        if ende < stichtag:
            raise KonfigFehler(
                f"Die Prognosedatei {datei.datei.name} endet mit "
                f"{monat_deutsch(datei.monate[-1])}, vor dem Stichtag "
                f"{datum_deutsch(stichtag)} – erwartet werden Monate ab dem des Stichtags."
            )
    else:
        ende_quote = einstellungen.bezirk.quote_ende
        if ende_quote is None:
            raise KonfigFehler(
                "Für die Prognose fehlt das Ende des Quotenzeitraums – bitte in wrm.toml "
                "[quote] ende = 2016-07-31 eintragen oder mit --prognose DATEI (bzw. "
                "[prognose] datei) eine Prognose der Zuweisungen angeben."
            )
        if ende_quote < stichtag:
            raise KonfigFehler(
                f"[quote] ende = {ende_quote} liegt vor dem Stichtag {datum_deutsch(stichtag)} "
                "– für eine Prognose bitte das Ende des laufenden Quotenzeitraums eintragen "
                "oder mit --prognose DATEI eine Prognose der Zuweisungen angeben."
            )
        ende = ende_quote
    return min(ende, bis) if bis is not None else ende


def prognose_berechnen(
    zeilen: Sequence[Mapping[str, Any]],
    einstellungen: Einstellungen,
    stichtag: dt.date,
    datei: Zuweisungsprognose | None = None,
    bis: dt.date | None = None,
    reihe: Reihe | None = None,
) -> Prognose:
    """The Reichweite of every Kommune in ``zeilen`` (the rows of the Auswertung) and of
    the district; ``reihe``: the archive's earlier runs for the band (None: no archive)."""
    horizont = _horizont(einstellungen, stichtag, datei, bis)
    hinweise: list[str] = []
    if bis is not None and bis > horizont:
        woher = "Ende der Prognosedatei" if datei else "Ende der Quote"
        hinweise.append(
            f"--bis {datum_deutsch(bis)} liegt nach dem Ende der Prognose – sie endet am "
            f"{datum_deutsch(horizont)} ({woher})."
        )
    namen = [str(zeile["kommune"]) for zeile in zeilen]
    rest = {str(z["kommune"]): int(z["zu_erfuellen"] or 0) for z in zeilen}
    verteilung: dict[str, tuple[Monatsverteilung, ...]] = {}
    stuecke: dict[str, list[Stueck]]
    if datei is None:
        ende = einstellungen.bezirk.quote_ende
        assert ende is not None
        stuecke = {n: quote_stuecke(rest[n], stichtag, ende, horizont) for n in namen}
    elif datei.je_kommune:
        stuecke = {}
        for name in namen:
            eigene = {m: Fraction(n) for (k, m), n in datei.werte.items() if k == name}
            stuecke[name] = monats_stuecke(eigene, stichtag, horizont)
            hinweise += _luecken(datei, name, eigene, stichtag, horizont)
    else:
        stuecke, verteilung = _verteilt(datei, einstellungen, stichtag, horizont, rest, hinweise)
        hinweise += _luecken(datei, None, datei.monate, stichtag, horizont)
    spannen, bezirksspanne = _spannen(zeilen, stichtag, horizont, reihe, hinweise)
    warnung_tage = 7 * einstellungen.prognose.warnung_wochen
    kommunen = []
    for zeile, name in zip(zeilen, namen, strict=True):
        sofort = _zahl(zeile, "verfuegbar_gu", "verfuegbar_dezentral")
        gesamt = sofort + _zahl(zeile, "in_aussicht_gu", "in_aussicht_dezentral")
        meine = stuecke[name]
        reich = reichweite(meine, sofort, stichtag)
        kommunen.append(
            Kommunenprognose(
                name,
                sofort,
                gesamt,
                bis_zum(meine, Fraction((horizont - stichtag).days + 1)),
                pro_woche(meine),
                reich,
                reichweite(meine, gesamt, stichtag),
                spannen.get(name),
                reich is not None and reich.tage < warnung_tage,
                verteilung.get(name) if datei is not None and not datei.je_kommune else None,
            )
        )
    kommunen.sort(key=_reihenfolge)
    alle = summiert([stuecke[name] for name in namen])
    sofort = sum(k.plaetze_sofort for k in kommunen)
    reich = reichweite(alle, sofort, stichtag)
    bezirk = Kommunenprognose(
        einstellungen.bezirk.name,
        sofort,
        sum(k.plaetze_gesamt for k in kommunen),
        sum((k.erwartet for k in kommunen), Fraction(0)),
        pro_woche(alle),
        reich,
        reichweite(alle, sum(k.plaetze_gesamt for k in kommunen), stichtag),
        bezirksspanne,
        reich is not None and reich.tage < warnung_tage,
    )
    return Prognose(
        "datei" if datei is not None else "quote",
        datei.datei if datei is not None else None,
        einstellungen.prognose.schluessel if datei is not None and not datei.je_kommune else None,
        einstellungen.bezirk.quote_ende,
        horizont,
        einstellungen.prognose.warnung_wochen,
        tuple(kommunen),
        bezirk,
        tuple(hinweise),
        _trendtage(stichtag, reihe) if spannen or bezirksspanne else (),
    )


def _reihenfolge(k: Kommunenprognose) -> tuple[bool, Fraction, bool, Fraction, str]:
    sofort, gesamt = k.reichweite_sofort, k.reichweite_gesamt
    return (
        sofort is None,
        sofort.tage if sofort else Fraction(0),
        gesamt is None,
        gesamt.tage if gesamt else Fraction(0),
        sortierschluessel(k.kommune),
    )


def _verteilt(
    datei: Zuweisungsprognose,
    einstellungen: Einstellungen,
    stichtag: dt.date,
    horizont: dt.date,
    rest: Mapping[str, int],
    hinweise: list[str],
) -> tuple[dict[str, list[Stueck]], dict[str, tuple[Monatsverteilung, ...]]]:
    """District totals split by the key, month by month, for the months of the forecast."""
    bezirk = einstellungen.bezirk
    schluessel = einstellungen.prognose.schluessel
    gewicht = gewichte(schluessel, bezirk.kommunen, rest)
    plaetze = {k.name: dict(k.plaetze) for k in bezirk.kommunen}
    je_kommune: dict[str, dict[dt.date, Monatsverteilung]] = {name: {} for name in rest}
    for monat in datei.monate:
        if monatsende(monat) < stichtag or monat > horizont:
            continue
        summe = datei.werte[(None, monat)]
        schritte = verteilen(summe, monat, gewicht, plaetze, einstellungen.anrechnung)
        if summe and not any(s.erwartet for s in schritte.values()):
            hinweise.append(
                f"{monat_deutsch(monat)}: die angerechneten Plätze decken den Anteil jeder "
                f"Kommune – nach dem Schlüssel erhält niemand Zuweisungen, die "
                f"{zahl_de(summe)} Personen dieses Monats sind nicht verteilt."
            )
        for name in rest:
            je_kommune[name][monat] = schritte[name]
    stuecke = {
        name: monats_stuecke({m: s.erwartet for m, s in monate.items()}, stichtag, horizont)
        for name, monate in je_kommune.items()
    }
    verteilung = {name: tuple(monate.values()) for name, monate in je_kommune.items()}
    if schluessel != "quote" and (ohne := [k for k in gewicht if k not in rest]):
        hinweise.append(
            f"Ohne gültige Meldung, aber mit ihrem Anteil am Schlüssel: {', '.join(ohne)} – "
            "ihre erwarteten Zuweisungen fehlen in der Summe des Landkreises."
        )
    return stuecke, verteilung


def _luecken(
    datei: Zuweisungsprognose,
    kommune: str | None,
    monate: Collection[dt.date],
    stichtag: dt.date,
    horizont: dt.date,
) -> list[str]:
    """Months from the Stichtag's to the horizon's the file gives nothing for."""
    if kommune is not None and not monate:
        return [
            f"Die Prognosedatei {datei.datei.name} nennt keine Zuweisungen für {kommune} – "
            "für diese Kommune werden keine erwartet."
        ]
    fehlend = []
    monat = stichtag.replace(day=1)
    while monat <= horizont:
        if monat not in monate:
            fehlend.append(monat_deutsch(monat))
        monat = monatsende(monat) + dt.timedelta(days=1)
    if not fehlend:
        return []
    wem = f" für {kommune}" if kommune else ""
    return [
        f"Die Prognosedatei {datei.datei.name} nennt{wem} keine Zuweisungen für "
        f"{', '.join(fehlend)} – für {'diesen Monat' if len(fehlend) == 1 else 'diese Monate'} "
        "werden keine erwartet."
    ]


def _trendtage(stichtag: dt.date, reihe: Reihe | None) -> tuple[dt.date, ...]:
    return (*(tag for tag, _ in reihe or () if tag < stichtag), stichtag)


def _spannen(
    zeilen: Sequence[Mapping[str, Any]],
    stichtag: dt.date,
    horizont: dt.date,
    reihe: Reihe | None,
    hinweise: list[str],
) -> tuple[dict[str, Spanne], Spanne | None]:
    """The band of each Kommune and of the district from the increase of (1) per day over
    the last 4 and 8 weeks; "then" is the latest Stichtag at least that long before the
    report's, else the earliest one. Needs MINDESTLAEUFE Stichtage."""
    if reihe is None:
        return {}, None
    tage = _trendtage(stichtag, reihe)
    if len(tage) < MINDESTLAEUFE:
        hinweise.append(
            f"Keine Spanne aus dem Verlauf: das Archiv hält bis zum {datum_deutsch(stichtag)} "
            f"{len(tage) - 1} frühere Stichtage, nötig sind mindestens {MINDESTLAEUFE - 1} "
            f"(mit diesem {MINDESTLAEUFE} Läufe)."
        )
        return {}, None
    frueher = {tag: werte for tag, werte in reihe if tag < stichtag}
    jetzt = {str(z["kommune"]): z["bisherige_zuweisungen"] for z in zeilen}
    damals = []
    for anzahl in TREND_WOCHEN:
        grenze = stichtag - dt.timedelta(weeks=anzahl)
        damals.append(max((t for t in frueher if t <= grenze), default=min(frueher)))
    ende = Fraction((horizont - stichtag).days + 1)
    gesunken: list[str] = []

    def raten(werte: Sequence[tuple[int | None, int | None]], wer: str) -> list[Fraction] | None:
        ergebnis = []
        for (neu, alt), tag in zip(werte, damals, strict=True):
            if neu is None or alt is None:
                return None
            rate = Fraction(neu - alt, (stichtag - tag).days)
            if rate < 0 and wer:
                gesunken.append(f"{wer} seit dem {datum_deutsch(tag)} ({zahl_de(neu - alt)})")
            ergebnis.append(max(rate, Fraction(0)))
        return ergebnis

    def spanne(r: list[Fraction], plaetze: int) -> Spanne:
        niedrig = reichweite([(Fraction(0), ende, max(r) * ende)], plaetze, stichtag)
        hoch = reichweite([(Fraction(0), ende, min(r) * ende)], plaetze, stichtag)
        return Spanne(r[0], r[1], niedrig, hoch)

    spannen: dict[str, Spanne] = {}
    summe_jetzt, summe_damals = [0, 0], [0, 0]
    bezirk_plaetze = 0
    for zeile in zeilen:
        name = str(zeile["kommune"])
        plaetze = _zahl(zeile, "verfuegbar_gu", "verfuegbar_dezentral")
        bezirk_plaetze += plaetze
        paare = [(jetzt[name], frueher[tag].get(name)) for tag in damals]
        r = raten(paare, name)
        if r is None:
            continue
        spannen[name] = spanne(r, plaetze)
        for i, (neu, alt) in enumerate(paare):
            summe_jetzt[i] += neu or 0
            summe_damals[i] += alt or 0
    if gesunken:
        hinweise.append(
            f"(1) bisherige Zuweisungen gesunken: {'; '.join(gesunken)} – für die Spanne "
            "zählt das als 0 Personen je Tag."
        )
    # The district's band only when every Kommune has one: else its rate would lack some.
    gesamt = raten(list(zip(summe_jetzt, summe_damals, strict=True)), "")
    vollstaendig = gesamt is not None and len(spannen) == len(zeilen)
    bezirk = spanne(gesamt, bezirk_plaetze) if gesamt is not None and vollstaendig else None
    return spannen, bezirk
