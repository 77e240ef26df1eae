"""Writing output files safely: whole or not at all, never over a file the user did not give up.

Also the one place where operating-system errors (permission denied, disk full, a folder that is a
file…) become Vietnamese messages naming the path.
"""
from __future__ import annotations

import errno
import os
import secrets
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from pyxl.core.errors import ParbookError

TEMP_PREFIX = ".~parbook-"  # temporary files beside their target; a killed run may leave one behind
STDOUT = "-"  # the name for standard output in describe_os_error

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


def _create_beside(target: Path) -> Path:
    """A new empty file next to target, created as any program creates a file (its mode follows the umask)."""
    for _ in range(100):
        candidate = target.with_name(f"{TEMP_PREFIX}{secrets.token_hex(6)}{target.suffix}")
        try:
            os.close(os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target.parent))


@contextmanager
def atomic_path(target: str | os.PathLike[str], overwrite: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside target; on success it replaces target in one step.

    On any error (or Ctrl+C) the temporary file is removed and target is left as it was. The new
    file gets the mode a normally created file gets (0644 under umask 022), or the mode of the file
    it replaces. OS errors become a WriteError naming target.
    """
    target = Path(target)
    if target.exists() and not overwrite:
        raise ParbookError(
            f"Tệp '{target}' đã có. Hãy chọn tên khác hoặc dùng --overwrite để ghi đè."
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = _create_beside(target)
    except OSError as error:
        raise WriteError(describe_os_error(error, _named(error, target), writing=True)) from error
    try:
        yield tmp
        if target.exists():
            shutil.copymode(target, tmp)
        os.replace(tmp, target)
    except BaseException as error:
        _remove(tmp)
        if isinstance(error, OSError):
            raise WriteError(describe_os_error(error, _named(error, target), writing=True)) from error
        raise


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
