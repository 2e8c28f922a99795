"""The archive: every weekly run of ``wrm auswerten`` in one SQLite file. The only
package that speaks SQL (import-linter holds sqlite3 to it).

Append-only: a run adds its Meldungen (a Meldung already stored is not stored again; new
figures for a stored Kommune and Stand are the next version), one row in ``laeufe`` and
one row per Kommune of the district in ``lauf_kommunen`` – in one transaction, so a run
killed at any moment leaves all of it or nothing. Rollback journal, not WAL: archives
live on Windows network drives, where WAL's shared memory does not work.

Every failure becomes one German sentence (``ArchivFehler``) and the file stays as it was.
"""

from wrm_cli.archiv.abfragen import Leser, Schreiber
from wrm_cli.archiv.daten import Archivmeldung, Einordnung, Kommunenstatus, Lauf, Laufsummen
from wrm_cli.archiv.schema import SCHEMAVERSION, STATUS, umstellen
from wrm_cli.archiv.verbindung import Archiv, oeffnen

__all__ = [
    "SCHEMAVERSION",
    "STATUS",
    "Archiv",
    "Archivmeldung",
    "Einordnung",
    "Kommunenstatus",
    "Lauf",
    "Laufsummen",
    "Leser",
    "Schreiber",
    "oeffnen",
    "umstellen",
]
