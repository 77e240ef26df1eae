"""Agency cells: splitting, spelling normalisation and the catalogue (built-in and a workbook's own)."""
from __future__ import annotations

import csv
import unicodedata
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pyxl.core.agencies import LEVELS, Catalogue, normalize_name, split_agencies
from pyxl.core.agency_list import entries_from_rows
from pyxl.core.text import clean, tone_key

CATALOGUE = Catalogue.builtin()

# Every 'Cơ quan chủ trì / phối hợp / Trách nhiệm đơn vị phụ trách' cell of the seeds, and the
# 'Chủ trì: … / Phối hợp: …' lines of the narrative plans, with the names they hold.
SEED_CELLS = [
    # Ia Pa district, 2019 (appendix and narrative)
    ("Phòng Nội vụ, Phòng Tư pháp,", ["Phòng Nội vụ", "Phòng Tư pháp"]),
    ("Cơ quan, đơn vị liên quan, UBND xã", ["Cơ quan, đơn vị liên quan", "UBND xã"]),
    ("Phòng Nội vụ", ["Phòng Nội vụ"]),
    ("Phòng Tư pháp, Cơ quan, đơn vị liên quan, UBND xã",
     ["Phòng Tư pháp", "Cơ quan, đơn vị liên quan", "UBND xã"]),
    ("Phòng Tài nguyên và Môi trường", ["Phòng Tài nguyên và Môi trường"]),
    ("Văn phòng HĐND- UBND huyện, Cơ quan, đơn vị liên quan, UBND xã",
     ["Văn phòng HĐND- UBND huyện", "Cơ quan, đơn vị liên quan", "UBND xã"]),
    ("Văn phòng HĐND- UBND huyện", ["Văn phòng HĐND- UBND huyện"]),
    ("Cơ quan, đơn vị có TTHC, UBND xã", ["Cơ quan, đơn vị có TTHC", "UBND xã"]),
    ("Văn phòng HĐND-UBND huyện", ["Văn phòng HĐND-UBND huyện"]),
    ("Cơ quan, đơn vị, UBND xã", ["Cơ quan, đơn vị", "UBND xã"]),
    ("Phòng Tài chính-Kế hoạch huyện", ["Phòng Tài chính-Kế hoạch huyện"]),
    ("Phòng Văn hóa-Thông tin", ["Phòng Văn hóa-Thông tin"]),
    ("Cơ quan, đơn vị liên quan, UBND xã, Bưu điện huyện, Công an huyện",
     ["Cơ quan, đơn vị liên quan", "UBND xã", "Bưu điện huyện", "Công an huyện"]),
    ("Văn phòng HDND-UBND huyện", ["Văn phòng HDND-UBND huyện"]),
    ("Các sở, ban, ngành, UBND các huyện, thành phố", ["Các sở, ban, ngành", "UBND các huyện, thành phố"]),
    ("- Cơ quan chủ trì: Phòng Nội vụ huyện.", ["Phòng Nội vụ huyện"]),
    ("- Cơ quan có liên quan: Phòng Tư pháp, Phòng Văn hóa-Thông tin, các cơ quan, đơn vị, UBND xã.",
     ["Phòng Tư pháp", "Phòng Văn hóa-Thông tin", "các cơ quan, đơn vị", "UBND xã"]),
    ("- Cơ quan có liên quan: Phòng Tài nguyên-Môi trường, các cơ quan, đơn vị, UBND xã có thực hiện TTHC.",
     ["Phòng Tài nguyên-Môi trường", "các cơ quan, đơn vị", "UBND xã có thực hiện TTHC"]),
    ("- Cơ quan có liên quan: Các cơ quan, đơn vị, UBND xã.", ["Các cơ quan, đơn vị", "UBND xã"]),
    # Sơn Giang commune, 2021
    ("Văn phòng ", ["Văn phòng"]),
    ("Các công chức: Tư pháp, Tài chính – Kế toán, Văn hóa – XH, Địa chính – XD.",
     ["Tư pháp", "Tài chính – Kế toán", "Văn hóa – XH", "Địa chính – XD"]),
    ("Văn hóa - XH", ["Văn hóa - XH"]),
    ("Tư pháp ", ["Tư pháp"]),
    ("Các công chức chuyên môn thuộc UBND  xã", ["Các công chức chuyên môn thuộc UBND xã"]),
    ("Các công chức Tư pháp – HT; Văn hóa – XH; Địa chính – XD",
     ["Các công chức Tư pháp – HT", "Văn hóa – XH", "Địa chính – XD"]),
    ("Các công chức chuyên môn thuộc UBND xã và các thôn",
     ["Các công chức chuyên môn thuộc UBND xã và các thôn"]),
    ("Các công chức chuyên môn", ["Các công chức chuyên môn"]),
    # Tân Bình commune, 2021 (narrative)
    ("- Chủ trì: Công chức Văn hóa-Xã hội.", ["Công chức Văn hóa-Xã hội"]),
    ("- Phối hợp: Bộ phận Tiếp nhận và trả kết quả xã.", ["Bộ phận Tiếp nhận và trả kết quả xã"]),
    ("- Thực hiện: Bộ phận Tiếp nhận và trả kết quả xã.", ["Bộ phận Tiếp nhận và trả kết quả xã"]),
    ("- Chủ trì: Chủ tịch Ủy ban nhân dân xã.", ["Chủ tịch Ủy ban nhân dân xã"]),
    ("- Phối hợp/Thực hiện: Phó Chủ tịch UBND xã phụ trách lĩnh vực được phân công, công chức "
     "Tài chính-Kế toán, Địa chính-Xây dựng và Trưởng thôn các thôn có liên quan.",
     ["Phó Chủ tịch UBND xã phụ trách lĩnh vực được phân công", "công chức Tài chính-Kế toán",
      "Địa chính-Xây dựng và Trưởng thôn các thôn có liên quan"]),
    ("- Thực hiện: Cán bộ, công chức xã thực hiện xử lý công việc, văn bản trên môi trường điện tử.",
     ["Cán bộ, công chức xã thực hiện xử lý công việc, văn bản trên môi trường điện tử"]),
    ("- Phối hợp/Thực hiện: Bộ phận Tiếp nhận và trả kết quả xã và công chức có liên quan.",
     ["Bộ phận Tiếp nhận và trả kết quả xã và công chức có liên quan"]),
    # Phước Mỹ commune, 2024
    ("Văn phòng UBND xã", ["Văn phòng UBND xã"]),
    ("Các ban ngành liên quan", ["Các ban ngành liên quan"]),
    ("Các ban ngành có liên quan", ["Các ban ngành có liên quan"]),
    ("Văn hóa xã hội", ["Văn hóa xã hội"]),
    ("Tài chính - Kế toán", ["Tài chính - Kế toán"]),
    ("Các ban ngành ủy ban", ["Các ban ngành ủy ban"]),
    # Vĩnh Linh district, 2023
    ("Văn phòng HĐND và UBND; UBND các xã, thị trấn", ["Văn phòng HĐND và UBND", "UBND các xã, thị trấn"]),
    ("Các phòng ban, đơn vị; UBND các xã, thị trấn", ["Các phòng ban, đơn vị", "UBND các xã, thị trấn"]),
    ("Phòng Tài chính - Kế hoạch", ["Phòng Tài chính - Kế hoạch"]),
    ("UBND xã Vĩnh Khê, TT Cửa Tùng, Vĩnh Long, Vĩnh Sơn, Kim Thạch, Vĩnh Hà",
     ["UBND xã Vĩnh Khê", "TT Cửa Tùng", "Vĩnh Long", "Vĩnh Sơn", "Kim Thạch", "Vĩnh Hà"]),
]


@pytest.mark.parametrize(("cell", "expected"), SEED_CELLS)
def test_seed_cells_split_into_their_names(cell: str, expected: list[str]) -> None:
    assert split_agencies(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (None, []),
        ("", []),
        ("  \n ; ", []),
        ("Cơ quan, đơn vị liên quan", ["Cơ quan, đơn vị liên quan"]),
        ("UBND các xã, thị trấn", ["UBND các xã, thị trấn"]),
        ("Văn phòng HĐND và UBND", ["Văn phòng HĐND và UBND"]),
        ("- Phòng Nội vụ\n- Phòng Tư pháp;", ["Phòng Nội vụ", "Phòng Tư pháp"]),
        ("Phòng Nội vụ, ubnd các xã", ["Phòng Nội vụ", "ubnd các xã"]),
        # Commas inside one catalogue name are not separators.
        ("Trung tâm Văn hóa, Thông tin và Thể thao huyện, Phòng Kinh tế, Hạ tầng và Đô thị",
         ["Trung tâm Văn hóa, Thông tin và Thể thao huyện", "Phòng Kinh tế, Hạ tầng và Đô thị"]),
        ("Phòng Văn hóa, Khoa học và Thông tin, Phòng Nội vụ",
         ["Phòng Văn hóa, Khoa học và Thông tin", "Phòng Nội vụ"]),
        ("CƠ QUAN, ĐƠN VỊ LIÊN QUAN, UBND XÃ", ["CƠ QUAN, ĐƠN VỊ LIÊN QUAN", "UBND XÃ"]),
        (12, ["12"]),
    ],
)
def test_split_rules(cell: object, expected: list[str]) -> None:
    assert split_agencies(cell) == expected


def test_split_returns_nfc_for_nfd_input() -> None:
    cell = unicodedata.normalize("NFD", "Phòng Tư pháp, Cơ quan, đơn vị liên quan, UBND xã")
    assert split_agencies(cell) == ["Phòng Tư pháp", "Cơ quan, đơn vị liên quan", "UBND xã"]


def test_split_keeps_a_workbook_name_with_commas_whole() -> None:
    catalogue = CATALOGUE.extended([("Phòng Kinh tế, Nông nghiệp và Môi trường", [])])
    cell = "Phòng Kinh tế, Nông nghiệp và Môi trường, Văn phòng HĐND và UBND"
    assert split_agencies(cell) == ["Phòng Kinh tế", "Nông nghiệp và Môi trường", "Văn phòng HĐND và UBND"]
    assert split_agencies(cell, catalogue) == [
        "Phòng Kinh tế, Nông nghiệp và Môi trường", "Văn phòng HĐND và UBND"]


@given(st.text())
def test_split_never_raises_and_returns_pieces_of_the_input(text: str) -> None:
    cleaned = clean(text)
    for name in split_agencies(text):
        assert name and name == name.strip()
        assert name in cleaned


JOINABLE = ["Phòng Nội vụ", "Cơ quan, đơn vị liên quan", "UBND các xã, thị trấn", "Văn phòng HĐND và UBND",
            "Tài chính – Kế toán", "Phòng Kinh tế, Hạ tầng và Đô thị"]


@given(st.lists(st.sampled_from(JOINABLE), min_size=1, max_size=6),
       st.sampled_from([", ", "; ", "\n", "\n- "]))
def test_split_recovers_joined_names(names: list[str], separator: str) -> None:
    assert split_agencies(separator.join(names)) == names


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Văn phòng HĐND-UBND huyện", "Văn phòng HĐND và UBND huyện"),
        ("Văn phòng HĐND- UBND huyện", "Văn phòng HĐND và UBND huyện"),
        ("VP HĐND&UBND", "Văn phòng HĐND và UBND"),
        ("Văn phòng HDND-UBND huyện", "Văn phòng HĐND và UBND huyện"),
        ("Phòng Tài chính-Kế hoạch huyện", "Phòng Tài chính - Kế hoạch huyện"),
        ("Tài chính – Kế toán", "Tài chính - Kế toán"),
        ("Văn hóa – XH", "Văn hóa - Xã hội"),
        ("Địa chính – XD.", "Địa chính - Xây dựng"),
        ("Phòng TC-KH", "Phòng Tài chính - Kế hoạch"),
        ("Phòng TN&MT", "Phòng Tài nguyên và Môi trường"),
        ("Phòng TN-MT", "Phòng Tài nguyên và Môi trường"),
        ("Phòng VH-TT", "Phòng Văn hóa và Thông tin"),
        ("Phòng VH&TT", "Phòng Văn hóa và Thông tin"),
        ("VH-XH", "Văn hóa - Xã hội"),
        ("TP-HT", "Tư pháp - Hộ tịch"),
        ("TC-KT", "Tài chính - Kế toán"),
        ("ĐC-XD", "Địa chính - Xây dựng"),
        ("Công chức VP-TK", "Công chức Văn phòng - Thống kê"),
        ("TTPVHCC xã", "Trung tâm Phục vụ hành chính công xã"),
        ("Phòng LĐ-TB&XH", "Phòng Lao động - Thương binh và Xã hội"),
        ("Phòng LĐTB&XH", "Phòng Lao động - Thương binh và Xã hội"),
        ("Phòng GD&ĐT", "Phòng Giáo dục và Đào tạo"),
        ("Phòng NN&PTNT", "Phòng Nông nghiệp và Phát triển nông thôn"),
        ("Chủ tịch Ủy ban nhân dân xã", "Chủ tịch UBND xã"),
        ("Chủ tịch Uỷ ban nhân dân xã", "Chủ tịch UBND xã"),
        ("Thường trực Hội đồng nhân dân xã", "Thường trực HĐND xã"),
        ("phòng  Nội vụ ", "Phòng Nội vụ"),
        ("UBND xã, TTHC, CCHC", "UBND xã, TTHC, CCHC"),
        # A part glued to a further abbreviation is another body (Sở Văn hóa, Thể thao và Du lịch).
        ("Sở VH-TT&DL", "Sở VH - TT và DL"),
    ],
)
def test_normalize_name(name: str, expected: str) -> None:
    assert normalize_name(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Phòng Nội vụ huyện", "Phòng Nội vụ"),
        ("phòng Nội vụ", "Phòng Nội vụ"),
        ("Văn phòng HĐND-UBND huyện", "Văn phòng HĐND và UBND"),
        ("Văn phòng HĐND và UBND huyện", "Văn phòng HĐND và UBND"),
        ("VP HĐND&UBND", "Văn phòng HĐND và UBND"),
        ("Văn phòng HDND-UBND huyện", "Văn phòng HĐND và UBND"),
        ("Văn hóa - XH", "Văn hóa - Xã hội"),
        ("Văn hoá – Xã hội", "Văn hóa - Xã hội"),
        ("Văn hóa xã hội", "Văn hóa - Xã hội"),
        ("Công chức Văn hóa-Xã hội", "Văn hóa - Xã hội"),
        ("Công chức Văn phòng-Thống kê", "Văn phòng - Thống kê"),
        ("Các công chức Tư pháp – HT", "Tư pháp - Hộ tịch"),
        ("Tài chính – Kế toán", "Tài chính - Kế toán"),
        ("Địa chính – XD", "Địa chính - Nông nghiệp - Xây dựng và Môi trường"),
        ("Bộ phận Tiếp nhận và trả kết quả xã", "Bộ phận Tiếp nhận và trả kết quả"),
        ("Bộ phận TN&TKQ", "Bộ phận Tiếp nhận và trả kết quả"),
        ("Bộ phận một cửa", "Bộ phận Tiếp nhận và trả kết quả"),
        ("Chủ tịch Ủy ban nhân dân xã", "Chủ tịch UBND xã"),
        ("Phòng Tài chính-Kế hoạch huyện", "Phòng Tài chính - Kế hoạch"),
        ("Phòng TC-KH", "Phòng Tài chính - Kế hoạch"),
        ("Phòng Tài nguyên-Môi trường", "Phòng Tài nguyên và Môi trường"),
        ("TN&MT", "Phòng Tài nguyên và Môi trường"),
        ("Phòng Văn hóa-Thông tin", "Phòng Văn hóa và Thông tin"),
        ("Phòng Văn hoá và Thông tin", "Phòng Văn hóa và Thông tin"),
        ("Phòng LĐTB&XH huyện", "Phòng Lao động - Thương binh và Xã hội"),
        ("Trung tâm VH-TT và TDTT", "Trung tâm Văn hóa, Thông tin và Thể thao"),
        ("Phòng Kinh tế - Hạ tầng và Đô thị", "Phòng Kinh tế, Hạ tầng và Đô thị"),
        ("Phòng NN&MT", "Phòng Nông nghiệp và Môi trường"),
        ("Phòng Văn hóa - Khoa học và Thông tin", "Phòng Văn hóa, Khoa học và Thông tin"),
        ("TTPVHCC tỉnh", "Trung tâm Phục vụ hành chính công tỉnh"),
        ("VP UBND tỉnh", "Văn phòng UBND tỉnh"),
        ("Sở KH&CN", "Sở Khoa học và Công nghệ"),
        ("Cơ quan, đơn vị liên quan", "Các cơ quan, đơn vị liên quan"),
        ("các cơ quan, đơn vị", "Các cơ quan, đơn vị liên quan"),
        ("Các ban, ngành có liên quan", "Các cơ quan, đơn vị liên quan"),
        ("UBND các xã, phường, thị trấn", "UBND các xã, thị trấn"),
        ("Các công chức chuyên môn", "Các công chức chuyên môn thuộc UBND xã"),
        # Unknown: the normalised spelling itself.
        ("Bưu điện huyện", "Bưu điện huyện"),
        ("Văn phòng HĐND-UBND tỉnh", "Văn phòng HĐND và UBND tỉnh"),
        # A level word that contradicts the catalogue's body is another body.
        ("Công an huyện", "Công an huyện"),
        ("Chủ tịch UBND huyện", "Chủ tịch UBND huyện"),
    ],
)
def test_canonical(name: str, expected: str) -> None:
    assert CATALOGUE.canonical(name) == expected


@pytest.mark.parametrize(
    "name", ["Phòng Văn hóa và Thông tin", "Phòng Văn hoá và Thông tin", "PHÒNG VĂN HOÁ VÀ THÔNG TIN",
             "Phòng Văn hoá  –  Thông tin"],
)
def test_old_and_new_tone_placement_and_case_match(name: str) -> None:
    assert CATALOGUE.canonical(name) == "Phòng Văn hóa và Thông tin"
    assert CATALOGUE.canonical(unicodedata.normalize("NFD", name)) == "Phòng Văn hóa và Thông tin"


def test_nfd_input_gives_nfc_names() -> None:
    name = unicodedata.normalize("NFD", "Văn phòng HĐND-UBND huyện")
    assert CATALOGUE.canonical(name) == "Văn phòng HĐND và UBND"
    assert normalize_name(name) == unicodedata.normalize("NFC", "Văn phòng HĐND và UBND huyện")
    assert CATALOGUE.canonical(unicodedata.normalize("NFD", "Bưu điện huyện")) == "Bưu điện huyện"


@pytest.mark.parametrize(
    ("name", "level", "expected"),
    [
        ("Văn phòng", "commune", "Văn phòng - Thống kê"),
        ("Văn phòng", "district", "Văn phòng HĐND và UBND"),
        ("Văn phòng", None, "Văn phòng"),
        ("Văn phòng UBND", "commune", "Văn phòng - Thống kê"),
        ("Văn phòng UBND", "district", "Văn phòng HĐND và UBND"),
        ("Văn phòng UBND", "province", "Văn phòng UBND tỉnh"),
        ("Văn phòng UBND xã", None, "Văn phòng - Thống kê"),
        ("Văn phòng UBND tỉnh", "commune", "Văn phòng UBND tỉnh"),
        ("Tư pháp", "commune", "Tư pháp - Hộ tịch"),
        ("Tư pháp", "district", "Phòng Tư pháp"),
        ("Tư pháp", None, "Tư pháp"),
        ("Tài chính", "commune", "Tài chính - Kế toán"),
        ("Tài chính", "district", "Phòng Tài chính - Kế hoạch"),
        ("Tài chính", "province", "Sở Tài chính"),
        ("Nội vụ", "province", "Sở Nội vụ"),
        ("TTPVHCC", "commune", "Trung tâm Phục vụ hành chính công"),
        ("TTPVHCC", "province", "Trung tâm Phục vụ hành chính công tỉnh"),
        ("Trung tâm PVHCC tỉnh", "commune", "Trung tâm Phục vụ hành chính công tỉnh"),
        # A body named at another level is still that body: level only picks among short names.
        ("Phòng Nội vụ", "commune", "Phòng Nội vụ"),
        ("Sở Nội vụ", "commune", "Sở Nội vụ"),
        ("Văn phòng HĐND và UBND xã", "commune", "Văn phòng HĐND và UBND"),
    ],
)
def test_level_disambiguates_short_names(name: str, level: str | None, expected: str) -> None:
    assert CATALOGUE.canonical(name, level) == expected


def test_is_known() -> None:
    assert CATALOGUE.is_known("phòng Nội vụ huyện")
    assert CATALOGUE.is_known("Văn phòng", "commune")
    assert not CATALOGUE.is_known("Văn phòng")  # district or commune office: unknown which
    assert CATALOGUE.is_known("Bưu điện huyện") and CATALOGUE.is_known("Công an huyện")  # named by the seeds
    assert not CATALOGUE.is_known("Bưu điện")  # the xã's, the huyện's or the tỉnh's: unknown which
    assert CATALOGUE.canonical("Bưu điện", "commune") == "Bưu điện xã"
    assert not CATALOGUE.is_known("Hợp tác xã Nông nghiệp Tân Tiến")
    assert not CATALOGUE.is_known("")


def test_names_by_level_keep_old_and_new_names() -> None:
    commune = CATALOGUE.names("commune")
    district = CATALOGUE.names("district")
    province = CATALOGUE.names("province")
    for name in ("Văn phòng - Thống kê", "Tư pháp - Hộ tịch", "Văn phòng HĐND và UBND",
                 "Phòng Văn hóa - Xã hội", "Trung tâm Phục vụ hành chính công",
                 "Các công chức chuyên môn thuộc UBND xã", "Các cơ quan, đơn vị liên quan"):
        assert name in commune
    for name in ("Phòng Nội vụ", "Phòng Văn hóa và Thông tin", "Phòng Văn hóa, Khoa học và Thông tin",
                 "Phòng Dân tộc và Tôn giáo", "Thanh tra huyện", "UBND các xã, thị trấn"):
        assert name in district and name not in commune
    assert {"Sở Nội vụ", "Văn phòng UBND tỉnh", "Sở Tư pháp", "Sở Tài chính", "Sở Khoa học và Công nghệ",
            "Trung tâm Phục vụ hành chính công tỉnh"} <= set(province)
    assert "Phòng Nội vụ" not in province
    for names in (commune, district, province, CATALOGUE.names()):
        assert len({tone_key(n) for n in names}) == len(names)


def test_builtin_is_loaded_once() -> None:
    assert Catalogue.builtin() is Catalogue.builtin()


def test_data_file_is_a_valid_editable_csv() -> None:
    text = resources.files("pyxl").joinpath("data/agencies.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    assert rows and set(rows[0]) >= {"name", "level", "era", "aliases"}
    assert {row["level"] for row in rows} <= {*LEVELS, ""}
    assert {row["era"] for row in rows} <= {"old", "2025", "new", ""}
    assert all(unicodedata.is_normalized("NFC", value) for row in rows for value in row.values())


def test_every_spelling_in_the_catalogue_leads_back_to_its_body() -> None:
    for agency in CATALOGUE.agencies:
        for spelling in (agency.name, *agency.aliases):
            assert CATALOGUE.canonical(spelling, agency.level or None) == agency.name, spelling


def test_extended_adds_a_province_name_that_wins() -> None:
    # From 2026 the province sets commune office names (ND 370/2025/NĐ-CP).
    own = [("Phòng Kinh tế - Hạ tầng và Nông nghiệp", ["Phòng Kinh tế", "Phòng KT-HT-NN"])]
    catalogue = CATALOGUE.extended(own)
    assert catalogue.canonical("Phòng Kinh tế", "commune") == "Phòng Kinh tế - Hạ tầng và Nông nghiệp"
    assert catalogue.canonical("phòng KT - HT - NN xã") == "Phòng Kinh tế - Hạ tầng và Nông nghiệp"
    assert catalogue.canonical("Phòng Kinh tế, Hạ tầng và Nông nghiệp") == own[0][0]
    assert catalogue.names("commune")[0] == "Phòng Kinh tế - Hạ tầng và Nông nghiệp"
    assert catalogue.names("province")[0] == "Phòng Kinh tế - Hạ tầng và Nông nghiệp"
    # Built-in names stay valid, and the built-in catalogue itself is unchanged.
    assert catalogue.canonical("Văn phòng HĐND-UBND xã") == "Văn phòng HĐND và UBND"
    assert CATALOGUE.canonical("Phòng Kinh tế", "commune") == "Phòng Kinh tế"


def test_extended_overrides_a_built_in_short_name() -> None:
    catalogue = CATALOGUE.extended([("Văn phòng HĐND và UBND", ["Văn phòng", "VP"])])
    assert catalogue.canonical("Văn phòng") == "Văn phòng HĐND và UBND"
    assert catalogue.canonical("Văn phòng", "commune") == "Văn phòng HĐND và UBND"
    assert CATALOGUE.canonical("Văn phòng", "commune") == "Văn phòng - Thống kê"


def test_entries_from_rows() -> None:
    rows: list[list[object]] = [
        ["DANH MỤC CƠ QUAN, ĐƠN VỊ", None, None],
        [None, None, None],
        ["STT", "Tên cơ quan, đơn vị", "Tên gọi khác / Viết tắt"],
        [1, "Văn phòng HĐND và UBND", "VP; Văn phòng\nVP HĐND-UBND"],
        [None, None, None],
        [2, "  Phòng Kinh tế - Hạ tầng và Nông nghiệp ", None],
        [3, "", "mồ côi"],
        [4, "Trung tâm Phục vụ hành chính công"],
        [5, "Phòng Văn hóa - Xã hội", " ; "],
    ]
    assert entries_from_rows(rows) == [
        ("Văn phòng HĐND và UBND", ["VP", "Văn phòng", "VP HĐND-UBND"]),
        ("Phòng Kinh tế - Hạ tầng và Nông nghiệp", []),
        ("Trung tâm Phục vụ hành chính công", []),
        ("Phòng Văn hóa - Xã hội", []),
    ]


@pytest.mark.parametrize("header", ["Cơ quan", "Tên cơ quan", "Cơ quan, đơn vị", "CƠ QUAN/ĐƠN VỊ"])
def test_entries_from_rows_header_wordings(header: str) -> None:
    assert entries_from_rows([[header], ["Phòng Nội vụ"]]) == [("Phòng Nội vụ", [])]


def test_entries_from_rows_without_a_name_column() -> None:
    task_table = [["STT", "Cơ quan chủ trì", "Cơ quan phối hợp"], [1, "Phòng Nội vụ", None]]
    assert entries_from_rows(task_table) == []
    assert entries_from_rows([]) == []
    header_too_low = [[None]] * 10 + [["Cơ quan"], ["Phòng Nội vụ"]]
    assert entries_from_rows(header_too_low) == []


@pytest.mark.parametrize("written, name", [
    ("Ủy ban MTTQVN xã", "Ủy ban MTTQ Việt Nam xã"), ("UBMTTQ", "Ủy ban MTTQ Việt Nam xã"),
    ("Ủy ban MTTQVN và các đoàn thể xã", "Ủy ban MTTQ Việt Nam và các đoàn thể xã"),
    ("các hội, đoàn thể", "Các đoàn thể xã"), ("Đoàn TNCS Hồ Chí Minh", "Đoàn Thanh niên xã"),
    ("Hội LHPN", "Hội Liên hiệp Phụ nữ xã"), ("Hội CCB", "Hội Cựu chiến binh xã"), ("Hội Nông dân", "Hội Nông dân xã"),
    ("Các thôn, tổ dân phố", "Các thôn, tổ dân phố"), ("Bưu điện văn hóa xã", "Bưu điện xã"),
])
def test_the_communes_mass_organisations_and_villages_are_listed(written, name):
    assert CATALOGUE.canonical(written, "commune") == name
