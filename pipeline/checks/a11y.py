"""a11y/*: accessibility of the exported pages (language, headings, images, links, tables),
and of the texts: passages in another language, acronyms before their full form."""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence

from pipeline.checks.findings import Finding, Severity
from pipeline.checks.glyphs import EASY, INVISIBLE, font_coverage
from pipeline.checks.html_page import Page, file_name
from pipeline.checks.registry import CheckContext, rule
from pipeline.languages import language_name
from pipeline.languages.passages import find_passages, quoted
from pipeline.terms.occurrences import ASIDE, TermText, TermUse

_LANG = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")
# Link texts that say nothing out of context (WCAG 2.4.4), in Danish and English.
GENERIC_LINK_TEXTS = {
    "klik her", "her", "læs mere", "læse mere", "læs mere her", "læse mere her", "mere",
    "link", "se her", "læs her", "denne side",
    "click here", "here", "read more", "more", "this page", "this link", "see here",
}  # fmt: skip


@rule(
    "a11y/missing-lang",
    severity=Severity.ERROR,
    summary="A page or passage has no valid language (lang attribute).",
    target="page",
)
def missing_lang(page: Page, ctx: CheckContext) -> Iterator[Finding]:
    """Why: screen readers pick their voice by `lang`; without it Danish is read as English
    (WCAG 3.1.1 and 3.1.2).

    Example (da): an exported page `<html>` with no lang, or `<span lang="">`.
    Example (en): `<p lang="english">`, which is not a language tag.

    Instead: `lang="da"` or `lang="en"`; the export sets it from the locale.
    """
    html = page.all("html")
    if not html or not _LANG.match(html[0].attrs.get("lang", "")):
        yield ctx.finding(
            page.path, html[0].line if html else 1, "the page has no valid lang attribute"
        )
    for element in page.elements:
        if "lang" in element.attrs and not _LANG.match(element.attrs["lang"]):
            yield ctx.finding(
                page.path,
                element.line,
                f"<{element.tag}> has an invalid lang '{element.attrs['lang']}'",
            )


@rule(
    "a11y/heading-order",
    severity=Severity.WARNING,
    summary="Headings skip a level, or the page does not start with one h1.",
    target="page",
)
def heading_order(page: Page, ctx: CheckContext) -> Iterator[Finding]:
    """Why: screen-reader users move by headings; a jump from h2 to h4 hides a level.

    Example (da): "## Behandling" followed by "#### Bivirkninger".
    Example (en): a page with two "# " titles.

    Instead: one `#` title, then `##`, `###` in order. The export closes a skipped level
    on the page (h5 after h1 is shown as h2); the finding points at the source's heading.
    """
    headings = page.all("h1", "h2", "h3", "h4", "h5", "h6")
    titles = [h for h in headings if h.tag == "h1"]
    if len(titles) != 1:
        yield ctx.finding(
            page.path,
            (headings[0].line if headings else 1),
            f"the page has {len(titles)} h1 headings, not 1",
        )
    path = page.source[0] if page.source_headings else page.path
    levels = page.source_headings or tuple(
        (int(heading.tag[1]), heading.text, heading.line) for heading in headings
    )
    previous = 1
    for level, text, line in levels:
        if level > previous + 1:
            yield ctx.finding(
                path, line, f"h{level} '{text}' follows h{previous}: a level is skipped"
            )
        previous = level


@rule(
    "a11y/missing-alt",
    severity=Severity.ERROR,
    summary="An image has no text alternative, or its alt says nothing of it ('IMG_2023').",
    target="page",
)
def missing_alt(page: Page, ctx: CheckContext) -> Iterator[Finding]:
    """Why: a diagram without alt text is invisible to blind readers (WCAG 1.1.1).

    Example (da): `![](../images/vektor.svg)`.
    Example (en): `<img src="../images/vector.svg">` in raw HTML.

    An alt text that is no alternative fails too (WCAG's F30): a file name, the name a
    phone or the system gave it ("IMG_2023", "Screen Shot 2017-08-08 at 12 53 04 pm")
    or a word that fits any image ("Image", "billede 2", "Logo").

    Instead: say what the image shows: `![A vector carries a gene into a cell](…)`.
    An image that only decorates (an icon beside its own words) is marked so as HTML
    marks it, with an empty alt: `<img src="icon.png" alt="">`; `![](icon.png)` is
    reported, as an alt text forgotten is commoner than one meant empty.
    The finding points at the source line that names the image, else at the page.
    """
    seen: Counter[str] = Counter()  # the same image twice is two findings, at two lines
    for image in page.all("img"):
        alt = image.attrs.get("alt")
        src = image.attrs.get("src", "")
        if not src:
            continue  # refused: resource/refused-image names it; its alt once it is there
        # As the source writes it: one finding though each locale's page points elsewhere.
        nth = seen[file_name(src)]
        found = page.source_image(src, nth)
        decorative = alt == "" and page.decorative_image(src, nth)
        seen[file_name(src)] += 1
        path, line, shown = found or (page.path, image.line, src)
        if not decorative and (not alt or not alt.strip()):
            yield ctx.finding(path, line, f"image {shown} has no alt text")
        elif alt and (said := _not_an_alternative(alt.strip())):
            yield ctx.finding(path, line, f"the alt text of an image is {said}: '{alt}'")


def _not_an_alternative(alt: str) -> str | None:
    """What an alt text that says nothing of its image is (WCAG's failure F30)."""
    if _FILE_NAME.fullmatch(alt):
        return "a file name"
    if _CAMERA_NAME.fullmatch(alt):
        return "the name a camera or screenshot gave the file"
    return "a word for any image" if _ANY_IMAGE.fullmatch(alt) else None


_FILE_NAME = re.compile(r"[\w.-]+\.(?:svg|png|jpe?g|gif|webp|avif|bmp|tiff?|heic)", re.I)
# "IMG_2023", "DSC01234", "PXL_20240105_102231", "Screen Shot 2017-08-08 at 12 53 04 pm",
# "Skærmbillede 2024-01-05 kl. 10.22.31": what a phone or the system named the file.
_CAMERA_NAME = re.compile(
    r"(?:IMG|DSCN?|DSCF|PXL|MVIMG|Screen ?shot|Skærmbillede)[ _-]?\d[\d _.:-]*"
    r"(?:(?:at|kl\.|[ap]\.?m\.?)[\d _.:-]*)*",
    re.I,
)
# A word that fits every image, alone or numbered: "Image", "billede 2", "Logo".
_ANY_IMAGE = re.compile(
    r"(?:image|img|picture|photo|foto|graphic|grafik|icon|ikon|logo|screenshot|billede|"
    r"skærmbillede|figure|figur|diagram|illustration|placeholder|alt(?: text|-?tekst)?|"
    r"spacer|avatar|banner|untitled|unnamed|unavngivet)[ _-]?\d*",
    re.I,
)


@rule(
    "a11y/image-language",
    severity=Severity.INFO,
    summary="A drawing's words stay in the source's language on a translated page.",
    target="page",
)
def image_language(page: Page, ctx: CheckContext) -> Iterator[Finding]:
    """Why: a diagram labelled in Danish on the English page keeps its words from the
    readers the translation is for, though its alt text is in English (WCAG 3.1.2).
    We can tell for an SVG: its words are `<text>` or HTML in it. Info, to confirm:
    words in a drawing of code are often names ("Box", "ptr") that stay as they are.

    Example (da): `![Diagram over genterapi](../images/genterapi.svg)` in a Danish
    source, the SVG labelled in Danish, on the page in English.
    Example (en): an SVG labelled in English on the Danish page of an English source.

    Instead: put the drawing with its words in the page's language beside it, named as
    Sphinx names one: `images/genterapi.en.svg`. Every page, PDF and Markdown copy in
    that locale shows it instead.
    """
    for src in page.untranslated_images:
        path, line, _ = page.source_image(src) or (page.source[0] or page.path, 1, src)
        root, extension = posixpath.splitext(src)
        variant = f"{root}.{page.lang}{extension}"
        yield ctx.finding(
            path,
            line,
            f"image {src} draws words in the source's language on the page in "
            f"{language_name(page.lang, 'en')}; add {variant} with its words in "
            f"{language_name(page.lang, 'en')}",
        )


@rule(
    "a11y/missing-glyph",
    severity=Severity.ERROR,
    summary="A character no font of the PDF has: it prints as an empty box (.notdef).",
    target="text",
)
def missing_glyph(subject: TermText, ctx: CheckContext) -> Iterator[Finding]:
    """Why: a character without a glyph prints as an empty box, which readers cannot read
    and screen readers skip; a PDF with one is not PDF/UA.

    Example (da): "Se tegnet ☙ i margenen" (no installed font draws U+2619).
    Example (en): an emoji newer than the installed Noto Color Emoji.

    Instead: write the word, or install a font that draws the character and add it to
    the stylesheet's font-family.
    """
    text = subject.text
    if all(ord(character) in EASY for character in text):
        return
    drawn = font_coverage()
    if drawn is None:
        return
    seen: set[str] = set()
    for offset, character in enumerate(text):
        code = ord(character)
        if code in EASY or character in seen or code in drawn:
            continue
        if unicodedata.category(character) in INVISIBLE:
            continue
        seen.add(character)
        name = unicodedata.name(character, "unnamed")
        yield ctx.finding(
            subject.path,
            subject.line_at(offset),
            f"no font draws '{character}' (U+{code:04X} {name}): it prints as an empty box",
        )


@rule(
    "a11y/link-text",
    severity=Severity.WARNING,
    summary="A link's text is empty or says nothing on its own ('klik her', 'read more').",
    target="page",
)
def link_text(page: Page, ctx: CheckContext) -> Iterator[Finding]:
    """Why: screen-reader users list links out of context; "læs mere" ten times helps no one
    (WCAG 2.4.4).

    Example (da): "Du kan [læse mere her](https://sundhed.dk)." with the text "læse mere her".
    Example (en): "[Click here](https://ema.europa.eu) for the EMA page."

    Instead: name the target: "[EMA's page on Luxturna](…)".
    """
    for link in page.all("a"):
        if "href" not in link.attrs:
            continue  # an anchor (<a id="…">) is a target, not a link
        text = link.text.strip().strip(".:").lower()
        href = link.attrs["href"]
        path, line = page.link_line(href, link.text.strip()) or (page.path, link.line)
        if not text:
            yield ctx.finding(path, line, f"link to {href} has no text")
        elif text in GENERIC_LINK_TEXTS:
            said = f"link text '{link.text}' says nothing about where it goes"
            yield ctx.finding(path, line, said, found=link.text.strip())  # editors mark it


@rule(
    "a11y/table-headers",
    severity=Severity.ERROR,
    summary="A table has no header cells.",
    target="page",
)
def table_headers(page: Page, ctx: CheckContext) -> Iterator[Finding]:
    """Why: without header cells a screen reader reads a table as a list of numbers and
    words with no meaning (WCAG 1.3.1).

    Example (da): a Markdown table whose first row is data, written as HTML without <th>.
    Example (en): a layout table of two cells.

    Instead: a GFM table has a header row; give every data table one.
    """
    tables = page.all("table")
    headers = [(th.line, bool(th.text.strip())) for th in page.all("th")]
    ends = [t.line for t in tables[1:]] + [10**9]
    for table, end in zip(tables, ends[: len(tables)], strict=True):
        named = [said for line, said in headers if table.line <= line < end]
        if not any(named):  # a header row of empty cells names no column (pino's api.md)
            said = (
                "the table's header cells are empty" if named else "the table has no header cells"
            )
            yield ctx.finding(page.path, table.line, said)


@rule(
    "a11y/language-of-parts",
    severity=Severity.INFO,
    summary="A passage in another of the project's languages, marked with lang on export.",
    target="text",
)
def language_of_parts(subject: TermText, ctx: CheckContext) -> Iterator[Finding]:
    """Why: a screen reader reads an English title in a Danish page with Danish sounds
    unless the passage carries `lang="en"` (WCAG 3.1.2). Export marks each passage listed
    here, in HTML and PDF; confirm them.

    Whole sentences and runs of three or more words count; loanwords, names, Latin and
    acronyms do not.

    Example (da): »Studien »A Phase 3 Trial of Gene Therapy« viste, at behandlingen virkede.«
    Example (en): "The leaflet is called Genterapi – hvad er det? and is free."

    Instead: nothing, if the passage is right. If it is wrong, write
    `<span lang="da">…</span>` around it, or put `<!-- pipeline: ignore
    a11y/language-of-parts -->` before the block: both win over detection.
    """
    others = ctx.languages or (subject.lang,)
    for passage in find_passages(subject.text, subject.lang, others, ctx.names):
        text = subject.text[passage.start : passage.end]
        language = language_name(passage.lang, "en")
        yield ctx.finding(
            subject.path,
            subject.line_at(passage.start),
            f"{language} passage in {language_name(subject.lang, 'en')} text: '{quoted(text)}'"
            f' (marked lang="{passage.lang}" on export)',
            lang=passage.lang,
            passage=text,
        )


@rule(
    "a11y/abbreviation",
    severity=Severity.WARNING,
    summary="An acronym is used before its full form is given.",
    target="uses",
)
def abbreviation(uses: Sequence[TermUse], ctx: CheckContext) -> Iterator[Finding]:
    """Why: readers who do not know "ATMP" need its full form at first use (WCAG 3.1.4);
    export also gives it in `<abbr title>` and the PDF's /E.

    The glossary says which terms are acronyms or abbreviations (TBX termType) and what
    they stand for (the same concept's full form). The full form written earlier in
    the document, or in the same paragraph, counts as the explanation, and so does the
    document's own `*[ATMP]: …` definition; titles and headings are left to the text
    below them.

    Example (da): "ATMP'er godkendes af EMA." before "lægemidler til avanceret terapi".
    Example (en): "An ATMP is a medicine." before "advanced therapy medicinal product".

    Instead: "lægemidler til avanceret terapi (ATMP'er)", "advanced therapy medicinal
    products (ATMPs)" at first use.
    """
    glossary = ctx.glossary
    if glossary is None:
        return
    # The document's own `*[HPV]: humant papillomavirus`: its page gives every use in
    # `<abbr title>`, as the author chose, wherever the definition stands.
    explained = {(use.lang, use.concept) for use in uses if use.role == "definition"}
    for use in sorted(uses, key=lambda u: (u.path, u.line)):
        if use.role == "heading":
            continue  # "What are ATMPs?": the text below the title explains it
        key = (use.lang, use.concept)
        if not _short(use):
            explained.add(key)
            continue
        full = glossary.concept(use.concept).full_form(use.lang)
        if key in explained or full is None:
            continue
        explained.add(key)  # one finding per acronym and document
        if any(_same_text(u, use) and u.concept == use.concept and not _short(u) for u in uses):
            continue  # explained in the same paragraph: "ATMP (advanced therapy …)"
        yield _unexplained(ctx, use, full.text)


def _unexplained(ctx: CheckContext, use: TermUse, full: str) -> Finding:
    """The finding, with a fix that reads right where the acronym is part of a word:
    "ATMP'er" keeps its ending; "HPV-vaccinen" cannot take the full form inside it."""
    word, term = use.word, use.term
    if "-" in word.lower().replace(term.lower(), "", 1):
        said = f"'{term}' in '{word}'"
        fix = f"give '{full} ({term})' before '{word}'"
    else:
        said, fix = f"'{word or term}'", f"{full} ({word or term})"
    return ctx.finding(
        use.path, use.line, f"{said} is used before its full form '{full}' is given",
        fix=fix, concept=use.concept, lang=use.lang,
    )  # fmt: skip


def _same_text(one: TermUse, other: TermUse) -> bool:
    return (one.path, one.text_line, one.lang) == (other.path, other.text_line, other.lang)


def _short(use: TermUse) -> bool:
    return use.kind.removeprefix(ASIDE).startswith("short")
