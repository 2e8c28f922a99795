"""``wrm auswerten --format html`` / ``-o bericht.html``: one self-contained page for the
intranet – the Auswertung as published, a bar chart, the Meldestatus, the Hinweise by
Kommune, Ausgleich, Prognose and Verlauf when available, and one section per Kommune
(``#kommune-bad-laer``) that can be sent to it as a link."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from wrm_cli.befunde import Befund
from wrm_cli.berichte import beschriftung as b
from wrm_cli.berichte import html_ausgleich, html_prognose
from wrm_cli.berichte.html_seite import (
    Tabelle,
    anker_je_kommune,
    bilanzmarke,
    fusszeile,
    nach_kommune,
    quelle_dateien,
    seite,
)
from wrm_cli.berichte.html_verlauf import bezirksdiagramm, html_tabelle
from wrm_cli.berichte.svg_diagramm import balkendiagramm
from wrm_cli.berichte.verlauf_spalten import bezirkstabelle
from wrm_cli.ergebnis import BERICHTSSPALTEN, ZAHLSPALTEN, Auswertungsbericht, Kommunenstelle
from wrm_cli.felder import KONTAKT_LABELS
from wrm_cli.werte import datum_deutsch, zahl_de

_VERAENDERUNG = "veraenderung"
Zelle = tuple[str, str]  # text, CSS class


def _vor_dem_stichtag(tage: int) -> str:
    if tage == 0:
        return "am Stichtag"
    wort = "1 Tag" if abs(tage) == 1 else f"{zahl_de(abs(tage))} Tage"
    return f"{wort} {'vor' if tage > 0 else 'nach'} dem Stichtag"


def alter_satz(bericht: Auswertungsbericht) -> str:
    """How old the newest and the oldest Stand are on the Stichtag."""
    alt, neu = bericht.stand_aeltester, bericht.stand_neuester
    if alt is None or neu is None:
        return "Keine Meldung nennt einen Stand."
    if alt == neu:
        tage = (bericht.stichtag - neu).days
        return f"Alle Meldungen haben den Stand {datum_deutsch(neu)} ({_vor_dem_stichtag(tage)})."
    return (
        f"Neueste Meldung: Stand {datum_deutsch(neu)} "
        f"({_vor_dem_stichtag((bericht.stichtag - neu).days)}); älteste: Stand "
        f"{datum_deutsch(alt)} ({_vor_dem_stichtag((bericht.stichtag - alt).days)})."
    )


def _spalten(bericht: Auswertungsbericht) -> list[str]:
    spalten = list(BERICHTSSPALTEN)
    if bericht.vergleich is not None:
        spalten.insert(spalten.index("fehlender_wohnraum") + 1, _VERAENDERUNG)
    return spalten


def _auswertung(bericht: Auswertungsbericht, anker: dict[str, str]) -> dict[str, Any]:
    """The published table: headers in groups, one row per Kommune, the Gesamt."""
    titelzeilen = b.spaltentitel(bericht.bezirk) | {_VERAENDERUNG: b.VERGLEICH_SPALTE}
    spalten = _spalten(bericht)
    vergleich = bericht.vergleich

    def zelle(daten: dict[str, Any], spalte: str) -> Zelle:
        if spalte == _VERAENDERUNG:
            assert vergleich is not None
            wert = vergleich.zeilen[daten["kommune"]]["fehlender_wohnraum"]
            return b.veraenderung(wert), bilanzmarke(wert)
        if spalte in ZAHLSPALTEN:  # right-aligned by the page's CSS
            marke = bilanzmarke(daten[spalte]) if spalte == "fehlender_wohnraum" else ""
            return zahl_de(daten[spalte]), marke
        text = daten[spalte] or ""
        return text, "kritisch" if text == "kritisch" else ""

    zeilen = [
        {
            "name": daten["kommune"],
            "anker": anker.get(daten["kommune"]),
            "zellen": [zelle(daten, s) for s in spalten[1:]],
        }
        for daten in b.tabellenzeilen(bericht)
    ]
    gesamt = bericht.auswertung.gesamt
    summen: list[Zelle] = []
    for spalte in spalten[1:]:
        if spalte == _VERAENDERUNG:
            assert vergleich is not None
            wert = vergleich.gesamt["fehlender_wohnraum"]
            summen.append((b.veraenderung(wert), bilanzmarke(wert)))
        elif spalte in ZAHLSPALTEN:
            marke = bilanzmarke(gesamt[spalte]) if spalte == "fehlender_wohnraum" else ""
            summen.append((zahl_de(gesamt[spalte]), marke))
        else:
            summen.append(("", ""))
    gruppiert = [s for spalten_ in b.SPALTENGRUPPEN.values() for s in spalten_]
    return {
        "kommune": titelzeilen["kommune"],
        "gruppen": [
            (text, [titelzeilen[s] for s in spalten_])
            for text, spalten_ in b.SPALTENGRUPPEN.items()
        ],
        "einzeln": [titelzeilen[s] for s in spalten[1 + len(gruppiert) :]],
        "zeilen": zeilen,
        "titel": f"Auswertung, Stichtag {datum_deutsch(bericht.stichtag)}, "
        f"{b.stand_der_daten(bericht)}",
        "gesamt": b.gesamt_bezeichnung(bericht),
        "summen": summen,
        "fussnote": b.gesamt_fussnote(bericht),
    }


def _kennzahlen(bericht: Auswertungsbericht) -> Tabelle:
    vergleich = bericht.vergleich
    kopf = ["Kennzahl", "Personen", *([b.VERGLEICH_SPALTE] if vergleich else [])]
    zeilen, marken = [], []
    for key, text in b.kennzahltitel(bericht.bezirk).items():
        wert = bericht.auswertung.kennzahlen[key]
        zeile = [text.removesuffix(" (Personen)"), zahl_de(wert)]
        marke = ["", bilanzmarke(wert) if key == "fehlender_wohnraum" else ""]
        if vergleich is not None:
            aenderung = vergleich.kennzahlen[key]
            zeile.append(b.veraenderung(aenderung))
            marke.append(bilanzmarke(aenderung) if key == "fehlender_wohnraum" else "")
        zeilen.append(zeile)
        marken.append(marke)
    return Tabelle("Kennzahlen", kopf, [False, True, True], zeilen, marken=marken)


@dataclass
class Kommunenteil:
    """The section of one Kommune: its state, contact, row, history and Befunde."""

    name: str
    anker: str
    status: str
    stand: str
    datei: str
    grund: str
    kontakt: list[tuple[str, str]] = field(default_factory=list)
    zeile: list[tuple[str, str, str]] = field(default_factory=list)  # title, text, class
    verlauf: str = ""
    reihe: str = ""  # its last Stichtage from the archive
    befunde: list[Befund] = field(default_factory=list)


def _verlauf_satz(bericht: Auswertungsbericht, name: str, hat_zeile: bool) -> str:
    """The Kommune's history in one line, from the comparison run of the archive."""
    vergleich = bericht.vergleich
    if vergleich is None:  # short: the why is said once for all (verlauf_alle)
        return (
            "Verlauf: kein früherer Stichtag."
            if bericht.verlauf
            else "Verlauf: keiner (ohne Archiv)."
        )
    seit = datum_deutsch(vergleich.stichtag)
    if not hat_zeile:
        return f"Verlauf: keine Zeile in dieser Auswertung, kein Vergleich mit dem {seit}."
    if name in vergleich.neu:
        return f"Verlauf: am {seit} ohne Zeile in der Auswertung."
    aenderung = vergleich.zeilen[name]["fehlender_wohnraum"]
    if aenderung is None:
        return f"Verlauf: seit dem {seit} nicht zu vergleichen (fehlender Wohnraum leer)."
    return f"Verlauf: fehlender Wohnraum seit dem {seit} {b.veraenderung(aenderung)}."


def reihe_satz(stellen: list[Kommunenstelle]) -> str:
    """ "Fehlender Wohnraum je Stichtag: 02.03.2016: 12 · 09.03.2016: fehlt · …" """
    if len(stellen) < 2:
        return ""
    teile = []
    for stelle in stellen:
        if stelle.fehlender_wohnraum is not None:
            wert = zahl_de(stelle.fehlender_wohnraum)
        else:  # no row then, or no housing data in it
            wert = (
                "leer" if stelle.status in ("aktuell", "veraltet", "ohne Stand") else stelle.status
            )
        teile.append(f"{datum_deutsch(stelle.stichtag)}: {wert}")
    return "Fehlender Wohnraum je Stichtag: " + " · ".join(teile) + "."


def verlauf_alle(bericht: Auswertungsbericht) -> str | None:
    """Without a comparison run, why no section has a change (once, above them)."""
    if bericht.vergleich is not None:
        return None
    if bericht.verlauf:
        return "Verlauf: kein früherer Stichtag im Archiv – keine Veränderung je Kommune."
    return (
        "Verlauf: keiner – ohne Archiv (--archiv) kennt wrm keine früheren Stichtage; den "
        "Verlauf einer Kommune zeigt wrm verlauf --archiv DATEI --kommune NAME."
    )


def _kommunen(bericht: Auswertungsbericht, anker: dict[str, str]) -> list[Kommunenteil]:
    titelzeilen = b.spaltentitel(bericht.bezirk)
    zeilen = {daten["kommune"]: daten for daten in b.tabellenzeilen(bericht)}
    uebersicht = {zeile["kommune"]: zeile for zeile in bericht.uebersicht}
    befunde: dict[str | None, list[Befund]] = {}
    for befund in bericht.befunde:
        befunde.setdefault(befund.kommune, []).append(befund)
    teile = []
    for stand in bericht.meldestatus:
        daten = zeilen.get(stand.kommune)
        kontakt = uebersicht.get(stand.kommune, {})
        teil = Kommunenteil(
            name=stand.kommune,
            anker=anker[stand.kommune],
            status=stand.status,
            stand=datum_deutsch(stand.stand) if stand.stand else "",
            datei=stand.datei or "",
            grund=stand.grund or "",
            kontakt=[
                (label, str(kontakt[key]))
                for key, label in KONTAKT_LABELS.items()
                if kontakt.get(key)
            ],
            verlauf=_verlauf_satz(bericht, stand.kommune, daten is not None),
            reihe=reihe_satz(bericht.kommunenverlauf.get(stand.kommune, [])),
            befunde=befunde.get(stand.kommune, []),
        )
        if daten is not None:
            teil.zeile = [
                (
                    titelzeilen[s],
                    zahl_de(daten[s]) if s in ZAHLSPALTEN else daten[s] or "",
                    bilanzmarke(daten[s]) if s == "fehlender_wohnraum" else "",
                )
                for s in BERICHTSSPALTEN[1:]
            ]
        teile.append(teil)
    return teile


def _quelle(bericht: Auswertungsbericht) -> str:
    teile = [quelle_dateien(bericht.gelesene_dateien)]
    if bericht.vergleich is not None:
        teile.append(f"Vergleich mit dem Stichtag {datum_deutsch(bericht.vergleich.stichtag)}")
    if bericht.verlauf:
        teile.append(f"Verlauf aus dem Archiv ({len(bericht.verlauf)} Stichtage)")
    return "; ".join(teile)


def als_html(bericht: Auswertungsbericht, jetzt: dt.datetime | None = None) -> str:
    namen = [stand.kommune for stand in bericht.meldestatus]
    anker = anker_je_kommune([*namen, *bericht.bezirk.kommunennamen])
    balken = balkendiagramm(
        [(z["kommune"], z["fehlender_wohnraum"]) for z in b.tabellenzeilen(bericht)],
        f"Fehlender Wohnraum je Kommune, Stichtag {datum_deutsch(bericht.stichtag)}",
    )
    verlauf = None
    if bericht.verlauf:
        daten = bezirkstabelle(bericht.verlauf, bericht.bezirk)
        verlauf = {
            "diagramm": bezirksdiagramm(bericht.verlauf, bericht.bezirk.name),
            "tabelle": html_tabelle(daten, f"Verlauf {bericht.bezirk.name} je Stichtag"),
        }
    return seite(
        "bericht.html.j2",
        seitentitel=b.titel(bericht),
        warnung=b.warnung(bericht),
        alter=alter_satz(bericht),
        fehlende=bericht.fehlende_kommunen,
        auswertung=_auswertung(bericht, anker),
        kennzahlen=_kennzahlen(bericht),
        vergleich_zeile=b.vergleich_zeile(bericht),
        vergleich_kommunen=b.vergleich_kommunen(bericht),
        balken=balken,
        meldestatus=bericht.meldestatus,
        anker=anker,
        dateien=b.dateien_zusammengefasst(bericht.dateien),
        befundgruppen=nach_kommune(b.befundzeilen(bericht), anker),
        ausgleich=html_ausgleich.inhalt(bericht) if bericht.ausgleich else None,
        prognose=html_prognose.inhalt(bericht) if bericht.prognose else None,
        verlauf=verlauf,
        kommunen=_kommunen(bericht, anker),
        verlauf_alle=verlauf_alle(bericht),
        fuss=fusszeile(_quelle(bericht), jetzt),
    )
