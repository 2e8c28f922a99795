"""The words of ``wrm ausgleich``, shared by its text, Markdown, CSV and Excel outputs:
the title, the settings used, why there is no proposal, what stays uncovered, who takes
no part, and the closing line that it is only a proposal."""

from __future__ import annotations

from wrm_cli.ausgleichsergebnis import Ausgleich, Ausgleichsbilanz, Vorschlag
from wrm_cli.ergebnis import Auswertungsbericht
from wrm_cli.werte import kommazahl, personen

# The columns of the proposal and of the balance, in this order.
VORSCHLAG_SPALTEN = ("Zuweisungskommune", "aufnehmende Kommune", "Personen", "km")
BILANZ_SPALTEN = ("Kommune", "Bedarf", "gedeckt", "ungedeckt", "Angebot", "vergeben")
BILANZ_SCHLUESSEL = ("bedarf", "gedeckt", "ungedeckt", "angebot", "vergeben")
SUMME = "Summe"
PERSONEN_KM = "Personenkilometer"
LUFTLINIE = "Luftlinie (Großkreis)"
STRASSE = "Straße"  # after the km of a pair from the distance file: "12,3 km Straße"


def ausgleich_von(bericht: Auswertungsbericht) -> Ausgleich:
    ausgleich = bericht.ausgleich
    assert ausgleich is not None, "the writers of wrm ausgleich need ablauf.mit_ausgleich"
    return ausgleich


def kopf(bericht: Auswertungsbericht) -> str:
    return f"Wohnraummanagement {bericht.bezirk.name} – Ausgleichsvorschlag"


def dezimal_de(wert: float) -> str:
    """One decimal, German: 3.7654 → "3,8", 1565.45 → "1.565,5"."""
    return f"{wert:,.1f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def km_text(vorschlag: Vorschlag) -> str:
    """ "3,8 km", or "12,3 km Straße" for a pair from the distance file."""
    text = f"{dezimal_de(vorschlag.km)} km"
    return f"{text} {STRASSE}" if vorschlag.km_aus_datei else text


def km_zelle(vorschlag: Vorschlag) -> str:
    """The km column of a table: "3,8", or "12,3 (Straße)" for a pair from the file."""
    text = dezimal_de(vorschlag.km)
    return f"{text} ({STRASSE})" if vorschlag.km_aus_datei else text


def vorschlag_zeile(vorschlag: Vorschlag) -> str:
    """ "Georgsmarienhütte → Hagen: 22 Personen (3,8 km)" """
    return (
        f"{vorschlag.zuweisungskommune} → {vorschlag.aufnehmende_kommune}: "
        f"{personen(vorschlag.personen)} ({km_text(vorschlag)})"
    )


def grundlage_text(ausgleich: Ausgleich) -> str:
    if ausgleich.grundlage == "sofort":
        return "nur sofort verfügbare Plätze (8)+(9)"
    return "alle Plätze (8)–(11)"


def reserve_text(ausgleich: Ausgleich) -> str:
    return f"{kommazahl(ausgleich.reserve_prozent)} % der Plätze"


def kritische_text(ausgleich: Ausgleich) -> str:
    if ausgleich.kritische_geben:
        return "auch Kommunen, die ihre Lage „kritisch“ nennen, geben Plätze ab"
    return "Kommunen, die ihre Lage „kritisch“ nennen, geben keine Plätze ab"


def grenze_text(ausgleich: Ausgleich) -> str:
    if ausgleich.max_km is None:
        return "ohne Entfernungsgrenze"
    return f"höchstens {kommazahl(ausgleich.max_km)} km"


def entfernungen_text(ausgleich: Ausgleich) -> str:
    """Where the distances of the proposal come from: the great-circle distance and/or
    the road kilometres of the distance file (for the pairs taken from it)."""
    datei = ausgleich.entfernungen
    if datei is None:
        return LUFTLINIE
    aus_datei = {v.km_aus_datei for v in ausgleich.vorschlaege}
    strasse = f"Straßenkilometer aus {datei.name}"
    if aus_datei == {True}:
        return strasse
    if aus_datei == {False}:
        return LUFTLINIE
    if not aus_datei:  # no proposal: say what would have counted
        return f"{strasse}, sonst {LUFTLINIE}"
    return f"{strasse} (mit „{STRASSE}“ bezeichnet), sonst {LUFTLINIE}"


def einstellungen_satz(ausgleich: Ausgleich) -> str:
    return (
        f"Grundlage: {grundlage_text(ausgleich)}; Reserve {reserve_text(ausgleich)}; "
        f"{kritische_text(ausgleich)}; {grenze_text(ausgleich)}; "
        f"Entfernungen: {entfernungen_text(ausgleich)}."
    )


def _wo(bericht: Auswertungsbericht) -> str:
    """Where the figures come from: the district only when every Kommune reported."""
    if bericht.fehlende_kommunen:
        anzahl = bericht.meldende_kommunen
        return (
            "der einzigen meldenden Kommune" if anzahl == 1 else f"der {anzahl} meldenden Kommunen"
        )
    name = bericht.bezirk.name
    if name.startswith(("Landkreis ", "Kreis ")):
        return f"im {name}"
    return f"in der {name}" if name.startswith("Region ") else f"im Bezirk {name}"


def _gemeldet(bericht: Auswertungsbericht) -> str:
    """ " (gemeldet haben 13 von 21 Kommunen)" when Meldungen are missing, else ""."""
    if not bericht.fehlende_kommunen:
        return ""
    return (
        f" (gemeldet haben {bericht.meldende_kommunen} von {bericht.kommunen_im_bezirk} Kommunen)"
    )


def kein_vorschlag_satz(bericht: Auswertungsbericht) -> str | None:
    """Why there is no proposal (no need, no offer, no pair within the limit), or None."""
    ausgleich = ausgleich_von(bericht)
    if ausgleich.vorschlaege:
        return None
    summe = ausgleich.summe
    if summe.bedarf == 0:
        return (
            "Kein Vorschlag: Keiner Kommune fehlt nach diesen Meldungen Wohnraum"
            f"{_gemeldet(bericht)}."
        )
    if summe.angebot == 0:
        return (
            f"Kein Vorschlag: Wohnraum fehlt für {personen(summe.bedarf)}, aber keine Kommune hat "
            f"Plätze über ihre Reserve hinaus frei{_gemeldet(bericht)}."
        )
    return (
        f"Kein Vorschlag: Keine Kommune mit freien Plätzen liegt {grenze_text(ausgleich)} "
        "von einer Kommune mit Bedarf entfernt."
    )


def ungedeckt_saetze(bericht: Auswertungsbericht) -> list[str]:
    """What the proposal leaves uncovered, and why: too few places (route a, the Land),
    or places only beyond the distance limit."""
    ausgleich = ausgleich_von(bericht)
    summe = ausgleich.summe
    if summe.ungedeckt <= 0:
        return []
    zu_wenig = max(summe.bedarf - summe.angebot, 0)
    zu_weit = summe.ungedeckt - zu_wenig
    saetze = []
    if zu_wenig:
        saetze.append(
            f"Für {personen(zu_wenig)} reichen die {_plaetze(ausgleich)} {_wo(bericht)} nicht: "
            "Dafür müsste das Land die Zuweisung ändern (Weg a)"
            + (
                ", sofern nicht Plätze in Aussicht (10)+(11) rechtzeitig frei werden."
                if ausgleich.grundlage == "sofort"
                else "."
            )
        )
    if zu_weit:
        saetze.append(
            f"Für {personen(zu_weit)} gibt es freie Plätze nur weiter als "
            f"{grenze_text(ausgleich).removeprefix('höchstens ')} entfernt: mit einer größeren "
            "Entfernungsgrenze ließen sie sich unterbringen, sonst müsste das Land die "
            "Zuweisung ändern (Weg a)."
        )
    return saetze


def _plaetze(ausgleich: Ausgleich) -> str:
    return "sofort verfügbaren Plätze" if ausgleich.grundlage == "sofort" else "freien Plätze"


def _geben_nicht(bilanz: Ausgleichsbilanz, ausgleich: Ausgleich) -> bool:
    """A Kommune that would offer places but does not, because it says "kritisch"."""
    return (
        bilanz.kritisch and not ausgleich.kritische_geben and -bilanz.fehlend - bilanz.reserve > 0
    )


def teilnahme_saetze(bericht: Auswertungsbericht) -> list[str]:
    """Who takes no part, or gives nothing despite free places, and why."""
    ausgleich = ausgleich_von(bericht)
    saetze = []
    kritisch = [b.kommune for b in ausgleich.kommunen if _geben_nicht(b, ausgleich)]
    if kritisch:
        saetze.append(
            "Kein Angebot trotz freier Plätze, weil sie ihre Lage „kritisch“ nennen: "
            f"{', '.join(kritisch)}."
        )
    if ausgleich.ohne_angaben:
        saetze.append(
            "Nicht im Ausgleich, weil ihre Meldung keine Plätze (8)–(11) nennt: "
            f"{', '.join(ausgleich.ohne_angaben)}."
        )
    if bericht.fehlende_kommunen:
        saetze.append(
            "Nicht im Ausgleich, weil eine gültige Meldung fehlt: "
            f"{', '.join(bericht.fehlende_kommunen)}."
        )
    return saetze


def schluss_satz(bericht: Auswertungsbericht) -> str:
    satz = (
        "Das ist ein Vorschlag: Eine vorübergehende Unterbringung in einer anderen Kommune "
        "braucht die Zustimmung beider Kommunen"
    )
    if ausgleich_von(bericht).summe.ungedeckt > 0:
        return satz + ", eine andere Zuweisung (Weg a) die des Landes."
    return satz + "."
