"""Where the pandera schemas live.

The checkout keeps them in the top-level ``schemas/`` folder; the wheel ships that
folder inside the package as ``wrm_cli/schemas`` (see pyproject.toml), so no generic
top-level module called ``schemas`` is ever installed.
"""

try:  # installed from a wheel
    from wrm_cli.schemas.meldung import meldung_schema  # type: ignore[import-not-found,import-untyped,unused-ignore]
except ModuleNotFoundError:  # checkout or editable install: schemas/ beside wrm_cli/
    from schemas.meldung import meldung_schema

__all__ = ["meldung_schema"]
