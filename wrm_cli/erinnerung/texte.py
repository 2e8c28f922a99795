"""Subject and body of a reminder, in polite German, one wording per case."""

from __future__ import annotations

import datetime as dt

from wrm_cli.ergebnis import Meldestand
from wrm_cli.konfig import Einstellungen
from wrm_cli.vorlage import eingabezellen
from wrm_cli.werte import datum_deutsch

_ANLASS = {
    "fehlt": "Erinnerung",
    "veraltet": "Bitte aktualisieren",
    "ohne Stand": "Bitte Stand ergänzen",
    "ungültig": "Bitte korrigieren",
}


def betreff(stand: Meldestand, stichtag: dt.date) -> str:
    anlass = _ANLASS[stand.status]
    return f"{anlass}: Meldung {stand.kommune} zum Stichtag {datum_deutsch(stichtag)}"


def frist(einstellungen: Einstellungen, stichtag: dt.date) -> dt.date:
    """The answer-by date: the Stichtag plus [erinnerung] frist_tage."""
    return stichtag + dt.timedelta(days=einstellungen.erinnerung.frist_tage)


def _anlass(
    stand: Meldestand, stichtag: dt.date, bis: str, anhang: str, pruefung: str | None
) -> list[str]:
    tag, kommune, datei = datum_deutsch(stichtag), stand.kommune, stand.datei or ""
    datei = datei.split(" [")[0]  # without the sheet
    if stand.status == "fehlt":
        return [
            f"uns liegt für den Stichtag {tag} noch keine Meldung von {kommune} zum "
            "Wohnraummanagement vor.",
            "",
            f"Bitte füllen Sie die beigefügte Vorlage {anhang} aus und senden Sie sie uns "
            f"bis zum {bis} zurück.",
        ]
    if stand.status == "veraltet":
        assert stand.stand is not None
        return [
            f"die neueste Meldung von {kommune}, die uns vorliegt ({datei}), hat den Stand "
            f"{datum_deutsch(stand.stand)} und ist zum Stichtag {tag} {stand.tage_alt} Tage alt.",
            "",
            f"Bitte senden Sie uns bis zum {bis} eine Meldung mit aktuellen Zahlen – gern in "
            f"der beigefügten Vorlage {anhang}.",
        ]
    if stand.status == "ohne Stand":
        return [
            f"in Ihrer Meldung {datei} fehlt der Stand, also das Datum, auf das sich die "
            f"Zahlen beziehen (in der Vorlage Zelle {eingabezellen()['stand']}). Ohne ihn "
            f"können wir nicht erkennen, ob die Zahlen zum Stichtag {tag} aktuell sind.",
            "",
            f"Bitte tragen Sie den Stand ein (TT.MM.JJJJ) und senden Sie uns die Meldung bis "
            f"zum {bis} erneut – gern auch in der beigefügten Vorlage {anhang}.",
        ]
    # Without its file (not found among the inputs) the report's first error stands in.
    befund = pruefung or stand.grund or ""
    return [
        f"Ihre Meldung {datei or 'dieser Woche'} konnten wir zum Stichtag {tag} nicht "
        "auswerten. Die Prüfung mit „wrm pruefen“ ergibt:",
        "",
        *befund.rstrip("\n").splitlines(),
        "",
        f"Bitte korrigieren Sie die genannten Zellen und senden Sie uns die Meldung bis zum "
        f"{bis} erneut. Die Prüfung liegt dieser E-Mail als Text bei, eine neue Vorlage als "
        f"{anhang}.",
    ]


def text(
    stand: Meldestand,
    einstellungen: Einstellungen,
    stichtag: dt.date,
    anhang: str,
    ansprechpartner: str | None = None,
    pruefung: str | None = None,
) -> str:
    """The body: greeting, the case, the answer-by date, the signature."""
    bis = datum_deutsch(frist(einstellungen, stichtag))
    unterschrift = einstellungen.erinnerung.unterschrift or (
        f"Ihre Task-Force Wohnraum\n{einstellungen.bezirk.name}"
    )
    zeilen = [
        f"Guten Tag {ansprechpartner}," if ansprechpartner else "Guten Tag,",
        "",
        *_anlass(stand, stichtag, bis, anhang, pruefung),
        "",
        f"Vor dem Senden können Sie die Datei mit „wrm pruefen {anhang}“ prüfen.",
        "",
        "Vielen Dank für Ihre Unterstützung!",
        "",
        "Mit freundlichen Grüßen",
        *unterschrift.splitlines(),
    ]
    return "\n".join(zeilen) + "\n"
