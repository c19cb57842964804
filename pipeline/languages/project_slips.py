"""Slips of the project's own words: a word written once, one letter from a word the
project writes again and again ("instilling" beside 259 times "indstilling").

A dictionary cannot see these when the slip leaves a word it builds from parts
("hoven|øglen" for hovednøglen, "pass|phase" for passphrase) or a name it does not know
("værtøjstip"). The project's own counts can: a typo is rare, and close to a word the
same writers use often. Only long words count: short ones have many right neighbours.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping

from pipeline.languages.technical import one_slip

LONG = 7  # letters: the shortest word read as a slip of a project word
WRITTEN_AGAIN = 2  # how often the project writes the word meant
PART = 3  # letters: the shortest word counted, as a part of a compound
_WORD = re.compile(rf"(?<![\w-])[^\W\d_]{{{PART},}}(?![\w-])")

ProjectWords = Mapping[tuple[str, str], int]  # (language, word) → how often written


# Per language, every word of a document in lower case, one space apart: a big project
# holds one for each of thousands of documents, and a string is a fraction of the tuples.
DocumentWords = tuple[tuple[str, str], ...]


def word_counts(texts: Iterable[tuple[str, str]]) -> Counter[tuple[str, str]]:
    """The words of (language, text) pairs, counted in lower case ("Sysprof", a name,
    counts as "sysprof")."""
    return counted(document_words(texts))


CODE = "code"  # the "language" of the names a document writes in its code


def document_words(texts: Iterable[tuple[str, str]]) -> DocumentWords:
    """The words of a document's (language, text) pairs, counted by `each_word`."""
    by_lang: dict[str, list[str]] = {}
    for lang, text in texts:
        by_lang.setdefault(lang, []).extend(map(str.lower, _WORD.findall(text)))
    return tuple((lang, " ".join(words)) for lang, words in by_lang.items())


def counted(words: DocumentWords) -> Counter[tuple[str, str]]:
    """`Counter(each_word(words))`, in the same order, each language's words counted in
    C (a big catalog writes 1.6M words: a third of a second as tuples)."""
    total: Counter[tuple[str, str]] = Counter()
    for lang, joined in words:
        for word, count in Counter(joined.split()).items():
            total[lang, word] += count
    return total


def each_word(words: DocumentWords) -> Iterator[tuple[str, str]]:
    """Every (language, word) of a document's `words`, once per time it is written."""
    return ((lang, word) for lang, joined in words for word in joined.split())


def of_written_words(
    lang: str, word: str, written: ProjectWords, knows: Callable[[str, str], bool]
) -> bool:
    """A hyphenated `word` whose parts the project writes on their own, WRITTEN_AGAIN
    times or more, or in its code, or the speller `knows`, but for short codes
    ("sysprof-programmet" where it writes "Sysprof", "gedit-menuen" where it writes
    "gedit" and "menuen" is Danish, "Numpy-style" where its code says `numpy-style`).
    Not a closed compound: two short words the project writes make most two-word slips
    ("out|out", "any|here", "comma|and")."""
    parts = [part for part in word.lower().split("-") if len(part) > PART]
    return (
        "-" in word
        and bool(parts)
        and all(
            written.get((lang, part), 0) >= WRITTEN_AGAIN
            or written.get((CODE, part), 0)
            or knows(lang, part)
            for part in parts
        )
    )


def slips_of_project_words(
    candidates: Iterable[tuple[str, str]],
    written: ProjectWords,
    knows: Callable[[str, str], bool],
) -> dict[tuple[str, str], str]:
    """For each (language, word) of `candidates` the project writes at most once: the
    word it is a slip of, if the project writes that WRITTEN_AGAIN times or more, the
    speller `knows` it (language, word), and it is no other form of the same word."""
    wanted = [(lang, word) for lang, word in candidates if written.get((lang, word), 0) <= 1]
    if not wanted:
        return {}
    # A slip keeps the first letter and changes the length by one at most.
    shapes = {(lang, word[0], len(word) + d) for lang, word in wanted for d in (-1, 0, 1)}
    index = _by_deletion(
        (lang, word)
        for (lang, word), n in written.items()
        if n >= WRITTEN_AGAIN and (lang, word[0], len(word)) in shapes
    )
    found = {}
    for lang, word in wanted:
        meant = [
            other for other in _neighbours(word, index.get(lang, {}))
            if _a_slip(lang, word, other, written) and knows(lang, other)
        ]  # fmt: skip
        if meant:
            found[lang, word] = max(meant, key=lambda other: written[lang, other])
    return found


def _by_deletion(words: Iterable[tuple[str, str]]) -> dict[str, dict[str, list[str]]]:
    """Per language, each word and each of its one-letter deletions → the words: two
    words one slip apart share an entry (a symmetric-deletion index)."""
    index: dict[str, dict[str, list[str]]] = {}
    for lang, word in words:
        by_key = index.setdefault(lang, {})
        for key in {word, *_deletions(word)}:
            by_key.setdefault(key, []).append(word)
    return index


def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


def _neighbours(word: str, index: Mapping[str, list[str]]) -> set[str]:
    found = {other for key in (word, *_deletions(word)) for other in index.get(key, ())}
    found.discard(word)
    return {other for other in found if one_slip(word, other)}


def _a_slip(lang: str, word: str, other: str, written: ProjectWords) -> bool:
    """A slip, not a form: the first letter and the last three kept (an ending is a form),
    no Danish e dropped before the ending ("filtret", "filteret"), and the word no
    compound of two words the project writes ("datoserie" beside "dataserie": it
    writes "dato" and "serie"; but "fjer|computeren" beside "fjerncomputeren") unless
    only a Danish linking letter differs ("udskriftområder" beside "udskriftsområder")."""
    if word[0] != other[0] or word[-3:] != other[-3:]:
        return False
    letter, at = _difference(word, other)
    if lang == "da" and letter == "e" and at >= len(word) - 5:
        return False
    linking = lang == "da" and letter in "se" and len(word) != len(other)
    return linking or not _two_words_written(lang, word, written)


def _difference(word: str, other: str) -> tuple[str, int]:
    """The letter one of two words has where they first differ, and where."""
    at = next((i for i, (a, b) in enumerate(zip(word, other, strict=False)) if a != b), 0)
    if len(word) == len(other):
        return word[at], at
    longer = word if len(word) > len(other) else other
    at = next(i for i in range(len(longer)) if longer[:i] + longer[i + 1 :] in (word, other))
    return longer[at], at


def _two_words_written(lang: str, word: str, written: ProjectWords) -> bool:
    """`word` is two words the project writes on their own, in Danish perhaps joined by
    a linking s, or an e after a consonant."""
    for cut in range(PART, len(word) - PART + 1):
        head, tail = word[:cut], word[cut:]
        if not written.get((lang, tail)):
            continue
        stems = [head]
        linked = head[-1] == "s" or (head[-1] == "e" and head[-2] not in "aeiouyæøå")
        if lang == "da" and linked:
            stems.append(head[:-1])
        if any(len(stem) >= PART and written.get((lang, stem)) for stem in stems):
            return True
    return False
