"""The lists of a wrm.toml: the Kommunen ([[kommunen]], names and aliases unique, with
their coordinates, population, share and places of Land facilities) and the crediting
rules ([[anrechnung]])."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from typing import Any, NamedTuple

from wrm_cli.bezirk import Bezirk, Kommune, namensschluessel
from wrm_cli.fehler import KonfigFehler
from wrm_cli.konfig.einstellungen import Anrechnungsregel
from wrm_cli.konfig.eintraege import (
    ANRECHNUNG,
    ANRECHNUNG_EINTRAEGE,
    KOMMUNE_EINTRAEGE,
    KOMMUNEN,
    PLAETZE,
    _aehnlich,
    _ganze_zahl,
    _namen,
    _text,
    _unbekannt,
)


class _Name(NamedTuple):
    """A Kommune's name (written as the Kommune) or alias, from the nr-th [[kommunen]]."""

    geschrieben: str
    kommune: str
    nr: int

    def als(self) -> str:
        alias = self.geschrieben != self.kommune
        return f"bei „{self.kommune}“ als " + (f"Alias „{self.geschrieben}“" if alias else "Name")


def _doppelt(alt: _Name, neu: _Name) -> str:
    """Why ``neu`` clashes with ``alt``, the first name given with the same key."""
    if alt.nr == neu.nr:  # only the very same text: "GM-Hütte" and "GMHütte" may both stand
        wie = "ist der Name selbst – bitte weglassen"
        if neu.geschrieben != neu.kommune:
            wie = "steht zweimal – bitte nur einmal nennen"
        return f"Der Alias „{neu.geschrieben}“ von „{neu.kommune}“ {wie}."
    if alt.geschrieben == alt.kommune and neu.geschrieben == neu.kommune:
        return (
            f"Die Kommune „{neu.kommune}“ steht zweimal unter [[kommunen]] (im {alt.nr}. Eintrag "
            f"als „{alt.kommune}“ und im {neu.nr}.) – bitte nur einmal nennen."
        )
    return (
        f"Der Name „{neu.geschrieben}“ ist sowohl „{alt.kommune}“ als auch „{neu.kommune}“ "
        f"zugeordnet ({alt.als()}, {neu.als()}) – bitte nur bei einer Kommune nennen."
    )


def _kommunen_lesen(liste: Any, arten: Sequence[str]) -> tuple[Kommune, ...]:
    """``arten``: the kinds of Land facility the [[anrechnung]] rules name."""
    if not (isinstance(liste, list) and liste and all(isinstance(e, dict) for e in liste)):
        raise KonfigFehler(
            "[[kommunen]] nennt die Kommunen: je Kommune eine Zeile [[kommunen]] (mit doppelten "
            'eckigen Klammern) und darunter name = "…".'
        )
    kommunen: list[Kommune] = []
    vergeben: dict[str, _Name] = {}  # name key → where it was first given
    for nr, eintrag in enumerate(liste, start=1):
        roh, wo = eintrag.get("name"), f"im {nr}. Eintrag unter [[kommunen]]"
        bekannt = (k for k in eintrag if k not in KOMMUNE_EINTRAEGE and not k.endswith(PLAETZE))
        if fremd := next(bekannt, None):
            bei = f"unter [[kommunen]] bei „{roh.strip()}“" if isinstance(roh, str) else wo
            raise _unbekannt(fremd, KOMMUNEN, bei)
        if roh is None:
            raise KonfigFehler(f"Der {nr}. Eintrag unter [[kommunen]] hat keinen Namen.")
        name = _text(roh, f"„name“ {wo}")
        aliase = _namen(eintrag.get("aliase", []), f"„aliase“ von „{name}“")
        texte: set[str] = set()
        for neu in (_Name(text, name, nr) for text in (name, *aliase)):
            alt = vergeben.setdefault(namensschluessel(neu.geschrieben), neu)
            if neu.geschrieben in texte or alt.nr != nr:
                raise KonfigFehler(_doppelt(alt, neu))
            texte.add(neu.geschrieben)
        werte = {
            key: KOMMUNE_EINTRAEGE[key](wert, f"„{key}“ von „{name}“")
            for key, wert in eintrag.items()
            if key not in ("name", "aliase") and not key.endswith(PLAETZE)
        }
        if ("breite" in werte) != ("laenge" in werte):
            fehlt = "laenge" if "breite" in werte else "breite"
            raise KonfigFehler(
                f"Bei „{name}“ unter [[kommunen]] fehlt „{fehlt}“ – die Lage einer Kommune "
                "braucht breite und laenge, z. B. breite = 52.2031 und laenge = 8.3361."
            )
        plaetze = tuple(
            (_plaetze_art(key, name, arten), _ganze_zahl(0)(wert, f"„{key}“ von „{name}“"))
            for key, wert in eintrag.items()
            if key.endswith(PLAETZE)
        )
        kommunen.append(Kommune(name, aliase, plaetze=plaetze, **werte))
    return tuple(kommunen)


def _plaetze_art(key: str, kommune: str, arten: Sequence[str]) -> str:
    art = key.removesuffix(PLAETZE)
    if art in arten:
        return art
    if vorschlag := _aehnlich(art, arten):
        weiter = f"meinten Sie „{vorschlag}{PLAETZE}“?"
    elif arten:
        weiter = "möglich sind " + ", ".join(f"„{a}{PLAETZE}“" for a in arten) + "."
    else:
        weiter = f'dazu gehört eine Regel [[anrechnung]] mit art = "{art}".'
    raise KonfigFehler(
        f"„{key}“ bei „{kommune}“ unter [[kommunen]]: keine Regel [[anrechnung]] hat "
        f"art = „{art}“ – {weiter}"
    )


def _anrechnung_lesen(liste: Any) -> tuple[Anrechnungsregel, ...]:
    if not (isinstance(liste, list) and all(isinstance(e, dict) for e in liste)):
        raise KonfigFehler(
            "[[anrechnung]] nennt Regeln zur Anrechnung von Landeseinrichtungen: je Regel eine "
            'Zeile [[anrechnung]] (mit doppelten eckigen Klammern) und darunter art = "…" und '
            "faktor = …."
        )
    regeln: list[Anrechnungsregel] = []
    for nr, eintrag in enumerate(liste, start=1):
        wo = f"im {nr}. Eintrag unter [[anrechnung]]"
        if fremd := next((k for k in eintrag if k not in ANRECHNUNG_EINTRAEGE), None):
            raise _unbekannt(fremd, ANRECHNUNG, wo)
        if fehlt := [k for k in ("art", "faktor") if k not in eintrag]:
            was = " und ".join(f"„{k}“" for k in fehlt)
            raise KonfigFehler(
                f"Dem {nr}. Eintrag unter [[anrechnung]] fehlt {was} – z. B. "
                'art = "landeseinrichtung" und faktor = 1.0.'
            )
        werte = {k: ANRECHNUNG_EINTRAEGE[k](w, f"„{k}“ {wo}") for k, w in eintrag.items()}
        regel = Anrechnungsregel(**werte)
        if regel.ab and regel.bis and regel.ab > regel.bis:
            raise KonfigFehler(
                f"Im {nr}. Eintrag unter [[anrechnung]] liegt ab = {regel.ab} nach "
                f"bis = {regel.bis}."
            )
        regeln.append(regel)
    return tuple(regeln)


def _jede_kommune_hat(kommunen: Sequence[Kommune], key: str, schluessel: str) -> None:
    """The key ``schluessel`` of [prognose] needs ``key`` (a Kommune field) everywhere."""
    if ohne := [k.name for k in kommunen if getattr(k, key) is None]:
        genannt = ", ".join(ohne[:5]) + (f" und {len(ohne) - 5} weitere" if len(ohne) > 5 else "")
        raise KonfigFehler(
            f'[prognose] schluessel = "{schluessel}" braucht „{key}“ bei jeder Kommune unter '
            f"[[kommunen]] – es fehlt bei {genannt}."
        )


def _anteile_pruefen(kommunen: Sequence[Kommune]) -> None:
    """The fixed key: every Kommune has its share, and the shares sum to 100 %."""
    _jede_kommune_hat(kommunen, "anteil", "fest")
    summe = math.fsum(k.anteil or 0 for k in kommunen)
    if abs(summe - 100) > 1e-9:
        raise KonfigFehler(
            f'[prognose] schluessel = "fest": die Anteile der Kommunen ergeben zusammen '
            f"{summe:g} % statt 100 % – bitte „anteil“ unter [[kommunen]] prüfen."
        )


def _einwohner_pruefen(kommunen: Sequence[Kommune]) -> None:
    """The population key: every Kommune has its population (its own or inherited)."""
    _jede_kommune_hat(kommunen, "einwohner", "einwohner")
    if not sum(k.einwohner or 0 for k in kommunen):
        raise KonfigFehler(
            '[prognose] schluessel = "einwohner": die Kommunen haben zusammen 0 Einwohner – '
            "bitte „einwohner“ unter [[kommunen]] prüfen."
        )


def _geerbt(kommunen: tuple[Kommune, ...], grundlage: Bezirk) -> tuple[Kommune, ...]:
    """Kommunen of the district the grundlage knows keep its coordinates and population
    where the file gives none (the embedded Landkreis Osnabrück carries them)."""
    bekannt = {kommune.name: kommune for kommune in grundlage.kommunen}
    geerbt = []
    for kommune in kommunen:
        alt = bekannt.get(kommune.name)
        if alt is not None and kommune.koordinaten is None:
            kommune = dataclasses.replace(kommune, breite=alt.breite, laenge=alt.laenge)
        if alt is not None and kommune.einwohner is None:
            kommune = dataclasses.replace(kommune, einwohner=alt.einwohner)
        geerbt.append(kommune)
    return tuple(geerbt)
