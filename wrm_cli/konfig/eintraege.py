"""What a wrm.toml may contain: the sections and their entries, each with the reader
that checks its value, and the German sentences for an entry that is unknown, in the
wrong place or of the wrong kind."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from wrm_cli.adressen import einzelne_adresse, gezeigt
from wrm_cli.fehler import KonfigFehler
from wrm_cli.konfig.einstellungen import VERTEILSCHLUESSEL, Grenzen
from wrm_cli.werte import datum_lesen

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


def _adresse(wert: Any, wo: str) -> str:
    """One e-mail address, nothing else (adressen.einzelne_adresse)."""
    adresse = einzelne_adresse(wert) if isinstance(wert, str) else None
    if adresse is None:
        erwartet = 'erwartet wird genau eine Adresse ohne Namen davor, z. B. "wohnraum@melle.de"'
        text = isinstance(wert, str)
        kein = "keine einzelne gültige E-Mail-Adresse"
        raise _falsch(wo, gezeigt(wert) if text else wert, kein, erwartet, art_passt=text)
    return adresse


def _mehrzeilig(wert: Any, wo: str) -> str:
    """A text whose line breaks stay (a signature); spaces within a line collapse."""
    _text(wert, wo)
    zeilen = [" ".join(zeile.split()) for zeile in str(wert).strip().splitlines()]
    return unicodedata.normalize("NFC", "\n".join(zeilen))


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
    "erinnerung": {
        "absender": _adresse,
        "unterschrift": _mehrzeilig,
        "frist_tage": _ganze_zahl(0),
    },
}
KOMMUNE_EINTRAEGE: dict[str, Leser] = {
    "name": _text,
    "aliase": _namen,
    "breite": _zahl(-90, 90, beispiel="52.2031"),
    "laenge": _zahl(-180, 180, beispiel="8.3361"),
    "einwohner": _ganze_zahl(0),
    "anteil": _zahl(0, 100, beispiel="4.5"),
    "email": _adresse,
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
