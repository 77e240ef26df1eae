"""Build samples/district_2025.xlsx: one PHỤ LỤC sheet per commune, a Danh sách and a Thông tin sheet.

    python scripts/build_district_sample.py           # write samples/district_2025.xlsx
    python scripts/build_district_sample.py --check   # exit 1 when the committed file differs from a fresh build

Post-2025 communes (two-level local government) and their offices: Văn phòng HĐND và UBND, Phòng
Kinh tế, Phòng Văn hóa - Xã hội, Trung tâm Phục vụ hành chính công. Each sheet is typed the way some
commune types it: five layouts (one- and two-row headers, codes inside titles, roman lĩnh vực rows,
decimal commas and negative lost points as text, dates as dates), and a few defects a district meets:
a text in a score cell, a sheet with no table, a score table without its 'Điểm chuẩn' column, a lĩnh
vực whose lost points do not add up. The Danh sách lists one commune that has no sheet and misses one
that has. A fixed random seed and a fixed document date make the bytes the same on every build.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import xlsxwriter

OUT = Path(__file__).resolve().parent.parent / "samples" / "district_2025.xlsx"
SEED = 2025
BUILT_AT = datetime(2026, 1, 15, 8, 0, 0)
EVAL_YEAR, PLAN_YEAR = 2025, 2026

# (code, title, max points, sub-criteria) per lĩnh vực; the lĩnh vực rows carry the lĩnh vực maximum.
CRITERIA = {
    "1": ("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", 9, [
        ("1.1", "Kế hoạch cải cách hành chính năm", 2, [
            ("1.1.1", "Ban hành kế hoạch CCHC năm đúng thời hạn", 0.5),
            ("1.1.2", "Mức độ hoàn thành kế hoạch CCHC", 1.5)]),
        ("1.2", "Thực hiện chế độ báo cáo CCHC định kỳ", 1, []),
        ("1.3", "Công tác tuyên truyền cải cách hành chính", 1.5, []),
        ("1.4", "Kiểm tra công tác CCHC tại các thôn, tổ dân phố", 1.5, []),
    ]),
    "2": ("CẢI CÁCH THỂ CHẾ", 7, [
        ("2.1", "Ban hành văn bản quy phạm pháp luật theo thẩm quyền", 2, []),
        ("2.2", "Rà soát, hệ thống hóa văn bản quy phạm pháp luật", 1.5, []),
        ("2.3", "Tổ chức thực hiện và kiểm tra việc thực hiện văn bản", 1.5, []),
    ]),
    "3": ("CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 14, [
        ("3.1", "Công khai thủ tục hành chính", 2, [
            ("3.1.1", "Niêm yết TTHC tại Trung tâm Phục vụ hành chính công", 1),
            ("3.1.2", "Công khai TTHC trên Cổng Dịch vụ công", 1)]),
        ("3.2", "Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn", 3, []),
        ("3.3", "Tiếp nhận, xử lý phản ánh, kiến nghị của người dân, tổ chức", 1, []),
        ("3.4", "Số hóa hồ sơ, kết quả giải quyết TTHC", 2, []),
    ]),
    "4": ("CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH", 6, [
        ("4.1", "Sắp xếp tổ chức bộ máy theo quy định", 2, []),
        ("4.2", "Thực hiện quy định về quản lý biên chế", 1.5, []),
    ]),
    "5": ("CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", 10, [
        ("5.1", "Bố trí công chức theo vị trí việc làm", 2, []),
        ("5.2", "Đánh giá, xếp loại công chức", 1.5, []),
        ("5.3", "Đào tạo, bồi dưỡng cán bộ, công chức", 1.5, []),
        ("5.4", "Kỷ luật, kỷ cương hành chính", 2, []),
    ]),
    "6": ("CẢI CÁCH TÀI CHÍNH CÔNG", 6, [
        ("6.1", "Thực hiện dự toán ngân sách được giao", 2, []),
        ("6.2", "Công khai ngân sách theo quy định", 1, []),
        ("6.3", "Thực hành tiết kiệm, chống lãng phí", 1, []),
    ]),
    "7": ("XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", 12, [
        ("7.1", "Sử dụng hệ thống quản lý văn bản và điều hành", 2, []),
        ("7.2", "Tỷ lệ hồ sơ TTHC được xử lý trực tuyến toàn trình", 2.5, []),
        ("7.3", "Tỷ lệ thanh toán trực tuyến phí, lệ phí", 1.5, []),
        ("7.4", "Duy trì, áp dụng hệ thống quản lý chất lượng ISO 9001", 1, []),
    ]),
    "8": ("TÁC ĐỘNG CỦA CẢI CÁCH HÀNH CHÍNH ĐẾN NGƯỜI DÂN, TỔ CHỨC", 8, [
        ("8.1", "Mức độ hài lòng của người dân, tổ chức", 3, []),
        ("8.2", "Thu hút đầu tư, phát triển kinh tế - xã hội", 2, []),
    ]),
}
ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV", "5": "V", "6": "VI", "7": "VII", "8": "VIII"}
SOLUTIONS = {
    "1": "Ban hành kế hoạch đúng thời hạn; phân công rõ người, rõ việc, rõ thời gian hoàn thành",
    "2": "Rà soát văn bản định kỳ; lấy ý kiến Văn phòng HĐND và UBND trước khi trình ban hành",
    "3": "Cập nhật, niêm yết đầy đủ TTHC; theo dõi hồ sơ trên hệ thống, không để trễ hạn",
    "4": "Rà soát chức năng, nhiệm vụ các phòng; bố trí biên chế đúng số lượng được giao",
    "5": "Xây dựng kế hoạch đào tạo, bồi dưỡng; đánh giá công chức theo kết quả công việc",
    "6": "Công khai dự toán, quyết toán đúng thời hạn; thực hiện tiết kiệm chi thường xuyên",
    "7": "Hướng dẫn người dân nộp hồ sơ trực tuyến; 100% văn bản được ký số và gửi qua hệ thống",
    "8": "Tổ chức đối thoại với người dân; khảo sát sự hài lòng tại Trung tâm Phục vụ hành chính công",
}
LEADS = {
    "1": "Văn phòng HĐND và UBND", "2": "Văn phòng HĐND và UBND", "3": "Trung tâm Phục vụ hành chính công",
    "4": "Phòng Văn hóa - Xã hội", "5": "Phòng Văn hóa - Xã hội", "6": "Phòng Kinh tế",
    "7": "Văn phòng HĐND và UBND", "8": "Trung tâm Phục vụ hành chính công",
}
PARTNERS = ["Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Các phòng chuyên môn, đơn vị thuộc UBND xã",
            "Trung tâm Phục vụ hành chính công", "Văn phòng HĐND và UBND, các thôn, tổ dân phố"]
DEADLINES = [f"Quý I/{PLAN_YEAR}", f"6 tháng đầu năm {PLAN_YEAR}", f"Trong năm {PLAN_YEAR}", "Thường xuyên",
             f"Trước ngày 30/6/{PLAN_YEAR}", "Định kỳ hàng quý", f"Quý III/{PLAN_YEAR}"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Hữu", "Thanh", "Quốc", "Ngọc"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hòa", "Hùng", "Lan", "Long", "Mai", "Nam", "Phúc", "Quang",
         "Sơn", "Thảo", "Trung", "Tuấn", "Vinh", "Yến"]


@dataclass(frozen=True)
class Commune:
    sheet: str  # sheet name as the district typed it
    name: str  # the name in the Danh sách ("UBND xã …")
    layout: str
    defect: str = ""
    listed: bool = True
    has_sheet: bool = True


COMMUNES = [
    Commune("Tân Lập", "UBND xã Tân Lập", "A"),
    Commune("Hoà Bình", "UBND xã Hòa Bình", "B"),  # old tone placement on the sheet, new in the list
    Commune("An Phú", "UBND phường An Phú", "C"),
    Commune("Đồng Tâm", "UBND xã Đồng Tâm", "D"),
    Commune("Quảng Phú", "UBND xã Quảng Phú", "E"),
    Commune("Thanh Sơn", "UBND xã Thanh Sơn", "A"),
    Commune("Phú Lộc", "UBND xã Phú Lộc", "B"),
    Commune("Vĩnh Hòa", "UBND xã Vĩnh Hòa", "C"),
    Commune("Phường Bình Minh", "UBND phường Bình Minh", "D"),
    Commune("Hưng Thịnh", "UBND xã Hưng Thịnh", "E"),
    Commune("Trung Sơn", "UBND xã Trung Sơn", "A"),
    Commune("Kim Long", "UBND xã Kim Long", "B", defect="text score"),
    Commune("Hải Ninh", "UBND xã Hải Ninh", "C", listed=False),
    Commune("Ngọc Lâm", "UBND phường Ngọc Lâm", "D"),
    Commune("Xuân Phong", "UBND xã Xuân Phong", "E", defect="subtotal"),
    Commune("Hương Sơn", "UBND xã Hương Sơn", "A"),
    Commune("Lạc Long", "UBND xã Lạc Long", "B"),
    Commune("Nam Phước", "UBND xã Nam Phước", "C"),
    Commune("Phước Hải", "UBND phường Phước Hải", "D"),
    Commune("Tiến Thành", "UBND xã Tiến Thành", "E"),
    Commune("Yên Hòa", "UBND phường Yên Hòa", "A"),
    Commune("Thạch Bàn", "UBND xã Thạch Bàn", "A", defect="no table"),
    Commune("Minh Khai", "UBND xã Minh Khai", "A", defect="no max column"),
    Commune("Đại Đồng", "UBND xã Đại Đồng", "A", has_sheet=False),  # listed, no sheet sent yet
]


@dataclass
class Row:
    code: str
    title: str
    max_points: float
    appraised: float | str
    lost: float
    kind: str  # field · criterion · sub
    field: str
    solution: str = ""
    lead: str = ""
    partners: str = ""
    deadline: str = ""


def commune_rows(rng: random.Random, defect: str) -> list[Row]:
    """The lĩnh vực, tiêu chí and tiêu chí thành phần one commune lost points on."""
    rows: list[Row] = []
    for field in sorted(rng.sample(sorted(CRITERIA), rng.randint(4, 7))):
        title, field_max, criteria = CRITERIA[field]
        chosen = sorted(rng.sample(criteria, rng.randint(1, min(3, len(criteria)))))
        block: list[Row] = []
        for code, name, top, subs in chosen:
            if subs:
                parts = [s for s in subs if rng.random() < 0.7] or subs[:1]
                sub_rows = [_leaf(rng, field, c, n, m, "sub") for c, n, m in parts]
                lost = sum(r.lost for r in sub_rows)
                block.append(Row(code, name, top, round(top - lost, 2), lost, "criterion", field))
                block += sub_rows
            else:
                block.append(_leaf(rng, field, code, name, top, "criterion"))
        lost = round(sum(r.lost for r in block if r.kind == "criterion"), 2)
        if defect == "subtotal" and not rows:
            lost = round(lost - 0.25, 2)  # the lĩnh vực row says less than its tiêu chí add up to
        rows.append(Row(field, title, field_max, round(field_max - lost, 2), lost, "field", field))
        rows += block
    if defect == "text score":
        leaf = next(r for r in rows if r.kind != "field")
        leaf.appraised = "chưa chấm"
    return rows


def _leaf(rng: random.Random, field: str, code: str, name: str, top: float, kind: str) -> Row:
    steps = int(top / 0.25)
    lost = 0.25 * rng.randint(1, steps)
    return Row(
        code, name, top, round(top - lost, 2), lost, kind, field,
        solution=SOLUTIONS[field] if rng.random() > 0.08 else "",
        lead=LEADS[field] if rng.random() > 0.1 else "",
        partners=rng.choice(PARTNERS) if rng.random() > 0.15 else "",
        deadline=rng.choice(DEADLINES) if rng.random() > 0.1 else "",
    )


def vn(number: float) -> str:
    """A number typed with a decimal comma: 0.75 → '0,75'."""
    text = f"{number:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


class Formats:
    def __init__(self, wb: xlsxwriter.Workbook) -> None:
        base = {"font_name": "Times New Roman", "font_size": 12, "valign": "vcenter", "text_wrap": True}
        self.title = wb.add_format({**base, "bold": True, "align": "center"})
        self.italic = wb.add_format({**base, "italic": True, "align": "center"})
        self.head = wb.add_format({**base, "bold": True, "align": "center", "border": 1})
        self.cell = wb.add_format({**base, "border": 1})
        self.bold = wb.add_format({**base, "border": 1, "bold": True})
        self.number = wb.add_format({**base, "border": 1, "align": "center", "num_format": "0.00"})
        self.bold_number = wb.add_format({**base, "border": 1, "bold": True, "align": "center", "num_format": "0.00"})
        self.date = wb.add_format({**base, "border": 1, "num_format": "dd/mm/yyyy", "align": "center"})
        self.plain = wb.add_format(base)


def titles(ws, f: Formats, commune: Commune, width: int, with_attachment: bool) -> int:
    unit = commune.name.removeprefix("UBND ")
    lines = [("ỦY BAN NHÂN DÂN", f.title), (unit.upper(), f.title), ("PHỤ LỤC", f.title),
             (f"CÁC TIÊU CHÍ BỊ MẤT ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {EVAL_YEAR} VÀ GIẢI PHÁP KHẮC PHỤC NĂM "
              f"{PLAN_YEAR}", f.title)]
    if with_attachment:
        lines.append((f"(Kèm theo Kế hoạch số      /KH-UBND ngày     /     /{PLAN_YEAR} của {commune.name})", f.italic))
    for r, (text, fmt) in enumerate(lines):
        ws.merge_range(r, 0, r, width - 1, text, fmt)
    return len(lines) + 1


def layout_a(ws, f: Formats, commune: Commune, rows: list[Row], rng: random.Random) -> None:
    """One header row, the province's template wording; figures as numbers."""
    header = ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm thẩm định", "Điểm bị mất",
              "Giải pháp khắc phục", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]
    if commune.defect == "no max column":
        header = ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tự chấm", "Điểm thẩm định", "Ghi chú",
                  "Giải pháp khắc phục", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]
    r = titles(ws, f, commune, len(header), True)
    ws.write_row(r, 0, header, f.head)
    for row in rows:
        r += 1
        bold = row.kind == "field"
        ws.write(r, 0, row.code, f.bold if bold else f.cell)
        ws.write(r, 1, row.title, f.bold if bold else f.cell)
        ws.write(r, 2, row.max_points, f.bold_number if bold else f.number)
        ws.write(r, 3, row.appraised, f.bold_number if bold else f.number)
        ws.write(r, 4, row.lost, f.bold_number if bold else f.number)
        ws.write_row(r, 5, [row.solution, row.lead, row.partners, row.deadline], f.cell)
    ws.set_column(0, 0, 7)
    ws.set_column(1, 1, 45)
    ws.set_column(2, 4, 10)
    ws.set_column(5, 8, 25)


def layout_b(ws, f: Formats, commune: Commune, rows: list[Row], rng: random.Random) -> None:
    """Two header rows: 'Điểm' and 'Trách nhiệm' merged over their sub-columns."""
    r = titles(ws, f, commune, 9, False)
    for c, text in ((0, "STT"), (1, "Nội dung"), (5, "Nhiệm vụ, giải pháp"), (8, "Thời gian hoàn thành")):
        ws.merge_range(r, c, r + 1, c, text, f.head)
    ws.merge_range(r, 2, r, 4, "Điểm", f.head)
    ws.write_row(r + 1, 2, ["Điểm tối đa", "Điểm thẩm định", "Điểm bị trừ"], f.head)
    ws.merge_range(r, 6, r, 7, "Trách nhiệm", f.head)
    ws.write_row(r + 1, 6, ["Chủ trì", "Phối hợp"], f.head)
    r += 1
    for row in rows:
        r += 1
        bold = row.kind == "field"
        ws.write_row(r, 0, [row.code, row.title], f.bold if bold else f.cell)
        ws.write_row(r, 2, [row.max_points, row.appraised, row.lost], f.bold_number if bold else f.number)
        ws.write_row(r, 5, [row.solution, row.lead, row.partners, row.deadline], f.cell)
    ws.set_column(1, 1, 45)
    ws.set_column(5, 8, 24)


def layout_c(ws, f: Formats, commune: Commune, rows: list[Row], rng: random.Random) -> None:
    """No STT column (codes typed inside the title), decimal commas and negative lost points as text."""
    header = ["Tiêu chí", "Thang điểm", "Điểm đạt", "Điểm trừ", "Biện pháp khắc phục", "Đơn vị chủ trì",
              "Đơn vị phối hợp", "Thời hạn"]
    r = titles(ws, f, commune, len(header), True)
    ws.write_row(r, 0, header, f.head)
    for row in rows:
        r += 1
        bold = row.kind == "field"
        fmt = f.bold if bold else f.cell
        ws.write_string(r, 0, f"{row.code}. {row.title}", fmt)
        ws.write_number(r, 1, row.max_points, f.bold_number if bold else f.number)
        appraised = row.appraised if isinstance(row.appraised, str) else vn(row.appraised)
        ws.write_string(r, 2, appraised, fmt)
        ws.write_string(r, 3, "-" + vn(row.lost), fmt)
        ws.write_row(r, 4, [row.solution, row.lead, row.partners, row.deadline], f.cell)
    ws.set_column(0, 0, 50)
    ws.set_column(4, 7, 24)


def layout_d(ws, f: Formats, commune: Commune, rows: list[Row], rng: random.Random) -> None:
    """Roman lĩnh vực rows, codes restarting under each, a column-number row, reasons for the lost points."""
    header = ["TT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Điểm bị mất",
              "Lý do trừ điểm", "Giải pháp", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]
    r = titles(ws, f, commune, len(header), False)
    ws.write_row(r, 0, header, f.head)
    r += 1
    ws.write_row(r, 0, [f"({i})" for i in range(1, len(header) + 1)], f.head)
    for row in rows:
        r += 1
        bold = row.kind == "field"
        code = ROMAN[row.code] if bold else row.code.split(".", 1)[1]
        ws.write_row(r, 0, [code, row.title], f.bold if bold else f.cell)
        numbers = f.bold_number if bold else f.number
        self_points = row.max_points if bold else round(min(row.max_points, float(row.max_points) - row.lost / 2), 2)
        ws.write_row(r, 2, [row.max_points, self_points, row.appraised, row.lost], numbers)
        reason = "" if bold else rng.choice(["Chưa đầy đủ tài liệu kiểm chứng", "Thực hiện chưa đúng thời hạn",
                                             "Chưa đạt tỷ lệ theo quy định"])
        ws.write_row(r, 6, [reason, row.solution, row.lead, row.partners, row.deadline], f.cell)
    ws.set_column(1, 1, 42)
    ws.set_column(6, 10, 22)


def layout_e(ws, f: Formats, commune: Commune, rows: list[Row], rng: random.Random) -> None:
    """A 'Mục tiêu' column, deadlines typed as dates, lost points as formulas, and a 'Tổng cộng' row."""
    header = ["STT", "Tên tiêu chí", "Điểm chuẩn", "Điểm thẩm định", "Điểm bị mất", "Mục tiêu", "Giải pháp",
              "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]
    r = titles(ws, f, commune, len(header), True)
    ws.write_row(r, 0, header, f.head)
    field_rows = []
    for row in rows:
        r += 1
        bold = row.kind == "field"
        ws.write_row(r, 0, [row.code, row.title], f.bold if bold else f.cell)
        ws.write_row(r, 2, [row.max_points, row.appraised], f.bold_number if bold else f.number)
        ws.write_formula(r, 4, f"=C{r + 1}-D{r + 1}", f.bold_number if bold else f.number, row.lost)
        target = "" if bold else "Không để mất điểm ở nội dung này"
        ws.write_row(r, 5, [target, row.solution, row.lead, row.partners], f.cell)
        if row.deadline and rng.random() < 0.5:
            due = rng.choice([date(PLAN_YEAR, 3, 31), date(PLAN_YEAR, 6, 30), date(PLAN_YEAR, 9, 30)])
            ws.write_datetime(r, 9, datetime.combine(due, datetime.min.time()), f.date)
        else:
            ws.write(r, 9, row.deadline, f.cell)
        if bold:
            field_rows.append((r, row.lost))
    r += 1
    ws.write(r, 1, "Tổng cộng", f.bold)
    total = round(sum(lost for _, lost in field_rows), 2)
    ws.write_formula(r, 4, "=" + "+".join(f"E{fr + 1}" for fr, _ in field_rows), f.bold_number, total)
    ws.set_column(1, 1, 42)
    ws.set_column(5, 9, 22)


LAYOUTS = {"A": layout_a, "B": layout_b, "C": layout_c, "D": layout_d, "E": layout_e}


def no_table(ws, f: Formats, commune: Commune) -> None:
    ws.write(0, 0, "ỦY BAN NHÂN DÂN " + commune.name.removeprefix("UBND ").upper(), f.plain)
    ws.write(2, 0, "Đơn vị đang tổng hợp số liệu, sẽ gửi bảng PHỤ LỤC sau.", f.plain)
    ws.write(3, 0, "Người tổng hợp: công chức Văn phòng HĐND và UBND", f.plain)


def info_sheet(wb: xlsxwriter.Workbook, f: Formats) -> None:
    ws = wb.add_worksheet("Thông tin")
    rows = [
        ("Thông tin", "Giá trị"),
        ("Năm đánh giá", EVAL_YEAR),
        ("Năm thực hiện", PLAN_YEAR),
        ("Căn cứ", f"Căn cứ Luật Tổ chức chính quyền địa phương năm {EVAL_YEAR}"),
        ("", f"Căn cứ Kế hoạch cải cách hành chính năm {PLAN_YEAR} của UBND tỉnh"),
        ("", f"Căn cứ kết quả xác định Chỉ số cải cách hành chính năm {EVAL_YEAR} của UBND tỉnh"),
        ("Nơi nhận", "UBND tỉnh (b/c)"),
        ("", "Sở Nội vụ (b/c)"),
        ("", "Thường trực Đảng ủy, HĐND xã"),
        ("", "Các phòng, đơn vị thuộc UBND xã"),
        ("", "Lưu: VT"),
    ]
    for r, (key, value) in enumerate(rows):
        ws.write(r, 0, key, f.head if r == 0 else f.plain)
        ws.write(r, 1, value, f.head if r == 0 else f.plain)
    ws.set_column(0, 0, 20)
    ws.set_column(1, 1, 80)


def roster_sheet(wb: xlsxwriter.Workbook, f: Formats, rng: random.Random, communes: list[Commune]) -> None:
    ws = wb.add_worksheet("Danh sách")
    ws.merge_range(0, 0, 0, 6, f"DANH SÁCH ĐƠN VỊ LẬP KẾ HOẠCH KHẮC PHỤC CHỈ SỐ CCHC NĂM {EVAL_YEAR}", f.title)
    header = ["STT", "Tên đơn vị", "Người ký", "Chức vụ", "Quyền hạn ký", "Số văn bản", "Ngày"]
    ws.write_row(2, 0, header, f.head)
    r = 2
    for n, commune in enumerate((c for c in communes if c.listed), start=1):
        r += 1
        signer = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        deputy = rng.random() < 0.3
        issued = date(PLAN_YEAR, rng.randint(1, 3), rng.randint(1, 28))
        ws.write_number(r, 0, n, f.cell)
        ws.write_row(r, 1, [commune.name, signer, "Phó Chủ tịch" if deputy else "Chủ tịch", "KT." if deputy else "TM.",
                            f"{rng.randint(2, 60)}/KH-UBND"], f.cell)
        if n % 4 == 0:
            ws.write_string(r, 6, f"{issued:%d/%m/%Y}", f.cell)  # typed as text, as some officers do
        else:
            ws.write_datetime(r, 6, datetime.combine(issued, datetime.min.time()), f.date)
    ws.set_column(1, 2, 26)
    ws.set_column(3, 6, 14)


SYLLABLES = ["An", "Bình", "Đông", "Hòa", "Hưng", "Kim", "Long", "Minh", "Nam", "Phú", "Phước", "Quảng", "Sơn",
             "Tân", "Thạch", "Thanh", "Thịnh", "Tiến", "Trung", "Vĩnh", "Xuân", "Yên"]


def synthetic_communes(count: int) -> list[Commune]:
    """count communes with made-up distinct names, cycling the five layouts (for benchmarks and load tests)."""
    communes = []
    for n in range(count):
        first, second = SYLLABLES[n % len(SYLLABLES)], SYLLABLES[(n // len(SYLLABLES) + n + 1) % len(SYLLABLES)]
        name = f"{first} {second} {n + 1}"
        communes.append(Commune(name, f"UBND xã {name}", "ABCDE"[n % 5]))
    return communes


def build(path: Path, communes: list[Commune] | None = None) -> Path:
    """Write the district workbook (the sample's communes unless others are given) to path."""
    communes = COMMUNES if communes is None else communes
    rng = random.Random(SEED)
    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"title": f"Bảng PHỤ LỤC các xã, phường năm {EVAL_YEAR}", "author": "parbook samples",
                       "created": BUILT_AT})
    f = Formats(wb)
    for commune in communes:
        if not commune.has_sheet:
            continue
        ws = wb.add_worksheet(commune.sheet)
        ws.set_landscape()
        ws.fit_to_pages(1, 0)
        if commune.defect == "no table":
            no_table(ws, f, commune)
            continue
        LAYOUTS[commune.layout](ws, f, commune, commune_rows(rng, commune.defect), rng)
    info_sheet(wb, f)
    roster_sheet(wb, f, rng, communes)
    wb.close()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare the committed file with a fresh build")
    args = parser.parse_args(argv)
    if not args.check:
        build(OUT)
        print(f"wrote {OUT}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        fresh = build(Path(tmp) / OUT.name).read_bytes()
    same = OUT.is_file() and OUT.read_bytes() == fresh
    print(f"{OUT.name}: {'identical to a fresh build' if same else 'DIFFERS from a fresh build'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
