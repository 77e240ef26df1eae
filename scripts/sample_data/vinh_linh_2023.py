"""Sample Vĩnh Linh 2023 (seed 004), typed as the officer typed it."""
from sample_data import Line, SheetSpec, bold

VL_VP = "Văn phòng HĐND và UBND; UBND các xã, thị trấn"
VL_ALL = "Các phòng ban, đơn vị; UBND các xã, thị trấn"

VINH_LINH_ROWS = [
    ("1.1.3 Mức độ thực hiện kế hoạch CCHC", "2", "1,7", "-0,3",
     "HĐ thẩm định đánh giá huyện hoàn thành 85% kế hoạch. Tuy nhiên huyện đã hoàn thành 100% các "
     "nhiệm vụ CCHC năm 2023",
     "Tài liệu kiểm chứng: Báo cáo số 665/BC-UBND ngày 15 tháng 12 năm 2023 về kết quả thực hiện chi "
     "tiết các nhiệm vụ CCHC năm 2023."),
    ("1.5.2. Tổ chức thực hiện đánh giá chỉ số đã công bố và kết quả khắc phục tồn tại, hạn chế",
     "1", "0,97", "-0,03",
     "Huyện đã tổ chức đánh giá chỉ số và thực hiện khắc phục tồn tại, hạn chế sau công bố chỉ số "
     "CCHC năm 2022, hoàn thành khắc phục 16/17 (01 nội dung cải thiện so với năm 2022 nhưng chưa đạt "
     "yêu cầu: Tỷ lệ thanh toán trực tuyến chưa đạt 30%)",
     VL_VP),
    ("1.6 Sáng kiến trong triển khai công tác CCHC", "2", "1,5", "-0,5",
     "SNV đánh giá đạt 03 sáng kiến có hiệu quả (mỗi sáng kiến được 0,5 điểm)", VL_ALL),
    ("3.1.1 Rà soát, đánh giá TTHC và xử lý hoặc kiến nghị xử lý các vấn đề qua rà soát",
     "0,5", "0", "-0,5",
     "Hội đồng thẩm định đánh giá không có kiến nghị đề xuất phương án đơn giản hoá được phê duyệt "
     "trong quyết định của UBND tỉnh.",
     "Văn phòng HĐND và UBND"),
    ("3.3 Tỷ lệ hồ sơ TTHC thực hiện tiếp nhận và trả kết quả qua Hệ thống Một cửa điện tử",
     "2", "1,67", "-0,33",
     "có 06/18 đơn vị cấp xã không nhập hồ sơ lĩnh vực thi đua khen thưởng lên Hệ thống thông tin "
     "một cửa điện tử của tỉnh trong năm 2023.",
     "UBND xã Vĩnh Khê, TT Cửa Tùng, Vĩnh Long, Vĩnh Sơn, Kim Thạch, Vĩnh Hà"),
    ("3.10.1 Tỷ lệ hồ sơ giải quyết TTHC được luân chuyển trong nội bộ giữa các cơ quan có thẩm "
     "quyền giải quyết hoặc các cơ quan có liên quan được thực hiện bằng phương thức điện tử",
     "1", "0,7", "-0,3",
     "HĐTĐ đánh giá: Số hóa thành phần hồ sơ thực hiện năm 2023 của huyện đạt 70,25%", VL_VP),
    ("3.10.2 Tỷ lệ hồ sơ thủ tục hành chính có cấp kết quả giải quyết TTHC điện tử",
     "1", "0,98", "-0,02",
     "HĐTĐ đánh giá: Số hóa kết quả giải quyết hồ sơ TTHC năm 2023 của huyện đạt 98%", VL_VP),
    ("3.11.1 Tỷ lệ TTHC được triển khai thanh toán trực tuyến", "1", "0,11", "-0,89",
     "Có 12/112 TTHC đã phát sinh HS thanh toán trực tuyến", VL_VP),
    ("3.11.2 Tỷ lệ TTHC có phát sinh giao dịch thanh toán trực tuyến", "1", "0,83", "-0,17",
     "Tỷ lệ TTHC có phát sinh giao dịch thanh toán trực tuyến đạt 25,05%.", VL_VP),
    ("3.12.1 Tỷ lệ hồ sơ trực tuyến toàn trình", "0,5", "0,37", "-0,13",
     "Tỷ lệ hồ sơ trực tuyến toàn trình đạt tỉ lệ 73%", VL_VP),
    ("3.12.2 Tỷ lệ DVCTT có phát sinh hồ sơ trực tuyến", "0,5", "0,28", "-0,22",
     "Tỷ lệ DVCTT có phát sinh hồ sơ trực tuyến đạt 57%", VL_VP),
    ("3.12.3 Tỷ lệ hồ sơ DVC trực tuyến", "1", "0,55", "-0,45",
     "Tỷ lệ hồ sơ DVC trực tuyến đạt 55%", VL_VP),
    ("5.1.2 Tỷ lệ các đơn vị sự nghiệp thuộc UBND cấp huyện có cơ cấu viên chức đúng theo vị trí việc "
     "làm được phê duyệt", "1", "0,5", "-0,5",
     "Hiện tại trên địa bàn huyện đạt 94,6% đơn vị sự nghiệp thuộc UBND huyện bố trí viên chức theo "
     "đúng vị trí việc làm được phê duyệt.",
     "Phòng Nội vụ"),
    ("6.1.1 Thực hiện giải ngân kế hoạch vốn đầu tư phát triển nguồn ngân sách nhà nước hàng năm",
     "2", "1,78", "-0,22",
     "Tính đến 15/12/2023, tỷ lệ giải ngân kế hoạch 2023 thực tế của huyện đạt 89,2% kế hoạch",
     "Phòng Tài chính - Kế hoạch"),
    ("6.1.2 Thực hiện thu ngân sách hàng năm của huyện, thành phố, thị xã theo kế hoạch được tỉnh "
     "giao (trừ thu tiền sử dụng đất)", "1", "0", "-1",
     "Thu không đạt 100% kế hoạch được giao", "Phòng Tài chính - Kế hoạch"),
    ("7.3.1 UBND cấp huyện áp dụng chữ ký số", "1", "0,93", "-0,07",
     "Tỷ lệ UBND huyện áp dụng ký số đạt 93%)", VL_ALL),
    ("7.3.2 Lãnh đạo đơn vị áp dụng chữ ký số", "2", "1,56", "-0,44",
     "Tỷ lệ lãnh đạo các cơ quan, đơn vị thuộc huyện áp dụng ký số đạt 78%", VL_ALL),
    bold("Tổng điểm trừ", "", "", "-6,07"),
]

VINH_LINH = SheetSpec(
    name="Phụ lục 1",
    titles=(
        Line("Phụ lục 1"),
        Line("TỔNG HỢP CÁC NỘI DUNG THỰC HIỆN CẢI CÁCH HÀNH CHÍNH BỊ TRỪ ĐIỂM NĂM 2023"),
        Line("(Kèm theo Kế hoạch số: /KH-UBND ngày /02/2024 của UBND huyện)", italic=True),
    ),
    header=(("NỘI DUNG Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Điểm thảm định",
             "Điểm bị trừ", "Ghi chú (Nội dung, lí do trừ điểm)", "Trách nhiệm đơn vị phụ trách"),),
    widths=(48, 9, 10, 9, 50, 30),
    centred=frozenset({1, 2, 3}),
    rows=VINH_LINH_ROWS,
)
