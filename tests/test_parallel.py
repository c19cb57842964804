"""Workers started ahead load what the work reads once, and serve every map after."""

from __future__ import annotations

import os

import pytest

from pipeline.project.parallel import ordered_map, workers_started


def _prepare() -> None:
    os.environ["PIPELINE_TEST_PREPARED"] = str(os.getpid())


def _square(n: int) -> tuple[int, str, int]:
    return n * n, os.environ.get("PIPELINE_TEST_PREPARED", ""), os.getpid()


def test_started_workers_are_prepared_and_serve_every_map(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PIPELINE_JOBS", "2")
    monkeypatch.delenv("PIPELINE_TEST_PREPARED", raising=False)
    with workers_started(_prepare):
        first = list(ordered_map(_square, list(range(40)), minimum=2))
        second = list(ordered_map(_square, list(range(30)), minimum=2))
    assert [n for n, _, _ in first] == [n * n for n in range(40)]  # in order
    assert [n for n, _, _ in second] == [n * n for n in range(30)]
    workers = {pid for _, _, pid in first + second}
    assert os.getpid() not in workers
    assert len(workers) <= 2  # the same two processes, not a pool per map
    assert all(prepared == str(pid) for _, prepared, pid in first + second)
    assert "PIPELINE_TEST_PREPARED" not in os.environ  # prepared there, not here


def test_one_core_starts_nothing_and_maps_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PIPELINE_JOBS", "1")
    with workers_started(_prepare):
        found = list(ordered_map(_square, list(range(10)), minimum=2))
    assert {pid for _, _, pid in found} == {os.getpid()}
    assert [n for n, _, _ in found] == [n * n for n in range(10)]


def _fail() -> None:
    raise OSError("a dictionary that cannot be read")


def test_a_failure_to_prepare_leaves_the_work_to_say_what_is_wrong(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PIPELINE_JOBS", "2")
    with workers_started(_fail):
        found = list(ordered_map(_square, list(range(20)), minimum=2))
    assert [n for n, _, _ in found] == [n * n for n in range(20)]


def _boom(n: int) -> int:
    raise ValueError(f"bad item {n}")


def test_an_error_in_the_work_reaches_the_caller_as_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PIPELINE_JOBS", "2")
    with pytest.raises(ValueError, match="bad item"), workers_started(_prepare):
        list(ordered_map(_boom, list(range(20)), minimum=2))
