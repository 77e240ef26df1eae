"""What a file really is, from its bytes: officers' files and web exports often carry the wrong extension.

A provincial scoring site's "Excel" download is often an HTML table or an Excel 2003 XML
spreadsheet named .xls; an .xlsx renamed .xls (or the reverse) is common too.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

XLSX, XLSB, ODS, XLS, ENCRYPTED, HTML, XML2003, TEXT = (
    "xlsx", "xlsb", "ods", "xls", "encrypted", "html", "xml2003", "text")

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEAD = 65536
# Compiled on first use (re keeps them): only a text file is looked at for them.
_SPREADSHEETML = r"(?i)<(?:\w+:)?workbook\b[^>]*urn:schemas-microsoft-com:office:spreadsheet"
_HTML = r"(?i)<(?:!doctype\s+html|html|table|body|head|meta)\b"


def sniff(path: Path) -> str | None:
    """The kind of spreadsheet the file holds (XLSX, XLS, HTML…), TEXT for other text, None if unknown."""
    with open(path, "rb") as stream:
        head = stream.read(_HEAD)
    if head.startswith(_ZIP_MAGIC):
        return _zip_kind(path)
    if head.startswith(_OLE_MAGIC):
        return _ole_kind(path)
    text = _head_text(head)
    if text is None:
        return None
    if re.search(_SPREADSHEETML, text):
        return XML2003
    if re.search(_HTML, text):
        return HTML
    return TEXT


def _zip_kind(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" in names:
                return XLSX
            if "xl/workbook.bin" in names:
                return XLSB
            if "mimetype" in names and b"opendocument.spreadsheet" in archive.read("mimetype")[:100]:
                return ODS
    except Exception:  # any complaint about the container: not a workbook we can open
        return None
    return None


def _ole_kind(path: Path) -> str | None:
    import olefile  # only an OLE file (.xls, an encrypted workbook) needs it

    try:
        with olefile.OleFileIO(str(path)) as ole:
            if ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"):
                return ENCRYPTED
            if ole.exists("Workbook") or ole.exists("Book"):
                return XLS
    except Exception:  # any complaint about the container: not a workbook we can open
        return None
    return None


def _head_text(head: bytes) -> str | None:
    """The start of a text file as text, or None for binary data."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head[2:].decode("utf-16-le" if head[0] == 0xFF else "utf-16-be", "replace")
    if head[:4000].count(b"\x00") > len(head[:4000]) // 4:  # UTF-16 without a BOM
        return head.decode("utf-16-le" if head[1:2] == b"\x00" else "utf-16-be", "replace")
    if b"\x00" in head:
        return None
    return head.decode("utf-8", "replace")
