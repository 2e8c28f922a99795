"""The Word document for press answers (``wrm auswerten … -o antwort.docx``), written by
the real command line and read back with python-docx: title, Pressetext, every figure
of the 2016 table in its cell, header rows repeated, Gesamt bold, numbers right-aligned,
A4 landscape, only built-in styles, who is missing or stale, "± Vorwoche" with an
archive, texts of the input files as plain text. Printed once with LibreOffice (when
installed): A4 landscape pages that show the figures.

The expected figures come from the JSON report and the published overview
(beispiele/uebersicht_2016.csv), formatted here, never from the code under test.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest
from archivhilfen import CSV_KOPF, ZAHLEN
from conftest import BEISPIELE, wrm
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import _Row
from hilfen import vorlage_ausfuellen
from openpyxl import load_workbook

EINGANG = BEISPIELE / "eingang"
TITEL_2016 = "Wohnraummanagement Landkreis Osnabrück – Auswertung, Stichtag 16.03.2016"
KOPF_OBEN = ["Kommune", "Quote", "Quote", *["verfügbarer Wohnraum"] * 4]
KOPF_UNTEN = ["Kommune", "bisherige Zuweisungen", "noch zu erfüllende Quote seit 04.12.2015"]
KOPF_UNTEN += [f"{was} {wo}" for was in ("verfügbar", "in Aussicht") for wo in ("GU", "dezentral")]
KOPF_REST = ["Summe", "fehlender Wohnraum", "Einschätzung"]
EINGEBAUT = {"Title", "Heading 1", "Heading 2", "Normal"}


def _zahl(wert: int | None) -> str:
    """1327 → "1.327", -407 → "-407", blank → ""."""
    return "" if wert is None else f"{wert:,}".replace(",", ".")


def _zeichen(wert: int | None) -> str:
    """The change: "+12", "−5" (minus sign U+2212), "0", blank."""
    if wert is None:
        return ""
    betrag = f"{abs(wert):,}".replace(",", ".")
    return f"+{betrag}" if wert > 0 else f"\u2212{betrag}" if wert < 0 else "0"


def _word(eingang: Path, ziel: Path, *optionen: str | Path, code: int = 0) -> Document:
    lauf = wrm("auswerten", eingang, "-o", ziel, *optionen)
    assert lauf.returncode == code, lauf.stderr
    assert lauf.stdout == ""
    return docx.Document(str(ziel))


def _json(eingang: Path, *optionen: str | Path) -> dict[str, Any]:
    lauf = wrm("auswerten", eingang, "--ohne-archiv", "-f", "json", *optionen)
    daten: dict[str, Any] = json.loads(lauf.stdout)
    return daten


def _pressetext(eingang: Path, *optionen: str | Path) -> str:
    """The paragraph of ``-f pressetext`` (its first line; the second is the Gesamt rule)."""
    return wrm("auswerten", eingang, "-f", "pressetext", *optionen).stdout.split("\n")[0]


def _texte(zeile: _Row) -> list[str]:
    return [zelle.text for zelle in zeile.cells]


def _abschnitt(dokument: Document, ueberschrift: str) -> list[str]:
    """The paragraphs under a heading, up to the next heading."""
    absaetze = dokument.paragraphs
    nr = next(i for i, a in enumerate(absaetze) if a.text == ueberschrift)
    assert absaetze[nr].style is not None and absaetze[nr].style.name.startswith("Heading")
    texte = []
    for absatz in absaetze[nr + 1 :]:
        if absatz.style is not None and absatz.style.name.startswith("Heading"):
            break
        texte.append(absatz.text)
    return texte


def _hat(zeile: _Row, eigenschaft: str) -> bool:
    eigenschaften = zeile._tr.trPr
    return eigenschaften is not None and eigenschaften.find(qn(eigenschaft)) is not None


@pytest.fixture(scope="module")
def antwort_2016(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ziel = tmp_path_factory.mktemp("word") / "antwort.docx"
    lauf = wrm("auswerten", EINGANG, "-o", ziel)
    assert lauf.returncode == 0, lauf.stderr
    assert lauf.stderr.splitlines()[0] == f"Bericht geschrieben: {ziel}"
    return ziel


@pytest.fixture(scope="module")
def dokument_2016(antwort_2016: Path) -> Document:
    return docx.Document(str(antwort_2016))


@pytest.fixture(scope="module")
def json_2016() -> dict[str, Any]:
    return _json(EINGANG)


def test_titel_stand_und_pressetext(dokument_2016: Document) -> None:
    absaetze = dokument_2016.paragraphs
    assert [(a.style.name if a.style else None, a.text) for a in absaetze[:4]] == [
        ("Title", TITEL_2016),
        ("Normal", "Stichtag 16.03.2016, Stand der Daten 16.03.2016"),
        ("Heading 1", "Pressetext"),
        ("Normal", _pressetext(EINGANG)),
    ]
    # The paragraph of -f pressetext, with the forecast's sentence (Quotenende in wrm.toml).
    assert absaetze[3].text.startswith(
        "Stichtag 16.03.2016, Stand der Daten 16.03.2016: Den 21 Kommunen des Landkreises "
        "Osnabrück sind bislang 1.327 Personen zugewiesen worden."
    )
    assert "reichen die sofort verfügbaren Plätze im Landkreis bis etwa 12.06.2016" in (
        absaetze[3].text
    )
    assert _abschnitt(dokument_2016, "Auswertung") == [
        "Zum Gesamt: fehlender Wohnraum = Σ(5) − ΣSumme = 716 − 1.123 = -407, nicht die Summe "
        "der Spalte (-395), denn im Gesamt gleicht eine übererfüllte Quote (5) andere aus."
    ]
    assert _abschnitt(dokument_2016, "Meldungen der Kommunen") == [
        "Alle 21 Kommunen haben eine aktuelle Meldung abgegeben (Stand der Daten 16.03.2016)."
    ]
    fusszeile = dokument_2016.sections[0].footer.paragraphs[0].text
    assert re.fullmatch(
        r"Erstellt mit wrm \S+ · Quelle: Meldungen der Kommunen \(Landkreis Osnabrück\), "
        r"21 Dateien: 21 verwendet\.",
        fusszeile,
    ), fusszeile


def test_jede_zahl_der_tabelle_2016(dokument_2016: Document, json_2016: dict[str, Any]) -> None:
    tabelle = dokument_2016.tables[0]
    # Two header rows as published: merged cells repeat their text in python-docx.
    assert _texte(tabelle.rows[0]) == [*KOPF_OBEN, *KOPF_REST]
    assert _texte(tabelle.rows[1]) == [*KOPF_UNTEN, *KOPF_REST]
    koerper = tabelle.rows[2:-1]
    assert len(koerper) == len(json_2016["zeilen"]) == 21
    for zeile, daten in zip(koerper, json_2016["zeilen"], strict=True):
        erwartet = [daten["kommune"], *(_zahl(daten[s]) for s in ZAHLEN), daten["einschaetzung"]]
        assert _texte(zeile) == erwartet
    zeilen = {_texte(z)[0]: _texte(z) for z in koerper}
    assert zeilen["Melle"] == [
        "Melle", "142", "196", "16", "14", "227", "113", "370", "-174", "ausreichend"
    ]  # fmt: skip
    assert zeilen["Bramsche"] == ["Bramsche", "0", "0", "", "", "", "", "0", "", "ausreichend"]
    # The raw figures as published (Σ and the balance are computed, so from the JSON above).
    with (BEISPIELE / "uebersicht_2016.csv").open(encoding="utf-8-sig") as datei:
        for veroeffentlicht in csv.DictReader(datei, delimiter=";"):
            zellen = zeilen[veroeffentlicht["kommune"]]
            for nr, feld in enumerate(ZAHLEN[2:6], start=3):
                roh = veroeffentlicht[feld]
                assert zellen[nr] == (_zahl(int(roh)) if roh else ""), (zellen[0], feld)
            assert zellen[-1] == veroeffentlicht["einschaetzung"]
    gesamt = _texte(tabelle.rows[-1])
    assert gesamt == ["Gesamt", *(_zahl(json_2016["gesamt"][s]) for s in ZAHLEN), ""]
    assert gesamt[1:] == ["1.327", "716", "84", "385", "372", "282", "1.123", "-407", ""]


def test_kopf_wiederholt_zeilen_ungeteilt_gesamt_fett(dokument_2016: Document) -> None:
    tabelle = dokument_2016.tables[0]
    assert [_hat(z, "w:tblHeader") for z in tabelle.rows] == [True, True] + [False] * 22
    assert all(_hat(z, "w:cantSplit") for z in tabelle.rows)
    for zelle in tabelle.rows[-1].cells:
        assert all(lauf.bold for lauf in zelle.paragraphs[0].runs), zelle.text
    for zeile in tabelle.rows[2:-1]:
        assert not any(lauf.bold for zelle in zeile.cells for lauf in zelle.paragraphs[0].runs)


def test_zahlen_rechtsbuendig(dokument_2016: Document) -> None:
    tabelle = dokument_2016.tables[0]
    for zeile in tabelle.rows[2:]:
        ausrichtung = [zelle.paragraphs[0].alignment for zelle in zeile.cells]
        assert ausrichtung[1:9] == [WD_ALIGN_PARAGRAPH.RIGHT] * 8, _texte(zeile)
        assert ausrichtung[0] is None and ausrichtung[9] is None  # Kommune, Einschätzung
    kennzahlen = dokument_2016.tables[1]
    assert [_texte(z) for z in kennzahlen.rows] == [
        ["Kennzahl", "Personen"],
        ["benötigter Wohnraum bis 31.07.2016", "716"],
        ["davon sofort verfügbar", "469"],
        ["in Aussicht stehender Wohnraum", "654"],
        ["aktuelle Gesamtverfügbarkeit", "1.123"],
        ["fehlender Wohnraum", "-407"],
    ]
    for zeile in kennzahlen.rows[1:]:
        assert zeile.cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_a4_quer_und_nur_eingebaute_stile(dokument_2016: Document) -> None:
    (abschnitt,) = dokument_2016.sections
    assert abschnitt.orientation == WD_ORIENT.LANDSCAPE
    assert abschnitt.page_width is not None and abschnitt.page_height is not None
    assert round(abschnitt.page_width.cm, 1) == 29.7
    assert round(abschnitt.page_height.cm, 1) == 21.0
    breite = abschnitt.page_width - (abschnitt.left_margin or 0) - (abschnitt.right_margin or 0)
    for tabelle in dokument_2016.tables:
        spalten = [spalte.width for spalte in tabelle.columns]
        assert sum(s or 0 for s in spalten) <= breite
        for zeile in tabelle.rows[2:]:  # Word reads each cell's width, LibreOffice the grid
            assert [zelle.width for zelle in zeile.cells] == spalten
    raender = (abschnitt.left_margin, abschnitt.right_margin)
    assert [round(r.cm, 1) for r in raender if r is not None] == [1.5, 1.5]
    stile = {absatz.style.name for absatz in dokument_2016.paragraphs if absatz.style}
    assert stile == EINGEBAUT
    assert all(a.style.builtin for a in dokument_2016.paragraphs if a.style)
    assert [t.style.name for t in dokument_2016.tables if t.style] == ["Table Grid"] * 2
    fuss = abschnitt.footer.paragraphs[0].style
    assert fuss is not None and fuss.name == "Footer"
    eigenschaften = dokument_2016.core_properties
    assert eigenschaften.title == f"{TITEL_2016}, Stand der Daten 16.03.2016"
    assert eigenschaften.author.startswith("wrm ")


def _woche_mit_luecken(ordner: Path) -> Path:
    """The 2016 week without Hagen's file and with Belm's Stand six weeks old."""
    eingang = ordner / "eingang"
    shutil.copytree(EINGANG, eingang)
    shutil.copy(BEISPIELE / "wrm.toml", eingang / "wrm.toml")
    (eingang / "Meldung_Hagen.xlsx").unlink()
    belm = eingang / "Meldung_Belm.xlsx"
    mappe = load_workbook(belm)
    vorlage_ausfuellen(mappe, {"stand": dt.datetime(2016, 2, 1)})
    mappe.save(belm)
    return eingang


def test_fehlende_und_veraltete_kommune(tmp_path: Path) -> None:
    eingang = _woche_mit_luecken(tmp_path)
    dokument = _word(eingang, tmp_path / "antwort.docx")
    assert _abschnitt(dokument, "Meldungen der Kommunen") == [
        "Ohne gültige Meldung: Hagen.",
        "Älter als 14 Tage – bitte aktuelle Meldungen anfordern: Belm (Stand 01.02.2016).",
    ]
    assert dokument.paragraphs[1].text == (
        "Stichtag 16.03.2016, Stand der Daten 01.02.2016 bis 16.03.2016"
    )
    pressetext = _abschnitt(dokument, "Pressetext")
    assert pressetext == [_pressetext(eingang)]
    assert (
        "Gemeldet haben 20 der 21 Kommunen des Landkreises Osnabrück; es fehlt Hagen."
        in (pressetext[0])
    )
    assert "Die Angaben von Belm (01.02.2016) sind älter als 14 Tage." in pressetext[0]
    tabelle = dokument.tables[0]
    assert _texte(tabelle.rows[-1])[0] == "Gesamt (20 von 21 Kommunen)"
    assert "Hagen" not in [_texte(z)[0] for z in tabelle.rows]


def test_veraltete_daten_warnung_zuerst(tmp_path: Path) -> None:
    dokument = _word(EINGANG, tmp_path / "antwort.docx", "--stichtag", "16.04.2016")
    warnung = dokument.paragraphs[0]
    assert warnung.text == (
        "Achtung: Die Zahlen sind veraltet – auch die neueste Meldung (Stand 16.03.2016) ist "
        "31 Tage älter als der Stichtag 16.04.2016."
    )
    assert all(lauf.bold for lauf in warnung.runs)
    titel = dokument.paragraphs[1]
    assert titel.style is not None and titel.style.name == "Title"
    assert titel.text == "Wohnraummanagement Landkreis Osnabrück – Auswertung, Stichtag 16.04.2016"
    assert _abschnitt(dokument, "Pressetext") == [_pressetext(EINGANG, "--stichtag", "16.04.2016")]


def test_spalte_vorwoche_mit_archiv(tmp_path: Path) -> None:
    archiv = tmp_path / "archiv.sqlite"
    kw10 = BEISPIELE / "verlauf" / "kw10"
    vorwoche = wrm("auswerten", kw10, "--stichtag", "09.03.2016", "--archiv", archiv, "-f", "json")
    assert vorwoche.returncode == 0, vorwoche.stderr
    dokument = _word(EINGANG, tmp_path / "antwort.docx", "--archiv", archiv)
    jetzt, damals = _json(EINGANG), _json(kw10, "--stichtag", "09.03.2016")
    vorher = {z["kommune"]: z["fehlender_wohnraum"] for z in damals["zeilen"]}

    tabelle = dokument.tables[0]
    assert _texte(tabelle.rows[0])[8:] == ["fehlender Wohnraum", "± Vorwoche", "Einschätzung"]
    assert _texte(tabelle.rows[1])[8:] == ["fehlender Wohnraum", "± Vorwoche", "Einschätzung"]
    for zeile, daten in zip(tabelle.rows[2:-1], jetzt["zeilen"], strict=True):
        fehlend, alt = daten["fehlender_wohnraum"], vorher.get(daten["kommune"])
        aenderung = None if fehlend is None or alt is None else fehlend - alt
        zellen = _texte(zeile)
        assert zellen[:9] == [daten["kommune"], *(_zahl(daten[s]) for s in ZAHLEN)]
        assert zellen[9:] == [_zeichen(aenderung), daten["einschaetzung"]]
        assert zeile.cells[9].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    zeilen = {_texte(z)[0]: _texte(z) for z in tabelle.rows[2:-1]}
    assert (zeilen["Melle"][9], zeilen["Fürstenau"][9], zeilen["Hagen"][9]) == ("−29", "+3", "")
    gesamt = _texte(tabelle.rows[-1])
    assert gesamt[8:] == ["-407", "−179", ""]
    assert jetzt["gesamt"]["fehlender_wohnraum"] - damals["gesamt"]["fehlender_wohnraum"] == -179
    kennzahlen = dokument.tables[1]
    assert _texte(kennzahlen.rows[0]) == ["Kennzahl", "Personen", "± Vorwoche"]
    schluessel = ["benoetigter_wohnraum", "sofort_verfuegbar", "in_aussicht"]
    schluessel += ["gesamtverfuegbarkeit", "fehlender_wohnraum"]
    erwartet = [_zeichen(jetzt["kennzahlen"][k] - damals["kennzahlen"][k]) for k in schluessel]
    assert [_texte(z)[2] for z in kennzahlen.rows[1:]] == erwartet
    assert erwartet == ["−62", "+13", "+104", "+117", "−179"]
    assert _abschnitt(dokument, "Kennzahlen") == [
        "Veränderung seit dem 09.03.2016: benötigter Wohnraum −62, sofort verfügbar +13, in "
        "Aussicht +104, Gesamtverfügbarkeit +117, fehlender Wohnraum −179.",
        "Nicht dieselben Kommunen: am 09.03.2016 ohne Hagen – die Veränderung der Summen liegt "
        "zum Teil daran, wer gemeldet hat.",
    ]
    assert _abschnitt(dokument, "Pressetext") == [_pressetext(EINGANG, "--archiv", archiv)]


def test_texte_der_eingaben_bleiben_text(tmp_path: Path) -> None:
    """Names from wrm.toml and a Meldung with markup, quotes, an ampersand and control
    characters (which XML forbids): plain text in the document, without the controls."""
    (tmp_path / "wrm.toml").write_text(
        "[bezirk]\n"
        'name = "Landkreis <b>Probe</b> & \\"Co\\"\\u0007"\n'
        "stichtag = 2016-03-16\n\n"
        "[[kommunen]]\n"
        'name = "Alt<dorf> & \\"X\\"\\u0001"\n\n'
        "[[kommunen]]\n"
        "name = \"Bergen </w:t></w:r> & 'Y'\\u001f\"\n",
        encoding="utf-8",
    )
    (tmp_path / "Meldung_Altdorf.csv").write_text(
        f'{CSV_KOPF}\nAlt<dorf> & "X"\x01;10.03.2016;46;;;;35;;;0;18;;10;ausreichend\n',
        encoding="utf-8",
    )
    text = wrm("auswerten", tmp_path, "-f", "text").stdout
    assert 'Landkreis <b>Probe</b> & "Co"\x07 – Auswertung' in text  # the input holds them
    dokument = _word(tmp_path, tmp_path / "antwort.docx")
    assert dokument.paragraphs[0].text == (
        'Wohnraummanagement Landkreis <b>Probe</b> & "Co" – Auswertung, Stichtag 16.03.2016'
    )
    zellen = [_texte(z) for z in dokument.tables[0].rows[2:]]
    assert zellen[0][0] == 'Alt<dorf> & "X"'
    assert zellen[1][0] == "Gesamt (1 von 2 Kommunen)"
    assert _abschnitt(dokument, "Meldungen der Kommunen") == [
        "Ohne gültige Meldung: Bergen </w:t></w:r> & 'Y'."
    ]
    pressetext = _abschnitt(dokument, "Pressetext")[0]
    assert (
        "Kommunen des Landkreises <b>Probe</b> & \"Co\"; es fehlt Bergen </w:t></w:r> & 'Y'."
        in (pressetext)
    )
    alle = "".join(a.text for a in dokument.paragraphs) + str(zellen)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", alle)


def test_word_nur_mit_ausgabe(tmp_path: Path) -> None:
    lauf = wrm("auswerten", EINGANG, "--format", "word", cwd=tmp_path)
    assert lauf.returncode == 2
    assert lauf.stderr == (
        "Fehler: Der Word-Bericht braucht eine Datei: bitte --ausgabe bericht.docx angeben.\n"
    )
    assert lauf.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_format_word_mit_ausgabe(tmp_path: Path) -> None:
    """--format word and the ending .docx give the same document; .docx is no text file."""
    dokument = _word(EINGANG, tmp_path / "presse.docx", "--format", "word")
    assert dokument.paragraphs[0].text == TITEL_2016
    lauf = wrm("auswerten", EINGANG, "-f", "text", "-o", tmp_path / "bericht.docx")
    assert lauf.returncode == 2
    assert lauf.stderr == (
        "Fehler: --format text ergibt keine Word-Datei – bitte eine andere Endung als .docx "
        "wählen oder --format word.\n"
    )


# Printed with LibreOffice: once for the whole module (CI has ten minutes in all).


@pytest.fixture(scope="module")
def gedruckt(antwort_2016: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The 2016 document as PDF, and its text laid out as on paper."""
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice (soffice) oder pdftotext nicht installiert")
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) nicht installiert")
    from test_excel_druck import pdf_seiten  # converts in a fresh profile

    ordner = tmp_path_factory.mktemp("druck")
    pdf_seiten(antwort_2016, ordner)
    pdf = ordner / "antwort.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return pdf, text


def test_gedruckt_a4_quer_mit_allen_zahlen(
    gedruckt: tuple[Path, str], json_2016: dict[str, Any]
) -> None:
    pdf, text = gedruckt
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "99", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    anzahl = re.search(r"^Pages:\s+(\d+)$", info, re.MULTILINE)
    assert anzahl is not None, info
    seiten = int(anzahl.group(1))
    groessen = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.MULTILINE)
    assert seiten in (1, 2), info
    assert len(groessen) == seiten
    assert all((round(float(b)), round(float(h))) == (842, 595) for b, h in groessen), groessen
    # Each Kommune's row on one line, its figures in order before the Einschätzung.
    blaetter = [seite.splitlines() for seite in text.split("\f") if seite.strip()]
    assert len(blaetter) == seiten
    mit_tabelle = set()
    for daten in json_2016["zeilen"]:
        werte = [_zahl(daten[s]) for s in ZAHLEN if daten[s] is not None]
        nr, zeile = next(
            (nr, z)
            for nr, blatt in enumerate(blaetter)
            for z in blatt
            if z.strip().split("  ")[0] == daten["kommune"]
        )
        assert zeile.split()[-len(werte) - 1 :] == [*werte, daten["einschaetzung"]], zeile
        mit_tabelle.add(nr)
    gesamt = next(z for blatt in blaetter for z in blatt if z.strip().startswith("Gesamt "))
    assert gesamt.split()[1:] == [_zahl(json_2016["gesamt"][s]) for s in ZAHLEN]
    # The header rows repeat on every page the table runs onto.
    for nr in mit_tabelle:
        assert sum("verfügbarer Wohnraum" in z for z in blaetter[nr]) == 1, blaetter[nr]
    assert TITEL_2016.split(" – ")[0] in blaetter[0][0] + blaetter[0][1]
