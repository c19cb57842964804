"""Code actions: a finding's fix as an edit, a word into the word list, a suppression comment.

Edits come only from what a finding states (`found` and `fix` in its data, a spelling
finding's suggestions), never from reading its message. "Ignore here" writes the
suppression comment the checks read: `<!-- pipeline: ignore RULE -->` before a Markdown
block, a translator comment `# pipeline: ignore RULE` on a PO entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lsprotocol import types

from pipeline.checks.findings import Finding
from pipeline.checks.positions import block_lines
from pipeline.lsp.diagnostics import Located, from_utf16, utf16, word_range
from pipeline.lsp.workspace import INPUT_ERROR

ADD_WORD = "pipeline.addWord"  # the command that puts a word into its language's word list
END_MARK_RULES = {"translation/punctuation"}  # their fix is the text's last mark
_SUGGESTIONS = 3
_MARKDOWN_IGNORE = re.compile(r"^(\s*<!--\s*pipeline:\s*ignore\b\s*)(.*?)(\s*-->\s*)$")
_PO_IGNORE = re.compile(r"^(#\s*pipeline:\s*ignore\b\s*)(.*?)(\s*)$")
_CLOSING_QUOTE = re.compile(r'"\s*$')


def code_actions(
    uri: str, text: str, located: list[Located], wanted: types.Range
) -> list[types.CodeAction]:
    """The actions for the findings whose diagnostics touch `wanted`."""
    lines = text.split("\n")
    actions: list[types.CodeAction] = []
    for item in located:
        if item.finding.rule == INPUT_ERROR or not _touches(item.diagnostic.range, wanted):
            continue
        actions += _fixes(uri, lines, item)
        actions += _ignore(uri, lines, item, po=uri.endswith(".po"))
    return actions


def _touches(have: types.Range, wanted: types.Range) -> bool:
    return _key(have.start) <= _key(wanted.end) and _key(wanted.start) <= _key(have.end)


def _key(position: types.Position) -> tuple[int, int]:
    return position.line, position.character


def _fixes(uri: str, lines: list[str], item: Located) -> Iterator[types.CodeAction]:
    finding, diagnostic = item.finding, item.diagnostic
    data = finding.data
    if finding.rule == "spelling/unknown-word":
        yield from _spelling(uri, lines, item)
    elif finding.rule in END_MARK_RULES:
        edit = _end_mark(lines, finding)
        if edit is not None:
            shown = finding.fix or "no end mark"
            yield _action(f"End as the source does: {shown}", uri, [edit], diagnostic)
    elif data.get("found") and finding.fix:
        spot = word_range(finding, lines)
        if spot is not None:
            new = _same_case(_text_at(lines, spot), finding.fix)
            edit = types.TextEdit(spot, new)
            yield _action(f"Replace '{data['found']}' with '{new}'", uri, [edit], diagnostic)


def _spelling(uri: str, lines: list[str], item: Located) -> Iterator[types.CodeAction]:
    data, diagnostic = item.finding.data, item.diagnostic
    word, lang = data.get("word", ""), data.get("lang", "")
    spot = word_range(item.finding, lines)
    suggestions = [s for s in data.get("suggestions", "").split(", ") if s][:_SUGGESTIONS]
    for number, suggestion in enumerate(suggestions):
        if spot is not None:
            edit = types.TextEdit(spot, suggestion)
            action = _action(f"Replace with '{suggestion}'", uri, [edit], diagnostic)
            action.is_preferred = number == 0
            yield action
    if word and lang:
        yield types.CodeAction(
            title=f"Add '{word}' to the word list ({lang})",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            command=types.Command(
                title=f"Add {word!r} to the word list", command=ADD_WORD, arguments=[word, lang]
            ),
        )


def _ignore(uri: str, lines: list[str], item: Located, po: bool) -> Iterator[types.CodeAction]:
    """A suppression comment for the finding's rule where the checks read it."""
    rule, line = item.finding.rule, item.finding.line - 1
    first = _block_start(lines, line)
    if not po and _in_front_matter(lines, first):
        return  # a comment there would break the front matter
    pattern = _PO_IGNORE if po else _MARKDOWN_IGNORE
    above = lines[first - 1] if first > 0 else ""
    match = pattern.match(above)
    if match:  # the block has a suppression already: name one rule more in it
        rules = f"{match.group(2)}, {rule}" if match.group(2) else rule
        spot = types.Range(types.Position(first - 1, 0), types.Position(first - 1, len(above)))
        edit = types.TextEdit(spot, f"{match.group(1)}{rules}{match.group(3)}")
    else:
        comment = f"# pipeline: ignore {rule}" if po else f"<!-- pipeline: ignore {rule} -->"
        start = types.Position(first, 0)
        edit = types.TextEdit(types.Range(start, start), comment + "\n")
    yield _action(f"Ignore {rule} here", uri, [edit], item.diagnostic, preferred=False)


def _block_start(lines: list[str], line: int) -> int:
    """The first line of the block (paragraph, PO entry) that `line` is in."""
    while line > 0 and lines[line - 1].strip() and not _is_ignore(lines[line - 1]):
        line -= 1
    return line


def _is_ignore(line: str) -> bool:
    return bool(_MARKDOWN_IGNORE.match(line) or _PO_IGNORE.match(line))


def _in_front_matter(lines: list[str], line: int) -> bool:
    """YAML's (`---`) or Hugo's TOML (`+++`) front matter."""
    marker = lines[0].strip() if lines else ""
    if marker not in ("---", "+++"):
        return False
    ends = (marker, "...") if marker == "---" else (marker,)
    end = next((n for n in range(1, len(lines)) if lines[n].strip() in ends), None)
    return end is None or line <= end


def _end_mark(lines: list[str], finding: Finding) -> types.TextEdit | None:
    """The translation's last mark swapped for the source's, before the closing quote of
    the msgstr's last line."""
    block = block_lines(lines, finding.line - 1)
    last = max((n for n in block if _CLOSING_QUOTE.search(lines[n])), default=None)
    if last is None:
        return None
    text = lines[last]
    end = _CLOSING_QUOTE.search(text).start()  # type: ignore[union-attr]
    found = finding.data.get("found", "")
    if found and not text[:end].endswith(found):
        return None  # the mark sits inside closing markup: leave it to the editor
    start = end - len(found)
    spot = types.Range(
        types.Position(last, utf16(text, start)), types.Position(last, utf16(text, end))
    )
    return types.TextEdit(spot, finding.fix or "")


def _text_at(lines: list[str], spot: types.Range) -> str:
    line = lines[spot.start.line]
    return line[from_utf16(line, spot.start.character) : from_utf16(line, spot.end.character)]


def _same_case(found: str, fix: str) -> str:
    """The fix capitalised as the text was ("Genbehandling" → "Genterapi")."""
    if found[:1].isupper() and fix[:1].islower():
        return fix[:1].upper() + fix[1:]
    return fix


def _action(
    title: str,
    uri: str,
    edits: list[types.TextEdit],
    diagnostic: types.Diagnostic,
    preferred: bool = True,
) -> types.CodeAction:
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(changes={uri: edits}),
        is_preferred=preferred,
    )
