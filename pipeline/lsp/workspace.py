"""The project a language server serves: its settings, the open documents, and the one engine.

Every check goes through `stages.live`, so an editor gets what `pipeline check` reports for
the same text (vscode-docs-authoring#212). Documents of the project are checked together
with the saved project, so the rules that need every document see the open buffers; a file
outside the project is checked on its own, as `pipeline check FILE` checks it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.checks.findings import Finding, Severity
from pipeline.project import memo
from pipeline.project.config import Config, find_pyproject, for_paths, load_config
from pipeline.project.errors import PipelineError
from pipeline.project.files import display_path
from pipeline.readability.levels import DocumentScore
from pipeline.stages.live import check_edited, check_text, readability_text
from pipeline.terms.glossary import Glossary, project_glossary
from pipeline.terms.occurrences import Matchers

INPUT_ERROR = "input-error"  # the code of a diagnostic for text the engine cannot read


@dataclass
class Project:
    """The settings the server started with and the texts the editor has open."""

    config: Config
    has_project: bool  # a pyproject.toml was found: documents are checked with the rest
    texts: dict[Path, str] = field(default_factory=dict)  # absolute path → text as edited
    # a hover and the hints ask for the scores of the same version of a text
    _scored: dict[Path, tuple[str, DocumentScore | None]] = field(default_factory=dict)

    @classmethod
    def load(cls, config_file: Path | None, folder: Path) -> Project:
        """The project of `config_file`, else of the pyproject.toml above `folder`."""
        pyproject = config_file or find_pyproject(folder)
        config = load_config(pyproject, {})
        # The project's cache, as the CLI keeps it: documents left as saved are not checked
        # again, and what the editor checked serves the next `pipeline check`.
        memo.use_folder(config.root / memo.FOLDER_NAME if pyproject else None)
        return cls(config, pyproject is not None)

    def shown(self, path: Path) -> str:
        """The path as findings name it: relative to the project's root."""
        return display_path(path, self.config.root)

    def is_document(self, path: Path) -> bool:
        """Whether `path` is a Markdown source or a PO catalog of the project."""
        if not self.has_project or not path.is_file():
            return False  # a new file, not saved yet, is no document of the project yet
        if path.suffix == ".md":
            return path.is_relative_to(self.config.source_path.absolute())
        return path.suffix == ".po" and path.is_relative_to(self.config.locale_path.absolute())

    def check(self, texts: dict[Path, str]) -> dict[Path, list[Finding]]:
        """Findings for each of `texts` (the open documents), the project's checked together
        with the saved project; a text the engine refuses gets that error as its finding."""
        ours = {path: text for path, text in texts.items() if self.is_document(path)}
        found: dict[Path, list[Finding]] = {}
        if ours:
            try:
                findings = check_edited(self.config, ours).findings
                found = {path: self._of(path, findings) for path in ours}
            except PipelineError:
                found = {}  # one broken buffer stops a project run: check each alone
        for path, text in texts.items():
            if path not in found:
                found[path] = self._alone(path, text)
        return found

    def _alone(self, path: Path, text: str) -> list[Finding]:
        try:
            config = for_paths(self.config, (path,))  # docs/ may have word lists of its own
            return self._of(path, check_text(config, text, path).findings)
        except PipelineError as error:
            return [self._error_finding(path, error)]

    def _of(self, path: Path, findings: list[Finding]) -> list[Finding]:
        shown = self.shown(path)
        return [finding for finding in findings if finding.path == shown]

    def _error_finding(self, path: Path, error: PipelineError) -> Finding:
        """An input error as a finding on the document: at its line when it is about this
        file, else at the top (a glossary or settings error stops every check)."""
        here = error.path is not None and Path(str(error.path)).name == path.name
        line = error.line if here and error.line else 1
        text = error.message if here else str(error)
        return Finding(INPUT_ERROR, Severity.ERROR, self.shown(path), line, text, error.hint)

    def readability(self, path: Path, text: str) -> DocumentScore | None:
        """The document's scores, as `pipeline readability PATH` gives them for `text`."""
        if path not in self._scored or self._scored[path][0] != text:
            self._scored[path] = (text, self._score(path, text))
        return self._scored[path][1]

    def _score(self, path: Path, text: str) -> DocumentScore | None:
        try:
            run = readability_text(self.config, text, path)
        except PipelineError:
            return None  # the diagnostics say why
        shown = self.shown(path)
        return next((score for score in run.documents if score.path == shown), None)

    @functools.cached_property
    def matchers(self) -> Matchers | None:
        """The glossary's term matchers, built once (the glossary is read at start)."""
        glossary = self.glossary
        return Matchers(glossary) if glossary else None

    @functools.cached_property
    def glossary(self) -> Glossary | None:
        try:
            return project_glossary(self.config)
        except PipelineError:
            return None  # the checks report it on every document
