"""Checking: Meldungen → Befunde (the pandera schema, German texts, plausibility hints). Pure."""
