"""The narrative plan: a Word document (and optionally a PDF) written from a PHỤ LỤC table.
May import core, readers and files, and docxtpl, jinja2 and lxml; never Excel.

    from pyxl.plan import write_plan, read_front_matter
    front, warnings = read_front_matter("son_giang_2021.xlsx")
    write_plan(table, front=front, by="field")   # → "Kế hoạch khắc phục - UBND xã Sơn Giang - 2021 (theo lĩnh vực).docx"
    source = one_plan(tables, "pl.xlsx")          # PL1 điểm bị trừ + PL2 nhiệm vụ → one plan, two appendices
    write_plan(source.main, appendices=source.tables, front=front)

Where the sheet is thin, the plan prints the table's suggestions (`Table.suggestions`, from the
remediation library) highlighted in Word, or plain with clean=True; `suggested_for` suggests again
for the unit and year the plan is written for, `suggested_count` says how many items took any.

The shipped templates are package data (pyxl/data/templates/), found through importlib.resources in
a checkout and in an installed wheel alike; any officer-edited .docx may be given as template.
"""
from __future__ import annotations

import os
import re
import unicodedata
import warnings as _warnings
from importlib import resources
from pathlib import Path
from typing import Callable, Sequence

from pyxl.core.errors import ParbookError
from pyxl.core.model import TASKS, Table
from pyxl.files import refuse_inputs
from pyxl.plan.bundle import PlanSource, one_plan, plan_sources
from pyxl.plan.context import ARRANGEMENTS, build_context
from pyxl.plan.wording import format_date
from pyxl.plan.derive import complete_front, derive_front
from pyxl.plan.entries import suggested_count, suggested_for
from pyxl.plan.frontmatter import FrontMatter, front_matter_from_grids, front_matter_from_rows, read_front_matter
from pyxl.plan.pdf import convert_to_pdf, require_soffice, soffice_path
from pyxl.plan.render import CompiledTemplate, compile_template
from pyxl.plan.suggest import suggestion_note

__all__ = [
    "ARRANGEMENTS", "CompiledTemplate", "FrontMatter", "PlanSource", "PlanWarning", "build_context",
    "compile_template", "complete_front", "convert_to_pdf", "default_file_name", "default_template", "derive_front",
    "format_date", "front_matter_from_grids", "front_matter_from_rows", "one_plan", "plan_sources",
    "read_front_matter", "soffice_path", "suggested_count", "suggested_for", "suggestion_note", "templates_dir",
    "write_plan",
]

TEMPLATE_FILES = {
    "criterion": "ke_hoach_theo_tieu_chi.docx",
    "field": "ke_hoach_theo_linh_vuc.docx",
    "lead": "ke_hoach_theo_co_quan.docx",
    TASKS: "ke_hoach_cchc_nam.docx",
    "progress": "bao_cao_ket_qua.docx",  # pyxl.plan.report
}
TEMPLATE_USES = {  # what `parbook templates` says each copy is for
    "criterion": "Kế hoạch khắc phục, mỗi tiêu chí một mục (--by criterion, mặc định)",
    "field": "Kế hoạch khắc phục, mỗi lĩnh vực một mục (--by field)",
    "lead": "Kế hoạch khắc phục, mỗi cơ quan chủ trì một mục (--by lead)",
    TASKS: "Kế hoạch CCHC năm, từ bảng nhiệm vụ",
    "progress": "Báo cáo kết quả thực hiện kế hoạch (parbook progress --report)",
}
# Words the default file name adds for an arrangement other than the default one.
ARRANGEMENT_WORDS = {"field": "theo lĩnh vực", "lead": "theo cơ quan"}
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$", re.IGNORECASE)


class PlanWarning(UserWarning):
    """Something the plan leaves blank or guessed (a missing number, date, signer…)."""


def templates_dir() -> Path:
    """The folder of the shipped Word templates (package data: pyxl/data/templates/)."""
    return Path(str(resources.files("pyxl").joinpath("data", "templates")))


def default_template(kind: str, by: str = "criterion") -> Path:
    """The shipped template for a table kind ('scores' or 'tasks') and arrangement."""
    if kind == TASKS:
        return templates_dir() / TEMPLATE_FILES[TASKS]
    if by not in ARRANGEMENTS:
        raise ParbookError(
            f"Cách trình bày '{by}' không có; chọn một trong: criterion (theo tiêu chí), "
            "field (theo lĩnh vực), lead (theo cơ quan chủ trì)."
        )
    return templates_dir() / TEMPLATE_FILES[by]


def default_file_name(table: Table, front: FrontMatter | None = None, by: str = "criterion") -> str:
    """'Kế hoạch khắc phục - UBND xã Sơn Giang - 2021.docx' ('… - 2021 (theo lĩnh vực).docx' for by='field').

    Vietnamese letters kept, safe on Windows; the arrangement is named when it is not the default,
    so that plans of one table in several arrangements sit side by side.
    """
    front, _ = complete_front(front, table)
    stem = "Kế hoạch CCHC" if table.kind == TASKS else "Kế hoạch khắc phục"
    parts = [stem, front.unit or table.sheet, str(front.plan_year) if front.plan_year else ""]
    name = " - ".join(part for part in parts if part)
    if table.kind != TASKS and by in ARRANGEMENT_WORDS:
        name += f" ({ARRANGEMENT_WORDS[by]})"
    return safe_file_name(name + ".docx")


def safe_file_name(name: str) -> str:
    """A file name Windows accepts: no <>:"/\\|?* or control characters, no trailing dot, not 'CON'."""
    name = unicodedata.normalize("NFC", name)
    stem, dot, suffix = name.rpartition(".") if "." in name else (name, "", "")
    stem = re.sub(r"\s+", " ", _UNSAFE.sub("-", stem)).strip(" .-") or "Kế hoạch"
    if _RESERVED.match(stem):
        stem = "_" + stem
    return stem[:150].rstrip(" .") + dot + suffix


def _warn(message: str) -> None:
    _warnings.warn(message, PlanWarning, stacklevel=3)


def write_plan(
    table: Table,
    out: str | os.PathLike[str] | None = None,
    by: str = "criterion",
    template: str | os.PathLike[str] | CompiledTemplate | None = None,
    front: FrontMatter | None = None,
    all_items: bool = False,
    pdf: bool = False,
    overwrite: bool = False,
    out_dir: str | os.PathLike[str] = ".",
    warn: Callable[[str], None] | None = None,
    appendices: Sequence[Table] | None = None,
    clean: bool = False,
) -> Path:
    """Write the plan for table as .docx (and .pdf beside it when pdf, or out ends in .pdf); returns the path written last.

    by: 'criterion' (a section per tiêu chí with a)–d)), 'field' (per lĩnh vực) or 'lead' (per
    cơ quan chủ trì); a tasks table always gets the annual PAR plan. appendices: the tables printed
    as Phụ lục I, II… (a PlanSource's tables; default: table alone). Where the sheet is thin the
    table's suggestions are printed, highlighted unless clean. Blanks in the front
    matter print as drafts leave them and are reported through warn (default:
    warnings.warn(PlanWarning)). Never replaces an existing file unless overwrite.
    """
    completed, problems = complete_front(front, table)
    for message in problems:
        (warn or _warn)(message)
    target = Path(out) if out is not None else Path(out_dir) / default_file_name(table, completed, by)
    if target.suffix.lower() == ".pdf":
        pdf, target = True, target.with_suffix(".docx")
    elif target.suffix.lower() != ".docx":
        target = target.with_name(target.name + ".docx")
    pdf_target = target.with_suffix(".pdf")
    refuse_inputs(target, {"mẫu Word": None if isinstance(template, CompiledTemplate) else template})
    if pdf:
        require_soffice()
        if pdf_target.exists() and not overwrite:
            raise ParbookError(f"Tệp '{pdf_target}' đã có. Hãy chọn tên khác hoặc dùng --overwrite để ghi đè.")
    if isinstance(template, CompiledTemplate):
        compiled = template
    else:
        compiled = compile_template(template if template is not None else default_template(table.kind, by))
    context = build_context(table, completed, by, all_items, appendices=appendices, clean=clean)
    compiled.render(context, target, overwrite)
    if pdf:
        return convert_to_pdf(target, pdf_target, overwrite)
    return target
