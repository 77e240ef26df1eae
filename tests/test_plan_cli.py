"""`parbook plan` from the command line: options, front-matter overrides, no overwrite."""
from __future__ import annotations

import docx

from conftest import SAMPLES


def text_of(path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_plan_command_writes_the_document(parbook, tmp_path):
    out = tmp_path / "ke_hoach.docx"
    result = parbook("plan", SAMPLES / "son_giang_2021.xlsx", "-o", out, "--signer", "Nguyễn Văn A",
                     "--number", "18/KH-UBND", "--date", "19/3/2021")
    assert result.code == 0, result.err
    text = text_of(out)
    assert "8,45" in text and "Nguyễn Văn A" in text and "Số: 18/KH-UBND" in text
    assert "ngày 19 tháng 3 năm 2021" in text
    assert "Lưu ý:" in result.err  # blanks left in the draft are listed
    again = parbook("plan", SAMPLES / "son_giang_2021.xlsx", "-o", out)
    assert again.code == 2 and "--overwrite" in again.err


def test_a_targets_and_tasks_workbook_is_one_plan_and_a_sheet_can_still_be_chosen(parbook, tmp_path):
    whole = parbook("plan", SAMPLES / "phuoc_my_2024.xlsx", "-o", tmp_path / "x.docx")
    assert whole.code == 0, whole.err
    text = text_of(tmp_path / "x.docx")
    assert "Tiếp tục triển khai đồng bộ việc tạo lập hồ sơ công việc điện tử" in text  # Phụ lục 2's tasks
    assert "Chỉ số cải cách hành chính (Par Index)" in text  # Phụ lục 1's targets
    ok = parbook("plan", SAMPLES / "phuoc_my_2024.xlsx", "--sheet", "Phụ lục 2", "-o", tmp_path / "y.docx")
    assert ok.code == 0 and "Chỉ số cải cách hành chính (Par Index)" not in text_of(tmp_path / "y.docx")
