"""The floor: Python start, the imports wrm needs and reading every file with calamine.

Aufruf: ``python untergrenze.py ORDNER``. Imports what ``wrm auswerten`` cannot do
without (pandas, pandera, python-calamine), then reads every worksheet of every file
with python-calamine – the file's whole content, as wrm must – and nothing else: no
checks, no evaluation, no report.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas  # noqa: F401
import pandera.pandas  # noqa: F401
from python_calamine import CalamineWorkbook


def main(ordner: Path) -> None:
    zeilen = 0
    for pfad in sorted(ordner.glob("*.xlsx")):
        mappe = CalamineWorkbook.from_path(str(pfad))
        for name in mappe.sheet_names:
            zeilen += len(mappe.get_sheet_by_name(name).to_python())
    print(zeilen)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
