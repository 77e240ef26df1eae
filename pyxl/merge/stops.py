"""A merge that cannot write: which file, why, what is kept and what is missing, in Vietnamese."""
from __future__ import annotations

from pathlib import Path

from pyxl.core.errors import ParbookError
from pyxl.files import WriteError
from pyxl.merge.result import STOPPED, MergeResult

_NAMES_SHOWN = 10


class MergeStopped(ParbookError):
    """The run stopped at a file it could not write; result says what it did before."""

    def __init__(self, message: str, result: MergeResult) -> None:
        super().__init__(message)
        self.result = result


def write_problem(target: Path, error: WriteError) -> tuple[str, bool]:
    """Why target could not be written, naming it; and whether the run must stop (the disk, not the file).

    A file open in Word fails only its own commune; a full, read-only or failing disk stops the run.
    """
    cause = error.__cause__
    if isinstance(cause, PermissionError) and target.exists():
        reason = "tệp đang mở trong chương trình khác (Word, Excel…) hoặc không được phép ghi; hãy đóng tệp rồi chạy lại"
        return f"Không ghi được tệp '{target.name}': {reason}.", False
    return error.message, True


def stopped_message(result: MergeResult, summary_note: str) -> str:
    """The run stopped at result.stopped: what is complete, what the summary says, what is missing."""
    missing = [o.name for o in result.outcomes if o.status == STOPPED]
    plans = sum(1 for o in result.outcomes if o.has_plan)
    names = ", ".join(missing[:_NAMES_SHOWN]) + (f" và {len(missing) - _NAMES_SHOWN} đơn vị khác"
                                                 if len(missing) > _NAMES_SHOWN else "")
    return (f"{result.stopped} Lần chạy đã dừng lại; {plans} kế hoạch có trong thư mục đều đầy đủ. "
            f"Còn thiếu kế hoạch của {len(missing)} đơn vị: {names}. {summary_note} Hãy giải phóng chỗ trống "
            "(hoặc khắc phục lỗi trên) rồi chạy lại đúng lệnh này: các kế hoạch đã có được giữ nguyên, chỉ lập "
            "phần còn thiếu.")


def summary_note(summary: Path, written: bool, problem: str) -> str:
    """One sentence on the summary workbook of a stopped run."""
    if problem:
        return f"Bảng '{summary.name}' cũng không ghi được ({problem.rstrip('.')})."
    if written:
        return (f"Bảng '{summary.name}' đã ghi, cho biết đơn vị nào đã lập, đơn vị nào còn thiếu; lần chạy lại sẽ "
                "thay nó bằng bảng đầy đủ.")
    return f"Bảng '{summary.name}' của lần chạy trước được giữ nguyên (dùng --overwrite để ghi lại)."


def unwritten_message(path: Path, problem: str, plans: int) -> str:
    """Every plan is there but the summary (or the archive) at path could not be written."""
    return (f"Đã lập đủ {plans} kế hoạch nhưng {problem[0].lower()}{problem[1:]} Hãy giải phóng chỗ trống (hoặc "
            f"khắc phục lỗi trên) rồi chạy lại đúng lệnh này: các kế hoạch đã có được giữ nguyên và '{path.name}' "
            "sẽ được ghi.")
