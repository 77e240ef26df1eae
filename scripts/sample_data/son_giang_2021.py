"""Sample Sơn Giang 2021 (seed 002), typed as the officer typed it."""
from sample_data import Line, SheetSpec, bold

SG_DEADLINE = "Trong năm 2021"
SG_STAFF = "Các công chức chuyên môn thuộc UBND xã"

SON_GIANG_ROWS = [
    # The officer's lost points " 1.03" disagree with 9 − 7.95 = 1.05; kept as typed.
    bold("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "9", "7.95", " 1.03"),
    ("1.2", "Mức độ hoàn thành kế hoạch CCHC :  được đánh giá trên 7 nội dung, lĩnh vực CCHC đạt 85%",
     "1.5", "1.2", "0.3",
     "Phân công nhiệm vụ rõ ràng cho từng công chức chuyên môn theo lĩnh vực CCHC. Thường xuyên kiểm "
     "tra, đôn đốc tiến độ thực hiện. Khen thưởng các cá nhân, tập thể hoàn thành tốt kế hoạch, có "
     "hình thức phê bình, kiểm điểm đối với cá nhân, tập thể chưa hoàn thành các nội dung theo Kế "
     "hoạch",
     "Văn phòng ", "Các công chức: Tư pháp, Tài chính – Kế toán, Văn hóa – XH, Địa chính – XD.",
     SG_DEADLINE),
    ("1.6", "Công tác tuyên truyền CCHC: Mức độ hoàn thành 90% kế hoạch;  ", "1", "0.8", "0.2",
     "Thực hiện tốt công tác tuyên truyền nội dung CCHC thông qua các cuộc họp giao ban, hội nghị sơ "
     "kết, tổng kết (tổ chức hội nghị riêng về CCHC hoặc lồng ghép nội dung CCHC trong các cuộc hội "
     "nghị sơ kết, tổng kết các lĩnh vực khác) và trên trang thông tin điện tử của xã. ",
     "Văn hóa - XH", "Tư pháp ", SG_DEADLINE),
    ("1.7", "Sáng kiến hoặc giải pháp mới trong cải cách hành chính: chưa có sáng kiến cấp tỉnh",
     "1.5", "1", "0.5",
     "Đẩy mạnh việc viết sáng kiến/giải pháp hữu ích về công tác CCHC cấp tỉnh",
     "Các công chức chuyên môn thuộc UBND  xã", SG_STAFF, SG_DEADLINE),
    bold("2", "XÂY DỰNG VÀ TỔ CHỨC THỰC HIỆN VĂN BẢN QPPL TẠI TỈNH", "5.5", "5.0", "0,5"),
    ("2.5", "Tổ chức thực hiện các văn bản QPPL của cấp trên và của đơn vị tại địa phương: mới đạt "
     "tỷ lệ từ 80 đến dưới 100%", "1.0", "0.5", "0.5",
     "Thực hiện tốt các văn bản QPPL của cấp trên và của đơn vị. Tập trung vào các văn bản có liên "
     "quan trực tiếp, rộng rãi đến quyền, lợi ích hợp pháp của người dân, DN, môi trường đầu tư, "
     "kinh doanh.",
     "Tư pháp", SG_STAFF, SG_DEADLINE),
    bold("3", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "14.0", "12.0", "2.0"),
    ("3.2", "Thực hiện cơ chế một cửa, một cửa liên thông", "4.0", "2.0", "2.0"),
    ("3.2.1", "Thực hiện cơ chế một cửa, một cửa liên thông: tỷ lệ thực hiện đạt dưới 100%",
     "1.0", "0", "1.0",
     "Đạt tỷ lệ 100% số\xa0TTHC thuộc thẩm quyền giải quyết của đơn vị (trừ các TTHC đặc thù)",
     "Văn phòng", SG_STAFF, SG_DEADLINE),
    ("3.2.3", "Thực hiện lấy ý kiến đánh giá sự hài lòng người dân, doanh nghiệp khi giải quyết TTHC "
     "tại Bộ phận tiếp nhận và trả kết quả cấp xã", "1.0", "0", "1.0",
     "Triển khai các cách thức khác nhau (thiết bị điện tử, phiếu đánh giá, chức năng đánh giá trực "
     "tuyến của hệ thống thông tin một cửa điện tử để lấy ý kiến đánh giá của người dân, doanh nghiệp "
     "khi giải quyết TTHC tại Bộ phận tiếp nhận và trả kết quả cấp xã): ",
     "Tư pháp", "Các công chức Tư pháp – HT; Văn hóa – XH; Địa chính – XD", SG_DEADLINE),
    bold("4", "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH", "9.0", "6.0", "3.0"),
    ("4.2", "Thực hiện các nhiệm vụ do UBND huyện, Chủ tịch UBND huyện giao: Hoàn thành dưới 80%",
     "3.0", "1.0", "2.0",
     "Phân công cán bộ, công chức tham mưu thực hiện, theo dõi tiến độ và chịu trách nhiệm trước "
     "UBND xã về việc thực hiện các nhiệm vụ do UBND huyện, Chủ tịch UBND huyện giao",
     "Văn phòng ", "Các công chức chuyên môn thuộc UBND xã và các thôn", SG_DEADLINE),
    ("4.3", "Thực hiện chức năng nhiệm vụ của đơn vị trong năm theo chương trình khung, kế hoạch "
     "trọng tâm năm hoặc chương trình công tác năm đạt: Khá", "3.0", "2.0", "1.0",
     "Phân công cán bộ, công chức tham mưu thực hiện và chịu trách nhiệm trước UBND xã về việc thực "
     "hiện chương trình, kế hoạch trọng tâm trong năm",
     "Văn phòng ", "Các công chức chuyên môn thuộc UBND xã và các thôn", SG_DEADLINE),
    bold("7", "HIỆN ĐẠI HÓA HÀNH CHÍNH", "13.5", "11.6", "1.9"),
    ("7.1", "Ứng dụng công nghệ thông tin (CNTT) của tỉnh", "8.0", "7.6", "0.4"),
    ("7.1.6", "Tỷ lệ TTHC cung cấp trực tuyến mức độ 3, 4 có phát sinh hồ sơ trong năm. Đạt từ 10 – "
     "20%", "0.5", "0.25", "0.25",
     "Tăng cường hiệu quả khai thác, sử dụng dịch vụ công trực tuyến mức độ 3, mức độ 4 trên địa bàn "
     "xã. đặc biệt chú trọng đến  hoạt động tuyên truyền ",
     "Văn hóa - XH", "Các công chức chuyên môn", SG_DEADLINE),
    ("7.1.7", "Tỷ lệ hồ sơ TTHC được tiếp nhận và xử lý trực tuyến mức độ 3. Đạt từ 10 – 20%",
     "0.5", "0.35", "0.15",
     "Tăng cường khai thác, sử dụng dịch vụ công trực tuyến mức độ 3 ",
     "Văn hóa - XH", "Các công chức chuyên môn", SG_DEADLINE),
    ("7.2", "Áp dụng Hệ thống quản lý chất lượng ISO (ISO 9001) theo quy định", "5.5", "4.0", "1.5"),
    ("7.2.4", "Việc áp dụng và vận hành các quy trình trong giải quyết công việc và TTHC (Thông qua "
     "bốc mẫu hồ sơ để đánh giá): Thực hiện đáp ứng từ 70% đến dưới 90% theo quy trình",
     "1.5", "0.5", "1.0",
     "Thực hiện tốt các quy trình công việc và TTHC theo tiêu chuẩn ISO",
     "Văn phòng ", SG_STAFF, SG_DEADLINE),
    ("7.2.5", "Việc sắp xếp và lưu trữ tài liệu hồ sơ theo quy định: đảm bảo từ 75 đến dưới 90%",
     "1.0", "0.5", "0.5",
     "Thực hiện việc sắp xếp và lưu trữ tài liệu theo đúng quy định",
     "Văn phòng ", SG_STAFF, SG_DEADLINE),
]

SON_GIANG = SheetSpec(
    name="PHỤ LỤC",
    titles=(
        Line("PHỤ LỤC"),
        Line("KẾ HOẠCH KHẮC PHỤC NHỮNG TỒN TẠI, HẠN CHẾ TRONG CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2020"),
        Line("VÀ GIẢI PHÁP NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2021"),
        Line("(Kèm theo kế hoạch số 18/KH-UBND ngày 19 tháng 3 năm 2021 của UBND xã Sơn Giang)",
             italic=True),
    ),
    header=(("STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm thẩm định",
             "Điểm bị mất", "Giải pháp", "Cơ quan chủ trì thực hiện", "Cơ quan phối hợp",
             "Thời gian thực hiện", "Ghi chú"),),
    widths=(6, 38, 9, 10, 9, 42, 16, 24, 14, 9),
    centred=frozenset({0, 2, 3, 4}),
    rows=SON_GIANG_ROWS,
)
