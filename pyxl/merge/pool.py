"""The worker processes of a merge, started once when first needed and shared by all of its steps.

Finding what a district workbook's sheets hold and planning its communes run in the same workers,
so each worker opens the workbook once. Tasks are top-level functions with picklable arguments, so
the pool works with the spawn start method (Windows). On Ctrl+C, `kill` (SIGTERM) or any error the
workers finish the document they are on and start no more.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Sequence, TypeVar

from pyxl.core.errors import ParbookError
from pyxl.files import remove_dead_temps

IN_PROCESS_BELOW = 16  # fewer tasks are done before worker processes would have started
_MAX_WORKERS = 61  # the Windows limit of the pool

T = TypeVar("T")


class Workers:
    """Worker processes for one run: how many, and the pool once it is started."""

    def __init__(self, jobs: int | None, initializer: Callable[..., None], out_dir: Path) -> None:
        self.jobs, self.initializer, self.out_dir = jobs, initializer, out_dir
        self.count = max(1, jobs if jobs else min(os.cpu_count() or 1, _MAX_WORKERS))
        self.stop = None  # the run's stop event, set once a write has failed (multiprocessing.Event)
        self._pool: ProcessPoolExecutor | None = None

    def in_process(self, tasks: int) -> bool:
        """Whether tasks are better done in this process: one worker, or (unless jobs were asked for) few tasks."""
        return self.count == 1 or tasks < 2 or (self.jobs is None and tasks < IN_PROCESS_BELOW)

    def run(self, task: Callable[..., T], chunks: Sequence[tuple], done: Callable[[int, T], bool]) -> None:
        """task(*chunk) for each chunk in the workers; done(index, result) as each finishes, True to start no more."""
        pool = self._started(len(chunks))
        try:
            pending: dict[Future, int] = {pool.submit(task, *chunk): n for n, chunk in enumerate(chunks)}
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    if done(pending.pop(future), future.result()):
                        # Start no new task; tasks under way stop at their next commune.
                        self.stop.set()
                        pending = {f: k for f, k in pending.items() if not f.cancel()}
        except BaseException as error:
            # Ctrl+C or an error: let the workers finish the document they are writing, start no more; a
            # worker that was killed may have left a temporary file, and all of them have stopped now.
            pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
            remove_dead_temps(self.out_dir)
            if isinstance(error, BrokenProcessPool):
                raise ParbookError(
                    "Một tiến trình lập kế hoạch bị dừng đột ngột (thường do máy hết bộ nhớ). Các tệp đã ghi đều "
                    "đầy đủ; hãy chạy lại lệnh (thêm --jobs 1 nếu máy yếu), các kế hoạch đã có sẽ được giữ nguyên."
                ) from error
            raise

    def close(self) -> None:
        """Wait for the workers to finish and let them exit."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def _started(self, tasks: int) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context()
            self.stop = context.Event()
            self._pool = ProcessPoolExecutor(max_workers=min(self.count, tasks), mp_context=context,
                                             initializer=self.initializer, initargs=(os.getpid(), self.stop))
        return self._pool


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
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
