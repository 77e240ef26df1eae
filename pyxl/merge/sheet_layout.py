"""What every sheet of Tổng hợp.xlsx shares: links to the communes' files and the print setup."""
from __future__ import annotations

import functools
import os
from pathlib import Path


@functools.lru_cache(maxsize=4096)
def relative_link(path: Path, out_dir: Path) -> str:
    """path as Excel finds it from the summary's folder (relative when on the same drive)."""
    try:
        text = os.path.relpath(path.resolve(), out_dir.resolve())
    except ValueError:  # another drive on Windows
        text = str(path.resolve())
    return text.replace("/", "\\")


def print_setup(ws, head_row: int) -> None:
    """A4 landscape, one page wide, the header row repeated on every page."""
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(head_row)
