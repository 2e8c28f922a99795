"""Column and summary labels, and the lines every report says about its own data
(Stand der Daten, stale data, the Gesamt rule), shared by every output."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wrm_cli.befunde import Befund, hinweis
from wrm_cli.bezirk import Bezirk
from wrm_cli.ergebnis import DATEISTATUS, Auswertungsbericht, Dateistand, Meldestand
from wrm_cli.felder import KAPAZITAETSFELDER
from wrm_cli.werte import datum_deutsch, zahl_de


def spaltentitel(bezirk: Bezirk) -> dict[str, str]:
    return {
        "kommune": "Kommune",
        "bisherige_zuweisungen": "bisherige Zuweisungen",
        "zu_erfuellen": bezirk.label_zu_erfuellen(),
        "verfuegbar_gu": "verfügbar GU",
        "verfuegbar_dezentral": "verfügbar dezentral",
        "in_aussicht_gu": "in Aussicht GU",
        "in_aussicht_dezentral": "in Aussicht dezentral",
        "summe": "Summe",
        "fehlender_wohnraum": "fehlender Wohnraum",
        "einschaetzung": "Einschätzung",
    }


# The group headers over the columns, as published; every other column spans both rows.
SPALTENGRUPPEN: dict[str, tuple[str, ...]] = {
    "Quote": ("bisherige_zuweisungen", "zu_erfuellen"),
    "verfügbarer Wohnraum": KAPAZITAETSFELDER,
}


def kennzahltitel(bezirk: Bezirk) -> dict[str, str]:
    return {
        "benoetigter_wohnraum": f"{bezirk.label_benoetigt()} (Personen)",
        "sofort_verfuegbar": "davon sofort verfügbar (Personen)",
        "in_aussicht": "in Aussicht stehender Wohnraum (Personen)",
        "gesamtverfuegbarkeit": "aktuelle Gesamtverfügbarkeit (Personen)",
        "fehlender_wohnraum": "fehlender Wohnraum (Personen)",
    }


# The change column of the tables, right of "fehlender Wohnraum".
VERGLEICH_SPALTE = "± Vorwoche"

# The Kennzahlen in the one line of their changes.
KENNZAHL_KURZ = {
    "benoetigter_wohnraum": "benötigter Wohnraum",
    "sofort_verfuegbar": "sofort verfügbar",
    "in_aussicht": "in Aussicht",
    "gesamtverfuegbarkeit": "Gesamtverfügbarkeit",
    "fehlender_wohnraum": "fehlender Wohnraum",
}


def veraenderung(wert: int | None) -> str:
    """12 → "+12", -5 → "−5" (minus sign), 0 → "0", None → ""."""
    if wert is None:
        return ""
    text = zahl_de(abs(wert))
    return f"+{text}" if wert > 0 else f"\u2212{text}" if wert < 0 else text


def vergleich_zeile(bericht: Auswertungsbericht) -> str | None:
    """ "Veränderung seit dem 09.03.2016: benötigter Wohnraum −62, …" or None."""
    if (vergleich := bericht.vergleich) is None:
        return None
    teile = [
        f"{text} {veraenderung(vergleich.kennzahlen[key])}" for key, text in KENNZAHL_KURZ.items()
    ]
    return f"Veränderung seit dem {datum_deutsch(vergleich.stichtag)}: {', '.join(teile)}."


def vergleich_kommunen(bericht: Auswertungsbericht) -> str | None:
    """The line that says the two tables do not hold the same Kommunen, or None."""
    vergleich = bericht.vergleich
    if vergleich is None or vergleich.gleiche_kommunen:
        return None
    teile = []
    if vergleich.neu:
        teile.append(f"am {datum_deutsch(vergleich.stichtag)} ohne {', '.join(vergleich.neu)}")
    if vergleich.weggefallen:
        teile.append(f"jetzt ohne {', '.join(vergleich.weggefallen)}")
    return (
        f"Nicht dieselben Kommunen: {'; '.join(teile)} – die Veränderung der Summen liegt "
        "zum Teil daran, wer gemeldet hat."
    )


def titel(bericht: Auswertungsbericht) -> str:
    return (
        f"Wohnraummanagement {bericht.bezirk.name} – Auswertung, "
        f"Stichtag {datum_deutsch(bericht.stichtag)}, {stand_der_daten(bericht)}"
    )


def stand_text(bericht: Auswertungsbericht) -> str:
    """ "16.03.2016", "01.02.2016 bis 16.03.2016" (oldest to newest) or "unbekannt"."""
    alt, neu = bericht.stand_aeltester, bericht.stand_neuester
    if alt is None or neu is None:
        return "unbekannt"
    return datum_deutsch(neu) if alt == neu else f"{datum_deutsch(alt)} bis {datum_deutsch(neu)}"


def stand_der_daten(bericht: Auswertungsbericht) -> str:
    return f"Stand der Daten {stand_text(bericht)}"


def warnung(bericht: Auswertungsbericht) -> str | None:
    """The line that comes first when even the newest Meldung is stale."""
    neu = bericht.stand_neuester
    if not bericht.daten_veraltet or neu is None:
        return None
    tage = zahl_de((bericht.stichtag - neu).days)
    return (
        f"Achtung: Die Zahlen sind veraltet – auch die neueste Meldung (Stand "
        f"{datum_deutsch(neu)}) ist {tage} Tage älter als der Stichtag "
        f"{datum_deutsch(bericht.stichtag)}."
    )


def gesamt_bezeichnung(bericht: Auswertungsbericht, wort: str = "Gesamt") -> str:
    """ "Gesamt", or "Gesamt (13 von 21 Kommunen)" when not every Kommune is in it."""
    gemeldet, alle = bericht.meldende_kommunen, bericht.kommunen_im_bezirk
    return wort if gemeldet >= alle else f"{wort} ({gemeldet} von {alle} Kommunen)"


def gesamt_fussnote(bericht: Auswertungsbericht) -> str:
    """The Gesamt rule in one line, with the column sum a reader would get instead."""
    gesamt = bericht.auswertung.gesamt
    quote, summe = zahl_de(gesamt["zu_erfuellen"]), zahl_de(gesamt["summe"])
    rechnung = (
        f"Zum Gesamt: fehlender Wohnraum = Σ(5) − ΣSumme = {quote} − {summe} = "
        f"{zahl_de(gesamt['fehlender_wohnraum'])}"
    )
    if bericht.spaltensumme_fehlend != gesamt["fehlender_wohnraum"]:
        spalte = zahl_de(bericht.spaltensumme_fehlend)
        return f"{rechnung}, nicht die Summe der Spalte ({spalte}), {_AUSGLEICH}"
    return f"{rechnung}; {_AUSGLEICH}"


# Why the Gesamt differs from the column: the rows count (5) only when positive.
_AUSGLEICH = "denn im Gesamt gleicht eine übererfüllte Quote (5) andere aus."


def _gruppiert(staende: Sequence[Meldestand]) -> str:
    """ "Artland, Belm (Stand 16.03.2016); Hilter (Stand 01.02.2016)" """
    gruppen: dict[str, list[str]] = {}
    for stand in staende:
        datum = datum_deutsch(stand.stand) if stand.stand else "ohne Stand"
        gruppen.setdefault(datum, []).append(stand.kommune)
    return "; ".join(f"{', '.join(namen)} (Stand {datum})" for datum, namen in gruppen.items())


def ohne_meldung(kommunen: Sequence[str]) -> str:
    """ "Ohne gültige Meldung: Hagen, Melle." – the Kommunen missing from the Gesamt."""
    return "Ohne gültige Meldung: " + ", ".join(kommunen) + "."


def veraltet_zeile(bericht: Auswertungsbericht) -> str:
    """The stale Kommunen in one line, instead of one hint each."""
    tage = bericht.einstellungen.veraltet_nach_tagen
    return (
        f"Älter als {tage} Tage – bitte aktuelle Meldungen anfordern: "
        f"{_gruppiert(bericht.veraltete)}."
    )


def befundzeilen(bericht: Auswertungsbericht) -> list[Befund]:
    """The Befunde as text reports list them: two or more stale-Stand hints become one,
    in the place of the first."""
    zusammen = bericht.veraltet_hinweise
    if len(zusammen) < 2:
        return list(bericht.befunde)
    erster, weg = id(zusammen[0]), {id(befund) for befund in zusammen}
    ausgabe: list[Befund] = []
    for befund in bericht.befunde:
        if id(befund) not in weg:
            ausgabe.append(befund)
        elif id(befund) == erster:
            ausgabe.append(hinweis(veraltet_zeile(bericht)))
    return ausgabe


def tabellenzeilen(bericht: Auswertungsbericht) -> list[dict[str, Any]]:
    """The report rows as plain Python values, in report order."""
    return bericht.auswertung.datensaetze()


def dateien_zusammengefasst(bilanz: Sequence[Dateistand]) -> str:
    """ "24 Dateien: 21 verwendet, 1 ersetzt, 1 übergangen, 1 unlesbar." """
    anzahl = {status: sum(d.status == status for d in bilanz) for status in DATEISTATUS}
    teile = [f"{zahl} {status}" for status, zahl in anzahl.items() if zahl]
    gesamt = len(bilanz)
    wort = "Datei" if gesamt == 1 else "Dateien"
    return f"{gesamt} {wort}: {', '.join(teile)}." if teile else "Keine Dateien."
