"""``wrm prognose`` on the command line: the band from an archive of four Stichtage
(computed by hand), the hint without enough runs, every bad setting as a German usage
error, and the archive only read."""

from __future__ import annotations

import json
from pathlib import Path

from archivhilfen import PROBE_TOML, probebezirk, sql, tabelle
from conftest import wrm

TOML_QUOTE = """
[quote]
ende = 2016-07-31
"""
# (Stichtag, Altdorf's (1), Bergen's (1)): Altdorf +14 in 4 weeks (0.5 a day), +70 in 8
# weeks (1.25 a day); Bergen falls (counts as 0).
WOCHEN = (
    ("2016-01-20", 14, 20),
    ("2016-02-17", 70, 25),
    ("2016-03-09", 80, 22),
    ("2016-03-16", 84, 20),
)


def _woche(ordner: Path, stichtag: str, altdorf: int, bergen: int) -> Path:
    tag = ".".join(reversed(stichtag.split("-")))
    return tabelle(
        ordner / "meldungen.csv",
        f"Altdorf;{tag};{altdorf};;;;20;;;6;4;0;0;ausreichend",
        f"Bergen;{tag};{bergen};;;;5;;;5;0;0;0;ausreichend",
    ).parent


def _archiv(tmp_path: Path, wochen: tuple[tuple[str, int, int], ...]) -> None:
    probebezirk(tmp_path, TOML_QUOTE)
    for stichtag, altdorf, bergen in wochen:
        ordner = _woche(tmp_path / stichtag, stichtag, altdorf, bergen)
        ergebnis = wrm(
            "auswerten", ordner, "--stichtag", stichtag, "--archiv", "archiv.sqlite",
            "--konfig", "wrm.toml", "-f", "json", cwd=tmp_path,
        )  # fmt: skip
        assert ergebnis.returncode == 0, ergebnis.stderr


def test_spanne_aus_dem_archiv(tmp_path: Path) -> None:
    _archiv(tmp_path, WOCHEN[:3])
    neu = _woche(tmp_path / "neu", *WOCHEN[3])
    ergebnis = wrm(
        "prognose", neu, "--archiv", "archiv.sqlite", "--stichtag", "16.03.2016",
        "--konfig", "wrm.toml", "-f", "json", cwd=tmp_path,
    )  # fmt: skip
    assert ergebnis.returncode == 0, ergebnis.stderr
    daten = json.loads(ergebnis.stdout)
    kommunen = {k["kommune"]: k for k in daten["kommunen"]}
    # Altdorf, 10 places: at 1.25 a day t = 8 → 24.03.2016; at 0.5 a day t = 20 → 05.04.
    assert kommunen["Altdorf"]["spanne"] == {
        "niedrig": {"datum": "2016-03-24", "wochen": 1.1},
        "hoch": {"datum": "2016-04-05", "wochen": 2.9},
    }
    # Bergen's (1) fell: 0 a day, its places last beyond the forecast.
    assert kommunen["Bergen"]["spanne"] == {"niedrig": None, "hoch": None}
    # The district, 15 places: Σ(1) 104 now, 95 four weeks ago (9/28 a day), 34 eight
    # weeks ago (70/56 = 1.25 a day): t = 12 → 28.03.2016; t = 46⅔ → 01.05.2016, 6.7 weeks.
    assert daten["bezirk_gesamt"]["spanne"] == {
        "niedrig": {"datum": "2016-03-28", "wochen": 1.7},
        "hoch": {"datum": "2016-05-01", "wochen": 6.7},
    }
    texte = [b["meldung"] for b in daten["befunde"] if b["stufe"] == "hinweis"]
    assert (
        "(1) bisherige Zuweisungen gesunken: Bergen seit dem 17.02.2016 (-5); Bergen seit dem "
        "20.01.2016 (0) – für die Spanne zählt das als 0 Personen je Tag."
    ) not in texte
    assert (
        "(1) bisherige Zuweisungen gesunken: Bergen seit dem 17.02.2016 (-5) – für die "
        "Spanne zählt das als 0 Personen je Tag."
    ) in texte
    # Only read: the archive holds the three runs it had.
    assert sql(tmp_path / "archiv.sqlite", "SELECT count(*) FROM laeufe") == [(3,)]
    text = wrm(
        "prognose", neu, "--archiv", "archiv.sqlite", "--stichtag", "16.03.2016",
        "--konfig", "wrm.toml", cwd=tmp_path,
    ).stdout  # fmt: skip
    assert (
        "Spanne: Reichweite sofort bei der Zunahme von (1) je Tag in den letzten 4 und 8 "
        "Wochen (Archiv, 4 Stichtage 20.01.2016 bis 16.03.2016)."
    ) in text.splitlines()
    zeile = next(z for z in text.splitlines() if "Altdorf" in z)
    assert "24.03.2016 – 05.04.2016" in zeile


def test_ohne_genug_laeufe_keine_spanne(tmp_path: Path) -> None:
    _archiv(tmp_path, WOCHEN[1:3])
    neu = _woche(tmp_path / "neu", *WOCHEN[3])
    ergebnis = wrm(
        "prognose", neu, "--archiv", "archiv.sqlite", "--stichtag", "16.03.2016",
        "--konfig", "wrm.toml", "-f", "json", cwd=tmp_path,
    )  # fmt: skip
    assert ergebnis.returncode == 0, ergebnis.stderr
    daten = json.loads(ergebnis.stdout)
    assert all(k["spanne"] is None for k in daten["kommunen"])
    assert daten["bezirk_gesamt"]["spanne"] is None
    assert (
        "Keine Spanne aus dem Verlauf: das Archiv hält bis zum 16.03.2016 2 frühere Stichtage, "
        "nötig sind mindestens 3 (mit diesem 4 Läufe)."
    ) in [b["meldung"] for b in daten["befunde"]]


def test_ohne_eingabe_der_bericht_aus_dem_archiv(tmp_path: Path) -> None:
    _archiv(tmp_path, WOCHEN)
    ergebnis = wrm(
        "prognose", "--archiv", "archiv.sqlite", "--stichtag", "16.03.2016",
        "--konfig", "wrm.toml", "-f", "json", cwd=tmp_path,
    )  # fmt: skip
    assert ergebnis.returncode == 0, ergebnis.stderr
    daten = json.loads(ergebnis.stdout)
    altdorf = next(k for k in daten["kommunen"] if k["kommune"] == "Altdorf")
    assert altdorf["spanne"]["niedrig"] == {"datum": "2016-03-24", "wochen": 1.1}
    assert sql(tmp_path / "archiv.sqlite", "SELECT count(*) FROM laeufe") == [(4,)]


def _fehler(tmp_path: Path, *argumente: str, zusatz: str = TOML_QUOTE) -> str:
    probebezirk(tmp_path)
    (tmp_path / "wrm.toml").write_text(PROBE_TOML + zusatz, encoding="utf-8")
    ordner = _woche(tmp_path / "neu", *WOCHEN[3])
    ergebnis = wrm("prognose", ordner, "--konfig", "wrm.toml", *argumente, cwd=tmp_path)
    assert ergebnis.returncode == 2, ergebnis.stdout
    assert ergebnis.stdout == ""
    return ergebnis.stderr.rstrip("\n")


def test_ohne_quotenende(tmp_path: Path) -> None:
    assert _fehler(tmp_path, zusatz="") == (
        "Fehler: Für die Prognose fehlt das Ende des Quotenzeitraums – bitte in wrm.toml "
        "[quote] ende = 2016-07-31 eintragen oder mit --prognose DATEI (bzw. [prognose] "
        "datei) eine Prognose der Zuweisungen angeben."
    )


def test_quotenende_vor_dem_stichtag(tmp_path: Path) -> None:
    assert _fehler(tmp_path, "--stichtag", "01.08.2016") == (
        "Fehler: [quote] ende = 2016-07-31 liegt vor dem Stichtag 01.08.2016 – für eine "
        "Prognose bitte das Ende des laufenden Quotenzeitraums eintragen oder mit --prognose "
        "DATEI eine Prognose der Zuweisungen angeben."
    )


def test_bis_vor_dem_stichtag_und_kein_datum(tmp_path: Path) -> None:
    assert _fehler(tmp_path, "--stichtag", "16.03.2016", "--bis", "01.03.2016") == (
        "Fehler: --bis 01.03.2016 liegt vor dem Stichtag 16.03.2016 – die Prognose beginnt "
        "am Stichtag."
    )
    assert _fehler(tmp_path, "--bis", "Ostern") == (
        "Fehler: --bis „Ostern“ ist kein Datum – erwartet wird z. B. 16.03.2016."
    )


def test_prognosedatei_endet_vor_dem_stichtag(tmp_path: Path) -> None:
    (tmp_path / "p.csv").write_text("monat;zuweisungen\n2016-02;10\n", encoding="utf-8")
    assert _fehler(tmp_path, "--stichtag", "16.03.2016", "--prognose", "p.csv") == (
        "Fehler: Die Prognosedatei p.csv endet mit Februar 2016, vor dem Stichtag "
        "16.03.2016 – erwartet werden Monate ab dem des Stichtags."
    )


def test_prognosedatei_aus_wrm_toml_nicht_gefunden(tmp_path: Path) -> None:
    zusatz = TOML_QUOTE + '\n[prognose]\ndatei = "fehlt.csv"\n'
    assert _fehler(tmp_path, zusatz=zusatz) == (
        "Fehler: Die Prognosedatei fehlt.csv (--prognose bzw. [prognose] datei) wurde nicht "
        "gefunden."
    )


def test_einwohnerschluessel_ohne_einwohner(tmp_path: Path) -> None:
    zusatz = TOML_QUOTE + '\n[prognose]\nschluessel = "einwohner"\n'
    assert _fehler(tmp_path, zusatz=zusatz) == (
        'Fehler: wrm.toml: [prognose] schluessel = "einwohner" braucht '
        "„einwohner“ bei jeder Kommune unter [[kommunen]] – es fehlt bei Altdorf, Bergen, "
        "Cranz, Dornum, Emden."
    )


def test_luecke_und_fehlende_kommune_in_der_datei(tmp_path: Path) -> None:
    probebezirk(tmp_path, TOML_QUOTE)
    ordner = _woche(tmp_path / "neu", *WOCHEN[3])
    (tmp_path / "p.csv").write_text(
        "kommune;monat;zuweisungen\nAltdorf;2016-03;31\nAltdorf;2016-05;10\n", encoding="utf-8"
    )
    ergebnis = wrm(
        "prognose", ordner, "--konfig", "wrm.toml", "--prognose", "p.csv",
        "--stichtag", "16.03.2016", "-f", "json", cwd=tmp_path,
    )  # fmt: skip
    assert ergebnis.returncode == 0, ergebnis.stderr
    daten = json.loads(ergebnis.stdout)
    texte = [b["meldung"] for b in daten["befunde"]]
    assert (
        "Die Prognosedatei p.csv nennt für Altdorf keine Zuweisungen für April 2016 – für "
        "diesen Monat werden keine erwartet."
    ) in texte
    assert (
        "Die Prognosedatei p.csv nennt keine Zuweisungen für Bergen – für diese Kommune "
        "werden keine erwartet."
    ) in texte
    assert (daten["quelle"], daten["schluessel"], daten["bis"]) == ("datei", None, "2016-05-31")
    altdorf = next(k for k in daten["kommunen"] if k["kommune"] == "Altdorf")
    # March: 1 a day from the 16th; 10 places on the 26th (t = 10).
    assert altdorf["reichweite_sofort"] == {"datum": "2016-03-26", "wochen": 1.4}


def test_datei_ohne_den_monat_des_stichtags_und_bis_danach(tmp_path: Path) -> None:
    """A forecast from April: nothing is expected from 16.03. to 31.03.2016, and the report
    says so; --bis after the file's end does not lengthen the forecast."""
    probebezirk(tmp_path, TOML_QUOTE)
    ordner = _woche(tmp_path / "neu", *WOCHEN[3])
    (tmp_path / "p.csv").write_text("monat;zuweisungen\nApril 2016;30\n", encoding="utf-8")
    ergebnis = wrm(
        "prognose", ordner, "--konfig", "wrm.toml", "--prognose", "p.csv",
        "--stichtag", "16.03.2016", "--bis", "31.12.2016", "-f", "json", cwd=tmp_path,
    )  # fmt: skip
    assert ergebnis.returncode == 0, ergebnis.stderr
    daten = json.loads(ergebnis.stdout)
    texte = [b["meldung"] for b in daten["befunde"]]
    assert texte[-2:] == [
        "--bis 31.12.2016 liegt nach dem Ende der Prognose – sie endet am 30.04.2016 (Ende "
        "der Prognosedatei).",
        "Die Prognosedatei p.csv nennt keine Zuweisungen für März 2016 – für diesen Monat "
        "werden keine erwartet.",
    ]
    assert (daten["quelle"], daten["schluessel"], daten["bis"]) == ("datei", "quote", "2016-04-30")
    # Quota key: rests 20 and 5, so Altdorf 24 and Bergen 6 persons in April (1 a day
    # from 01.04.): Altdorf's 10 places on day 16 + 10/0.8 = 28.5 → 13.04.2016.
    altdorf = next(k for k in daten["kommunen"] if k["kommune"] == "Altdorf")
    assert altdorf["verteilung"] == [
        {"monat": "2016-04", "anteil": 80.0, "rohanteil": 24.0, "anrechnung": 0.0,
         "erwartet": 24.0}
    ]  # fmt: skip
    assert altdorf["reichweite_sofort"] == {"datum": "2016-04-13", "wochen": 4.1}
