"""The align stage: an existing translation of a source document → its catalog, as fuzzy
entries a reviewer confirms (rust-lang-translations#11, diplodoc-platform/cli#2272)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Message

from pipeline.align.pairing import Alignment, Pair, align_documents
from pipeline.catalogs.paths import po_path
from pipeline.catalogs.po import PoFile, generate_po, parse_po, read_po_text
from pipeline.catalogs.update import now_stamp
from pipeline.project.config import Config, gettext_locale
from pipeline.project.errors import PipelineError
from pipeline.project.files import display_path, locked, read_text, write_atomic
from pipeline.source.markdown import read_document
from pipeline.source.tree import SourceFile, find_sources, load_source
from pipeline.source.units import Unit, split_units

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}


@dataclass(frozen=True, slots=True)
class Filled:
    """One unit given a translation from the file (or, on a dry run, that would be)."""

    unit: Unit
    text: str
    lines: tuple[int, ...]  # where its pieces stand in the translation
    fuzzy: bool


@dataclass(frozen=True, slots=True)
class AlignResult:
    """What aligning one translation with its original did."""

    original: str
    translation: str
    catalog: str
    lang: str
    units: int  # distinct unit texts of the original
    filled: tuple[Filled, ...]
    kept: int  # units that had a translation already (not fuzzy): never overwritten
    fuzzy: tuple[Unit, ...]  # units whose translation is fuzzy: kept too, still to review
    missing: int  # units not in the catalog yet (run extract)
    unused: tuple[Unit, ...]  # pieces of the translation no unit took
    written: bool
    empty: tuple[Unit, ...] = ()  # units with no counterpart in the translation: left empty


def align_pair(
    config: Config,
    original: Path,
    translation: Path,
    lang: str | None = None,
    *,
    accept: bool = False,
    dry_run: bool = False,
    force: bool = False,
) -> AlignResult:
    """Align `translation` with the project source `original` and fill its catalog;
    `force` fills it even when the two do not look like one text."""
    source = _project_source(config, original)
    pieces, lang = _translation_units(config, translation, lang, source, force)
    alignment = align_documents(source.units, pieces, _term_keys(config))
    pairs = alignment.pairs
    catalog_file = po_path(config.locale_path, lang, source.document.name)
    shown = display_path(catalog_file, config.root)
    shown_translation = display_path(translation, config.root)
    if not force:
        _check_match(source, alignment, shown_translation)
    with locked(config.locale_path):
        if not catalog_file.exists():
            raise PipelineError(
                "the catalog does not exist yet", shown, hint="run `pipeline extract` first"
            )
        po = parse_po(read_po_text(catalog_file, shown), shown)
        filled, kept, fuzzy, missing, empty = _fill(
            po, source, pieces, pairs, shown_translation, accept
        )
        if filled:  # translations were written in: msgfmt -c warns at the template's date
            po.set_header("PO-Revision-Date", now_stamp())
        written = bool(filled) and not dry_run and write_atomic(catalog_file, generate_po(po))
    used = {index for pair in pairs for index in pair.translation}
    return AlignResult(
        source.display,
        shown_translation,
        shown,
        lang,
        len({unit.text for unit in source.units}),
        tuple(filled),
        kept,
        tuple(fuzzy),
        missing,
        tuple(piece for index, piece in enumerate(pieces) if index not in used),
        written,
        tuple(empty),
    )


def _project_source(config: Config, path: Path) -> SourceFile:
    if not path.is_file():
        raise PipelineError("file not found", display_path(path, config.root))
    found = {source.resolve(): source for source in find_sources(config)}
    if path.resolve() not in found:
        raise PipelineError(
            "not a source document of this project",
            display_path(path, config.root),
            hint=f"give a Markdown file under {display_path(config.source_path, config.root)}/",
        )
    return load_source(config, found[path.resolve()])


def _translation_units(
    config: Config, path: Path, lang: str | None, source: SourceFile, force: bool = False
) -> tuple[list[Unit], str]:
    """The translation's units and language: --lang, its front matter, or its folder
    ("zh-CN" is the locale zh_CN). `force` takes a translation that reads as the original's
    language: a site translated in part."""
    shown = display_path(path, config.root)
    if not path.is_file():
        raise PipelineError("file not found", shown)
    if path.suffix.lower() not in MARKDOWN_SUFFIXES or _looks_like_other_format(path, shown):
        raise PipelineError(
            "not a Markdown file", shown, hint="give the translation as Markdown (.md)"
        )
    folders = (gettext_locale(part) for part in reversed(path.parent.parts))
    folder = next((part for part in folders if part in config.locales), None)
    into = next(code for code in config.locales if code != source.document.lang)
    hint = f"pass --lang {into}, or add 'lang: {into}' to its front matter"
    document = read_document(path, shown, lang or folder, source.document.name, hint)
    lang = gettext_locale(lang or document.lang)
    if lang not in config.locales or lang == source.document.lang:
        others = [code for code in config.locales if code != source.document.lang]
        raise PipelineError(
            f"a translation into '{lang}' cannot be aligned with an original in "
            f"'{source.document.lang}'", shown, hint=f"the project translates it into {others}",
        )  # fmt: skip
    units = list(split_units(document, config.segmentation))
    if not units:
        raise PipelineError("the file has no text to align", shown)
    if not force:
        _check_language(units, lang, source.document.lang, shown)
    return units, lang


_PO_LINE = re.compile(r'^(?:msgid|msgstr|msgctxt) "', re.MULTILINE)


def _looks_like_other_format(path: Path, shown: str) -> bool:
    """HTML or a PO catalog saved under a .md name."""
    head = read_text(path, shown)[:4000]
    start = head.lstrip().lower()
    return start.startswith(("<!doctype", "<html", "<?xml")) or bool(_PO_LINE.search(head))


def _check_language(units: list[Unit], lang: str, source_lang: str, shown: str) -> None:
    """A translation must be in its language: the original pasted twice is a mistake."""
    from pipeline.languages import language_name
    from pipeline.languages.evidence import confidence

    sample = " ".join(unit.text for unit in units)[:4000]
    if confidence(sample, source_lang, lang) > 0.9:
        raise PipelineError(
            f"the file is in {language_name(source_lang, 'en')}, not "
            f"{language_name(lang, 'en')}", shown,
            hint="give the translation or the right --lang; --force takes one made in part",
        )  # fmt: skip


def _term_keys(config: Config) -> dict[str, str] | None:
    """Every glossary term of every language → its concept: a pair that survives translation."""
    from pipeline.terms.glossary import project_glossary

    glossary = project_glossary(config)
    if glossary is None:
        return None
    keys = {}
    for concept in glossary.concepts:
        for term in concept.terms:
            if len(term.text) >= 3:
                keys[term.text.lower()] = "≡" + concept.id
    return keys


def _check_match(source: SourceFile, alignment: Alignment, shown: str) -> None:
    if not alignment.matches:
        raise PipelineError(
            f"the file does not look like a translation of {source.display}: only "
            f"{alignment.paired_share:.0%} of the two found a counterpart", shown,
            hint="check that the two files are the same document, or pass --force to align "
            "them anyway; its catalog was not written",
        )  # fmt: skip


def _fill(
    po: PoFile,
    source: SourceFile,
    pieces: list[Unit],
    pairs: list[Pair],
    shown: str,
    accept: bool,
) -> tuple[list[Filled], int, list[Unit], int, list[Unit]]:
    """Give each paired unit its text where its entry has no translation yet; return the
    fills, the units already translated (kept, paired or not), those whose translation is
    fuzzy (kept too: a reviewer still has to look at them), those not in the catalog and
    those with no counterpart (left empty)."""
    paired = dict(_units_with_pairs(source, pairs))
    filled: list[Filled] = []
    to_review: list[Unit] = []
    empty: list[Unit] = []
    kept = missing = 0
    first: dict[str, Unit] = {}
    for unit in source.units:
        first.setdefault(unit.text, unit)
    for text, unit in first.items():
        message = po.catalog.get(text)
        if message is None:
            missing += 1
        elif message.string and message.fuzzy:
            to_review.append(unit)
        elif message.string:
            kept += 1
        elif text in paired:
            unit, pair = paired[text]
            translated = " ".join(pieces[index].text for index in pair.translation)
            lines = tuple(dict.fromkeys(pieces[index].line for index in pair.translation))
            fuzzy = pair.merged or not accept
            _set_translation(message, translated, _origin(shown, pair, lines), fuzzy)
            filled.append(Filled(unit, translated, lines, fuzzy))
        else:
            empty.append(unit)
    return filled, kept, to_review, missing, empty


def _origin(shown: str, pair: Pair, lines: tuple[int, ...]) -> str:
    """The comment naming every line the text came from, and what is left to the reviewer."""
    origin = f"aligned from {shown}:" + ", ".join(map(str, lines))
    if len(pair.original) > 1:
        return origin + f" (one paragraph there for {len(pair.original)} units here: split it)"
    if len(pair.translation) > 1:  # a piece the original lacks may have come along
        return origin + (
            f" ({len(pair.translation)} pieces there for one unit here: "
            "review it, split off what the unit does not say)"
        )
    return origin


def _units_with_pairs(
    source: SourceFile, pairs: list[Pair]
) -> Iterator[tuple[str, tuple[Unit, Pair]]]:
    """Each paired unit's text with the unit and its pair; a repeated text, its first."""
    for pair in reversed(pairs):
        for index in pair.original:
            unit = source.units[index]
            yield unit.text, (unit, pair)


def _set_translation(message: Message, text: str, origin: str, fuzzy: bool) -> None:
    message.string = text
    message.user_comments = [*message.user_comments, origin]
    if fuzzy:
        message.flags.add("fuzzy")
