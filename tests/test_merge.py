"""`parbook merge`: every commune's plan from a district source, the Tổng hợp workbook, safe and repeatable output."""
from __future__ import annotations

import multiprocessing
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from urllib.parse import unquote

import docx
import openpyxl
import pytest
import xlsxwriter
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT, SAMPLES
from pyxl.merge import FAILED, KEPT, MISSING, SUMMARY_NAME, WRITTEN, commune_tables, find_source, merge
from pyxl.merge.fields import FIELDS
from pyxl.merge.lock import LOCK_NAME
from pyxl.merge.names import MAX_NAME, distinct_parts, safe_part
from pyxl.merge.result import Outcome
from pyxl.files import TEMP_PREFIX
from pyxl.merge.sources import name_keys
from pyxl.core.errors import ParbookError
from pyxl.merge import run as run_module
from pyxl.merge import summary as summary_module
from pyxl.merge.summary import ranks
from pyxl.core.model import SCORES, Totals

sys.path.insert(0, str(ROOT / "scripts"))
import build_district_sample  # noqa: E402

DISTRICT = SAMPLES / "district_2025.xlsx"
AS_OF = date(2026, 1, 15)
COMMUNE_SHEETS = [c.sheet for c in build_district_sample.COMMUNES if c.has_sheet]
NO_PLAN = {"Thạch Bàn", "Minh Khai"}  # a sheet with no table; a score table without 'Điểm chuẩn'


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    """The sample district merged once (in this process) into a fresh folder."""
    out = tmp_path_factory.mktemp("merge") / "out"
    return merge(DISTRICT, out, as_of=AS_OF, jobs=1)


def docx_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.docx"))}


def document_text(path: Path) -> str:
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(texts)


def summary_rows(path: Path) -> dict[str, dict]:
    """Tổng hợp rows by commune name, keyed by the header texts."""
    ws = openpyxl.load_workbook(path)["Tổng hợp"]
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    header = rows[0]
    return {row[1]: dict(zip(header, row)) for row in rows[1:] if row[1] and row[1] != "Cộng"}


# -- the sample and source kind (a): one sheet per commune -------------------------------------------

def test_sample_is_reproducible():
    assert build_district_sample.main(["--check"]) == 0


def test_sheets_source_counts(district):
    assert len(district.outcomes) == len(COMMUNE_SHEETS) + 1 == 24
    assert {o.name for o in district.with_status(FAILED)} == NO_PLAN
    assert [o.name for o in district.with_status(MISSING)] == ["UBND xã Đại Đồng"]
    assert len(district.with_status(WRITTEN)) == 21
    assert len(docx_files(district.out_dir)) == 21
    assert sorted(p.name for p in district.out_dir.iterdir() if p.suffix != ".docx") == [SUMMARY_NAME]
    assert district.unlisted == ("Hải Ninh",)
    assert not district.ok
    assert "Kế hoạch khắc phục - Hoà Bình - 2026.docx" in docx_files(district.out_dir)


def test_summary_totals_equal_check_totals(district, parbook):
    result = parbook("check", DISTRICT, "--format", "json", "--as-of", AS_OF.isoformat())
    checked = {sheet["sheet"]: sheet for sheet in result.json()["sheets"]}
    rows = summary_rows(district.summary)
    assert set(checked) == set(COMMUNE_SHEETS) - NO_PLAN
    for name, sheet in checked.items():
        row = rows[name]
        assert row["Điểm tối đa"] == pytest.approx(sheet["totals"]["max_points"])
        assert row["Điểm thẩm định"] == pytest.approx(sheet["totals"]["appraised_points"])
        assert row["Điểm bị mất"] == pytest.approx(sheet["totals"]["lost_points"])
        for severity, column in (("error", "Lỗi"), ("warning", "Cảnh báo"), ("info", "Lưu ý")):
            assert row[column] == sum(1 for f in sheet["findings"] if f["severity"] == severity), (name, column)
        by_field = sum(row[f"{key}. {label}"] or 0 for key, label in FIELDS)
        assert by_field == pytest.approx(sheet["totals"]["lost_points"]), name
    total_row = [r for r in openpyxl.load_workbook(district.summary)["Tổng hợp"].iter_rows(values_only=True)
                 if r[1] == "Cộng"][0]
    assert total_row[5] is not None  # a SUM formula; its cached value is checked through XlsxWriter's value
    assert sum(s["totals"]["lost_points"] for s in checked.values()) == pytest.approx(
        float(sum(o.totals.lost_points for o in district.outcomes if o.totals)))


def test_summary_counts_the_items_each_plan_took_from_the_library(district):
    rows = summary_rows(district.summary)
    highlighted = 0
    for outcome in district.outcomes:
        count = rows[outcome.name]["Mục dùng gợi ý"]
        if outcome.status != WRITTEN:
            assert count is None, outcome.name
            continue
        assert count == outcome.suggested, outcome.name
        runs = docx.Document(outcome.documents[0]).element.body.xpath(".//w:highlight")
        assert bool(runs) == (count > 0), outcome.name  # the yellow text is there exactly when counted
        highlighted += bool(runs)
    assert highlighted >= 10  # the sample's communes mostly lack remediation columns
    total_row = [r for r in openpyxl.load_workbook(district.summary)["Tổng hợp"].iter_rows(min_row=4, values_only=True)]
    column = total_row[0].index("Mục dùng gợi ý")
    assert [r for r in total_row if r[1] == "Cộng"][0][column].startswith("=SUM(")


def test_summary_ranks_statuses_and_notes(district):
    rows = summary_rows(district.summary)
    scored = {name: row for name, row in rows.items() if row["Điểm bị mất"] is not None}
    assert len(scored) == 21
    for name, row in scored.items():
        better = sum(1 for other in scored.values() if round(other["Điểm bị mất"], 2) < round(row["Điểm bị mất"], 2))
        assert row["Xếp hạng"] == better + 1
    assert rows["Thạch Bàn"]["Tình trạng"] == "Không lập được"
    assert "không có bảng PHỤ LỤC" in rows["Thạch Bàn"]["Ghi chú"]
    assert "thiếu cột 'Điểm chuẩn'" in rows["Minh Khai"]["Ghi chú"]
    assert rows["UBND xã Đại Đồng"]["Tình trạng"] == "Chưa có số liệu"
    assert "Không có trong Danh sách" in rows["Hải Ninh"]["Ghi chú"]
    assert rows["Kim Long"]["Lỗi"] == 1 and rows["Kim Long"]["Tình trạng"] == "Đã lập"


def test_ties_share_a_rank():
    def scored(lost: str) -> Outcome:
        return Outcome("x", WRITTEN, kind=SCORES, totals=Totals(None, None, Decimal(lost)))

    outcomes = [scored("3"), scored("1,5".replace(",", ".")), scored("3.001"), Outcome("y", FAILED), scored("0.5")]
    assert ranks(outcomes) == {0: 3, 1: 2, 2: 3, 4: 1}


def test_summary_links_chart_and_findings(district):
    book = openpyxl.load_workbook(district.summary)
    assert book.sheetnames == ["Tổng hợp", "Lỗi, cảnh báo", "Tiến độ", "Việc quá hạn", "Biểu đồ"]
    with zipfile.ZipFile(district.summary) as archive:
        names = archive.namelist()
        assert "xl/charts/chart1.xml" in names and "xl/chartsheets/sheet1.xml" in names
        chart = archive.read("xl/charts/chart1.xml").decode()
    assert chart.count("<c:ser>") == 8 and "'Tổng hợp'!$B$5:$B$28" in chart
    main = book["Tổng hợp"]
    link = main["B5"].hyperlink
    assert main["B5"].value == "Tân Lập"
    assert link.target.replace("\\", "/").endswith("samples/district_2025.xlsx") and link.location == "'Tân Lập'!A1"
    plan_link = next(c for c in main[5] if c.value == "Mở").hyperlink
    assert (district.out_dir / unquote(plan_link.target)).is_file()  # relationship targets are %-encoded
    findings = book["Lỗi, cảnh báo"]
    rows = list(findings.iter_rows(min_row=5))
    assert len(rows) == sum(len(o.findings) for o in district.outcomes)
    kim_long = next(r for r in rows if r[1].value == "Kim Long" and r[3].value == "NOT_A_NUMBER")
    assert kim_long[5].value == "D9" and kim_long[5].hyperlink.location == "'Kim Long'!D9"
    assert kim_long[2].value == "Lỗi" and "'chưa chấm' không phải là số" in kim_long[6].value


def test_links_past_excels_limit_become_formulas(tmp_path, monkeypatch):
    monkeypatch.setattr(summary_module._Links, "LIMIT", 3)
    result = merge(DISTRICT, tmp_path, as_of=AS_OF, only=["Tân Lập"])
    rows = list(openpyxl.load_workbook(result.summary)["Lỗi, cảnh báo"].iter_rows(min_row=5))
    assert [r[5].hyperlink.location for r in rows[:3]] == ["'Tân Lập'!F9", "'Tân Lập'!H9", "'Tân Lập'!H14"]
    assert rows[3][5].hyperlink is None
    assert rows[3][5].value.startswith('=HYPERLINK("[') and rows[3][5].value.endswith(']\'Tân Lập\'!H19","H19")')


def _constants(expression: str) -> str:
    """The text a formula expression of joined string constants ("a"&"b") evaluates to."""
    assert re.fullmatch(r'"(?:[^"]|"")*"(?:&"(?:[^"]|"")*")*', expression), expression
    return "".join(part.replace('""', '"') for part in re.findall(r'"((?:[^"]|"")*)"', expression))


def test_a_formula_link_to_a_file_named_like_a_new_excel_function_keeps_its_target(tmp_path, monkeypatch):
    # XlsxWriter rewrites SORT( as _xlfn._xlws.SORT( anywhere in a formula, quoted text included.
    monkeypatch.setattr(summary_module._Links, "LIMIT", 0)
    folder = tmp_path / "xa"
    folder.mkdir()
    shutil.copy(SAMPLES / "son_giang_2021.xlsx", folder / "SORT(1).xlsx")
    result = merge(folder, tmp_path / "out", as_of=AS_OF)
    [outcome] = result.outcomes
    rows = list(openpyxl.load_workbook(result.summary)["Lỗi, cảnh báo"].iter_rows(min_row=5))
    linked = [r[5].value for r in rows if r[5].data_type == "f"]
    assert linked and all(isinstance(value, str) for value in linked)  # a plain formula, not an array formula
    for value in linked:
        target, shown = re.fullmatch(r'=HYPERLINK\((.*),"(\w+)"\)', value).groups()
        assert _constants(target) == f"[..\\xa\\SORT(1).xlsx]'{outcome.sheet}'!{shown}"


def test_danh_sach_joined_by_normalised_name(district):
    roster = openpyxl.load_workbook(DISTRICT)["Danh sách"]
    listed = {row[1]: row for row in roster.iter_rows(min_row=4, values_only=True) if row[1]}
    number = listed["UBND xã Hòa Bình"][5]
    text = document_text(district.out_dir / "Kế hoạch khắc phục - Hoà Bình - 2026.docx")
    assert f"Số: {number.split('/')[0].zfill(2)}/KH-UBND" in text
    assert listed["UBND xã Hòa Bình"][2] in text
    by_key = {name_keys(name)[1]: row for name, row in listed.items()}
    signed = [(o, by_key[name_keys(o.name)[1]]) for o in district.outcomes if o.has_plan and o.listed]
    assert len(signed) == 20 and any(row[4] == "KT." for _, row in signed)
    for outcome, row in signed:
        text = document_text(outcome.documents[0])
        assert row[2] in text, outcome.name
        if row[4] == "KT.":
            assert "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text, outcome.name
    unlisted = document_text(district.out_dir / "Kế hoạch khắc phục - Hải Ninh - 2026.docx")
    assert "Số:      /KH-UBND" in unlisted
    assert next(o for o in district.outcomes if o.name == "Hải Ninh").listed is False


def test_defective_commune_reported_others_succeed(tmp_path, parbook):
    result = parbook("merge", DISTRICT, "-o", tmp_path, "--as-of", AS_OF.isoformat())
    assert result.code == 1
    assert "✗ Thạch Bàn: Sheet 'Thạch Bàn' không có bảng PHỤ LỤC" in result.out
    assert "✗ Minh Khai:" in result.out
    assert "Kim Long: kế hoạch đã lập nhưng bảng còn 1 lỗi cần sửa" in result.out
    assert "UBND xã Đại Đồng: có trong Danh sách nhưng không có số liệu" in result.out
    assert "Hải Ninh: có số liệu nhưng không có trong Danh sách" in result.out
    assert len(docx_files(tmp_path)) == 21


def test_only_named_communes(tmp_path, parbook):
    result = parbook("merge", DISTRICT, "-o", tmp_path, "--only", "Tân Lập, Hòa Bình")  # the sheet is 'Hoà Bình'
    assert result.code == 0
    assert sorted(docx_files(tmp_path)) == ["Kế hoạch khắc phục - Hoà Bình - 2026.docx",
                                            "Kế hoạch khắc phục - Tân Lập - 2026.docx"]
    assert sorted(summary_rows(tmp_path / SUMMARY_NAME)) == ["Hoà Bình", "Tân Lập"]
    unknown = parbook("merge", DISTRICT, "-o", tmp_path / "x", "--only", "Không Có")
    assert unknown.code == 2 and "Không có đơn vị 'Không Có'" in unknown.err


# -- output safety ----------------------------------------------------------------------------------

def test_no_overwrite_without_flag(tmp_path):
    first = merge(DISTRICT, tmp_path, as_of=AS_OF, only=["Tân Lập", "Kim Long"])
    plan = first.outcomes[0].documents[0]
    generated = plan.read_bytes()
    plan.write_bytes(b"edited by the officer")
    summary = (tmp_path / SUMMARY_NAME).read_bytes()
    again = merge(DISTRICT, tmp_path, as_of=AS_OF, only=["Tân Lập", "Kim Long"])
    assert [o.status for o in again.outcomes] == [KEPT, KEPT]
    assert plan.read_bytes() == b"edited by the officer"
    assert again.kept_files == (tmp_path / SUMMARY_NAME,) and (tmp_path / SUMMARY_NAME).read_bytes() == summary
    forced = merge(DISTRICT, tmp_path, as_of=AS_OF, only=["Tân Lập", "Kim Long"], overwrite=True)
    assert [o.status for o in forced.outcomes] == [WRITTEN, WRITTEN]
    assert plan.read_bytes() == generated


def test_two_runs_give_identical_bytes(tmp_path):
    a = merge(DISTRICT, tmp_path / "a", as_of=AS_OF, zip_output=True, jobs=1)
    b = merge(DISTRICT, tmp_path / "b", as_of=AS_OF, zip_output=True, jobs=2)
    assert docx_files(a.out_dir) == docx_files(b.out_dir) and len(docx_files(a.out_dir)) == 21
    assert a.summary.read_bytes() == b.summary.read_bytes()
    assert a.archive.read_bytes() == b.archive.read_bytes()
    with zipfile.ZipFile(a.archive) as archive:
        assert len(archive.namelist()) == 22 and SUMMARY_NAME in archive.namelist()


def test_progress_callback_in_worker_processes(tmp_path):
    calls = []
    result = merge(DISTRICT, tmp_path, as_of=AS_OF, jobs=2, progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, 23) and calls[-1] == (23, 23)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert len(result.with_status(WRITTEN)) == 21


@pytest.mark.parametrize("method", [m for m in ("spawn", "forkserver") if m in multiprocessing.get_all_start_methods()])
def test_spawned_workers(tmp_path, method):
    """The pool as Windows and macOS start it (spawn: workers import the package afresh), and as Linux does
    from Python 3.14 on (forkserver: workers are the fork server's children, not the run's)."""
    script = tmp_path / "run.py"
    script.write_text(
        "import multiprocessing, sys\n"
        "from datetime import date\n"
        "from pyxl.merge import merge\n"
        "if __name__ == '__main__':\n"
        f"    multiprocessing.set_start_method({method!r})\n"
        f"    r = merge({str(DISTRICT)!r}, {str(tmp_path / 'out')!r}, jobs=2, as_of=date(2026, 1, 15))\n"
        "    print(len(r.with_status('written')))\n",
        encoding="utf-8",
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "21"
    assert len(docx_files(tmp_path / "out")) == 21


def _die_on_kim_long(job, options):
    if job.unit.name == "Kim Long":
        os.kill(os.getpid(), signal.SIGKILL)
    return run_module.do_one.__wrapped__(job, options)


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="the patched worker needs fork")
def test_a_worker_that_dies_is_reported(tmp_path, monkeypatch):
    _die_on_kim_long.__wrapped__ = run_module.do_one
    monkeypatch.setattr(run_module, "do_one", _die_on_kim_long)
    with pytest.raises(ParbookError, match="bị dừng đột ngột"):
        merge(DISTRICT, tmp_path, as_of=AS_OF, jobs=2)
    _all_complete(tmp_path)
    assert not list(tmp_path.glob(TEMP_PREFIX + "*"))


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    """A workbook of 240 communes: long enough a run to stop it half-way."""
    return build_district_sample.build(tmp_path_factory.mktemp("province") / "province.xlsx",
                                       build_district_sample.synthetic_communes(240))


def _stopped_run(workbook: Path, out: Path, how: int) -> int:
    process = subprocess.Popen([sys.executable, "-m", "pyxl", "merge", str(workbook), "-o", str(out), "--jobs", "2"],
                               cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    deadline = time.monotonic() + 120
    def complete() -> int:  # glob matches the hidden temporary files too: they are not plans yet
        return sum(1 for p in out.glob("*.docx") if not p.name.startswith(TEMP_PREFIX))

    while complete() < 20 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    os.killpg(process.pid, how)
    process.wait(timeout=60)
    return process.returncode


def _all_complete(folder: Path) -> int:
    documents = [p for p in folder.glob("*.docx") if not p.name.startswith(TEMP_PREFIX)]
    for path in documents:
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None, path
        docx.Document(str(path))
    return len(documents)


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="stops the run's whole process group: POSIX only")
@pytest.mark.parametrize("how", ["SIGINT", "SIGTERM", "SIGKILL"], ids=["ctrl-c", "terminated", "killed"])
def test_stopped_run_leaves_only_complete_files(tmp_path, province, how):
    out = tmp_path / "out"
    code = _stopped_run(province, out, getattr(signal, how))
    written = _all_complete(out)
    assert 20 <= written < 240
    assert not (out / SUMMARY_NAME).exists()
    leftovers = [p.name for p in out.iterdir() if p.suffix != ".docx"]
    if how != "SIGKILL":
        assert code in (2, 130) and leftovers == []
    else:
        # hidden, removed by the next run; the lock of the killed run is stale and taken over
        assert all(name.startswith(TEMP_PREFIX) or name == LOCK_NAME for name in leftovers)
    resumed = merge(province, out, jobs=2)
    assert len(resumed.with_status(KEPT)) == written and len(resumed.with_status(WRITTEN)) == 240 - written
    assert sorted(p.name for p in out.iterdir() if p.suffix != ".docx") == [SUMMARY_NAME]
    assert _all_complete(out) == 240


# -- source kind (b): a folder of commune workbooks ------------------------------------------------------

HEADER = ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm thẩm định", "Điểm bị mất",
          "Giải pháp khắc phục", "Cơ quan chủ trì", "Thời gian thực hiện"]


def commune_xlsx(path: Path, unit: str, rows: list[list[object]], info: dict | None = None) -> Path:
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("PHỤ LỤC")
    ws.write(0, 0, "ỦY BAN NHÂN DÂN")
    ws.write(1, 0, unit.upper())
    ws.write(2, 0, "CÁC TIÊU CHÍ BỊ MẤT ĐIỂM CHỈ SỐ CCHC NĂM 2025 VÀ GIẢI PHÁP KHẮC PHỤC NĂM 2026")
    ws.write_row(4, 0, HEADER)
    for r, row in enumerate(rows, start=5):
        ws.write_row(r, 0, row)
    if info:
        sheet = wb.add_worksheet("Thông tin")
        for r, (key, value) in enumerate(info.items()):
            sheet.write_row(r, 0, [key, value])
    wb.close()
    return path


ROWS_A = [["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 9, 7.5, 1.5],
          ["1.2", "Chế độ báo cáo", 1, 0.5, 0.5, "Báo cáo đúng hạn", "Văn phòng HĐND và UBND", "Quý I/2026"],
          ["1.3", "Tuyên truyền CCHC", 1.5, 0.5, 1, "Đa dạng hình thức", "Phòng Văn hóa - Xã hội", "Quý II/2026"],
          ["3.2", "Hồ sơ giải quyết đúng hạn", 3, 2.25, "0,75", "Không để trễ hạn", "Trung tâm Phục vụ hành chính công",
           "Thường xuyên"]]
ROWS_B = [["7.2", "Hồ sơ trực tuyến toàn trình", 2.5, 1, "-1,5", "Hướng dẫn nộp trực tuyến", "Phòng Kinh tế",
           "6 tháng đầu năm 2026"]]


def test_folder_source(tmp_path):
    folder = tmp_path / "xa"
    folder.mkdir()
    commune_xlsx(folder / "Xã Tân Lập.xlsx", "xã Tân Lập", ROWS_A)
    commune_xlsx(folder / "Phường An Phú.xlsx", "phường An Phú", ROWS_B, {"Người ký": "Trần Văn Sơn"})
    (folder / "Xã Hỏng.xlsx").write_bytes(b"not a workbook")
    (folder / "danh_sach.csv").write_text(
        "\ufeffSTT;Tên đơn vị;Người ký;Chức vụ;Số văn bản;Ngày\n"
        "1;UBND xã Tân Lập;Nguyễn Thị Mai;Chủ tịch;7/KH-UBND;19/01/2026\n"
        "2;UBND phường An Phú;;Chủ tịch;12/KH-UBND;2026-02-03\n"
        "3;UBND xã Hòa Bình;Lê Văn Nam;Chủ tịch;3/KH-UBND;ngày 10 tháng 1 năm 2026\n", encoding="utf-8")
    result = merge(folder, tmp_path / "out", as_of=AS_OF)
    by_name = {o.name: o for o in result.outcomes}
    assert [o.name for o in result.outcomes] == ["Phường An Phú", "Xã Hỏng", "Xã Tân Lập", "UBND xã Hòa Bình"]
    assert by_name["Xã Hỏng"].status == FAILED and "bị hỏng" in by_name["Xã Hỏng"].message
    assert by_name["UBND xã Hòa Bình"].status == MISSING
    assert float(by_name["Xã Tân Lập"].totals.lost_points) == pytest.approx(2.25)
    assert float(by_name["Phường An Phú"].totals.lost_points) == pytest.approx(1.5)
    assert by_name["Xã Tân Lập"].source == folder / "Xã Tân Lập.xlsx" and by_name["Xã Tân Lập"].sheet == "PHỤ LỤC"
    assert len(docx_files(tmp_path / "out")) == 2
    tan_lap = document_text(by_name["Xã Tân Lập"].documents[0])
    assert "Số: 07/KH-UBND" in tan_lap and "ngày 19 tháng 01 năm 2026" in tan_lap and "Nguyễn Thị Mai" in tan_lap
    an_phu = document_text(by_name["Phường An Phú"].documents[0])
    assert "Trần Văn Sơn" in an_phu and "ngày 03 tháng 02 năm 2026" in an_phu  # signer from its Thông tin
    assert [name for name, _ in commune_tables(folder)] == ["Phường An Phú", "Xã Hỏng", "Xã Tân Lập"]


# -- source kind (c): one long table with a unit column ----------------------------------------------------

LONG_HEADER = ["STT", "Đơn vị", "Lĩnh vực/Tiêu chí", "Điểm chuẩn", "Điểm thẩm định", "Điểm bị mất", "Giải pháp",
               "Cơ quan chủ trì", "Thời gian thực hiện"]
LONG_ROWS = [
    ["1.2", "Xã Tân Lập", "Chế độ báo cáo", 1, 0.5, 0.5, "Báo cáo đúng hạn", "Văn phòng HĐND và UBND", "Quý I/2026"],
    ["3.2", None, "Hồ sơ đúng hạn", 3, 2, 1, "Không để trễ hạn", "Trung tâm Phục vụ hành chính công", "Thường xuyên"],
    ["1.3", "Xã Yên Hòa", "Tuyên truyền CCHC", 1.5, 1, 0.5, "Đa dạng hình thức", "Phòng Văn hóa - Xã hội", "Quý II/2026"],
    ["7.2", "Xã Yên Hòa", "Hồ sơ trực tuyến", 2.5, 1.25, 1.25, "Hướng dẫn", "Phòng Kinh tế", "Quý III/2026"],
    ["5.3", "Phường Kim Long", "Đào tạo, bồi dưỡng", 1.5, "chưa chấm", 0.75, "Cử công chức đi học", "Phòng Văn hóa - Xã hội",
     "Trong năm 2026"],
]


def long_xlsx(path: Path) -> Path:
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("PL các xã")
    ws.write(0, 0, "TỔNG HỢP CÁC TIÊU CHÍ BỊ MẤT ĐIỂM CỦA CÁC XÃ, PHƯỜNG NĂM 2025")
    ws.write_row(2, 0, LONG_HEADER)
    for r, row in enumerate(LONG_ROWS, start=3):
        ws.write_row(r, 0, row)
    ws.merge_range(3, 1, 4, 1, "Xã Tân Lập")  # the unit cell merged down over the commune's rows
    ws.write_row(8, 0, [None, None, "Tổng cộng", None, None, 4.0])
    wb.close()
    return path


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_long_table_source(tmp_path, kind):
    if kind == "xlsx":
        source = long_xlsx(tmp_path / "pl.xlsx")
    else:
        source = tmp_path / "pl.csv"
        lines = [LONG_HEADER] + [[row[0], row[1] or "Xã Tân Lập", *row[2:]] for row in LONG_ROWS]
        source.write_text("\n".join(",".join(f'"{v}"' for v in line) for line in lines), encoding="utf-8")
    result = merge(source, tmp_path / "out", as_of=AS_OF)
    by_name = {o.name: o for o in result.outcomes}
    assert list(by_name) == ["Xã Tân Lập", "Xã Yên Hòa", "Phường Kim Long"]
    assert [float(o.totals.lost_points) for o in result.outcomes] == [1.5, 1.75, 0.75]
    assert all(o.status == WRITTEN for o in result.outcomes) and len(docx_files(tmp_path / "out")) == 3
    kim_long = by_name["Phường Kim Long"]
    finding = next(f for f in kim_long.findings if f.code == "NOT_A_NUMBER")
    assert finding.cell == ("E8" if kind == "xlsx" else "E6")  # the row of the long sheet
    assert kim_long.sheet == ("PL các xã" if kind == "xlsx" else "pl")
    assert "UBND phường Kim Long" in document_text(kim_long.documents[0])
    assert all(f.code != "TOTAL_MISMATCH" for o in result.outcomes for f in o.findings)


def test_roster_given_on_the_command_line(tmp_path, parbook):
    source = long_xlsx(tmp_path / "pl.xlsx")
    roster = tmp_path / "ds.csv"
    roster.write_text("Xã/Phường,Người ký,Chức vụ,Số văn bản\n"
                      "Tân Lập,Hồ Văn An,Chủ tịch,5/KH-UBND\nXã Đại Đồng,Lê Thị Lan,Chủ tịch,9/KH-UBND\n",
                      encoding="utf-8")
    result = parbook("merge", source, "-o", tmp_path / "out", "--list", roster)
    assert result.code == 0
    assert "Xã Đại Đồng: có trong Danh sách nhưng không có số liệu" in result.out
    assert "Xã Yên Hòa: có số liệu nhưng không có trong Danh sách" in result.out
    text = document_text(tmp_path / "out" / "Kế hoạch khắc phục - Xã Tân Lập - 2026.docx")
    assert "Hồ Văn An" in text and "Số: 05/KH-UBND" in text


@pytest.mark.parametrize("by", ["field", "lead"])
def test_other_arrangements(tmp_path, by):
    result = merge(DISTRICT, tmp_path, by=by, as_of=AS_OF, only=["Đồng Tâm"])
    assert result.outcomes[0].status == WRITTEN
    assert "KẾ HOẠCH" in document_text(result.outcomes[0].documents[0])


def test_find_source_names_units_before_reading():
    source = find_source(DISTRICT)
    assert [u.name for u in source.units] == COMMUNE_SHEETS
    assert source.missing == ("UBND xã Đại Đồng",) and source.unlisted == ("Hải Ninh",)
    assert all(u.listed is (u.name != "Hải Ninh") for u in source.units)


# -- file names -------------------------------------------------------------------------------------------

@given(st.text(min_size=0, max_size=200))
def test_safe_part_is_a_windows_file_name(text):
    part = safe_part(text)
    assert part and len(part) <= MAX_NAME
    assert not any(ch in part for ch in '<>:"/\\|?*') and all(ord(ch) >= 32 for ch in part)
    assert not part.endswith((".", " "))
    assert part.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)),
                                             *(f"LPT{i}" for i in range(10))}


@given(st.lists(st.sampled_from(["Tân Lập", "TÂN LẬP", "tân lập", "An/Phú", "An:Phú", "CON", "x" * 90]), max_size=8))
def test_distinct_parts_differ_ignoring_case(names):
    parts = distinct_parts(names)
    assert len({p.casefold() for p in parts}) == len(parts)
    assert all(len(p) <= MAX_NAME for p in parts)


def test_vietnamese_names_kept():
    assert safe_part("Xã Hòa Bình: đợt 1/2026?") == "Xã Hòa Bình- đợt 1-2026"
    long = "Phường " + "Rất Dài " * 20
    assert long.startswith(safe_part(long) + " ") and len(safe_part(long)) <= MAX_NAME  # cut between words
    assert distinct_parts(["Tân Lập", "TÂN LẬP"]) == ["Tân Lập", "TÂN LẬP (2)"]


@pytest.mark.libreoffice("writer")
def test_pdf_beside_each_plan(tmp_path):
    result = merge(DISTRICT, tmp_path, as_of=AS_OF, only=["Tân Lập", "Đồng Tâm"], pdf=True)
    for outcome in result.outcomes:
        assert outcome.status == WRITTEN and [p.suffix for p in outcome.documents] == [".docx", ".pdf"]
        assert outcome.documents[1].read_bytes().startswith(b"%PDF")
