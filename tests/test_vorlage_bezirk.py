"""Every district, not just Osnabrück: the template carries its district (issue #13).

A clerk has only wrm and the file – no wrm.toml. ``wrm pruefen`` checks the file against
the district written into the template's hidden version sheet; the task force's
``wrm auswerten`` keeps its wrm.toml as the authority.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tomllib
from pathlib import Path

import openpyxl
import pytest
from conftest import BEISPIELE, PROJEKT, wrm
from hilfen import GLANDORF_2016, datei_lesen, vorlage_ausfuellen
from python_calamine import CalamineWorkbook

from wrm_cli.blaetter import (
    BLATT_ERLAEUTERUNGEN,
    BLATT_MELDUNG,
    BLATT_VERSION,
    STEMPEL_BEZIRK_AB,
    VORLAGE_VERSION,
)
from wrm_cli.fehler import KonfigFehler
from wrm_cli.felder import STAND
from wrm_cli.konfig import (
    Einstellungen,
    einstellungen_aus_daten,
    konfig_laden,
    standard_einstellungen,
)
from wrm_cli.stempel import einstellungen_aus_stempel, stempel_name, stempel_zeilen
from wrm_cli.vorlage import vorlage_erstellen

VECHTA_TOML = """\
[bezirk]
name = "Landkreis Vechta"
veraltet_nach_tagen = 7

[quote]
beginn = 2015-12-04
ende = 2016-07-31

[hinweise]
einschaetzung_toleranz = 5

[[kommunen]]
name = "Damme"
aliase = ["Stadt Damme"]

[[kommunen]]
name = "Lohne (Oldenburg)"
aliase = ["Lohne"]

[[kommunen]]
name = "Neuenkirchen"
"""
STICHTAG = "16.03.2016"
# Every field filled, consistent figures: no Befund at all.
WERTE: dict[str, object] = {
    STAND: dt.date(2016, 3, 16),
    "ansprechpartner": "Petra Muster",
    "telefon": "05491 123-45",
    "email": "muster@damme.de",
    **GLANDORF_2016,
}


@pytest.fixture
def vechta(tmp_path: Path) -> Einstellungen:
    pfad = tmp_path / "task-force" / "wrm.toml"
    pfad.parent.mkdir()
    pfad.write_text(VECHTA_TOML, "utf-8")
    return konfig_laden(pfad)


def _meldung(
    einstellungen: Einstellungen,
    kommune: str,
    ziel: Path,
    werte: dict[str, object] | None = None,
) -> Path:
    """A filled template of ``kommune`` at ``ziel`` (the clerk's folder, no wrm.toml)."""
    mappe = vorlage_erstellen(einstellungen, kommune)
    vorlage_ausfuellen(mappe, werte or WERTE)
    ziel.parent.mkdir(parents=True, exist_ok=True)
    mappe.save(ziel)
    return ziel


def _stempel(pfad: Path) -> list[str]:
    werte = CalamineWorkbook.from_path(str(pfad)).get_sheet_by_name(BLATT_VERSION).to_python()
    return [str(zeile[0]) for zeile in werte[STEMPEL_BEZIRK_AB - 1 :]]


def _stempel_ersetzen(pfad: Path, zeilen: list[object]) -> Path:
    mappe = openpyxl.load_workbook(pfad)
    blatt = mappe[BLATT_VERSION]
    blatt.delete_rows(STEMPEL_BEZIRK_AB, blatt.max_row)
    for nr, zeile in enumerate(zeilen, start=STEMPEL_BEZIRK_AB):
        blatt.cell(nr, 1, zeile)  # type: ignore[arg-type]
    mappe.save(pfad)
    return pfad


def _pruefen(*argumente: str | Path, cwd: Path) -> tuple[int, list[str]]:
    ergebnis = wrm("pruefen", "--stichtag", STICHTAG, *argumente, cwd=cwd)
    assert ergebnis.stderr == ""
    return ergebnis.returncode, ergebnis.stdout.splitlines()


GUT_DAMME = (
    "✓ Meldung_Damme.xlsx: Damme, Stand 16.03.2016: 17 Zuweisungen, zu erfüllen 18, "
    "verfügbar 0, in Aussicht 18, fehlender Wohnraum 0, Einschätzung ausreichend"
)


# --- the stamp ------------------------------------------------------------------------


def test_stempel_enthaelt_bezirk_kommunen_und_einstellungen(
    tmp_path: Path, vechta: Einstellungen
) -> None:
    datei = _meldung(vechta, "Damme", tmp_path / "Meldung_Damme.xlsx")
    zeilen = _stempel(datei)
    assert zeilen == stempel_zeilen(vechta)
    assert zeilen[:6] == [
        "# Landkreis dieser Vorlage, wie in wrm.toml – wrm pruefen liest ihn von hier.",
        "[bezirk]",
        'name = "Landkreis Vechta"',
        'bezeichnung = "Landkreis"',
        "veraltet_nach_tagen = 7",
        "[quote]",
    ]
    gelesen = einstellungen_aus_stempel(tuple(zeilen))
    assert gelesen.bezirk == vechta.bezirk  # name, Kommunen with aliases, quota period
    assert gelesen.bezirk.kommune_finden("lohne") == "Lohne (Oldenburg)"
    assert (gelesen.veraltet_nach_tagen, gelesen.einschaetzung_toleranz) == (7, 5)
    assert stempel_name(tuple(zeilen)) == "Landkreis Vechta"
    # What the reader records, as it stands in the file.
    (meldung,) = datei_lesen(datei).meldungen
    assert meldung.vorlagenbezirk == tuple(zeilen)
    assert VORLAGE_VERSION == "2"


def test_version_1_traegt_keinen_bezirk_und_bleibt_ohne_hinweis() -> None:
    gelesen = datei_lesen(BEISPIELE / "eingang" / "Meldung_Bad_Essen.xlsx")
    assert [m.vorlagenbezirk for m in gelesen.meldungen] == [None]
    assert not any("Vorlage" in b.meldung for b in gelesen.befunde)


def test_namen_mit_sonderzeichen_ueberstehen_den_stempel() -> None:
    toml = '[bezirk]\nname = "Kreis \\"Nord\\" \\\\ Süd"\n[[kommunen]]\nname = "A=B [1]"\n'
    einstellungen = einstellungen_aus_daten(tomllib.loads(toml), "test")
    zeilen = tuple(stempel_zeilen(einstellungen))
    assert einstellungen_aus_stempel(zeilen).bezirk == einstellungen.bezirk


# --- the form: "Landkreis" or [bezirk] bezeichnung, no backticks, ASCII file names --------


def test_formular_sagt_landkreis_und_erlaeuterungen_ohne_backticks(tmp_path: Path) -> None:
    mappe = vorlage_erstellen(standard_einstellungen(), "Bad Essen")
    assert (mappe[BLATT_MELDUNG]["B4"].value, mappe[BLATT_MELDUNG]["C4"].value) == (
        "Landkreis",
        "Landkreis Osnabrück",
    )
    texte = [
        str(zelle)
        for name in (BLATT_MELDUNG, BLATT_ERLAEUTERUNGEN)
        for zeile in mappe[name].iter_rows(values_only=True)
        for zelle in zeile
        if zelle
    ]
    assert not [text for text in texte if "`" in text or "Bezirk" in text]
    assert "Datei mit „wrm pruefen“ prüfen und per E-Mail an die Task-Force senden." in texte
    assert (
        "Landkreis: Landkreis Osnabrück. Die Kommune ist vorausgefüllt und kann nicht "
        "geändert werden." in texte
    )


def test_bezeichnung_aus_wrm_toml(tmp_path: Path) -> None:
    pfad = tmp_path / "wrm.toml"
    pfad.write_text(
        '[bezirk]\nname = "Region Hannover"\nbezeichnung = "Region"\n'
        '[[kommunen]]\nname = "Wunstorf"\n',
        "utf-8",
    )
    ergebnis = wrm("vorlage", "--kommune", "Wunstorf", cwd=tmp_path)
    assert (ergebnis.returncode, ergebnis.stdout) == (
        0,
        "Vorlage geschrieben: Meldung_Wunstorf.xlsx\n",
    )
    mappe = openpyxl.load_workbook(tmp_path / "Meldung_Wunstorf.xlsx")
    assert mappe[BLATT_MELDUNG]["B4"].value == "Region"
    erlaeuterungen = [
        z for zeile in mappe[BLATT_ERLAEUTERUNGEN].iter_rows(values_only=True) for z in zeile
    ]
    assert (
        "Region: Region Hannover. Die Kommune ist vorausgefüllt und kann nicht geändert werden."
        in erlaeuterungen
    )


def test_dateinamen_ascii_und_umlautnamen_werden_erkannt(tmp_path: Path) -> None:
    (tmp_path / "wrm.toml").write_text(VECHTA_TOML, "utf-8")
    ergebnis = wrm("vorlage", "--alle", "--ausgabe", "vorlagen", cwd=tmp_path)
    assert ergebnis.returncode == 0
    namen = sorted(p.name for p in (tmp_path / "vorlagen").iterdir())
    assert namen == [
        "Meldung_Damme.xlsx",
        "Meldung_Lohne_Oldenburg.xlsx",
        "Meldung_Neuenkirchen.xlsx",
    ]
    assert all(name.isascii() for name in namen)
    bezirk = standard_einstellungen().bezirk
    for name in ("Meldung_Bersenbrueck.xlsx", "Meldung_Bersenbrück.xlsx"):
        assert bezirk.kommune_im_dateinamen(name) == "Bersenbrück"
    vechta = konfig_laden(tmp_path / "wrm.toml").bezirk
    assert vechta.kommune_im_dateinamen("Meldung_Lohne_Oldenburg.xlsx") == "Lohne (Oldenburg)"


# --- wrm pruefen: the clerk's check without wrm.toml ------------------------------------


def test_pruefen_ohne_wrm_toml_nutzt_den_bezirk_der_vorlage(
    tmp_path: Path, vechta: Einstellungen
) -> None:
    """Before: „Damme“ steht nicht in der Liste der Kommunen (Landkreis Osnabrück)."""
    sachbearbeitung = tmp_path / "damme"
    datei = _meldung(vechta, "Damme", sachbearbeitung / "Meldung_Damme.xlsx")
    code, zeilen = _pruefen(datei.name, cwd=sachbearbeitung)
    assert (code, zeilen) == (0, [GUT_DAMME, "1 Datei geprüft: in Ordnung."])
    ergebnis = wrm("pruefen", "--stichtag", STICHTAG, "-f", "json", datei.name, cwd=sachbearbeitung)
    assert json.loads(ergebnis.stdout)["bezirk"] == "Landkreis Vechta"


def test_pruefen_nutzt_die_einstellungen_der_vorlage(tmp_path: Path, vechta: Einstellungen) -> None:
    """veraltet_nach_tagen = 7 of the template, not the default 14; and the file-name hint
    compares with the template's Kommunen."""
    ordner = tmp_path / "damme"
    alt = _meldung(
        vechta,
        "Damme",
        ordner / "Meldung_Lohne_Oldenburg.xlsx",
        {**WERTE, STAND: dt.date(2016, 3, 6)},
    )
    code, zeilen = _pruefen(alt.name, cwd=ordner)
    assert code == 0
    assert len([z for z in zeilen if "10 Tage alt" in z]) == 1
    assert (
        "  Hinweis: Zelle C5 Kommune: Der Dateiname nennt Lohne (Oldenburg), gemeldet wird aber "
        "„Damme“ – bitte prüfen, ob die Datei zur richtigen Kommune gehört." in zeilen
    )


def test_pruefen_mit_wrm_toml_eines_anderen_bezirks(tmp_path: Path, vechta: Einstellungen) -> None:
    ordner = tmp_path / "damme"
    datei = _meldung(vechta, "Damme", ordner / "Meldung_Damme.xlsx")
    shutil.copy(BEISPIELE / "wrm.toml", ordner / "wrm.toml")
    code, zeilen = _pruefen(datei.name, cwd=ordner)
    assert (code, zeilen) == (
        0,
        [
            GUT_DAMME,
            f"  Hinweis: Die Vorlage gehört zu „Landkreis Vechta“, die Einstellungsdatei "
            f"{ordner / 'wrm.toml'} zu „Landkreis Osnabrück“ – geprüft wurde mit den Kommunen "
            "und Einstellungen der Vorlage.",
            "1 Datei geprüft: in Ordnung.",
        ],
    )


def test_pruefen_mit_wrm_toml_desselben_bezirks_gilt_die_wrm_toml(
    tmp_path: Path, vechta: Einstellungen
) -> None:
    """The task force's own wrm.toml may list a Kommune added after the templates."""
    ordner = tmp_path / "task-force"
    datei = _meldung(vechta, "Damme", ordner / "Meldung_Damme.xlsx")
    (ordner / "wrm.toml").write_text(
        VECHTA_TOML.replace('"Stadt Damme"', '"Damme (Oldb)"'), "utf-8"
    )
    code, zeilen = _pruefen(datei.name, cwd=ordner)
    assert (code, zeilen) == (0, [GUT_DAMME, "1 Datei geprüft: in Ordnung."])


def test_pruefen_mehrere_bezirke_in_einem_aufruf(tmp_path: Path, vechta: Einstellungen) -> None:
    ordner = tmp_path / "gemischt"
    _meldung(vechta, "Damme", ordner / "Meldung_Damme.xlsx")
    glandorf = {**WERTE, "email": "muster@glandorf.de"}
    _meldung(standard_einstellungen(), "Glandorf", ordner / "Meldung_Glandorf.xlsx", glandorf)
    shutil.copy(BEISPIELE / "eingang" / "Meldung_Bad_Essen.xlsx", ordner)  # version 1
    (ordner / "kaputt.xlsx").write_bytes(b"PK\x03\x04 kaputt")
    code, zeilen = _pruefen(
        "Meldung_Bad_Essen.xlsx",
        "Meldung_Damme.xlsx",
        "kaputt.xlsx",
        "Meldung_Glandorf.xlsx",
        cwd=ordner,
    )
    assert code == 3
    assert [z.split(":")[0] for z in zeilen if not z.startswith(" ")] == [
        "✓ Meldung_Bad_Essen.xlsx",
        "✓ Meldung_Damme.xlsx",
        "✗ kaputt.xlsx",
        "✓ Meldung_Glandorf.xlsx",
        "4 Dateien geprüft",
    ]
    assert GUT_DAMME in zeilen


# --- a damaged or hostile stamp: a German hint, never a crash -----------------------------


@pytest.mark.parametrize(
    ("zeilen", "grund"),
    [
        (
            [
                "[bezirk]",
                'name = "Landkreis Osnabrück"',
                'veraltet_nach_tagen = "viel"',
                "[[kommunen]]",
                'name = "Glandorf"',
            ],
            "Vorlage (Blatt „wrm“): „bezirk.veraltet_nach_tagen“ = „viel“ ist keine ganze Zahl "
            "ab 0, sondern ein Text – erwartet wird eine ganze Zahl ohne Anführungszeichen",
        ),
        (
            ["[bezirk", "=HYPERLINK(1)"],
            "Vorlage (Blatt „wrm“): kein gültiges TOML in Zelle A3 – die Abschnittszeile „[…“ wird "
            "nicht mit „]“ (bzw. „]]“) geschlossen",
        ),
        ([], "Vorlage (Blatt „wrm“): [bezirk] name und [[kommunen]] fehlen"),
        (
            [17, dt.date(2016, 1, 1)],
            "Vorlage (Blatt „wrm“): kein gültiges TOML in Zelle A3 – "
            "nach dem Namen fehlt „=“ (Namen nur aus a–z, 0–9 und _)",
        ),
    ],
)
def test_beschaedigter_stempel_ist_ein_hinweis(
    tmp_path: Path, zeilen: list[object], grund: str
) -> None:
    glandorf = {**WERTE, "email": "muster@glandorf.de"}
    datei = _meldung(
        standard_einstellungen(), "Glandorf", tmp_path / "Meldung_Glandorf.xlsx", glandorf
    )
    _stempel_ersetzen(datei, zeilen)
    code, ausgabe = _pruefen(datei.name, cwd=tmp_path)
    assert code == 0
    assert ausgabe[1:] == [
        f"  Hinweis: Die Angaben zum Landkreis in der Vorlage sind beschädigt ({grund}) – es "
        "gelten die Kommunen von „Landkreis Osnabrück“ (eingebaute Voreinstellung, keine "
        "wrm.toml gefunden). Bitte die Originalvorlage verwenden.",
        "1 Datei geprüft: in Ordnung.",
    ]


def test_stempel_parser_ist_streng() -> None:
    with pytest.raises(KonfigFehler, match="Unbekannter Eintrag „farbe“"):
        einstellungen_aus_stempel(
            ("[bezirk]", 'name = "X"', 'farbe = "rot"', "[[kommunen]]", 'name = "A"')
        )
    assert stempel_name(("[bezirk]", "name = 3")) is None
    assert stempel_name(("[bezirk", 'name = "X"')) is None


# --- wrm auswerten: the task force's wrm.toml decides ------------------------------------


def test_auswerten_zaehlt_keine_vorlage_eines_anderen_bezirks(
    tmp_path: Path, vechta: Einstellungen
) -> None:
    """Neuenkirchen is a Kommune of both districts: without the stamp it would be counted."""
    eingang = tmp_path / "eingang"
    _meldung(vechta, "Neuenkirchen", eingang / "Meldung_Neuenkirchen.xlsx")
    shutil.copy(BEISPIELE / "eingang" / "Meldung_Melle.xlsx", eingang)
    shutil.copy(BEISPIELE / "wrm.toml", eingang)
    ergebnis = wrm("auswerten", "-f", "json", eingang)
    assert ergebnis.returncode == 1
    bericht = json.loads(ergebnis.stdout)
    assert [zeile["kommune"] for zeile in bericht["zeilen"]] == ["Melle"]
    fehler = [b["text"] for b in bericht["befunde"] if b["stufe"] == "fehler"]
    assert fehler == [
        "Meldung_Neuenkirchen.xlsx: Die Vorlage gehört zu „Landkreis Vechta“, ausgewertet wird "
        f"aber „Landkreis Osnabrück“ ({eingang / 'wrm.toml'}) – die Meldung wird nicht "
        "mitgezählt. Bitte prüfen, ob die Datei in diesen Eingang gehört."
    ]
    assert "Neuenkirchen" in bericht["fehlende_kommunen"]


def test_readme_sagt_den_kommunen_dass_sie_keine_wrm_toml_brauchen() -> None:
    readme = (PROJEKT / "README.md").read_text("utf-8")
    abschnitt = readme[readme.index("## Für Kommunen: Vorlage ausfüllen, prüfen, senden") :]
    abschnitt = abschnitt[: abschnitt.index("\n## ", 1)]
    assert "Eine Kommune braucht nur `wrm` und ihre Datei – keine `wrm.toml`" in " ".join(
        abschnitt.split()
    )
    assert "`Meldung_Bersenbrueck.xlsx`, `Meldung_Lohne_Oldenburg.xlsx`" in abschnitt
