"""Plans being followed up through the year: every status wording officers type, as workbooks on disk."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

TITLE = [
    "ỦY BAN NHÂN DÂN XÃ TÂN LẬP",
    "PHỤ LỤC",
    "CÁC TIÊU CHÍ BỊ TRỪ ĐIỂM CHỈ SỐ CCHC NĂM 2024 VÀ GIẢI PHÁP KHẮC PHỤC NĂM 2025",
    "(Kèm theo Kế hoạch số 12/KH-UBND ngày 05 tháng 3 năm 2025 của UBND xã Tân Lập)",
]
HEADER = ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm thẩm định", "Điểm bị mất",
          "Giải pháp", "Cơ quan chủ trì", "Thời gian thực hiện", "Kết quả thực hiện", "Ngày hoàn thành", "Ghi chú"]
VP, VH, KT = "Văn phòng HĐND và UBND", "Phòng Văn hóa - Xã hội", "Phòng Kinh tế"
# code, title, max, appraised, lead, deadline, status, completed, note — and what each means:
# (state, due) with due as ISO text or None
ROWS = [
    ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 10, 8.75, None, None, None, None, None),
    ("1.1", "Ban hành kế hoạch CCHC năm", 2, 1.5, VP, "Quý I/2025", "Đã hoàn thành", None, None),
    ("1.2", "Báo cáo CCHC định kỳ", 2, 1.75, VP, "Quý II/2025", "Hoàn thành ngày 15/5/2025", None, None),
    ("1.3", "Tuyên truyền CCHC", 2, 1.5, VH, "trước ngày 30/4/2025", "Đang thực hiện", None,
     "Chờ kinh phí in tài liệu"),
    ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 12, 10, None, None, None, None, None),
    ("2.1", "Công khai TTHC đầy đủ", 2, 1.5, VP, "Quý III/2025", "80%", None, None),
    ("2.2", "Số hoá hồ sơ TTHC", 2, 1, KT, "6 tháng đầu năm 2025", "Chưa thực hiện", None, "Chưa bố trí được cán bộ"),
    ("2.3", "Xin lỗi khi giải quyết trễ hẹn", 1, 0.5, VP, "Quý I/2025", "x", None, None),
    ("III", "CẢI CÁCH TỔ CHỨC BỘ MÁY", 8, 6.5, None, None, None, None, None),
    ("3.1", "Rà soát vị trí việc làm", 2, 1.5, VH, "Tháng 7/2025", None, None, None),
    ("3.2", "Kiện toàn Tổ công tác CCHC", 2, 1.75, VP, "Đã hoàn thành", None, None, None),
    ("3.3", "Đánh giá cán bộ theo sản phẩm", 2, 1.5, VH, "Quý IV/2025", None, dt.date(2025, 6, 20), None),
    ("3.4", "Kiểm tra công vụ", 2, 1.75, VP, "Thường xuyên", "Đang triển khai", None, None),
    ("IV", "XÂY DỰNG CHÍNH QUYỀN SỐ", 10, 8.5, None, None, None, None, None),
    ("4.1", "Sử dụng chữ ký số", 2, 1.5, KT, "Quý I/2025", "Chưa hoàn thành", None, "Thiếu thiết bị ký số"),
    ("4.2", "Hồ sơ công việc điện tử", 2, 1.5, KT, "Quý II/2025", "100%", None, None),
    ("4.3", "Cập nhật Cổng thông tin", 2, 1.5, VH, "Quý II/2025", None, None, "Đã hoàn thành, có báo cáo"),
]
EXPECTED = {  # code → state
    "1.1": "done", "1.2": "done", "1.3": "in_progress", "2.1": "in_progress", "2.2": "not_started", "2.3": "done",
    "3.1": "unknown", "3.2": "done", "3.3": "done", "3.4": "in_progress", "4.1": "in_progress", "4.2": "done",
    "4.3": "done",
}
DUES = {
    "1.1": "2025-03-31", "1.2": "2025-06-30", "1.3": "2025-04-30", "2.1": "2025-09-30", "2.2": "2025-06-30",
    "2.3": "2025-03-31", "3.1": "2025-07-31", "3.2": None, "3.3": "2025-12-31", "3.4": "2025-12-31",
    "4.1": "2025-03-31", "4.2": "2025-06-30", "4.3": "2025-06-30",
}
INFO = [
    ("Tên đơn vị ban hành", "UBND xã Tân Lập"),
    ("Cơ quan chủ quản", "UBND huyện Ba Vì"),
    ("Địa danh", "Tân Lập"),
    ("Số, ký hiệu", "12/KH-UBND"),
    ("Ngày ban hành", "05/3/2025"),
    ("Quyền hạn ký", "KT."),
    ("Chức vụ người ký", "Phó Chủ tịch"),
    ("Người ký", "Nguyễn Văn An"),
]


def progress_xlsx(path: Path, header: list[str] | None = None, rows: list[tuple] | None = None,
                  info: bool = True, sheet: str = "PHỤ LỤC") -> Path:
    """A scores table followed up mid-year: a status column with every wording, a completion-date column."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for line in TITLE:
        ws.append([line])
    ws.append(header or HEADER)
    for code, title, top, got, lead, deadline, status, completed, note in rows or ROWS:
        ws.append([code, title, top, got, None, None if code.isalpha() else "Thực hiện đúng quy định", lead,
                   deadline, status, completed, note])
    if info:
        sheet_info = wb.create_sheet("Thông tin")
        for key, value in INFO:
            sheet_info.append([key, value])
    wb.save(path)
    return path


def one_column_xlsx(path: Path, header: str, values: list[object],
                    deadline: str | None = "Thời gian thực hiện") -> Path:
    """A task table with one status-or-deadline column headed `header` (and a deadline column unless None)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Nhiệm vụ"
    ws.append(["KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH XÃ AN PHÚ NĂM 2025"])
    head = ["STT", "Nội dung công việc", "Cơ quan chủ trì"] + ([deadline] if deadline else []) + [header]
    ws.append(head)
    for i, value in enumerate(values, start=1):
        ws.append([i, f"Nhiệm vụ số {i}", "Văn phòng HĐND và UBND"] + (["Quý II/2025"] if deadline else []) + [value])
    wb.save(path)
    return path


def district_progress_xlsx(path: Path, communes: dict[str, list[str | None]]) -> Path:
    """One sheet per commune, the same four tasks each (due Quý I–IV/2025), with the statuses given."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, statuses in communes.items():
        ws = wb.create_sheet(name)
        ws.append([f"ỦY BAN NHÂN DÂN XÃ {name.upper()}"])
        ws.append(["CÁC TIÊU CHÍ BỊ TRỪ ĐIỂM CHỈ SỐ CCHC NĂM 2024 VÀ GIẢI PHÁP KHẮC PHỤC NĂM 2025"])
        ws.append(HEADER)
        for k, status in enumerate(statuses, start=1):
            quarter = "IV" if k == 4 else "I" * k
            ws.append([f"1.{k}", f"Tiêu chí số {k}", 2, 1.5, None, "Thực hiện đúng quy định", VP, f"Quý {quarter}/2025",
                       status, None, None])
    wb.save(path)
    return path


TICK_ROWS = [  # STT, task, deadline, the three tick cells, note → the state expected
    (1, "Ban hành kế hoạch", "Quý I/2025", "x", None, None, None, "done"),
    (2, "Tuyên truyền", "Quý I/2025", None, "x", None, "Chờ kinh phí", "in_progress"),
    (3, "Kiểm tra công vụ", "Quý II/2025", None, None, "X", None, "not_started"),
    (4, "Số hoá hồ sơ", "Quý II/2025", "15/5/2025", None, None, None, "done"),
    (5, "Chữ ký số", "Quý III/2025", None, "70%", None, None, "in_progress"),
    (6, "Hồ sơ điện tử", "Quý IV/2025", None, None, None, None, "unknown"),
]


def ticks_xlsx(path: Path, merged: bool = True) -> Path:
    """'Kết quả thực hiện' over three sub-columns Hoàn thành | Đang thực hiện | Chưa thực hiện, ticked with x.

    merged=False leaves the header cells unmerged, as a CSV or a web export gives them."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Theo dõi"
    ws.append(["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện", "Kết quả thực hiện", None, None,
               "Ghi chú"])
    ws.append([None, None, None, None, "Hoàn thành", "Đang thực hiện", "Chưa thực hiện", None])
    if merged:
        ws.merge_cells("E1:G1")
        for column in "ABCDH":
            ws.merge_cells(f"{column}1:{column}2")
    for number, task, deadline, done, doing, not_yet, note, _ in TICK_ROWS:
        ws.append([number, task, VP, deadline, done, doing, not_yet, note])
    wb.save(path)
    return path
