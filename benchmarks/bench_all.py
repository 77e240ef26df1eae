"""Every figure of issue 15 from one run, each against its floor measured in the same run.

    python benchmarks/bench_all.py                     # merge at 150, 1,000 and 3,300 communes
    python benchmarks/bench_all.py --sizes 150,1000    # fewer or other sizes
    python benchmarks/bench_all.py --rounds 9          # more runs of each short process (best and median kept)
    python benchmarks/bench_all.py --skip plan,merge --instructions   # check, with valgrind's instruction counts

Prints (asserts nothing; never a timed test):
- `check` of the seed samples, whole process, against a process that only reads the same file with
  python-calamine (the floor), and `plan` of one document against a plain docxtpl script given the
  same context (both warm: byte-code compiled, parbook's cache filled with the compiled templates and
  the remediation library's index data; `plan` cold too);
- `merge` at each size against the docxtpl loop on the same template and contexts (its rate measured
  on the first communes), with the parent's and the largest worker's peak memory, and the CPU time per
  document against the floor (reading a commune's sheet with python-calamine + writing its .docx zip,
  deflating only the parts that differ from the template's);
- the load average before and after each part: on a busy machine compare the ratios, not the seconds.

Processes run with this checkout first on the path, byte-code caching on (as in an installed copy),
and a cache folder of their own (PARBOOK_CACHE_DIR). Workbooks are built once per size and kept in
the temporary folder. POSIX only (process CPU and memory come from os.wait4 / resource).
"""
from __future__ import annotations

import argparse
import io
import json
import os
import pickle
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

AS_OF = date(2026, 1, 15)
CHECK_SAMPLES = ["ia_pa_2019", "son_giang_2021", "vinh_linh_2023", "phuoc_my_2024"]
PLAN_SAMPLE = "son_giang_2021"
DOCXTPL_DOCUMENTS = 30  # docxtpl is slow: enough documents for a steady rate
FLOOR_DOCUMENTS = 60
WORK = Path(tempfile.gettempdir()) / "parbook-bench"

FLOOR = """
import sys
from python_calamine import CalamineWorkbook
book = CalamineWorkbook.from_path(sys.argv[1])
for name in book.sheet_names:
    book.get_sheet_by_name(name).to_python()
"""
DOCXTPL = """
import pickle, sys
from docxtpl import DocxTemplate
with open(sys.argv[2], "rb") as stream:
    context = pickle.load(stream)
document = DocxTemplate(sys.argv[1])
document.render(context, autoescape=True)
document.save(sys.argv[3])
"""
MERGE = """
import json, resource, sys, time
from datetime import date
from pyxl.merge import merge
start = time.perf_counter()
result = merge(sys.argv[1], sys.argv[2], as_of=date(2026, 1, 15), overwrite=True)
wall = time.perf_counter() - start
me, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
peak = me.ru_maxrss * 1024
try:  # Linux: ru_maxrss of an exec'd process starts at the RSS of the process that started it (this benchmark)
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    pass
print(json.dumps({"wall": wall, "plans": sum(1 for o in result.outcomes if o.has_plan),
                  "parent_cpu": me.ru_utime + me.ru_stime, "parent_peak": peak,
                  "workers_cpu": workers.ru_utime + workers.ru_stime, "workers_peak": workers.ru_maxrss * 1024}))
"""


def environment(cache: Path | str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PARBOOK_CHECK_XML")}
    env.update(PYTHONPATH=os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
               PARBOOK_CACHE_DIR=str(cache), PYTHONIOENCODING="utf-8")
    return env


def process(command: list[str], env: dict[str, str]) -> tuple[float, float, int, bytes]:
    """Run command: (wall s, CPU s, peak RSS bytes, stdout)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode})")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, out


def compare(commands: dict[str, list[str]], env: dict[str, str], rounds: int) -> dict[str, dict[str, float]]:
    """Each command run rounds times, interleaved (so load falls on all alike): best and median wall, best CPU."""
    for command in commands.values():
        process(command, env)  # byte-code compiled, caches filled
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            wall, cpu, _, _ = process(command, env)
            runs[name].append((wall, cpu))
    return {name: {"best": min(w for w, _ in got), "median": statistics.median(w for w, _ in got),
                   "cpu": min(c for _, c in got)} for name, got in runs.items()}


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


def line(label: str, figures: dict[str, float]) -> str:
    return (f"  {label:34} best {figures['best'] * 1000:7.0f} ms  median {figures['median'] * 1000:7.0f} ms  "
            f"CPU {figures['cpu'] * 1000:7.0f} ms")


def bench_check(env: dict[str, str], rounds: int, instructions: bool = False) -> None:
    print(f"\n== check, whole process ({load()})")
    for sample in CHECK_SAMPLES:
        path = str(ROOT / "samples" / f"{sample}.xlsx")
        got = compare({"floor": [sys.executable, "-c", FLOOR, path],
                       "check": [sys.executable, "-m", "pyxl", "check", path]}, env, rounds)
        print(f"{sample}.xlsx")
        print(line("python-calamine only (floor)", got["floor"]))
        print(line("parbook check", got["check"]))
        print(f"  ratio check/floor: {got['check']['best'] / got['floor']['best']:.1f}× wall, "
              f"{got['check']['cpu'] / got['floor']['cpu']:.1f}× CPU   (target ≤ 3×)")
        if instructions:
            floor, check = (instructions_of(command, env) for command in (
                [sys.executable, "-c", FLOOR, path], [sys.executable, "-m", "pyxl", "check", path]))
            print(f"  instructions (valgrind, the same on a busy machine): floor {floor / 1e6:.0f} M, "
                  f"check {check / 1e6:.0f} M: {check / floor:.1f}×")


def instructions_of(command: list[str], env: dict[str, str]) -> int:
    """Instructions a process runs (valgrind's callgrind count): unlike seconds, no other process changes it."""
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
                          capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    return int(next(line.split()[-1] for line in done.stderr.splitlines() if "Collected :" in line))


def plan_context(work: Path) -> tuple[Path, Path]:
    """The template and the context `parbook plan` renders for the plan sample (pickled, plain values)."""
    from markupsafe import Markup

    from pyxl import cli
    from pyxl.plan.render import CompiledTemplate

    seen: dict[str, object] = {}
    real = CompiledTemplate.render

    def capture(self, context, out, overwrite=False):
        seen["context"], seen["template"] = context, self.name
        return real(self, context, out, overwrite)

    CompiledTemplate.render = capture
    try:
        cli.main(["plan", str(ROOT / "samples" / f"{PLAN_SAMPLE}.xlsx"), "-o", str(work / "capture.docx"),
                  "--overwrite"])
    finally:
        CompiledTemplate.render = real

    def plain(value):
        if hasattr(value, "__html__") and not isinstance(value, str):
            return Markup(value.__html__())
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [plain(v) for v in value]
        return value

    from pyxl.plan import templates_dir

    context_file = work / "plan_context.pickle"
    context_file.write_bytes(pickle.dumps(plain(seen["context"])))
    return templates_dir() / str(seen["template"]), context_file


def bench_plan(env: dict[str, str], rounds: int, work: Path) -> None:
    print(f"\n== plan of one document, whole process ({load()})")
    template, context = plan_context(work)
    sample = str(ROOT / "samples" / f"{PLAN_SAMPLE}.xlsx")
    parbook = [sys.executable, "-m", "pyxl", "plan", sample, "-o", str(work / "plan.docx"), "--overwrite"]
    got = compare({"docxtpl": [sys.executable, "-c", DOCXTPL, str(template), str(context), str(work / "tpl.docx")],
                   "plan": parbook}, env, rounds)
    cold = compare({"plan": parbook}, {**env, "PARBOOK_CACHE_DIR": ""}, max(3, rounds // 2))["plan"]
    print(f"{PLAN_SAMPLE}.xlsx → {template.name}")
    print(line("plain docxtpl script (context given)", got["docxtpl"]))
    print(line("parbook plan (reads, checks, plans)", got["plan"]))
    print(line("parbook plan, no template cache", cold))
    print(f"  ratio docxtpl/plan: {got['docxtpl']['best'] / got['plan']['best']:.2f}× wall, "
          f"{got['docxtpl']['cpu'] / got['plan']['cpu']:.2f}× CPU   (target > 1: plan faster)")


def province(count: int) -> Path:
    import build_district_sample

    stamp = int(Path(build_district_sample.__file__).stat().st_mtime)
    path = WORK / f"province-{count}-{stamp}.xlsx"
    if not path.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        build_district_sample.build(path, build_district_sample.synthetic_communes(count))
        print(f"  (built {path.name} in {time.perf_counter() - start:.0f} s)")
    return path


def docxtpl_seconds(workbook: Path, work: Path) -> tuple[float, float]:
    """(seconds per document of the plain docxtpl loop, floor seconds per document) on the first communes."""
    from docxtpl import DocxTemplate
    from python_calamine import CalamineWorkbook

    from pyxl.merge.sources import find_source, read_unit
    from pyxl.plan import build_context, compile_template, default_template

    units = [u for u in find_source(workbook).units if u.problem is None][:FLOOR_DOCUMENTS]
    contexts = []
    for unit in units:
        table, front = read_unit(unit, AS_OF)
        if table.kind == "scores":
            contexts.append(build_context(table, front, "criterion", False))
    template = default_template("scores", "criterion")
    start = time.perf_counter()
    for n, context in enumerate(contexts[:DOCXTPL_DOCUMENTS]):
        document = DocxTemplate(str(template))
        document.render(context, autoescape=True)
        document.save(str(work / f"docxtpl_{n}.docx"))
    loop = (time.perf_counter() - start) / min(len(contexts), DOCXTPL_DOCUMENTS)
    compiled = compile_template(template)
    rendered = [compiled.render_bytes(context) for context in contexts]
    book = CalamineWorkbook.from_path(str(workbook))
    start = time.perf_counter()
    for unit in units:
        book.get_sheet_by_name(unit.sheet).to_python()
    read = (time.perf_counter() - start) / len(units)
    write = _zip_floor(template, rendered, work)
    return loop, read + write


def _zip_floor(template: Path, rendered: list[bytes], work: Path) -> float:
    """Seconds per document to write each rendered .docx with the least work a zip allows: only the parts
    that differ from the template's are deflated; the others (styles.xml alone is 350 KB of XML) are
    copied as the template holds them compressed. The parts' XML is taken as given (rendering is not
    floor work)."""
    from pyxl.plan.docxzip import RENDERED_LEVEL, ZipWriter

    with zipfile.ZipFile(template) as source:
        kept = {info.filename: (source.read(info), info) for info in source.infolist()}
    raw = _compressed_parts(template)
    parts = []
    for data in rendered:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts.append([(info.filename, archive.read(info)) for info in archive.infolist()])
    start = time.perf_counter()
    for n, members in enumerate(parts):
        writer = ZipWriter()
        for name, data in members:
            same = kept.get(name)
            if same is not None and same[0] == data:
                writer.add_compressed(name, same[1].compress_type, same[1].CRC, raw[name], same[1].file_size)
            else:
                writer.add(name, data, RENDERED_LEVEL)
        (work / f"floor_{n}.docx").write_bytes(writer.getvalue())
    return (time.perf_counter() - start) / len(parts)


def _compressed_parts(template: Path) -> dict[str, bytes]:
    """Each member's compressed bytes as stored in the template (read from its local headers)."""
    import struct

    blob = template.read_bytes()
    found = {}
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        for info in archive.infolist():
            name_len, extra_len = struct.unpack("<HH", blob[info.header_offset + 26:info.header_offset + 30])
            start = info.header_offset + 30 + name_len + extra_len
            found[info.filename] = blob[start:start + info.compress_size]
    return found


def bench_merge(sizes: list[int], env: dict[str, str], work: Path) -> None:
    print(f"\n== merge ({load()})")
    rows = []
    for count in sizes:
        workbook = province(count)
        loop, floor = docxtpl_seconds(workbook, work)
        out = work / f"merge-{count}"
        _, _, _, printed = process([sys.executable, "-c", MERGE, str(workbook), str(out)], env)
        got = json.loads(printed.decode().strip().splitlines()[-1])
        plans, wall = got["plans"], got["wall"]
        cpu = got["parent_cpu"] + got["workers_cpu"]
        rows.append((count, plans, wall))
        print(f"{count:,} communes: {plans:,} plans + Tổng hợp.xlsx in {wall:.1f} s ({load()})")
        print(f"  docxtpl loop, same template and contexts: {loop * 1000:.0f} ms/document → {loop * plans:.0f} s "
              f"for {plans:,}; ratio {loop * plans / wall:.1f}×   (target ≥ 12× at 3,300)")
        print(f"  peak memory: parent {got['parent_peak'] / 2**20:.0f} MB, largest worker "
              f"{got['workers_peak'] / 2**20:.0f} MB   (target < 200 MB)")
        print(f"  per document: {wall / plans * 1000:.1f} ms wall, {cpu / plans * 1000:.1f} ms CPU (parent "
              f"{got['parent_cpu']:.1f} s, workers {got['workers_cpu']:.1f} s); floor {floor * 1000:.2f} ms "
              f"(calamine read + zip of the changed parts): {cpu / plans / floor:.1f}× the floor")
    if len(rows) > 1:
        per = ", ".join(f"{count:,}: {wall / plans * 1000:.1f} ms" for count, plans, wall in rows)
        print(f"  linearity, wall per plan: {per}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="150,1000,3300", help="communes per merge, comma-separated")
    parser.add_argument("--rounds", type=int, default=7, help="runs of each short process")
    parser.add_argument("--skip", default="", help="parts to leave out: check, plan, merge")
    parser.add_argument("--instructions", action="store_true",
                        help="check: also count instructions under valgrind (slow; load-independent figures)")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]} on {sys.platform}; {load()}")
    with tempfile.TemporaryDirectory(prefix="parbook-bench-") as tmp:
        work = Path(tmp)
        env = environment(work / "template-cache")
        skip = set(args.skip.split(","))
        if "check" not in skip:
            bench_check(env, args.rounds, args.instructions and shutil.which("valgrind") is not None)
        if "plan" not in skip:
            bench_plan(env, args.rounds, work)
        if "merge" not in skip:
            bench_merge([int(n) for n in args.sizes.split(",") if n], env, work)
    print(f"\nDone; {load()}")


if __name__ == "__main__":
    main()
