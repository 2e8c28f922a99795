"""``wrm prognose`` as fixed-width text, Markdown and CSV: the lines about the data and
the source, one row per Kommune (soonest Reichweite first, flagged ones marked "!"), the
district's row, then the assumption and the hints."""

from __future__ import annotations

import csv
import io

from wrm_cli.berichte.beschriftung import befundzeilen
from wrm_cli.berichte.csv_bericht import textzelle
from wrm_cli.berichte.prognose_saetze import (
    datum_zelle,
    dezimal,
    fusszeilen,
    kopfzeilen,
    prognose_von,
    spanne_zelle,
    titel,
)
from wrm_cli.ergebnis import Auswertungsbericht
from wrm_cli.prognoseergebnis import Kommunenprognose, Prognose
from wrm_cli.werte import zahl_de

_ABSTAND = "  "
# (title, right-aligned)
_SPALTEN = (
    ("", False),
    ("Kommune", False),
    ("Plätze sofort", True),
    ("Plätze gesamt", True),
    ("erwartet je Woche", True),
    ("reicht sofort bis", True),
    ("Wochen", True),
    ("reicht gesamt bis", True),
    ("Wochen", True),
)
_SPANNE = ("Spanne sofort", True)


def _mit_spanne(prognose: Prognose) -> bool:
    return bool(prognose.trend_stichtage)


def _spalten(prognose: Prognose) -> tuple[tuple[str, bool], ...]:
    if not _mit_spanne(prognose):
        return _SPALTEN
    return (*_SPALTEN[:7], _SPANNE, *_SPALTEN[7:])


def _zellen(prognose: Prognose, k: Kommunenprognose) -> list[str]:
    sofort, gesamt = k.reichweite_sofort, k.reichweite_gesamt
    zellen = [
        "!" if k.warnung else "",
        k.kommune,
        zahl_de(k.plaetze_sofort),
        zahl_de(k.plaetze_gesamt),
        dezimal(k.erwartet_pro_woche),
        datum_zelle(sofort, prognose.bis),
        dezimal(sofort.wochen) if sofort else "",
        datum_zelle(gesamt, prognose.bis),
        dezimal(gesamt.wochen) if gesamt else "",
    ]
    if _mit_spanne(prognose):
        zellen.insert(7, spanne_zelle(prognose, k.spanne))
    return zellen


Spalten = tuple[tuple[str, bool], ...]  # (title, right-aligned)


def prognosetabelle(bericht: Auswertungsbericht) -> tuple[Spalten, list[list[str]]]:
    """The columns and the rows (each Kommune, then the district) of the forecast table."""
    prognose = prognose_von(bericht)
    zeilen = [_zellen(prognose, k) for k in prognose.kommunen]
    zeilen.append(_zellen(prognose, prognose.bezirk_gesamt))
    return _spalten(prognose), zeilen


def _befunde(bericht: Auswertungsbericht) -> list[str]:
    return [f"{befund.wort}: {befund.text}" for befund in befundzeilen(bericht)]


def als_text(bericht: Auswertungsbericht) -> str:
    spalten, zeilen = prognosetabelle(bericht)
    breiten = [
        max([len(z[nr]) for z in zeilen] + [len(titel_)]) for nr, (titel_, _) in enumerate(spalten)
    ]

    def zeile(texte: list[str]) -> str:
        teile = [
            text.rjust(b) if rechts else text.ljust(b)
            for text, b, (_, rechts) in zip(texte, breiten, spalten, strict=True)
        ]
        return _ABSTAND.join(teile).rstrip()

    ausgabe = [*kopfzeilen(bericht), ""]
    ausgabe.append(zeile([titel_ for titel_, _ in spalten]))
    ausgabe.append(_ABSTAND.join("-" * b for b in breiten))
    ausgabe += [zeile(texte) for texte in zeilen[:-1]]
    ausgabe.append(_ABSTAND.join("-" * b for b in breiten))
    ausgabe.append(zeile(zeilen[-1]))
    ausgabe += ["", *fusszeilen(bericht)]
    if befunde := _befunde(bericht):
        ausgabe += ["", *befunde]
    return "\n".join(ausgabe) + "\n"


def _md(zellen: list[str]) -> str:
    return "| " + " | ".join(zelle.replace("|", "/") for zelle in zellen) + " |"


def als_markdown(bericht: Auswertungsbericht) -> str:
    spalten, zeilen = prognosetabelle(bericht)
    kopf = kopfzeilen(bericht)
    ausgabe = [f"## {kopf[0]}", "", *(f"{z}  " for z in kopf[1:]), ""]
    ausgabe.append(_md([titel_ for titel_, _ in spalten]))
    ausgabe.append(_md(["---:" if rechts else "---" for _, rechts in spalten]))
    ausgabe += [_md(texte) for texte in zeilen[:-1]]
    ausgabe.append(_md([f"**{t}**" if t else "" for t in zeilen[-1]]))
    ausgabe += ["", *(f"{z}  " for z in fusszeilen(bericht))]
    if befunde := _befunde(bericht):
        ausgabe += ["", *(f"- {b}" for b in befunde)]
    return "\n".join(ausgabe) + "\n"


def als_csv(bericht: Auswertungsbericht) -> str:
    """Semicolons, UTF-8 with BOM, CRLF, as the CSV of ``wrm auswerten``: the table (dates
    German, weeks with a decimal comma), then after an empty line the title and notes."""
    puffer = io.StringIO()
    schreiber = csv.writer(puffer, delimiter=";", lineterminator="\r\n")
    spalten, zeilen = prognosetabelle(bericht)
    schreiber.writerow(["Warnung", *(titel_ for titel_, _ in spalten[1:])])
    for texte in zeilen:
        schreiber.writerow(["ja" if texte[0] else "", textzelle(texte[1]), *texte[2:]])
    schreiber.writerow([])
    for text in [titel(bericht), *kopfzeilen(bericht)[1:], *fusszeilen(bericht)]:
        schreiber.writerow([text])
    return "\ufeff" + puffer.getvalue()
