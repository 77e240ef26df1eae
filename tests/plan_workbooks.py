"""Workbooks the samples do not cover, written to disk for the plan tests.

- a district's PL1 (points lost, attached to a report) + PL2 (remediation tasks, STT running and the
  criterion typed in the title) + a Thông tin sheet with the decision, score and rank;
- a commune of the two-level government (2026) whose PL2 numbers its rows with the criteria's codes;
- workbooks whose tables do not belong together, one of them with many sheets.
"""
from __future__ import annotations

from pathlib import Path

import openpyxl

DISTRICT = "UBND huyện Đức Thọ"
# (code, title, max, appraised, reason)
DISTRICT_LOST = [
    ("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", 9, 7.75, None),
    ("1.2", "Mức độ hoàn thành kế hoạch cải cách hành chính năm", 2, 1.5, "Hoàn thành 85% kế hoạch"),
    ("1.5", "Công tác tuyên truyền cải cách hành chính", 1, 0.25, "Chưa có chuyên mục trên Trang thông tin điện tử"),
    ("3", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 13, 11.5, None),
    ("3.4.1", "Tỷ lệ hồ sơ giải quyết đúng hạn", 1.5, 0.5, "Đạt 92,3% hồ sơ đúng hạn"),
    ("3.6", "Mức độ hài lòng của người dân khi giải quyết thủ tục hành chính", 1, 0.5, "Điều tra xã hội học"),
    ("5", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", 10, 9, None),
    ("5.3.2", "Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn theo quy định", 1, 0, "Còn 04 công chức chưa đạt chuẩn"),
    ("7", "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", 12, 10.25, None),
    ("7.2.1", "Tỷ lệ văn bản đi được ký số", 1, 0.5, "Đạt 88%"),
    ("7.3", "Tỷ lệ hồ sơ trực tuyến toàn trình", 1.25, 0, "Đạt 12% (chỉ tiêu 30%)"),
]
# (running number, criterion as typed, task, lead, partners, deadline, product)
DISTRICT_TASKS = [
    (1, "1.2 Mức độ hoàn thành kế hoạch cải cách hành chính năm",
     "Rà soát tiến độ từng nhiệm vụ của Kế hoạch CCHC hằng tháng; đôn đốc các phòng chậm tiến độ",
     "Phòng Nội vụ", "Các cơ quan chuyên môn", "Hằng tháng", "Báo cáo tiến độ"),
    (2, "1.5 Công tác tuyên truyền cải cách hành chính",
     "Mở chuyên mục CCHC trên Trang thông tin điện tử huyện; tuyên truyền trên Đài truyền thanh",
     "Phòng Văn hóa và Thông tin", "Phòng Nội vụ", "Quý II/2024", "Chuyên mục CCHC"),
    (3, "3.4.1 Tỷ lệ hồ sơ giải quyết đúng hạn",
     "Theo dõi hồ sơ sắp đến hạn trên Hệ thống thông tin giải quyết TTHC; xin lỗi khi trễ hạn",
     "Văn phòng HĐND và UBND", "Phòng Nội vụ; UBND các xã, thị trấn", "Thường xuyên", None),
    (4, "5.3.2 Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn theo quy định",
     "Cử 04 công chức cấp xã đi đào tạo, bồi dưỡng chuẩn hóa", "Phòng Nội vụ", "UBND các xã, thị trấn",
     "Trước ngày 30/9/2024", "Quyết định cử đi học"),
    (5, "7.2.1 Tỷ lệ văn bản đi được ký số", "Ký số 100% văn bản đi (trừ văn bản mật)",
     "Văn phòng HĐND và UBND", "Các cơ quan chuyên môn", "Quý I/2024", None),
    (6, "7.3 Tỷ lệ hồ sơ trực tuyến toàn trình",
     "Hướng dẫn người dân nộp hồ sơ trực tuyến tại Bộ phận Một cửa; tổ công nghệ số cộng đồng hỗ trợ",
     "Văn phòng HĐND và UBND", "UBND các xã, thị trấn", "Trong năm 2024", None),
]
INFO = [
    ("Thông tin", "Giá trị"),
    ("Tên đơn vị ban hành", DISTRICT),
    ("Cơ quan chủ quản", "UBND tỉnh Hà Tĩnh"),
    ("Số, ký hiệu", "15/BC-UBND"),
    ("Quyết định công bố chỉ số", "235/QĐ-UBND"),
    ("Ngày quyết định", "25/01/2024"),
    ("Cơ quan ban hành quyết định", "UBND tỉnh Hà Tĩnh"),
    ("Điểm đạt được", "87,75"),
    ("Điểm tối đa", 100),
    ("Xếp hạng", 3),
    ("Tổng số đơn vị", 13),
    ("Người ký", "Nguyễn Văn Bình"),
]


def _sheet(wb, name: str, title: list[str], header: list[str], rows: list[tuple]) -> None:
    ws = wb.create_sheet(name)
    for line in title:
        ws.append([line])
    ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(list(row))


def district_two_sheets(path: Path, info: list[tuple] | None = None) -> Path:
    """PL1 điểm bị trừ (attached to a report, BC) + PL2 nhiệm vụ khắc phục + Thông tin, of a district for 2024."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "PL1 điểm bị trừ", [
        "PHỤ LỤC I", "CÁC TIÊU CHÍ BỊ TRỪ ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023 CỦA HUYỆN ĐỨC THỌ",
        "(Kèm theo Báo cáo số 15/BC-UBND ngày 10/01/2024 của UBND huyện Đức Thọ)",
    ], ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Điểm thẩm định", "Lý do trừ điểm"],
        [row for row in DISTRICT_LOST])
    _sheet(wb, "PL2 nhiệm vụ", [
        "PHỤ LỤC II", "NHIỆM VỤ KHẮC PHỤC CÁC TIÊU CHÍ BỊ TRỪ ĐIỂM NĂM 2023, THỰC HIỆN NĂM 2024",
    ], ["STT", "Tiêu chí", "Nhiệm vụ, giải pháp khắc phục", "Cơ quan chủ trì", "Cơ quan phối hợp",
        "Thời gian hoàn thành", "Sản phẩm"], DISTRICT_TASKS)
    ws = wb.create_sheet("Thông tin")
    for row in info if info is not None else INFO:
        ws.append(list(row))
    wb.save(path)
    return path


# A commune of the two-level local government: its 2025 index, planned in 2026.
COMMUNE = "UBND xã Tân Lập"
COMMUNE_LOST = [
    ("1.3", "Kiểm tra công tác cải cách hành chính", 1, 0.5, "Chưa kiểm tra đủ 100% bộ phận"),
    ("2.1", "Ban hành văn bản quy phạm pháp luật đúng quy trình", 1.5, 1, "01 văn bản ban hành chậm"),
    ("3.2", "Tỷ lệ hồ sơ số hóa kết quả giải quyết", 2, 1.25, "Đạt 75%"),
    ("8.1", "Chỉ số hài lòng về sự phục vụ hành chính", 3, 2, "Chấm qua điều tra xã hội học"),
]
COMMUNE_TASKS = [
    ("1.3", "Kiểm tra 100% bộ phận, công chức về CCHC", "Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND",
     "Quý III/2026"),
    ("2.1", "Lập lịch xây dựng văn bản QPPL ngay từ đầu năm", "Văn phòng HĐND và UBND", None, "Quý I/2026"),
    ("3.2", "Số hóa 100% kết quả giải quyết TTHC", "Trung tâm Phục vụ hành chính công", "Phòng Kinh tế",
     "Thường xuyên"),
]


def new_commune_two_sheets(path: Path) -> Path:
    """PL1 + PL2 of a new commune (2026), the task rows numbered with the criteria's codes, no Thông tin."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "PL1", ["ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "PHỤ LỤC 1",
                       "CÁC NỘI DUNG BỊ TRỪ ĐIỂM CHỈ SỐ CCHC NĂM 2025"],
           ["STT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định", "Ghi chú"], COMMUNE_LOST)
    _sheet(wb, "PL2", ["PHỤ LỤC 2", "NHIỆM VỤ KHẮC PHỤC NĂM 2026"],
           ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"], COMMUNE_TASKS)
    wb.save(path)
    return path


COMMUNE_NAMES = [f"{a} {b}" for a in ("An", "Bình", "Hòa", "Tân", "Phú")
                 for b in ("Lợi", "Thạnh", "Hưng", "Phước", "Mỹ", "Đông", "Tây", "Nam")]


def unrelated(path: Path, sheets: int = 2) -> Path:
    """Score tables of different communes, one per sheet (a district's book, not one plan); at most 40."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for n in range(sheets):
        _sheet(wb, f"Xã {n + 1:03d}", [f"ỦY BAN NHÂN DÂN XÃ {COMMUNE_NAMES[n].upper()}",
                                       "CÁC TIÊU CHÍ BỊ TRỪ ĐIỂM NĂM 2024"],
               ["STT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định"],
               [("1.1", "Kế hoạch cải cách hành chính", 2, 1.5), ("2.1", "Tuyên truyền", 1, 0.5)])
    wb.save(path)
    return path
