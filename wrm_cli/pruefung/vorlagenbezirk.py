"""The district a template carries (its version stamp) against the district of the run.

``wrm pruefen`` checks each file against its template's district, so a clerk needs no
wrm.toml: without one, or when the wrm.toml is of another district (a hint says so).
``wrm auswerten`` keeps the task force's wrm.toml as the authority: a template of another
district is an error there and its Meldung is not counted – the same Kommune name exists
in several districts. A damaged stamp is a hint; the run's district applies.

Only the stamp's name is read where the run's district decides (cheap for a folder of
thousands of templates); the whole stamp only where the check uses it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from wrm_cli.befunde import Befund, fehler, hinweis
from wrm_cli.bezirk import namensschluessel
from wrm_cli.fehler import KonfigFehler
from wrm_cli.felder import KOMMUNE
from wrm_cli.konfig import EINGEBAUT, Einstellungen
from wrm_cli.lesen.lauf import MELDUNG_NR, Lauf
from wrm_cli.lesen.meldung import Meldung
from wrm_cli.stempel import einstellungen_aus_stempel, stempel_name
from wrm_cli.werte import text_lesen

if TYPE_CHECKING:
    from wrm_cli.pruefung.validierung import Pruefergebnis


def _herkunft(einstellungen: Einstellungen) -> str:
    if einstellungen.quelle == EINGEBAUT:
        return "eingebaute Voreinstellung, keine wrm.toml gefunden"
    return einstellungen.quelle


def _ort(meldung: Meldung) -> dict[str, str | None]:
    name = text_lesen(meldung.roh(KOMMUNE))
    return {"datei": meldung.quelle, "kommune": name if isinstance(name, str) else None}


def _beschaedigt(meldung: Meldung, konfig: Einstellungen, problem: KonfigFehler) -> Befund:
    text = (
        f"Die Angaben zum Landkreis in der Vorlage sind beschädigt ({str(problem).rstrip('.')}) "
        f"– es gelten die Kommunen von „{konfig.bezirk.name}“ ({_herkunft(konfig)}). Bitte die "
        "Originalvorlage verwenden."
    )
    return hinweis(text, **_ort(meldung))


def _vorlage(meldung: Meldung, konfig: Einstellungen) -> Einstellungen | Befund:
    """The whole district of the template, or the hint why its stamp is unusable."""
    assert meldung.vorlagenbezirk is not None
    try:
        return einstellungen_aus_stempel(meldung.vorlagenbezirk)
    except KonfigFehler as problem:
        return _beschaedigt(meldung, konfig, problem)


def _gleich(name: str, einstellungen: Einstellungen) -> bool:
    return namensschluessel(name) == namensschluessel(einstellungen.bezirk.name)


def pruefbezirk(
    meldung: Meldung, konfig: Einstellungen
) -> tuple[Einstellungen | None, list[Befund]]:
    """The district a clerk's check of this Meldung uses (None: the run's), and what to say.

    A wrm.toml of the same district wins (it may list a Kommune added since); without a
    wrm.toml, or with one of another district, the template's own district applies."""
    if meldung.vorlagenbezirk is None:
        return None, []
    name = stempel_name(meldung.vorlagenbezirk)
    if name is not None and konfig.quelle != EINGEBAUT and _gleich(name, konfig):
        return None, []
    vorlage = _vorlage(meldung, konfig)
    if isinstance(vorlage, Befund):
        return None, [vorlage]
    if konfig.quelle == EINGEBAUT or _gleich(vorlage.bezirk.name, konfig):
        return vorlage, []
    text = (
        f"Die Vorlage gehört zu „{vorlage.bezirk.name}“, die Einstellungsdatei {konfig.quelle} zu "
        f"„{konfig.bezirk.name}“ – geprüft wurde mit den Kommunen und Einstellungen der Vorlage."
    )
    return vorlage, [hinweis(text, **_ort(meldung))]


def je_bezirk(lauf: Lauf, einstellungen: Einstellungen) -> list[tuple[Einstellungen, Lauf]]:
    """The run split by the district each file is checked against; the first part also
    holds the unreadable files. One district and nothing to say: the run itself."""
    # By identity: equal stamps give the same (cached) object, and hashing a district of
    # 11,000 Kommunen once per file would cost more than the check.
    gruppen: dict[int, tuple[Einstellungen, list[tuple[int, list[Befund]]]]] = {
        id(einstellungen): (einstellungen, [])
    }
    gesagt = False
    for i, datei in enumerate(lauf.dateien):
        gewaehlt: Einstellungen | None = None
        befunde: list[Befund] = []
        if datei.meldungen:  # a template holds one Meldung
            gewaehlt, befunde = pruefbezirk(lauf.meldung(datei.meldungen[0]), einstellungen)
        gewaehlt = gewaehlt or einstellungen
        gesagt = gesagt or bool(befunde)
        gruppen.setdefault(id(gewaehlt), (gewaehlt, []))[1].append((i, befunde))
    # The run's own district only where a file uses it (or no file could be read).
    gruppen = {k: gruppe for k, gruppe in gruppen.items() if gruppe[1]} or gruppen
    if len(gruppen) == 1 and not gesagt:
        return [(_im_lauf(next(iter(gruppen.values()))[0], einstellungen), lauf)]
    teile: list[tuple[Einstellungen, Lauf]] = []
    for gewaehlt, dateien in gruppen.values():
        teil = Lauf(lauf.eingang)
        if not teile:
            teil.unlesbar = list(lauf.unlesbar)
        for i, befunde in dateien:
            datei = lauf.dateien[i]
            meldungen = [lauf.meldung(nr) for nr in datei.meldungen]
            teil.datei_hinzufuegen(
                datei.pfad, meldungen, [*datei.befunde, *befunde], datei.pruefsumme
            )
        teile.append((_im_lauf(gewaehlt, einstellungen), teil))
    return teile


def _im_lauf(gewaehlt: Einstellungen, konfig: Einstellungen) -> Einstellungen:
    """A template's district with the run's Stichtag and limits."""
    if gewaehlt is konfig:
        return konfig
    return replace(gewaehlt, stichtag=konfig.stichtag, grenzen=konfig.grenzen)


def fremde_vorlagen(pruefung: Pruefergebnis, lauf: Lauf, einstellungen: Einstellungen) -> None:
    """For ``wrm auswerten``: a template of another district is an error and leaves the
    valid Meldungen; a stamp without a readable name is a hint. Adds to ``pruefung``."""
    fremd: set[int] = set()
    for nr, meldung in lauf.nummeriert():
        if meldung.vorlagenbezirk is None:
            continue
        name = stempel_name(meldung.vorlagenbezirk)
        if name is None:
            vorlage = _vorlage(meldung, einstellungen)
            if isinstance(vorlage, Befund):
                pruefung.befunde_je_meldung.append((nr, vorlage))
                continue
            name = vorlage.bezirk.name
        if _gleich(name, einstellungen):
            continue
        text = (
            f"Die Vorlage gehört zu „{name}“, ausgewertet wird aber "
            f"„{einstellungen.bezirk.name}“ ({_herkunft(einstellungen)}) – die Meldung wird "
            "nicht mitgezählt. Bitte prüfen, ob die Datei in diesen Eingang gehört."
        )
        pruefung.befunde_je_meldung.append((nr, fehler(text, datei=meldung.quelle)))
        fremd.add(nr)
    if fremd:
        gueltig = pruefung.gueltig
        pruefung.gueltig = gueltig[~gueltig[MELDUNG_NR].isin(fremd)].reset_index(drop=True)
