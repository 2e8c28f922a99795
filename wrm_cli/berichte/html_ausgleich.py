"""``wrm ausgleich --format html``: the proposal as one self-contained page; its parts
are also the section "Ausgleich" of the page of ``wrm auswerten`` (html_bericht)."""

from __future__ import annotations

from typing import Any

from wrm_cli.berichte import ausgleich_saetze as saetze
from wrm_cli.berichte.ausgleich_text import bilanzwerte, stichtag_zeile, summenwerte
from wrm_cli.berichte.beschriftung import warnung
from wrm_cli.berichte.html_seite import Tabelle, dateien_und_befunde, seite
from wrm_cli.ergebnis import Auswertungsbericht
from wrm_cli.werte import zahl_de


def inhalt(bericht: Auswertungsbericht) -> dict[str, Any]:
    """What the template part ``_ausgleich.html.j2`` shows."""
    ausgleich = saetze.ausgleich_von(bericht)
    vorschlag = Tabelle(
        "Vorschlag (Zuweisungskommune → aufnehmende Kommune)",
        saetze.VORSCHLAG_SPALTEN,
        (False, False, True, True),
        [
            [v.zuweisungskommune, v.aufnehmende_kommune, zahl_de(v.personen), saetze.km_zelle(v)]
            for v in ausgleich.vorschlaege
        ],
    )
    bilanz = Tabelle(
        "Bilanz je Kommune (Personen)",
        saetze.BILANZ_SPALTEN,
        (False, True, True, True, True, True),
        [[k.kommune, *map(zahl_de, bilanzwerte(k))] for k in ausgleich.kommunen],
        summen=[[saetze.SUMME, *map(zahl_de, summenwerte(ausgleich))]],
    )
    return {
        "kopf": saetze.kopf(bericht),
        "einstellungen": saetze.einstellungen_satz(ausgleich),
        "leer": saetze.kein_vorschlag_satz(bericht),
        "vorschlag": vorschlag,
        "bilanz": bilanz,
        "personen_km": f"{saetze.PERSONEN_KM}: {saetze.dezimal_de(ausgleich.summe.personen_km)}",
        "saetze": [
            *saetze.ungedeckt_saetze(bericht),
            *saetze.teilnahme_saetze(bericht),
            saetze.schluss_satz(bericht),
        ],
    }


def als_html(bericht: Auswertungsbericht) -> str:
    teil = inhalt(bericht)
    return seite(
        "ausgleich.html.j2",
        seitentitel=teil["kopf"],
        warnung=warnung(bericht),
        stichtag=stichtag_zeile(bericht),
        ausgleich=teil,
        **dateien_und_befunde(bericht),
    )
