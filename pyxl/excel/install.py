"""`parbook install-excel`: a copy of parbook.xlsm wired to this machine's Python, and the steps to enable it."""
from __future__ import annotations

import sys
from pathlib import Path

from pyxl.core.errors import ParbookError
from pyxl.excel.xlsm import PINNED_XLWINGS, build_workbook

NEXT_STEPS = (
    "Các bước tiếp theo:",
    "  1. Nếu tệp được tải từ mạng/thư điện tử: bấm chuột phải › Properties › chọn Unblock › OK.",
    "  2. Mở tệp bằng Excel, bấm 'Enable Content' (Bật nội dung) trên thanh vàng.",
    "  3. Thẻ CCHC xuất hiện trên thanh ribbon; dán bảng PHỤ LỤC vào sheet 'PHỤ LỤC' rồi bấm 'Kiểm tra bảng'.",
)


def install_workbook(folder: str | Path, overwrite: bool = False) -> list[str]:
    """Write folder/parbook.xlsm naming this Python (pythonw.exe on Windows); returns the lines to show."""
    import xlwings

    if xlwings.__version__ != PINNED_XLWINGS:
        raise ParbookError(f"Máy đang cài xlwings {xlwings.__version__} nhưng parbook.xlsm cần đúng bản "
                           f"{PINNED_XLWINGS}. Hãy chạy: pip install xlwings=={PINNED_XLWINGS}")
    python = Path(sys.executable)
    windowless = python.with_name("pythonw.exe")  # no console window flashing at each button click
    interpreter = str(windowless if windowless.exists() else python)
    key = "Interpreter_Win" if sys.platform == "win32" else "Interpreter_Mac"
    target = Path(folder) / "parbook.xlsm"
    if target.exists() and not overwrite:
        raise ParbookError(f"Đã có '{target}'. Dùng --overwrite để tạo lại (sheet của tệp cũ sẽ không được giữ).")
    build_workbook(target, settings=((key, interpreter),))
    lines = [f"Đã tạo {target} (Python: {interpreter}).", *NEXT_STEPS]
    if sys.platform not in ("win32", "darwin"):
        lines.append("Lưu ý: Excel chỉ chạy trên Windows/macOS; trên máy này hãy dùng các lệnh parbook check/plan/merge.")
    return lines
