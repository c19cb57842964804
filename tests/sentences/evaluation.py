"""Sentence splitters measured on real published paragraphs that were split by hand.

    cd /work/main && .venv/bin/python -m tests.sentences.evaluation [--failures] [--kinds]

`real.toml` beside this module holds Danish and English paragraphs from documentation
that Debian packages ship (installation guide, FAQ, Danish man pages, GNOME and
LibreOffice help), each split into sentences by hand; its header says how. This runs our
`split_sentences`, pySBD and spaCy's blank pipeline with the `sentencizer` on every
paragraph and prints a Markdown table: per language and overall, how many paragraphs each
splits exactly (every boundary right, none extra) and the precision and recall of its
sentence boundaries. `--kinds` adds the exact count per kind of difficulty; `--failures`
prints each paragraph our splitter gets wrong, gold against ours.

Tests import `paragraphs()` and `exact_paragraphs(splitter)`. pySBD is imported only when
its splitter runs (`pip install pysbd`).
"""

from __future__ import annotations

import argparse
import functools
import itertools
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.source.language import split_sentences

if TYPE_CHECKING:
    from spacy.language import Language

GOLD = Path(__file__).with_name("real.toml")
# Written after the splitter was tuned on real.toml, by someone who never saw its output.
HELD_OUT = Path(__file__).with_name("heldout.toml")
# Danish degrees and titles from web pages, also kept out of tuning.
DEGREES = Path(__file__).with_name("degrees.toml")
LANGUAGES = ("da", "en")

# A splitter takes (text, lang) and returns the (start, end) offsets of its sentences.
Splitter = Callable[[str, str], list[tuple[int, int]]]


@dataclass(frozen=True)
class Paragraph:
    lang: str
    source: str
    sentences: tuple[str, ...]
    kinds: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.sentences)

    @property
    def boundaries(self) -> frozenset[int]:
        """Offsets where the second and later sentences start."""
        starts, at = [], 0
        for sentence in self.sentences[:-1]:
            at += len(sentence) + 1
            starts.append(at)
        return frozenset(starts)


@functools.cache
def _load(gold: Path = GOLD) -> tuple[Paragraph, ...]:
    with gold.open("rb") as file:
        entries: list[dict[str, Any]] = tomllib.load(file)["paragraph"]
    return tuple(
        Paragraph(
            entry["lang"], entry["source"], tuple(entry["sentences"]), tuple(entry.get("kinds", ()))
        )
        for entry in entries
    )


def paragraphs() -> list[tuple[str, str, list[str]]]:
    """(lang, text, gold sentences) of every paragraph in real.toml."""
    return [(p.lang, p.text, list(p.sentences)) for p in _load()]


def predicted_boundaries(splitter: Splitter, text: str, lang: str) -> frozenset[int]:
    """Where the splitter starts a sentence, other than at the paragraph's first word."""
    first = len(text) - len(text.lstrip())
    starts = set()
    for start, end in splitter(text, lang):
        chunk = text[start:end]
        if chunk.strip():
            starts.add(start + len(chunk) - len(chunk.lstrip()))
    return frozenset(starts - {first})


def exact_paragraphs(splitter: Splitter, gold: Path = GOLD) -> tuple[int, int]:
    """(paragraphs the splitter splits exactly as the gold does, all paragraphs)."""
    found = [predicted_boundaries(splitter, p.text, p.lang) == p.boundaries for p in _load(gold)]
    return sum(found), len(found)


def pysbd_splitter(text: str, lang: str) -> list[tuple[int, int]]:
    return [(span.start, span.end) for span in _pysbd(lang).segment(text)]


@functools.cache
def _pysbd(lang: str) -> Any:
    import pysbd  # type: ignore[import-untyped]  # deferred: a test extra

    return pysbd.Segmenter(language=lang, clean=False, char_span=True)


def sentencizer_splitter(text: str, lang: str) -> list[tuple[int, int]]:
    return [(sent.start_char, sent.end_char) for sent in _sentencizer(lang)(text).sents]


@functools.cache
def _sentencizer(lang: str) -> Language:
    import spacy  # deferred: importing spaCy costs about a second

    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    return nlp


SPLITTERS: dict[str, Splitter] = {
    "ours (split_sentences)": split_sentences,
    "pySBD": pysbd_splitter,
    "spaCy sentencizer": sentencizer_splitter,
}


@dataclass
class Score:
    exact: int = 0
    total: int = 0
    found: int = 0  # predicted boundaries
    gold: int = 0
    right: int = 0  # predicted boundaries that are gold ones

    def add(self, predicted: frozenset[int], gold: frozenset[int]) -> None:
        self.exact += predicted == gold
        self.total += 1
        self.found += len(predicted)
        self.gold += len(gold)
        self.right += len(predicted & gold)

    def row(self) -> str:
        share = f"{self.exact}/{self.total} ({self.exact / self.total:.0%})"
        precision = self.right / self.found if self.found else 1.0
        recall = self.right / self.gold if self.gold else 1.0
        return f"{share} | {precision:.3f} | {recall:.3f}"


def score(splitter: Splitter, paragraphs: Iterable[Paragraph]) -> Score:
    result = Score()
    for p in paragraphs:
        result.add(predicted_boundaries(splitter, p.text, p.lang), p.boundaries)
    return result


def table(gold: Path = GOLD) -> list[str]:
    """The Markdown table: each splitter, per language and overall."""
    lines = [
        "| splitter | lang | exact paragraphs | boundary precision | boundary recall |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, splitter in SPLITTERS.items():
        for lang in (*LANGUAGES, "all"):
            chosen = [p for p in _load(gold) if lang in ("all", p.lang)]
            lines.append(f"| {name} | {lang} | {score(splitter, chosen).row()} |")
    return lines


def kinds_table() -> list[str]:
    """Exact paragraphs per kind of difficulty ("none" for paragraphs without one)."""
    kinds = [*sorted({kind for p in _load() for kind in p.kinds}), "none"]
    lines = ["| kind | paragraphs | " + " | ".join(SPLITTERS) + " |"]
    lines.append("| --- | --- |" + " --- |" * len(SPLITTERS))
    for kind in kinds:
        chosen = [p for p in _load() if kind in p.kinds or (kind == "none" and not p.kinds)]
        cells = [f"{score(splitter, chosen).exact}" for splitter in SPLITTERS.values()]
        lines.append(f"| {kind} | {len(chosen)} | " + " | ".join(cells) + " |")
    return lines


def failures(splitter: Splitter = split_sentences, gold: Path = GOLD) -> list[str]:
    """Each paragraph the splitter gets wrong: its gold sentences, then the splitter's."""
    lines = []
    for p in _load(gold):
        if predicted_boundaries(splitter, p.text, p.lang) == p.boundaries:
            continue
        kinds = ", ".join(p.kinds) or "no kind"
        lines += ["", f"### {p.lang} · {p.source} · {kinds}", "", "gold:"]
        lines += [f"  {n}. {sentence}" for n, sentence in enumerate(p.sentences, 1)]
        lines.append("ours:")
        spans = _split_at(p.text, predicted_boundaries(splitter, p.text, p.lang))
        lines += [f"  {n}. {sentence}" for n, sentence in enumerate(spans, 1)]
    return lines


def _split_at(text: str, starts: frozenset[int]) -> list[str]:
    cuts = [0, *sorted(starts), len(text)]
    return [text[a:b].strip() for a, b in itertools.pairwise(cuts)]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="print what ours gets wrong")
    parser.add_argument("--kinds", action="store_true", help="exact paragraphs per kind")
    parser.add_argument("--held-out", action="store_true", help="measure on heldout.toml")
    args = parser.parse_args(argv)
    gold = HELD_OUT if args.held_out else GOLD
    print(f"{gold.name}:\n" + "\n".join(table(gold)))
    if args.kinds:
        print("\n" + "\n".join(kinds_table()))
    if args.failures:
        print("\n".join(failures(gold=gold)))


if __name__ == "__main__":
    main()
