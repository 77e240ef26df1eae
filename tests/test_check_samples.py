"""`parbook check` on the bundled samples typed from the seeds: totals, findings, due dates."""
from __future__ import annotations

from datetime import date

import pytest

from conftest import SAMPLES
from pyxl.readers import read_tables

AS_OF = "2024-05-01"


def table(name: str, sheet: str | None = None):
    tables = read_tables(SAMPLES / name, sheet, as_of=date.fromisoformat(AS_OF))
    assert len(tables) == 1
    return tables[0]


def codes(findings, code: str) -> list[str | None]:
    return [f["item"] for f in findings if f["code"] == code]


def test_ia_pa_totals_and_missing_partners(parbook):
    result = parbook("check", SAMPLES / "ia_pa_2019.xlsx", "--format", "json", "--as-of", AS_OF)
    assert result.code == 0
    sheet = result.json()["sheets"][0]
    assert sheet["kind"] == "scores"
    assert sheet["totals"]["lost_points"] == pytest.approx(19.25)
    assert sorted(codes(sheet["findings"], "MISSING_PARTNERS")) == ["3.4", "3.7"]
    groups = {i["code"]: i["lost_points"] for i in sheet["items"] if i["level"] == 1}
    assert groups == pytest.approx({"1": 1.5, "3": 6.5, "5": 3.25, "6": 4.5, "7": 3.5})
    assert codes(sheet["findings"], "LOST_MISMATCH") == []


def test_son_giang_totals_and_mismatches(parbook):
    result = parbook("check", SAMPLES / "son_giang_2021.xlsx", "--format", "json", "--as-of", AS_OF)
    sheet = result.json()["sheets"][0]
    assert sheet["totals"] == pytest.approx({"max_points": 51.0, "appraised_points": 42.55, "lost_points": 8.45})
    first = next(i for i in sheet["items"] if i["code"] == "1")
    assert first["lost_points"] == pytest.approx(1.05)
    assert first["stated_lost"] == pytest.approx(1.03)
    assert first["parent"] is None and first["level"] == 1
    lost = [f for f in sheet["findings"] if f["code"] == "LOST_MISMATCH"]
    assert [(f["item"], f["severity"], f["column"]) for f in lost] == [("1", "error", "E")]
    assert lost[0]["message"] == "Điểm bị mất ghi 1,03 nhưng Điểm chuẩn − Điểm thẩm định = 1,05"
    assert codes(sheet["findings"], "SUBTOTAL_MISMATCH") == ["1"]
    child = next(i for i in sheet["items"] if i["code"] == "3.2.1")
    assert child["parent"] == "3.2"


def test_son_giang_strict_exit_status(parbook):
    assert parbook("check", SAMPLES / "son_giang_2021.xlsx", "--strict").code == 1
    assert parbook("check", SAMPLES / "ia_pa_2019.xlsx", "--strict", "--as-of", "2019-08-01").code == 0


def test_vinh_linh_codes_in_titles_and_negative_lost():
    t = table("vinh_linh_2023.xlsx")
    assert float(t.totals.lost_points) == pytest.approx(6.07)
    assert [i.code for i in t.items][:3] == ["1.1.3", "1.5.2", "1.6"]
    assert len(t.items) == 17
    assert all(i.parent is None for i in t.items)
    first = t.items[0]
    assert first.title == "Mức độ thực hiện kế hoạch CCHC"
    assert float(first.stated_lost) == -0.3 and float(first.lost_points) == 0.3
    found = {f.code for f in t.findings}
    assert not found & {"LOST_MISMATCH", "TOTAL_MISMATCH", "NOT_A_NUMBER", "SUBTOTAL_MISMATCH"}
    assert t.stated_total is not None and float(t.stated_total) == -6.07
    assert t.year == 2024  # "(Kèm theo Kế hoạch … ngày /02/2024 …)"


def test_phuoc_my_tasks_missing_deadlines():
    t = table("phuoc_my_2024.xlsx", "Phụ lục 2")
    assert t.kind == "tasks"
    groups = [i for i in t.items if i.is_group]
    assert [g.code for g in groups] == ["I", "II", "III", "IV", "V", "VI", "VII"]
    assert groups[5].title == "CẢI CÁCH TÀI CHÍNH CÔNG"
    tasks = [i for i in t.items if not i.is_group]
    assert len(tasks) == 25
    missing = [f.item for f in t.findings if f.code == "MISSING_DEADLINE"]
    assert missing == ["1.1", "1.2", "2"]
    by_code = {i.code: i for i in tasks}
    assert t.items[by_code["1.1"].parent].code == "1"
    assert t.items[by_code["6"].parent].code == "II"


EXPECTED_DUE = {
    "Quý I": ("period", date(2024, 3, 31)),
    "Tháng 1": ("period", date(2024, 1, 31)),
    "Cả năm": ("period", date(2024, 12, 31)),
    "Năm 2024": ("period", date(2024, 12, 31)),
    "Định kỳ hàng quý, 06 tháng, năm": ("recurring", date(2024, 6, 30)),
    "Theo Kế hoạch của UBND tỉnh, TP": ("conditional", None),
    "Sau khi có Quyết định của UBND tỉnh, TP": ("conditional", None),
    "Sau khi có Quyết định của UBND tỉnh": ("conditional", None),
    "Theo yêu cầu của phòng Nội vụ": ("conditional", None),
    "Theo quy định về công khai tài chính": ("conditional", None),
}


def test_phuoc_my_due_dates_for_every_deadline_text():
    t = table("phuoc_my_2024.xlsx", "Phụ lục 2")
    seen = {}
    for item in t.items:
        if item.deadline.text:
            seen[item.deadline.text] = (item.deadline.kind, item.deadline.due)
    staged = [text for text in seen if text.startswith("Ban hành Kế hoạch")]
    assert len(staged) == 1 and seen[staged[0]] == ("staged", date(2024, 12, 31))
    for text, expected in EXPECTED_DUE.items():
        assert seen[text] == expected, text
    vague = {f.item: f.severity for f in t.findings if f.code == "VAGUE_DEADLINE"}
    assert set(vague.values()) == {"info"}


def test_ia_pa_and_son_giang_due_dates():
    ia_pa = table("ia_pa_2019.xlsx")
    assert ia_pa.year == 2019
    dues = {i.deadline.text: (i.deadline.kind, i.deadline.due) for i in ia_pa.items if i.deadline.text}
    assert dues["Trong năm 2019 và các năm tiếp theo"] == ("ongoing", date(2019, 12, 31))
    assert dues["Quý I, 6 tháng, Quý III và năm"][0] == "recurring"
    son_giang = table("son_giang_2021.xlsx")
    assert son_giang.year == 2021
    assert {i.deadline.due for i in son_giang.items if i.deadline.text} == {date(2021, 12, 31)}


def test_phuoc_my_targets_sheet_joins_split_lines():
    t = table("phuoc_my_2024.xlsx", "Phụ lục 1")
    assert t.kind == "tasks"
    item = next(i for i in t.items if i.code == "3.3")
    assert item.title.endswith("đã được chấp nhận khi thực hiện thành công thủ tục hành chính")
    assert item.partners == ("Các ban ngành liên quan",)
    sub = next(i for i in t.items if i.code == "5.3")
    assert "- Tỷ lệ hồ sơ giải quyết toàn trình, một phần" in sub.title
    assert t.header_rows[1] == t.header_rows[0] + 1  # the two-row merged header


@pytest.mark.parametrize("name", ["ia_pa_2019.xlsx", "son_giang_2021.xlsx", "vinh_linh_2023.xlsx",
                                  "phuoc_my_2024.xlsx"])
def test_openpyxl_and_calamine_agree(name):
    fast = read_tables(SAMPLES / name, as_of=date(2024, 5, 1))
    slow = read_tables(SAMPLES / name, as_of=date(2024, 5, 1), engine="openpyxl")
    assert fast == slow


def test_every_sample_text_report_names_cells(parbook):
    result = parbook("check", SAMPLES / "son_giang_2021.xlsx")
    assert result.code == 0
    assert "Điểm bị mất: 8,45" in result.out
    assert "PHỤ LỤC!E" in result.out


@pytest.mark.parametrize("name", ["ia_pa_2019.xlsx", "son_giang_2021.xlsx", "vinh_linh_2023.xlsx",
                                  "phuoc_my_2024.xlsx", "district_2025.xlsx"])
def test_check_reads_only_the_suggestions_its_findings_print(name):
    every = read_tables(SAMPLES / name, as_of=date(2024, 5, 1))
    shown = read_tables(SAMPLES / name, as_of=date(2024, 5, 1), all_suggestions=False)
    assert [t.findings for t in shown] == [t.findings for t in every]
    for few, full in zip(shown, every):
        printed = {f.row for f in few.findings if f.suggestion}
        planned = {f.row for f in few.findings if f.code in ("MISSING_SOLUTION", "MISSING_LEAD", "MISSING_DEADLINE")}
        assert printed <= {few.items[i].row for i in few.suggestions} <= planned
        assert few.suggestions == {i: full.suggestions[i] for i in few.suggestions}
