"""Writing output files safely: whole or not at all, never over a file the user did not give up.

Temporary files sit beside their target, named `.~parbook-<pid>-<n>` after the process writing them
and a counter, so that a clean-up removes only those of processes that are gone (a killed run's),
never those of a run still going in the same folder. No output ever replaces one of the command's
own inputs.
Also the one place where operating-system errors (permission denied, disk full, a folder that is a
file…) become Vietnamese messages naming the path.
"""
from __future__ import annotations

import errno
import itertools
import os
import re
import stat
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from pyxl.core.errors import ParbookError

TEMP_PREFIX = ".~parbook-"  # temporary files beside their target; a killed run may leave one behind
STDOUT = "-"  # the name for standard output in describe_os_error
_TEMP_OWNER = re.compile(re.escape(TEMP_PREFIX) + r"(\d+)-")
PathLike = str | os.PathLike[str]

_REASONS = {  # by errno name: not every system defines every one (EDQUOT)
    "ENOSPC": "ổ đĩa đã đầy. Hãy giải phóng chỗ trống hoặc chọn ổ đĩa khác",
    "EDQUOT": "đã hết dung lượng được cấp trên ổ đĩa này. Hãy xoá bớt tệp hoặc chọn ổ đĩa khác",
    "EROFS": "ổ đĩa hoặc thư mục này chỉ cho đọc. Hãy chọn thư mục khác",
    "ENAMETOOLONG": "tên tệp hoặc đường dẫn quá dài. Hãy chọn tên ngắn hơn hoặc thư mục gần gốc ổ đĩa hơn",
    "EPIPE": "nơi nhận kết quả đã đóng trước khi in xong (ví dụ lệnh 'head' chỉ lấy vài dòng đầu)",
}


class WriteError(ParbookError):
    """An output could not be written (disk full, no permission…); nothing was left half-written.

    Unlike other ParbookErrors it stops a whole run (merge): the next output would fail the same way.
    """


def describe_os_error(error: OSError, path: str | os.PathLike[str] | None = None, writing: bool = False) -> str:
    """A Vietnamese message for an OSError: what failed, on which path (STDOUT: the printed result), what to do."""
    name = str(path if path is not None else error.filename if error.filename is not None else STDOUT)
    failed = "Không in hết được kết quả" if name == STDOUT else f"Không {'ghi' if writing else 'mở'} được '{name}'"
    if isinstance(error, PermissionError):
        reason = ("không có quyền, hoặc tệp đang mở trong Word/Excel. Hãy đóng tệp, kiểm tra quyền của thư mục "
                  "hoặc chọn nơi khác")
    elif isinstance(error, FileNotFoundError):
        reason = "không tìm thấy tệp hoặc thư mục. Hãy kiểm tra lại đường dẫn"
    elif isinstance(error, (NotADirectoryError, FileExistsError)):
        reason = "trên đường dẫn có một tệp trùng tên với thư mục cần dùng. Hãy chọn tên hoặc thư mục khác"
    elif isinstance(error, IsADirectoryError):
        reason = "đây là một thư mục, không phải tệp. Hãy ghi rõ tên tệp"
    elif errno.errorcode.get(error.errno or 0) in _REASONS:
        reason = _REASONS[errno.errorcode[error.errno]]
    else:
        detail = error.strerror or type(error).__name__
        reason = f"lỗi của hệ điều hành ({detail}). Hãy thử lại hoặc chọn nơi khác"
    return f"{failed}: {reason}."


_SERIAL = itertools.count(1)  # temporary names: the pid and a counter are unique while this process lives


def _create_beside(target: Path) -> Path:
    """A new empty file next to target, created as any program creates a file (its mode follows the umask).

    Its name is free unless a process of the same pid that is gone left one behind: no random name needed.
    """
    for _ in range(100):
        candidate = target.with_name(f"{TEMP_PREFIX}{os.getpid()}-{next(_SERIAL)}{target.suffix}")
        try:
            os.close(os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target.parent))


class AtomicFile:
    """A temporary file beside target that `commit` puts in target's place in one step, or `discard` removes.

    For a file written over a long time (a merge's summary, while its plans are written): `atomic_path`
    does the same around a block. Raises ParbookError when target exists and overwrite is off, and
    WriteError when the temporary file cannot be made.
    """

    def __init__(self, target: str | os.PathLike[str], overwrite: bool = False) -> None:
        self.target = Path(target)
        if self.target.exists() and not overwrite:
            raise ParbookError(
                f"Tệp '{self.target}' đã có. Hãy chọn tên khác hoặc dùng --overwrite để ghi đè."
            )
        try:
            try:
                self.tmp = _create_beside(self.target)
            except (FileNotFoundError, NotADirectoryError):  # the folder is made only when it is missing
                self.target.parent.mkdir(parents=True, exist_ok=True)
                self.tmp = _create_beside(self.target)
        except OSError as error:
            raise self.failed(error) from error
        self.open = True

    def commit(self) -> None:
        """Replace target with the temporary file (which gets the mode of the file it replaces)."""
        try:
            try:
                mode = os.stat(self.target).st_mode
            except OSError:
                mode = None
            if mode is not None:
                os.chmod(self.tmp, stat.S_IMODE(mode))
            os.replace(self.tmp, self.target)
        except OSError as error:
            self.discard()
            raise self.failed(error) from error
        self.open = False

    def discard(self) -> None:
        """Remove the temporary file, if it is still there (nothing after commit)."""
        if self.open:
            _remove(self.tmp)
            self.open = False

    def failed(self, error: OSError) -> WriteError:
        """The WriteError naming target for an OS error met while writing it."""
        return WriteError(describe_os_error(error, _named(error, self.target), writing=True))


@contextmanager
def atomic_path(target: str | os.PathLike[str], overwrite: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside target; on success it replaces target in one step.

    On any error (or Ctrl+C) the temporary file is removed and target is left as it was. The new
    file gets the mode a normally created file gets (0644 under umask 022), or the mode of the file
    it replaces. OS errors become a WriteError naming target.
    """
    atomic = AtomicFile(target, overwrite)
    try:
        yield atomic.tmp
    except BaseException as error:
        atomic.discard()
        if isinstance(error, OSError):
            raise atomic.failed(error) from error
        raise
    atomic.commit()


def _remove(tmp: Path) -> None:
    try:
        tmp.unlink(missing_ok=True)
    except OSError:  # still open on Windows (a library that failed mid-write): the error that matters is the first
        pass


def _named(error: OSError, target: Path) -> Path:
    """The path to name in a message: the one the error is about, never our temporary file."""
    if error.filename is None or Path(error.filename).name.startswith(TEMP_PREFIX):
        return target
    return Path(error.filename)


def atomic_write_bytes(target: str | os.PathLike[str], data: bytes, overwrite: bool = False) -> Path:
    """Write data to target atomically; returns the target path."""
    with atomic_path(target, overwrite) as tmp:
        tmp.write_bytes(data)
    return Path(target)


def remove_dead_temps(folder: Path) -> list[Path]:
    """Remove the temporary files in folder that processes no longer running left behind."""
    removed = []
    for path in sorted(folder.glob(TEMP_PREFIX + "*")):
        owner = _TEMP_OWNER.match(path.name)
        if owner is None or not pid_alive(int(owner.group(1))):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def pid_alive(pid: int) -> bool:
    """True while the process pid runs on this machine (a zombie counts as gone)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, as another user's process
    try:  # Linux: an exited process nobody has waited for yet is still listed, as a zombie
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except (OSError, IndexError):
        return True


def _windows_pid_alive(pid: int) -> bool:
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.OpenProcess.restype = wintypes.HANDLE
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ctypes.get_last_error() == 5  # ERROR_ACCESS_DENIED: it exists
    try:
        code = wintypes.DWORD()
        return not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)) or code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


@dataclass(frozen=True)
class Inputs:
    """The files a command reads, by role ('tệp nguồn', 'mẫu Word'…): no output may replace one of them."""

    files: tuple[tuple[str, str, str, tuple[int, int] | None], ...] = ()  # role, shown, path key, file id

    @classmethod
    def of(cls, roles: Mapping[str, PathLike | Iterable[PathLike] | None]) -> "Inputs":
        """Inputs from role → a path, several paths, or None."""
        files = []
        for role, paths in roles.items():
            if paths is None:
                continue
            for path in [paths] if isinstance(paths, (str, os.PathLike)) else paths:
                files.append((role, str(path), _path_key(path), _file_id(path)))
        return cls(tuple(files))

    def refuse(self, target: PathLike) -> None:
        """Raise ParbookError when target is one of the inputs: the same path or the same file (inode)."""
        key, file_id = _path_key(target), _file_id(target)
        for role, shown, path, input_id in self.files:
            if key == path or (file_id is not None and file_id == input_id):
                raise ParbookError(
                    f"Không ghi '{target}': đó là {role} mà lệnh đang đọc ('{shown}'). parbook không bao giờ ghi "
                    "đè lên tệp đầu vào, kể cả khi có --overwrite. Hãy chọn tên hoặc thư mục kết quả khác."
                )


def refuse_inputs(target: PathLike, roles: Mapping[str, PathLike | Iterable[PathLike] | None]) -> None:
    """Raise ParbookError when target is one of the inputs named by role (see `Inputs`)."""
    Inputs.of(roles).refuse(target)


def _path_key(path: PathLike) -> str:
    return os.path.normcase(str(Path(path).resolve()))


def _file_id(path: PathLike) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino) if stat.st_ino else None
