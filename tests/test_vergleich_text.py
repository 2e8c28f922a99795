"""The comparison in the text-like reports of ``wrm auswerten``: the column "± Vorwoche"
(terminal, text, Markdown, CSV), the line of the Kennzahlen's changes, the sentence of
the Pressetext, and the honest word when the Kommunen of the two weeks differ.

Real archives of the example weeks are built with the command line. Every expected
change comes from the runs of the same weeks WITHOUT the archive (``--ohne-archiv``,
JSON), subtracted here Kommune by Kommune – never from the code under test.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

from conftest import BEISPIELE, STICHTAG_2016, wrm
from hilfen import vorlage_ausfuellen
from openpyxl import load_workbook

from wrm_cli.ablauf import auswerten
from wrm_cli.cli.ansicht import bericht_als_text
from wrm_cli.konfig import Einstellungen

KW09 = (BEISPIELE / "verlauf" / "kw09", "02.03.2016")
KW10 = (BEISPIELE / "verlauf" / "kw10", "09.03.2016")
KW11 = (BEISPIELE / "eingang", "16.03.2016")  # the published week
KURZ = {
    "benoetigter_wohnraum": "benötigter Wohnraum",
    "sofort_verfuegbar": "sofort verfügbar",
    "in_aussicht": "in Aussicht",
    "gesamtverfuegbarkeit": "Gesamtverfügbarkeit",
    "fehlender_wohnraum": "fehlender Wohnraum",
}
UNTERSCHIED = "die Veränderung der Summen liegt zum Teil daran, wer gemeldet hat."


def _aus(woche: tuple[Path, str], *optionen: str | Path, kodierung: str = "utf-8") -> str:
    ordner, stichtag = woche
    lauf = wrm("auswerten", ordner, "--stichtag", stichtag, *optionen, kodierung=kodierung)
    assert lauf.returncode == 0, lauf.stderr
    return lauf.stdout


def _archiv(tmp_path: Path, *wochen: tuple[Path, str]) -> Path:
    """An archive holding the runs of these weeks, in this order."""
    archiv = tmp_path / "archiv.sqlite"
    for woche in wochen:
        _aus(woche, "--archiv", archiv, "--format", "json")
    return archiv


def _ohne_archiv(woche: tuple[Path, str], *optionen: str | Path) -> dict[str, Any]:
    daten: dict[str, Any] = json.loads(_aus(woche, "--ohne-archiv", "--format", "json", *optionen))
    return daten


def _fehlend(daten: dict[str, Any]) -> dict[str, int | None]:
    return {zeile["kommune"]: zeile["fehlender_wohnraum"] for zeile in daten["zeilen"]}


def _zeichen(wert: int | None) -> str:
    """The expected cell: "+12", "−5" (minus sign U+2212), "0", blank."""
    if wert is None:
        return ""
    betrag = f"{abs(wert):,}".replace(",", ".")
    return f"+{betrag}" if wert > 0 else f"\u2212{betrag}" if wert < 0 else "0"


def _differenzen(jetzt: dict[str, Any], damals: dict[str, Any]) -> dict[str, int | None]:
    """Kommune → fehlender Wohnraum now − then; None when blank or no row then."""
    alt, neu = _fehlend(damals), _fehlend(jetzt)
    ergebnis: dict[str, int | None] = {}
    for kommune, wert in neu.items():
        vorher = alt.get(kommune)
        ergebnis[kommune] = None if wert is None or vorher is None else wert - vorher
    return ergebnis


def _vergleichszeile(jetzt: dict[str, Any], damals: dict[str, Any], datum: str) -> str:
    teile = [
        f"{text} {_zeichen(jetzt['kennzahlen'][key] - damals['kennzahlen'][key])}"
        for key, text in KURZ.items()
    ]
    return f"Veränderung seit dem {datum}: {', '.join(teile)}."


def _spalte(text: str) -> dict[str, str]:
    """Kommune → the cell under "± Vorwoche" (right-aligned, 11 characters wide)."""
    zeilen = text.splitlines()
    kopf = next(z for z in zeilen if z.startswith("Kommune"))
    ende = kopf.index("± Vorwoche") + len("± Vorwoche")
    anfang = ende - 11
    koerper = zeilen[zeilen.index(kopf) + 2 :]
    koerper = koerper[: next(i for i, z in enumerate(koerper) if z.startswith("-----"))]
    return {z[:17].strip(): z[anfang:ende].strip() for z in koerper}


def test_text_spalte_vorwoche_gesamt_und_zeile(tmp_path: Path) -> None:
    archiv = _archiv(tmp_path, KW10)
    text = _aus(KW11, "--archiv", archiv, "--format", "text")
    jetzt, damals = _ohne_archiv(KW11), _ohne_archiv(KW10)
    erwartet = _differenzen(jetzt, damals)

    zellen = _spalte(text)
    assert zellen == {kommune: _zeichen(wert) for kommune, wert in erwartet.items()}
    # By hand from the two weeks: Melle −174 − (−145), Fürstenau −69 − (−72), Hagen had
    # no Meldung on 09.03.2016, Bramsche's fehlender Wohnraum is blank in both.
    assert (erwartet["Melle"], erwartet["Fürstenau"], erwartet["Bad Essen"]) == (-29, 3, 0)
    assert (zellen["Melle"], zellen["Fürstenau"], zellen["Bad Essen"]) == ("−29", "+3", "0")
    assert zellen["Hagen"] == zellen["Bramsche"] == ""
    zeilen = text.splitlines()
    assert (
        "Melle                      142          196           16           14          227"
        "          113          370         -174          −29  ausreichend"
    ) in zeilen
    assert (
        "Kommune            Zuweisungen   04.12.2015           GU    dezentral           GU"
        "    dezentral        Summe     Wohnraum   ± Vorwoche  Einschätzung"
    ) in zeilen
    gesamt = jetzt["gesamt"]["fehlender_wohnraum"] - damals["gesamt"]["fehlender_wohnraum"]
    assert gesamt == -179
    assert (
        "Gesamt                   1.327          716           84          385          372"
        "          282        1.123         -407         −179"
    ) in zeilen

    # The changes of the five Kennzahlen, under their block, then the Kommunen.
    zeile = "Veränderung seit dem 09.03.2016: benötigter Wohnraum −62, sofort verfügbar +13, in Aussicht +104, Gesamtverfügbarkeit +117, fehlender Wohnraum −179."  # noqa: E501
    assert zeile == _vergleichszeile(jetzt, damals, "09.03.2016")
    nr = zeilen.index(zeile)
    assert zeilen[nr - 2].startswith("fehlender Wohnraum (Personen)")
    assert zeilen[nr - 1] == ""
    assert zeilen[nr + 1] == f"Nicht dieselben Kommunen: am 09.03.2016 ohne Hagen – {UNTERSCHIED}"
    assert zeilen[nr + 2] == ""


def test_andere_kommunen_in_beide_richtungen(tmp_path: Path) -> None:
    """kw09 lacks Bad Laer, kw10 lacks Hagen: both are named, with their week."""
    archiv = _archiv(tmp_path, KW09)
    text = _aus(KW10, "--archiv", archiv, "--format", "text")
    jetzt, damals = _ohne_archiv(KW10), _ohne_archiv(KW09)
    zellen = _spalte(text)
    assert zellen == {k: _zeichen(w) for k, w in _differenzen(jetzt, damals).items()}
    assert zellen["Bad Laer"] == ""  # no row on 02.03.2016
    assert "Hagen" not in zellen
    zeilen = text.splitlines()
    assert _vergleichszeile(jetzt, damals, "02.03.2016") in zeilen
    assert (
        f"Nicht dieselben Kommunen: am 02.03.2016 ohne Bad Laer; jetzt ohne Hagen – {UNTERSCHIED}"
    ) in zeilen


def test_markdown_spalte_und_zeile(tmp_path: Path) -> None:
    archiv = _archiv(tmp_path, KW10)
    zeilen = _aus(KW11, "--archiv", archiv, "--format", "markdown").splitlines()
    jetzt, damals = _ohne_archiv(KW11), _ohne_archiv(KW10)
    kopf = next(z for z in zeilen if z.startswith("| Kommune"))
    assert kopf.endswith("| Summe | fehlender Wohnraum | ± Vorwoche | Einschätzung |")
    trenner = zeilen[zeilen.index(kopf) + 1]
    assert trenner == "| --- |" + " ---: |" * 9 + " --- |"
    assert "| Melle | 142 | 196 | 16 | 14 | 227 | 113 | 370 | -174 | −29 | ausreichend |" in zeilen
    assert "| Hagen | 71 | -1 | 4 | 3 | 0 | 26 | 33 | -33 |  | ausreichend |" in zeilen
    erwartet = _differenzen(jetzt, damals)
    for zeile in zeilen[zeilen.index(kopf) + 2 :]:
        if not zeile.startswith("| ") or zeile.startswith("| **"):
            break
        zellen = [z.strip() for z in zeile.strip("|").split("|")]
        assert zellen[9] == _zeichen(erwartet[zellen[0]])
    assert (
        "| **Gesamt** | **1.327** | **716** | **84** | **385** | **372** | **282** | **1.123** "
        "| **-407** | **−179** |  |"
    ) in zeilen
    zeile = _vergleichszeile(jetzt, damals, "09.03.2016")
    nr = zeilen.index(zeile)
    assert zeilen[nr - 2 : nr] == ["| fehlender Wohnraum | -407 |", ""]
    assert zeilen[nr + 1 : nr + 3] == [
        "",
        f"Nicht dieselben Kommunen: am 09.03.2016 ohne Hagen – {UNTERSCHIED}",
    ]


def test_csv_spalte_als_zahlen(tmp_path: Path) -> None:
    archiv = _archiv(tmp_path, KW10)
    ausgabe = tmp_path / "bericht.csv"
    _aus(KW11, "--archiv", archiv, "--format", "csv", "--ausgabe", ausgabe)
    text = ausgabe.read_bytes().decode("utf-8-sig")
    zeilen = list(csv.reader(io.StringIO(text), delimiter=";"))
    jetzt, damals = _ohne_archiv(KW11), _ohne_archiv(KW10)
    kopf = zeilen[0]
    nr = kopf.index("± Vorwoche")
    assert kopf[nr - 1 : nr + 2] == ["fehlender Wohnraum", "± Vorwoche", "Einschätzung"]
    erwartet = _differenzen(jetzt, damals)
    tabelle = {z[0]: z for z in zeilen[1:22]}
    assert set(tabelle) == set(erwartet)
    for kommune, wert in erwartet.items():
        assert tabelle[kommune][nr] == ("" if wert is None else str(wert))  # 3, -29, 0, ""
    assert tabelle["Fürstenau"][nr] == "3" and tabelle["Melle"][nr] == "-29"
    assert zeilen[22] == [
        "Gesamt", "1327", "716", "84", "385", "372", "282", "1123", "-407", "-179", ""
    ]  # fmt: skip
    assert ["Vergleich mit Stichtag", "09.03.2016"] in zeilen
    assert ["Vergleich", f"Nicht dieselben Kommunen: am 09.03.2016 ohne Hagen – {UNTERSCHIED}"] in (
        zeilen
    )
    kennzahlen = {z[0]: z[1:] for z in zeilen if z and z[0].endswith("(Personen)")}
    assert kennzahlen["fehlender Wohnraum (Personen)"] == ["-407", "-179"]
    assert kennzahlen["aktuelle Gesamtverfügbarkeit (Personen)"] == [
        "1123",
        str(
            jetzt["kennzahlen"]["gesamtverfuegbarkeit"]
            - damals["kennzahlen"]["gesamtverfuegbarkeit"]
        ),
    ]


def _ein_satz(pressetext: str, anfang: str) -> str:
    """The one sentence of the Pressetext that starts with ``anfang``."""
    saetze = re.split(r"(?<=\.) ", pressetext.splitlines()[0])
    treffer = [satz for satz in saetze if satz.startswith(anfang)]
    assert len(treffer) == 1, saetze
    return treffer[0]


def test_pressetext_ueberschuss_gewachsen_andere_kommunen(tmp_path: Path) -> None:
    archiv = _archiv(tmp_path, KW10)
    text = _aus(KW11, "--archiv", archiv, "--format", "pressetext")
    jetzt, damals = _ohne_archiv(KW11), _ohne_archiv(KW10)
    # Both weeks have a surplus (fehlender Wohnraum negative); it grew by 179.
    assert (
        damals["kennzahlen"]["fehlender_wohnraum"],
        jetzt["kennzahlen"]["fehlender_wohnraum"],
    ) == (
        -228,
        -407,
    )
    assert (len(damals["zeilen"]), len(jetzt["zeilen"])) == (20, 21)
    assert _ein_satz(text, "Gegenüber dem") == (
        "Gegenüber dem 09.03.2016 ist der rechnerische Überschuss um 179 Plätze gewachsen – "
        "damals meldeten 20 Kommunen, diesmal 21, die Veränderung liegt also zum Teil daran, "
        "wer gemeldet hat."
    )
    # Right after the sentence on the current balance.
    assert "mehr zur Verfügung als benötigt. Gegenüber dem 09.03.2016" in text


def test_pressetext_ueberschuss_geschrumpft_gleich_viele_andere(tmp_path: Path) -> None:
    archiv = _archiv(tmp_path, KW09)
    text = _aus(KW10, "--archiv", archiv, "--format", "pressetext")
    jetzt, damals = _ohne_archiv(KW10), _ohne_archiv(KW09)
    aenderung = (
        jetzt["kennzahlen"]["fehlender_wohnraum"] - damals["kennzahlen"]["fehlender_wohnraum"]
    )
    assert aenderung == 133  # −228 − (−361): less surplus
    assert _ein_satz(text, "Gegenüber dem") == (
        "Gegenüber dem 02.03.2016 ist der rechnerische Überschuss um 133 Plätze geschrumpft – "
        "damals und diesmal meldeten je 20 Kommunen, aber nicht dieselben, die Veränderung "
        "liegt also zum Teil daran, wer gemeldet hat."
    )


def test_pressetext_unveraendert(tmp_path: Path) -> None:
    """The same Meldungen a day later: the same figures, the same Kommunen."""
    archiv = _archiv(tmp_path, KW11)
    spaeter = (KW11[0], "17.03.2016")
    text = _aus(spaeter, "--archiv", archiv, "--format", "pressetext")
    assert _ein_satz(text, "Gegenüber dem") == (
        "Gegenüber dem 16.03.2016 ist der rechnerische Überschuss unverändert."
    )
    tabelle = _aus(spaeter, "--archiv", archiv, "--format", "text").splitlines()
    assert set(_spalte("\n".join(tabelle)).values()) == {"0", ""}
    assert (
        "Veränderung seit dem 16.03.2016: benötigter Wohnraum 0, sofort verfügbar 0, "
        "in Aussicht 0, Gesamtverfügbarkeit 0, fehlender Wohnraum 0."
    ) in tabelle
    assert not any(z.startswith("Nicht dieselben Kommunen") for z in tabelle)


def _bad_iburg(tmp_path: Path) -> tuple[Path, list[tuple[Path, str]]]:
    """A district of one Kommune, Bad Iburg, over three weeks: the published Meldung
    (fehlender Wohnraum 22), then (11) 4 → 0 (26 missing), then (11) 30 (a surplus)."""
    konfig = tmp_path / "wrm.toml"
    konfig.write_text(
        '[bezirk]\nname = "Landkreis Osnabrück"\n\n[quote]\nbeginn = 2015-12-04\n'
        'ende = 2016-07-31\n\n[[kommunen]]\nname = "Bad Iburg"\n',
        encoding="utf-8",
    )
    wochen = []
    for nr, (stand, aussicht) in enumerate(
        [(None, None), (dt.datetime(2016, 3, 23), 0), (dt.datetime(2016, 3, 30), 30)]
    ):
        ordner = tmp_path / f"woche{nr}"
        ordner.mkdir()
        datei = ordner / "Meldung_Bad_Iburg.xlsx"
        shutil.copy(KW11[0] / "Meldung_Bad_Iburg.xlsx", datei)
        if stand is not None:
            mappe = load_workbook(datei)
            vorlage_ausfuellen(mappe, {"stand": stand, "in_aussicht_dezentral": aussicht})
            mappe.save(datei)
        wochen.append((ordner, ["16.03.2016", "23.03.2016", "30.03.2016"][nr]))
    return konfig, wochen


def test_pressetext_mangel_waechst_und_kippt(tmp_path: Path) -> None:
    konfig, wochen = _bad_iburg(tmp_path)
    archiv = tmp_path / "archiv.sqlite"
    fehlend = [
        _ohne_archiv(w, "--konfig", konfig)["kennzahlen"]["fehlender_wohnraum"] for w in wochen
    ]
    assert fehlend == [22, 26, -4]
    texte = [
        _aus(w, "--archiv", archiv, "--konfig", konfig, "--format", "pressetext") for w in wochen
    ]
    assert "Gegenüber dem" not in texte[0]  # the first run: nothing to compare
    assert _ein_satz(texte[1], "Gegenüber dem") == (
        "Gegenüber dem 16.03.2016 fehlt rechnerisch für 4 Personen mehr Wohnraum."
    )
    assert _ein_satz(texte[2], "Gegenüber dem") == (
        "Gegenüber dem 23.03.2016 hat sich die rechnerische Bilanz um 30 Plätze verbessert; "
        "damals fehlte Wohnraum für 26 Personen."
    )
    tabelle = _aus(wochen[1], "--archiv", archiv, "--konfig", konfig, "--format", "text")
    assert _spalte(tabelle) == {"Bad Iburg": "+4"}


def test_erster_lauf_wie_ohne_archiv(tmp_path: Path) -> None:
    """No earlier run in a new archive: every text-like report as without the archive."""
    for nr, format_ in enumerate(["tabelle", "text", "markdown", "csv", "pressetext"]):
        archiv = tmp_path / f"neu{nr}.sqlite"
        mit = _aus(KW11, "--archiv", archiv, "--format", format_)
        assert archiv.exists()
        assert mit == _aus(KW11, "--ohne-archiv", "--format", format_), format_
        assert "Vorwoche" not in mit and "Veränderung seit" not in mit
        assert "Gegenüber dem" not in mit


def test_terminal_farben(tmp_path: Path, einstellungen_2016: Einstellungen) -> None:
    """More missing is the "fehlt" style (bold red), less the "mehr" style (green)."""
    archiv = tmp_path / "archiv.sqlite"
    auswerten([KW10[0]], einstellungen_2016, dt.date(2016, 3, 9), archiv=archiv)
    bericht = auswerten([KW11[0]], einstellungen_2016, STICHTAG_2016, archiv=archiv)
    text = bericht_als_text(bericht)

    def stil(zeile_anfang: str, zelle: str) -> list[str]:
        anfang = text.plain.index("\n" + zeile_anfang) + 1
        ende = text.plain.index("\n", anfang)
        zeile = text.plain[anfang:ende]
        von = anfang + (zeile + " ").rindex(f" {zelle} ") + 1
        return [str(s.style) for s in text.spans if s.start == von and s.end == von + len(zelle)]

    assert stil("Melle ", "−29") == ["green"]
    assert stil("Fürstenau ", "+3") == ["bold red"]
    assert stil("Bad Essen ", "0") == []
    assert stil("Gesamt ", "−179") == ["green"]
    hinweis = f"Nicht dieselben Kommunen: am 09.03.2016 ohne Hagen – {UNTERSCHIED}"
    von = text.plain.index(hinweis)
    assert [str(s.style) for s in text.spans if s.start == von] == ["yellow"]
    # The terminal shows the lines of the text report (no colours: NO_COLOR).
    (tmp_path / "b").mkdir()
    archiv = _archiv(tmp_path / "b", KW10)
    assert _aus(KW11, "--archiv", archiv) == _aus(KW11, "--archiv", archiv, "--format", "text")


def test_kodierungen_ohne_minuszeichen(tmp_path: Path) -> None:
    """An office PC's cp1252 has "±" but not "−"; ASCII has neither."""
    archiv = _archiv(tmp_path, KW10)
    ansi = _aus(KW11, "--archiv", archiv, "--format", "text", kodierung="cp1252")
    assert "   ± Vorwoche  Einschätzung" in ansi
    assert "         -174          -29  ausreichend" in ansi
    assert "Veränderung seit dem 09.03.2016: benötigter Wohnraum -62, sofort verfügbar +13" in ansi
    ascii_ = _aus(KW11, "--archiv", archiv, "--format", "text", kodierung="ascii")
    assert " +/- Vorwoche  Einschaetzung" in ascii_
    assert "Veraenderung seit dem 09.03.2016: benoetigter Wohnraum -62," in ascii_
    assert ascii_.isascii()
