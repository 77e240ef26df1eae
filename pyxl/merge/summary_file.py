"""Tổng hợp.xlsx written while a merge runs: the findings sheet as the communes' outcomes come back, in
source order, so that the parent's share of the work overlaps the workers' (XlsxWriter's
`constant_memory` mode keeps each sheet's rows on disk); the other sheets need every outcome (ranks,
totals) and are written when the run is done. See `pyxl.merge.summary` for what the sheets hold.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Sequence

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

from pyxl.core.celltext import cell_text
from pyxl.files import AtomicFile
from pyxl.merge.result import MergeResult, Outcome
from pyxl.merge.summary import CREATED, PARTIAL, SummaryWriter


class SummaryFile:
    """Tổng hợp.xlsx being written: the findings sheet as the communes' outcomes come in, in source order
    (during the run, while the workers plan the next communes), the other sheets by `finish`.

    Written to a temporary file beside target that `finish` puts in place; `discard` removes it.
    """

    def __init__(self, target: Path, overwrite: bool, source: Path, out_dir: Path) -> None:
        self.file = AtomicFile(target, overwrite)
        self.book = xlsxwriter.Workbook(str(self.file.tmp), {"constant_memory": True, "strings_to_numbers": False,
                                                             "strings_to_urls": False, "strings_to_formulas": False})
        self.source = source
        self.writer = SummaryWriter(self.book, out_dir)
        self.added = 0  # outcomes whose findings are written
        self._waiting: dict[int, tuple[list[Outcome], bool]] = {}
        self._next: int | None = 0  # the next chunk to write; None once a chunk came back short (the run stopped)

    def add_chunk(self, n: int, outcomes: list[Outcome], complete: bool) -> None:
        """The outcomes of chunk n of the run (chunks in source order, done in any order): a chunk's findings
        are written once those of the chunks before it are. A chunk the run stopped in (not complete) ends
        the writing here; `finish` writes the rest from the run's result."""
        if self._next is None:
            return
        self._waiting[n] = (outcomes, complete)
        while self._next is not None and self._next in self._waiting:
            got, whole = self._waiting.pop(self._next)
            if not whole:
                self._next = None
                return
            self.add(got)
            self._next += 1

    def add(self, outcomes: Sequence[Outcome]) -> None:
        """The next outcomes of the run, in source order."""
        self.writer.add_findings(self.added, outcomes)
        self.added += len(outcomes)

    def finish(self, result: MergeResult, as_of: date | None = None) -> None:
        """Write the findings not written yet and the other sheets; put the file in place.

        Raises WriteError naming the summary when it cannot be written (the temporary file removed).
        """
        try:
            self.add(result.outcomes[self.added:])
            self.book.set_properties({
                "title": "Tổng hợp kế hoạch khắc phục Chỉ số CCHC", "author": "parbook", "created": CREATED,
                "comments": cell_text(f"Nguồn: {self.source.name}"), "keywords": PARTIAL if result.stopped else "",
            })
            self.writer.finish(result, as_of)
            try:
                self.book.close()
            except FileCreateError as error:  # XlsxWriter wraps the OSError (a full disk…)
                raise (error.args[0] if error.args and isinstance(error.args[0], OSError) else OSError(str(error))) \
                    from None
        except BaseException as error:
            self.file.discard()
            if isinstance(error, OSError):
                raise self.file.failed(error) from error
            raise
        self.file.commit()

    def discard(self) -> None:
        """Remove the temporary file (nothing once finished)."""
        self.file.discard()
