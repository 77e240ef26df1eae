"""Sample Phước Mỹ 2024 (seed 003), typed as the officer typed it."""
from sample_data import HEADER, Line, Pair, SheetSpec, Span, bold

PM_LETTERHEAD = (
    Pair("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    Pair("XÃ PHƯỚC MỸ", "Độc lập - Tự do - Hạnh phúc"),
    None,
)
PM_VP = "Văn phòng UBND xã"
PM_ALL = "Các ban ngành liên quan"
PM_ANY = "Các ban ngành có liên quan"

PHUOC_MY_TARGET_ROWS = [
    bold("1", "Kết quả các chỉ số đánh giá hiệu quả cải cách hành chính của xã"),
    ("1.1", "Chỉ số cải cách hành chính (Par Index)",
     "Năm trong nhóm các đơn vị dẫn đầu khối UBND phường, xã", PM_VP, PM_ALL),
    ("1.2", "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà "
     "nước (SIPAS)", "", PM_VP),
    ("1.3", "Chỉ số Chuyển đổi số (DTI)", "", PM_VP),
    ("2", "Các văn bản quy phạm pháp luật trên địa bàn xã được ban hành đúng trình tự, thủ tục, thẩm "
     "quyền và đảm bảo chất lượng theo quy định", "100%", "Tư pháp", PM_VP),
    bold("3", "Cải cách thủ tục hành chính"),
    ("3.1", "Thủ tục hành chính nội bộ được công khai trên Trang thông tin điện tử xã", "100%",
     PM_VP, PM_ALL),
    ("3.2", "Thực hiện số hóa hồ sơ, kết quả giải quyết các TTHC thuộc thẩm quyền của xã", "100%",
     PM_VP, PM_ALL),
    # Printed across a page break: the item goes on below the header repeated on the next page.
    ("3.3", "Sử dụng lại các thông tin, giấy tờ, tài liệu đã", "50%", PM_VP, "Các ban ngành liên"),
    HEADER,
    ("", "được chấp nhận khi thực hiện thành công thủ tục hành chính", "", "", "quan"),
    bold("5", "Chính quyền điện tử, chính quyền số"),
    ("5.1", "Chế độ báo cáo, chỉ tiêu tổng hợp báo cáo định kỳ theo quy định trên Hệ thống thông tin "
     "báo cáo Chính phủ", "100%", "", PM_VP),
    ("5.2", "Tỷ lệ lập hồ sơ công việc (trừ hồ sơ mật) trên môi trường mạng:", "60%", PM_VP,
     "Các ban ngành ủy ban"),
    ("5.3", "Dịch vụ công trực tuyến và thanh toán trực tuyến:", "", PM_VP, PM_ALL),
    ("", "- Tỷ lệ hồ sơ giải quyết toàn trình, một phần", "60%"),
    ("", "- Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia trên tổng số giao dịch thanh "
     "toán của dịch vụ công", "60%"),
    ("", "- Tỷ lệ TTHC có yêu cầu nghĩa vụ tài chính được thanh toán trực tuyến trên Cổng Dịch vụ "
     "công QG", "100%"),
    ("", "- Tỷ lệ kết quả xử lý hồ sơ TTHC của thành phố được đồng bộ đầy đủ trên Cổng Dịch vụ công "
     "quốc gia.", "100%"),
    ("", "- Tỷ lệ cấp kết quả giải quyết điện tử đối với hồ sơ giải quyết TTHC.", "100%"),
    ("5.4", "Kết quả thực hiện Bộ Chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, "
     "doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian trên môi trường "
     "điện tử ban hành theo Quyết định số 766/QĐ-TTg", "90%", PM_VP, PM_ALL),
]

PHUOC_MY_TARGETS = SheetSpec(
    name="Phụ lục 1",
    titles=PM_LETTERHEAD + (
        Line("PHỤ LỤC 1"),
        Line("CÁC CHỈ TIÊU CÔNG TÁC CẢI CÁCH HÀNH CHÍNH XÃ PHƯỚC MỸ NĂM 2024"),
    ),
    header=(
        ("STT", "Chỉ tiêu", "Chỉ tiêu phấn đấu năm 2024", "Trách nhiệm cụ thể", None),
        (None, None, None, "Đơn vị theo dõi, hướng dẫn thực hiện", "Đơn vị thực hiện"),
    ),
    widths=(6, 62, 20, 22, 22),
    centred=frozenset({0, 2}),
    rows=PHUOC_MY_TARGET_ROWS,
)

PHUOC_MY_TASK_ROWS = [
    bold("I", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH"),
    ("1", "Tổ chức tổng kết công tác cải cách hành chính, khen thưởng năm 2023 và triển khai nhiệm vụ "
     "công tác cải cách hành chính tỉnh năm 2024.", "Hội nghị do Lãnh đạo UBND xã Chủ trì",
     PM_VP, PM_ALL, "Quý I"),
    ("1.1", "Triển khai khắc phục các nội dung sau khi UBND thành phố Công bố kết quả đánh giá Chỉ số "
     "cải cách hành chính (PAR INDEX), Chỉ số đo lường sự hài lòng của người dân, tổ chức đối với sự "
     "phục vụ của cơ quan hành chính nhà nước (SIPAS)",
     "Kế hoạch, Văn bản chỉ đạo rà soát, khắc phục", PM_VP, PM_ALL, ""),
    ("1.2", "Khen thưởng trong công tác cải cách hành chính, cải cách thủ tục hành chính, chuyển đổi "
     "số", "Quyết định khen thưởng của UBND xã", PM_VP, PM_ALL, ""),
    ("2", "Kế hoạch kiểm tra cải cách hành chính năm 2024", "Kế hoạch của UBND xã", PM_VP, PM_ALL, ""),
    ("3", "Kế hoạch truyền thông về cải cách hành chính năm 2024", "Kế hoạch của UBND xã",
     "Văn hóa xã hội", PM_ALL, "Quý I"),
    ("4", "Rà soát, cung cấp danh sách phục vụ Kế hoạch đo lường sự hài lòng của người dân, tổ chức "
     "đối với sự phục vụ của cơ quan hành chính nhà nước năm 2024",
     "Văn bản của UBND xã (khi có VB của cấp trên)", PM_VP, PM_ALL,
     "Theo Kế hoạch của UBND tỉnh, TP"),
    ("5", "Tiếp tục triển khai thực hiện công tác tự kiểm tra chế độ công vụ, công chức và trách "
     "nhiệm của người đứng đầu cơ quan, đơn vị, chấn chỉnh kỷ luật, kỷ cương hành chính",
     "- Kế hoạch kiểm tra\n- Quyết định thành lập Tổ Kiểm tra công vụ\n- Báo cáo kết quả kiểm tra",
     PM_VP, PM_ANY, "Quý I"),
    bold("II", "CẢI CÁCH THỂ CHẾ"),
    ("6", "Ban hành Kế hoạch kiểm tra kiểm tra, xử lý, rà soát, hệ thống hóa văn bản quy phạm pháp "
     "luật;", "Quyết định ban hành Kế hoạch của UBND", "Tư pháp", PM_ANY, "Tháng 1"),
    ("7", "Ban hành Kế hoạch theo dõi thi hành pháp luật năm 2024",
     "Quyết định ban hành Kế hoạch của UBND xã", "Tư pháp", PM_ANY, "Tháng 1"),
    ("8", "Kế hoạch phổ biến, giáo dục pháp luật, hòa giải ở cơ sở, xây dựng xã đạt chuẩn tiếp cận "
     "pháp luật năm 2024", "Quyết định ban hành Kế hoạch của UBND xã", "Tư pháp", PM_ANY, "Tháng 1"),
    ("9", "Báo cáo kết quả hệ thống hóa VBQPPL", "Báo cáo của UBND xã", "Tư pháp", PM_ANY,
     "Định kỳ hàng quý, 06 tháng, năm"),
    ("10", "Công bố danh mục VBQPPL hết hiệu lực, ngưng hiệu lực", "Quyết định của UBND xã",
     "Tư pháp", PM_ANY, "Tháng 1"),
    bold("III", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
    ("11", "Triển khai hoạt động rà soát, kiểm soát TTHC thuộc thẩm quyền giải quyết của xã",
     "- Các văn bản triển khai, hướng dẫn thực hiện\n- Các Báo cáo kết quả thực hiện công tác kiểm "
     "soát thủ tục hành chính quý, 6 tháng, năm của UBND xã",
     PM_VP, PM_ANY, "Cả năm"),
    ("12", "Đề xuất các thủ tục hành chính cần đơn giản hóa", "Công văn của UBND xã", PM_VP, PM_ANY,
     "Cả năm"),
    ("13", "Triển khai Quy chế thực hiện công tác số hoá và tái sử dụng dữ liệu thành phần hồ sơ, kết "
     "quả giải quyết TTHC", "Văn bản triển khai, hướng dẫn thực hiện", PM_VP, PM_ANY,
     "Sau khi có Quyết định của UBND tỉnh, TP"),
    ("14", "Triển khai quy định đánh giá mức độ hài lòng của người dân, doanh nghiệp và sử dụng kết "
     "quả đánh giá để nâng cao chất lượng phục vụ trong công tác tiếp nhận, giải quyết và trả kết quả "
     "hồ sơ TTHC", "Văn bản triển khai, hướng dẫn thực hiện", PM_VP, PM_ANY,
     "Sau khi có Quyết định của UBND tỉnh"),
    ("15", "Thực hiện công khai các TTHC được sửa đổi, bổ sung, mới ban hành thuộc thẩm quyền giải "
     "quyết của xã trên Trang thông tin điện tử xã.",
     "- Quyết định công khai\n- Các quy trình giải quyết TTHC", PM_VP, PM_ANY, "Cả năm"),
    bold("IV", "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC"),
    ("16", "Triển khai thực hiện Kế hoạch số 103/KH-UBND ngày 10/10/2023 của UBND xã về thực hiện Kế "
     "hoạch số 155/KH-UBND ngày 05/10/2023 của UBND thành phố về thực hiện Nghị quyết số 04/NQ-CP "
     "ngày 10/01/2022 của Chính phủ về đẩy mạnh phân cấp, phân quyền trong quản lý nhà nước",
     "Văn bản báo cáo của UBND xã", PM_VP, PM_ANY, "Cả năm"),
    ("17", "Thường xuyên cập nhật cơ sở dữ liệu về CCVC của tỉnh (đúng - đủ - sạch - sống)",
     "Văn bản của UBND xã", PM_VP, PM_ANY, "Theo yêu cầu của phòng Nội vụ"),
    bold("V", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ"),
    ("18", "Đăng ký nhu cầu đào tạo, bồi dưỡng cán bộ, công chức (thường xuyên và chuyên sâu) năm "
     "2024 theo Kế hoạch của thành phố", "Kế hoạch của UBND TP", PM_VP, PM_ANY, "Quý I"),
    ("19", "Tiếp tục triển khai thực hiện công tác tự kiểm tra chế độ công vụ, công chức, chấn chỉnh "
     "kỷ luật, kỷ cương hành chính và thực hiện các nhiệm vụ của Chủ tịch UBND thành phố, Chủ tịch "
     "UBND xã giao",
     "- Quyết định ban hành Kế hoạch kiểm tra công vụ năm 2024\n- Báo cáo kết quả kiểm tra của Tổ "
     "Kiểm tra công vụ", PM_VP, PM_ANY,
     "Ban hành Kế hoạch trong tháng 1/2024; Báo cáo kết quả kiểm tra trong tháng 12/2024"),
    Span("VI CẢI CÁCH TÀI CHÍNH CÔNG"),
    ("20", "Thực hiện công khai tài chính", "Báo cáo của UBND xã", "Tài chính - Kế toán", PM_ANY,
     "Theo quy định về công khai tài chính"),
    ("21", "Xây dựng và báo cáo dự toán, chấp hành, quyết toán ngân sách", "Báo cáo của UBND xã",
     "Tài chính - Kế toán", PM_ANY, "Năm 2024"),
    Span("VII XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ"),
    ("22", "Kế hoạch chuyển đổi số xã Phước Mỹ năm 2024", "Kế hoạch của UBND xã", "Văn hóa xã hội",
     PM_VP, "Quý I"),
    ("23", "Tiếp tục triển khai đồng bộ việc tạo lập hồ sơ công việc điện tử ở tất cả các đơn vị (trừ "
     "hồ sơ công việc thuộc phạm vi bí mật nhà nước); Tạo lập và lưu trữ hồ sơ thủ tục hành chính "
     "điện tử theo Kế hoạch số 170/KH-UBND ngày 18/10/2023 của UBND tỉnh triển khai thực hiện Thông "
     "tư số 13/2023/TT-BNV ngày 31/8/2023 của Bộ Trưởng Bộ Nội vụ",
     "Các văn bản triển khai, hướng dẫn thực hiện của UBND xã", PM_VP, PM_ANY, "Cả năm"),
]

PHUOC_MY_TASKS = SheetSpec(
    name="Phụ lục 2",
    titles=PM_LETTERHEAD + (
        Line("PHỤ LỤC 2"),
        Line("23 NHIỆM VỤ TRỌNG TÂM CỦA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH XÃ PHƯỚC MỸ NĂM 2024"),
    ),
    header=(("TT", "Nhiệm vụ", "Hoạt động/sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
             "Thời gian thực hiện"),),
    widths=(6, 56, 38, 18, 22, 24),
    centred=frozenset({0}),
    rows=PHUOC_MY_TASK_ROWS,
)
