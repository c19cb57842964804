"""term/*: deprecated terms, missing or changed translations of terms, inconsistent renderings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from pipeline.checks.findings import Finding, Severity
from pipeline.checks.registry import CheckContext, rule
from pipeline.terms.glossary import Glossary, Term
from pipeline.terms.occurrences import Corpus, Rendering, TermText, TranslationEntry


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
    for hit in subject.hits:
        if hit.term.allowed:
            continue
        preferred = glossary.concept(hit.concept).preferred(subject.lang)
        fix = preferred.text if preferred else None
        instead = f"; use '{fix}'" if fix else ""
        yield ctx.finding(
            subject.path,
            subject.line_at(hit.start),
            f"'{hit.text}' is a {hit.term.status.value} term for {hit.concept}{instead}",
            fix=fix or "",
            concept=hit.concept,
            lang=subject.lang,
        )


@rule(
    "term/missing-translation",
    severity=Severity.ERROR,
    summary="A glossary concept in the source is not translated with a glossary term.",
    target="entry",
)
def missing_translation(entry: TranslationEntry, ctx: CheckContext) -> Iterator[Finding]:
    """Why: readers and search need the same concept named the same way in every language.

    The source mentions a concept; the translation contains none of that concept's
    preferred or admitted terms in the target language (in any inflected form).
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
        if respelled or _contains_name(entry.target.text, term.text):
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
    summary="The same source text or concept is rendered in different ways.",
    target="corpus",
)
def inconsistent(corpus: Corpus, ctx: CheckContext) -> Iterator[Finding]:
    """Why: readers take two names for two things; translation memories fork.

    Two cases: the same source text translated differently in two places (per target
    language), and one concept rendered by different allowed variants in one
    document. Variants side by side in one unit ("hæmofili B, også kaldet
    blødersyge B") introduce a synonym and are not counted.

    Example (da): "blødersyge B" in one section, "hæmofili B" in the next.
    Example (en): "Danish Medicines Council" translated once as "Medicinrådet" and
    once as "the Danish Medicines Council".

    Instead: pick one rendering (the glossary's preferred term) and use it throughout.
    """
    yield from _different_translations(corpus, ctx)
    yield from _mixed_variants(corpus, ctx)


def _different_translations(corpus: Corpus, ctx: CheckContext) -> Iterator[Finding]:
    groups: dict[tuple[str, str], list[Rendering]] = {}
    for rendering in corpus.renderings:
        groups.setdefault((rendering.lang, rendering.source), []).append(rendering)
    for renderings in groups.values():
        if len(renderings) < 2:
            continue
        counts = Counter(rendering.target for rendering in renderings)
        if len(counts) < 2:
            continue
        usual = max(counts, key=lambda text: (counts[text], -_first(renderings, text)))
        model = next(r for r in renderings if r.target == usual)
        for rendering in renderings:
            if rendering.target != usual:
                yield ctx.finding(
                    rendering.path,
                    rendering.line,
                    f"this source text is translated differently in {model.path}:{model.line}: "
                    f"'{_short(usual)}'",
                    fix=usual,
                    concept=",".join(model.concepts),
                )


def _first(renderings: list[Rendering], text: str) -> int:
    return next(i for i, r in enumerate(renderings) if r.target == text)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _kind(term: Term) -> tuple[str, str]:
    """Variants compete only within one kind: an acronym and its full form do not,
    nor a noun and its adjective ("retina", "retinal")."""
    short = term.term_type.lower() in {"acronym", "abbreviation", "initialism", "shortform"}
    return ("short" if short else "full", term.part_of_speech.lower())


def _mixed_variants(corpus: Corpus, ctx: CheckContext) -> Iterator[Finding]:
    uses: dict[tuple[str, str, str, tuple[str, str]], dict[str, list[tuple[TermText, int]]]] = {}
    for text in corpus.texts:
        per_concept: dict[tuple[str, tuple[str, str]], set[str]] = {}
        for hit in text.hits:
            if hit.term.allowed:
                per_concept.setdefault((hit.concept, _kind(hit.term)), set()).add(hit.term.text)
        for hit in text.hits:
            kind = _kind(hit.term)
            if hit.term.allowed and len(per_concept[(hit.concept, kind)]) == 1:
                key = (text.document, text.lang, hit.concept, kind)
                uses.setdefault(key, {}).setdefault(hit.term.text, []).append((text, hit.start))
    for (_, lang, concept, _kind_of), variants in sorted(uses.items()):
        if len(variants) < 2:
            continue
        ranked = sorted(variants, key=lambda v: (-len(variants[v]), variants[v][0][0].line))
        usual = ranked[0]
        for variant in ranked[1:]:
            text, offset = variants[variant][0]
            yield ctx.finding(
                text.path,
                text.line_at(offset),
                f"{concept} is written '{variant}' here but '{usual}' elsewhere in this "
                f"document ({len(variants[usual])}×); pick one",
                fix=usual,
                concept=concept,
                lang=lang,
            )
