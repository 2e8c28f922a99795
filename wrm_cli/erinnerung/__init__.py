"""``wrm erinnern``: for every Kommune whose Meldung is missing, stale, without Stand or
faulty, one unsent e-mail draft (.eml) to the address of its newest Meldung. Never sends
anything (no SMTP; import-linter forbids smtplib), never prints, never exits.

Its modules: kontakt (whom to write to, checked), texte (subject and body per case),
entwurf (the draft with its attachments).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from wrm_cli.ausgabe import atomar_schreiben, ordner_anlegen, pruefe_ziel
from wrm_cli.ergebnis import Auswertungsbericht, Meldestand, Pruefbericht
from wrm_cli.erinnerung.entwurf import dateiname, entwurf_erstellen
from wrm_cli.erinnerung.kontakt import Kontakt, kontakt_finden, meldung_der_kommune
from wrm_cli.erinnerung.texte import betreff, text
from wrm_cli.erinnerungsergebnis import ZU_ERINNERN, Entwurf, Erinnerungen, OhneAdresse
from wrm_cli.fehler import KonfigFehler
from wrm_cli.konfig import Einstellungen
from wrm_cli.lesen.lauf import Lauf


def standardordner(stichtag: dt.date) -> Path:
    """Where the drafts go without --ausgabe: erinnerungen/<Stichtag ISO>/."""
    return Path("erinnerungen") / stichtag.isoformat()


@dataclass(frozen=True)
class _Fall:
    stand: Meldestand
    kontakt: Kontakt
    ziel: Path
    pruefung: str | None


def _pfad(datei: str | None, pfade: Sequence[Path]) -> Path | None:
    """The input file a Meldestand names ("kw10/Meldung_X.xlsx [Meldung]")."""
    if not datei:
        return None
    name = datei.split(" [")[0]
    return next((p for p in pfade if p.name == name or p.as_posix().endswith(f"/{name}")), None)


def _pruefungen(
    pfade: Sequence[Path], einstellungen: Einstellungen, tag: dt.date
) -> dict[Path, str]:
    """Each file's answer of ``wrm pruefen``, exactly as it shows it for that file."""
    if not pfade:
        return {}
    from wrm_cli.ablauf import pruefen_dateien
    from wrm_cli.berichte.pruefbericht import als_text

    bericht = pruefen_dateien(pfade, einstellungen, tag)
    return {
        datei.datei: als_text(Pruefbericht(tag, bericht.einstellungen, [datei]))
        for datei in bericht.dateien
    }


def erinnern(
    bericht: Auswertungsbericht,
    lauf: Lauf,
    archiv: Path | None,
    ordner: Path,
    ueberschreiben: bool = False,
) -> Erinnerungen:
    """Write the drafts into ``ordner``; none over an existing file unless ``ueberschreiben``
    (every target is checked before the first is written). ``lauf``: the run that read
    the report's files, whose Meldungen keep their contact cells (a faulty one too)."""
    from wrm_cli.chronik import kontakte

    einstellungen, tag = bericht.einstellungen, bericht.stichtag
    ergebnis = Erinnerungen(tag, ordner)
    zu_erinnern = [s for s in bericht.meldestatus if s.status in ZU_ERINNERN]
    eingaben = [*bericht.gelesene_dateien, *bericht.unlesbare_dateien]
    dateien = {s.kommune: p for s in zu_erinnern if (p := _pfad(s.datei, eingaben))}
    fehlerhaft = [
        dateien[s.kommune] for s in zu_erinnern if s.status == "ungültig" and s.kommune in dateien
    ]
    pruefungen = _pruefungen(list(dict.fromkeys(fehlerhaft)), einstellungen, tag)
    archiviert = kontakte(archiv, einstellungen, tag) if archiv is not None else {}
    faelle: list[_Fall] = []
    for stand in zu_erinnern:
        pfad = dateien.get(stand.kommune)
        meldung = meldung_der_kommune(lauf, pfad, stand.kommune, einstellungen) if pfad else None
        kontakt, grund = kontakt_finden(
            stand.kommune, meldung, archiviert.get(stand.kommune), einstellungen, archiv
        )
        if kontakt is None:
            ergebnis.ohne_adresse.append(OhneAdresse(stand.kommune, stand.status, grund or ""))
            continue
        ziel = ordner / dateiname(stand.kommune, "Erinnerung", ".eml")
        pruefung = pruefungen.get(pfad) if pfad and stand.status == "ungültig" else None
        faelle.append(_Fall(stand, kontakt, ziel, pruefung))
    for fall in faelle:
        pruefe_ziel(fall.ziel, eingaben)
        if fall.ziel.exists() and not ueberschreiben:
            raise KonfigFehler(
                f"{fall.ziel} gibt es schon – mit --ueberschreiben ersetzen oder mit --ausgabe "
                "einen anderen Ordner wählen. Es wurde nichts geschrieben."
            )
    for fall in faelle:
        kommune, anhang = fall.stand.kommune, dateiname(fall.stand.kommune, "Meldung", ".xlsx")
        inhalt = text(
            fall.stand, einstellungen, tag, anhang, fall.kontakt.ansprechpartner, fall.pruefung
        )
        entwurf = entwurf_erstellen(
            einstellungen, kommune, fall.kontakt, betreff(fall.stand, tag), inhalt, fall.pruefung
        )
        ordner_anlegen(fall.ziel)
        atomar_schreiben(fall.ziel, entwurf)
        ergebnis.entwuerfe.append(
            Entwurf(kommune, fall.stand.status, fall.kontakt.email, fall.ziel)
        )
    return ergebnis
