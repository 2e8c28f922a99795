"""The corpus of awkward and hostile inputs (tests/korpus/): each file gets its answer.

The files are made by tests/korpus/erzeugen.py (openpyxl, zipfile) and
tests/korpus/libreoffice.py (a real LibreOffice); they are committed, so no test needs
LibreOffice. Every test checks that no input file changed – bytes and modification time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from conftest import wrm

KORPUS = Path(__file__).resolve().parent / "korpus" / "dateien"
EINGANG = KORPUS / "eingang"
STICHTAG = "16.03.2016"


def _stempel() -> dict[Path, tuple[bytes, int]]:
    return {
        pfad: (pfad.read_bytes(), pfad.stat().st_mtime_ns)
        for pfad in sorted(KORPUS.rglob("*"))
        if pfad.is_file()
    }


@pytest.fixture(autouse=True)
def eingaben_unveraendert() -> Iterator[None]:
    """wrm never writes to, touches or deletes an input."""
    vorher = _stempel()
    yield
    assert _stempel() == vorher


def wrm_im_prozess(*argumente: str) -> tuple[int, str]:
    ergebnis = wrm(*argumente)
    return ergebnis.returncode, ergebnis.stdout


class Fall(NamedTuple):
    datei: str
    exit_code: int  # of `wrm pruefen` for this file alone
    ausgabe: list[str]  # every line but the final count


FAELLE = [
    Fall(
        "Meldung_Fürstenau.xlsx",
        0,
        [
            "✓ Meldung_Fürstenau.xlsx: Fürstenau, Stand 16.03.2016: 17 Zuweisungen, zu erfüllen 18, verfügbar 0, in Aussicht 18, fehlender Wohnraum 0, Einschätzung ausreichend",
        ],
    ),
    Fall(
        "Meldung_Melle_vertauscht.xlsx",
        0,
        [
            "✓ Meldung_Melle_vertauscht.xlsx: Glandorf, Stand 16.03.2016: 17 Zuweisungen, zu erfüllen 18, verfügbar 0, in Aussicht 18, fehlender Wohnraum 0, Einschätzung ausreichend",
            "  Hinweis: Zelle C5 Kommune: Der Dateiname nennt Melle, gemeldet wird aber „Glandorf“ – bitte prüfen, ob die Datei zur richtigen Kommune gehört.",
        ],
    ),
    Fall(
        "abgeschnitten.xlsx",
        3,
        [
            "✗ abgeschnitten.xlsx: nicht lesbar",
            "  Fehler: Die Datei ist beschädigt und lässt sich nicht lesen – bitte erneut speichern und senden.",
        ],
    ),
    Fall(
        "anschreiben_als_xlsx.xlsx",
        3,
        [
            "✗ anschreiben_als_xlsx.xlsx: nicht lesbar",
            "  Fehler: Die Datei ist ein PDF – wrm liest nur Tabellen; bitte die ausgefüllte Excel-Vorlage senden.",
        ],
    ),
    Fall(
        "binaer.xlsx",
        3,
        [
            "✗ binaer.xlsx: nicht lesbar",
            "  Fehler: Die Datei ist eine Excel-Binärarbeitsmappe (.xlsb) – bitte als „Excel-Arbeitsmappe (.xlsx)“ speichern und erneut senden.",
        ],
    ),
    Fall(
        "brief.docx",
        3,
        [
            "✗ brief.docx: nicht lesbar",
            "  Fehler: Die Datei ist ein Textdokument (Word/Writer) – bitte die ausgefüllte Excel-Vorlage senden.",
        ],
    ),
    Fall(
        "bruch_negativ_text.xlsx",
        1,
        [
            "✗ bruch_negativ_text.xlsx: 3 Fehler – bitte korrigieren und erneut prüfen",
            "  Fehler: Zelle C12 (1) vom Land ausgesprochene Zuweisungen: „ca. 17“ ist keine ganze Zahl – bitte nur Ziffern eintragen.",
            "  Fehler: Zelle C13 (2) davon Ankünfte vor Ort: „17,5“ ist keine ganze Zahl – Personen bitte ohne Nachkommastellen zählen.",
            "  Fehler: Zelle C19 (8) verfügbar in Gemeinschaftsunterkünften: „-3“ ist negativ – erwartet wird eine Anzahl ab 0.",
        ],
    ),
    Fall(
        "datum_1904.xlsx",
        0,
        [
            "✓ datum_1904.xlsx: Glandorf, Stand 16.03.2016: 17 Zuweisungen, zu erfüllen 18, verfügbar 0, in Aussicht 18, fehlender Wohnraum 0, Einschätzung ausreichend",
        ],
    ),
    Fall(
        "datum_als_text.xlsx",
        0,
        [
            "✓ datum_als_text.xlsx: Glandorf, Stand 16.03.2016: 17 Zuweisungen, zu erfüllen 18, verfügbar 0, in Aussicht 18, fehlender Wohnraum 0, Einschätzung ausreichend",
        ],
    ),
    Fall(
        "datum_als_zahl.xlsx",
        0,
        [
            "✓ datum_als_zahl.xlsx: Glandorf, Stand 16.03.2016: 17 Zuweisungen, zu erfüllen 18, verfügbar 0, in Aussicht 18, fehlender Wohnraum 0, Einschätzung ausreichend",
        ],
    ),
    Fall(
        "datum_unmoeglich.xlsx",
        1,
        [
            "✗ datum_unmoeglich.xlsx: 1 Fehler – bitte korrigieren und erneut prüfen",
            "  Fehler: Zelle C6 Stand: „31.02.2016“ ist kein Datum – erwartet wird z. B. 16.03.2016.",
        ],
    ),
    Fall(
        "entitaeten.xlsx",
        3,
        [
            "✗ entitaeten.xlsx: nicht lesbar",
            "  Fehler: Die Datei ist beschädigt und lässt sich nicht lesen – bitte erneut speichern und senden.",
        ],
    ),
    Fall(
        "fehlerwert.xlsx",
        1,
        [
            "✗ fehlerwert.xlsx: 1 Fehler – bitte korrigieren und erneut prüfen",
            "  Fehler: Zelle C19 (8) verfügbar in Gemeinschaftsunterkünften: Die Zelle enthält den Fehlerwert #VALUE! – bitte die Zahl eintragen.",
        ],
    ),
    Fall(
        "fehlerzellen_lo.ods",
        1,
        [
            "✗ fehlerzellen_lo.ods: 2 Fehler – bitte korrigieren und erneut prüfen",
            "  Fehler: Zelle C13 (2) davon Ankünfte vor Ort: Die Formel ergibt den Fehlerwert #VALUE! – bitte die Formel korrigieren oder die Zahl direkt eintragen.",
            "  Fehler: Zelle C19 (8) verfügbar in Gemeinschaftsunterkünften: Die Formel ergibt den Fehlerwert #DIV/0! – bitte die Formel korrigieren oder die Zahl direkt eintragen.",
        ],
    ),
    Fall(
        "fehlerzellen_lo.xls",
        1,
        [
            "✗ fehlerzellen_lo.xls: 2 Fehler – bitte korrigieren und erneut prüfen",
            "  Fehler: Zelle C13 (2) davon Ankünfte vor Ort: Die Zelle enthält den Fehlerwert #VALUE! – bitte die Zahl eintragen.",
            "  Fehler: Zelle C19 (8) verfügbar in Gemeinschaftsunterkünften: Die Zelle enthält den Fehlerwert #DIV/0! – bitte die Zahl eintragen.",
        ],
    ),
    Fall(
        "fehlerzellen_lo.xlsx",
        1,
        [
            "✗ fehlerzellen_lo.xlsx: 2 Fehler – bitte korrigieren und erneut prüfen",
            "  Fehler: Zelle C13 (2) davon Ankünfte vor Ort: Die Formel ergibt den Fehlerwert #VALUE! – bitte die Formel korrigieren oder die Zahl direkt eintragen.",
            "  Fehler: Zelle C19 (8) verfügbar in Gemeinschaftsunterkünften: Die Formel ergibt den Fehlerwert #DIV/0! – bitte die Formel korrigieren oder die Zahl direkt eintragen.",
        ],
    ),
    Fall(
        "fern.xlsx",
        3,
        [
            "✗ fern.xlsx: nicht lesbar",
            "  Fehler: Im Blatt „Erläuterungen“ steht noch etwas in Zelle XFD1048576, weit außerhalb jeder Meldung (17.179.869.184 Zellen, Grenze 1.000.000). Bitte die Datei öffnen, mit Strg+Ende zur letzten Zelle springen, die Inhalte außerhalb der Meldung löschen, speichern und erneut senden.",
        ],
    ),
    Fall(
        "fern_lo.ods",
        3,
        [
            "✗ fern_lo.ods: nicht lesbar",
            "  Fehler: Im Blatt „Erläuterungen“ steht noch etwas in Zelle AMJ1048576, weit außerhalb jeder Meldung (1.073.741.824 Zellen, Grenze 1.000.000). Bitte die Datei öffnen, mit Strg+Ende zur letzten Zelle springen, die Inhalte außerhalb der Meldung löschen, speichern und erneut senden.",
        ],
    ),
    Fall(
        "fern_lo.xls",
        3,
        [
            "✗ fern_lo.xls: nicht lesbar",
            "  Fehler: Im Blatt „Erläuterungen“ steht noch etwas in Zelle IV65536, weit außerhalb jeder Meldung (16.777.216 Zellen, Grenze 1.000.000). Bitte die Datei öffnen, mit Strg+Ende zur letzten Zelle springen, die Inhalte außerhalb der Meldung löschen, speichern und erneut senden.",
        ],
    ),
    Fall(
        "formel_ohne_ergebnis.xlsx",
        1,
        [
            "✗ formel_ohne_ergebnis.xlsx: 1 Fehler – bitte korrigieren und erneut prüfen",
            "  Fehler: Zelle C19 (8) verfügbar in Gemeinschaftsunterkünften: Die Zelle enthält eine Formel ohne berechnetes Ergebnis – Datei bitte in Excel/LibreOffice öffnen und speichern.",
        ],
    ),
    Fall(
        "gepackt.xlsx",
        3,
        [
            "✗ gepackt.xlsx: nicht lesbar",
            "  Fehler: Die Datei ist ein ZIP-Archiv, aber keine Tabelle – bitte die Meldung selbst (.xlsx) senden, nicht gepackt.",
        ],
    ),
    Fall(
        "kennwort.xlsx",
        3,
        [
            "✗ kennwort.xlsx: nicht lesbar",
            "  Fehler: Die Datei ist mit einem Kennwort geschützt – bitte ohne Kennwort erneut senden.",
        ],
    ),
    Fall(
        "kennwort_lo.ods",
        3,
        [
            "✗ kennwort_lo.ods: nicht lesbar",
            "  Fehler: Die Datei ist mit einem Kennwort geschützt – bitte ohne Kennwort erneut senden.",
        ],
    ),
    Fall(
        "kennwort_lo.xls",
        3,
        [
            "✗ kennwort_lo.xls: nicht lesbar",
            "  Fehler: Die Datei ist mit einem Kennwort geschützt – bitte ohne Kennwort erneut senden.",
        ],
    ),
    Fall(
        "kopie_ausgefuellt.xlsx",
        1,
        [
            "✗ kopie_ausgefuellt.xlsx: 1 Fehler – bitte korrigieren und erneut prüfen",
            "  Fehler: Die Vorlage verweist auf das Blatt „Meldung“, aber auch „Meldung (2)“ sieht wie das Meldeformular aus – unklar, welches gilt. Bitte nur ein ausgefülltes Blatt senden.",
        ],
    ),
    Fall(
        "leer.xlsx",
        3,
        [
            "✗ leer.xlsx: nicht lesbar",
            "  Fehler: Die Datei ist leer (0 Byte) – beim Speichern oder Senden ist etwas schiefgegangen; bitte erneut senden.",
        ],
    ),
    Fall(
        "muell.xlsx",
        3,
        [
            "✗ muell.xlsx: nicht lesbar",
            "  Fehler: Die Datei ist beschädigt und lässt sich nicht lesen – bitte erneut speichern und senden.",
        ],
    ),
    Fall(
        "ods_als_xlsx.xlsx",
        0,
        [
            "✓ ods_als_xlsx.xlsx: Glandorf, Stand 16.03.2016: 17 Zuweisungen, zu erfüllen 18, verfügbar 0, in Aussicht 18, fehlender Wohnraum 0, Einschätzung ausreichend",
            "  Hinweis: Die Datei ist eine LibreOffice-Tabelle (.ods), hat aber „.xlsx“ als Endung – sie wurde trotzdem gelesen; bitte künftig mit der richtigen Endung speichern.",
        ],
    ),
    Fall(
        "strict.xlsx",
        3,
        [
            "✗ strict.xlsx: nicht lesbar",
            "  Fehler: Die Datei ist im Format „Strict Open XML“ gespeichert, das wrm nicht liest – bitte als „Excel-Arbeitsmappe (.xlsx)“ speichern und erneut senden.",
        ],
    ),
    Fall(
        "tabelle_als_xls.xls",
        0,
        [
            "✓ tabelle_als_xls.xls: Glandorf, Stand 16.03.2016: 17 Zuweisungen, zu erfüllen 18, verfügbar 0, in Aussicht 18, fehlender Wohnraum 0, Einschätzung ausreichend",
            "  Hinweis: Die Datei ist eine Textdatei mit Trennzeichen (.csv), hat aber „.xls“ als Endung – sie wurde trotzdem gelesen; bitte künftig mit der richtigen Endung speichern.",
        ],
    ),
    Fall(
        "tabelle_fehlerzelle.xlsx",
        1,
        [
            "✗ tabelle_fehlerzelle.xlsx: 1 Fehler – bitte korrigieren und erneut prüfen",
            "  Fehler: Zelle C2 (1) vom Land ausgesprochene Zuweisungen: Die Zelle enthält den Fehlerwert #DIV/0! – bitte die Zahl eintragen.",
        ],
    ),
    Fall(
        "tausender.xlsx",
        0,
        [
            "✓ tausender.xlsx: Glandorf, Stand 16.03.2016: 1.017 Zuweisungen, zu erfüllen 18, verfügbar 0, in Aussicht 18, fehlender Wohnraum 0, Einschätzung ausreichend",
            "  Hinweis: Zelle C17 (6) in Gemeinschaftsunterkünften: Glandorf: 17 Personen untergebracht (6) + (7), aber 1017 Ankünfte (2) – bitte prüfen.",
        ],
    ),
    Fall(
        "unicode_text.csv",
        0,
        [
            "✓ unicode_text.csv: Glandorf, Stand 16.03.2016: 17 Zuweisungen, zu erfüllen 18, verfügbar 0, in Aussicht 18, fehlender Wohnraum 0, Einschätzung ausreichend",
        ],
    ),
    Fall(
        "verbunden.xlsx",
        1,
        [
            "✗ verbunden.xlsx: 1 Fehler – bitte korrigieren und erneut prüfen",
            "  Fehler: Zelle C12 (1) vom Land ausgesprochene Zuweisungen: Die Zelle gehört zu den verbundenen Zellen C12:D12 („17“) – bitte den Zellverbund aufheben und den Wert in die eigene Zelle des Feldes eintragen.",
        ],
    ),
    Fall(
        "verbunden_lo.ods",
        1,
        [
            "✗ verbunden_lo.ods: 1 Fehler – bitte korrigieren und erneut prüfen",
            "  Fehler: Zelle C12 (1) vom Land ausgesprochene Zuweisungen: Die Zelle gehört zu den verbundenen Zellen C12:D12 („17“) – bitte den Zellverbund aufheben und den Wert in die eigene Zelle des Feldes eintragen.",
        ],
    ),
    Fall(
        "verbunden_lo.xls",
        1,
        [
            "✗ verbunden_lo.xls: 1 Fehler – bitte korrigieren und erneut prüfen",
            "  Fehler: Zelle C12 (1) vom Land ausgesprochene Zuweisungen: Die Zelle gehört zu den verbundenen Zellen C12:D12 („17“) – bitte den Zellverbund aufheben und den Wert in die eigene Zelle des Feldes eintragen.",
        ],
    ),
    Fall(
        "verbunden_lo.xlsx",
        1,
        [
            "✗ verbunden_lo.xlsx: 1 Fehler – bitte korrigieren und erneut prüfen",
            "  Fehler: Zelle C12 (1) vom Land ausgesprochene Zuweisungen: Die Zelle gehört zu den verbundenen Zellen C12:D12 („17“) – bitte den Zellverbund aufheben und den Wert in die eigene Zelle des Feldes eintragen.",
        ],
    ),
    Fall(
        "versteckt.xlsx",
        0,
        [
            "✓ versteckt.xlsx: Glandorf, Stand 16.03.2016: 17 Zuweisungen, zu erfüllen 18, verfügbar 0, in Aussicht 18, fehlender Wohnraum 0, Einschätzung ausreichend",
            "  Hinweis: Die Werte stehen im ausgeblendeten Blatt „Meldung“ – bitte prüfen, ob das die gemeinten Zahlen sind.",
        ],
    ),
    Fall(
        "vorlage_als_xls.xls",
        0,
        [
            "✓ vorlage_als_xls.xls: Glandorf, Stand 16.03.2016: 17 Zuweisungen, zu erfüllen 18, verfügbar 0, in Aussicht 18, fehlender Wohnraum 0, Einschätzung ausreichend",
            "  Hinweis: Die Datei ist eine Excel-Arbeitsmappe (.xlsx), hat aber „.xls“ als Endung – sie wurde trotzdem gelesen; bitte künftig mit der richtigen Endung speichern.",
        ],
    ),
    Fall(
        "vorlage_ohne_endung",
        0,
        [
            "✓ vorlage_ohne_endung: Glandorf, Stand 16.03.2016: 17 Zuweisungen, zu erfüllen 18, verfügbar 0, in Aussicht 18, fehlender Wohnraum 0, Einschätzung ausreichend",
            "  Hinweis: Die Datei ist eine Excel-Arbeitsmappe (.xlsx), hat aber keine Endung – sie wurde trotzdem gelesen; bitte künftig mit der richtigen Endung speichern.",
        ],
    ),
    Fall(
        "webseite.xls",
        3,
        [
            "✗ webseite.xls: nicht lesbar",
            "  Fehler: Die Datei ist eine Webseite (HTML), die nur wie eine Excel-Datei heißt – bitte in Excel oder LibreOffice öffnen, als .xlsx speichern und erneut senden.",
        ],
    ),
    Fall(
        "zahl_mehrdeutig.xlsx",
        1,
        [
            "✗ zahl_mehrdeutig.xlsx: 1 Fehler – bitte korrigieren und erneut prüfen",
            "  Fehler: Zelle C12 (1) vom Land ausgesprochene Zuweisungen: „17.000“ ist mehrdeutig (17 oder 17000?) – bitte die Zahl ohne Punkt und Komma eintragen.",
        ],
    ),
    Fall(
        "zahlen_schreibweisen.xlsx",
        0,
        [
            "✓ zahlen_schreibweisen.xlsx: Glandorf, Stand 16.03.2016: 17 Zuweisungen, zu erfüllen 18, verfügbar 0, in Aussicht 18, fehlender Wohnraum 0, Einschätzung ausreichend",
        ],
    ),
    Fall(
        "zipbombe.xlsx",
        3,
        [
            "✗ zipbombe.xlsx: nicht lesbar",
            "  Fehler: Der Inhalt „xl/media/bild1.bin“ ist 1028-fach gepackt (Grenze 100) – so packt kein Tabellenprogramm; die Datei wird aus Sicherheitsgründen nicht gelesen. Bitte in Excel oder LibreOffice öffnen, als .xlsx speichern und erneut senden.",
        ],
    ),
]


def test_korpus_hat_mindestens_30_dateien_und_jede_ist_erwartet() -> None:
    dateien = sorted(p.name for p in KORPUS.iterdir() if p.is_file())
    assert len(dateien) >= 30
    assert sorted(fall.datei for fall in FAELLE) == dateien


@pytest.mark.parametrize("fall", FAELLE, ids=[fall.datei for fall in FAELLE])
def test_jede_datei_bekommt_ihre_antwort(fall: Fall) -> None:
    code, ausgabe = wrm_im_prozess("pruefen", "--stichtag", STICHTAG, str(KORPUS / fall.datei))
    zeilen = ausgabe.splitlines()
    assert zeilen[:-1] == fall.ausgabe
    assert zeilen[-1].startswith("1 Datei geprüft")
    assert code == fall.exit_code


# --- A folder as e-mail attachments fill it ---------------------------------------------


def _auswerten_json(*argumente: str) -> tuple[int, dict[str, object], str]:
    """The real command; as ``wrm pruefen`` for each file above, in this process."""
    ergebnis = wrm("auswerten", "--stichtag", STICHTAG, "--format", "json", *argumente)
    return ergebnis.returncode, json.loads(ergebnis.stdout or "{}"), ergebnis.stderr


def test_eingangsordner_jede_datei_wird_verantwortet() -> None:
    code, bericht, fehlerausgabe = _auswerten_json(str(EINGANG))
    assert (code, fehlerausgabe) == (1, "")
    # The far-away cell in one file does not take down the run for the others.
    assert [zeile["kommune"] for zeile in bericht["zeilen"]] == ["Glandorf"]  # type: ignore[index]
    dateien = {d["datei"]: (d["status"], d["kommunen"], d["grund"]) for d in bericht["dateien"]}  # type: ignore[attr-defined]
    assert dateien == {
        "Meldung_Glandorf.xlsx": ("verwendet", ["Glandorf"], None),
        "Meldung_Belm_v1.xlsx": (
            "widersprüchlich",
            ["Belm"],
            "Meldung_Belm_v1.xlsx und Meldung_Belm_v2.xlsx widersprechen sich – keine wird ausgewertet",
        ),
        "Meldung_Belm_v2.xlsx": (
            "widersprüchlich",
            ["Belm"],
            "Meldung_Belm_v1.xlsx und Meldung_Belm_v2.xlsx widersprechen sich – keine wird ausgewertet",
        ),
        "Bericht.xlsx": (
            "ohne Meldung",
            [],
            "Die Datei ist ein Bericht von wrm, keine Meldung – wird übergangen.",
        ),
        "Meldung_Melle_fern.xlsx": (
            "unlesbar",
            [],
            "Im Blatt „Meldung“ steht noch etwas in Zelle XFD1048576, weit außerhalb jeder Meldung (17.179.869.184 Zellen, Grenze 1.000.000). Bitte die Datei öffnen, mit Strg+Ende zur letzten Zelle springen, die Inhalte außerhalb der Meldung löschen, speichern und erneut senden.",
        ),
        "~$Meldung_Glandorf.xlsx": (
            "übergangen",
            [],
            "Datei ist gerade in Excel oder LibreOffice geöffnet (Sperrdatei) – wird übergangen.",
        ),
        ".~lock.Meldung_Glandorf.xlsx#": (
            "übergangen",
            [],
            "Datei ist gerade in Excel oder LibreOffice geöffnet (Sperrdatei) – wird übergangen.",
        ),
        "Anschreiben.pdf": (
            "übergangen",
            [],
            "keine Tabelle (.xlsx, .xls, .ods oder .csv) – wird übergangen.",
        ),
        "alt": ("übergangen", [], "Unterordner – wird nur mit --rekursiv mit durchsucht."),
    }
    # .DS_Store, ._Meldung…, Thumbs.db and desktop.ini are passed over without a word.
    fehler = [b["text"] for b in bericht["befunde"] if b["stufe"] == "fehler"]  # type: ignore[attr-defined]
    assert fehler == [
        "Meldung_Melle_fern.xlsx: " + dateien["Meldung_Melle_fern.xlsx"][2],
        "Widersprüchliche Meldungen von Belm mit gleichem Stand 16.03.2016 in "
        "Meldung_Belm_v1.xlsx und Meldung_Belm_v2.xlsx – keine davon wird ausgewertet; bitte "
        "die richtige Fassung behalten und die andere entfernen.",
    ]


def test_eingangsordner_rekursiv_liest_unterordner() -> None:
    code, bericht, _ = _auswerten_json("--rekursiv", str(EINGANG))
    assert code == 1
    dateien = {d["datei"]: (d["status"], d["grund"]) for d in bericht["dateien"]}  # type: ignore[attr-defined]
    assert "alt" not in dateien
    assert dateien["Meldung_Glandorf_Februar.xlsx"] == (
        "ersetzt",
        "durch Meldung_Glandorf.xlsx (Stand 16.03.2016)",
    )


def test_terminal_nennt_die_bilanz_der_dateien() -> None:
    ergebnis = wrm("auswerten", "--stichtag", STICHTAG, str(EINGANG))
    assert ergebnis.returncode == 1
    assert (
        "9 Dateien: 1 verwendet, 2 widersprüchlich, 1 ohne Meldung, 4 übergangen, 1 unlesbar."
        in (ergebnis.stdout)
    )


# --- Limits from wrm.toml -----------------------------------------------------------------


def test_grenzen_sind_einstellbar(tmp_path: Path) -> None:
    konfig = tmp_path / "wrm.toml"
    konfig.write_text("[grenzen]\nzellen = 50\n", encoding="utf-8")
    code, ausgabe = wrm_im_prozess(
        "pruefen",
        "--konfig",
        str(konfig),
        "--stichtag",
        STICHTAG,
        str(KORPUS / "datum_als_text.xlsx"),
    )
    assert code == 3
    assert ausgabe.splitlines()[1] == (
        "  Fehler: Im Blatt „Meldung“ steht noch etwas in Zelle D25, weit außerhalb jeder Meldung "
        "(100 Zellen, Grenze 50). Bitte die Datei öffnen, mit Strg+Ende zur letzten Zelle "
        "springen, die Inhalte außerhalb der Meldung löschen, speichern und erneut senden."
    )


def test_unbekannte_grenze_ist_ein_aufruffehler(tmp_path: Path) -> None:
    konfig = tmp_path / "wrm.toml"
    konfig.write_text("[grenzen]\nzeilen = 100\n", encoding="utf-8")
    ergebnis = wrm("pruefen", "--konfig", konfig, KORPUS / "datum_als_text.xlsx")
    assert ergebnis.returncode == 2
    assert ergebnis.stderr == (
        f"Fehler: {konfig}: Unbekannter Eintrag „zeilen“ im Abschnitt [grenzen] – meinten Sie "
        "„zellen“?\n"
    )


# --- The top-level guard --------------------------------------------------------------------


def test_unerwarteter_fehler_ein_satz_code_3_kein_halber_bericht(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def kaputt(*_: object, **__: object) -> None:
        raise RuntimeError("intern")

    monkeypatch.setattr("wrm_cli.berichte.excel_bericht.als_xlsx", kaputt)
    ziel = tmp_path / "bericht.xlsx"
    ergebnis = wrm("auswerten", "--stichtag", STICHTAG, str(EINGANG), "-o", str(ziel))
    assert ergebnis.returncode == 3
    assert ergebnis.stderr == (
        "Fehler: Unerwarteter Fehler (RuntimeError). Bitte mit --debug erneut ausführen und "
        "die Ausgabe an die Task-Force senden.\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_mit_debug_zeigt_der_unerwartete_fehler_die_technischen_details(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def kaputt(*_: object, **__: object) -> None:
        raise RuntimeError("intern")

    monkeypatch.setattr("wrm_cli.berichte.excel_bericht.als_xlsx", kaputt)
    ziel = tmp_path / "bericht.xlsx"
    ergebnis = wrm("auswerten", "--stichtag", STICHTAG, str(EINGANG), "-o", str(ziel), "--debug")
    assert ergebnis.returncode == 3  # the same exit code as without --debug
    assert ergebnis.stderr.startswith("Traceback (most recent call last):\n")
    zeilen = ergebnis.stderr.rstrip("\n").splitlines()
    assert zeilen[-2] == "RuntimeError: intern"
    assert zeilen[-1].startswith("Fehler: Unerwarteter Fehler (RuntimeError).")
    assert list(tmp_path.iterdir()) == []
