"""File names for many communes' plans: Vietnamese kept, safe on Windows, bounded in length, distinct."""
from __future__ import annotations

import re

from pyxl.plan import safe_file_name
from pyxl.core.text import nfc

# Windows allows 260 characters for a whole path; a short name leaves room for the folder above it.
MAX_NAME = 60
# Device names Windows refuses with any extension; safe_file_name knows the common ones only.
_DEVICE = re.compile(r"^(con|prn|aux|nul|conin\$|conout\$|clock\$|com[0-9¹²³]|lpt[0-9¹²³])$", re.IGNORECASE)


def safe_part(text: str, limit: int = MAX_NAME) -> str:
    """text as part of a Windows file name: no reserved character or name, at most limit characters.

    A long name is cut at a word boundary so that it still reads as a name.
    """
    # '#' is allowed by Windows but cuts a hyperlink to the file (the summary links to every plan).
    stem = safe_file_name(nfc(text).replace("#", "-") + ".x")[:-2]
    if len(stem) > limit:
        cut = stem[:limit]
        space = cut.rfind(" ")
        stem = (cut[:space] if space >= limit // 2 else cut).rstrip(" .-")
    if _DEVICE.match(stem.split(".")[0]):
        stem = "_" + stem
    return stem


def distinct_parts(names: list[str], limit: int = MAX_NAME) -> list[str]:
    """safe_part of each name, made distinct the way Windows compares names (ignoring case): 'X', 'X (2)'."""
    taken: set[str] = set()
    parts = []
    for name in names:
        base = safe_part(name, limit)
        part, n = base, 1
        while part.casefold() in taken:
            n += 1
            suffix = f" ({n})"
            part = base[: limit - len(suffix)].rstrip(" .-") + suffix
        taken.add(part.casefold())
        parts.append(part)
    return parts
