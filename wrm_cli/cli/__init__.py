"""The command line (typer) and the terminal view (rich): the only place either is imported."""

from wrm_cli.cli.befehle import app, main

__all__ = ["app", "main"]
