"""The plan's front matter: who issues it, its number and date, who signs, who receives it.

Read from the workbook's `Thông tin` sheet (key in column A, value in column B) and overridden by
command-line options; `pyxl.plan.derive` completes it from the table's title lines.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Sequence

from pyxl.core.numbers import NotANumber, parse_number
from pyxl.core.text import clean, fold

INFO_SHEET = "thong tin"

# field → accepted keys (folded: no accents, lower case, punctuation as spaces)
_KEYS = {
    "parent_body": ("co quan chu quan", "don vi chu quan", "chu quan", "co quan cap tren",
                    "co quan to chuc chu quan"),
    "unit": ("ten don vi ban hanh", "don vi ban hanh", "ten co quan ban hanh", "co quan ban hanh",
             "ten co quan to chuc ban hanh", "ten don vi", "ten co quan", "don vi", "co quan", "ten xa",
             "ten phuong", "xa phuong", "ten xa phuong", "don vi duoc danh gia", "ten dia phuong"),
    "place": ("dia danh", "dia danh ban hanh", "noi ban hanh"),
    "number": ("so ky hieu", "so va ky hieu", "so hieu", "so van ban", "so", "so ke hoach",
               "so ky hieu van ban"),
    "issued": ("ngay ban hanh", "ngay thang nam ban hanh", "ngay ky", "ngay van ban", "ngay",
               "ngay thang"),
    "eval_year": ("nam danh gia", "nam cham diem", "nam xac dinh chi so", "nam cua chi so",
                  "nam ket qua danh gia"),
    "plan_year": ("nam thuc hien", "nam ke hoach", "nam khac phuc", "nam ban hanh ke hoach"),
    "result": ("ket qua xep hang", "ket qua va xep hang", "ket qua", "ket qua chi so", "ket qua danh gia"),
    "bases": ("can cu", "can cu ban hanh", "cac can cu", "can cu thuc hien"),
    "decision": ("quyet dinh cong bo chi so", "so quyet dinh cong bo chi so", "so quyet dinh cong bo",
                 "quyet dinh cong bo", "so quyet dinh", "quyet dinh cong bo ket qua"),
    "decision_date": ("ngay quyet dinh", "ngay quyet dinh cong bo", "ngay cong bo", "ngay cong bo chi so"),
    "decision_body": ("co quan ban hanh quyet dinh", "co quan cong bo", "co quan cong bo chi so",
                      "noi ban hanh quyet dinh"),
    "upper_plan": ("ke hoach cap tren", "ke hoach cua cap tren", "van ban cap tren", "thuc hien",
                   "thuc hien van ban", "thuc hien ke hoach"),
    "score": ("diem dat duoc", "diem dat", "tong diem dat", "tong diem", "diem chi so", "chi so dat duoc",
              "chi so cchc", "diem chi so cchc", "diem cchc"),
    "max_score": ("diem toi da", "tong diem toi da", "thang diem", "diem toi da cua bo chi so"),
    "lost": ("diem bi tru", "diem bi mat", "tong diem bi tru", "tong diem bi mat", "so diem bi tru"),
    "rank": ("xep hang", "thu hang", "xep thu", "vi tri xep hang", "thu tu xep hang"),
    "units": ("tong so don vi", "so don vi", "so don vi xep hang", "tong so don vi xep hang",
              "so don vi duoc danh gia"),
    "coordinator": ("dau moi theo doi", "co quan dau moi", "bo phan dau moi", "don vi dau moi",
                    "co quan tham muu cchc", "bo phan tham muu cchc"),
    "report_to": ("bao cao ve", "co quan nhan bao cao", "noi nhan bao cao", "bao cao cap tren"),
    "report_when": ("thoi han bao cao", "che do bao cao", "thoi gian bao cao", "han bao cao"),
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
    "recipients": "Nơi nhận", "decision": "Quyết định công bố chỉ số", "decision_date": "Ngày quyết định",
    "decision_body": "Cơ quan ban hành quyết định", "upper_plan": "Kế hoạch cấp trên", "score": "Điểm đạt được",
    "max_score": "Điểm tối đa", "lost": "Điểm bị trừ", "rank": "Xếp hạng", "units": "Tổng số đơn vị",
    "coordinator": "Đầu mối theo dõi", "report_to": "Báo cáo về", "report_when": "Thời hạn báo cáo",
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
    decision: str | None = None  # the decision publishing the index: "35/QĐ-UBND"
    decision_date: date | None = None
    decision_body: str | None = None  # "UBND tỉnh Quảng Trị"
    upper_plan: str | None = None  # "Kế hoạch số 120/KH-UBND ngày 24/9/2021 của UBND huyện …"
    score: Decimal | None = None  # the unit's index score
    max_score: Decimal | None = None  # the index's maximum (100 unless the province says otherwise)
    lost: Decimal | None = None  # points lost over the whole index
    rank: str | None = None  # "1", "01/10", "1/10 huyện, thị"
    units: int | None = None  # how many units were ranked
    coordinator: str | None = None  # who follows the plan up (default by level)
    report_to: str | None = None  # whom the unit reports to (default by level)
    report_when: str | None = None  # when offices report ("trước ngày 10 của tháng cuối quý")

    def updated(self, **changes: object) -> "FrontMatter":
        """A copy with the given fields replaced, ignoring None (how command-line options override)."""
        given = {name: value for name, value in changes.items() if value is not None}
        if "number" in given:
            number, symbol = parse_number_symbol(str(given["number"]))
            given["number"] = number
            if symbol and "symbol" not in given:
                given["symbol"] = symbol
        for name in ("issued", "decision_date"):
            if name in given and not isinstance(given[name], date):
                given[name] = parse_date(given[name])
        for name in ("eval_year", "plan_year"):
            if name in given and not isinstance(given[name], int):
                given[name] = parse_year(given[name])
        for name in ("score", "max_score", "lost"):
            if name in given and not isinstance(given[name], Decimal):
                given[name] = _points(given[name], name, [])
        if "units" in given and not isinstance(given["units"], int):
            given["units"] = _count(given["units"], [])
        if "decision" in given:
            given["decision"] = decision_number(_text(given["decision"]))
        for name in ("rank", "upper_plan", "decision_body", "coordinator", "report_to", "report_when"):
            if name in given:
                given[name] = clean(_text(given[name])).replace("\n", " ") or None
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
        elif name in ("issued", "decision_date"):
            parsed = parse_date(value)
            if parsed is None:
                warnings.append(f"Sheet Thông tin: '{LABELS[name]}' = '{clean(_text(value))}' không phải ngày "
                                "(ví dụ 19/3/2021); để trống.")
            fields[name] = parsed
        elif name in ("score", "max_score", "lost"):
            fields[name] = _points(value, name, warnings)
        elif name == "units":
            fields[name] = _count(value, warnings)
        elif name == "decision":
            fields[name] = decision_number(_text(value))
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

def _points(value: object, name: str, warnings: list[str]) -> Decimal | None:
    try:
        number = parse_number(value)
    except NotANumber:
        number = None
    if number is None:
        warnings.append(f"Sheet Thông tin: '{LABELS[name]}' = '{clean(_text(value))}' không phải số điểm "
                        "(ví dụ 93,93); để trống.")
        return None
    return abs(number)


def _count(value: object, warnings: list[str]) -> int | None:
    match = re.fullmatch(r"\s*(\d{1,4})(?:\.0+)?\s*(?:\D.*)?", _text(value))
    if match is None or int(match.group(1)) == 0:
        warnings.append(f"Sheet Thông tin: 'Tổng số đơn vị' = '{clean(_text(value))}' không phải số đơn vị; để trống.")
        return None
    return int(match.group(1))


def decision_number(text: str) -> str | None:
    """'Số 35/QĐ-UBND' → '35/QĐ-UBND'; '35' → '35/QĐ-UBND' (a decision's ký hiệu is QĐ-…)."""
    number, symbol = parse_number_symbol(text)
    if number is None:
        return None
    return f"{number}/{symbol or 'QĐ-UBND'}"


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
