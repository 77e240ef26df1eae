"""Shared fixtures: the bundled samples, a runner for the `parbook` command, and LibreOffice detection.

A test that needs LibreOffice says which part with `@pytest.mark.libreoffice("calc")` (spreadsheets:
.xls/.ods/.csv conversions) or `("writer")` (Word documents to PDF). Whether that part works here is
probed once per session by converting a tiny file: a LibreOffice without Calc or Writer prints an
error and still returns 0, so only the converted file tells. Missing parts skip with the reason.
"""
from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

# xlwings registers its JSON-backed Book (xlwings PRO, PolyForm Noncommercial: tests only) when it is first
# imported, so the key must be set before any test module imports it.
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
sys.path.insert(0, str(Path(__file__).parent))


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> dict:
        return json.loads(self.out)


@pytest.fixture
def parbook(capsys):
    """Run `parbook ARGS…` in-process and return its exit code and output."""
    from pyxl.cli import main

    def run(*args: object) -> Result:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def soffice() -> str | None:
    """The LibreOffice command on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(source: Path, target: str, outdir: Path, timeout: float = 180) -> subprocess.CompletedProcess:
    """`soffice --convert-to target` in a private profile (parallel runs must not share one)."""
    command = soffice()
    assert command is not None, "use @pytest.mark.libreoffice(...) on tests that convert"
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    try:
        return subprocess.run(
            [command, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
             "--convert-to", target, "--outdir", str(outdir), str(source)],
            check=True, capture_output=True, timeout=timeout,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def _probe_file(component: str, folder: Path) -> tuple[Path, str]:
    if component == "calc":  # a workbook only Calc opens, into a format only Calc writes
        import openpyxl

        workbook = openpyxl.Workbook()
        workbook.active["A1"] = 1
        workbook.save(folder / "probe.xlsx")
        return folder / "probe.xlsx", "ods"
    import docx  # a Word document only Writer opens

    docx.Document().save(str(folder / "probe.docx"))
    return folder / "probe.docx", "pdf"


@functools.lru_cache(maxsize=None)
def libreoffice_missing(component: str) -> str | None:
    """Why LibreOffice cannot convert with component ('calc' or 'writer') here, or None when it can."""
    if soffice() is None:
        return "LibreOffice (soffice) is not installed here; .ci/run installs it"
    with tempfile.TemporaryDirectory(prefix="parbook-probe-") as work:
        source, target = _probe_file(component, Path(work))
        try:
            convert(source, target, Path(work))
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            return f"LibreOffice could not run a {component} conversion here ({type(error).__name__})"
        if not source.with_suffix(f".{target}").is_file():
            return f"this LibreOffice has no {component.title()} (it converted nothing and said so only on stderr)"
    return None


def pytest_configure(config):
    config.addinivalue_line("markers", "libreoffice(component): needs LibreOffice with 'calc' or 'writer'")


def pytest_runtest_setup(item):
    for marker in item.iter_markers("libreoffice"):
        reason = libreoffice_missing(marker.args[0])
        if reason:
            pytest.skip(reason)
