"""The package layout keeps its promises: a pure core, and imports that only point down the layers."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "pyxl"
HEAVY = ("xlwings", "openpyxl", "python_calamine", "docx", "docxtpl", "xlsxwriter", "lxml", "jinja2", "numpy",
         "pandas")
# What each part of the package may import from parbook itself (DESIGN.md, "Layout").
ALLOWED = {
    "core": {"core"},
    "readers": {"core", "readers"},
    "files": {"core"},
    "plan": {"core", "readers", "files", "plan"},
    "merge": {"core", "readers", "files", "plan", "merge"},
    "excel": {"core", "readers", "files", "plan", "merge", "excel"},
    "cli": {"core", "readers", "files", "plan", "merge", "excel", "cli_help"},
    "cli_help": set(),
}


def _part(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def _parbook_imports(path: Path) -> set[str]:
    """The parts of parbook a module imports (first component after 'pyxl.')."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "pyxl" and len(parts) > 1:
                found.add(parts[1])
        assert not (isinstance(node, ast.ImportFrom) and node.level), f"{path}: use absolute imports"
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if _part(p) in ALLOWED)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down_the_layers(path):
    extra = _parbook_imports(path) - ALLOWED[_part(path)]
    assert not extra, f"{path.relative_to(ROOT)} imports pyxl.{', pyxl.'.join(sorted(extra))}"


def test_core_imports_no_office_library():
    core = sorted(f"pyxl.core.{p.stem}" for p in (PACKAGE / "core").glob("*.py") if p.stem != "__init__")
    code = (f"import sys, importlib\nfor m in {core!r}: importlib.import_module(m)\n"
            f"print(','.join(sorted(n for n in {HEAVY!r} if n in sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == ""
    assert len(core) >= 10


def test_public_api_is_small_and_lazy():
    code = ("import sys, pyxl\nloaded = sorted(n for n in %r if n in sys.modules)\n"
            "names = [n for n in pyxl.__all__ if not n.startswith('_')]\n"
            "assert all(getattr(pyxl, n) is not None for n in names)\nprint(loaded, len(names))") % (HEAVY,)
    # `import pyxl` loads nothing heavy; every public name then resolves.
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    loaded, count = done.stdout.rsplit(" ", 1)
    assert loaded == "[]" and 5 <= int(count) <= 20


def test_modules_stay_short():
    long = {str(p.relative_to(ROOT)): n for p in MODULES if (n := len(p.read_text(encoding="utf-8").splitlines())) > 420}
    assert not long, f"modules over ~400 lines: {long}"


def test_sources_compile_without_warnings():
    """Newer Pythons print a SyntaxWarning for an escape like '\\d' in a plain string, on the officer's
    screen at the first run or at install: every module compiles silently."""
    import warnings

    noisy = []
    for path in sorted(PACKAGE.rglob("*.py")):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            compile(path.read_text(encoding="utf-8"), str(path), "exec")
        noisy += [f"{path.relative_to(ROOT)}:{w.lineno} {w.message}" for w in caught]
    assert not noisy
