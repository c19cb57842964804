"""The sample project copied, and the web app on it behind Starlette's test client."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

with warnings.catch_warnings():  # Starlette 1.10 asks for httpx2; httpx still serves
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from pipeline.cli.options import resolve_config
from pipeline.web.app import create_app
from tests.conftest import copy_of_the_project

BASE = "http://127.0.0.1:8750"


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy_of_the_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def client(sample: Path) -> TestClient:
    return TestClient(create_app(resolve_config(None)), base_url=BASE)
