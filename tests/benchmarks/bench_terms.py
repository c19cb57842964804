"""Term checking speed over a corpus of at least 500,000 words, with baselines.

    python -m tests.benchmarks.bench_terms [--words 500000]

The corpus is the sample content's translated PO entries (source and translation),
copied until it holds the requested number of words, each copy numbered so that every
text is unique. Every figure is measured in
the same run, and our speed is printed as a ratio to each baseline:

- spaCy's bare tokenizer over the same texts (the floor of what tokenizing costs),
- exact-word matching: one case-insensitive regex per glossary term (no inflection,
  no compounds), the baseline of the labelled set.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from pathlib import Path

from pipeline.catalogs.po import parse_po
from pipeline.checks.consistency import Corpus
from pipeline.checks.registry import resolve
from pipeline.checks.runner import run
from pipeline.source.language import count_words, tokenizer
from pipeline.terms.glossary import load_glossary
from pipeline.terms.occurrences import Matchers, TranslationEntry, term_text, term_uses
from tests.benchmarks.publish import publish, table

REPO = Path(__file__).resolve().parents[2]


def corpus(words: int) -> list[tuple[str, str, str, str]]:
    """(source lang, source, target lang, target) pairs until `words` words are reached."""
    pairs = []
    for po_file in sorted((REPO / "locales").glob("*/LC_MESSAGES/*.po")):
        po = parse_po(po_file.read_text(), po_file.name)
        source, target = po.header("X-Source-Language") or "", po.header("Language") or ""
        pairs += [
            (source, str(m.id), target, str(m.string)) for m in po.catalog if m.id and m.string
        ]
    unit = sum(count_words(s) + count_words(t) for _, s, _, t in pairs)
    copies = -(-words // unit)
    # Numbered copies: every text unique, as in a real corpus (nothing to remember).
    return [(sl, f"{s} ({n})", tl, f"{t} ({n})") for n in range(copies) for sl, s, tl, t in pairs]


def timed(label: str, action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    seconds = time.perf_counter() - start
    print(f"  {label:<42} {seconds:8.2f} s")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=500_000)
    words_wanted = parser.parse_args().words
    pairs = corpus(words_wanted)
    words = sum(count_words(s) + count_words(t) for _, s, _, t in pairs)
    glossary = load_glossary(REPO / "source/glossary.tbx", "glossary.tbx")
    print(
        f"corpus: {len(pairs)} entries, {words:,} words (da and en); glossary: {len(glossary.concepts)} concepts"
    )

    def tokenize_only() -> None:
        for source_lang, source, target_lang, target in pairs:
            tokenizer(source_lang)(source)
            tokenizer(target_lang)(target)

    patterns = {
        lang: [
            re.compile(rf"(?<!\w){re.escape(t.text)}(?!\w)", re.I)
            for c in glossary.concepts
            for t in c.terms_in(lang)
        ]
        for lang in ("da", "en")
    }

    def exact_words() -> None:
        for source_lang, source, target_lang, target in pairs:
            [p.search(source) for p in patterns[source_lang]]
            [p.search(target) for p in patterns[target_lang]]

    def check() -> None:
        matchers = Matchers(glossary)
        texts, entries = [], []
        for index, (source_lang, source, target_lang, target) in enumerate(pairs):
            path = f"doc{index // 300}.po"
            s = term_text(
                matchers, path=path, document=path, lang=source_lang, text=source, line=index
            )
            t = term_text(
                matchers, path=path, document=path, lang=target_lang, text=target, line=index
            )
            texts.append(t)
            entries.append(TranslationEntry(path, index, path, s, t))
        rules = [r for r in resolve({}) if r.rule.family == "term"]
        subjects = {
            "text": texts,
            "entry": entries,
            "corpus": [Corpus((), tuple(use for text in texts for use in term_uses(text)))],
        }
        run(rules, subjects, glossary)  # type: ignore[arg-type]

    tokenizer("da")("varm op")  # load both pipelines before timing
    tokenizer("en")("warm up")
    print("timings:")
    floor = timed("spaCy bare tokenizer (floor)", tokenize_only)
    baseline = timed("exact-word regex matching (baseline)", exact_words)
    ours = timed("pipeline term detection + term/* checks", check)
    print("results:")
    for label, seconds in (
        ("spaCy tokenizer", floor),
        ("exact words", baseline),
        ("pipeline", ours),
    ):
        print(f"  {label:<16} {words / seconds:12,.0f} words/s")
    print(f"  pipeline speed as a share of the tokenizer floor: {floor / ours:.2f}×")
    print(f"  pipeline speed as a share of exact-word matching: {baseline / ours:.2f}×")
    rows = [
        ["pipeline term detection + `term/*` checks", f"{words / ours:,.0f}", "1"],
        [
            "exact-word matching, one regex per term (baseline)",
            f"{words / baseline:,.0f}",
            f"pipeline is {baseline / ours:.2f}× as fast",
        ],
        [
            "spaCy's bare tokenizer (floor of tokenizing)",
            f"{words / floor:,.0f}",
            f"pipeline runs at {floor / ours:.2f}× of it",
        ],
    ]
    publish(
        "bench_terms",
        table(["what", "words per second", "ratio"], rows, right={1}),
        f"A corpus of {words:,} words ({len(pairs):,} entries, Danish and English), "
        f"glossary of {len(glossary.concepts)} concepts.",
    )


if __name__ == "__main__":
    main()
