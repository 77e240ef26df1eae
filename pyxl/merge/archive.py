"""The optional .zip of a merge: every plan and the summary, byte-reproducible."""
from __future__ import annotations

import zipfile
from pathlib import Path

from pyxl.files import atomic_path
from pyxl.merge.names import safe_part
from pyxl.merge.result import MergeResult

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def archive_path(result: MergeResult) -> Path:
    """Where the .zip goes: the output folder, named after the source."""
    stem = result.source.stem if result.source.is_file() else result.source.name
    return result.out_dir / f"{safe_part(stem)}.zip"


def write_archive(result: MergeResult, target: Path, overwrite: bool = False) -> Path:
    """A .zip of the plans and the summary, with fixed timestamps (the same run gives the same bytes)."""
    files = [doc for outcome in result.outcomes if outcome.has_plan for doc in outcome.documents]
    if result.summary is not None:
        files.append(result.summary)
    with atomic_path(target, overwrite) as tmp:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in files:
                info = zipfile.ZipInfo(path.name, date_time=_ZIP_TIME)
                info.create_system = 3
                info.external_attr = 0o100644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes())
    return target
