"""The plan's front matter: who issues it, its number and date, who signs, who receives it.

Read from the workbook's `Thông tin` sheet (key in column A, value in column B) and overridden by
command-line options; `pyxl.plan.derive` completes it from the table's title lines.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Iterable, Sequence

from pyxl.core.text import clean, fold

INFO_SHEET = "thong tin"

# field → accepted keys (folded: no accents, lower case, punctuation as spaces)
_KEYS = {
    "parent_body": ("co quan chu quan", "don vi chu quan", "chu quan", "co quan cap tren",
                    "co quan to chuc chu quan"),
    "unit": ("ten don vi ban hanh", "don vi ban hanh", "ten co quan ban hanh", "co quan ban hanh",
             "ten co quan to chuc ban hanh", "ten don vi", "ten co quan"),
    "place": ("dia danh", "dia danh ban hanh", "noi ban hanh"),
    "number": ("so ky hieu", "so va ky hieu", "so hieu", "so van ban", "so", "so ke hoach",
               "so ky hieu van ban"),
    "issued": ("ngay ban hanh", "ngay thang nam ban hanh", "ngay ky", "ngay van ban", "ngay",
               "ngay thang"),
    "eval_year": ("nam danh gia", "nam cham diem", "nam xac dinh chi so", "nam cua chi so",
                  "nam ket qua danh gia"),
    "plan_year": ("nam thuc hien", "nam ke hoach", "nam khac phuc", "nam ban hanh ke hoach"),
    "result": ("ket qua xep hang", "ket qua va xep hang", "ket qua", "xep hang", "ket qua chi so",
               "chi so cchc", "ket qua danh gia"),
    "bases": ("can cu", "can cu ban hanh", "cac can cu", "can cu thuc hien"),
    "authority": ("quyen han ky", "tham quyen ky", "quyen ky", "hinh thuc ky"),
    "signer_title": ("chuc vu nguoi ky", "chuc vu", "chuc danh nguoi ky", "chuc danh"),
    "signer": ("nguoi ky", "ho ten nguoi ky", "ho va ten nguoi ky", "ten nguoi ky"),
    "recipients": ("noi nhan", "cac noi nhan"),
}
_FIELD_BY_KEY = {key: name for name, keys in _KEYS.items() for key in keys}
LABELS = {  # the sheet's own wording, for messages
    "parent_body": "Cơ quan chủ quản", "unit": "Tên đơn vị ban hành", "place": "Địa danh",
    "number": "Số, ký hiệu", "issued": "Ngày ban hành", "eval_year": "Năm đánh giá",
    "plan_year": "Năm thực hiện", "result": "Kết quả, xếp hạng", "bases": "Căn cứ",
    "authority": "Quyền hạn ký", "signer_title": "Chức vụ người ký", "signer": "Người ký",
    "recipients": "Nơi nhận",
}
_LISTS = {"bases", "recipients"}
_HEADER_WORDS = {"thong tin", "noi dung", "gia tri", "muc", "truong", "khoa", "ten muc", "stt"}
_AUTHORITIES = {"tm": "TM.", "thay mat": "TM.", "kt": "KT.", "ky thay": "KT.", "q": "Q.", "quyen": "Q.",
                "tl": "TL.", "thua lenh": "TL.", "tuq": "TUQ.", "thua uy quyen": "TUQ."}


@dataclass(frozen=True)
class FrontMatter:
    """What the header, signature and recipient blocks say; None (or empty) where nothing is known."""

    parent_body: str | None = None  # Cơ quan chủ quản, e.g. "UBND huyện Ia Pa"
    unit: str | None = None  # Tên đơn vị ban hành, e.g. "UBND xã Ia Mrơn"
    place: str | None = None  # Địa danh, e.g. "Ia Mrơn"
    number: str | None = None  # "18" (leading zero below 10)
    symbol: str | None = None  # ký hiệu, e.g. "KH-UBND"
    issued: date | None = None
    eval_year: int | None = None
    plan_year: int | None = None
    result: str | None = None  # Kết quả, xếp hạng
    bases: tuple[str, ...] = ()  # Căn cứ, one per line
    authority: str | None = None  # "TM.", "KT.", "Q." (or a longer line such as "TM. ỦY BAN NHÂN DÂN")
    signer_title: str | None = None  # Chức vụ người ký, e.g. "Chủ tịch"
    signer: str | None = None
    recipients: tuple[str, ...] = ()  # Nơi nhận, one per line

    def updated(self, **changes: object) -> "FrontMatter":
        """A copy with the given fields replaced, ignoring None (how command-line options override)."""
        given = {name: value for name, value in changes.items() if value is not None}
        if "number" in given:
            number, symbol = parse_number_symbol(str(given["number"]))
            given["number"] = number
            if symbol and "symbol" not in given:
                given["symbol"] = symbol
        if "issued" in given and not isinstance(given["issued"], date):
            given["issued"] = parse_date(given["issued"])
        for name in ("eval_year", "plan_year"):
            if name in given and not isinstance(given[name], int):
                given[name] = parse_year(given[name])
        for name in _LISTS:
            if name in given and isinstance(given[name], str):
                given[name] = tuple(_lines(given[name]))
        if "authority" in given:
            given["authority"] = normalize_authority(str(given["authority"]))
        return dataclasses.replace(self, **given)

    def merged_over(self, other: "FrontMatter") -> "FrontMatter":
        """This front matter with its blanks filled from other."""
        values = {}
        for f in dataclasses.fields(self):
            mine = getattr(self, f.name)
            values[f.name] = mine if mine not in (None, (), "") else getattr(other, f.name)
        return FrontMatter(**values)


# -- reading the sheet ----------------------------------------------------------------------------

def key_of(text: object) -> str:
    """A key cell as matched: accents, case, numbering and punctuation ignored."""
    folded = fold(str(text or ""))
    folded = re.sub(r"^(?:\d+|[ivx]+|[a-z])[.)]\s+", "", folded)
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9]+", " ", folded)).strip()


def field_for_key(text: object) -> str | None:
    """The FrontMatter field a key cell names, or None."""
    return _FIELD_BY_KEY.get(key_of(text))


def front_matter_from_rows(rows: Sequence[Sequence[object]]) -> tuple[FrontMatter, list[str]]:
    """The front matter a `Thông tin` sheet's rows give, and warnings about cells it could not use.

    Keys are in column A, values in column B; a list (Căn cứ, Nơi nhận) has one entry per line of
    its cell and may go on in column B of the rows below while column A stays empty.
    """
    values: dict[str, object] = {}
    warnings: list[str] = []
    current_list: str | None = None
    for index, row in enumerate(rows, start=1):
        key_cell = row[0] if len(row) > 0 else None
        value = row[1] if len(row) > 1 else None
        if value is not None and isinstance(value, str) and not clean(value):
            value = None
        if key_cell is None or not clean(str(key_cell)):
            if current_list and value is not None:
                values.setdefault(current_list, [])
                values[current_list].extend(_lines(value))  # type: ignore[union-attr]
            continue
        name = field_for_key(key_cell)
        current_list = name if name in _LISTS else None
        if name is None:
            if value is not None and key_of(key_cell) not in _HEADER_WORDS and key_of(value) not in _HEADER_WORDS:
                warnings.append(f"Sheet Thông tin, dòng {index}: không hiểu mục '{clean(str(key_cell))}', bỏ qua.")
            continue
        if value is None:
            continue
        if name in _LISTS:
            values.setdefault(name, [])
            values[name].extend(_lines(value))  # type: ignore[union-attr]
        else:
            values[name] = value
    front, problems = _front_from_values(values)
    return front, warnings + problems


def _front_from_values(values: dict[str, object]) -> tuple[FrontMatter, list[str]]:
    warnings: list[str] = []
    fields: dict[str, object] = {}
    for name, value in values.items():
        if name in _LISTS:
            fields[name] = tuple(line for line in value if line)  # type: ignore[union-attr]
        elif name == "issued":
            parsed = parse_date(value)
            if parsed is None:
                warnings.append(
                    f"Sheet Thông tin: 'Ngày ban hành' = '{clean(str(value))}' không phải ngày (ví dụ 19/3/2021); để trống."
                )
            fields[name] = parsed
        elif name in ("eval_year", "plan_year"):
            parsed_year = parse_year(value)
            if parsed_year is None:
                warnings.append(f"Sheet Thông tin: '{LABELS[name]}' = '{clean(str(value))}' không phải năm; để trống.")
            fields[name] = parsed_year
        elif name == "number":
            fields["number"], fields["symbol"] = parse_number_symbol(_text(value))
        elif name == "authority":
            fields[name] = normalize_authority(_text(value))
        else:
            fields[name] = clean(_text(value)).replace("\n", " ") or None
    return FrontMatter(**fields), warnings


def front_matter_from_grids(grids: Iterable[object]) -> tuple[FrontMatter | None, list[str]]:
    """The front matter of the workbook's `Thông tin` sheet (any accents/case), or None without one."""
    for grid in grids:
        if key_of(getattr(grid, "name", "")) in (INFO_SHEET, "thong tin chung", "thong tin ke hoach"):
            return front_matter_from_rows(grid.rows)  # type: ignore[attr-defined]
    return None, []


def read_front_matter(path: str | Path) -> tuple[FrontMatter | None, list[str]]:
    """The front matter of a workbook file's `Thông tin` sheet, or None when it has no such sheet."""
    from pyxl.readers import read_workbook

    return front_matter_from_grids(read_workbook(path))


# -- parsing values ---------------------------------------------------------------------------------

def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _lines(value: object) -> list[str]:
    return [line for line in clean(_text(value)).split("\n") if line]


def parse_date(value: object) -> date | None:
    """A date from a cell: a date, an Excel serial number, '19/3/2021', '2021-03-19', 'ngày 19 tháng 3 năm 2021'."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 20000 <= value <= 80000:  # an Excel serial day (1954–2119)
            return date(1899, 12, 30) + timedelta(days=int(value))
        return None
    text = fold(str(value or ""))
    patterns = (
        r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})",
        r"(?P<y>\d{4})\s*-\s*(?P<m>\d{1,2})\s*-\s*(?P<d>\d{1,2})",
        r"(?:ngay\s*)?(?P<d>\d{1,2})\s*thang\s*(?P<m>\d{1,2})\s*nam\s*(?P<y>\d{4})",
    )
    for pattern in patterns:
        match = re.search(pattern, text)
        if match:
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                return None
    return None


def parse_year(value: object) -> int | None:
    """A year from a cell: 2021, 2021.0, 'năm 2021'."""
    if isinstance(value, (datetime, date)):
        return value.year
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value) if 1990 <= value <= 2100 and float(value).is_integer() else None
    match = re.search(r"(?<!\d)(19|20|21)\d{2}(?!\d)", str(value or ""))
    return int(match.group(0)) if match else None


def parse_number_symbol(text: str) -> tuple[str | None, str | None]:
    """'Số: 5/KH-UBND' → ('05', 'KH-UBND'); '18' → ('18', None); '/KH-UBND' → (None, 'KH-UBND')."""
    text = clean(text).replace("\n", " ")
    text = re.sub(r"^\s*s[oốÔỐ]\s*:?\s*", "", text, flags=re.IGNORECASE)
    match = re.match(r"^(?P<n>\d*)\s*(?:/\s*(?P<s>\S.*))?$", text)
    if not match:
        return None, None
    number = match["n"] or None
    if number is not None:
        number = number.lstrip("0") or "0"
        number = number.zfill(2)
    symbol = re.sub(r"\s+", "", match["s"]) if match["s"] else None
    return number, symbol


def normalize_authority(text: str) -> str | None:
    """'tm', 'Thay mặt' → 'TM.'; 'KT' → 'KT.'; longer lines ('TM. ỦY BAN NHÂN DÂN') kept in capitals."""
    text = clean(text).replace("\n", " ")
    if not text:
        return None
    key = key_of(text)
    if key in _AUTHORITIES:
        return _AUTHORITIES[key]
    return text.upper()
