"""``wrm ausgleich`` as fixed-width text (for e-mails: lines of at most 100 characters
where the words allow), Markdown and CSV for German Excel.

Each shows, after the stale warning, title and Stand: the settings used, the proposal
(one line or row per pair), the balance of every Kommune taking part with its Summe and
the person-kilometres, what stays uncovered, who takes no part and why, the closing
line, then the Befunde of the run. The balance lists every Kommune with housing data,
also those with neither need nor offer: so every Kommune of the table is accounted for,
in the table or in the sentence saying why it takes no part.
"""

from __future__ import annotations

import csv
import io
import textwrap

from wrm_cli.ausgleichsergebnis import Ausgleich, Ausgleichsbilanz
from wrm_cli.berichte.ausgleich_saetze import (
    BILANZ_SCHLUESSEL,
    BILANZ_SPALTEN,
    PERSONEN_KM,
    SUMME,
    VORSCHLAG_SPALTEN,
    ausgleich_von,
    dezimal_de,
    einstellungen_satz,
    entfernungen_text,
    grenze_text,
    grundlage_text,
    kein_vorschlag_satz,
    km_zelle,
    kopf,
    kritische_text,
    reserve_text,
    schluss_satz,
    teilnahme_saetze,
    ungedeckt_saetze,
    vorschlag_zeile,
)
from wrm_cli.berichte.beschriftung import (
    befundzeilen,
    dateien_zusammengefasst,
    stand_der_daten,
    stand_text,
    warnung,
)
from wrm_cli.berichte.csv_bericht import textzelle
from wrm_cli.ergebnis import Auswertungsbericht
from wrm_cli.werte import datum_deutsch, zahl_de

BREITE = 100  # the longest line of the text, where the words allow
_ABSTAND = "  "


def stichtag_zeile(bericht: Auswertungsbericht) -> str:
    """ "Stichtag 16.03.2016, Stand der Daten 16.03.2016" """
    return f"Stichtag {datum_deutsch(bericht.stichtag)}, {stand_der_daten(bericht)}"


def bilanzwerte(bilanz: Ausgleichsbilanz) -> list[int]:
    return [
        bilanz.bedarf,
        bilanz.gedeckt,
        bilanz.ungedeckt,
        bilanz.angebot,
        bilanz.vergeben,
    ]


def summenwerte(ausgleich: Ausgleich) -> list[int]:
    summe = ausgleich.summe
    return [getattr(summe, key) for key in BILANZ_SCHLUESSEL]


def _umbrochen(satz: str) -> list[str]:
    return textwrap.wrap(satz, BREITE, break_long_words=False, break_on_hyphens=False)


def _bilanztabelle(ausgleich: Ausgleich) -> list[str]:
    """Kommune left, the five figures right-aligned, a line above the Summe row."""
    zeilen = [[b.kommune, *map(zahl_de, bilanzwerte(b))] for b in ausgleich.kommunen]
    zeilen.append([SUMME, *map(zahl_de, summenwerte(ausgleich))])
    breiten = [max(len(z[nr]) for z in [list(BILANZ_SPALTEN), *zeilen]) for nr in range(6)]

    def zeile(texte: list[str]) -> str:
        teile = [texte[0].ljust(breiten[0])]
        teile += [text.rjust(b) for text, b in zip(texte[1:], breiten[1:], strict=True)]
        return _ABSTAND.join(teile).rstrip()

    linie = _ABSTAND.join("-" * b for b in breiten)
    return [zeile(list(BILANZ_SPALTEN)), linie, *map(zeile, zeilen[:-1]), linie, zeile(zeilen[-1])]


def _saetze(bericht: Auswertungsbericht) -> list[str]:
    """Uncovered need, who takes no part, the closing line: one paragraph each."""
    return [*ungedeckt_saetze(bericht), *teilnahme_saetze(bericht), schluss_satz(bericht)]


def als_text(bericht: Auswertungsbericht) -> str:
    ausgleich = ausgleich_von(bericht)
    zeilen: list[str] = []
    if (achtung := warnung(bericht)) is not None:
        zeilen += _umbrochen(achtung)
    zeilen += [kopf(bericht), stichtag_zeile(bericht), *_umbrochen(einstellungen_satz(ausgleich))]
    zeilen.append("")
    if (leer := kein_vorschlag_satz(bericht)) is not None:
        zeilen += _umbrochen(leer)
    else:
        zeilen.append("Vorschlag (Zuweisungskommune → aufnehmende Kommune):")
        zeilen += [vorschlag_zeile(v) for v in ausgleich.vorschlaege]
    zeilen += ["", "Bilanz je Kommune (Personen):", *_bilanztabelle(ausgleich)]
    zeilen.append(f"{PERSONEN_KM}: {dezimal_de(ausgleich.summe.personen_km)}")
    for satz in _saetze(bericht):
        zeilen += ["", *_umbrochen(satz)]
    zeilen += ["", dateien_zusammengefasst(bericht.dateien)]
    if bericht.befunde:
        zeilen += ["", "Hinweise und Fehler:"]
        zeilen += [f"- {befund.wort}: {befund.text}" for befund in befundzeilen(bericht)]
    return "\n".join(zeilen) + "\n"


def _md(zellen: list[str]) -> str:
    return "| " + " | ".join(zelle.replace("|", "/") for zelle in zellen) + " |"


def als_markdown(bericht: Auswertungsbericht) -> str:
    ausgleich = ausgleich_von(bericht)
    achtung = warnung(bericht)
    zeilen = [f"**{achtung}**", ""] if achtung is not None else []
    zeilen += [f"## {kopf(bericht)}", "", stichtag_zeile(bericht), ""]
    zeilen += [einstellungen_satz(ausgleich), ""]
    if (leer := kein_vorschlag_satz(bericht)) is not None:
        zeilen.append(leer)
    else:
        zeilen += [_md(list(VORSCHLAG_SPALTEN)), "| --- | --- | ---: | ---: |"]
        zeilen += [
            _md([v.zuweisungskommune, v.aufnehmende_kommune, zahl_de(v.personen), km_zelle(v)])
            for v in ausgleich.vorschlaege
        ]
    zeilen += ["", "Bilanz je Kommune (Personen):", ""]
    zeilen += [_md(list(BILANZ_SPALTEN)), "| --- | ---: | ---: | ---: | ---: | ---: |"]
    zeilen += [_md([b.kommune, *map(zahl_de, bilanzwerte(b))]) for b in ausgleich.kommunen]
    summen = [f"**{zahl_de(wert)}**" for wert in summenwerte(ausgleich)]
    zeilen.append(_md([f"**{SUMME}**", *summen]))
    zeilen += ["", f"{PERSONEN_KM}: {dezimal_de(ausgleich.summe.personen_km)}"]
    for satz in _saetze(bericht):
        zeilen += ["", satz]
    zeilen += ["", dateien_zusammengefasst(bericht.dateien)]
    if bericht.befunde:
        zeilen += ["", "### Hinweise und Fehler", ""]
        zeilen += [f"- {befund.wort}: {befund.text}" for befund in befundzeilen(bericht)]
    return "\n".join(zeilen) + "\n"


def km_csv(km: float) -> str:
    """One decimal with a decimal comma, as German Excel reads a number: "3,8"."""
    return f"{km:.1f}".replace(".", ",")


def als_csv(bericht: Auswertungsbericht) -> str:
    """Semicolons, UTF-8 with BOM, CRLF, as the CSV of ``wrm auswerten``: the proposal,
    after an empty line the balance with its Summe and the person-kilometres, then the
    settings and the sentences, then the Befunde. Persons are plain integers, km have a
    decimal comma, so German Excel reads both as numbers."""
    ausgleich = ausgleich_von(bericht)
    puffer = io.StringIO()
    schreiber = csv.writer(puffer, delimiter=";", lineterminator="\r\n")
    if (achtung := warnung(bericht)) is not None:
        schreiber.writerow([achtung])
    schreiber.writerow(VORSCHLAG_SPALTEN)
    for v in ausgleich.vorschlaege:
        schreiber.writerow(
            [
                textzelle(v.zuweisungskommune),
                textzelle(v.aufnehmende_kommune),
                v.personen,
                km_csv(v.km),
            ]
        )
    schreiber.writerow([])
    schreiber.writerow(BILANZ_SPALTEN)
    for bilanz in ausgleich.kommunen:
        schreiber.writerow([textzelle(bilanz.kommune), *bilanzwerte(bilanz)])
    schreiber.writerow([SUMME, *summenwerte(ausgleich)])
    schreiber.writerow([PERSONEN_KM, km_csv(ausgleich.summe.personen_km)])
    schreiber.writerow([])
    schreiber.writerow(["Stichtag", datum_deutsch(bericht.stichtag)])
    schreiber.writerow(["Stand der Daten", stand_text(bericht)])
    schreiber.writerow(["Grundlage", grundlage_text(ausgleich)])
    schreiber.writerow(["Reserve", reserve_text(ausgleich)])
    schreiber.writerow(["„kritisch“", kritische_text(ausgleich)])
    schreiber.writerow(["Entfernungsgrenze", grenze_text(ausgleich)])
    schreiber.writerow(["Entfernungen", entfernungen_text(ausgleich)])
    if (leer := kein_vorschlag_satz(bericht)) is not None:
        schreiber.writerow([leer])
    for satz in _saetze(bericht):
        schreiber.writerow([satz])
    if bericht.befunde:
        schreiber.writerow([])
        schreiber.writerow(["Stufe", "Datei", "Zelle", "Feld", "Meldung"])
        for befund in befundzeilen(bericht):
            teile = (befund.stufe, befund.datei, befund.zelle, befund.feld, befund.meldung)
            schreiber.writerow([textzelle(teil or "") for teil in teile])
    return "\ufeff" + puffer.getvalue()
