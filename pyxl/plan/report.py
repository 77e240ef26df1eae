"""The progress report: "BÁO CÁO Kết quả thực hiện Kế hoạch …" (.docx, optionally .pdf) in the ND 30 layout.

    from pyxl.plan.report import write_report_for
    write_report_for("PHU LUC 2024.xlsx", as_of=date(2024, 6, 30))
    # → "Báo cáo kết quả - UBND xã … - 6 tháng đầu năm 2024.docx"

The shipped template (pyxl/data/templates/bao_cao_ket_qua.docx, built by scripts/build_templates.py)
is rendered with the plan's compiled renderer; an officer-edited copy may be given as template.
"""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Callable

from pyxl.core.errors import ParbookError
from pyxl.core.model import Table
from pyxl.core.progress import table_progress
from pyxl.files import refuse_inputs
from pyxl.plan import safe_file_name, templates_dir
from pyxl.plan.derive import complete_front
from pyxl.plan.frontmatter import FrontMatter
from pyxl.plan.pdf import convert_to_pdf, require_soffice
from pyxl.plan.render import compile_template
from pyxl.plan.report_context import Period, report_context, report_period

REPORT_TEMPLATE = "bao_cao_ket_qua.docx"
REPORT_FIELDS = frozenset({"report"})  # a template reading none of these is no progress report template


def default_report_name(table: Table, front: FrontMatter | None, period: Period) -> str:
    """'Báo cáo kết quả - UBND xã Sơn Giang - quý I năm 2021.docx'."""
    completed, _ = complete_front(front, table)
    return safe_file_name(" - ".join(["Báo cáo kết quả", completed.unit or table.sheet, period.name]) + ".docx")


def write_report(table: Table, as_of: date | None = None, out: str | os.PathLike[str] | None = None,
                 front: FrontMatter | None = None, period: str | None = None,
                 template: str | os.PathLike[str] | None = None, pdf: bool = False, overwrite: bool = False,
                 out_dir: str | os.PathLike[str] = ".", inputs: tuple[str | os.PathLike[str], ...] = ()) -> Path:
    """Write the progress report of table at as_of (default today) as .docx (and .pdf when pdf or out ends
    in .pdf); returns the path written last. period: 'quý I', '6 tháng', '9 tháng', 'năm'… (default: from
    as_of). Never replaces an existing file unless overwrite, nor any of inputs (the source workbook)."""
    as_of = as_of or date.today()
    chosen = report_period(as_of, table.year, period)
    target = Path(out) if out is not None else Path(out_dir) / default_report_name(table, front, chosen)
    if target.suffix.lower() == ".pdf":
        pdf, target = True, target.with_suffix(".docx")
    elif target.suffix.lower() != ".docx":
        target = target.with_name(target.name + ".docx")
    refuse_inputs(target, {"tệp nguồn": list(inputs), "mẫu Word": template})
    pdf_target = target.with_suffix(".pdf")
    if pdf:
        require_soffice()
        if pdf_target.exists() and not overwrite:
            raise ParbookError(f"Tệp '{pdf_target}' đã có. Hãy chọn tên khác hoặc dùng --overwrite để ghi đè.")
    progress = table_progress(table, as_of)
    if not progress.items:
        raise ParbookError(f"Sheet '{table.sheet}' không có mục nào để báo cáo kết quả (mục bị mất điểm có giải pháp, "
                           "hoặc nhiệm vụ). Hãy chọn sheet có bảng kế hoạch bằng --sheet.")
    compiled = compile_template(template or templates_dir() / REPORT_TEMPLATE, REPORT_FIELDS)
    compiled.render(report_context(table, progress, front, chosen), target, overwrite)
    return convert_to_pdf(target, pdf_target, overwrite) if pdf else target


def write_report_for(path: str | os.PathLike[str], out: str | os.PathLike[str] | None = None,
                     sheet: str | None = None, year: int | None = None, as_of: date | None = None,
                     period: str | None = None, template: str | os.PathLike[str] | None = None, pdf: bool = False,
                     overwrite: bool = False, warn: Callable[[str], None] | None = None,
                     out_dir: str | os.PathLike[str] = ".") -> Path:
    """The progress report of a workbook's plan (its main table, as `parbook plan` picks it), in out_dir
    unless out is given; front-matter problems of the `Thông tin` sheet go to warn."""
    from pyxl.core.workbook import tables_from_grids
    from pyxl.plan.bundle import one_plan
    from pyxl.plan.frontmatter import front_matter_from_grids
    from pyxl.readers import read_workbook

    as_of = as_of or date.today()
    grids = read_workbook(path)
    source = one_plan(tables_from_grids(grids, str(path), sheet, year, as_of), str(path))
    front, problems = front_matter_from_grids(grids)
    for message in problems:
        (warn or (lambda _: None))(message)
    return write_report(source.main, as_of, out, front, period, template, pdf, overwrite,
                        out_dir=out_dir, inputs=(path,))
