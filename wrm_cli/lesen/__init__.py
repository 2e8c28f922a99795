"""Reading: inputs → files → Meldungen with the cell of every value. Readers never judge."""
