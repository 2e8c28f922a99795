"""Options several commands share, and reading their values: format and Stichtag.

The formats, their help and their messages come from the registry
(wrm_cli.berichte.formate); nothing here imports a writer.
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from wrm_cli.berichte.formate import AUSWERTEN, PRUEFEN, VERLAUF, Format, Formate
from wrm_cli.fehler import KonfigFehler

if TYPE_CHECKING:
    from wrm_cli.konfig import Einstellungen

B = TypeVar("B")

# Names people give a format that are not its name; the file endings of the registry
# count as well ("-f md"). Suggested only where the command has the format.
_FORMAT_SYNONYME = {
    "xls": "excel",
    "xlsm": "excel",
    "ods": "excel",
    "arbeitsmappe": "excel",
    "doc": "word",
    "txt": "text",
    "plain": "text",
    "mail": "text",
    "table": "tabelle",
    "terminal": "tabelle",
    "bildschirm": "tabelle",
    "presse": "pressetext",
    "press": "pressetext",
}


def _formathilfe(formate: Formate[Any]) -> str:
    teile = [
        f"{format_.name} ({format_.beschreibung}"
        + ("; nur mit --ausgabe)" if format_.nur_datei else ")")
        for format_ in formate
    ]
    endungen = ", ".join(format_.endungen[0] for format_ in formate.mit_endung)
    ohne = (
        f"aus der Endung von --ausgabe ({endungen}), sonst {formate.voreinstellung}"
        if endungen
        else formate.voreinstellung
    )
    return f"Ausgabeformat: {', '.join(teile)}. Ohne Angabe: {ohne}."


def format_option(formate: Formate[Any]) -> Any:
    def vorschlagen(incomplete: str) -> list[str]:
        return [name for name in formate.namen if name.startswith(incomplete.lower())]

    return typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help=_formathilfe(formate),
        show_default=False,
        autocompletion=vorschlagen,
    )


AuswertenFormatOption = Annotated[str | None, format_option(AUSWERTEN)]
PruefenFormatOption = Annotated[str | None, format_option(PRUEFEN)]
VerlaufFormatOption = Annotated[str | None, format_option(VERLAUF)]
# The Meldungen of auswerten, ausgleich and prognose; none: the report from the archive.
EingabenArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="EINGABE",
        help="Meldungsdateien (.xlsx, .xls, .ods, .csv) und/oder Ordner mit solchen Dateien. "
        "Ohne Eingabe, aber mit Archiv: der Bericht zum --stichtag aus dem Archiv.",
        show_default=False,
    ),
]
StichtagOption = Annotated[
    str | None,
    typer.Option(
        "--stichtag",
        metavar="DATUM",
        help="Stichtag, z. B. 16.03.2016: Datum des Berichts und Bezugstag für „nach dem "
        "Stichtag“ und „veraltet“ (Voreinstellung: stichtag aus wrm.toml, sonst heute).",
        show_default=False,
    ),
]
RekursivOption = Annotated[
    bool,
    typer.Option(
        "--rekursiv",
        "-r",
        help="In Ordnern auch die Unterordner durchsuchen (sonst werden sie nur aufgeführt).",
    ),
]
KonfigOption = Annotated[
    Path | None,
    typer.Option(
        "--konfig",
        metavar="DATEI",
        help="Einstellungsdatei wrm.toml (Voreinstellung: wrm.toml neben der ersten Eingabe "
        "oder in einem Ordner darüber, sonst im aktuellen Ordner, sonst Landkreis Osnabrück).",
        show_default=False,
    ),
]
ArchivOption = Annotated[
    Path | None,
    typer.Option(
        "--archiv",
        metavar="DATEI",
        help="Archiv (SQLite-Datei), das jede Auswertung aufbewahrt und mit dem die "
        "Vorwoche verglichen wird; wird beim ersten Mal angelegt (Voreinstellung: \\[archiv] "
        "datei aus wrm.toml, sonst keins).",
        show_default=False,
    ),
]
AusgabeOption = Annotated[
    Path | None,
    typer.Option(
        "--ausgabe",
        "-o",
        metavar="DATEI",
        help="Bericht in diese Datei schreiben statt auf den Bildschirm.",
        show_default=False,
    ),
]
DebugOption = Annotated[
    bool,
    typer.Option(
        "--debug",
        help="Bei Fehlern, die den Lauf beenden, zuerst die technischen Details (Traceback) "
        "zeigen; Satz und Rückgabewert bleiben dieselben.",
    ),
]


def stichtag_lesen(text: str | None, option: str = "--stichtag") -> dt.date | None:
    if text is None:
        return None
    from wrm_cli.werte import datum_lesen

    tag = datum_lesen(text)
    if not isinstance(tag, dt.date):
        raise KonfigFehler(f"{option} „{text}“ ist kein Datum – erwartet wird z. B. 16.03.2016.")
    return tag


def format_waehlen(
    formate: Formate[B], angabe: str | None, ausgabe: Path | None = None
) -> Format[B]:
    """The format of --format, else the one the ending of --ausgabe names, else the default."""
    endung = ausgabe.suffix.lower() if ausgabe is not None else ""
    if angabe is None:
        if ausgabe is None:
            return formate.standard
        if endung in formate.nach_endung:
            return formate.nach_endung[endung]
        raise KonfigFehler(
            f"Für „{ausgabe.name}“ ist kein Format bekannt – möglich sind "
            f"{', '.join(formate.nach_endung)} oder die Angabe --format."
        )
    gewaehlt = formate.finden(angabe.strip().lower())
    if gewaehlt is None:
        vorschlag = format_vorschlag(formate, angabe)
        raise KonfigFehler(
            f"--format „{angabe}“ gibt es nicht – möglich sind {', '.join(formate.namen)}."
            + (f" Meinten Sie „{vorschlag}“?" if vorschlag else "")
        )
    # An Excel workbook and a text file must not swap names: Excel would refuse either.
    if gewaehlt.nur_datei and endung not in gewaehlt.endungen:
        raise KonfigFehler(
            f"Der {gewaehlt.dateiart}-Bericht braucht eine Datei: bitte --ausgabe "
            f"bericht{gewaehlt.endungen[0]} angeben."
        )
    besitzer = formate.nach_endung.get(endung)
    if besitzer is not None and besitzer.binaer and besitzer is not gewaehlt:
        raise KonfigFehler(
            f"--format {gewaehlt.name} ergibt keine {besitzer.dateiart}-Datei – bitte eine "
            f"andere Endung als {endung} wählen oder --format {besitzer.name}."
        )
    return gewaehlt


def format_vorschlag(formate: Formate[Any], angabe: str) -> str | None:
    """The format a wrong --format value means: a file ending ("xlsx" → excel), a common
    name ("xls", "txt") or a close spelling ("jsn" → json); None if nothing fits."""
    wort = angabe.strip().lower().lstrip(".")
    endungen = {
        endung.lstrip("."): format_.name
        for format_ in formate.mit_endung
        for endung in format_.endungen
    }
    for kandidat in (endungen.get(wort), _FORMAT_SYNONYME.get(wort)):
        if kandidat in formate.namen:
            return kandidat
    treffer = difflib.get_close_matches(wort, formate.namen, n=1)
    return treffer[0] if treffer else None


def archiv_waehlen(archiv: Path | None, ohne: bool, einstellungen: Einstellungen) -> Path | None:
    """The archive of this run: --archiv, else [archiv] datei of wrm.toml; none with
    --ohne-archiv."""
    if ohne and archiv is not None:
        raise KonfigFehler(
            "Bitte entweder --archiv DATEI oder --ohne-archiv angeben, nicht beides."
        )
    return None if ohne else archiv or einstellungen.archiv
