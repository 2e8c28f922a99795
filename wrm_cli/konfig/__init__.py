"""wrm.toml: find it, read it, check it strictly → Einstellungen.

The embedded default (Landkreis Osnabrück) is read by the same parser as every
``wrm.toml``; a district's file only states what differs. Whatever a file says that
wrm does not know – a misspelt section or key, a value of the wrong kind, a Kommune
named twice – stops the run with a German sentence naming the file, the entry and,
where one is close, the entry that was probably meant.

Its modules: einstellungen (the dataclasses: the one place every default lives),
eintraege (the sections and entries and their readers), listen ([[kommunen]],
[[anrechnung]]), toml_datei (reading the file); names with a leading underscore are the
package's own.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from wrm_cli.bezirk import Bezirk, Kommune
from wrm_cli.fehler import KonfigFehler
from wrm_cli.konfig.einstellungen import (
    EINGEBAUT,
    VERTEILSCHLUESSEL,
    Anrechnungsregel,
    Ausgleichseinstellungen,
    Einstellungen,
    Erinnerungseinstellungen,
    Grenzen,
    Prognoseeinstellungen,
    Verteilschluessel,
)
from wrm_cli.konfig.eintraege import (
    ABSCHNITTE,
    ANRECHNUNG,
    KOMMUNEN,
    _abschnitt_pruefen,
    _oben_pruefen,
)
from wrm_cli.konfig.listen import (
    _anrechnung_lesen,
    _anteile_pruefen,
    _einwohner_pruefen,
    _geerbt,
    _kommunen_lesen,
)
from wrm_cli.konfig.toml_datei import _toml_lesen, toml_grund

__all__ = [
    "EINGEBAUT",
    "KONFIG_DATEINAME",
    "VERTEILSCHLUESSEL",
    "Anrechnungsregel",
    "Ausgleichseinstellungen",
    "Einstellungen",
    "Erinnerungseinstellungen",
    "Grenzen",
    "Prognoseeinstellungen",
    "Verteilschluessel",
    "einstellungen_aus_daten",
    "einstellungen_bestimmen",
    "konfig_finden",
    "konfig_laden",
    "standard_einstellungen",
    "toml_grund",
]

KONFIG_DATEINAME = "wrm.toml"
# The ``quelle`` of settings read from a template's version stamp.
_EINGEBAUTE_DATEI = "landkreis_osnabrueck.toml"


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
        erinnerung=Erinnerungseinstellungen(**abschnitte["erinnerung"]),
        **bezirk,
        **abschnitte["hinweise"],
    )


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
