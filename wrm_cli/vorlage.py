"""The standard Excel template (Vorlage) a Kommune fills in, generated from ``FELDER``.

Sheet "Meldung" is a form, one value per row: column A the number "(1)"…"(12)",
column B the German label, column C the input cell, column D a short explanation.
Rows 4–9 hold the header block (Landkreis or ``[bezirk] bezeichnung``, Kommune, Stand,
Ansprechpartner, Telefon, E-Mail), row 11 the column heads, rows 12–23 the twelve
fields (``eingabezellen()``).
Every value cell carries a workbook-level defined name equal to its key
(``kommune``, ``stand``, …, ``einschaetzung``); readers should rely on the names,
not on the addresses. The sheet is protected without a password; only the input
cells are unlocked (the Kommune cell stays locked).

Version stamp: a hidden sheet "wrm" with A1 = "wrm-vorlage", A2 = ``VORLAGE_VERSION``
and below the district as the lines of a wrm.toml (``stempel.stempel_zeilen``), so that
``wrm pruefen`` checks the file against its own district without a wrm.toml.
Sheet "Erläuterungen" holds the full definitions and how to check and send the file.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from wrm_cli.ausgabe import atomar_schreiben
from wrm_cli.bezirk import Bezirk
from wrm_cli.blaetter import (
    BLATT_ERLAEUTERUNGEN,
    BLATT_MELDUNG,
    BLATT_VERSION,
    STEMPEL_BEZIRK_AB,
    VERSION_KENNUNG,
    VORLAGE_VERSION,
)
from wrm_cli.fehler import KonfigFehler
from wrm_cli.felder import (
    FELD,
    FELDER,
    KAPAZITAETSFELDER,
    KOMMUNE,
    KONTAKT_LABELS,
    KOPF_SCHLUESSEL,
    META_LABELS,
    STAND,
    Feld,
)
from wrm_cli.konfig import Einstellungen
from wrm_cli.stempel import stempel_zeilen
from wrm_cli.werte import datum_deutsch

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.worksheet import Worksheet

_KOPF_HINWEISE: dict[str, str] = {
    KOMMUNE: "vorausgefüllt, nicht änderbar",
    STAND: "Datum, auf das sich die Zahlen beziehen (TT.MM.JJJJ)",
    "ansprechpartner": "wer Rückfragen zu dieser Meldung beantwortet",
    "telefon": "Durchwahl für Rückfragen",
    "email": "E-Mail-Adresse für Rückfragen",
}

# Layout of "Meldung".
EINGABE_SPALTE = "C"
_ZEILE_BEZIRK = 4
_ZEILE_KOPF = 5  # kommune; stand, ansprechpartner, telefon, email follow
_ZEILE_TABELLENKOPF = 11
_ZEILE_FELDER = 12
_BREITEN = {"A": 7, "B": 40, "C": 16, "D": 60}
_GELB = "FFF2CC"
_GRAU = "D9D9D9"
_DATUM_VON, _DATUM_BIS = dt.date(2000, 1, 1), dt.date(2099, 12, 31)
_VERSENDEN = "Datei mit „wrm pruefen“ prüfen und per E-Mail an die Task-Force senden."
# File names: ASCII letters, digits, "_", "-" and "." only – safe in e-mail and shells.
_UMSCHRIFT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_UMSCHRIFT |= str.maketrans({"ß": "ss", "ẞ": "SS"})
_NICHT_SICHER = re.compile(r"[^A-Za-z0-9.-]+")


def eingabezellen() -> dict[str, str]:
    """Key → address of its value cell on "Meldung", e.g. ``{"kommune": "C5", …}``."""
    zellen = {key: f"{EINGABE_SPALTE}{_ZEILE_KOPF + i}" for i, key in enumerate(KOPF_SCHLUESSEL)}
    for i, feld in enumerate(FELDER):
        zellen[feld.key] = f"{EINGABE_SPALTE}{_ZEILE_FELDER + i}"
    return zellen


def vorlagen_dateiname(kommune: str) -> str:
    """``"Lohne (Oldenburg)"`` → ``"Meldung_Lohne_Oldenburg.xlsx"``: ASCII only (umlauts
    written out, other accents dropped), anything else becomes one "_"."""
    name = unicodedata.normalize("NFC", kommune).translate(_UMSCHRIFT)
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    name = _NICHT_SICHER.sub("_", name).strip("._-")
    return f"Meldung_{name or 'Kommune'}.xlsx"


def _einstellungen(bezirk: Bezirk | Einstellungen) -> Einstellungen:
    """A bare district gets every other setting's default."""
    return bezirk if isinstance(bezirk, Einstellungen) else Einstellungen(bezirk=bezirk)


def _kurz(text: str, laenge: int) -> str:
    return text if len(text) <= laenge else text[: laenge - 1] + "…"


def _amtlicher_name(bezirk: Bezirk, kommune: str) -> str:
    name = bezirk.kommune_finden(kommune)
    if name is None:
        vorschlag = bezirk.vorschlag(kommune)
        tipp = f" Meinten Sie „{vorschlag}“?" if vorschlag else ""
        raise KonfigFehler(f"„{kommune}“ ist keine Kommune im {bezirk.name}.{tipp}")
    return name


def _pruefregel(feld: Feld, zelle: str) -> DataValidation:
    """The Excel data validation for one of the twelve fields."""
    from openpyxl.worksheet.datavalidation import DataValidation

    if feld.art == "auswahl":
        werte = ", ".join(feld.auswahl)
        regel = DataValidation(type="list", formula1='"' + ",".join(feld.auswahl) + '"')
        fehler, hilfe = f"Bitte einen Wert aus der Liste wählen: {werte}.", f"Auswahl: {werte}"
    elif feld.minimum is None:
        regel = DataValidation(
            type="whole", operator="between", formula1="-999999999", formula2="999999999"
        )
        fehler, hilfe = "Bitte eine ganze Zahl eingeben (negativ erlaubt).", "ganze Zahl"
    else:
        regel = DataValidation(
            type="whole", operator="greaterThanOrEqual", formula1=str(feld.minimum)
        )
        fehler = f"Bitte eine ganze Zahl ab {feld.minimum} eingeben (keine Kommastellen)."
        hilfe = f"ganze Zahl ab {feld.minimum}"
    regel.errorTitle = "Ungültige Eingabe"
    regel.error = fehler + " Leer lassen heißt: nichts zu melden."
    regel.promptTitle = _kurz(feld.bezeichnung, 32)  # Excel allows 32 characters
    regel.prompt = _kurz(f"{feld.bedeutung}. {hilfe}; leer = nichts zu melden.", 255)
    return _einschalten(regel, zelle)


def _einschalten(regel: DataValidation, zelle: str) -> DataValidation:
    """Show the German prompt and error, allow a blank cell, attach to ``zelle``."""
    regel.showInputMessage = True
    regel.showErrorMessage = regel.type is not None
    regel.allow_blank = True
    regel.add(zelle)
    return regel


def _kopfregel(key: str, zelle: str) -> DataValidation:
    from openpyxl.utils.datetime import to_excel
    from openpyxl.worksheet.datavalidation import DataValidation

    if key == STAND:
        regel = DataValidation(
            type="date",
            operator="between",
            formula1=str(int(to_excel(_DATUM_VON))),
            formula2=str(int(to_excel(_DATUM_BIS))),
        )
        regel.errorTitle = "Ungültiges Datum"
        regel.error = "Bitte ein Datum eingeben, z. B. 16.03.2016."
    else:
        regel = DataValidation(allow_blank=True)
    regel.promptTitle = _kurz(_label(key), 32)
    regel.prompt = _KOPF_HINWEISE[key]
    return _einschalten(regel, zelle)


def _label(key: str) -> str:
    return META_LABELS.get(key) or KONTAKT_LABELS[key]


def _zeilenhoehe(text: str, breite: int) -> float:
    """Excel does not grow rows for wrapped text on its own; estimate the lines."""
    return 15.0 * max(1, math.ceil(len(text) / (breite * 1.1)))


def vorlage_erstellen(einstellungen: Bezirk | Einstellungen, kommune: str) -> Workbook:
    """The filled-in-nothing template for one Kommune of the district."""
    from openpyxl import Workbook
    from openpyxl.styles import (
        Alignment,
        Border,
        Font,
        PatternFill,
        Protection,
        Side,
    )
    from openpyxl.workbook.defined_name import DefinedName

    einstellungen = _einstellungen(einstellungen)
    bezirk = einstellungen.bezirk
    name = _amtlicher_name(bezirk, kommune)
    mappe = Workbook()
    blatt = mappe.active
    assert blatt is not None
    blatt.title = BLATT_MELDUNG
    zellen = eingabezellen()
    fett, gelb = Font(bold=True), PatternFill("solid", fgColor=_GELB)
    rahmen = Border(*(Side(style="thin", color="808080") for _ in range(4)))  # type: ignore[arg-type]
    umbruch = Alignment(wrap_text=True, vertical="center")

    blatt["A1"] = f"Meldung zum Wohnraummanagement – {bezirk.name}"
    blatt["A1"].font = Font(bold=True, size=14)
    blatt["A2"] = "Bitte nur die gelb hinterlegten Felder ausfüllen. Leer = nichts zu melden."
    blatt["A2"].font = Font(italic=True)
    blatt.cell(_ZEILE_BEZIRK, 2, einstellungen.bezeichnung).font = fett
    # Names from wrm.toml are text, whatever they start with ("=Nord" is no formula).
    blatt.cell(_ZEILE_BEZIRK, 3, bezirk.name).data_type = "s"
    for key in KOPF_SCHLUESSEL:
        zelle = blatt[zellen[key]]
        blatt.cell(zelle.row, 2, _label(key)).font = fett
        blatt.cell(zelle.row, 4, _KOPF_HINWEISE[key]).alignment = umbruch
        zelle.border = rahmen
        if key == KOMMUNE:
            zelle.value, zelle.font, zelle.data_type = name, fett, "s"
            continue
        zelle.fill, zelle.protection = gelb, Protection(locked=False)
        if key == STAND:
            zelle.number_format = "DD.MM.YYYY"
        blatt.add_data_validation(_kopfregel(key, zelle.coordinate))

    for spalte, kopf in enumerate(("Nr.", "Feld", "Angabe", "Erläuterung"), start=1):
        zelle = blatt.cell(_ZEILE_TABELLENKOPF, spalte, kopf)
        zelle.font, zelle.fill = fett, PatternFill("solid", fgColor=_GRAU)
    for feld in FELDER:
        zelle = blatt[zellen[feld.key]]
        blatt.cell(zelle.row, 1, f"({feld.nr})").font = fett
        blatt.cell(zelle.row, 2, feld.label).alignment = umbruch
        erklaerung = feld.bedeutung
        if feld.key == "zu_erfuellen" and bezirk.quote_beginn:
            erklaerung += f" (Quotenzeitraum seit {datum_deutsch(bezirk.quote_beginn)})"
        blatt.cell(zelle.row, 4, erklaerung).alignment = umbruch
        blatt.row_dimensions[zelle.row].height = _zeilenhoehe(erklaerung, _BREITEN["D"])
        zelle.fill, zelle.border = gelb, rahmen
        zelle.protection = Protection(locked=False)
        if feld.ist_zahl:
            zelle.number_format = "#,##0"
        blatt.add_data_validation(_pruefregel(feld, zelle.coordinate))
    letzte = _ZEILE_FELDER + len(FELDER) + 1
    blatt.cell(letzte, 1, _VERSENDEN).font = Font(italic=True)

    for key, adresse in zellen.items():
        bezug = f"'{BLATT_MELDUNG}'!${adresse[0]}${adresse[1:]}"
        mappe.defined_names[key] = DefinedName(key, attr_text=bezug)
    for buchstabe, breite in _BREITEN.items():
        blatt.column_dimensions[buchstabe].width = breite
    _druckfertig(blatt, f"Meldung {name} – {bezirk.name}", f"A1:D{letzte}")
    blatt.protection.sheet = True  # no password: protects against slips, not people

    _erlaeuterungen(mappe.create_sheet(BLATT_ERLAEUTERUNGEN), einstellungen)
    stempel = mappe.create_sheet(BLATT_VERSION)
    stempel["A1"], stempel["A2"] = VERSION_KENNUNG, VORLAGE_VERSION
    for zeile, text in enumerate(stempel_zeilen(einstellungen), start=STEMPEL_BEZIRK_AB):
        eintrag = stempel.cell(zeile, 1, text)
        eintrag.data_type = "s"  # never a formula
    stempel.sheet_state = "hidden"
    mappe.active = 0
    return mappe


def _druckfertig(blatt: Worksheet, titel: str, bereich: str) -> None:
    """One A4 page, portrait, with a print header."""
    blatt.page_setup.paperSize = blatt.PAPERSIZE_A4
    blatt.page_setup.orientation = "portrait"
    blatt.page_setup.fitToWidth = 1
    blatt.page_setup.fitToHeight = 1
    blatt.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]
    blatt.print_area = bereich
    blatt.print_title_rows = "1:1"
    blatt.oddHeader.center.text = titel  # type: ignore[union-attr]
    blatt.oddFooter.center.text = f"wrm-Vorlage Version {VORLAGE_VERSION}"  # type: ignore[union-attr]


def _erlaeuterungen(blatt: Worksheet, einstellungen: Einstellungen) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    bezirk = einstellungen.bezirk
    blatt["A1"] = "Erläuterungen zur Meldung"
    blatt["A1"].font = Font(bold=True, size=14)
    for spalte, kopf in enumerate(("Nr.", "Feld", "Bedeutung", "Zulässige Werte"), start=1):
        zelle = blatt.cell(3, spalte, kopf)
        zelle.font, zelle.fill = Font(bold=True), PatternFill("solid", fgColor=_GRAU)
    umbruch = Alignment(wrap_text=True, vertical="top")
    for zeile, feld in enumerate(FELDER, start=4):
        if feld.art == "auswahl":
            zulaessig = " oder ".join(feld.auswahl)
        elif feld.minimum is None:
            zulaessig = "ganze Zahl, auch negativ"
        else:
            zulaessig = f"ganze Zahl ab {feld.minimum}"
        for spalte, text in enumerate((f"({feld.nr})", feld.label, feld.bedeutung, zulaessig), 1):
            blatt.cell(zeile, spalte, text).alignment = umbruch
        blatt.row_dimensions[zeile].height = _zeilenhoehe(feld.bedeutung, 60)
    kapazitaet = ", ".join(f"({FELD[key].nr})" for key in KAPAZITAETSFELDER)
    hinweise = (
        "Hinweise",
        "Alle Angaben sind Anzahlen von Personen bzw. Plätzen.",
        "Eine leere Zelle bedeutet „nichts zu melden“ und zählt in Summen als 0.",
        f"Sind {kapazitaet} alle leer, gilt das als „keine Angaben zum Wohnraum“.",
        f"({FELD['zu_erfuellen'].nr}) darf negativ sein: Die Quote ist dann übererfüllt.",
        "Stand ist das Datum, auf das sich die Zahlen beziehen.",
        f"{einstellungen.bezeichnung}: {bezirk.name}. Die Kommune ist vorausgefüllt und kann "
        "nicht geändert werden.",
        _VERSENDEN,
    )
    start = 5 + len(FELDER)
    for i, text in enumerate(hinweise):
        blatt.cell(start + i, 1, text).font = Font(bold=i == 0)
    for buchstabe, breite in {"A": 7, "B": 36, "C": 60, "D": 24}.items():
        blatt.column_dimensions[buchstabe].width = breite
    _druckfertig(blatt, f"Erläuterungen – {bezirk.name}", f"A1:D{start + len(hinweise) - 1}")


def vorlage_schreiben(einstellungen: Bezirk | Einstellungen, kommune: str, ziel: Path) -> Path:
    """Write the template atomically; ``ziel`` is a file or an existing folder."""
    mappe = vorlage_erstellen(einstellungen, kommune)
    if ziel.is_dir():
        bezirk = _einstellungen(einstellungen).bezirk
        ziel = ziel / vorlagen_dateiname(_amtlicher_name(bezirk, kommune))
    puffer = io.BytesIO()
    mappe.save(puffer)
    atomar_schreiben(ziel, puffer.getvalue())
    return ziel


def vorlagen_planen(
    bezirk: Bezirk, kommunen: Sequence[str], ausgabe: Path, ueberschreiben: bool = False
) -> dict[str, Path]:
    """Official Kommune name → target file; checks everything before anything is written.

    ``ausgabe`` is a folder (created when written), or for one Kommune a ``.xlsx`` file.
    An existing file is refused unless ``ueberschreiben``: it may be a filled-in Meldung.
    """
    namen = list(dict.fromkeys(_amtlicher_name(bezirk, kommune) for kommune in kommunen))
    if ausgabe.suffix.lower() == ".xlsx" and not ausgabe.is_dir():
        if len(namen) != 1:
            raise KonfigFehler(
                f"--ausgabe {ausgabe.name} ist eine Datei, es sollen aber {len(namen)} "
                "Vorlagen entstehen – bitte einen Ordner angeben."
            )
        ziele = {namen[0]: ausgabe}
    elif ausgabe.suffix and not ausgabe.is_dir():
        raise KonfigFehler(
            f"--ausgabe {ausgabe.name}: Vorlagen sind .xlsx-Dateien – bitte einen Ordner "
            "oder einen Dateinamen auf .xlsx angeben."
        )
    else:
        ziele = {name: ausgabe / vorlagen_dateiname(name) for name in namen}
    vorhanden = [ziel for ziel in ziele.values() if ziel.exists()]
    if vorhanden and not ueberschreiben:
        liste = ", ".join(ziel.name for ziel in vorhanden[:3])
        weitere = f" und {len(vorhanden) - 3} weitere" if len(vorhanden) > 3 else ""
        raise KonfigFehler(
            f"{liste}{weitere} gibt es schon {_ordnername(ausgabe)} – eine ausgefüllte "
            "Meldung würde überschrieben. Bitte einen anderen Ordner wählen oder "
            "--ueberschreiben angeben."
        )
    return ziele


def _ordnername(ordner: Path) -> str:
    return "im aktuellen Ordner" if ordner == Path(".") else f"in {ordner}"


def vorlagen_schreiben(
    einstellungen: Bezirk | Einstellungen, ziele: Mapping[str, Path]
) -> Iterator[Path]:
    """Write the planned templates, one after the other; yields each file written."""
    for kommune, ziel in ziele.items():
        ziel.parent.mkdir(parents=True, exist_ok=True)
        yield vorlage_schreiben(einstellungen, kommune, ziel)
