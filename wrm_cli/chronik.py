"""The archive's part of the commands: keep a run with its comparison, repeat a past
report, and answer ``wrm verlauf``. Never prints and never exits.

``ablauf.auswerten`` reads and checks the files as always, then hands its report here;
the pure parts are in auswertung/verlauf.py and auswertung/wiederholung.py, the SQL in
archiv.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from wrm_cli import __version__
from wrm_cli.archiv import Archiv, Archivmeldung, Leser, oeffnen
from wrm_cli.befunde import sortiert
from wrm_cli.ergebnis import Auswertungsbericht, Kommunenstelle
from wrm_cli.fehler import ArchivFehler, KonfigFehler
from wrm_cli.konfig import Einstellungen
from wrm_cli.lesen.lauf import Lauf
from wrm_cli.verlaufsergebnis import Art, Verlaufsbericht
from wrm_cli.werte import datum_deutsch

T = TypeVar("T")

# What the messages of ``wrm auswerten`` offer when the archive cannot be used.
OHNE_ARCHIV = " Den Bericht ohne Archiv gibt es mit --ohne-archiv."


@contextmanager
def geoeffnet(
    pfad: Path, einstellungen: Einstellungen, anlegen: bool, ausweg: str = ""
) -> Iterator[Archiv]:
    archiv = oeffnen(
        pfad,
        einstellungen.bezirk.name,
        anlegen=anlegen,
        wartezeit=einstellungen.archiv_wartezeit_sekunden,
        ausweg=ausweg,
    )
    try:
        yield archiv
    finally:
        archiv.schliessen()


def archivieren(
    archiv: Archiv, bericht: Auswertungsbericht, lauf: Lauf, vergleich_am: dt.date | None
) -> Auswertungsbericht:
    """In one transaction: store the Meldungen the report evaluated and the run, then
    give the report its comparison and the district's series."""
    from wrm_cli.auswertung.verlauf import archivlauf, archivmeldungen, korrekturhinweise

    pruefsummen = {lauf.name(datei.pfad): datei.pruefsumme for datei in lauf.dateien}
    meldungen = archivmeldungen(bericht, pruefsummen)
    with archiv.schreiben() as schreiber:
        damals = _vergleichslauf(schreiber, archiv.pfad, bericht.stichtag, vergleich_am)
        einordnungen = schreiber.einordnen(meldungen)
        korrekturen = korrekturhinweise(meldungen, einordnungen)
        bericht = dataclasses.replace(bericht, befunde=sortiert([*bericht.befunde, *korrekturen]))
        lauf_archiv = archivlauf(bericht, meldungen, __version__)
        lauf_archiv = dataclasses.replace(lauf_archiv, vergleich_lauf_id=damals)
        schreiber.speichern(lauf_archiv, einordnungen)
        return _mit_vergleich(schreiber, bericht, damals)


def wiederholen(
    pfad: Path, einstellungen: Einstellungen, stichtag: dt.date, vergleich_am: dt.date | None
) -> Auswertungsbericht:
    """The report of the Stichtag's latest run exactly as it was reported, compared with
    the run it was compared with then (``vergleich_am``: another); without a run, the
    archive's newest Meldung of each Kommune with a Stand up to the Stichtag."""
    from wrm_cli.auswertung.wiederholung import bericht_aus_lauf, bericht_aus_meldungen

    with geoeffnet(pfad, einstellungen, anlegen=False) as archiv, archiv.lesen() as leser:
        damals = _vergleichslauf(leser, pfad, stichtag, vergleich_am)
        lauf_id = leser.lauf_am(stichtag)
        if lauf_id is not None:
            lauf = leser.lauf(lauf_id)
            if vergleich_am is None:
                damals = lauf.vergleich_lauf_id
            bericht = bericht_aus_lauf(lauf, einstellungen)
        else:
            meldungen = leser.neueste_meldungen(stichtag)
            if not meldungen:
                raise ArchivFehler(
                    f"Im Archiv {pfad} gibt es weder einen Lauf zum Stichtag "
                    f"{datum_deutsch(stichtag)} noch eine Meldung mit Stand bis dahin."
                    + _vorhanden(leser)
                )
            bericht = bericht_aus_meldungen(meldungen, einstellungen, stichtag)
        return _mit_vergleich(leser, bericht, damals)


def _vorhanden(leser: Leser) -> str:
    tage = leser.stichtage()
    if not tage:
        return " Das Archiv ist noch leer."
    gezeigt = ", ".join(datum_deutsch(tag) for tag in tage[-5:])
    return f" Stichtage im Archiv: {'…, ' if len(tage) > 5 else ''}{gezeigt}."


def _vergleichslauf(
    leser: Leser, pfad: Path, stichtag: dt.date, vergleich_am: dt.date | None
) -> int | None:
    """The run to compare with: that of --vergleich, else the latest run of the latest
    Stichtag before this one (so back-filling old weeks out of order works)."""
    if vergleich_am is None:
        return leser.lauf_vor(stichtag)
    lauf_id = leser.lauf_am(vergleich_am)
    if lauf_id is None:
        raise KonfigFehler(
            f"--vergleich {datum_deutsch(vergleich_am)}: zu diesem Stichtag gibt es im Archiv "
            f"{pfad} keinen Lauf." + _vorhanden(leser)
        )
    return lauf_id


def _mit_vergleich(
    leser: Leser, bericht: Auswertungsbericht, damals: int | None
) -> Auswertungsbericht:
    from wrm_cli.auswertung.verlauf import auswertung_von, vergleich, verlaufspunkte

    if damals is None:
        mit = None
    else:
        lauf = leser.lauf(damals)
        meldungen = [k.meldung for k in lauf.kommunen if k.meldung is not None]
        mit = vergleich(bericht.auswertung, auswertung_von(meldungen), lauf.stichtag)
    reihe = verlaufspunkte(leser.summen(bis=bericht.stichtag))
    return dataclasses.replace(bericht, vergleich=mit, verlauf=reihe)


def _gelesen(pfad: Path, einstellungen: Einstellungen, frage: Callable[[Leser], T]) -> T | None:
    """The answer of a read-only query, or None when the archive does not exist yet (the
    commands that only read it never create it)."""
    if not pfad.exists():
        return None
    with geoeffnet(pfad, einstellungen, anlegen=False) as archiv, archiv.lesen() as leser:
        return frage(leser)


def zuweisungsreihe(
    pfad: Path, einstellungen: Einstellungen, bis: dt.date
) -> list[tuple[dt.date, dict[str, int | None]]]:
    """For the band of ``wrm prognose``: each Kommune's (1) in each Stichtag's report up to
    ``bis`` (nothing when the archive does not exist yet)."""
    return _gelesen(pfad, einstellungen, lambda leser: leser.zuweisungen(bis)) or []


def kommunenverlauf(
    pfad: Path, einstellungen: Einstellungen, bis: dt.date, stichtage: int = 8
) -> dict[str, list[Kommunenstelle]]:
    """For the HTML page: each Kommune's status and fehlender Wohnraum in the reports of
    the last ``stichtage`` Stichtage up to ``bis`` (the table's formula: max((5), 0) −
    ((8)+…+(11)), empty when (8)–(11) are all blank). Only reads."""
    from wrm_cli.auswertung.verlauf import fehlend

    zeilen = _gelesen(pfad, einstellungen, lambda leser: leser.fehlend_je_kommune(bis, stichtage))
    verlauf: dict[str, list[Kommunenstelle]] = {}
    for tag, kommune, status, felder in zeilen or []:
        wert = fehlend(felder) if felder is not None else None
        verlauf.setdefault(kommune, []).append(Kommunenstelle(tag, status, wert))
    return verlauf


def kontakte(pfad: Path, einstellungen: Einstellungen, bis: dt.date) -> dict[str, Archivmeldung]:
    """For ``wrm erinnern``: each Kommune's newest archived Meldung (Stand up to ``bis``)
    that names an e-mail address; nothing when the archive does not exist yet. Only reads."""
    return _gelesen(pfad, einstellungen, lambda leser: leser.kontakte(bis)) or {}


def verlauf(
    pfad: Path,
    einstellungen: Einstellungen,
    art: Art,
    von: dt.date | None = None,
    bis: dt.date | None = None,
    kommune: str | None = None,
) -> Verlaufsbericht:
    """``wrm verlauf``: the district's series, one Kommune's, or the reporting discipline."""
    from wrm_cli.auswertung.verlauf import kommunenpunkte, meldeverhalten, verlaufspunkte

    if von is not None and bis is not None and von > bis:
        raise KonfigFehler(
            f"--von {datum_deutsch(von)} liegt nach --bis {datum_deutsch(bis)} – bitte tauschen."
        )
    name = None
    if kommune is not None:
        name = einstellungen.bezirk.kommune_finden(kommune)
        if name is None:
            vorschlag = einstellungen.bezirk.vorschlag(kommune)
            weiter = f" Meinten Sie „{vorschlag}“?" if vorschlag else ""
            raise KonfigFehler(
                f"--kommune „{kommune}“ ist keine Kommune des Bezirks "
                f"{einstellungen.bezirk.name}.{weiter}"
            )
    with geoeffnet(pfad, einstellungen, anlegen=False) as archiv, archiv.lesen() as leser:
        bericht = Verlaufsbericht(einstellungen, pfad, art, von, bis, kommune=name)
        bericht.stichtage = [tag for _, tag in leser.laeufe(von, bis)]
        if art == "bezirk":
            bericht.punkte = verlaufspunkte(leser.summen(von, bis))
        elif art == "kommune":
            assert name is not None
            bericht.kommunenpunkte = kommunenpunkte(leser.kommune(name, von, bis))
        else:
            reihenfolge = einstellungen.bezirk.kommunennamen
            bericht.meldeverhalten = meldeverhalten(leser.meldeverhalten(von, bis), reihenfolge)
    return bericht
