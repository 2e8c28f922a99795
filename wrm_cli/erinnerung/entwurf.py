"""One reminder as an unsent e-mail draft (.eml): headers only through
``email.headerregistry``, the body as UTF-8 text, the Kommune's template pre-filled with
its last known contact, and for a faulty file the text of its check."""

from __future__ import annotations

import hashlib
import io
import itertools
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP

from wrm_cli.erinnerung.kontakt import Kontakt
from wrm_cli.konfig import Einstellungen
from wrm_cli.vorlage import eingabezellen, vorlage_erstellen, vorlagen_dateiname

XLSX = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def dateiname(kommune: str, vorne: str, endung: str) -> str:
    """A safe file name for the Kommune, e.g. ``Erinnerung_Lohne_Oldenburg.eml``."""
    kern = vorlagen_dateiname(kommune).removeprefix("Meldung_").removesuffix(".xlsx")
    return f"{vorne}_{kern}{endung}"


def vorlage_mit_kontakt(einstellungen: Einstellungen, kommune: str, kontakt: Kontakt) -> bytes:
    """The Kommune's template (``wrm vorlage``) with its contact cells filled in, as text."""
    mappe = vorlage_erstellen(einstellungen, kommune)
    blatt = mappe.worksheets[0]
    zellen = eingabezellen()
    werte = {
        "ansprechpartner": kontakt.ansprechpartner,
        "telefon": kontakt.telefon,
        "email": kontakt.email,
    }
    for key, wert in werte.items():
        if wert is not None:
            zelle = blatt[zellen[key]]
            zelle.value = wert
            zelle.data_type = "s"  # never a formula, whatever it starts with
    puffer = io.BytesIO()
    mappe.save(puffer)
    return puffer.getvalue()


def entwurf_erstellen(
    einstellungen: Einstellungen,
    kommune: str,
    kontakt: Kontakt,
    betreff: str,
    text: str,
    pruefung: str | None = None,
) -> bytes:
    """The draft as RFC 5322 bytes. No Date and no Message-ID: the mail client sets both
    when the task force sends it."""
    nachricht = EmailMessage(policy=SMTP)
    if einstellungen.erinnerung.absender is not None:
        nachricht["From"] = Address(addr_spec=einstellungen.erinnerung.absender)
    nachricht["To"] = Address(addr_spec=kontakt.email)
    nachricht["Subject"] = betreff
    nachricht["X-Unsent"] = "1"  # Outlook opens it as a draft to send
    nachricht.set_content(text, cte=_kodierung(text))
    vorlage = vorlage_mit_kontakt(einstellungen, kommune, kontakt)
    haupt, unter = XLSX
    nachricht.add_attachment(
        vorlage, maintype=haupt, subtype=unter, filename=vorlagen_dateiname(kommune)
    )
    if pruefung is not None:
        name = dateiname(kommune, "Pruefung", ".txt")
        nachricht.add_attachment(pruefung, cte=_kodierung(pruefung), filename=name)
    teile = b"".join(teil.as_bytes() for teil in nachricht.iter_parts())
    nachricht.set_boundary(_grenze(f"{kontakt.email}\n{betreff}\n{text}\n{pruefung}", teile))
    return nachricht.as_bytes()


def _kodierung(text: str) -> str:
    """8bit UTF-8, so that the source reads as the body – unless a line is longer than
    RFC 5322 allows (998 bytes); then quoted-printable."""
    zeilen = text.encode("utf-8").splitlines()
    return "8bit" if all(len(zeile) <= 998 for zeile in zeilen) else "quoted-printable"


def _grenze(grundlage: str, teile: bytes) -> str:
    """The same boundary for the same text (not at random; the template's bytes carry the
    time they were made), one that occurs in no part."""
    for nr in itertools.count():
        grenze = "=_wrm_" + hashlib.sha256(f"{nr}\n{grundlage}".encode()).hexdigest()[:32]
        if grenze.encode() not in teile:
            return grenze
    raise AssertionError("unreachable")
