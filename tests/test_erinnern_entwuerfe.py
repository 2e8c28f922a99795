"""``wrm erinnern`` per case: every draft parsed back with Python's email package –
headers, X-Unsent, the one recipient, subject, body – and its attachments opened: the
Kommune's template with the contact filled in (read by openpyxl and by ``wrm pruefen``),
for a faulty file the text of its check."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import pytest
from conftest import wrm
from erinnernhilfen import anhaenge, bezirk_anlegen, entwurf_lesen, meldung_schreiben
from hilfen import GLANDORF_2016

ORDNER = Path("erinnerungen") / "2016-03-16"
HINWEIS_ENDE = "wrm versendet nichts: bitte im E-Mail-Programm öffnen, prüfen und senden."
KOPF = ["From", "To", "Subject", "X-Unsent", "MIME-Version", "Content-Type"]
GRUSS = [
    "Vielen Dank für Ihre Unterstützung!",
    "",
    "Mit freundlichen Grüßen",
    "Task-Force Wohnraum",
    "Landkreis Probe",
]


@pytest.fixture
def eingang(tmp_path: Path) -> Path:
    return bezirk_anlegen(tmp_path)


def _koerper(pfad: Path) -> list[str]:
    body = entwurf_lesen(pfad).get_body(("plain",))
    assert body is not None
    return str(body.get_content()).splitlines()


def test_fehlt_veraltet_fehlerhaft(eingang: Path) -> None:
    ordner = eingang.parent
    kontakt = {"ansprechpartner": "Jana Möller", "telefon": "05422 965-123"}
    meldung_schreiben(
        eingang, "Melle", dt.date(2016, 3, 1), email="j.moeller@melle.example", **kontakt
    )
    fehlerhaft = meldung_schreiben(
        eingang, "Fürstenau", zuweisungen="ca. 20", email="info@fuerstenau.example"
    )
    ergebnis = wrm("erinnern", "eingang", cwd=ordner)
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert ergebnis.stdout.splitlines() == [
        "Erinnerungen zum Stichtag 16.03.2016:",
        f"  Melle (veraltet) an j.moeller@melle.example: {ORDNER / 'Erinnerung_Melle.eml'}",
        f"  Bohmte (fehlt) an wohnraum@bohmte.example: {ORDNER / 'Erinnerung_Bohmte.eml'}",
        f"  Fürstenau (ungültig) an info@fuerstenau.example: "
        f"{ORDNER / 'Erinnerung_Fuerstenau.eml'}",
        f"3 Entwürfe geschrieben – {HINWEIS_ENDE}",
    ]
    entwuerfe = ordner / ORDNER
    assert sorted(p.name for p in entwuerfe.iterdir()) == [
        "Erinnerung_Bohmte.eml",
        "Erinnerung_Fuerstenau.eml",
        "Erinnerung_Melle.eml",
    ]
    # Every draft: exactly these headers, one recipient, unsent, no Date (the client's).
    for name, an in (
        ("Erinnerung_Melle.eml", "j.moeller@melle.example"),
        ("Erinnerung_Bohmte.eml", "wohnraum@bohmte.example"),
        ("Erinnerung_Fuerstenau.eml", "info@fuerstenau.example"),
    ):
        nachricht = entwurf_lesen(entwuerfe / name)
        assert list(nachricht.keys()) == KOPF, name
        assert nachricht["X-Unsent"] == "1"
        assert nachricht["From"] == "task-force@kreis-probe.example"
        assert [a.addr_spec for a in nachricht["To"].addresses] == [an]
        body = nachricht.get_body(("plain",))
        assert body is not None and body["Content-Type"].params["charset"] == "utf-8"

    bohmte = entwurf_lesen(entwuerfe / "Erinnerung_Bohmte.eml")
    assert bohmte["Subject"] == "Erinnerung: Meldung Bohmte zum Stichtag 16.03.2016"
    assert _koerper(entwuerfe / "Erinnerung_Bohmte.eml") == [
        "Guten Tag,",
        "",
        "uns liegt für den Stichtag 16.03.2016 noch keine Meldung von Bohmte zum "
        "Wohnraummanagement vor.",
        "",
        "Bitte füllen Sie die beigefügte Vorlage Meldung_Bohmte.xlsx aus und senden Sie sie "
        "uns bis zum 20.03.2016 zurück.",
        "",
        "Vor dem Senden können Sie die Datei mit „wrm pruefen Meldung_Bohmte.xlsx“ prüfen.",
        "",
        *GRUSS,
    ]
    melle = entwurf_lesen(entwuerfe / "Erinnerung_Melle.eml")
    assert melle["Subject"] == "Bitte aktualisieren: Meldung Melle zum Stichtag 16.03.2016"
    assert _koerper(entwuerfe / "Erinnerung_Melle.eml")[:6] == [
        "Guten Tag Jana Möller,",
        "",
        "die neueste Meldung von Melle, die uns vorliegt (Meldung_Melle.xlsx), hat den Stand "
        "01.03.2016 und ist zum Stichtag 16.03.2016 15 Tage alt.",
        "",
        "Bitte senden Sie uns bis zum 20.03.2016 eine Meldung mit aktuellen Zahlen – gern in "
        "der beigefügten Vorlage Meldung_Melle.xlsx.",
        "",
    ]
    # The faulty file: every error exactly as wrm pruefen shows it, in the body and attached.
    pruefung = wrm("pruefen", fehlerhaft, cwd=ordner)
    assert pruefung.returncode == 1
    assert "  Fehler: Zelle C12 " in pruefung.stdout
    fuerstenau = entwurf_lesen(entwuerfe / "Erinnerung_Fuerstenau.eml")
    assert fuerstenau["Subject"] == "Bitte korrigieren: Meldung Fürstenau zum Stichtag 16.03.2016"
    roh = (entwuerfe / "Erinnerung_Fuerstenau.eml").read_bytes()
    assert b"Subject: Bitte korrigieren: Meldung =?utf-8?q?F=C3=BCrstenau?= zum" in roh
    koerper = _koerper(entwuerfe / "Erinnerung_Fuerstenau.eml")
    zeilen = pruefung.stdout.splitlines()
    assert koerper[: 3 + len(zeilen) + 2] == [
        "Guten Tag,",
        "",
        "Ihre Meldung Meldung_Fürstenau.xlsx konnten wir zum Stichtag 16.03.2016 nicht "
        "auswerten. Die Prüfung mit „wrm pruefen“ ergibt:",
        "",
        *zeilen,
        "",
    ]
    teile = anhaenge(fuerstenau)
    assert list(teile) == ["Meldung_Fuerstenau.xlsx", "Pruefung_Fuerstenau.txt"]
    text = teile["Pruefung_Fuerstenau.txt"].get_content()
    assert text.replace("\r\n", "\n") == pruefung.stdout  # mail text has CRLF line ends


def test_ohne_stand(eingang: Path) -> None:
    """A table without a column "stand" (a template without one is faulty instead)."""
    meldung_schreiben(eingang, "Bohmte")
    meldung_schreiben(eingang, "Fürstenau")
    felder = ";".join(str(wert) for wert in GLANDORF_2016.values())
    (eingang / "melle.csv").write_text(
        f"kommune;{';'.join(GLANDORF_2016)}\nMelle;{felder}\n", "utf-8"
    )
    ergebnis = wrm("erinnern", "eingang", cwd=eingang.parent)
    assert ergebnis.returncode == 0, ergebnis.stderr
    entwurf = eingang.parent / ORDNER / "Erinnerung_Melle.eml"
    assert entwurf_lesen(entwurf)["Subject"] == (
        "Bitte Stand ergänzen: Meldung Melle zum Stichtag 16.03.2016"
    )
    assert _koerper(entwurf)[2:5] == [
        "in Ihrer Meldung melle.csv fehlt der Stand, also das Datum, auf das sich die "
        "Zahlen beziehen (in der Vorlage Zelle C6). Ohne ihn können wir nicht erkennen, ob die "
        "Zahlen zum Stichtag 16.03.2016 aktuell sind.",
        "",
        "Bitte tragen Sie den Stand ein (TT.MM.JJJJ) und senden Sie uns die Meldung bis zum "
        "20.03.2016 erneut – gern auch in der beigefügten Vorlage Meldung_Melle.xlsx.",
    ]
    assert ergebnis.stdout.splitlines()[1:] == [
        f"  Melle (ohne Stand) an wohnraum@melle.example: {ORDNER / 'Erinnerung_Melle.eml'}",
        f"1 Entwurf geschrieben – {HINWEIS_ENDE}",
    ]


def test_die_vorlage_im_anhang_ist_die_der_kommune_mit_ihrem_kontakt(eingang: Path) -> None:
    kontakt = {"ansprechpartner": "Jana Möller", "telefon": "05422 965-123"}
    meldung_schreiben(
        eingang, "Melle", dt.date(2016, 3, 1), email="j.moeller@melle.example", **kontakt
    )
    assert wrm("erinnern", "eingang", cwd=eingang.parent).returncode == 1  # Fürstenau
    nachricht = entwurf_lesen(eingang.parent / ORDNER / "Erinnerung_Melle.eml")
    anhang = anhaenge(nachricht)["Meldung_Melle.xlsx"]
    assert anhang.get_content_type() == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    inhalt = anhang.get_content()
    blatt = openpyxl.load_workbook(io.BytesIO(inhalt))["Meldung"]
    assert [blatt[z].value for z in ("C4", "C5", "C6", "C7", "C8", "C9")] == [
        "Landkreis Probe",
        "Melle",
        None,
        "Jana Möller",
        "05422 965-123",
        "j.moeller@melle.example",
    ]
    assert [blatt[z].data_type for z in ("C7", "C8", "C9")] == ["s", "s", "s"]  # never formulas
    # wrm reads it back as Melle's template: only the Stand is missing, the rest is blank.
    gespeichert = eingang.parent / "Meldung_Melle.xlsx"
    gespeichert.write_bytes(inhalt)
    pruefung = wrm("pruefen", gespeichert, "-f", "json", cwd=eingang.parent)
    assert pruefung.returncode == 1
    (datei,) = json.loads(pruefung.stdout)["dateien"]
    fehler = [b for b in datei["befunde"] if b["stufe"] == "fehler"]
    assert [(b["zelle"], b["feld"], b["kommune"]) for b in fehler] == [("C6", "stand", "Melle")]


def test_nie_ueber_einen_vorhandenen_entwurf(eingang: Path) -> None:
    ordner = eingang.parent
    assert wrm("erinnern", "eingang", cwd=ordner).returncode == 1  # all missing
    entwuerfe = ordner / ORDNER
    (entwuerfe / "Erinnerung_Melle.eml").write_bytes(b"von Hand bearbeitet")
    (entwuerfe / "Erinnerung_Bohmte.eml").unlink()
    ergebnis = wrm("erinnern", "eingang", cwd=ordner)
    assert ergebnis.returncode == 2
    assert ergebnis.stderr.splitlines() == [
        f"Fehler: {ORDNER / 'Erinnerung_Melle.eml'} gibt es schon – mit --ueberschreiben "
        "ersetzen oder mit --ausgabe einen anderen Ordner wählen. Es wurde nichts geschrieben."
    ]
    # Every target checked before the first is written: Bohmte's is not back either.
    assert (entwuerfe / "Erinnerung_Melle.eml").read_bytes() == b"von Hand bearbeitet"
    assert not (entwuerfe / "Erinnerung_Bohmte.eml").exists()
    ergebnis = wrm("erinnern", "eingang", "--ueberschreiben", cwd=ordner)
    assert ergebnis.returncode == 1
    assert entwurf_lesen(entwuerfe / "Erinnerung_Melle.eml")["X-Unsent"] == "1"
    assert (entwuerfe / "Erinnerung_Bohmte.eml").is_file()
    # --ausgabe: a folder of one's own, created.
    ergebnis = wrm("erinnern", "eingang", "-o", "entwuerfe/kw11", cwd=ordner)
    assert ergebnis.returncode == 1
    assert sorted(p.name for p in (ordner / "entwuerfe" / "kw11").iterdir()) == [
        "Erinnerung_Bohmte.eml",
        "Erinnerung_Melle.eml",
    ]


def test_leerer_ordner_alle_fehlen_und_ohne_adresse_wird_genannt(eingang: Path) -> None:
    ergebnis = wrm("erinnern", "eingang", cwd=eingang.parent)
    assert ergebnis.returncode == 1, ergebnis.stderr
    assert ergebnis.stdout.splitlines() == [
        "Erinnerungen zum Stichtag 16.03.2016:",
        f"  Melle (fehlt) an wohnraum@melle.example: {ORDNER / 'Erinnerung_Melle.eml'}",
        f"  Bohmte (fehlt) an wohnraum@bohmte.example: {ORDNER / 'Erinnerung_Bohmte.eml'}",
        "ohne Adresse: Fürstenau (fehlt) – keine E-Mail-Adresse bekannt (in keiner Meldung) – "
        'bitte bei [[kommunen]] in wrm.toml email = "…" eintragen',
        f"2 Entwürfe geschrieben – {HINWEIS_ENDE}",
    ]
    json_lauf = wrm("erinnern", "eingang", "-f", "json", "--ueberschreiben", cwd=eingang.parent)
    assert json_lauf.returncode == 1
    daten = json.loads(json_lauf.stdout)
    assert daten["ohne_adresse"] == ["Fürstenau"]
    assert [e["kommune"] for e in daten["entwuerfe"]] == ["Melle", "Bohmte"]


def test_alle_aktuell_keine_erinnerung(eingang: Path) -> None:
    for kommune in ("Melle", "Bohmte", "Fürstenau"):
        meldung_schreiben(eingang, kommune)
    ergebnis = wrm("erinnern", "eingang", cwd=eingang.parent)
    assert ergebnis.returncode == 3
    assert ergebnis.stdout == (
        "Stichtag 16.03.2016: alle Kommunen haben aktuell gemeldet – keine Erinnerung nötig.\n"
    )
    assert not (eingang.parent / "erinnerungen").exists()


def test_ohne_absender_kein_from_und_die_voreinstellungen(tmp_path: Path) -> None:
    eingang = bezirk_anlegen(
        tmp_path,
        '[bezirk]\nname = "Landkreis Probe"\n\n[[kommunen]]\nname = "Melle"\n'
        'email = "wohnraum@melle.example"\n',
    )
    ergebnis = wrm("erinnern", eingang, "--stichtag", "02.03.2016", cwd=tmp_path)
    assert ergebnis.returncode == 0, ergebnis.stderr
    entwurf = tmp_path / "erinnerungen" / "2016-03-02" / "Erinnerung_Melle.eml"
    nachricht = entwurf_lesen(entwurf)
    assert "From" not in nachricht
    koerper = _koerper(entwurf)
    assert "bis zum 05.03.2016 zurück." in koerper[4]  # frist_tage = 3
    assert koerper[-3:] == [
        "Mit freundlichen Grüßen",
        "Ihre Task-Force Wohnraum",
        "Landkreis Probe",
    ]


def test_ohne_eingabe_ein_satz(eingang: Path) -> None:
    ergebnis = wrm("erinnern", cwd=eingang.parent)
    assert ergebnis.returncode == 2
    assert ergebnis.stderr == (
        "Fehler: Bitte die Meldungsdateien oder den Ordner der Woche angeben, z. B. wrm "
        "erinnern eingang/ – auch einen leeren Ordner: dann fehlen alle.\n"
    )
    ergebnis = wrm("erinnern", "eingang", "-f", "xml", cwd=eingang.parent)
    assert ergebnis.returncode == 2
    assert ergebnis.stderr == "Fehler: --format „xml“ gibt es nicht – möglich sind text, json.\n"


def test_unlesbare_datei_ist_ein_fehlerhafter_fall(eingang: Path) -> None:
    """A file that cannot be read at all: its Kommune (from the file name) is reminded with
    what wrm pruefen says about it; the address comes from wrm.toml."""
    meldung_schreiben(eingang, "Melle")
    meldung_schreiben(eingang, "Fürstenau")
    kaputt = eingang / "Meldung_Bohmte.xlsx"
    kaputt.write_bytes(b"kein Excel")
    ergebnis = wrm("erinnern", "eingang", cwd=eingang.parent)
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert ergebnis.stdout.splitlines()[1] == (
        f"  Bohmte (ungültig) an wohnraum@bohmte.example: {ORDNER / 'Erinnerung_Bohmte.eml'}"
    )
    pruefung = wrm("pruefen", kaputt, cwd=eingang.parent)
    assert pruefung.stdout.startswith("✗ Meldung_Bohmte.xlsx: nicht lesbar\n")
    entwurf = eingang.parent / ORDNER / "Erinnerung_Bohmte.eml"
    koerper = _koerper(entwurf)
    assert koerper[4 : 4 + len(pruefung.stdout.splitlines())] == pruefung.stdout.splitlines()
    assert list(anhaenge(entwurf_lesen(entwurf))) == [
        "Meldung_Bohmte.xlsx",
        "Pruefung_Bohmte.txt",
    ]
