"""translation/*: pofilter's checklist, done for Markdown units (links, markup, numbers, …)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pipeline.catalogs.messages import CatalogMessage, CatalogSync
from pipeline.checks.consistency import Corpus, deviations
from pipeline.checks.findings import Finding, Severity, shorten
from pipeline.checks.literals import (
    entities,
    is_strftime,
    link_changes,
    markup_counts,
    placeholder_counts,
    plain_count,
    twelve_hours_alone,
    unnested_tags,
)
from pipeline.checks.number_changes import number_changes
from pipeline.checks.registry import CheckContext, rule
from pipeline.checks.surface import (
    DOUBLE_SPACE,
    common_words,
    final_marks,
    margin,
    not_text,
    one_for_one,
)


@rule(
    "translation/untranslated",
    severity=Severity.WARNING,
    summary="A unit has no translation yet.",
    target="message",
)
def untranslated(message: CatalogMessage, ctx: CheckContext) -> Iterator[Finding]:
    """Why: readers of the translation get the source language instead (the export falls back).

    A warning, so work in progress does not block; make it an error (or run with
    --strict) when a release must be complete.

    Example (da): msgid "Hvad er genterapi?" with msgstr "".
    Example (en): msgid "What are ATMPs?" with msgstr "".

    Instead: translate it in Poedit, Weblate or Lokalize.
    """
    if not message.target and not message.fuzzy:
        yield ctx.finding(
            message.path, message.line, f"not translated: '{shorten(message.source)}'"
        )


@rule(
    "translation/fuzzy",
    severity=Severity.WARNING,
    summary="A translation is marked fuzzy: it is not published until it is reviewed.",
    target="message",
)
def fuzzy(message: CatalogMessage, ctx: CheckContext) -> Iterator[Finding]:
    """Why: a fuzzy translation is a guess to review, not published: one of an older source
    (kept when the source changed), or a text `pipeline align` took from a translation.

    Example (da): "Genterapi gives én gang." became "Genterapi gives som infusion."
    Example (en): "Luxturna is injected." became "Luxturna is injected under the retina."

    Instead: compare with the previous source (#|) or the aligned text's origin, fix the
    translation and remove the fuzzy flag.
    """
    if message.fuzzy and not message.plural_form:  # a plural entry once
        yield ctx.finding(
            message.path, message.line, f"fuzzy translation of '{shorten(message.source)}'"
        )


@rule(
    "translation/links",
    severity=Severity.ERROR,
    summary="A link of the source is missing or points elsewhere in the translation.",
    target="message",
)
def links(message: CatalogMessage, ctx: CheckContext) -> Iterator[Finding]:
    """Why: a changed or dropped URL sends readers to the wrong page, or nowhere.

    Links, autolinks, bare URLs and `<e-mail>` addresses are compared, not their text.
    An example's address (example.com, myserver.com) and GNU's "Report bugs to" team
    may be localized.

    Example (da→en): "[Medicinrådet](https://medicinraadet.dk)" translated
    "[Danish Medicines Council](https://medicinradet.dk)".
    Example (en→da): "see [EMA](https://www.ema.europa.eu)" translated "se EMA".

    Instead: keep every URL exactly as the source has it.
    """
    if not message.translated or not_text(message.source):
        return
    where = message.path, message.line
    missing, added = link_changes(message.source, message.target)
    if len(missing) == len(added) == 1:  # one link changed: one finding, not two
        changed = f"the translation links to {added[0]} where the source links to {missing[0]}"
        yield ctx.finding(*where, changed, fix=missing[0])
        return
    for url in missing:
        yield ctx.finding(*where, f"link to {url} is missing in the translation", fix=url)
    for url in added:
        yield ctx.finding(*where, f"the translation links to {url}, the source does not")


@rule(
    "translation/markup",
    severity=Severity.ERROR,
    summary="Emphasis, code, links, images, tags or entities of the source are not kept.",
    target="message",
)
def markup(message: CatalogMessage, ctx: CheckContext) -> Iterator[Finding]:
    """Why: lost emphasis changes the message, a changed code span (a command, a file
    name) breaks it, a broken HTML tag or entity breaks the page or the program.

    In Markdown: bold, emphasis, links, images, footnotes (`[^label]`) and attribute lists'
    classes, ids and keys (MkDocs drops a changed `{ .md-button }`), and each code span
    verbatim. In every text, HTML tags must match, stay whole and nest (they may move
    with the words), and an entity for < or > must stay one or its character.

    Example (da→en): "Tal **altid** med lægen" translated "Always talk to the doctor".
    Example (en→da): "run `pipeline check`" translated "kør `pipeline tjek`".

    Instead: keep the same markup around the corresponding words.
    """
    if not message.translated:
        return
    source = markup_counts(message.source, message.markdown)
    target = markup_counts(message.target, message.markdown)
    for kind in sorted(set(source) | set(target)):
        if source[kind] != target[kind]:
            yield ctx.finding(
                message.path,
                message.line,
                f"{kind}: {source[kind]} in the source, {target[kind]} in the translation",
            )
    if source == target and (problem := unnested_tags(message.source, message.target)):
        yield ctx.finding(message.path, message.line, f"HTML tags do not nest: {problem}")
    lost = entities(message.source) - entities(message.target)
    for character, count in sorted(lost.items()):
        if character not in "<>":
            continue  # "&amp;" may go with the "&" ("drag &amp; drop" → "træk og slip")
        written = plain_count(message.target, character) - plain_count(message.source, character)
        if written < count:  # neither the entity nor its character
            yield ctx.finding(message.path, message.line, f"the entity for '{character}' is lost")


@rule(
    "translation/numbers",
    severity=Severity.WARNING,
    summary="Numbers differ between the source and the translation.",
    target="message",
)
def numbers(message: CatalogMessage, ctx: CheckContext) -> Iterator[Finding]:
    """Why: a wrong dose, date, version or shortcut in a translation misleads or breaks.

    Values are compared, not digit strings: "1.000,5" equals "1,000.5", a number may be a
    word ("five", "første"), a date written another way. Digits in names, cell references
    and shortcuts count ("Shift+F1"); URLs, code and placeholders have their own rules.

    A warning where a value in digits clearly changed or vanished, a digit was typed by a
    slip ("fi0l", "0g", "5s:", "Py03"), a count's word by one ("frem" for "fem"), or a range
    turned round ("5 to 9" → "9 til 5"); information, whose message says why, where only the
    meaning can tell: a number word added or left implicit, GB written Gb, other numbers in
    another order, an example localised, a value converted to a unit the source does not
    name, a bound said the other way round. "BIN2HEX" → "BIN.TIL.HEX" is no change.

    Not an error by default: under four in five sure findings are right on unseen text, and
    a rule that blocks CI must reach nine in ten. Set it to "error" to block on them.

    Example (da→en): "ca. 20.000 gener" translated "about 2,000 genes".
    Example (en→da): "Press Shift+F1" translated "Tryk på Skift+F2".

    Instead: the same value, in the target language's notation or as the source has it.
    """
    if not message.translated or not_text(message.source):
        return
    for change in number_changes(
        message.source, message.source_lang, message.target, message.target_lang, message.context
    ):
        report = ctx.doubtful if change.unsure else ctx.finding
        yield report(message.path, message.line, change.message, **change.swap)


@rule(
    "translation/placeholders",
    severity=Severity.ERROR,
    summary="Placeholders such as {name} or %s differ between source and translation.",
    target="message",
)
def placeholders(message: CatalogMessage, ctx: CheckContext) -> Iterator[Finding]:
    """Why: a placeholder is filled in by software; a changed one breaks the text.

    printf directives are compared by position, flags, width, precision and type, so
    "%s %d" may become "%2$d %1$s"; Python, Qt, LibreOffice and brace placeholders must
    stay as they are. A date format ("%a %l:%M %p") is the translator's to localize,
    but a 12-hour hour needs its AM/PM.

    Example (da→en): "Hej {navn}" translated "Hello {name}".
    Example (en→da): "%s units" translated "enheder".

    Instead: copy each placeholder exactly; move it, do not translate it.
    """
    if not message.translated:
        return
    if is_strftime(message.source, message.target):
        if twelve_hours_alone(message.target) and not twelve_hours_alone(message.source):
            yield ctx.finding(message.path, message.line, "a 12-hour hour without %p (AM/PM)")
        return
    source = placeholder_counts(message.source, message.markdown)
    target = placeholder_counts(message.target, message.markdown)
    if source != target:
        lost, added = sorted((source - target).elements()), sorted((target - source).elements())
        if message.plural_form == 0 and not added:
            return  # the singular form may say "one" in words: "Én fil" for "%d file"
        swap = one_for_one(added, lost, message.target)  # one placeholder for another
        missing, extra = ", ".join(lost) or "none", ", ".join(added) or "none"
        text = f"placeholders differ: missing {missing}; extra {extra}"
        yield ctx.finding(message.path, message.line, text, **swap)


@rule(
    "translation/whitespace",
    severity=Severity.WARNING,
    summary="Leading or trailing spaces differ, or the translation has double spaces.",
    target="message",
)
def whitespace(message: CatalogMessage, ctx: CheckContext) -> Iterator[Finding]:
    """Why: stray spaces show up as gaps in the page and break line layout.

    Leading and trailing whitespace (spaces, line breaks) must be the source's, unless
    the text keeps its width (padding of a column: "NO   " → "NEJ  "). Two spaces
    after a sentence are a typewriter habit, not a typo.

    Example (da→en): "Læs mere" translated "Read more " (trailing space).
    Example (en→da): "Ask your doctor." translated "Spørg  din læge." (double space).

    Instead: the same outer spacing as the source, single spaces inside.
    """
    if not message.translated:
        return
    source, target = message.source, message.target
    same_width = len(source) == len(target)
    for side in ("leading", "trailing"):
        if margin(source, side) != margin(target, side) and not same_width:
            yield ctx.finding(
                message.path, message.line, f"{side} whitespace differs from the source"
            )
    if DOUBLE_SPACE.search(target.strip()) and "  " not in source:
        fix = DOUBLE_SPACE.sub(" ", target)  # each run of spaces inside the text made one
        yield ctx.finding(message.path, message.line, "double space in the translation", fix=fix)


@rule(
    "translation/punctuation",
    severity=Severity.WARNING,
    summary="The translation ends with different punctuation than the source.",
    target="message",
)
def punctuation(message: CatalogMessage, ctx: CheckContext) -> Iterator[Finding]:
    """Why: a lost full stop or question mark changes the sentence; a heading gains one.

    Example (da→en): "Hvad er ATMP?" translated "What are ATMPs".
    Example (en→da): "Side effects" translated "Bivirkninger.".

    Instead: end as the source ends (a question stays a question).
    """
    if not message.translated or not_text(message.source):
        return
    source, target = final_marks(message.source, message.target)
    if source != target:
        wanted = f"'{source}'" if source else "no end punctuation"
        found = f"'{target}'" if target else "none"
        yield ctx.finding(
            message.path,
            message.line,
            f"the source ends with {wanted}, the translation with {found}",
            fix=source,  # the end mark to write instead of the translation's (`found`)
            found=target,
        )


@dataclass(frozen=True, slots=True)
class UnchangedOptions:
    """Options of translation/unchanged."""

    min_words: int = 3


@rule(
    "translation/unchanged",
    severity=Severity.WARNING,
    summary="A translation is identical to a long source text: probably not translated.",
    target="message",
    options=UnchangedOptions,
)
def unchanged(message: CatalogMessage, ctx: CheckContext) -> Iterator[Finding]:
    """Why: a copied source passes "translated" statistics but readers get the wrong language.

    Names may rightly stay the same ("CAR-T", "Portable Network Graphics (PNG)"), and
    so may code: an identical translation is reported when the text has `min-words`
    (default 3) words that are not names, URLs, file patterns, placeholders or code.

    Example (da→en): "Behandlingen gives på hospitalet." left as it is.
    Example (en→da): "The treatment is given in hospital." copied unchanged.

    Instead: translate it.
    """
    copied = message.translated and message.target.strip() == message.source.strip()
    if copied and common_words(message.source) >= ctx.options.min_words:
        yield ctx.finding(
            message.path,
            message.line,
            f"the translation is the source text: '{shorten(message.source)}'",
        )


@dataclass(frozen=True, slots=True)
class LengthOptions:
    """Options of translation/length."""

    max_ratio: float = 2.5
    min_chars: int = 20


@rule(
    "translation/length",
    severity=Severity.WARNING,
    summary="A translation is far longer or shorter than its source.",
    target="message",
    options=LengthOptions,
)
def length(message: CatalogMessage, ctx: CheckContext) -> Iterator[Finding]:
    """Why: a translation a third as long usually lost a sentence; three times as long
    usually has one too many.

    Compared for sources of at least `min-chars` (default 20) characters; reported
    when one is more than `max-ratio` (default 2.5) times the other.

    Example (da→en): "Medicinen tages hver morgen sammen med et glas vand." translated
    "Daily.".
    Example (en→da): "Take it every morning." translated with three added sentences.

    Instead: translate all of the source and nothing more.
    """
    # Indentation is translation/whitespace's: a template's 60 spaces make no text longer.
    source, target = (" ".join(text.split()) for text in (message.source, message.target))
    if not message.translated or len(source) < ctx.options.min_chars:
        return
    ratio = len(target) / len(source)
    limit = ctx.options.max_ratio
    if ratio > limit or ratio < 1 / limit:
        said = f"the translation is {ratio:.1f}× the length of the source"
        yield ctx.finding(message.path, message.line, said)


@rule(
    "translation/inconsistent",
    severity=Severity.WARNING,
    summary="A source text has different translations, or a translation different sources.",
    target="corpus",
)
def inconsistent(corpus: Corpus, ctx: CheckContext) -> Iterator[Finding]:
    """Why: readers meet two wordings for one thing; translation memories fork.

    Entries are compared across the project per target language; a msgctxt keeps
    entries apart, and translations that differ in case only are one. The rendering to
    keep is the one that uses the glossary's terms, else the most common one; the
    entries that deviate from it are reported.

    Example (da→en): "Tal med din læge." translated "Talk to your doctor." in one
    document and "Speak with your GP." in another.
    Example (en→da): "Side effects" and "Adverse reactions" both translated
    "Bivirkninger".

    A translation two different sources share is info: often one thing said two ways.

    Instead: the rendering the finding gives as its fix, or a msgctxt where the two
    texts really mean different things.
    """
    for deviation in deviations(corpus.renderings):
        rendering = deviation.rendering
        # One translation, two sources: 4 of 12 on Debian's catalogs were errors, not wordings.
        say = ctx.finding if deviation.same_source else ctx.doubtful
        yield say(rendering.path, rendering.line, deviation.message(), fix=deviation.fix)


@rule(
    "translation/outdated",
    severity=Severity.ERROR,
    summary="A catalog is missing or out of date with its source: run pipeline extract.",
    target="catalog",
)
def outdated(sync: CatalogSync, ctx: CheckContext) -> Iterator[Finding]:
    """Why: a source edited without `pipeline extract` leaves its catalogs behind; the new
    text is never offered to translators, and the export shows it untranslated.

    Example (da): a paragraph added to source/da/genterapi.md, the English catalog not
    updated.
    Example (en): a locale-dir typo, so no catalog of source/en/what-is-atmp.md is found.

    Instead: run `pipeline extract` and commit the catalogs with the source.
    """
    if not sync.exists:
        yield ctx.finding(sync.path, 1, f"no catalog for {sync.source}; run `pipeline extract`")
        return
    if sync.new or sync.removed:
        example = f": '{shorten(sync.new[0])}'" if sync.new else ""
        yield ctx.finding(
            sync.path,
            1,
            f"out of date with {sync.source}: {len(sync.new)} new or changed and "
            f"{len(sync.removed)} removed units{example}; run `pipeline extract`",
        )
