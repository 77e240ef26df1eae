"""Tables built by hand from the seed documents, for the plan tests (no reader needed)."""
from __future__ import annotations

from decimal import Decimal

from pyxl.core.model import MISSING_DEADLINE, SCORES, TASKS, Deadline, Item, Table, Totals


def row(code, title, max_points=None, appraised=None, solution=None, lead=(), partners=(), deadline=None,
        reason=None, group=False, product=None, target=None, stated=None, note=None, evidence=None):
    """One table row as the reader would give it (before parents and lost points)."""
    def dec(value):
        return None if value is None else Decimal(str(value))

    return Item(
        row=0, code=code, title=title, is_group=group, max_points=dec(max_points), appraised_points=dec(appraised),
        stated_lost=dec(stated), solution=solution, target=target, product=product,
        lead=tuple(lead) if not isinstance(lead, str) else (lead,),
        partners=tuple(partners) if not isinstance(partners, str) else (partners,),
        deadline=Deadline(deadline, None, "vague") if deadline else MISSING_DEADLINE, reason=reason, note=note,
        evidence=evidence,
    )


def _is_prefix(parent: str, child: str) -> bool:
    a, b = parent.split("."), child.split(".")
    return len(a) < len(b) and b[: len(a)] == a


def make_table(sheet, kind, rows, title_lines=(), year=None) -> Table:
    """Rows with worksheet rows, parents, levels, lost points and totals filled in (DESIGN.md rules)."""
    items: list[Item] = []
    group = None
    for i, item in enumerate(rows):
        parent = None
        if item.is_group:
            group = i
        else:
            for j in range(i - 1, (group if group is not None else -1), -1):
                if items[j].code and item.code and _is_prefix(items[j].code, item.code):
                    parent = j
                    break
            if parent is None:
                parent = group
        level = len(item.code.split(".")) if item.code and not item.is_group else 0
        items.append(Item(**{**item.__dict__, "row": 6 + i, "last_row": 6 + i, "parent": parent, "level": level}))
    lost: list[Decimal | None] = [None] * len(items)
    for i in range(len(items) - 1, -1, -1):
        item = items[i]
        if item.max_points is not None and item.appraised_points is not None:
            lost[i] = item.max_points - item.appraised_points
        elif item.stated_lost is not None:
            lost[i] = abs(item.stated_lost)
        else:
            kids = [lost[k] for k, other in enumerate(items) if other.parent == i and lost[k] is not None]
            lost[i] = sum(kids, Decimal(0)) if kids else None
    items = [Item(**{**item.__dict__, "lost_points": value}) for item, value in zip(items, lost)]
    roots = [i for i, item in enumerate(items) if item.parent is None]

    def total(name):
        values = [getattr(items[i], name) for i in roots if getattr(items[i], name) is not None]
        return sum(values, Decimal(0)) if values else None

    totals = Totals(total("max_points"), total("appraised_points"),
                    sum((lost[i] for i in roots if lost[i] is not None), Decimal(0)))
    return Table(sheet=sheet, kind=kind, items=tuple(items), totals=totals, findings=(),
                 title_lines=tuple(title_lines), year=year)


COMMUNE_STAFF = "Các công chức chuyên môn thuộc UBND xã"

SON_GIANG = make_table("PHỤ LỤC", SCORES, [
    row("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 9, 7.95),
    row("1.2", "Mức độ hoàn thành kế hoạch CCHC :  được đánh giá trên 7 nội dung, lĩnh vực CCHC đạt 85%", 1.5, 1.2,
        "Phân công nhiệm vụ rõ ràng cho từng công chức chuyên môn theo lĩnh vực CCHC. Thường xuyên kiểm tra, đôn đốc "
        "tiến độ thực hiện.\nKhen thưởng các cá nhân, tập thể hoàn thành tốt kế hoạch", "Văn phòng",
        ["Các công chức: Tư pháp, Tài chính – Kế toán, Văn hóa – XH, Địa chính – XD."], "Trong năm 2021"),
    row("1.6", "Công tác tuyên truyền CCHC: Mức độ hoàn thành 90% kế hoạch;", 1, 0.8,
        "Thực hiện tốt công tác tuyên truyền nội dung CCHC thông qua các cuộc họp giao ban, hội nghị sơ kết, tổng kết "
        "và trên trang thông tin điện tử của xã.", "Văn hóa - XH", "Tư pháp", "Trong năm 2021"),
    row("1.7", "Sáng kiến hoặc giải pháp mới trong cải cách hành chính: chưa có sáng kiến cấp tỉnh", 1.5, 1,
        "Đẩy mạnh việc viết sáng kiến/giải pháp hữu ích về công tác CCHC cấp tỉnh", COMMUNE_STAFF, COMMUNE_STAFF,
        "Trong năm 2021"),
    row("2", "XÂY DỰNG VÀ TỔ CHỨC THỰC HIỆN VĂN BẢN QPPL TẠI TỈNH", 5.5, 5.0),
    row("2.5", "Tổ chức thực hiện các văn bản QPPL của cấp trên và của đơn vị tại địa phương: mới đạt tỷ lệ từ 80 "
        "đến dưới 100%", 1.0, 0.5, "Thực hiện tốt các văn bản QPPL của cấp trên và của đơn vị.", "Tư pháp",
        COMMUNE_STAFF, "Trong năm 2021"),
    row("3", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 14.0, 12.0),
    row("3.2", "Thực hiện cơ chế một cửa, một cửa liên thông", 4.0, 2.0),
    row("3.2.1", "Thực hiện cơ chế một cửa, một cửa liên thông: tỷ lệ thực hiện đạt dưới 100%", 1.0, 0,
        "Đạt tỷ lệ 100% số TTHC thuộc thẩm quyền giải quyết của đơn vị (trừ các TTHC đặc thù)", "Văn phòng",
        COMMUNE_STAFF, "Trong năm 2021"),
    row("3.2.3", "Thực hiện lấy ý kiến đánh giá sự hài lòng người dân, doanh nghiệp khi giải quyết TTHC tại Bộ phận "
        "tiếp nhận và trả kết quả cấp xã", 1.0, 0, "Triển khai các cách thức khác nhau để lấy ý kiến đánh giá:",
        "Tư pháp", ["Các công chức Tư pháp – HT; Văn hóa – XH; Địa chính – XD"], "Trong năm 2021"),
    row("4", "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH", 9.0, 6.0),
    row("4.2", "Thực hiện các nhiệm vụ do UBND huyện, Chủ tịch UBND huyện giao: Hoàn thành dưới 80%", 3.0, 1.0,
        "Phân công cán bộ, công chức tham mưu thực hiện, theo dõi tiến độ và chịu trách nhiệm trước UBND xã",
        "Văn phòng ", "Các công chức chuyên môn thuộc UBND xã và các thôn", "Trong năm 2021"),
    row("4.3", "Thực hiện chức năng nhiệm vụ của đơn vị trong năm theo chương trình khung: Khá", 3.0, 2.0,
        "Phân công cán bộ, công chức tham mưu thực hiện chương trình, kế hoạch trọng tâm trong năm", "Văn phòng",
        "Các công chức chuyên môn thuộc UBND xã và các thôn", "Trong năm 2021"),
    row("7", "HIỆN ĐẠI HÓA HÀNH CHÍNH", 13.5, 11.6),
    row("7.1", "Ứng dụng công nghệ thông tin (CNTT) của tỉnh", 8.0, 7.6),
    row("7.1.6", "Tỷ lệ TTHC cung cấp trực tuyến mức độ 3, 4 có phát sinh hồ sơ trong năm. Đạt từ 10 – 20%", 0.5, 0.25,
        "Tăng cường hiệu quả khai thác, sử dụng dịch vụ công trực tuyến mức độ 3, mức độ 4 trên địa bàn xã",
        "Văn hóa - XH", "Các công chức chuyên môn", "Trong năm 2021"),
    row("7.1.7", "Tỷ lệ hồ sơ TTHC được tiếp nhận và xử lý trực tuyến mức độ 3. Đạt từ 10 – 20%", 0.5, 0.35,
        "Tăng cường khai thác, sử dụng dịch vụ công trực tuyến mức độ 3", "Văn hóa - XH", "Các công chức chuyên môn",
        "Trong năm 2021"),
    row("7.2", "Áp dụng Hệ thống quản lý chất lượng ISO (ISO 9001) theo quy định", 5.5, 4.0),
    row("7.2.4", "Việc áp dụng và vận hành các quy trình trong giải quyết công việc và TTHC: Thực hiện đáp ứng từ 70% "
        "đến dưới 90% theo quy trình", 1.5, 0.5, "Thực hiện tốt các quy trình công việc và TTHC theo tiêu chuẩn ISO",
        "Văn phòng", COMMUNE_STAFF, "Trong năm 2021"),
    row("7.2.5", "Việc sắp xếp và lưu trữ tài liệu hồ sơ theo quy định: đảm bảo từ 75 đến dưới 90%", 1.0, 0.5,
        "Thực hiện việc sắp xếp và lưu trữ tài liệu theo đúng quy định", "Văn phòng", COMMUNE_STAFF, "Trong năm 2021"),
], title_lines=(
    "PHỤ LỤC",
    "KẾ HOẠCH KHẮC PHỤC NHỮNG TỒN TẠI, HẠN CHẾ TRONG CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2020",
    "VÀ GIẢI PHÁP NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2021",
    "(Kèm theo kế hoạch số 18/KH-UBND ngày 19 tháng 3 năm 2021 của UBND xã Sơn Giang)",
))

_IA_PA_PARTNERS = ["Cơ quan, đơn vị liên quan", "UBND xã"]
_IA_PA_ONGOING = "Trong năm 2019 và các năm tiếp theo"
IA_PA = make_table("Phụ lục", SCORES, [
    row("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 8.25, 6.75),
    row("1.2", "Thực hiện chế độ báo cáo định kỳ", 1.75, 0.75,
        "Thực hiện đầy đủ, đúng thời gian quy định về các báo cáo định kỳ", ["Phòng Nội vụ", "Phòng Tư pháp"],
        _IA_PA_PARTNERS, "Quý I, 6 tháng, Quý III và năm"),
    row("1.4.2", "Thực hiện các hình thức tuyên truyền", 1, 0.5,
        "Đẩy mạnh tuyên truyền công tác cải cách hành chính bằng các hình thức khác", "Phòng Nội vụ",
        ["Phòng Tư pháp", *_IA_PA_PARTNERS], _IA_PA_ONGOING),
    row("3", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 15, 8.5),
    row("3.1.1", "Ban hành kế hoạch rà soát, đánh giá, TTHC", 0.5, 0,
        "Có văn bản đăng ký rà soát, đánh giá TTHC và ban hành kế hoạch rà soát, đánh giá TTHC đúng nội dung, thời "
        "gian quy định", "Phòng Tài nguyên và Môi trường", ["Văn phòng HĐND-UBND huyện", *_IA_PA_PARTNERS],
        _IA_PA_ONGOING),
    row("3.4", "Tỷ lệ hồ sơ TTHC do UBND cấp huyện, đơn vị hành chính cấp xã tiếp nhận trong năm được giải quyết "
        "đúng hạn", 2, 1, "100% số hồ sơ TTHC trong năm được giải quyết đúng hạn",
        ["Cơ quan, đơn vị có TTHC", "UBND xã"], (), _IA_PA_ONGOING),
    row("5", "XÂY DỰNG VÀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CBCCVC", 7.5, 4.25),
    row("5.1.2", "Đơn vị sự nghiệp thuộc UBND cấp huyện bố trí viên chức theo vị trí việc làm đã được phê duyệt", 1,
        0.25, "- 80% đơn vị đã hoàn thiện bản mô tả công việc và khung năng lực của từng vị trí việc làm\n"
        "- Bố trí viên chức theo đúng vị trí việc làm được phê duyệt", "Phòng Nội vụ", _IA_PA_PARTNERS,
        _IA_PA_ONGOING),
    row("5.5", "Mức độ hoàn thành kế hoạch đào tạo, bồi dưỡng CBCCVC", 1, 0, "Hoàn thành 100% kế hoạch",
        "Phòng Nội vụ", _IA_PA_PARTNERS, _IA_PA_ONGOING),
    row("6", "CẢI CÁCH TÀI CHÍNH CÔNG", 11, 6.5),
    row("6.4", "Xây dựng dự toán ngân sách hàng năm", 1, 0, "Thực hiện đúng thời gian quy định",
        "Phòng Tài chính-Kế hoạch huyện", _IA_PA_PARTNERS, _IA_PA_ONGOING),
    row("7", "HIỆN ĐẠI HÓA HÀNH CHÍNH", 13.25, 9.75),
    row("7.4.4", "Việc kiểm soát, vận hành Hệ thống quản lý chất lượng ISO 9001", 1, 0.75,
        "Thực hiện đầy đủ việc rà soát, sửa đổi, bổ sung cập nhật quy trình giải quyết TTHC",
        "Văn phòng HDND-UBND huyện", ["Các sở, ban, ngành", "UBND các huyện, thành phố"], _IA_PA_ONGOING),
], title_lines=(
    "PHỤ LỤC",
    "KẾ HOẠCH KHẮC PHỤC NHỮNG TỒN TẠI HẠN CHẾ TRONG CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2019 VÀ CÁC NĂM TIẾP THEO",
    "(Kèm theo Kế hoạch số 75/KH-UBND ngày 10 tháng 7 năm 2019 của UBND huyện Ia Pa)",
))

_VP = ["Văn phòng HĐND và UBND", "UBND các xã, thị trấn"]
VINH_LINH = make_table("Phụ lục 1", SCORES, [
    row("1.1.3", "Mức độ thực hiện kế hoạch CCHC", 2, 1.7, stated=-0.3,
        reason="HĐ thẩm định đánh giá huyện hoàn thành 85% kế hoạch",
        evidence="Tài liệu kiểm chứng: Báo cáo số 665/BC-UBND ngày 15 tháng 12 năm 2023"),
    row("1.6", "Sáng kiến trong triển khai công tác CCHC", 2, 1.5, stated=-0.5,
        reason="SNV đánh giá đạt 03 sáng kiến có hiệu quả (mỗi sáng kiến được 0,5 điểm)",
        lead=["Các phòng ban, đơn vị", "UBND các xã, thị trấn"]),
    row("3.1.1", "Rà soát, đánh giá TTHC và xử lý hoặc kiến nghị xử lý các vấn đề qua rà soát", 0.5, 0, stated=-0.5,
        reason="Không có kiến nghị đề xuất phương án đơn giản hoá được phê duyệt", lead="Văn phòng HĐND và UBND"),
    row("3.11.1", "Tỷ lệ TTHC được triển khai thanh toán trực tuyến", 1, 0.11, stated=-0.89,
        reason="Có 12/112 TTHC đã phát sinh HS thanh toán trực tuyến", lead=_VP),
    row("5.1.2", "Tỷ lệ các đơn vị sự nghiệp thuộc UBND cấp huyện có cơ cấu viên chức đúng theo vị trí việc làm được "
        "phê duyệt", 1, 0.5, stated=-0.5, reason="Đạt 94,6% đơn vị sự nghiệp", lead="Phòng Nội vụ"),
    row("6.1.2", "Thực hiện thu ngân sách hàng năm theo kế hoạch được tỉnh giao (trừ thu tiền sử dụng đất)", 1, 0,
        stated=-1, reason="Thu không đạt 100% kế hoạch được giao", lead="Phòng Tài chính - Kế hoạch"),
    row("7.3.2", "Lãnh đạo đơn vị áp dụng chữ ký số", 2, 1.56, stated=-0.44,
        reason="Tỷ lệ lãnh đạo các cơ quan, đơn vị thuộc huyện áp dụng ký số đạt 78%",
        lead=["Các phòng ban, đơn vị", "UBND các xã, thị trấn"]),
], title_lines=(
    "Phụ lục 1",
    "TỔNG HỢP CÁC NỘI DUNG THỰC HIỆN CẢI CÁCH HÀNH CHÍNH BỊ TRỪ ĐIỂM NĂM 2023",
    "(Kèm theo Kế hoạch số: /KH-UBND ngày /02/2024 của UBND huyện)",
))

_BAN_NGANH = "Các ban ngành liên quan"
_CO_LIEN_QUAN = "Các ban ngành có liên quan"
PHUOC_MY = make_table("PL2", TASKS, [
    row("I", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH", group=True),
    row("1", "Tổ chức tổng kết công tác cải cách hành chính, khen thưởng năm 2023 và triển khai nhiệm vụ năm 2024.",
        product="Hội nghị do Lãnh đạo UBND xã Chủ trì", lead="Văn phòng UBND xã", partners=_BAN_NGANH,
        deadline="Quý I"),
    row("1.1", "Triển khai khắc phục các nội dung sau khi UBND thành phố Công bố kết quả đánh giá Chỉ số cải cách "
        "hành chính (PAR INDEX)", product="Kế hoạch, Văn bản chỉ đạo rà soát, khắc phục", lead="Văn phòng UBND xã",
        partners=_BAN_NGANH),
    row("1.2", "Khen thưởng trong công tác cải cách hành chính, cải cách thủ tục hành chính, chuyển đổi số",
        product="Quyết định khen thưởng của UBND xã", lead="Văn phòng UBND xã", partners=_BAN_NGANH),
    row("2", "Kế hoạch kiểm tra cải cách hành chính năm 2024", product="Kế hoạch của UBND xã",
        lead="Văn phòng UBND xã", partners=_BAN_NGANH),
    row("3", "Kế hoạch truyền thông về cải cách hành chính năm 2024", product="Kế hoạch của UBND xã",
        lead="Văn hóa xã hội", partners=_BAN_NGANH, deadline="Quý I"),
    row("5", "Tiếp tục triển khai thực hiện công tác tự kiểm tra chế độ công vụ, công chức",
        product="- Kế hoạch kiểm tra\n- Quyết định thành lập Tổ Kiểm tra công vụ\n- Báo cáo kết quả kiểm tra",
        lead="Văn phòng UBND xã", partners=_CO_LIEN_QUAN, deadline="Quý I"),
    row("II", "CẢI CÁCH THỂ CHẾ", group=True),
    row("6", "Ban hành Kế hoạch kiểm tra, xử lý, rà soát, hệ thống hóa văn bản quy phạm pháp luật;",
        product="Quyết định ban hành Kế hoạch của UBND", lead="Tư pháp", partners=_CO_LIEN_QUAN, deadline="Tháng 1"),
    row("9", "Báo cáo kết quả hệ thống hóa VBQPPL", product="Báo cáo của UBND xã", lead="Tư pháp",
        partners=_CO_LIEN_QUAN, deadline="Định kỳ hàng quý, 06 tháng, năm"),
    row("III", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", group=True),
    row("13", "Triển khai Quy chế thực hiện công tác số hoá và tái sử dụng dữ liệu thành phần hồ sơ, kết quả giải "
        "quyết TTHC", product="Văn bản triển khai, hướng dẫn thực hiện", lead="Văn phòng UBND xã",
        partners=_CO_LIEN_QUAN, deadline="Sau khi có Quyết định của UBND tỉnh, TP"),
    row("VI", "CẢI CÁCH TÀI CHÍNH CÔNG", group=True),
    row("20", "Thực hiện công khai tài chính", product="Báo cáo của UBND xã", lead="Tài chính - Kế toán",
        partners=_CO_LIEN_QUAN, deadline="Theo quy định về công khai tài chính"),
    row("VII", "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", group=True),
    row("22", "Kế hoạch chuyển đổi số xã Phước Mỹ năm 2024", product="Kế hoạch của UBND xã", lead="Văn hóa xã hội",
        partners="Văn phòng UBND xã", deadline="Quý I"),
], title_lines=(
    "ỦY BAN NHÂN DÂN",
    "XÃ PHƯỚC MỸ",
    "PHỤ LỤC 2",
    "23 NHIỆM VỤ TRỌNG TÂM CỦA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH XÃ PHƯỚC MỸ NĂM 2024",
))

TRICKY_LEAD = "Phòng Tài chính & Kế hoạch <TC-KH> {{ x }}"
TRICKY = make_table("PHỤ LỤC", SCORES, [
    row("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 9, 8),
    row("1.1", 'Tiêu chí có "ngoặc kép" & <thẻ> {% if %}', 1, 0.5,
        "Dòng một {{ front.unit }}\nDòng hai {% for x in y %} & 'nháy'\n{#- comment #} {_{ giữ nguyên", TRICKY_LEAD,
        ["Văn phòng \"HĐND & UBND\""], "Trước 30/6/2024 {% endif %}", reason="Lý do <b>đậm</b>\nhai dòng"),
    row("1.2", "Tiêu chí không mất điểm", 0.5, 0.5, "Không cần làm gì", "Văn phòng", (), "Cả năm"),
], title_lines=("(Kèm theo Kế hoạch số 05/KH-UBND ngày 05 tháng 01 năm 2024 của UBND xã Ia Mrơn)",))

ALL_SCORES = {"son_giang": SON_GIANG, "ia_pa": IA_PA, "vinh_linh": VINH_LINH, "tricky": TRICKY}
