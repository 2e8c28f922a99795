"""The district in a template's version stamp: the lines of a wrm.toml, written by
``vorlage.py`` and read back – as strictly as any wrm.toml – for ``wrm pruefen``, which
then needs no wrm.toml of its own."""

from __future__ import annotations

import dataclasses
import functools
import json
import tomllib
import unicodedata
from collections.abc import Sequence
from typing import Any

from wrm_cli.blaetter import BLATT_VERSION, STEMPEL_BEZIRK_AB
from wrm_cli.fehler import KonfigFehler
from wrm_cli.konfig import Einstellungen, Grenzen, einstellungen_aus_daten, toml_grund

AUS_DER_VORLAGE = f"Vorlage (Blatt „{BLATT_VERSION}“)"


def _toml_text(text: str) -> str:
    # A JSON string is a TOML basic string, except that TOML wants DEL escaped too.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def stempel_zeilen(einstellungen: Einstellungen) -> list[str]:
    """The district as the lines of a wrm.toml, for the template's version stamp: what
    ``wrm pruefen`` needs without a wrm.toml – not the Stichtag (the day of the check) and
    not the limits (applied before the stamp is read)."""
    bezirk = einstellungen.bezirk
    zeilen = [
        "# Landkreis dieser Vorlage, wie in wrm.toml – wrm pruefen liest ihn von hier.",
        "[bezirk]",
        f"name = {_toml_text(bezirk.name)}",
        f"bezeichnung = {_toml_text(einstellungen.bezeichnung)}",
        f"veraltet_nach_tagen = {einstellungen.veraltet_nach_tagen}",
        "[quote]",
    ]
    for key, tag in (("beginn", bezirk.quote_beginn), ("ende", bezirk.quote_ende)):
        if tag is not None:
            zeilen.append(f"{key} = {tag.isoformat()}")
    zeilen += ["[hinweise]", f"einschaetzung_toleranz = {einstellungen.einschaetzung_toleranz}"]
    for kommune in bezirk.kommunen:
        zeilen += ["[[kommunen]]", f"name = {_toml_text(kommune.name)}"]
        if kommune.aliase:
            zeilen.append(f"aliase = [{', '.join(map(_toml_text, kommune.aliase))}]")
    return zeilen


def _stempel_toml(zeilen: Sequence[str]) -> dict[str, Any]:
    try:
        return tomllib.loads("".join(f"{zeile}\n" for zeile in zeilen))
    except tomllib.TOMLDecodeError as fehler:
        grund, nr, _ = toml_grund(fehler)
        zelle = f" in Zelle A{nr + STEMPEL_BEZIRK_AB - 1}" if nr else ""
        raise KonfigFehler(
            f"{AUS_DER_VORLAGE}: kein gültiges TOML{zelle} – {grund or 'unverständlich'}"
        ) from None
    except RecursionError:  # "[[[[…" thousands deep
        raise KonfigFehler(f"{AUS_DER_VORLAGE}: zu tief verschachtelt") from None


def stempel_name(zeilen: tuple[str, ...]) -> str | None:
    """The district's name in a template's stamp, from its [bezirk] part alone – the same
    in every template of a district, so a folder of 11,000 templates parses it once; None
    where the stamp gives no readable name."""
    koepfe = (i for i, zeile in enumerate(zeilen) if zeile.startswith("["))
    next(koepfe, None)
    return _name_im_kopf(zeilen[: next(koepfe, len(zeilen))])


@functools.lru_cache(maxsize=256)
def _name_im_kopf(zeilen: tuple[str, ...]) -> str | None:
    try:
        name = _stempel_toml(zeilen).get("bezirk", {}).get("name")
    except (KonfigFehler, AttributeError):
        return None
    if not isinstance(name, str) or not name.strip():
        return None
    return unicodedata.normalize("NFC", " ".join(name.split()))  # as konfig reads a name


@functools.lru_cache(maxsize=64)
def einstellungen_aus_stempel(zeilen: tuple[str, ...]) -> Einstellungen:
    """The district a template's stamp names, as strictly checked as a wrm.toml (without
    Stichtag and limits: those of the run apply). KonfigFehler says what is wrong."""
    stempel = einstellungen_aus_daten(_stempel_toml(zeilen), AUS_DER_VORLAGE)
    return dataclasses.replace(stempel, stichtag=None, grenzen=Grenzen())
