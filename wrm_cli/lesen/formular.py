"""A filled template (Vorlage) → one Meldung, with the cell of every value.

The template's input cells carry defined names equal to the field keys; Excel and
LibreOffice move those names when rows are inserted, so they are the first way in.
Where the names were lost (a copy into a fresh workbook, another program), the fields
are found by their German labels or numbers "(1)"…"(12)" with the value to the right,
and a hint says so. Like every reader, this one only records what stands where.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from wrm_cli.befunde import Befund, fehler, hinweis
from wrm_cli.blaetter import (
    BLATT_MELDUNG,
    BLATT_VERSION,
    STEMPEL_BEZIRK_AB,
    VERSION_KENNUNG,
    VORLAGE_GLEICHES_FORMULAR_AB,
    VORLAGE_VERSION,
)
from wrm_cli.felder import (
    FELD,
    FELDER,
    KOMMUNE,
    KONTAKT_LABELS,
    KOPF_SCHLUESSEL,
    STAND,
    bezeichnung,
    spalte_erkennen,
)
from wrm_cli.lesen.arbeitsmappe import Bezug, Blatt, Mappe
from wrm_cli.lesen.meldung import Gelesen, Meldung, Zelle, adresse
from wrm_cli.werte import Roh, anzeigen, bereinigt, ist_leer

Zeilen = Sequence[Sequence[Roh]]
# Every key the template has a cell for.
FORMULAR_SCHLUESSEL: tuple[str, ...] = (*KOPF_SCHLUESSEL, *FELD)
# Where labels are looked for: the template uses rows 1–25 and columns A–D; a form
# pasted somewhere else or with inserted rows still lies well within this.
_SUCHZEILEN, _SUCHSPALTEN = 200, 26
_FELDNUMMER = re.compile(r"\((\d{1,2})\)")
_KONTAKTE = {bereinigt(label).casefold(): key for key, label in KONTAKT_LABELS.items()}
_KONTAKTE["e-mail-adresse"] = _KONTAKTE["email"] = "email"


def ist_formular(namen: Mapping[str, Bezug]) -> bool:
    """Names for the Kommune and at least one field: a wrm template."""
    return KOMMUNE in namen and any(key in namen for key in FELD)


def nach_namen_lesen(mappe: Mappe, blaetter: Mapping[str, Blatt]) -> Gelesen:
    """Read a template through its defined names; missing names fall back to the labels."""
    pfad, namen = mappe.pfad, mappe.namen
    blatt = namen[KOMMUNE].blatt
    ergebnis = Gelesen(pfad)
    if blatt not in blaetter:
        ergebnis.befunde.append(
            fehler(
                f"Die Vorlage verweist auf das Blatt „{blatt}“, das es nicht gibt – bitte "
                "die Originalvorlage verwenden.",
                datei=pfad.name,
            )
        )
        return ergebnis
    zweifel = _andere_formulare(mappe, blatt, blaetter)
    if zweifel is not None:
        ergebnis.befunde.append(zweifel)
        if zweifel.stufe == "fehler":
            return ergebnis
    zeilen = blaetter[blatt].zeilen
    orte: dict[str, tuple[int, int]] = {}
    for key in FORMULAR_SCHLUESSEL:
        bezug = namen.get(key)
        if bezug is not None and bezug.blatt == blatt:
            orte[key] = (bezug.zeile, bezug.spalte)
    fehlend = [key for key in FORMULAR_SCHLUESSEL if key not in orte]
    if fehlend:
        ueber_bezeichnung = _bezeichnungen_finden(zeilen)
        gefunden = [key for key in fehlend if key in ueber_bezeichnung]
        for key in gefunden:
            orte[key] = ueber_bezeichnung[key]
        if gefunden:
            ergebnis.befunde.append(
                hinweis(
                    f"In der Vorlage fehlen die Namen für {_aufzaehlen(gefunden)}; diese Felder "
                    "wurden über ihre Bezeichnung gefunden. Bitte künftig die "
                    "Originalvorlage verwenden.",
                    datei=pfad.name,
                )
            )
    return _meldung_bilden(mappe, blatt, orte, blaetter, ergebnis)


def nach_bezeichnungen_lesen(mappe: Mappe, blaetter: Mapping[str, Blatt]) -> Gelesen | None:
    """Find the form by its labels; None when no sheet looks like the template."""
    pfad = mappe.pfad
    kandidaten = _formularblaetter(blaetter)
    if not kandidaten:
        return None
    ergebnis = Gelesen(pfad)
    if len(kandidaten) > 1:
        namen = ", ".join(f"„{name}“" for name in kandidaten)
        ergebnis.befunde.append(
            fehler(
                f"Mehrere Blätter sehen wie das Meldeformular aus ({namen}) – bitte nur "
                "ein ausgefülltes Blatt senden.",
                datei=pfad.name,
            )
        )
        return ergebnis
    blatt, orte = next(iter(kandidaten.items()))
    ergebnis.befunde.append(
        hinweis(
            "Die Datei enthält die Namen der Vorlage nicht (z. B. nach Kopieren in eine neue "
            "Datei); die Werte wurden über die Feldbezeichnungen gefunden. Bitte künftig die "
            "Originalvorlage verwenden.",
            datei=pfad.name,
        )
    )
    return _meldung_bilden(mappe, blatt, orte, blaetter, ergebnis)


def _formularblaetter(
    blaetter: Mapping[str, Blatt], ausser: str | None = None
) -> dict[str, dict[str, tuple[int, int]]]:
    """Sheets that look like the form by their labels, with where each field's value is."""
    return {
        name: orte
        for name, blatt in blaetter.items()
        if name not in (BLATT_VERSION, ausser)
        and KOMMUNE in (orte := _bezeichnungen_finden(blatt.zeilen))
        and sum(key in FELD for key in orte) >= 3
    }


def _andere_formulare(mappe: Mappe, blatt: str, blaetter: Mapping[str, Blatt]) -> Befund | None:
    """Another visible sheet looks like the form too: in Excel a copied sheet keeps the
    names on the original, so the filled copy would be passed over for the blank original.
    A hidden copy (a backup, say) does not count."""
    sichtbar = [
        name for name in _formularblaetter(blaetter, ausser=blatt) if not blaetter[name].versteckt
    ]
    versteckt = blaetter[blatt].versteckt
    if sichtbar:
        andere = ", ".join(f"„{name}“" for name in sichtbar)
        art = "ausgeblendete " if versteckt else ""
        return fehler(
            f"Die Vorlage verweist auf das {art}Blatt „{blatt}“, aber auch {andere} sieht wie "
            "das Meldeformular aus – unklar, welches gilt. Bitte nur ein ausgefülltes Blatt "
            "senden.",
            datei=mappe.pfad.name,
        )
    if versteckt:
        return hinweis(
            f"Die Werte stehen im ausgeblendeten Blatt „{blatt}“ – bitte prüfen, ob das die "
            "gemeinten Zahlen sind.",
            datei=mappe.pfad.name,
        )
    return None


def _meldung_bilden(
    mappe: Mappe,
    blatt: str,
    orte: Mapping[str, tuple[int, int]],
    blaetter: Mapping[str, Blatt],
    ergebnis: Gelesen,
) -> Gelesen:
    pfad, quelle = mappe.pfad, blaetter[blatt]
    for key in (STAND, *FELD):
        if key not in orte:
            ergebnis.befunde.append(
                fehler(
                    f"Das Feld {bezeichnung(key)} ist in der Datei nicht zu finden – bitte "
                    "die Originalvorlage verwenden (wrm vorlage).",
                    datei=pfad.name,
                    feld=key,
                )
            )
    if any(befund.stufe == "fehler" for befund in ergebnis.befunde):
        return ergebnis
    werte = {
        key: Zelle(quelle.wert(zeile, spalte), adresse(zeile, spalte))
        for key, (zeile, spalte) in orte.items()
    }
    umbenannt = blatt != BLATT_MELDUNG
    ergebnis.meldungen.append(
        Meldung(
            pfad,
            blatt if umbenannt else None,
            werte,
            formular=True,
            datum_1904=quelle.datum_1904,
            vorlagenbezirk=_stempelbezirk(blaetter),
        )
    )
    if umbenannt and sum(not b.versteckt for b in blaetter.values()) > 1:
        ergebnis.befunde.append(
            hinweis(f"Die Meldung wurde aus dem Blatt „{blatt}“ gelesen.", datei=pfad.name)
        )
    ergebnis.befunde.extend(_versionshinweise(pfad, blaetter))
    return ergebnis


@functools.lru_cache(maxsize=4096)
def _beschriftung(text: str) -> tuple[str | None, int | None]:
    """What a text cell says as a label: (its key, the field number "(n)" it is).

    Cached: the same labels stand in every template of a folder, thousands of times."""
    if ist_leer(text):
        return None, None
    label = text.rstrip(":")
    key = spalte_erkennen(label)
    if key is None:
        key = _KONTAKTE.get(bereinigt(label).casefold().rstrip(":"))
    treffer = _FELDNUMMER.fullmatch(bereinigt(text))
    nummer = int(treffer.group(1)) if treffer else None
    return key, nummer if nummer is not None and 1 <= nummer <= len(FELDER) else None


def _bezeichnungen_finden(zeilen: Zeilen) -> dict[str, tuple[int, int]]:
    """Key → (row, column) of its value: right of the label, or two right of "(n)"."""
    orte: dict[str, tuple[int, int]] = {}
    for nr, zeile in enumerate(zeilen[:_SUCHZEILEN]):
        texte = [
            (spalte, _beschriftung(wert))
            for spalte, wert in enumerate(zeile[:_SUCHSPALTEN])
            if isinstance(wert, str)
        ]
        in_zeile: dict[str, tuple[int, int]] = {}
        for spalte, (key, _) in texte:
            if key is not None and key not in in_zeile:
                in_zeile[key] = (nr, spalte + 1)
        if not in_zeile:  # a label no longer recognised, but its number still there
            for spalte, (_, nummer) in texte:
                if nummer is not None:
                    in_zeile[FELDER[nummer - 1].key] = (nr, spalte + 2)
        for key, ort in in_zeile.items():
            orte.setdefault(key, ort)
    return orte


def _aufzaehlen(keys: Sequence[str]) -> str:
    return ", ".join(bezeichnung(key) for key in keys)


def _stempelversion(blaetter: Mapping[str, Blatt]) -> str | None:
    stempel = blaetter.get(BLATT_VERSION)
    if stempel is None or stempel.roh(0, 0) != VERSION_KENNUNG:
        return None
    return anzeigen(stempel.roh(1, 0))


def _stempelbezirk(blaetter: Mapping[str, Blatt]) -> tuple[str, ...] | None:
    """Column A of the stamp from its district's first row, as text; None unless the
    stamp is of this version (older ones have no district, newer ones may differ)."""
    if _stempelversion(blaetter) != VORLAGE_VERSION:
        return None
    zeilen = blaetter[BLATT_VERSION].zeilen[STEMPEL_BEZIRK_AB - 1 :]
    return tuple(_stempeltext(zeile[0] if zeile else None) for zeile in zeilen)


def _stempeltext(wert: Roh) -> str:
    if isinstance(wert, str):  # what wrm writes; anything else only in a damaged stamp
        return wert.strip()
    return "" if ist_leer(wert) else anzeigen(wert)


def _versionshinweise(pfad: Path, blaetter: Mapping[str, Blatt]) -> list[Befund]:
    version = _stempelversion(blaetter)
    if version is None or not version.isdigit():
        return []
    if int(VORLAGE_GLEICHES_FORMULAR_AB) <= int(version) <= int(VORLAGE_VERSION):
        return []
    if int(version) < int(VORLAGE_VERSION):
        text = (
            f"Die Datei beruht auf einer älteren Vorlage (Version {version}, aktuell "
            f"{VORLAGE_VERSION}) – bitte für die nächste Meldung die neue Vorlage verwenden."
        )
    else:
        text = (
            f"Die Vorlage ist neuer (Version {version}) als dieses wrm (Version "
            f"{VORLAGE_VERSION}) – bitte wrm aktualisieren."
        )
    return [hinweis(text, datei=pfad.name)]
