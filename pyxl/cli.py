"""The `parbook` command: one small function per subcommand, errors mapped to exit status 2."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Callable, Sequence

from pyxl.core.errors import ParbookError
from pyxl.core.model import ERROR

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
    from pyxl.readers import read_tables
    from pyxl.core.report import to_json, to_text

    tables = read_tables(args.file, args.sheet, args.year, args.as_of, args.engine)
    print(to_json(args.file, tables) if args.format == "json" else to_text(args.file, tables))
    has_errors = any(f.severity == ERROR for t in tables for f in t.findings)
    return EXIT_FINDINGS if args.strict and has_errors else EXIT_OK


def cmd_mark(args: argparse.Namespace) -> int:
    """parbook mark: what the ribbon's 'Kiểm tra bảng' / 'Tính điểm bị mất' do, into a copy of the file."""
    from pathlib import Path

    from pyxl.excel.marks import plan_check, plan_fill_lost
    from pyxl.core.workbook import tables_from_grids
    from pyxl.readers import read_workbook
    from pyxl.excel.filecopy import write_marked_copy

    source = Path(args.file)
    if source.suffix.lower() not in (".xlsx", ".xlsm"):
        raise ParbookError(f"Lệnh mark chỉ ghi được tệp .xlsx/.xlsm; '{source.name}' hãy lưu lại dạng .xlsx trước.")
    grids = read_workbook(source)
    tables = tables_from_grids(grids, source.name, args.sheet, args.year, args.as_of)
    by_name = {g.name: g for g in grids}
    plan = plan_fill_lost if args.fill_lost else plan_check
    marks = [plan(table, by_name[table.sheet]) for table in tables]
    target = Path(args.output) if args.output else source.with_name(f"{source.stem} - đã kiểm tra{source.suffix}")
    if target.resolve() == source.resolve():
        raise ParbookError("Tệp kết quả phải khác tệp gốc; parbook không ghi đè lên bảng của anh/chị.")
    write_marked_copy(source, target, marks, args.overwrite)
    count = sum(len(m.findings) for m in marks)
    print(f"Đã ghi {target} ({count} mục cần xem, {sum(len(m.fills) for m in marks)} ô điểm bị mất được điền).")
    return EXIT_OK


def cmd_plan(args: argparse.Namespace) -> int:
    """parbook plan: the narrative plan document (.docx, optionally .pdf) written from the sheet."""
    from pyxl.plan import one_plan, write_plan
    from pyxl.plan.frontmatter import FrontMatter, front_matter_from_grids, parse_date
    from pyxl.core.workbook import tables_from_grids
    from pyxl.readers import read_workbook

    grids = read_workbook(args.file)
    source = one_plan(tables_from_grids(grids, args.file, args.sheet, args.year, args.as_of), args.file)
    front, warnings = front_matter_from_grids(grids)
    overrides = {k: v for k, v in {
        "unit": args.unit, "number": args.number, "signer": args.signer, "signer_title": args.signer_title,
        "issued": parse_date(args.date) if args.date else None,
    }.items() if v}
    if overrides:
        front = (front or FrontMatter()).updated(**overrides)
    messages = list(warnings)
    path = write_plan(source.main, args.output, args.by, args.template, front, args.all, args.pdf, args.overwrite,
                      warn=messages.append, appendices=source.tables, clean=args.clean)
    for message in messages:
        print(f"Lưu ý: {message}", file=sys.stderr)
    written = [path.with_suffix(".docx"), path] if path.suffix == ".pdf" else [path]
    print("Đã tạo " + " và ".join(str(p) for p in written))
    return EXIT_OK


def cmd_build_workbook(args: argparse.Namespace) -> int:
    """parbook build-workbook: build parbook.xlsm (sheets, VBA, ribbon) from the sources."""
    from pyxl.excel.xlsm import build_workbook

    print(f"Đã tạo {build_workbook(args.output)}")
    return EXIT_OK


def cmd_install_excel(args: argparse.Namespace) -> int:
    """parbook install-excel: a copy of parbook.xlsm wired to this Python, with the steps to enable it."""
    import shutil
    from pathlib import Path

    import xlwings

    from pyxl.excel.xlsm import PINNED_XLWINGS, build_workbook

    if xlwings.__version__ != PINNED_XLWINGS:
        raise ParbookError(f"Máy đang cài xlwings {xlwings.__version__} nhưng parbook.xlsm cần đúng bản "
                           f"{PINNED_XLWINGS}. Hãy chạy: pip install xlwings=={PINNED_XLWINGS}")
    python = Path(sys.executable)
    windowless = python.with_name("pythonw.exe")
    interpreter = str(windowless if windowless.exists() else python)
    key = "Interpreter_Win" if sys.platform == "win32" else "Interpreter_Mac"
    target = Path(args.output) / "parbook.xlsm"
    if target.exists() and not args.overwrite:
        raise ParbookError(f"Đã có '{target}'. Dùng --overwrite để tạo lại (sheet của tệp cũ sẽ không được giữ).")
    build_workbook(target, settings=((key, interpreter),))
    print(f"Đã tạo {target} (Python: {interpreter}).")
    print("Các bước tiếp theo:\n"
          "  1. Nếu tệp được tải từ mạng/thư điện tử: bấm chuột phải › Properties › chọn Unblock › OK.\n"
          "  2. Mở tệp bằng Excel, bấm 'Enable Content' (Bật nội dung) trên thanh vàng.\n"
          "  3. Thẻ CCHC xuất hiện trên thanh ribbon; dán bảng PHỤ LỤC vào sheet 'PHỤ LỤC' rồi bấm 'Kiểm tra bảng'.")
    if sys.platform not in ("win32", "darwin"):
        print("Lưu ý: Excel chỉ chạy trên Windows/macOS; trên máy này hãy dùng các lệnh parbook check/plan/merge.")
    if shutil.which("excel") is None and sys.platform == "win32":
        print("Không tìm thấy Excel trong PATH; nếu Excel đã cài, có thể bỏ qua thông báo này.")
    return EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    """parbook merge: one plan per commune and the Tổng hợp workbook; exit 1 when some communes failed."""
    from pyxl.merge import KEPT, MISSING, WRITTEN, merge

    only = [name.strip() for name in args.only.split(",") if name.strip()] if args.only else None
    result = merge(args.source, args.out, by=args.by, pdf=args.pdf, zip_output=args.zip, only=only,
                   jobs=args.jobs, overwrite=args.overwrite, roster=args.list, as_of=args.as_of)
    print(f"{len(result.outcomes)} đơn vị từ '{result.source.name}' → {result.out_dir}")
    print(f"  đã lập {len(result.with_status(WRITTEN))} kế hoạch; "
          f"giữ nguyên {len(result.with_status(KEPT))} tệp đã có"
          + ("" if args.overwrite or not result.with_status(KEPT) else " (dùng --overwrite để ghi lại)"))
    for outcome in result.with_errors:
        print(f"  - {outcome.name}: kế hoạch đã lập nhưng bảng còn {outcome.count(ERROR)} lỗi cần sửa")
    for outcome in result.failed:
        print(f"  ✗ {outcome.name}: {outcome.message}")
    for outcome in result.with_status(MISSING):
        print(f"  ? {outcome.name}: có trong Danh sách nhưng không có số liệu")
    for name in result.unlisted:
        print(f"  ? {name}: có số liệu nhưng không có trong Danh sách")
    for note in result.notes:
        print(f"  ! {note}")
    for path in result.kept_files:
        print(f"  tệp '{path.name}' đã có, giữ nguyên (dùng --overwrite để ghi lại)")
    print(f"Tổng hợp: {result.summary}" + (f"\nTệp nén: {result.archive}" if result.archive else ""))
    return EXIT_OK if result.ok else EXIT_FINDINGS


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

    mark = commands.add_parser("mark", help="ghi đánh dấu kiểm tra (cột cờ, tô màu, sheet kết quả) vào một bản sao")
    mark.add_argument("file", help="tệp .xlsx hoặc .xlsm (không bị thay đổi)")
    mark.add_argument("-o", "--output", help="tệp kết quả (mặc định: '<tên> - đã kiểm tra.xlsx')")
    mark.add_argument("--fill-lost", action="store_true", help="điền ô Điểm bị mất còn trống, đánh dấu ô ghi sai")
    mark.add_argument("--sheet", help="chỉ sheet này")
    mark.add_argument("--year", type=_year, help="năm thực hiện kế hoạch")
    mark.add_argument("--as-of", type=_iso_date, default=None, help="ngày đối chiếu quá hạn, YYYY-MM-DD")
    mark.add_argument("--overwrite", action="store_true", help="ghi đè tệp kết quả nếu đã có")
    mark.set_defaults(run=cmd_mark)

    plan = commands.add_parser("plan", help="viết Kế hoạch khắc phục (.docx) từ bảng PHỤ LỤC")
    plan.add_argument("file", help="tệp bảng tính có bảng PHỤ LỤC")
    plan.add_argument("--sheet", help="sheet chứa bảng (khi tệp có nhiều bảng)")
    plan.add_argument("-o", "--output", help="tệp .docx (hoặc .pdf) tạo ra (mặc định: theo tên đơn vị và năm)")
    plan.add_argument("--by", choices=("criterion", "field", "lead"), default="criterion",
                      help="trình bày theo tiêu chí (mặc định), theo lĩnh vực, hoặc theo cơ quan chủ trì")
    plan.add_argument("--template", help="mẫu Word (.docx) tự sửa, thay cho mẫu có sẵn")
    plan.add_argument("--pdf", action="store_true", help="xuất thêm PDF (cần LibreOffice)")
    plan.add_argument("--all", action="store_true", help="đưa cả các mục không bị mất điểm")
    plan.add_argument("--clean", action="store_true", help="in nội dung gợi ý như văn bản thường (bỏ tô vàng)")
    plan.add_argument("--year", type=_year, help="năm thực hiện kế hoạch")
    plan.add_argument("--as-of", type=_iso_date, default=None, help=argparse.SUPPRESS)
    plan.add_argument("--unit", help="tên đơn vị ban hành, ví dụ 'UBND xã Ia Mrơn'")
    plan.add_argument("--number", help="số, ký hiệu, ví dụ '18/KH-UBND'")
    plan.add_argument("--date", help="ngày ban hành, ví dụ 19/3/2024")
    plan.add_argument("--signer", help="người ký")
    plan.add_argument("--signer-title", help="chức vụ người ký, ví dụ 'Chủ tịch'")
    plan.add_argument("--overwrite", action="store_true", help="ghi đè tệp đã có")
    plan.set_defaults(run=cmd_plan)

    merge = commands.add_parser("merge", help="lập kế hoạch cho mọi xã, phường và bảng Tổng hợp")
    merge.add_argument("source", help="tệp mỗi xã một sheet, thư mục mỗi xã một tệp, hoặc bảng có cột Đơn vị/Xã/Phường")
    merge.add_argument("-o", "--out", required=True, metavar="OUTDIR", help="thư mục ghi kế hoạch và Tổng hợp.xlsx")
    merge.add_argument("--by", choices=("criterion", "field", "lead"), default="criterion",
                       help="trình bày theo tiêu chí (mặc định), theo lĩnh vực, hoặc theo cơ quan chủ trì")
    merge.add_argument("--pdf", action="store_true", help="xuất thêm PDF (cần LibreOffice)")
    merge.add_argument("--zip", action="store_true", help="nén các kế hoạch và Tổng hợp.xlsx vào một tệp .zip")
    merge.add_argument("--only", metavar="TÊN,…", help="chỉ các đơn vị này, cách nhau bằng dấu phẩy")
    merge.add_argument("--jobs", type=int, metavar="N", help="số tiến trình chạy song song (mặc định: số lõi CPU)")
    merge.add_argument("--list", metavar="TỆP", help="danh sách đơn vị (.xlsx, .csv) khi nguồn không có sheet Danh sách")
    merge.add_argument("--as-of", type=_iso_date, default=None, help="ngày đối chiếu quá hạn, YYYY-MM-DD")
    merge.add_argument("--overwrite", action="store_true", help="ghi đè các tệp đã có")
    merge.set_defaults(run=cmd_merge)

    build = commands.add_parser("build-workbook", help="tạo parbook.xlsm (thẻ CCHC, macro, hàm) từ mã nguồn")
    build.add_argument("-o", "--output", default="parbook.xlsm", help="tệp tạo ra (mặc định: parbook.xlsm)")
    build.set_defaults(run=cmd_build_workbook)

    install = commands.add_parser("install-excel", help="tạo bản parbook.xlsm dùng Python của máy này, kèm hướng dẫn")
    install.add_argument("-o", "--output", default=".", help="thư mục đặt parbook.xlsm (mặc định: thư mục hiện tại)")
    install.add_argument("--overwrite", action="store_true", help="tạo lại nếu đã có")
    install.set_defaults(run=cmd_install_excel)
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
