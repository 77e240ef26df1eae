"""Run a merge: read every commune's table, render its plan, write the summary; across processes.

The parent lists the communes (for a district workbook it reads only the side sheets; the workers
find what the other sheets hold) and hands them out; the workers read, check and plan them. The
Word template is compiled in the parent (so a broken template stops the run before any work) and
reaches each worker with its tasks (compiled there once, or loaded from `pyxl.plan.cache`). Each
file is written whole through `atomic_path`; workers ignore Ctrl+C and finish the document they are
on while the parent cancels the rest, so an interrupted run leaves complete files.

One run at a time writes into a folder (`folder_lock`). Workers watch their parent and exit when it
is gone (killed), on each task and on a timer. A file that cannot be written for a reason that will
stop the next ones too (a full disk) stops the run: no new commune is started, the summary records
what was done, and `MergeStopped` says what is missing.
"""
from __future__ import annotations

import dataclasses
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Sequence

from tqdm import tqdm

from pyxl.core.errors import ParbookError
from pyxl.files import Inputs, WriteError, atomic_write_bytes, describe_os_error, pid_alive, remove_dead_temps
from pyxl.core.model import SCORES, TASKS
from pyxl.core.progress import table_progress
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
from pyxl.merge.archive import archive_path, write_archive
from pyxl.merge.names import distinct_parts
from pyxl.merge.lock import folder_lock
from pyxl.merge.pdf import convert_batch, stop_conversions
from pyxl.merge.result import FAILED, KEPT, MISSING, STOPPED, WRITTEN, MergeResult, Outcome
from pyxl.merge.pool import Workers, terminate_as_interrupt
from pyxl.merge.sheets import Sheet, survey_sheets
from pyxl.merge.sources import Source, Unit, find_source, read_unit, select, with_choices
from pyxl.readers import close_sheets
from pyxl.merge.stops import MergeStopped, stopped_message, summary_note, unwritten_message, write_problem
from pyxl.merge.summary import SUMMARY_NAME, is_partial
from pyxl.merge.summary_file import SummaryFile

Progress = Callable[[int, int], None]
_MAX_CHUNK = 32
_SURVEY_CHUNK = 64
_BLANK_FIELDS = ("unit", "number", "issued", "signer")
_PARENT_CHECK_SECONDS = 0.5
_ORPHANED = 3  # exit status of a worker whose parent is gone


@dataclass(frozen=True)
class Options:
    """What every task of the workers needs: the compiled templates and how to write."""

    templates: dict[str, CompiledTemplate]
    by: str
    all_items: bool
    out_dir: Path
    overwrite: bool
    pdf: bool
    as_of: date | None
    inputs: Inputs = Inputs()
    clean: bool = False  # suggested text printed plain, not highlighted


@dataclass(frozen=True)
class Job:
    """One commune to do, with the distinct file-name part chosen for it."""

    unit: Unit
    part: str


@dataclass(frozen=True)
class Done:
    """What a chunk of communes gave: their outcomes in order (a prefix of the chunk when it stopped)."""

    outcomes: list[Outcome]
    halt: str = ""  # why the whole run must stop (a file that could not be written), '' to go on


class _WriteFailed(Exception):
    """A plan could not be written for a reason the next plans share (a full disk): stop the run."""

    def __init__(self, outcome: Outcome) -> None:
        super().__init__(outcome.message)
        self.outcome = outcome


_WORKER_STOP = None  # the run's stop event (multiprocessing.Event), set once a write has failed
_WORKER_PARENT: tuple[int, int] | None = None  # the run's process, and this worker's parent process when started


def _init_worker(parent: int, stop) -> None:
    """Pool initializer: leave Ctrl+C to the parent; watch the parent, so that a killed run leaves no
    worker behind."""
    global _WORKER_STOP, _WORKER_PARENT
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A forkserver's workers are the fork server's children; it ends when the run does.
    _WORKER_STOP, _WORKER_PARENT = stop, (parent, os.getppid())
    threading.Thread(target=_watch_parent, name="parbook-parent-watch", daemon=True).start()


def _parent_gone() -> bool:
    if _WORKER_PARENT is None:
        return False
    run, parent = _WORKER_PARENT
    if os.name == "nt":
        return not pid_alive(run)
    return os.getppid() != parent or not pid_alive(run)  # an orphan is adopted by init or a subreaper


def _exit_if_orphaned() -> None:
    if _parent_gone():
        stop_conversions()
        os._exit(_ORPHANED)  # nobody is left to collect the work; atomic writes leave no half file


def _watch_parent() -> None:
    while True:
        time.sleep(_PARENT_CHECK_SECONDS)
        _exit_if_orphaned()


def do_chunk(jobs: list[Job], options: Options) -> Done:
    """Do a few communes (one task of the pool: fewer round trips than one commune a task)."""
    outcomes: list[Outcome] = []
    halt = ""
    for job in jobs:
        _exit_if_orphaned()
        if _WORKER_STOP is not None and _WORKER_STOP.is_set():
            break
        try:
            outcomes.append(do_one(job, options))
        except _WriteFailed as failed:
            outcomes.append(failed.outcome)
            halt = failed.outcome.message
            break
    if options.pdf:
        try:
            outcomes = _with_pdfs(outcomes, options)
        except WriteError as error:  # the disk filled up while copying PDFs: the plans themselves are there
            halt = halt or error.message
    return Done(outcomes, halt)


def do_one(job: Job, options: Options) -> Outcome:
    """Read one commune's table and write its plan, unless the file is there and overwrite is off."""
    unit = job.unit
    base = Outcome(unit.name, FAILED, source=unit.path, sheet=unit.sheet, listed=unit.listed)
    try:
        table, front = read_unit(unit, options.as_of)
    except ParbookError as error:
        return dataclasses.replace(base, message=error.message)
    except OSError as error:  # one commune's file locked or unreadable: the others go on
        return dataclasses.replace(base, message=describe_os_error(error))
    except Exception as error:  # one commune's surprise must not stop a province's run
        return dataclasses.replace(base, message=f"Lỗi khi đọc bảng: {type(error).__name__}: {error}")
    completed, _ = complete_front(front, table)
    read = dataclasses.replace(
        base, sheet=table.sheet, kind=table.kind, totals=table.totals, findings=table.findings,
        lost_by_field=lost_by_field(table) if table.kind == SCORES else {},
        progress=table_progress(table, options.as_of).summary(),  # figures only: sent for every commune
        blanks=tuple(LABELS[name] for name in _BLANK_FIELDS if not getattr(completed, name)),
    )
    target = options.out_dir / default_file_name(table, dataclasses.replace(completed, unit=job.part), options.by)
    try:
        options.inputs.refuse(target)
    except ParbookError as error:
        return dataclasses.replace(read, message=error.message)
    if target.exists() and not options.overwrite:
        return dataclasses.replace(read, status=KEPT, documents=(target,))
    try:
        context = build_context(table, front, options.by, options.all_items, clean=options.clean)
        atomic_write_bytes(target, options.templates[table.kind].render_bytes(context), options.overwrite)
    except WriteError as error:
        message, stops = write_problem(target, error)
        if stops:  # a full disk or a read-only folder fails every commune alike: stop the run
            raise _WriteFailed(dataclasses.replace(read, status=STOPPED, message=message)) from error
        return dataclasses.replace(read, message=message)
    except ParbookError as error:
        return dataclasses.replace(read, message=error.message)
    except Exception as error:
        return dataclasses.replace(read, message=f"Lỗi khi viết kế hoạch: {type(error).__name__}: {error}")
    return dataclasses.replace(read, status=WRITTEN, documents=(target,), suggested=context["plan"]["suggested"])


def survey_chunk(path: Path, names: Sequence[str]) -> list[Sheet]:
    """What a few sheets of a district workbook hold (one task of the pool)."""
    _exit_if_orphaned()
    return survey_sheets(path, names)


def _with_pdfs(outcomes: list[Outcome], options: Options) -> list[Outcome]:
    wanted, problems = [], {}
    for outcome in outcomes:
        document = outcome.documents[0] if outcome.has_plan else None
        if document is None or (document.with_suffix(".pdf").exists() and not options.overwrite):
            continue
        try:
            options.inputs.refuse(document.with_suffix(".pdf"))
            wanted.append(document)
        except ParbookError as error:
            problems[document] = error.message
    problems.update(convert_batch(wanted, options.overwrite))
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
              as_of: date | None = None, all_items: bool = False, year: int | None = None,
              sheet: str | None = None, clean: bool = False) -> MergeResult:
    """See `pyxl.merge.merge`."""
    template_paths = {SCORES: default_template(SCORES, by), TASKS: default_template(TASKS)}
    templates = {kind: compile_template(path) for kind, path in template_paths.items()}
    if pdf:
        require_soffice()  # before any work, not once per worker
    out = Path(out_dir)
    workers = Workers(jobs, _init_worker, out)
    try:
        with terminate_as_interrupt():
            found = with_choices(find_source(source, roster, _survey(workers)), year, sheet)
            if only:
                found = select(found, list(only))
            inputs = _inputs(found, roster, list(template_paths.values()))
            inputs.refuse(out / SUMMARY_NAME)
            out.mkdir(parents=True, exist_ok=True)
            with folder_lock(out, found.path):
                remove_dead_temps(out)
                parts = distinct_parts([unit.name for unit in found.units])
                todo = [Job(unit, part) for unit, part in zip(found.units, parts)]
                options = Options(templates, by, all_items, out, overwrite, pdf, as_of, inputs, clean)
                summary = _open_summary(out / SUMMARY_NAME, overwrite, found.path)
                try:
                    outcomes, halt = _run(todo, options, workers, progress, summary)
                    workers.close()
                    close_sheets()  # the source may be saved again while the summary is written
                    outcomes += [Outcome(name, MISSING, listed=True) for name in found.missing]
                    result = MergeResult(found.path, out, tuple(outcomes), roster=found.roster,
                                         unlisted=found.unlisted, notes=found.notes, stopped=halt)
                    return _write_files(result, zip_output, overwrite, as_of, inputs, summary)
                finally:
                    if summary is not None:
                        summary.discard()  # a run stopped by Ctrl+C or an error leaves no temporary file
    finally:
        workers.close()
        close_sheets()


def _survey(workers: Workers) -> Callable[[Path, Sequence[str]], list[Sheet]]:
    """survey_sheets in the workers, unless the sheets are few (see `Workers.in_process`)."""
    def survey(path: Path, names: Sequence[str]) -> list[Sheet]:
        if workers.in_process(len(names)):
            return survey_sheets(path, names)
        size = max(1, min(_SURVEY_CHUNK, len(names) // (workers.count * 4)))
        chunks = [(path, names[i : i + size]) for i in range(0, len(names), size)]
        found: list[list[Sheet]] = [[] for _ in chunks]

        def done(n: int, sheets: list[Sheet]) -> bool:
            found[n] = sheets
            return False

        workers.run(survey_chunk, chunks, done)
        return [sheet for sheets in found for sheet in sheets]

    return survey


def _inputs(found: Source, roster: str | os.PathLike[str] | None, templates: list[Path]) -> Inputs:
    """Every file the run reads: no output may replace one of them."""
    sources = [found.path] if found.path.is_file() else sorted({unit.path for unit in found.units if unit.path})
    return Inputs.of({"tệp nguồn": sources, "danh sách đơn vị": roster, "mẫu Word": templates})


def _open_summary(path: Path, overwrite: bool, source: Path) -> SummaryFile | None:
    """The summary, opened to be written as the communes come back; None when it is kept (there already,
    no --overwrite) or cannot be made now (then `_write_files` tries again and says why)."""
    replace = overwrite or is_partial(path)  # a stopped run's summary is replaced by the next run's
    if path.exists() and not replace:
        return None
    try:
        return SummaryFile(path, replace, source, path.parent)
    except WriteError:
        return None


def _write_files(result: MergeResult, zip_output: bool, overwrite: bool, as_of: date | None,
                 inputs: Inputs, opened: SummaryFile | None = None) -> MergeResult:
    """The summary (and archive) of a run; MergeStopped when the run stopped or they cannot be written."""
    summary = result.out_dir / SUMMARY_NAME
    kept, problem = [], ""
    try:
        replace = overwrite or is_partial(summary)
        if opened is None and summary.exists() and not replace:
            kept.append(summary)
        else:
            (opened or SummaryFile(summary, replace, result.source, result.out_dir)).finish(result, as_of)
    except WriteError as error:
        problem = write_problem(summary, error)[0]
    result = dataclasses.replace(result, summary=None if problem else summary, kept_files=tuple(kept))
    plans = sum(1 for o in result.outcomes if o.has_plan)
    if result.stopped:
        raise MergeStopped(stopped_message(result, summary_note(summary, not kept, problem)), result)
    if problem:
        raise MergeStopped(unwritten_message(summary, problem, plans), result)
    if zip_output:
        archive = archive_path(result)
        inputs.refuse(archive)
        try:
            if archive.exists() and not overwrite:
                kept.append(archive)
            else:
                write_archive(result, archive, overwrite)
        except WriteError as error:
            raise MergeStopped(unwritten_message(archive, write_problem(archive, error)[0], plans), result) from error
        result = dataclasses.replace(result, archive=archive, kept_files=tuple(kept))
    return result


def _chunks(todo: list[Job], workers: int) -> list[list[Job]]:
    """The tasks of a run: chunks of communes, smaller towards the end when there are several workers, so
    that no worker is left with a long chunk while the others have nothing more to do."""
    size = max(1, min(_MAX_CHUNK, len(todo) // (workers * 8)))
    chunks, start = [], 0
    while start < len(todo):
        left = len(todo) - start
        step = size if workers == 1 else max(1, min(size, left // (workers * 4)))
        chunks.append(todo[start : start + step])
        start += step
    return chunks


def _run(todo: list[Job], options: Options, workers: Workers, progress: Progress | None,
         summary: SummaryFile | None = None) -> tuple[list[Outcome], str]:
    """Every commune's outcome in order, and why the run stopped ('' when it did every one); each chunk's
    outcomes go to the summary as they come back."""
    in_process = workers.in_process(len(todo))
    total = len(todo)
    bar = tqdm(total=total, unit=" đơn vị", desc="Lập kế hoạch", disable=None, file=sys.stderr, smoothing=0.05)
    done_count = 0
    if progress is not None:
        progress(0, total)
    try:
        chunks = _chunks(todo, 1 if in_process else workers.count)
        results: list[Done | None] = [None] * len(chunks)

        def finished(n: int, done: Done) -> bool:
            """Chunk n is done: counted, its outcomes to the summary; True when the run must stop."""
            nonlocal done_count
            results[n] = done
            done_count += len(chunks[n])
            bar.update(len(chunks[n]))
            if progress is not None:
                progress(done_count, total)
            if summary is not None:
                summary.add_chunk(n, done.outcomes, len(done.outcomes) == len(chunks[n]))
            return bool(done.halt)

        if in_process:
            for n, chunk in enumerate(chunks):
                if finished(n, do_chunk(chunk, options)):
                    break
        else:
            workers.run(do_chunk, [(chunk, options) for chunk in chunks], finished)
        return _assemble(chunks, results)
    finally:
        bar.close()


def _assemble(chunks: list[list[Job]], results: list[Done | None]) -> tuple[list[Outcome], str]:
    """The outcomes of all chunks in order, communes a stopped run did not reach marked STOPPED."""
    outcomes: list[Outcome] = []
    halt = next((done.halt for done in results if done and done.halt), "")
    for chunk, done in zip(chunks, results):
        got = done.outcomes if done else []
        outcomes += got
        for job in chunk[len(got):]:
            outcomes.append(Outcome(job.unit.name, STOPPED, source=job.unit.path, sheet=job.unit.sheet,
                                    listed=job.unit.listed, message="Chưa lập: lần chạy đã dừng vì lỗi ghi tệp."))
    return outcomes, halt
