"""`parbook merge` loses nothing: one run per output folder, no orphaned workers, a full disk said plainly."""
from __future__ import annotations

import errno
import json
import multiprocessing
import os
import re
import signal
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from conftest import ROOT
from pyxl.core.errors import ParbookError
from pyxl.files import TEMP_PREFIX, atomic_path
from pyxl.merge import KEPT, SUMMARY_NAME, WRITTEN, merge
from pyxl.merge import run as run_module

sys.path.insert(0, str(ROOT / "scripts"))
import build_district_sample  # noqa: E402

LOCK = ".parbook-merge.lock"
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    """120 communes: long enough a run for a second one to start while it goes on."""
    communes = build_district_sample.synthetic_communes(120)
    path = build_district_sample.build(tmp_path_factory.mktemp("county") / "county.xlsx", communes)
    return path, [c.sheet for c in communes]


def plans_in(folder: Path) -> list[Path]:
    """The plans in folder (temporary files being written are not plans yet)."""
    return sorted(p for p in folder.glob("*.docx") if not p.name.startswith(TEMP_PREFIX))


def complete_plans(folder: Path) -> list[Path]:
    """Every plan in folder, each checked whole (zip CRCs, python-docx opens it)."""
    plans = plans_in(folder)
    for path in plans:
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None, path
        docx.Document(str(path))
    return plans


def summary_table(path: Path) -> dict[str, str]:
    """Tổng hợp: commune → status text."""
    ws = openpyxl.load_workbook(path)["Tổng hợp"]
    return {row[1]: row[2] for row in ws.iter_rows(min_row=5, values_only=True) if row[1] and row[1] != "Cộng"}


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def parbook_process(*args: object) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pyxl", *map(str, args)], cwd=ROOT, env=ENV, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


# -- one run per output folder ------------------------------------------------------------------------------

def test_two_merges_into_one_folder_one_runs_the_other_is_refused(tmp_path, county):
    workbook, names = county
    out = tmp_path / "out"
    few = ",".join(names[:40])
    runs = [parbook_process("merge", workbook, "-o", out, "--jobs", "1", "--only", few),
            parbook_process("merge", workbook, "-o", out, "--jobs", "1")]
    try:
        done = [(p.pid, *p.communicate(timeout=600)) for p in runs]
    finally:
        for p in runs:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGKILL)
    codes = [p.returncode for p in runs]
    assert sorted(code == 2 for code in codes) == [False, True], done
    loser = codes.index(2)
    winner = 1 - loser
    message = done[loser][2]
    assert "đang được" in message and str(runs[winner].pid) in message, message
    assert re.search(r"\d{2}:\d{2}:\d{2} ngày \d{2}/\d{2}/\d{4}", message), message
    expected = 40 if winner == 0 else 120
    plans = complete_plans(out)
    table = summary_table(out / SUMMARY_NAME)
    assert len(plans) == expected and len(table) == expected
    assert set(table.values()) == {"Đã lập"}
    assert sorted(p.name for p in out.iterdir() if p.suffix != ".docx") == [SUMMARY_NAME]  # no lock, no temp


def test_a_live_lock_refuses_the_run_naming_its_process(tmp_path, parbook, county):
    out = tmp_path / "out"
    out.mkdir()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (out / LOCK).write_text(json.dumps({"pid": sleeper.pid, "started": "2025-07-01T08:30:05+07:00",
                                            "host": socket.gethostname(),
                                            "token": "x"}), encoding="utf-8")
        done = parbook("merge", county[0], "-o", out, "--only", county[1][0])
    finally:
        sleeper.kill()
        sleeper.wait()
    assert done.code == 2
    assert str(sleeper.pid) in done.err and "08:30:05 ngày 01/07/2025" in done.err, done.err
    assert LOCK in done.err  # where to look if the officer is sure no run is left
    assert not list(out.glob("*.docx")) and (out / LOCK).exists()


def test_a_stale_lock_of_a_dead_process_is_taken_over(tmp_path, parbook, county):
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK).write_text(json.dumps({"pid": dead_pid(), "started": "2025-07-01T08:30:05+07:00",
                                        "host": socket.gethostname(),
                                        "token": "x"}), encoding="utf-8")
    done = parbook("merge", county[0], "-o", out, "--only", county[1][0])
    assert done.code == 0, done.err
    assert len(complete_plans(out)) == 1 and not (out / LOCK).exists()


def test_clean_up_removes_only_the_temp_files_of_dead_processes(tmp_path, county):
    out = tmp_path / "out"
    out.mkdir()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        alive = out / f"{TEMP_PREFIX}{sleeper.pid}-abcd1234.docx"
        dead = out / f"{TEMP_PREFIX}{dead_pid()}-efgh5678.docx"
        for path in (alive, dead):
            path.write_bytes(b"half a document")
        merge(county[0], out, only=[county[1][0]], jobs=1)
        assert alive.exists() and not dead.exists()
    finally:
        sleeper.kill()
        sleeper.wait()


# -- workers do not outlive their parent -------------------------------------------------------------------

def _alive_in_group(group: int) -> list[int]:
    """Processes of the process group still running (zombies, which hold nothing, left out)."""
    if not Path("/proc").is_dir():
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return []
        return [group]
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == group and fields[0] not in ("Z", "X"):
            alive.append(int(stat.parent.name))
    return alive


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="this system has no SIGKILL")
def test_workers_exit_when_the_parent_is_killed(tmp_path, county):
    out = tmp_path / "out"
    process = parbook_process("merge", county[0], "-o", out, "--jobs", "2")
    try:
        deadline = time.monotonic() + 300
        while len(plans_in(out)) < 5 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        workers = [pid for pid in _alive_in_group(process.pid) if pid != process.pid]
        assert workers, "the merge should be running its worker processes"
        os.kill(process.pid, signal.SIGKILL)  # the parent only: its workers are orphaned
        process.wait(timeout=30)
        deadline = time.monotonic() + 5
        while _alive_in_group(process.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _alive_in_group(process.pid) == []
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    complete_plans(out)
    resumed = merge(county[0], out, jobs=2)  # takes over the dead run's lock, clears its temporary files
    assert len(resumed.with_status(KEPT)) + len(resumed.with_status(WRITTEN)) == 120
    assert sorted(p.name for p in out.iterdir() if p.suffix != ".docx") == [SUMMARY_NAME]


# -- a write error stops the run and says what is missing ----------------------------------------------------

def _disk_full_after(count: int, out: Path, real=run_module.atomic_write_bytes):
    """A plan writer that fails half-way as a full disk does once count plans are in out (seen by every process)."""
    def write(target, data, overwrite=False):
        if len(plans_in(out)) < count:
            return real(target, data, overwrite)
        with atomic_path(target, overwrite) as tmp:
            tmp.write_bytes(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(tmp))
    return write


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_full_disk_stops_the_run_keeping_complete_plans_and_the_summary(tmp_path, county, monkeypatch, jobs):
    if jobs > 1 and multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched writer reaches workers only through fork")
    out = tmp_path / "out"
    monkeypatch.setattr(run_module, "atomic_write_bytes", _disk_full_after(10, out))
    with pytest.raises(ParbookError) as stopped:
        merge(county[0], out, jobs=jobs)
    message = stopped.value.message
    assert "đầy" in message and ".docx" in message, message
    plans = complete_plans(out)
    assert 10 <= len(plans) < 120
    table = summary_table(out / SUMMARY_NAME)
    assert len(table) == 120
    assert sum(status == "Đã lập" for status in table.values()) == len(plans)
    missing = 120 - len(plans)
    assert f"{missing} đơn vị" in message and SUMMARY_NAME in message
    assert not list(out.glob(TEMP_PREFIX + "*")) and not (out / LOCK).exists()
    monkeypatch.undo()  # space freed: the same run goes on from where it stopped
    resumed = merge(county[0], out, jobs=jobs, overwrite=False)
    assert resumed.ok and len(resumed.with_status(KEPT)) == len(plans)
    assert len(complete_plans(out)) == 120
    assert set(summary_table(out / SUMMARY_NAME).values()) == {"Đã lập", "Đã có, giữ nguyên"}  # the stopped one replaced


def test_a_summary_that_cannot_be_written_is_named(tmp_path, county, monkeypatch, parbook):
    out = tmp_path / "out"
    real = os.replace

    def replace(src, dst):
        if str(dst).endswith(SUMMARY_NAME):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))
        return real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    done = parbook("merge", county[0], "-o", out, "--only", ",".join(county[1][:3]))
    assert done.code == 2 and SUMMARY_NAME in done.err and "đầy" in done.err, done.err
    assert "Traceback" not in done.err
    assert len(complete_plans(out)) == 3
    assert not (out / SUMMARY_NAME).exists() and not list(out.glob(TEMP_PREFIX + "*"))


_RACER = """
import sys, time
from pathlib import Path
from pyxl.core.errors import ParbookError
from pyxl.merge.lock import folder_lock
folder, start = Path(sys.argv[1]), Path(sys.argv[2])
while not start.exists():
    time.sleep(0.005)
try:
    with folder_lock(folder, folder / "nguon.xlsx"):
        print("got", flush=True)
        time.sleep(6)
except ParbookError as error:
    print("refused", error.message, flush=True)
"""


@pytest.mark.parametrize("stale", [False, True], ids=["free", "stale"])
def test_of_runs_racing_for_a_folder_exactly_one_gets_it(tmp_path, stale):
    if stale:
        (tmp_path / LOCK).write_text(json.dumps({"pid": dead_pid(), "started": "2025-07-01T08:30:05+07:00",
                                                 "host": socket.gethostname(), "token": "x"}), encoding="utf-8")
    start = tmp_path / "go"
    racers = [subprocess.Popen([sys.executable, "-c", _RACER, str(tmp_path), str(start)], cwd=ROOT, env=ENV,
                               text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(6)]
    time.sleep(1)  # let every racer wait at the start line
    start.touch()
    said = [p.communicate(timeout=120) for p in racers]
    assert [out.split()[0] for out, _ in said].count("got") == 1, said
    assert all("đang được" in out for out, _ in said if out.startswith("refused"))
    assert not (tmp_path / LOCK).exists() and not (tmp_path / (LOCK + ".takeover")).exists()
