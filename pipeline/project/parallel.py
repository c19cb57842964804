"""Run independent per-document work on every core, results in input order."""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import os
import re
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from pipeline.project import memo
from pipeline.project.errors import PipelineError

T = TypeVar("T")
R = TypeVar("R")
# Below this many items, starting worker processes costs more than it saves.
PARALLEL_FROM = 6


def ordered_map(
    function: Callable[[T], R], items: Sequence[T], minimum: int = PARALLEL_FROM
) -> Iterator[R]:
    """`map(function, items)`, spread over worker processes when it pays: from `minimum`
    items, and not inside a worker (which already has its core).

    Workers start as forks of this process (modules and tables already loaded) and
    send back what they added to the memo tables, so the next run finds it.
    """
    cores = jobs()
    if len(items) < minimum or cores < 2 or multiprocessing.parent_process() is not None:
        yield from map(function, items)
        return
    chunk = max(1, len(items) // (cores * 8))
    # The workers start with this process's tables: they send back only what they add
    # (else a late pool sends back every entry merged from the pools before it).
    memo.added()
    with contextlib.ExitStack() as stack:
        pool = _started or stack.enter_context(ProcessPoolExecutor(max_workers=cores))
        for result, added in pool.map(
            functools.partial(_with_memo, function), items, chunksize=chunk
        ):
            memo.merge(added)
            yield result


def begun(function: Callable[[T], R], items: Sequence[T]) -> Callable[[], list[R]] | None:
    """`map(function, items)` sent to the started workers now (see workers_started), so
    this process can go on; the call returned waits for the results, in order. None
    when no workers are started: nothing was sent."""
    pool = _started
    if pool is None:
        return None
    futures = [pool.submit(_with_memo, function, item) for item in items]

    def results() -> list[R]:
        found = []
        for future in futures:
            result, added = future.result()
            memo.merge(added)
            found.append(result)
        return found

    return results


_started: ProcessPoolExecutor | None = None


def started() -> bool:
    """Whether workers are started (workers_started) to take work begun ahead."""
    return _started is not None


@contextlib.contextmanager
def workers_started(prepare: Callable[[], None]) -> Iterator[None]:
    """Start the worker processes now, each running `prepare` (loading what the work
    will read: spaCy, dictionaries) while this process goes on reading; ordered_map
    gives them its work until the block ends. Without a second core, nothing starts."""
    global _started
    if jobs() < 2 or _started is not None or multiprocessing.parent_process() is not None:
        yield
        return
    memo.added()  # as ordered_map: the workers report only what they add
    ahead = functools.partial(_head_start, prepare)
    with ProcessPoolExecutor(max_workers=jobs(), initializer=ahead) as pool:
        pool.submit(int)  # a forked pool starts all its workers at the first task
        _started = pool
        try:
            yield
        except BaseException:
            pool.shutdown(cancel_futures=True)  # the error first, not work begun for later
            raise
        finally:
            _started = None


def _head_start(prepare: Callable[[], None]) -> None:
    """Run `prepare` in a worker; what fails there fails again in the work, which says
    what is wrong (an initializer's error would only break the pool)."""
    with contextlib.suppress(Exception):
        prepare()


def jobs() -> int:
    """Worker processes: PIPELINE_JOBS if set (1 runs everything in this process)."""
    value = os.environ.get("PIPELINE_JOBS")
    if not value:
        return os.cpu_count() or 1
    if not re.fullmatch(r"[0-9]{1,4}", value) or int(value) < 1:
        raise PipelineError(
            f"PIPELINE_JOBS must be a whole number of processes, 1 or more, not '{value}'",
            hint="unset it to use every core",
        )
    return int(value)


def _with_memo(function: Callable[[T], R], item: T) -> tuple[R, dict[str, Any]]:
    return function(item), memo.added()
