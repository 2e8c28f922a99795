"""Helpers of the tests of ``wrm erinnern``: a district of three Kommunen with their
Meldungen, the README's example week, and a draft as the README shows it."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import re
import shutil
from email.message import EmailMessage
from pathlib import Path

from hilfen import GLANDORF_2016, vorlage_ausfuellen

from wrm_cli.konfig import konfig_laden
from wrm_cli.vorlage import vorlage_erstellen

STICHTAG = dt.date(2016, 3, 16)
# A district of its own: Melle and Bohmte with an address in wrm.toml, Fürstenau without.
KONFIG = """\
[bezirk]
name = "Landkreis Probe"
stichtag = 2016-03-16
veraltet_nach_tagen = 7

[erinnerung]
absender = "task-force@kreis-probe.example"
unterschrift = \"\"\"
Task-Force Wohnraum
Landkreis Probe\"\"\"
frist_tage = 4

[[kommunen]]
name = "Melle"
email = "wohnraum@melle.example"

[[kommunen]]
name = "Bohmte"
email = "wohnraum@bohmte.example"

[[kommunen]]
name = "Fürstenau"
"""


def bezirk_anlegen(ordner: Path, konfig: str = KONFIG) -> Path:
    """The folder eingang/ (empty) under ``ordner`` with the district's wrm.toml beside it."""
    (ordner / "wrm.toml").write_text(konfig, "utf-8")
    eingang = ordner / "eingang"
    eingang.mkdir()
    return eingang


def meldung_schreiben(
    eingang: Path,
    kommune: str,
    stand: dt.date | None = STICHTAG,
    **werte: object,
) -> Path:
    """The Kommune's template of the test district, filled in with Glandorf's valid figures
    and ``werte`` (contact cells, or a wrong value to make it faulty)."""
    einstellungen = konfig_laden(eingang.parent / "wrm.toml")
    mappe = vorlage_erstellen(einstellungen, kommune)
    vorlage_ausfuellen(mappe, {**GLANDORF_2016, "stand": stand, **werte})
    pfad = eingang / f"Meldung_{kommune}.xlsx"
    mappe.save(pfad)
    return pfad


def entwurf_lesen(pfad: Path) -> EmailMessage:
    nachricht = email.message_from_bytes(pfad.read_bytes(), policy=email.policy.default)
    assert isinstance(nachricht, EmailMessage)
    return nachricht


def anhaenge(nachricht: EmailMessage) -> dict[str, EmailMessage]:
    return {str(teil.get_filename()): teil for teil in nachricht.iter_attachments()}


def woche_anlegen(ordner: Path, beispiele: Path) -> Path:
    """The README's week: the published 16.03.2016 without Fürstenau, and Melle still with
    its Meldung of 02.03.2016 (beispiele/verlauf/kw09)."""
    woche = ordner / "woche"
    woche.mkdir()
    for datei in sorted((beispiele / "eingang").glob("*.xlsx")):
        if datei.name != "Meldung_Fürstenau.xlsx":
            shutil.copy(datei, woche)
    shutil.copy(beispiele / "verlauf" / "kw09" / "Meldung_Melle.xlsx", woche)
    return woche


def wie_im_readme(pfad: Path) -> str:
    """The draft's source as the README shows it: line ends as \\n, every base64 body cut
    to its first five characters (the template's bytes carry the time it was made)."""
    text = pfad.read_bytes().decode("utf-8").replace("\r\n", "\n")
    teile = re.split(r"(Content-Transfer-Encoding: base64\n(?:[^\n]+\n)*\n)", text)
    for nr in range(2, len(teile), 2):
        inhalt, _, rest = teile[nr].partition("\n\n")
        teile[nr] = inhalt[:5] + "…\n\n" + rest
    return "".join(teile).rstrip("\n")
