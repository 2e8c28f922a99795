"""pandera schemas that every check of a Meldung runs."""
