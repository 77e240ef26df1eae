#!/usr/bin/env python3
"""Set up parbook in a local virtual environment and run it: `python3 dev.py demo` or `python3 dev.py test`.

Works on Windows, macOS and Linux with only Python 3.10+ installed.
"""
from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
OUT = ROOT / "out"


def run(*args: object) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT)


def setup(extra: str = "") -> None:
    """Create .venv and install parbook (editable) with the given extra."""
    if sys.version_info < (3, 10):
        sys.exit("parbook cần Python 3.10 trở lên / parbook needs Python 3.10 or newer.")
    if not PYTHON.exists():
        try:
            venv.create(VENV, with_pip=True)
        except Exception as exc:  # Debian/Ubuntu ship venv separately
            sys.exit(f"Không tạo được môi trường ảo ({exc}). Trên Debian/Ubuntu: sudo apt install python3-venv")
    stamp = VENV / f".installed{extra}"
    if not stamp.exists() or stamp.stat().st_mtime < (ROOT / "setup.cfg").stat().st_mtime:
        run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        run(PYTHON, "-m", "pip", "install", "--quiet", "-e", f".{extra}")
        stamp.touch()


def demo() -> None:
    """Check every bundled sample, write its plan into out/, and merge the district workbook."""
    setup()
    parbook = [PYTHON, "-m", "pyxl"]
    OUT.mkdir(exist_ok=True)
    for sample in sorted((ROOT / "samples").glob("*.xlsx")):
        if sample.name.startswith("district"):
            continue
        run(*parbook, "check", sample.relative_to(ROOT))
        sheets = ["Phụ lục 2"] if sample.name.startswith("phuoc_my") else [None]
        for sheet in sheets:
            extra = ["--sheet", sheet] if sheet else []
            run(*parbook, "plan", sample.relative_to(ROOT), *extra, "-o", OUT / f"{sample.stem}.docx", "--overwrite")
    district = ROOT / "samples" / "district_2025.xlsx"
    if district.exists():
        try:
            run(*parbook, "merge", district.relative_to(ROOT), "-o", OUT / "district_2025", "--overwrite")
        except subprocess.CalledProcessError as exc:
            if exc.returncode != 1:  # 1: some communes are defective on purpose, as the summary shows
                raise
    print(f"\nKết quả / output: {OUT}")


def test() -> None:
    """Install the test extra and run the whole test suite."""
    setup("[test]")
    run(PYTHON, "-m", "pytest", *sys.argv[2:])


if __name__ == "__main__":
    commands = {"demo": demo, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit("usage: python3 dev.py demo | test [pytest options]")
    try:
        commands[sys.argv[1]]()
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)
