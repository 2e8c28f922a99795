"""Every sheet name wrm writes: the template's, its version stamp, the Excel report's.

Writers name their sheets from here and readers recognise them by the same names, so
neither needs to import the other.
"""

from __future__ import annotations

# The template (vorlage.py) and its reader (lesen/formular.py).
BLATT_MELDUNG = "Meldung"
BLATT_ERLAEUTERUNGEN = "Erläuterungen"
# Version stamp: a hidden sheet with A1 = VERSION_KENNUNG and A2 = VORLAGE_VERSION (a sheet
# rather than a defined name, so that python-calamine can read it as well).
BLATT_VERSION = "wrm"
VERSION_KENNUNG = "wrm-vorlage"
VORLAGE_VERSION = "1"

# The Excel report (berichte/excel_bericht.py); the readers recognise a report by its
# first four sheets and pass it over.
BLATT_AUSWERTUNG = "Auswertung"
BLATT_UEBERSICHT = "Übersicht"
BLATT_MELDESTATUS = "Meldestatus"
BLATT_HINWEISE = "Hinweise"
BLATT_DIAGRAMM = "Diagramm"
BERICHT_BLAETTER = (BLATT_AUSWERTUNG, BLATT_UEBERSICHT, BLATT_MELDESTATUS, BLATT_HINWEISE)
