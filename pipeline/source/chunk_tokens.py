"""spaCy's tokenizer on one chunk of text between spaces, without loading spaCy.

Sentence splitting asks how spaCy's tokenizer cuts the chunks around an end mark
("f.eks.", "www.sst.dk.", "(2026)."). Loading spaCy costs 0.8 s and 84 MB in each
process. Its tokenizer is rules: prefix, suffix and infix patterns, a URL pattern and
special cases. This module applies them with Python's `re` as tokenizer.pyx does
(`_split_affixes`, `_attach_tokens`, then the special cases that hold affixes). The
rules are read from spaCy once a machine and kept in the user's cache folder, like the
dictionaries' word forms. tests/sentences holds the tokens to spaCy's on every chunk of
its real texts and on every special case set in marks.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.project.files import machine_kept

Pattern = tuple[str, int] | None  # a regular expression and its flags
Specials = dict[str, tuple[str, ...]]  # a special case → the tokens it is cut into
Tokens = tuple[tuple[str, int], ...]  # each token and its offset in the chunk
_NEVER = re.compile("a^")


@dataclass(frozen=True)
class TokenizerRules:
    """What a spaCy tokenizer cuts with, as plain data."""

    prefix: Pattern
    suffix: Pattern
    infix: Pattern
    token: Pattern  # token_match
    url: Pattern  # url_match
    specials: Specials
    with_affixes: tuple[str, ...]  # the special cases found again after cutting
    stop_words: frozenset[str]


def read_rules(nlp: Any) -> TokenizerRules:
    """The rules of spaCy pipeline `nlp`'s tokenizer."""
    from spacy.symbols import ORTH

    found = nlp.tokenizer
    if not hasattr(found, "rules"):  # Chinese, Japanese, Korean, Thai cut words otherwise:
        import spacy  # their end marks by the rules spaCy has for any language

        return read_rules(spacy.blank("xx"))

    def pattern(function: Any) -> Pattern:
        compiled = getattr(function, "__self__", None)
        return None if compiled is None else (compiled.pattern, compiled.flags)

    specials = {
        word: tuple(piece.get(ORTH) or piece["ORTH"] for piece in pieces)  # ours: "ORTH"
        for word, pieces in found.rules.items()
    }
    # As add_special_case decides which cases its matcher looks for after cutting.
    with_affixes = tuple(
        word
        for word in specials
        if not found.faster_heuristics
        or found.find_prefix(word)
        or found.find_infix(word)
        or found.find_suffix(word)
        or " " in word
    )
    return TokenizerRules(
        pattern(found.prefix_search), pattern(found.suffix_search),
        pattern(found.infix_finditer), pattern(found.token_match), pattern(found.url_match),
        specials, with_affixes, frozenset(nlp.Defaults.stop_words),
    )  # fmt: skip


def kept_rules(lang: str, version: str, load: Callable[[], Any]) -> TokenizerRules:
    """Language `lang`'s rules from the user's cache folder, or read from spaCy
    (`load` gives the pipeline) and kept there; `version` names spaCy's and ours."""
    return machine_kept("tokenizer", lang, version, lambda: read_rules(load()))


class ChunkTokenizer:
    """Cuts a chunk with no spaces as spaCy's tokenizer with these rules does."""

    def __init__(self, rules: TokenizerRules) -> None:
        self.rules = rules
        self._prefix = _compiled(rules.prefix).search
        self._suffix = _compiled(rules.suffix).search
        self._infix = _compiled(rules.infix).finditer
        self._whole = [_compiled(p).match for p in (rules.token, rules.url) if p is not None]
        self._token = _compiled(rules.token).match
        self._specials = rules.specials
        # Each special case with affixes as the cutting leaves it: spaCy's matcher finds
        # those token runs again and puts the special case in their place.
        self._cut: dict[tuple[str, ...], str] = {}
        for word in rules.with_affixes:
            if word and " " not in word:  # a chunk has no spaces
                self._cut.setdefault(tuple(self._cut_affixes(word, {})), word)
        self._longest = max(map(len, self._cut), default=0)

    def tokens(self, chunk: str) -> Tokens:
        return with_offsets(self._with_special_runs(self._cut_affixes(chunk, self._specials)))

    def _cut_affixes(self, string: str, specials: Specials) -> list[str]:
        """_split_affixes and _attach_tokens: prefixes and suffixes off, then the rest
        whole (a special case, a token or URL match) or cut at its infixes."""
        if string in specials:
            return list(specials[string])
        prefixes: list[str] = []
        suffixes: list[str] = []
        last = 0
        while string and len(string) != last:
            if self._token(string) or string in specials:
                break
            last = len(string)
            before, after = _length(self._prefix(string)), 0
            if before:
                prefix, rest = string[:before], string[before:]
                if rest and rest in specials:
                    string = rest
                    prefixes.append(prefix)
                    break
            after = _length(self._suffix(string[before:]))
            if after:
                suffix, rest = string[-after:], string[:-after]
                if rest and rest in specials:
                    string = rest
                    suffixes.append(suffix)
                    break
            if before and after and before + after <= len(string):
                prefixes.append(string[:before])
                suffixes.append(string[-after:])
                string = string[before:-after]
            elif before:
                prefixes.append(string[:before])
                string = string[before:]
            elif after:
                suffixes.append(string[-after:])
                string = string[:-after]
        return [*prefixes, *self._rest(string, specials), *reversed(suffixes)]

    def _rest(self, string: str, specials: Specials) -> Iterator[str]:
        if not string:
            return
        if string in specials:
            yield from specials[string]
        elif any(match(string) for match in self._whole):
            yield string
        else:
            start = 0
            for found in self._infix(string):
                if found.start() == 0:
                    continue  # an infix at the start cuts nothing off
                if found.start() != start:
                    yield string[start : found.start()]
                if found.start() != found.end():
                    yield found.group()
                start = found.end()
            if string[start:]:
                yield string[start:]

    def _with_special_runs(self, words: list[str]) -> list[str]:
        """_apply_special_cases: runs of tokens a special case with affixes is cut into,
        longest first then leftmost, each put back as the special case cuts it."""
        runs = [
            (start, end)
            for start in range(len(words))
            for end in range(start + 1, min(len(words), start + self._longest) + 1)
            if tuple(words[start:end]) in self._cut
        ]
        if not runs:
            return words
        runs.sort(key=lambda run: (run[1] - run[0], -run[0]))
        seen: set[int] = set()
        kept = []
        for start, end in reversed(runs):  # as _filter_special_spans: its ends unseen
            if start not in seen and end - 1 not in seen:
                kept.append((start, end))
            seen.update(range(start, end))
        cut: list[str] = []
        at = 0
        for start, end in sorted(kept):
            text = "".join(words[start:end])
            cut += words[at:start] + list(self._specials.get(text, words[start:end]))
            at = end
        return cut + words[at:]


def with_offsets(words: Sequence[str]) -> Tokens:
    """Each of a chunk's `words`, in order, with where it starts in the chunk."""
    starts = itertools.accumulate((len(word) for word in words[:-1]), initial=0)
    return tuple(zip(words, starts, strict=True)) if words else ()


def _compiled(pattern: Pattern) -> re.Pattern[str]:
    return _NEVER if pattern is None else re.compile(pattern[0], pattern[1])


def _length(found: re.Match[str] | None) -> int:
    return found.end() - found.start() if found is not None else 0
