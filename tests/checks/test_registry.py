"""Meta-tests that keep the rule registry honest (proselint, yamllint, Ruff)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from pipeline.catalogs.messages import CatalogMessage, Rendering
from pipeline.checks.consistency import Corpus
from pipeline.checks.registry import FAMILY_MODULES, Rule, all_rules, resolve
from pipeline.checks.runner import run
from pipeline.checks.spelling_evidence import evidence_only
from pipeline.checks.suppressions import apply, markdown_suppressions
from pipeline.project.config import SpellingSettings, Target
from pipeline.readability.levels import score_source, score_translation
from pipeline.source.markdown import read_document
from pipeline.source.units import split_units
from pipeline.terms.glossary import load_glossary
from pipeline.terms.occurrences import (
    Matchers,
    TranslationEntry,
    agrees_with_glossary,
    term_text,
    term_uses,
)

from ..test_terms import GLOSSARY

EXAMPLES = tomllib.loads((Path(__file__).parent / "examples.toml").read_text())
MATCHERS = Matchers(GLOSSARY)
# Acronyms with their full forms: the project's own glossary has them.
REPO = Path(__file__).parents[2]
ACRONYMS = load_glossary(REPO / "source" / "glossary.tbx", "source/glossary.tbx")
RULES = all_rules()


def test_every_rule_id_is_well_formed_and_lives_in_its_family_modules() -> None:
    for rule in RULES:
        assert re.fullmatch(r"[a-z][a-z0-9]*/[a-z0-9-]+", rule.id)
        # A family's module, or one on a topic of it when it grows long (translation_language)
        module = rule.check.__module__
        assert module == f"pipeline.checks.{rule.family}" or module.startswith(
            f"pipeline.checks.{rule.family}_"
        )


def test_every_module_that_declares_rules_is_loaded_with_the_registry() -> None:
    # Rules register on import, and the registry imports only FAMILY_MODULES: a module
    # left out would have its rules silently never run.
    declaring = {
        path.stem
        for path in (REPO / "pipeline" / "checks").glob("*.py")
        if re.search(r"^@rule\(", path.read_text(encoding="utf-8"), re.MULTILINE)
    }
    assert declaring == set(FAMILY_MODULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_documents_itself(rule: Rule) -> None:
    assert 0 < len(rule.summary) <= 80
    for heading in ("Why:", "Example (da", "Example (en", "Instead:"):
        assert heading in rule.explanation, heading


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_has_failing_and_passing_examples(rule: Rule, tmp_path: Path) -> None:
    examples = EXAMPLES.get(rule.id)
    assert examples, f"add {rule.id} to tests/checks/examples.toml"
    assert examples["fail"]
    assert examples["pass"]
    for example in examples["fail"]:
        assert findings(rule, example, tmp_path), f"expected a finding: {example}"
    for example in examples["pass"]:
        assert not findings(rule, example, tmp_path), f"expected none: {example}"


def findings(rule: Rule, example: dict[str, Any], tmp_path: Path) -> list[str]:
    active = [a for a in resolve({}) if a.rule.id == rule.id]
    if rule.target == "suppression":
        return unused_suppressions(example, tmp_path)
    subject = SUBJECTS[rule.target](example, tmp_path)
    glossary = ACRONYMS if rule.target == "uses" else GLOSSARY
    found = run(active, {rule.target: [subject]}, glossary, ("da", "en"), SpellingSettings())
    return [f.message for f in found if not evidence_only(f)]  # a run's take_terms drops them


def document(text: str, lang: str, tmp_path: Path, name: str = "doc"):  # type: ignore[no-untyped-def]
    path = tmp_path / f"{name}.md"
    path.write_text(f"---\nlang: {lang}\n---\n\n{text}\n")
    return path, tuple(split_units(read_document(path)))


def scored(example: dict[str, Any], tmp_path: Path) -> object:
    text = "\n\n".join([example["text"]] * example.get("repeat", 1))
    _, units = document(text, example["lang"], tmp_path)
    return score_source(units, "doc.md", TARGET)


def pair_of_scores(example: dict[str, Any], tmp_path: Path) -> object:
    _, units = document(example["source"], "da", tmp_path)
    source = score_source(units, "doc.md", TARGET)
    translated = {units[0].text: (example["target"], 9)}
    return source, score_translation(units, translated, "en", "doc.po", TARGET)


def text(example: dict[str, Any], _: Path) -> object:
    return term_text(
        MATCHERS, path="x.md", document="x", lang=example["lang"], text=example["text"], line=1
    )


def entry(example: dict[str, Any], _: Path, source: str = "", target: str = "") -> TranslationEntry:
    source_lang, target_lang = example.get("pair", "da-en").split("-")
    source, target = source or example["source"], target or example["target"]
    return TranslationEntry(
        "x.po", 5, "x",
        term_text(MATCHERS, path="x.po", document="x", lang=source_lang, text=source, line=4),
        term_text(MATCHERS, path="x.po", document="x", lang=target_lang, text=target, line=5),
    )  # fmt: skip


def uses(example: dict[str, Any], _: Path) -> object:
    texts = (
        term_text(
            Matchers(ACRONYMS), path="x.md", document="x", lang=example["lang"], text=t, line=n
        )
        for n, t in enumerate(example["texts"], 1)
    )
    return [use for text in texts for use in term_uses(text)]


def corpus(example: dict[str, Any], tmp_path: Path) -> object:
    if "texts" in example:
        texts = (
            term_text(MATCHERS, path="x.md", document="x", lang=example["lang"], text=t, line=n)
            for n, t in enumerate(example["texts"], 1)
        )
        return Corpus((), tuple(use for text in texts for use in term_uses(text)))
    target_lang = example["pair"].split("-")[1]
    renderings = (
        Rendering(
            "x.po", n, target_lang, None, s, t, agrees_with_glossary(entry(example, tmp_path, s, t))
        )
        for n, (s, t) in enumerate(example["entries"], 1)
    )
    return Corpus(tuple(renderings), ())


def message(example: dict[str, Any], _: Path) -> CatalogMessage:
    source_lang, target_lang = example["pair"].split("-")
    return CatalogMessage(
        "x.po", 5, 4, "x", source_lang, target_lang, example["source"], example["target"],
        example.get("fuzzy", False),
    )  # fmt: skip


def unused_suppressions(example: dict[str, Any], tmp_path: Path) -> list[str]:
    path, units = document(example["text"], example["lang"], tmp_path)
    score = score_source(units, "doc.md", TARGET)
    readability = [a for a in resolve({}) if a.rule.family == "readability"]
    found = run(readability, {"document": [score]})
    suppressions = markdown_suppressions(path.read_text(), "doc.md")
    _, unused = apply(found, suppressions)
    meta = [a for a in resolve({}) if a.rule.id == "meta/unused-suppression"]
    return [f.message for f in run(meta, {"suppression": [*unused]})]


def page(example: dict[str, Any], _: Path) -> object:
    from pipeline.checks.html_page import parse_page

    refused = tuple(tuple(item) for item in example.get("refused", []))
    source = tuple(example.get("source", ("", "")))
    untranslated = tuple(example.get("untranslated", ()))
    return parse_page("build/html/x.html", example["html"], refused, source, (), untranslated)  # type: ignore[arg-type]


def catalog(example: dict[str, Any], _: Path) -> object:
    from pipeline.catalogs.messages import CatalogSync

    return CatalogSync(
        example["path"], example["source"], example["exists"],
        tuple(example["new"]), tuple(example["removed"]),
    )  # fmt: skip


def link_set(example: dict[str, Any], _: Path) -> object:
    from pipeline.checks.links import LinkSet

    anchors = {path: frozenset(ids) for path, ids in example["anchors"].items()}
    rows = tuple((path, line, href, folder) for path, line, href, folder in example["links"])
    return LinkSet(rows, frozenset(example["existing"]), anchors, {})


TARGET = Target()
SUBJECTS = {
    "links": link_set,
    "catalog": catalog,
    "page": page,
    "document": scored,
    "translation": pair_of_scores,
    "text": text,
    "entry": entry,
    "corpus": corpus,
    "message": message,
    "uses": uses,
}
