"""A catalog's repeated messages are checked once; every copy gets the findings at its lines."""

from __future__ import annotations

from pathlib import Path

from pipeline.catalogs.messages import CatalogMessage
from pipeline.checks.batches import Gathered, check_messages
from pipeline.checks.registry import resolve
from pipeline.checks.subjects import translation_subjects
from pipeline.terms.glossary import load_glossary
from pipeline.terms.occurrences import Matchers

GLOSSARY = Path(__file__).resolve().parents[2] / "source" / "glossary.tbx"
TEXTS = [
    ("Gene therapy takes 3 days.", "Genterapi tager 4 dage."),  # a number changed
    ("Read the [guide](https://example.org/a).", "Læs guiden."),  # a link lost
    ("Gene therapy is new.", "Genbehandling er nyt."),  # a deprecated term
    ("The dose is 2 ml.", "Dosis er 2 ml."),  # nothing wrong
]


def messages() -> list[CatalogMessage]:
    """Each text four times, in other contexts and none, two lines apart and shuffled."""
    found, line = [], 20
    for copy, context in enumerate(("a", None, "b", "c")):
        for n, (source, target) in enumerate(TEXTS[copy % 2 :] + TEXTS[: copy % 2]):
            message = CatalogMessage(
                "locales/da/help.po", line + 1, line, "help.md", "en", "da", source, target,
                fuzzy=False, context=context and f"{context}{n}", markdown=True,
            )  # fmt: skip
            found.append(message)
            line += 4
    return found


def gathered(messages: list[CatalogMessage]) -> Gathered:
    glossary = load_glossary(GLOSSARY, "glossary.tbx")
    rules = [r for r in resolve({}) if r.rule.target in ("message", "text", "entry")]
    rules = [r for r in rules if r.rule.family in ("translation", "term")]
    whole = Gathered([], [], [])
    for part in check_messages(messages, Matchers(glossary), rules, glossary, ("en", "da")):
        whole.findings.extend(part.findings)
        whole.renderings.extend(part.renderings)
        whole.uses.extend(part.uses)
    return whole


def one_by_one(messages: list[CatalogMessage]) -> Gathered:
    """Each message checked alone: nothing to share, the findings as they must be."""
    parts = [gathered([message]) for message in messages]
    return Gathered(
        [f for part in parts for f in part.findings],
        [r for part in parts for r in part.renderings],
        [u for part in parts for u in part.uses],
    )


def test_copies_get_the_findings_uses_and_renderings_at_their_own_lines() -> None:
    together, alone = gathered(messages()), one_by_one(messages())
    key = lambda f: (*f.sort_key, sorted(f.data.items()))  # noqa: E731
    assert sorted(map(key, together.findings)) == sorted(map(key, alone.findings))
    assert together.renderings == alone.renderings  # in the catalog's order
    assert together.uses == alone.uses
    numbers = [f for f in together.findings if f.rule == "translation/numbers"]
    assert {(f.line, f.data.get("msgctxt")) for f in numbers} == {
        (21, "a0"), (49, None), (53, "b0"), (81, "c3")
    }  # fmt: skip
    assert len(together.uses) >= 4  # the glossary's terms, once per copy


def test_without_a_glossary_or_a_text_rule_no_texts_are_made_and_nothing_else_changes() -> None:
    rules = [r for r in resolve({}) if r.rule.target == "message"]
    assert rules
    plain = list(check_messages(messages(), None, rules, None, ("en", "da")))
    with_texts = translation_subjects(messages(), None, texts_read=True)
    without = translation_subjects(messages(), None, texts_read=False)
    assert without.renderings == with_texts.renderings
    assert without.texts == ()  # the work a message rule never needs
    assert with_texts.texts
    assert [f for part in plain for f in part.findings]  # the message rules still ran


def test_a_message_sent_to_a_worker_arrives_whole() -> None:
    """Slices go to the workers pickled as a plain tuple of the fields: every field
    comes back as it was, the ones left at their defaults and the ones set."""
    import dataclasses
    import pickle

    message = dataclasses.replace(
        messages()[0], comments=("pipeline: ignore spelling",), role="heading", markdown=False
    )
    restored = pickle.loads(pickle.dumps(message))
    assert dataclasses.astuple(restored) == dataclasses.astuple(message)
    for field in dataclasses.fields(CatalogMessage):
        assert getattr(restored, field.name) == getattr(message, field.name)
