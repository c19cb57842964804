"""The project-wide rules group by group, so a re-check recomputes only what an edit touched.

`translation/inconsistent` and `term/inconsistent` compare entries that share something:
a source text (and msgctxt), a translation, or a glossary concept in a language. Their
findings are the union of what each such group yields on its own, so the state of the
last run is kept per group: which documents contribute to it, and for a group that can
yield anything (two entries or more, two terms or more) its entries and findings. An
edit changes some rows of its document; only the groups of those rows are looked at
again, and a group that becomes comparable (a second entry with the same source text)
fetches the rows of the documents already in it. The findings are those of a run over
the whole project: tests compare a cached re-check with an uncached one after edits.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field

from pipeline.catalogs.messages import Rendering, RenderingRow
from pipeline.checks.consistency import Corpus
from pipeline.checks.findings import Finding
from pipeline.checks.registry import ActiveRule
from pipeline.checks.runner import run_each
from pipeline.terms.glossary import Glossary
from pipeline.terms.occurrences import ASIDE, TermUse, TermUseRow

Rows = tuple[tuple[RenderingRow, ...], tuple[TermUseRow, ...]]  # a document's share
Entry = tuple[str, int, tuple[object, ...]]  # (document, index among its rows, row)
_TERMS = "u"  # the kind of group of term uses; renderings group by source "s" or target "t"


Group = tuple[
    dict[str, int],  # document → its rows in the group
    dict[str, int] | None,  # a group of term uses: uses per term
    tuple[Entry, ...] | None,  # every entry, in project order, if the group is comparable
]


@dataclass(slots=True)
class GroupState:
    """What the last run knew of every group, to be updated for the documents changed.

    `groups` may be a mapping that reads its parts only when asked (the cache's)."""

    documents: dict[str, str] = field(default_factory=dict)  # document → its key
    found: dict[int, tuple[Finding, ...]] = field(default_factory=dict)
    comparable: set[int] = field(default_factory=set)  # the groups that keep their entries
    groups: MutableMapping[int, Group] = field(default_factory=dict)


def group_findings(
    rules: Sequence[ActiveRule],
    glossary: Glossary | None,
    documents: Sequence[tuple[str, str]],
    rows: Callable[[str], Rows | None],
    state: GroupState,
) -> list[Finding]:
    """The corpus rules' findings over `documents` (name, key) in project order, with
    `state` brought up to them.

    `rows(key)` gives a document's rows, of this run or of the run `state` describes
    (None if no longer known). If `state` cannot be updated, it is built afresh.
    """
    if not _update(state, rules, glossary, documents, rows):
        _build(state, rules, glossary, documents, rows)
    return [finding for found in state.found.values() for finding in found]


def _build(
    state: GroupState,
    rules: Sequence[ActiveRule],
    glossary: Glossary | None,
    documents: Sequence[tuple[str, str]],
    rows: Callable[[str], Rows | None],
) -> None:
    state.documents = dict(documents)
    state.found.clear()
    state.comparable.clear()
    state.groups.clear()
    entries: dict[int, list[Entry]] = {}
    for name, key in documents:
        share = rows(key)
        if share is None:
            raise LookupError(f"no rows for {name}")  # a run's own documents are all known
        for gid, entry in _grouped(name, share):
            entries.setdefault(gid, []).append(entry)
    comparable = []
    for gid, group in entries.items():
        if len(group) == 1:  # most groups: one entry, never comparable
            name, _, row = group[0]
            state.groups[gid] = ({name: 1}, {str(row[5]): 1} if _is_use(row) else None, None)
            continue
        members: dict[str, int] = {}
        for entry in group:
            members[entry[0]] = members.get(entry[0], 0) + 1
        terms = _terms(group)
        if _comparable(members, terms):
            comparable.append(gid)
            state.comparable.add(gid)
            state.groups[gid] = (members, terms, tuple(group))  # already in project order
        else:
            state.groups[gid] = (members, terms, None)
    _find(state, comparable, rules, glossary)


def _update(
    state: GroupState,
    rules: Sequence[ActiveRule],
    glossary: Glossary | None,
    documents: Sequence[tuple[str, str]],
    rows: Callable[[str], Rows | None],
) -> bool:
    """Bring `state` up to `documents`; False when it cannot (rows no longer known)."""
    now = dict(documents)
    changed = [name for name in now.keys() | state.documents.keys()
               if now.get(name) != state.documents.get(name)]  # fmt: skip
    if not changed:
        return True
    if not state.documents or len(changed) * 4 > len(now) + 4:
        return False  # nothing known, or most of the project changed: build afresh
    touched: dict[int, dict[str, tuple[list[Entry], list[Entry]]]] = {}
    for name in changed:
        old = rows(state.documents[name]) if name in state.documents else ((), ())
        new = rows(now[name]) if name in now else ((), ())
        if old is None or new is None:
            return False
        before, after = _by_group(name, old), _by_group(name, new)
        for gid in before.keys() | after.keys():
            was, now_in = before.get(gid, []), after.get(gid, [])
            if _rows(was) == _rows(now_in):
                continue
            if gid not in state.comparable and _moved(was, now_in):
                continue  # only lines moved: what a group that cannot compare keeps is the same
            touched.setdefault(gid, {})[name] = (was, now_in)
    state.documents = now
    order = {name: number for number, (name, _) in enumerate(documents)}
    comparable = []
    for gid, by_document in touched.items():
        state.found.pop(gid, None)
        if not _replace(state, gid, by_document, lambda name: rows(now[name]), order):
            return False
        group = state.groups.get(gid)
        if group is not None and group[2] is not None:
            comparable.append(gid)
    _find(state, comparable, rules, glossary)
    return True


def _replace(
    state: GroupState,
    gid: int,
    by_document: dict[str, tuple[list[Entry], list[Entry]]],
    rows_of: Callable[[str], Rows | None],
    order: dict[str, int],
) -> bool:
    """Put the changed documents' entries (old, new) of the group `gid` in place; False
    when the rows of a document already in it are no longer known (`rows_of(name)`)."""
    members, terms, entries = state.groups.pop(gid) if gid in state.groups else ({}, None, None)
    state.comparable.discard(gid)
    members = {name: n for name, n in members.items() if name not in by_document}
    removed = [entry for old, _ in by_document.values() for entry in old]
    added = [entry for _, new in by_document.values() for entry in new]
    for entry in added:
        members[entry[0]] = members.get(entry[0], 0) + 1
    if not members:
        return True
    if terms is not None or _terms(removed) is not None or _terms(added) is not None:
        counts = Counter(terms) - Counter(_terms(removed)) + Counter(_terms(added))
        terms = dict(counts)
    if not _comparable(members, terms):
        state.groups[gid] = (members, terms, None)
        return True
    if entries is not None:
        kept = [entry for entry in entries if entry[0] not in by_document]
    else:  # not comparable before: the rows of the documents already in it
        kept = []
        for name in members.keys() - by_document.keys():
            share = rows_of(name)
            if share is None:
                return False
            kept += [entry for group, entry in _grouped(name, share) if group == gid]
    ordered = sorted([*kept, *added], key=lambda entry: (order[entry[0]], entry[1]))
    state.groups[gid] = (members, terms, tuple(ordered))
    state.comparable.add(gid)
    return True


def _by_group(name: str, share: Rows) -> dict[int, list[Entry]]:
    grouped: dict[int, list[Entry]] = {}
    for gid, entry in _grouped(name, share):
        grouped.setdefault(gid, []).append(entry)
    return grouped


def _rows(entries: list[Entry]) -> list[tuple[object, ...]]:
    return [entry[2] for entry in entries]


def _moved(was: list[Entry], now: list[Entry]) -> bool:
    """Whether two lists of entries differ in their lines alone (rows keep the line second)."""
    return Counter(e[2][:1] + e[2][2:] for e in was) == Counter(e[2][:1] + e[2][2:] for e in now)


def _terms(entries: Sequence[Entry]) -> dict[str, int] | None:
    """Uses per term, if these are term uses."""
    if not entries or not _is_use(entries[0][2]):
        return None
    return dict(Counter(str(entry[2][5]) for entry in entries))


def _comparable(members: Mapping[str, int], terms: Mapping[str, int] | None) -> bool:
    """Whether a group can yield a finding: two terms of a concept, or two entries."""
    if terms is not None:
        return len(terms) > 1
    return sum(members.values()) > 1


def _find(
    state: GroupState,
    gids: list[int],
    rules: Sequence[ActiveRule],
    glossary: Glossary | None,
) -> None:
    """Run the corpus rules on each of these groups alone."""
    corpora: list[object] = []
    for gid in gids:
        rows = [entry[2] for entry in state.groups[gid][2] or ()]
        if _is_use(rows[0]):
            corpora.append(Corpus((), tuple(TermUse._make(row) for row in rows)))
        else:
            corpora.append(Corpus(tuple(Rendering._make(row) for row in rows), ()))
    for gid, found in zip(gids, run_each(rules, corpora, glossary), strict=True):
        if found:
            state.found[gid] = tuple(found)


def _grouped(name: str, share: Rows) -> Iterator[tuple[int, Entry]]:
    """Each row of a document with the groups it belongs to."""
    renderings, uses = share
    for number, rendering in enumerate(renderings):
        entry = (name, number, rendering)
        lang = rendering[2]
        yield _gid("s", lang, rendering[3], rendering[4]), entry
        yield _gid("t", lang, rendering[5]), entry
    for number, use in enumerate(uses, len(renderings)):
        if not use[4].startswith(ASIDE):
            yield _gid(_TERMS, use[2], use[3], use[4]), (name, number, use)


def _is_use(row: tuple[object, ...]) -> bool:
    return len(row) == len(TermUse._fields)


def _gid(*parts: str | None) -> int:
    """A stable 64-bit name of a group (the cache outlives the process)."""
    text = "\x1f".join([part if part is not None else "\x00" for part in parts])
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")
