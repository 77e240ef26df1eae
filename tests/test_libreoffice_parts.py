"""A LibreOffice with only some of its parts: parbook says which part is missing; the tests skip and say why."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import SAMPLES, libreoffice_missing
from pyxl.core.errors import ParbookError
from pyxl.merge import FAILED, merge
from pyxl.plan import read_front_matter, write_plan
from pyxl.readers import read_tables

pytestmark = pytest.mark.skipif(os.name == "nt", reason="the stand-in soffice is a POSIX shell script")


@pytest.fixture
def soffice_without_parts(tmp_path, monkeypatch):
    """A `soffice` first on PATH that, like one without Writer and Calc, loads nothing, says so and returns 0."""
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "soffice"
    script.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 0\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    return script


def test_plan_pdf_says_writer_is_missing(soffice_without_parts, tmp_path):
    table = read_tables(SAMPLES / "son_giang_2021.xlsx")[0]
    front, _ = read_front_matter(SAMPLES / "son_giang_2021.xlsx")
    with pytest.raises(ParbookError, match="thiếu phần LibreOffice Writer"):
        write_plan(table, tmp_path / "ke_hoach.docx", front=front, pdf=True, warn=lambda message: None)
    assert (tmp_path / "ke_hoach.docx").is_file() and not (tmp_path / "ke_hoach.pdf").exists()


def test_merge_pdf_says_writer_is_missing(soffice_without_parts, tmp_path):
    result = merge(SAMPLES / "district_2025.xlsx", tmp_path, only=["Tân Lập"], pdf=True, jobs=1)
    (outcome,) = result.outcomes
    assert outcome.status == FAILED and "LibreOffice Writer" in outcome.message
    assert [p.suffix for p in Path(tmp_path).glob("Kế hoạch*")] == [".docx"]


@pytest.mark.parametrize("component", ["calc", "writer"])
def test_the_probe_sees_a_part_is_missing(soffice_without_parts, component):
    reason = libreoffice_missing.__wrapped__(component)  # not the session's cached answer
    assert reason and component.title() in reason
