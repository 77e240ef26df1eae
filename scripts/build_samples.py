"""Build the sample workbooks in samples/ from the seed documents, typed the way officers type them.

    python scripts/build_samples.py           # write samples/*.xlsx
    python scripts/build_samples.py --check   # verify them; exit 1 on any mismatch

The rows are copied from the seed texts, typos and all: a sample that was tidied up would hide the
defects the reader has to cope with. Each cell is written as Excel stores what an officer types:
"7.95" and "1" become numbers, "0,75", "-0,3" and " 1.03" stay text, "60%" becomes 0.6 shown as 60%.
Builds are byte-for-byte reproducible (fixed document dates and zip timestamps).
"""
from __future__ import annotations

import argparse
import io
import math
import re
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.writer.excel import ExcelWriter
from python_calamine import CalamineWorkbook

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
BUILT_AT = datetime(2024, 3, 1, 8, 0, 0)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


# ---------------------------------------------------------------- row and title markers

class Bold(str):
    """A cell the officer made bold."""


@dataclass(frozen=True)
class Span:
    """One bold cell merged across the whole table width (a group line typed as one cell)."""
    text: str


@dataclass(frozen=True)
class Line:
    """A title line above the table, merged across the table width."""
    text: str
    italic: bool = False


@dataclass(frozen=True)
class Pair:
    """A line of the two-sided letterhead: issuing body on the left, national motto on the right."""
    left: str
    right: str


HEADER = "<the header rows again, as printed at the top of a new page>"
BLANK: tuple = ()


def bold(*cells: str) -> tuple:
    """A row whose every cell is bold."""
    return tuple(Bold(c) for c in cells)


@dataclass(frozen=True)
class SheetSpec:
    """One worksheet: its titles, header rows (None = covered by a merge), columns and rows."""
    name: str
    titles: tuple
    header: tuple
    widths: tuple
    centred: frozenset
    rows: list


# ---------------------------------------------------------------- Ia Pa 2019 (seed 001)

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


# ---------------------------------------------------------------- Sơn Giang 2021 (seed 002)

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


# ---------------------------------------------------------------- Vĩnh Linh 2023 (seed 004)

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


# ---------------------------------------------------------------- Phước Mỹ 2024 (seed 003)

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

WORKBOOKS = {
    "ia_pa_2019.xlsx": (IA_PA,),
    "son_giang_2021.xlsx": (SON_GIANG,),
    "vinh_linh_2023.xlsx": (VINH_LINH,),
    "phuoc_my_2024.xlsx": (PHUOC_MY_TARGETS, PHUOC_MY_TASKS),
}


# ---------------------------------------------------------------- typing and styling

FONT_NAME = "Times New Roman"
BODY_SIZE, TITLE_SIZE = 12, 13
THIN = Side(style="thin")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
LEFT_PAIR_COLUMNS = 2
_INTEGER = re.compile(r"-?\d+")
_DECIMAL = re.compile(r"-?\d+\.(\d+)")
_PERCENT = re.compile(r"\d+%")


def typed(text: str) -> tuple[object, str]:
    """What Excel stores when an officer types text (dot decimals): (value, number format)."""
    if text == "":
        return None, "General"
    if _INTEGER.fullmatch(text):
        return int(text), "General"
    decimal = _DECIMAL.fullmatch(text)
    if decimal:
        # An officer who types "14.0" sees "14.0": Excel keeps the zero as a format, not a value.
        places = decimal.group(1)
        return float(text), "0." + "0" * len(places) if places.endswith("0") else "General"
    if _PERCENT.fullmatch(text):
        return int(text[:-1]) / 100, "0%"
    return str(text), "General"


def font(bold: bool = False, italic: bool = False, size: int = BODY_SIZE) -> Font:
    """The one typeface of Vietnamese administrative documents."""
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic)


def put(ws, row: int, col: int, text: str, *, bold: bool = False, italic: bool = False,
        size: int = BODY_SIZE, centre: bool = False, border: bool = True) -> None:
    """Type one cell and format it like the rest of the document."""
    cell = ws.cell(row=row, column=col)
    cell.value, cell.number_format = typed(text)
    cell.font = font(bold, italic, size)
    cell.alignment = Alignment(horizontal="center" if centre else "left", vertical="center",
                               wrap_text=True)
    if border:
        cell.border = GRID


def merge(ws, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
    """Merge a block; openpyxl gives its edge cells the top-left cell's border."""
    ws.merge_cells(start_row=first_row, start_column=first_col,
                   end_row=last_row, end_column=last_col)


def write_title(ws, row: int, line, width: int) -> int:
    """One title line (or a blank line) above the table; returns the next row."""
    if isinstance(line, Line):
        put(ws, row, 1, line.text, bold=not line.italic, italic=line.italic, size=TITLE_SIZE,
            centre=True, border=False)
        merge(ws, row, 1, row, width)
    elif isinstance(line, Pair):
        put(ws, row, 1, line.left, bold=True, size=TITLE_SIZE, centre=True, border=False)
        merge(ws, row, 1, row, LEFT_PAIR_COLUMNS)
        put(ws, row, LEFT_PAIR_COLUMNS + 1, line.right, bold=True, size=TITLE_SIZE, centre=True,
            border=False)
        merge(ws, row, LEFT_PAIR_COLUMNS + 1, row, width)
    return row + 1


def write_header(ws, row: int, header: tuple) -> int:
    """The header rows; a label spans down over an empty cell below, else across empty cells."""
    for offset, labels in enumerate(header):
        for col, label in enumerate(labels, start=1):
            put(ws, row + offset, col, label or "", bold=True, centre=True)
    if len(header) == 2:
        top, below = header
        for col, label in enumerate(top, start=1):
            if label is None:
                continue
            if below[col - 1] is None:
                merge(ws, row, col, row + 1, col)
            else:
                last = col
                while last < len(top) and top[last] is None:
                    last += 1
                merge(ws, row, col, row, last)
    return row + len(header)


def write_row(ws, row: int, cells, spec: SheetSpec) -> None:
    """One table row, padded with empty bordered cells to the table width."""
    width = len(spec.widths)
    if isinstance(cells, Span):
        put(ws, row, 1, cells.text, bold=True)
        merge(ws, row, 1, row, width)
        return
    for col in range(1, width + 1):
        text = cells[col - 1] if col <= len(cells) else ""
        put(ws, row, col, text, bold=isinstance(text, Bold), centre=col - 1 in spec.centred)


def text_lines(text: str, width: float, size: int, bold: bool) -> int:
    """Roughly how many lines a wrapped text needs in a column of this width (Excel units)."""
    scale = size / BODY_SIZE * (1.08 if bold else 1.0)
    lines = 0
    for paragraph in text.split("\n"):
        units = sum(1.45 if ch.isupper() else 1.0 for ch in paragraph) * scale
        lines += max(1, math.ceil(units * 0.97 / max(width - 1.5, 1)))
    return lines


def fit_row_heights(ws, widths: tuple) -> None:
    """Set each row tall enough for its wrapped text, as Excel's AutoFit would."""
    spans = {}
    for block in ws.merged_cells.ranges:
        total = sum(widths[c - 1] for c in range(block.min_col, block.max_col + 1))
        spans[(block.min_row, block.min_col)] = (total, block.max_row - block.min_row + 1)
    for cells in ws.iter_rows():
        needed = 1
        size = BODY_SIZE
        for cell in cells:
            if not isinstance(cell.value, str):
                continue
            width, rows = spans.get((cell.row, cell.column), (widths[cell.column - 1], 1))
            lines = text_lines(cell.value, width, cell.font.sz, cell.font.b)
            needed = max(needed, math.ceil(lines / rows))
            size = max(size, int(cell.font.sz))
        ws.row_dimensions[cells[0].row].height = round(needed * size * 1.3 + 2, 2)


def set_up_page(ws, spec: SheetSpec, header_rows: str, first_data_row: int) -> None:
    """Column widths, frozen header, A4 landscape printing with the header on every page."""
    for col, width in enumerate(spec.widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = f"A{first_data_row}"
    ws.print_title_rows = header_rows
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins = PageMargins(left=0.5, right=0.4, top=0.6, bottom=0.6)
    ws.print_options.horizontalCentered = True


def write_sheet(wb: Workbook, spec: SheetSpec) -> None:
    """Titles, a blank line, the header, then the rows."""
    ws = wb.create_sheet(spec.name)
    width = len(spec.widths)
    row = 1
    for line in spec.titles:
        row = write_title(ws, row, line, width)
    header_top = row + 1
    row = write_header(ws, header_top, spec.header)
    first_data_row = row
    for cells in spec.rows:
        if cells is HEADER:
            row = write_header(ws, row, spec.header)
            continue
        write_row(ws, row, cells, spec)
        row += 1
    set_up_page(ws, spec, f"{header_top}:{first_data_row - 1}", first_data_row)
    fit_row_heights(ws, spec.widths)


def build(sheets: tuple) -> bytes:
    """The .xlsx bytes of one workbook, identical on every run."""
    wb = Workbook()
    wb.remove(wb.active)
    for spec in sheets:
        write_sheet(wb, spec)
    wb.properties.creator = "parbook scripts/build_samples.py"
    wb.properties.created = wb.properties.modified = BUILT_AT
    raw = io.BytesIO()
    # ExcelWriter directly: Workbook.save would stamp the current time as "modified".
    ExcelWriter(wb, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED)).save()
    return fixed_zip_times(raw.getvalue())


def fixed_zip_times(data: bytes) -> bytes:
    """The same archive with every member dated 1980-01-01, so rebuilding gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------- --check

TOLERANCE = Decimal("0.005")
_CODE = re.compile(r"\d+(\.\d+)*")
_ROMAN = re.compile(r"[IVX]+")


class Mismatch(Exception):
    """A sample differs from what the seeds say it should hold."""


def read_grids(path: Path) -> dict[str, tuple[list[list[object]], list[str]]]:
    """Each sheet's plain values and merged ranges; openpyxl and calamine must read the same."""
    book = load_workbook(path)
    calamine = CalamineWorkbook.from_path(str(path))
    grids = {}
    for ws in book.worksheets:
        sheet = calamine.get_sheet_by_name(ws.title)
        by_openpyxl = trimmed([["" if v is None else v for v in row]
                               for row in ws.iter_rows(values_only=True)])
        by_calamine = trimmed(sheet.to_python(skip_empty_area=False))
        if by_openpyxl != by_calamine:
            raise Mismatch(f"{path.name} / {ws.title}: openpyxl and calamine read different values")
        merges_openpyxl = sorted(str(r) for r in ws.merged_cells.ranges)
        merges_calamine = sorted(
            f"{get_column_letter(c0 + 1)}{r0 + 1}:{get_column_letter(c1 + 1)}{r1 + 1}"
            for (r0, c0), (r1, c1) in sheet.merged_cell_ranges)
        if merges_openpyxl != merges_calamine:
            raise Mismatch(f"{path.name} / {ws.title}: openpyxl and calamine see different merges")
        grids[ws.title] = (by_openpyxl, merges_openpyxl)
    return grids


def trimmed(grid: list[list[object]]) -> list[list[object]]:
    """The grid without trailing empty rows and columns, numbers as floats (calamine's way)."""
    rows = [[float(v) if isinstance(v, int) else v for v in row] for row in grid]
    while rows and all(v == "" for v in rows[-1]):
        rows.pop()
    width = max((i + 1 for row in rows for i, v in enumerate(row) if v != ""), default=0)
    return [list(row[:width]) + [""] * (width - len(row)) for row in rows]


def amount(value: object) -> Decimal | None:
    """A score cell as a Decimal: numbers, or text with a decimal comma, a sign or a stray space."""
    if value in ("", None):
        return None
    if isinstance(value, float):
        return Decimal(repr(round(value, 9)))
    return Decimal(str(value).strip().replace(",", "."))


def code(value: object) -> str:
    """An STT cell as text: 1.0 → "1", 1.2 → "1.2"."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()


def vn(number: Decimal) -> str:
    """An amount the Vietnamese way: 1,05."""
    return f"{number.normalize():f}".replace(".", ",")


def expect(label: str, got: object, wanted: object) -> None:
    """Print a figure; raise when it is not the one the seed gives."""
    same = (abs(got - wanted) <= TOLERANCE if isinstance(got, Decimal) else got == wanted)
    shown = vn(got) if isinstance(got, Decimal) else got
    wanted_shown = vn(wanted) if isinstance(wanted, Decimal) else wanted
    print(f"    {label}: {shown}" + ("" if same else f"  ✗ expected {wanted_shown}"))
    if not same:
        raise Mismatch(f"{label}: {got!r} != {wanted!r}")


def scored_items(grid, first_row: int, code_col: int = 0, max_col: int = 2):
    """(row, code, max, appraised, stated lost) for each row with a code, from first_row on."""
    items = []
    for number, cells in enumerate(grid[first_row - 1:], start=first_row):
        text = code(cells[code_col])
        if _CODE.fullmatch(text):
            items.append((number, text, amount(cells[max_col]), amount(cells[max_col + 1]),
                          amount(cells[max_col + 2])))
    return items


def direct_children(items) -> dict[str, list]:
    """For each code, the listed items whose nearest listed ancestor it is (by dotted segments)."""
    children: dict[str, list] = {}
    for i, item in enumerate(items):
        segments = item[1].split(".")
        for earlier in reversed(items[:i]):
            parent = earlier[1].split(".")
            if len(parent) < len(segments) and segments[:len(parent)] == parent:
                children.setdefault(earlier[1], []).append(item)
                break
    return children


def check_ia_pa(grids) -> None:
    """5 lĩnh vực, 27 items that explain them exactly, 19,25 lost, one stray blank row."""
    grid = grids["PHỤ LỤC"]
    items = scored_items(grid, first_row=8)
    groups = [i for i in items if "." not in i[1]]
    leaves = [i for i in items if "." in i[1]]
    children = direct_children(items)
    expect("lĩnh vực rows", [g[1] for g in groups], ["1", "3", "5", "6", "7"])
    expect("items under them", len(leaves), 27)
    for _, number, top, appraised, stated in groups:
        expect(f"lĩnh vực {number}: Điểm chuẩn − Điểm thẩm định", top - appraised, stated)
        expect(f"lĩnh vực {number}: sum over its items",
               sum(c[4] for c in children[number]), stated)
    expect("total lost over the lĩnh vực rows", sum(g[4] for g in groups), Decimal("19.25"))
    expect("stray blank rows inside the table",
           sum(1 for row in grid[7:] if all(v == "" for v in row)), 1)
    no_partner = [code(row[0]) for row in grid[7:] if row[0] != "" and row[1] and row[5]
                  and row[7] == ""]
    expect("items with no partner agency", no_partner, ["3.4", "3.7"])


def check_son_giang(grids) -> None:
    """Lĩnh vực losses 1,05 + 0,5 + 2 + 3 + 1,9 = 8,45, with the " 1.03" defect still typed."""
    grid = grids["PHỤ LỤC"]
    items = scored_items(grid, first_row=7)
    groups = [i for i in items if "." not in i[1]]
    expect("first data row", groups[0][0], 7)
    expect("lĩnh vực 1 Điểm bị mất as typed", grid[6][4], " 1.03")
    wanted = {"1": "1.05", "2": "0.5", "3": "2", "4": "3", "7": "1.9"}
    expect("lĩnh vực rows", [g[1] for g in groups], list(wanted))
    for _, number, top, appraised, _ in groups:
        expect(f"lĩnh vực {number}: Điểm chuẩn − Điểm thẩm định", top - appraised,
               Decimal(wanted[number]))
    children = direct_children(items)
    expect("lĩnh vực 1: sum over its listed items (defect kept)",
           sum(c[2] - c[3] for c in children["1"]), Decimal("1.0"))
    expect("total max", sum(g[2] for g in groups), Decimal("51"))
    expect("total appraised", sum(g[3] for g in groups), Decimal("42.55"))
    expect("total lost", sum(g[2] - g[3] for g in groups), Decimal("8.45"))


def check_vinh_linh(grids) -> None:
    """17 items with codes in their titles; negative lost points summing to the stated -6,07."""
    grid = grids["Phụ lục 1"]
    items = [(row[0].split(" ")[0], amount(row[1]), amount(row[2]), amount(row[3]))
             for row in grid[5:] if _CODE.fullmatch(row[0].split(" ")[0].rstrip("."))]
    expect("items (codes inside the title cell)", len(items), 17)
    for number, top, appraised, lost in items:
        expect(f"{number} max − appraised = −(Điểm bị trừ)", top - appraised, -lost)
    expect("sum of Điểm bị trừ", sum(i[3] for i in items), Decimal("-6.07"))
    expect("last row", (grid[-1][0], grid[-1][3]), ("Tổng điểm trừ", "-6,07"))


def check_phuoc_my(grids) -> None:
    """Targets printed over two pages; 7 task groups, 25 tasks, three without a deadline."""
    targets = grids["Phụ lục 1"]
    numbered = [code(row[0]) for row in targets[8:] if _CODE.fullmatch(code(row[0]))]
    expect("Phụ lục 1 numbered targets", numbered,
           ["1", "1.1", "1.2", "1.3", "2", "3", "3.1", "3.2", "3.3",
            "5", "5.1", "5.2", "5.3", "5.4"])
    expect("Phụ lục 1 bullet rows without STT",
           sum(1 for row in targets if row[0] == "" and str(row[1]).startswith("- ")), 5)
    expect("Phụ lục 1 header printed twice", sum(1 for row in targets if row[0] == "STT"), 2)
    expect("Phụ lục 1 item 3.3 continued after the repeated header",
           [row[1] for row in targets if row[4] == "quan"],
           ["được chấp nhận khi thực hiện thành công thủ tục hành chính"])
    tasks = grids["Phụ lục 2"]
    groups = [code(row[0]).split(" ")[0] for row in tasks[7:]
              if _ROMAN.fullmatch(code(row[0]).split(" ")[0])]
    expect("Phụ lục 2 groups", groups, ["I", "II", "III", "IV", "V", "VI", "VII"])
    numbered = [row for row in tasks[7:] if _CODE.fullmatch(code(row[0]))]
    expect("Phụ lục 2 tasks", len(numbered), 25)
    expect("Phụ lục 2 tasks with no deadline",
           [code(row[0]) for row in numbered if row[5] == ""], ["1.1", "1.2", "2"])


CHECKS = {
    "ia_pa_2019.xlsx": check_ia_pa,
    "son_giang_2021.xlsx": check_son_giang,
    "vinh_linh_2023.xlsx": check_vinh_linh,
    "phuoc_my_2024.xlsx": check_phuoc_my,
}


def compare_with_fresh_build(path: Path, sheets: tuple, on_disk: dict) -> None:
    """Raise unless the file holds what this script builds now (same bytes, or same values)."""
    fresh = build(sheets)
    if path.read_bytes() == fresh:
        print("  same bytes as a fresh build")
        return
    with tempfile.TemporaryDirectory() as folder:
        rebuilt = Path(folder) / path.name
        rebuilt.write_bytes(fresh)
        if read_grids(rebuilt) != on_disk:
            raise Mismatch("differs from a fresh build: rerun python scripts/build_samples.py")
    print("  same values as a fresh build (bytes differ: another openpyxl or zlib version?)")


def check() -> int:
    """Verify every sample; 0 when all hold, 1 otherwise."""
    failures = 0
    for name, sheets in WORKBOOKS.items():
        path = SAMPLES / name
        print(f"samples/{name}")
        try:
            if not path.exists():
                raise Mismatch("missing: run python scripts/build_samples.py")
            on_disk = read_grids(path)
            compare_with_fresh_build(path, sheets, on_disk)
            for title, (grid, merges) in on_disk.items():
                print(f"  {title}: {len(grid)} rows × {len(grid[0])} columns, {len(merges)} merged "
                      f"ranges; openpyxl and calamine agree")
            CHECKS[name]({title: grid for title, (grid, _) in on_disk.items()})
        except Mismatch as problem:
            print(f"  MISMATCH: {problem}")
            failures += 1
    print("all samples match the seeds" if not failures else f"{failures} sample(s) do not match")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    """Write the samples, or with --check verify them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify samples/ instead of writing")
    if parser.parse_args(argv).check:
        return check()
    SAMPLES.mkdir(exist_ok=True)
    for name, sheets in WORKBOOKS.items():
        (SAMPLES / name).write_bytes(build(sheets))
        print(f"wrote samples/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
