"""The HTML pages without a browser: structure, escaping, data stated honestly, contrast,
size (21 and 11,000 Kommunen). The page in a real browser: tests/test_html_browser.py."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import BEISPIELE, wrm
from openpyxl import load_workbook

from wrm_cli import __version__
from wrm_cli.berichte.html_seite import anker, anker_je_kommune, umgebung

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; "
    "base-uri 'none'"
)
XSS_SKRIPT = "<script>alert(1)</script>"
XSS_BILD = "<img src=x onerror=alert(1)>"
SVG_NAMENSRAUM = "http://www.w3.org/2000/svg"


@dataclass
class Tabelle:
    id: str | None
    caption: bool = False
    th: list[str | None] = field(default_factory=list)  # the scope of each


class Gliederung(HTMLParser):
    """Every start tag with its attributes, the ids, and each table's caption and th."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: list[str] = []
        self.tabellen: list[Tabelle] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attribute = dict(attrs)
        self.tags.append((tag, attribute))
        if (kennung := attribute.get("id")) is not None:
            self.ids.append(kennung)
        if tag == "table":
            self.tabellen.append(Tabelle(attribute.get("id")))
        elif tag == "caption" and self.tabellen:
            self.tabellen[-1].caption = True
        elif tag == "th" and self.tabellen:
            self.tabellen[-1].th.append(attribute.get("scope"))


def gliederung(html: str) -> Gliederung:
    parser = Gliederung()
    parser.feed(html)
    return parser


def verweise_treffen(html: str) -> int:
    """Every link within the page points at an element of the page; how many there are."""
    teile = gliederung(html)
    ziele = [a["href"] for tag, a in teile.tags if tag == "a" and a.get("href")]
    assert all(ziel is not None and ziel.startswith("#") for ziel in ziele), ziele
    assert {ziel[1:] for ziel in ziele if ziel} <= set(teile.ids)
    return len(ziele)


def kontakte_setzen(vorlage: Path, ziel: Path) -> None:
    """The filled template with the two payloads as contact (Ansprechpartner, E-Mail)."""
    mappe = load_workbook(vorlage)
    for key, wert in (("ansprechpartner", XSS_SKRIPT), ("email", XSS_BILD)):
        blatt, zelle = next(iter(mappe.defined_names[key].destinations))
        mappe[blatt][zelle.replace("$", "")] = wert
    mappe.save(ziel)


def vorwochen_archiv(archiv: Path) -> Path:
    """An archive with the two invented earlier weeks kw09 and kw10 of the example."""
    for ordner, tag in (("kw09", "02.03.2016"), ("kw10", "09.03.2016")):
        lauf = wrm(
            "auswerten", BEISPIELE / "verlauf" / ordner, "--konfig", BEISPIELE / "wrm.toml",
            "--stichtag", tag, "--archiv", archiv, "-f", "json",
        )  # fmt: skip
        assert lauf.returncode == 0, lauf.stderr
    return archiv


def seite_2016(tmp_path: Path, *argumente: str) -> str:
    ziel = tmp_path / "bericht.html"
    lauf = wrm("auswerten", BEISPIELE / "eingang", "-o", ziel, *argumente)
    assert lauf.returncode == 0, lauf.stderr
    return ziel.read_text(encoding="utf-8")


def test_kopf_sicherheit_und_keine_adresse(tmp_path: Path) -> None:
    html = seite_2016(tmp_path)
    assert html.startswith('<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n')
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in html
    teile = gliederung(html)
    namen = {tag for tag, _ in teile.tags}
    assert not namen & {"script", "link", "img", "iframe", "object", "embed", "form", "base"}
    # No address of any kind: the only URL is the SVG namespace, which loads nothing.
    assert set(re.findall(r"(?:https?:)?//[\w.-]+[^\s\"'<>)]*", html)) == {SVG_NAMENSRAUM}
    assert "@import" not in html and "url(" not in html
    assert not [a for _, attribute in teile.tags for a in attribute if a.startswith("on")]
    assert len(html.encode("utf-8")) < 200_000


def test_tabellen_zugaenglich_und_anker_je_kommune(tmp_path: Path) -> None:
    html = seite_2016(tmp_path)
    teile = gliederung(html)
    ids = {t.id for t in teile.tabellen}
    assert {"auswertungstabelle", "kennzahltabelle", "meldestatustabelle"} <= ids
    assert {"vorschlagstabelle", "bilanztabelle", "prognosetabelle"} <= ids  # with ausgleich
    for tabelle in teile.tabellen:
        assert tabelle.caption, tabelle.id
        assert set(tabelle.th) <= {"col", "row", "colgroup"}, tabelle.id
    assert len(teile.ids) == len(set(teile.ids)), "ids are unique"
    sektionen = [
        a["id"] for tag, a in teile.tags if tag == "section" and a.get("class") == "kommune"
    ]
    assert len(sektionen) == 21
    assert {"kommune-bad-laer", "kommune-fuerstenau", "kommune-georgsmarienhuette"} <= set(
        sektionen
    )
    assert 'href="#kommune-bad-laer"' in html
    assert verweise_treffen(html) >= 2 * 21
    assert "<caption>Auswertung, Stichtag 16.03.2016, Stand der Daten 16.03.2016</caption>" in html
    abschnitt = html.split('id="kommune-bad-laer">', 1)[1].split("</section>", 1)[0]
    assert "<p>Verlauf: keiner (ohne Archiv).</p>" in abschnitt
    assert "<p>Verlauf: keiner – ohne Archiv (--archiv) kennt wrm keine früheren Stichtage" in html


def test_anker() -> None:
    assert anker("Bad Laer") == "kommune-bad-laer"
    assert anker("Fürstenau") == "kommune-fuerstenau"
    assert anker("Georgsmarienhütte") == "kommune-georgsmarienhuette"
    assert anker("Straße (Süd)") == "kommune-strasse-sued"
    assert anker("Ölbronn-Dürrn") == "kommune-oelbronn-duerrn"
    assert anker("<b>") == "kommune-b"
    assert anker_je_kommune(["Bad Laer", "Bad-Laer", "bad laer"]) == {
        "Bad Laer": "kommune-bad-laer",
        "Bad-Laer": "kommune-bad-laer-2",
        "bad laer": "kommune-bad-laer-3",
    }


def test_autoescape_fuer_jede_vorlage() -> None:
    env = umgebung()
    namen = env.list_templates()
    assert {"bericht.html.j2", "verlauf.html.j2", "ausgleich.html.j2", "prognose.html.j2"} <= set(
        namen
    )
    assert env.autoescape is True
    assert env.loader is not None
    for name in namen:  # each output expression of each template goes through escape()
        quelle = env.loader.get_source(env, name)[0]
        code = str(env.compile(quelle, name, raw=True))
        ausgaben = quelle.count("{{")
        assert ausgaben > 0 and code.count("escape(") >= ausgaben, name
        assert "|safe" not in quelle.replace(" ", "") and "Markup" not in quelle, name
    vorlage = env.from_string("{{ text }}")
    assert vorlage.render(text=XSS_SKRIPT) == "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_kontakte_und_dateinamen_werden_escaped(tmp_path: Path) -> None:
    eingang = tmp_path / "eingang"
    shutil.copytree(BEISPIELE / "eingang", eingang)
    shutil.copy(BEISPIELE / "wrm.toml", tmp_path / "wrm.toml")
    datei = eingang / "Meldung_Bad_Laer.xlsx"
    kontakte_setzen(datei, eingang / "Meldung_Bad_Laer_<i>.xlsx")
    datei.unlink()
    ziel = tmp_path / "bericht.html"
    lauf = wrm("auswerten", eingang, "-o", ziel, cwd=tmp_path)
    assert lauf.returncode == 0, lauf.stderr
    html = ziel.read_text(encoding="utf-8")
    assert "<script" not in html and "<img" not in html and "<i>" not in html
    assert (
        'Ansprechpartner: <span class="kontakt">&lt;script&gt;alert(1)&lt;/script&gt;</span>'
        in html
    )
    assert 'E-Mail: <span class="kontakt">&lt;img src=x onerror=alert(1)&gt;</span>' in html
    assert "Datei Meldung_Bad_Laer_&lt;i&gt;.xlsx" in html


def test_veraltet_zuerst_und_fehlende_genannt(tmp_path: Path) -> None:
    eingang = tmp_path / "eingang"
    shutil.copytree(BEISPIELE / "eingang", eingang)
    (eingang / "Meldung_Bad_Laer.xlsx").unlink()
    (eingang / "Meldung_Melle.xlsx").unlink()
    ziel = tmp_path / "bericht.html"
    lauf = wrm(
        "auswerten",
        eingang,
        "--konfig",
        BEISPIELE / "wrm.toml",
        "--stichtag",
        "30.04.2016",
        "-o",
        ziel,
    )
    assert lauf.returncode == 0, lauf.stderr
    html = ziel.read_text(encoding="utf-8")
    koerper = html.split("<body>\n", 1)[1]
    assert koerper.startswith(
        '<header>\n<p class="warnung" role="alert">Achtung: Die Zahlen sind veraltet – auch '
        "die neueste Meldung (Stand 16.03.2016) ist 45 Tage älter als der Stichtag "
        "30.04.2016.</p>\n<h1>Wohnraummanagement Landkreis Osnabrück – Auswertung, Stichtag "
        "30.04.2016, Stand der Daten 16.03.2016</h1>\n<p>Alle Meldungen haben den Stand "
        "16.03.2016 (45 Tage vor dem Stichtag).</p>\n"
        '<p class="fehler">Ohne gültige Meldung: Bad Laer, Melle.</p>\n'
    )
    assert '<tr class="summe"><th scope="row">Gesamt (19 von 21 Kommunen)</th>' in html
    abschnitt = html.split('id="kommune-bad-laer">', 1)[1].split("</section>", 1)[0]
    assert "<p>Meldestatus: <b>fehlt</b></p>" in abschnitt
    assert "<p>Keine Zeile in der Auswertung: keine gültige Meldung.</p>" in abschnitt


def test_kontrast_der_farben_mindestens_4_5() -> None:
    """Every text colour of the CSS against every background of the CSS (and white)."""
    css = umgebung().loader.get_source(umgebung(), "_basis.html.j2")[0]  # type: ignore[union-attr]
    css = css.split("<style>", 1)[1].split("</style>", 1)[0]
    vorn = set(re.findall(r"(?<![-\w])color:\s*(#[0-9a-f]{6})", css))
    vorn |= set(re.findall(r"svg text \{[^}]*fill:\s*(#[0-9a-f]{6})", css))
    hinten = set(re.findall(r"background:\s*(#[0-9a-f]{6})", css)) | {"#ffffff"}
    assert len(vorn) >= 6 and len(hinten) >= 4
    for text in vorn:
        for grund in hinten:
            assert kontrast(text, grund) >= 4.5, (text, grund, kontrast(text, grund))


def kontrast(erste: str, zweite: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""

    def leuchtdichte(farbe: str) -> float:
        kanaele = [int(farbe[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (k / 12.92 if k <= 0.04045 else ((k + 0.055) / 1.055) ** 2.4 for k in kanaele)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    hell, dunkel = sorted((leuchtdichte(erste), leuchtdichte(zweite)), reverse=True)
    return (hell + 0.05) / (dunkel + 0.05)


def test_kontrast_rechnung() -> None:
    assert kontrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert kontrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_seiten_von_verlauf_ausgleich_prognose(tmp_path: Path) -> None:
    archiv = vorwochen_archiv(tmp_path / "archiv.sqlite")
    seiten = {
        "verlauf": ("verlauf", "--archiv", archiv),
        "ausgleich": ("ausgleich", BEISPIELE / "eingang"),
        "prognose": ("prognose", BEISPIELE / "eingang"),
    }
    erwartet = {
        "verlauf": [
            "<h1>Verlauf Landkreis Osnabrück, 2 Stichtage 02.03.2016–09.03.2016, Archiv "
            "archiv.sqlite</h1>",
            '<td class="zahl">1.195</td>',
            '<td class="zahl mehr">-228</td><td class="zahl fehlt">+133</td>',
        ],
        "ausgleich": [
            "<h1>Wohnraummanagement Landkreis Osnabrück – Ausgleichsvorschlag</h1>",
            "<p>Stichtag 16.03.2016, Stand der Daten 16.03.2016</p>",
            '<tr class="summe"><th scope="row">Summe</th>',
            "<p>Personenkilometer: ",
        ],
        "prognose": [
            "<h1>Wohnraummanagement Landkreis Osnabrück – Prognose der Reichweite, Stichtag "
            "16.03.2016, Stand der Daten 16.03.2016</h1>",
            '<th scope="col">Warnung</th>',
            '<tr class="summe"><th scope="row">Landkreis Osnabrück</th>',
        ],
    }
    for name, argumente in seiten.items():
        ziel = tmp_path / f"{name}.html"
        lauf = wrm(*argumente, "-o", ziel)
        assert lauf.returncode == 0, lauf.stderr
        html = ziel.read_text(encoding="utf-8")
        assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in html
        assert "<script" not in html
        for text in erwartet[name]:
            assert text in html, (name, text)
        verweise_treffen(html)  # no Kommune sections here: no links to them


def _land(ordner: Path, anzahl: int) -> Path:
    """A district of ``anzahl`` Kommunen and one table-format CSV with a row for each;
    the figures vary, so many rows get a hint, as a real Land's would."""
    toml = ["[bezirk]", 'name = "Land Probe"', "stichtag = 2016-03-16", ""]
    for nr in range(anzahl):
        toml += ["[[kommunen]]", f'name = "Gemeinde {nr:05d}"', ""]
    (ordner / "wrm.toml").write_text("\n".join(toml), encoding="utf-8")
    kopf = (BEISPIELE / "uebersicht_2016.csv").read_text(encoding="utf-8").splitlines()[0]
    zeilen = [kopf]
    for nr in range(anzahl):
        lage = "kritisch" if nr % 9 == 0 else "ausreichend"
        zeilen.append(
            f"Gemeinde {nr:05d};16.03.2016;{80 + nr % 50};{80 + nr % 50};0;2;{nr % 60 - 10};0;"
            f"80;{nr % 7};{nr % 19};0;{nr % 5};{lage}"
        )
    datei = ordner / "land.csv"
    datei.write_text("\n".join(zeilen) + "\n", encoding="utf-8")
    return datei


def test_11000_kommunen_unter_15_mb(tmp_path: Path) -> None:
    datei = _land(tmp_path, 11_000)
    ziel = tmp_path / "land.html"
    lauf = wrm("auswerten", datei, "-o", ziel, "--konfig", tmp_path / "wrm.toml")
    assert lauf.returncode == 0, lauf.stderr
    html = ziel.read_text(encoding="utf-8")
    assert len(html.encode("utf-8")) < 15_000_000
    assert html.count('<section class="kommune" id="kommune-gemeinde-') == 11_000
    assert html.count('<tr><th scope="row"><a href="#kommune-gemeinde-') == 2 * 11_000
    # The chart shows the 20 largest shortages and surpluses, and says so.
    assert html.count("<g class=") == 40
    assert (
        "Gezeigt: die 20 Kommunen mit dem meisten fehlenden Wohnraum und die 20 mit den "
        "meisten freien Plätzen (von 11.000); alle Zahlen stehen in der Tabelle." in html
    )
    # The Gesamt's Summe: (8) + (9) + (10) + (11) of every row, as _land fills them in.
    summe = sum(nr % 7 + nr % 19 + nr % 5 for nr in range(11_000))
    assert f"<td><b>{summe:,}</b></td>".replace(",", ".") in html.split('<tr class="summe">', 1)[1]


def test_namen_der_kommunen_werden_escaped(tmp_path: Path) -> None:
    """A Kommune named with markup in wrm.toml: text in the table, the chart, the section."""
    name = "Neu<script>alert(1)</script>"
    (tmp_path / "wrm.toml").write_text(
        '[bezirk]\nname = "Kreis <i>"\nstichtag = 2016-03-16\n\n'
        f'[[kommunen]]\nname = "{name}"\n\n[[kommunen]]\nname = "Alt"\n',
        encoding="utf-8",
    )
    kopf = (BEISPIELE / "uebersicht_2016.csv").read_text(encoding="utf-8").splitlines()[0]
    (tmp_path / "kreis.csv").write_text(
        f"{kopf}\n{name};16.03.2016;10;10;0;0;5;0;10;1;0;0;0;kritisch\n", encoding="utf-8"
    )
    ziel = tmp_path / "kreis.html"
    lauf = wrm("auswerten", tmp_path / "kreis.csv", "-o", ziel, cwd=tmp_path)
    assert lauf.returncode == 0, lauf.stderr
    html = ziel.read_text(encoding="utf-8")
    sicher = "Neu&lt;script&gt;alert(1)&lt;/script&gt;"
    assert "<script" not in html and "<i>" not in html
    assert f'<a href="#kommune-neu-script-alert-1-script">{sicher}</a></th><td>10</td>' in html
    assert f'text-anchor="end">{sicher}</text>' in html  # the bar chart's label
    assert (
        f'<section class="kommune" id="kommune-neu-script-alert-1-script">\n<h3>{sicher}</h3>'
        in html
    )
    assert "<h1>Wohnraummanagement Kreis &lt;i&gt; – Auswertung, Stichtag 16.03.2016" in html
    assert '<p class="fehler">Ohne gültige Meldung: Alt.</p>' in html


def test_fusszeile_nennt_version_zeit_und_quelle(tmp_path: Path) -> None:
    html = seite_2016(tmp_path)
    fuss = re.search(r"<footer><p>(.*)</p></footer>", html)
    assert fuss is not None
    ordner = BEISPIELE / "eingang"
    assert re.fullmatch(
        rf"Erstellt mit wrm {re.escape(__version__)} am \d\d\.\d\d\.\d{{4}} um \d\d:\d\d Uhr · "
        rf"Daten: 21 Dateien in {re.escape(str(ordner))}",
        fuss.group(1),
    )


def test_verlauf_ohne_stichtag(tmp_path: Path) -> None:
    archiv = vorwochen_archiv(tmp_path / "archiv.sqlite")
    ziel = tmp_path / "leer.html"
    lauf = wrm("verlauf", "--archiv", archiv, "--von", "01.01.2020", "-o", ziel)
    assert lauf.returncode == 0, lauf.stderr
    html = ziel.read_text(encoding="utf-8")
    assert "<h1>Im Archiv archiv.sqlite gibt es keinen Stichtag ab dem 01.01.2020.</h1>" in html
    assert "<table" not in html and "<svg" not in html
    assert f"Daten: Archiv {archiv}</p></footer>" in html


def test_verlauf_einer_kommune_und_meldeverhalten(tmp_path: Path) -> None:
    archiv = vorwochen_archiv(tmp_path / "archiv.sqlite")
    kommune, meldungen = tmp_path / "kommune.html", tmp_path / "meldungen.html"
    for argumente in (("--kommune", "Bad Laer", "-o", kommune), ("--meldungen", "-o", meldungen)):
        lauf = wrm("verlauf", "--archiv", archiv, *argumente)
        assert lauf.returncode == 0, lauf.stderr
    html = kommune.read_text(encoding="utf-8")
    assert '<title id="verlaufsdiagramm-titel">Verlauf Bad Laer: fehlender Wohnraum</title>' in html
    # kw09 has no Meldung of Bad Laer: its status as a word, no figures, no point drawn.
    assert (
        '<tr><th scope="row">02.03.2016</th><td>fehlt</td><td></td><td class="zahl"></td>' in html
    )
    assert html.count('<circle class="linie-fehlt"') == 1
    html = meldungen.read_text(encoding="utf-8")
    assert "<svg" not in html
    assert (
        '<tr><th scope="row">Bad Laer</th><td class="zahl">2</td><td class="zahl">1</td>'
        '<td class="zahl">0</td><td class="zahl">0</td><td class="zahl">1</td>'
        '<td class="zahl">0</td><td class="zahl">1 Stichtag</td>' in html
    )
