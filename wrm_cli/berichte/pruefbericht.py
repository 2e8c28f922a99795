"""The answer of ``wrm pruefen``: per file ✓ and a one-line summary, or its Befunde.

Plain text on purpose: a clerk may paste it into an e-mail to the task force.
"""

from __future__ import annotations

import json
from typing import Any

from wrm_cli import __version__
from wrm_cli.berichte.json_bericht import json_zeile
from wrm_cli.ergebnis import Dateipruefung, JsonDateipruefung, JsonPruefbericht, Pruefbericht
from wrm_cli.felder import FELD, KAPAZITAETSFELDER
from wrm_cli.werte import datum_deutsch, zahl_de

OK, NICHT_OK, UEBERGANGEN = "✓", "✗", "–"
KAPAZITAET_NUMMERN = f"({FELD[KAPAZITAETSFELDER[0]].nr})–({FELD[KAPAZITAETSFELDER[-1]].nr})"


def _anzahl(n: int, einzahl: str, mehrzahl: str) -> str:
    return f"{n} {einzahl if n == 1 else mehrzahl}"


def _summe(zeile: dict[str, Any], *keys: str) -> int:
    return sum(zeile[key] or 0 for key in keys)


def zusammenfassung(zeile: dict[str, Any]) -> str:
    """One Meldung in one line: Kommune, Stand and the key figures."""
    stand = f"Stand {datum_deutsch(zeile['stand'])}" if zeile["stand"] else "ohne Stand"
    teile = [
        f"{zahl_de(zeile['bisherige_zuweisungen'] or 0)} Zuweisungen",
        f"zu erfüllen {zahl_de(zeile['zu_erfuellen'] or 0)}",
    ]
    if zeile["fehlender_wohnraum"] is None:  # (8)–(11) all blank: no zeros, say so
        teile.append(f"keine Angaben zum Wohnraum ({KAPAZITAET_NUMMERN} leer)")
    else:
        teile += [
            f"verfügbar {zahl_de(_summe(zeile, 'verfuegbar_gu', 'verfuegbar_dezentral'))}",
            f"in Aussicht {zahl_de(_summe(zeile, 'in_aussicht_gu', 'in_aussicht_dezentral'))}",
            f"fehlender Wohnraum {zahl_de(zeile['fehlender_wohnraum'])}",
        ]
    if zeile["einschaetzung"]:
        teile.append(f"Einschätzung {zeile['einschaetzung']}")
    return f"{zeile['kommune']}, {stand}: " + ", ".join(teile)


def _datei_text(pruefung: Dateipruefung, name: str) -> list[str]:
    if not pruefung.lesbar:
        zeilen = [f"{NICHT_OK} {name}: nicht lesbar"]
    elif pruefung.fehler:
        anzahl = _anzahl(pruefung.fehler, "Fehler", "Fehler")
        zeilen = [f"{NICHT_OK} {name}: {anzahl} – bitte korrigieren und erneut prüfen"]
    elif pruefung.meldungen:
        zeilen = [f"{OK} {name}: {zusammenfassung(z)}" for z in pruefung.meldungen]
    else:  # e.g. a report of wrm: read, but nothing to check
        zeilen = [f"{UEBERGANGEN} {name}: keine Meldung"]
    for befund in pruefung.befunde:  # in the Kommune's words
        zeilen.append(f"  {befund.wort}: {befund.fuer_kommune().kurztext}")
    return zeilen


def als_text(bericht: Pruefbericht) -> str:
    zeilen: list[str] = []
    for pruefung in bericht.dateien:
        # The bare name reads best; files of the same name in two folders carry their folder.
        zeilen += _datei_text(pruefung, pruefung.name or pruefung.datei.name)
    zeilen += [f"Hinweis: {befund.text}" for befund in bericht.ignoriert]
    gesamt = len(bericht.dateien)
    gut = sum(p.in_ordnung for p in bericht.dateien)
    unlesbar = sum(not p.lesbar for p in bericht.dateien)
    geprueft = _anzahl(gesamt, "Datei", "Dateien") + " geprüft"
    if gesamt == 0:
        zeilen.append("Keine Datei zum Prüfen gefunden.")
    elif gut == gesamt:
        zeilen.append(f"{geprueft}: {'in Ordnung' if gesamt == 1 else 'alle in Ordnung'}.")
    else:
        teile = [f"{gut} in Ordnung", f"{gesamt - gut - unlesbar} mit Fehlern"]
        if unlesbar:
            teile.append(f"{unlesbar} nicht lesbar")
        zeilen.append(f"{geprueft}: {', '.join(teile)}.")
    return "\n".join(zeilen) + "\n"


def _json_datei(pruefung: Dateipruefung) -> JsonDateipruefung:
    return {
        "datei": pruefung.datei.name,
        "pfad": str(pruefung.datei),
        "lesbar": pruefung.lesbar,
        "in_ordnung": pruefung.in_ordnung,
        "fehler": pruefung.fehler,
        "hinweise": pruefung.hinweise,
        "meldungen": [json_zeile(zeile) for zeile in pruefung.meldungen],
        "befunde": [befund.als_dict(fuer_kommune=True) for befund in pruefung.befunde],
    }


def als_dict(bericht: Pruefbericht) -> JsonPruefbericht:
    return {
        "wrm_version": __version__,
        "stichtag": bericht.stichtag.isoformat(),
        "bezirk": bericht.bezirk.name,
        "dateien": [_json_datei(pruefung) for pruefung in bericht.dateien],
        "ignoriert": [befund.als_dict(fuer_kommune=True) for befund in bericht.ignoriert],
    }


def als_json(bericht: Pruefbericht) -> str:
    return json.dumps(als_dict(bericht), ensure_ascii=False, indent=2) + "\n"
