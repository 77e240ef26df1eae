"""Build the sample workbooks in samples/ from the seed documents, typed the way officers type them.

    python scripts/build_samples.py           # write samples/*.xlsx
    python scripts/build_samples.py --check   # verify them; exit 1 on any mismatch

The rows are copied from the seed texts, typos and all: a sample that was tidied up would hide the
defects the reader has to cope with. Each cell is written as Excel stores what an officer types:
"7.95" and "1" become numbers, "0,75", "-0,3" and " 1.03" stay text, "60%" becomes 0.6 shown as 60%.
Builds are byte-for-byte reproducible (fixed document dates and zip timestamps).
"""
from __future__ import annotations

import argparse
import io
import math
import re
import sys
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.writer.excel import ExcelWriter

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
BUILT_AT = datetime(2024, 3, 1, 8, 0, 0)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_checks import CHECKS, Mismatch, read_grids  # noqa: E402
from sample_data import HEADER, Bold, Line, Pair, SheetSpec, Span  # noqa: E402
from sample_data.ia_pa_2019 import IA_PA  # noqa: E402
from sample_data.phuoc_my_2024 import PHUOC_MY_TARGETS, PHUOC_MY_TASKS  # noqa: E402
from sample_data.son_giang_2021 import SON_GIANG  # noqa: E402
from sample_data.vinh_linh_2023 import VINH_LINH  # noqa: E402

WORKBOOKS = {
    "ia_pa_2019.xlsx": (IA_PA,),
    "son_giang_2021.xlsx": (SON_GIANG,),
    "vinh_linh_2023.xlsx": (VINH_LINH,),
    "phuoc_my_2024.xlsx": (PHUOC_MY_TARGETS, PHUOC_MY_TASKS),
}


# ---------------------------------------------------------------- typing and styling

FONT_NAME = "Times New Roman"
BODY_SIZE, TITLE_SIZE = 12, 13
THIN = Side(style="thin")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
LEFT_PAIR_COLUMNS = 2
_INTEGER = re.compile(r"-?\d+")
_DECIMAL = re.compile(r"-?\d+\.(\d+)")
_PERCENT = re.compile(r"\d+%")


def typed(text: str) -> tuple[object, str]:
    """What Excel stores when an officer types text (dot decimals): (value, number format)."""
    if text == "":
        return None, "General"
    if _INTEGER.fullmatch(text):
        return int(text), "General"
    decimal = _DECIMAL.fullmatch(text)
    if decimal:
        # An officer who types "14.0" sees "14.0": Excel keeps the zero as a format, not a value.
        places = decimal.group(1)
        return float(text), "0." + "0" * len(places) if places.endswith("0") else "General"
    if _PERCENT.fullmatch(text):
        return int(text[:-1]) / 100, "0%"
    return str(text), "General"


def font(bold: bool = False, italic: bool = False, size: int = BODY_SIZE) -> Font:
    """The one typeface of Vietnamese administrative documents."""
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic)


def put(ws, row: int, col: int, text: str, *, bold: bool = False, italic: bool = False,
        size: int = BODY_SIZE, centre: bool = False, border: bool = True) -> None:
    """Type one cell and format it like the rest of the document."""
    cell = ws.cell(row=row, column=col)
    cell.value, cell.number_format = typed(text)
    cell.font = font(bold, italic, size)
    cell.alignment = Alignment(horizontal="center" if centre else "left", vertical="center",
                               wrap_text=True)
    if border:
        cell.border = GRID


def merge(ws, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
    """Merge a block; openpyxl gives its edge cells the top-left cell's border."""
    ws.merge_cells(start_row=first_row, start_column=first_col,
                   end_row=last_row, end_column=last_col)


def write_title(ws, row: int, line, width: int) -> int:
    """One title line (or a blank line) above the table; returns the next row."""
    if isinstance(line, Line):
        put(ws, row, 1, line.text, bold=not line.italic, italic=line.italic, size=TITLE_SIZE,
            centre=True, border=False)
        merge(ws, row, 1, row, width)
    elif isinstance(line, Pair):
        put(ws, row, 1, line.left, bold=True, size=TITLE_SIZE, centre=True, border=False)
        merge(ws, row, 1, row, LEFT_PAIR_COLUMNS)
        put(ws, row, LEFT_PAIR_COLUMNS + 1, line.right, bold=True, size=TITLE_SIZE, centre=True,
            border=False)
        merge(ws, row, LEFT_PAIR_COLUMNS + 1, row, width)
    return row + 1


def write_header(ws, row: int, header: tuple) -> int:
    """The header rows; a label spans down over an empty cell below, else across empty cells."""
    for offset, labels in enumerate(header):
        for col, label in enumerate(labels, start=1):
            put(ws, row + offset, col, label or "", bold=True, centre=True)
    if len(header) == 2:
        top, below = header
        for col, label in enumerate(top, start=1):
            if label is None:
                continue
            if below[col - 1] is None:
                merge(ws, row, col, row + 1, col)
            else:
                last = col
                while last < len(top) and top[last] is None:
                    last += 1
                merge(ws, row, col, row, last)
    return row + len(header)


def write_row(ws, row: int, cells, spec: SheetSpec) -> None:
    """One table row, padded with empty bordered cells to the table width."""
    width = len(spec.widths)
    if isinstance(cells, Span):
        put(ws, row, 1, cells.text, bold=True)
        merge(ws, row, 1, row, width)
        return
    for col in range(1, width + 1):
        text = cells[col - 1] if col <= len(cells) else ""
        put(ws, row, col, text, bold=isinstance(text, Bold), centre=col - 1 in spec.centred)


def text_lines(text: str, width: float, size: int, bold: bool) -> int:
    """Roughly how many lines a wrapped text needs in a column of this width (Excel units)."""
    scale = size / BODY_SIZE * (1.08 if bold else 1.0)
    lines = 0
    for paragraph in text.split("\n"):
        units = sum(1.45 if ch.isupper() else 1.0 for ch in paragraph) * scale
        lines += max(1, math.ceil(units * 0.97 / max(width - 1.5, 1)))
    return lines


def fit_row_heights(ws, widths: tuple) -> None:
    """Set each row tall enough for its wrapped text, as Excel's AutoFit would."""
    spans = {}
    for block in ws.merged_cells.ranges:
        total = sum(widths[c - 1] for c in range(block.min_col, block.max_col + 1))
        spans[(block.min_row, block.min_col)] = (total, block.max_row - block.min_row + 1)
    for cells in ws.iter_rows():
        needed = 1
        size = BODY_SIZE
        for cell in cells:
            if not isinstance(cell.value, str):
                continue
            width, rows = spans.get((cell.row, cell.column), (widths[cell.column - 1], 1))
            lines = text_lines(cell.value, width, cell.font.sz, cell.font.b)
            needed = max(needed, math.ceil(lines / rows))
            size = max(size, int(cell.font.sz))
        ws.row_dimensions[cells[0].row].height = round(needed * size * 1.3 + 2, 2)


def set_up_page(ws, spec: SheetSpec, header_rows: str, first_data_row: int) -> None:
    """Column widths, frozen header, A4 landscape printing with the header on every page."""
    for col, width in enumerate(spec.widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = f"A{first_data_row}"
    ws.print_title_rows = header_rows
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins = PageMargins(left=0.5, right=0.4, top=0.6, bottom=0.6)
    ws.print_options.horizontalCentered = True


def write_sheet(wb: Workbook, spec: SheetSpec) -> None:
    """Titles, a blank line, the header, then the rows."""
    ws = wb.create_sheet(spec.name)
    width = len(spec.widths)
    row = 1
    for line in spec.titles:
        row = write_title(ws, row, line, width)
    header_top = row + 1
    row = write_header(ws, header_top, spec.header)
    first_data_row = row
    for cells in spec.rows:
        if cells is HEADER:
            row = write_header(ws, row, spec.header)
            continue
        write_row(ws, row, cells, spec)
        row += 1
    set_up_page(ws, spec, f"{header_top}:{first_data_row - 1}", first_data_row)
    fit_row_heights(ws, spec.widths)


def build(sheets: tuple) -> bytes:
    """The .xlsx bytes of one workbook, identical on every run."""
    wb = Workbook()
    wb.remove(wb.active)
    for spec in sheets:
        write_sheet(wb, spec)
    wb.properties.creator = "parbook scripts/build_samples.py"
    wb.properties.created = wb.properties.modified = BUILT_AT
    raw = io.BytesIO()
    # ExcelWriter directly: Workbook.save would stamp the current time as "modified".
    ExcelWriter(wb, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED)).save()
    return fixed_zip_times(raw.getvalue())


def fixed_zip_times(data: bytes) -> bytes:
    """The same archive with every member dated 1980-01-01, so rebuilding gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------- --check

def compare_with_fresh_build(path: Path, sheets: tuple, on_disk: dict) -> None:
    """Raise unless the file holds what this script builds now (same bytes, or same values)."""
    fresh = build(sheets)
    if path.read_bytes() == fresh:
        print("  same bytes as a fresh build")
        return
    with tempfile.TemporaryDirectory() as folder:
        rebuilt = Path(folder) / path.name
        rebuilt.write_bytes(fresh)
        if read_grids(rebuilt) != on_disk:
            raise Mismatch("differs from a fresh build: rerun python scripts/build_samples.py")
    print("  same values as a fresh build (bytes differ: another openpyxl or zlib version?)")


def check() -> int:
    """Verify every sample; 0 when all hold, 1 otherwise."""
    failures = 0
    for name, sheets in WORKBOOKS.items():
        path = SAMPLES / name
        print(f"samples/{name}")
        try:
            if not path.exists():
                raise Mismatch("missing: run python scripts/build_samples.py")
            on_disk = read_grids(path)
            compare_with_fresh_build(path, sheets, on_disk)
            for title, (grid, merges) in on_disk.items():
                print(f"  {title}: {len(grid)} rows × {len(grid[0])} columns, {len(merges)} merged "
                      f"ranges; openpyxl and calamine agree")
            CHECKS[name]({title: grid for title, (grid, _) in on_disk.items()})
        except Mismatch as problem:
            print(f"  MISMATCH: {problem}")
            failures += 1
    print("all samples match the seeds" if not failures else f"{failures} sample(s) do not match")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    """Write the samples, or with --check verify them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify samples/ instead of writing")
    if parser.parse_args(argv).check:
        return check()
    SAMPLES.mkdir(exist_ok=True)
    for name, sheets in WORKBOOKS.items():
        (SAMPLES / name).write_bytes(build(sheets))
        print(f"wrote samples/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
