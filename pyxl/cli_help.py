"""argparse in Vietnamese: its own words (usage, section titles, errors) and a parser class that uses them.

argparse looks its texts up through the module-level `_` and `ngettext` (gettext) each time it needs
one, so `Parser` swaps in Vietnamese lookups while it builds, parses and formats, and puts the
originals back afterwards: other parsers in the same process (pytest's, a script's) are untouched.
Texts argparse only shows to programmers (a parser built wrongly) stay English. Also the options every
command shares (`add_file`, `add_sheet`, …), so they are named and shown the same way everywhere.
"""
from __future__ import annotations

import argparse
import gettext
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

TYPE_CHECKING = False  # typing.TYPE_CHECKING without loading typing (type checkers take it as True)
if TYPE_CHECKING:
    from typing import NoReturn

MESSAGES = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "Tham số",
    "options": "Tuỳ chọn",
    "optional arguments": "Tuỳ chọn",
    "subcommands": "Các lệnh",
    "%(heading)s:": "%(heading)s:",
    " (default: %(default)s)": " (mặc định: %(default)s)",
    "show this help message and exit": "xem hướng dẫn này rồi thoát",
    "show program's version number and exit": "xem số phiên bản rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s: lưu ý: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "the following arguments are required: %s": "còn thiếu %s",
    "unrecognized arguments: %s": "không hiểu: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "không có lựa chọn %(value)r; hãy chọn một trong: %(choices)s",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)":
        "không có lựa chọn %(value)r, có phải là %(closest)r? (hãy chọn một trong: %(choices)s)",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "không có lệnh %(parser_name)r (các lệnh: %(choices)s)",
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không hợp lệ",
    "expected one argument": "cần ghi một giá trị ngay sau",
    "expected at most one argument": "chỉ nhận nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "ambiguous option: %(option)s could match %(matches)s": "tuỳ chọn %(option)s chưa rõ, có thể là %(matches)s",
    "not allowed with argument %s": "không dùng cùng với %s",
    "one of the arguments %s is required": "cần một trong các tuỳ chọn %s",
    "ignored explicit argument %r": "tuỳ chọn này không nhận giá trị (%r)",
    "unexpected option string: %s": "tuỳ chọn không đúng dạng: %s",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
    "command '%(parser_name)s' is deprecated": "lệnh '%(parser_name)s' đã cũ và sẽ bị bỏ",
    "option '%(option)s' is deprecated": "tuỳ chọn '%(option)s' đã cũ và sẽ bị bỏ",
    "argument '%(argument_name)s' is deprecated": "tham số '%(argument_name)s' đã cũ và sẽ bị bỏ",
}
PLURALS = {
    ("expected %s argument", "expected %s arguments"): "cần %s giá trị",
}


def _translate(message: str) -> str:
    return MESSAGES.get(message, message)


def _ntranslate(singular: str, plural: str, n: int) -> str:
    return PLURALS.get((singular, plural)) or gettext.ngettext(singular, plural, n)


@contextmanager
def vietnamese() -> Iterator[None]:
    """While inside, argparse speaks Vietnamese."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _translate, _ntranslate  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class Formatter(argparse.RawDescriptionHelpFormatter):
    """Help laid out as written (examples keep their lines), wide enough for Vietnamese help texts."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 30, width: int | None = None,
                 **kwargs: object) -> None:
        super().__init__(prog, indent_increment, max_help_position, width, **kwargs)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose own texts and errors are Vietnamese; its subcommands are Parsers too."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        with vietnamese():
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def add_subparsers(self, **kwargs):  # type: ignore[override]
        # Its title goes through gettext too, which would look for translation files on disk.
        with vietnamese():
            return super().add_subparsers(**kwargs)

    def parse_known_args(self, args=None, namespace=None):  # type: ignore[override]
        with vietnamese():
            return super().parse_known_args(args, namespace)

    def parse_args(self, args=None, namespace=None):  # type: ignore[override]
        with vietnamese():
            return super().parse_args(args, namespace)

    def format_usage(self) -> str:
        with vietnamese():
            return super().format_usage()

    def format_help(self) -> str:
        with vietnamese():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        """Usage, the problem, and where to read more; exit status 2 like every input problem."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lỗi: {message}\nGõ '{self.prog} -h' để xem hướng dẫn.\n")


def choice_list(choices: dict[str, str]) -> str:
    """'criterion (theo tiêu chí), field (theo lĩnh vực)' for a help text."""
    return ", ".join(f"{value} ({meaning})" for value, meaning in choices.items())


# -- option values, with the message argparse shows when one is wrong ---------------------------------

def iso_date(text: str) -> date:
    """An option's YYYY-MM-DD date."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày '{text}' không đúng dạng YYYY-MM-DD (ví dụ 2024-06-30)") from None


def year_number(text: str) -> int:
    """An option's four-digit year."""
    if not (text.isdigit() and len(text) == 4):
        raise argparse.ArgumentTypeError(f"năm '{text}' không hợp lệ (ví dụ 2024)")
    return int(text)


def positive_count(text: str) -> int:
    """An option's whole number from 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' không phải số nguyên dương (ví dụ 2)")
    return int(text)


# -- the options every command shares, named and shown the same way ----------------------------------

def add_file(parser: argparse.ArgumentParser, help: str, name: str = "file", metavar: str = "TỆP") -> None:
    """The file (or folder) a command reads."""
    parser.add_argument(name, metavar=metavar, help=help)


def add_output(parser: argparse.ArgumentParser, help: str, metavar: str = "TỆP", **kwargs: object) -> None:
    """-o/--output: where a command writes."""
    parser.add_argument("-o", "--output", metavar=metavar, help=help, **kwargs)


def add_sheet(parser: argparse.ArgumentParser, help: str = "chỉ đọc sheet này (mặc định: mọi sheet có bảng)") -> None:
    """--sheet: the one sheet to read."""
    parser.add_argument("--sheet", metavar="TÊN_SHEET", help=help)


def add_year(parser: argparse.ArgumentParser) -> None:
    """--year: the plan year deadlines are read in."""
    parser.add_argument("--year", type=year_number, metavar="NĂM",
                        help="năm thực hiện kế hoạch, để hiểu 'Quý I', 'Tháng 3'… (mặc định: năm ghi trong tiêu đề)")


def add_as_of(parser: argparse.ArgumentParser) -> None:
    """--as-of: the day what is overdue is counted at."""
    parser.add_argument("--as-of", type=iso_date, metavar="NGÀY",
                        help="ngày đối chiếu để báo việc quá hạn, dạng YYYY-MM-DD (mặc định: hôm nay)")


def add_overwrite(parser: argparse.ArgumentParser, help: str = "ghi đè tệp kết quả nếu đã có") -> None:
    """--overwrite: replace outputs that exist."""
    parser.add_argument("--overwrite", action="store_true", help=help)


def add_command(commands: argparse._SubParsersAction, name: str, help: str,
                run: Callable[[argparse.Namespace], int], examples: str) -> argparse.ArgumentParser:
    """A subcommand's parser: its help as description, examples as epilog, run as the function it calls."""
    parser = commands.add_parser(name, help=help, description=help[0].upper() + help[1:] + ".",
                                 epilog="Ví dụ:\n" + examples)
    parser.set_defaults(run=run)
    return parser
