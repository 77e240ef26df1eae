"""`plan`, `merge` and `mark` never write over one of their own inputs, whatever --overwrite says.

Same path, another spelling of it, a symbolic link, a hard link (same inode): all refused with a
Vietnamese message (exit 2), the input left byte for byte as it was.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import openpyxl
import pytest

from conftest import SAMPLES
from pyxl.merge import SUMMARY_NAME
from pyxl.plan import default_template

SON_GIANG = SAMPLES / "son_giang_2021.xlsx"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def aliases(path: Path, folder: Path) -> dict[str, Path]:
    """Other names for the same file: a respelled path, a symbolic link, a hard link."""
    names = {"same": path, "respelled": path.parent / ".." / path.parent.name / path.name}
    link = folder / f"link{path.suffix}"
    hard = folder / f"hard{path.suffix}"
    try:
        link.symlink_to(path)
        names["symlink"] = link
    except OSError:
        pass
    try:
        os.link(path, hard)
        names["hardlink"] = hard
    except OSError:
        pass
    return names


def refused(result, *inputs: Path, before: list[str]) -> None:
    assert result.code == 2, (result.out, result.err)
    assert "tệp đầu vào" in result.err and "--overwrite" in result.err and "Traceback" not in result.err
    assert [digest(p) for p in inputs] == before


@pytest.mark.parametrize("alias", ["same", "respelled", "symlink", "hardlink"])
def test_plan_keeps_the_officers_template(parbook, tmp_path, alias):
    template = tmp_path / "mau" / "mau_cua_xa.docx"
    template.parent.mkdir()
    shutil.copy(default_template("scores"), template)
    before = [digest(template)]
    names = aliases(template, tmp_path)
    if alias not in names:
        pytest.skip(f"this file system has no {alias}")
    result = parbook("plan", SON_GIANG, "--template", template, "-o", names[alias], "--overwrite")
    refused(result, template, before=before)


def test_plan_pdf_beside_the_template_is_refused_too(parbook, tmp_path):
    template = tmp_path / "mau.docx"
    shutil.copy(default_template("scores"), template)
    before = [digest(template)]
    result = parbook("plan", SON_GIANG, "--template", template, "-o", tmp_path / "mau.pdf", "--overwrite")
    assert result.code == 2 and [digest(template)] == before


@pytest.mark.parametrize("alias", ["same", "respelled", "symlink", "hardlink"])
def test_mark_keeps_the_source(parbook, tmp_path, alias):
    source = tmp_path / "bang" / "son_giang.xlsx"
    source.parent.mkdir()
    shutil.copy(SON_GIANG, source)
    before = [digest(source)]
    names = aliases(source, tmp_path)
    if alias not in names:
        pytest.skip(f"this file system has no {alias}")
    refused(parbook("mark", source, "-o", names[alias], "--overwrite"), source, before=before)


def test_merge_keeps_a_source_workbook_named_like_the_summary(parbook, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    source = out / SUMMARY_NAME
    shutil.copy(SAMPLES / "district_2025.xlsx", source)
    before = [digest(source)]
    refused(parbook("merge", source, "-o", out, "--overwrite", "--only", "Tân Lập"), source, before=before)
    assert not list(out.glob("*.docx"))  # refused before any work


def test_merge_keeps_a_roster_named_like_the_summary(parbook, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    roster = out / SUMMARY_NAME
    book = openpyxl.Workbook()
    book.active.title = "Danh sách"
    book.active.append(["Xã/Phường", "Người ký", "Chức vụ"])
    book.active.append(["Tân Lập", "Hồ Văn An", "Chủ tịch"])
    book.save(roster)
    before = [digest(roster)]
    result = parbook("merge", SAMPLES / "district_2025.xlsx", "-o", out, "--list", roster, "--overwrite")
    refused(result, roster, before=before)


def test_merge_keeps_a_commune_workbook_a_plan_would_replace(parbook, tmp_path):
    folder = tmp_path / "xa"
    folder.mkdir()
    source = folder / "Tân Lập.xlsx"
    shutil.copy(SON_GIANG, source)
    first = parbook("merge", folder, "-o", tmp_path / "out")
    assert first.code == 0, first.err
    [plan] = (tmp_path / "out").glob("*.docx")
    plan.unlink()
    os.link(source, plan)  # the plan's name now is the commune's workbook
    before = [digest(source)]
    again = parbook("merge", folder, "-o", tmp_path / "out", "--overwrite")
    assert again.code == 1 and "tệp đầu vào" in again.out
    assert [digest(source)] == before
