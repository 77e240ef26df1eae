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
# The middle of each sample's plan year: the demo shows what an officer reviewing progress then saw,
# not every deadline overdue as it would be today.
AS_OF = {
    "ia_pa_2019": "2019-06-30",
    "son_giang_2021": "2021-06-30",
    "vinh_linh_2023": "2024-06-30",
    "phuoc_my_2024": "2024-06-30",
    "district_2025": "2026-06-30",
}
UTF8 = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}  # children too, whatever the console


# setuptools tells every editable install of a flat layout to mind same-named folders, as a warning;
# only that notice is hidden (tests/test_packaging.py builds with every warning shown).
QUIET_EDITABLE = {**UTF8, "PYTHONWARNINGS": "ignore:Editable installation:UserWarning"}


def run(*args: object, env: dict[str, str] = UTF8) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT, env=env)


def as_of(sample: Path) -> list[str]:
    """['--as-of', date] for a bundled sample, nothing (today) for any other file."""
    return ["--as-of", AS_OF[sample.stem]] if sample.stem in AS_OF else []


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
        run(PYTHON, "-m", "pip", "install", "--quiet", "-e", f".{extra}", env=QUIET_EDITABLE)
        stamp.touch()


def demo() -> None:
    """Check every bundled sample, write its plan into out/, and merge the district workbook."""
    setup()
    parbook = [PYTHON, "-m", "pyxl"]
    OUT.mkdir(exist_ok=True)
    for sample in sorted((ROOT / "samples").glob("*.xlsx")):
        if sample.name.startswith("district"):
            continue
        run(*parbook, "check", sample.relative_to(ROOT), *as_of(sample))
        sheets = ["Phụ lục 2"] if sample.name.startswith("phuoc_my") else [None]
        for sheet in sheets:
            extra = ["--sheet", sheet] if sheet else []
            run(*parbook, "plan", sample.relative_to(ROOT), *extra, *as_of(sample), "-o", OUT / f"{sample.stem}.docx",
                "--overwrite")
    district = ROOT / "samples" / "district_2025.xlsx"
    if district.exists():
        try:
            run(*parbook, "merge", district.relative_to(ROOT), *as_of(district), "-o", OUT / "district_2025",
                "--overwrite")
        except subprocess.CalledProcessError as exc:
            if exc.returncode != 1:  # 1: some communes are defective on purpose, as the summary shows
                raise
    print(f"\nKết quả / output: {OUT}")


def test() -> None:
    """Install the test extra and run the whole test suite."""
    setup("[test]")
    run(PYTHON, "-m", "pytest", *sys.argv[2:])


if __name__ == "__main__":
    for stream in (sys.stdout, sys.stderr):  # a redirected Windows console would be cp1252: Vietnamese fails
        stream.reconfigure(encoding="utf-8")
    commands = {"demo": demo, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit("Cách dùng / usage: python3 dev.py demo | test [tuỳ chọn của pytest / pytest options]")
    try:
        commands[sys.argv[1]]()
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)
