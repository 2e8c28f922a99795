"""Evaluating: valid Meldungen → one row per Kommune → the table, Meldestatus, Dateibilanz. Pure."""
