"""The model tables the corpus renders: the shapes of the seeds' PHỤ LỤC tables and a few of our own.

Figures are typed as decimal strings; a group row is a row with no code. `expected` lists findings a
reading must give, as (finding code, item reference): ("group", n) for the n-th group row, else
(the item's group number or 0, its code). `spellings` maps an office as written here to another
spelling officers use for it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Row:
    code: str | None  # None for a lĩnh vực group row
    title: str
    max_points: str | None = None
    appraised: str | None = None
    stated: str | None = None  # the lost points as typed, when they differ from max − appraised
    solution: str | None = None
    product: str | None = None
    lead: str | None = None
    partners: str | None = None
    deadline: str | None = None
    number: int = 0  # a group's number (for "II", "Lĩnh vực 2:")
    label: str = "Lĩnh vực"
    field: bool = True  # the group is named as a PAR lĩnh vực
    bold: bool = False  # typed bold in every layout (lĩnh vực rows that carry a code)


@dataclass(frozen=True)
class Model:
    name: str
    kind: str
    title_lines: tuple[str, ...]
    rows: tuple[Row, ...]
    as_of: date
    totals: tuple[str | None, str | None, str]  # max, appraised, lost
    expected: frozenset[tuple[str, tuple]] = frozenset()
    spellings: dict[str, str] = field(default_factory=dict)


def group(number: int, title: str, **more) -> Row:
    return Row(None, title, number=number, **more)


COMMUNE_TIERS = Model(
    "xa-tan-binh", "scores",
    ("ỦY BAN NHÂN DÂN XÃ TÂN BÌNH", "PHỤ LỤC",
     "CÁC TIÊU CHÍ BỊ MẤT ĐIỂM CHỈ SỐ CCHC NĂM 2020 VÀ GIẢI PHÁP KHẮC PHỤC NĂM 2021",
     "(Kèm theo Kế hoạch số 49/KH-UBND ngày 29 tháng 9 năm 2021 của UBND xã Tân Bình)"),
    (
        group(1, "Công tác chỉ đạo, điều hành cải cách hành chính"),
        Row("1.1", "Kế hoạch cải cách hành chính năm", "2", "1"),
        Row("1.1.2", "Mức độ hoàn thành kế hoạch cải cách hành chính được ban hành trong năm", "1", "0.5",
            solution="Rà soát, hoàn thành 100% nhiệm vụ của kế hoạch", lead="Văn phòng - Thống kê",
            partners="Các công chức chuyên môn thuộc UBND xã", deadline="Quý IV/2021"),
        Row("1.1.3", "Ban hành kế hoạch tuyên truyền cải cách hành chính đúng thời hạn quy định", "1", "0.5",
            solution="Ban hành kế hoạch trước ngày 31/01 hằng năm", lead="Văn hóa - Xã hội",
            partners="Văn phòng - Thống kê", deadline="31/12/2021"),
        Row("1.3", "Tuyên truyền cải cách hành chính trên hệ thống truyền thanh của xã", "1.5", "1",
            solution="Tuyên truyền hằng tháng trên loa truyền thanh", lead="Văn hóa - Xã hội",
            deadline="Tháng 12/2021"),
        group(3, "Cải cách thủ tục hành chính"),
        Row("3.2", "Công khai thủ tục hành chính trên Cổng Dịch vụ công và tại Bộ phận một cửa", "2", "1.25",
            solution="Niêm yết đầy đủ, cập nhật kịp thời", lead="Bộ phận Tiếp nhận và trả kết quả",
            partners="Tư pháp - Hộ tịch", deadline="Quý IV/2021"),
        Row("3.4", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn", "3", "2.5",
            solution="Không để hồ sơ trễ hạn", partners="Văn phòng - Thống kê", deadline="Quý IV/2021"),
        group(7, "Xây dựng và phát triển chính quyền điện tử, chính quyền số"),
        Row("7.1", "Tỷ lệ văn bản trao đổi dưới dạng điện tử giữa các cơ quan hành chính", "1", "0.75",
            solution="Gửi, nhận văn bản điện tử có ký số", lead="Văn phòng - Thống kê",
            partners="Các công chức chuyên môn thuộc UBND xã", deadline="Quý IV/2021"),
        Row("7.2", "Sử dụng chữ ký số trên văn bản điện tử", "1", "0.5", lead="Văn phòng - Thống kê",
            partners="Các công chức chuyên môn thuộc UBND xã", deadline="Quý IV/2021"),
    ),
    date(2021, 10, 1), ("10.5", "7", "3.5"),
    frozenset({("MISSING_PARTNERS", (1, "1.3")), ("MISSING_LEAD", (2, "3.4")), ("MISSING_SOLUTION", (3, "7.2"))}),
    {"Văn phòng - Thống kê": "Công chức Văn phòng - Thống kê", "Văn hóa - Xã hội": "VH-XH",
     "Tư pháp - Hộ tịch": "Tư pháp - HT", "Bộ phận Tiếp nhận và trả kết quả": "Bộ phận một cửa"},
)

DISTRICT_LEAVES = Model(
    "huyen-vinh-linh", "scores",
    ("ỦY BAN NHÂN DÂN HUYỆN VĨNH LINH", "Phụ lục 1",
     "TỔNG HỢP CÁC NỘI DUNG THỰC HIỆN CẢI CÁCH HÀNH CHÍNH BỊ TRỪ ĐIỂM NĂM 2023",
     "(Kèm theo Kế hoạch số 15/KH-UBND ngày 20/02/2024 của UBND huyện)"),
    (
        group(1, "Công tác chỉ đạo, điều hành cải cách hành chính"),
        Row("1.1.3", "Mức độ thực hiện kế hoạch cải cách hành chính", "2", "1.7",
            solution="Theo dõi, đôn đốc hoàn thành 100% nhiệm vụ",
            lead="Phòng Nội vụ\nTài liệu kiểm chứng: Báo cáo số 665/BC-UBND ngày 15/12/2023",
            deadline="Quý IV/2024"),
        Row("1.5.2", "Tổ chức thực hiện đánh giá chỉ số đã công bố và kết quả khắc phục tồn tại, hạn chế",
            "1", "0.97", solution="Khắc phục đầy đủ các tồn tại sau công bố chỉ số",
            lead="Văn phòng HĐND và UBND; UBND các xã, thị trấn", deadline="Quý III/2024"),
        group(2, "Công tác thông tin, tuyên truyền", label="Nhóm", field=False),
        Row("1.4.1", "Đa dạng hóa hình thức tuyên truyền cải cách hành chính trên địa bàn huyện", "1", "0.5",
            solution="Tuyên truyền trên Trang thông tin điện tử và loa truyền thanh",
            lead="Phòng Văn hóa và Thông tin", partners="UBND xã Vĩnh Khê, TT Cửa Tùng, Vĩnh Long, Vĩnh Sơn",
            deadline="Quý II/2024"),
        group(3, "Cải cách thủ tục hành chính"),
        Row("3.3", "Tỷ lệ hồ sơ thủ tục hành chính thực hiện tiếp nhận và trả kết quả qua Hệ thống Một cửa "
            "điện tử", "2", "1.67", solution="Nhập đầy đủ hồ sơ lên Hệ thống", lead="Văn phòng HĐND và UBND",
            partners="Các phòng ban, đơn vị", deadline="Tháng 6/2024"),
        Row("3.11.1", "Tỷ lệ thủ tục hành chính được triển khai thanh toán trực tuyến", "1", "0.11",
            solution="Triển khai thanh toán trực tuyến cho các TTHC có thu phí", lead="Văn phòng HĐND và UBND",
            partners="UBND các xã, thị trấn", deadline="Quý IV/2024"),
        group(6, "Cải cách tài chính công"),
        Row("6.1.1", "Thực hiện giải ngân kế hoạch vốn đầu tư phát triển nguồn ngân sách nhà nước hàng năm",
            "2", "1.78", solution="Đẩy nhanh tiến độ giải ngân", lead="Phòng Tài chính - Kế hoạch",
            partners="Ban Quản lý dự án đầu tư xây dựng huyện", deadline="Tháng 12/2024"),
        Row("6.1.2", "Thực hiện thu ngân sách hàng năm theo kế hoạch được tỉnh giao", "1", "0",
            solution="Tăng cường quản lý thu ngân sách", lead="Phòng Tài chính - Kế hoạch",
            partners="Chi cục Thuế khu vực"),
    ),
    date(2024, 5, 1), ("10", "6.73", "3.27"),
    frozenset({("UNKNOWN_AGENCY", (4, "6.1.1")), ("UNKNOWN_AGENCY", (4, "6.1.2")),
               ("MISSING_DEADLINE", (4, "6.1.2")), ("MISSING_PARTNERS", (1, "1.1.3"))}),
    {"Phòng Nội vụ": "Phòng Nội vụ huyện", "Văn phòng HĐND và UBND": "Văn phòng HĐND- UBND huyện",
     "Phòng Tài chính - Kế hoạch": "Phòng Tài chính-Kế hoạch huyện",
     "Phòng Văn hóa và Thông tin": "Phòng Văn hoá - Thông tin",
     "UBND các xã, thị trấn": "UBND các xã, phường, thị trấn"},
)

COMMUNE_TASKS = Model(
    "xa-phuoc-my", "tasks",
    ("ỦY BAN NHÂN DÂN XÃ PHƯỚC MỸ", "PHỤ LỤC 2",
     "NHIỆM VỤ TRỌNG TÂM CỦA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH XÃ PHƯỚC MỸ NĂM 2024"),
    (
        group(1, "Công tác chỉ đạo điều hành"),
        Row("1", "Tổ chức tổng kết công tác cải cách hành chính năm 2023 và triển khai nhiệm vụ năm 2024",
            product="Hội nghị do Lãnh đạo UBND xã chủ trì", lead="Văn phòng UBND xã",
            partners="Các ban ngành liên quan", deadline="Quý I/2024"),
        Row("1.1", "Triển khai khắc phục các nội dung sau khi công bố Chỉ số cải cách hành chính",
            product="Kế hoạch khắc phục", lead="Văn phòng UBND xã", partners="Các ban ngành liên quan",
            deadline="Quý II/2024"),
        Row("1.2", "Khen thưởng trong công tác cải cách hành chính", product="Quyết định khen thưởng",
            lead="Văn phòng UBND xã", partners="Các ban ngành liên quan"),
        Row("2", "Kế hoạch kiểm tra cải cách hành chính năm 2024", product="Kế hoạch của UBND xã",
            lead="Văn phòng UBND xã", partners="Các ban ngành liên quan", deadline="Quý I/2024"),
        group(2, "Cải cách thể chế"),
        Row("3", "Ban hành Kế hoạch theo dõi thi hành pháp luật năm 2024", product="Quyết định ban hành Kế hoạch",
            lead="Tư pháp", partners="Các ban ngành có liên quan", deadline="Tháng 1/2024"),
        Row("4", "Công bố danh mục văn bản quy phạm pháp luật hết hiệu lực, ngưng hiệu lực",
            product="Quyết định của UBND xã", lead="Tư pháp", partners="Các ban ngành có liên quan",
            deadline="Tháng 1/2024"),
        group(3, "Cải cách thủ tục hành chính"),
        Row("5", "Triển khai hoạt động rà soát, kiểm soát thủ tục hành chính thuộc thẩm quyền giải quyết của xã",
            product="Các báo cáo kết quả kiểm soát thủ tục hành chính", lead="Văn phòng UBND xã",
            partners="Các ban ngành có liên quan", deadline="Tháng 12/2024"),
        Row("6", "Đề xuất các thủ tục hành chính cần đơn giản hóa", product="Công văn của UBND xã",
            partners="Các ban ngành có liên quan", deadline="Quý III/2024"),
        group(6, "Cải cách tài chính công"),
        Row("7", "Thực hiện công khai tài chính theo quy định", product="Báo cáo của UBND xã",
            lead="Tài chính - Kế toán", partners="Các ban ngành có liên quan", deadline="Tháng 12/2024"),
    ),
    date(2024, 5, 1), (None, None, "0"),
    frozenset({("MISSING_DEADLINE", (1, "1.2")), ("MISSING_LEAD", (3, "6")), ("OVERDUE", (1, "2")),
               ("OVERDUE", (2, "3")), ("OVERDUE", (2, "4"))}),
    {"Văn phòng UBND xã": "VP UBND xã", "Tư pháp": "Tư pháp - HT", "Tài chính - Kế toán": "TC-KT"},
)

COMMUNE_FIELDS = Model(
    "xa-son-giang", "scores",
    ("ỦY BAN NHÂN DÂN XÃ SƠN GIANG", "PHỤ LỤC",
     "KẾ HOẠCH KHẮC PHỤC NHỮNG TỒN TẠI, HẠN CHẾ TRONG CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2020 VÀ GIẢI PHÁP "
     "NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2021"),
    (
        Row("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "9", "7.95", stated="1.03", bold=True),
        Row("1.2", "Mức độ hoàn thành kế hoạch tuyên truyền cải cách hành chính của xã", "1", "0.5",
            solution="Đa dạng hình thức tuyên truyền", lead="Văn phòng", deadline="Quý IV/2021"),
        Row("1.6", "Thực hiện chế độ báo cáo định kỳ về cải cách hành chính theo quy định", "1.5", "1",
            solution="Báo cáo đúng hạn", lead="Văn phòng", partners="Các công chức chuyên môn",
            deadline="Quý IV/2021"),
        Row("2", "XÂY DỰNG VÀ TỔ CHỨC THỰC HIỆN VĂN BẢN QUY PHẠM PHÁP LUẬT", "5", "4.5", bold=True),
        Row("2.5", "Kiểm tra, xử lý văn bản quy phạm pháp luật theo thẩm quyền được giao", "1", "0.5",
            solution="Kiểm tra văn bản sau khi ban hành", lead="Tư pháp", deadline="Quý IV/2021"),
        Row("3", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "10", "8.5", bold=True),
        Row("3.2", "Công khai thủ tục hành chính", "2", "1.5"),
        Row("3.2.1", "Niêm yết công khai thủ tục hành chính tại Bộ phận tiếp nhận và trả kết quả", "1", "0.75",
            solution="Niêm yết đầy đủ", lead="Văn phòng", partners="Tư pháp", deadline="Quý IV/2021"),
        Row("3.2.3", "Công khai thủ tục hành chính trên Trang thông tin điện tử của xã", "1", "0.75",
            solution="Cập nhật kịp thời", lead="Văn hóa - XH", partners="Văn phòng", deadline="Quý IV/2021"),
        Row("3.4", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn và trước hạn", "3", "2",
            solution="Theo dõi hồ sơ hằng tuần", lead="Các công chức chuyên môn thuộc UBND xã",
            partners="Văn phòng", deadline="Quý IV/2021"),
    ),
    date(2021, 6, 1), ("24", "20.95", "3.05"),
    frozenset({("LOST_MISMATCH", (0, "1")), ("SUBTOTAL_MISMATCH", (0, "1"))}),
    {"Văn phòng": "Văn phòng UBND xã", "Tư pháp": "Tư pháp - Hộ tịch", "Văn hóa - XH": "Văn hóa – Xã hội"},
)

COMMUNE_ROMAN = Model(
    "xa-thach-kim", "scores",
    ("UBND TỈNH HÀ TĨNH", "ỦY BAN NHÂN DÂN XÃ THẠCH KIM", "PHỤ LỤC",
     "TỔNG HỢP CÁC TIÊU CHÍ BỊ TRỪ ĐIỂM CHỈ SỐ CCHC NĂM 2023 VÀ GIẢI PHÁP KHẮC PHỤC NĂM 2024",
     "(Kèm theo Kế hoạch số 12/KH-UBND ngày 05 tháng 3 năm 2024)"),
    (
        group(1, "Công tác chỉ đạo, điều hành", max_points="10", appraised="8.5"),
        Row("1", "Kế hoạch cải cách hành chính năm", "4", "3.5", solution="Ban hành kế hoạch đúng hạn",
            lead="Văn phòng HĐND và UBND", partners="Phòng Văn hóa - Xã hội", deadline="Quý I/2024"),
        Row("2", "Tuyên truyền cải cách hành chính trên các phương tiện thông tin đại chúng", "3", "2",
            solution="Đa dạng hóa hình thức tuyên truyền", lead="Văn phòng HĐND và UBND",
            partners="Trung tâm Phục vụ hành chính công", deadline="Quý II/2024"),
        group(2, "Cải cách thủ tục hành chính", max_points="12", appraised="10"),
        Row("1", "Công khai thủ tục hành chính", "4", "3", solution="Niêm yết đầy đủ",
            lead="Trung tâm Phục vụ hành chính công", partners="Văn phòng HĐND và UBND", deadline="Quý III/2024"),
        Row("1.1", "Công khai thủ tục hành chính trên Cổng Dịch vụ công quốc gia", "2", "1",
            solution="Cập nhật kịp thời", lead="Văn phòng HĐND và UBND", partners="Phòng Kinh tế",
            deadline="Quý III/2024"),
        Row("2", "Giải quyết hồ sơ thủ tục hành chính đúng hạn", "8", "7.5", solution="Không để trễ hạn",
            lead="Trung tâm Phục vụ hành chính công", partners="Các phòng chuyên môn",
            deadline="Tháng 12/2024"),
    ),
    date(2024, 5, 1), ("22", "18.5", "3.5"),
    frozenset({("SUBTOTAL_MISMATCH", ("group", 2)), ("OVERDUE", (1, "1"))}),
    {"Văn phòng HĐND và UBND": "VP HĐND&UBND", "Trung tâm Phục vụ hành chính công": "TTPVHCC"},
)

MODELS = (COMMUNE_TIERS, DISTRICT_LEAVES, COMMUNE_TASKS, COMMUNE_FIELDS, COMMUNE_ROMAN)
