"""The CCHC ribbon tab: its buttons, the customUI14 XML and adding that part to a workbook package.

Each button runs a VBA callback in the PAR module, which calls one function of `pyxl.excel.macros`.
The part is added to the finished package as the very last build step: XlsxWriter cannot write it,
and openpyxl drops the ribbon relationship whenever it saves.
"""
from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

CUSTOMUI_NS = "http://schemas.microsoft.com/office/2009/07/customui"
CUSTOMUI_PART = "customUI/customUI14.xml"
UI_EXTENSIBILITY = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
RIBBON_REL_ID = "rIdParbookRibbon"


@dataclass(frozen=True)
class Button:
    """One ribbon button: what it shows and which VBA sub / Python macro it runs."""

    id: str
    group: str  # group label
    label: str
    image: str  # a built-in Office icon (imageMso)
    sub: str  # VBA callback in the PAR module
    macro: str  # function of pyxl.excel.macros
    tip: str  # supertip shown on hover


BUTTONS: tuple[Button, ...] = (
    Button("parCheck", "Kiểm tra", "Kiểm tra bảng", "ReviewAcceptChange", "ParCheck", "check_sheet",
           "Kiểm tra điểm, giải pháp, cơ quan chủ trì và thời hạn; ghi kết quả vào cột "
           "«Kiểm tra (parbook)», tô màu ô có vấn đề và lập trang kết quả có liên kết tới từng ô."),
    Button("parFillLost", "Kiểm tra", "Tính điểm bị mất", "AutoSum", "ParFillLost", "fill_lost",
           "Điền cột Điểm bị mất ở những ô còn trống; đánh dấu ô ghi khác với "
           "Điểm chuẩn − Điểm thẩm định."),
    Button("parSuggest", "Kiểm tra", "Gợi ý giải pháp", "ReviewNewComment", "ParSuggest", "suggest_solutions",
           "Ghi giải pháp, cơ quan chủ trì và thời gian theo thư viện Giải pháp mẫu vào những ô còn trống của các "
           "mục bị mất điểm; ô được tô xanh nhạt và có ghi chú tên mẫu, ô đã có nội dung giữ nguyên."),
    Button("parClear", "Kiểm tra", "Xoá đánh dấu", "ClearFormats", "ParClear", "clear_marks",
           "Xoá mọi đánh dấu, màu, gợi ý chưa sửa và trang kết quả do parbook tạo ra; số liệu đã nhập giữ nguyên."),
    Button("parPlan", "Kế hoạch", "Tạo kế hoạch", "CreateReport", "ParPlan", "make_plan",
           "Tạo kế hoạch khắc phục (tệp Word) cho trang đang mở, rồi mở tệp đó."),
    Button("parProgress", "Kế hoạch", "Theo dõi tiến độ", "DateAndTimeInsert", "ParProgress", "track_progress",
           "Ghi cột «Theo dõi (parbook)» bên phải bảng: Đã xong, Còn hạn, Sắp đến hạn (trong 30 ngày), Quá hạn, theo "
           "cột Kết quả thực hiện (hoặc Tình hình thực hiện, Ngày hoàn thành) và thời gian thực hiện của từng mục."),
    Button("parReport", "Kế hoạch", "Báo cáo kết quả", "ChartInsert", "ParReport", "make_report",
           "Viết Báo cáo kết quả thực hiện kế hoạch (tệp Word) của trang đang mở, theo kỳ của ngày hôm nay (quý, "
           "6 tháng, 9 tháng, năm), từ cột Kết quả thực hiện; rồi mở tệp đó."),
    Button("parMerge", "Kế hoạch", "Trộn kế hoạch các xã", "MailMergeStartLetters", "ParMerge", "merge_plans",
           "Tạo kế hoạch cho từng trang của các xã; tiến độ hiện ở thanh trạng thái."),
    Button("parSummary", "Các xã", "Tổng hợp", "PivotTableInsert", "ParSummary", "summary",
           "Lập trang tổng hợp điểm bị mất và việc cần làm của các xã."),
    Button("parAddCommune", "Các xã", "Thêm xã", "TableInsert", "ParAddCommune", "add_commune",
           "Thêm một trang mới cho một xã theo mẫu PHỤ LỤC."),
    Button("parHelp", "Trợ giúp", "Hướng dẫn", "Help", "ParHelp", "show_help",
           "Mở trang Hướng dẫn sử dụng."),
)

_GROUP_IDS = {"Kiểm tra": "parGroupCheck", "Kế hoạch": "parGroupPlan", "Các xã": "parGroupCommunes",
              "Trợ giúp": "parGroupHelp"}


def customui_xml(buttons: tuple[Button, ...] = BUTTONS) -> str:
    """The customUI14 document: one tab "CCHC" after Home, buttons grouped in order of first use."""
    groups: dict[str, list[Button]] = {}
    for button in buttons:
        groups.setdefault(button.group, []).append(button)
    lines = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        f'<customUI xmlns="{CUSTOMUI_NS}">',
        "  <ribbon>",
        "    <tabs>",
        '      <tab id="parbookTab" label="CCHC" insertAfterMso="TabHome">',
    ]
    for group, members in groups.items():
        lines.append(f"        <group id={quoteattr(_GROUP_IDS[group])} label={quoteattr(group)}>")
        for b in members:
            lines.append(
                f"          <button id={quoteattr(b.id)} label={quoteattr(b.label)} size=\"large\""
                f" imageMso={quoteattr(b.image)} onAction={quoteattr(b.sub)}"
                f" screentip={quoteattr(b.label)} supertip={quoteattr(b.tip)}/>"
            )
        lines.append("        </group>")
    lines += ["      </tab>", "    </tabs>", "  </ribbon>", "</customUI>", ""]
    return "\n".join(lines)


def _with_ribbon_relationship(rels_xml: str) -> str:
    relationship = (
        f'<Relationship Id="{RIBBON_REL_ID}" Type="{UI_EXTENSIBILITY}" Target="{escape(CUSTOMUI_PART)}"/>'
    )
    if "</Relationships>" not in rels_xml:
        raise ValueError("_rels/.rels has no </Relationships> end tag")
    return rels_xml.replace("</Relationships>", relationship + "</Relationships>")


def add_ribbon(parts: dict[str, bytes], xml: str) -> None:
    """Add the customUI part to a workbook package's parts and link it from _rels/.rels."""
    if CUSTOMUI_PART in parts:
        raise ValueError(f"{CUSTOMUI_PART} is already in the package")
    # The part needs no [Content_Types] override as long as the package maps .xml to application/xml.
    if b'<Default Extension="xml" ContentType="application/xml"/>' not in parts["[Content_Types].xml"]:
        raise ValueError("[Content_Types].xml has no Default for .xml; the ribbon part would have no type")
    parts["_rels/.rels"] = _with_ribbon_relationship(parts["_rels/.rels"].decode("utf-8")).encode("utf-8")
    parts[CUSTOMUI_PART] = xml.encode("utf-8")
