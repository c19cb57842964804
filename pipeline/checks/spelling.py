"""spelling/*: words no dictionary, word list or glossary knows, in sources and translations."""

from __future__ import annotations

import dataclasses
import functools
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from pipeline.checks.coverage import Coverage
from pipeline.checks.findings import Finding, Severity, counted
from pipeline.checks.literals import accelerator
from pipeline.checks.registry import CheckContext, rule
from pipeline.checks.spelling_evidence import (
    evidence_only,
    reported_unknown,
    unknown_and_named,
)
from pipeline.checks.suggestions import Suggestions
from pipeline.languages.dictionaries import dictionary_name, dictionary_path, missing_dictionary
from pipeline.languages.evidence import primary
from pipeline.languages.passages import Passage, find_passages
from pipeline.languages.project_slips import (
    CODE,
    ProjectWords,
    of_written_words,
    slips_of_project_words,
)
from pipeline.languages.spelling import Misspelling, Speller, Spellers, spellers
from pipeline.languages.technical import (
    ALWAYS_A_TERM,
    RECURRING,
    built_on_a_term,
    in_two_languages,
    project_terms,
)
from pipeline.project import memo
from pipeline.project.config import Config, SpellingSettings
from pipeline.terms.occurrences import TermText


@rule(
    "spelling/unknown-word",
    severity=Severity.WARNING,
    summary="A word no dictionary, word list or glossary knows: a typo, or a word to add.",
    target="text",
)
def unknown_word(subject: TermText, ctx: CheckContext) -> Iterator[Finding]:
    """Why: a typo in a patient leaflet costs trust, and readers cannot ask what was meant.

    Checked with Hunspell's dictionary for the text's language (`[tool.pipeline.spelling]
    dictionaries`, e.g. `en = "en_GB"`), and knowing the project's word list
    (`word-lists`), the glossary's terms in every inflection, names, acronyms and
    their inflections, code, numbers, loanwords from the other project language, and
    Danish compounds of known words. Capitalised words inside a sentence are names.
    A word the project writes once, one letter from a word it writes again and again,
    is reported even where the dictionary builds it ("fjer|computeren" beside
    "fjerncomputeren"). `pipeline words --add` puts the current findings in the word
    list for review.

    Example (da): "Behandlingn gives på hospitalet."
    Example (en): "The treatmnet is given in hospital."

    Instead: the dictionary's suggestion, best first ("behandlingen", "treatment"), or
    the word in the project's word list if it is right.
    """
    settings = ctx.spelling
    if settings is None:
        return
    source = subject.source
    for miss in _unit_misspellings(subject, ctx, settings):
        line = subject.line_at(miss.start)
        if miss.built:  # take_terms tells from the project's counts whether a slip
            built = _BUILT.format(miss.word)
            yield ctx.finding(
                subject.path, line, built, word=miss.word, lang=subject.lang, built="yes"
            )
            continue
        # The suggestions come once the run knows which words it reports (take_terms),
        # and a name is no finding: take_terms hears of it (evidence that a word the
        # project writes in two languages is a term) and drops it. So is a word the
        # translation copies from its source ("soname"): the source's language writes it.
        copied = source is not None and not miss.name and _written_in(miss.word, source.text)
        own = _passage_language(subject, ctx, miss)  # "netbooting" in an English passage
        langs = (own, source.lang) if copied and source else (own,)
        message, name = (_NAME, "yes") if miss.name or copied else (_UNKNOWN, "")
        for lang in langs:
            yield ctx.finding(
                subject.path, line, message.format(miss.word), word=miss.word, lang=lang,
                name=name,
            )  # fmt: skip


_UNKNOWN = "unknown word '{}'"
_NAME = "unknown word '{}', taken for a name"
_BUILT = "'{}' is built from known words"
_SLIP = "unknown word '{}' (written once; the project writes '{}' {} times); did you mean '{}'?"


def _written_in(word: str, text: str) -> bool:
    """`word` stands in `text` as a word of its own, in any case."""
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None


def spelling_settings(config: Config) -> SpellingSettings:
    """The project's spelling settings, its word lists found from the project's root."""
    lists = {lang: config.root / path for lang, path in config.spelling.word_lists.items()}
    settings = SpellingSettings(config.spelling.dictionaries, lists)
    files = memo.digest_files(spelling_files(settings, config.locales))
    return dataclasses.replace(settings, files_digest=files)


def note_spelling(
    settings: SpellingSettings,
    languages: tuple[str, ...],
    names: frozenset[str],
    coverage: Coverage,
) -> None:
    """Say which languages were spell-checked with which dictionary, and which not."""
    for lang in dict.fromkeys(primary(code) for code in languages):
        problem = missing_dictionary(dictionary_name(lang, settings.dictionaries))
        if problem:  # told by its files: loading a dictionary takes a fifth of a second
            coverage.notes.append(f"spelling not checked for {lang}: {problem}")
    for lang, path in settings.word_lists.items():
        if not path.exists():
            coverage.notes.append(
                f"word list for {lang} ({path.name}) does not exist yet: "
                "`pipeline words --add` starts it from today's findings"
            )


def spelling_files(settings: SpellingSettings, languages: tuple[str, ...]) -> list[Path]:
    """The files spelling reads (word lists, dictionaries): a change to one is a new run."""
    files = [path for path in settings.word_lists.values() if path.is_file()]
    for lang in languages:
        found = dictionary_path(dictionary_name(lang, settings.dictionaries))
        if found is not None:
            files += [found, found.with_suffix(".aff")]
    return files


def _unit_misspellings(
    subject: TermText, ctx: CheckContext, settings: SpellingSettings
) -> list[Misspelling]:
    """The unit's unknown words, from the cache folder when this text was checked
    before with the same dictionaries, word lists and glossary (then no dictionary is
    even loaded: a re-check after one edit loads them for that edit)."""
    skip = tuple((hit.start, hit.end) for hit in subject.hits)  # glossary terms, inflected
    mark = accelerator(subject.text, subject.source.text if subject.source else "")
    key = (subject.lang, subject.text, skip, mark)
    version = _version(settings, ctx)
    # Kept twice: in 256 tables by the document, so that a re-check of one edited
    # document reads one small table for its unchanged units (not all sixteen below:
    # its units' texts fall in every one), and in 16 tables by the text's checksum, so
    # that a text written again in another document is not checked again.
    mine = memo.table(
        f"spelling-documents-{zlib.crc32(subject.document.encode()) & 255:02x}", version
    )
    if key in mine:
        return list(mine[key])
    shard = zlib.crc32(subject.text.encode()) & 15
    known = memo.table(f"spelling-units-{shard:x}", version)
    if key in known:
        mine[key] = known[key]
        return list(known[key])
    languages = ctx.languages or (subject.lang,)
    found = spellers(languages, settings.dictionaries, settings.word_lists, ctx.names)
    speller = found.get(subject.lang)
    if speller is None:
        return []  # the run's coverage says which language has no dictionary
    text = subject.text
    if mark is not None and _one_word(speller, text, mark):
        text, skip = text[:mark] + text[mark + 1 :], tuple(_shifted(skip, mark))
    else:
        mark = None
    misses = speller.misspellings(text, skip, names=True)
    if misses:  # a passage in the other language is checked with its dictionary
        passages = find_passages(text, subject.lang, languages, ctx.names)
        misses = [m for m in misses if not _known_in_passage(m, passages, found)]
    misses = _with_mark(misses, mark)
    known[key] = mine[key] = tuple(misses)
    return misses


def _one_word(speller: Speller, text: str, mark: int) -> bool:
    """Whether the letters around an accelerator's mark read as one word: a word the
    dictionary knows ("Hj_ælp"), or one where neither part is ("Nuvær_nede", a slip).
    "Matriks_kolonne" for "Array co_lumn" is two known words, read as they are."""
    start = mark
    while start and text[start - 1].isalpha():
        start -= 1
    end = mark + 1
    while end < len(text) and text[end].isalpha():
        end += 1
    left, right = text[start:mark], text[mark + 1 : end]
    return speller.knows(left + right) or not (speller.knows(left) and speller.knows(right))


def _shifted(spans: Sequence[tuple[int, int]], mark: int) -> Iterator[tuple[int, int]]:
    """Where spans of the text stand once its accelerator's mark is taken out."""
    for start, end in spans:
        yield start - (start > mark), end - (end > mark)


def _with_mark(misses: Sequence[Misspelling], mark: int | None) -> list[Misspelling]:
    """The misspellings at their places in the text as written, with its mark."""
    if mark is None:
        return list(misses)
    return [
        dataclasses.replace(
            miss, start=miss.start + (miss.start >= mark), end=miss.end + (miss.end > mark)
        )
        for miss in misses
    ]


_DIGESTS: dict[tuple[str, tuple[str, ...], frozenset[str]], str] = {}


def _version(settings: SpellingSettings, ctx: CheckContext) -> str:
    """The code, the dictionaries, the word lists (their bytes) and the glossary's names.
    A run reads the files once (spelling_settings); settings made by hand are read here."""
    # Asked for every unit: the names (a frozenset, its hash kept) are sorted only once.
    key = (repr(settings), ctx.languages, ctx.names)
    if key not in _DIGESTS:
        files = settings.files_digest or memo.digest_files(spelling_files(settings, ctx.languages))
        named = repr((settings, ctx.languages, sorted(ctx.names), files))
        _DIGESTS[key] = memo.digest(memo.code_version(), named)
    return _DIGESTS[key]


def _passage_language(subject: TermText, ctx: CheckContext, miss: Misspelling) -> str:
    """The language of the passage a word stands in: its suggestions and its word list
    are that language's. (The passages are worked out once a text, `find_passages`.)"""
    passages = find_passages(subject.text, subject.lang, ctx.languages, ctx.names)
    inside = (p.lang for p in passages if p.start <= miss.start < p.end)
    return next(inside, subject.lang)


def _known_in_passage(miss: Misspelling, passages: list[Passage], found: Spellers) -> bool:
    for passage in passages:
        other = found.get(passage.lang)
        if passage.start <= miss.start < passage.end and other is not None:
            return other.knows(miss.word)
    return False


def take_terms(
    findings: list[Finding],
    coverage: Coverage,
    settings: SpellingSettings,
    languages: tuple[str, ...],
    names: frozenset[str] = frozenset(),
    written: ProjectWords | None = None,
    suggestions: Suggestions | None = None,
) -> list[Finding]:
    """Drop the unknown words the project writes again and again (its terms, not typos)
    and say which: `pipeline words --add` puts them in the word list for review. The
    words left are reported with the dictionary's suggestions, worked out once a run
    for each distinct word, on every core (a word written five times or more is a
    term whatever is suggested: it needs none). With the project's word counts
    (`written`): a hyphenated word of words it writes is a term, and a name or a word
    built from parts it writes once, one slip from a word it writes again and again, is
    reported (`project_slips`). `suggestions` may hold what was begun on the workers."""
    suggestions = suggestions or Suggestions(settings, languages, names)
    # The project's terms are what its reviewed texts write again and again, not guesses.
    unknown, named = unknown_and_named(f for f in findings if "fuzzy" not in f.data)
    hidden = [f for f in findings if evidence_only(f)]
    findings = [f for f in findings if not evidence_only(f)]
    recurring = project_terms([(lang, word, "") for lang, word in unknown])
    doubtful = [key for key, count in recurring.items() if count < ALWAYS_A_TERM]
    # Before the suggestions begun on the workers are waited for: this loads the speller.
    knows = _knows(settings, languages, names)
    made = _of_project_words(unknown, written or {}, knows)
    suggested = suggestions.take(doubtful)
    first = {key: found[0] if found else "" for key, found in suggested.items()}
    terms = project_terms([(lang, word, first.get((lang, word), "")) for lang, word in unknown])
    both = {k: n for k, n in in_two_languages([*unknown, *named]).items() if k not in terms}
    in_code = {key for key in unknown if (CODE, key[1].lower()) in (written or {})}
    coded = Counter(key for key in unknown if key in in_code - terms.keys() - both.keys())
    made = {k: n for k, n in made.items() if k not in terms and k not in both}
    if terms or both or made or coded:
        _note_terms(terms, both, made, coded, coverage)
        by_lang: dict[str, list[str]] = {}
        for lang, word in terms:
            by_lang.setdefault(lang, []).append(word)
        # A name copied from the source may be a fragment ("tion" of a word split by
        # markup): only a hyphenated word counts as built on it ("Fontwork-figur").
        parts = {(lang, word.lower()) for lang, word in both}

        def known(finding: Finding) -> bool:
            lang, word = finding.data.get("lang", ""), finding.data.get("word", "")
            if any((lang, word) in taken for taken in (terms, both, made, coded)):
                return True
            hyphened = "-" in word and any((lang, p) in parts for p in word.lower().split("-"))
            return hyphened or built_on_a_term(word, by_lang.get(lang, ()))

        findings = [f for f in findings if not reported_unknown(f) or not known(f)]
    reported = set(unknown_and_named(findings)[0])
    # The words reported get the quick suggestions; a term is told by Hunspell's first.
    suggested.update(suggestions.take(reported - suggested.keys(), quick=True))
    findings = [_with_suggestions(f, suggested) if reported_unknown(f) else f for f in findings]
    hidden = [f for f in hidden if (f.data["lang"], f.data["word"]) not in both]
    return findings + _slips(hidden, written or {}, knows)


def _of_project_words(
    unknown: list[tuple[str, str]], written: ProjectWords, knows: Callable[[str, str], bool]
) -> dict[tuple[str, str], int]:
    """The unknown hyphenated words made of words the project writes on their own or
    the speller knows ("sysprof-programmet" where it writes "Sysprof"): its terms, with
    their counts. (No slip of a word the project writes: those have no hyphen.)"""
    return dict(Counter(key for key in unknown if of_written_words(*key, written, knows)))


def _knows(
    settings: SpellingSettings, languages: tuple[str, ...], names: frozenset[str]
) -> Callable[[str, str], bool]:
    """Whether the run's speller for a language knows a word."""

    @functools.cache
    def speller(lang: str) -> Speller | None:
        found = spellers(languages or (lang,), settings.dictionaries, settings.word_lists, names)
        return found.get(lang)

    def knows(lang: str, word: str) -> bool:
        found = speller(lang)
        return found is not None and found.knows(word)

    return knows


def _slips(
    hidden: list[Finding], written: ProjectWords, knows: Callable[[str, str], bool]
) -> list[Finding]:
    """The names and words built from parts that are slips of the project's words."""
    candidates = {(f.data["lang"], f.data["word"]): f for f in hidden}
    slips = []
    for (lang, word), meant in slips_of_project_words(candidates, written, knows).items():
        message = _SLIP.format(word, meant, written[lang, meant], meant)
        data = {"word": word, "lang": lang, "suggestions": meant}
        slips.append(
            dataclasses.replace(candidates[lang, word], message=message, fix=meant, data=data)
        )
    return slips


def _note_terms(
    terms: dict[tuple[str, str], int],
    both: dict[tuple[str, str], int],
    made: dict[tuple[str, str], int],
    coded: dict[tuple[str, str], int],
    coverage: Coverage,
) -> None:
    other = "the same way in another language of the project"
    for taken, one, many in (
        (terms, f"recurs {RECURRING} times or more", f"recur {RECURRING} times or more"),
        (both, f"is written {other}", f"are written {other}"),
        (made, "is made of words the project writes on their own", "are made of words the "
         "project writes on their own"),
        (coded, "is a name the project writes in its code", "are names the project writes "
         "in its code"),
    ):  # fmt: skip
        coverage.terms.update(taken)
        counts: dict[str, int] = {}
        for (_, word), n in sorted(taken.items()):
            counts.setdefault(word, n)  # a word of two languages once
        if counts:
            listed = ", ".join(f"{word} ({n})" for word, n in sorted(counts.items())[:12])
            more = f" and {len(counts) - 12} more" if len(counts) > 12 else ""
            why = (
                f"{one} and is taken as the project's term, not a typo"
                if len(counts) == 1
                else f"{many} and are taken as the project's terms, not typos"
            )
            coverage.notes.append(
                f"spelling: {counted(len(counts), 'unknown word')} {why}: {listed}{more} "
                "(`pipeline words --add` lists them)"
            )


def _with_suggestions(
    finding: Finding, suggested: dict[tuple[str, str], tuple[str, ...]]
) -> Finding:
    word, lang = finding.data.get("word", ""), finding.data.get("lang", "")
    found = suggested.get((lang, word), ())
    if not found or finding.message != _UNKNOWN.format(word):
        return finding  # nothing to suggest, or suggested already
    hint = f"; did you mean {', '.join(repr(s) for s in found)}?"
    data = {"word": word, "suggestions": ", ".join(found), **finding.data}
    return dataclasses.replace(finding, message=finding.message + hint, fix=found[0], data=data)
