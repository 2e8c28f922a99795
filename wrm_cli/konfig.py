"""wrm.toml: find it, read it, check it strictly → Einstellungen. The one place every
default lives.

The embedded default (Landkreis Osnabrück) is read by the same parser as every
``wrm.toml``; a district's file only states what differs. Whatever a file says that
wrm does not know – a misspelt section or key, a value of the wrong kind, a Kommune
named twice – stops the run with a German sentence naming the file, the entry and,
where one is close, the entry that was probably meant.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from wrm_cli.bezirk import Bezirk, Kommune, namensschluessel
from wrm_cli.fehler import KonfigFehler
from wrm_cli.werte import datum_lesen

KONFIG_DATEINAME = "wrm.toml"
EINGEBAUT = "eingebaute Voreinstellung"
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
    # 200, the 11,000-row table about 200,000.
    zellen: int = 5_000_000


@dataclass(frozen=True)
class Einstellungen:
    """The district and how wrm judges its Meldungen."""

    bezirk: Bezirk
    # The report's Stichtag when neither --stichtag nor the command gives one (else today).
    stichtag: dt.date | None = None
    # A Meldung whose Stand is older than this many days before the Stichtag is "veraltet".
    veraltet_nach_tagen: int = 14
    # "ausreichend" is questioned only from this many persons without housing on.
    einschaetzung_toleranz: int = 10
    grenzen: Grenzen = field(default_factory=Grenzen)
    quelle: str = EINGEBAUT


# --- what a wrm.toml may contain -------------------------------------------------------

Leser = Callable[[Any, str], Any]  # (value, "abschnitt.schluessel") → checked value


def _text(wert: Any, wo: str) -> str:
    if not isinstance(wert, str) or not wert.strip():
        raise KonfigFehler(f"„{wo}“ = {_zeigen(wert)} muss ein Text sein, z. B. „Landkreis X“.")
    return unicodedata.normalize("NFC", wert.strip())


def _datum(wert: Any, wo: str) -> dt.date:
    tag = datum_lesen(wert) if isinstance(wert, str | dt.date) else wert
    if not isinstance(tag, dt.date) or isinstance(wert, dt.time):
        raise KonfigFehler(
            f"„{wo}“ = {_zeigen(wert)} ist kein Datum – erwartet wird z. B. 2016-07-31."
        )
    return tag


def _anzahl(wert: Any, wo: str) -> int:
    if not isinstance(wert, int) or isinstance(wert, bool) or wert < 0:
        raise KonfigFehler(f"„{wo}“ = {_zeigen(wert)} ist keine ganze Zahl ab 0.")
    return wert


def _groesser_null(wert: Any, wo: str) -> int:
    if _anzahl(wert, wo) == 0:
        raise KonfigFehler(f"„{wo}“ muss größer als 0 sein.")
    return int(wert)


def _namen(wert: Any, wo: str) -> tuple[str, ...]:
    if not isinstance(wert, list) or not all(isinstance(n, str) and n.strip() for n in wert):
        raise KonfigFehler(f'„{wo}“ muss eine Liste von Namen sein, z. B. ["SG Artland"].')
    return tuple(unicodedata.normalize("NFC", n.strip()) for n in wert)


# Section → key → reader. The Kommunen ([[kommunen]]) are a list of such tables.
ABSCHNITTE: dict[str, dict[str, Leser]] = {
    "bezirk": {"name": _text, "stichtag": _datum, "veraltet_nach_tagen": _anzahl},
    "quote": {"beginn": _datum, "ende": _datum},
    "hinweise": {"einschaetzung_toleranz": _anzahl},
    "grenzen": {name: _groesser_null for name in Grenzen.__dataclass_fields__},
}
KOMMUNE_EINTRAEGE: dict[str, Leser] = {"name": _text, "aliase": _namen}
KOMMUNEN = "kommunen"


def _zeigen(wert: Any) -> str:
    return f"„{wert}“" if isinstance(wert, str) else str(wert)


def _unbekannt(schluessel: str, moeglich: Iterable[str], wo: str, anderswo: str = "") -> str:
    moeglich = sorted(moeglich)
    vorschlag = difflib.get_close_matches(schluessel, moeglich, n=1, cutoff=0.6)
    if anderswo:
        weiter = f"„{schluessel}“ gehört in den Abschnitt [{anderswo}]."
    elif vorschlag:
        weiter = f"meinten Sie „{vorschlag[0]}“?"
    else:
        weiter = "möglich sind " + ", ".join(f"„{m}“" for m in moeglich) + "."
    return f"Unbekannter Eintrag „{schluessel}“ {wo} – {weiter}"


def _abschnitt_pruefen(name: str, inhalt: Any) -> dict[str, Any]:
    bekannt = ABSCHNITTE[name]
    if not isinstance(inhalt, dict):
        raise KonfigFehler(
            f"[{name}] muss ein Abschnitt sein (eine Zeile „[{name}]“ mit Einträgen darunter)."
        )
    geprueft: dict[str, Any] = {}
    for schluessel, wert in inhalt.items():
        if schluessel not in bekannt:
            raise KonfigFehler(_unbekannt(schluessel, bekannt, f"im Abschnitt [{name}]"))
        geprueft[schluessel] = bekannt[schluessel](wert, f"{name}.{schluessel}")
    return geprueft


def _oben_pruefen(daten: dict[str, Any]) -> None:
    """Only known sections at the top; a key of a section written above it is named so."""
    moeglich = [*ABSCHNITTE, KOMMUNEN]
    for schluessel in daten:
        if schluessel in moeglich:
            continue
        heimat = next((n for n, keys in ABSCHNITTE.items() if schluessel in keys), "")
        raise KonfigFehler(_unbekannt(schluessel, moeglich, "auf oberster Ebene", heimat))


def _kommunen_lesen(eintraege: Any) -> tuple[Kommune, ...]:
    if (
        not isinstance(eintraege, list)
        or not eintraege
        or not all(isinstance(e, dict) for e in eintraege)
    ):
        raise KonfigFehler(
            "[[kommunen]] muss mindestens eine Kommune nennen, je Kommune ein Abschnitt "
            '[[kommunen]] mit name = "…".'
        )
    kommunen: list[Kommune] = []
    vergeben: dict[str, tuple[str, str]] = {}  # name key → (as written, Kommune)
    for nr, eintrag in enumerate(eintraege, start=1):
        for schluessel in eintrag:
            if schluessel not in KOMMUNE_EINTRAEGE:
                wo = f"im {nr}. Eintrag unter [[kommunen]]"
                raise KonfigFehler(_unbekannt(schluessel, KOMMUNE_EINTRAEGE, wo))
        if "name" not in eintrag:
            raise KonfigFehler(f"Der {nr}. Eintrag unter [[kommunen]] hat keinen Namen.")
        name = _text(eintrag["name"], f"kommunen.name ({nr}. Eintrag)")
        aliase = _namen(eintrag.get("aliase", []), f"kommunen.aliase von „{name}“")
        for geschrieben in (name, *aliase):
            schluessel = namensschluessel(geschrieben)
            frueher, kommune = vergeben.get(schluessel, (geschrieben, name))
            if kommune != name:
                raise KonfigFehler(
                    f"Der Name „{geschrieben}“ ist sowohl „{kommune}“ als auch „{name}“ "
                    f"zugeordnet (bei „{kommune}“ als „{frueher}“) – bitte eindeutig machen."
                )
            if schluessel in vergeben and frueher == geschrieben:
                raise KonfigFehler(
                    f"„{geschrieben}“ steht bei „{name}“ doppelt – bitte einmal nennen."
                )
            vergeben[schluessel] = (geschrieben, name)
        kommunen.append(Kommune(name, aliase))
    return tuple(kommunen)


def einstellungen_aus_daten(
    daten: dict[str, Any], quelle: str, grundlage: Einstellungen | None = None
) -> Einstellungen:
    """Check parsed TOML and build the settings; what it leaves out comes from
    ``grundlage`` (the embedded default: district name and Kommunen) or the defaults above."""
    try:
        _oben_pruefen(daten)
        abschnitte = {name: _abschnitt_pruefen(name, daten.get(name, {})) for name in ABSCHNITTE}
        kommunen = _kommunen_lesen(daten[KOMMUNEN]) if KOMMUNEN in daten else None
    except KonfigFehler as fehler:
        raise KonfigFehler(f"{quelle}: {fehler}") from None
    bezirk, quote = abschnitte["bezirk"], abschnitte["quote"]
    if grundlage is None and (kommunen is None or "name" not in bezirk):
        raise KonfigFehler(f"{quelle}: [bezirk] name und [[kommunen]] fehlen.")
    name = bezirk.get("name") or (grundlage.bezirk.name if grundlage else "")
    werte: dict[str, Any] = {
        "stichtag": bezirk.get("stichtag"),
        "veraltet_nach_tagen": bezirk.get("veraltet_nach_tagen"),
        "einschaetzung_toleranz": abschnitte["hinweise"].get("einschaetzung_toleranz"),
    }
    return Einstellungen(
        bezirk=Bezirk(
            name=name,
            kommunen=kommunen or (grundlage.bezirk.kommunen if grundlage else ()),
            quote_beginn=quote.get("beginn"),
            quote_ende=quote.get("ende"),
        ),
        grenzen=Grenzen(**abschnitte["grenzen"]),
        quelle=quelle,
        **{key: wert for key, wert in werte.items() if wert is not None},
    )


_TOML_FEHLER = re.compile(
    r"^(?P<was>.*?) \(at (?:line (?P<zeile>\d+), column (?P<spalte>\d+)|end of document)\)$"
)
# tomllib's most frequent complaints, in German; anything else gets the general advice.
_TOML_GRUENDE = {
    "Expected '=' after a key": "nach einem Namen fehlt „=“",
    "Invalid statement": "die Zeile ist weder „name = Wert“ noch eine Abschnittszeile „[…]“",
    "Invalid value": 'der Wert ist ungültig (Text gehört in Anführungszeichen "…")',
    "Unclosed array": "eine Liste „[…“ wird nicht geschlossen",
    "Unterminated string": 'ein Text „"…“ wird nicht geschlossen',
    "Expected ']' at the end of a table declaration": (
        "die Abschnittszeile „[…“ wird nicht mit „]“ geschlossen"
    ),
    "Expected newline or end of document after a statement": (
        "nach dem Wert steht noch etwas in derselben Zeile"
    ),
    "Cannot overwrite a value": "ein Eintrag steht doppelt",
    "Cannot declare": "ein Abschnitt steht doppelt",
    "Invalid date or datetime": "das Datum ist ungültig (erwartet z. B. 2016-07-31)",
}


def _toml_fehler(pfad: Path, fehler: tomllib.TOMLDecodeError) -> KonfigFehler:
    text = str(fehler)
    treffer = _TOML_FEHLER.match(text)
    was = treffer.group("was") if treffer else text
    grund = next((de for en, de in _TOML_GRUENDE.items() if was.startswith(en)), None)
    if treffer and treffer.group("zeile"):
        ort = f"in Zeile {treffer.group('zeile')}, Spalte {treffer.group('spalte')}"
    else:
        ort = "am Ende der Datei"
    warum = f": {grund}" if grund else ""
    return KonfigFehler(
        f"Die Einstellungsdatei {pfad} ist kein gültiges TOML – Fehler {ort}{warum}. "
        "Bitte die Zeile mit dem Beispiel im README vergleichen."
    )


def _toml_lesen(pfad: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(pfad.read_text("utf-8"))
    except FileNotFoundError:
        raise KonfigFehler(f"Die Einstellungsdatei {pfad} wurde nicht gefunden.") from None
    except UnicodeDecodeError:
        raise KonfigFehler(
            f"Die Einstellungsdatei {pfad} ist nicht in UTF-8 gespeichert – bitte im Editor "
            "„Speichern unter … Codierung UTF-8“ wählen."
        ) from None
    except OSError as fehler:
        raise KonfigFehler(
            f"Die Einstellungsdatei {pfad} ist nicht lesbar ({fehler.strerror})."
        ) from None
    except tomllib.TOMLDecodeError as fehler:
        raise _toml_fehler(pfad, fehler) from None


@functools.cache
def standard_einstellungen() -> Einstellungen:
    """The embedded district (Landkreis Osnabrück, 21 Kommunen)."""
    text = resources.files("wrm_cli").joinpath(_EINGEBAUTE_DATEI).read_text("utf-8")
    return einstellungen_aus_daten(tomllib.loads(text), EINGEBAUT)


def konfig_laden(pfad: Path) -> Einstellungen:
    return einstellungen_aus_daten(_toml_lesen(pfad), str(pfad), standard_einstellungen())


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
