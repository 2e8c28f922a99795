"""Write docs/bericht.png, the screenshot of the HTML report the README shows.

Aufruf im Projektordner (Debian: apt-get install chromium):

    .venv/bin/python tests/screenshot_erzeugen.py

The page of ``wrm auswerten beispiele/eingang/ -o bericht.html`` in Debian's Chromium
(driven by Playwright, no browser download), 1200 px wide, the top 900 px; the PNG is
recompressed at zlib level 9. tests/test_html_browser.py takes the same screenshot.
"""

from __future__ import annotations

import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser

PROJEKT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
# No network, no first-run work: the page must not need any of it.
ARGUMENTE = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BREITE, HOEHE = 1200, 900


def _stuecke(png: bytes) -> list[tuple[bytes, bytes]]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "kein PNG"
    stuecke, stelle = [], 8
    while stelle < len(png):
        (laenge,) = struct.unpack(">I", png[stelle : stelle + 4])
        art = png[stelle + 4 : stelle + 8]
        stuecke.append((art, png[stelle + 8 : stelle + 8 + laenge]))
        stelle += 12 + laenge
    return stuecke


def _stueck(art: bytes, daten: bytes) -> bytes:
    pruefsumme = zlib.crc32(art + daten) & 0xFFFFFFFF
    return struct.pack(">I", len(daten)) + art + daten + struct.pack(">I", pruefsumme)


def verkleinert(png: bytes) -> bytes:
    """The same image, its pixel data in one IDAT at zlib level 9; no other chunks."""
    stuecke = _stuecke(png)
    kopf = next(daten for art, daten in stuecke if art == b"IHDR")
    pixel = zlib.decompress(b"".join(daten for art, daten in stuecke if art == b"IDAT"))
    return (
        b"\x89PNG\r\n\x1a\n"
        + _stueck(b"IHDR", kopf)
        + _stueck(b"IDAT", zlib.compress(pixel, 9))
        + _stueck(b"IEND", b"")
    )


def groesse(png: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk."""
    breite, hoehe = struct.unpack(">II", _stuecke(png)[0][1][:8])
    return breite, hoehe


def screenshot(browser: Browser, seite: Path) -> bytes:
    """The top of the page at 1200 px, as the README shows it."""
    kontext = browser.new_context(
        viewport={"width": BREITE, "height": HOEHE}, device_scale_factor=1
    )
    try:
        tab = kontext.new_page()
        tab.goto(seite.resolve().as_uri())
        return verkleinert(tab.screenshot(full_page=False))
    finally:
        kontext.close()


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as ordner:
        seite = Path(ordner) / "bericht.html"
        subprocess.run(
            [sys.executable, "-m", "wrm_cli", "auswerten", "beispiele/eingang/", "-o", str(seite)],
            cwd=PROJEKT,
            check=True,
            capture_output=True,
        )
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGUMENTE)
            try:
                png = screenshot(browser, seite)
            finally:
                browser.close()
    ziel = PROJEKT / "docs" / "bericht.png"
    ziel.parent.mkdir(exist_ok=True)
    ziel.write_bytes(png)
    print(
        f"{ziel.relative_to(PROJEKT)}: {len(png) // 1024} KB, {groesse(png)[0]}×{groesse(png)[1]}"
    )


if __name__ == "__main__":
    main()
