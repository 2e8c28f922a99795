"""Safety of ``wrm erinnern``: an address from a cell or wrm.toml reaches a header only if
it is exactly one bare address; anything else – a second line with a header of its own, a
list, a display name, a look-alike letter – puts the Kommune under "ohne Adresse" with its
file and cell, and the draft that is written has exactly one recipient and no extra header."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import wrm
from erinnernhilfen import KONFIG, bezirk_anlegen, entwurf_lesen, meldung_schreiben

from wrm_cli.adressen import einzelne_adresse

ANGRIFFE = [
    "a@b.de\nBcc: x@y.de",
    "a@b.de\r\nSubject: x",
    "a@b.de, c@d.de",
    "a@b.de; c@d.de",
    '"Melle" <a@b.de>',
    '"a@b.de" <evil@x.com>',
    "<a@b.de>",
    "<a@b.de> evil",
    "a" * 300 + "@b.de",
    "wohnraum@mеlle.de",  # Cyrillic "е"
    "wоhnraum@melle.de",  # Cyrillic "о"
    "wohnraum@müllerstadt.de",  # an international domain, not encoded
    "a@b.de\u200b",  # zero-width space
    "a@b.de\x00",
    "a b@c.de",
    "a@b",
    "a..b@c.de",
    "@b.de",
]


@pytest.mark.parametrize("text", ANGRIFFE)
def test_keine_einzelne_adresse(text: str) -> None:
    assert einzelne_adresse(text) is None


@pytest.mark.parametrize(
    ("text", "adresse"),
    [
        ("wohnraum@melle.de", "wohnraum@melle.de"),
        (" j.moeller+wrm@stadt.melle.de ", "j.moeller+wrm@stadt.melle.de"),
        ("info@xn--mllerstadt-r9a.de", "info@xn--mllerstadt-r9a.de"),  # Punycode
    ],
)
def test_einzelne_adresse(text: str, adresse: str) -> None:
    assert einzelne_adresse(text) == adresse


def _sichtbar(text: str) -> str:
    """How the hint shows a value: line breaks and invisible characters spelt out."""
    return text.replace("\r", "\\r").replace("\n", "\\n").replace("\u200b", "\\u200b")


@pytest.mark.parametrize(
    "text", [a for a in ANGRIFFE if "\x00" not in a and len(a) < 100], ids=repr
)
def test_angriff_in_der_zelle_kommt_in_keinen_kopf(tmp_path: Path, text: str) -> None:
    eingang = bezirk_anlegen(tmp_path)
    meldung_schreiben(eingang, "Melle", dt.date(2016, 3, 1), email=text)
    meldung_schreiben(eingang, "Bohmte", dt.date(2016, 3, 1), email="wohnraum@bohmte.de")
    meldung_schreiben(eingang, "Fürstenau")
    ergebnis = wrm("erinnern", "eingang", cwd=tmp_path)
    assert ergebnis.returncode == 1, ergebnis.stderr
    zeilen = ergebnis.stdout.splitlines()
    gezeigt = _sichtbar(text.strip(" "))
    assert (
        f"ohne Adresse: Melle (veraltet) – Meldung_Melle.xlsx, Zelle C9: „{gezeigt}“ "
        "ist keine einzelne gültige E-Mail-Adresse"
    ) in zeilen
    ordner = tmp_path / "erinnerungen" / "2016-03-16"
    assert sorted(p.name for p in ordner.iterdir()) == ["Erinnerung_Bohmte.eml"]
    # The one draft written: exactly one recipient, no header of the cell's making.
    nachricht = entwurf_lesen(ordner / "Erinnerung_Bohmte.eml")
    assert list(nachricht.keys()) == [
        "From", "To", "Subject", "X-Unsent", "MIME-Version", "Content-Type"
    ]  # fmt: skip
    assert len(nachricht.get_all("To") or []) == 1
    assert [a.addr_spec for a in nachricht["To"].addresses] == ["wohnraum@bohmte.de"]
    assert b"evil" not in (ordner / "Erinnerung_Bohmte.eml").read_bytes()


def test_lange_adresse_gekuerzt_genannt(tmp_path: Path) -> None:
    eingang = bezirk_anlegen(tmp_path)
    meldung_schreiben(eingang, "Melle", dt.date(2016, 3, 1), email="a" * 300 + "@b.de")
    ergebnis = wrm("erinnern", "eingang", "-f", "json", cwd=tmp_path)
    assert ergebnis.returncode == 1
    assert json.loads(ergebnis.stdout)["ohne_adresse"] == ["Melle", "Fürstenau"]
    text = wrm("erinnern", "eingang", "--ueberschreiben", cwd=tmp_path).stdout
    assert (
        "ohne Adresse: Melle (veraltet) – Meldung_Melle.xlsx, Zelle C9: „"
        + "a" * 59
        + "…“ ist keine einzelne gültige E-Mail-Adresse"
    ) in text.splitlines()


@pytest.mark.parametrize(
    ("alt", "neu", "meldung"),
    [
        (
            'absender = "task-force@kreis-probe.example"',
            'absender = "a@b.de\\nBcc: x@y.de"',
            "„erinnerung.absender“ = „a@b.de\\nBcc: x@y.de“ ist keine einzelne gültige "
            "E-Mail-Adresse",
        ),
        (
            'email = "wohnraum@melle.example"',
            'email = "Melle <wohnraum@melle.example>"',
            "„email“ von „Melle“ = „Melle <wohnraum@melle.example>“ ist keine einzelne "
            "gültige E-Mail-Adresse",
        ),
        (
            'email = "wohnraum@bohmte.example"',
            "email = 3",
            "„email“ von „Bohmte“ = 3 ist keine einzelne gültige E-Mail-Adresse, sondern eine Zahl",
        ),
    ],
)
def test_falsche_adresse_in_wrm_toml(tmp_path: Path, alt: str, neu: str, meldung: str) -> None:
    assert alt in KONFIG
    eingang = bezirk_anlegen(tmp_path, KONFIG.replace(alt, neu))
    ergebnis = wrm("erinnern", eingang, cwd=tmp_path)
    assert ergebnis.returncode == 2
    assert ergebnis.stderr == (
        f"Fehler: {tmp_path / 'wrm.toml'}: {meldung} – erwartet wird genau eine Adresse ohne "
        'Namen davor, z. B. "wohnraum@melle.de".\n'
    )
    assert not (tmp_path / "erinnerungen").exists()


def test_unterschrift_behaelt_ihre_zeilen(tmp_path: Path) -> None:
    from wrm_cli.konfig import konfig_laden

    (tmp_path / "wrm.toml").write_text(KONFIG, "utf-8")
    erinnerung = konfig_laden(tmp_path / "wrm.toml").erinnerung
    assert erinnerung.unterschrift == "Task-Force Wohnraum\nLandkreis Probe"
    assert erinnerung.frist_tage == 4
    assert erinnerung.absender == "task-force@kreis-probe.example"
