"""The district: its Kommunen and their aliases, the quota period, the settings.

Settings come from ``wrm.toml`` (next to the inputs, in the current folder, or
given explicitly); without one, the embedded Landkreis Osnabrück applies.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from wrm_cli.fehler import KonfigFehler
from wrm_cli.grenzen import Grenzen

KONFIG_DATEINAME = "wrm.toml"
_KUERZESTER_NAME_IM_DATEINAMEN = 4
_UMLAUTE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
# DIN 5007-1 ("dictionary order"): ä sorts as a, ß as ss.
_DIN_5007: dict[str, str | int | None] = {"ä": "a", "ö": "o", "ü": "u", "ß": "ss"}
_SORTIERUNG = str.maketrans(_DIN_5007)


@functools.lru_cache(maxsize=2**16)  # every name is looked up several times per run
def namensschluessel(name: str) -> str:
    """Compare names as people mean them: "SG  fuerstenau" ~ "SG Fürstenau" (NFC/NFD alike)."""
    text = unicodedata.normalize("NFC", name).casefold().translate(_UMLAUTE)
    return re.sub(r"[^0-9a-z]", "", text)


def sortierschluessel(name: str) -> str:
    """German dictionary order (DIN 5007-1: ä sorts as a), independent of the locale."""
    text = unicodedata.normalize("NFC", name).casefold()
    return text.translate(_SORTIERUNG)


@dataclass(frozen=True)
class Kommune:
    name: str
    aliase: tuple[str, ...] = ()


@dataclass(frozen=True)
class Bezirk:
    name: str
    kommunen: tuple[Kommune, ...]
    quote_beginn: dt.date | None = None
    quote_ende: dt.date | None = None
    veraltet_nach_tagen: int = 14
    stichtag: dt.date | None = None
    # "ausreichend" is questioned only from this many persons without housing on.
    einschaetzung_toleranz: int = 10
    # Limits per input file, against damaged and hostile files.
    grenzen: Grenzen = field(default_factory=Grenzen)
    quelle: str = "eingebaute Voreinstellung"
    _namen: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    # The lengths of the name keys looked for in file names (few, however many Kommunen).
    _laengen: set[int] = field(default_factory=set, repr=False, compare=False)

    def __post_init__(self) -> None:
        for kommune in self.kommunen:
            for name in (kommune.name, *kommune.aliase):
                schluessel = namensschluessel(name)
                bisher = self._namen.get(schluessel)
                if bisher is not None and bisher != kommune.name:
                    raise KonfigFehler(
                        f"{self.quelle}: Der Name „{name}“ ist sowohl „{bisher}“ als auch "
                        f"„{kommune.name}“ zugeordnet – bitte eindeutig machen."
                    )
                self._namen[schluessel] = kommune.name
        # Very short aliases would match by chance inside other words.
        self._laengen.update(
            len(s) for s in self._namen if len(s) >= _KUERZESTER_NAME_IM_DATEINAMEN
        )

    @property
    def kommunennamen(self) -> tuple[str, ...]:
        return tuple(kommune.name for kommune in self.kommunen)

    def kommune_finden(self, eingabe: str) -> str | None:
        """The official name for what a user typed, or None if it is not a Kommune here."""
        return self._namen.get(namensschluessel(eingabe))

    def kommune_im_dateinamen(self, dateiname: str) -> str | None:
        """The one Kommune a file name mentions ("Meldung_Bad-Iburg_März.xlsx"), else None."""
        text = namensschluessel(Path(dateiname).stem)
        # Every piece of the name as long as some key is looked up, rather than every key
        # searched in the name: a Land collecting 11,000 files from 11,000 Kommunen would
        # otherwise pay 121 million searches.
        gefunden = {
            stueck
            for laenge in self._laengen
            for stelle in range(len(text) - laenge + 1)
            if (stueck := text[stelle : stelle + laenge]) in self._namen
        }
        # "badiburg" contains "iburg": a name inside a longer match does not count.
        eigenstaendig = {
            self._namen[s] for s in gefunden if not any(s != t and s in t for t in gefunden)
        }
        return eigenstaendig.pop() if len(eigenstaendig) == 1 else None

    def vorschlag(self, eingabe: str) -> str | None:
        """The Kommune a misspelt name most likely means."""
        treffer = difflib.get_close_matches(
            namensschluessel(eingabe), list(self._namen), n=1, cutoff=0.75
        )
        return self._namen[treffer[0]] if treffer else None

    # Labels that carry the quota period, e.g. "noch zu erfüllende Quote seit 04.12.2015".
    def label_zu_erfuellen(self) -> str:
        seit = f" seit {datum_deutsch(self.quote_beginn)}" if self.quote_beginn else ""
        return f"noch zu erfüllende Quote{seit}"

    def label_benoetigt(self) -> str:
        bis = f" bis {datum_deutsch(self.quote_ende)}" if self.quote_ende else ""
        return f"benötigter Wohnraum{bis}"


def datum_deutsch(tag: dt.date) -> str:
    return tag.strftime("%d.%m.%Y")


def _datum(wert: Any, schluessel: str, quelle: str) -> dt.date | None:
    if wert is None:
        return None
    if isinstance(wert, dt.datetime):
        return wert.date()
    if isinstance(wert, dt.date):
        return wert
    if isinstance(wert, str):
        for format_ in ("%Y-%m-%d", "%d.%m.%Y"):
            try:
                return dt.datetime.strptime(wert.strip(), format_).date()
            except ValueError:
                pass
    raise KonfigFehler(
        f"{quelle}: „{schluessel}“ = „{wert}“ ist kein Datum – erwartet wird z. B. 2016-07-31."
    )


def _anzahl(wert: Any, schluessel: str, quelle: str) -> int:
    if not isinstance(wert, int) or isinstance(wert, bool) or wert < 0:
        raise KonfigFehler(f"{quelle}: „{schluessel}“ = „{wert}“ ist keine ganze Zahl ab 0.")
    return wert


def bezirk_aus_daten(daten: dict[str, Any], quelle: str) -> Bezirk:
    """Build a Bezirk from parsed TOML; Kommunen default to the embedded district."""
    abschnitt = daten.get("bezirk", {})
    quote = daten.get("quote", {})
    if "kommunen" in daten:
        kommunen = _kommunen_lesen(daten["kommunen"], quelle)
    else:
        kommunen = standard_bezirk().kommunen
    tage = _anzahl(abschnitt.get("veraltet_nach_tagen", 14), "bezirk.veraltet_nach_tagen", quelle)
    toleranz = _anzahl(
        daten.get("hinweise", {}).get("einschaetzung_toleranz", 10),
        "hinweise.einschaetzung_toleranz",
        quelle,
    )
    return Bezirk(
        name=str(abschnitt.get("name", "Landkreis Osnabrück")),
        kommunen=kommunen,
        quote_beginn=_datum(quote.get("beginn"), "quote.beginn", quelle),
        quote_ende=_datum(quote.get("ende"), "quote.ende", quelle),
        veraltet_nach_tagen=tage,
        stichtag=_datum(abschnitt.get("stichtag"), "bezirk.stichtag", quelle),
        einschaetzung_toleranz=toleranz,
        grenzen=_grenzen_lesen(daten.get("grenzen", {}), quelle),
        quelle=quelle,
    )


def _grenzen_lesen(abschnitt: Any, quelle: str) -> Grenzen:
    if not isinstance(abschnitt, dict):
        raise KonfigFehler(f"{quelle}: [grenzen] muss ein Abschnitt mit Zahlen sein.")
    bekannt = set(Grenzen.__dataclass_fields__)
    for schluessel in abschnitt:
        if schluessel not in bekannt:
            moeglich = ", ".join(sorted(bekannt))
            raise KonfigFehler(
                f"{quelle}: [grenzen] {schluessel} gibt es nicht – möglich sind {moeglich}."
            )
    werte = {
        schluessel: _anzahl(wert, f"grenzen.{schluessel}", quelle)
        for schluessel, wert in abschnitt.items()
    }
    for schluessel, wert in werte.items():
        if wert == 0:
            raise KonfigFehler(f"{quelle}: „grenzen.{schluessel}“ muss größer als 0 sein.")
    return Grenzen(**werte)


def _kommunen_lesen(eintraege: Any, quelle: str) -> tuple[Kommune, ...]:
    if not isinstance(eintraege, list) or not eintraege:
        raise KonfigFehler(f"{quelle}: [[kommunen]] muss mindestens eine Kommune nennen.")
    kommunen = []
    for nr, eintrag in enumerate(eintraege, start=1):
        name = eintrag.get("name") if isinstance(eintrag, dict) else None
        if not isinstance(name, str) or not name.strip():
            raise KonfigFehler(f"{quelle}: Der {nr}. Eintrag unter [[kommunen]] hat keinen Namen.")
        aliase = eintrag.get("aliase", [])
        if not isinstance(aliase, list) or not all(isinstance(a, str) for a in aliase):
            raise KonfigFehler(f"{quelle}: „aliase“ von „{name}“ muss eine Liste von Namen sein.")
        kommunen.append(Kommune(unicodedata.normalize("NFC", name.strip()), tuple(aliase)))
    return tuple(kommunen)


def standard_bezirk() -> Bezirk:
    text = resources.files("wrm_cli").joinpath("landkreis_osnabrueck.toml").read_text("utf-8")
    daten = tomllib.loads(text)
    return Bezirk(
        name=daten["bezirk"]["name"],
        kommunen=_kommunen_lesen(daten["kommunen"], "eingebaute Voreinstellung"),
        veraltet_nach_tagen=daten["bezirk"]["veraltet_nach_tagen"],
    )


def konfig_laden(pfad: Path) -> Bezirk:
    try:
        daten = tomllib.loads(pfad.read_text("utf-8"))
    except FileNotFoundError:
        raise KonfigFehler(f"Die Einstellungsdatei {pfad} wurde nicht gefunden.") from None
    except (OSError, UnicodeDecodeError) as fehler:
        raise KonfigFehler(f"Die Einstellungsdatei {pfad} ist nicht lesbar: {fehler}") from None
    except tomllib.TOMLDecodeError as fehler:
        raise KonfigFehler(
            f"Die Einstellungsdatei {pfad} ist kein gültiges TOML ({fehler})."
        ) from None
    return bezirk_aus_daten(daten, str(pfad))


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


def bezirk_bestimmen(
    eingaben: Iterable[Path], konfig: Path | None = None, arbeitsordner: Path | None = None
) -> Bezirk:
    if konfig is not None:
        return konfig_laden(konfig)
    gefunden = konfig_finden(list(eingaben), arbeitsordner or Path.cwd())
    return konfig_laden(gefunden) if gefunden else standard_bezirk()
