"""Placeholder Latin ("Lorem ipsum dolor sit amet…"): no language's words.

Theme and plugin docs fill demo pages with it. Each of its words was an unknown English
word with a useless suggestion ("placerat" → "place rat"), and "massa vel purus interdum
imperdiet." a Danish passage to mark. A run of the generators' words with three that
neither English nor Danish writes is filler; "sit in a" and "tellus a varius" are not.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The lorem ipsum generators' words that neither language writes (wordfreq's Zipf < 3 in
# both), and the ones that both may write ("in", "et", "non", "sit").
_ONLY_FILLER = _words(
    """accumsan adipiscing adipisicing aenean aliquam aliquet amet arcu auctor augue bibendum
    blandit commodo condimentum congue consectetur consequat convallis cras curabitur cursus
    dapibus diam dictum dictumst dignissim dolor donec duis egestas eleifend elementum elit
    enim erat etiam euismod facilisi facilisis fames faucibus felis fermentum feugiat
    fringilla fusce gravida habitant habitasse hac hendrerit iaculis imperdiet interdum ipsum
    justo lacinia lacus laoreet lectus libero ligula lobortis lorem luctus maecenas malesuada
    mattis mauris metus molestie mollis montes morbi nascetur natoque neque netus nibh nisi
    nisl nulla nullam nunc odio orci ornare parturient pellentesque penatibus pharetra
    phasellus placerat platea porta porttitor posuere potenti praesent pretium proin pulvinar
    purus quam quis quisque rhoncus ridiculus risus rutrum sagittis sapien scelerisque sed
    semper senectus sociis sodales sollicitudin suscipit suspendisse tellus tempor tempus
    tincidunt tortor tristique turpis ullamcorper ultrices ultricies urna varius vehicula
    velit venenatis vestibulum vitae vivamus viverra volutpat vulputate eiusmod incididunt
    labore dolore aliqua minim veniam nostrud exercitation ullamco laboris aliquip aute irure
    reprehenderit voluptate esse cillum fugiat pariatur excepteur sint occaecat cupidatat
    proident sunt culpa officia deserunt mollit anim laborum efficitur primis cubilia curae
    conubia nostra inceptos himenaeos litora torquent aptent taciti sociosqu finibus"""
)
FILLER = _ONLY_FILLER | _words(
    "a ac ante at dui eget eros est et eu id in integer leo magna massa mi mus nam nec non "
    "sem sit ut vel ex ea qui do ad maximus per class"
)
_RUN = re.compile(r"[A-Za-z]+(?:[\s,.;:]+[A-Za-z]+)+")


@lru_cache(maxsize=1 << 10)
def filler_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each run of placeholder Latin in `text`."""
    found = []
    for run in _RUN.finditer(text):
        words = list(re.finditer(r"[A-Za-z]+", run.group()))
        begin = None
        for index, word in enumerate([*words, None]):
            if word is not None and word.group().lower() in FILLER:
                begin = index if begin is None else begin
                continue
            if begin is not None and _is_filler([w.group() for w in words[begin:index]]):
                found.append(
                    (run.start() + words[begin].start(), run.start() + words[index - 1].end())
                )
            begin = None
    return tuple(found)


def _is_filler(words: list[str]) -> bool:
    return sum(w.lower() in _ONLY_FILLER for w in words) >= 3


def is_filler(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` (a word, a passage and its end mark) lies in a run of
    placeholder Latin. Most texts hold no word of it, and are not looked at further."""
    if not any(w.lower() in FILLER for w in re.findall("[A-Za-z]+", text[start:end])):
        return False
    end = start + len(text[start:end].rstrip(".!?\u2026 "))
    spans = filler_spans(text)
    at = bisect.bisect_right(spans, (start, len(text) + 1)) - 1  # the last run from start
    return at >= 0 and spans[at][0] <= start and end <= spans[at][1]
