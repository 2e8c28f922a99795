"""One writer per output format. Renderers format; they never decide a number."""
