"""Varied officers' workbooks written to disk for tests: layouts the seeds do not show."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import xlsxwriter

PROVINCE_TITLE = [
    "UBND TỈNH HÀ TĨNH",
    "ỦY BAN NHÂN DÂN XÃ THẠCH KIM",
    "PHỤ LỤC",
    "TỔNG HỢP CÁC TIÊU CHÍ BỊ TRỪ ĐIỂM CHỈ SỐ CCHC NĂM 2023 VÀ GIẢI PHÁP KHẮC PHỤC NĂM 2024",
    "(Kèm theo Kế hoạch số 12/KH-UBND ngày 05 tháng 3 năm 2024)",
    "",
]


def roman_groups_xlsx(path: Path) -> Path:
    """Another province's layout: roman groups with figures, codes restarting under each group,
    'Thang điểm'/'Điểm đạt'/'Điểm trừ' columns in another order, a column-number row, a lead cell merged
    down over two items, real Excel dates as deadlines, formulas with cached values, a 'TỔNG CỘNG' row."""
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Bieu 02")
    bold = wb.add_format({"bold": True})
    datefmt = wb.add_format({"num_format": "dd/mm/yyyy"})
    for r, line in enumerate(PROVINCE_TITLE):
        ws.write(r, 0, line)
    header = ["TT", "Nội dung tiêu chí", "Thang điểm", "Điểm tự đánh giá", "Điểm đạt", "Điểm trừ",
              "Lý do trừ điểm", "Biện pháp khắc phục", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn hoàn thành"]
    ws.write_row(6, 0, header, bold)
    ws.write_row(7, 0, [f"({i})" for i in range(1, 12)])
    rows = [
        ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 10, 9.5, 8.5, None, None, None, None, None, None),
        ("1", "Kế hoạch CCHC", 4, 4, 3.5, None, "Ban hành chậm", "Ban hành kế hoạch đúng hạn",
         "Văn phòng HĐND và UBND", "Phòng Văn hóa - Xã hội", dt.date(2024, 1, 31)),
        ("2", "Tuyên truyền CCHC", 3, 2.5, 2, None, "Chưa đa dạng hình thức", "Đa dạng hóa hình thức",
         None, "Trung tâm Phục vụ hành chính công", "Quý II/2024"),
        ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 12, 11, 10, None, None, None, None, None, None),
        ("1", "Công khai TTHC", 4, 4, 3, None, "Niêm yết chưa đủ", "Niêm yết đầy đủ",
         "Trung tâm Phục vụ hành chính công", None, "6 tháng đầu năm"),
        ("1.1", "Công khai trên Cổng DVC", 2, 2, 1, None, "Chưa cập nhật", "Cập nhật kịp thời",
         "Văn phòng HĐND và UBND", "Phòng Kinh tế", "Thường xuyên"),
        ("2", "Giải quyết hồ sơ đúng hạn", 8, 7, "85%", None, None, "Không để trễ hạn",
         "Trung tâm Phục vụ hành chính công", "Các phòng chuyên môn", "Kịp thời"),
    ]
    r = 8
    for row in rows:
        fmt = bold if row[0] in ("I", "II") else None
        for c, value in enumerate(row):
            if c == 5:
                continue
            if isinstance(value, dt.date):
                ws.write_datetime(r, c, dt.datetime.combine(value, dt.time()), datefmt)
            elif value is not None:
                ws.write(r, c, value, fmt)
        if isinstance(row[2], (int, float)) and isinstance(row[4], (int, float)):
            ws.write_formula(r, 5, f"=C{r + 1}-E{r + 1}", fmt, row[2] - row[4])
        r += 1
    # The lead of "Tuyên truyền CCHC" is merged into the cell of the item above it.
    ws.merge_range(9, 8, 10, 8, "Văn phòng HĐND và UBND")
    ws.write(r, 1, "TỔNG CỘNG", bold)
    ws.write_formula(r, 5, f"=F9+F12", bold, 3.5)
    ws.write(r + 2, 7, "TM. ỦY BAN NHÂN DÂN")
    ws.write(r + 3, 7, "CHỦ TỊCH")
    wb.close()
    return path


def uncalculated_xlsx(path: Path) -> Path:
    """A table whose lost-points column holds formulas saved without values (written by a program)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "PHỤ LỤC"
    ws.append(["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm thẩm định", "Điểm bị mất",
               "Giải pháp", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"])
    ws.append(["1.1", "Kế hoạch CCHC", 2, 1.5, "=C2-D2", "Ban hành đúng hạn", "Văn phòng", "Tư pháp", "Quý I"])
    ws.append(["1.2", "Báo cáo CCHC", 1, 0.5, "=C3-D3", "Báo cáo đúng hạn", "Văn phòng", "Tư pháp", "Quý II"])
    wb.save(path)
    return path


def tasks_without_codes_csv(path: Path) -> Path:
    """A task list kept as CSV (UTF-8 with BOM, semicolons), no STT column, one multi-line cell."""
    lines = [
        "Nhiệm vụ;Cơ quan chủ trì;Cơ quan phối hợp;Thời gian thực hiện",
        "Ban hành kế hoạch CCHC năm;Văn phòng HĐND-UBND;Các ban ngành liên quan;Tháng 1",
        '"Báo cáo CCHC định kỳ\n(quý, 6 tháng, năm)";VP HĐND&UBND;;Định kỳ hàng quý, 06 tháng, năm',
        "Cập nhật cơ sở dữ liệu CBCC;;Phòng Văn hóa - Xã hội;",
    ]
    path.write_bytes("\ufeff".encode() + "\r\n".join(lines).encode("utf-8"))
    return path
