"""Precision and recall of term detection on the labelled set, against exact-word matching.

Run `python -m tests.terms.evaluation` to print the table docs/terminology.md shows.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.checks.registry import resolve
from pipeline.checks.runner import run
from pipeline.terms.glossary import Glossary, load_glossary
from pipeline.terms.occurrences import Matchers, TranslationEntry, term_text

HERE = Path(__file__).parent
REPO = HERE.parent.parent
LABELLED = HERE / "labelled.toml"
GLOSSARY = REPO / "source" / "glossary.tbx"

Detector = Callable[[str, str], set[str]]


@dataclass(frozen=True)
class Score:
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0


def labelled() -> dict[str, list[dict[str, object]]]:
    with LABELLED.open("rb") as stream:
        return tomllib.load(stream)


def texts() -> Iterator[tuple[str, str, set[str]]]:
    """Every labelled text with its language and expected concepts (pairs give two)."""
    data = labelled()
    for case in data["case"]:
        yield str(case["lang"]), str(case["text"]), set(case["concepts"])  # type: ignore[call-overload]
    for pair in data["pair"]:
        yield str(pair["source_lang"]), str(pair["source"]), set(pair["concepts_source"])  # type: ignore[call-overload]
        yield str(pair["target_lang"]), str(pair["target"]), set(pair["concepts_target"])  # type: ignore[call-overload]


def score(detect: Detector) -> dict[str, Score]:
    """Micro-averaged detection scores per language and overall, over (text, concept)."""
    counts: dict[str, list[int]] = {}
    for lang, text, expected in texts():
        found = detect(lang, text)
        for key in (lang, "all"):
            tally = counts.setdefault(key, [0, 0, 0])
            tally[0] += len(found & expected)
            tally[1] += len(found - expected)
            tally[2] += len(expected - found)
    return {key: Score(*values) for key, values in counts.items()}


def ours(glossary: Glossary) -> Detector:
    matchers = Matchers(glossary)
    return lambda lang, text: {hit.concept for hit in matchers(lang).find(text)}


def exact_words(glossary: Glossary) -> Detector:
    """The baseline: each term as a case-insensitive whole-word string, nothing more."""
    patterns = [
        (term.lang, concept.id, re.compile(rf"(?<!\w){re.escape(term.text)}(?!\w)", re.I))
        for concept in glossary.concepts
        for term in concept.terms
    ]
    return lambda lang, text: {cid for tl, cid, p in patterns if tl == lang and p.search(text)}


def findings_score(glossary: Glossary) -> Score:
    """Scores of term/deprecated, term/missing-translation, term/untranslatable on the pairs."""
    matchers = Matchers(glossary)
    rules = [r for r in resolve({}) if r.rule.id != "term/inconsistent" and r.rule.family == "term"]
    tp = fp = fn = 0
    for pair in labelled()["pair"]:
        source, target = (
            term_text(
                matchers,
                path="p.po",
                document="d",
                lang=str(pair[f"{side}_lang"]),
                text=str(pair[side]),
                line=line,
            )
            for side, line in (("source", 1), ("target", 2))
        )
        entry = TranslationEntry("p.po", 2, "d", source, target)
        found = run(rules, {"text": [source, target], "entry": [entry]}, glossary)
        got = {f"{f.rule}:{f.data['concept']}" for f in found}
        expected = set(pair["findings"])  # type: ignore[call-overload]
        tp, fp, fn = tp + len(got & expected), fp + len(got - expected), fn + len(expected - got)
    return Score(tp, fp, fn)


def table() -> str:
    glossary = load_glossary(GLOSSARY, "source/glossary.tbx")
    data = labelled()
    rows = [
        f"Labelled set: {len(data['case'])} sentences and {len(data['pair'])} sentence pairs "
        f"({sum(1 for _ in texts())} texts), glossary of {len(glossary.concepts)} concepts.",
        "",
        "| matcher | language | precision | recall | true pos. | false pos. | false neg. |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for name, detector in (
        ("pipeline", ours(glossary)),
        ("exact words (baseline)", exact_words(glossary)),
    ):
        for key, result in sorted(score(detector).items(), key=lambda item: item[0] != "all"):
            rows.append(
                f"| {name} | {key} | {result.precision:.3f} | {result.recall:.3f} | "
                f"{result.true_positives} | {result.false_positives} | {result.false_negatives} |"
            )
    checks = findings_score(glossary)
    rows += [
        "",
        f"Findings on the pairs (term/deprecated, term/missing-translation, term/untranslatable): "
        f"precision {checks.precision:.3f}, recall {checks.recall:.3f} "
        f"({checks.true_positives} right, {checks.false_positives} wrong, {checks.false_negatives} missed).",
    ]
    return "\n".join(rows)


if __name__ == "__main__":
    print(table())
