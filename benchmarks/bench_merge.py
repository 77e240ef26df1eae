"""Benchmark `parbook merge` against a plain docxtpl loop on the same template and data.

Run: python benchmarks/bench_merge.py [COMMUNES]   (default 3,300; prints figures and ratios, asserts nothing)

- docxtpl loop: `DocxTemplate(path).render(context); .save(out)` for each commune, with the
  contexts built beforehand (so it times rendering only, its best case);
- parbook renderer: the same contexts through `compile_template(path).render_bytes`, one process;
- parbook merge: the whole `merge()` of a district workbook with COMMUNES sheets: reading every table,
  checking it, rendering and writing every plan across processes, and the Tổng hợp workbook.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from docxtpl import DocxTemplate  # noqa: E402

import build_district_sample  # noqa: E402
from pyxl.merge import merge  # noqa: E402
from pyxl.merge.sources import find_source, read_unit  # noqa: E402
from pyxl.files import atomic_write_bytes  # noqa: E402
from pyxl.plan import build_context, compile_template, default_template  # noqa: E402

AS_OF = date(2026, 1, 15)
DOCXTPL_DOCUMENTS = 60  # docxtpl is slow: enough documents for a steady rate


def contexts(workbook: Path) -> list[dict]:
    """The template contexts of the first communes."""
    built = []
    for unit in find_source(workbook).units[:DOCXTPL_DOCUMENTS]:
        table, front = read_unit(unit, AS_OF)
        built.append(build_context(table, front, "criterion", False))
    return built


def docxtpl_rate(given: list[dict], work: Path) -> float:
    """Documents per second of the plain docxtpl loop."""
    template = default_template("scores", "criterion")
    start = time.perf_counter()
    for n, context in enumerate(given):
        document = DocxTemplate(str(template))
        document.render(context)
        document.save(str(work / f"docxtpl_{n}.docx"))
    return len(given) / (time.perf_counter() - start)


def compiled_rate(given: list[dict], work: Path) -> float:
    """Documents per second of parbook's compiled template in one process, same contexts, same writes."""
    start = time.perf_counter()
    template = compile_template(default_template("scores", "criterion"))
    for n, context in enumerate(given):
        atomic_write_bytes(work / f"compiled_{n}.docx", template.render_bytes(context))
    return len(given) / (time.perf_counter() - start)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3300
    print(f"CPUs: {os.cpu_count()}; communes: {count:,}")
    with tempfile.TemporaryDirectory(prefix="parbook-bench-") as tmp:
        work = Path(tmp)
        workbook = work / "province.xlsx"
        start = time.perf_counter()
        build_district_sample.build(workbook, build_district_sample.synthetic_communes(count))
        print(f"built the workbook: {time.perf_counter() - start:.1f} s, {workbook.stat().st_size / 1e6:.1f} MB")

        given = contexts(workbook)
        loop = docxtpl_rate(given, work)
        print(f"docxtpl loop        : {loop:8.1f} documents/s  ({len(given)} documents, contexts given)")
        one = compiled_rate(given, work)
        print(f"parbook renderer    : {one:8.1f} documents/s  (one process, same contexts: {one / loop:.1f}×)")

        start = time.perf_counter()
        result = merge(workbook, work / "out", as_of=AS_OF)
        elapsed = time.perf_counter() - start
        plans = sum(1 for o in result.outcomes if o.has_plan)
        rate = plans / elapsed
        print(f"parbook merge       : {rate:8.1f} documents/s  ({plans:,} plans + Tổng hợp.xlsx in {elapsed:.1f} s, "
              "reading and checking included)")
        print(f"ratio merge/docxtpl : {rate / loop:8.1f}×  (target ≥ 10×)")
        print(f"{count:,} communes     : {elapsed:8.1f} s   (target < 60 s)")


if __name__ == "__main__":
    main()
