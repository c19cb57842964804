"""The project's translation memory: untranslated units filled from translations it already has.

Like `msgmerge --compendium`, an exact or close match fills an empty msgstr, fuzzy, with
a translator comment naming where it came from; a close match shows the memory's msgid
as the previous msgid (`#|`), so the translator sees what differs. Only translated,
non-fuzzy entries are evidence: a fuzzy entry is a guess, and a guess copied is still
one; but a moved unit's own fuzzy translation goes with it, still fuzzy. A translation is
never overwritten.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog

from pipeline.catalogs.paths import catalog_name
from pipeline.catalogs.po import parse_po, read_po_text
from pipeline.catalogs.reader import parse_entries, read_entries
from pipeline.project import memo
from pipeline.project.config import Config
from pipeline.project.errors import PipelineError
from pipeline.project.files import display_path
from pipeline.project.memory_config import MemorySettings

NOTE = "memory: "  # the translator comment of a filled entry: "memory: <file>:<line>"


@dataclass(frozen=True, slots=True)
class Recalled:
    """One translation the memory holds."""

    msgid: str
    msgstr: str
    origin: str  # "locales/en/LC_MESSAGES/other.po:12", or a compendium's path and line
    project: bool  # from the project's own catalogs, not a compendium
    own: bool = False  # a moved or split document's own translation: keeps its state
    comments: tuple[str, ...] = ()  # its translator's comments, which go with it when own
    fuzzy: bool = False  # an own translation still to be reviewed: it stays fuzzy


@dataclass(frozen=True, slots=True)
class Fill:
    """What the memory gives an untranslated unit."""

    msgstr: str
    origin: str
    fuzzy: bool
    previous: str | None = None  # the memory's msgid, when it is a close match
    comments: tuple[str, ...] = ()  # a unit's own translator comments (moved with it)


class Memory:
    """Translations by msgid, and the msgids by length for close matches."""

    def __init__(self, recalled: Iterable[Recalled], settings: MemorySettings) -> None:
        self.settings = settings
        self.by_id: dict[str, list[Recalled]] = {}
        for item in recalled:
            self.by_id.setdefault(item.msgid, []).append(item)
        self.ids = sorted(self.by_id, key=lambda msgid: (len(msgid), msgid))
        self.lengths = [len(msgid) for msgid in self.ids]

    def recall(self, msgid: str) -> Fill | None:
        """The translation for `msgid`: an exact match, else the closest one above the
        similarity setting."""
        if msgid in self.by_id:
            return self._fill(self.by_id[msgid], None)
        close = self._closest(msgid)
        return self._fill(self.by_id[close], close) if close is not None else None

    def _fill(self, candidates: list[Recalled], previous: str | None) -> Fill:
        """The most common translation; a unit's own earlier translation first, then the
        text's order, so every run chooses the same."""
        by_text: dict[str, list[Recalled]] = {}
        for item in candidates:
            by_text.setdefault(item.msgstr, []).append(item)

        def rank(text: str) -> tuple[bool, bool, int, str]:
            items = by_text[text]  # a reviewed translation beats an old fuzzy guess
            own, reviewed = any(i.own for i in items), not all(i.fuzzy for i in items)
            return (not reviewed, not own, -len(items), text)

        text = min(by_text, key=rank)
        best = min(by_text[text], key=lambda r: (r.fuzzy, not r.own, not r.project, r.origin))
        exact = previous is None
        keeps_state = best.own or (self.settings.exact == "translated" and best.project)
        fuzzy = best.fuzzy or not (exact and keeps_state)
        return Fill(text, best.origin, fuzzy, previous, best.comments if best.own else ())

    def _closest(self, msgid: str) -> str | None:
        from rapidfuzz import process
        from rapidfuzz.distance import Indel

        # Indel similarity is at most 2·min/(a+b) of the lengths: only texts of a
        # length within that bound can reach the setting.
        cutoff = self.settings.similarity
        low = math.floor(len(msgid) * cutoff / (2 - cutoff))
        high = math.ceil(len(msgid) * (2 - cutoff) / cutoff)
        start, end = bisect.bisect_left(self.lengths, low), bisect.bisect_right(self.lengths, high)
        window = self.ids[start:end]
        # Below the cutoff on purpose: RapidFuzz turns it into a whole distance and
        # drops exact ties; the exact test is ours.
        found = process.extractOne(
            msgid, window, scorer=Indel.normalized_similarity, score_cutoff=max(0, cutoff - 0.01)
        )
        if found is None or found[1] < cutoff - 1e-9:
            return None
        return str(found[0])


# Each process builds a run's memory of a locale once, when a plan first needs it.
_memories: dict[tuple[str, str], Memory] = {}


@dataclass(frozen=True, slots=True)
class RunMemory:
    """What planning needs to build the memory: the run, its documents, known units."""

    run: str
    names: frozenset[str]
    current: Mapping[str, frozenset[str]]  # unit texts of documents read before planning

    def memory(self, config: Config, lang: str) -> Memory:
        if (self.run, lang) not in _memories:
            if any(run != self.run for run, _ in _memories):
                _memories.clear()  # an earlier run's: its files may have changed
            _memories[self.run, lang] = project_memory(config, lang, self.names, self.current)
        return _memories[self.run, lang]


class MemoryState:
    """The state of the files the memory is made of: at the start, and as left."""

    def __init__(self, config: Config, names: frozenset[str], before: dict[str, str]) -> None:
        self.config, self.names, self.before = config, names, before
        self.states: dict[Path, bytes] | None = None
        self.now: dict[str, str] = {}

    def start(self) -> dict[Path, bytes]:
        if self.states is None:
            self.states = {path: memo.file_state(path) for path in memory_files(self.config)}
            self.now = memory_digests(self.config, self.names, self.states)
        return self.states

    def holds(self, waiting: tuple[str, ...]) -> bool:
        """A cached result holds unless a locale it waits on has another memory now."""
        if not waiting:
            return True  # fully translated: no need to look at the memory at all
        self.start()
        return all(self.before.get(lang) == self.now.get(lang) for lang in waiting)

    def wrote(self, path: Path, text: str | None) -> None:
        """Note a catalog this run wrote (or removed: None)."""
        states = self.start()
        if text is None:
            states.pop(path, None)
        elif path.suffix == ".po":
            states[path] = memo.content_state(text.encode("utf-8"))

    def as_left(self) -> dict[str, str]:
        """The digests of the memory's files as this run read or wrote them: a file
        someone else changed meanwhile no longer matches, so what waits is planned again."""
        return memory_digests(self.config, self.names, self.start())


def fill_catalog(catalog: Catalog, memory: Memory) -> int:
    """Fill each empty, not fuzzy entry the memory knows; return how many were filled."""
    filled = 0
    for message in catalog:
        if not isinstance(message.id, str) or not message.id or message.string or message.fuzzy:
            continue
        fill = memory.recall(message.id)
        if fill is None:
            continue
        message.string = fill.msgstr
        if fill.fuzzy:
            message.flags.add("fuzzy")
        if fill.previous is not None:
            message.previous_id = [fill.previous]
        kept = [c for c in fill.comments if c not in message.user_comments]
        message.user_comments = [*message.user_comments, *kept, NOTE + fill.origin]
        filled += 1
    return filled


def memory_filled(catalog: Catalog) -> int:
    """Entries the memory filled that still have their translation (fuzzy or reviewed)."""
    return sum(
        1
        for message in catalog
        if message.id
        and message.string
        and any(comment.startswith(NOTE) for comment in message.user_comments)
    )


def project_memory(
    config: Config, lang: str, names: frozenset[str], current: Mapping[str, frozenset[str]]
) -> Memory:
    """The memory for target locale `lang`: every catalog of the project in it, and the
    compendia.

    `names` are the documents of this run: a catalog of any other is an orphan, whose
    translations keep their state. `current` holds the unit texts of documents whose
    units this run knows; their entries for texts they no longer have (a split
    document's moved half) keep their state too.
    """
    recalled: list[Recalled] = []
    for path in memory_catalogs(config, lang):
        name = catalog_name(config.locale_path, path)
        shown = display_path(path, config.root)
        units = current.get(name)
        for msgid, msgstr, line, comments, fuzzy in translated_entries(path, shown):
            own = name not in names or (units is not None and msgid not in units)
            if own or not fuzzy:
                origin = f"{shown}:{line}"
                recalled.append(Recalled(msgid, msgstr, origin, True, own, comments, fuzzy))
    for path in compendia(config, lang):
        shown = str(path)
        recalled += [
            Recalled(msgid, msgstr, f"{shown}:{line}", False)
            for msgid, msgstr, line, _, fuzzy in translated_entries(config.root / path, shown)
            if not fuzzy
        ]
    return Memory(recalled, config.memory)


def memory_files(config: Config) -> list[Path]:
    """Every file the memories of a run read: the catalogs of each locale, the compendia."""
    listed = {path for paths in config.memory.compendia.values() for path in paths}
    catalogs = [path for lang in config.locales for path in memory_catalogs(config, lang)]
    return catalogs + [config.root / path for path in sorted(listed)]


def memory_digests(
    config: Config, names: frozenset[str], states: Mapping[Path, bytes]
) -> dict[str, str]:
    """Locale → a digest of what its memory is made of: the state of each of its files
    (`states` holds those of `memory_files`), and which catalogs are orphans (their
    exact matches keep their state)."""
    listed = {config.root / path for paths in config.memory.compendia.values() for path in paths}
    found = {}
    for lang in config.locales:
        folder = config.locale_path / lang / "LC_MESSAGES"
        files = sorted(path for path in states if path in listed or path.is_relative_to(folder))
        orphans = [
            str(path)
            for path in files
            if path not in listed and catalog_name(config.locale_path, path) not in names
        ]
        found[lang] = memo.digest(memo.digest_states((p, states[p]) for p in files), *orphans)
    return found


def memory_catalogs(config: Config, lang: str) -> list[Path]:
    """The project's catalogs in target locale `lang`."""
    return sorted((config.locale_path / lang / "LC_MESSAGES").rglob("*.po"))


def compendia(config: Config, lang: str) -> list[Path]:
    """The compendia for `lang`: those listed under it, and those whose Language header
    names it."""
    found = list(config.memory.compendia.get(lang, ()))
    for path in config.memory.compendia.get("", ()):
        declared = read_entries(config.root / path, str(path)).header("Language")
        if not declared:
            raise PipelineError(
                "this compendium has no Language header",
                path,
                hint=f'add one, or list it by locale: compendia = {{ {lang} = ["{path}"] }}',
            )
        if _same_language(declared, lang):
            found.append(path)
    return found


def _same_language(declared: str, lang: str) -> bool:
    """`da_DK` serves `da`; `pt_BR` does not serve `pt-PT`."""
    declared = declared.strip().replace("_", "-").lower()
    lang = lang.replace("_", "-").lower()
    return declared == lang or ("-" not in lang and declared.split("-")[0] == lang)


def translated_entries(path: Path, shown: str) -> list[tuple[str, str, int, tuple[str, ...], bool]]:
    """(msgid, msgstr, line, translator comments, fuzzy) of each translated entry, active
    or obsolete; the memory's own notes left out.

    Entries with a msgctxt or plural forms are left out: a unit has neither.
    """
    text = read_po_text(path, shown)
    entries = parse_entries(text) if "#~" not in text else None
    if entries is not None:  # the fast reader; it skips obsolete entries, so only without
        return [
            (entry.msgid, entry.strings[0], entry.line, _translators(entry.comments), entry.fuzzy)
            for entry in entries.entries
            if entry.context is None and entry.plural is None and entry.strings[0]
        ]  # fmt: skip
    catalog = parse_po(text, shown).catalog
    return [
        (message.id, message.string, message.lineno or 1, _translators(message.user_comments),
         message.fuzzy)
        for message in [*catalog, *catalog.obsolete.values()]
        if isinstance(message.id, str) and message.id and isinstance(message.string, str)
        and message.string and message.context is None
    ]  # fmt: skip


def _translators(comments: Iterable[str]) -> tuple[str, ...]:
    return tuple(comment for comment in comments if not comment.startswith(NOTE))
