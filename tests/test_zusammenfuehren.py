"""Several Meldungen of one Kommune: the newest Stand wins, conflicts are never resolved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from wrm_cli.ablauf import auswerten
from wrm_cli.konfig import Einstellungen

KOPF = "kommune;stand;" + ";".join(
    [
        "zuweisungen",
        "ankuenfte",
        "keine_anrechnung",
        "moegliche_anrechnung",
        "zu_erfuellen",
        "untergebracht_gu",
        "untergebracht_dezentral",
        "verfuegbar_gu",
        "verfuegbar_dezentral",
        "in_aussicht_gu",
        "in_aussicht_dezentral",
        "einschaetzung",
    ]
)
STICHTAG = dt.date(2016, 3, 20)


def datei(ordner: Path, name: str, *zeilen: str) -> Path:
    pfad = ordner / name
    pfad.write_text("\n".join([KOPF, *zeilen]) + "\n", "utf-8")
    return pfad


def melle(stand: str, verfuegbar_gu: int) -> str:
    return f"Melle;{stand};142;110;0;;196;62;80;{verfuegbar_gu};14;227;113;ausreichend"


def test_neuester_stand_gewinnt(tmp_path: Path, einstellungen: Einstellungen) -> None:
    datei(tmp_path, "alt.csv", melle("01.03.2016", 5))
    datei(tmp_path, "neu.csv", melle("15.03.2016", 16))
    bericht = auswerten([tmp_path], einstellungen, STICHTAG)
    (zeile,) = bericht.auswertung.datensaetze()
    assert (zeile["verfuegbar_gu"], zeile["stand"]) == (16, dt.date(2016, 3, 15))
    assert not bericht.hat_fehler
    assert (
        "alt.csv: Ältere Meldung von Melle (Stand 01.03.2016) – ersetzt durch neu.csv "
        "(Stand 15.03.2016)."
    ) in [b.text for b in bericht.befunde]


def test_gleicher_stand_verschiedene_zahlen_ist_ein_konflikt(
    tmp_path: Path, einstellungen: Einstellungen
) -> None:
    datei(tmp_path, "a.csv", melle("15.03.2016", 5))
    datei(tmp_path, "b.csv", melle("15.03.2016", 16))
    bericht = auswerten([tmp_path], einstellungen, STICHTAG)
    assert bericht.auswertung.datensaetze() == []
    assert bericht.hat_fehler
    assert "Melle" in bericht.fehlende_kommunen
    assert (
        "Widersprüchliche Meldungen von Melle mit gleichem Stand 15.03.2016 in a.csv und "
        "b.csv – keine davon wird ausgewertet; bitte die richtige Fassung behalten und die "
        "andere entfernen."
    ) in [b.text for b in bericht.befunde]


def test_identisch_doppelt_wird_einmal_gezaehlt(
    tmp_path: Path, einstellungen: Einstellungen
) -> None:
    datei(tmp_path, "a.csv", melle("15.03.2016", 5))
    datei(tmp_path, "b.csv", melle("15.03.2016", 5))
    bericht = auswerten([tmp_path], einstellungen, STICHTAG)
    assert len(bericht.auswertung.datensaetze()) == 1
    assert not bericht.hat_fehler


def test_ohne_stand_ist_aelter_als_mit_stand(tmp_path: Path, einstellungen: Einstellungen) -> None:
    datei(tmp_path, "a.csv", melle("", 5))
    datei(tmp_path, "b.csv", melle("15.03.2016", 16))
    (zeile,) = auswerten([tmp_path], einstellungen, STICHTAG).auswertung.datensaetze()
    assert zeile["verfuegbar_gu"] == 16


def test_veraltete_und_unplausible_meldungen(tmp_path: Path, einstellungen: Einstellungen) -> None:
    datei(
        tmp_path,
        "m.csv",
        melle("01.02.2016", 5),
        "Belm;15.03.2016;46;50;0;;35;0;46;0;18;;10;ausreichend",
    )
    texte = [b.text for b in auswerten([tmp_path], einstellungen, STICHTAG).befunde]
    assert (
        "m.csv, Zelle B2 Stand: Melle: Die Zahlen (Stand 01.02.2016) sind 48 Tage alt – "
        "bitte eine aktuelle Meldung anfordern."
    ) in texte
    assert (
        "m.csv, Zelle D3 (2) davon Ankünfte vor Ort: Belm: 50 Ankünfte, aber nur 46 "
        "Zuweisungen – Ankünfte sind ein Teil der Zuweisungen; bitte prüfen."
    ) in texte
    assert "Bramsche: keine Meldung eingegangen." in texte
