"""Packaging and module boundaries: the wheel works on its own, the core stays lean."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest
from conftest import BEISPIELE, PROJEKT, wrm

KERN = [
    "wrm_cli.ablauf",
    "wrm_cli.auswertung.tabelle",
    "wrm_cli.befunde",
    "wrm_cli.bezirk",
    "wrm_cli.lesen.arbeitsmappe",
    "wrm_cli.lesen.datei",
    "wrm_cli.lesen.formular",
    "wrm_cli.lesen.meldung",
    "wrm_cli.vorlage",
    "wrm_cli.lesen.eingang",
    "wrm_cli.felder",
    "wrm_cli.pruefung.hinweise",
    "wrm_cli.pruefung.validierung",
    "wrm_cli.werte",
    "wrm_cli.auswertung.zusammenfuehren",
    "wrm_cli.berichte.csv_bericht",
    "wrm_cli.berichte.json_bericht",
    "wrm_cli.berichte.pruefbericht",
    "wrm_cli.berichte.markdown_bericht",
    "wrm_cli.ausgabe",
]


def _importiert(code: str) -> set[str]:
    ergebnis = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=PROJEKT,
    )
    return {
        zeile.split("|")[-1].strip()
        for zeile in ergebnis.stderr.splitlines()
        if zeile.startswith("import time:")
    }


SCHWER = ("pandas", "pandera", "openpyxl", "numpy", "python_calamine", "docx")


def test_cli_laedt_keine_schweren_bibliotheken() -> None:
    module = _importiert("import wrm_cli.cli")
    for schwer in SCHWER:
        assert schwer not in module, f"wrm --help would pay for {schwer}"


@pytest.mark.parametrize(
    ("argumente", "umgebung"),
    [
        (["--help"], {}),
        (["--version"], {}),
        (["auswerten", "--help"], {}),
        (["pruefen", "--help"], {}),
        ([], {"_WRM_COMPLETE": "complete_bash", "COMP_WORDS": "wrm aus", "COMP_CWORD": "1"}),
    ],
    ids=["hilfe", "version", "hilfe-auswerten", "hilfe-pruefen", "tab-ergaenzung"],
)
def test_hilfe_version_und_ergaenzung_ohne_schwere_bibliotheken(
    argumente: list[str], umgebung: dict[str, str]
) -> None:
    """What a user waits for interactively runs without pandas, pandera or openpyxl."""
    ergebnis = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "wrm_cli", *argumente],
        capture_output=True,
        text=True,
        cwd=PROJEKT,
        env={**os.environ, **umgebung},
        check=False,
    )
    assert ergebnis.returncode == 0, ergebnis.stderr[-2000:]
    assert ergebnis.stdout.strip()  # help, version or the completion answered
    geladen = {
        zeile.split("|")[-1].strip().split(".")[0]
        for zeile in ergebnis.stderr.splitlines()
        if zeile.startswith("import time:")
    }
    assert not geladen & set(SCHWER)


def test_kern_kennt_weder_typer_noch_rich() -> None:
    module = _importiert(
        "; ".join(f"import {name}" for name in KERN) + "; import wrm_cli.pruefung.schemata"
    )
    assert not {"typer", "rich", "click"} & {m.split(".")[0] for m in module}


@pytest.mark.parametrize("befehl", ["auswerten", "pruefen", "vorlage", "prognose", "erinnern"])
def test_readme_nennt_jeden_befehl_und_jede_option(befehl: str) -> None:
    readme = (PROJEKT / "README.md").read_text("utf-8")
    ergebnis = wrm(befehl, "--help")
    assert ergebnis.returncode == 0, ergebnis.stderr
    hilfe = ergebnis.stdout
    optionen = set(re.findall(r"--[a-z][a-z-]+", hilfe)) - {"--help"}
    assert optionen >= {"--konfig", "--debug"}
    abschnitt = readme[readme.index(f"### `wrm {befehl}") :]
    abschnitt = abschnitt[: abschnitt.index("\n## ")]
    for option in optionen:
        assert option in abschnitt, f"{option} von wrm {befehl} fehlt im README"


def test_wheel_laeuft_ausserhalb_des_checkouts(tmp_path: Path) -> None:
    """Build the wheel, install it into a fresh venv and run the example from elsewhere."""
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(PROJEKT)],
        check=True,
        capture_output=True,
    )
    (rad,) = dist.glob("wrm-*.whl")
    namen = zipfile.ZipFile(rad).namelist()
    assert "wrm_cli/schemas/meldung.py" in namen
    assert not any(name.startswith("schemas/") for name in namen), "generic top-level module"
    vorlagen = {
        f"wrm_cli/berichte/html/{datei.name}"
        for datei in (PROJEKT / "wrm_cli" / "berichte" / "html").glob("*.j2")
    }
    assert len(vorlagen) >= 5 and vorlagen <= set(namen), "the HTML templates are in the wheel"

    # A fresh venv that sees this environment's libraries (a path in a .pth file: the
    # packages there, but not their .pth files, so not the editable wrm): pip resolves the
    # wheel's declared dependencies against them without the network (--no-index) and
    # installs only wrm – half a minute less than installing pandas, OR-Tools … again.
    # That CI installs from the same declarations in a fresh venv covers the rest.
    umgebung = tmp_path / "venv"
    venv.create(umgebung, with_pip=True)
    python = umgebung / ("Scripts" if os.name == "nt" else "bin") / "python"
    innen = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    (Path(innen) / "umgebung.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-index", str(rad)],
        check=True,
        capture_output=True,
    )
    arbeit = tmp_path / "anderswo"
    shutil.copytree(BEISPIELE, arbeit)
    ergebnis_umgebung = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    ergebnis = subprocess.run(
        [str(python), "-m", "wrm_cli", "auswerten", "uebersicht_2016.csv", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=arbeit,
        check=False,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert '"fehlender_wohnraum": -407' in ergebnis.stdout
    seite = subprocess.run(
        [str(python), "-m", "wrm_cli", "auswerten", "uebersicht_2016.csv", "-o", "bericht.html"],
        capture_output=True, text=True, cwd=arbeit, check=False, env=ergebnis_umgebung,
    )  # fmt: skip
    assert seite.returncode == 0, seite.stderr
    html = (arbeit / "bericht.html").read_text(encoding="utf-8")
    assert '<td class="mehr"><b>-407</b></td>' in html  # templates loaded from the wheel
    herkunft = subprocess.run(
        [
            str(python),
            "-c",
            "import wrm_cli.pruefung.schemata as s, wrm_cli; "
            "print(wrm_cli.__file__); print(s.meldung_schema.__module__)",
        ],
        capture_output=True,
        text=True,
        cwd=arbeit,
        check=True,
    ).stdout.split()
    assert str(umgebung) in herkunft[0]
    assert herkunft[1] == "wrm_cli.schemas.meldung"
