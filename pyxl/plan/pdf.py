"""PDF through LibreOffice: `soffice --headless --convert-to pdf` in a private profile, with a timeout."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from pyxl.core.errors import ParbookError
from pyxl.files import atomic_path

TIMEOUT = 180  # seconds; a first start of LibreOffice builds its profile and takes a while
# A LibreOffice without Writer (only Calc installed) cannot open a .docx: it prints an error, writes
# nothing and still exits 0. That is the one sign of it, so that is when this is said.
NO_WRITER = ("LibreOffice trên máy này không mở được tệp Word, thường vì thiếu phần LibreOffice Writer "
             "(soạn thảo văn bản). Hãy cài đủ LibreOffice (có Writer)")


def soffice_path() -> str | None:
    """The LibreOffice command on PATH (soffice, or libreoffice on some Linux packages), or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice() -> str:
    """The LibreOffice command, or a ParbookError saying how to get it."""
    command = soffice_path()
    if command is None:
        raise ParbookError(
            "Không tìm thấy LibreOffice (lệnh 'soffice') nên không xuất được PDF. Hãy cài LibreOffice "
            "(https://www.libreoffice.org) và thêm thư mục chứa soffice vào PATH, hoặc bỏ tùy chọn PDF rồi "
            "mở tệp .docx bằng Word và chọn File › Save As › PDF."
        )
    return command


def _kill_tree(process: subprocess.Popen) -> None:
    """Stop the conversion we started and its children (soffice starts soffice.bin)."""
    if os.name == "nt":
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)], capture_output=True, check=False)
    else:
        os.killpg(process.pid, signal.SIGKILL)  # its own session: only this conversion's processes


def convert_to_pdf(docx: str | os.PathLike[str], pdf: str | os.PathLike[str] | None = None,
                   overwrite: bool = False, timeout: float = TIMEOUT) -> Path:
    """Convert a .docx to PDF (beside it unless pdf is given); returns the PDF path.

    Each conversion uses its own LibreOffice profile, so it neither disturbs nor waits for an
    office the user has open, and conversions may run in parallel.
    """
    command = require_soffice()
    docx = Path(docx)
    target = Path(pdf) if pdf is not None else docx.with_suffix(".pdf")
    if target.exists() and not overwrite:
        raise ParbookError(f"Tệp '{target}' đã có. Hãy chọn tên khác hoặc dùng --overwrite để ghi đè.")
    with tempfile.TemporaryDirectory(prefix="parbook-soffice-") as work:
        profile = Path(work, "profile").as_uri()
        outdir = Path(work, "out")
        args = [command, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nologo",
                "--nodefault", "--nolockcheck", "--convert-to", "pdf", "--outdir", str(outdir), str(docx)]
        process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_tree(process)
            process.communicate()
            raise ParbookError(
                f"LibreOffice không chuyển xong '{docx.name}' sang PDF sau {int(timeout)} giây. Hãy thử lại, "
                "hoặc mở tệp .docx bằng Word và chọn File › Save As › PDF."
            ) from None
        produced = outdir / (docx.stem + ".pdf")
        if process.returncode == 0 and not produced.is_file():
            raise ParbookError(f"Không xuất được '{docx.name}' sang PDF: {NO_WRITER}, hoặc mở tệp .docx bằng Word "
                               "và chọn File › Save As › PDF.")
        if process.returncode != 0:
            detail = (err or out).decode("utf-8", "replace").strip().splitlines()
            raise ParbookError(
                f"LibreOffice không chuyển được '{docx.name}' sang PDF"
                + (f" ({detail[-1]})" if detail else "")
                + ". Hãy mở tệp .docx bằng Word và chọn File › Save As › PDF."
            )
        with atomic_path(target, overwrite) as tmp:
            shutil.copyfile(produced, tmp)
    return target
