"""PDFs for many plans at once: one LibreOffice start per batch instead of one per document.

`pyxl.plan.convert_to_pdf` starts LibreOffice for each file (seconds each); a province's 3,300 plans
would take hours that way.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from pyxl.core.errors import ParbookError
from pyxl.files import WriteError, atomic_path
from pyxl.plan import require_soffice
from pyxl.merge.stops import write_problem
from pyxl.plan.pdf import NO_WRITER, _kill_tree

SECONDS_PER_DOCUMENT = 20
START_SECONDS = 120  # a first start builds the private profile
_RUNNING: set[subprocess.Popen] = set()  # conversions under way in this process


def stop_conversions() -> None:
    """Kill the LibreOffice conversions this process started (its run is gone: nobody wants them)."""
    for process in list(_RUNNING):
        _kill_tree(process)


def convert_batch(documents: list[Path], overwrite: bool = False) -> dict[Path, str]:
    """Write a PDF beside each .docx; returns {document: Vietnamese reason} for those that got none."""
    if not documents:
        return {}
    command = require_soffice()
    problems: dict[Path, str] = {}
    with tempfile.TemporaryDirectory(prefix="parbook-soffice-") as work:
        outdir = Path(work, "out")
        args = [command, f"-env:UserInstallation={Path(work, 'profile').as_uri()}", "--headless", "--norestore",
                "--nologo", "--nodefault", "--nolockcheck", "--convert-to", "pdf", "--outdir", str(outdir),
                *map(str, documents)]
        timeout = START_SECONDS + SECONDS_PER_DOCUMENT * len(documents)
        process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        _RUNNING.add(process)
        try:
            process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_tree(process)
            process.communicate()
            return {d: f"LibreOffice không chuyển xong sang PDF sau {timeout} giây." for d in documents}
        finally:
            _RUNNING.discard(process)
        converted = [d for d in documents if (outdir / (d.stem + ".pdf")).is_file()]
        for document in documents:
            produced = outdir / (document.stem + ".pdf")
            if not produced.is_file():
                problems[document] = (f"{NO_WRITER}." if not converted and process.returncode == 0
                                      else "LibreOffice không chuyển được tệp này sang PDF.")
                continue
            try:
                with atomic_path(document.with_suffix(".pdf"), overwrite) as tmp:
                    shutil.copyfile(produced, tmp)
            except WriteError as error:
                message, stops = write_problem(document.with_suffix(".pdf"), error)
                if stops:  # a full disk or a read-only folder stops the run, as for the plans themselves
                    raise
                problems[document] = message
            except ParbookError as error:
                problems[document] = error.message
    return problems
