"""Split a Document into translatable units with stable ids; sentences on request."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from pipeline.project.config import Segmentation
from pipeline.source.language import split_sentences
from pipeline.source.markdown import Block, BlockKind, Document, line_of

# Text that is not prose: code spans, link targets, autolinks, HTML tags, bare URLs,
# and named placeholders (Python's "%(object)s", "{object}", a template's "{{ name }}"),
# whose names are no words of the text: Django's "Changed %(object)s" holds no term.
NOT_PROSE = re.compile(
    r"`+[^`]*`+|\]\([^)]*\)|<[^>\s]+>|</?[A-Za-z][^<>]*>|https?://\S+"
    r"|%\(\w+\)[-+0#]*\d*(?:\.\d+)?[a-zA-Z]|\{\w+(?:[:!][^{}\s]*)?\}|\{\{\s*[\w.]+\s*\}\}"
)


@dataclass(frozen=True, slots=True)
class Unit:
    """One translatable unit: a PO message in the document's catalogs."""

    id: str
    document: str
    lang: str
    kind: BlockKind
    text: str
    line: int
    heading_path: tuple[str, ...]
    line_starts: tuple[int, ...] = ()

    def line_at(self, offset: int) -> int:
        """Return the 1-based source line of the character at `offset`."""
        return line_of(self.line, self.line_starts, offset)


def has_prose(text: str) -> bool:
    """Whether `text` holds words to translate outside code, URLs and link targets, an
    address, a formula, keys or an emoji: a unit of only those has nothing to translate."""
    return any(character.isalpha() for character in _NO_WORDS.sub(" ", NOT_PROSE.sub(" ", text)))


# An e-mail or www. address, a formula ($$x = y^2$$, MyST's and GitHub's $…$), keys
# (pymdownx.keys' ++ctrl+alt+del++) and an emoji's or icon's shortcode (:smile:).
_NO_WORDS = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b|\bwww\.[\w-]+(?:\.[\w-]+)+\S*|\$\$.*?\$\$"
    r"|\$(?![\s$])[^$\n]*(?<!\s)\$(?!\d)|\+\+[\w+-]+\+\+|:[\w+-]+:",
    re.DOTALL,
)


def split_units(document: Document, segmentation: Segmentation = "block") -> Iterator[Unit]:
    """Yield the document's units in reading order, each with a stable id.

    The id hashes the document and the text, so it survives edits elsewhere in
    the file; a repeated text gets a counter suffix ("…-2").
    """
    seen: Counter[str] = Counter()
    headings: list[tuple[int, str]] = []
    for block in document.blocks:
        path = tuple(text for _, text in headings)
        if block.kind is BlockKind.HEADING:
            headings = [(lvl, t) for lvl, t in headings if lvl < block.heading_level]
            path = tuple(text for _, text in headings)
            headings.append((block.heading_level, block.text))
        for text, line, starts in _pieces(block, document.lang, segmentation):
            if not has_prose(text):
                continue
            digest = hashlib.blake2b(f"{document.name}\0{text}".encode(), digest_size=5).hexdigest()
            seen[digest] += 1
            unit_id = digest if seen[digest] == 1 else f"{digest}-{seen[digest]}"
            yield Unit(unit_id, document.name, document.lang, block.kind, text, line, path, starts)


def _pieces(
    block: Block, lang: str, segmentation: Segmentation
) -> Iterator[tuple[str, int, tuple[int, ...]]]:
    """Yield (text, first line, line starts) for the block or each of its sentences."""
    if segmentation == "block" or block.kind not in {BlockKind.PARAGRAPH, BlockKind.LIST_ITEM}:
        yield block.text, block.line, block.line_starts
        return
    for start, end in split_sentences(block.text, lang):
        starts = tuple(s - start for s in block.line_starts if start < s < end)
        yield block.text[start:end], block.line_at(start), starts
