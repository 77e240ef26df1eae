"""III. TỔ CHỨC THỰC HIỆN and Nơi nhận, written for the unit's level (pyxl.core.levels).

One paragraph per responsible office (offices compared by their catalogue name, tone-insensitive),
listing the items it leads and what it reports, when and to whom; the office that follows the plan
up and the upper level it reports to are those of the unit's level:
  commune before 7/2025  công chức Văn phòng - Thống kê, reporting to the district's Phòng Nội vụ;
  commune from 7/2025    Phòng Văn hóa - Xã hội (it holds nội vụ, CCHC included), to Sở Nội vụ;
  district               Phòng Nội vụ, to UBND tỉnh through Sở Nội vụ.
`Thông tin` may name another coordinator, upper office, reporting deadline or list of recipients.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from pyxl.core.agencies import COMMUNE, DISTRICT, Catalogue
from pyxl.core.levels import UnitKind
from pyxl.core.text import fold, tone_key
from pyxl.plan.derive import locality_of
from pyxl.plan.frontmatter import FrontMatter
from pyxl.plan.suggest import Phrase, office_list

REPORT_WHEN = "định kỳ hằng quý, trước ngày 10 của tháng cuối quý"
# ND 33/2023 titles of commune công chức: a plan calls them "Công chức Văn phòng - Thống kê".
_CIVIL_SERVANTS = {tone_key(name) for name in (
    "Văn phòng - Thống kê", "Tư pháp - Hộ tịch", "Tài chính - Kế toán", "Văn hóa - Xã hội",
    "Địa chính - Xây dựng - Đô thị và Môi trường", "Địa chính - Nông nghiệp - Xây dựng và Môi trường",
)}
# A "lead" cell sometimes holds the evidence instead of an office (Tài liệu kiểm chứng: Báo cáo số …).
_NOT_AN_OFFICE = re.compile(r"^tai lieu|kiem chung|\bbao cao so\b|/bc-|/qd-|/kh-")
_MAX_RECIPIENT_LINES = 6
# Bodies outside the People's Committee (Mặt trận, đoàn thể): a plan asks them ("Đề nghị …"), it does not
# assign them, as Tân Bình's plan does.
_OUTSIDE = re.compile(r"^(?:uy ban (?:mttq|mat tran)|mttq|mat tran|cac (?:hoi, )?doan the|doan thanh nien|doan tncs|"
                      r"hoi (?:lien hiep phu nu|lhpn|phu nu|nong dan|cuu chien binh|ccb))")


@dataclass(frozen=True)
class Frame:
    """Who is addressed, who follows up, whom the unit reports to, who receives the plan: by level."""

    addressees: str
    coordinator: str  # as written inside a sentence
    coordinator_office: str | None  # its catalogue name, to find it among the leads
    report_to: str
    report_when: str
    upper: tuple[str, ...]  # recipients above and beside the offices
    after: tuple[str, ...]  # recipients after the offices (a district's communes)
    offices: str = "Các cơ quan, bộ phận có tên tại Kế hoạch"  # one recipient line for many offices


def frame(kind: UnitKind, front: FrontMatter) -> Frame:
    """The level's defaults with what `Thông tin` says instead."""
    locality = locality_of(front.unit) or ""
    word = _level_word(locality)
    parent = locality_of(front.parent_body) if front.parent_body else None
    if kind.level == COMMUNE:
        word = word or "xã"
        party = (f"Thường trực Đảng ủy {word}", f"Thường trực HĐND {word}",
                 f"Chủ tịch, các Phó Chủ tịch UBND {word}")
        if kind.new_commune:
            base = Frame(f"Các phòng chuyên môn, Trung tâm Phục vụ hành chính công và cán bộ, công chức thuộc "
                         f"UBND {word}", "Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội", "Sở Nội vụ",
                         REPORT_WHEN, (f"UBND {parent or 'tỉnh'} (báo cáo)", "Sở Nội vụ", *party), (),
                         f"Các phòng chuyên môn, Trung tâm Phục vụ hành chính công {word}")
        else:
            base = Frame(f"Cán bộ, công chức và các bộ phận chuyên môn thuộc UBND {word}",
                         "công chức Văn phòng - Thống kê", "Văn phòng - Thống kê",
                         f"Phòng Nội vụ {parent}" if parent else "Phòng Nội vụ", REPORT_WHEN,
                         (f"UBND {parent or 'cấp huyện'} (báo cáo)",
                          f"Phòng Nội vụ {parent}" if parent else "Phòng Nội vụ", *party), (),
                         f"Công chức chuyên môn UBND {word}")
    elif kind.level == DISTRICT:
        word = word or "huyện"
        communes = {"quận": "phường", "thị xã": "xã, phường"}.get(word, "xã, thị trấn")
        base = Frame(f"Thủ trưởng các cơ quan chuyên môn, đơn vị sự nghiệp thuộc UBND {word}, Chủ tịch UBND các "
                     f"{communes}", "Phòng Nội vụ", "Phòng Nội vụ", "UBND tỉnh (qua Sở Nội vụ)", REPORT_WHEN,
                     (f"UBND {parent or 'tỉnh'} (báo cáo)", "Sở Nội vụ", f"Chủ tịch, các Phó Chủ tịch UBND {word}"),
                     (f"UBND các {communes}",), f"Các cơ quan chuyên môn, đơn vị sự nghiệp thuộc UBND {word}")
    else:
        base = Frame("Các cơ quan, bộ phận có liên quan", "bộ phận phụ trách công tác cải cách hành chính", None,
                     "cơ quan cấp trên", REPORT_WHEN, (), ())
    coordinator, office = base.coordinator, base.coordinator_office
    if front.coordinator:
        coordinator = office = front.coordinator
    return dataclasses.replace(base, coordinator=coordinator, coordinator_office=office,
                               report_to=front.report_to or base.report_to,
                               report_when=front.report_when or base.report_when)


def _level_word(locality: str) -> str:
    folded = fold(locality)
    for word in ("thị trấn", "thị xã", "phường", "xã", "huyện", "quận", "đặc khu"):
        if folded.startswith(fold(word) + " ") or folded == fold(word):
            return word
    return ""


@functools.lru_cache(maxsize=8192)  # the same offices recur in every item and every commune of a merge
def office_name(name: str, kind: UnitKind) -> str:
    """An office as the plan names it: the catalogue's name, a commune công chức as 'Công chức …'."""
    level = kind.level
    canonical = Catalogue.builtin().canonical(name, level) if level else name
    title = _bare_title(canonical)
    if tone_key(title) in _CIVIL_SERVANTS:  # 'Tư pháp - Hộ tịch' alone names no office, at any level or era
        return f"Công chức {title}"
    return canonical


def _bare_title(name: str) -> str:
    return re.sub(r"^công chức\s+", "", name.strip(), flags=re.IGNORECASE)


def is_office(name: str) -> bool:
    """False for evidence or a document reference typed where an office belongs."""
    return bool(name.strip()) and not _NOT_AN_OFFICE.search(fold(name))


def is_outside(name: str) -> bool:
    """True for the Mặt trận or a đoàn thể: a body the plan asks to take part, not one it assigns."""
    return bool(_OUTSIDE.match(fold(name.strip())))


def _key(name: str) -> str:
    return tone_key(re.sub(r"^công chức\s+", "", name.strip(), flags=re.IGNORECASE))


def duties(entries: list[dict], where: Frame, unit: str) -> dict:
    """The Tổ chức thực hiện of a remediation or annual plan from its entries' leads and partners.

    Each entry has "ref" (its code, or its title when it has none), "leads" and "partners" (lists
    of Phrase, one office each). Returns addressees, duties (one per office: number, name, refs it
    leads and partners, coordinator or not, outside or not: a Mặt trận or đoàn thể the plan asks), partners
    (offices that only partner), asked (outside bodies that only partner) and the report line.
    """
    offices: dict[str, dict] = {}

    def office(name: Phrase) -> dict:
        key = _key(str(name))
        if key not in offices:
            offices[key] = {"name": name, "leads": [], "partners": [], "suggested": True, "coordinator": False}
        found = offices[key]
        found["suggested"] = found["suggested"] and name.suggested
        return found

    for entry in entries:
        for name in entry["leads"]:
            office(name)["leads"].append(entry["ref"])
        leading = {_key(str(name)) for name in entry["leads"]}
        for name in entry["partners"]:
            if _key(str(name)) not in leading:
                office(name)["partners"].append(entry["ref"])
    lead_offices = {key: found for key, found in offices.items() if found["leads"]}
    coordinator_key = _key(where.coordinator_office) if where.coordinator_office else None
    # The coordinator first, the Mặt trận and đoàn thể last (asked, not assigned: "Đề nghị …").
    ordered = sorted(lead_offices.items(),
                     key=lambda pair: (pair[0] != coordinator_key, is_outside(str(pair[1]["name"]))))
    if coordinator_key and coordinator_key not in lead_offices:
        name = where.coordinator[:1].upper() + where.coordinator[1:]
        ordered.insert(0, (coordinator_key, {"name": Phrase.of(name), "leads": [], "partners": [],
                                             "suggested": False, "coordinator": True}))
    listed: list[dict] = []
    together: dict[tuple[str, str], dict] = {}  # offices named together for the same items: one paragraph
    for key, found in ordered:
        name = found["name"] if found["suggested"] else found["name"].plain()
        duty = {"name": name, "leads": _refs(found["leads"]), "partners": _refs(found["partners"]),
                "coordinator": key == coordinator_key, "outside": key != coordinator_key and is_outside(str(name))}
        alike = (duty["leads"], duty["partners"], duty["outside"])
        same = together.get(alike)
        if same is not None and not duty["coordinator"]:
            same["name"] = office_list([same["name"], name])
            continue
        if not duty["coordinator"]:
            together[alike] = duty
        listed.append(duty)
    for number, duty in enumerate(listed, start=2):
        duty["number"] = str(number)
    partner_only = [found["name"] for key, found in offices.items()
                    if key not in lead_offices and key != coordinator_key]
    asked = [name for name in partner_only if is_outside(str(name))]
    partner_only = [name for name in partner_only if not is_outside(str(name))]
    return {
        "addressees": where.addressees,
        "coordinator": where.coordinator,
        "report_to": where.report_to,
        "report_when": where.report_when,
        "duties": listed,
        "partners": office_list(partner_only),
        "next_number": str(len(listed) + 2),
        "asked": office_list(asked),  # Mặt trận, đoàn thể: asked to take part, after the offices
        "asked_number": str(len(listed) + 2 + bool(partner_only)),
        "unit": unit,
    }


def _refs(refs: list[str]) -> str:
    return ", ".join(dict.fromkeys(refs))


def recipients(front: FrontMatter, where: Frame, offices: list[str]) -> tuple[str, ...]:
    """Nơi nhận: `Thông tin` when it lists them, else the level's upper bodies, the offices, Lưu: VT."""
    if front.recipients:
        return front.recipients
    names = list(dict.fromkeys(offices))
    if len(names) > _MAX_RECIPIENT_LINES:
        names = [where.offices]
    seen = {tone_key(line) for line in where.upper}
    middle = [name for name in names if tone_key(name) not in seen]
    return (*where.upper, *middle, *(line for line in where.after if tone_key(line) not in
                                     {tone_key(n) for n in middle}), "Lưu: VT")
