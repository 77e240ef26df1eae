"""Sample Ia Pa 2019 (seed 001), typed as the officer typed it."""
from sample_data import BLANK, Bold, Line, SheetSpec

IA_PA_DEADLINE = "Trong năm 2019 và các năm tiếp theo"
IA_PA_PARTNERS = "Cơ quan, đơn vị liên quan, UBND xã"
IA_PA_TCKH = "Phòng Tài chính-Kế hoạch huyện"
IA_PA_VHTT = "Phòng Văn hóa-Thông tin"
IA_PA_BCCI = "Cơ quan, đơn vị liên quan, UBND xã, Bưu điện huyện, Công an huyện"
IA_PA_TNMT_PARTNERS = "Văn phòng HĐND- UBND huyện, Cơ quan, đơn vị liên quan, UBND xã"

IA_PA_ROWS = [
    ("1", Bold("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"), Bold("8.25"), Bold("6.75"), Bold("1.5")),
    ("1.2", "Thực hiện chế độ báo cáo định kỳ", "1.75", "0,75", "1",
     "Thực hiện đầy đủ, đúng thời gian quy định về các báo cáo định kỳ",
     "Phòng Nội vụ, Phòng Tư pháp,", IA_PA_PARTNERS, "Quý I, 6 tháng, Quý III và năm"),
    ("1.4.2", "Thực hiện các hình thức tuyên truyền", "1", "0,5", "0,5",
     "Đẩy mạnh tuyên truyền công tác cải cách hành chính bằng các hình thức khác",
     "Phòng Nội vụ", "Phòng Tư pháp, Cơ quan, đơn vị liên quan, UBND xã", IA_PA_DEADLINE),
    ("3", Bold("CẢI CÁCH THỦ TỤC HÀNH CHÍNH"), Bold("15"), Bold("8.5"), Bold("6.5")),
    ("3.1.1", "Ban hành kế hoạch rà soát, đánh giá, TT HC", "0,5", "0", "0,5",
     "Có văn bản đăng ký rà soát, đánh giá TT HC và ban hành kế hoạch rà soát, đánh giá TT HC "
     "đúng nội dung, thời gian quy định",
     "Phòng Tài nguyên và Môi trường", IA_PA_TNMT_PARTNERS, IA_PA_DEADLINE),
    ("3.1.2", "Mức độ hoàn thành kế hoạch", "0,5", "0", "0,5",
     "Đảm bảo hoàn thành 100% kế hoạch đề ra",
     "Phòng Tài nguyên và Môi trường", IA_PA_TNMT_PARTNERS, IA_PA_DEADLINE),
    ("3.1.3", "Xử lý các vấn đề phát hiện qua rà soát TT HC", "0,5", "0", "0,5",
     "100% số vấn đề phát hiện qua rà soát được xử lý hoặc kiến nghị xử lý",
     "Phòng Tài nguyên và Môi trường", IA_PA_TNMT_PARTNERS, IA_PA_DEADLINE),
    ("3.2.4", "Công khai tiến độ, kết quả giải quyết hồ sơ TT HC của UBND cấp huyện và 100% UBND "
     "cấp xã trên Công/Trang TTĐT của huyện", "2", "0", "2",
     "100% số hồ sơ, TT HC đã được công khai tiến độ, kết quả giải quyết đúng quy định",
     "Văn phòng HĐND- UBND huyện", IA_PA_PARTNERS, IA_PA_DEADLINE),
    ("3.4", "Tỷ lệ hồ sơ TTHC do UBND cấp huyện, đơn vị hành chính cấp xã tiếp nhận trong năm được "
     "giải quyết đúng hạn", "2", "1", "1",
     "100% số hồ sơ TTHC trong năm được giải quyết đúng hạn",
     "Cơ quan, đơn vị có TTHC, UBND xã", "", IA_PA_DEADLINE),
    ("3.5.2", "Tỷ lệ TTHC tại Bộ phận tiếp nhận và trả kết quả của UBND cấp huyện, đơn vị hành chính "
     "cấp xã được đưa vào xử lý trên phần mềm Một cửa điện tử", "1", "0", "1",
     "100% TTHC được đưa vào xử lý trên phần mềm Một cửa điện tử",
     "Văn phòng HĐND-UBND huyện", IA_PA_PARTNERS, IA_PA_DEADLINE),
    ("3.7", "Thực hiện xin lỗi tổ chức, công dân đối với trường hợp hồ sơ quá hạn giải quyết tại Bộ "
     "phận tiếp nhận và trả kết quả của UBND huyện, đơn vị hành chính cấp xã", "1", "0", "1",
     "100% hồ sơ quá hạn giải quyết có văn bản xin lỗi",
     "Cơ quan, đơn vị, UBND xã", "", IA_PA_DEADLINE),
    ("5", Bold("XÂY DỰNG VÀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CBCCVC"), "7.5", "4.25", "3.25"),
    ("5.1.2", "Đơn vị sự nghiệp thuộc UBND cấp huyện bố trí viên chức theo vị trí việc làm đã được "
     "phê duyệt", "1", "0.25", "0.75",
     "- 80% đơn vị đã hoàn thiện bản mô tả công việc và khung năng lực của từng vị trí việc làm theo "
     "danh mục vị trí việc làm đã được UBND tỉnh phê duyệt\n"
     "- Bố trí viên chức theo đúng vị trí việc làm được phê duyệt",
     "Phòng Nội vụ", IA_PA_PARTNERS, IA_PA_DEADLINE),
    ("5.2", "Thực hiện quy định về bổ nhiệm, bổ nhiệm lại vị trí lãnh đạo cấp phòng thuộc UBND cấp "
     "huyện", "1", "0", "1",
     "100% số lãnh đạo được bổ nhiệm đúng quy định", "Phòng Nội vụ", IA_PA_PARTNERS, IA_PA_DEADLINE),
    ("5.5", "Mức độ hoàn thành kế hoạch đào tạo, bồi dưỡng CBCCVC", "1", "0", "1",
     "Hoàn thành 100% kế hoạch", "Phòng Nội vụ", IA_PA_PARTNERS, IA_PA_DEADLINE),
    ("5.6.1", "Tỷ lệ đạt chuẩn chuyên môn nghiệp vụ của cán bộ cấp xã", "0,5", "0", "0.5",
     "100% số cán bộ cấp xã đạt chuẩn", "Phòng Nội vụ", IA_PA_PARTNERS, IA_PA_DEADLINE),
    ("6", Bold("CẢI CÁCH TÀI CHÍNH CÔNG"), "11", "6.5", "4.5"),
    BLANK,
    ("6.1.1", "Tổ chức thực hiện các kiến nghị sau thành tra, kiểm tra, kiểm toán nhà nước về tài "
     "chính, ngân sách địa phương", "1", "0.5", "0.5",
     "100% số kiến nghị được thực hiện", IA_PA_TCKH, IA_PA_PARTNERS, IA_PA_DEADLINE),
    ("6.1.2", "Thực hiện giải ngân kế hoạch đầu tư vốn ngân sách nhà nước hàng năm", "1", "0.5", "0.5",
     "Đạt tỷ lệ giải ngân từ 90% trở lên so với kế hoạch được giao",
     IA_PA_TCKH, IA_PA_PARTNERS, IA_PA_DEADLINE),
    ("6.4", "Xây dựng dự toán ngân sách hàng năm", "1", "0", "1",
     "Thực hiện đúng thời gian quy định", IA_PA_TCKH, IA_PA_PARTNERS, IA_PA_DEADLINE),
    ("6.8.1", "Số đơn vị SNCL tự đảm bảo chi thường xuyên", "1", "0", "1",
     "Có thêm đơn vị SNCL tự đảm bảo chi thường xuyên", IA_PA_TCKH, IA_PA_PARTNERS, IA_PA_DEADLINE),
    ("6.8.2", "Số đơn vị SNCL tự đảm bảo một phần chi thường xuyên", "0.5", "0", "0.5",
     "Có thêm đơn vị SNCL tự đảm bảo một phần chi thường xuyên",
     IA_PA_TCKH, IA_PA_PARTNERS, IA_PA_DEADLINE),
    ("6.8.4", "Tỷ lệ giảm chi trực tiếp ngân sách cho đơn vị sự nghiệp so với năm 2015", "1", "0", "1",
     "Đạt tỷ lệ từ 10% trở lên", IA_PA_TCKH, IA_PA_PARTNERS, IA_PA_DEADLINE),
    ("7", Bold("HIỆN ĐẠI HÓA HÀNH CHÍNH"), Bold("13.25"), Bold("9.75"), Bold("3,5")),
    ("7.1.1", "Tỷ lệ văn bản trao đổi giữa các cơ quan hành chính nhà nước dưới dạng điện tử và được "
     "ký chữ ký số của Ban Cơ yếu Chính phủ", "1", "0.5", "0.5",
     "100% số văn bản được trao đổi dưới dạng điện tử", IA_PA_VHTT, IA_PA_PARTNERS, IA_PA_DEADLINE),
    ("7.2.1", "Tỷ lệ TTHC cung cấp trực tuyến mức độ 3,4 có phát sinh hồ sơ trong năm",
     "0.25", "0", "0.25",
     "Từ 60% số TTHC cung cấp trực tuyến mức độ 3, 4 trở lên có phát sinh hồ sơ",
     IA_PA_VHTT, IA_PA_PARTNERS, IA_PA_DEADLINE),
    ("7.2.2", "Tỷ lệ hồ sơ TTHC được xử lý trực tuyến mức độ 3", "0.5", "0", "0.5",
     "Từ 20% hồ sơ TTHC trở lên được xử lý trực tuyến mức độ 3",
     IA_PA_VHTT, IA_PA_PARTNERS, IA_PA_DEADLINE),
    ("7.2.3", "Tỷ lệ hồ sơ TTHC được xử lý trực tuyến mức độ 4", "0.5", "0", "0.5",
     "Từ 10% hồ sơ TTHC trở lên được xử lý trực tuyến mức độ 4",
     IA_PA_VHTT, IA_PA_PARTNERS, IA_PA_DEADLINE),
    # The seed breaks this row over a page; its title has no continuation there, so it stays cut.
    ("7.3.1", "Tỷ lệ TTHC đã triển khai có phát sinh hồ sơ tiếp nhận/trả kết quả giải quyết qua",
     "0.5", "0", "0.5", "Từ 20% số TTHC trở lên có phát sinh hồ sơ",
     IA_PA_VHTT, IA_PA_BCCI, IA_PA_DEADLINE),
    ("7.3.2", "Tỷ lệ hồ sơ TTHC được tiếp nhận qua dịch vụ BCCI", "0.5", "0", "0.5",
     "Từ 10% số hồ sơ trả lên được tiếp nhận qua dịch vụ BCCI",
     IA_PA_VHTT, IA_PA_BCCI, IA_PA_DEADLINE),
    ("7.3.3", "Tỷ lệ kết quả giải quyết TTHC được trả qua dịch vụ BCCI", "0.5", "0", "0.5",
     "Từ 10% số hồ sơ trả lên được trả qua dịch vụ BCCI", IA_PA_VHTT, IA_PA_BCCI, IA_PA_DEADLINE),
    ("7.4.4", "Việc kiểm soát, vận hành Hệ thống quản lý chất lượng ISO 9001", "1", "0.75", "0.25",
     "Thực hiện đầy đủ việc rà soát, sửa đổi, bổ sung cập nhật quy trình giải quyết TTHC trong vòng "
     "45 ngày kể từ khi văn bản QPPL hoặc quyết định công bố TTHC có hiệu lực thi hành",
     "Văn phòng HDND-UBND huyện", "Các sở, ban, ngành, UBND các huyện, thành phố", IA_PA_DEADLINE),
]

IA_PA = SheetSpec(
    name="PHỤ LỤC",
    titles=(
        Line("PHỤ LỤC"),
        Line("KẾ HOẠCH KHẮC PHỤC NHỮNG TỘN TÀI HẠN CHẾ TRONG CÔNG TÁC CẢI"),
        Line("CÁCH HÀNH CHÍNH NĂM 2019 VÀ CÁC NĂM TIẾP THEO"),
        Line("(Kèm theo Kế hoạch số 75/KH-UBND ngày 10 tháng 7 năm 2019 của UBND huyện Ia Pa)",
             italic=True),
    ),
    header=(
        ("STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm", None, None, "Giải pháp",
         "Cơ quan chủ trì thực hiện", "Cơ quan phối hợp", "Thời gian thực hiện", "Ghi chú"),
        (None, None, "Điểm chuẩn", "Điểm thẩm định 2018", "Điểm bị mất",
         None, None, None, None, None),
    ),
    widths=(6, 38, 9, 10, 9, 40, 20, 24, 17, 9),
    centred=frozenset({0, 2, 3, 4}),
    rows=IA_PA_ROWS,
)
