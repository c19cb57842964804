"""Which Markdown we read: CommonMark, GitHub's extensions and the site generators' boxes.

GitHub's extensions (tables, strikethrough, task lists, alerts, footnotes, bare URLs) come
with markdown-it-py and mdit-py-plugins; emoji shortcodes by GitHub's names; the boxes
of MkDocs (`!!! note`), Docusaurus, VuePress and MyST (`:::note`), and MyST's admonition
directives (```` ```{note} ````), whose text is Markdown to translate like any other.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any

import emoji
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.gfm import gfm_plugin

from pipeline.source.front_matter import toml_front_matter
from pipeline.source.python_markdown import attribute_lists, markdown_in_html

# MyST directives whose body is Markdown: the admonitions and the boxes of Sphinx and
# sphinx-design, titled by their argument; and those whose argument is no text (a
# figure's image path), titled by their kind. Others ({toctree}, {image}, {code-block})
# are not prose and stay code, in either fence.
MYST_TITLED = frozenset(
    {"admonition", "attention", "caution", "danger", "error", "hint", "important", "note"}
    | {"seealso", "tip", "warning", "margin", "sidebar", "topic", "dropdown", "card"}
    | {"tab-item", "grid-item-card"}
)
MYST_UNTITLED = frozenset({"figure", "epigraph", "pull-quote", "highlights"})
# Sphinx's notes of a version: the argument is the version, the body Markdown.
MYST_VERSIONED = frozenset({"versionadded", "versionchanged", "deprecated", "versionremoved"})
MYST_BOXES = MYST_TITLED | MYST_UNTITLED | MYST_VERSIONED | {"list-table"}
DIRECTIVE = re.compile(r"\{([\w:-]+)\}\s*(.*)")  # a MyST directive's info: name, argument
OPTION = re.compile(r":[\w-]+:")  # a MyST option line's start


def _emoji(state: StateCore) -> None:
    """`:rocket:` → 🚀 in text, as GitHub shows it (GitHub's names, from the emoji package);
    the source and its units keep the shortcode. MkDocs Material's icons
    (`:material-github:`, `:octicons-file-code-16:`) are drawn by its theme: a link made
    of one is named by it ("github"), one beside text is left out."""
    for token in state.tokens:
        children = token.children or []
        for at, child in enumerate(children):
            if child.type != "text" or ":" not in child.content:
                continue
            icon = _ICON.fullmatch(child.content.strip())
            linked = 0 < at < len(children) - 1 and children[at - 1].type == "link_open"
            if icon and linked and children[at + 1].type == "link_close":
                child.content = icon.group(1).replace("-", " ")
                continue
            child.content = SHORTCODE.sub(_emoji_for, _ICON.sub("", child.content))


# A theme's icon: its set, its name (the words kept), and its size.
_ICON = re.compile(r":(?:material|octicons|fontawesome-\w+|simple)-([a-z0-9-]+?)(?:-\d+)?:")


SHORTCODE = re.compile(r":[a-z0-9_+-]+:")


def _emoji_for(match: re.Match[str]) -> str:
    return str(emoji.emojize(match.group(), language="alias"))


def _is_box(params: str, *_: Any) -> bool:
    """`:::note`, `::: tip Title`, `:::details[Title]`, `:::{note}`: Docusaurus, VuePress
    and MyST containers, beside MkDocs' `!!! note` and GitHub's alerts. Markers are not units.
    `::: package.module.Name` is mkdocstrings' (_autodoc), which no `:::` closes; so is a
    plugin's `::: mkdocs-click`."""
    return bool(re.match(r"\{?(?!mkdocs-)[A-Za-z][\w-]*(?![\w.])", params.strip()))


def _myst_targets(state: StateCore) -> None:
    """MyST's `(label)=` before a heading is an anchor for `{ref}` links, no text: an
    `<a id>`, and no unit (13 of attrs' units, which no translator could finish)."""
    if ")=" not in state.src:
        return
    tokens = state.tokens
    for index in range(len(tokens) - 2, 0, -1):
        found = _TARGET.fullmatch(tokens[index].content.strip())
        if found and tokens[index - 1].type == "paragraph_open" and tokens[index].map:
            anchor = Token("html_block", "", 0, map=tokens[index].map, block=True)
            anchor.content = f'<a id="{found.group(1)}"></a>\n'
            anchor.level, anchor.meta = tokens[index - 1].level, {"label": found.group(1)}
            tokens[index - 1 : index + 2] = [anchor]
            heading = tokens[index : index + 2]
            if len(heading) == 2 and heading[0].type == "heading_open":
                state.env.setdefault("labels", {})[found.group(1)] = heading[1].content


def _label_links(state: StateCore) -> None:
    """MyST's `[](label)` is a link to the label's heading, named by it, as Sphinx shows
    it; our page showed an empty link to a file that does not exist."""
    labels = state.env.get("labels")
    if not labels:
        return
    for token in state.tokens:
        children = token.children or []
        for at in range(len(children) - 2, -1, -1):
            link, after = children[at], children[at + 1]
            label = str(link.attrGet("href") or "")
            if link.type == "link_open" and after.type == "link_close" and label in labels:
                link.attrSet("href", f"#{label}")
                children.insert(at + 1, Token("text", "", 0, content=labels[label]))


_TARGET = re.compile(r"\(([^\s()]+)\)=")  # "(content/launch)=" too
# A MyST role's name, which stands right before its code span: {ref}`…`.
ROLE_NAME = re.compile(r"\{[\w:.+-]+\}$")


def role_parts(code: str) -> tuple[str, str]:
    """A MyST role's words and target: `the list <visit-list>` gives ("the list",
    "visit-list"); `AAV` is both."""
    titled = _TITLED.fullmatch(code)
    return (titled[1], titled[2]) if titled else (code, code)


_TITLED = re.compile(r"(.*?\S)\s*<([^<>]+)>", re.DOTALL)


def _autodoc(state: StateCore) -> None:
    """mkdocstrings' `::: package.module.Name` (and its indented options, which CommonMark
    reads into the same paragraph): API docs the site generator writes from the code; and
    pymdownx.snippets' `--8<-- "README.md"`, a file MkDocs puts in the page. Each is shown
    as code, as written, and is no unit to translate (a translated path breaks the build)."""
    if ":::" not in state.src and "8<-" not in state.src:
        return  # most documents
    tokens, kept = state.tokens, []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        inline = tokens[index + 1] if index + 1 < len(tokens) else token
        autodoc = token.type == "paragraph_open" and _AUTODOC.match(inline.content)
        snippet = token.type == "paragraph_open" and SNIPPET.fullmatch(inline.content)
        lines = _source_lines(state, token) if autodoc or snippet else []  # few: costly
        if lines and (snippet or lines[0].lstrip().startswith(":::")):
            code = Token("fence", "code", 0, map=token.map, block=True, level=token.level)
            code.content = textwrap.dedent("\n".join(lines)) + "\n"
            code.markup, code.info = "```", "snippet" if snippet else "mkdocstrings"
            kept.append(code)
            index += 3  # the paragraph's opening, its text and its closing
            continue
        kept.append(token)
        index += 1
    state.tokens = kept


def _abbreviations(state: StateCore) -> None:
    """Python-Markdown's abbreviations (`*[HTML]: HyperText Markup Language`, MkDocs
    Material's tooltips): a paragraph of such lines is not shown. Each expansion is a unit
    (source.markdown), and export marks each use of the term with `<abbr title>`; two
    lines were one unit, shown as a paragraph, and the second term was lost to MkDocs."""
    if "*[" not in state.src:
        return  # most documents
    tokens, kept = state.tokens, []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "paragraph_open" and token.map:
            lines = tokens[index + 1].content.split("\n")
            found = [_ABBREVIATION.fullmatch(line.strip()) for line in lines]
            if all(found):
                defined = state.env.setdefault("abbreviations", {})
                for number, match in enumerate(filter(None, found)):
                    line = token.map[0] + 1 + number
                    title = " ".join(match.group(2).split())
                    defined[match.group(1)] = {"title": title, "line": line}
                index += 3  # the paragraph's opening, its text and its closing
                continue
        kept.append(token)
        index += 1
    state.tokens = kept


_ABBREVIATION = re.compile(r"\*\[([^\]\n]+)\] ?:[ \t]*(.*)")  # as Python-Markdown's abbr


def _source_lines(state: StateCore, token: Token) -> list[str]:
    return state.src.split("\n")[token.map[0] : token.map[1]] if token.map else []


_AUTODOC = re.compile(r"::: [A-Za-z_][\w.-]*(?:\n|$)")
# pymdownx.snippets: `--8<-- "file.md"` lines, or a block of paths between two `--8<--`.
_CUT = r"[ \t]*;*-+8<-+"
SNIPPET = re.compile(
    rf"(?:{_CUT}[ \t]+(?:\"[^\"\n]+\"|'[^'\n]+')[ \t]*(?:\n|$))+|{_CUT}\n(?:.*\n)*?{_CUT}\n?"
)


def _myst_boxes(state: StateCore) -> None:
    """A MyST admonition directive's body is parsed as Markdown inside a box, with the
    lines it stands on, so its text becomes units; its options (`:class: x`) stay out.
    Only its blocks are parsed here, before the page's inline text: its footnote
    references then join the page's one list of notes, as the rest of its text does."""
    state.tokens = _boxed(state.tokens, state)


def _boxed(tokens: list[Token], state: StateCore) -> list[Token]:
    boxed: list[Token] = []
    for token in tokens:
        found = DIRECTIVE.fullmatch(token.info.strip()) if token.type == "fence" else None
        if found is None or found.group(1) not in MYST_BOXES or token.map is None:
            boxed.append(token)
            continue
        lines = token.content.split("\n")
        options = next((n for n, line in enumerate(lines) if not OPTION.match(line)), 0)
        inner: list[Token] = []
        state.md.block.parse("\n".join(lines[options:]), state.md, state.env, inner)
        first = token.map[0] + 1 + options
        for nested in inner:
            if nested.map:
                nested.map = [nested.map[0] + first, nested.map[1] + first]
        opening = Token("container_box_open", "div", 1, map=token.map, block=True)
        opening.info = " ".join(filter(None, found.groups()))
        closing = Token("container_box_close", "div", -1, block=True)
        boxed += [opening, *_boxed(inner, state), closing]
    return boxed


def _kept_directives(tokens: list[Token], state: StateCore) -> list[Token]:
    """A MyST colon fence of no box (`:::{toctree}`, `:::{image}`) is code, as a
    backtick fence is: its lines stay as written."""
    kept: list[Token] = []
    at = 0
    while at < len(tokens):
        token = tokens[at]
        box = token.type == "container_box_open"
        found = DIRECTIVE.fullmatch(token.info.strip()) if box else None
        if found is None or found.group(1) in MYST_BOXES or token.map is None:
            kept.append(token)
            at += 1
            continue
        close = next(n for n in range(at + 1, len(tokens)) if tokens[n].level == token.level)
        # The box's lines end before its closing `:::`; a fence's take it in, as ``` does.
        lines = state.src.split("\n")
        closed = token.map[1] < len(lines) and lines[token.map[1]].strip().startswith(":::")
        code = Token("fence", "code", 0, block=True, markup=token.markup)
        code.map = [token.map[0], token.map[1] + closed]
        code.info = token.info.strip()
        code.content = "".join(line + "\n" for line in _source_lines(state, token)[1:])
        code.level = token.level
        kept.append(code)
        at = close + 1
    return kept


def _without_options(tokens: list[Token]) -> list[Token]:
    """A MyST colon fence's options (`:class: margin` under `:::{note}`) set the
    directive; they are no text. The paragraph they open loses them, or goes."""
    kept: list[Token] = []
    at = 0
    while at < len(tokens):
        token = tokens[at]
        kept.append(token)
        at += 1
        myst = token.type == "container_box_open" and token.info.strip().startswith("{")
        if myst:
            at += _yaml_options(tokens, at, token)  # no text: a rule, a heading, a list
        if not myst or at + 2 >= len(tokens) or tokens[at].type != "paragraph_open":
            continue
        opening, inline = tokens[at], tokens[at + 1]
        lines = inline.content.split("\n")
        options = next((n for n, line in enumerate(lines) if not OPTION.match(line)), len(lines))
        if options == len(lines):
            at += 3  # the paragraph is all options
        elif options and opening.map and inline.map:
            inline.content = "\n".join(lines[options:])
            opening.map = inline.map = [opening.map[0] + options, opening.map[1]]
    return kept


def _yaml_options(tokens: list[Token], at: int, box: Token) -> int:
    """How many tokens from `at` a colon fence's options take, written as YAML between
    `---` lines on the lines after its own; CommonMark reads them as a rule and then a
    setext heading, or a paragraph and a list up to a second rule."""
    first = tokens[at] if at < len(tokens) else None
    if first is None or first.type != "hr" or not first.map or not box.map:
        return 0
    if first.map[0] != box.map[0] + 1 or "-" not in first.markup:
        return 0
    for index in range(at + 1, len(tokens)):
        token = tokens[index]
        closing = token.type == "hr" or (token.type == "heading_close" and token.markup == "-")
        if closing and token.level == first.level:
            return index - at + 1
    return 0


def _boxes_as_admonitions(state: StateCore) -> None:
    """A `:::` box becomes an admonition, as MkDocs' `!!! note "Title"` is: its own title
    (`::: tip Title`, `:::details[Title]`, MyST's `{admonition} Title`) is then a unit to
    translate, and a box titled by its kind alone gets the kind's name in each language."""
    tokens: list[Token] = []
    for token in _without_options(_kept_directives(state.tokens, state)):
        tokens.append(token)
        if token.type == "container_box_close":
            token.type = "admonition_close"
        if token.type != "container_box_open" or token.map is None:
            continue
        kind, title = box_kind_and_title(token.info)
        token.type, token.meta = "admonition_open", {"tag": kind}
        if kind in MYST_VERSIONED:  # "Changed in version 2.1", in each language; the
            token.meta["version"], _, title = title.partition(" ")  # rest is text to translate
        if kind in MYST_UNTITLED:
            title = ""  # `{figure} ../images/eye.png`: a path, titled by its kind
        token.attrs = {"class": f"admonition {kind.lower()}"}
        token.info = f'{kind} "{title}"' if title else kind
        line = [token.map[0], token.map[0] + 1]
        opening = Token("admonition_title_open", "p", 1, map=line, block=True)
        opening.attrs = {"class": "admonition-title"}
        inline = Token("inline", "", 0, map=line, content=title or kind.capitalize())
        inline.children = []
        tokens += [opening, inline, Token("admonition_title_close", "p", -1, block=True)]
    state.tokens = tokens


def box_kind_and_title(params: str) -> tuple[str, str]:
    """`tip My tip`, `{note} My note`, `details[Why?]` → the box's kind and its title."""
    found = _BOX_PARAMS.match(params.strip())
    return (found[1], (found[2] or found[3] or "").strip()) if found else ("", "")


_BOX_PARAMS = re.compile(r"\{?([\w-]*)\}?(?:\[(.*)\]|(.*))", re.DOTALL)


_TAB = re.compile(r'(===[+!]?) +"([^"\n]*)" *$')


def _tab(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A content tab of MkDocs Material (pymdownx.tabbed): `=== "Title"` and the lines
    indented under it. It becomes an admonition with its own title, so its title and
    text are units as a box's are; a static page shows the tabs one after another."""
    start = state.bMarks[start_line] + state.tShift[start_line]
    found = _TAB.match(state.src, start, state.eMarks[start_line])
    if found is None or state.sCount[start_line] - state.blkIndent >= 4:
        return False
    if silent:
        return True
    end, indent = start_line + 1, state.blkIndent + 4
    while end < end_line and (state.isEmpty(end) or state.sCount[end] >= indent):
        end += 1
    while end > start_line + 1 and state.isEmpty(end - 1):
        end -= 1  # the blank lines after it belong to what follows
    markup, title = found.groups()
    opening = state.push("admonition_open", "div", 1)
    opening.markup, opening.info, opening.content = markup, f'tab "{title}"', title
    opening.meta, opening.map, opening.block = {"tag": "tab"}, [start_line, end], True
    opening.attrs = {"class": "admonition tab"}
    heading = state.push("admonition_title_open", "p", 1)
    heading.attrs, heading.map = {"class": "admonition-title"}, [start_line, start_line + 1]
    inline = state.push("inline", "", 0)
    inline.content, inline.map, inline.children = title, [start_line, start_line + 1], []
    state.push("admonition_title_close", "p", -1)
    old_indent, old_max = state.blkIndent, state.lineMax
    state.blkIndent, state.lineMax = indent, end
    state.md.block.tokenize(state, start_line + 1, end)
    state.blkIndent, state.lineMax = old_indent, old_max
    state.push("admonition_close", "div", -1).block = True
    state.line = end
    return True


MARKDOWN = (
    MarkdownIt("commonmark")
    .use(gfm_plugin)
    .use(front_matter_plugin)
    .use(admon_plugin)
    .use(container_plugin, name="box", validate=_is_box)
    .use(deflist_plugin)  # MyST's and MkDocs' "Term\n: Definition"
)
MARKDOWN.block.ruler.before("front_matter", "toml_front_matter", toml_front_matter)
MARKDOWN.core.ruler.push("attr_lists", attribute_lists)  # before the icons they follow go
MARKDOWN.core.ruler.push("emoji", _emoji)
MARKDOWN.block.ruler.before(
    "admonition", "tab", _tab, {"alt": ["paragraph", "reference", "blockquote", "list"]}
)

MARKDOWN.core.ruler.after("block", "markdown_in_html", markdown_in_html)
MARKDOWN.core.ruler.after("markdown_in_html", "myst_boxes", _myst_boxes)
MARKDOWN.core.ruler.after("myst_boxes", "autodoc", _autodoc)
MARKDOWN.core.ruler.after("autodoc", "boxes", _boxes_as_admonitions)
MARKDOWN.core.ruler.after("boxes", "abbreviations", _abbreviations)
MARKDOWN.core.ruler.after("autodoc", "myst_targets", _myst_targets)
MARKDOWN.core.ruler.after("inline", "label_links", _label_links)
