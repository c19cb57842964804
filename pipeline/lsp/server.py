"""The language server over standard input and output: documents in, diagnostics out.

pygls keeps the editor's texts; each change (after `debounce` seconds of quiet) checks every
open document of the project in one run of the engine, in one worker thread: the engine
reads open buffers from one process-wide table, so two runs must never overlap, and the
editor's requests (hover, code actions) are answered meanwhile.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from pipeline import __version__
from pipeline.checks.findings import Finding
from pipeline.lsp.actions import ADD_WORD, code_actions
from pipeline.lsp.diagnostics import Located, locate
from pipeline.lsp.hints import heading_hints
from pipeline.lsp.hover import hover_text
from pipeline.lsp.workspace import Project
from pipeline.project import memo
from pipeline.project.config import load_config
from pipeline.project.errors import PipelineError
from pipeline.stages.words import UnknownWord, add_to_word_lists

T = TypeVar("T")
SUFFIXES = {".md", ".markdown", ".po"}  # what `pipeline check` reads


class PipelineServer(LanguageServer):
    """The project's checks for the documents an editor has open."""

    def __init__(self, config_file: Path | None, debounce: float) -> None:
        super().__init__("pipeline", __version__)
        self.config_file = config_file
        self.debounce = debounce
        self._project: Project | None = None
        self.located: dict[str, list[Located]] = {}  # uri → what was last published
        # The editor's own address of each file: a symlinked folder, "(" unescaped or
        # "%c3%b8" in lower case are one file, and diagnostics go where it looks.
        self.uris: dict[Path, str] = {}
        self.engine = ThreadPoolExecutor(max_workers=1, thread_name_prefix="engine")
        self.pending: asyncio.Task[None] | None = None
        self.shut_down = False  # an exit before shutdown ends with 1, as the protocol asks

    @property
    def project(self) -> Project:
        """The project of the workspace folder (or `--config`), loaded on first use."""
        if self._project is None:
            folder = Path(self.workspace.root_path or Path.cwd())
            try:
                self._project = Project.load(self.config_file, folder)
            except PipelineError as error:  # a broken pyproject.toml: say so, check alone
                self.show(str(error), types.MessageType.Error)
                self._project = Project(load_config(None, {}), has_project=False)
        return self._project

    def show(self, message: str, kind: types.MessageType = types.MessageType.Info) -> None:
        self.window_show_message(types.ShowMessageParams(type=kind, message=message))

    async def run(self, function: Any, *args: Any) -> Any:
        """`function(*args)` on the engine's thread, after any run before it."""
        return await asyncio.get_running_loop().run_in_executor(self.engine, function, *args)

    def schedule(self, delay: float) -> None:
        """Check the open documents after `delay` seconds, unless another change comes
        first (then that one's check replaces this one)."""
        if self.pending is not None and not self.pending.done():
            self.pending.cancel()
        self.pending = asyncio.ensure_future(self._check_later(delay))

    async def _check_later(self, delay: float) -> None:
        await asyncio.sleep(delay)
        texts = dict(self.project.texts)  # as they are now; later edits schedule again
        try:
            found: dict[Path, list[Finding]] = await self.run(self.project.check, texts)
        except Exception:  # a bug must cost one check, never the editor's session
            logging.exception("check failed")
            return
        for path, findings in found.items():
            if self.project.texts.get(path) == texts[path]:  # not edited meanwhile
                self.publish(path, locate(findings, texts[path]))

    def publish(self, path: Path, located: list[Located]) -> None:
        uri = self.uris.get(path, path.as_uri())
        self.located[uri] = located
        diagnostics = [item.diagnostic for item in located]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics)
        )


def document_path(uri: str) -> Path | None:
    """The file an editor's document is, if it is one `pipeline check` reads."""
    path = to_fs_path(uri) if uri.startswith("file:") else None
    if path is None or Path(path).suffix not in SUFFIXES:
        return None
    return Path(path).resolve()


def build_server(config_file: Path | None, debounce: float) -> PipelineServer:
    """A server with every feature registered."""
    server = PipelineServer(config_file, debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PipelineServer, params: types.DidOpenTextDocumentParams) -> None:
        _edited(ls, params.text_document.uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PipelineServer, params: types.DidChangeTextDocumentParams) -> None:
        _edited(ls, params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PipelineServer, params: types.DidCloseTextDocumentParams) -> None:
        path = document_path(params.text_document.uri)
        if path is not None and ls.project.texts.pop(path, None) is not None:
            ls.publish(path, [])
            ls.uris.pop(path, None)
            ls.schedule(0.0)  # the saved file counts again for the other documents

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: PipelineServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        text = ls.workspace.get_text_document(uri).source
        return code_actions(uri, text, ls.located.get(uri, []), params.range)

    @server.command(ADD_WORD)
    async def add_word(ls: PipelineServer, word: str, lang: str) -> None:
        try:
            chosen = [UnknownWord(lang, word, 1, "term")]  # the editor says it is a word
            lists = await ls.run(add_to_word_lists, ls.project.config, chosen)
        except PipelineError as error:
            ls.show(str(error), types.MessageType.Error)
            return
        ls.show(f"Added '{word}' to {', '.join(name for name, _ in lists)}")
        ls.schedule(0.0)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: PipelineServer, params: types.HoverParams) -> types.Hover | None:
        found = await _scored(ls, params.text_document.uri)
        if found is None:
            return None
        lines, score = found
        project = ls.project
        bounds = project.config.readability.bounds
        text = await ls.run(hover_text, lines, params.position, score, project.matchers, bounds)
        if text is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))

    @server.feature(types.TEXT_DOCUMENT_INLAY_HINT)
    async def inlay_hint(
        ls: PipelineServer, params: types.InlayHintParams
    ) -> list[types.InlayHint]:
        found = await _scored(ls, params.text_document.uri)
        if found is None or found[1] is None:
            return []
        return heading_hints(found[0], found[1], ls.project.config.readability.bounds)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: PipelineServer, params: None) -> None:
        ls.shut_down = True
        memo.save()  # what this session worked out serves the next `pipeline check`

    return server


def _edited(ls: PipelineServer, uri: str, delay: float) -> None:
    path = document_path(uri)
    if path is not None:
        ls.uris[path] = uri
        # A lone surrogate (an editor's broken paste) is no character: read as U+FFFD,
        # one UTF-16 unit as it was, it cannot break the checks of every open document.
        source = ls.workspace.get_text_document(uri).source
        ls.project.texts[path] = _LONE_SURROGATE.sub("\ufffd", source)
        ls.schedule(delay)


async def _scored(ls: PipelineServer, uri: str) -> tuple[list[str], Any] | None:
    """The open document's lines and its scores, as `pipeline readability` gives them."""
    path = document_path(uri)
    text = ls.project.texts.get(path) if path is not None else None
    if path is None or text is None:
        return None
    return text.split("\n"), await ls.run(ls.project.readability, path, text)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def serve_stdio(config_file: Path | None, debounce: float) -> int:
    """Serve one editor over standard input and output until it says exit; the exit code
    the protocol asks for: 1 when it said exit without shutdown, or went away."""
    logging.basicConfig(level=logging.WARNING)  # to standard error, which editors log
    # The engine runs on a thread beside the server's event loop, and worker processes
    # forked from a threaded process hung there (a lock held by another thread at the
    # fork). An edit re-checks one document, which needs no workers; a project with no
    # cache is checked on one core the first time (`pipeline check` fills the cache).
    os.environ["PIPELINE_JOBS"] = "1"
    server = build_server(config_file, debounce)
    server.start_io()  # pygls swallows the exit code it means to give
    return 0 if server.shut_down else 1
