"""Writing output files safely: whole or not at all, never over a file the user did not give up."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from pyxl.core.errors import ParbookError

TEMP_PREFIX = ".~parbook-"  # temporary files beside their target; a killed run may leave one behind


@contextmanager
def atomic_path(target: str | os.PathLike[str], overwrite: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside target; on success it replaces target in one step.

    On any error (or Ctrl+C) the temporary file is removed and target is left as it was.
    """
    target = Path(target)
    if target.exists() and not overwrite:
        raise ParbookError(
            f"Tệp '{target}' đã có. Hãy chọn tên khác hoặc dùng --overwrite để ghi đè."
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=target.suffix, dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.replace(tmp_path, target)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise


def atomic_write_bytes(target: str | os.PathLike[str], data: bytes, overwrite: bool = False) -> Path:
    """Write data to target atomically; returns the target path."""
    with atomic_path(target, overwrite) as tmp:
        tmp.write_bytes(data)
    return Path(target)
