"""Reading written plans back: .docx through python-docx, PDF through pdftotext/pdfinfo (for the plan tests)."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import warnings
from pathlib import Path

import docx

from pyxl.plan import PlanWarning, write_plan

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")
NO_PDF = "LibreOffice Writer (soffice) and poppler (pdftotext, pdfinfo) are needed to render and read PDFs"


def document(source: bytes | Path):
    return docx.Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))


def body_paragraphs(source) -> list[str]:
    """The text of the body's paragraphs outside tables (the plan's running text), in order."""
    return [p.text for p in document(source).paragraphs]


def section(paragraphs: list[str], start: str, end: str | None = None) -> list[str]:
    """The paragraphs from the first starting with start up to the first starting with end."""
    first = next(i for i, text in enumerate(paragraphs) if text.startswith(start))
    last = next((i for i, text in enumerate(paragraphs[first + 1:], first + 1) if end and text.startswith(end)),
                len(paragraphs))
    return paragraphs[first:last]


def recipients(source) -> list[str]:
    signature = document(source).tables[1]
    return [p.text for p in signature.cell(0, 0).paragraphs if p.text][1:]


def appendix_tables(source) -> list:
    """The fitted appendix tables (Alt Text title naming parbook), in order."""
    return [t for t in document(source).tables if "parbook" in t._tbl.xml.split("tblCaption")[-1][:200]
            and "tblCaption" in t._tbl.xml]


def rows_of(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def quietly(table, **options) -> Path:
    """write_plan with its PlanWarnings swallowed (the tests are about the document)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PlanWarning)
        return write_plan(table, **options)


# -- PDF -------------------------------------------------------------------------------------------------

def pdf_pages(path: Path) -> list[str]:
    """The text of each page (pdftotext keeps the page breaks as form feeds)."""
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:page_count(path)]


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def landscape_pages(path: Path) -> list[int]:
    """1-based numbers of the pages wider than they are high."""
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", str(page_count(path)), str(path)], capture_output=True,
                          text=True, check=True).stdout
    sizes = re.findall(r"^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", info, re.M)
    return [int(n) for n, w, h in sizes if float(w) > float(h)]


def squeezed(text: str) -> str:
    """Text without any white space (LibreOffice's font fallback makes pdftotext put spaces inside words)."""
    return re.sub(r"\s+", "", text)
