"""A wrm.toml as bytes → TOML data, with a German sentence for every way it can fail:
not found, not UTF-8, not valid TOML (line, column and what is wrong in words)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from wrm_cli.fehler import KonfigFehler

_TOML_FEHLER = re.compile(r"(.*?) \(at (?:line (\d+), column (\d+)|end of document)\)")
_GERADE = 'gerade Anführungszeichen "…"'
_DATUM = 'ungültiges Datum – erwartet wird z. B. 2016-07-31 oder "31.07.2016"'
# What Python 3.11's tomllib says (how it starts), in German.
_TOML_GRUENDE: tuple[tuple[str | tuple[str, ...], str], ...] = (
    ("Expected '=' after a key", "nach dem Namen fehlt „=“ (Namen nur aus a–z, 0–9 und _)"),
    ("Invalid initial character", "ein Name beginnt mit einem unerlaubten Zeichen"),
    ("Invalid statement", "die Zeile ist weder „name = Wert“ noch eine Abschnittszeile „[…]“"),
    ("Invalid value", f"der Wert ist ungültig – Text gehört in {_GERADE}"),
    ("Unclosed array", "eine Liste „[…“ wird nicht mit „]“ geschlossen oder ihr fehlt ein Komma"),
    (("Unterminated", "Illegal character '\\n'", "Expected \"'"), 'ein Text endet nicht mit "'),
    ("Illegal character", "im Text steht ein unerlaubtes Steuerzeichen"),
    ("Unclosed inline table", "„{…“ wird nicht mit „}“ geschlossen"),
    (("Unescaped '\\'", "Invalid hex"), 'ein \\ im Text muss doppelt stehen: "C:\\\\Daten"'),
    ("Expected ']", "die Abschnittszeile „[…“ wird nicht mit „]“ (bzw. „]]“) geschlossen"),
    ("Expected newline", f"danach steht noch etwas in der Zeile (Text gehört in {_GERADE})"),
    ("Cannot overwrite a value", "dieser Name steht im selben Abschnitt schon einmal"),
    ("Cannot declare", "dieser Abschnitt steht schon einmal in der Datei"),
    ("Invalid date", _DATUM),
)
# Two slips tomllib cannot name: a German or short date, typographic quotes from Word.
_DATUMSVERSUCH = re.compile(r"=\s*\d{1,4}[-./]\d{1,2}[-./]\d")
_TYPOGRAFISCH = re.compile("[„“”‚‘’«»]")


def toml_grund(fehler: tomllib.TOMLDecodeError) -> tuple[str, int | None, int | None]:
    """tomllib's complaint in German ("" if unknown), with its line and column."""
    treffer = _TOML_FEHLER.fullmatch(str(fehler))
    was, nr, spalte = treffer.groups() if treffer else (str(fehler), None, None)
    grund = next((de for en, de in _TOML_GRUENDE if was.startswith(en)), "")
    return grund, int(nr) if nr else None, int(spalte) if spalte else None


def _toml_fehler(pfad: Path, fehler: tomllib.TOMLDecodeError, text: str) -> KonfigFehler:
    grund, nr, spalte = toml_grund(fehler)
    was = str(fehler)
    ort = "am Ende der Datei"
    if nr:
        zeile = " ".join(text.split("\n")[nr - 1].split())  # tomllib counts only \n
        if _DATUMSVERSUCH.search(zeile) and was.startswith("Expected newline"):
            grund = _DATUM
        elif _TYPOGRAFISCH.search(zeile) and was.startswith("Invalid"):
            grund = f"typografische Anführungszeichen „…“ sind nicht erlaubt, nur {_GERADE}"
        zeile = zeile if len(zeile) <= 50 else zeile[:49] + "…"
        ort = f"in Zeile {nr}, Spalte {spalte} ({zeile})"
    return KonfigFehler(
        f"Die Einstellungsdatei {pfad} ist kein gültiges TOML – {ort}"
        f"{': ' + grund if grund else ''}. Bitte die Zeile mit dem Beispiel im README vergleichen."
    )


def _toml_lesen(pfad: Path) -> dict[str, Any]:
    try:
        roh = pfad.read_bytes()
        return tomllib.loads(text := roh.decode("utf-8-sig"))  # a byte order mark is fine
    except FileNotFoundError:
        raise KonfigFehler(f"Die Einstellungsdatei {pfad} wurde nicht gefunden.") from None
    except OSError as fehler:
        grund = "ein Ordner" if isinstance(fehler, IsADirectoryError) else fehler.strerror
        raise KonfigFehler(f"Die Einstellungsdatei {pfad} ist nicht lesbar ({grund}).") from None
    except UnicodeDecodeError as fehler:
        zeile = roh[: fehler.start].count(b"\n") + 1
        raise KonfigFehler(
            f"Die Einstellungsdatei {pfad} ist nicht in UTF-8 gespeichert (Zeile {zeile} enthält "
            "ein Zeichen in einer anderen Codierung, etwa Windows-1252) – bitte im Editor "
            "„Speichern unter … Codierung UTF-8“ wählen."
        ) from None
    except tomllib.TOMLDecodeError as fehler:
        raise _toml_fehler(pfad, fehler, text) from None
