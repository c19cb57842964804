"""`pipeline lsp` driven as an editor drives it: JSON-RPC over stdio, on a copy of the sample."""

from __future__ import annotations

import ast
import asyncio
import json
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from lsprotocol import types
from pytest_lsp import LanguageClient, client_capabilities
from pytest_lsp.client import make_test_lsp_client

from tests.conftest import copy_of_the_project, run_cli

pytestmark = pytest.mark.asyncio(loop_scope="function")

DOCUMENT = Path("source/da/genterapi.md")
PARAGRAPH = "Læger taler nogle gange om genbehandling, men det virkker ikke sådan."
SEVERITIES = {1: "error", 2: "warning", 3: "info"}
WAIT = 60  # seconds: the first check of a cold project reads dictionaries and models


@pytest_asyncio.fixture
async def client(tmp_path: Path) -> AsyncIterator[LanguageClient]:
    root = copy_of_the_project(tmp_path / "project")
    lsp = make_test_lsp_client()
    await lsp.start_io(sys.executable, "-m", "pipeline", "lsp", cwd=root)
    await lsp.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"), root_uri=root.as_uri()
        )
    )
    lsp.root = root  # type: ignore[attr-defined]
    yield lsp
    await lsp.shutdown_session()


def root_of(client: LanguageClient) -> Path:
    return client.root  # type: ignore[attr-defined, no-any-return]


async def published(
    client: LanguageClient, uri: str, send: Callable[[], None]
) -> list[types.Diagnostic]:
    """Do `send`, then wait for the diagnostics the server publishes for `uri`."""

    async def wait() -> list[types.Diagnostic]:
        while True:
            params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if params.uri == uri:
                return list(params.diagnostics)

    waiting = asyncio.ensure_future(asyncio.wait_for(wait(), WAIT))
    await asyncio.sleep(0)
    send()
    return await waiting


async def open_document(
    client: LanguageClient, path: Path, text: str, language: str = "markdown"
) -> list[types.Diagnostic]:
    item = types.TextDocumentItem(uri=path.as_uri(), language_id=language, version=1, text=text)
    params = types.DidOpenTextDocumentParams(text_document=item)
    return await published(client, path.as_uri(), lambda: client.text_document_did_open(params))


async def change_document(
    client: LanguageClient, path: Path, text: str, version: int
) -> list[types.Diagnostic]:
    params = types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(version=version, uri=path.as_uri()),
        [types.TextDocumentContentChangeWholeDocument(text=text)],
    )
    return await published(client, path.as_uri(), lambda: client.text_document_did_change(params))


def edited(root: Path, paragraph: str = PARAGRAPH) -> str:
    return (root / DOCUMENT).read_text() + f"\n{paragraph}\n"


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """The text with `edits` made, as an editor makes them (last first)."""
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        return sum(len(line) + 1 for line in lines[: position.line]) + position.character

    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        start, end = offset(edit.range.start), offset(edit.range.end)
        text = text[:start] + edit.new_text + text[end:]
    return text


async def actions_for(
    client: LanguageClient, path: Path, diagnostic: types.Diagnostic
) -> list[types.CodeAction]:
    params = types.CodeActionParams(
        types.TextDocumentIdentifier(path.as_uri()),
        diagnostic.range,
        types.CodeActionContext([diagnostic]),
    )
    found = await client.text_document_code_action_async(params)
    return [action for action in found or [] if isinstance(action, types.CodeAction)]


async def add_word_command(
    client: LanguageClient, path: Path, diagnostic: types.Diagnostic
) -> list[str]:
    """The arguments of the "add to the word list" action's command. The test client's
    converter reads a CodeAction that has a command as a Command whose command is that
    object's repr (lsprotocol's union of the two); an editor's client reads the JSON."""
    params = types.CodeActionParams(
        types.TextDocumentIdentifier(path.as_uri()),
        diagnostic.range,
        types.CodeActionContext([diagnostic]),
    )
    for action in await client.text_document_code_action_async(params) or []:
        if action.title.startswith("Add "):
            command = action.command
            if isinstance(command, str):
                command = types.Command(**ast.literal_eval(command))
            assert isinstance(command, types.Command)
            assert command.command == "pipeline.addWord"
            return list(command.arguments or [])
    raise AssertionError("no action adds the word")


def edits_of(action: types.CodeAction, path: Path) -> list[types.TextEdit]:
    assert action.edit is not None
    assert action.edit.changes is not None
    return list(action.edit.changes[path.as_uri()])


def only(diagnostics: list[types.Diagnostic], code: str) -> types.Diagnostic:
    matching = [d for d in diagnostics if d.code == code]
    assert len(matching) == 1, diagnostics
    return matching[0]


def summary(diagnostics: list[types.Diagnostic]) -> set[tuple[Any, int, str]]:
    """(rule, line as the CLI gives it, severity) of each diagnostic."""
    return {
        (d.code, d.data["line"], SEVERITIES[d.severity or 1])  # type: ignore[index]
        for d in diagnostics
    }


async def test_diagnostics_are_the_cli_findings_for_the_same_text(
    client: LanguageClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = root_of(client)
    text = edited(root)
    diagnostics = await open_document(client, root / DOCUMENT, text)
    cli_root = copy_of_the_project(tmp_path / "cli")
    (cli_root / DOCUMENT).write_text(text)
    monkeypatch.chdir(cli_root)
    cli = json.loads(run_cli("check", "--format", "json").stdout)
    expected = {(f["rule"], f["line"], f["severity"]) for f in cli if f["path"] == str(DOCUMENT)}
    assert summary(diagnostics) == expected
    assert {"term/deprecated", "spelling/unknown-word"} <= {code for code, _, _ in expected}
    deprecated = only(diagnostics, "term/deprecated")
    assert deprecated.range.start.line == text.count("\n") - 1  # under the word itself
    assert (
        text.split("\n")[deprecated.range.start.line][
            deprecated.range.start.character : deprecated.range.end.character
        ]
        == "genbehandling"
    )
    assert "(fix: genterapi)" in deprecated.message


async def test_a_change_updates_the_diagnostics(client: LanguageClient) -> None:
    root = root_of(client)
    path = root / DOCUMENT
    before = await open_document(client, path, edited(root))
    assert any(d.code == "spelling/unknown-word" for d in before)
    after = await change_document(
        client, path, edited(root, PARAGRAPH.replace("virkker", "virker")), 2
    )
    assert not any(d.code == "spelling/unknown-word" for d in after)
    assert any(d.code == "term/deprecated" for d in after)


async def test_a_suppression_comment_is_honoured(client: LanguageClient) -> None:
    root = root_of(client)
    text = edited(root, f"<!-- pipeline: ignore term/deprecated -->\n{PARAGRAPH}")
    diagnostics = await open_document(client, root / DOCUMENT, text)
    assert not any(d.code == "term/deprecated" for d in diagnostics)
    assert any(d.code == "spelling/unknown-word" for d in diagnostics)


async def test_the_fix_of_a_deprecated_term_clears_its_diagnostic(client: LanguageClient) -> None:
    root = root_of(client)
    path, text = root / DOCUMENT, edited(root)
    diagnostic = only(await open_document(client, path, text), "term/deprecated")
    actions = await actions_for(client, path, diagnostic)
    fix = next(a for a in actions if a.title.startswith("Replace"))
    assert fix.title == "Replace 'genbehandling' with 'genterapi'"
    fixed = apply(text, edits_of(fix, path))
    assert "om genterapi, men" in fixed
    after = await change_document(client, path, fixed, 2)
    assert not any(d.code == "term/deprecated" for d in after)


async def test_ignore_here_inserts_the_comment_the_checks_read(client: LanguageClient) -> None:
    root = root_of(client)
    path, text = root / DOCUMENT, edited(root)
    diagnostic = only(await open_document(client, path, text), "term/deprecated")
    actions = await actions_for(client, path, diagnostic)
    ignore = next(a for a in actions if a.title == "Ignore term/deprecated here")
    fixed = apply(text, edits_of(ignore, path))
    assert f"<!-- pipeline: ignore term/deprecated -->\n{PARAGRAPH}" in fixed
    after = await change_document(client, path, fixed, 2)
    assert not any(d.code in ("term/deprecated", "meta/unused-suppression") for d in after)


async def test_no_ignore_comment_is_offered_inside_toml_front_matter(
    client: LanguageClient,
) -> None:
    """Review: "Ignore here" put an HTML comment above Hugo's `+++`, and the block was no
    front matter any more."""
    path = root_of(client) / DOCUMENT
    text = '+++\ntitle = "Om genbehandling"\n+++\n\nTekst.\n'
    diagnostic = only(await open_document(client, path, text), "term/deprecated")
    assert diagnostic.range.start.line == 1
    titles = [action.title for action in await actions_for(client, path, diagnostic)]
    assert "Ignore term/deprecated here" not in titles


async def test_an_unknown_word_goes_into_the_word_list(client: LanguageClient) -> None:
    root = root_of(client)
    path = root / DOCUMENT
    # a compound the dictionary lacks (a made-up medicine's name, far from every word, is
    # taken for a name and not reported)
    text = edited(root, "Behandlingen kaldes også mikrodosen i nogle lande.")
    diagnostic = only(await open_document(client, path, text), "spelling/unknown-word")
    word, lang = await add_word_command(client, path, diagnostic)
    assert (word, lang) == ("mikrodosen", "da")
    params = types.ExecuteCommandParams("pipeline.addWord", [word, lang])
    after = await published(
        client, path.as_uri(), lambda: client.workspace_execute_command(params, lambda _: None)
    )
    assert "mikrodosen" in (root / "source" / "words-da.txt").read_text().split("\n")
    assert not any(d.code == "spelling/unknown-word" for d in after)


async def test_a_catalog_with_a_broken_placeholder_is_fixed_by_its_action(
    client: LanguageClient,
) -> None:
    path = root_of(client) / "help.po"  # a program's catalog, checked as `pipeline check help.po`
    text = (
        'msgid ""\nmsgstr ""\n"Language: da\\n"\n"X-Source-Language: en\\n"\n\n'
        'msgid "Hello %(name)s, you have %d messages."\n'
        'msgstr "Hej %(navn)s, du har %d beskeder."\n'
    )
    diagnostics = await open_document(client, path, text, "po")
    diagnostic = only(diagnostics, "translation/placeholders")
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    fix = next(
        a for a in await actions_for(client, path, diagnostic) if a.title.startswith("Replace")
    )
    fixed = apply(text, edits_of(fix, path))
    assert 'msgstr "Hej %(name)s, du har %d beskeder."' in fixed
    after = await change_document(client, path, fixed, 2)
    assert not any(d.code == "translation/placeholders" for d in after)


async def test_a_project_catalog_gets_diagnostics_and_its_end_mark_fixed(
    client: LanguageClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = root_of(client)
    path = root / "locales/en/LC_MESSAGES/genterapi.po"
    text = path.read_text().replace(
        'msgstr "Where does the change happen?"', 'msgstr "Where does the change happen"'
    )
    diagnostics = await open_document(client, path, text, "po")
    cli_root = copy_of_the_project(tmp_path / "cli")
    (cli_root / path.relative_to(root)).write_text(text)
    monkeypatch.chdir(cli_root)
    cli = json.loads(run_cli("check", "--format", "json").stdout)
    shown = str(path.relative_to(root))
    assert summary(diagnostics) == {
        (f["rule"], f["line"], f["severity"]) for f in cli if f["path"] == shown
    }
    diagnostic = only(diagnostics, "translation/punctuation")
    fix = next(a for a in await actions_for(client, path, diagnostic) if a.title.startswith("End"))
    fixed = apply(text, edits_of(fix, path))
    assert 'msgstr "Where does the change happen?"' in fixed
    after = await change_document(client, path, fixed, 2)
    assert not any(d.code == "translation/punctuation" for d in after)


async def test_hover_shows_the_term_and_the_sentence(client: LanguageClient) -> None:
    root = root_of(client)
    path, text = root / DOCUMENT, edited(root)
    await open_document(client, path, text)
    line = text.count("\n") - 1
    column = text.split("\n")[line].index("genbehandling") + 3
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(path.as_uri()), types.Position(line, column))
    )
    assert hover is not None
    assert isinstance(hover.contents, types.MarkupContent)
    shown = hover.contents.value
    assert "concept `gene-therapy`" in shown
    assert "Use **genterapi** instead." in shown
    assert "Treatment that changes, adds or regulates genetic material" in shown
    assert "en: **gene therapy**" in shown
    assert "**LIX " in shown
    assert "11 words" in shown


async def test_hover_shows_the_sentence_under_the_cursor(client: LanguageClient) -> None:
    """Two sentences starting with the same word: the first showed the second's."""
    root = root_of(client)
    paragraph = "Lægen kommer. Lægen giver dig behandlingen på hospitalet i morgen tidlig."
    path, text = root / DOCUMENT, edited(root, paragraph)
    await open_document(client, path, text)
    line = text.count("\n") - 1
    shown = []
    for column in (1, paragraph.index("giver")):
        position = types.Position(line, column)
        params = types.HoverParams(types.TextDocumentIdentifier(path.as_uri()), position)
        hover = await client.text_document_hover_async(params)
        assert hover is not None
        assert isinstance(hover.contents, types.MarkupContent)
        shown.append(hover.contents.value)
    assert "· 2 words" in shown[0]
    assert "· 9 words" in shown[1]


async def test_headings_show_the_reading_level_of_their_sections(client: LanguageClient) -> None:
    root = root_of(client)
    path = root / DOCUMENT
    text = (root / DOCUMENT).read_text()
    await open_document(client, path, text)
    end = types.Position(text.count("\n") + 1, 0)
    hints = await client.text_document_inlay_hint_async(
        types.InlayHintParams(
            types.TextDocumentIdentifier(path.as_uri()), types.Range(types.Position(0, 0), end)
        )
    )
    assert hints
    lines = text.split("\n")
    at = {lines[hint.position.line]: str(hint.label) for hint in hints}
    assert at["# Hvad er genterapi?"].startswith("document: LIX ")
    assert at["## Gener er kroppens instruktioner"].startswith("section: LIX ")
    assert all(line.startswith("#") for line in at)


async def test_broken_front_matter_is_a_diagnostic_not_a_crash(client: LanguageClient) -> None:
    root = root_of(client)
    path, text = root / DOCUMENT, edited(root)
    broken = text.replace('title: "Hvad er genterapi?"', 'title: ["Hvad er genterapi?"', 1)
    diagnostics = await open_document(client, path, broken)
    assert [d.code for d in diagnostics] == ["input-error"]
    assert diagnostics[0].severity == types.DiagnosticSeverity.Error
    repaired = await change_document(client, path, text, 2)  # and the server carries on
    assert any(d.code == "term/deprecated" for d in repaired)


async def test_a_new_file_not_yet_saved_is_checked(client: LanguageClient) -> None:
    path = root_of(client) / "source/da/kladde.md"
    text = "---\nlang: da\n---\n\n# Kladde\n\nVi taler om genbehandling.\n"
    diagnostics = await open_document(client, path, text)
    assert ("term/deprecated", 7, "error") in summary(diagnostics)


async def test_diagnostics_go_to_the_address_the_editor_used(client: LanguageClient) -> None:
    """Through a symlinked folder the server published under the file's real path, and
    the editor's code action request found none of its diagnostics."""
    root = root_of(client)
    (root / "linked").symlink_to(root / "source")
    path = root / "linked" / DOCUMENT.relative_to("source")
    diagnostics = await open_document(client, path, edited(root))
    unknown = [d for d in diagnostics if d.code == "spelling/unknown-word"]
    assert unknown
    assert await actions_for(client, path, unknown[0])


async def test_a_lone_surrogate_in_one_buffer_stops_no_check(client: LanguageClient) -> None:
    """A broken paste ("\\ud800") raised in every check: no open document got
    diagnostics until that buffer was closed."""
    root = root_of(client)
    other = root / "source/da/andet.md"
    broken = "---\nlang: da\n---\n\n# Prøve\n\nVi bruger genbehandling her \ud800.\n"
    found = await open_document(client, other, broken)
    assert any(d.code == "term/deprecated" for d in found)
    path = root / DOCUMENT
    after = await open_document(client, path, edited(root))
    assert any(d.code == "spelling/unknown-word" for d in after)


async def test_each_use_on_a_msgstr_s_own_line_is_underlined_and_fixed_there(
    client: LanguageClient,
) -> None:
    root = root_of(client)
    path = root / "locales/en/LC_MESSAGES/genterapi.po"
    wrapped = (
        'msgstr ""\n"Where does gene treatment happen? "\n"Does gene treatment happen in cells?"'
    )
    text = path.read_text().replace('msgstr "Where does the change happen?"', wrapped)
    number = text.split("\n").index('"Where does gene treatment happen? "')
    found = [
        d for d in await open_document(client, path, text, "po") if d.code == "term/deprecated"
    ]
    assert [(d.range.start.line, d.range.start.character) for d in found] == [
        (number, 12), (number + 1, 6)
    ]  # fmt: skip
    for diagnostic in found:
        fix = next(
            a for a in await actions_for(client, path, diagnostic) if a.title.startswith("Replace")
        )
        (edit,) = edits_of(fix, path)
        assert edit.range == diagnostic.range
