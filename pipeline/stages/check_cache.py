"""What `pipeline check` keeps between runs, and what a re-check reads of it.

Each document's results are kept under the hash of its files' bytes, in sixteen tables
by the hash's first digit: an edit rewrites one. The rows the project-wide rules compare
(every entry's rendering, every term use) are most of the bytes, and a re-check needs
them only for the documents that changed: they are kept in tables of their own, read
only then. The project-wide rules keep their state group by group (`checks.groups`), so
a re-check after one edit looks again at the groups of the rows that edit changed.
"""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Callable, Collection, Iterator, MutableMapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pipeline.checks.groups import Group, GroupState, Rows, group_findings
from pipeline.checks.registry import ActiveRule
from pipeline.checks.spelling import spelling_files
from pipeline.languages.project_slips import DocumentWords, each_word
from pipeline.project import memo
from pipeline.project.config import Config, SpellingSettings
from pipeline.source.anchors import mkdocs_configs_above
from pipeline.source.tree import document_identity
from pipeline.terms.glossary import Glossary

if TYPE_CHECKING:
    from pipeline.checks.findings import Finding
    from pipeline.stages.check import DocumentResult

_DIGITS = "0123456789abcdef"
_GROUPS = "check-groups"
_WORDS = "check-project-words"


class DocumentCache:
    """The stored results of a run's documents, and their rows when asked for."""

    def __init__(self, version: str) -> None:
        self.version = version
        self._results = {digit: memo.table(f"check-{digit}", version) for digit in _DIGITS}
        self._rows = _SideTables[Rows]("check-rows", version)
        self._words = _SideTables[DocumentWords]("check-words", version)
        self.keeps_groups = True  # False when what the run read may not be what it keeps
        self.written: Counter[tuple[str, str]] = Counter()  # the project's words, counted

    def result(self, key: str) -> DocumentResult | None:
        found: DocumentResult | None = self._results[key[0]].get(key)
        return found

    def rows(self, key: str) -> Rows | None:
        """A document's renderings and term uses: of this run, or as stored."""
        return self._rows.get(key)

    def checked(self, key: str, result: DocumentResult) -> None:
        """Take the rows of a document checked in this run."""
        self._rows.checked(key, (result.renderings, result.uses))
        self._words.checked(key, result.words)

    def sum_words(self, keys: Sequence[str]) -> None:
        """Every document's word counts, summed (`written`). The sum is kept with the
        keys it sums: a re-check takes away the words of the documents gone or changed
        and adds those of the documents it checked, and reads no other document's. Asked
        last: a run that does not keep every document leaves the next to count afresh."""
        stored = memo.table(_WORDS, self.version)
        now, before = Counter(keys), stored.get("keys", Counter())
        self.written = stored.get("total", Counter())
        if now == before:
            return
        total: Counter[tuple[str, str]] = Counter(self.written if before else ())
        for key in (before - now).elements():
            total.subtract(each_word(self._words.get(key) or ()))
        for key in (now - before).elements():
            total.update(each_word(self._words.get(key) or ()))
        self.written = +total  # no word a count of zero
        kept = {"keys": now, "total": self.written} if self.keeps_groups else {}
        memo.replace(_WORDS, self.version, kept)

    def keep(self, kept: dict[str, DocumentResult]) -> None:
        """Store the results of this run's documents (and drop the others') at the end."""
        for digit, table in self._results.items():
            here = {
                key: dataclasses.replace(result, renderings=(), uses=(), words=())
                for key, result in kept.items()
                if key[0] == digit
            }
            if here.keys() != table.keys():
                memo.replace(f"check-{digit}", self.version, here)
        self._rows.keep(kept.keys())
        self._words.keep(kept.keys())


T = TypeVar("T")


class _SideTables(Generic[T]):
    """What each document adds to the project-wide rules, in sixteen tables by the key's
    first digit, apart from the results: a re-check reads them only for the documents
    it checked or dropped."""

    def __init__(self, name: str, version: str) -> None:
        self.name, self.version = name, version
        self._tables: dict[str, dict[str, T]] = {}  # digit → its table, once read
        self._fresh: dict[str, T] = {}  # of the documents checked in this run

    def get(self, key: str) -> T | None:
        if key in self._fresh:
            return self._fresh[key]
        return self._table(key[0]).get(key)

    def checked(self, key: str, value: T) -> None:
        self._fresh[key] = value

    def keep(self, kept: Collection[str]) -> None:
        """Keep the values of the `kept` documents, in the tables this run touched."""
        for digit in {key[0] for key in kept if key in self._fresh} | self._tables.keys():
            stored = self._table(digit)
            values = {
                key: self._fresh[key] if key in self._fresh else stored[key]
                for key in kept
                if key[0] == digit and (key in self._fresh or key in stored)
            }  # a document checked in this run but not kept has no key in `kept`
            if values.keys() != stored.keys():
                memo.replace(f"{self.name}-{digit}", self.version, values)

    def _table(self, digit: str) -> dict[str, T]:
        if digit not in self._tables:
            self._tables[digit] = memo.table(f"{self.name}-{digit}", self.version)
        return self._tables[digit]


def document_key(config: Config, path: Path) -> str:
    """Hash of a source's bytes and of its catalogs' bytes in every locale."""
    return memo.digest_files(document_files(config, path))


def document_files(config: Config, path: Path) -> list[str]:
    """The source and its catalogs (`po_path`), as strings: a project has thousands."""
    name, _ = document_identity(config, path)
    folder = str(config.locale_path)
    return [str(path), *(f"{folder}/{lang}/LC_MESSAGES/{name}.po" for lang in config.locales)]


def run_version(config: Config, glossary: Glossary | None, spelling: SpellingSettings) -> str:
    """Cached results hold while the code, config, glossary and resources are the same."""
    resources = sorted(  # every file but the sources: images, the glossary, word lists
        f"{folder}/{name}"
        for folder, _, names in os.walk(config.source_path, followlinks=True)
        for name in names
        if os.path.splitext(name)[1] != ".md"  # noqa: PTH122  (strings: many files)
        and not _editors_own(name)
    )
    files = spelling_files(spelling, config.locales)  # word lists and dictionaries
    # An mkdocs.yml above the sources decides their heading ids (one in them is a resource).
    files += mkdocs_configs_above(config.source_path)
    return memo.digest(
        memo.code_version(), repr(config), repr(glossary), memo.digest_files(resources),
        memo.digest_files(files),
    )  # fmt: skip


def _editors_own(name: str) -> bool:
    """A file an editor keeps while someone types (Vim's `.page.md.swp`, Emacs' `#page.md#`
    and `page.md~`): no page links to it, and counting it would make every re-check of an
    edit a full check."""
    return name.startswith((".", "#")) or name.endswith("~")


def reporting(
    results: Iterator[DocumentResult], total: int, progress: Callable[[int, int], None]
) -> Iterator[DocumentResult]:
    """`results` as they come, telling `progress(done, total)` of each."""
    for done, result in enumerate(results, 1):
        progress(done, total)
        yield result


def corpus_findings(
    rules: Sequence[ActiveRule],
    glossary: Glossary | None,
    documents: Sequence[tuple[str, str]],
    rows: Callable[[str], Rows | None],
    cache: DocumentCache | None,
) -> list[Finding]:
    """The project-wide rules' findings over `documents` (name, key) in project order;
    with a `cache`, from the last run's groups and the documents changed since."""
    if cache is None:
        return group_findings(rules, glossary, documents, rows, GroupState())
    table: dict[str, Any] = memo.table(_GROUPS, cache.version)
    groups = _Groups(cache.version)
    state = GroupState(
        table.get("documents", {}), table.get("found", {}), table.get("comparable", set()), groups
    )
    before = dict(state.documents)
    found = group_findings(rules, glossary, documents, rows, state)
    if not cache.keeps_groups:  # built afresh next run
        memo.replace(_GROUPS, cache.version, {})
    elif state.documents != before:
        kept = {"documents": state.documents, "found": state.found, "comparable": state.comparable}
        memo.replace(_GROUPS, cache.version, kept)
        groups.save()
    return found


class _Groups(MutableMapping[int, Group]):
    """The groups of the project-wide rules in sixteen tables, each read when one of its
    groups is asked for: an edit reads and rewrites the tables of the groups it touched."""

    def __init__(self, version: str) -> None:
        self.version = version
        self._tables: dict[int, dict[int, Group]] = {}
        self._changed: set[int] = set()

    def _table(self, gid: int) -> dict[int, Group]:
        digit = gid % 16
        if digit not in self._tables:
            self._tables[digit] = memo.table(f"{_GROUPS}-{digit:x}", self.version)
        return self._tables[digit]

    def __getitem__(self, gid: int) -> Group:
        return self._table(gid)[gid]

    def __setitem__(self, gid: int, group: Group) -> None:
        self._table(gid)[gid] = group
        self._changed.add(gid % 16)

    def __delitem__(self, gid: int) -> None:
        del self._table(gid)[gid]
        self._changed.add(gid % 16)

    def __iter__(self) -> Iterator[int]:
        for digit in range(16):
            yield from self._table(digit)

    def __len__(self) -> int:
        return sum(len(self._table(digit)) for digit in range(16))

    def clear(self) -> None:
        self._tables = {digit: {} for digit in range(16)}
        self._changed = set(range(16))

    def save(self) -> None:
        for digit in self._changed:
            memo.replace(f"{_GROUPS}-{digit:x}", self.version, self._tables[digit])
