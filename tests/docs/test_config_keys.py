"""The configuration schema is what the validators accept: every documented key loads,
its documented default changes nothing, and a key it does not document is refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.checks.registry import resolve
from pipeline.project.config import Config, load_config
from pipeline.project.errors import PipelineError
from pipeline.project.schema import SECTIONS, Key

from .generate import ROOT

KEYS = [(section, key) for section, keys in SECTIONS.items() for key in keys]
# A key that needs another beside it to load.
COMPANIONS = {("tool.pipeline.brand", "logo"): 'logo-alt = "Our logo"'}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with the files the schema's examples name."""
    for name in ("brand/logo.svg", "brand/body.ttf", "brand/heading.ttf", "brand/extra.css"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / "brand" / "templates").mkdir()
    (tmp_path / "memory").mkdir()
    (tmp_path / "memory" / "da.po").write_text('msgid ""\nmsgstr ""\n')
    (tmp_path / "source").mkdir()
    shutil.copy(ROOT / "source" / "glossary.tbx", tmp_path / "source" / "glossary.tbx")
    return tmp_path


def _load(root: Path, section: str, *lines: str) -> Config:
    pyproject = root / "pyproject.toml"
    pyproject.write_text("\n".join([f"[{section}]", *lines, ""]), encoding="utf-8")
    return load_config(pyproject, {})


def _id(item: tuple[str, Key]) -> str:
    return f"{item[0]}:{item[1].name}"


@pytest.mark.parametrize("item", KEYS, ids=[_id(item) for item in KEYS])
def test_documented_key_loads(item: tuple[str, Key], project: Path) -> None:
    section, key = item
    assert key.sample, f"{section} {key.name} needs a default or an example"
    companion = COMPANIONS.get((section, key.name), "")
    _load(project, section, f"{key.name} = {key.sample}", companion)


@pytest.mark.parametrize("item", [item for item in KEYS if item[1].default], ids=_id)
def test_documented_default_is_the_default(item: tuple[str, Key], project: Path) -> None:
    section, key = item
    assert _load(project, section, f"{key.name} = {key.default}") == _load(project, section)


@pytest.mark.parametrize("section", sorted(SECTIONS))
def test_undocumented_key_is_refused(section: str, project: Path) -> None:
    def load() -> None:
        config = _load(project, section, 'zzz-unknown = "x"')
        resolve(config.rules, config.origin)  # rule ids are checked against the registry

    with pytest.raises(PipelineError, match="unknown"):
        load()


@pytest.mark.parametrize(
    "table", sorted({key.name.split(".")[0] for _, key in KEYS if "." in key.name})
)
def test_undocumented_key_of_a_nested_table_is_refused(table: str, project: Path) -> None:
    section = next(s for s, key in KEYS if key.name.startswith(f"{table}."))
    with pytest.raises(PipelineError):
        _load(project, section, f"{table}.zzz-unknown = 1")


def test_misspelt_key_gets_a_hint_naming_the_documented_one(project: Path) -> None:
    with pytest.raises(PipelineError) as raised:
        _load(project, "tool.pipeline.spelling", 'word-list = { en = "words.txt" }')
    assert raised.value.hint == "did you mean 'word-lists'?"
    assert "(known: dictionaries, word-lists" in raised.value.message
