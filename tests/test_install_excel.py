"""`parbook install-excel`: a copy of parbook.xlsm wired to this Python."""
from __future__ import annotations

import sys

import openpyxl


def test_install_excel_writes_interpreter_and_keeps_existing(parbook, tmp_path):
    result = parbook("install-excel", "-o", tmp_path)
    assert result.code == 0 and "Enable Content" in result.out
    conf = openpyxl.load_workbook(tmp_path / "parbook.xlsm")["xlwings.conf"]
    rows = {row[0]: row[1] for row in conf.iter_rows(values_only=True)}
    key = "Interpreter_Win" if sys.platform == "win32" else "Interpreter_Mac"
    assert rows["UDF Modules"] == "pyxl.excel.udfs"
    assert rows[key].startswith(sys.exec_prefix) or rows[key].startswith(str(sys.executable)[:5])
    again = parbook("install-excel", "-o", tmp_path)
    assert again.code == 2 and "--overwrite" in again.err
