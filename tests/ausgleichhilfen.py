"""Helpers for the tests of the outputs of ``wrm ausgleich``: a small district of one's
own (wrm.toml and filled templates under tmp_path), the great-circle distance computed
independently of wrm, and the published 2016 figures."""

from __future__ import annotations

import csv
import datetime as dt
import math
import tomllib
from collections.abc import Mapping
from pathlib import Path

from conftest import BEISPIELE, PROJEKT
from hilfen import vorlage_ausfuellen

from wrm_cli.konfig import konfig_laden
from wrm_cli.vorlage import vorlage_erstellen, vorlagen_dateiname

STICHTAG = "16.03.2016"
STAND = dt.date(2016, 3, 16)


def lage_2016() -> dict[str, tuple[float, float]]:
    """Kommune → (breite, laenge) as the embedded Landkreis Osnabrück ships them."""
    daten = tomllib.loads((PROJEKT / "wrm_cli" / "landkreis_osnabrueck.toml").read_text("utf-8"))
    return {k["name"]: (k["breite"], k["laenge"]) for k in daten["kommunen"]}


def grosskreis(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Haversine on a sphere of 6,371.0 km, written out here rather than taken from wrm."""
    f1, f2 = math.radians(a[0]), math.radians(b[0])
    df, dl = f2 - f1, math.radians(b[1] - a[1])
    h = math.sin(df / 2) ** 2 + math.cos(f1) * math.cos(f2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def km_de(km: float) -> str:
    return f"{km:.1f}".replace(".", ",")


def tabelle_2016() -> dict[str, dict[str, str]]:
    """The published table of 16.03.2016 (beispiele/uebersicht_2016.csv) by Kommune."""
    with open(BEISPIELE / "uebersicht_2016.csv", encoding="utf-8", newline="") as datei:
        return {zeile["kommune"]: zeile for zeile in csv.DictReader(datei, delimiter=";")}


def bedarf_und_angebot(sofort: bool, reserve_prozent: int = 10) -> dict[str, tuple[int, int]]:
    """Kommune → (Bedarf, Angebot) by the model of the issue, from the published table:
    f = max((5), 0) − places, places (8)–(11) or, with ``sofort``, (8)+(9); reserve
    ceil(places × % / 100); a "kritisch" Kommune offers nothing. Kommunen whose (8)–(11)
    are all blank take no part."""
    ergebnis = {}
    for name, zeile in tabelle_2016().items():
        felder = [
            "verfuegbar_gu",
            "verfuegbar_dezentral",
            "in_aussicht_gu",
            "in_aussicht_dezentral",
        ]
        if all(zeile[feld] == "" for feld in felder):
            continue
        zahlen = [int(zeile[feld] or 0) for feld in felder[: 2 if sofort else 4]]
        plaetze = sum(zahlen)
        f = max(int(zeile["zu_erfuellen"] or 0), 0) - plaetze
        reserve = -(-plaetze * reserve_prozent // 100)
        angebot = 0 if zeile["einschaetzung"] == "kritisch" else max(-f - reserve, 0)
        ergebnis[name] = (max(f, 0), angebot)
    return ergebnis


# Figures of a Meldung that passes every check: (5) = 30, 10 places, kritisch.
NORD = {
    "zuweisungen": 40,
    "ankuenfte": 10,
    "keine_anrechnung": 0,
    "moegliche_anrechnung": 0,
    "zu_erfuellen": 30,
    "untergebracht_gu": 0,
    "untergebracht_dezentral": 10,
    "verfuegbar_gu": 4,
    "verfuegbar_dezentral": 6,
    "in_aussicht_gu": 0,
    "in_aussicht_dezentral": 0,
    "einschaetzung": "kritisch",
}
# (5) = 0, 50 places: offers 50 − 5 (reserve).
SUED = {**NORD, "zuweisungen": 10, "zu_erfuellen": 0, "verfuegbar_gu": 20}
SUED |= {"verfuegbar_dezentral": 30, "einschaetzung": "ausreichend"}


def probebezirk(
    ordner: Path,
    kommunen: Mapping[str, tuple[float, float] | None],
    meldungen: Mapping[str, Mapping[str, object]],
    zusatz: str = "",
) -> Path:
    """``ordner``/wrm.toml of a district with these Kommunen (with their coordinates, or
    none) and ``ordner``/eingang with a filled template per entry of ``meldungen``;
    returns the folder of the Meldungen. ``zusatz`` is appended to wrm.toml."""
    zeilen = ['[bezirk]\nname = "Landkreis Probe"\n', "[quote]\nbeginn = 2015-12-04"]
    zeilen.append("ende = 2016-07-31\n")
    for name, lage in kommunen.items():
        zeilen.append(f"[[kommunen]]\nname = {_toml(name)}")
        if lage is not None:
            zeilen.append(f"breite = {lage[0]}\nlaenge = {lage[1]}")
        zeilen.append("")
    konfig = ordner / "wrm.toml"
    konfig.write_text("\n".join(zeilen) + zusatz, "utf-8")
    einstellungen = konfig_laden(konfig)
    eingang = ordner / "eingang"
    eingang.mkdir()
    for kommune, werte in meldungen.items():
        mappe = vorlage_erstellen(einstellungen, kommune)
        vorlage_ausfuellen(mappe, {"stand": STAND, **werte})
        mappe.save(eingang / vorlagen_dateiname(kommune))
    return eingang


def _toml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
