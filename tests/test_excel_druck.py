"""The Excel report as LibreOffice prints it: pages per sheet, type size on paper, header
words never broken, no text running into the next column, the Diagramm's note.

The whole workbook is converted to PDF once (``soffice --headless --convert-to pdf`` in a
fresh profile); ``pdftotext -bbox`` gives every word with its box, whose height is about
the font size on paper. Each page names its sheet in its header ("Landkreis Osnabrück –
Übersicht"). Skipped without LibreOffice or pdftotext (Debian: ``apt-get install
--no-install-recommends libreoffice-calc poppler-utils``; ``.ci/run`` installs them).
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import BEISPIELE, wrm

from wrm_cli.blaetter import (
    BLATT_AUSGLEICH,
    BLATT_AUSWERTUNG,
    BLATT_DIAGRAMM,
    BLATT_HINWEISE,
    BLATT_MELDESTATUS,
    BLATT_UEBERSICHT,
)

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) oder pdftotext nicht installiert",
)

LANGER_NAME = "Meldung_Georgsmarienhütte_KW11_korrigierte_Fassung.xlsx"


@dataclass(frozen=True)
class Wort:
    text: str
    links: float
    oben: float
    rechts: float
    unten: float

    @property
    def hoehe(self) -> float:
        return self.unten - self.oben


@dataclass(frozen=True)
class Seite:
    blatt: str
    woerter: tuple[Wort, ...]

    @property
    def texte(self) -> set[str]:
        return {wort.text for wort in self.woerter}


_WORT = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


def pdf_seiten(xlsx: Path, ordner: Path) -> list[Seite]:
    """Print the workbook with LibreOffice; the pages with their words, each page
    assigned to the sheet its header names."""
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{ordner}/profil",
            "--convert-to",
            "pdf",
            "--outdir",
            str(ordner),
            str(xlsx),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    pdf = ordner / f"{xlsx.stem}.pdf"
    boxen = ordner / "boxen.html"
    subprocess.run(["pdftotext", "-bbox", str(pdf), str(boxen)], check=True, timeout=60)
    seiten: list[Seite] = []
    for seite in boxen.read_text("utf-8").split("<page ")[1:]:
        woerter = tuple(
            Wort(html.unescape(text), *(float(z) for z in zahlen))
            for *zahlen, text in _WORT.findall(seite)
        )
        # The page header is the top line: "Landkreis Osnabrück – Übersicht".
        oben = min(wort.oben for wort in woerter)
        kopf = sorted((w for w in woerter if w.oben - oben < 2), key=lambda w: w.links)
        blatt = " ".join(wort.text for wort in kopf).rsplit(" – ", 1)[-1]
        seiten.append(Seite(blatt, woerter))
    return seiten


@pytest.fixture(scope="module")
def gedruckt(tmp_path_factory: pytest.TempPathFactory) -> list[Seite]:
    """The 2016 report, with Belm's file damaged and Georgsmarienhütte's under a long name."""
    ordner = tmp_path_factory.mktemp("druck")
    eingang = ordner / "eingang"
    shutil.copytree(BEISPIELE / "eingang", eingang)
    (eingang / "Meldung_Belm.xlsx").write_bytes(b"kaputt")
    (eingang / "Meldung_Georgsmarienhütte.xlsx").rename(eingang / LANGER_NAME)
    ziel = ordner / "bericht.xlsx"
    ergebnis = wrm("auswerten", eingang, "--ausgabe", ziel)
    assert ergebnis.returncode == 1, ergebnis.stderr  # Belm's damaged file is an error
    return pdf_seiten(ziel, ordner)


def _seiten(gedruckt: list[Seite], blatt: str) -> list[Seite]:
    return [seite for seite in gedruckt if seite.blatt == blatt]


def test_seiten_je_blatt(gedruckt: list[Seite]) -> None:
    assert [seite.blatt for seite in gedruckt] == [
        BLATT_AUSWERTUNG,
        BLATT_UEBERSICHT,
        BLATT_UEBERSICHT,
        BLATT_MELDESTATUS,
        BLATT_MELDESTATUS,
        BLATT_HINWEISE,
        BLATT_DIAGRAMM,
        BLATT_AUSGLEICH,  # the district has coordinates: the proposal on one page
    ]


def test_uebersicht_mindestens_8_pt_auf_papier(gedruckt: list[Seite]) -> None:
    """Two landscape pages wide instead of one: no type on paper smaller than 8 pt."""
    for seite in _seiten(gedruckt, BLATT_UEBERSICHT):
        kleinste = min(seite.woerter, key=lambda wort: wort.hoehe)
        assert kleinste.hoehe >= 8, kleinste


def test_uebersicht_kommune_auf_beiden_seiten(gedruckt: list[Seite]) -> None:
    erste, zweite = _seiten(gedruckt, BLATT_UEBERSICHT)
    for seite in (erste, zweite):
        assert {"Kommune", "Artland", "Wallenhorst", "Georgsmarienhütte"} <= seite.texte
    assert "(1)" in erste.texte
    assert {"Ansprechpartner", "E-Mail"} <= zweite.texte


def test_uebersicht_koepfe_nur_an_leerzeichen_umbrochen(gedruckt: list[Seite]) -> None:
    """Every word of every header prints whole ("Gemeinschaftsunterkünften", not
    "Gemeinschaft" and "sunterkünften" on two lines)."""
    koepfe = [
        "Kommune",
        "Stand",
        "(1) vom Land ausgesprochene Zuweisungen",
        "(2) davon Ankünfte vor Ort",
        "(3) keine Quotenanrechnung",
        "(4) mögliche Quotenanrechnung",
        "(5) zu erfüllen (noch zu erfüllende Quote)",
        "(6) in GU",
        "(7) dezentral untergebracht",
        "(8) verfügbar GU",
        "(9) verfügbar dezentral",
        "(10) in Aussicht, GU",
        "(11) in Aussicht, dezentral",
        "(12) Einschätzung der Lage",
        "Anteil dezentral (7) / ((6)+(7))",
        "Datei",
        "Ansprechpartner",
        "Telefon",
        "E-Mail",
    ]
    gedruckte = set().union(*(seite.texte for seite in _seiten(gedruckt, BLATT_UEBERSICHT)))
    fehlend = {wort for kopf in koepfe for wort in kopf.split() if wort not in gedruckte}
    assert fehlend == set()


def test_meldestatus_spalten_laufen_nicht_ineinander(gedruckt: list[Seite]) -> None:
    erste, zweite = _seiten(gedruckt, BLATT_MELDESTATUS)
    seite = Seite(BLATT_MELDESTATUS, erste.woerter + zweite.woerter)
    kopf = {"Kommune", "Stand", "Tage", "alt", "Status", "Datei", "Grund"}
    assert kopf <= seite.texte
    # Long file names print whole, in both tables; nothing runs into its neighbour.
    assert sum(wort.text == LANGER_NAME for wort in seite.woerter) == 2
    assert sum(wort.text == "Meldung_Belm.xlsx" for wort in seite.woerter) == 2
    zusammen = [w.text for w in seite.woerter if re.search(r"[a-zäöü][A-ZÄÖÜ]", w.text)]
    assert zusammen == []


def test_meldestatus_nennt_datei_und_grund(gedruckt: list[Seite]) -> None:
    seite = _seiten(gedruckt, BLATT_MELDESTATUS)[0]
    belm = [w for w in seite.woerter if w.text == "Belm"]
    zeile = min(belm, key=lambda w: w.oben)  # the Kommune table comes first
    in_der_zeile = [w.text for w in seite.woerter if abs(w.oben - zeile.oben) < 2]
    assert in_der_zeile[:5] == ["Belm", "ungültig", "Meldung_Belm.xlsx", "Die", "Datei"]


def test_diagramm_mit_hinweis_unter_dem_diagramm(gedruckt: list[Seite]) -> None:
    (seite,) = _seiten(gedruckt, BLATT_DIAGRAMM)
    assert {"fehlender", "Wohnraum", "freie", "Plätze"} <= seite.texte
    hinweis = [w for w in seite.woerter if w.text == "Bramsche."]
    assert len(hinweis) == 1
    achse = [w for w in seite.woerter if w.text == "Personen"]  # below the bars
    assert achse
    assert hinweis[0].oben > max(w.unten for w in achse)
