"""For every commune: the progress sheets of Tổng hợp.xlsx (ranked by share done, links to the late items),
and `parbook progress` on the same multi-commune workbook giving the same figures."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from progress_workbooks import district_progress_xlsx
from pyxl.merge import merge
from pyxl.merge.progress_sheet import LATE, PROGRESS

AS_OF = dt.date(2025, 10, 15)
COMMUNES = {  # four tasks each, due at the end of Quý I, II, III, IV/2025
    "An Phú": ["Đã hoàn thành", "Đã hoàn thành", "Đang thực hiện", None],
    "Bình Minh": ["x", "100%", "Hoàn thành ngày 20/8/2025", "Đã hoàn thành"],
    "Cát Tiên": [None, "Chưa thực hiện", "80%", None],
    "Đồng Xuân": ["Đã hoàn thành", "Đã hoàn thành", "Chưa hoàn thành", None],
}


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    folder = tmp_path_factory.mktemp("district")
    source = district_progress_xlsx(folder / "huyen.xlsx", COMMUNES)
    result = merge(source, folder / "ra", as_of=AS_OF, jobs=1)
    return source, result, openpyxl.load_workbook(result.summary)


def _rows(ws) -> list[tuple]:
    return [row for row in ws.iter_rows(min_row=5, values_only=True) if row[1]]


def test_communes_are_ranked_by_share_done_then_fewer_late(district):
    _, result, book = district
    assert book.sheetnames == ["Tổng hợp", "Lỗi, cảnh báo", PROGRESS, LATE, "Biểu đồ"]
    rows = _rows(book[PROGRESS])
    ranked = [(r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10]) for r in rows if r[1] != "Cộng"]
    assert ranked == [
        ("Bình Minh", 4, 4, 0, 0, 0, 0, 0, 1.0, 1),
        ("An Phú", 4, 2, 1, 0, 1, 1, 0, 0.5, 2),
        ("Đồng Xuân", 4, 2, 1, 0, 1, 1, 0, 0.5, 2),  # same share and the same late count: the same rank
        ("Cát Tiên", 4, 0, 1, 1, 2, 3, 0, 0.0, 4),
    ]
    total = next(r for r in rows if r[1] == "Cộng")
    assert str(total[2]).startswith("=SUM(C5:C8)")
    outcomes = {o.name: o for o in result.outcomes}
    assert outcomes["Cát Tiên"].progress.counts()["overdue"] == 3


def test_late_counts_link_to_the_late_items_and_those_to_their_cells(district):
    source, result, book = district
    ranking, late = book[PROGRESS], book[LATE]
    rows = _rows(late)
    assert [(r[1], r[2], r[6].date()) for r in rows] == [
        ("An Phú", "1.3", dt.date(2025, 9, 30)),
        ("Cát Tiên", "1.1", dt.date(2025, 3, 31)), ("Cát Tiên", "1.2", dt.date(2025, 6, 30)),
        ("Cát Tiên", "1.3", dt.date(2025, 9, 30)),
        ("Đồng Xuân", "1.3", dt.date(2025, 9, 30)),
    ]
    assert rows[2][7] == "Chưa thực hiện" and rows[0][7] == "Đang thực hiện"
    cat_tien = next(r for r in ranking.iter_rows(min_row=5) if r[1].value == "Cát Tiên")
    link = cat_tien[7].hyperlink
    assert cat_tien[7].value == 3 and link.location == f"'{LATE}'!A6"
    assert late["B6"].value == "Cát Tiên"
    cell = late["J6"]
    assert cell.value == "I4" and cell.hyperlink.location == "'Cát Tiên'!I4"
    assert cell.hyperlink.target.replace("\\", "/").endswith("huyen.xlsx")
    assert next(r for r in ranking.iter_rows(min_row=5) if r[1].value == "Bình Minh")[7].hyperlink is None


def test_parbook_progress_on_the_same_workbook_gives_the_same_figures(district, parbook):
    source, result, book = district
    document = parbook("progress", source, "--as-of", AS_OF.isoformat(), "--format", "json").json()
    sheets = {s["sheet"]: s["counts"] for s in document["sheets"]}
    for row in _rows(book[PROGRESS]):
        if row[1] in sheets:
            counts = sheets[row[1]]
            assert (row[3], row[4], row[5], row[6], row[7], row[8]) == (
                counts["done"], counts["in_progress"], counts["not_started"], counts["unknown"], counts["overdue"],
                counts["due_soon"])
    text = parbook("progress", source, "--as-of", AS_OF.isoformat()).out
    ranking = text.split("Xếp hạng theo tỷ lệ nhiệm vụ đã hoàn thành:")[1].strip().splitlines()
    names = [line.split(":")[0].strip() for line in ranking]
    assert names == ["1. Bình Minh", "2. An Phú", "2. Đồng Xuân", "4. Cát Tiên"]


def test_the_summary_keeps_the_figures_and_late_items_of_the_full_progress(district):
    """What the workers send back for each commune: the same counts and late items as the table's progress."""
    source, result, _ = district
    from pyxl.core.progress import table_progress
    from pyxl.readers import read_tables

    tables = {t.sheet: t for t in read_tables(str(source), as_of=AS_OF)}
    for outcome in result.outcomes:
        full = table_progress(tables[outcome.sheet], AS_OF)
        summary = outcome.progress
        assert summary.counts() == full.counts() and len(summary.items) == len(full.items)
        assert [(p.row, p.code, p.title, p.offices, p.deadline, p.due, p.status_text, p.note, p.cell)
                for p in summary.late] == [
            (p.item.row, p.item.code, p.item.title, p.offices, p.item.deadline.text, p.due, p.status.text,
             p.item.note, p.cell) for p in full.late]


def test_communes_are_ranked_by_the_same_rule_as_parbook_progress():
    import random

    from pyxl.core.progress import DONE, STATES, ProgressSummary
    from pyxl.core.progress_report import ranks
    from pyxl.merge.progress_sheet import rank_communes

    rng = random.Random(15)
    summaries = []
    for _ in range(400):
        states = tuple(rng.choice(STATES) for _ in range(rng.randint(0, 6)))
        late = rng.randint(0, sum(1 for s in states if s != DONE))
        summaries.append(ProgressSummary("x", "tasks", 2025, AS_OF, states, late, 0, ()))
    with_items = [s for s in summaries if s.items]
    expected = ranks(summaries)  # the ranking of `parbook progress`, over the same figures
    assert rank_communes(summaries) == expected
    assert rank_communes([None, *summaries]) == {i + 1: rank for i, rank in expected.items()}
    assert len(set(expected.values())) > 10 and len(expected) == len(with_items)
