"""One pipeline: `wrm pruefen` tells each file exactly what `wrm auswerten` says about it.

A Kommune that checks its file before sending must see the errors and hints the task
force will see – no more, no fewer. Only what concerns the whole district (Kommunen
without a Meldung) is reserved to `auswerten`.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import BEISPIELE, wrm

from wrm_cli.ablauf import auswerten, pruefen_dateien
from wrm_cli.befunde import Befund
from wrm_cli.ergebnis import Auswertungsbericht, Pruefbericht
from wrm_cli.konfig import standard_einstellungen

STICHTAG = dt.date(2016, 3, 16)
KOPF = (
    "kommune;stand;zuweisungen;ankuenfte;keine_anrechnung;moegliche_anrechnung;"
    "zu_erfuellen;untergebracht_gu;untergebracht_dezentral;verfuegbar_gu;"
    "verfuegbar_dezentral;in_aussicht_gu;in_aussicht_dezentral;einschaetzung"
)


def _csv(pfad: Path, *zeilen: str) -> None:
    pfad.write_text("\n".join([KOPF, *zeilen]) + "\n", encoding="utf-8")


def eingang(ordner: Path) -> Path:
    """A week's folder with something of every kind: clean, faulty, hints of each sort,
    a table of several Kommunen, an empty template, an unreadable file, a lock file."""
    ordner.mkdir()
    for name in ("Meldung_Bad_Essen.xlsx", "Meldung_Melle.xlsx", "Meldung_Glandorf.xlsx"):
        shutil.copy(BEISPIELE / "eingang" / name, ordner / name)
    shutil.copy(BEISPIELE / "fehlerhaft" / "Meldung_Hagen.xlsx", ordner / "Meldung_Hagen.xlsx")
    # A table: one clean row, one with hints (arrivals beyond assignments, stale Stand,
    # "kritisch" with spare places), one with an error.
    _csv(
        ordner / "nordkreis.csv",
        "Bramsche;14.03.2016;10;5;;;3;2;3;0;4;;;ausreichend",
        "Bersenbrück;01.01.2016;10;40;;;3;20;20;5;5;0;0;kritisch",
        "Artland;15.03.2016;ca. 5;2;;;1;1;1;;;;;ausreichend",
    )
    # "ausreichend" although 30 persons lack housing; named for another Kommune.
    _csv(ordner / "Meldung_Dissen.csv", "Belm;15.03.2016;50;40;;;40;20;20;0;10;;;ausreichend")
    _csv(ordner / "leer.csv", "Wallenhorst;15.03.2016;;;;;;;;;;;;")
    (ordner / "kaputt.xlsx").write_bytes(b"PK\x03\x04 nicht wirklich eine Arbeitsmappe")
    (ordner / "~$Meldung_Melle.xlsx").write_bytes(b"lock")
    (ordner / "Anschreiben.pdf").write_bytes(b"%PDF-1.4")
    return ordner


# The same Befund in both commands; `wrm pruefen` may word it for the Kommune
# (``meldung_fuer_kommune``, "bitte die aktuellen Zahlen eintragen"), but both carry both.
FELDER_EINES_BEFUNDS = (
    "stufe",
    "datei",
    "zelle",
    "feld",
    "kommune",
    "meldung",
    "meldung_fuer_kommune",
)


def _schluessel(befund: Befund) -> tuple[str | None, ...]:
    return tuple(getattr(befund, feld) for feld in FELDER_EINES_BEFUNDS)


def je_datei(befunde: list[Befund]) -> dict[str | None, Counter[tuple[str | None, ...]]]:
    ergebnis: dict[str | None, Counter[tuple[str | None, ...]]] = {}
    for befund in befunde:
        ergebnis.setdefault(befund.datei, Counter())[_schluessel(befund)] += 1
    return ergebnis


@pytest.fixture(scope="module")
def beide(tmp_path_factory: pytest.TempPathFactory) -> tuple[Auswertungsbericht, Pruefbericht]:
    """The same folder through both commands' core."""
    ordner = eingang(tmp_path_factory.mktemp("woche") / "eingang")
    einstellungen = standard_einstellungen()
    return (
        auswerten([ordner], einstellungen, STICHTAG),
        pruefen_dateien([ordner], einstellungen, STICHTAG),
    )


def test_pruefen_meldet_je_datei_genau_was_auswerten_meldet(
    beide: tuple[Auswertungsbericht, Pruefbericht],
) -> None:
    bericht, pruefung = beide

    # District level: who is missing (no file); everything else names its file.
    bezirksweit = [b for b in bericht.befunde if b.datei is None]
    assert bezirksweit and all("Meldung" in b.meldung for b in bezirksweit)
    erwartet = je_datei([b for b in bericht.befunde if b.datei is not None])
    gefunden = je_datei(
        [b for datei in pruefung.dateien for b in datei.befunde] + pruefung.ignoriert
    )
    assert gefunden == erwartet
    # Every kind is present, so the comparison is not vacuous.
    texte = " ".join(b.meldung for b in bericht.befunde)
    for teil in (
        "keine ganze Zahl",
        "Ankünfte, aber nur",
        "Tage alt",
        "„kritisch“ ein, hat aber",
        "„ausreichend“ ein, es fehlt aber",
        "Der Dateiname nennt",
        "Alle Felder (1)–(12) sind leer",
        "Sperrdatei",
    ):
        assert teil in texte, teil
    assert any(not datei.lesbar for datei in pruefung.dateien)
    assert any(b.meldung_fuer_kommune for b in bericht.befunde)  # worded for the Kommune


def test_pruefen_zeigt_je_datei_die_zeilen_der_auswertung(
    beide: tuple[Auswertungsbericht, Pruefbericht],
) -> None:
    bericht, pruefung = beide
    zeilen = {z["kommune"]: z for z in bericht.auswertung.datensaetze()}
    geprueft = [z for datei in pruefung.dateien for z in datei.meldungen]
    assert sorted(z["kommune"] for z in geprueft) == sorted(zeilen)
    for zeile in geprueft:
        assert zeile == zeilen[zeile["kommune"]]
    (tabelle,) = [d for d in pruefung.dateien if d.datei.name == "nordkreis.csv"]
    # In the order of the Auswertung: the surplus first.
    assert [z["kommune"] for z in tabelle.meldungen] == ["Bersenbrück", "Bramsche"]


def test_befehlszeile_pruefen_und_auswerten_stimmen_ueberein(tmp_path: Path) -> None:
    """The same through the command line and its JSON."""
    ordner = eingang(tmp_path / "eingang")
    stichtag = ["--stichtag", "16.03.2016"]
    ausgewertet = json.loads(wrm("auswerten", ordner, "-f", "json", *stichtag).stdout)
    geprueft = json.loads(wrm("pruefen", ordner, "-f", "json", *stichtag).stdout)

    def ohne_text(befund: dict[str, str | None]) -> tuple[str | None, ...]:
        return tuple(befund[k] for k in FELDER_EINES_BEFUNDS)

    erwartet = Counter(ohne_text(b) for b in ausgewertet["befunde"] if b["datei"] is not None)
    gefunden = Counter(
        ohne_text(b)
        for befunde in [d["befunde"] for d in geprueft["dateien"]] + [geprueft["ignoriert"]]
        for b in befunde
    )
    assert gefunden == erwartet
