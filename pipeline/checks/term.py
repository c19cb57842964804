"""term/*: deprecated terms, missing or changed translations of terms, inconsistent renderings."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator

from pipeline.checks.consistency import Corpus
from pipeline.checks.findings import Finding, Severity
from pipeline.checks.registry import CheckContext, rule
from pipeline.languages.dictionaries import dictionary_name, missing_dictionary
from pipeline.languages.word_forms import spell_checks
from pipeline.terms.glossary import Glossary
from pipeline.terms.matcher import in_a_compound
from pipeline.terms.occurrences import TermText, TermUse, TranslationEntry


def _glossary(ctx: CheckContext) -> Glossary:
    if ctx.glossary is None:
        raise ValueError(f"{ctx.rule.id} needs a glossary; the runner gives one")
    return ctx.glossary


@rule(
    "term/deprecated",
    severity=Severity.ERROR,
    summary="A term the glossary marks as deprecated or superseded is used.",
    target="text",
)
def deprecated(subject: TermText, ctx: CheckContext) -> Iterator[Finding]:
    """Why: one concept, one name; the glossary has retired this one.

    Checked in sources and in translations, in every inflected form and compound.

    Example (da): "genbehandlingen" where the glossary prefers "genterapi".
    Example (en): "gene treatments" where the glossary prefers "gene therapy".

    Instead: the preferred term, which the finding gives as the fix.
    """
    glossary = _glossary(ctx)
    times: Counter[tuple[int, str]] = Counter()  # each use is a finding, its own fix
    for hit in subject.hits:
        if hit.term.allowed:
            continue
        preferred = glossary.concept(hit.concept).preferred(subject.lang)
        said = preferred.text if preferred else None
        chosen = ctx.spelling.dictionaries if ctx.spelling else {}
        fix = (
            _inflected(said, hit.text, hit.term.text, dictionary_name(subject.lang, chosen))
            if said
            else None
        )
        instead = f"; use '{fix}'" if fix else ""
        line = subject.line_at(hit.start)
        times[line, hit.text] += 1
        found = ctx.finding(
            subject.path,
            line,
            f"'{hit.text}' is a {hit.term.status.value} term for {hit.concept}{instead}",
            fix=fix or "",
            found=hit.text,  # what an editor's code action replaces with the fix
            concept=hit.concept,
            lang=subject.lang,
        )
        yield dataclasses.replace(found, occurrence=times[line, hit.text] - 1)


@rule(
    "term/missing-translation",
    severity=Severity.ERROR,
    summary="A glossary concept in the source is not translated with a glossary term.",
    target="entry",
)
def missing_translation(entry: TranslationEntry, ctx: CheckContext) -> Iterator[Finding]:
    """Why: readers and search need the same concept named the same way in every language.

    The source mentions a concept; the translation contains none of that concept's
    preferred or admitted terms in the target language (in any inflected form, or as
    a part of a Danish compound: "sidekilde" names "side").
    A deprecated term in the translation is reported by term/deprecated instead,
    and names that must not be translated by term/untranslatable.

    Example (da→en): "Du får en infusion." translated "You get a drip." (glossary: infusion).
    Example (en→da): "The vector carries the gene." translated "Transportøren bærer genet."

    Instead: the glossary term the finding names as the fix.
    """
    glossary = _glossary(ctx)
    in_target = {hit.concept for hit in entry.target.hits}
    seen: set[str] = set()
    for hit in entry.source.hits:
        concept = glossary.concept(hit.concept)
        if hit.concept in seen or hit.concept in in_target or hit.term.do_not_translate:
            continue  # a name kept as it is (CAR-T, SMA) is term/untranslatable's
        seen.add(hit.concept)
        wanted = concept.preferred(entry.target.lang)
        if wanted is None:
            continue  # no term in the target language: coverage says so
        terms = [term for term in concept.terms_in(entry.target.lang) if term.allowed]
        if any(in_a_compound(entry.target.text, term, entry.target.lang) for term in terms):
            continue  # "Vis sidekilde" for "View page source": "side" is there
        yield ctx.finding(
            entry.path,
            entry.line,
            f"'{hit.text}' ({hit.concept}) is not translated with a glossary term; "
            f"expected '{wanted.text}'",
            fix=wanted.text,
            concept=hit.concept,
            lang=entry.target.lang,
        )


@rule(
    "term/untranslatable",
    severity=Severity.ERROR,
    summary="A name the glossary says to keep as it is was changed in the translation.",
    target="entry",
)
def untranslatable(entry: TranslationEntry, ctx: CheckContext) -> Iterator[Finding]:
    """Why: product names and acronyms (Luxturna, CAR-T, ATMP) are the same in every language.

    The exact spelling and case must appear in the translation; an inflected form
    that keeps it ("CAR-T-celler", "ATMP'er") is fine.

    Example (da→en): "Luxturna" translated "Luxtura".
    Example (en→da): "CAR-T" translated "CART".

    Instead: copy the name exactly as the source writes it.
    """
    done: set[str] = set()
    for hit in entry.source.hits:
        term = hit.term
        if not term.do_not_translate or term.text in done:
            continue
        done.add(term.text)
        respelled = any(
            not h.term.allowed and _letters(h.term.text) == _letters(term.text)
            for h in entry.target.hits
        )
        # The source's own spelling, copied, is kept too: "wagtail.org", "@wagtail".
        kept = (term.text, hit.text)
        if respelled or any(_contains_name(entry.target.text, name) for name in kept):
            continue  # a listed wrong spelling ("CAR T") is term/deprecated's, with its fix
        near = [h.text for h in entry.target.hits if h.concept == hit.concept]
        found = f" (found '{near[0]}')" if near else ""
        yield ctx.finding(
            entry.path,
            entry.line,
            f"'{term.text}' must stay as it is in the translation{found}",
            fix=term.text,
            concept=hit.concept,
            lang=entry.target.lang,
        )


def _inflected(fix: str, found: str, term: str, dictionary: str) -> str:
    """The preferred term with the ending the deprecated one was found with ("skitsen" →
    "kladden", not "kladde": a quick fix must leave a sentence grammatical), where the
    language's dictionary takes the result; else the term as the glossary writes it."""
    ending = found[len(term) :] if found.lower().startswith(term.lower()) else ""
    if not ending.isalpha() or missing_dictionary(name := dictionary):
        return fix
    takes = spell_checks(name)[0]
    last = fix.split()[-1]
    return fix + ending if last.isalpha() and takes(last + ending) else fix


def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def _contains_name(text: str, name: str) -> bool:
    """Whether `name` occurs in `text` with its exact case, not inside a longer word.

    A name written in lowercase ("in vivo") may start a sentence with a capital.
    """
    spellings = {name, name[:1].upper() + name[1:]} if name[:1].islower() else {name}
    for spelling in spellings:
        start = text.find(spelling)
        while start != -1:
            if start == 0 or not text[start - 1].isalnum():
                return True
            start = text.find(spelling, start + 1)
    return False


@rule(
    "term/inconsistent",
    severity=Severity.WARNING,
    summary="One glossary concept is written with different allowed terms across the project.",
    target="corpus",
)
def inconsistent(corpus: Corpus, ctx: CheckContext) -> Iterator[Finding]:
    """Why: readers take two names for two things; search and translation memories fork.

    Counted per language over sources and translations, in any inflection or
    compound. Variants side by side in one unit ("hæmofili B, også kaldet
    blødersyge B") introduce a synonym and are not counted; an acronym and its full
    form do not compete. The glossary's preferred term is the one to keep when it is
    used, else the most used one.

    Example (da): "klinisk forsøg" in 12 entries, "klinisk afprøvning" in 2.
    Example (en): "haemophilia B" in one document, "Christmas disease" in another.

    Instead: the term the finding gives as its fix, throughout.
    """
    groups: dict[tuple[str, str, str], dict[str, list[TermUse]]] = {}
    for use in corpus.uses:
        key = (use.lang, use.concept, use.kind)
        groups.setdefault(key, {}).setdefault(use.term, []).append(use)
    for (lang, concept, _), variants in sorted(groups.items()):
        if len(variants) < 2:
            continue
        usual = max(variants, key=lambda term: (variants[term][0].preferred, len(variants[term])))
        counts = ", ".join(f"'{term}' {len(uses)}×" for term, uses in _by_count(variants))
        first = variants[usual][0]
        for term, uses in _by_count(variants):
            for use in uses if term != usual else ():
                yield ctx.finding(
                    use.path,
                    use.line,
                    f"{concept} is written '{term}' here and '{usual}' elsewhere "
                    f"({counts}; first at {first.path}:{first.line}); pick one",
                    fix=usual,
                    concept=concept,
                    lang=lang,
                )


def _by_count(variants: dict[str, list[TermUse]]) -> list[tuple[str, list[TermUse]]]:
    return sorted(variants.items(), key=lambda item: (-len(item[1]), item[0]))
