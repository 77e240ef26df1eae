"""Scores as Decimal: parse what officers type, print it the Vietnamese way."""
from __future__ import annotations

import re
from functools import lru_cache
from decimal import Decimal, InvalidOperation

from pyxl.core.grid import CellError

TOLERANCE = Decimal("0.005")
_BLANKS = {"", "-", "–", "—", "x", "/"}
# Compiled on first use (re keeps it): only a score typed with its unit needs it.
_UNIT = r"(?i)\s*(điểm|diem|đ)\.?$"
_UNIT_ENDS = (".", "m", "M", "đ", "Đ")  # what a text _UNIT matches in ends with


class NotANumber(ValueError):
    """Raised for a score cell whose text is not a number."""


def parse_number(value: object) -> Decimal | None:
    """A score from a cell: numbers, '0,75', '-0,3', ' 1.5 ', '0,5 điểm'; None for blank cells.

    Raises NotANumber for any other text and for Excel error values.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, CellError):
        raise NotANumber(str(value))
    if isinstance(value, (str, float)):
        return _parse_cached(value)  # the same few scores fill a whole table
    return _parse(value)


@lru_cache(maxsize=8192)
def _parse_cached(value: str | float) -> Decimal | None:
    return _parse(value)


def _parse(value: object) -> Decimal | None:
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise NotANumber(str(value))
        # Excel stores binary floats; 12 places undo the binary noise of typed decimals.
        return Decimal(repr(round(value, 12))).normalize() + 0
    if isinstance(value, Decimal):
        return value
    text = str(value).replace("\u00a0", "").replace("\u2212", "-")
    text = "".join(text.split())  # str.split() splits where r"\s" matches
    if text.endswith(_UNIT_ENDS):
        text = re.sub(_UNIT, "", text)
    if text.startswith("(") and text.endswith(")"):
        text = "-" + text[1:-1]
    if text.casefold() in _BLANKS:
        return None
    if "," in text and "." in text:
        # "1.234,5" (Vietnamese grouping) or "1,234.5" (English grouping)
        grouping, decimal = (".", ",") if text.rfind(",") > text.rfind(".") else (",", ".")
        text = text.replace(grouping, "").replace(decimal, ".")
    if not _is_number(text):
        raise NotANumber(str(value))
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation as exc:  # pragma: no cover - the regex already rules this out
        raise NotANumber(str(value)) from exc


def _is_number(text: str) -> bool:
    r"""'1', '-0.5', '+0,75', ',5' (what r'^[+-]?(\d+([.,]\d+)?|[.,]\d+)$' matches; the text has no newline)."""
    digits = text[1:] if text[:1] in ("+", "-") else text
    point = next((i for i, ch in enumerate(digits) if ch in ".,"), None)
    if point is None:
        return digits.isdecimal()
    whole, fraction = digits[:point], digits[point + 1:]
    return (not whole or whole.isdecimal()) and fraction.isdecimal()


def format_points(value: Decimal | None) -> str:
    """'1,05' for Decimal('1.05'); '1' for 1.00; '' for None."""
    if value is None:
        return ""
    quantized = value.quantize(Decimal("0.01")) if value.as_tuple().exponent < -2 else value
    text = format(quantized.normalize(), "f")
    if text in ("-0", "-0.0"):
        text = "0"
    return text.replace(".", ",")


def equal(a: Decimal, b: Decimal) -> bool:
    """Scores are equal within the shared tolerance of 0.005."""
    return abs(a - b) < TOLERANCE
