"""wrm.toml: found beside the inputs, read by one parser, checked strictly."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import tomllib
from pathlib import Path

import pytest
from conftest import BEISPIELE, PROJEKT, wrm

from wrm_cli.fehler import KonfigFehler
from wrm_cli.konfig import (
    Einstellungen,
    Erinnerungseinstellungen,
    Grenzen,
    Prognoseeinstellungen,
    einstellungen_bestimmen,
    konfig_laden,
    standard_einstellungen,
)


def test_eigener_bezirk_aus_wrm_toml(tmp_path: Path) -> None:
    (tmp_path / "wrm.toml").write_text(
        '[bezirk]\nname = "Landkreis Beispiel"\nveraltet_nach_tagen = 7\n'
        "stichtag = 2024-05-02\n"
        '[quote]\nbeginn = "01.01.2024"\nende = 2024-12-31\n'
        '[[kommunen]]\nname = "Adorf"\naliase = ["Stadt Adorf"]\n'
        '[[kommunen]]\nname = "Bedorf"\n',
        "utf-8",
    )
    (tmp_path / "eingang").mkdir()
    einstellungen = einstellungen_bestimmen([tmp_path / "eingang"], arbeitsordner=tmp_path)
    bezirk = einstellungen.bezirk
    assert bezirk.name == "Landkreis Beispiel"
    assert bezirk.kommunennamen == ("Adorf", "Bedorf")
    assert bezirk.kommune_finden("stadt adorf") == "Adorf"
    assert einstellungen.stichtag == dt.date(2024, 5, 2)
    assert bezirk.label_zu_erfuellen() == "noch zu erfüllende Quote seit 01.01.2024"
    assert bezirk.label_benoetigt() == "benötigter Wohnraum bis 31.12.2024"
    assert einstellungen.veraltet_nach_tagen == 7


def test_wrm_toml_neben_der_eingabe_geht_vor(tmp_path: Path) -> None:
    eingang = tmp_path / "eingang"
    eingang.mkdir()
    (eingang / "wrm.toml").write_text('[bezirk]\nname = "Neben"\n', "utf-8")
    (tmp_path / "wrm.toml").write_text('[bezirk]\nname = "Arbeitsordner"\n', "utf-8")
    assert einstellungen_bestimmen([eingang], arbeitsordner=tmp_path).bezirk.name == "Neben"
    assert (
        einstellungen_bestimmen([tmp_path / "x.csv"], arbeitsordner=tmp_path).bezirk.name
        == "Arbeitsordner"
    )
    assert einstellungen_bestimmen(
        [tmp_path / "x.csv"], arbeitsordner=eingang / "..."
    ).bezirk.name == ("Arbeitsordner")


@pytest.mark.parametrize(
    ("inhalt", "meldung"),
    [
        ("[bezirk\n", "ist kein gültiges TOML"),
        ('[quote]\nende = "bald"\n', "„quote.ende“ = „bald“ ist kein Datum"),
        ("[bezirk]\nveraltet_nach_tagen = -1\n", "ist keine ganze Zahl ab 0"),
        ("[[kommunen]]\naliase = []\n", "hat keinen Namen"),
        (
            '[[kommunen]]\nname = "A"\naliase = ["X"]\n[[kommunen]]\nname = "B"\naliase = ["x"]\n',
            "„x“ ist sowohl „A“ als auch „B“ zugeordnet",
        ),
    ],
)
def test_fehlerhafte_konfiguration(tmp_path: Path, inhalt: str, meldung: str) -> None:
    pfad = tmp_path / "wrm.toml"
    pfad.write_text(inhalt, "utf-8")
    with pytest.raises(KonfigFehler, match=meldung):
        konfig_laden(pfad)


# --- strict settings: every message names the file, the entry and what is meant -------


def _meldung(tmp_path: Path, inhalt: str | bytes) -> tuple[Path, str]:
    """The message konfig_laden gives for a wrm.toml with this content."""
    pfad = tmp_path / "wrm.toml"
    if isinstance(inhalt, str):
        pfad.write_text(inhalt, "utf-8")
    else:
        pfad.write_bytes(inhalt)
    with pytest.raises(KonfigFehler) as fehler:
        konfig_laden(pfad)
    assert str(pfad) in str(fehler.value)
    return pfad, str(fehler.value)


MOEGLICHE_ABSCHNITTE = (
    "[bezirk], [quote], [hinweise], [grenzen], [archiv], [ausgleich], [prognose], [erinnerung], "
    "[[kommunen]], [[anrechnung]]"
)


@pytest.mark.parametrize(
    ("inhalt", "meldung"),
    [
        # a misspelt section
        (
            '[[kommune]]\nname = "Melle"\n',
            "Unbekannter Abschnitt [[kommune]] – meinten Sie [[kommunen]]?",
        ),
        ("[qoute]\nende = 2016-07-31\n", "Unbekannter Abschnitt [qoute] – meinten Sie [quote]?"),
        ('[Bezirk]\nname = "X"\n', "Unbekannter Abschnitt [Bezirk] – meinten Sie [bezirk]?"),
        (
            "[farben]\nrot = 1\n",
            f"Unbekannter Abschnitt [farben] – möglich sind {MOEGLICHE_ABSCHNITTE}.",
        ),
        # a misspelt key
        (
            "[bezirk]\nstichtg = 2016-03-16\n",
            "Unbekannter Eintrag „stichtg“ im Abschnitt [bezirk] – meinten Sie „stichtag“?",
        ),
        (
            "[bezirk]\nveraltet_nach_tage = 7\n",
            "Unbekannter Eintrag „veraltet_nach_tage“ im Abschnitt [bezirk] – meinten Sie "
            "„veraltet_nach_tagen“?",
        ),
        (
            '[[kommunen]]\nname = "Melle"\nalias = ["Stadt Melle"]\n',
            "Unbekannter Eintrag „alias“ unter [[kommunen]] bei „Melle“ – meinten Sie „aliase“?",
        ),
        (
            '[bezirk]\nfarbe = "rot"\n',
            "Unbekannter Eintrag „farbe“ im Abschnitt [bezirk] – möglich sind „name“, "
            "„bezeichnung“, „stichtag“, „veraltet_nach_tagen“.",
        ),
        # a key above the first section
        (
            'stichtag = 2016-03-16\n[bezirk]\nname = "X"\n',
            "Der Eintrag „stichtag“ steht vor dem ersten Abschnitt – er gehört in den Abschnitt "
            "[bezirk].",
        ),
        (
            "stichtg = 2016-03-16\n",
            "Unbekannter Eintrag „stichtg“ vor dem ersten Abschnitt – meinten Sie „stichtag“ im "
            "Abschnitt [bezirk]?",
        ),
        (
            'farbe = "rot"\n',
            "Unbekannter Eintrag „farbe“ vor dem ersten Abschnitt – möglich sind nur die "
            f"Abschnitte {MOEGLICHE_ABSCHNITTE}.",
        ),
        # a key of one section in another
        (
            "[bezirk]\nende = 2016-07-31\n",
            "Der Eintrag „ende“ steht im Abschnitt [bezirk] – er gehört in den Abschnitt [quote].",
        ),
        (
            '[[kommunen]]\nname = "Melle"\nstichtag = 2016-03-16\n',
            "Der Eintrag „stichtag“ steht unter [[kommunen]] bei „Melle“ – er gehört in den "
            "Abschnitt [bezirk].",
        ),
        (
            '[quote]\nname = "X"\n',
            "Der Eintrag „name“ steht im Abschnitt [quote] – er gehört in den Abschnitt [bezirk] "
            "oder [[kommunen]].",
        ),
    ],
)
def test_unbekannter_eintrag_mit_vorschlag(tmp_path: Path, inhalt: str, meldung: str) -> None:
    pfad, text = _meldung(tmp_path, inhalt)
    assert text == f"{pfad}: {meldung}"


NAME_ERWARTET = 'erwartet wird ein Name in Anführungszeichen "…"'
DATUM_ERWARTET = 'erwartet wird z. B. 2016-07-31 oder "31.07.2016"'
ZAHL_ERWARTET = "erwartet wird eine ganze Zahl ohne Anführungszeichen"


@pytest.mark.parametrize(
    ("inhalt", "meldung"),
    [
        (
            '[bezirk]\nveraltet_nach_tagen = "14"\n',
            "„bezirk.veraltet_nach_tagen“ = „14“ ist keine ganze Zahl ab 0, sondern ein Text – "
            "bitte ohne Anführungszeichen schreiben: 14.",
        ),
        (
            '[bezirk]\nveraltet_nach_tagen = "zwei Wochen"\n',
            "„bezirk.veraltet_nach_tagen“ = „zwei Wochen“ ist keine ganze Zahl ab 0, sondern ein "
            f"Text – {ZAHL_ERWARTET}.",
        ),
        (
            "[hinweise]\neinschaetzung_toleranz = true\n",
            "„hinweise.einschaetzung_toleranz“ = true ist keine ganze Zahl ab 0, sondern ein "
            f"Wahrheitswert – {ZAHL_ERWARTET}.",
        ),
        (
            "[bezirk]\nveraltet_nach_tagen = -1\n",
            "„bezirk.veraltet_nach_tagen“ = -1 ist keine ganze Zahl ab 0 – erwartet wird 0 oder "
            "mehr.",
        ),
        (
            "[grenzen]\nzellen = 0\n",
            "„grenzen.zellen“ = 0 ist keine ganze Zahl ab 1 – eine Grenze unter 1 lehnt jede "
            "Datei ab.",
        ),
        (
            "[grenzen]\ndateigroesse_mb = 2.5\n",
            "„grenzen.dateigroesse_mb“ = 2.5 ist keine ganze Zahl ab 1, sondern eine Kommazahl – "
            f"{ZAHL_ERWARTET}.",
        ),
        (
            '[bezirk]\nname = ["Landkreis X"]\n',
            f'„bezirk.name“ = ["Landkreis X"] ist kein Text, sondern eine Liste – {NAME_ERWARTET}.',
        ),
        ('[bezirk]\nname = " "\n', f"„bezirk.name“ = „ “ ist leer – {NAME_ERWARTET}."),
        (  # a line break in a text does not break the message's line
            '[bezirk]\nveraltet_nach_tagen = """\n14\n"""\n',
            "„bezirk.veraltet_nach_tagen“ = „14 “ ist keine ganze Zahl ab 0, sondern ein Text – "
            "bitte ohne Anführungszeichen schreiben: 14.",
        ),
        (
            "[[kommunen]]\nname = 5\n",
            f"„name“ im 1. Eintrag unter [[kommunen]] = 5 ist kein Text, sondern eine Zahl – "
            f"{NAME_ERWARTET}.",
        ),
        (
            '[quote]\nende = "bald"\n',
            f"„quote.ende“ = „bald“ ist kein Datum – {DATUM_ERWARTET}.",
        ),
        (
            "[quote]\nbeginn = 20151204\n",
            f"„quote.beginn“ = 20151204 ist kein Datum, sondern eine Zahl – {DATUM_ERWARTET}.",
        ),
        (
            "[bezirk]\nstichtag = 10:00:00\n",
            "„bezirk.stichtag“ = 10:00:00 ist kein Datum, sondern eine Uhrzeit – "
            f"{DATUM_ERWARTET}.",
        ),
        (
            '[[kommunen]]\nname = "Artland"\naliase = "SG Artland"\n',
            "„aliase“ von „Artland“ = „SG Artland“ ist keine Liste von Namen, sondern ein Text – "
            'erwartet wird z. B. aliase = ["SG Artland", "Samtgemeinde Artland"].',
        ),
        (
            'bezirk = "Landkreis X"\n',
            "„bezirk“ = „Landkreis X“ ist kein Abschnitt, sondern ein Text – erwartet wird eine "
            "Zeile [bezirk] und darunter die Einträge.",
        ),
        (
            '[kommunen]\nname = "Melle"\n',
            "[[kommunen]] nennt die Kommunen: je Kommune eine Zeile [[kommunen]] (mit doppelten "
            'eckigen Klammern) und darunter name = "…".',
        ),
        (
            '[[kommunen]]\naliase = ["SG Artland"]\n',
            "Der 1. Eintrag unter [[kommunen]] hat keinen Namen.",
        ),
        (
            "[quote]\nbeginn = 2016-07-31\nende = 2015-12-04\n",
            "[quote] beginn = 2016-07-31 liegt nach ende = 2015-12-04.",
        ),
    ],
)
def test_falscher_wert(tmp_path: Path, inhalt: str, meldung: str) -> None:
    pfad, text = _meldung(tmp_path, inhalt)
    assert text == f"{pfad}: {meldung}"


@pytest.mark.parametrize(
    ("kommunen", "meldung"),
    [
        (
            [("Bad Essen", []), ("bad essen", [])],
            "Die Kommune „bad essen“ steht zweimal unter [[kommunen]] (im 1. Eintrag als "
            "„Bad Essen“ und im 2.) – bitte nur einmal nennen.",
        ),
        (
            [("Melle", []), ("Belm", []), ("Melle", [])],
            "Die Kommune „Melle“ steht zweimal unter [[kommunen]] (im 1. Eintrag als „Melle“ und "
            "im 3.) – bitte nur einmal nennen.",
        ),
        (
            [("Artland", ["SG Artland", "Samtgemeinde Artland", "SG Artland"])],
            "Der Alias „SG Artland“ von „Artland“ steht zweimal – bitte nur einmal nennen.",
        ),
        (
            [("Artland", ["Artland"])],
            "Der Alias „Artland“ von „Artland“ ist der Name selbst – bitte weglassen.",
        ),
        (
            [("Dissen", []), ("Hilter", ["dissen"])],
            "Der Name „dissen“ ist sowohl „Dissen“ als auch „Hilter“ zugeordnet (bei „Dissen“ als "
            "Name, bei „Hilter“ als Alias „dissen“) – bitte nur bei einer Kommune nennen.",
        ),
        (
            [("Glandorf", ["Bad Laer"]), ("Bad Laer", [])],
            "Der Name „Bad Laer“ ist sowohl „Glandorf“ als auch „Bad Laer“ zugeordnet (bei "
            "„Glandorf“ als Alias „Bad Laer“, bei „Bad Laer“ als Name) – bitte nur bei einer "
            "Kommune nennen.",
        ),
        (
            [("Hagen", ["Hagen a.T.W."]), ("Hilter", ["Hagen a. T. W."])],
            "Der Name „Hagen a. T. W.“ ist sowohl „Hagen“ als auch „Hilter“ zugeordnet (bei "
            "„Hagen“ als Alias „Hagen a.T.W.“, bei „Hilter“ als Alias „Hagen a. T. W.“) – bitte "
            "nur bei einer Kommune nennen.",
        ),
    ],
)
def test_doppelte_kommune_oder_doppelter_alias(
    tmp_path: Path, kommunen: list[tuple[str, list[str]]], meldung: str
) -> None:
    inhalt = "".join(
        f"[[kommunen]]\nname = {json.dumps(name)}\naliase = {json.dumps(aliase)}\n"
        for name, aliase in kommunen
    )
    pfad, text = _meldung(tmp_path, inhalt)
    assert text == f"{pfad}: {meldung}"


def test_verschieden_geschriebene_aliase_einer_kommune_sind_erlaubt(tmp_path: Path) -> None:
    """Like the embedded "GM-Hütte" and "GMHütte": one key, one Kommune, two spellings."""
    pfad = tmp_path / "wrm.toml"
    pfad.write_text(
        '[[kommunen]]\nname = "Bad Essen"\naliase = ["bad essen", "Bad-Essen"]\n', "utf-8"
    )
    assert konfig_laden(pfad).bezirk.kommune_finden("BAD ESSEN") == "Bad Essen"


GERADE = 'gerade Anführungszeichen "…"'
DATUM = 'ungültiges Datum – erwartet wird z. B. 2016-07-31 oder "31.07.2016"'


@pytest.mark.parametrize(
    ("inhalt", "ort_und_grund"),
    [
        (
            "[bezirk]\nname = Landkreis X\n",
            f"in Zeile 2, Spalte 8 (name = Landkreis X): der Wert ist ungültig – Text gehört in "
            f"{GERADE}",
        ),
        (
            "[bezirk]\nname = „Landkreis X“\n",
            "in Zeile 2, Spalte 8 (name = „Landkreis X“): typografische Anführungszeichen „…“ sind "
            f"nicht erlaubt, nur {GERADE}",
        ),
        (
            '[bezirk]\nname "Landkreis X"\n',
            'in Zeile 2, Spalte 6 (name "Landkreis X"): nach dem Namen fehlt „=“ (Namen nur aus '
            "a–z, 0–9 und _)",
        ),
        (
            '[bezirk\nname = "X"\n',
            "in Zeile 1, Spalte 8 ([bezirk): die Abschnittszeile „[…“ wird nicht mit „]“ (bzw. "
            "„]]“) geschlossen",
        ),
        (
            '[bezirk]\nname = "X"\nname = "Y"\n',
            'in Zeile 3, Spalte 11 (name = "Y"): dieser Name steht im selben Abschnitt schon '
            "einmal",
        ),
        (
            "[quote]\nende = 2016-07-31\n[quote]\nbeginn = 2015-12-04\n",
            "in Zeile 3, Spalte 7 ([quote]): dieser Abschnitt steht schon einmal in der Datei",
        ),
        ("[quote]\nende = 2016-02-30\n", f"in Zeile 2, Spalte 8 (ende = 2016-02-30): {DATUM}"),
        ("[quote]\nende = 31.07.2016\n", f"in Zeile 2, Spalte 13 (ende = 31.07.2016): {DATUM}"),
        (
            "[bezirk]\nveraltet_nach_tagen = 14 Tage\n",
            "in Zeile 2, Spalte 26 (veraltet_nach_tagen = 14 Tage): danach steht noch etwas in "
            f"der Zeile (Text gehört in {GERADE})",
        ),
        (
            '[bezirk]\nname = "Landkreis X\n',
            'in Zeile 2, Spalte 20 (name = "Landkreis X): ein Text endet nicht mit "',
        ),
        (
            '[[kommunen]]\nname = "A"\naliase = ["B" "C"]\n',
            'in Zeile 3, Spalte 15 (aliase = ["B" "C"]): eine Liste „[…“ wird nicht mit „]“ '
            "geschlossen oder ihr fehlt ein Komma",
        ),
        (
            '[bezirk]\nname = "C:\\Daten"\n',
            'in Zeile 2, Spalte 13 (name = "C:\\Daten"): ein \\ im Text muss doppelt stehen: '
            '"C:\\\\Daten"',
        ),
        (
            '[bezirk]\nname = "X"\n[quote',
            "am Ende der Datei: die Abschnittszeile „[…“ wird nicht mit „]“ (bzw. „]]“) "
            "geschlossen",
        ),
    ],
)
def test_toml_syntaxfehler_mit_zeile_und_spalte(
    tmp_path: Path, inhalt: str, ort_und_grund: str
) -> None:
    pfad, text = _meldung(tmp_path, inhalt)
    assert text == (
        f"Die Einstellungsdatei {pfad} ist kein gültiges TOML – {ort_und_grund}. "
        "Bitte die Zeile mit dem Beispiel im README vergleichen."
    )


def test_nicht_utf8_gespeichert(tmp_path: Path) -> None:
    inhalt = '[bezirk]\nname = "Landkreis X"\n[[kommunen]]\nname = "Fürstenau"\n'
    pfad, text = _meldung(tmp_path, inhalt.encode("cp1252"))
    assert text == (
        f"Die Einstellungsdatei {pfad} ist nicht in UTF-8 gespeichert (Zeile 4 enthält ein "
        "Zeichen in einer anderen Codierung, etwa Windows-1252) – bitte im Editor „Speichern "
        "unter … Codierung UTF-8“ wählen."
    )


def test_utf8_mit_bom_ist_in_ordnung(tmp_path: Path) -> None:
    pfad = tmp_path / "wrm.toml"
    pfad.write_bytes('[bezirk]\nname = "Landkreis Ä"\n'.encode("utf-8-sig"))
    assert konfig_laden(pfad).bezirk.name == "Landkreis Ä"


def _readme_abschnitt() -> str:
    """The README's section on wrm.toml, up to the next section."""
    readme = (PROJEKT / "README.md").read_text("utf-8")
    abschnitt = readme[readme.index("## Einstellungen: `wrm.toml`") :]
    return abschnitt[: abschnitt.index("\n## ", 1)]


def test_eingebaute_voreinstellung_beispiel_und_readme_sind_gueltig(tmp_path: Path) -> None:
    eingebaut = standard_einstellungen()
    assert eingebaut.bezirk.name == "Landkreis Osnabrück"
    assert len(eingebaut.bezirk.kommunen) == 21
    assert eingebaut.bezirk.kommune_finden("GMHütte") == "Georgsmarienhütte"
    beispiel = konfig_laden(BEISPIELE / "wrm.toml")
    assert beispiel.stichtag == dt.date(2016, 3, 16)
    assert beispiel.bezirk.quote_ende == dt.date(2016, 7, 31)
    assert beispiel.bezirk.kommunen == eingebaut.bezirk.kommunen
    # The example in the README's section on wrm.toml is a valid file, too.
    beispiel_im_readme = _readme_abschnitt().split("```toml\n", 1)[1].split("```")[0]
    (tmp_path / "wrm.toml").write_text(beispiel_im_readme, "utf-8")
    assert konfig_laden(tmp_path / "wrm.toml").grenzen == Grenzen()


def _voreinstellungen() -> dict[str, object]:
    """Every default of a setting in wrm.toml, by key (from the dataclasses; the archive's
    settings are called archiv_… there and stand in [archiv] in the file)."""
    felder = [
        *dataclasses.fields(Einstellungen),
        *dataclasses.fields(Grenzen),
        *dataclasses.fields(Prognoseeinstellungen),
        *dataclasses.fields(Erinnerungseinstellungen),
    ]
    return {f.name.removeprefix("archiv_"): f.default for f in felder if isinstance(f.default, int)}


def test_jede_voreinstellung_steht_nur_in_konfig_py() -> None:
    voreinstellungen = _voreinstellungen()
    assert voreinstellungen["veraltet_nach_tagen"] == 14
    assert voreinstellungen["einschaetzung_toleranz"] == 10
    assert voreinstellungen["warnung_wochen"] == 4  # [prognose]
    text = (PROJEKT / "wrm_cli" / "landkreis_osnabrueck.toml").read_text("utf-8")
    ohne_kommentare = "\n".join(zeile.split("#", 1)[0] for zeile in text.splitlines())
    for wert in voreinstellungen.values():
        zahl = rf"(?<![\d_]){str(wert)[0]}(_?\d)*(?![\d_])"
        treffer = [z for z in re.findall(zahl, ohne_kommentare) if int(z) == wert]
        assert not treffer, f"{wert} steht auch in landkreis_osnabrueck.toml"
    # The embedded file states only the district and its Kommunen.
    daten = tomllib.loads(text)
    assert set(daten) == {"bezirk", "kommunen"}
    assert set(daten["bezirk"]) == {"name"}


def test_readme_nennt_die_voreinstellungen() -> None:
    """The table of keys in the README shows the defaults from konfig/einstellungen.py."""
    abschnitt = _readme_abschnitt()
    for key, wert in _voreinstellungen().items():
        assert f"| `{key}` | `{wert}` |" in abschnitt, key
    bezeichnung = Einstellungen.__dataclass_fields__["bezeichnung"].default
    assert bezeichnung == "Landkreis"
    assert f"| `[bezirk]` | `bezeichnung` | `{bezeichnung}` |" in abschnitt
    assert f'bezeichnung = "{bezeichnung}"' in abschnitt  # the example file


def test_bezeichnung_ist_ein_text(tmp_path: Path) -> None:
    pfad = tmp_path / "wrm.toml"
    pfad.write_text('[bezirk]\nbezeichnung = "Region"\n', "utf-8")
    assert konfig_laden(pfad).bezeichnung == "Region"
    assert standard_einstellungen().bezeichnung == "Landkreis"
    pfad.write_text("[bezirk]\nbezeichnung = 3\n", "utf-8")
    with pytest.raises(
        KonfigFehler, match=r"„bezirk\.bezeichnung“ = 3 ist kein Text, sondern eine Zahl"
    ):
        konfig_laden(pfad)
    pfad.write_text('[bezirk]\nbezeichnug = "Kreis"\n', "utf-8")
    with pytest.raises(KonfigFehler, match="meinten Sie „bezeichnung“"):
        konfig_laden(pfad)


def test_readme_zeigt_die_echte_meldung(tmp_path: Path) -> None:
    beispiel = _readme_abschnitt().split("<!-- readme: wrm-toml-fehler -->", 1)[1]
    toml, text = (re.search(rf"```{art}\n(.*?)```", beispiel, re.S) for art in ("toml", "text"))
    assert toml is not None and text is not None
    (tmp_path / "wrm.toml").write_text(toml.group(1), "utf-8")
    ergebnis = wrm(
        "auswerten", "--konfig", "wrm.toml", BEISPIELE / "uebersicht_2016.csv", cwd=tmp_path
    )
    assert (ergebnis.returncode, ergebnis.stdout, ergebnis.stderr) == (2, "", text.group(1))


@pytest.mark.parametrize(
    ("inhalt", "meldung"),
    [
        ("[bezirk]\nstichtg = 2016-03-16\n", "Unbekannter Eintrag „stichtg“ im Abschnitt [bezirk]"),
        ('[bezirk]\nveraltet_nach_tagen = "14"\n', "ist keine ganze Zahl ab 0, sondern ein Text"),
        ('[[kommunen]]\nname = "A"\n[[kommunen]]\nname = "a"\n', "steht zweimal"),
        ("[bezirk]\nname = Landkreis X\n", "ist kein gültiges TOML – in Zeile 2, Spalte 8"),
        ('[bezirk]\nname = "Fürstenau"\n'.encode("cp1252"), "ist nicht in UTF-8 gespeichert"),
    ],
)
def test_aufruf_mit_fehlerhafter_wrm_toml(
    tmp_path: Path, inhalt: str | bytes, meldung: str
) -> None:
    """Exit code 2, one German line on stderr naming the file, nothing on stdout."""
    pfad, erwartet = _meldung(tmp_path, inhalt)
    assert meldung in erwartet
    ergebnis = wrm("auswerten", "--konfig", pfad, BEISPIELE / "uebersicht_2016.csv")
    assert ergebnis.returncode == 2
    assert ergebnis.stdout == ""
    assert ergebnis.stderr == f"Fehler: {erwartet}\n"
