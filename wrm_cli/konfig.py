"""wrm.toml: find it, read it, check it strictly → Einstellungen. The one place every
default lives.

The embedded default (Landkreis Osnabrück) is read by the same parser as every
``wrm.toml``; a district's file only states what differs. Whatever a file says that
wrm does not know – a misspelt section or key, a value of the wrong kind, a Kommune
named twice – stops the run with a German sentence naming the file, the entry and,
where one is close, the entry that was probably meant.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
import json
import math
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal, NamedTuple

from wrm_cli.bezirk import Bezirk, Kommune, namensschluessel
from wrm_cli.fehler import KonfigFehler
from wrm_cli.werte import datum_lesen

KONFIG_DATEINAME = "wrm.toml"
EINGEBAUT = "eingebaute Voreinstellung"
# The ``quelle`` of settings read from a template's version stamp.
_EINGEBAUTE_DATEI = "landkreis_osnabrueck.toml"


@dataclass(frozen=True)
class Grenzen:
    """Limits per input file, against damaged and hostile files (see lesen/grenzen.py)."""

    # The template is about 10 KB; a table of all 11,000 German Kommunen about 1 MB.
    dateigroesse_mb: int = 20
    # What the zip may unpack to in total; the 11,000-row table unpacks to about 10 MB.
    entpackt_mb: int = 200
    # Unpacked / packed size of any member above 1 MB; honest sheets stay below 20.
    kompression: int = 100
    # Rows × columns from A1 to the last used cell of a sheet; the template needs about
    # 200, the 11,000-row table about 200,000. calamine holds the whole range (32 bytes a
    # cell, 64 for xls): 1,000,000 keeps a process under 150 MB (tests/test_speicher.py).
    zellen: int = 1_000_000


@dataclass(frozen=True)
class Ausgleichseinstellungen:
    """How ``wrm ausgleich`` proposes temporary housing in another Kommune ([ausgleich])."""

    # Places a giving Kommune keeps back: ceil(places × reserve_prozent / 100).
    reserve_prozent: float = 10
    # A Kommune assessing itself "kritisch" offers nothing, unless this is true.
    kritische_geben: bool = False
    # Pairs farther apart than this are not proposed (None: no limit).
    max_km: float | None = None
    # Road kilometres (kommune_von;kommune_nach;km) instead of the great-circle distance.
    entfernungen: Path | None = None


Verteilschluessel = Literal["quote", "einwohner", "fest"]
VERTEILSCHLUESSEL: tuple[Verteilschluessel, ...] = ("quote", "einwohner", "fest")


@dataclass(frozen=True)
class Prognoseeinstellungen:
    """How ``wrm prognose`` expects the assignments to come ([prognose])."""

    # A forecast of assignments (monat;zuweisungen or kommune;monat;zuweisungen).
    datei: Path | None = None
    # How district totals are split among the Kommunen.
    schluessel: Verteilschluessel = "quote"
    # Kommunen whose places "sofort" last fewer weeks than this are flagged.
    warnung_wochen: int = 4


@dataclass(frozen=True)
class Anrechnungsregel:
    """One [[anrechnung]]: the places of a kind of Land facility a Kommune hosts count
    with ``faktor`` on its share of the assignments, from ``ab`` to ``bis`` (inclusive)."""

    art: str
    faktor: float
    ab: dt.date | None = None
    bis: dt.date | None = None

    def gilt_am(self, tag: dt.date) -> bool:
        return (self.ab is None or self.ab <= tag) and (self.bis is None or tag <= self.bis)


@dataclass(frozen=True)
class Einstellungen:
    """The district and how wrm judges its Meldungen."""

    bezirk: Bezirk
    # What the form calls the district ("Landkreis: …"), e.g. "Region" or "Kreis".
    bezeichnung: str = "Landkreis"
    # The report's Stichtag when neither --stichtag nor the command gives one (else today).
    stichtag: dt.date | None = None
    # A Meldung whose Stand is older than this many days before the Stichtag is "veraltet".
    veraltet_nach_tagen: int = 14
    # "ausreichend" is questioned only from this many persons without housing on.
    einschaetzung_toleranz: int = 10
    grenzen: Grenzen = field(default_factory=Grenzen)
    quelle: str = EINGEBAUT
    # The archive every run of ``wrm auswerten`` adds to ([archiv] datei, relative to the
    # wrm.toml's folder); None: no archive, reports have no comparison.
    archiv: Path | None = None
    # How long a run waits while another one writes to the archive, then gives up.
    archiv_wartezeit_sekunden: int = 30
    ausgleich: Ausgleichseinstellungen = field(default_factory=Ausgleichseinstellungen)
    prognose: Prognoseeinstellungen = field(default_factory=Prognoseeinstellungen)
    anrechnung: tuple[Anrechnungsregel, ...] = ()


# --- what a wrm.toml may contain -------------------------------------------------------

# (value, where – e.g. "„bezirk.name“") → checked value
Leser = Callable[[Any, str], Any]
# What a TOML value is, for "… ist kein Text, sondern eine Liste" (bool before int).
_ARTEN = {bool: "ein Wahrheitswert", int: "eine Zahl", float: "eine Kommazahl", str: "ein Text"}
_ARTEN |= {list: "eine Liste", dict: "ein Abschnitt", dt.date: "ein Datum", dt.time: "eine Uhrzeit"}


def _falsch(wo: str, wert: Any, kein: str, erwartet: str, art_passt: bool = False) -> KonfigFehler:
    # As in the file: ["a", "b"], true, 2016-07-31 (JSON without the quotes around a date).
    gezeigt = json.dumps(wert, ensure_ascii=False, default=str).strip('"')
    gezeigt = f"„{wert}“" if isinstance(wert, str) else gezeigt
    gezeigt = gezeigt if len(gezeigt) <= 60 else gezeigt[:59] + "…"
    art = next((f", sondern {a}" for t, a in _ARTEN.items() if isinstance(wert, t)), "")
    return KonfigFehler(f"{wo} = {gezeigt} ist {kein}{'' if art_passt else art} – {erwartet}.")


def _text(wert: Any, wo: str) -> str:
    if not isinstance(wert, str) or not wert.strip():
        leer = isinstance(wert, str)
        erwartet = 'erwartet wird ein Name in Anführungszeichen "…"'
        raise _falsch(wo, wert, "leer" if leer else "kein Text", erwartet, art_passt=leer)
    return unicodedata.normalize("NFC", " ".join(wert.split()))


def _datum(wert: Any, wo: str) -> dt.date:
    tag = datum_lesen(wert) if isinstance(wert, str | dt.date) else wert
    if not isinstance(tag, dt.date):
        erwartet = 'erwartet wird z. B. 2016-07-31 oder "31.07.2016"'
        raise _falsch(wo, wert, "kein Datum", erwartet, art_passt=isinstance(wert, str))
    return tag


def _ganze_zahl(ab: int) -> Leser:
    zu_klein = "eine Grenze unter 1 lehnt jede Datei ab" if ab else "erwartet wird 0 oder mehr"

    def lesen(wert: Any, wo: str) -> int:
        zahl = isinstance(wert, int) and not isinstance(wert, bool)
        if zahl and wert >= ab:
            return int(wert)
        erwartet = zu_klein if zahl else "erwartet wird eine ganze Zahl ohne Anführungszeichen"
        if isinstance(wert, str) and wert.strip().isdigit():
            erwartet = f"bitte ohne Anführungszeichen schreiben: {wert.strip()}"
        raise _falsch(wo, wert, f"keine ganze Zahl ab {ab}", erwartet, art_passt=zahl)

    return lesen


def _namen(wert: Any, wo: str) -> tuple[str, ...]:
    if not isinstance(wert, list) or not all(isinstance(n, str) and n.strip() for n in wert):
        erwartet = 'erwartet wird z. B. aliase = ["SG Artland", "Samtgemeinde Artland"]'
        raise _falsch(wo, wert, "keine Liste von Namen", erwartet, isinstance(wert, list))
    return tuple(unicodedata.normalize("NFC", " ".join(n.split())) for n in wert)


def _zahl(von: float, bis: float | None = None, ueber: bool = False, beispiel: str = "10") -> Leser:
    """A number, whole or with a decimal point, from ``von`` (above it if ``ueber``) up to
    ``bis``; kept as written (10 stays 10, not 10.0)."""
    bereich = f"über {von}" if ueber else f"ab {von}" if bis is None else f"von {von} bis {bis}"

    def lesen(wert: Any, wo: str) -> float:
        zahl = isinstance(wert, int | float) and not isinstance(wert, bool)
        im_bereich = zahl and math.isfinite(wert) and (bis is None or wert <= bis)
        if im_bereich and (wert > von or (wert == von and not ueber)):
            return float(wert) if isinstance(wert, float) else int(wert)
        erwartet = f"erwartet wird eine Zahl ohne Anführungszeichen, z. B. {beispiel}"
        if zahl:
            erwartet = f"erwartet wird z. B. {beispiel}"
        raise _falsch(wo, wert, f"keine Zahl {bereich}", erwartet, art_passt=zahl)

    return lesen


def _wahrheitswert(wert: Any, wo: str) -> bool:
    if not isinstance(wert, bool):
        raise _falsch(wo, wert, "kein Wahrheitswert", "erwartet wird true oder false")
    return wert


def _auswahl(moeglich: Sequence[str]) -> Leser:
    def lesen(wert: Any, wo: str) -> str:
        if isinstance(wert, str) and wert.strip() in moeglich:
            return wert.strip()
        genannt = " oder ".join(f'"{m}"' for m in moeglich)
        vorschlag = _aehnlich(wert, moeglich) if isinstance(wert, str) else None
        erwartet = f'meinten Sie "{vorschlag}"?' if vorschlag else f"erwartet wird {genannt}"
        raise _falsch(wo, wert, f"keiner der Werte {genannt}", erwartet, art_passt=True)

    return lesen


_ART = re.compile(r"[a-z][a-z0-9_]*")


def _art(wert: Any, wo: str) -> str:
    art = _text(wert, wo)
    if not _ART.fullmatch(art):
        erwartet = 'erwartet wird ein Wort aus a–z, 0–9 und _, z. B. "landeseinrichtung"'
        raise _falsch(wo, wert, "keine Art", erwartet, art_passt=True)
    return art


# Section → key → reader. The Kommunen ([[kommunen]]) and the crediting rules
# ([[anrechnung]]) are lists of such tables.
ABSCHNITTE: dict[str, dict[str, Leser]] = {
    "bezirk": {
        "name": _text,
        "bezeichnung": _text,
        "stichtag": _datum,
        "veraltet_nach_tagen": _ganze_zahl(0),
    },
    "quote": {"beginn": _datum, "ende": _datum},
    "hinweise": {"einschaetzung_toleranz": _ganze_zahl(0)},
    "grenzen": {name: _ganze_zahl(1) for name in Grenzen.__dataclass_fields__},
    "archiv": {"datei": _text, "wartezeit_sekunden": _ganze_zahl(0)},
    "ausgleich": {
        "reserve_prozent": _zahl(0, 100),
        "kritische_geben": _wahrheitswert,
        "max_km": _zahl(0, ueber=True, beispiel="50"),
        "entfernungen": _text,
    },
    "prognose": {
        "datei": _text,
        "schluessel": _auswahl(VERTEILSCHLUESSEL),
        "warnung_wochen": _ganze_zahl(0),
    },
}
KOMMUNE_EINTRAEGE: dict[str, Leser] = {
    "name": _text,
    "aliase": _namen,
    "breite": _zahl(-90, 90, beispiel="52.2031"),
    "laenge": _zahl(-180, 180, beispiel="8.3361"),
    "einwohner": _ganze_zahl(0),
    "anteil": _zahl(0, 100, beispiel="4.5"),
}
# [[kommunen]] also takes "<art>_plaetze" for every art of an [[anrechnung]].
PLAETZE = "_plaetze"
ANRECHNUNG_EINTRAEGE: dict[str, Leser] = {
    "art": _art,
    "faktor": _zahl(0, beispiel="1.0"),
    "ab": _datum,
    "bis": _datum,
}
KOMMUNEN = "kommunen"
ANRECHNUNG = "anrechnung"
_LISTEN = (KOMMUNEN, ANRECHNUNG)
_ORTE: dict[str, dict[str, Leser]] = {
    **ABSCHNITTE,
    KOMMUNEN: KOMMUNE_EINTRAEGE,
    ANRECHNUNG: ANRECHNUNG_EINTRAEGE,
}


def _klammern(abschnitt: str) -> str:
    return f"[[{abschnitt}]]" if abschnitt in _LISTEN else f"[{abschnitt}]"


def _aehnlich(wort: str, moeglich: Iterable[str]) -> str | None:
    gefaltet = {m.casefold(): m for m in moeglich}
    treffer = difflib.get_close_matches(wort.casefold(), list(gefaltet), n=1, cutoff=0.6)
    return gefaltet[treffer[0]] if treffer else None


def _heimat(schluessel: str, ausser: str | None = None) -> str:
    """The sections a key belongs to ("[bezirk] oder [[kommunen]]"), else ""."""
    return " oder ".join(_klammern(n) for n, k in _ORTE.items() if n != ausser and schluessel in k)


def _unbekannt(key: str, ort: str | None, wo: str) -> KonfigFehler:
    """An entry not at home in section ``ort`` (None: above the first section)."""
    if heimat := _heimat(key, ort):
        return KonfigFehler(
            f"Der Eintrag „{key}“ steht {wo} – er gehört in den Abschnitt {heimat}."
        )
    eigene = list(_ORTE[ort]) if ort else []
    fremd = ((v, n) for n, keys in _ORTE.items() if n != ort and (v := _aehnlich(key, keys)))
    if vorschlag := _aehnlich(key, eigene):
        weiter = f"meinten Sie „{vorschlag}“?"
    elif anderswo := next(fremd, None):
        weiter = f"meinten Sie „{anderswo[0]}“ im Abschnitt {_klammern(anderswo[1])}?"
    elif eigene:
        weiter = "möglich sind " + ", ".join(f"„{k}“" for k in eigene) + "."
    else:
        weiter = f"möglich sind nur die Abschnitte {', '.join(map(_klammern, _ORTE))}."
    return KonfigFehler(f"Unbekannter Eintrag „{key}“ {wo} – {weiter}")


def _oben_pruefen(daten: dict[str, Any]) -> None:
    """Only known sections at the top: no misspelt section, no key above its section."""
    for name, wert in daten.items():
        if name in _ORTE:
            continue
        liste = isinstance(wert, list) and wert and all(isinstance(e, dict) for e in wert)
        if not (isinstance(wert, dict) or liste):
            raise _unbekannt(name, None, "vor dem ersten Abschnitt")
        vorschlag = _aehnlich(name, _ORTE)
        weiter = f"meinten Sie {_klammern(vorschlag)}?" if vorschlag else ""
        weiter = weiter or f"möglich sind {', '.join(map(_klammern, _ORTE))}."
        geschrieben = f"[[{name}]]" if liste else f"[{name}]"
        raise KonfigFehler(f"Unbekannter Abschnitt {geschrieben} – {weiter}")


def _abschnitt_pruefen(name: str, inhalt: Any) -> dict[str, Any]:
    if not isinstance(inhalt, dict):
        erwartet = f"erwartet wird eine Zeile [{name}] und darunter die Einträge"
        raise _falsch(f"„{name}“", inhalt, "kein Abschnitt", erwartet)
    bekannt = ABSCHNITTE[name]
    if fremd := next((k for k in inhalt if k not in bekannt), None):
        raise _unbekannt(fremd, name, f"im Abschnitt [{name}]")
    return {key: bekannt[key](wert, f"„{name}.{key}“") for key, wert in inhalt.items()}


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


def _anteile_pruefen(kommunen: Sequence[Kommune]) -> None:
    """The fixed key: every Kommune has its share, and the shares sum to 100 %."""
    if ohne := [k.name for k in kommunen if k.anteil is None]:
        genannt = ", ".join(ohne[:5]) + (f" und {len(ohne) - 5} weitere" if len(ohne) > 5 else "")
        raise KonfigFehler(
            f'[prognose] schluessel = "fest" braucht „anteil“ bei jeder Kommune unter '
            f"[[kommunen]] – es fehlt bei {genannt}."
        )
    summe = math.fsum(k.anteil or 0 for k in kommunen)
    if abs(summe - 100) > 1e-9:
        raise KonfigFehler(
            f'[prognose] schluessel = "fest": die Anteile der Kommunen ergeben zusammen '
            f"{summe:g} % statt 100 % – bitte „anteil“ unter [[kommunen]] prüfen."
        )


def _einwohner_pruefen(kommunen: Sequence[Kommune]) -> None:
    """The population key: every Kommune has its population (its own or inherited)."""
    if ohne := [k.name for k in kommunen if k.einwohner is None]:
        genannt = ", ".join(ohne[:5]) + (f" und {len(ohne) - 5} weitere" if len(ohne) > 5 else "")
        raise KonfigFehler(
            f'[prognose] schluessel = "einwohner" braucht „einwohner“ bei jeder Kommune unter '
            f"[[kommunen]] – es fehlt bei {genannt}."
        )
    if not sum(k.einwohner or 0 for k in kommunen):
        raise KonfigFehler(
            '[prognose] schluessel = "einwohner": die Kommunen haben zusammen 0 Einwohner – '
            "bitte „einwohner“ unter [[kommunen]] prüfen."
        )


class _Geprueft(NamedTuple):
    abschnitte: dict[str, dict[str, Any]]
    kommunen: tuple[Kommune, ...] | None
    anrechnung: tuple[Anrechnungsregel, ...]


def _pruefen(daten: dict[str, Any]) -> _Geprueft:
    _oben_pruefen(daten)
    abschnitte = {name: _abschnitt_pruefen(name, daten.get(name, {})) for name in ABSCHNITTE}
    quote = abschnitte["quote"]
    if (beginn := quote.get("beginn")) and (ende := quote.get("ende")) and beginn > ende:
        raise KonfigFehler(f"[quote] beginn = {beginn} liegt nach ende = {ende}.")
    anrechnung = _anrechnung_lesen(daten.get(ANRECHNUNG, []))
    arten = list(dict.fromkeys(regel.art for regel in anrechnung))
    kommunen = _kommunen_lesen(daten[KOMMUNEN], arten) if KOMMUNEN in daten else None
    return _Geprueft(abschnitte, kommunen, anrechnung)


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


def _pfad(text: str | None, ordner: Path | None) -> Path | None:
    """A file named in wrm.toml, relative to its folder (an absolute path stays)."""
    if text is None:
        return None
    return ordner / text if ordner is not None else Path(text)


def einstellungen_aus_daten(
    daten: dict[str, Any],
    quelle: str,
    grundlage: Einstellungen | None = None,
    ordner: Path | None = None,
) -> Einstellungen:
    """Check parsed TOML and build the settings; what it leaves out comes from
    ``grundlage`` (the embedded default: district name and Kommunen) or the defaults above.
    ``ordner``: the file's folder, which a relative archive path starts from."""
    try:
        abschnitte, kommunen, anrechnung = _pruefen(daten)
        if grundlage is None and (kommunen is None or "name" not in abschnitte["bezirk"]):
            raise KonfigFehler("[bezirk] name und [[kommunen]] fehlen.")
        bezirk, quote, archiv = abschnitte["bezirk"], abschnitte["quote"], abschnitte["archiv"]
        name = bezirk.pop("name", None) or (grundlage.bezirk.name if grundlage else "")
        if kommunen is None:
            kommunen = grundlage.bezirk.kommunen if grundlage else ()
        elif grundlage is not None and name == grundlage.bezirk.name:
            kommunen = _geerbt(kommunen, grundlage.bezirk)
        prognose = abschnitte["prognose"]
        if prognose.get("schluessel") == "fest":
            _anteile_pruefen(kommunen)
        elif prognose.get("schluessel") == "einwohner":
            _einwohner_pruefen(kommunen)
    except KonfigFehler as fehler:  # one line, whatever line breaks the file's texts hold
        raise KonfigFehler(f"{quelle}: {' '.join(str(fehler).split())}") from None
    if "wartezeit_sekunden" in archiv:
        bezirk["archiv_wartezeit_sekunden"] = archiv["wartezeit_sekunden"]
    ausgleich = abschnitte["ausgleich"]
    ausgleich["entfernungen"] = _pfad(ausgleich.get("entfernungen"), ordner)
    prognose["datei"] = _pfad(prognose.get("datei"), ordner)
    return Einstellungen(  # the keys of [bezirk] and [hinweise] are the fields' names
        bezirk=Bezirk(name, kommunen, quote.get("beginn"), quote.get("ende")),
        grenzen=Grenzen(**abschnitte["grenzen"]),
        quelle=quelle,
        archiv=_pfad(archiv.get("datei"), ordner),
        ausgleich=Ausgleichseinstellungen(**ausgleich),
        prognose=Prognoseeinstellungen(**prognose),
        anrechnung=anrechnung,
        **bezirk,
        **abschnitte["hinweise"],
    )


# --- TOML syntax and encoding ----------------------------------------------------------

_TOML_FEHLER = re.compile(r"(.*?) \(at (?:line (\d+), column (\d+)|end of document)\)")
_GERADE = 'gerade Anführungszeichen "…"'
_DATUM = 'ungültiges Datum – erwartet wird z. B. 2016-07-31 oder "31.07.2016"'
# What Python 3.11's tomllib says (how it starts), in German.
_TOML_GRUENDE: tuple[tuple[str | tuple[str, ...], str], ...] = (
    ("Expected '=' after a key", "nach dem Namen fehlt „=“ (Namen nur aus a–z, 0–9 und _)"),
    ("Invalid initial character", "ein Name beginnt mit einem unerlaubten Zeichen"),
    ("Invalid statement", "die Zeile ist weder „name = Wert“ noch eine Abschnittszeile „[…]“"),
    ("Invalid value", f"der Wert ist ungültig – Text gehört in {_GERADE}"),
    ("Unclosed array", "eine Liste „[…“ wird nicht mit „]“ geschlossen oder ihr fehlt ein Komma"),
    (("Unterminated", "Illegal character '\\n'", "Expected \"'"), 'ein Text endet nicht mit "'),
    ("Illegal character", "im Text steht ein unerlaubtes Steuerzeichen"),
    ("Unclosed inline table", "„{…“ wird nicht mit „}“ geschlossen"),
    (("Unescaped '\\'", "Invalid hex"), 'ein \\ im Text muss doppelt stehen: "C:\\\\Daten"'),
    ("Expected ']", "die Abschnittszeile „[…“ wird nicht mit „]“ (bzw. „]]“) geschlossen"),
    ("Expected newline", f"danach steht noch etwas in der Zeile (Text gehört in {_GERADE})"),
    ("Cannot overwrite a value", "dieser Name steht im selben Abschnitt schon einmal"),
    ("Cannot declare", "dieser Abschnitt steht schon einmal in der Datei"),
    ("Invalid date", _DATUM),
)
# Two slips tomllib cannot name: a German or short date, typographic quotes from Word.
_DATUMSVERSUCH = re.compile(r"=\s*\d{1,4}[-./]\d{1,2}[-./]\d")
_TYPOGRAFISCH = re.compile("[„“”‚‘’«»]")


def toml_grund(fehler: tomllib.TOMLDecodeError) -> tuple[str, int | None, int | None]:
    """tomllib's complaint in German ("" if unknown), with its line and column."""
    treffer = _TOML_FEHLER.fullmatch(str(fehler))
    was, nr, spalte = treffer.groups() if treffer else (str(fehler), None, None)
    grund = next((de for en, de in _TOML_GRUENDE if was.startswith(en)), "")
    return grund, int(nr) if nr else None, int(spalte) if spalte else None


def _toml_fehler(pfad: Path, fehler: tomllib.TOMLDecodeError, text: str) -> KonfigFehler:
    grund, nr, spalte = toml_grund(fehler)
    was = str(fehler)
    ort = "am Ende der Datei"
    if nr:
        zeile = " ".join(text.split("\n")[nr - 1].split())  # tomllib counts only \n
        if _DATUMSVERSUCH.search(zeile) and was.startswith("Expected newline"):
            grund = _DATUM
        elif _TYPOGRAFISCH.search(zeile) and was.startswith("Invalid"):
            grund = f"typografische Anführungszeichen „…“ sind nicht erlaubt, nur {_GERADE}"
        zeile = zeile if len(zeile) <= 50 else zeile[:49] + "…"
        ort = f"in Zeile {nr}, Spalte {spalte} ({zeile})"
    return KonfigFehler(
        f"Die Einstellungsdatei {pfad} ist kein gültiges TOML – {ort}"
        f"{': ' + grund if grund else ''}. Bitte die Zeile mit dem Beispiel im README vergleichen."
    )


def _toml_lesen(pfad: Path) -> dict[str, Any]:
    try:
        roh = pfad.read_bytes()
        return tomllib.loads(text := roh.decode("utf-8-sig"))  # a byte order mark is fine
    except FileNotFoundError:
        raise KonfigFehler(f"Die Einstellungsdatei {pfad} wurde nicht gefunden.") from None
    except OSError as fehler:
        grund = "ein Ordner" if isinstance(fehler, IsADirectoryError) else fehler.strerror
        raise KonfigFehler(f"Die Einstellungsdatei {pfad} ist nicht lesbar ({grund}).") from None
    except UnicodeDecodeError as fehler:
        zeile = roh[: fehler.start].count(b"\n") + 1
        raise KonfigFehler(
            f"Die Einstellungsdatei {pfad} ist nicht in UTF-8 gespeichert (Zeile {zeile} enthält "
            "ein Zeichen in einer anderen Codierung, etwa Windows-1252) – bitte im Editor "
            "„Speichern unter … Codierung UTF-8“ wählen."
        ) from None
    except tomllib.TOMLDecodeError as fehler:
        raise _toml_fehler(pfad, fehler, text) from None


@functools.cache
def standard_einstellungen() -> Einstellungen:
    """The embedded district (Landkreis Osnabrück, 21 Kommunen)."""
    text = resources.files("wrm_cli").joinpath(_EINGEBAUTE_DATEI).read_text("utf-8")
    return einstellungen_aus_daten(tomllib.loads(text), EINGEBAUT)


def konfig_laden(pfad: Path) -> Einstellungen:
    daten = _toml_lesen(pfad)
    return einstellungen_aus_daten(daten, str(pfad), standard_einstellungen(), pfad.parent)


def konfig_finden(eingaben: Sequence[Path], arbeitsordner: Path) -> Path | None:
    """wrm.toml beside the first input (in the folder itself for a folder) or in a folder
    above it, else in the working folder – so ``eingang/`` finds the district's file."""
    kandidaten: list[Path] = []
    if eingaben:
        erste = eingaben[0].absolute()
        ordner = erste if erste.is_dir() else erste.parent
        kandidaten += [stufe / KONFIG_DATEINAME for stufe in (ordner, *ordner.parents)]
    kandidaten.append(arbeitsordner / KONFIG_DATEINAME)
    return next((k for k in kandidaten if k.is_file()), None)


def einstellungen_bestimmen(
    eingaben: Iterable[Path], konfig: Path | None = None, arbeitsordner: Path | None = None
) -> Einstellungen:
    if konfig is not None:
        return konfig_laden(konfig)
    gefunden = konfig_finden(list(eingaben), arbeitsordner or Path.cwd())
    return konfig_laden(gefunden) if gefunden else standard_einstellungen()
