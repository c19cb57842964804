"""term/* rules through the runner, one-liners in the style of yamllint's check()."""

from __future__ import annotations

from pipeline.catalogs.messages import Rendering
from pipeline.checks.consistency import Corpus
from pipeline.checks.findings import Finding, Severity
from pipeline.checks.registry import all_rules, resolve
from pipeline.checks.runner import run
from pipeline.terms.occurrences import (
    Matchers,
    TranslationEntry,
    agrees_with_glossary,
    term_text,
    term_uses,
)

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


def run_rule(rule_id: str, subject: object) -> list[Finding]:
    rules = [r for r in resolve({}) if r.rule.id == rule_id]
    return run(rules, {rules[0].rule.target: [subject]}, GLOSSARY)


def findings(rule_id: str, subject: object) -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in run_rule(rule_id, subject)]


def test_deprecated_in_source_and_translation() -> None:
    assert findings("term/deprecated", text("Vi tilbyder genbehandlingen.", "da")) == [
        (1, "'genbehandlingen' is a deprecated term for gene-therapy; use 'genterapien'")
    ]  # the fix in the found word's form, which the dictionary takes
    assert findings("term/deprecated", text("Genbehandlingernes pris.", "da")) == [
        (1, "'Genbehandlingernes' is a deprecated term for gene-therapy; use 'genterapiernes'")
    ]
    assert findings("term/deprecated", text("Gene treatments help.", "en")) == [
        (1, "'Gene treatments' is a deprecated term for gene-therapy; use 'gene therapy'")
    ]  # "therapys" is no word: the term as the glossary writes it
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


def rendering(source: str, target: str, path: str, line: int) -> Rendering:
    agrees = agrees_with_glossary(entry(source, target, path=path, line=line))
    return Rendering(path, line, "en", None, source, target, agrees)


def test_inconsistent_translations_follow_the_glossary_before_the_majority() -> None:
    corpus = Corpus(
        (
            rendering("Genterapi virker.", "Gene therapy works.", "a.po", 3),
            rendering("Genterapi virker.", "Gene treatment works.", "b.po", 5),
            rendering("Genterapi virker.", "Gene treatment works.", "c.po", 8),
        ),
        (),
    )
    message = (
        "'Genterapi virker.' is translated 'Gene therapy works.' at a.po:3 "
        "(it uses the glossary's terms), here 'Gene treatment works.'"
    )
    assert findings("translation/inconsistent", corpus) == [(5, message), (8, message)]
    assert {f.fix for f in run_rule("translation/inconsistent", corpus)} == {"Gene therapy works."}


def test_translations_that_differ_in_case_only_are_consistent() -> None:
    """Django: "januar" in its dates, "Januar" as the calendar's heading (12 of 17)."""
    corpus = Corpus(
        (
            rendering("Januar", "January", "a.po", 3),
            rendering("Januar", "january", "b.po", 5),
            rendering("Januar", "Jan.", "c.po", 8),
            rendering("Januar", "January", "c.po", 9),
        ),
        (),
    )
    assert findings("translation/inconsistent", corpus) == [
        (8, "'Januar' is translated 'January' at a.po:3 (3×), here 'Jan.'")
    ]


def test_one_translation_for_different_source_texts() -> None:
    shared = "Bivirkninger er almindelige."
    corpus = Corpus(
        (
            rendering("Side effects are common.", shared, "a.po", 3),
            rendering("Side effects are common", shared, "a.po", 9),
            rendering("Adverse reactions are common.", shared, "b.po", 4),
            rendering("View", "Vis", "b.po", 7),  # short labels share words: "View", "Show"
            rendering("Show", "Vis", "b.po", 8),
            # Wagtail's: the same source but for an article
            rendering("Add child page", "Tilføj en underside", "c.po", 5),
            rendering("Add a child page", "Tilføj en underside", "c.po", 9),
        ),
        (),
    )
    assert findings("translation/inconsistent", corpus) == [
        (
            4,
            "'Bivirkninger er almindelige.' also translates 'Side effects are common.' "
            "(a.po:3), a different source text",
        )
    ]
    # as often two wordings of one thing as a copy left unedited: for a reviewer to judge
    assert [f.severity for f in run_rule("translation/inconsistent", corpus)] == [Severity.INFO]


def test_inconsistent_terms_across_the_project_name_the_concept_and_counts() -> None:
    texts = [
        text("Bivirkninger kan komme.", "da", line=1, path="a.md"),
        text("Læs om bivirkninger.", "da", line=2, path="b.md"),
        text("Sideeffekter er sjældne.", "da", line=3, path="c.po"),
        text("Bivirkninger, også kaldet sideeffekter.", "da", line=4),  # an introduction
    ]
    uses = tuple(use for t in texts for use in term_uses(t))
    (finding,) = run_rule("term/inconsistent", Corpus((), uses))
    assert (finding.path, finding.line, finding.fix, finding.data["concept"]) == (
        "c.po",
        3,
        "bivirkning",
        "side-effect",
    )
    assert finding.message == (
        "side-effect is written 'sideeffekt' here and 'bivirkning' elsewhere "
        "('bivirkning' 2×, 'sideeffekt' 1×; first at a.md:1); pick one"
    )


def test_term_rules_are_registered_with_their_severities() -> None:
    severities = {r.id: r.severity for r in all_rules() if r.family == "term"}
    assert severities == {
        "term/deprecated": Severity.ERROR,
        "term/missing-translation": Severity.ERROR,
        "term/untranslatable": Severity.ERROR,
        "term/inconsistent": Severity.WARNING,
    }


def test_a_tie_between_two_translations_offers_no_fix() -> None:
    corpus = Corpus(
        (
            rendering("January", "Januar", "a.po", 3),
            rendering("January", "jan.", "b.po", 5),
        ),
        (),
    )
    (finding,) = run_rule("translation/inconsistent", corpus)
    assert finding.message.endswith("(as common as this one: pick one), here 'jan.'")
    assert not finding.fix


def test_translator_credits_differ_by_nature() -> None:
    corpus = Corpus(
        (
            rendering("translator-credits", "Ole Laursen", "a.po", 3),
            rendering("translator-credits", "Mads Lund", "b.po", 5),
        ),
        (),
    )
    assert findings("translation/inconsistent", corpus) == []
