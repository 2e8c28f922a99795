"""E-mail addresses wrm may put into a header: exactly one bare addr-spec, ASCII only.

A cell or a wrm.toml entry is text anyone may have typed; what goes into the To or From
of a draft must be one address and nothing else – no second address, no display name,
no line break that would start a header of its own.
"""

from __future__ import annotations

import re
import unicodedata
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.utils import parseaddr

# RFC 5321: 64 characters before the "@", 254 for the whole path.
_LAENGE, _LAENGE_LOKAL = 254, 64
_LOKAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
_ENDUNG = re.compile(r"[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59}")


def _steuerzeichen(text: str) -> bool:
    return any(unicodedata.category(z) in ("Cc", "Cf", "Zl", "Zp") for z in text)


def einzelne_adresse(text: object) -> str | None:
    """``text`` as one address (spaces around it dropped), else None: a line break,
    control character, list, display name, ``<…>``, non-ASCII character (a look-alike
    letter, an unencoded international domain) or anything longer than 254 characters."""
    if not isinstance(text, str):
        return None
    adresse = text.strip(" ")
    if not adresse or len(adresse) > _LAENGE or _steuerzeichen(adresse) or not adresse.isascii():
        return None
    lokal, at, domain = adresse.rpartition("@")
    if not at or len(lokal) > _LAENGE_LOKAL or not _LOKAL.fullmatch(lokal):
        return None
    labels = domain.split(".")
    if len(labels) < 2 or not all(_LABEL.fullmatch(label) for label in labels):
        return None
    if not _ENDUNG.fullmatch(labels[-1]):
        return None
    # What the email package makes of it must be the very same single address.
    try:
        geparst = Address(addr_spec=adresse)
    except (HeaderParseError, ValueError, IndexError):
        return None
    if geparst.addr_spec != adresse or parseaddr(adresse) != ("", adresse):
        return None
    return adresse


def gezeigt(text: object, laenge: int = 60) -> str:
    """A value as a message shows it: line breaks and control characters visible, cut."""
    roh = str(text)
    sichtbar = "".join(
        repr(z)[1:-1] if unicodedata.category(z) in ("Cc", "Cf", "Zl", "Zp") else z for z in roh
    )
    return sichtbar if len(sichtbar) <= laenge else sichtbar[: laenge - 1] + "…"
