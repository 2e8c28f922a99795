"""wrm – Wohnraummanagement: Meldungen der Kommunen prüfen und auswerten."""

__version__ = "0.1.0"
