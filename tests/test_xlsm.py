"""parbook.xlsm: built from source, checked by readers that share no code with the builder.

olevba (oletools) reads the VBA back, olefile the compound file, openpyxl and python-calamine the
sheets, LibreOffice converts the whole workbook; the committed file must equal a fresh build.
"""
from __future__ import annotations

import configparser
import importlib
import inspect
import io
import os
import re
import sys
import textwrap
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import olefile
import openpyxl
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from oletools.olevba import VBA_Parser, decompress_stream
from python_calamine import CalamineWorkbook

from conftest import convert
from pyxl.excel.xlsm import PINNED_XLWINGS, UDF_MODULE, agency_names, build_bytes, udf_functions, vba_modules
from pyxl.excel.xlsm.cfb import write_compound_file
from pyxl.excel.xlsm.ovba import CHUNK_SIZE, compress, decompress, has_raw_chunks
from pyxl.excel.xlsm.vba_source import udf_module
from pyxl.excel.xlsm.vbaproject import Module

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "parbook.xlsm"

SHEETS = ["Hướng dẫn", "Thông tin", "PHỤ LỤC", "Danh mục", "Giải pháp mẫu", "xlwings.conf"]
HEADERS = ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm thẩm định", "Điểm bị mất",
           "Giải pháp", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", "Ghi chú",
           "Kiểm tra (parbook)"]
INFO_KEYS = ["Cơ quan chủ quản", "Tên đơn vị ban hành", "Địa danh", "Số, ký hiệu", "Ngày ban hành", "Năm đánh giá",
             "Năm thực hiện", "Quyết định công bố chỉ số", "Ngày quyết định", "Cơ quan ban hành quyết định",
             "Kế hoạch cấp trên", "Điểm đạt được", "Điểm tối đa", "Điểm bị trừ", "Xếp hạng", "Tổng số đơn vị",
             "Kết quả, xếp hạng", "Căn cứ", "Quyền hạn ký", "Chức vụ người ký", "Người ký", "Nơi nhận",
             "Đầu mối theo dõi", "Báo cáo về", "Thời hạn báo cáo"]
DEADLINES = ["Quý I", "Quý II", "Quý III", "Quý IV", "6 tháng đầu năm", "Trong năm …", "Cả năm", "Thường xuyên",
             "Định kỳ hàng quý, 6 tháng, năm"]
BUTTONS = {  # label → (VBA callback, pyxl.excel.macros function)
    "Kiểm tra bảng": ("ParCheck", "check_sheet"),
    "Tính điểm bị mất": ("ParFillLost", "fill_lost"),
    "Gợi ý giải pháp": ("ParSuggest", "suggest_solutions"),
    "Tạo kế hoạch": ("ParPlan", "make_plan"),
    "Báo cáo kết quả": ("ParReport", "make_report"),
    "Theo dõi tiến độ": ("ParProgress", "track_progress"),
    "Trộn kế hoạch các xã": ("ParMerge", "merge_plans"),
    "Tổng hợp": ("ParSummary", "summary"),
    "Thêm xã": ("ParAddCommune", "add_commune"),
    "Xoá đánh dấu": ("ParClear", "clear_marks"),
    "Hướng dẫn": ("ParHelp", "show_help"),
}
CUSTOMUI_NS = "http://schemas.microsoft.com/office/2009/07/customui"
UI_EXTENSIBILITY = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
needs_soffice = pytest.mark.libreoffice("calc")  # every conversion below opens the workbook in Calc


def _udfs_importable() -> bool:
    try:
        importlib.import_module(UDF_MODULE)
    except ModuleNotFoundError:
        return False
    return True


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def workbook_bytes() -> bytes:
    return build_bytes()


@pytest.fixture(scope="session")
def workbook(workbook_bytes: bytes, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsm") / "parbook.xlsm"
    path.write_bytes(workbook_bytes)
    return path


@pytest.fixture(scope="session")
def expected_modules() -> list[Module]:
    return vba_modules(UDF_MODULE, udf_functions(UDF_MODULE))


@pytest.fixture(scope="session")
def vba_code(workbook: Path) -> dict[str, str]:
    """Module name → source, as olevba reads it from the built workbook."""
    parser = VBA_Parser(str(workbook))
    try:
        return {stream.split("/")[-1]: code for _, stream, _, code in parser.extract_macros()}
    finally:
        parser.close()


def _part(workbook: Path, name: str) -> bytes:
    with zipfile.ZipFile(workbook) as package:
        return package.read(name)


# ---------------------------------------------------------------- the committed file


def _built_with(package: bytes) -> str:
    """The build note in docProps/core.xml, which names the XlsxWriter and xlwings versions used."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        core = archive.read("docProps/core.xml").decode("utf-8")
    note = re.search(r"<dc:description>(.*?)</dc:description>", core)
    return note.group(1) if note else "?"


def test_committed_workbook_equals_a_fresh_build(workbook_bytes: bytes):
    assert COMMITTED.exists(), "parbook.xlsm is missing: run python scripts/build_workbook.py"
    committed = COMMITTED.read_bytes()
    assert committed == workbook_bytes, (
        "parbook.xlsm differs from a fresh build: run python scripts/build_workbook.py and commit it. "
        f"Committed: {_built_with(committed)!r}; fresh: {_built_with(workbook_bytes)!r} "
        "(if the tool versions differ, the cause may be the toolchain rather than the sources)."
    )


def test_two_builds_are_byte_identical(workbook_bytes: bytes):
    assert build_bytes() == workbook_bytes


def test_pinned_xlwings_matches_setup_cfg_and_the_dll_name(vba_code: dict[str, str]):
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    assert f"xlwings=={PINNED_XLWINGS}" in config["options"]["install_requires"].split()
    assert f'Lib "xlwings64-{PINNED_XLWINGS}.dll"' in vba_code["xlwings"]


# ---------------------------------------------------------------- VBA project


def test_olevba_reads_every_module_back_exactly(vba_code: dict[str, str], expected_modules: list[Module]):
    assert list(vba_code) == [m.name for m in expected_modules]
    for module in expected_modules:
        assert vba_code[module.name] == module.source_bytes().decode("cp1252"), module.name


def test_project_has_a_document_module_for_each_sheet(workbook: Path, vba_code: dict[str, str]):
    book = openpyxl.load_workbook(workbook, keep_vba=True)
    assert book.code_name == "ThisWorkbook"
    for number, sheet in enumerate(book.worksheets, start=1):
        assert sheet.sheet_properties.codeName == f"Sheet{number}"
        assert vba_code[f"Sheet{number}"].startswith(f'Attribute VB_Name = "Sheet{number}"\r\n')
        assert "Attribute VB_Base = \"0{00020820-0000-0000-C000-000000000046}\"" in vba_code[f"Sheet{number}"]


def test_project_streams_list_the_modules_and_ask_for_a_recompile(workbook: Path, expected_modules: list[Module]):
    with olefile.OleFileIO(_part(workbook, "xl/vbaProject.bin")) as ole:
        project = ole.openstream("PROJECT").read().decode("cp1252")
        names = ole.openstream("PROJECTwm").read()
        vba_project = ole.openstream("VBA/_VBA_PROJECT").read()
    kinds = {"document": "Document={}/&H00000000", "standard": "Module={}", "class": "Class={}"}
    listed = [line for line in project.split("\r\n") if re.match(r"(Document|Module|Class)=", line)]
    assert listed == [kinds[m.kind].format(m.name) for m in expected_modules]
    workspace = project.split("[Workspace]\r\n")[1].split("\r\n")
    assert [line.split("=")[0] for line in workspace if line] == [m.name for m in expected_modules]
    assert names == b"".join(
        m.name.encode() + b"\0" + m.name.encode("utf-16-le") + b"\0\0" for m in expected_modules
    ) + b"\0\0"
    assert vba_project == bytes.fromhex("CC61FFFF000100")  # version 0xFFFF: recompile from source


def test_vba_source_is_cp1252_and_rejects_vietnamese(expected_modules: list[Module]):
    for module in expected_modules:
        module.source_bytes()  # raises if not encodable
    with pytest.raises(ValueError, match="cp1252"):
        Module("Bad", "standard", 'Attribute VB_Name = "Bad"\r\nMsgBox "Kiểm tra"\r\n').source_bytes()


# ---------------------------------------------------------------- ribbon


def _customui(workbook: Path) -> ElementTree.Element:
    return ElementTree.fromstring(_part(workbook, "customUI/customUI14.xml"))


def test_customui_is_well_formed_and_linked_from_the_package(workbook: Path):
    root = _customui(workbook)
    assert root.tag == f"{{{CUSTOMUI_NS}}}customUI"
    rels = ElementTree.fromstring(_part(workbook, "_rels/.rels"))
    links = [r.get("Target") for r in rels if r.get("Type") == UI_EXTENSIBILITY]
    assert links == ["customUI/customUI14.xml"]
    types = ElementTree.fromstring(_part(workbook, "[Content_Types].xml"))
    ct = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    overrides = {o.get("PartName") for o in types.iter(f"{ct}Override")}
    defaults = {d.get("Extension").lower(): d.get("ContentType") for d in types.iter(f"{ct}Default")}
    assert "/customUI/customUI14.xml" in overrides or defaults.get("xml") == "application/xml"


def test_ribbon_tab_has_every_button_with_an_icon(workbook: Path):
    root = _customui(workbook)
    tabs = list(root.iter(f"{{{CUSTOMUI_NS}}}tab"))
    assert [t.get("label") for t in tabs] == ["CCHC"]
    groups = list(tabs[0].iter(f"{{{CUSTOMUI_NS}}}group"))
    assert len(groups) >= 2 and all(g.get("label") for g in groups)
    buttons = {b.get("label"): b for b in tabs[0].iter(f"{{{CUSTOMUI_NS}}}button")}
    assert set(buttons) == set(BUTTONS)
    for label, (sub, _) in BUTTONS.items():
        assert buttons[label].get("onAction") == sub
        assert buttons[label].get("imageMso")


def test_every_onaction_names_a_ribbon_callback_in_the_vba(workbook: Path, vba_code: dict[str, str]):
    callbacks = set()
    for code in vba_code.values():
        callbacks |= set(re.findall(r"^Sub (\w+)\(control As IRibbonControl\)\r$", code, re.MULTILINE))
    actions = {b.get("onAction") for b in _customui(workbook).iter(f"{{{CUSTOMUI_NS}}}button")}
    assert actions and actions <= callbacks


def test_each_callback_runs_its_pyxl_macro(vba_code: dict[str, str]):
    for sub, macro in BUTTONS.values():
        body = re.search(rf"^Sub {sub}\(control As IRibbonControl\)\r\n(.*?)^End Sub", vba_code["PAR"],
                         re.MULTILINE | re.DOTALL)
        assert body, sub
        assert body.group(1).strip() == f'RunPython "import pyxl.excel.macros as m; m.{macro}()"'


def test_macros_named_by_the_ribbon_exist_in_pyxl_macros():
    try:
        macros = importlib.import_module("pyxl.excel.macros")
    except ModuleNotFoundError:
        pytest.skip("pyxl.excel.macros is not written yet")
    for _, name in BUTTONS.values():
        function = getattr(macros, name, None)
        assert callable(function), f"pyxl.excel.macros lacks {name}"
        inspect.signature(function, follow_wrapped=False).bind()  # RunPython passes no arguments


# ---------------------------------------------------------------- worksheet functions


@pytest.mark.skipif(not _udfs_importable(), reason="pyxl.excel.udfs is not importable yet: no wrappers to check")
def test_every_udf_has_its_wrapper(vba_code: dict[str, str]):
    udfs = importlib.import_module(UDF_MODULE)
    code = vba_code["xlwings_udfs"]
    for name in udfs.__all__:
        params = inspect.signature(getattr(udfs, name)).parameters.values()
        declared = ", ".join(("Optional " if p.default is not p.empty else "") + p.name for p in params)
        assert f"\r\nFunction {name}({declared})\r\n" in code, name
        arguments = ", ".join(p.name for p in params)
        assert f'{name} = XLPy.CallUDF("pyxl.excel.udfs", "{name}", Array({arguments}))\r\n' in code, name


STUB = '''
"""A stand-in UDF module for the wrapper generator."""
__all__ = ["STUB_LOST", "STUB_DUE", "STUB_WHERE"]


def STUB_LOST(max_points, appraised):
    return max_points - appraised


def STUB_DUE(deadline_text, year=None, as_of=None):
    return deadline_text


def STUB_WHERE(caller):
    return caller.address


def helper(x):
    return x
'''

STUB_DUE_WRAPPER = '''\
Function STUB_DUE(deadline_text, Optional year, Optional as_of)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        STUB_DUE = XLPy.CallUDF("parbook_stub_udfs", "STUB_DUE", Array(deadline_text, year, as_of), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        STUB_DUE = XLPy.CallUDF("parbook_stub_udfs", "STUB_DUE", Array(deadline_text, year, as_of))
        Exit Function
    #End If
failed:
    STUB_DUE = Err.Description
End Function
'''


@pytest.fixture
def stub_udfs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    (tmp_path / "parbook_stub_udfs.py").write_text(STUB, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "parbook_stub_udfs", raising=False)
    return "parbook_stub_udfs"


def test_wrapper_generator_writes_what_xlwings_import_functions_writes(stub_udfs: str):
    module = udf_module(stub_udfs, udf_functions(stub_udfs))
    assert module.name == "xlwings_udfs"
    text = module.source.replace("\r\n", "\n")
    assert text.startswith(
        'Attribute VB_Name = "xlwings_udfs"\n'
        "'Autogenerated code by xlwings - changes will be lost with next import!\n"
        "#Const App = \"Microsoft Excel\" 'Adjust when using outside of Excel\n"
    )
    assert STUB_DUE_WRAPPER in text
    assert "Function STUB_LOST(max_points, appraised)\n" in text
    # xlwings fills a `caller` parameter itself: not an Excel argument, passed as Nothing.
    assert "Function STUB_WHERE()\n" in text
    assert 'XLPy.CallUDF("parbook_stub_udfs", "STUB_WHERE", Array(Nothing))\n' in text
    assert "helper" not in text  # only what __all__ exports
    assert text.index("STUB_DUE(") < text.index("STUB_LOST(")  # sorted by name, as dir() gives them


def test_a_build_with_a_stub_udf_module_carries_its_wrappers(stub_udfs: str, tmp_path: Path):
    path = tmp_path / "stub.xlsm"
    path.write_bytes(build_bytes(stub_udfs))
    parser = VBA_Parser(str(path))
    code = {s.split("/")[-1]: c for _, s, _, c in parser.extract_macros()}
    parser.close()
    assert STUB_DUE_WRAPPER.replace("\n", "\r\n") in code["xlwings_udfs"]
    assert "Function STUB_LOST(max_points, appraised)\r\n" in code["xlwings_udfs"]


def test_a_missing_udf_module_gives_an_empty_wrapper_module_with_a_warning():
    with pytest.warns(UserWarning, match="pyxl.no_such_udfs not found"):
        assert udf_functions("pyxl.no_such_udfs") == []
    assert udf_module("pyxl.no_such_udfs", []).source.count("Function ") == 0


@pytest.mark.parametrize("source, problem", [
    ("def F(*values): pass", "positional"),
    ("def F(text, *, year=None): pass", "positional"),
    ("def F(date): pass", "date"),
    ("def F(_x): pass", "_x"),
])
def test_wrapper_generator_rejects_what_vba_cannot_declare(source: str, problem: str):
    namespace: dict = {}
    exec(textwrap.dedent(source), namespace)
    with pytest.raises(ValueError, match=problem):
        udf_module("m", [namespace["F"]])


# ---------------------------------------------------------------- sheets


def test_openpyxl_reads_the_sheets(workbook: Path):
    book = openpyxl.load_workbook(workbook)
    assert book.sheetnames == SHEETS
    table_sheet = book["PHỤ LỤC"]
    assert [table_sheet.cell(r, 1).value for r in (1, 2, 3)] == [
        "PHỤ LỤC",
        "KẾ HOẠCH KHẮC PHỤC TỒN TẠI, HẠN CHẾ … CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM …",
        "(Kèm theo Kế hoạch số …)",
    ]
    assert [c.value for c in table_sheet[5]] == HEADERS
    table = table_sheet.tables["PhuLuc"]
    assert table.ref.startswith("A5:K")
    assert [col.name for col in table.tableColumns] == HEADERS
    info = book["Thông tin"]
    keys = [info.cell(r, 1).value for r in range(2, info.max_row + 1)]
    assert keys == INFO_KEYS
    assert all(info.cell(r, 2).value is None for r in range(2, info.max_row + 1))
    conf = book["xlwings.conf"]
    assert [[c.value for c in row] for row in conf.iter_rows()] == [["UDF Modules", "pyxl.excel.udfs"]]
    lists = book["Danh mục"]
    agencies = [c.value for c in lists["A"][1:] if c.value]
    assert agencies == agency_names() and agencies
    assert [c.value for c in lists["B"][1:] if c.value] == DEADLINES


def test_phu_luc_template_settings(workbook: Path):
    sheet = openpyxl.load_workbook(workbook)["PHỤ LỤC"]
    assert sheet.freeze_panes == "A6"
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == "9"  # A4
    assert sheet.print_title_rows == "$5:$5"
    for column in "CDE":
        assert sheet[f"{column}6"].number_format == "0.00"
    formula = sheet["E6"].value
    assert formula.startswith("=IF(AND(ISNUMBER(") and "PhuLuc[[#This Row],[Điểm chuẩn]]" in formula
    assert sheet["E7"].value == formula  # the same structured formula in every row
    # Cached result: an empty string, saved the way Excel saves a formula that gives "".
    xml = _part(workbook, "xl/worksheets/sheet3.xml").decode("utf-8")
    assert re.search(r'<c r="E6" s="\d+" t="str"><f>[^<]+</f><v></v></c>', xml)
    validations = {str(v.sqref).split(":")[0]: v for v in sheet.data_validations.dataValidation}
    for top_left in ("G6", "H6", "I6"):
        assert validations[top_left].type == "list"
        assert not validations[top_left].showErrorMessage  # free text stays allowed
    rules = [rule.formula[0] for cf in sheet.conditional_formatting for rule in cf.rules]
    assert any("$E6>0" in f and "ISNUMBER" in f for f in rules)
    assert any(f.startswith("$K6<>") for f in rules)


def test_calamine_reads_the_sheets(workbook: Path):
    book = CalamineWorkbook.from_path(str(workbook))
    assert book.sheet_names == SHEETS
    table_rows = book.get_sheet_by_name("PHỤ LỤC").to_python()
    assert table_rows[4] == HEADERS
    info_rows = book.get_sheet_by_name("Thông tin").to_python()
    assert [row[0] for row in info_rows[1:]] == INFO_KEYS
    assert book.get_sheet_by_name("xlwings.conf").to_python() == [["UDF Modules", "pyxl.excel.udfs"]]


# ---------------------------------------------------------------- LibreOffice


def _soffice(source: Path, target: str, outdir: Path) -> None:
    convert(source, target, outdir)


@needs_soffice
def test_libreoffice_keeps_every_vba_module(workbook: Path, tmp_path: Path, expected_modules: list[Module]):
    _soffice(workbook, "ods", tmp_path)
    with zipfile.ZipFile(tmp_path / "parbook.ods") as ods:
        names = set(ods.namelist())
    # LibreOffice silently drops the whole project when a stream is corrupt: check the list.
    missing = [m.name for m in expected_modules if f"Basic/VBAProject/{m.name}.xml" not in names]
    assert not missing


@needs_soffice
def test_libreoffice_prints_it_to_pdf(workbook: Path, tmp_path: Path):
    _soffice(workbook, "pdf", tmp_path)
    pdf = (tmp_path / "parbook.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


@needs_soffice
def test_lost_points_formula_works_without_python(workbook: Path, tmp_path: Path):
    book = openpyxl.load_workbook(workbook, keep_vba=True)
    sheet = book["PHỤ LỤC"]
    sheet["C6"], sheet["D6"] = 9, 7.95
    sheet["C7"], sheet["D7"] = 2, "chưa có"
    sheet["C8"] = 3
    edited = tmp_path / "edited.xlsm"
    book.save(edited)
    # CSV filter options: comma, quote, UTF-8, …, last token -1 = every sheet into its own file.
    _soffice(edited, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", tmp_path)
    rows = (tmp_path / "edited-PHỤ LỤC.csv").read_text(encoding="utf-8").splitlines()
    assert rows[4].split(",")[:5] == HEADERS[:5]
    assert [row.split(",")[4] for row in rows[5:9]] == ["1.05", "", "", ""]


# ---------------------------------------------------------------- MS-OVBA compression


def _vba_like(size: int) -> bytes:
    text = b"Sub ParCheck(control As IRibbonControl)\r\n    RunPython \"import pyxl.excel.macros\"\r\nEnd Sub\r\n"
    return (text * (size // len(text) + 1))[:size]


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 4097, 10000])
@pytest.mark.parametrize("kind", ["compressible", "random"])
def test_compression_round_trips_through_oletools(size: int, kind: str):
    data = _vba_like(size) if kind == "compressible" else os.urandom(size)
    packed = compress(data)
    unpacked = decompress_stream(bytearray(packed))
    assert decompress(packed) == unpacked
    if kind == "compressible":
        assert unpacked == data and not has_raw_chunks(packed)
    elif size % CHUNK_SIZE > 4096 * 8 // 9:
        # MS-OVBA 2.4.1.3.10: an incompressible short last chunk can only be stored raw, padded to
        # 4096 bytes with zeros. The builder refuses such streams; VBA text never produces them.
        assert unpacked == data.ljust(-(-size // CHUNK_SIZE) * CHUNK_SIZE, b"\0")
    else:
        assert unpacked == data


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=9000))
def test_random_bytes_round_trip_up_to_raw_chunk_padding(data: bytes):
    unpacked = decompress_stream(bytearray(compress(data)))
    assert unpacked[: len(data)] == data
    assert set(unpacked[len(data):]) <= {0}
    assert len(unpacked) == len(data) or len(unpacked) % CHUNK_SIZE == 0


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.binary(min_size=1, max_size=40), st.integers(1, 300)), max_size=20))
def test_repetitive_data_round_trips_exactly(pieces: list[tuple[bytes, int]]):
    # Long runs and repeats put copy tokens at every position of a chunk, so every offset/length
    # bit split of MS-OVBA 2.4.1.3.19.1 gets exercised.
    data = b"".join(piece * times for piece, times in pieces)[:20000]
    packed = compress(data)
    assert decompress_stream(bytearray(packed)) == data
    assert decompress(packed) == data


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=12000))
def test_ascii_text_round_trips_exactly(text: str):
    data = text.encode()
    assert decompress_stream(bytearray(compress(data))) == data


# ---------------------------------------------------------------- compound file


def _red_black_height(ole: olefile.OleFileIO, sid: int) -> int:
    """Black height of the sibling tree at sid, asserting that no red entry has a red child."""
    if sid == olefile.NOSTREAM:
        return 1
    entry = ole.direntries[sid]
    for child in (entry.sid_left, entry.sid_right):
        if child != olefile.NOSTREAM:
            assert entry.color == 1 or ole.direntries[child].color == 1, "two red entries in a row"
    left, right = _red_black_height(ole, entry.sid_left), _red_black_height(ole, entry.sid_right)
    assert left == right, "unequal black heights"
    return left + entry.color


def _in_order(ole: olefile.OleFileIO, sid: int) -> list[str]:
    if sid == olefile.NOSTREAM:
        return []
    entry = ole.direntries[sid]
    return _in_order(ole, entry.sid_left) + [entry.name] + _in_order(ole, entry.sid_right)


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_0123456789", min_size=1, max_size=31),
    st.sampled_from([0, 1, 63, 64, 65, 4095, 4096, 4097, 20000]),
    min_size=1, max_size=30,
))
def test_compound_file_reads_back_with_olefile(sizes: dict[str, int]):
    assume(len({name.upper() for name in sizes}) == len(sizes))  # names are case-insensitive
    streams = {f"VBA/{name}": bytes([len(name)]) * size for name, size in sizes.items()}
    streams["PROJECT"] = b'ID="{0}"\r\n'
    data = write_compound_file(streams)
    assert len(data) % 512 == 0
    ole = olefile.OleFileIO(io.BytesIO(data))
    for path, content in streams.items():
        assert ole.openstream(path).read() == content
    for entry in ole.direntries:
        if entry is not None and entry.sid_child != olefile.NOSTREAM:
            assert ole.direntries[entry.sid_child].color == 1, "a sibling tree's root must be black"
            _red_black_height(ole, entry.sid_child)
            names = _in_order(ole, entry.sid_child)
            assert names == sorted(names, key=lambda n: (len(n), n.upper()))


def test_every_key_of_the_info_sheet_is_one_the_plan_reads():
    from pyxl.plan.frontmatter import field_for_key

    fields = [field_for_key(key) for key in INFO_KEYS]
    assert None not in fields and len(set(fields)) == len(fields)
