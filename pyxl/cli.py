"""The `parbook` command: one small function per subcommand, errors mapped to exit status 2."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Callable, Sequence

from .errors import ParbookError
from .model import ERROR

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày '{text}' không đúng dạng YYYY-MM-DD (ví dụ 2024-06-30)") from None


def _year(text: str) -> int:
    if not (text.isdigit() and len(text) == 4):
        raise argparse.ArgumentTypeError(f"năm '{text}' không hợp lệ (ví dụ 2024)")
    return int(text)


def cmd_check(args: argparse.Namespace) -> int:
    """parbook check: read, score and check every table of a file."""
    from .reader import read_tables
    from .report import to_json, to_text

    tables = read_tables(args.file, args.sheet, args.year, args.as_of, args.engine)
    print(to_json(args.file, tables) if args.format == "json" else to_text(args.file, tables))
    has_errors = any(f.severity == ERROR for t in tables for f in t.findings)
    return EXIT_FINDINGS if args.strict and has_errors else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="parbook",
        description="Kiểm tra bảng PHỤ LỤC và lập Kế hoạch khắc phục Chỉ số cải cách hành chính.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")

    check = commands.add_parser("check", help="kiểm tra bảng PHỤ LỤC: điểm bị mất, số liệu, cơ quan, thời hạn")
    check.add_argument("file", help="tệp .xlsx, .xlsm, .xls, .ods hoặc .csv")
    check.add_argument("--sheet", help="chỉ kiểm tra sheet này")
    check.add_argument("--year", type=_year, help="năm thực hiện kế hoạch (mặc định: năm ghi trong tiêu đề)")
    check.add_argument("--as-of", type=_iso_date, default=None, help="ngày đối chiếu quá hạn, YYYY-MM-DD (mặc định: hôm nay)")
    check.add_argument("--format", choices=("text", "json"), default="text", help="dạng báo cáo")
    check.add_argument("--strict", action="store_true", help="trả mã 1 khi có lỗi")
    check.add_argument("--engine", choices=("calamine", "openpyxl"), default="calamine", help=argparse.SUPPRESS)
    check.set_defaults(run=cmd_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `parbook` console command."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except ParbookError as error:
        print(f"parbook: {error.message}", file=sys.stderr)
        return EXIT_UNREADABLE
    except KeyboardInterrupt:
        print("parbook: đã dừng theo yêu cầu.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
