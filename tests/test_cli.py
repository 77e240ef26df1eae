"""The `parbook` command line speaks Vietnamese throughout and names the same thing the same way everywhere."""
from __future__ import annotations

import argparse
import ast
import re

import docx
import pytest

from conftest import SAMPLES
from pyxl import __version__
from pyxl.cli import build_parser
from pyxl.cli_help import MESSAGES, PLURALS

COMMANDS = ["check", "mark", "plan", "merge", "templates", "build-workbook", "install-excel"]
READING = ["check", "mark", "plan", "merge"]  # commands that read PHỤ LỤC tables
# argparse texts a user never sees: raised for a parser built wrongly, in code, not for what was typed.
DEVELOPER_ONLY = {
    "%r is not callable", "'required' is an invalid argument for positionals", ".__call__() not defined",
    "cannot have multiple subparser arguments", "cannot merge actions - two groups are named %r",
    "conflicting subparser: %s", "conflicting subparser alias: %s", "dest= is required for options like %r",
    "invalid conflict_resolution value: %r", "mutually exclusive arguments must be optional",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r", 'argument "-" with mode %r',
    "conflicting option string: %s", "conflicting option strings: %s",
}


def argparse_texts() -> list[tuple[str, ...]]:
    """Every text the running Python's argparse translates: the literal arguments of its `_()` and `ngettext()`."""
    tree = ast.parse(open(argparse.__file__, encoding="utf-8").read())
    return sorted({
        tuple(arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str))
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext")
    } - {()})


def english_words() -> set[str]:
    """The English words of argparse's own texts ('usage', 'positional', 'arguments', 'required'…)."""
    words = set()
    for texts in argparse_texts():
        for text in (t for t in texts if t not in DEVELOPER_ONLY):
            text = re.sub(r"%\(\w+\)[sr]|%[sr]", " ", text)
            words |= {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z']{2,}", text)}
    return words


ENGLISH = english_words()


def english_in(text: str) -> set[str]:
    """argparse's English words in text, outside option names (`--help`, `--output` are typed, not read)."""
    prose = " ".join(token for token in text.split() if not token.lstrip("[(").startswith("-"))
    return {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z']{2,}", prose)} & ENGLISH


def test_the_english_vocabulary_is_real():
    assert {"usage", "positional", "arguments", "show", "help", "exit", "required", "invalid", "choice"} <= ENGLISH


def test_every_text_argparse_shows_a_user_is_translated():
    untranslated = [texts for texts in argparse_texts()
                    if texts[0] not in DEVELOPER_ONLY and texts[0] not in MESSAGES and tuple(texts) not in PLURALS]
    assert not untranslated


@pytest.mark.parametrize("args", [["-h"], *[[command, "-h"] for command in COMMANDS]], ids=lambda a: " ".join(a))
def test_help_is_vietnamese(parbook, args):
    with pytest.raises(SystemExit) as exit_:
        parbook(*args)
    assert exit_.value.code == 0
    out = parbook_output(parbook)
    assert out.startswith("Cách dùng: parbook") and "Tuỳ chọn:" in out and "xem hướng dẫn này rồi thoát" in out
    assert not english_in(out), out


def parbook_output(parbook) -> str:
    return parbook.last.out + parbook.last.err


@pytest.fixture
def parbook(capsys):
    """Like conftest's runner, but keeps what was printed when argparse exits (help, errors)."""
    from pyxl.cli import main

    class Runner:
        last = None

        def __call__(self, *args: object):
            try:
                return main([str(a) for a in args])
            finally:
                captured = capsys.readouterr()
                self.last = type("Printed", (), {"out": captured.out, "err": captured.err})

    return Runner()


@pytest.mark.parametrize("args, says", [
    ([], "còn thiếu LỆNH"),
    (["chek", "x.xlsx"], "không có lựa chọn 'chek'"),
    (["check"], "còn thiếu TỆP"),
    (["check", "x.xlsx", "--format", "xml"], "--format: không có lựa chọn 'xml'"),
    (["check", "x.xlsx", "--bogus"], "không hiểu: --bogus"),
    (["check", "x.xlsx", "--o", "r.txt"], "chưa rõ"),
    (["check", "x.xlsx", "--year"], "--year: cần ghi một giá trị"),
    (["check", "x.xlsx", "--year", "21"], "năm '21' không hợp lệ"),
    (["plan", "x.xlsx", "--as-of", "30/6/2024"], "không đúng dạng YYYY-MM-DD"),
    (["mark", "x.xlsx", "--fill-lost", "--clear"], "không dùng cùng với"),
    (["mark", "x.xlsx", "--progress", "--suggest"], "không dùng cùng với"),
    (["merge", "x.xlsx"], "-o/--output"),
    (["merge", "x.xlsx", "-o", "ra", "--jobs", "0"], "không phải số nguyên dương"),
], ids=lambda v: v if isinstance(v, str) else " ".join(v) or "(nothing)")
def test_argparse_errors_are_vietnamese_with_exit_2(parbook, args, says):
    with pytest.raises(SystemExit) as exit_:
        parbook(*args)
    assert exit_.value.code == 2
    err = parbook.last.err
    assert err.startswith("Cách dùng: parbook") and says in err and "lỗi:" in err and "-h' để xem hướng dẫn" in err
    assert not english_in(err), err


def test_version(parbook):
    with pytest.raises(SystemExit) as exit_:
        parbook("--version")
    assert exit_.value.code == 0 and parbook.last.out.strip() == f"parbook {__version__}" == "parbook 0.1.0"


def _help(command: str) -> str:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices[command].format_help()


@pytest.mark.parametrize("command", COMMANDS)
def test_same_options_same_names(command):
    text = _help(command)
    assert re.search(r"-o (TỆP|THƯ_MỤC), --output (TỆP|THƯ_MỤC)", text)
    if command in READING:
        assert "--sheet TÊN_SHEET" in text and "--year NĂM" in text and "--as-of NGÀY" in text
    assert "SHEET " not in text.replace("TÊN_SHEET", "") and "OUTPUT" not in text and "AS_OF" not in text


def test_check_help_lists_every_readable_type():
    assert all(kind in _help("check") for kind in (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".csv"))


def test_old_merge_spelling_still_works_but_is_not_shown(parbook, tmp_path):
    assert not re.search(r"--out\b(?!put)", _help("merge"))
    code = parbook("merge", SAMPLES / "district_2025.xlsx", "--out", tmp_path / "ra", "--only", "Tân Lập",
                   "--as-of", "2026-01-15")
    assert code == 0 and len(list((tmp_path / "ra").glob("*.docx"))) == 1


def test_check_writes_its_report_to_a_file(parbook, tmp_path):
    out = tmp_path / "ket_qua.json"
    assert parbook("check", SAMPLES / "son_giang_2021.xlsx", "--format", "json", "-o", out) == 0
    assert '"lost_points": 8.45' in out.read_text(encoding="utf-8") and parbook.last.out == ""
    assert parbook("check", SAMPLES / "son_giang_2021.xlsx", "-o", out) == 2 and "--overwrite" in parbook.last.err


def test_templates_are_copied_for_editing_and_never_overwritten(parbook, tmp_path):
    from pyxl.plan import TEMPLATE_FILES, templates_dir

    folder = tmp_path / "Mẫu của xã"
    assert parbook("templates", "-o", folder) == 0
    names = sorted(TEMPLATE_FILES.values())
    assert sorted(p.name for p in folder.iterdir()) == names
    for name in names:
        assert (folder / name).read_bytes() == (templates_dir() / name).read_bytes()
        assert name in parbook.last.out
    assert "--template" in parbook.last.out
    edited = folder / TEMPLATE_FILES["criterion"]
    document = docx.Document(str(edited))
    document.add_paragraph("Lời văn riêng của xã Hòa Bình.")
    document.save(str(edited))
    kept = edited.read_bytes()
    assert parbook("templates", "-o", folder) == 2 and "--overwrite" in parbook.last.err
    assert edited.read_bytes() == kept  # the officer's edit survives
    out = tmp_path / "ke_hoach.docx"
    assert parbook("plan", SAMPLES / "son_giang_2021.xlsx", "--template", edited, "-o", out) == 0
    assert any(p.text == "Lời văn riêng của xã Hòa Bình." for p in docx.Document(str(out)).paragraphs)
    assert parbook("templates", "-o", folder, "--overwrite") == 0
    assert edited.read_bytes() == (templates_dir() / edited.name).read_bytes()


def test_plan_shows_and_uses_as_of(parbook, tmp_path):
    assert "--as-of NGÀY" in _help("plan")
    out = tmp_path / "ke_hoach.docx"
    assert parbook("plan", SAMPLES / "son_giang_2021.xlsx", "--as-of", "2021-06-30", "-o", out) == 0
    assert out.is_file()

