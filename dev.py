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
    """Check every bundled sample, write the plans and merge the district workbook into out/."""
    setup()
    parbook = [PYTHON, "-m", "pyxl"]
    for sample in sorted((ROOT / "samples").glob("*.xlsx")):
        if sample.name.startswith("district"):
            continue
        run(*parbook, "check", sample.relative_to(ROOT))
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
