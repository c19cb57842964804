"""Precision and recall of language-of-parts detection on the labelled paragraphs.

Each paragraph in `*_paragraphs.toml` marks its passages in the other language as
`{en|…}` or `{da|…}`. A found passage is right when it covers exactly the same words
(punctuation and quote marks around it do not count). Compared with lingua alone, over
the whole paragraph and sentence by sentence, on the same paragraphs.

Run: python -m tests.languages.evaluation [--show]   (--show: the tune half's errors too)
     python -m tests.languages.evaluation --real help.po   (passages in a real catalog, to read)
     python -m tests.languages.evaluation --packages .venv/lib/python3.11/site-packages
"""

from __future__ import annotations

import functools
import json
import re
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.languages.evidence import WORD as _WORD
from pipeline.languages.evidence import language_view
from pipeline.languages.passages import Passage, find_passages
from pipeline.source.language import split_sentences

HERE = Path(__file__).parent
_MARK = re.compile(r"\{(da|en)\|([^{}]*)\}")
LANGUAGES = ("da", "en")


@dataclass(frozen=True)
class Paragraph:
    lang: str
    kind: str
    text: str
    passages: frozenset[tuple[int, int, str]]  # word spans (first, last, lang)
    # English-worded proper names ("Newcastle upon Tyne"): WCAG exempts them, so a
    # passage over one is counted neither right nor wrong.
    exempt: frozenset[tuple[int, int, str]] = frozenset()


DEVELOPMENT = ("da_paragraphs.toml", "en_paragraphs.toml")  # tuned on
HELD_OUT = ("heldout_paragraphs.toml",)  # written blind, never tuned on
REAL = "real_passages.json"  # real Danish translations: "tune" and "held-out" halves


def paragraphs(files: tuple[str, ...] = DEVELOPMENT) -> list[Paragraph]:
    found = []
    for path in (HERE / name for name in files):
        for entry in tomllib.loads(path.read_text(encoding="utf-8"))["paragraph"]:
            for unit in units(entry["text"]):
                text, spans = _unmark(unit)
                words = _word_spans(text)
                found.append(Paragraph(entry["lang"], entry["kind"], text, _to_words(spans, words)))
    return found


def real_paragraphs(split: str) -> list[Paragraph]:
    """The labelled translations of `REAL` in one half ("tune" or "held-out")."""
    found = []
    for item in json.loads((HERE / REAL).read_text(encoding="utf-8"))["items"]:
        if item["split"] != split:
            continue
        text, words = item["msgstr"], _word_spans(item["msgstr"])
        spans = {"en": [], "name": []}
        for passage in item["passages"]:
            start = text.index(passage["text"])
            spans[passage["kind"]].append(Passage(start, start + len(passage["text"]), "en"))
        passages, exempt = (_to_words(spans[kind], words) for kind in ("en", "name"))
        found.append(Paragraph("da", "real", text, passages, exempt))
    return found


_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_TABLE_RULE = re.compile(r"^\|?[\s:|-]+\|?$")


def units(text: str) -> list[str]:
    """The translatable units of a labelled paragraph, as the pipeline splits them: a
    paragraph, each list item, each table cell."""
    lines = text.strip().split("\n")
    if not any(_ITEM.match(line) or line.startswith("|") for line in lines):
        return [" ".join(lines)]
    found = []
    for line in lines:
        if line.startswith("|"):
            if not _TABLE_RULE.match(line):
                cells = re.split(r"(?<!\{da)(?<!\{en)\|", line.strip("|"))
                found += [cell.strip() for cell in cells if cell.strip()]
        else:
            found.append(_ITEM.sub("", line))
    return found


def _unmark(marked: str) -> tuple[str, list[Passage]]:
    text, spans, at = "", [], 0
    for match in _MARK.finditer(marked):
        text += marked[at : match.start()]
        spans.append(Passage(len(text), len(text) + len(match.group(2)), match.group(1)))
        text += match.group(2)
        at = match.end()
    return text + marked[at:], spans


def _word_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _WORD.finditer(language_view(text))]


def _to_words(
    passages: list[Passage], words: list[tuple[int, int]]
) -> frozenset[tuple[int, int, str]]:
    found = set()
    for passage in passages:
        inside = [i for i, (s, e) in enumerate(words) if s < passage.end and e > passage.start]
        if inside:
            found.add((inside[0], inside[-1], passage.lang))
    return frozenset(found)


Detector = Callable[[str, str], list[Passage]]


def ours(text: str, lang: str) -> list[Passage]:
    return find_passages(text, lang, LANGUAGES)


@functools.cache
def _detector(languages: tuple[str, ...]) -> Any:
    """lingua at its best for the baselines: high accuracy, the project's languages."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    chosen = [Language.from_iso_code_639_1(IsoCode639_1.from_str(c)) for c in languages]
    return LanguageDetectorBuilder.from_languages(*chosen).build()


def lingua_paragraph(text: str, lang: str) -> list[Passage]:
    results = _detector(LANGUAGES).detect_multiple_languages_of(text)
    return [
        Passage(r.start_index, r.end_index, r.language.iso_code_639_1.name.lower())
        for r in results
        if r.language.iso_code_639_1.name.lower() != lang
    ]


def lingua_sentences(text: str, lang: str) -> list[Passage]:
    detector = _detector(LANGUAGES)
    found = []
    for start, end in split_sentences(text, lang):
        language = detector.detect_language_of(text[start:end])
        code = language.iso_code_639_1.name.lower() if language else lang
        if code != lang:
            found.append(Passage(start, end, code))
    return found


@dataclass
class Tally:
    right: int = 0
    wrong: int = 0
    missed: int = 0
    paragraphs_right: int = 0
    paragraphs: int = 0

    @property
    def precision(self) -> float:
        return self.right / (self.right + self.wrong) if self.right + self.wrong else 1.0

    @property
    def recall(self) -> float:
        return self.right / (self.right + self.missed) if self.right + self.missed else 1.0


def evaluate(detector: Detector, items: list[Paragraph], show: bool = False) -> Tally:
    tally = Tally()
    for paragraph in items:
        words = _word_spans(paragraph.text)
        got = _to_words(detector(paragraph.text, paragraph.lang), words)
        got = frozenset(g for g in got if not any(_overlap(g, name) for name in paragraph.exempt))
        tally.right += len(got & paragraph.passages)
        tally.wrong += len(got - paragraph.passages)
        tally.missed += len(paragraph.passages - got)
        tally.paragraphs += 1
        tally.paragraphs_right += got == paragraph.passages
        if show and got != paragraph.passages:
            print(f"[{paragraph.lang} {paragraph.kind}] {paragraph.text}")
            for first, last, lang in sorted(got - paragraph.passages):
                print(f"   + {lang}: {_words_text(paragraph.text, words, first, last)}")
            for first, last, lang in sorted(paragraph.passages - got):
                print(f"   - {lang}: {_words_text(paragraph.text, words, first, last)}")
    return tally


def _overlap(one: tuple[int, int, str], other: tuple[int, int, str]) -> bool:
    return one[0] <= other[1] and other[0] <= one[1]


def _words_text(text: str, words: list[tuple[int, int]], first: int, last: int) -> str:
    return text[words[first][0] : words[last][1]]


DETECTORS: tuple[tuple[str, Detector], ...] = (
    ("ours", ours),
    ("lingua, paragraph", lingua_paragraph),
    ("lingua, sentences", lingua_sentences),
)


def read_real(path: str, count: int = 1500) -> None:
    """Passages found in `count` random translations of a real Danish catalog, to read."""
    import random

    from pipeline.catalogs.reader import read_entries

    entries = read_entries(Path(path), path).entries
    texts = [e.strings[0] for e in entries if e.strings and len(e.strings[0].split()) >= 6]
    texts = [text for text in texts if "<" not in text]  # help markup: not Markdown
    random.Random(5).shuffle(texts)
    sample = texts[:count]
    found = [
        (text, text[p.start : p.end])
        for text in sample
        for p in find_passages(text, "da", LANGUAGES)
    ]
    words = sum(len(text.split()) for text in sample)
    print(f"{len(sample)} paragraphs, {words} words: {len(found)} passages")
    for text, passage in found:
        print(f"- {passage!r}\n    in {text[:160]!r}")


def read_package_descriptions(site_packages: str) -> None:
    """Passages found in the English Markdown descriptions of installed packages (the
    METADATA of each .dist-info): real English text, where every passage is a mark to
    check."""
    paragraphs = []
    for path in sorted(Path(site_packages).glob("*.dist-info/METADATA")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if "text/markdown" not in text[:5000] or "\n\n" not in text:
            continue
        body = re.sub(r"```.*?```", "", text.split("\n\n", 1)[1], flags=re.S)
        for paragraph in re.split(r"\n\s*\n", body):
            paragraph = " ".join(paragraph.split())
            if len(paragraph.split()) >= 4 and not paragraph.startswith(("#", "|", "<", ">>>")):
                paragraphs.append((path.parent.name, paragraph))
    found = [
        (name, text[p.start : p.end], p.lang)
        for name, text in paragraphs
        for p in find_passages(text, "en", LANGUAGES)
    ]
    words = sum(len(text.split()) for _, text in paragraphs)
    print(f"{len(paragraphs)} paragraphs, {words} words: {len(found)} passages")
    for name, passage, lang in found:
        print(f"- {lang}: {passage!r} ({name})")


def main() -> None:
    if "--packages" in sys.argv:
        read_package_descriptions(sys.argv[sys.argv.index("--packages") + 1])
        return
    if "--real" in sys.argv:
        read_real(sys.argv[sys.argv.index("--real") + 1])
        return
    show = "--show" in sys.argv
    for title, files in (("development set", DEVELOPMENT), ("held-out set", HELD_OUT)):
        items = paragraphs(files)
        passages = sum(len(p.passages) for p in items)
        print(f"\n{title}: {len(items)} units, {passages} passages")
        print(f"{'detector':24} {'precision':>9} {'recall':>7} {'units right':>13}")
        for name, detector in DETECTORS:
            for lang in LANGUAGES:
                subset = [p for p in items if p.lang == lang]
                tally = evaluate(detector, subset, show=show and name == "ours")
                print(
                    f"{name + ' (' + lang + ' text)':24} {tally.precision:9.2f} "
                    f"{tally.recall:7.2f} {tally.paragraphs_right:>6} of {tally.paragraphs}"
                )
    for split in ("tune", "held-out"):
        items = real_paragraphs(split)
        tally = evaluate(ours, items, show=show and split == "tune")
        print(
            f"\nreal translations, {split}: {len(items)} texts, "
            f"{sum(len(p.passages) for p in items)} passages; ours: precision "
            f"{tally.precision:.2f} ({tally.right} of {tally.right + tally.wrong}), "
            f"recall {tally.recall:.2f}"
        )


if __name__ == "__main__":
    main()
