"""stdout and stderr as a Windows office PC has them: any encoding, pipes closed early.

On Windows, Python writes redirected output (``wrm auswerten eingang/ > bericht.txt``)
in the ANSI code page (cp1252), an old console in cp850; ``PYTHONIOENCODING`` may
name any other. ``ersatzstroeme`` puts a stream in front of stdout and stderr that
writes every character the encoding cannot hold as a readable substitute (✓ → "OK",
„“ → '"', ä → "ae" only where ä is missing). Everything written goes through it:
``sys.stdout.write``, ``typer.echo`` (click) and rich consoles (help, colours, progress
bar) all look up ``sys.stdout``/``sys.stderr`` when they write. Files written with
``--ausgabe`` are not affected: they are always UTF-8.

``pipe_geschlossen`` ends a run whose reader went away (``wrm … | head -1``) quietly.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

FEHLERBEHANDLUNG = "wrm_ersatz"
# Exit code after a closed pipe: what the shell reports for a tool ended by SIGPIPE.
EXIT_PIPE = 141

# Substitutes, all ASCII. Used only for characters the encoding lacks: cp1252 keeps
# „“ – … as they are, cp850 and ascii get the substitutes.
ERSATZ: dict[str, str] = {
    "✓": "OK",
    "✔": "OK",
    "✗": "X",
    "✘": "X",
    "„": '"',
    "“": '"',
    "”": '"',
    "«": '"',
    "»": '"',
    "‚": "'",
    "‘": "'",
    "’": "'",
    "‹": "'",
    "›": "'",
    "–": "-",
    "—": "-",
    "‑": "-",
    "−": "-",
    "±": "+/-",
    "…": "...",
    "Σ": "Summe",
    "≈": "~",
    "≤": "<=",
    "≥": ">=",
    "≠": "<>",
    "×": "x",
    "·": ".",
    "•": "*",
    "→": "->",
    "←": "<-",
    "€": "EUR",
    "\ufeff": "",  # the byte order mark of CSV: only for UTF-8
    "\u200b": "",
    "\u00a0": " ",
    "\u202f": " ",
    "ä": "ae",
    "ö": "oe",
    "ü": "ue",
    "Ä": "Ae",
    "Ö": "Oe",
    "Ü": "Ue",
    "ß": "ss",
    "ẞ": "SS",
}
ERSATZ_SONST = "?"


def ersatz(zeichen: str, folgt: str = "") -> str:
    """The ASCII substitute of one character; ``folgt`` is the character after it."""
    if zeichen == "Σ" and folgt.isalpha():  # "ΣSumme" → "Summe Summe", not "SummeSumme"
        return "Summe "
    if zeichen in ERSATZ:
        return ERSATZ[zeichen]
    zerlegt = unicodedata.normalize("NFKD", zeichen)  # "é" → "e" + accent, "½" → "1⁄2"
    ohne_akzent = "".join(z for z in zerlegt if not unicodedata.combining(z))
    if ohne_akzent and ohne_akzent.isascii() and ohne_akzent.isprintable():
        return ohne_akzent
    return ERSATZ_SONST


def _ersetzen(fehler: UnicodeError) -> tuple[str, int]:
    if not isinstance(fehler, UnicodeEncodeError):
        raise fehler
    text = fehler.object
    ersetzt = "".join(
        ersatz(text[i], text[i + 1] if i + 1 < len(text) else "")
        for i in range(fehler.start, fehler.end)
    )
    return ersetzt, fehler.end


def _ersetzen_csv(fehler: UnicodeError) -> tuple[str, int]:
    # A '"' would end a quoted CSV field (or start one): quotation marks become "'".
    ersetzt, ende = _ersetzen(fehler)
    return ersetzt.replace('"', "'"), ende


def _ersetzen_json(fehler: UnicodeError) -> tuple[str, int]:
    # JSON keeps every character: as \uXXXX (a surrogate pair beyond U+FFFF), which is
    # valid because outside strings JSON is plain ASCII.
    if not isinstance(fehler, UnicodeEncodeError):
        raise fehler
    teile = fehler.object[fehler.start : fehler.end].encode("utf-16-be")
    einheiten = [int.from_bytes(teile[i : i + 2], "big") for i in range(0, len(teile), 2)]
    return "".join(f"\\u{einheit:04x}" for einheit in einheiten), fehler.end


codecs.register_error(FEHLERBEHANDLUNG, _ersetzen)
codecs.register_error(FEHLERBEHANDLUNG + "_csv", _ersetzen_csv)
codecs.register_error(FEHLERBEHANDLUNG + "_json", _ersetzen_json)


def darstellbar(text: str, kodierung: str, art: str = "") -> str:
    """``text`` with every character ``kodierung`` cannot encode replaced; ``art`` "csv"
    or "json" keeps that format valid."""
    try:
        text.encode(kodierung)
    except UnicodeEncodeError:
        behandlung = FEHLERBEHANDLUNG + (f"_{art}" if art in ("csv", "json") else "")
        return text.encode(kodierung, behandlung).decode(kodierung)
    return text


def ausgeben(inhalt: str, art: str = "") -> None:
    """A report on stdout; ``art`` is its format ("csv", "json" keep their syntax)."""
    if isinstance(sys.stdout, Ersatzstrom):
        sys.stdout.strom.write(darstellbar(inhalt, sys.stdout.kodierung, art))
    else:
        sys.stdout.write(inhalt)


class Ersatzstrom(io.TextIOBase):
    """A text stream in front of ``strom`` that never fails on its encoding.

    It has no ``buffer``: click would otherwise write UTF-8 past it into the buffer
    of a stream it deems misconfigured (ascii)."""

    def __init__(self, strom: TextIO) -> None:
        super().__init__()
        self.strom = strom
        self.kodierung = codecs.lookup(strom.encoding).name

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.strom.encoding

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return self.strom.errors

    def write(self, text: str) -> int:
        self.strom.write(darstellbar(text, self.kodierung))
        return len(text)

    def flush(self) -> None:
        self.strom.flush()

    def isatty(self) -> bool:
        return self.strom.isatty()

    def fileno(self) -> int:
        return self.strom.fileno()

    def writable(self) -> bool:
        return True


def _braucht_ersatz(strom: TextIO) -> bool:
    kodierung = getattr(strom, "encoding", None)
    if not isinstance(kodierung, str) or isinstance(strom, Ersatzstrom):
        return False
    try:
        name = codecs.lookup(kodierung).name
    except LookupError:
        return False
    return not name.startswith(("utf-8", "utf-16", "utf-32"))


@contextmanager
def ersatzstroeme() -> Iterator[None]:
    """stdout and stderr behind an ``Ersatzstrom`` where their encoding is not Unicode;
    the original streams again afterwards."""
    alt = sys.stdout, sys.stderr
    if _braucht_ersatz(sys.stdout):
        sys.stdout = Ersatzstrom(sys.stdout)
    if _braucht_ersatz(sys.stderr):
        sys.stderr = Ersatzstrom(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = alt


def pipe_beendet(ende: SystemExit) -> bool:
    """Whether an exit was click's or rich's answer to a closed pipe (both exit with 1
    while handling the ``BrokenPipeError``)."""
    return ende.code == 1 and isinstance(ende.__context__, BrokenPipeError)


def pipe_geschlossen() -> int:
    """After a ``BrokenPipeError``: the rest of the output goes nowhere, so that the
    interpreter does not report the failed flush at its end; returns the exit code."""
    for strom in (sys.stdout, sys.stderr):
        # No file descriptor (in-process tests): nothing to redirect.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), strom.fileno())
    return EXIT_PIPE
