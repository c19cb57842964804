"""term/* rules through the runner, one-liners in the style of yamllint's check()."""

from __future__ import annotations

from pipeline.checks import run
from pipeline.checks.findings import Severity
from pipeline.checks.registry import all_rules, resolve
from pipeline.terms.occurrences import Corpus, Matchers, Rendering, TranslationEntry, term_text

from ..test_terms import GLOSSARY

MATCHERS = Matchers(GLOSSARY)


def text(value: str, lang: str, line: int = 1, document: str = "doc", path: str = "doc.md"):  # type: ignore[no-untyped-def]
    return term_text(MATCHERS, path=path, document=document, lang=lang, text=value, line=line)


def entry(source: str, target: str, pair: str = "da-en", line: int = 7, path: str = "x.po"):  # type: ignore[no-untyped-def]
    source_lang, target_lang = pair.split("-")
    return TranslationEntry(
        path,
        line,
        "doc",
        text(source, source_lang, path=path),
        text(target, target_lang, line, path=path),
    )


def findings(rule_id: str, subject: object) -> list[tuple[int, str]]:
    rules = [r for r in resolve({}) if r.rule.id == rule_id]
    target = rules[0].rule.target
    return [(f.line, f.message) for f in run(rules, {target: [subject]}, GLOSSARY)]


def test_deprecated_in_source_and_translation() -> None:
    assert findings("term/deprecated", text("Vi tilbyder genbehandlingen.", "da")) == [
        (1, "'genbehandlingen' is a deprecated term for gene-therapy; use 'genterapi'")
    ]
    assert findings("term/deprecated", text("Gene treatment helps.", "en", line=9)) == [
        (9, "'Gene treatment' is a deprecated term for gene-therapy; use 'gene therapy'")
    ]
    assert findings("term/deprecated", text("Genterapi hjælper.", "da")) == []


def test_missing_translation() -> None:
    assert findings("term/missing-translation", entry("Genterapi virker.", "It works.")) == [
        (
            7,
            "'Genterapi' (gene-therapy) is not translated with a glossary term; expected 'gene therapy'",
        )
    ]
    assert (
        findings("term/missing-translation", entry("Genterapien virker.", "Gene therapies work."))
        == []
    )
    # a deprecated rendering is term/deprecated's to report, not this rule's
    assert (
        findings("term/missing-translation", entry("Genterapi virker.", "Gene treatment works."))
        == []
    )


def test_untranslatable() -> None:
    assert findings("term/untranslatable", entry("CAR-T-celler virker.", "CART cells work.")) == [
        (7, "'CAR-T' must stay as it is in the translation (found 'CART')")
    ]
    assert findings("term/untranslatable", entry("CAR-T virker.", "The treatment works.")) == [
        (7, "'CAR-T' must stay as it is in the translation")
    ]
    assert findings("term/untranslatable", entry("CAR-T virker.", "CAR-T cells work.")) == []


def test_inconsistent_translations_and_variants() -> None:
    one = entry("Bivirkninger", "Side effects", path="a.po", line=3)
    two = entry("Bivirkninger", "Side-effects", path="b.po", line=5)
    three = entry("Bivirkninger", "Side effects", path="c.po", line=8)
    corpus = Corpus((), tuple(map(Rendering.of, (one, two, three))))
    assert findings("term/inconsistent", corpus) == [
        (5, "this source text is translated differently in a.po:3: 'Side effects'")
    ]
    texts = (
        text("Bivirkninger kan komme.", "da", line=1),
        text("Læs om bivirkninger.", "da", line=2),
        text("Sideeffekter er sjældne.", "da", line=3),
        text("Bivirkninger, også kaldet sideeffekter.", "da", line=4),  # an introduction
    )
    assert findings("term/inconsistent", Corpus(texts, ())) == [
        (
            3,
            "side-effect is written 'sideeffekt' here but 'bivirkning' elsewhere in this document (2×); pick one",
        )
    ]


def test_term_rules_are_registered_with_their_severities() -> None:
    severities = {r.id: r.severity for r in all_rules() if r.family == "term"}
    assert severities == {
        "term/deprecated": Severity.ERROR,
        "term/missing-translation": Severity.ERROR,
        "term/untranslatable": Severity.ERROR,
        "term/inconsistent": Severity.WARNING,
    }
