"""The HTML pages as a person sees them: in a real headless Chromium (Debian's package,
driven by Playwright for Python with ``executable_path``; no browser download).

One browser for the module, one page per report. Each page is opened with every request
recorded (and any beyond the page's own file refused), console errors, page errors and
dialogs recorded.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from archivhilfen import KENNZAHLEN, ZAHLEN
from conftest import BEISPIELE, wrm
from screenshot_erzeugen import ARGUMENTE, BREITE, HOEHE, groesse, screenshot
from test_html_bericht import XSS_BILD, XSS_SKRIPT, kontakte_setzen, kontrast, vorwochen_archiv

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="kein Chromium installiert (Debian: apt-get install chromium) – der Browsertest "
    "braucht Debians chromium, Playwright lädt keinen eigenen Browser",
)
MINUS = "\u2212"  # the change column's minus sign (beschriftung.veraenderung)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    assert CHROMIUM is not None
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGUMENTE)
        yield browser
        browser.close()


@dataclass
class Seiten:
    ordner: Path
    json: dict[str, Any] = field(default_factory=dict)  # name → JSON of wrm auswerten

    def __getitem__(self, name: str) -> Path:
        return self.ordner / f"{name}.html"


def _auswerten(ordner: Path, name: str, *argumente: str | Path) -> dict[str, Any]:
    """The page and the JSON of the same run."""
    for ziel in (ordner / f"{name}.html", ordner / f"{name}.json"):
        lauf = wrm("auswerten", *argumente, "-o", ziel)
        assert lauf.returncode == 0, lauf.stderr
    daten: dict[str, Any] = json.loads((ordner / f"{name}.json").read_text(encoding="utf-8"))
    return daten


@pytest.fixture(scope="module")
def seiten(tmp_path_factory: pytest.TempPathFactory) -> Seiten:
    ordner = tmp_path_factory.mktemp("seiten")
    ergebnis = Seiten(ordner)
    ergebnis.json["bericht"] = _auswerten(ordner, "bericht", BEISPIELE / "eingang")
    archiv = vorwochen_archiv(ordner / "archiv.sqlite")
    # The JSON first: the page's run then finds the same earlier run to compare with.
    ergebnis.json["archiv"] = _auswerten(
        ordner, "archiv", BEISPIELE / "eingang", "--archiv", archiv
    )
    for name, argumente in (
        ("verlauf", ("verlauf", "--archiv", archiv)),
        ("ausgleich", ("ausgleich", BEISPIELE / "eingang")),
        ("prognose", ("prognose", BEISPIELE / "eingang")),
    ):
        lauf = wrm(*argumente, "-o", ordner / f"{name}.html")
        assert lauf.returncode == 0, lauf.stderr
    eingang = ordner / "xss_eingang"
    shutil.copytree(BEISPIELE / "eingang", eingang)
    kontakte_setzen(eingang / "Meldung_Bad_Laer.xlsx", eingang / "Meldung_Bad_Laer.xlsx")
    lauf = wrm("auswerten", eingang, "--konfig", BEISPIELE / "wrm.toml", "-o", ergebnis["xss"])
    assert lauf.returncode == 0, lauf.stderr
    return ergebnis


@dataclass
class Besuch:
    seite: Page
    anfragen: list[str] = field(default_factory=list)
    fehler: list[str] = field(default_factory=list)  # console errors and page errors
    dialoge: list[str] = field(default_factory=list)


@pytest.fixture
def oeffnen(browser: Browser) -> Iterator[Any]:
    kontexte = []

    def oeffnen(pfad: Path, breite: int = 1280, anker: str = "") -> Besuch:
        kontext = browser.new_context(viewport={"width": breite, "height": 800})
        kontexte.append(kontext)
        adresse = pfad.resolve().as_uri()
        besuch = Besuch(kontext.new_page())

        def weiterleiten(route: Any) -> None:
            if route.request.url.split("#")[0] == adresse:
                route.continue_()
            else:
                route.abort()

        kontext.route("**/*", weiterleiten)
        besuch.seite.on("request", lambda anfrage: besuch.anfragen.append(anfrage.url))
        besuch.seite.on(
            "console",
            lambda meldung: besuch.fehler.append(meldung.text) if meldung.type == "error" else None,
        )
        besuch.seite.on("pageerror", lambda fehler: besuch.fehler.append(str(fehler)))

        def dialog(d: Any) -> None:
            besuch.dialoge.append(d.message)
            d.dismiss()

        besuch.seite.on("dialog", dialog)
        besuch.seite.goto(adresse + anker, wait_until="load")
        return besuch

    yield oeffnen
    for kontext in kontexte:
        kontext.close()


def _sauber(besuch: Besuch, pfad: Path) -> None:
    """Nothing but the page's own file was requested; no error, no dialog."""
    assert [a.split("#")[0] for a in besuch.anfragen] == [pfad.resolve().as_uri()]
    assert besuch.fehler == []
    assert besuch.dialoge == []


def zahl(wert: int | None) -> str:
    """German, as the published table: thousands with ".", a leading "-"."""
    return "" if wert is None else f"{wert:,}".replace(",", ".")


def aenderung(wert: int | None) -> str:
    if wert is None:
        return ""
    return f"+{zahl(wert)}" if wert > 0 else f"{MINUS}{zahl(-wert)}" if wert < 0 else "0"


def erwartete_zellen(daten: dict[str, Any]) -> list[list[str]]:
    """Every cell of the Auswertung from the JSON of the same run, formatted here."""
    mit_vergleich = daten["vergleich"] is not None
    zeilen = []
    for zeile in daten["zeilen"]:
        zellen = [zeile["kommune"], *(zahl(zeile[s]) for s in ZAHLEN)]
        if mit_vergleich:
            zellen.append(aenderung(zeile["veraenderung"]["fehlender_wohnraum"]))
        zeilen.append([*zellen, zeile["einschaetzung"] or ""])
    gesamt = daten["gesamt"]
    gemeldet, alle = daten["meldende_kommunen"], daten["kommunen_im_bezirk"]
    name = "Gesamt" if gemeldet == alle else f"Gesamt ({gemeldet} von {alle} Kommunen)"
    summen = [name, *(zahl(gesamt[s]) for s in ZAHLEN)]
    if mit_vergleich:
        summen.append(aenderung(gesamt["veraenderung"]["fehlender_wohnraum"]))
    return [*zeilen, [*summen, ""]]


ZELLEN_JS = """t => Array.from(document.querySelectorAll(t + ' tbody tr'))
    .map(tr => Array.from(tr.cells).map(c => c.innerText.trim()))"""


@pytest.mark.parametrize("name", ["bericht", "archiv"])
def test_jede_zelle_wie_im_json(name: str, seiten: Seiten, oeffnen: Any) -> None:
    besuch = oeffnen(seiten[name])
    _sauber(besuch, seiten[name])
    zellen = besuch.seite.evaluate(ZELLEN_JS, "#auswertungstabelle")
    daten = seiten.json[name]
    assert zellen == erwartete_zellen(daten)
    kopf = besuch.seite.locator("#auswertungstabelle thead th").all_inner_texts()
    vorwoche = ["± Vorwoche"] if name == "archiv" else []
    assert kopf == [
        "Kommune", "Quote", "verfügbarer Wohnraum", "Summe", "fehlender Wohnraum", *vorwoche,
        "Einschätzung",
        # the second header row, under Quote and verfügbarer Wohnraum
        "bisherige Zuweisungen", "noch zu erfüllende Quote seit 04.12.2015", "verfügbar GU",
        "verfügbar dezentral", "in Aussicht GU", "in Aussicht dezentral",
    ]  # fmt: skip
    if name == "archiv":
        assert daten["vergleich"]["stichtag"] == "2016-03-09"
        text = besuch.seite.locator("#verlauf").inner_text()
        assert "Verlauf Landkreis Osnabrück" in text and "1.195" in text  # kw10's Σ(1)
        assert besuch.seite.locator("#verlaufsdiagramm-titel").count() == 1
        (laer,) = [z for z in daten["zeilen"] if z["kommune"] == "Bad Laer"]
        seit = aenderung(laer["veraenderung"]["fehlender_wohnraum"])
        abschnitt = besuch.seite.locator("#kommune-bad-laer").inner_text()
        assert f"Verlauf: fehlender Wohnraum seit dem 09.03.2016 {seit}." in abschnitt
    kennzahlen = besuch.seite.evaluate(ZELLEN_JS, "#kennzahltabelle")
    assert [z[1] for z in kennzahlen] == [zahl(daten["kennzahlen"][k]) for k in KENNZAHLEN]
    if name == "archiv":
        veraenderung = daten["kennzahlen"]["veraenderung"]
        assert [z[2] for z in kennzahlen] == [aenderung(veraenderung[k]) for k in KENNZAHLEN]


def test_xss_als_text_ohne_dialog(seiten: Seiten, oeffnen: Any) -> None:
    besuch = oeffnen(seiten["xss"])
    _sauber(besuch, seiten["xss"])
    kontakte = besuch.seite.locator("#kommune-bad-laer .kontakt").all_inner_texts()
    assert kontakte == [XSS_SKRIPT, XSS_BILD]
    assert besuch.seite.locator("script").count() == 0
    assert besuch.seite.locator("img").count() == 0


def test_anker_haelt_die_zeile_der_kommune(seiten: Seiten, oeffnen: Any) -> None:
    besuch = oeffnen(seiten["bericht"], anker="#kommune-bad-laer")
    _sauber(besuch, seiten["bericht"])
    abschnitt = besuch.seite.locator("#kommune-bad-laer")
    assert abschnitt.locator("h3").inner_text() == "Bad Laer"
    (zeile,) = [z for z in seiten.json["bericht"]["zeilen"] if z["kommune"] == "Bad Laer"]
    werte = abschnitt.locator("dl.zeile dd").all_inner_texts()
    assert werte == [*(zahl(zeile[s]) for s in ZAHLEN), zeile["einschaetzung"]]
    oben = besuch.seite.evaluate(
        "document.getElementById('kommune-bad-laer').getBoundingClientRect().top"
    )
    assert abs(oben) < 2, "the browser jumped to the Kommune's section"
    assert "Hinweis: Meldung_Bad_Laer.xlsx" in abschnitt.inner_text()


def test_schmaler_bildschirm(seiten: Seiten, oeffnen: Any) -> None:
    besuch = oeffnen(seiten["archiv"], breite=375)
    _sauber(besuch, seiten["archiv"])
    assert besuch.seite.evaluate("document.documentElement.scrollWidth") <= 375
    # The table scrolls sideways in its wrapper instead.
    breiten = besuch.seite.evaluate(
        "(() => { const h = document.getElementById('auswertungstabelle').parentElement;"
        " return [h.scrollWidth, h.clientWidth, getComputedStyle(h).overflowX]; })()"
    )
    assert breiten[0] > breiten[1] and breiten[2] == "auto"


FARBEN_JS = """() => {
  const farbe = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const grund = e => {
    for (; e; e = e.parentElement) {
      const f = farbe(getComputedStyle(e).backgroundColor);
      if (f.length === 3 || (f.length === 4 && f[3] === 1)) return f.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const paare = new Set();
  for (const e of document.body.querySelectorAll('*')) {
    const eigen = Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    // SVG: only drawn text; <title> and <desc> are read out, not drawn.
    if (!eigen || (e instanceof SVGElement && e.tagName !== 'text')) continue;
    const stil = getComputedStyle(e);
    const vorn = e instanceof SVGElement ? stil.fill : stil.color;
    const hinten = e instanceof SVGElement ? [255, 255, 255] : grund(e);
    paare.add(JSON.stringify([farbe(vorn).slice(0, 3), hinten]));
  }
  return Array.from(paare).map(p => JSON.parse(p));
}"""


def test_kontrast_jedes_textes_im_browser(seiten: Seiten, oeffnen: Any) -> None:
    besuch = oeffnen(seiten["archiv"])
    paare = besuch.seite.evaluate(FARBEN_JS)
    assert len(paare) >= 5
    for vorn, hinten in paare:
        hexa = ["#" + "".join(f"{int(k):02x}" for k in farbe) for farbe in (vorn, hinten)]
        assert kontrast(*hexa) >= 4.5, hexa


@pytest.fixture(scope="module")
def pdf(browser: Browser, seiten: Seiten) -> bytes:
    """The page with an archive as Chromium prints it: A4 landscape, as its CSS asks."""
    kontext = browser.new_context()
    try:
        tab = kontext.new_page()
        tab.goto(seiten["archiv"].resolve().as_uri())
        return tab.pdf(format="A4", landscape=True, prefer_css_page_size=True)
    finally:
        kontext.close()


def test_druck_a4_quer(pdf: bytes) -> None:
    """Every page's MediaBox is A4 landscape (841.89 × 595.28 pt; Chromium rounds to its
    own units)."""
    seiten = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert len(seiten) == len(re.findall(rb"/Type /Page\b", pdf)) >= 2
    for breite, hoehe in seiten:
        assert abs(float(breite) - 841.89) < 1 and abs(float(hoehe) - 595.28) < 1


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) fehlt")
def test_druck_kopf_auf_jeder_seite_der_tabelle(pdf: bytes) -> None:
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    texte = text.split("\f")
    # The Auswertung from its first row to the Gesamt: every page it is on has the header.
    erste = next(nr for nr, t in enumerate(texte) if re.search(r"Melle\s+142\s+196", t))
    letzte = next(nr for nr, t in enumerate(texte) if re.search(r"Gesamt\s+1\.327\s+716", t))
    assert letzte > erste, "the table spans two pages on A4 landscape"
    for nr in range(erste, letzte + 1):
        kopf = re.search(
            r"bisherige +Quote seit .*\n *Kommune +Zuweisungen +04\.12\.2015", texte[nr]
        )
        assert kopf is not None, f"page {nr + 1} without the table header"
    assert kopf is not None and kopf.start() < texte[letzte].index("Gesamt")


def test_screenshot(browser: Browser, seiten: Seiten, tmp_path: Path) -> None:
    png = screenshot(browser, seiten["bericht"])
    (tmp_path / "bericht.png").write_bytes(png)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert groesse(png) == (BREITE, HOEHE)
    assert 20_000 < len(png) < 300_000
    bild = Path(__file__).resolve().parents[1] / "docs" / "bericht.png"
    assert groesse(bild.read_bytes()) == (BREITE, HOEHE)
    assert len(bild.read_bytes()) < 300_000


@pytest.mark.parametrize(
    ("name", "texte"),
    [
        ("verlauf", ["Verlauf Landkreis Osnabrück, 3 Stichtage", "1.195", "Gesamtverfügbarkeit"]),
        ("ausgleich", ["Ausgleichsvorschlag", "Personenkilometer", "Zuweisungskommune"]),
        ("prognose", ["Prognose der Reichweite", "reicht sofort bis", "Landkreis Osnabrück"]),
    ],
)
def test_andere_seiten(name: str, texte: list[str], seiten: Seiten, oeffnen: Any) -> None:
    besuch = oeffnen(seiten[name])
    _sauber(besuch, seiten[name])
    text = besuch.seite.locator("body").inner_text()
    for teil in texte:
        assert teil in text, (name, teil)
    assert besuch.seite.evaluate("document.documentElement.scrollWidth") <= 1280
