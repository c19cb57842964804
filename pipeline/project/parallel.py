"""Run independent per-document work on every core, results in input order."""

from __future__ import annotations

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
    with ProcessPoolExecutor(max_workers=cores) as pool:
        for result, added in pool.map(
            functools.partial(_with_memo, function), items, chunksize=chunk
        ):
            memo.merge(added)
            yield result


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
