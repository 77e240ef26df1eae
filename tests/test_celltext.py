"""pyxl.core.celltext: what any cell can hold, and formulas quoted the Excel way (property-based)."""
from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from pyxl.core.celltext import (ELLIPSIS, MAX_CELL, Formula, cell_text, formula_string, hyperlink, needs_quote_prefix,
                                sheet_ref, typed_text)

XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def units(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


@given(st.text())
def test_cell_text_is_always_writable_and_keeps_legal_text(text):
    written = cell_text(text)
    assert not XML_ILLEGAL.search(written)
    assert written == XML_ILLEGAL.sub("", text)  # short text: nothing but the illegal characters goes
    assert cell_text(written) == written


@given(st.lists(st.sampled_from(["a", "ê", "😀", "\x01", "ab" * 50]), max_size=60), st.integers(MAX_CELL - 120, MAX_CELL + 5))
def test_long_text_is_cut_to_excels_limit_in_utf16_units(tail, filler):
    text = "x" * filler + "".join(tail)
    written = cell_text(text)
    assert units(written) <= MAX_CELL
    legal = XML_ILLEGAL.sub("", text)
    if units(legal) <= MAX_CELL:
        assert written == legal
    else:
        assert written.endswith(ELLIPSIS) and legal.startswith(written[:-1])
        assert units(written) >= MAX_CELL - 1  # cut as late as a pair of UTF-16 units allows


def test_a_cell_of_exactly_the_limit_is_whole():
    assert cell_text("x" * MAX_CELL) == "x" * MAX_CELL


def test_vietnamese_text_is_left_as_it_is():
    for text in ("- Phòng Nội vụ", "Quý II/2024", "'Ea H'leo'", "1.10"):
        assert cell_text(text) == text
    assert needs_quote_prefix("- Phòng Nội vụ") and not needs_quote_prefix("Phòng Nội vụ")
    assert typed_text("=1+1") == "'=1+1" and typed_text("'trích'") == "''trích'"


@given(st.text(min_size=1, max_size=31).filter(lambda s: not XML_ILLEGAL.search(s)))
def test_sheet_references_quote_the_name_so_excel_reads_it_back(name):
    ref = sheet_ref(name, "E7")
    assert ref.endswith("!E7") and ref.startswith("'")
    inner = ref[1:-len("'!E7")]
    assert re.fullmatch(r"(?:[^']|'')*", inner) and inner.replace("''", "'") == name


@given(st.text(max_size=300))
def test_formula_strings_have_every_quote_doubled(text):
    literal = formula_string(text)
    assert literal.startswith('"') and literal.endswith('"')
    body = literal[1:-1]
    assert re.fullmatch(r'(?:[^"]|"")*', body)
    assert len(body.replace('""', '"')) <= 255


def test_hyperlink_is_the_one_formula_kind_parbook_writes():
    link = hyperlink("#" + sheet_ref('Xã "Mới" Ea H\'leo', "E7"), "E7")
    assert isinstance(link, Formula)
    assert link == '=HYPERLINK("#\'Xã ""Mới"" Ea H\'\'leo\'!E7","E7")'
    assert hyperlink("#'A'!B2", 3) == '=HYPERLINK("#\'A\'!B2",3)'


_CONSTANT = r'"(?:[^"]|"")*"'


@given(st.text(max_size=300), st.text(max_size=300))
def test_hyperlink_texts_hold_no_call_a_writer_could_rewrite(target, label):
    # XlsxWriter rewrites 'SORT(' as '_xlfn._xlws.SORT(' even inside quotes: no word touches a '(' in a constant.
    link = hyperlink(target, label)
    match = re.fullmatch(rf"=HYPERLINK\(({_CONSTANT}(?:&{_CONSTANT})*),({_CONSTANT}(?:&{_CONSTANT})*)\)", link)
    assert match, link
    for expression, text in zip(match.groups(), (target, label)):
        constants = re.findall(_CONSTANT, expression)
        assert not any(re.search(r"\w\(", c) for c in constants)
        assert "".join(c[1:-1].replace('""', '"') for c in constants) == formula_string(text)[1:-1].replace('""', '"')


def test_a_sheet_named_like_a_function_is_linked_through_joined_strings():
    assert hyperlink("#'SORT(1)'!A1", "A1") == '=HYPERLINK("#\'SORT"&"(1)\'!A1","A1")'
