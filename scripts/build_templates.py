"""Generate the Word templates in pyxl/data/templates/ (docxtpl tags inside python-docx documents).

    python scripts/build_templates.py [--out pyxl/data/templates]

The layout follows Nghị định 30/2020/NĐ-CP, Phụ lục I (facts in the team's nd30_layout.md): A4,
margins 20/20/30/20 mm, Times New Roman, the two-column header, "KẾ HOẠCH" and its trích yếu, body
14 pt justified with a 1.27 cm first-line indent, Nơi nhận beside the signature, page numbers from
page 2 at the top centre, and the PHỤ LỤC in a landscape section whose numbering restarts.
Officers may reword any fixed sentence in Word; fields are docxtpl tags ({{ }}, {%p %}, {%tr %}).
Output is byte-for-byte reproducible (fixed zip timestamps and document dates).
"""
from __future__ import annotations

import argparse
import copy
import io
import re
import sys
import unicodedata
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pyxl.plan.metrics import text_width  # noqa: E402
from pyxl.plan.render import deterministic_docx  # noqa: E402

FONT = "Times New Roman"
BODY, MUC, KHOAN, TIEU_MUC, CAN_CU = "KH Nội dung", "KH Mục", "KH Khoản", "KH Tiểu mục", "KH Căn cứ"
CELL, CELL_CENTER, CELL_HEAD = "KH Bảng", "KH Bảng giữa", "KH Bảng tiêu đề"
LEFT_COL, RIGHT_COL = Cm(6.0), Cm(10.0)
CELL_MARGINS = Cm(0.19 * 2)
MOTTO = "Độc lập - Tự do - Hạnh phúc"
FIXED_DATE = datetime(2024, 1, 1)


# -- document and styles ------------------------------------------------------------------------------

def new_document(title: str) -> Document:
    doc = Document()
    props = doc.core_properties
    props.title, props.subject, props.author = title, "Chỉ số cải cách hành chính", "parbook"
    props.last_modified_by, props.revision, props.keywords = "parbook", 1, "CCHC; kế hoạch"
    props.created = props.modified = FIXED_DATE
    props.comments = "Mẫu của parbook: sửa lời văn tùy ý, giữ nguyên các thẻ trộn."
    _fonts(doc)
    _styles(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.orientation = WD_ORIENT.PORTRAIT
    _margins(section)
    section.different_first_page_header_footer = True
    _page_number(section.header.paragraphs[0])
    section.first_page_header.is_linked_to_previous = False
    return doc


def _margins(section) -> None:
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(20)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)


def _rfonts(rpr) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _fonts(doc: Document) -> None:
    """Times New Roman 14 everywhere, Vietnamese proofing, no theme fonts."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _rfonts(rpr)
    for tag, value in (("w:sz", "28"), ("w:szCs", "28")):
        el = rpr.find(qn(tag))
        if el is None:
            el = OxmlElement(tag)
            rpr.append(el)
        el.set(qn("w:val"), value)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "en-US")
    lang.set(qn("w:bidi"), "ar-SA")
    for fonts in list(doc.styles.element.iter(qn("w:rFonts"))):  # styles, table-style parts included
        _rfonts(fonts.getparent())
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    _rfonts(normal.element.get_or_add_rPr())
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), 1.0


def _style(doc, name, *, base="Normal", size=14, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.JUSTIFY,
           indent=Cm(1.27), before=Pt(0), after=Pt(6), line=1.15, keep_next=False):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles[base]
    style.quick_style = True
    font = style.font
    font.name, font.size, font.bold, font.italic = FONT, Pt(size), bold, italic
    fmt = style.paragraph_format
    fmt.alignment, fmt.first_line_indent = align, indent
    fmt.space_before, fmt.space_after, fmt.line_spacing = before, after, line
    fmt.keep_with_next = keep_next
    fmt.widow_control = True
    return style


def _styles(doc: Document) -> None:
    _style(doc, BODY)
    _style(doc, CAN_CU, italic=True)
    _style(doc, MUC, bold=True, keep_next=True, before=Pt(6))
    _style(doc, KHOAN, bold=True, keep_next=True)
    _style(doc, TIEU_MUC, bold=True, italic=True, keep_next=True)
    for name, align, bold in ((CELL, WD_ALIGN_PARAGRAPH.LEFT, False), (CELL_CENTER, WD_ALIGN_PARAGRAPH.CENTER, False),
                              (CELL_HEAD, WD_ALIGN_PARAGRAPH.CENTER, True)):
        _style(doc, name, size=12, bold=bold, align=align, indent=Cm(0), before=Pt(2), after=Pt(2), line=1.0)


# -- paragraphs -------------------------------------------------------------------------------------

def para(container, text="", style=BODY, **fmt):
    """A paragraph in container (document or cell); see _fill for the formatting keywords."""
    return _fill(container.add_paragraph(style=style), text, **fmt)


def cell_para(cell, text="", style=BODY, first=False, **fmt):
    """A paragraph in a table cell; first=True fills the cell's own (first) paragraph."""
    if first:
        p = cell.paragraphs[0]
        p.style = style
        return _fill(p, text, **fmt)
    return para(cell, text, style, **fmt)


def _fill(p, text, *, size=None, bold=None, italic=None, align=None, before=None, after=None, indent=None,
          keep_next=None, runs=None):
    """Direct formatting over the style; runs is [(text, {"bold":…, "italic":…, "size":…})] for mixed runs."""
    fmt = p.paragraph_format
    for attr, value in (("alignment", align), ("space_before", before), ("space_after", after),
                        ("first_line_indent", indent), ("keep_with_next", keep_next)):
        if value is not None:
            setattr(fmt, attr, value)
    for run_text, props in runs or [(text, {})]:
        run = p.add_run(run_text)
        b, i, s = props.get("bold", bold), props.get("italic", italic), props.get("size", size)
        if b is not None:
            run.bold = b
        if i is not None:
            run.italic = i
        if s is not None:
            run.font.size = Pt(s)
    if size is not None:  # the paragraph mark too, so that a line's height follows its text
        mark = OxmlElement("w:rPr")
        sz = OxmlElement("w:sz")
        sz.set(qn("w:val"), str(int(size * 2)))
        mark.append(sz)
        p._p.get_or_add_pPr().append(mark)
    return p


def tag(container, text: str, style=BODY):
    """A paragraph holding only a {%p … %} tag (removed when rendered)."""
    return para(container, text, style)


def _border(p, side: str, size_eighths: int = 6, space_pt: int = 1) -> None:
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    line = OxmlElement(f"w:{side}")
    for attr, value in (("w:val", "single"), ("w:sz", str(size_eighths)), ("w:space", str(space_pt)), ("w:color", "000000")):
        line.set(qn(attr), value)
    borders.append(line)
    # pBdr must come before spacing/ind/jc in CT_PPr's sequence
    anchor = None
    for child in ppr:
        if child.tag in (qn("w:shd"), qn("w:tabs"), qn("w:suppressAutoHyphens"), qn("w:spacing"), qn("w:ind"),
                         qn("w:jc"), qn("w:rPr"), qn("w:sectPr")):
            anchor = child
            break
    if anchor is None:
        ppr.append(borders)
    else:
        anchor.addprevious(borders)


def rule(container, width, available, first=False):
    """A short solid rule, centred: an empty 1 pt paragraph with a top border between indents."""
    p = container.paragraphs[0] if first else container.add_paragraph(style=BODY)
    fmt = p.paragraph_format
    side = int((available - width) / 2)
    fmt.left_indent = fmt.right_indent = side
    fmt.first_line_indent = 0
    fmt.space_before, fmt.space_after = Pt(3), Pt(0)  # a little air between the text and its rule
    fmt.line_spacing = Pt(1)
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _border(p, "top")
    ppr = p._p.get_or_add_pPr()
    mark = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "2")
    mark.append(sz)
    ppr.append(mark)
    return p


def _page_number(p) -> None:
    """The header paragraph: the page number, centred, 14 pt (ND 30)."""
    p.style = "Header"
    p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "28")
    rpr.append(sz)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    p._p.append(field)


# -- tables -----------------------------------------------------------------------------------------

def _table_props(table, widths, borders: bool) -> None:
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # a fixed layout: Word keeps the column widths below
    tbl_pr = table._tbl.tblPr
    edges = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single" if borders else "nil")
        if borders:
            el.set(qn("w:sz"), "4")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        edges.append(el)
    successor = next((c for c in tbl_pr if c.tag in (qn("w:shd"), qn("w:tblLayout"), qn("w:tblCellMar"),
                                                      qn("w:tblLook"))), None)
    if successor is None:
        tbl_pr.append(edges)
    else:
        successor.addprevious(edges)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(int(sum(widths) / 635)))
    width.set(qn("w:type"), "dxa")
    old = tbl_pr.find(qn("w:tblW"))
    if old is not None:
        tbl_pr.replace(old, width)
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(w / 635)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths):
            cell.width = w


def plain_table(container, rows, widths, borders=False):
    table = container.add_table(rows=rows, cols=len(widths))
    _table_props(table, widths, borders)
    return table


def _row_flag(row, tag_name: str) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement(f"w:{tag_name}")
    tr_pr.append(el)


# -- shared blocks ----------------------------------------------------------------------------------

def header_block(doc) -> None:
    """ND 30 ô 1–4: issuer over the unit name | Quốc hiệu and Tiêu ngữ; Số | địa danh, ngày.

    The Tiêu ngữ spans its whole cell, so it never wraps (a renderer whose Times lacks a Vietnamese
    letter draws it wider); its rule is a paragraph of its own, as long as the line in Times New Roman.
    """
    table = plain_table(doc, 2, [LEFT_COL, RIGHT_COL])
    left, right = table.rows[0].cells
    small = dict(style=BODY, align=WD_ALIGN_PARAGRAPH.CENTER, indent=Cm(0), before=Pt(0), after=Pt(0))
    cell_para(left, "{%p for line in front.parent_lines %}", first=True, **small)
    para(left, "{{ line }}", size=12, **small)
    para(left, "{%p endfor %}", **small)
    para(left, "{%p for line in front.issuer_lines %}", **small)
    para(left, "{{ line }}", size=12, bold=True, **small)
    para(left, "{%p endfor %}", **small)
    rule(left, Cm(2.0), LEFT_COL - CELL_MARGINS)
    cell_para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", first=True, size=12, bold=True, **small)
    para(right, MOTTO, size=13, bold=True, **small)
    rule(right, motto_width(), RIGHT_COL - CELL_MARGINS).paragraph_format.space_before = Pt(2)
    number, place = table.rows[1].cells
    cell_para(number, "", first=True, **dict(small, before=Pt(6)),
              runs=[("Số: {{ front.number }}", {"size": 13})])
    cell_para(place, "{{ front.place_date }}", first=True, size=13, italic=True, **dict(small, before=Pt(6)))


def motto_width() -> int:
    """The Tiêu ngữ's width at 13 pt bold in Times New Roman (Vietnamese letters as wide as their base letter)."""
    base = "".join(ch for ch in unicodedata.normalize("NFD", MOTTO) if not unicodedata.combining(ch))
    return Pt(text_width(base.replace("Đ", "D").replace("đ", "d"), 13, bold=True))


def title_block(doc, subject: str, kind: str = "KẾ HOẠCH") -> None:
    """ND 30 ô 5a: the type name (KẾ HOẠCH, BÁO CÁO), its trích yếu, and a short rule."""
    center = dict(align=WD_ALIGN_PARAGRAPH.CENTER, indent=Cm(0), after=Pt(0))
    para(doc, kind, BODY, size=14, bold=True, before=Pt(18), keep_next=True, **center)
    para(doc, subject, BODY, size=14, bold=True, keep_next=True, **center)
    rule(doc, Cm(5.0), Mm(160)).paragraph_format.space_after = Pt(12)


def bases_block(doc) -> None:
    tag(doc, "{%p for line in front.bases %}")
    para(doc, "{{ line }}", CAN_CU)
    tag(doc, "{%p endfor %}")


def signature_block(doc) -> None:
    """ND 30 ô 9b (Nơi nhận, left) beside ô 7a–7c (signature, right)."""
    table = plain_table(doc, 1, [Cm(7.0), Cm(9.0)])
    _row_flag(table.rows[0], "cantSplit")
    left, right = table.rows[0].cells
    flat = dict(indent=Cm(0), before=Pt(0), after=Pt(0), align=WD_ALIGN_PARAGRAPH.LEFT)
    cell_para(left, "Nơi nhận:", first=True, size=12, bold=True, italic=True, **flat)  # level with "TM. …"
    para(left, "{%p for line in front.recipients %}", **flat)
    para(left, "{{ line }}", size=11, **flat)
    para(left, "{%p endfor %}", **flat)
    center = dict(flat, align=WD_ALIGN_PARAGRAPH.CENTER)
    cell_para(right, "{%p for line in front.sign_lines %}", first=True, **center)
    para(right, "{{ line }}", size=14, bold=True, **center)
    para(right, "{%p endfor %}", **center)
    para(right, "{{ front.signer }}", size=14, bold=True, **dict(center, before=Pt(84)))


def _tiny(p) -> None:
    """A paragraph that only carries a section break: 1 pt high, so it never spills onto a page of its own."""
    fmt = p.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(1)
    fmt.first_line_indent = Cm(0)
    mark = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "2")
    mark.append(sz)
    p._p.get_or_add_pPr().append(mark)


def _landscape(section) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    _margins(section)
    section.different_first_page_header_footer = True
    number_type = OxmlElement("w:pgNumType")
    number_type.set(qn("w:start"), "1")
    sect_pr = section._sectPr
    # CT_SectPr order: … pgMar paperSrc pgBorders lnNumType pgNumType cols … titlePg …
    successor = next(c for c in sect_pr if c.tag in (qn("w:cols"), qn("w:formProt"), qn("w:vAlign"),
                                                     qn("w:noEndnote"), qn("w:titlePg"), qn("w:docGrid")))
    successor.addprevious(number_type)


def appendices(doc) -> None:
    """ND 30 Phụ lục I Mục III.1 / Mẫu 2.1: each appendix in a landscape section of its own, numbering from 1.

    'Phụ lục' (or 'Phụ lục I', 'Phụ lục II'…), its title in capitals, '(Kèm theo …)', a short rule,
    then the scores or the tasks table. Section breaks sit in 1 pt paragraphs (no blank pages).
    """
    body = doc.add_section(WD_SECTION.NEW_PAGE)
    _tiny(doc.paragraphs[-1])  # the paragraph python-docx gave the body's section break
    _landscape(body)
    center = dict(align=WD_ALIGN_PARAGRAPH.CENTER, indent=Cm(0), after=Pt(0))
    tag(doc, "{%p for a in appendices %}")
    para(doc, "{{ a.label }}", BODY, size=14, bold=True, keep_next=True, **center)
    para(doc, "{{ a.title }}", BODY, size=14, bold=True, keep_next=True, **center)
    para(doc, "(Kèm theo Kế hoạch số {{ front.number }} {{ front.date }} của {{ front.unit }})", BODY,
         size=14, italic=True, keep_next=True, **center)
    rule(doc, Cm(4.0), Mm(247)).paragraph_format.space_after = Pt(12)
    tag(doc, '{%p if a.kind == "tasks" %}')
    data_table(doc, TASK_HEADERS, TASK_FIELDS, {"code"})
    tag(doc, "{%p else %}")
    total = ["", "Tổng cộng", "{{ a.total.max_points }}", "", "{{ a.total.appraised }}", "{{ a.total.lost }}",
             *[""] * (len(SCORE_FIELDS) - 6)]
    data_table(doc, SCORE_HEADERS, SCORE_FIELDS, {"code", "max_points", "self_points", "appraised", "lost"}, total)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if not loop.last %}")
    breaker = para(doc, "")
    breaker._p.get_or_add_pPr().append(copy.deepcopy(body._sectPr))
    _tiny(breaker)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")


def _row_cells(row, texts, style, bold=None):
    head = style == CELL_HEAD
    for cell, text in zip(row.cells, texts):
        st = style(text) if callable(style) else style
        # a group row stays with the first criterion under it
        cell_para(cell, text, st, first=True, bold=bold, keep_next=True if bold else None)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER if head else WD_CELL_VERTICAL_ALIGNMENT.TOP
    _row_flag(row, "cantSplit")


def data_table(doc, headers, fields, numeric, total=None) -> None:
    """Header row repeated on every page, one row per appendix row (group rows bold), then the total.

    Every column a table may have; the renderer drops the empty ones and sizes the rest to their
    content (the table's Alt Text title marks it for that; pyxl.plan.widths).
    """
    texts = [f"{{{{ r.{name} }}}}" for name in fields]
    blank = [""] * (len(fields) - 1)
    widths = [int(Mm(247) / len(fields))] * len(fields)

    def style(text):
        return CELL_CENTER if any(f"r.{n} " in text or f"total.{n} " in text for n in numeric) else CELL

    rows = [
        (headers, CELL_HEAD, None),
        (["{%tr for r in a.rows %}", *blank], CELL, None),
        (["{%tr if r.bold %}", *blank], CELL, None),
        (texts, style, True),
        (["{%tr else %}", *blank], CELL, None),
        (texts, style, None),
        (["{%tr endif %}", *blank], CELL, None),
        (["{%tr endfor %}", *blank], CELL, None),
    ]
    if total:
        rows.append((total, style, True))
    table = plain_table(doc, len(rows), widths, borders=True)
    for row, (cells, st, bold) in zip(table.rows, rows):
        _row_cells(row, cells, st, bold)
    _row_flag(table.rows[0], "tblHeader")
    caption = OxmlElement("w:tblCaption")
    caption.set(qn("w:val"), FIT_CAPTION)
    table._tbl.tblPr.append(caption)


FIT_CAPTION = "parbook: độ rộng cột tự căn theo nội dung"
SCORE_HEADERS = ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định",
                 "Điểm bị mất", "Lý do trừ điểm", "Mục tiêu", "Giải pháp", "Cơ quan chủ trì", "Cơ quan phối hợp",
                 "Thời gian thực hiện", "Ghi chú"]
SCORE_FIELDS = ["code", "title", "max_points", "self_points", "appraised", "lost", "reason", "target", "solution",
                "lead", "partners", "deadline", "note"]
TASK_HEADERS = ["TT", "{{ a.headers.title }}", "Chỉ tiêu phấn đấu", "Nhiệm vụ, giải pháp", "Hoạt động/sản phẩm",
                "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", "Ghi chú"]
TASK_FIELDS = ["code", "title", "target", "solution", "product", "lead", "partners", "deadline", "note"]


# -- bodies -----------------------------------------------------------------------------------------

SUBJECT = ("Khắc phục tồn tại, hạn chế trong công tác cải cách hành chính năm {{ front.eval_year }} "
           "và nâng cao Chỉ số cải cách hành chính năm {{ front.plan_year }}")
OPENING = [
    "Theo kết quả đánh giá Chỉ số cải cách hành chính năm {{ front.eval_year }}, {{ front.unit }}"
    "{% if plan.standing %} {{ plan.standing }};{% endif %} bị trừ {{ plan.total_lost }} điểm ở "
    "{{ plan.entry_count }} tiêu chí, tiêu chí thành phần (chi tiết tại {{ plan.appendix_ref }} kèm theo).",
    "Để khắc phục những tồn tại, hạn chế và nâng cao Chỉ số cải cách hành chính năm {{ front.plan_year }}, "
    "{{ front.unit }} ban hành Kế hoạch như sau:",
]
AIMS = [
    (MUC, "I. MỤC ĐÍCH, YÊU CẦU"),
    (KHOAN, "1. Mục đích"),
    (BODY, "- Khắc phục kịp thời, dứt điểm những tồn tại, hạn chế được chỉ ra qua kết quả đánh giá Chỉ số cải cách "
           "hành chính năm {{ front.eval_year }}; nâng cao chất lượng, hiệu quả công tác cải cách hành chính của "
           "{{ front.locality }}."),
    (BODY, "- Nâng cao nhận thức, trách nhiệm của người đứng đầu và đội ngũ cán bộ, công chức trong thực hiện "
           "nhiệm vụ cải cách hành chính; phấn đấu cải thiện kết quả Chỉ số cải cách hành chính năm "
           "{{ front.plan_year }}."),
    (KHOAN, "2. Yêu cầu"),
    (BODY, "- Xác định cụ thể nội dung, giải pháp, thời hạn hoàn thành và trách nhiệm của từng cơ quan, bộ phận "
           "đối với từng tiêu chí, tiêu chí thành phần bị trừ điểm."),
    (BODY, "- Tổ chức thực hiện nghiêm túc, đồng bộ, gắn với Kế hoạch cải cách hành chính năm {{ front.plan_year }}; "
           "thường xuyên kiểm tra, đôn đốc và báo cáo kết quả đúng thời gian quy định."),
]
KEEP_GOOD = ("{{ plan.next_number }}. Tiếp tục duy trì, phát huy kết quả các tiêu chí, tiêu chí thành phần đã đạt "
             "điểm tối đa; chủ động rà soát, khắc phục ngay những nội dung có nguy cơ bị trừ điểm trong năm "
             "{{ front.plan_year }}.")
O = "plan.organise"
# "1. The level's addressees …", then one paragraph per office: what it leads (codes), partners and reports.
ORGANISE = [
    (MUC, "III. TỔ CHỨC THỰC HIỆN"),
    (BODY, f"1. {{{{ {O}.addressees }}}} căn cứ nội dung Kế hoạch này chủ động triển khai thực hiện các nhiệm vụ "
           "được giao, bảo đảm chất lượng, đúng thời hạn."),
    (BODY, f"{{%p for d in {O}.duties %}}"),
    (BODY, "{{ d.number }}. {% if d.outside %}Đề nghị {% endif %}{{r d.name }}{% if d.coordinator %} (đầu mối theo dõi "
           "việc thực hiện Kế hoạch){% endif %}:"),
    (BODY, "{%p if d.leads %}"),
    (BODY, "- Chủ trì thực hiện các giải pháp khắc phục đối với tiêu chí, tiêu chí thành phần {{ d.leads }} (chi "
           "tiết tại Mục II và {{ plan.appendix_ref }})"
           f"{{% if d.outside %}}; thông tin kết quả thực hiện về {{{{ {O}.coordinator }}}} để tổng hợp"
           f"{{% elif not d.coordinator %}}; báo cáo kết quả thực hiện về {{{{ {O}.coordinator }}}} "
           f"{{{{ {O}.report_when }}}}{{% endif %}}."),
    (BODY, "{%p endif %}"),
    (BODY, "{%p if d.partners %}"),
    (BODY, "- Phối hợp thực hiện đối với tiêu chí, tiêu chí thành phần {{ d.partners }}."),
    (BODY, "{%p endif %}"),
    (BODY, "{%p if d.outside %}"),
    (BODY, "- Tuyên truyền, vận động đoàn viên, hội viên và Nhân dân tham gia, giám sát việc thực hiện Kế hoạch."),
    (BODY, "{%p endif %}"),
    (BODY, "{%p if d.coordinator %}"),
    (BODY, "- Theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch; tổng hợp kết quả, lồng ghép vào báo cáo cải cách "
           f"hành chính định kỳ, tham mưu {{{{ front.unit }}}} báo cáo {{{{ {O}.report_to }}}} theo quy định."),
    (BODY, "{%p endif %}"),
    (BODY, "{%p endfor %}"),
    (BODY, f"{{%p if {O}.partners %}}"),
    (BODY, f"{{{{ {O}.next_number }}}}. {{{{r {O}.partners }}}}: phối hợp chặt chẽ với cơ quan, bộ phận chủ trì "
           "trong quá trình thực hiện các nội dung được phân công."),
    (BODY, "{%p endif %}"),
    (BODY, f"{{%p if {O}.asked %}}"),
    (BODY, f"{{{{ {O}.asked_number }}}}. Đề nghị {{{{r {O}.asked }}}} phối hợp thực hiện các nội dung có liên quan; "
           "tuyên truyền, vận động đoàn viên, hội viên và Nhân dân tham gia, giám sát việc thực hiện Kế hoạch."),
    (BODY, "{%p endif %}"),
    (BODY, "Trên đây là Kế hoạch khắc phục tồn tại, hạn chế trong công tác cải cách hành chính năm "
           "{{ front.eval_year }} và nâng cao Chỉ số cải cách hành chính năm {{ front.plan_year }} của "
           "{{ front.unit }}. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, bộ phận kịp thời "
           f"báo cáo {{{{ front.unit }}}} (qua {{{{ {O}.coordinator }}}}) để xem xét, giải quyết./."),
]
TARGET = ("{% if e.target %}{{r e.target }}{% else %}khắc phục tồn tại, hạn chế, phấn đấu đạt điểm tối đa"
          "{% if e.max_points %} ({{ e.max_points }} điểm){% endif %}.{% endif %}")
LOST = "{% if e.lost %} (bị trừ {{ e.lost }} điểm){% endif %}"
SECTION_LOST = "{% if s.lost %} (bị trừ {{ s.lost }} điểm){% endif %}"


def lines(doc, spec) -> None:
    for style, text in spec:
        if text.startswith("{%p"):
            tag(doc, text)
        else:
            # the closing sentence ("… ./.") stays on the page of the signature, and a label ending in ':'
            # ("b) Nhiệm vụ, giải pháp:") on the page of the lines it introduces
            bare = re.sub(r"\{%-?\s*if\b.*?\{%-?\s*endif\s*-?%\}", "", text).rstrip()
            para(doc, text, style, keep_next=True if text.endswith("./.") or bare.endswith(":") else None)


def criterion_body(doc) -> None:
    lines(doc, [(BODY, text) for text in OPENING] + AIMS + [
        (MUC, "II. NHIỆM VỤ, GIẢI PHÁP KHẮC PHỤC"),
        (BODY, "{%p for s in sections %}"),
        (KHOAN, "{{ s.number }}. {{ s.title }}" + SECTION_LOST),
        (BODY, "{%p for e in s.entries %}"),
        (TIEU_MUC, "{{ e.number }}. {{ e.label }}" + LOST),
        (BODY, "{%p if e.reason %}"),
        (BODY, "Tồn tại, hạn chế: {{ e.reason }}"),
        (BODY, "{%p endif %}"),
        (BODY, "a) Mục tiêu, yêu cầu: " + TARGET),
        (BODY, "b) Nhiệm vụ, giải pháp:{% if not e.solutions %} ……{% endif %}"),
        (BODY, "{%p for line in e.solutions %}"),
        (BODY, "- {{r line }}"),
        (BODY, "{%p endfor %}"),
        (BODY, "c) Phân công trách nhiệm:"),
        (BODY, "- Chủ trì: {% if e.lead %}{{r e.lead }}.{% else %}……{% endif %}"),
        (BODY, "{%p if e.partners %}"),
        (BODY, "- Phối hợp: {{r e.partners }}."),
        (BODY, "{%p endif %}"),
        (BODY, "d) Thời gian thực hiện/hoàn thành: {% if e.deadline %}{{r e.deadline }}.{% else %}……{% endif %}"),
        (BODY, "{%p endfor %}"),
        (BODY, "{%p endfor %}"),
        (BODY, KEEP_GOOD),
    ] + ORGANISE)


def field_body(doc) -> None:
    lines(doc, [(BODY, text) for text in OPENING] + AIMS + [
        (MUC, "II. NỘI DUNG KHẮC PHỤC"),
        (BODY, "{%p for s in sections %}"),
        (KHOAN, "{{ s.number }}. {{ s.title }}" + SECTION_LOST),
        (TIEU_MUC, "{{ s.number }}.1. Nội dung và mục tiêu"),
        (BODY, "{%p for e in s.entries %}"),
        (BODY, "- {{ e.label }}" + LOST + ":"),
        (BODY, "{%p if e.reason %}"),
        (BODY, "+ Tồn tại, hạn chế: {{ e.reason }}"),
        (BODY, "{%p endif %}"),
        (BODY, "{%p if e.target %}"),
        (BODY, "+ Mục tiêu: {{r e.target }}"),
        (BODY, "{%p endif %}"),
        (BODY, "{%p for line in e.solutions %}"),
        (BODY, "+ {{r line }}"),
        (BODY, "{%p endfor %}"),
        (BODY, "{%p endfor %}"),
        (TIEU_MUC, "{{ s.number }}.2. Phân công trách nhiệm"),
        (BODY, "- Cơ quan chủ trì: {% if s.leads %}{{r s.leads }}.{% else %}……{% endif %}"),
        (BODY, "{%p if s.partners %}"),
        (BODY, "- Cơ quan phối hợp: {{r s.partners }}."),
        (BODY, "{%p endif %}"),
        (BODY, "- Thời gian thực hiện: {% if s.deadlines %}{{r s.deadlines }}.{% else %}……{% endif %}"),
        (BODY, "{%p endfor %}"),
        (BODY, KEEP_GOOD),
    ] + ORGANISE)


def lead_body(doc) -> None:
    lines(doc, [(BODY, text) for text in OPENING] + AIMS + [
        (MUC, "II. NHIỆM VỤ CỦA CÁC CƠ QUAN, BỘ PHẬN"),
        (BODY, "{%p for s in sections %}"),
        (KHOAN, "{{ s.number }}. {{r s.heading }}"),
        (BODY, "{%p for e in s.entries %}"),
        (TIEU_MUC, "{{ e.number }}. {{ e.label }}" + LOST),
        (BODY, "{%p if e.reason %}"),
        (BODY, "- Tồn tại, hạn chế: {{ e.reason }}"),
        (BODY, "{%p endif %}"),
        (BODY, "- Mục tiêu, yêu cầu: " + TARGET),
        (BODY, "- Nhiệm vụ, giải pháp:{% if not e.solutions %} ……{% endif %}"),
        (BODY, "{%p for line in e.solutions %}"),
        (BODY, "+ {{r line }}"),
        (BODY, "{%p endfor %}"),
        (BODY, "{%p if e.partners %}"),
        (BODY, "- Phối hợp: {{r e.partners }}."),
        (BODY, "{%p endif %}"),
        (BODY, "- Thời gian thực hiện/hoàn thành: {% if e.deadline %}{{r e.deadline }}.{% else %}……{% endif %}"),
        (BODY, "{%p endfor %}"),
        (BODY, "{%p endfor %}"),
        (BODY, KEEP_GOOD),
    ] + ORGANISE)


M = "plan.muc"


def tasks_body(doc) -> None:
    task = ("{{ t.label }} {{ t.title }}{% if t.product %}. Sản phẩm: {{ t.product }}{% endif %}. "
            "Chủ trì: {% if t.lead %}{{r t.lead }}{% else %}……{% endif %}"
            "{% if t.partners %}; phối hợp: {{r t.partners }}{% endif %}. "
            "Thời gian: {% if t.deadline %}{{r t.deadline }}.{% else %}……{% endif %}")
    subtask = ("- {{ u.title }}{% if u.product %} (sản phẩm: {{ u.product }}){% endif %}"
               "{% if u.lead %}; chủ trì: {{r u.lead }}{% endif %}{% if u.deadline %}; thời gian: {{r u.deadline }}"
               "{% endif %}.")
    lines(doc, [
        (BODY, "Để triển khai thực hiện hiệu quả công tác cải cách hành chính năm {{ front.plan_year }}, "
               "{{ front.unit }} ban hành Kế hoạch cải cách hành chính năm {{ front.plan_year }} như sau:"),
        (MUC, "I. MỤC ĐÍCH, YÊU CẦU"),
        (KHOAN, "1. Mục đích"),
        (BODY, "a) Triển khai đồng bộ, hiệu quả các nhiệm vụ cải cách hành chính năm {{ front.plan_year }}; nâng cao "
               "chất lượng, hiệu quả hoạt động của bộ máy hành chính và chất lượng phục vụ người dân, tổ chức."),
        (BODY, "b) Phấn đấu cải thiện, nâng cao Chỉ số cải cách hành chính và Chỉ số hài lòng của người dân, tổ chức "
               "đối với sự phục vụ của cơ quan hành chính nhà nước năm {{ front.plan_year }}."),
        (KHOAN, "2. Yêu cầu"),
        (BODY, "a) Xác định rõ nhiệm vụ, sản phẩm, thời hạn hoàn thành và trách nhiệm chủ trì, phối hợp của từng cơ "
               "quan, bộ phận."),
        (BODY, "b) Gắn kết quả thực hiện nhiệm vụ cải cách hành chính với đánh giá, xếp loại và bình xét thi đua, "
               "khen thưởng cán bộ, công chức."),
        (BODY, "{%p if plan.targets %}"),
        (MUC, f"{{{{ {M}.targets }}}}. CHỈ TIÊU CỤ THỂ"),
        (BODY, "{%p for g in plan.targets %}"),
        (BODY, "{{ g.label }} {{ g.title }}{% if g.target %}: {{ g.target }}{% endif %}"
               "{% if g.parts %}:{% else %}.{% endif %}"),
        (BODY, "{%p for u in g.parts %}"),
        (BODY, "- {{ u }}."),
        (BODY, "{%p endfor %}"),
        (BODY, "{%p endfor %}"),
        (BODY, "(Các chỉ tiêu cụ thể tại {{ plan.targets_ref }} kèm theo)"),
        (BODY, "{%p endif %}"),
        (MUC, f"{{{{ {M}.tasks }}}}. NHIỆM VỤ TRỌNG TÂM"),
        (BODY, "Năm {{ front.plan_year }}, tập trung thực hiện {{ plan.task_count }} nhiệm vụ trọng tâm sau (chi tiết "
               "tại {{ plan.appendix_ref }} kèm theo):"),
        (BODY, "{%p for s in sections %}"),
        (KHOAN, "{{ s.number }}. {{ s.title }}"),
        (BODY, "{%p for t in s.entries %}"),
        (BODY, task),
        (BODY, "{%p for u in t.subtasks %}"),
        (BODY, subtask),
        (BODY, "{%p endfor %}"),
        (BODY, "{%p endfor %}"),
        (BODY, "{%p endfor %}"),
        (MUC, f"{{{{ {M}.funding }}}}. KINH PHÍ THỰC HIỆN"),
        (BODY, "1. Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách hằng năm được cấp có thẩm quyền giao."),
        (BODY, "2. Nguồn kinh phí hợp pháp khác theo quy định của pháp luật (nếu có)."),
        (MUC, f"{{{{ {M}.organise }}}}. TỔ CHỨC THỰC HIỆN"),
        (BODY, f"1. {{{{ {O}.addressees }}}} căn cứ nội dung Kế hoạch này chủ động triển khai thực hiện các nhiệm vụ "
               "được giao, bảo đảm chất lượng, đúng tiến độ."),
        (BODY, f"{{%p for d in {O}.duties %}}"),
        (BODY, "{{ d.number }}. {% if d.outside %}Đề nghị {% endif %}{{r d.name }}{% if d.coordinator %} (đầu mối theo dõi "
           "việc thực hiện Kế hoạch){% endif %}:"),
        (BODY, "{%p if d.leads %}"),
        (BODY, "- Chủ trì thực hiện nhiệm vụ số {{ d.leads }} tại {{ plan.appendix_ref }}"
               f"{{% if d.outside %}}; thông tin kết quả thực hiện về {{{{ {O}.coordinator }}}} để tổng hợp"
               f"{{% elif not d.coordinator %}}; báo cáo kết quả thực hiện về {{{{ {O}.coordinator }}}} "
               f"{{{{ {O}.report_when }}}}{{% endif %}}."),
        (BODY, "{%p endif %}"),
        (BODY, "{%p if d.partners %}"),
        (BODY, "- Phối hợp thực hiện nhiệm vụ số {{ d.partners }}."),
        (BODY, "{%p endif %}"),
        (BODY, "{%p if d.outside %}"),
        (BODY, "- Tuyên truyền, vận động đoàn viên, hội viên và Nhân dân tham gia, giám sát việc thực hiện Kế hoạch."),
        (BODY, "{%p endif %}"),
        (BODY, "{%p if d.coordinator %}"),
        (BODY, "- Theo dõi, đôn đốc, tổng hợp kết quả thực hiện Kế hoạch; tham mưu {{ front.unit }} báo cáo "
               f"{{{{ {O}.report_to }}}} định kỳ hằng quý, 06 tháng và năm theo quy định."),
        (BODY, "{%p endif %}"),
        (BODY, "{%p endfor %}"),
        (BODY, f"{{%p if {O}.partners %}}"),
        (BODY, f"{{{{ {O}.next_number }}}}. {{{{r {O}.partners }}}}: phối hợp chặt chẽ với cơ quan, bộ phận chủ trì "
               "trong quá trình thực hiện các nhiệm vụ được phân công."),
        (BODY, "{%p endif %}"),
        (BODY, f"{{%p if {O}.asked %}}"),
        (BODY, f"{{{{ {O}.asked_number }}}}. Đề nghị {{{{r {O}.asked }}}} phối hợp thực hiện các nhiệm vụ có liên quan; "
               "tuyên truyền, vận động đoàn viên, hội viên và Nhân dân tham gia, giám sát việc thực hiện Kế hoạch."),
        (BODY, "{%p endif %}"),
        (BODY, "Trên đây là Kế hoạch cải cách hành chính năm {{ front.plan_year }} của {{ front.unit }}. Trong quá "
               "trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, bộ phận kịp thời báo cáo {{ front.unit }} "
               f"(qua {{{{ {O}.coordinator }}}}) để xem xét, giải quyết./."),
    ])


# -- the progress report ("BÁO CÁO Kết quả thực hiện Kế hoạch …", pyxl.plan.report_context) ----------

R = "report"
REPORT_BODY = [
    (BODY, f"Thực hiện {{{{ {R}.plan_ref }}}} về {{{{ {R}.plan_about }}}}, {{{{ front.unit }}}} báo cáo kết quả "
           f"thực hiện {{{{ {R}.period }}}} như sau:"),
    (MUC, "I. KẾT QUẢ THỰC HIỆN"),
    (KHOAN, "1. Công tác chỉ đạo, triển khai"),
    (BODY, f"Kế hoạch giao {{{{ {R}.office_count }}}} cơ quan, bộ phận chủ trì thực hiện {{{{ {R}.total }}}} "
           "nhiệm vụ, có thời gian hoàn thành và trách nhiệm của từng cơ quan, bộ phận."),
    (BODY, "Các văn bản chỉ đạo, đôn đốc, kiểm tra việc thực hiện Kế hoạch trong kỳ: ……"),
    (KHOAN, "2. Kết quả thực hiện các nhiệm vụ"),
    (BODY, f"Tính đến {{{{ {R}.as_of }}}}, trong tổng số {{{{ {R}.total }}}} nhiệm vụ của Kế hoạch: đã hoàn "
           f"thành {{{{ {R}.done }}}} nhiệm vụ (đạt {{{{ {R}.share }}}}); đang thực hiện {{{{ {R}.in_progress }}}} "
           f"nhiệm vụ; chưa thực hiện {{{{ {R}.not_started }}}} nhiệm vụ{{% if {R}.unknown %}}; chưa báo cáo kết "
           f"quả {{{{ {R}.unknown }}}} nhiệm vụ{{% endif %}}. Có {{{{ {R}.overdue }}}} nhiệm vụ đã quá thời hạn mà "
           "chưa hoàn thành. Kết quả cụ thể của từng nhiệm vụ tại Phụ lục kèm theo."),
    (BODY, f"{{%p for line in {R}.state_lines %}}"),
    (BODY, "{{ line }}"),
    (BODY, "{%p endfor %}"),
    (KHOAN, "3. Kết quả theo cơ quan, bộ phận chủ trì"),
    (BODY, f"{{%p for o in {R}.offices %}}"),
    (BODY, "- {{ o.name }}: {{ o.summary }}."),
    (BODY, "{%p endfor %}"),
    (MUC, "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"),
    (BODY, f"{{%p if {R}.late %}}"),
    (BODY, f"Còn {{{{ {R}.overdue }}}} nhiệm vụ chưa hoàn thành theo thời hạn của Kế hoạch:"),
    (BODY, f"{{%p for e in {R}.late %}}"),
    (BODY, "- {{ e.label }} (chủ trì: {{ e.lead }}; thời gian: {{ e.deadline }}): {{ e.shown_lower }}. "
           "Nguyên nhân: {{ e.why }}"),
    (BODY, "{%p endfor %}"),
    (BODY, "{%p else %}"),
    (BODY, "Không có nhiệm vụ nào quá thời hạn mà chưa hoàn thành."),
    (BODY, "{%p endif %}"),
    (BODY, "Tồn tại, hạn chế khác và nguyên nhân (nếu có): ……"),
    (MUC, f"III. NHIỆM VỤ TRỌNG TÂM {{{{ {R}.next_upper }}}}"),
    (BODY, f"{{%p for s in {R}.next_steps %}}"),
    (BODY, "{{ s.text }}"),
    (BODY, "{%p for line in s.lines %}"),
    (BODY, "- {{ line }}"),
    (BODY, "{%p endfor %}"),
    (BODY, "{%p endfor %}"),
    (MUC, "IV. ĐỀ XUẤT, KIẾN NGHỊ"),
    (BODY, "……"),
    (BODY, f"Trên đây là báo cáo kết quả {{{{ {R}.period }}}} thực hiện {{{{ {R}.plan_name }}}} của "
           "{{ front.unit }}./."),
]
REPORT_HEADERS = ["STT", "{{ a.headers.title }}", "Cơ quan chủ trì", "Thời gian thực hiện", "Kết quả thực hiện",
                  "Tình trạng", "Ghi chú"]
REPORT_FIELDS = ["code", "title", "lead", "deadline", "result", "state", "note"]


def report_document(title: str, subject: str):
    """ND 30 for a Báo cáo: header, BÁO CÁO and its trích yếu, Kính gửi (a report goes up), body, signature,
    then the results table as a landscape Phụ lục (its page numbers from 1)."""
    doc = new_document(title)
    header_block(doc)
    title_block(doc, subject, "BÁO CÁO")
    para(doc, f"Kính gửi: {{{{ {R}.addressee }}}}", BODY, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, indent=Cm(0),
         after=Pt(12))
    lines(doc, REPORT_BODY)
    signature_block(doc)
    body = doc.add_section(WD_SECTION.NEW_PAGE)
    _tiny(doc.paragraphs[-1])
    _landscape(body)
    center = dict(align=WD_ALIGN_PARAGRAPH.CENTER, indent=Cm(0), after=Pt(0))
    tag(doc, "{%p for a in appendices %}")
    para(doc, "{{ a.label }}", BODY, size=14, bold=True, keep_next=True, **center)
    para(doc, "{{ a.title }}", BODY, size=14, bold=True, keep_next=True, **center)
    para(doc, "(Kèm theo Báo cáo số {{ front.number }} {{ front.date }} của {{ front.unit }})", BODY,
         size=14, italic=True, keep_next=True, **center)
    rule(doc, Cm(4.0), Mm(247)).paragraph_format.space_after = Pt(12)
    data_table(doc, REPORT_HEADERS, REPORT_FIELDS, {"code"})
    tag(doc, "{%p endfor %}")
    return doc


TEMPLATES = {
    "ke_hoach_theo_tieu_chi.docx": ("Kế hoạch khắc phục theo tiêu chí", SUBJECT, criterion_body),
    "ke_hoach_theo_linh_vuc.docx": ("Kế hoạch khắc phục theo lĩnh vực", SUBJECT, field_body),
    "ke_hoach_theo_co_quan.docx": ("Kế hoạch khắc phục theo cơ quan chủ trì", SUBJECT, lead_body),
    "ke_hoach_cchc_nam.docx": ("Kế hoạch cải cách hành chính năm",
                               "Cải cách hành chính {{ front.locality }} năm {{ front.plan_year }}", tasks_body),
}
REPORTS = {
    "bao_cao_ket_qua.docx": ("Báo cáo kết quả thực hiện kế hoạch", "{{ report.subject }}"),
}


def build(name: str) -> bytes:
    """The bytes of one template."""
    if name in REPORTS:
        return _saved(report_document(*REPORTS[name]))
    title, subject, body = TEMPLATES[name]
    doc = new_document(title)
    header_block(doc)
    title_block(doc, subject)
    bases_block(doc)
    body(doc)
    signature_block(doc)
    appendices(doc)
    return _saved(doc)


def _saved(doc) -> bytes:
    # python-docx leaves an empty first paragraph before the header table; drop it.
    first = doc.paragraphs[0]
    if not first.text and first._p.getprevious() is None:
        first._p.getparent().remove(first._p)
    _trim_styles(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return deterministic_docx(buffer.getvalue())


_STYLE_REFERENCE = re.compile(r'<w:(?:pStyle|rStyle|tblStyle|numStyleLink|styleLink) w:val="([^"]*)"')
_STYLE_CHAINS = ("w:basedOn", "w:link", "w:next")
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def _trim_styles(doc) -> None:
    """Only the styles the template uses, with the styles they are based on, linked to or followed by and
    each type's default (python-docx's default template brings 160 styles: 353 KB of XML in every plan,
    read again by every PDF conversion); the latent styles stay, for Word's style gallery. The Word 2010
    copy of the styles (stylesWithEffects.xml, 438 KB, which Word does without) is dropped."""
    styles = doc.styles.element
    used = set()
    for part in doc.part.package.iter_parts():
        if part.content_type != CT.WML_STYLES and part.content_type.endswith("xml"):
            used.update(_STYLE_REFERENCE.findall(part.blob.decode("utf-8")))
    by_id = {style.get(qn("w:styleId")): style for style in styles.iterfind(qn("w:style"))}
    todo = [sid for sid, style in by_id.items() if style.get(qn("w:default")) in ("1", "true")] + sorted(used)
    kept = set()
    while todo:
        sid = todo.pop()
        if sid in kept or sid not in by_id:
            continue
        kept.add(sid)
        for name in _STYLE_CHAINS:
            link = by_id[sid].find(qn(name))
            if link is not None:
                todo.append(link.get(qn("w:val")))
    for sid, style in by_id.items():
        if sid not in kept:
            styles.remove(style)
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype == _STYLES_WITH_EFFECTS:
            doc.part.drop_rel(rid)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "pyxl" / "data" / "templates", help="folder to write the .docx files to")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name in [*TEMPLATES, *REPORTS]:
        (args.out / name).write_bytes(build(name))
        print(args.out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
