"""How GitHub's extensions render on our pages, accessibly and in the page's language.

Footnotes: a reference is a superscript link named "Footnote 1"; the notes follow under a
heading "Footnotes" (Danish "Fodnoter"), each with a link back to where it was cited
(DPUB-ARIA roles: doc-noteref, doc-endnotes, doc-backlink). Task list boxes are disabled
checkboxes named by their item's text. Docusaurus and MyST boxes (`:::note`) render as
MkDocs admonitions do: a titled box.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token

from pipeline.source.syntax import ROLE_NAME, role_parts

WORDS = {
    "da": {"footnotes": "Fodnoter", "footnote": "Fodnote", "back": "Tilbage til teksten"},
    "en": {"footnotes": "Footnotes", "footnote": "Footnote", "back": "Back to the text"},
}
Rule = Callable[..., str]

# Alerts (`> [!WARNING]`) and admonitions without a title of their own are titled by kind:
# GitHub's, Docusaurus', MyST's and MkDocs Material's kinds and aliases.
BOX_TITLES = {
    "da": {
        "note": "Bemærk",
        "seealso": "Se også",
        "abstract": "Resumé",
        "summary": "Resumé",
        "tldr": "Kort fortalt",
        "info": "Information",
        "todo": "Skal gøres",
        "tip": "Tip",
        "hint": "Vink",
        "important": "Vigtigt",
        "success": "Gennemført",
        "check": "Tjek",
        "done": "Færdig",
        "question": "Spørgsmål",
        "help": "Hjælp",
        "faq": "Ofte stillede spørgsmål",
        "warning": "Advarsel",
        "caution": "Forsigtig",
        "attention": "Vær opmærksom",
        "failure": "Mislykkedes",
        "fail": "Mislykkedes",
        "missing": "Mangler",
        "danger": "Fare",
        "error": "Fejl",
        "bug": "Programfejl",
        "example": "Eksempel",
        "quote": "Citat",
        "cite": "Citat",
        "details": "Detaljer",
        "list-table": "Tabel",
        "figure": "Figur",
        "versionadded": "Tilføjet i version",  # Sphinx's Danish
        "versionchanged": "Ændret i version",
        "deprecated": "Forældet siden version",
        "versionremoved": "Fjernet i version",
    },
    "en": {
        "seealso": "See also",
        "tldr": "TL;DR",
        "faq": "FAQ",
        "info": "Information",
        "list-table": "Table",
        "versionadded": "Added in version",  # as Sphinx writes them
        "versionchanged": "Changed in version",
        "deprecated": "Deprecated since version",
        "versionremoved": "Removed in version",
    },
}


def box_title(kind: str, lang: str) -> str:
    """The title of an alert or admonition of `kind` ("warning") in `lang`."""
    kind = kind.lower() or "note"
    titles = BOX_TITLES.get(lang.split("-")[0], {})
    return titles.get(kind) or BOX_TITLES["en"].get(kind) or kind.capitalize()


def _words(env: dict[str, Any]) -> dict[str, str]:
    return WORDS.get(str(env.get("lang", "en")).split("-")[0], WORDS["en"])


def _number(token: Token) -> str:
    return str(int(token.meta["id"]) + 1)


def _ref_suffix(token: Token) -> str:
    sub = int(token.meta.get("subId", 0) or 0)
    return f"-{sub}" if sub > 0 else ""


def footnote_ref(self: Any, tokens: Sequence[Token], index: int, options: Any, env: Any) -> str:
    token = tokens[index]
    number = _number(token)
    label = f"{_words(env)['footnote']} {number}"
    return (
        f'<sup class="footnote-ref"><a href="#fn{number}" id="fnref{number}{_ref_suffix(token)}"'
        f' role="doc-noteref" aria-label="{escape(label)}">{number}</a></sup>'
    )


def footnote_block_open(
    self: Any, tokens: Sequence[Token], index: int, options: Any, env: Any
) -> str:
    return (
        '<section class="footnotes" role="doc-endnotes" aria-labelledby="footnotes-title">\n'
        f'<h2 id="footnotes-title" class="footnotes-title">{_words(env)["footnotes"]}</h2>\n'
        '<ol class="footnotes-list">\n'
    )


def footnote_block_close(
    self: Any, tokens: Sequence[Token], index: int, options: Any, env: Any
) -> str:
    return "</ol>\n</section>\n"


def footnote_open(self: Any, tokens: Sequence[Token], index: int, options: Any, env: Any) -> str:
    return f'<li id="fn{_number(tokens[index])}" class="footnote-item">'


def footnote_close(self: Any, tokens: Sequence[Token], index: int, options: Any, env: Any) -> str:
    return "</li>\n"


def footnote_anchor(self: Any, tokens: Sequence[Token], index: int, options: Any, env: Any) -> str:
    token = tokens[index]
    target = f"fnref{_number(token)}{_ref_suffix(token)}"
    back = escape(_words(env)["back"])
    return (
        f' <a href="#{target}" class="footnote-backref" role="doc-backlink"'
        f' aria-label="{back}">↩\ufe0e</a>'
    )


def list_item_open(self: Any, tokens: Sequence[Token], index: int, options: Any, env: Any) -> str:
    """A task list item's box: disabled, checked or not, named by the item's text."""
    token = tokens[index]
    opened = str(self.renderToken(tokens, index, options, env))
    if not token.meta or "checked" not in token.meta:
        return opened
    label = next((t.content for t in tokens[index:] if t.type == "inline"), "")
    checked = " checked" if token.meta["checked"] else ""
    return (
        f'{opened}<input class="task-list-item-checkbox" type="checkbox" disabled{checked}'
        f' aria-label="{escape(" ".join(label.split()))}"> '
    )


def text(self: Any, tokens: Sequence[Token], index: int, options: Any, env: Any) -> str:
    """Text, less the name of a MyST role before its code span: Sphinx shows
    ``{term}`gene therapy` `` as the words alone."""
    content = tokens[index].content
    if _is_role(tokens, index + 1):
        content = ROLE_NAME.sub("", content)
    return escapeHtml(content)


def code_inline(self: Any, tokens: Sequence[Token], index: int, options: Any, env: Any) -> str:
    """A code span; a MyST role's as its words (``{ref}`the list <visit-list>` `` shows
    "the list")."""
    if not _is_role(tokens, index):
        return str(RendererHTML.code_inline(self, tokens, index, options, env))
    return escapeHtml(role_parts(tokens[index].content)[0])


def _is_role(tokens: Sequence[Token], index: int) -> bool:
    return (
        0 < index < len(tokens)
        and tokens[index].type == "code_inline"
        and tokens[index - 1].type == "text"
        and ROLE_NAME.search(tokens[index - 1].content) is not None
    )


FOOTNOTE_RULES: dict[str, Rule] = {
    "footnote_ref": footnote_ref,
    "footnote_block_open": footnote_block_open,
    "footnote_block_close": footnote_block_close,
    "footnote_open": footnote_open,
    "footnote_close": footnote_close,
    "footnote_anchor": footnote_anchor,
}
TASK_RULES: dict[str, Rule] = {"list_item_open": list_item_open}
ROLE_RULES: dict[str, Rule] = {"text": text, "code_inline": code_inline}
