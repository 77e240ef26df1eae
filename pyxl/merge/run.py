"""Run a merge: read every commune's table, render its plan, write the summary; across processes.

The Word template is compiled once in the parent (so a broken template stops the run before any
work) and once in each worker (its initializer unpickles it, which compiles it). Workers are
top-level functions with picklable arguments, so the pool works with the spawn start method
(Windows). Each file is written whole through `atomic_path`; workers ignore Ctrl+C and finish the
document they are on while the parent cancels the rest, so an interrupted run leaves complete files.
"""
from __future__ import annotations

import dataclasses
import os
import signal
import sys
import threading
import zipfile
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Iterator

from tqdm import tqdm

from pyxl.core.errors import ParbookError
from pyxl.files import TEMP_PREFIX, atomic_path, atomic_write_bytes
from pyxl.core.model import SCORES, TASKS
from pyxl.plan import (
    CompiledTemplate,
    build_context,
    compile_template,
    complete_front,
    default_file_name,
    default_template,
    require_soffice,
)
from pyxl.plan.frontmatter import LABELS
from pyxl.merge.fields import lost_by_field
from pyxl.merge.names import distinct_parts, safe_part
from pyxl.merge.pdf import convert_batch
from pyxl.merge.result import FAILED, KEPT, MISSING, WRITTEN, MergeResult, Outcome
from pyxl.merge.sources import Unit, find_source, read_unit, select
from pyxl.merge.summary import SUMMARY_NAME, write_summary

Progress = Callable[[int, int], None]
_IN_PROCESS_BELOW = 16  # fewer communes are done before worker processes would have started
_MAX_CHUNK = 32
_BLANK_FIELDS = ("unit", "number", "issued", "signer")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Options:
    """What every worker needs: the compiled templates and how to write."""

    templates: dict[str, CompiledTemplate]
    by: str
    all_items: bool
    out_dir: Path
    overwrite: bool
    pdf: bool
    as_of: date | None


@dataclass(frozen=True)
class Job:
    """One commune to do, with the distinct file-name part chosen for it."""

    unit: Unit
    part: str


_WORKER_OPTIONS: Options | None = None


def _init_worker(options: Options) -> None:
    """Pool initializer: keep the options (templates compiled on unpickling); leave Ctrl+C to the parent."""
    global _WORKER_OPTIONS
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_OPTIONS = options


def do_chunk(jobs: list[Job], options: Options | None = None) -> list[Outcome]:
    """Do a few communes (one task of the pool: fewer round trips than one commune a task)."""
    options = options or _WORKER_OPTIONS
    assert options is not None, "do_chunk runs in a worker started by _init_worker"
    outcomes = [do_one(job, options) for job in jobs]
    if options.pdf:
        outcomes = _with_pdfs(outcomes, options)
    return outcomes


def do_one(job: Job, options: Options) -> Outcome:
    """Read one commune's table and write its plan, unless the file is there and overwrite is off."""
    unit = job.unit
    base = Outcome(unit.name, FAILED, source=unit.path, sheet=unit.sheet, listed=unit.listed)
    try:
        table, front = read_unit(unit, options.as_of)
    except ParbookError as error:
        return dataclasses.replace(base, message=error.message)
    except Exception as error:  # one commune's surprise must not stop a province's run
        return dataclasses.replace(base, message=f"Lỗi khi đọc bảng: {type(error).__name__}: {error}")
    completed, _ = complete_front(front, table)
    read = dataclasses.replace(
        base, sheet=table.sheet, kind=table.kind, totals=table.totals, findings=table.findings,
        lost_by_field=lost_by_field(table) if table.kind == SCORES else {},
        blanks=tuple(LABELS[name] for name in _BLANK_FIELDS if not getattr(completed, name)),
    )
    target = options.out_dir / default_file_name(table, dataclasses.replace(completed, unit=job.part), options.by)
    if target.exists() and not options.overwrite:
        return dataclasses.replace(read, status=KEPT, documents=(target,))
    try:
        context = build_context(table, front, options.by, options.all_items)
        atomic_write_bytes(target, options.templates[table.kind].render_bytes(context), options.overwrite)
    except ParbookError as error:
        return dataclasses.replace(read, message=error.message)
    except Exception as error:
        return dataclasses.replace(read, message=f"Lỗi khi viết kế hoạch: {type(error).__name__}: {error}")
    return dataclasses.replace(read, status=WRITTEN, documents=(target,))


def _with_pdfs(outcomes: list[Outcome], options: Options) -> list[Outcome]:
    wanted = [o.documents[0] for o in outcomes if o.has_plan
              and (options.overwrite or not o.documents[0].with_suffix(".pdf").exists())]
    problems = convert_batch(wanted, options.overwrite)
    done = []
    for outcome in outcomes:
        if not outcome.has_plan:
            done.append(outcome)
            continue
        document = outcome.documents[0]
        if document in problems:
            message = f"Đã có tệp Word nhưng không xuất được PDF: {problems[document]}"
            done.append(dataclasses.replace(outcome, status=FAILED, message=message))
        else:
            done.append(dataclasses.replace(outcome, documents=(document, document.with_suffix(".pdf"))))
    return done


# -- the parent ----------------------------------------------------------------------------------

def run_merge(source: str | os.PathLike[str], out_dir: str | os.PathLike[str], by: str = "criterion",
              pdf: bool = False, zip_output: bool = False, only: list[str] | None = None, jobs: int | None = None,
              overwrite: bool = False, progress: Progress | None = None, roster: str | os.PathLike[str] | None = None,
              as_of: date | None = None, all_items: bool = False) -> MergeResult:
    """See `pyxl.merge.merge`."""
    found = find_source(source, roster)
    if only:
        found = select(found, list(only))
    templates = {SCORES: compile_template(default_template(SCORES, by)), TASKS: compile_template(default_template(TASKS))}
    if pdf:
        require_soffice()  # before any work, not once per worker
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(out)
    parts = distinct_parts([unit.name for unit in found.units])
    todo = [Job(unit, part) for unit, part in zip(found.units, parts)]
    options = Options(templates, by, all_items, out, overwrite, pdf, as_of)
    outcomes = _run(todo, options, jobs, progress)
    outcomes += [Outcome(name, MISSING, listed=True) for name in found.missing]
    result = MergeResult(found.path, out, tuple(outcomes), roster=found.roster, unlisted=found.unlisted,
                         notes=found.notes)
    summary = out / SUMMARY_NAME
    kept = []
    if summary.exists() and not overwrite:
        kept.append(summary)
    else:
        write_summary(result, summary, overwrite, as_of)
    result = dataclasses.replace(result, summary=summary)
    if zip_output:
        archive = archive_path(result)
        if archive.exists() and not overwrite:
            kept.append(archive)
        else:
            write_archive(result, archive, overwrite)
        result = dataclasses.replace(result, archive=archive)
    return dataclasses.replace(result, kept_files=tuple(kept))


def _chunks(todo: list[Job], workers: int) -> list[list[Job]]:
    size = max(1, min(_MAX_CHUNK, len(todo) // (workers * 8)))
    return [todo[i : i + size] for i in range(0, len(todo), size)]


def _run(todo: list[Job], options: Options, jobs: int | None, progress: Progress | None) -> list[Outcome]:
    workers = max(1, jobs if jobs else min(os.cpu_count() or 1, 61))  # 61: the Windows limit of the pool
    in_process = workers == 1 or len(todo) < 2 or (jobs is None and len(todo) < _IN_PROCESS_BELOW)
    workers = 1 if in_process else workers
    total = len(todo)
    bar = tqdm(total=total, unit=" đơn vị", desc="Lập kế hoạch", disable=None, file=sys.stderr, smoothing=0.05)

    def advance(count: int, done: int) -> None:
        bar.update(count)
        if progress is not None:
            progress(done, total)

    if progress is not None:
        progress(0, total)
    try:
        with _terminate_as_interrupt():
            chunks = _chunks(todo, workers)
            if in_process:
                outcomes = []
                for chunk in chunks:
                    outcomes += do_chunk(chunk, options)
                    advance(len(chunk), len(outcomes))
                return outcomes
            return _in_pool(chunks, options, workers, advance)
    finally:
        bar.close()


def _in_pool(chunks: list[list[Job]], options: Options, workers: int,
             advance: Callable[[int, int], None]) -> list[Outcome]:
    results: list[list[Outcome] | None] = [None] * len(chunks)
    done = 0
    pool = ProcessPoolExecutor(max_workers=min(workers, len(chunks)), initializer=_init_worker, initargs=(options,))
    try:
        pending = {pool.submit(do_chunk, chunk): n for n, chunk in enumerate(chunks)}
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                n = pending.pop(future)
                results[n] = future.result()
                done += len(chunks[n])
                advance(len(chunks[n]), done)
    except BaseException as error:
        # Ctrl+C or an error: let the workers finish the document they are writing, start no more; a
        # worker that was killed may have left a temporary file, and all of them have stopped now.
        pool.shutdown(wait=True, cancel_futures=True)
        remove_stale_temps(options.out_dir)
        if isinstance(error, BrokenProcessPool):
            raise ParbookError(
                "Một tiến trình lập kế hoạch bị dừng đột ngột (thường do máy hết bộ nhớ). Các tệp đã ghi đều đầy "
                "đủ; hãy chạy lại lệnh (thêm --jobs 1 nếu máy yếu), các kế hoạch đã có sẽ được giữ nguyên."
            ) from error
        raise
    pool.shutdown(wait=True)
    return [outcome for chunk in results if chunk for outcome in chunk]


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """While running, `kill` (SIGTERM) stops the run like Ctrl+C: cleanly, leaving complete files."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGTERM"):
        yield
        return

    def interrupt(signum, frame):  # noqa: ARG001 - the signal handler's signature
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def remove_stale_temps(folder: Path) -> list[Path]:
    """Remove temporary files a killed run left in folder (a run stopped by Ctrl+C leaves none)."""
    stale = sorted(folder.glob(TEMP_PREFIX + "*"))
    for path in stale:
        path.unlink(missing_ok=True)
    return stale


def archive_path(result: MergeResult) -> Path:
    """Where the .zip goes: the output folder, named after the source."""
    stem = result.source.stem if result.source.is_file() else result.source.name
    return result.out_dir / f"{safe_part(stem)}.zip"


def write_archive(result: MergeResult, target: Path, overwrite: bool = False) -> Path:
    """A .zip of the plans and the summary, with fixed timestamps (the same run gives the same bytes)."""
    files = [doc for outcome in result.outcomes if outcome.has_plan for doc in outcome.documents]
    if result.summary is not None:
        files.append(result.summary)
    with atomic_path(target, overwrite) as tmp:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in files:
                info = zipfile.ZipInfo(path.name, date_time=_ZIP_TIME)
                info.create_system = 3
                info.external_attr = 0o100644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes())
    return target
