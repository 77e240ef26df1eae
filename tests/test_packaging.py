"""The sdist and wheel hold everything, and the wheel installed away from the checkout does the real jobs.

Built with the test environment's own setuptools (no network), the wheel from the sdist as a release
is; installed with `pip --target` into a bare folder and run with `python -S`, so that only that
folder and this environment's dependencies are on the path: the checkout (and its editable install)
cannot be imported. `.ci/run` repeats this with a fresh virtual environment and dependencies from PyPI.
"""
from __future__ import annotations

import configparser
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from conftest import ROOT, SAMPLES
from pyxl import __version__

BUILD_TOOLS = ("build", "setuptools", "wheel")
NOT_SOURCES = {".venv", ".git", "out", "build", "dist", ".pytest_cache", ".hypothesis", "__pycache__"}


def package_files() -> list[str]:
    """What must be installed: every module and every data file of pyxl, as paths inside the wheel."""
    found = []
    for path in sorted((ROOT / "pyxl").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and not path.name.startswith(("~$", ".")):
            found.append(path.relative_to(ROOT).as_posix())
    return found


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> dict[str, Path]:
    """The sdist and the wheel built from it, from a copy of the checkout (building writes egg-info)."""
    missing = [name for name in BUILD_TOOLS if importlib.util.find_spec(name) is None]
    if missing:
        pytest.skip(f"cannot build here without {', '.join(missing)} (the [test] extra installs them)")
    work = tmp_path_factory.mktemp("dist")
    source = work / "src"
    shutil.copytree(ROOT, source, ignore=lambda folder, names: [
        n for n in names if n in NOT_SOURCES or n.endswith(".egg-info")])
    done = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(work / "out"), str(source)],
                          capture_output=True, encoding="utf-8", errors="replace", timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (wheel,) = (work / "out").glob("*.whl")
    (sdist,) = (work / "out").glob("*.tar.gz")
    return {"wheel": wheel, "sdist": sdist, "log": done.stdout + done.stderr}


def test_build_says_nothing_is_wrong(dist):
    warnings = [line for line in dist["log"].splitlines() if "warn" in line.lower()
                and "byte-compiling is disabled" not in line]  # PYTHONDONTWRITEBYTECODE in the environment
    assert warnings == []


def test_wheel_holds_every_module_and_data_file(dist):
    with zipfile.ZipFile(dist["wheel"]) as wheel:
        names = set(wheel.namelist())
        metadata = wheel.read(f"parbook-{__version__}.dist-info/METADATA").decode("utf-8")
        entry_points = wheel.read(f"parbook-{__version__}.dist-info/entry_points.txt").decode("utf-8")
    missing = [name for name in package_files() if name not in names]
    assert not missing
    assert {"pyxl/data/agencies.csv", "pyxl/data/templates/ke_hoach_theo_tieu_chi.docx"} <= names
    assert not [n for n in names if not n.startswith(("pyxl/", f"parbook-{__version__}.dist-info/"))]
    assert any(n.endswith("/LICENSE") for n in names)
    assert f"Version: {__version__}" in metadata and "BSD-3-Clause" in metadata
    assert "parbook = pyxl.cli:main" in entry_points


def test_sdist_can_rebuild_and_test_everything(dist):
    with tarfile.open(dist["sdist"]) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    wanted = ["LICENSE", "README.md", "CHANGELOG.md", "setup.cfg", "pyproject.toml", "MANIFEST.in", "dev.py",
              "parbook.xlsm", "templates/README.md", *package_files()]
    wanted += [p.relative_to(ROOT).as_posix() for folder in ("tests", "scripts", "benchmarks")
               for p in (ROOT / folder).glob("*.py")]
    wanted += [p.relative_to(ROOT).as_posix() for p in SAMPLES.glob("*.xlsx")]
    assert [name for name in wanted if name not in names] == []


def test_license_matches_the_metadata():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    assert config["metadata"]["license"] == "BSD-3-Clause"
    assert text.startswith("BSD 3-Clause License") and "parbook contributors" in text
    assert "Neither the name of the copyright holder" in text


@pytest.fixture(scope="module")
def installed(dist, tmp_path_factory) -> Path:
    """The wheel installed (without its dependencies, which this environment has) into a bare folder."""
    target = tmp_path_factory.mktemp("installed")
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--no-compile", "--quiet",
                    "--target", str(target), str(dist["wheel"])], check=True, capture_output=True, timeout=300)
    return target


def run_installed(installed: Path, cwd: Path, *args: object) -> subprocess.CompletedProcess:
    """`python -S -m pyxl ARGS` with only the installed folder and this environment's libraries on the path."""
    path = os.pathsep.join([str(installed), sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")} | {"PYTHONPATH": path}
    return subprocess.run([sys.executable, "-S", "-m", "pyxl", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, encoding="utf-8", timeout=600)


def test_installed_wheel_is_the_one_imported(installed, tmp_path):
    done = run_installed(installed, tmp_path, "--version")
    assert done.returncode == 0 and done.stdout.strip() == f"parbook {__version__}", done.stderr
    path = os.pathsep.join([str(installed), sysconfig.get_paths()["purelib"]])
    where = subprocess.run([sys.executable, "-S", "-c", "import pyxl, pyxl.plan; print(pyxl.__file__); "
                            "print(pyxl.plan.templates_dir())"], cwd=tmp_path, env={**os.environ, "PYTHONPATH": path},
                           capture_output=True, encoding="utf-8", check=True)
    module, templates = where.stdout.splitlines()
    assert Path(module).is_relative_to(installed) and Path(templates).is_relative_to(installed)
    assert ROOT not in Path(module).parents


def test_installed_wheel_checks_plans_and_merges(installed, tmp_path):
    check = run_installed(installed, tmp_path, "check", SAMPLES / "son_giang_2021.xlsx", "--format", "json")
    assert check.returncode == 0, check.stderr
    assert json.loads(check.stdout)["sheets"][0]["totals"]["lost_points"] == pytest.approx(8.45)

    plan = run_installed(installed, tmp_path, "plan", SAMPLES / "son_giang_2021.xlsx", "-o", "ke_hoach.docx",
                         "--as-of", "2021-06-30")
    assert plan.returncode == 0, plan.stderr
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "ke_hoach.docx")).paragraphs)
    assert "KẾ HOẠCH" in text.upper() and "Sơn Giang" in text

    merge = run_installed(installed, tmp_path, "merge", SAMPLES / "district_2025.xlsx", "-o", "cac_xa",
                          "--as-of", "2026-01-15", "--jobs", "2")
    assert merge.returncode == 1, merge.stderr  # the district sample has defective communes on purpose
    assert len(list((tmp_path / "cac_xa").glob("*.docx"))) == 21
    assert openpyxl.load_workbook(tmp_path / "cac_xa" / "Tổng hợp.xlsx").sheetnames

    templates = run_installed(installed, tmp_path, "templates", "-o", "mau")
    assert templates.returncode == 0, templates.stderr
    assert len(list((tmp_path / "mau").glob("*.docx"))) == 5  # the plans' four and the progress report
