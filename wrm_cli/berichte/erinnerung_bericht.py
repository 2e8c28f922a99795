"""The summary of ``wrm erinnern``: one line per draft written and per Kommune without a
usable address (text), or the fixed JSON contract ``JsonErinnerungen``."""

from __future__ import annotations

import json

from wrm_cli.erinnerungsergebnis import Erinnerungen, JsonErinnerungen
from wrm_cli.werte import datum_deutsch


def als_dict(ergebnis: Erinnerungen) -> JsonErinnerungen:
    return {
        "stichtag": ergebnis.stichtag.isoformat(),
        "entwuerfe": [
            {"kommune": e.kommune, "status": e.status, "an": e.an, "datei": str(e.datei)}
            for e in ergebnis.entwuerfe
        ],
        "ohne_adresse": [o.kommune for o in ergebnis.ohne_adresse],
    }


def als_json(ergebnis: Erinnerungen) -> str:
    return json.dumps(als_dict(ergebnis), ensure_ascii=False, indent=2) + "\n"


def als_text(ergebnis: Erinnerungen) -> str:
    """One line per draft (Kommune, status, recipient, file), then those without address."""
    tag = datum_deutsch(ergebnis.stichtag)
    if not ergebnis.noetig:
        return f"Stichtag {tag}: alle Kommunen haben aktuell gemeldet – keine Erinnerung nötig.\n"
    zeilen = [f"Erinnerungen zum Stichtag {tag}:"]
    zeilen += [f"  {e.kommune} ({e.status}) an {e.an}: {e.datei}" for e in ergebnis.entwuerfe]
    zeilen += [f"ohne Adresse: {o.kommune} ({o.status}) – {o.grund}" for o in ergebnis.ohne_adresse]
    anzahl = len(ergebnis.entwuerfe)
    zeilen.append(
        f"{anzahl} {'Entwurf' if anzahl == 1 else 'Entwürfe'} geschrieben – wrm versendet "
        "nichts: bitte im E-Mail-Programm öffnen, prüfen und senden."
    )
    return "\n".join(zeilen) + "\n"
