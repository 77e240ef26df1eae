"""What a merge did, commune by commune: small values the summary, the CLI and the ribbon read."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from pyxl.core.model import ERROR, Finding, Totals
from pyxl.core.progress import ProgressSummary

WRITTEN = "written"  # the plan was written in this run
KEPT = "kept"  # the plan file was there already and left as it was (no --overwrite)
FAILED = "failed"  # no plan: no table, an unreadable file, a broken template
MISSING = "missing"  # listed in the Danh sách, but the source has no data for it
STOPPED = "stopped"  # not done: the run stopped first (a file could not be written)


@dataclass(frozen=True)
class Outcome:
    """One commune: its figures (as `parbook check` gives them), its findings and its files."""

    name: str
    status: str
    source: Path | None = None  # the workbook its table is in
    sheet: str | None = None
    kind: str | None = None
    totals: Totals | None = None
    lost_by_field: dict[str, Decimal] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    documents: tuple[Path, ...] = ()  # the .docx (and .pdf), written or kept
    message: str = ""  # why there is no plan
    blanks: tuple[str, ...] = ()  # front-matter blanks the document leaves to fill in
    listed: bool | None = None  # None when there is no Danh sách
    suggested: int = 0  # items of the plan written that print the library's suggestions
    progress: ProgressSummary | None = None  # its plan items followed up at the run's as-of date

    @property
    def has_plan(self) -> bool:
        """True when the commune's plan file exists after the run."""
        return self.status in (WRITTEN, KEPT)

    def count(self, severity: str) -> int:
        """How many findings of the severity the commune's table has."""
        return sum(1 for f in self.findings if f.severity == severity)


@dataclass(frozen=True)
class MergeResult:
    """The run: every commune's outcome in source order, the summary workbook and the archive."""

    source: Path
    out_dir: Path
    outcomes: tuple[Outcome, ...]
    summary: Path | None = None
    archive: Path | None = None
    kept_files: tuple[Path, ...] = ()  # summary or archive that were there already, left as they were
    roster: str | None = None
    unlisted: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    stopped: str = ""  # why the run stopped before doing every commune ('' when it did not)

    def with_status(self, status: str) -> list[Outcome]:
        """The outcomes with this status."""
        return [o for o in self.outcomes if o.status == status]

    @property
    def failed(self) -> list[Outcome]:
        """Communes with data but no plan."""
        return self.with_status(FAILED)

    @property
    def ok(self) -> bool:
        """True when every commune with data got its plan."""
        return not self.failed

    @property
    def with_errors(self) -> list[Outcome]:
        """Communes whose plan was made from a table with errors to correct."""
        return [o for o in self.outcomes if o.has_plan and o.count(ERROR)]
