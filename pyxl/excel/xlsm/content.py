"""What the workbook's sheets say: Vietnamese texts, keys and lists officers see and may edit."""
from __future__ import annotations

from pyxl.core.library import HEADERS as LIBRARY_HEADERS, LIBRARY_SHEET
from pyxl.excel.xlsm.ribbon import BUTTONS

# Must equal the xlwings pin in setup.cfg: xlwings.bas names the DLL of its own version, so the
# workbook only runs with that exact xlwings installed on the officer's PC (the help sheet says so).
PINNED_XLWINGS = "0.37.8"

SHEET_HELP = "Hướng dẫn"
SHEET_INFO = "Thông tin"
SHEET_TABLE = "PHỤ LỤC"
SHEET_LISTS = "Danh mục"
SHEET_LIBRARY = LIBRARY_SHEET
SHEET_CONFIG = "xlwings.conf"  # xlwings reads its settings from a sheet of exactly this name
SHEET_NAMES = (SHEET_HELP, SHEET_INFO, SHEET_TABLE, SHEET_LISTS, SHEET_LIBRARY, SHEET_CONFIG)  # in tab order

TITLE_LINES = (
    "PHỤ LỤC",
    "KẾ HOẠCH KHẮC PHỤC TỒN TẠI, HẠN CHẾ … CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM …",
    "(Kèm theo Kế hoạch số …)",
)

# The PHỤ LỤC table columns, in order (the last one is parbook's flags column).
COL_CODE = "STT"
COL_TITLE = "Lĩnh vực/Tiêu chí/Tiêu chí thành phần"
COL_MAX = "Điểm chuẩn"
COL_APPRAISED = "Điểm thẩm định"
COL_LOST = "Điểm bị mất"
COL_SOLUTION = "Giải pháp"
COL_LEAD = "Cơ quan chủ trì"
COL_PARTNERS = "Cơ quan phối hợp"
COL_DEADLINE = "Thời gian thực hiện"
COL_NOTE = "Ghi chú"
COL_FLAGS = "Kiểm tra (parbook)"
TABLE_COLUMNS = (COL_CODE, COL_TITLE, COL_MAX, COL_APPRAISED, COL_LOST, COL_SOLUTION, COL_LEAD,
                 COL_PARTNERS, COL_DEADLINE, COL_NOTE, COL_FLAGS)

# Thông tin: the plan's front matter, one key per row (column A), value in column B, hint in C.
INFO_HEADER = ("Mục", "Nội dung", "Ghi chú")
INFO_FIELDS = (
    ("Cơ quan chủ quản", "VD: UBND TỈNH …"),
    ("Tên đơn vị ban hành", "VD: UBND XÃ …"),
    ("Địa danh", "Dùng ở dòng «…, ngày … tháng … năm …»"),
    ("Số, ký hiệu", "VD: 25/KH-UBND"),
    ("Ngày ban hành", "Ngày/tháng/năm, VD: 15/03/2025"),
    ("Năm đánh giá", "Năm của Chỉ số CCHC được đánh giá, VD: 2024"),
    ("Năm thực hiện", "Năm thực hiện kế hoạch, VD: 2025"),
    ("Quyết định công bố chỉ số", "Số quyết định công bố Chỉ số CCHC, VD: 235/QĐ-UBND"),
    ("Ngày quyết định", "Ngày/tháng/năm của quyết định, VD: 25/01/2025"),
    ("Cơ quan ban hành quyết định", "VD: UBND tỉnh …"),
    ("Kế hoạch cấp trên", "VD: Kế hoạch số …/KH-UBND ngày … của UBND tỉnh …"),
    ("Điểm đạt được", "Tổng điểm đơn vị đạt, VD: 87,75"),
    ("Điểm tối đa", "Để trống nếu là 100"),
    ("Điểm bị trừ", "Để trống để parbook tự cộng từ bảng"),
    ("Xếp hạng", "VD: 3 hoặc 03/13"),
    ("Tổng số đơn vị", "Số đơn vị được xếp hạng, VD: 13"),
    ("Kết quả, xếp hạng", "Câu ghi kết quả tự viết (nếu muốn), VD: đạt 82,55 điểm, xếp thứ 10/25"),
    ("Căn cứ", "Mỗi căn cứ một dòng (Alt+Enter để xuống dòng trong ô)"),
    ("Quyền hạn ký", "TM. / KT. / Q."),
    ("Chức vụ người ký", "VD: CHỦ TỊCH, PHÓ CHỦ TỊCH"),
    ("Người ký", "Họ và tên người ký"),
    ("Nơi nhận", "Mỗi nơi nhận một dòng (Alt+Enter để xuống dòng trong ô); để trống để dùng mặc định theo cấp"),
    ("Đầu mối theo dõi", "Để trống: công chức Văn phòng - Thống kê (xã), Phòng Nội vụ (huyện)…"),
    ("Báo cáo về", "Để trống: Phòng Nội vụ (xã trước 7/2025), Sở Nội vụ…"),
    ("Thời hạn báo cáo", "Để trống: định kỳ hằng quý, trước ngày 10 của tháng cuối quý"),
)
SIGNING_AUTHORITIES = ("TM.", "KT.", "Q.")
MULTILINE_INFO_KEYS = ("Căn cứ", "Nơi nhận")

LISTS_HEADER = ("Cơ quan, đơn vị", "Thời gian thực hiện")
DEADLINE_PHRASES = (
    "Quý I",
    "Quý II",
    "Quý III",
    "Quý IV",
    "6 tháng đầu năm",
    "Trong năm …",
    "Cả năm",
    "Thường xuyên",
    "Định kỳ hàng quý, 6 tháng, năm",
)
# Giải pháp mẫu: the unit's own additions to the remediation library (pyxl/data/giai_phap_mau.csv).
LIBRARY_NOTE = (
    "Giải pháp mẫu của đơn vị. parbook có sẵn một thư viện gợi ý mục tiêu, nhiệm vụ, cơ quan chủ trì và thời gian "
    "cho từng tiêu chí (nút «Gợi ý giải pháp», lệnh «parbook suggest»); sheet này bổ sung hoặc sửa thư viện đó cho "
    "riêng đơn vị. Mỗi dòng một mẫu. Dòng có Mã trùng với một mẫu có sẵn (ví dụ tthc-dung-han) chỉ thay những ô được "
    "điền. Dòng có Mã mới là một mẫu mới, cần cột «Từ khóa nhận biết»: mỗi dòng một cụm từ có trong tên tiêu chí, dấu "
    "+ nối các phần có thể đứng cách nhau (ví dụ «hồ sơ + đúng hạn»); không cần dấu, không phân biệt hoa thường. Viết "
    "{năm}, {năm trước}, {năm sau} để parbook điền năm kế hoạch. Cơ quan cách nhau bằng dấu chấm phẩy. Ghi «Không» ở "
    "cột «Dùng» để tắt một mẫu; hai dòng ví dụ dưới đây đang tắt."
)
_XA_CU, _XA_MOI = "Công chức Văn phòng - Thống kê", "Phòng Văn hóa - Xã hội"
LIBRARY_EXAMPLES = (
    {"Mã": "rieng-dan-chu-co-so", "Lĩnh vực": "Công tác chỉ đạo, điều hành cải cách hành chính",
     "Chủ đề": "Thực hiện dân chủ ở cơ sở", "Từ khóa nhận biết": "dân chủ ở cơ sở\ndân chủ cơ sở",
     "Mục tiêu": "100% nội dung phải công khai, lấy ý kiến Nhân dân trong năm {năm} được thực hiện đúng hình thức, thời hạn",
     "Nhiệm vụ, giải pháp": "- Lập danh mục nội dung phải công khai, lấy ý kiến Nhân dân trong năm {năm}\n"
                            "- Niêm yết tại trụ sở, nhà văn hóa thôn và thông báo trên loa truyền thanh\n"
                            "- Tổng hợp, trả lời ý kiến của Nhân dân và báo cáo kết quả cuối năm",
     "Chủ trì (xã, trước 7/2025)": _XA_CU, "Chủ trì (xã, từ 7/2025)": "Văn phòng HĐND và UBND",
     "Chủ trì (huyện)": "Văn phòng HĐND và UBND", "Thời gian": "Thường xuyên", "Dùng": "Không"},
    {"Mã": "rieng-tham-nhung", "Lĩnh vực": "Cải cách chế độ công vụ",
     "Chủ đề": "Phòng, chống tham nhũng, tiêu cực trong thực thi công vụ",
     "Từ khóa nhận biết": "tham nhũng\ntiêu cực + công vụ",
     "Mục tiêu": "Không để xảy ra hành vi tham nhũng, tiêu cực, nhũng nhiễu trong giải quyết công việc của người dân",
     "Nhiệm vụ, giải pháp": "- Ban hành kế hoạch phòng, chống tham nhũng năm {năm}\n"
                            "- Công khai đường dây nóng tại nơi tiếp nhận hồ sơ; xử lý ngay phản ánh về nhũng nhiễu",
     "Chủ trì (xã, trước 7/2025)": _XA_CU, "Chủ trì (xã, từ 7/2025)": _XA_MOI, "Chủ trì (huyện)": "Thanh tra huyện",
     "Thời gian": "Quý I/{năm}", "Dùng": "Không"},
)

# Used only while pyxl.core.agencies (the agency catalogue) is absent: the usual commune offices, both
# before and after the 2025 reorganisation into two-level local government.
FALLBACK_AGENCIES = (
    "UBND xã",
    "Văn phòng HĐND và UBND xã",
    "Phòng Kinh tế",
    "Phòng Văn hóa - Xã hội",
    "Trung tâm Phục vụ hành chính công xã",
    "Bộ phận Tiếp nhận và Trả kết quả",
    "Công chức Văn phòng - Thống kê",
    "Công chức Tư pháp - Hộ tịch",
    "Công chức Địa chính - Xây dựng",
    "Công chức Tài chính - Kế toán",
    "Công chức Văn hóa - Xã hội",
    "Ban Chỉ huy Quân sự xã",
    "Công an xã",
    "Ủy ban MTTQ Việt Nam xã",
    "Các ban, ngành, đoàn thể xã",
    "Các thôn, tổ dân phố",
)

# xlwings.conf rows: only keys with values, since an empty value would still override the user's
# own xlwings configuration (e.g. the interpreter path written by the installer).
XLWINGS_CONF = (("UDF Modules", "pyxl.excel.udfs"),)


def help_lines(udf_names: list[str]) -> list[tuple[str, str]]:
    """The Hướng dẫn sheet as (style, text) lines; style is title, heading or text."""
    lines = [
        ("title", "parbook — Kế hoạch khắc phục Chỉ số CCHC: hướng dẫn nhanh"),
        ("heading", "1. Mở tệp"),
        ("text", "Khi Excel hỏi, bấm «Bật nội dung» (Enable Content). Nếu tệp tải từ mạng hoặc thư điện "
                 "tử: bấm chuột phải vào tệp › Properties › đánh dấu «Unblock» › OK, rồi mới mở."),
        ("text", f"Các nút trên thẻ CCHC cần máy có Python, gói parbook và xlwings {PINNED_XLWINGS} (đúng "
                 "phiên bản này). Cách cài: xem README, mục «Dùng trong Excel»."),
        ("heading", "2. Nhập số liệu"),
        ("text", f"Trang «{SHEET_INFO}»: điền thông tin chung của kế hoạch (cơ quan, số ký hiệu, ngày ban "
                 "hành, năm đánh giá, người ký, nơi nhận…)."),
        ("text", f"Trang «{SHEET_TABLE}»: mỗi dòng một lĩnh vực, tiêu chí hoặc tiêu chí thành phần; cột STT "
                 "ghi mã như 1, 1.2, 1.2.3 (hoặc I, II cho lĩnh vực). Cột «Điểm bị mất» tự tính khi có đủ "
                 "Điểm chuẩn và Điểm thẩm định, không cần Python. Thêm dòng: đứng ở ô cuối bảng rồi bấm Tab."),
        ("text", "Cơ quan chủ trì, cơ quan phối hợp và thời gian thực hiện: chọn trong danh sách thả xuống "
                 f"hoặc gõ tự do. Sửa các danh sách ở trang «{SHEET_LISTS}»."),
        ("text", f"Trang «{SHEET_LIBRARY}»: thêm hoặc sửa các mẫu giải pháp mà nút «Gợi ý giải pháp» dùng (cách ghi "
                 "ở dòng đầu trang)."),
        ("text", "Trong năm, ghi kết quả từng mục vào một cột «Kết quả thực hiện» thêm bên phải bảng (Đã hoàn thành, "
                 "Hoàn thành ngày 15/5/2025, Đang thực hiện, Chưa thực hiện, 80%, x) và nếu muốn một cột «Ngày hoàn "
                 "thành», rồi bấm «Theo dõi tiến độ»."),
        ("heading", "3. Các nút trên thẻ CCHC"),
    ]
    lines += [("text", f"{b.label}: {b.tip}") for b in BUTTONS]
    if udf_names:
        lines += [
            ("heading", "4. Hàm dùng trong ô (cần Python)"),
            ("text", ", ".join(udf_names) + ". Dấu phân cách đối số theo cài đặt của máy (chấm phẩy hoặc "
                     "phẩy)" + (", ví dụ =LOST_POINTS(C6;D6)." if "LOST_POINTS" in udf_names else ".")),
        ]
    return lines + [
        ("heading", "Lưu ý"),
        ("text", "Các nút không sửa số liệu đã nhập («Tính điểm bị mất» và «Gợi ý giải pháp» chỉ điền ô còn "
                 "trống). Những gì parbook đánh dấu (cột «Kiểm tra (parbook)», cột «Theo dõi (parbook)», màu ô, gợi ý "
                 f"chưa sửa, trang kết quả) được gỡ bằng nút «Xoá đánh dấu». Không sửa trang «{SHEET_CONFIG}»."),
    ]
