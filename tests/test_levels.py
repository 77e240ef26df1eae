"""The unit kind a plan is written for: commune or district, before or after the 7/2025 reform."""
from pyxl.core.levels import NEW, OLD, UnitKind, unit_kind


def test_level_and_era_from_names_year_and_offices():
    assert unit_kind(["UBND xã Sơn Giang"], 2021) == UnitKind("commune", OLD)
    assert unit_kind(["ỦY BAN NHÂN DÂN HUYỆN IA PA"], 2019) == UnitKind("district", OLD)
    assert unit_kind(["UBND phường Hòa Bình"], 2026).new_commune
    assert unit_kind(["xã Tân Lập"], 2025, ["Phòng Văn hóa - Xã hội"]) == UnitKind("commune", NEW)
    assert unit_kind(["xã Tân Lập"], 2025, ["Văn phòng - Thống kê"]) == UnitKind("commune", OLD)
    assert unit_kind(["PHỤ LỤC"], 2024) == UnitKind(None, OLD)
    assert unit_kind(["Huyện Vĩnh Linh"], 2027).era == OLD  # a district table is of the old era


def test_a_title_naming_only_the_year_assessed_plans_for_the_next_year():
    from pyxl.core.years import plan_year_of

    assert plan_year_of(["KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CCHC NĂM 2025"]) == 2026
    assert plan_year_of(["CÁC TIÊU CHÍ BỊ TRỪ ĐIỂM NĂM 2023"]) == 2024
    assert plan_year_of(["KẾ HOẠCH KHẮC PHỤC … NĂM 2019 VÀ CÁC NĂM TIẾP THEO"]) == 2019
    assert plan_year_of(["BỊ TRỪ ĐIỂM NĂM 2023", "(Kèm theo Kế hoạch số /KH-UBND ngày /02/2024)"]) == 2024
    assert plan_year_of(["CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH XÃ PHƯỚC MỸ NĂM 2024"]) == 2024
    assert plan_year_of(["PHỤ LỤC"]) is None


def test_a_sheet_naming_no_unit_takes_the_level_of_its_offices():
    assert unit_kind(["PHỤ LỤC"], 2024, ["Tư pháp - Hộ tịch", "Văn phòng - Thống kê"]) == UnitKind("commune", OLD)
    assert unit_kind(["PHỤ LỤC"], 2024, ["Phòng Nội vụ", "Phòng Tư pháp"]) == UnitKind("district", OLD)
    assert unit_kind(["PHỤ LỤC"], 2024, ["Phòng Nội vụ", "Tư pháp - Hộ tịch"]).level is None  # they disagree
    assert unit_kind(["PHỤ LỤC"], 2024, ["Ủy ban MTTQ Việt Nam xã", "Công an xã"]).level == "commune"
    # a name of the unit wins over its offices
    assert unit_kind(["UBND huyện Ia Pa"], 2019, ["Tư pháp - Hộ tịch"]).level == "district"
