"""The workbook's zip package: read its parts, patch a few, write it back byte-for-byte reproducibly."""
from __future__ import annotations

import io
import re
import zipfile
from typing import Mapping

# One fixed timestamp and no compression: deflate output differs between zlib builds, and the
# committed workbook must come out byte-identical wherever it is rebuilt (OPC allows stored parts).
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# A formula cell XlsxWriter wrote with an empty cached result: no type, empty <v>.
_EMPTY_RESULT = re.compile(rb'(<c r="[A-Z]+[0-9]+"(?: s="[0-9]+")?)(><f>[^<]*</f><v></v></c>)')


def read_parts(package: bytes) -> dict[str, bytes]:
    """Part name → content, in the package's order."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def write_parts(parts: Mapping[str, bytes]) -> bytes:
    """A zip of `parts` in the given order with fixed metadata, so equal input gives equal bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, _ZIP_DATE)
            info.create_system = 0  # otherwise the host OS, which would make builds differ by platform
            info.external_attr = 0
            archive.writestr(info, data)
    return buffer.getvalue()


def mark_empty_string_results(parts: dict[str, bytes]) -> None:
    """Type the empty cached results of formulas as strings (t="str"), as Excel saves a formula giving "".

    Without the type a reader cannot tell "calculated, result is empty" from "never calculated".
    """
    for name, data in parts.items():
        if name.startswith("xl/worksheets/sheet"):
            parts[name] = _EMPTY_RESULT.sub(rb'\1 t="str"\2', data)
