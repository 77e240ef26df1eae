"""When the system says no (a folder that is a file, no permission, a full disk, a closed pipe), parbook
says why in Vietnamese, names the path, exits 2, and leaves no half-written file; outputs follow the umask."""
from __future__ import annotations

import builtins
import errno
import io
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES
from pyxl import files
from pyxl.files import TEMP_PREFIX

SON_GIANG = SAMPLES / "son_giang_2021.xlsx"
DISTRICT = SAMPLES / "district_2025.xlsx"
POSIX_MODES = pytest.mark.skipif(os.name == "nt", reason="Windows files have no POSIX mode bits")


def writing_commands(folder: Path) -> dict[str, list[object]]:
    """Each command that writes, writing into folder."""
    source = folder.parent / "nguon.xlsx"
    if not source.exists():
        shutil.copy(SON_GIANG, source)
    return {
        "check": ["check", SON_GIANG, "--format", "json", "-o", folder / "ket_qua.json"],
        "plan": ["plan", SON_GIANG, "-o", folder / "ke_hoach.docx"],
        "mark": ["mark", source, "-o", folder / "da_kiem_tra.xlsx", "--fill-lost"],
        "merge": ["merge", DISTRICT, "-o", folder, "--only", "Tân Lập,Đồng Tâm", "--jobs", "1", "--zip",
                  "--as-of", "2026-01-15"],
        "templates": ["templates", "-o", folder],
    }


COMMANDS = ["check", "plan", "mark", "merge", "templates"]


def refused(result, *says: str) -> None:
    assert result.code == 2, result
    assert "Traceback" not in result.err and "Error" not in result.err
    assert result.err.startswith("parbook: Không ") and all(s in result.err for s in says), result.err


def nothing_left(folder: Path) -> None:
    left = sorted(p.name for p in folder.rglob("*")) if folder.is_dir() else []
    assert left == [], left


@pytest.mark.parametrize("command", COMMANDS)
def test_output_folder_is_a_file(parbook, tmp_path, command):
    blocker = tmp_path / "ra"
    blocker.write_text("tệp của người dùng", encoding="utf-8")
    refused(parbook(*writing_commands(blocker)[command]), str(blocker), "tệp trùng tên với thư mục")
    assert blocker.read_text(encoding="utf-8") == "tệp của người dùng"


@pytest.mark.parametrize("command", COMMANDS)
def test_folder_that_refuses_new_files(parbook, tmp_path, monkeypatch, command):
    """A read-only or someone else's folder: creating the file is refused (simulated, as root may write anywhere)."""
    def refuse(target):
        raise PermissionError(errno.EACCES, "Permission denied", str(target.with_name(TEMP_PREFIX + "x")))

    monkeypatch.setattr(files, "_create_beside", refuse)
    folder = tmp_path / "ra"
    refused(parbook(*writing_commands(folder)[command]), "không có quyền")
    nothing_left(folder)


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="needs POSIX permissions and a user who is not root")
def test_read_only_folder_for_real(parbook, tmp_path):
    folder = tmp_path / "chi_doc"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        refused(parbook("plan", SON_GIANG, "-o", folder / "ke_hoach.docx"), str(folder / "ke_hoach.docx"), "quyền")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_file_open_in_word_is_not_replaced(parbook, tmp_path, monkeypatch):
    """Windows refuses to replace a document open in Word: the old file stays, the new one is not left behind."""
    target = tmp_path / "ke_hoach.docx"
    target.write_bytes(b"the plan as it was")

    def locked(source, destination):
        raise PermissionError(errno.EACCES, "Access is denied", str(source), None, str(destination))

    monkeypatch.setattr(files.os, "replace", locked)
    refused(parbook("plan", SON_GIANG, "-o", target, "--overwrite"), str(target), "đang mở trong Word/Excel")
    assert target.read_bytes() == b"the plan as it was"
    assert [p.name for p in tmp_path.iterdir()] == ["ke_hoach.docx"]


class _FillingUp:
    """A file on a disk with `room` bytes left: writes what fits, then fails as a full disk does."""

    def __init__(self, file, room: int) -> None:
        self._file, self._room = file, room

    def write(self, data) -> int:
        if len(data) > self._room:
            self._file.write(bytes(data[: self._room]))
            self._room = 0
            raise OSError(errno.ENOSPC, "No space left on device")
        self._room -= len(data)
        return self._file.write(data)

    def __getattr__(self, name):
        return getattr(self._file, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self._file.close()


@pytest.fixture
def full_disk(monkeypatch):
    """Outputs (parbook's temporary files) find the disk full after 2 KB; everything else writes as usual."""
    real_open = io.open

    def open_(file, mode="r", *args, **kwargs):
        opened = real_open(file, mode, *args, **kwargs)
        name = os.fspath(file) if isinstance(file, (str, os.PathLike)) else ""
        if any(c in mode for c in "wax") and Path(name).name.startswith(TEMP_PREFIX):
            return _FillingUp(opened, 2048)
        return opened

    monkeypatch.setattr(io, "open", open_)
    monkeypatch.setattr(builtins, "open", open_)


@pytest.mark.parametrize("command", COMMANDS)
def test_disk_full(parbook, tmp_path, full_disk, command):
    folder = tmp_path / "ra"
    refused(parbook(*writing_commands(folder)[command]), "ổ đĩa đã đầy")
    nothing_left(folder)


def test_disk_full_names_the_file_not_a_temporary_one(parbook, tmp_path, full_disk):
    target = tmp_path / "ke_hoach.docx"
    result = parbook("plan", SON_GIANG, "-o", target)
    refused(result, f"'{target}'")
    assert TEMP_PREFIX not in result.err


def test_unreadable_input(parbook, tmp_path, monkeypatch):
    from pyxl.readers import _sniff

    def locked(path):  # as the first read of a file another program holds locked fails
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(_sniff, "sniff", locked)
    refused(parbook("check", SON_GIANG), str(SON_GIANG), "không có quyền")


def _run(*args: object, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pyxl", *map(str, args)], cwd=ROOT, stderr=subprocess.PIPE,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120, **kwargs)


def test_closed_pipe(tmp_path):
    """`parbook check … | head`: the reader is gone before parbook writes."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = _run("check", SON_GIANG, stdout=write_end)
    finally:
        os.close(write_end)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2 and err.startswith("parbook: Không in hết được kết quả"), err
    assert "Traceback" not in err and "Exception ignored" not in err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_standard_output_on_a_full_disk():
    with open("/dev/full", "wb") as full:
        done = _run("check", SON_GIANG, stdout=full)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2 and "ổ đĩa đã đầy" in err and "Traceback" not in err, err


def test_findings_keep_exit_1_to_themselves(parbook, tmp_path):
    assert parbook("check", SON_GIANG, "--strict").code == 1  # the sample has LOST_MISMATCH errors
    blocker = tmp_path / "ra"
    blocker.write_text("", encoding="utf-8")
    assert parbook("check", SON_GIANG, "--strict", "-o", blocker / "r.txt").code == 2


# -- file modes ---------------------------------------------------------------------------------------

@pytest.fixture
def umask():
    """Run under a given umask, then restore the previous one."""
    previous = os.umask(0o022)
    try:
        yield lambda mask: os.umask(mask)
    finally:
        os.umask(previous)


def outputs(folder: Path) -> dict[str, int]:
    return {p.name: stat.S_IMODE(p.stat().st_mode) for p in folder.rglob("*") if p.is_file()}


@POSIX_MODES
@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
@pytest.mark.parametrize("command", COMMANDS)
def test_outputs_get_the_mode_of_a_normally_created_file(parbook, tmp_path, umask, mask, mode, command):
    umask(mask)
    folder = tmp_path / "ra"
    assert parbook(*writing_commands(folder)[command]).code in (0, 1)
    modes = outputs(folder)
    assert modes and set(modes.values()) == {mode}, modes
    (tmp_path / "control").touch()
    assert stat.S_IMODE((tmp_path / "control").stat().st_mode) == mode


@POSIX_MODES
def test_replacing_a_file_keeps_its_mode(parbook, tmp_path, umask):
    target = tmp_path / "ke_hoach.docx"
    target.write_bytes(b"old")
    target.chmod(0o664)  # shared with the group on purpose
    assert parbook("plan", SON_GIANG, "-o", target, "--overwrite").code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o664 and target.read_bytes().startswith(b"PK")
