"""dev.py, the one command a new developer or officer runs: honest output on any console, a demo true to its samples."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from datetime import date

import pytest

from conftest import ROOT, SAMPLES
from pyxl.merge import commune_tables
from pyxl.readers import read_tables


def dev_module():
    spec = importlib.util.spec_from_file_location("dev", ROOT / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_writes_utf8_whatever_the_console():
    """`py dev.py … > log.txt` on a Windows console whose code page is cp1252."""
    done = subprocess.run([sys.executable, str(ROOT / "dev.py")], capture_output=True, timeout=60,
                          env={**os.environ, "PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0"})
    assert done.returncode == 1
    assert "Cách dùng / usage: python3 dev.py demo | test [tuỳ chọn của pytest" in done.stderr.decode("utf-8")


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.xlsx")), ids=lambda p: p.stem)
def test_demo_checks_each_sample_as_of_its_own_plan_year(sample):
    as_of = dev_module().AS_OF[sample.stem]  # every bundled sample has one: none is checked against today
    if sample.stem.startswith("district"):
        years = {table.year for _, table in commune_tables(sample) if not isinstance(table, str)}
    else:
        years = {table.year for table in read_tables(sample)}
    assert date.fromisoformat(as_of).year in years
