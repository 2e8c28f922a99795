"""The bundled examples: what the README promises about beispiele/ holds."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from beispiele_erzeugen import erzeugen
from conftest import BEISPIELE, PROJEKT, wrm
from hilfen import datei_lesen

EINGANG = BEISPIELE / "eingang"


def _werte(pfad: Path) -> dict[str, object]:
    (meldung,) = datei_lesen(pfad).meldungen
    return {key: zelle.wert for key, zelle in meldung.werte.items()}


def test_beispiele_sind_mit_dem_eigenen_code_erzeugt(tmp_path: Path) -> None:
    """The committed files hold exactly what tests/beispiele_erzeugen.py writes today."""
    erzeugt = erzeugen(tmp_path / "eingang", tmp_path / "fehlerhaft")
    committed = [*sorted(EINGANG.glob("*.xlsx")), BEISPIELE / "fehlerhaft" / "Meldung_Hagen.xlsx"]
    assert [p.name for p in erzeugt] == [p.name for p in committed]
    for neu, alt in zip(erzeugt, committed, strict=True):
        assert _werte(neu) == _werte(alt), alt.name


def test_pruefen_besteht_fuer_alle_21_vorlagen() -> None:
    ergebnis = wrm("pruefen", *sorted(EINGANG.glob("*.xlsx")))
    assert ergebnis.returncode == 0, ergebnis.stdout
    zeilen = ergebnis.stdout.splitlines()
    assert len([z for z in zeilen if z.startswith("✓ ")]) == 21
    assert zeilen[-1] == "21 Dateien geprüft: alle in Ordnung."


def _readme_block(nach: str) -> str:
    """The first ```text block after the line containing ``nach``."""
    readme = (PROJEKT / "README.md").read_text("utf-8")
    rest = readme[readme.index(nach) :]
    treffer = re.search(r"```text\n(.*?)\n *```", rest, re.S)
    assert treffer is not None
    return textwrap.dedent(treffer.group(1)) + "\n"  # blocks inside a list are indented


def test_readme_zeigt_die_echte_ausgabe_der_fehlerhaften_meldung() -> None:
    ergebnis = wrm("pruefen", "beispiele/fehlerhaft/Meldung_Hagen.xlsx", cwd=PROJEKT)
    assert ergebnis.returncode == 1
    erwartet = _readme_block("<!-- readme: pruefen-fehlerhaft -->")
    assert erwartet == "$ wrm pruefen beispiele/fehlerhaft/Meldung_Hagen.xlsx\n" + ergebnis.stdout


def test_readme_zeigt_die_echte_ausgabe_von_pruefen() -> None:
    ergebnis = wrm("pruefen", "beispiele/eingang/Meldung_Bad_Essen.xlsx", cwd=PROJEKT)
    assert ergebnis.returncode == 0
    erwartet = _readme_block("<!-- readme: pruefen-gut -->")
    assert erwartet == "$ wrm pruefen beispiele/eingang/Meldung_Bad_Essen.xlsx\n" + ergebnis.stdout


def test_readme_zeigt_die_echte_ausgabe_von_vorlage(tmp_path: Path) -> None:
    ergebnis = wrm("vorlage", "--kommune", "Bad Essen", cwd=tmp_path)
    assert ergebnis.returncode == 0
    erwartet = _readme_block("<!-- readme: vorlage -->")
    assert erwartet == '$ wrm vorlage --kommune "Bad Essen"\n' + ergebnis.stdout


def test_readme_zeigt_die_echte_ausgabe_der_auswertung() -> None:
    ergebnis = wrm("auswerten", "beispiele/eingang/", cwd=PROJEKT)
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert _readme_block("## Was die Auswertung zeigt") == ergebnis.stdout
