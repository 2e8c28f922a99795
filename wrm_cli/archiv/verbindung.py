"""Opening an archive: is it a wrm archive of this district and version (then migrated
in place), the one write transaction, and SQLite's complaints as German sentences."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wrm_cli.archiv.abfragen import Leser, Schreiber
from wrm_cli.archiv.schema import SCHEMAVERSION, schritte, umstellen
from wrm_cli.fehler import ArchivFehler

_KOPF = b"SQLite format 3\x00"


class Archiv:
    """An open archive. ``oeffnen`` checks it; ``schreiben`` is the one write transaction."""

    def __init__(
        self,
        pfad: Path,
        verbindung: sqlite3.Connection,
        ausweg: str,
        wartezeit: float,
        neu_angelegt: bool = False,
    ) -> None:
        self.pfad = pfad
        self._db = verbindung
        self._ausweg = ausweg
        self._wartezeit = wartezeit
        # The file did not exist: if no run gets stored, none is left behind.
        self._neu_angelegt = neu_angelegt

    def schliessen(self) -> None:
        self._db.close()
        if self._neu_angelegt and self.pfad.exists() and self.pfad.stat().st_size == 0:
            self.pfad.unlink()

    @contextmanager
    def _fehler(self) -> Iterator[None]:
        with _deutsch(self.pfad, self._ausweg, self._wartezeit):
            yield

    @contextmanager
    def schreiben(self) -> Iterator[Schreiber]:
        """BEGIN IMMEDIATE … COMMIT: waits while another run writes, then has the archive
        to itself; any failure rolls everything back."""
        with self._fehler():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                if int(self._db.execute("PRAGMA user_version").fetchone()[0]) == 0:
                    # A new archive gets its tables with its first run, in its transaction.
                    schritte(self._db, 0, SCHEMAVERSION)
                yield Schreiber(self._db)
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    @contextmanager
    def lesen(self) -> Iterator[Leser]:
        """One consistent view for a read (a deferred transaction)."""
        with self._fehler():
            self._db.execute("BEGIN")
            try:
                yield Leser(self._db)
            finally:
                if self._db.in_transaction:
                    self._db.execute("COMMIT")


def oeffnen(
    pfad: Path, bezirk: str, *, anlegen: bool, wartezeit: float = 30, ausweg: str = ""
) -> Archiv:
    """The archive at ``pfad``, checked: an SQLite file of wrm (created when missing and
    ``anlegen``), of this district, of this or an older schema version (then migrated in
    place). ``ausweg``: what the messages offer instead, e.g. "--ohne-archiv"."""
    zusatz = f" {ausweg.strip()}" if ausweg.strip() else ""
    if pfad.is_dir():
        raise ArchivFehler(
            f"Das Archiv {pfad} ist ein Ordner, keine Datei – bitte die Archivdatei angeben, "
            f"z. B. {pfad / 'wrm-archiv.sqlite'}.{zusatz}"
        )
    vorhanden = pfad.exists()
    neu = not vorhanden or pfad.stat().st_size == 0  # SQLite's own view of an empty file
    if neu and not anlegen:
        raise ArchivFehler(
            f"Das Archiv {pfad} {'ist leer' if pfad.exists() else 'gibt es nicht'} – es "
            f"entsteht beim ersten „wrm auswerten … --archiv {pfad}“."
        )
    if neu and not pfad.parent.is_dir():
        raise ArchivFehler(
            f"Den Ordner {pfad.parent} für das Archiv {pfad} gibt es nicht – bitte den Ordner "
            f"anlegen oder einen anderen Pfad angeben.{zusatz}"
        )
    if not neu:
        with open(pfad, "rb") as datei:
            if datei.read(len(_KOPF)) != _KOPF:
                raise ArchivFehler(
                    f"{pfad} ist keine SQLite-Datei und damit kein wrm-Archiv – bitte die "
                    f"richtige Datei angeben (sie bleibt unverändert).{zusatz}"
                )
        if anlegen and _schreibgeschuetzt(pfad):
            raise ArchivFehler(
                f"Das Archiv {pfad} ist schreibgeschützt – bitte den Schreibschutz der Datei "
                f"(und ihres Ordners) aufheben.{zusatz}"
            )
    with _deutsch(pfad, zusatz, wartezeit):
        verbindung = sqlite3.connect(pfad, timeout=wartezeit, isolation_level=None)
    archiv = Archiv(pfad, verbindung, zusatz, wartezeit, neu_angelegt=not vorhanden)
    try:
        with archiv._fehler():
            _pruefen_und_umstellen(archiv, verbindung, bezirk, anlegen)
    except BaseException:
        verbindung.close()
        raise
    return archiv


def _schreibgeschuetzt(pfad: Path) -> bool:
    """Read-only for this user, or marked read-only (no write bit, as Windows' attribute
    shows on a share) even for an administrator; the journal needs the folder too."""
    ohne_schreibbit = not pfad.stat().st_mode & 0o222
    return ohne_schreibbit or not os.access(pfad, os.W_OK) or not os.access(pfad.parent, os.W_OK)


def _pruefen_und_umstellen(
    archiv: Archiv, db: sqlite3.Connection, bezirk: str, schreibend: bool
) -> None:
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMAVERSION:
        raise ArchivFehler(
            f"Das Archiv {archiv.pfad} stammt von einer neueren wrm-Version (Archivversion "
            f"{version}, diese wrm-Version kennt bis {SCHEMAVERSION}) – bitte wrm aktualisieren."
            f"{archiv._ausweg}"
        )
    if version == 0:
        tabellen = [r[0] for r in db.execute("SELECT name FROM sqlite_schema WHERE type='table'")]
        if tabellen:
            gezeigt = ", ".join(sorted(tabellen)[:5])
            raise ArchivFehler(
                f"{archiv.pfad} ist eine SQLite-Datei, aber kein wrm-Archiv (sie enthält die "
                f"Tabellen {gezeigt}) – bitte die richtige Datei angeben (sie bleibt "
                f"unverändert).{archiv._ausweg}"
            )
        if not schreibend:
            raise ArchivFehler(
                f"Das Archiv {archiv.pfad} enthält noch keinen Lauf – es füllt sich mit "
                f"„wrm auswerten … --archiv {archiv.pfad}“."
            )
        return  # new: the tables come with the first run (Archiv.schreiben)
    # Before any migration: another district's archive stays as it is.
    if version > 0:
        fremd = db.execute(
            "SELECT bezirk FROM laeufe WHERE bezirk <> ? LIMIT 1", (bezirk,)
        ).fetchone()
        if fremd is not None:
            raise ArchivFehler(
                f"Das Archiv {archiv.pfad} gehört zum Bezirk „{fremd[0]}“, die Auswertung zum "
                f"Bezirk „{bezirk}“ – bitte das Archiv dieses Bezirks angeben (oder die "
                f"passende wrm.toml mit --konfig).{archiv._ausweg}"
            )
    if version < SCHEMAVERSION:
        if version > 0 and _schreibgeschuetzt(archiv.pfad):
            raise ArchivFehler(
                f"Das Archiv {archiv.pfad} muss auf die Archivversion {SCHEMAVERSION} "
                f"umgestellt werden, ist aber schreibgeschützt – bitte den Schreibschutz "
                f"aufheben.{archiv._ausweg}"
            )
        umstellen(db, version)
    if not _schreibgeschuetzt(archiv.pfad):
        # The rollback journal even if a tool switched the file to WAL (kept in the file).
        db.execute("PRAGMA journal_mode = DELETE")


_HINWEIS_WARTEN = "wird gerade von einem anderen wrm-Lauf benutzt"


@contextmanager
def _deutsch(pfad: Path, ausweg: str, wartezeit: float) -> Iterator[None]:
    """SQLite's complaints as one German sentence naming the file."""
    try:
        yield
    except sqlite3.DatabaseError as fehler:
        text = str(fehler).lower()
        if "locked" in text or "busy" in text:
            satz = (
                f"Das Archiv {pfad} {_HINWEIS_WARTEN}; nach {wartezeit:g} "
                f"{'Sekunde' if wartezeit == 1 else 'Sekunden'} Warten wurde abgebrochen – bitte "
                "später erneut versuchen."
            )
        elif "readonly" in text or "read-only" in text:
            satz = (
                f"Das Archiv {pfad} ist schreibgeschützt – bitte den Schreibschutz der Datei "
                "und ihres Ordners aufheben."
            )
        elif "not a database" in text or "encrypted" in text:
            satz = (
                f"{pfad} ist keine lesbare SQLite-Datei und damit kein wrm-Archiv – bitte die "
                "richtige Datei angeben (sie bleibt unverändert)."
            )
        elif "unable to open" in text:
            satz = (
                f"Das Archiv {pfad} lässt sich nicht öffnen – bitte die Zugriffsrechte der "
                "Datei und ihres Ordners prüfen."
            )
        elif "disk i/o" in text or "full" in text:
            satz = (
                f"Das Archiv {pfad} ließ sich nicht schreiben (Datenträger voll oder "
                "Netzlaufwerk getrennt?); es ist unverändert."
            )
        else:
            satz = (
                f"Das Archiv {pfad} ist beschädigt und lässt sich nicht lesen – bitte die "
                "letzte Sicherung zurückspielen."
            )
        raise ArchivFehler(satz + ausweg) from None
