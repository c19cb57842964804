"""Hover: a glossary term's concept, definition and other languages; a sentence's LIX and why.

The term is found by the checks' own matcher (inflections, compounds), the sentence and
its counts come from the readability stage for the text as edited, so a hover and
`pipeline readability` never disagree.
"""

from __future__ import annotations

from lsprotocol import types

from pipeline.lsp.diagnostics import utf16
from pipeline.readability.counts import is_long
from pipeline.readability.levels import DocumentScore, SentenceScore, lix_band
from pipeline.source.language import words
from pipeline.terms.glossary import Concept, Glossary
from pipeline.terms.matcher import Hit
from pipeline.terms.occurrences import Matchers

_LONG_SENTENCE = 25  # readability/long-sentence's default: the length worth saying aloud


def hover_text(
    lines: list[str],
    position: types.Position,
    score: DocumentScore | None,
    matchers: Matchers | None,
    bounds: tuple[float, ...],
) -> str | None:
    """Markdown for a hover at `position`: the term under it, the sentence it is in."""
    if position.line >= len(lines) or not lines[position.line].strip():
        return None
    parts = []
    if matchers is not None and score is not None:
        lang = _language_at(lines, position.line, score)
        hit = _hit_at(lines[position.line], position.character, matchers, lang)
        if hit is not None:
            parts.append(_term(hit, matchers.glossary, lang))
    if score is not None:
        sentences = _sentences_at(lines, position, score)
        parts += [_sentence(sentence, bounds) for sentence in sentences]
    return "\n\n---\n\n".join(parts) or None


def _language_at(lines: list[str], line: int, score: DocumentScore) -> str:
    """A PO catalog's msgid is in the source language, its msgstr in the catalog's."""
    for number in range(line, -1, -1):
        text = lines[number]
        if text.startswith(("msgid", "msgctxt")):
            return score.source_lang
        if text.startswith("msgstr"):
            return score.lang
    return score.lang


def _hit_at(line: str, column: int, matchers: Matchers, lang: str) -> Hit | None:
    for hit in matchers.hits(lang, line):
        if utf16(line, hit.start) <= column <= utf16(line, hit.end):
            return hit
    return None


def _term(hit: Hit, glossary: Glossary, lang: str) -> str:
    concept = glossary.concept(hit.concept)
    status = hit.term.status.value
    keep = " · keep as it is" if concept.do_not_translate else ""
    text = [f"**{hit.term.text}** ({status}) · concept `{concept.id}`{keep}"]
    if not hit.term.allowed:
        preferred = concept.preferred(lang)
        text.append(f"Use **{preferred.text}** instead." if preferred else "Do not use it.")
    text += [f"_{definition}_" for definition in concept.definitions]
    text += _other_languages(concept, lang)
    return "\n\n".join(text)


def _other_languages(concept: Concept, lang: str) -> list[str]:
    found = []
    for other in sorted({term.lang for term in concept.terms} - {lang.split("-")[0]}):
        allowed = [t.text for t in concept.terms_in(other) if t.allowed]
        preferred = concept.preferred(other)
        if preferred is not None:
            allowed.remove(preferred.text)
            allowed.insert(0, f"**{preferred.text}**")
        banned = [t.text for t in concept.terms_in(other) if not t.allowed]
        line = f"{other}: {', '.join(allowed) or '—'}"
        found.append(line + (f" (not: {', '.join(banned)})" if banned else ""))
    return found


def _sentences_at(
    lines: list[str], position: types.Position, score: DocumentScore
) -> list[SentenceScore]:
    """The sentence under the cursor; in a PO entry, every sentence of its msgstr (the
    readability stage gives them all the msgstr's line)."""
    if score.is_translation:
        line = _msgstr_line(lines, position.line)
        return [s for s in score.sentences if s.line == line + 1] if line is not None else []
    before = [s for s in score.sentences if s.line <= position.line + 1]
    if not before:
        return []
    on_line = [s for s in before if s.line == position.line + 1]
    text = lines[position.line]
    columns = _columns(text, on_line)
    started = [
        s for s, column in zip(on_line, columns, strict=True) if column <= position.character
    ]
    if started:
        return [started[-1]]
    earlier = [s for s in before if s.line < position.line + 1]
    return [earlier[-1]] if earlier and _same_block(lines, earlier[-1].line - 1, position) else []


def _columns(text: str, sentences: list[SentenceScore]) -> list[int]:
    """Where each sentence starts on its line: its first word, found after the one
    before's ("The cat sat. The doctor…": the second "The" is the second sentence's)."""
    columns, cursor = [], 0
    for sentence in sentences:
        head = sentence.text.split()[0] if sentence.text.split() else ""
        index = text.find(head, cursor)
        columns.append(utf16(text, index) if index >= 0 else 0)
        cursor = index + max(len(head), 1) if index >= 0 else cursor
    return columns


def _same_block(lines: list[str], first: int, position: types.Position) -> bool:
    return all(lines[number].strip() for number in range(first, position.line + 1))


def _msgstr_line(lines: list[str], line: int) -> int | None:
    for number in range(line, -1, -1):
        text = lines[number]
        if text.startswith("msgstr"):
            return number
        if not text.strip() or text.startswith(("msgid", "#")):
            return None
    return None


def _sentence(sentence: SentenceScore, bounds: tuple[float, ...]) -> str:
    counts = sentence.counts
    band = lix_band(counts.lix, bounds)
    text = [f"**LIX {counts.lix:.0f}** ({band}) · {counts.words} words, "
            f"{counts.long_word_share:.0%} long words"]  # fmt: skip
    if counts.words > _LONG_SENTENCE:
        text.append(f"Long: over {_LONG_SENTENCE} words is more than readers hold at once.")
    long_words = list(dict.fromkeys(word for word in words(sentence.text) if is_long(word)))
    if long_words:
        text.append("Long words (over six letters): " + ", ".join(long_words))
    return "\n\n".join(text)
