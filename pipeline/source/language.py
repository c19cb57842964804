"""Per-language tools: cached spaCy blank tokenizers and a Danish/English sentence splitter."""

from __future__ import annotations

import functools
import re
from functools import cache
from typing import TYPE_CHECKING

from pipeline.project import memo
from pipeline.project.config import primary_language
from pipeline.source.chunk_tokens import (
    ChunkTokenizer,
    Specials,
    TokenizerRules,
    Tokens,
    kept_rules,
    with_offsets,
)

if TYPE_CHECKING:
    from spacy.language import Language

# Abbreviations the blank tokenizers split off their period; adding them as special
# cases keeps "approx. 3" and "cf. Table 2" inside one sentence.
_EXTRA_ABBREVIATIONS = {
    "da": ("bla.", "mfl.", "vedr.", "iht.", "max.", "min.", "el.", "ml.", "mg.", "mm."),
    "en": (
        "etc.", "approx.", "incl.", "Fig.", "fig.", "No.", "cf.", "al.", "ca.", "vol.",
        "excl.", "esp.", "dept.", "est.", "min.", "max.", "misc.", "resp.", "viz.", "pp.",
        "sec.", "ch.", "eq.", "ed.", "eds.", "no.", "nos.", "figs.", "ref.", "refs.", "ver.",
    ),
}  # fmt: skip
# Abbreviations that often close a sentence: before a capital letter they end it.
_SENTENCE_FINAL_ABBREVIATIONS = {"osv.", "mv.", "m.m.", "pct.", "kr.", "etc.", "o.l.", "mfl."}
# Abbreviations that never close one: what follows belongs to them ("f.eks. De fleste").
_NON_FINAL_ABBREVIATIONS = {
    "f.eks.", "fx.", "e.g.", "i.e.", "bl.a.", "dvs.", "jf.", "jvf.", "cf.", "ca.", "approx.",
    "vs.", "Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "St.", "nr.", "Nr.", "kl.", "hhv.", "inkl.",
    "ekskl.", "incl.", "evt.", "mht.", "vha.", "pga.", "iflg.", "vedr.", "ifm.", "viz.",
}  # fmt: skip
# Words that start a sentence after an abbreviation, beside the language's stop words.
_SENTENCE_STARTERS = {
    "hvert", "hver", "hvilket", "hvilke", "dette", "disse", "denne", "hvis", "når",
    "each", "every", "these", "those", "this", "however",
}  # fmt: skip
_OPENERS = "\"'\u201c\u2018\u00ab\u00bb\u201e("
_CLOSERS = {")", "]", '"', "'", "\u201d", "\u2019", "\u00bb", "\u00ab", "*", "**", "_", "__"}
_MONTHS_DA = {
    "januar", "februar", "marts", "april", "maj", "juni", "juli",
    "august", "september", "oktober", "november", "december",
}  # fmt: skip
_TERMINATORS = {".", "!", "?", "…", "..."}
# Markdown syntax hidden from the tokenizer (same length, so offsets still hold); links
# inline and by reference ("[text][id]").
_MARKUP = re.compile(
    r"!?\[|\]\([^)]*\)|\]\[[^\]\s]*\]|(?<=\w)[*_~]+|[*_~]+(?=\w)|<[^>\s]+>"
    r"|</?[A-Za-z][\w:-]*\s[^<>]*>"  # a tag with attributes: <span lang="en">
    r"|https?://\S+?(?=[.,;:!?)]*(?:\s|$))"
)
# A backslash before a backtick makes it a character (man pages' \`\`quoted''), not code.
CODE_SPAN = re.compile(r"(?<!\\)`+[^`]*`+")
_URL = re.compile(r"https?://\S+")
_PUNCTUATION = "\"'`()[]{}<>,;:!?\u2013\u2014-\u2026\u201c\u201d\u2018\u2019\u00ab\u00bb/|"


@cache
def tokenizer(lang: str) -> Language:
    """Return a blank spaCy pipeline for `lang` (no model download), built once."""
    import spacy  # deferred: importing spaCy costs about a second

    primary = lang.split("-")[0].split("_")[0].lower()
    try:
        nlp = spacy.blank(primary)
    except ImportError:
        nlp = spacy.blank("xx")
    for abbreviation in _EXTRA_ABBREVIATIONS.get(primary, ()):
        special_case = nlp.tokenizer.add_special_case  # type: ignore[union-attr]
        special_case(abbreviation, [{"ORTH": abbreviation}])
    return nlp


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences in inline-Markdown `text`.

    Abbreviations ("f.eks.", "bl.a.", "e.g.", "Dr."), ordinal dates ("24. november")
    and decimal numbers do not end a sentence. Markup stays with its sentence.

    spaCy's tokenizer works on each whitespace-separated chunk on its own, so only
    chunks holding an end mark, and the chunk after each, are tokenized (each distinct
    chunk once, its tokens kept in the cache folder): most words cannot end a sentence.
    """
    masked = CODE_SPAN.sub(lambda m: "x" * len(m.group()), text)
    masked = _MARKUP.sub(lambda m: " " * len(m.group()), masked)
    spans: list[tuple[int, int]] = []
    start = _skip_space(text, 0)
    for chunk in _END_MARK_CHUNK.finditer(masked):
        following = _CHUNK.search(masked, chunk.end())
        previous = _previous_chunk(masked, chunk.start())
        # After a degree, a name's second word tells "dr.med. Jens Hansen" from a new
        # sentence ("… sin ph.d. Afhandlingen handlede …"); other chunks need no more.
        then = None
        if following and _MAYBE_DEGREE.search(chunk.group()):
            after = _CHUNK.search(masked, following.end())
            then = after and after.group()
        for offset in _chunk_boundaries(
            lang, chunk.group(), following and following.group(), previous, then
        ):
            end = _run_to_space(text, chunk.start() + offset)
            if end > start:
                spans.append((start, end))
                start = _skip_space(text, end)
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    return spans


_CHUNK = re.compile(r"\S+")
_LAST_CHUNK = re.compile(r"(\S+)\s*$")


def _previous_chunk(text: str, position: int) -> str | None:
    found = _LAST_CHUNK.search(text, max(0, position - 80), position)
    return found.group(1) if found else None


# A chunk with a mark that may end a sentence; looked ahead for from each chunk's start
# ("\S*[.!?]\S*" tried every letter of every chunk, and most chunks have none).
_END_MARK_CHUNK = re.compile(r"(?<!\S)(?=\S*?[.!?\u2026])\S+")


@functools.lru_cache(maxsize=1 << 16)
def _chunk_boundaries(
    lang: str,
    chunk: str,
    following_chunk: str | None,
    previous_chunk: str | None,
    then_chunk: str | None = None,
) -> tuple[int, ...]:
    """Offsets in `chunk` after which a sentence ends, given the chunks around it (and
    the one after the next, after a degree)."""
    tokens = list(_chunk_tokens(lang, chunk))
    if following_chunk is not None:
        first = _chunk_tokens(lang, following_chunk)[0][0]
        tokens.append((first, len(chunk) + 1))  # past a space, as in the text
    # The chunk before matters only for an initial ("af F. Pinard", "Z, Y. Binært"): its
    # last character tells a word from punctuation without tokenizing it.
    before = previous_chunk or ""
    if before and not before[-1].isalnum():
        before = before[-1]
    found = []
    for index, (word, at) in enumerate(tokens):
        after = index + 1
        while after < len(tokens) - 1 and tokens[after][0] in _CLOSERS:
            after += 1  # "(… for RAID.) På": the closer stays with its sentence
        if after >= len(tokens):
            break
        following, following_at = tokens[after]
        if following_at <= len(chunk) and following[:1].isalnum():
            continue  # "3.5", "x.dk": the tokenizer split inside a word
        previous = tokens[index - 1][0] if index else before
        # After emphasis ("linux.* or"), a lowercase word does not start a sentence.
        glued = at > 0 and not any(t in "*_" for t, _ in tokens[index + 1 : after])
        degree = (
            word == "."
            and primary_language(lang) == "da"
            and _is_degree(previous, previous_chunk if index == 1 else None)
        )
        if degree and following[:1].isupper() and (then_chunk or "")[:1].isupper():
            continue  # a name: "dr.med. Jens Hansen"
        if _ends_sentence(lang, word, following, previous, glued, degree):
            found.append(tokens[after - 1][1] + len(tokens[after - 1][0]))
    return tuple(found)


def _chunk_tokens(lang: str, chunk: str) -> Tokens:
    """spaCy's tokens of a whitespace-free chunk, with offsets: a plain one's or a
    special case's worked out here, any other's by its rules (chunk_tokens), kept in the
    cache folder."""
    tokens = _plain_tokens(lang, chunk)
    if tokens is not None:
        return tokens
    known = memo.table("chunk-tokens", _tokenizer_version())
    tokens = known.get((lang, chunk))
    if tokens is None:
        tokens = known[(lang, chunk)] = chunk_tokenizer(lang).tokens(chunk)
    return tokens


# A word of letters only or digits only, and at most one mark after it.
_PLAIN_CHUNK = re.compile(r"([^\W\d_]+|[0-9]+)([.!?,;:]?)")


def _plain_tokens(lang: str, chunk: str) -> Tokens | None:
    """The tokens of a plain chunk ("sætning.", "13.", "og,", "Det"), known without
    spaCy: its tokenizer splits the mark off a word that ends in a lowercase letter or a
    digit, unless a special case of the language's says otherwise ("dvs.", "cannot").
    A chunk that is a special case ("1.", "f.eks.") is split as the case says: the
    tokenizer looks for one before anything else. None for any other chunk.
    tests/sentences compares this with spaCy on real text."""
    special = _tokenizer_words(lang)[2]
    pieces = special.get(chunk)
    if pieces is not None:
        return with_offsets(pieces)
    found = _PLAIN_CHUNK.fullmatch(chunk)
    if found is None:
        return None
    word, mark = found.groups()
    if mark and not (word[-1].islower() or word[-1].isdigit()):
        return None  # "A.", "ATMP." are kept whole or not, as the tokenizer decides
    if word in special:
        return None
    return ((word, 0), (mark, len(word))) if mark else ((word, 0),)


@cache
def chunk_tokenizer(lang: str) -> ChunkTokenizer:
    """spaCy's tokenizer for `lang` on one chunk, from its rules kept once a machine:
    loading spaCy costs 0.8 s and 84 MB a process (`chunk_tokens`)."""
    return ChunkTokenizer(_tokenizer_rules(lang))


@cache
def _tokenizer_rules(lang: str) -> TokenizerRules:
    primary = lang.split("-")[0].split("_")[0].lower()
    return kept_rules(primary, _tokenizer_version(), lambda: tokenizer(lang))


@cache
def _tokenizer_words(lang: str) -> tuple[frozenset[str], frozenset[str], Specials]:
    """The language's stop words, the abbreviations its tokenizer keeps whole, and all
    its special cases with their tokens (the rules alone: a plain chunk needs no
    compiled patterns)."""
    rules = _tokenizer_rules(lang)
    abbreviations = frozenset(word for word in rules.specials if word.endswith("."))
    return rules.stop_words, abbreviations, rules.specials


@cache
def _tokenizer_version() -> str:
    """Tokens hold while spaCy and our special cases stay as they are (and the shape of
    the tables: "3" since they keep the special cases' tokens)."""
    extra = repr(sorted(_EXTRA_ABBREVIATIONS.items()))
    return memo.digest(memo.package_version("spacy"), extra, "3")


_INITIAL = re.compile(r"[A-ZÆØÅ]\.")


def _ends_sentence(
    lang: str, word: str, following: str, previous: str, glued: bool, degree: bool = False
) -> bool:
    """Whether a sentence ends after token `word`, given the tokens around it.

    `glued` says `word` follows another token without a space ("CAR-T." is split
    as "CAR", "-", "T."); `degree` that it is the period of a Danish degree.
    """
    first = following[:1]
    stop_words, abbreviations, _ = _tokenizer_words(lang)
    starter = first.isupper() and following.lower() in stop_words | _SENTENCE_STARTERS
    starts_sentence = first.isupper() or first in _OPENERS or first.isdigit()
    if degree:  # "ph.d. fra Aarhus", "(cand.med.) ved"; "… cand.med. Efter det …" ends
        return first.isupper()
    if word == ".":
        # The tokenizer split the period off a word it does not know as an abbreviation,
        # so even a lowercase word after it starts a sentence ("… speakup. speakup …"),
        # but not after a period standing alone ("med et . som det første tegn").
        return starts_sentence or (glued and first.islower() and _is_word(previous))
    if word in _TERMINATORS:  # "…", "!", "?": "»Starting kernel ...«, men" goes on
        return starts_sentence
    if not word.endswith(".") or not (first.isupper() or first in _OPENERS):
        return False
    if word[:-1].isdigit():  # ordinal: "24. november" goes on, "side 12. Her" ends
        return following.lower() not in _MONTHS_DA
    if len(word) == 2 and word[0].islower():
        return True  # a one-letter word, not an initial: "ved at taste a. Og så"
    if _INITIAL.fullmatch(word):
        opener = not first.isalnum()  # "in B. \"Conflicts\"" ends
        return glued or starter or opener or not _may_precede_initial(previous)
    if word in _SENTENCE_FINAL_ABBREVIATIONS:
        return True
    if word in abbreviations or _INITIALS.fullmatch(word):
        # "pr. stk. Hvert", "No. This": an abbreviation before a sentence starter ends it.
        return starter and word not in _NON_FINAL_ABBREVIATIONS
    return True  # any other word the tokenizer left its period on: "CAR-T. Du …"


_INITIALS = re.compile(r"(?:\w\.){2,}")
# Danish degrees and titles, which the tokenizer splits as "cand.med" and "." or, written
# apart, as "dr." then "med" and ".": a lowercase word or a name after them goes on.
_DEGREE = re.compile(r"(?:cand|stud|dr|lic|mag)(?:\.[a-zæøå]+)+|ph\.d", re.IGNORECASE)
_DEGREE_HEADS = {"cand.", "stud.", "dr.", "lic.", "mag."}
_DEGREE_FIELDS = {
    "med", "jur", "phil", "scient", "polit", "theol", "art", "pharm", "odont", "psych",
    "merc", "oecon", "techn", "agro", "act", "arch", "mag", "soc",
}  # fmt: skip


_MAYBE_DEGREE = re.compile(r"(?i)(?:^|\W)(?:cand|stud|dr|lic|mag|ph|med|jur|phil|art)\b\S*\.\W*$")


def _is_degree(previous: str, chunk_before: str | None) -> bool:
    """Whether a period after token `previous` closes a degree: "cand.med." in one
    chunk, or "med." after the chunk `chunk_before` ("dr.")."""
    if chunk_before is not None and chunk_before.lower() in _DEGREE_HEADS:
        return previous.lower() in _DEGREE_FIELDS
    return bool(_DEGREE.fullmatch(previous))


def _may_precede_initial(previous: str) -> bool:
    """An initial follows a word ("Skrevet af F. Pinard", "Anne B. Hansen") or starts a
    sentence; after a comma it is a letter in a list ("T, P, E, Z, Y. Binært")."""
    return not previous or previous[:1].isalnum() or previous in _TERMINATORS


def _is_word(token: str) -> bool:
    """A word or a closing bracket, not a number ("2. udgave") or a letter ("s. 12")."""
    return (len(token) > 1 and any(c.isalpha() for c in token)) or token in ")]}\u00bb\u00ab"


def _run_to_space(text: str, position: int) -> int:
    while position < len(text) and not text[position].isspace():
        position += 1
    return position


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def hide_markup(text: str) -> str:
    """`text` with code spans, URLs, tags and Markdown syntax blanked out, offsets kept."""
    masked = CODE_SPAN.sub(lambda m: " " * len(m.group()), text)
    return _URL.sub(
        lambda m: " " * len(m.group()), _MARKUP.sub(lambda m: " " * len(m.group()), masked)
    )


def words(text: str) -> list[str]:
    """Return the words of inline-Markdown `text`: no markup, URLs or punctuation.

    Words are whitespace-separated, as LIX counts them: "f.eks.", "CAR-T-celler",
    "patient's" and "2,5" are one word each; a code span is one short word: a name
    such as `show_source` is not the writer's to shorten.
    """
    masked = CODE_SPAN.sub("x", text)
    masked = _URL.sub(" ", _MARKUP.sub(lambda m: " " * len(m.group()), masked))
    found = []
    for chunk in masked.split():
        word = chunk.strip(_PUNCTUATION)
        if any(character.isalnum() for character in word):
            found.append(word)
    return found


def count_words(text: str) -> int:
    """Count the words of inline-Markdown `text` (markup and URLs excluded)."""
    return len(words(text))
