"""Metamorphic tests: every layout of a model table, in every file type, reads to the same table.

The corpus (tests/corpus.py, tests/corpus_models.py) renders five model tables into up to 24 layouts
and each layout into .xlsx (read by both engines), .csv and .xls (through LibreOffice, when installed).
"""
from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

import corpus
from corpus_models import MODELS
from pyxl.readers import read_tables

CASES = corpus.cases()
BASE = corpus.LAYOUTS[0]
_XLS = next(t for t in corpus.FILE_TYPES if t.name == "xls")


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> Path:
    """Every case written once; the .xls files converted from their .xlsx in one LibreOffice run."""
    folder = tmp_path_factory.mktemp("corpus")
    for case in CASES:
        if case.file_type.write is not None:
            case.file_type.write(corpus.render(case.model, case.layout), case.path(folder))
    if shutil.which("soffice"):
        sources = sorted({str(c.path(folder).with_suffix(".xlsx")) for c in CASES if c.file_type is _XLS})
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/lo", "--convert-to", "xls",
                        "--outdir", str(folder), *sources], check=True, capture_output=True, timeout=600)
    return folder


def _read(case: corpus.Case, folder: Path):
    path = case.path(folder)
    if case.file_type is _XLS and not path.exists():
        pytest.skip("LibreOffice (soffice) is not installed, so no .xls can be made")
    [table] = read_tables(path, as_of=case.model.as_of, engine=case.file_type.engine)
    return table


@pytest.fixture(scope="module")
def references(files) -> dict[str, dict]:
    """The base layout (codes in STT, one header row, capital lĩnh vực lines) of each model, read from .xlsx."""
    xlsx = corpus.FILE_TYPES[0]
    return {m.name: corpus.signature(_read(corpus.Case(m, BASE, xlsx), files)) for m in MODELS}


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.name)
def test_the_base_layout_reads_as_the_model(model, references):
    found = references[model.name]
    written = [row for row in model.rows]
    assert [item[0] if item[0] != "group" else None for item in found["items"]] == [row.code for row in written]
    titles = [item[1] if item[0] != "group" else item[2] for item in found["items"]]
    assert titles == [row.title if row.code else corpus.group_name(row.title) for row in written]
    if model.kind == "scores":
        figures = [(item[2], item[3]) if item[0] != "group" else (item[3], item[4]) for item in found["items"]]
        typed = [(row.max_points and Decimal(row.max_points), row.appraised and Decimal(row.appraised))
                 for row in written]
        assert figures == typed
    totals = tuple(Decimal(v) if v is not None else None for v in model.totals)
    assert found["totals"] == totals
    assert model.expected <= {(code, ref) for code, _, ref in found["findings"]}
    number = 0
    for row, item in zip(written, found["items"]):
        if row.code is None:
            number += 1
        else:
            assert item[-1] == number, f"{row.code} is read under group {item[-1]}, not {number}"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_every_layout_reads_the_same(case, files, references):
    table = _read(case, files)
    assert corpus.signature(table) == references[case.model.name]
    if case.layout.code in ("title", "column"):
        items = [item for item in table.items if not item.is_group]
        assert [item.serial for item in items] == [str(n) for n in range(1, len(items) + 1)]
    else:
        assert all(item.serial is None for item in table.items)


def test_the_corpus_is_large():
    layouts = {(c.model.name, c.layout.name) for c in CASES}
    assert len(MODELS) >= 5 and len(layouts) >= 80 and len(CASES) >= 300
