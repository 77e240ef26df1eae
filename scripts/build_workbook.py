"""Build parbook.xlsm at the repo root from the sources in pyxl/excel/xlsm/ (run after changing them).

    python scripts/build_workbook.py
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # work from a plain checkout, without installing the package

from pyxl.excel.xlsm import build_workbook  # noqa: E402


def main() -> None:
    """Write parbook.xlsm next to setup.cfg and print its path."""
    print(build_workbook(ROOT / "parbook.xlsm"))


if __name__ == "__main__":
    main()
