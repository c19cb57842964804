"""Where translated Markdown goes for each site generator, and the links that keep working.

Layouts (`[tool.pipeline.export] markdown-layout`), under `markdown-dir`:

- `folders`: `<lang>/<doc>.md` (the default)
- `mkdocs`: `<doc>.<lang>.md` (mkdocs-static-i18n's suffix structure)
- `docusaurus`: `docs/<doc>.md` for the first project locale,
  `i18n/<lang>/docusaurus-plugin-content-docs/current/<doc>.md` for the others
- `hugo`: `content/<lang>/<doc>.md` (Hugo's content folder per language)

A relative link to another document points at that document's file in the same locale;
a link to another file of the source folder (an image, a download) points at its copy,
which is written beside the documents (an image's variant in the locale, if it has one:
`export/image_language.py`). A link that already points there is not touched. Every
other file of the source folder is copied there too (copy_site_files).
"""

from __future__ import annotations

import bisect
import os
import posixpath
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from pipeline.catalogs.paths import po_path
from pipeline.catalogs.reader import read_entries
from pipeline.export.image_language import in_language
from pipeline.export.page import document_names, linked_file, translations
from pipeline.export.to_markdown import MarkdownResult, Problem, translated_markdown
from pipeline.project.config import Config
from pipeline.project.files import display_path, read_text, write_atomic
from pipeline.source.anchors import (
    explicit_anchors,
    heading_ids,
    id_style,
    local_target,
    myst_labels,
)
from pipeline.source.syntax import MARKDOWN
from pipeline.source.tree import SourceFile, load_source


@dataclass(frozen=True, slots=True)
class MarkdownPage:
    """One translated Markdown file written: where, and what went into it."""

    shown: str
    result: MarkdownResult
    published: bool  # False: too little was translated, the source language's text is there
    errors: tuple[str, ...] = ()  # "file:line: error: …" for each unit that could not go in


def markdown_root(config: Config) -> Path:
    return config.root / config.export.markdown_dir


def markdown_path(config: Config, name: str, lang: str) -> Path:
    """Where document `name` in `lang` goes in the configured layout."""
    out = markdown_root(config)
    layout = config.export.markdown_layout
    if layout == "mkdocs":
        return out / f"{name}.{lang}.md"
    if layout == "docusaurus":
        if lang == config.locales[0]:
            return out / "docs" / f"{name}.md"
        return out / "i18n" / lang / "docusaurus-plugin-content-docs" / "current" / f"{name}.md"
    if layout == "hugo":
        return out / "content" / lang / f"{name}.md"
    return out / lang / f"{name}.md"


def files_root(config: Config, lang: str) -> Path:
    """Where the other files of the source folder are copied, mirroring the source tree."""
    out = markdown_root(config)
    layout = config.export.markdown_layout
    if layout == "docusaurus":
        return out / "docs"
    if layout == "hugo":
        return out / "content" / lang
    return out


def write_markdown(config: Config, source: SourceFile, lang: str) -> MarkdownPage:
    """Write one document in `lang` as Markdown in the configured layout."""
    text, result, published = _written(config, source, lang)
    written = result.text if published else text
    path = markdown_path(config, source.document.name, lang)
    links, copies = _moved_links(config, source, lang, path, text)
    on_page = any(url.startswith("#") for url in source.document.urls)
    here = _renamed_ids(source.document.path, text, written) if on_page else {}
    links |= _renamed_anchors(config, source, lang, links, here)
    for original, copy in copies:
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(original, copy)
    write_atomic(path, _relinked(written, links))
    errors = tuple(_error(config, source, lang, problem) for problem in result.problems)
    return MarkdownPage(display_path(path, config.root), result, published, errors)


def _written(config: Config, source: SourceFile, lang: str) -> tuple[str, MarkdownResult, bool]:
    """The file as on disk, its translation into `lang`, and whether that is written
    (else the source's text is: too little of it was translated)."""
    document = source.document
    read_text(document.path, source.display)  # bad input fails as it does everywhere
    text = document.path.read_bytes().decode("utf-8")  # BOM and CRLF kept: byte for byte
    keep_ids = config.export.markdown_layout in {"docusaurus", "hugo"}  # both read {#id}
    result = translated_markdown(
        text, document, lang, translations(config, source, lang), config.segmentation, keep_ids
    )
    translated = result.units - result.fallbacks
    published = (  # a document with nothing to translate is as translated as it gets
        lang == document.lang
        or result.units == 0
        or translated / result.units >= config.export.min_translated
    )
    return text, result, published


def _renamed_anchors(
    config: Config, source: SourceFile, lang: str, moved: dict[str, str], here: dict[str, str]
) -> dict[str, str]:
    """Links into a heading whose id the translation changed (its text is the id, and the
    generator reads no `{#id}`: GitHub, MyST's heading anchors), pointed at the new id;
    `here` is this page's renamed ids. A link the translator already pointed elsewhere is
    not in the source, and stays."""
    names = document_names(config)
    renamed: dict[str, str] = {}
    for href in source.document.urls:
        target = local_target(href)
        if target is None or not target.anchor:
            continue
        found = linked_file(config, source.document.path, target.path) if target.path else None
        if target.path and (found is None or found not in names):
            continue
        ids = _written_ids(config, found, names[found], lang) if found else here
        if target.anchor in ids:
            path = moved.get(href, href).split("#", 1)[0]
            renamed[href] = renamed[unquote(href)] = f"{path}#{ids[target.anchor]}"
    return renamed


def _written_ids(config: Config, path: Path, name: str, lang: str) -> dict[str, str]:
    """_renamed_ids of another document as written in `lang`, kept a run (an export
    starts with forget_written_ids) per file, catalog and settings: each page linking in
    asks."""
    catalog = po_path(config.locale_path, lang, name)
    export = config.export
    settings = (export.markdown_layout, export.min_translated, config.segmentation)
    key = (path, lang, _state(path), _state(catalog), settings)
    if key not in _IDS_WRITTEN:
        text, result, published = _written(config, load_source(config, path), lang)
        _IDS_WRITTEN[key] = _renamed_ids(path, text, result.text if published else text)
    return _IDS_WRITTEN[key]


_IDS_WRITTEN: dict[tuple[object, ...], dict[str, str]] = {}


def forget_written_ids() -> None:
    """A new export run starts without the last run's ids (its settings may differ)."""
    _IDS_WRITTEN.clear()


def _renamed_ids(path: Path, text: str, written: str) -> dict[str, str]:
    """Source heading id → the id that heading has in the `written` file, where they
    differ. Ids the file gives by hand (an HTML anchor, a MyST label) stay its own."""
    before = MARKDOWN.parse(text.removeprefix("\ufeff").replace("\r\n", "\n"))
    after = MARKDOWN.parse(written.removeprefix("\ufeff").replace("\r\n", "\n"))
    style = id_style(path)
    old, new = heading_ids(before, style), heading_ids(after, style)
    if len(old) != len(new) or old == new:
        return {}
    by_hand = myst_labels(before) | {a for t in before for a in explicit_anchors(t.content)}
    return {a: b for a, b in zip(old, new, strict=True) if a != b and a not in by_hand}


def _state(path: Path) -> tuple[int, int]:
    try:
        found = path.stat()
    except OSError:
        return 0, 0
    return found.st_mtime_ns, found.st_size


def copy_site_files(config: Config, locales: Iterable[str]) -> int:
    """Copy each file of the source folder that is no document to where the locales'
    pages find it (files_root), and return how many were new or changed: the
    stylesheets, scripts and logo that mkdocs.yml names and no page links to
    (mkdocstrings' Danish site built without them). The project's own files stay: the
    glossary, word lists, build and catalog folders, hidden folders (`.obsidian`),
    editors' swap files, and links to nothing."""
    spelling = config.spelling
    lists = [*spelling.word_lists.values()]
    lists += [path for kept in spelling.folder_word_lists.values() for path in kept.values()]
    own = {(config.root / path).resolve() for path in [*lists, config.glossary] if path}
    folders = {markdown_root(config), config.locale_path, config.root / "build"}
    apart = {folder.resolve() for folder in folders} | {config.root.resolve() / ".git"}
    copied = 0
    for destination in {files_root(config, lang) for lang in locales}:
        for folder, subfolders, names in os.walk(config.source_path):
            here = Path(folder)
            subfolders[:] = [
                name
                for name in subfolders
                if not name.startswith(".") and (here / name).resolve() not in apart
            ]
            for name in names:
                path = here / name
                if _document_or_own(name) or not path.is_file() or path.resolve() in own:
                    continue
                copy = destination / path.relative_to(config.source_path)
                copied += _copy_if_changed(path, copy)
    return copied


def _copy_if_changed(path: Path, copy: Path) -> bool:
    """Copy `path` with its times, unless `copy` is already it (same size and time)."""
    kept, there = path.stat(), copy.stat() if copy.is_file() else None
    if there and (there.st_size, there.st_mtime_ns) == (kept.st_size, kept.st_mtime_ns):
        return False
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(path, copy)
    return True


def _document_or_own(name: str) -> bool:
    """A Markdown document (written in each locale), or a file an editor keeps while
    someone types (`.page.md.swp`, `#page.md#`, `page.md~`, `.DS_Store`)."""
    return name.endswith((".md", "~", ".swp")) or name.startswith("#") or name == ".DS_Store"


def _error(config: Config, source: SourceFile, lang: str, problem: Problem) -> str:
    """The error line of a unit that could not go in: at its msgstr, else at its source."""
    catalog = po_path(config.locale_path, lang, source.document.name)
    if problem.msgid and catalog.exists():
        shown = display_path(catalog, config.root)
        entries = read_entries(catalog, shown).entries
        entry = next((e for e in entries if e.msgid == problem.msgid), None)
        if entry is not None:
            return f"{shown}:{entry.msgstr_line}: error: {problem.message}"
    return f"{source.display}:{problem.line}: error: {problem.message}"


def _moved_links(
    config: Config, source: SourceFile, lang: str, path: Path, text: str
) -> tuple[dict[str, str], list[tuple[Path, Path]]]:
    """Links whose target sits elsewhere relative to the written file, and the files to copy.
    Images of directives the page keeps as they are count too: MyST's ```{image} ./a.png```
    and an image inside a `{margin}`."""
    names = document_names(config)
    root = config.source_path.resolve()
    moved: dict[str, str] = {}
    copies: list[tuple[Path, Path]] = []
    kept_images = {
        a or b for block in _DIRECTIVE.finditer(text) for a, b in _KEPT_IMAGE.findall(block.group())
    }
    for href in set(source.document.urls) | kept_images:
        target = local_target(href)
        if target is None or not target.path:
            continue
        found = linked_file(config, source.document.path, target.path)
        if found is None or found.is_dir():
            continue
        name = names.get(found)
        if name is not None:
            destination = markdown_path(config, name, lang)
        else:  # an image in the page's language if it has a variant in it
            found = in_language(found, lang)
            destination = files_root(config, lang) / found.relative_to(root)
            copies.append((found, destination))
        new = posixpath.relpath(destination.as_posix(), path.parent.as_posix())
        as_written = posixpath.normpath(posixpath.join(path.parent.as_posix(), target.path))
        if as_written != destination.as_posix():
            relinked = new + (f"#{target.anchor}" if target.anchor else "")
            moved[href] = moved[unquote(href)] = relinked  # markdown-it escapes URLs
    return moved, copies


# A MyST directive kept as code (not a code block, whose example must stay as written);
# in it, an image directive's path, and a Markdown image.
_DIRECTIVE = re.compile(r"^([`:]{3,})\{[\w:-]+\}.*?^\1[ \t]*$", re.M | re.S)
_KEPT_IMAGE = re.compile(r"^[`:]{3,}\{(?:image|figure)\}[ \t]+(\S+)|!\[[^\]\n]*\]\(([^)\s]+)", re.M)


def _relinked(text: str, moved: dict[str, str]) -> str:
    """Each moved URL replaced where it is written as a link's or an attribute's URL: in
    one pass (a heading's new id may be another's old one), and never in code (an example
    of a link in a code block stays as written)."""
    if not moved:
        return text
    urls = "|".join(map(re.escape, sorted(moved, key=len, reverse=True)))
    pattern = re.compile(rf"(?<=[(<\"'\s])(?:{urls})(?=[)>\"'\s]|$)")
    code = _code_spans(text)

    def swapped(found: re.Match[str]) -> str:
        at = bisect.bisect_right(code, (found.start(), len(text))) - 1
        inside = at >= 0 and code[at][0] <= found.start() < code[at][1]
        return found.group() if inside else moved[found.group()]

    return pattern.sub(swapped, text)


def _code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the code in Markdown `text`, in order: code blocks and fences (not
    MyST directives, whose image paths move) and the code spans of its inline text (a
    fence's ``` opens none, nor a MyST box's, indented in a list or not)."""
    starts = [0, *(found.end() for found in re.finditer("\n", text)), len(text)]
    spans = []
    for token in MARKDOWN.parse(text.removeprefix("\ufeff").replace("\r\n", "\n")):
        if not token.map:
            continue
        start, end = starts[token.map[0]], starts[min(token.map[1], len(starts) - 1)]
        if token.type == "code_block" or (token.type == "fence" and _is_code(token.info)):
            spans.append((start, end))
        elif token.type == "inline" and "`" in token.content:
            found = _CODE_SPAN.finditer(text, start, end)
            spans += [span.span() for span in found]
    return sorted(spans)


def _is_code(info: str) -> bool:
    return not info.startswith("{") or info.startswith(("{code", "{literalinclude"))


# A code span: a run of backticks to the next run of as many.
_CODE_SPAN = re.compile(r"(`+)(?:[^`]|(?!\1)`+)*?\1")
