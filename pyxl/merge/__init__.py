"""Plans for every commune of a district or province in one run, and a summary workbook.
May import core, readers, plan and files, and XlsxWriter for the summary; never Excel.

    from pyxl.merge import merge
    result = merge("samples/district_2025.xlsx", "out/district", by="field", progress=print)
    result.ok, len(result.failed), result.summary      # → False, 2, out/district/Tổng hợp.xlsx

Sources: a workbook with one PHỤ LỤC sheet per commune (sheet name = commune), a folder of commune
workbooks (file name = commune), or one long table with a unit column (Đơn vị / Xã / Phường).
"""
from __future__ import annotations

import os
from datetime import date

from pyxl.merge.result import FAILED, KEPT, MISSING, STOPPED, WRITTEN, MergeResult, Outcome
from pyxl.merge.run import Progress, run_merge
from pyxl.merge.sources import Source, Unit, commune_tables, find_source, read_unit
from pyxl.merge.stops import MergeStopped
from pyxl.merge.summary import SUMMARY_NAME

__all__ = [
    "FAILED", "KEPT", "MISSING", "STOPPED", "SUMMARY_NAME", "WRITTEN", "MergeResult", "MergeStopped", "Outcome",
    "Source", "Unit", "commune_tables", "find_source", "merge", "read_unit",
]


def merge(source: str | os.PathLike[str], out_dir: str | os.PathLike[str], by: str = "criterion", pdf: bool = False,
          zip_output: bool = False, only: list[str] | None = None, jobs: int | None = None, overwrite: bool = False,
          progress: Progress | None = None, roster: str | os.PathLike[str] | None = None,
          as_of: date | None = None, all_items: bool = False, year: int | None = None,
          sheet: str | None = None, clean: bool = False) -> MergeResult:
    """One plan per commune into out_dir, then `Tổng hợp.xlsx` (and a .zip of it all when zip_output).

    by: criterion · field · lead (the plan templates' arrangements). only: commune names to do.
    jobs: worker processes (default: one per CPU; few communes are done in this process).
    progress(done, total) is called as communes finish (the ribbon's status bar); a terminal shows
    a progress bar. Existing files are kept unless overwrite. A commune that fails is reported in
    its Outcome and in the summary; the others go on. roster: a Danh sách file other than the
    source's own. as_of: the date deadlines are checked against (default today). year: the plan
    year where the tables' titles do not say it. sheet: for a folder of commune files, the sheet to
    read in each (default: the first PHỤ LỤC table of the file). Every plan prints the library's
    suggestions where its sheet is thin, highlighted unless clean (Outcome.suggested counts the items).
    Raises ParbookError when the source, the Danh sách or the template cannot be used at all, when
    another run is writing into out_dir, and when a file cannot be written (a full disk): then the
    run stops, every plan written is complete, the summary says which communes are missing, and the
    error (a `MergeStopped`) carries the result.
    """
    return run_merge(source, out_dir, by, pdf, zip_output, only, jobs, overwrite, progress, roster, as_of, all_items,
                     year, sheet, clean)
