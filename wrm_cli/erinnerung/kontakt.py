"""Whom a reminder goes to: the address of the Kommune's newest Meldung (this run's file,
else the archive), else its ``email`` in wrm.toml – used only when it is one valid
address (adressen.py); otherwise the Kommune gets no draft and the reason names the cell."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wrm_cli.adressen import einzelne_adresse, gezeigt
from wrm_cli.archiv import Archivmeldung
from wrm_cli.konfig import Einstellungen
from wrm_cli.lesen.lauf import Lauf
from wrm_cli.lesen.meldung import Meldung
from wrm_cli.vorlage import eingabezellen
from wrm_cli.werte import datum_deutsch

EMAIL = "email"
# What a name or number in a cell may be in a body line or a template cell.
_HOECHSTENS = 120


@dataclass(frozen=True)
class Kontakt:
    """The last known contact of a Kommune; ``email`` checked, the others one line each."""

    email: str
    ansprechpartner: str | None = None
    telefon: str | None = None


def _zeile(wert: object) -> str | None:
    """A contact cell as one short line (no line break reaches a body or template)."""
    if wert is None:
        return None
    text = " ".join(str(wert).split())
    return (text if len(text) <= _HOECHSTENS else text[: _HOECHSTENS - 1] + "…") or None


def _ungueltig(wo: str, wert: object) -> str:
    return f"{wo}: „{gezeigt(wert)}“ ist keine einzelne gültige E-Mail-Adresse"


def meldung_der_kommune(
    lauf: Lauf, pfad: Path, kommune: str, einstellungen: Einstellungen
) -> Meldung | None:
    """The Meldung of ``kommune`` in the file ``pfad`` of ``lauf`` (a table holds many)."""
    datei = next((d for d in lauf.dateien if d.pfad == pfad), None)
    if datei is None:
        return None
    meldungen = [lauf.meldung(nr) for nr in datei.meldungen]
    bezirk = einstellungen.bezirk
    eigene = [m for m in meldungen if bezirk.kommune_finden(str(m.roh("kommune") or "")) == kommune]
    if eigene:
        return eigene[0]
    return meldungen[0] if len(meldungen) == 1 else None


def kontakt_finden(
    kommune: str,
    meldung: Meldung | None,
    archiviert: Archivmeldung | None,
    einstellungen: Einstellungen,
    archiv: Path | None,
) -> tuple[Kontakt | None, str | None]:
    """The contact, or None and why: the first source that names an address decides."""
    roh = meldung.roh(EMAIL) if meldung is not None else None
    if meldung is not None and roh is not None and str(roh).strip():  # blank names nobody
        if (adresse := einzelne_adresse(roh)) is None:
            zelle = meldung.zelle(EMAIL) or eingabezellen()[EMAIL]
            return None, _ungueltig(f"{meldung.quelle}, Zelle {zelle}", roh)
        kontakt = {key: _zeile(meldung.roh(key)) for key in ("ansprechpartner", "telefon")}
        return Kontakt(adresse, **kontakt), None
    if archiviert is not None:
        roh = archiviert.kontakt.get(EMAIL)
        stand = f"Stand {datum_deutsch(archiviert.stand)}" if archiviert.stand else "ohne Stand"
        name = archiv.name if archiv else "Archiv"
        wo = f"{archiviert.datei} ({stand}, im Archiv {name}), E-Mail"
        if (adresse := einzelne_adresse(roh)) is None:
            return None, _ungueltig(wo, roh)
        kontakt = {
            key: _zeile(archiviert.kontakt.get(key)) for key in ("ansprechpartner", "telefon")
        }
        return Kontakt(adresse, **kontakt), None
    eingetragen = einstellungen.bezirk.kommune(kommune).email
    if eingetragen is not None:  # checked when wrm.toml was read
        return Kontakt(eingetragen), None
    woher = "in keiner Meldung" + (" und nicht im Archiv" if archiv else "")
    return None, (
        f"keine E-Mail-Adresse bekannt ({woher}) – bitte bei [[kommunen]] in wrm.toml "
        f'email = "…" eintragen'
    )
