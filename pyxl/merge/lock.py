"""One merge at a time per output folder: a lock file naming the run that holds it.

The lock is created with O_EXCL, so of two runs starting together exactly one gets it. It records
the holder's process id, start time and machine; a lock whose process is gone (killed, power cut)
is stale and taken over. Taking over happens under a second, short-lived guard file so that two
runs finding the same stale lock cannot both take it.
"""
from __future__ import annotations

import json
import os
import secrets
import socket
import time
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Iterator

from pyxl.core.errors import ParbookError
from pyxl.files import pid_alive

LOCK_NAME = ".parbook-merge.lock"
_GUARD_SUFFIX = ".takeover"
_GUARD_STALE_SECONDS = 30  # a take-over lasts milliseconds; a guard this old was left by a killed run
_WAIT_SECONDS = 5


@contextmanager
def folder_lock(folder: Path, source: Path) -> Iterator[None]:
    """Hold the folder's merge lock while the block runs; ParbookError when another run holds it."""
    lock = folder / LOCK_NAME
    token = secrets.token_hex(8)
    record = {"pid": os.getpid(), "started": datetime.now().astimezone().isoformat(timespec="seconds"),
              "host": socket.gethostname(), "source": str(source), "token": token}
    _acquire(lock, json.dumps(record, ensure_ascii=False))
    try:
        yield
    finally:
        if _read(lock).get("token") == token:
            lock.unlink(missing_ok=True)


def _acquire(lock: Path, content: str) -> None:
    deadline = time.monotonic() + _WAIT_SECONDS
    while True:
        if _create(lock, content):
            return
        holder = _read(lock, wait=True)
        if _holds(holder):
            raise ParbookError(_busy_message(lock, holder))
        if _take_over(lock, holder, content):
            return
        if time.monotonic() > deadline:
            raise ParbookError(_busy_message(lock, _read(lock)))
        time.sleep(0.05)


def _create(path: Path, content: str) -> bool:
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        return False
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write(content)
    return True


def _read(lock: Path, wait: bool = False) -> dict:
    """The lock's record; {} when it is gone; {"unreadable": age} while a run is between creating and writing it."""
    for _ in range(20 if wait else 1):
        try:
            return json.loads(lock.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            time.sleep(0.05)
    try:
        return {"unreadable": time.time() - lock.stat().st_mtime}
    except OSError:
        return {}


def _holds(holder: dict) -> bool:
    """Whether the run that wrote the record may still be going (on another machine it cannot be told)."""
    if not holder:
        return False
    if "unreadable" in holder:
        return holder["unreadable"] < _GUARD_STALE_SECONDS  # an empty lock this old: its run died creating it
    if holder.get("host") != socket.gethostname():
        return True
    return isinstance(holder.get("pid"), int) and pid_alive(holder["pid"])


def _take_over(lock: Path, stale: dict, content: str) -> bool:
    """Replace a stale lock by ours, under the guard; False when another run got there first."""
    guard = lock.with_name(lock.name + _GUARD_SUFFIX)
    if not _create(guard, str(os.getpid())):
        try:
            if time.time() - guard.stat().st_mtime > _GUARD_STALE_SECONDS:
                guard.unlink(missing_ok=True)
        except FileNotFoundError:
            pass
        return False
    try:
        if _read(lock) != stale:
            return False  # taken over, or released, meanwhile: look again
        lock.unlink(missing_ok=True)
        return _create(lock, content)
    finally:
        guard.unlink(missing_ok=True)


def _busy_message(lock: Path, holder: dict) -> str:
    who = f"tiến trình {holder['pid']}" if "pid" in holder else "một tiến trình"
    started = _shown_time(holder.get("started"))
    where = "" if holder.get("host") in (None, socket.gethostname()) else f" trên máy '{holder['host']}'"
    return (f"Thư mục '{lock.parent}' đang được một lần chạy parbook merge khác ghi vào ({who}{where}"
            f"{', bắt đầu lúc ' + started if started else ''}). Hãy chờ lần chạy đó xong rồi chạy lại, hoặc chọn "
            f"thư mục kết quả khác. Nếu chắc chắn không còn lần chạy nào, hãy xoá tệp '{lock}' rồi chạy lại.")


def _shown_time(text: object) -> str:
    try:
        started = datetime.fromisoformat(str(text))
    except ValueError:
        return ""
    return f"{started:%H:%M:%S} ngày {started:%d/%m/%Y}"
