"""The workbook's sheets, written with XlsxWriter around a given vbaProject.bin.

Layout of PHỤ LỤC: three title lines, a blank row, then an Excel Table whose header is row 5.
Validation lists, number formats and conditional formats reach below the table (to row 1000)
so rows an officer adds keep them.
"""
from __future__ import annotations

import io
from datetime import datetime, timezone
from typing import Sequence

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from pyxl.excel.xlsm import content as c

TABLE_NAME = "PhuLuc"
HEADER_ROW = 4  # 0-based: Excel row 5
FIRST_DATA_ROW = HEADER_ROW + 1
DATA_ROWS = 30
LAST_FORMAT_ROW = 999  # 0-based: Excel row 1000
# XlsxWriter stamps the build time into docProps/core.xml; a fixed date keeps builds byte-identical.
CREATED = datetime(2025, 1, 1, tzinfo=timezone.utc)
AGENCY_LIST = "DanhMuc_CoQuan"
DEADLINE_LIST = "DanhMuc_ThoiGian"
_COLUMN_WIDTHS = (7, 48, 10, 10, 10, 45, 24, 24, 18, 18, 24)
_HELP_WIDTH = 88
_SCORE_FORMAT = "0.00"
_LAST_COL = len(c.TABLE_COLUMNS) - 1


def _col(name: str) -> int:
    return c.TABLE_COLUMNS.index(name)


def _cell(row: int, col: int, absolute_col: bool = False) -> str:
    return xlsxwriter.utility.xl_rowcol_to_cell(row, col, col_abs=absolute_col)


def lost_points_formula() -> str:
    """Điểm bị mất as a structured table formula: max − appraised, blank unless both are numbers."""
    max_, appraised = f"{TABLE_NAME}[@[{c.COL_MAX}]]", f"{TABLE_NAME}[@[{c.COL_APPRAISED}]]"
    return f'=IF(AND(ISNUMBER({max_}),ISNUMBER({appraised})),{max_}-{appraised},"")'


def _print_on_a4(ws: Worksheet, landscape: bool = False) -> None:
    """A4, one page wide, as many pages tall as needed."""
    ws.set_paper(9)
    if landscape:
        ws.set_landscape()
    ws.fit_to_pages(1, 0)


def _help_sheet(wb: Workbook, ws: Worksheet, udf_names: list[str]) -> None:
    styles = {
        "title": wb.add_format({"bold": True, "font_size": 14}),
        "heading": wb.add_format({"bold": True, "font_size": 12}),
        "text": wb.add_format({"text_wrap": True, "valign": "top"}),
    }
    ws.set_column(0, 0, _HELP_WIDTH)
    for row, (style, text) in enumerate(c.help_lines(udf_names)):
        ws.write_string(row, 0, text, styles[style])
        if style == "text":
            # Neither Excel nor LibreOffice grows a row for wrapped text on load: size it here.
            lines = -(-len(text) // int(_HELP_WIDTH * 0.85))
            ws.set_row(row, 15 * lines + 3)
    ws.hide_gridlines(2)
    _print_on_a4(ws)


def _info_sheet(wb: Workbook, ws: Worksheet) -> None:
    header = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    key = wb.add_format({"bold": True, "border": 1, "valign": "top"})
    value = wb.add_format({"border": 1, "text_wrap": True, "valign": "top"})
    date = wb.add_format({"border": 1, "num_format": "dd/mm/yyyy", "valign": "top", "align": "left"})
    hint = wb.add_format({"italic": True, "font_color": "#7F7F7F", "text_wrap": True, "valign": "top"})
    ws.set_column(0, 0, 24)
    ws.set_column(1, 1, 60)
    ws.set_column(2, 2, 50)
    ws.write_row(0, 0, c.INFO_HEADER, header)
    for row, (name, tip) in enumerate(c.INFO_FIELDS, start=1):
        ws.write_string(row, 0, name, key)
        ws.write_blank(row, 1, None, date if name == "Ngày ban hành" else value)
        ws.write_string(row, 2, tip, hint)
        if name in c.MULTILINE_INFO_KEYS:
            ws.set_row(row, 60)
        if name == "Quyền hạn ký":
            # A drop-down, not a rule: the plan reader also understands TL., TUQ. and spelled-out forms.
            ws.data_validation(row, 1, row, 1,
                               {"validate": "list", "source": list(c.SIGNING_AUTHORITIES), "show_error": False})
    ws.freeze_panes(1, 0)
    _print_on_a4(ws)


def _table_sheet(wb: Workbook, ws: Worksheet) -> None:
    text = wb.add_format({"text_wrap": True, "valign": "top"})
    score = wb.add_format({"num_format": _SCORE_FORMAT, "valign": "top"})
    formats = {
        c.COL_CODE: wb.add_format({"num_format": "@", "align": "center", "valign": "top"}),  # keep "1.10" as typed
        c.COL_MAX: score,
        c.COL_APPRAISED: score,
        c.COL_LOST: score,
        c.COL_FLAGS: wb.add_format({"text_wrap": True, "valign": "top", "font_color": "#C00000"}),
    }
    column_formats = [formats.get(name, text) for name in c.TABLE_COLUMNS]
    for col, width in enumerate(_COLUMN_WIDTHS):
        ws.set_column(col, col, width, column_formats[col])
    title = wb.add_format({"bold": True, "align": "center", "valign": "vcenter", "font_size": 13})
    subtitle = wb.add_format({"italic": True, "align": "center"})
    for row, line in enumerate(c.TITLE_LINES):
        ws.merge_range(row, 0, row, _LAST_COL, line, subtitle if line.startswith("(") else title)
    _table(wb, ws, column_formats)
    _table_rules(wb, ws)
    ws.freeze_panes(FIRST_DATA_ROW, 0)
    _print_on_a4(ws, landscape=True)
    ws.repeat_rows(HEADER_ROW)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    ws.set_footer("&CTrang &P/&N")


def _table(wb: Workbook, ws: Worksheet, column_formats: list[Format]) -> None:
    """The Excel Table: header row, empty formatted rows, the Điểm bị mất formula in each."""
    header = wb.add_format({"bold": True, "align": "center", "valign": "vcenter", "text_wrap": True, "border": 1})
    last_row = FIRST_DATA_ROW + DATA_ROWS - 1
    lost_col = _col(c.COL_LOST)
    formula = lost_points_formula()
    columns = [{"header": name, "header_format": header, "format": fmt}
               for name, fmt in zip(c.TABLE_COLUMNS, column_formats)]
    columns[lost_col]["formula"] = formula
    ws.add_table(HEADER_ROW, 0, last_row, _LAST_COL, {"name": TABLE_NAME, "columns": columns,
                                                       "style": "Table Style Light 9"})
    ws.set_row(HEADER_ROW, 32)
    # Give the empty cells their formats (XlsxWriter only formats cells it writes), and rewrite the
    # formula cells with an empty cached result: XlsxWriter would cache 0, which readers that do not
    # recalculate (calamine, pandas) would show as lost points in every empty row. (package.py then
    # types that result as a string, as Excel does.)
    cell_formula = formula.replace("[@[", "[[#This Row],[")  # the form Excel itself stores
    for row in range(FIRST_DATA_ROW, last_row + 1):
        for col, fmt in enumerate(column_formats):
            if col == lost_col:
                ws.write_formula(row, col, cell_formula, fmt, "")
            else:
                ws.write_blank(row, col, None, fmt)


def _table_rules(wb: Workbook, ws: Worksheet) -> None:
    """Drop-down lists and highlighting, down to row 1000 so added rows keep them."""
    lists = {c.COL_LEAD: AGENCY_LIST, c.COL_PARTNERS: AGENCY_LIST, c.COL_DEADLINE: DEADLINE_LIST}
    for name, source in lists.items():
        # Offer the list but accept anything: a cell often names several agencies, and deadlines
        # are free text ("Trước 30/6/2025") as often as a listed phrase.
        ws.data_validation(FIRST_DATA_ROW, _col(name), LAST_FORMAT_ROW, _col(name),
                           {"validate": "list", "source": f"={source}", "show_error": False})
    lost = _cell(FIRST_DATA_ROW, _col(c.COL_LOST), absolute_col=True)
    ws.conditional_format(FIRST_DATA_ROW, _col(c.COL_LOST), LAST_FORMAT_ROW, _col(c.COL_LOST), {
        # ISNUMBER first: Excel ranks any text, even "", above every number.
        "type": "formula", "criteria": f"=AND(ISNUMBER({lost}),{lost}>0)",
        "format": wb.add_format({"bg_color": "#F8CBAD", "font_color": "#9C0006"}),
    })
    flag = _cell(FIRST_DATA_ROW, _col(c.COL_FLAGS), absolute_col=True)
    ws.conditional_format(FIRST_DATA_ROW, 0, LAST_FORMAT_ROW, _LAST_COL, {
        "type": "formula", "criteria": f'={flag}<>""', "format": wb.add_format({"bg_color": "#FFF2CC"}),
    })


def _lists_sheet(wb: Workbook, ws: Worksheet, agencies: Sequence[str]) -> None:
    header = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    ws.set_column(0, 1, 45)
    ws.write_row(0, 0, c.LISTS_HEADER, header)
    ws.write_column(1, 0, list(agencies))
    ws.write_column(1, 1, list(c.DEADLINE_PHRASES))
    ws.freeze_panes(1, 0)
    _print_on_a4(ws)
    # Each list grows with its column: the names cover row 2 down to the last filled cell.
    sheet = f"'{c.SHEET_LISTS}'"
    for name, col in ((AGENCY_LIST, "A"), (DEADLINE_LIST, "B")):
        wb.define_name(name, f"=OFFSET({sheet}!${col}$2,0,0,MAX(1,COUNTA({sheet}!${col}:${col})-1),1)")


def _library_sheet(wb: Workbook, ws: Worksheet) -> None:
    """Giải pháp mẫu: a note on how to write entries, the library's columns, example rows switched off."""
    headers = c.LIBRARY_HEADERS
    note = wb.add_format({"italic": True, "text_wrap": True, "valign": "top", "font_color": "#404040"})
    header = wb.add_format({"bold": True, "bg_color": "#E2EFDA", "border": 1, "text_wrap": True, "valign": "vcenter"})
    text = wb.add_format({"text_wrap": True, "valign": "top", "border": 1})
    widths = {"Mã": 22, "Lĩnh vực": 24, "Chủ đề": 30, "Từ khóa nhận biết": 30, "Mục tiêu": 40,
              "Nguyên nhân thường gặp": 30, "Nhiệm vụ, giải pháp": 60, "Thời gian": 18, "Căn cứ": 30, "Dùng": 8}
    for col, name in enumerate(headers):
        ws.set_column(col, col, widths.get(name, 22))
    ws.merge_range(0, 0, 0, 4, c.LIBRARY_NOTE, note)  # as wide as a screen shows, so it reads without scrolling
    ws.set_row(0, 110)
    ws.write_row(1, 0, headers, header)
    ws.set_row(1, 32)
    for row, example in enumerate(c.LIBRARY_EXAMPLES, start=2):
        for col, name in enumerate(headers):
            ws.write_string(row, col, example.get(name, ""), text)
        ws.set_row(row, 75)
    last = len(headers) - 1
    ws.data_validation(2, last, LAST_FORMAT_ROW, last,
                       {"validate": "list", "source": ["Có", "Không"], "show_error": False})
    ws.freeze_panes(2, 1)
    ws.set_paper(9)
    ws.set_landscape()
    ws.repeat_rows(1)  # 17 columns: printed over several pages across, each with the header


def _config_sheet(ws: Worksheet, settings: Sequence[tuple[str, str]]) -> None:
    # xlwings reads keys from A1 down to the first blank cell: no header row.
    for row, (key, value) in enumerate((*c.XLWINGS_CONF, *settings)):
        ws.write_string(row, 0, key)
        ws.write_string(row, 1, value)
    ws.set_column(0, 1, 20)


def write_workbook(vba_project: bytes, agencies: Sequence[str], udf_names: list[str], tools: str,
                   settings: Sequence[tuple[str, str]] = ()) -> bytes:
    """The .xlsm package (without the ribbon part) holding the sheets and `vba_project`.

    Sheets get the code names Sheet1, Sheet2, … in order, matching the document modules the VBA
    project must contain.
    """
    buffer = io.BytesIO()
    wb = Workbook(buffer, {"in_memory": True})
    wb.set_properties({
        "title": "Kế hoạch khắc phục Chỉ số CCHC", "author": "parbook", "company": "", "created": CREATED,
        "comments": f"Tạo bởi scripts/build_workbook.py (parbook) với {tools}",
    })
    wb.set_vba_name("ThisWorkbook")
    sheets = {name: wb.add_worksheet(name) for name in c.SHEET_NAMES}
    for number, ws in enumerate(sheets.values(), start=1):
        ws.set_vba_name(f"Sheet{number}")
    _help_sheet(wb, sheets[c.SHEET_HELP], udf_names)
    _info_sheet(wb, sheets[c.SHEET_INFO])
    _table_sheet(wb, sheets[c.SHEET_TABLE])
    _lists_sheet(wb, sheets[c.SHEET_LISTS], agencies)
    _library_sheet(wb, sheets[c.SHEET_LIBRARY])
    _config_sheet(sheets[c.SHEET_CONFIG], settings)
    sheets[c.SHEET_HELP].activate()
    wb.add_vba_project(io.BytesIO(vba_project), is_stream=True)
    wb.close()
    return buffer.getvalue()
