"""The one door from the web app into the engine: the stages the CLI runs, one call at a time.

Texts as edited are read through a process-global overlay (`project/files.buffers`) and
the cache's tables are global too, so two requests in the engine at once could see each
other's text. Every call goes through one lock; a text takes well under a second.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from pipeline.checks.findings import Finding
from pipeline.project.config import Config
from pipeline.report.scores import ReadabilityRun
from pipeline.source.tree import load_sources
from pipeline.stages.check import check_project
from pipeline.stages.live import check_json, check_text, readability_json, readability_text
from pipeline.stages.readability import score_project


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The saved project as `pipeline readability` and `pipeline check` see it now."""

    run: ReadabilityRun
    findings: list[Finding]

    def findings_of(self, path: str) -> list[Finding]:
        """The open findings of one file (a source, or a translation's catalog)."""
        return [finding for finding in self.findings if finding.path == path]


class Engine:
    """Check and score texts and the project, serialised behind one lock."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._lock = threading.Lock()

    def check(self, text: str, lang: str | None, path: Path | None) -> tuple[str, list[str]]:
        """What `pipeline check PATH|- --lang LANG --format json` prints for `text`, and
        what it says on stderr it left out ("links … to other files not checked")."""
        with self._lock:
            result = check_text(self.config, text, path, lang)
            return check_json(result), list(result.coverage.notes)

    def readability(self, text: str, lang: str | None, path: Path | None, top: int) -> str:
        """What `pipeline readability PATH|- --lang LANG --format json --top N` prints."""
        with self._lock:
            run = readability_text(self.config, text, path, lang)
            return readability_json(self.config, run, top)

    def snapshot(self) -> Snapshot:
        """Every document scored in every locale, and the project's findings, as saved."""
        with self._lock:
            run = score_project(self.config, load_sources(self.config))
            # The readability findings of this run, so the check does not score again.
            result = check_project(self.config, readability=run.findings)
            return Snapshot(run, result.findings)
