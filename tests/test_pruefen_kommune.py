"""What a clerk reads in `wrm pruefen` (issue 13): messages in the clerk's words, a
swapped day and month, suggestions for a fixed list, a half-empty form.

Each case fills a fresh template the way a clerk would and runs the real command line;
where the task force's report must keep its wording, `wrm auswerten` runs on the same file.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from conftest import wrm
from hilfen import GLANDORF_2016, vorlage_ausfuellen

from wrm_cli.felder import FELD, KAPAZITAETSFELDER, STAND
from wrm_cli.konfig import standard_einstellungen
from wrm_cli.vorlage import vorlage_erstellen

STICHTAG = "16.03.2016"
# Valid, consistent figures (Glandorf as published): no Befund at all.
SAUBER: dict[str, object] = {
    STAND: dt.date(2016, 3, 16),
    **GLANDORF_2016,
}
GUT = (
    "✓ meldung.xlsx: Glandorf, Stand {stand}: 17 Zuweisungen, zu erfüllen 18, verfügbar 0, "
    "in Aussicht 18, fehlender Wohnraum 0, Einschätzung ausreichend"
)
LEER_HEISST = "bitte prüfen, ob etwas fehlt; leer heißt „nichts zu melden“."


def ausgefuellt(ordner: Path, werte: Mapping[str, object], name: str = "meldung.xlsx") -> Path:
    mappe = vorlage_erstellen(standard_einstellungen().bezirk, "Glandorf")
    vorlage_ausfuellen(mappe, {k: v for k, v in werte.items() if v is not None})
    ordner.mkdir(parents=True, exist_ok=True)
    pfad = ordner / name
    mappe.save(pfad)
    return pfad


def pruefen(datei: Path, stichtag: str = STICHTAG) -> tuple[int, list[str]]:
    ergebnis = wrm("pruefen", "--stichtag", stichtag, datei)
    assert ergebnis.stderr == ""
    return ergebnis.returncode, ergebnis.stdout.splitlines()


def json_von(befehl: str, datei: Path, stichtag: str = STICHTAG) -> dict[str, Any]:
    ergebnis = wrm(befehl, "--stichtag", stichtag, "-f", "json", datei)
    daten: dict[str, Any] = json.loads(ergebnis.stdout)
    return daten


# ---------------------------------------------------------------- a stale Stand


def test_veralteter_stand_in_den_worten_der_kommune(tmp_path: Path) -> None:
    """Before: "Glandorf: Die Zahlen (Stand 10.02.2016) sind 35 Tage alt – bitte eine
    aktuelle Meldung anfordern." – a request the clerk cannot act on."""
    datei = ausgefuellt(tmp_path, {**SAUBER, STAND: dt.date(2016, 2, 10)})
    code, zeilen = pruefen(datei)
    assert code == 0
    assert zeilen == [
        GUT.format(stand="10.02.2016"),
        "  Hinweis: Zelle C6 Stand: Der Stand ist 35 Tage alt – bitte die aktuellen Zahlen "
        "eintragen.",
        "1 Datei geprüft: in Ordnung.",
    ]


def test_veralteter_stand_json_beider_befehle(tmp_path: Path) -> None:
    """One Befund for both commands: the task force keeps its wording, pruefen adds the
    Kommune's and shows it as ``text``."""
    datei = ausgefuellt(tmp_path, {**SAUBER, STAND: dt.date(2016, 2, 10)})
    aufgabe = "Glandorf: Die Zahlen (Stand 10.02.2016) sind 35 Tage alt – bitte eine aktuelle "
    aufgabe += "Meldung anfordern."
    kommune = "Der Stand ist 35 Tage alt – bitte die aktuellen Zahlen eintragen."
    (geprueft,) = json_von("pruefen", datei)["dateien"][0]["befunde"]
    assert geprueft["meldung"] == aufgabe
    assert geprueft["meldung_fuer_kommune"] == kommune
    assert geprueft["text"] == f"meldung.xlsx, Zelle C6 Stand: {kommune}"
    (ausgewertet,) = [
        b for b in json_von("auswerten", datei)["befunde"] if b["datei"] == "meldung.xlsx"
    ]
    assert ausgewertet["meldung"] == aufgabe
    assert ausgewertet["meldung_fuer_kommune"] == kommune
    assert ausgewertet["text"] == f"meldung.xlsx, Zelle C6 Stand: {aufgabe}"


# ---------------------------------------------------------------- day and month swapped

VERTAUSCHT = (
    "  Hinweis: Zelle C6 Stand: Tag und Monat vertauscht? Gemeint ist vielleicht 01.12.2026."
)


@pytest.mark.parametrize(
    "stand",
    [dt.date(2026, 1, 12), dt.datetime(2026, 1, 12), "12.01.2026", "2026-01-12"],
    ids=["datum", "datum-mit-uhrzeit", "text", "text-iso"],
)
def test_tag_und_monat_vertauscht(tmp_path: Path, stand: object) -> None:
    """12.01.2026 typed for 01.12.2026, as a real date (Excel) or as text."""
    datei = ausgefuellt(tmp_path, {**SAUBER, STAND: stand})
    code, zeilen = pruefen(datei, "01.12.2026")
    assert code == 0
    assert zeilen == [
        GUT.format(stand="12.01.2026"),
        "  Hinweis: Zelle C6 Stand: Der Stand ist 323 Tage alt – bitte die aktuellen Zahlen "
        "eintragen.",
        VERTAUSCHT,
        "1 Datei geprüft: in Ordnung.",
    ]


def test_vertauscht_auch_in_der_auswertung(tmp_path: Path) -> None:
    datei = ausgefuellt(tmp_path, {**SAUBER, STAND: dt.date(2026, 1, 12)})
    meldungen = [b["meldung"] for b in json_von("auswerten", datei, "01.12.2026")["befunde"]]
    assert "Glandorf: Tag und Monat vertauscht? Gemeint ist vielleicht 01.12.2026." in meldungen


@pytest.mark.parametrize(
    ("stand", "stichtag"),
    [
        (dt.date(2026, 3, 5), "01.12.2026"),  # 03.05.2026 would be stale as well
        (dt.date(2026, 11, 12), "01.12.2026"),  # 11.12.2026 would lie after the Stichtag
        (dt.date(2026, 1, 13), "01.12.2026"),  # no 13th month
        (dt.date(2026, 1, 1), "10.02.2026"),  # the same date swapped
        (dt.date(2026, 11, 30), "01.12.2026"),  # current: nothing to ask
    ],
    ids=["auch-veraltet", "nach-dem-stichtag", "kein-monat", "gleich", "aktuell"],
)
def test_kein_vertauscht_hinweis(tmp_path: Path, stand: dt.date, stichtag: str) -> None:
    datei = ausgefuellt(tmp_path, {**SAUBER, STAND: stand})
    code, zeilen = pruefen(datei, stichtag)
    assert code == 0
    assert not any("vertauscht" in zeile for zeile in zeilen), zeilen


# ---------------------------------------------------------------- fields with a fixed list


@pytest.mark.parametrize(
    ("eingabe", "vorschlag"),
    [("kritsch", "kritisch"), ("Ausreichnd", "ausreichend"), ("kritisch.", "kritisch")],
)
def test_auswahl_mit_vorschlag(tmp_path: Path, eingabe: str, vorschlag: str) -> None:
    """As a misspelt Kommune gets "Meinten Sie …?"."""
    code, zeilen = pruefen(ausgefuellt(tmp_path, {**SAUBER, "einschaetzung": eingabe}))
    assert code == 1
    assert zeilen == [
        "✗ meldung.xlsx: 1 Fehler – bitte korrigieren und erneut prüfen",
        f"  Fehler: Zelle C23 (12) Einschätzung der Lage: „{eingabe}“ ist nicht zulässig – "
        f"erwartet wird „ausreichend“ oder „kritisch“. Meinten Sie „{vorschlag}“?",
        "1 Datei geprüft: 0 in Ordnung, 1 mit Fehlern.",
    ]


def test_auswahl_ohne_vorschlag_wenn_nichts_aehnlich_ist(tmp_path: Path) -> None:
    code, zeilen = pruefen(ausgefuellt(tmp_path, {**SAUBER, "einschaetzung": "gut"}))
    assert code == 1
    assert zeilen[1] == (
        "  Fehler: Zelle C23 (12) Einschätzung der Lage: „gut“ ist nicht zulässig – erwartet "
        "wird „ausreichend“ oder „kritisch“."
    )


# ---------------------------------------------------------------- a half-empty form

OHNE_WOHNRAUM = {
    key: None
    for key in (
        "untergebracht_gu",
        "untergebracht_dezentral",
        "verfuegbar_gu",
        "verfuegbar_dezentral",
        "in_aussicht_gu",
        "in_aussicht_dezentral",
        "einschaetzung",
    )
}


def test_halb_leeres_formular(tmp_path: Path) -> None:
    """Before: "verfügbar 0, in Aussicht 0, keine Angaben zum Wohnraum" and not a word
    about (6)–(12) being empty."""
    code, zeilen = pruefen(ausgefuellt(tmp_path, {**SAUBER, **OHNE_WOHNRAUM}))
    assert code == 0
    assert zeilen == [
        "✓ meldung.xlsx: Glandorf, Stand 16.03.2016: 17 Zuweisungen, zu erfüllen 18, "
        "keine Angaben zum Wohnraum ((8)–(11) leer)",
        f"  Hinweis: Glandorf: (6), (7), (8), (9), (10), (11), (12) sind leer – {LEER_HEISST}",
        "  Hinweis: Zelle C17 (6) in Gemeinschaftsunterkünften: Glandorf: 0 Personen "
        "untergebracht (6) + (7), aber 17 Ankünfte (2) – bitte prüfen.",
        "1 Datei geprüft: in Ordnung.",
    ]


def test_halb_leeres_formular_auch_in_der_auswertung(tmp_path: Path) -> None:
    datei = ausgefuellt(tmp_path, {**SAUBER, **OHNE_WOHNRAUM})
    befunde = json_von("auswerten", datei)["befunde"]
    text = f"Glandorf: (6), (7), (8), (9), (10), (11), (12) sind leer – {LEER_HEISST}"
    assert [b["meldung"] for b in befunde if b["datei"] == "meldung.xlsx"] == [
        text,
        "Glandorf: 0 Personen untergebracht (6) + (7), aber 17 Ankünfte (2) – bitte prüfen.",
    ]


def test_nur_die_einschaetzung_leer(tmp_path: Path) -> None:
    code, zeilen = pruefen(ausgefuellt(tmp_path, {**SAUBER, "einschaetzung": None}))
    assert code == 0
    assert zeilen[1:] == [
        f"  Hinweis: Glandorf: (12) ist leer – {LEER_HEISST}",
        "1 Datei geprüft: in Ordnung.",
    ]


def test_nur_wohnraum_leer_nennt_jedes_leere_feld(tmp_path: Path) -> None:
    leer = dict.fromkeys(("moegliche_anrechnung", *KAPAZITAETSFELDER))
    code, zeilen = pruefen(ausgefuellt(tmp_path, {**SAUBER, **leer}))
    assert code == 0
    assert zeilen == [
        "✓ meldung.xlsx: Glandorf, Stand 16.03.2016: 17 Zuweisungen, zu erfüllen 18, "
        "keine Angaben zum Wohnraum ((8)–(11) leer), Einschätzung ausreichend",
        f"  Hinweis: Glandorf: (4), (8), (9), (10), (11) sind leer – {LEER_HEISST}",
        "1 Datei geprüft: in Ordnung.",
    ]


def test_einzelne_leere_anzahl_heisst_nichts_zu_melden(tmp_path: Path) -> None:
    """A blank count alone is "nothing to report" (17 of the 21 published Meldungen leave
    (4) blank): no hint."""
    code, zeilen = pruefen(ausgefuellt(tmp_path, {**SAUBER, "moegliche_anrechnung": None}))
    assert (code, zeilen) == (0, [GUT.format(stand="16.03.2016"), "1 Datei geprüft: in Ordnung."])


def test_ganz_leeres_formular_nur_ein_hinweis(tmp_path: Path) -> None:
    code, zeilen = pruefen(ausgefuellt(tmp_path, {STAND: dt.date(2016, 3, 16)}))
    assert code == 0
    assert zeilen == [
        "✓ meldung.xlsx: Glandorf, Stand 16.03.2016: 0 Zuweisungen, zu erfüllen 0, "
        "keine Angaben zum Wohnraum ((8)–(11) leer)",
        "  Hinweis: Alle Felder (1)–(12) sind leer – ist das beabsichtigt? Leer heißt „nichts "
        "zu melden“.",
        "1 Datei geprüft: in Ordnung.",
    ]


def test_tabelle_behaelt_ihre_leeren_zellen(tmp_path: Path) -> None:
    """A table (the published overview's format) keeps its blanks as published."""
    datei = tmp_path / "meldungen.csv"
    kopf = ";".join(["kommune", STAND, *FELD])
    datei.write_text(f"{kopf}\nGlandorf;16.03.2016;17;;;;18;;;;;;;\n", encoding="utf-8")
    code, zeilen = pruefen(datei)
    assert (code, zeilen) == (
        0,
        [
            "✓ meldungen.csv: Glandorf, Stand 16.03.2016: 17 Zuweisungen, zu erfüllen 18, "
            "keine Angaben zum Wohnraum ((8)–(11) leer)",
            "1 Datei geprüft: in Ordnung.",
        ],
    )
