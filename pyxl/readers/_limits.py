"""Bounded reading: what a file may hold before a native reader is given it, native failures caught,
and the messages refusing a file.

The engines allocate a sheet's whole rectangle, from A1 to its farthest cell, before Python sees a
value: one stray value in XFD1048576 asks for 17 billion cells and the process aborts. A zip whose
parts inflate to gigabytes exhausts memory the same way. So each reader first takes a census of the
sheets (where the cells lie, from the file's own records) and `extent_error` refuses what is beyond
generous limits, naming the file, the sheet and the far cell. Real PHỤ LỤC tables are tens of rows
by 8–15 columns; a district's long table a few thousand rows; a national one 3,300 communes.
"""
from __future__ import annotations

import atexit
import contextlib
import os
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from typing import IO
from pathlib import Path

from pyxl.core.errors import ParbookError
from pyxl.core.grid import a1

MAX_ROWS = 100_000
MAX_COLUMNS = 200
MAX_CELLS = 5_000_000  # the rectangle the engines allocate: about 200 MB in memory
MAX_UNPACKED = 200 * 1024 * 1024  # bytes of XML (or any part) in a zip, and of a text file


class Census:
    """Where one sheet's cells lie and which hold Excel error values (0-based row, col).

    A plain class, not a dataclass: a tenth of the cost to define, and every read defines it.
    """

    __slots__ = ("lowest", "rightmost", "errors", "merges")

    def __init__(self) -> None:
        self.lowest = (-1, 0)  # a cell of the last row that holds something
        self.rightmost = (0, -1)  # a cell of the last column that holds something
        self.errors: dict[tuple[int, int], str] = {}
        self.merges: list[tuple[int, int, int, int]] = []  # .ods only: python-calamine gives none for it

    def add(self, row: int, col: int) -> None:
        """Count one cell that holds something."""
        if row > self.lowest[0]:
            self.lowest = (row, col)
        if col > self.rightmost[1]:
            self.rightmost = (row, col)

    @property
    def rows(self) -> int:
        """Rows from row 1 to the last one used (what the engines allocate)."""
        return self.lowest[0] + 1

    @property
    def columns(self) -> int:
        """Columns from A to the last one used."""
        return self.rightmost[1] + 1


def damaged(source: str) -> ParbookError:
    """The refusal for a file that is not a workbook or is broken."""
    return ParbookError(
        f"Tệp '{source}' bị hỏng hoặc không phải bảng tính Excel (có thể tải về chưa hết, hoặc là tệp khác bị "
        "đổi đuôi). Hãy mở tệp bằng Excel, chọn File › Save As › Excel Workbook (.xlsx) rồi thử lại."
    )


def password_protected(source: str) -> ParbookError:
    """The refusal for a password-protected workbook."""
    return ParbookError(
        f"Tệp '{source}' được đặt mật khẩu nên không đọc được. Hãy mở tệp trong Excel, vào File › Info › "
        "Protect Workbook › Encrypt with Password, xoá mật khẩu, lưu lại rồi thử lại."
    )


def too_large(source: str, sheet: str | None, what: str) -> ParbookError:
    """The refusal for a file or sheet beyond the limits; `what` says what was found."""
    where = f"Tệp '{source}'" + (f", sheet '{sheet}'" if sheet else "")
    return ParbookError(
        f"{where}: {what} — quá lớn để là một bảng kế hoạch (parbook đọc tối đa {_count(MAX_ROWS)} dòng, "
        f"{MAX_COLUMNS} cột, {MAX_CELLS // 10**6} triệu ô, {MAX_UNPACKED // 2**20} MB dữ liệu)."
    )


def within_limits(rows: int, columns: int) -> bool:
    """Whether a sheet of rows × columns may be handed to a native reader."""
    return rows <= MAX_ROWS and columns <= MAX_COLUMNS and rows * columns <= MAX_CELLS


def extent_error(census: Census, source: str, sheet: str) -> ParbookError | None:
    """The refusal for a sheet whose cells reach beyond MAX_ROWS, MAX_COLUMNS or MAX_CELLS, else None."""
    rows, columns = census.rows, census.columns
    if within_limits(rows, columns):
        return None
    far = census.rightmost if columns > MAX_COLUMNS and rows <= MAX_ROWS else census.lowest
    what = f"có dữ liệu ở ô {a1(*far)}, nên vùng dữ liệu rộng {_count(rows)} dòng × {_count(columns)} cột"
    return ParbookError(
        f"{too_large(source, sheet, what)} Thường đó là một ô gõ nhầm ở xa bảng: trong Excel bấm Ctrl+End để "
        "tới ô đó, chọn các dòng, cột thừa, bấm chuột phải › Delete (Xoá) rồi lưu lại."
    )


def check_zip(archive: zipfile.ZipFile, source: str, sheets: Callable[[], dict[str, str]] | None = None) -> None:
    """Refuse a zip whose parts declare more than MAX_UNPACKED bytes in all (a 'zip bomb').

    sheets gives sheet name → part name, read only to name the sheet whose part is the largest.
    """
    infos = archive.infolist()
    total = sum(info.file_size for info in infos)
    if total <= MAX_UNPACKED:
        return
    largest = max(infos, key=lambda info: info.file_size)
    others = total - largest.file_size
    parts = sheets() if sheets is not None and others <= MAX_UNPACKED // 10 else {}
    sheet = next((name for name, part in parts.items() if part == largest.filename), None)
    what = f"khi giải nén lên tới {_count(total // 2**20)} MB (phần lớn nhất là '{largest.filename}')"
    raise too_large(source, sheet, what)


def read_part(archive: zipfile.ZipFile, name: str, source: str, sheet: str | None = None) -> bytes:
    """One part of a zip, refused past MAX_UNPACKED bytes however much its header declares."""
    with archive.open(name) as stream:
        data = stream.read(MAX_UNPACKED + 1)
    if len(data) > MAX_UNPACKED:
        raise too_large(source, sheet, f"phần '{name}' khi giải nén vượt {MAX_UNPACKED // 2**20} MB")
    return data


def check_size(path: Path) -> None:
    """Refuse a text file (CSV, HTML, XML) larger than MAX_UNPACKED bytes."""
    size = path.stat().st_size
    if size > MAX_UNPACKED:
        raise too_large(path.name, None, f"tệp nặng {_count(size // 2**20)} MB")


def _count(number: int) -> str:
    """12345 → '12.345', as Vietnamese text groups thousands."""
    return f"{number:,}".replace(",", ".")


@contextlib.contextmanager
def native_reader(source: str) -> Iterator[None]:
    """Run a native reader: its complaints and panics become `damaged(source)`, memory failures a size refusal.

    A Rust panic (python-calamine) arrives as a BaseException after the panic hook has printed a
    backtrace on file descriptor 2; that output is held back and dropped when the read fails.
    """
    with _held_stderr() as release:
        try:
            yield
        except ParbookError:
            raise
        except MemoryError:
            raise too_large(source, None, "không đủ bộ nhớ để đọc") from None
        except (KeyboardInterrupt, SystemExit, GeneratorExit):
            raise
        except BaseException as exc:  # noqa: BLE001 - pyo3's PanicException derives from BaseException
            raise damaged(source) from exc
        release()


# Temporary files that held fd 2 back and can do so again, with the process they belong to: a merge's
# worker reads thousands of sheets, and a forked worker must not share its parent's (their offsets are shared).
_SPARE: list[tuple[int, IO[bytes]]] = []


@contextlib.contextmanager
def _held_stderr() -> Iterator[Callable[[], None]]:
    """Redirect fd 2 to a temporary file; what was held back is written out if `release()` was called."""
    try:
        saved = os.dup(2)
    except OSError:  # no stderr at all (pythonw under Excel): nothing can reach the user anyway
        yield lambda: None
        return
    released: list[bool] = []
    held = _spare_file()
    try:
        if sys.stderr is not None:
            sys.stderr.flush()
        os.dup2(held.fileno(), 2)
        try:
            yield lambda: released.append(True)
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            if released and held.tell():
                held.seek(0)
                os.write(2, held.read())
    finally:
        held.seek(0)
        held.truncate()
        _SPARE.append((os.getpid(), held))


def _spare_file() -> IO[bytes]:
    """An empty temporary file of this process: one kept from an earlier read, or a new one."""
    while _SPARE:
        pid, held = _SPARE.pop()
        if pid == os.getpid():
            return held
    if not _CLOSING:
        _CLOSING.append(atexit.register(_close_spares))
    return tempfile.TemporaryFile()


_CLOSING: list[object] = []  # the exit handler, once registered


def _close_spares() -> None:
    """At exit: close the kept files of this process (the system removes them)."""
    while _SPARE:
        pid, held = _SPARE.pop()
        if pid == os.getpid():
            held.close()
