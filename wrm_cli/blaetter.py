"""Every sheet name wrm writes: the template's, its version stamp, the Excel report's.

Writers name their sheets from here and readers recognise them by the same names, so
neither needs to import the other.
"""

from __future__ import annotations

# The template (vorlage.py) and its reader (lesen/formular.py).
BLATT_MELDUNG = "Meldung"
BLATT_ERLAEUTERUNGEN = "Erläuterungen"
# Version stamp: a hidden sheet with A1 = VERSION_KENNUNG and A2 = VORLAGE_VERSION (a sheet
# rather than a defined name, so that python-calamine can read it as well). From version 2
# on, column A from row STEMPEL_BEZIRK_AB holds the template's district as the lines of a
# wrm.toml (stempel.stempel_zeilen), so that ``wrm pruefen`` needs no wrm.toml.
BLATT_VERSION = "wrm"
VERSION_KENNUNG = "wrm-vorlage"
VORLAGE_VERSION = "2"
STEMPEL_BEZIRK_AB = 3  # 1-based row
# Version 1 has the same form, only without the district: read as always, without a hint.
VORLAGE_GLEICHES_FORMULAR_AB = "1"

# The Excel report (berichte/excel_bericht.py); the readers recognise a report by its
# first four sheets and pass it over.
BLATT_AUSWERTUNG = "Auswertung"
BLATT_UEBERSICHT = "Übersicht"
BLATT_MELDESTATUS = "Meldestatus"
BLATT_HINWEISE = "Hinweise"
BLATT_DIAGRAMM = "Diagramm"
# With an archive: the district's series and its line chart (also ``wrm verlauf -o``).
BLATT_VERLAUF = "Verlauf"
# With coordinates: the proposal of ``wrm ausgleich`` (also ``wrm ausgleich -o``).
BLATT_AUSGLEICH = "Ausgleich"
# With a quota end or a forecast file: how long the places last (also ``wrm prognose -o``).
BLATT_PROGNOSE = "Prognose"
BERICHT_BLAETTER = (BLATT_AUSWERTUNG, BLATT_UEBERSICHT, BLATT_MELDESTATUS, BLATT_HINWEISE)
# The workbooks of wrm verlauf, ausgleich and prognose hold only such sheets.
AUSWERTUNGSBLAETTER = (BLATT_VERLAUF, BLATT_AUSGLEICH, BLATT_PROGNOSE)
