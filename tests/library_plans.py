"""Deduction tables with no remediation column, as provinces send them back, for the plan-with-library tests.

Three units of the three owner levels, each worded its own way (titles are not the library's keys):
- a commune before 7/2025: max / appraised points and a Ghi chú holding a scoring note or nothing;
- a commune of the two-level government (plan year 2026): only the points lost, with a Nguyên nhân;
- a district: max, self-assessed and appraised points, a reason for some rows only.
"""
from __future__ import annotations

from pathlib import Path

import openpyxl

COMMUNE_OLD_ROWS = [  # (code, title, max, appraised, note)
    ("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", 9, 7.5, None),
    ("1.3", "Thực hiện chế độ báo cáo CCHC định kỳ", 1, 0.5, None),
    ("1.5", "Công tác tuyên truyền về cải cách hành chính", 1, 0.5, "Chưa tuyên truyền trên loa truyền thanh xã"),
    ("1.6", "Có sáng kiến, giải pháp mới trong CCHC được công nhận", 1, 0.5, None),
    ("3", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 13, 12, None),
    ("3.4.1", "Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn", 1.5, 1, "Đạt 95% hồ sơ đúng hạn"),
    ("3.6", "Công khai đầy đủ, kịp thời thủ tục hành chính tại Bộ phận Một cửa", 1, 0.5, None),
    ("5", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", 8, 7.5, None),
    ("5.2", "Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn theo quy định", 1, 0.5, None),
    ("7", "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", 10, 8.75, None),
    ("7.2", "Tỷ lệ văn bản đi của UBND xã được ký số", 1, 0.5, None),
    ("7.4", "Tỷ lệ hồ sơ TTHC được xử lý trực tuyến toàn trình", 1, 0.25, None),
    ("8", "TÁC ĐỘNG CỦA CẢI CÁCH HÀNH CHÍNH ĐẾN NGƯỜI DÂN, TỔ CHỨC", 10, 9.5, None),
    ("8.1", "Mức độ hài lòng của người dân đối với sự phục vụ của cơ quan hành chính", 2, 1.5,
     "Điều tra xã hội học"),
]
COMMUNE_NEW_ROWS = [  # (code, title, lost, reason)
    ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", None, None),
    ("1", "Ban hành kế hoạch CCHC năm đúng thời hạn, đầy đủ nội dung", 0.5, "Kế hoạch ban hành chậm"),
    ("2", "Kiểm tra tình hình thực hiện CCHC tại các phòng chuyên môn", 0.25, None),
    ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", None, None),
    ("3", "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC", 0.5, "Số hóa đạt 60%"),
    ("4", "Tỷ lệ TTHC có phát sinh thanh toán trực tuyến", 0.75, None),
    ("5", "Tiếp nhận, trả kết quả qua dịch vụ bưu chính công ích", 0.25, None),
    ("III", "CHÍNH QUYỀN SỐ", None, None),
    ("6", "Tỷ lệ hồ sơ công việc được lập và xử lý trên môi trường mạng", 0.5, None),
    ("7", "Cập nhật thông tin trên Trang thông tin điện tử của xã", 0.25, "Chưa cập nhật thường xuyên"),
]
DISTRICT_ROWS = [  # (code, title, max, self, appraised, reason)
    ("2", "CẢI CÁCH THỂ CHẾ", 7, 7, 6, None),
    ("2.1", "Ban hành văn bản quy phạm pháp luật thuộc thẩm quyền", 1, 1, 0.5, None),
    ("2.3", "Kiểm tra, rà soát văn bản QPPL", 2, 2, 1.5, "Chưa xử lý văn bản sau rà soát"),
    ("4", "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH", 5, 5, 4, None),
    ("4.2", "Thực hiện quy định về quản lý, sử dụng biên chế được giao", 1, 1, 0, "Vượt 02 biên chế"),
    ("6", "CẢI CÁCH TÀI CHÍNH CÔNG", 8, 8, 6.5, None),
    ("6.1", "Tỷ lệ giải ngân vốn đầu tư công", 2, 2, 1, None),
    ("6.3", "Thực hiện công khai ngân sách theo quy định", 1, 1, 0.5, None),
    ("7", "CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", 12, 12, 10.5, None),
    ("7.1", "Duy trì áp dụng hệ thống quản lý chất lượng theo TCVN ISO 9001:2015", 1, 1, 0.5, None),
    ("7.5", "Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ", 1, 1, 0, None),
]


def _write(path: Path, title: list[str], header: list[str], rows: list[tuple]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "PHỤ LỤC"
    for line in title:
        ws.append([line])
    ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def commune_old(path: Path) -> Path:
    """UBND xã Hòa An, points of 2023, plan for 2024."""
    return _write(path, ["ỦY BAN NHÂN DÂN XÃ HÒA AN", "PHỤ LỤC",
                         "CÁC TIÊU CHÍ, TIÊU CHÍ THÀNH PHẦN BỊ TRỪ ĐIỂM CHỈ SỐ CCHC NĂM 2023"],
                  ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Điểm thẩm định", "Ghi chú"],
                  COMMUNE_OLD_ROWS)


def commune_new(path: Path) -> Path:
    """UBND xã Tân Lập (two-level government), points lost in 2025, plan for 2026."""
    return _write(path, ["ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "DANH MỤC NỘI DUNG BỊ TRỪ ĐIỂM CHỈ SỐ CCHC NĂM 2025"],
                  ["STT", "Nội dung", "Điểm bị trừ", "Nguyên nhân"], COMMUNE_NEW_ROWS)


def district(path: Path) -> Path:
    """UBND huyện Minh Long, points of 2023, plan for 2024."""
    return _write(path, ["UBND HUYỆN MINH LONG", "KẾT QUẢ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023"],
                  ["TT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định", "Ghi chú"],
                  DISTRICT_ROWS)
