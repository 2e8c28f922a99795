"""Where a finished report goes: the screen (in the format's text) or a file, written
atomically and never over one of the run's own inputs."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from wrm_cli.berichte.formate import Format
from wrm_cli.cli.konsole import ausgeben


def bericht_ausgeben(
    gewaehlt: Format[Any], bericht: Any, ausgabe: Path | None, eingaben: Sequence[Path] = ()
) -> bool:
    """Write the report; True when ``ausgabe`` replaced an existing file."""
    inhalt = gewaehlt.schreiben(bericht)
    if ausgabe is None:
        assert isinstance(inhalt, str), gewaehlt.name  # file-only formats need --ausgabe
        ausgeben(inhalt, gewaehlt.name)
        return False
    from wrm_cli.ausgabe import atomar_schreiben, ordner_anlegen, pruefe_ziel

    pruefe_ziel(ausgabe, list(eingaben))
    daten = inhalt if isinstance(inhalt, bytes) else inhalt.encode("utf-8")
    ersetzt = ausgabe.exists()
    ordner_anlegen(ausgabe)
    atomar_schreiben(ausgabe, daten)
    return ersetzt
