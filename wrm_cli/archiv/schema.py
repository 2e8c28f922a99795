"""The archive's tables: the documented version 1, each later version as one step, and
the migration through them. A new archive is created at version 1 and taken through every
step, so the migrations run on every new archive, not only on old ones."""

from __future__ import annotations

import sqlite3

from wrm_cli.ergebnis import ZAHLSPALTEN
from wrm_cli.felder import FELD, KAPAZITAETSFELDER, KONTAKT_LABELS

SCHEMAVERSION = 2
FELDER = tuple(FELD)
KONTAKT = tuple(KONTAKT_LABELS)
MELDUNGSSPALTEN = ("kommune", "stand", *FELDER, *KONTAKT, "datei", "datei_sha256")
STATUS = ("aktuell", "veraltet", "ohne Stand", "ungültig", "fehlt")
# The run's totals (schema version 2), so that ``wrm verlauf`` reads one row per run.
SUMMEN = (
    "kommunen_im_bezirk",
    "meldende_kommunen",
    "kritisch",
    "untergebracht_gu",
    "untergebracht_dezentral",
    *(f"gesamt_{spalte}" for spalte in ZAHLSPALTEN),
)

# Version 1: the documented tables (README, "Das Archiv"). Each later version is one step
# below; a new archive is created at version 1 and then taken through every step, so the
# migrations run on every new archive, not only on old ones.
VERSION_1 = f"""
CREATE TABLE meldungen (
    id INTEGER PRIMARY KEY,
    kommune TEXT NOT NULL,
    stand TEXT,
    {", ".join(f"{key} {'TEXT' if key == 'einschaetzung' else 'INTEGER'}" for key in FELDER)},
    {", ".join(f"{key} TEXT" for key in KONTAKT)},
    datei TEXT NOT NULL,
    datei_sha256 TEXT NOT NULL,
    eingelesen_am TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (kommune, stand, version)
);
CREATE TABLE laeufe (
    id INTEGER PRIMARY KEY,
    ausgefuehrt_am TEXT NOT NULL,
    stichtag TEXT NOT NULL,
    bezirk TEXT NOT NULL,
    wrm_version TEXT NOT NULL
);
CREATE INDEX laeufe_stichtag ON laeufe (stichtag, id);
CREATE TABLE lauf_kommunen (
    lauf_id INTEGER NOT NULL REFERENCES laeufe (id),
    kommune TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ({", ".join(f"'{s}'" for s in STATUS)})),
    meldung_id INTEGER REFERENCES meldungen (id),
    PRIMARY KEY (lauf_id, kommune)
) WITHOUT ROWID;
CREATE INDEX lauf_kommunen_kommune ON lauf_kommunen (kommune, lauf_id);
"""


def summe(*felder: str) -> str:
    """Σ over the run's Meldungen of these fields added up, blanks as 0."""
    return "total(" + " + ".join(f"COALESCE(m.{feld}, 0)" for feld in felder) + ")"


# Version 2: the run's totals (computed here from the stored Meldungen, exactly as the
# Gesamt row sums them: blanks as 0, fehlender Wohnraum = Σ(5) − ΣSumme), its Befunde and
# files, and why a Kommune was "ungültig". Without the index of lauf_kommunen by Kommune:
# each run would update 11,000 scattered pages of it (half the time SQLite takes to store a
# Land's run), and one Kommune's runs are found by the primary key (lauf_id, kommune) as fast.
VERSION_2 = f"""
{"".join(f"ALTER TABLE laeufe ADD COLUMN {spalte} INTEGER;" for spalte in SUMMEN)}
ALTER TABLE laeufe ADD COLUMN befunde TEXT;
ALTER TABLE laeufe ADD COLUMN dateien TEXT;
ALTER TABLE laeufe ADD COLUMN vergleich_lauf_id INTEGER REFERENCES laeufe (id);
ALTER TABLE lauf_kommunen ADD COLUMN datei TEXT;
ALTER TABLE lauf_kommunen ADD COLUMN grund TEXT;
DROP INDEX lauf_kommunen_kommune;
UPDATE laeufe SET
    kommunen_im_bezirk = s.alle,
    meldende_kommunen = s.meldend,
    kritisch = s.kritisch,
    untergebracht_gu = s.gu,
    untergebracht_dezentral = s.dezentral,
    gesamt_bisherige_zuweisungen = s.zuweisungen,
    gesamt_zu_erfuellen = s.zu_erfuellen,
    gesamt_verfuegbar_gu = s.verfuegbar_gu,
    gesamt_verfuegbar_dezentral = s.verfuegbar_dezentral,
    gesamt_in_aussicht_gu = s.in_aussicht_gu,
    gesamt_in_aussicht_dezentral = s.in_aussicht_dezentral,
    gesamt_summe = s.summe,
    gesamt_fehlender_wohnraum = s.zu_erfuellen - s.summe
FROM (
    SELECT
        k.lauf_id,
        count(*) AS alle,
        count(m.id) AS meldend,
        count(CASE WHEN m.einschaetzung = 'kritisch' THEN 1 END) AS kritisch,
        {summe("untergebracht_gu")} AS gu,
        {summe("untergebracht_dezentral")} AS dezentral,
        {summe("zuweisungen")} AS zuweisungen,
        {summe("zu_erfuellen")} AS zu_erfuellen,
        {summe("verfuegbar_gu")} AS verfuegbar_gu,
        {summe("verfuegbar_dezentral")} AS verfuegbar_dezentral,
        {summe("in_aussicht_gu")} AS in_aussicht_gu,
        {summe("in_aussicht_dezentral")} AS in_aussicht_dezentral,
        {summe(*KAPAZITAETSFELDER)} AS summe
    FROM lauf_kommunen AS k LEFT JOIN meldungen AS m ON m.id = k.meldung_id
    GROUP BY k.lauf_id
) AS s
WHERE laeufe.id = s.lauf_id;
UPDATE laeufe SET vergleich_lauf_id = (
    SELECT v.id FROM laeufe AS v WHERE v.stichtag < laeufe.stichtag AND v.id < laeufe.id
    ORDER BY v.stichtag DESC, v.id DESC LIMIT 1
);
"""
SCHRITTE = {1: VERSION_1, 2: VERSION_2}


def umstellen(db: sqlite3.Connection, von: int, bis: int = SCHEMAVERSION) -> None:
    """Take the archive from schema version ``von`` to ``bis``, in one transaction."""
    db.execute("BEGIN IMMEDIATE")
    try:
        # Another run may have migrated it (or created it) while this one waited.
        von = max(von, int(db.execute("PRAGMA user_version").fetchone()[0]))
        schritte(db, von, bis)
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


def schritte(db: sqlite3.Connection, von: int, bis: int) -> None:
    """The migration steps after version ``von`` up to ``bis``, in the open transaction."""
    for version in range(von + 1, bis + 1):
        for anweisung in anweisungen(SCHRITTE[version]):
            db.execute(anweisung)
    db.execute(f"PRAGMA user_version = {int(bis)}")


def anweisungen(skript: str) -> list[str]:
    """A script's statements (``executescript`` would commit on its own)."""
    return [teil.strip() for teil in skript.split(";") if teil.strip()]
