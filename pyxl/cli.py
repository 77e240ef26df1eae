"""The `parbook` command: one small function per subcommand, errors mapped to exit status 2 in one place.

Adding a subcommand: write `cmd_NAME(args) -> int` (imports inside, print, return an exit status) and
a function `_add_NAME(commands)` listed in `_SUBCOMMANDS`, built with the shared options of pyxl.cli_help
(`add_file`, `add_output`, `add_sheet`, `add_year`, `add_as_of`, `add_overwrite`), so every command names the
same thing the same way.
"""
from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from collections.abc import Callable, Sequence

from pyxl import __version__
from pyxl.cli_help import (Parser, add_as_of, add_command, add_file, add_output, add_overwrite, add_sheet,
                           add_year, positive_count)
from pyxl.core.errors import ParbookError
from pyxl.core.model import ERROR

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2
ARRANGEMENTS = "criterion (theo tiêu chí, mặc định), field (theo lĩnh vực) hoặc lead (theo cơ quan chủ trì)"


def _write_report(text: str, output: str | None, overwrite: bool) -> None:
    if output is None:
        print(text)
        return
    from pyxl.files import atomic_write_bytes

    atomic_write_bytes(output, (text + "\n").encode("utf-8"), overwrite)
    print(f"Đã ghi {output}", file=sys.stderr)


def cmd_check(args: argparse.Namespace) -> int:
    """parbook check: read, score and check every table of a file."""
    from pyxl.core.report import to_json, to_text
    from pyxl.readers import read_tables

    tables = read_tables(args.file, args.sheet, args.year, args.as_of, args.engine, all_suggestions=False)
    report = to_json(args.file, tables) if args.format == "json" else to_text(args.file, tables)
    _write_report(report, args.output, args.overwrite)
    has_errors = any(f.severity == ERROR for t in tables for f in t.findings)
    return EXIT_FINDINGS if args.strict and has_errors else EXIT_OK


def cmd_mark(args: argparse.Namespace) -> int:
    """parbook mark: what the ribbon's 'Kiểm tra bảng', 'Gợi ý giải pháp', 'Theo dõi tiến độ', 'Xoá đánh dấu' do,
    into a copy."""
    from pyxl.excel.markcopy import default_target, mark_copy

    source = Path(args.file)
    action = "clear" if args.clear else "suggest" if args.suggest else "progress" if args.progress else "check"
    target = Path(args.output) if args.output else default_target(source, action)
    print(mark_copy(source, target, action, args.fill_lost, args.sheet, args.year, args.as_of, args.overwrite,
                    warn=lambda message: print(f"Lưu ý: {message}", file=sys.stderr)))
    return EXIT_OK


def cmd_suggest(args: argparse.Namespace) -> int:
    """parbook suggest: per item a plan must cover, the library entry matched and what it proposes."""
    from pyxl.core.suggest import report_json, report_text
    from pyxl.readers import read_tables

    tables = read_tables(args.file, args.sheet, args.year, args.as_of)
    report = report_json(args.file, tables) if args.format == "json" else report_text(args.file, tables)
    _write_report(report, args.output, args.overwrite)
    return EXIT_OK


def cmd_progress(args: argparse.Namespace) -> int:
    """parbook progress: each plan item's status, what is late and due soon; --report: the progress report."""
    as_of = args.as_of or date.today()
    if args.report:
        from pyxl.plan.report import write_report_for

        path = write_report_for(args.file, args.output, args.sheet, args.year, as_of, args.period, args.template,
                                args.pdf, args.overwrite, warn=lambda text: print(f"Lưu ý: {text}", file=sys.stderr))
        written = [path.with_suffix(".docx"), path] if path.suffix == ".pdf" else [path]
        print("Đã tạo " + " và ".join(str(p) for p in written))
        return EXIT_OK
    from pyxl.core.progress_report import progress_document
    from pyxl.readers import read_tables

    tables = read_tables(args.file, args.sheet, args.year, as_of)
    _write_report(progress_document(args.file, tables, as_of, args.format), args.output, args.overwrite)
    return EXIT_OK


def cmd_plan(args: argparse.Namespace) -> int:
    """parbook plan: the narrative plan document (.docx, optionally .pdf) written from the sheet."""
    from pyxl.core.workbook import tables_from_grids, workbook_library
    from pyxl.plan import one_plan, suggested_count, suggested_for, suggestion_note, write_plan
    from pyxl.plan.frontmatter import FrontMatter, front_matter_from_grids, parse_date
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
    table = suggested_for(source.main, front, workbook_library(grids))
    path = write_plan(table, args.output, args.by, args.template, front, args.all, args.pdf, args.overwrite,
                      warn=messages.append, appendices=source.tables, clean=args.clean)
    note = suggestion_note(suggested_count(table, front, args.all), args.clean)
    for message in messages + ([note] if note else []):
        print(f"Lưu ý: {message}", file=sys.stderr)
    written = [path.with_suffix(".docx"), path] if path.suffix == ".pdf" else [path]
    print("Đã tạo " + " và ".join(str(p) for p in written))
    return EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    """parbook merge: one plan per commune and the Tổng hợp workbook; exit 1 when some communes failed."""
    from pyxl.merge import KEPT, MISSING, WRITTEN, merge
    from pyxl.plan import suggestion_note

    only = [name.strip() for name in args.only.split(",") if name.strip()] if args.only else None
    result = merge(args.source, args.output, by=args.by, pdf=args.pdf, zip_output=args.zip, only=only,
                   jobs=args.jobs, overwrite=args.overwrite, roster=args.list, as_of=args.as_of,
                   year=args.year, sheet=args.sheet, clean=args.clean)
    print(f"{len(result.outcomes)} đơn vị từ '{result.source.name}' → {result.out_dir}")
    print(f"  đã lập {len(result.with_status(WRITTEN))} kế hoạch; "
          f"giữ nguyên {len(result.with_status(KEPT))} tệp đã có"
          + ("" if args.overwrite or not result.with_status(KEPT) else " (dùng --overwrite để ghi lại)"))
    suggested = [o.suggested for o in result.outcomes if o.suggested]
    if suggested:
        print(f"  ở {len(suggested)} kế hoạch, {suggestion_note(sum(suggested), args.clean)}")
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


def cmd_templates(args: argparse.Namespace) -> int:
    """parbook templates: a copy of the shipped Word templates, to edit in Word and use with --template."""
    from pyxl.files import atomic_write_bytes
    from pyxl.plan import TEMPLATE_FILES, TEMPLATE_USES, templates_dir

    folder = Path(args.output)
    copies = [(kind, templates_dir() / name, folder / name) for kind, name in TEMPLATE_FILES.items()]
    existing = [target.name for _, _, target in copies if target.exists()]
    if existing and not args.overwrite:
        raise ParbookError(f"Thư mục '{folder}' đã có {', '.join(existing)}; parbook không chép đè lên mẫu anh/chị "
                           "có thể đã sửa. Hãy chọn thư mục khác, hoặc dùng --overwrite để lấy lại mẫu gốc.")
    for _, shipped, target in copies:
        atomic_write_bytes(target, shipped.read_bytes(), overwrite=True)
    print(f"Đã chép {len(copies)} mẫu Word vào '{folder}':")
    for kind, _, target in copies:
        print(f"  {target.name}: {TEMPLATE_USES[kind]}")
    print("Mở tệp bằng Word, sửa lời văn (giữ nguyên các thẻ {{ … }} và {%p … %}), lưu lại rồi dùng:\n"
          f"  parbook plan \"PHU LUC.xlsx\" --template \"{copies[0][2]}\"")
    return EXIT_OK


def cmd_build_workbook(args: argparse.Namespace) -> int:
    """parbook build-workbook: build parbook.xlsm (sheets, VBA, ribbon) from the sources."""
    from pyxl.excel.xlsm import build_workbook

    print(f"Đã tạo {build_workbook(args.output)}")
    return EXIT_OK


def cmd_install_excel(args: argparse.Namespace) -> int:
    """parbook install-excel: a copy of parbook.xlsm wired to this Python, with the steps to enable it."""
    from pyxl.excel.install import install_workbook

    print("\n".join(install_workbook(args.output, args.overwrite)))
    return EXIT_OK


def _add_check(commands) -> None:
    check = add_command(commands, "check", "kiểm tra bảng PHỤ LỤC: điểm bị mất, số liệu, cơ quan, thời hạn", cmd_check,
                     '  parbook check "PHU LUC 2024.xlsx" --as-of 2024-06-30\n'
                     '  parbook check "PHU LUC 2024.xlsx" --format json -o ket_qua.json')
    add_file(check, "bảng tính có bảng PHỤ LỤC: .xlsx, .xlsm, .xls, .xlsb, .ods hoặc .csv (UTF-8)")
    add_sheet(check)
    add_year(check)
    add_as_of(check)
    check.add_argument("--format", choices=("text", "json"), default="text", metavar="DẠNG",
                       help="text (báo cáo để đọc, mặc định) hoặc json (cho phần mềm khác)")
    add_output(check, "ghi báo cáo vào tệp này thay vì in ra màn hình")
    add_overwrite(check)
    check.add_argument("--strict", action="store_true", help="trả mã thoát 1 khi bảng có lỗi (cho kịch bản tự động)")
    check.add_argument("--engine", choices=("calamine", "openpyxl"), default="calamine", help=argparse.SUPPRESS)


def _add_mark(commands) -> None:
    mark = add_command(commands, "mark", "ghi đánh dấu kiểm tra (cột cờ, tô màu, sheet kết quả) vào một bản sao",
                    cmd_mark, '  parbook mark "PHU LUC 2024.xlsx" --fill-lost\n'
                    '  parbook mark "PHU LUC 2024 - đã kiểm tra.xlsx" --clear -o "PHU LUC 2024 - sạch.xlsx"')
    add_file(mark, "tệp .xlsx hoặc .xlsm (không bao giờ bị thay đổi)")
    add_output(mark, "tệp kết quả (mặc định, cạnh tệp gốc: '<tên> - đã kiểm tra.xlsx'; với --clear: "
            "'<tên> - đã xoá đánh dấu.xlsx', --suggest: '<tên> - đã gợi ý.xlsx', --progress: "
            "'<tên> - theo dõi tiến độ.xlsx')")
    action = mark.add_mutually_exclusive_group()
    action.add_argument("--fill-lost", action="store_true",
                        help="điền thêm các ô Điểm bị mất còn trống (không ghi đè số hay công thức đã có)")
    action.add_argument("--clear", action="store_true",
                        help="bỏ mọi đánh dấu của parbook (như nút 'Xoá đánh dấu'), trả lại màu cũ của các ô")
    action.add_argument("--suggest", action="store_true",
                        help="ghi gợi ý giải pháp, chủ trì, thời gian vào các ô còn trống (như nút 'Gợi ý giải pháp')")
    action.add_argument("--progress", action="store_true",
                        help="ghi cột theo dõi: Đã xong, Còn hạn, Sắp đến hạn, Quá hạn (như nút 'Theo dõi tiến độ')")
    add_sheet(mark)
    add_year(mark)
    add_as_of(mark)
    add_overwrite(mark)


def _add_suggest(commands) -> None:
    suggest = add_command(commands, "suggest", "gợi ý mục tiêu, nhiệm vụ, chủ trì, thời gian cho từng mục bị mất điểm",
                       cmd_suggest, '  parbook suggest "PHU LUC 2024.xlsx"\n'
                       '  parbook suggest "PHU LUC 2024.xlsx" --format json -o goi_y.json')
    add_file(suggest, "bảng tính có bảng PHỤ LỤC: .xlsx, .xlsm, .xls, .xlsb, .ods hoặc .csv (UTF-8)")
    add_sheet(suggest)
    add_year(suggest)
    add_as_of(suggest)
    suggest.add_argument("--format", choices=("text", "json"), default="text", metavar="DẠNG",
                         help="text (để đọc, mặc định) hoặc json (cho phần mềm khác)")
    add_output(suggest, "ghi kết quả vào tệp này thay vì in ra màn hình")
    add_overwrite(suggest)


def _add_plan(commands) -> None:
    plan = add_command(commands, "plan", "viết Kế hoạch khắc phục (.docx, có thể kèm .pdf) từ bảng PHỤ LỤC", cmd_plan,
                    '  parbook plan "PHU LUC 2024.xlsx" --by field --pdf\n'
                    '  parbook plan "PHU LUC 2024.xlsx" --number 18/KH-UBND --date 19/3/2024 --signer "Nguyễn Văn A"')
    add_file(plan, "bảng tính có bảng PHỤ LỤC")
    add_output(plan, "tệp .docx (hoặc .pdf) tạo ra (mặc định: theo tên đơn vị và năm)")
    add_sheet(plan, "sheet chứa bảng (khi tệp có nhiều bảng)")
    add_year(plan)
    add_as_of(plan)
    plan.add_argument("--by", choices=("criterion", "field", "lead"), default="criterion", metavar="CÁCH",
                      help=f"cách trình bày: {ARRANGEMENTS}")
    plan.add_argument("--template", metavar="TỆP", help="mẫu Word (.docx) đã sửa, thay cho mẫu có sẵn "
                      "(lấy bản sao bằng: parbook templates)")
    plan.add_argument("--pdf", action="store_true", help="xuất thêm PDF (cần LibreOffice)")
    plan.add_argument("--all", action="store_true", help="đưa cả các mục không bị mất điểm")
    plan.add_argument("--clean", action="store_true", help="in nội dung gợi ý như văn bản thường (bỏ tô vàng)")
    plan.add_argument("--unit", metavar="TÊN", help="tên đơn vị ban hành, ví dụ 'UBND xã Ia Mrơn'")
    plan.add_argument("--number", metavar="SỐ", help="số, ký hiệu, ví dụ '18/KH-UBND'")
    plan.add_argument("--date", metavar="NGÀY", help="ngày ban hành, ví dụ 19/3/2024")
    plan.add_argument("--signer", metavar="TÊN", help="người ký")
    plan.add_argument("--signer-title", metavar="CHỨC_VỤ", help="chức vụ người ký, ví dụ 'Chủ tịch'")
    add_overwrite(plan)


def _add_progress(commands) -> None:
    progress = add_command(commands, "progress", "theo dõi tiến độ: mục đã xong, quá hạn, sắp đến hạn; báo cáo kết quả "
                        "quý, 6 tháng, năm", cmd_progress, '  parbook progress "PHU LUC 2025.xlsx" --as-of 2025-06-30\n'
                        '  parbook progress "PHU LUC 2025.xlsx" --report --period "6 tháng" --pdf')
    add_file(progress, "bảng PHỤ LỤC có cột 'Kết quả thực hiện' (hoặc 'Tình hình thực hiện', 'Tiến độ', 'Ngày hoàn thành')")
    add_sheet(progress)
    add_year(progress)
    add_as_of(progress)
    progress.add_argument("--format", choices=("text", "json"), default="text", metavar="DẠNG",
                          help="text (để đọc, mặc định) hoặc json (cho phần mềm khác)")
    add_output(progress, "ghi kết quả (với --report: báo cáo .docx hoặc .pdf) vào tệp này")
    progress.add_argument("--report", action="store_true", help="viết Báo cáo kết quả thực hiện kế hoạch (.docx)")
    progress.add_argument("--period", metavar="KỲ", help="kỳ báo cáo: 'quý I', '6 tháng', 'quý III', '9 tháng', "
                          "'năm' (mặc định: theo ngày đối chiếu)")
    progress.add_argument("--pdf", action="store_true", help="với --report: xuất thêm PDF (cần LibreOffice)")
    progress.add_argument("--template", metavar="TỆP", help="với --report: mẫu Word đã sửa (bản sao: parbook templates)")
    add_overwrite(progress)


def _add_merge(commands) -> None:
    merge = add_command(commands, "merge", "lập kế hoạch cho mọi xã, phường và bảng Tổng hợp", cmd_merge,
                     '  parbook merge "Huyen 2025.xlsx" -o "Ke hoach cac xa"\n'
                     '  parbook merge thu_muc_cac_xa -o ra --sheet "PHỤ LỤC" --by field --zip')
    add_file(merge, "tệp mỗi xã một sheet, thư mục mỗi xã một tệp, hoặc bảng có cột Đơn vị/Xã/Phường",
          name="source", metavar="NGUỒN")
    where = merge.add_mutually_exclusive_group(required=True)
    add_output(where, "thư mục ghi các kế hoạch và Tổng hợp.xlsx", metavar="THƯ_MỤC")
    where.add_argument("--out", dest="output", help=argparse.SUPPRESS)  # the first spelling, kept working
    add_sheet(merge, "với nguồn là thư mục: sheet cần đọc trong tệp của mỗi xã (mặc định: bảng PHỤ LỤC đầu tiên)")
    add_year(merge)
    add_as_of(merge)
    merge.add_argument("--by", choices=("criterion", "field", "lead"), default="criterion", metavar="CÁCH",
                       help=f"cách trình bày: {ARRANGEMENTS}")
    merge.add_argument("--pdf", action="store_true", help="xuất thêm PDF (cần LibreOffice)")
    merge.add_argument("--zip", action="store_true", help="nén các kế hoạch và Tổng hợp.xlsx vào một tệp .zip")
    merge.add_argument("--clean", action="store_true", help="in nội dung gợi ý như văn bản thường (bỏ tô vàng)")
    merge.add_argument("--only", metavar="TÊN,…", help="chỉ các đơn vị này, cách nhau bằng dấu phẩy")
    merge.add_argument("--jobs", type=positive_count, metavar="SỐ", help="số tiến trình chạy song song (mặc định: số lõi CPU)")
    merge.add_argument("--list", metavar="TỆP", help="danh sách đơn vị (.xlsx, .csv) khi nguồn không có sheet Danh sách")
    add_overwrite(merge, "ghi đè các tệp đã có")


def _add_templates(commands) -> None:
    templates = add_command(commands, "templates", "chép các mẫu Word có sẵn ra một thư mục để sửa bằng Word",
                         cmd_templates, '  parbook templates -o "Mẫu của xã"\n'
                         '  parbook plan "PHU LUC.xlsx" --template "Mẫu của xã/ke_hoach_theo_tieu_chi.docx"')
    add_output(templates, "thư mục nhận các mẫu (mặc định: 'Mẫu Word parbook')", metavar="THƯ_MỤC",
            default="Mẫu Word parbook")
    add_overwrite(templates, "chép đè lên các mẫu cùng tên đã có trong thư mục")


def _add_build_workbook(commands) -> None:
    build = add_command(commands, "build-workbook", "tạo parbook.xlsm (thẻ CCHC, macro, hàm) từ mã nguồn",
                     cmd_build_workbook, "  parbook build-workbook -o parbook.xlsm")
    add_output(build, "tệp tạo ra (mặc định: parbook.xlsm, ghi đè)", default="parbook.xlsm")


def _add_install_excel(commands) -> None:
    install = add_command(commands, "install-excel", "tạo bản parbook.xlsm dùng Python của máy này, kèm hướng dẫn",
                       cmd_install_excel, '  parbook install-excel -o "%USERPROFILE%\\Documents"')
    add_output(install, "thư mục đặt parbook.xlsm (mặc định: thư mục hiện tại)", metavar="THƯ_MỤC", default=".")
    add_overwrite(install, "tạo lại nếu đã có")


_SUBCOMMANDS = {
    "check": _add_check,
    "mark": _add_mark,
    "suggest": _add_suggest,
    "plan": _add_plan,
    "progress": _add_progress,
    "merge": _add_merge,
    "templates": _add_templates,
    "build-workbook": _add_build_workbook,
    "install-excel": _add_install_excel,
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every subcommand, or with only the named one when it is a known command (all
    a run of it needs: building the options of every other command costs more than checking a small file)."""
    parser = Parser(prog="parbook", description="Kiểm tra bảng PHỤ LỤC và lập Kế hoạch khắc phục Chỉ số cải cách "
                    "hành chính (Chỉ số CCHC).", epilog="Xem hướng dẫn của từng lệnh: parbook LỆNH -h")
    parser.add_argument("--version", action="version", version=f"parbook {__version__}",
                        help="xem số phiên bản rồi thoát")
    commands = parser.add_subparsers(dest="command", required=True, metavar="LỆNH", title="Các lệnh")
    for name, add in _SUBCOMMANDS.items():
        if command not in _SUBCOMMANDS or command == name:
            add(commands)
    return parser


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def _say(message: str) -> None:
    try:
        print(f"parbook: {message}", file=sys.stderr)
    except OSError:  # stderr gone too: the exit status is all that is left
        pass


def _drop_stdout() -> None:
    """Send what is still buffered for a closed or full stdout nowhere, so exiting raises nothing more."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (tests capture it): nothing to flush later
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `parbook` console command.

    Exit status: 0 done; 1 findings with --strict, or communes merge could not do; 2 the input or an
    output could not be used (a Vietnamese message on stderr says what, where and how to fix it).
    """
    _utf8_streams()
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(argv[0] if argv else None).parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        code = run(args)
        sys.stdout.flush()
        return code
    except ParbookError as error:
        _say(error.message)
    except OSError as error:
        from pyxl.files import STDOUT, describe_os_error

        if error.filename is None:  # writing our own output (a closed pipe, a full disk under '>')
            _drop_stdout()
            _say(describe_os_error(error, STDOUT, writing=True))
        else:
            _say(describe_os_error(error))
    except KeyboardInterrupt:
        _say("đã dừng theo yêu cầu.")
        return 130
    return EXIT_UNREADABLE


if __name__ == "__main__":
    sys.exit(main())
