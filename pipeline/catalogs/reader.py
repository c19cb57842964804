"""A fast read-only PO reader: the fields checks need, as babel and polib read them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.catalogs.headers import header_fields
from pipeline.catalogs.po import parse_po, read_po_text
from pipeline.project.files import buffered

# Only C's escapes: a file with another ("\\q", which msgfmt rejects) goes to the full
# parser, which says where.
_STRING = r'"[^"\\\n]*(?:\\[abfnrtv\\"\'?0-7x][^"\\\n]*)*"[ \t]*'
_STRINGS = rf"{_STRING}(?:\n[ \t]*{_STRING})*"
# One entry, comments to last msgstr; the whole file must be such entries and blank lines.
_ENTRY = re.compile(
    rf"""(?P<comments>(?:[ \t]*\#[^\n]*\n)*)
    [ \t]*(?:msgctxt[ \t]+(?P<context>{_STRINGS})\n[ \t]*)?
    msgid[ \t]+(?P<msgid>{_STRINGS})\n
    (?:[ \t]*msgid_plural[ \t]+(?P<plural>{_STRINGS})\n)?
    (?P<strings>(?:[ \t]*msgstr(?:\[\d+\])?[ \t]+{_STRINGS}(?:\n|\Z))+)""",
    re.VERBOSE,
)
_OBSOLETE_ENTRY = re.compile(r"(?:[ \t]*\#[^\n]*(?:\n|\Z))+")
_BLANK = re.compile(r"\s*")
_KEYWORD = re.compile(r"^[ \t]*msgstr\[?", re.M)
_PIECE = re.compile(r'"([^"\\\n]*(?:\\.[^"\\\n]*)*)"')
_MSGSTR = re.compile(rf"msgstr(?:\[(\d+)\])?[ \t]+({_STRINGS})")
_ESCAPE = re.compile(r'\\([\\abfnrtv"])')  # C's escapes, as babel and polib read them
_ESCAPED = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


@dataclass(frozen=True, slots=True)
class PoEntry:
    """An active (not obsolete) entry of a PO file."""

    context: str | None
    msgid: str
    plural: str | None  # msgid_plural
    strings: tuple[str, ...]  # msgstr, or msgstr[0], msgstr[1], …
    flags: frozenset[str]
    comments: tuple[str, ...]  # translator comments ("# …"), as babel's user_comments
    locations: tuple[str, ...]  # the file of each "#:" reference
    line: int  # of the msgid
    msgstr_line: int
    extracted: tuple[str, ...] = ()  # "#." comments: what the unit is ("heading"), its terms
    form_lines: tuple[int, ...] = ()  # of msgstr[0], msgstr[1]…, in a plural entry

    def form_line(self, form: int) -> int:
        """The line of plural form `form`'s msgstr (the first msgstr line if unknown)."""
        return self.form_lines[form] if form < len(self.form_lines) else self.msgstr_line

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags


@dataclass(frozen=True, slots=True)
class PoEntries:
    """The header fields and active entries of a PO file, read once for checking."""

    headers: tuple[tuple[str, str], ...]
    entries: tuple[PoEntry, ...]
    # The header entry (msgid ""), whose translator comments are the catalog's own.
    header_entry: PoEntry | None = None

    def header(self, name: str) -> str | None:
        """Return the value of header field `name` (case-insensitive), if present."""
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)


def read_entries(path: Path, shown: str) -> PoEntries:
    """Read a PO file's entries, once per file version (path, size, modification time).

    A file this reader does not take as well-formed goes to the full parser, whose
    error names the line and says what is wrong.
    """
    if buffered(path) is not None:
        return _read(path, shown)  # an editor's buffer: no file version to key on
    stat = path.stat()
    return _read_cached(path.resolve(), shown, stat.st_size, stat.st_mtime_ns)


# A check reads a catalog twice in a row (its messages, its reading level) and a build
# once more to export it. 32 keep a small project's catalogs between the stages; a big
# project's are read again (under 1 ms each) rather than 256 held in every worker.
@lru_cache(maxsize=32)
def _read_cached(path: Path, shown: str, size: int, mtime: int) -> PoEntries:
    return _read(path, shown)


def _read(path: Path, shown: str) -> PoEntries:
    text = read_po_text(path, shown)
    entries = parse_entries(text)
    if entries is None:
        po = parse_po(text, shown)  # raises the error; or reads what we would not
        return PoEntries(
            tuple(po.headers),
            tuple(_from_babel(po.catalog, po.msgstr_lines, text)),
            _babel_header(po.catalog, text),
        )
    return entries


def parse_entries(text: str) -> PoEntries | None:
    """The entries of PO `text`, or None when it is not plainly well-formed.

    One regular expression reads a whole entry, so the work is done in C; whatever lies
    between entries must be blank lines or obsolete (#~) entries, else None.
    """
    text = text.lstrip("\ufeff")
    entries: list[PoEntry] = []
    headers: tuple[tuple[str, str], ...] = ()
    header: PoEntry | None = None
    seen: set[tuple[str | None, str]] = set()
    obsolete_keys: set[tuple[str | None, str]] = set()
    position, line = 0, 1
    while position < len(text):
        blank = _BLANK.match(text, position)
        if blank and blank.end() > position:
            line += text.count("\n", position, blank.end())
            position = blank.end()
            continue
        found = _ENTRY.match(text, position)
        if found is None:
            obsolete = _OBSOLETE_ENTRY.match(text, position)
            if obsolete is None or not _only_obsolete(obsolete.group()):
                return None
            obsolete_keys.update(_obsolete_keys(obsolete.group()))
            line += text.count("\n", position, obsolete.end())
            position = obsolete.end()
            continue
        entry = _entry(found, line)
        line += text.count("\n", position, found.end())
        position = found.end()
        if entry is None:
            return None
        if (entry.context, entry.msgid) in seen:
            return None  # a duplicate: the full parser says where
        seen.add((entry.context, entry.msgid))
        if entry.msgid or entry.context is not None:
            entries.append(entry)
        elif header is None:
            header = entry
            headers = tuple(header_fields(entry.strings[0]))
    if obsolete_keys & seen:
        return None  # an obsolete entry repeats an active one: the full parser says where
    return PoEntries(headers, tuple(entries), header)


def _obsolete_keys(block: str) -> Iterator[tuple[str | None, str]]:
    """(msgctxt, msgid) of each obsolete (#~) entry in `block`."""
    for found in _OBSOLETE_KEY.finditer(block):
        context = found.group("context")
        yield (_text(context) if context else None), _text(found.group("msgid"))


_OBSOLETE_STRINGS = r'"[^\n]*"(?:\n[ \t]*\#~[ \t]*"[^\n]*")*'
_OBSOLETE_KEY = re.compile(
    rf"^[ \t]*\#~[ \t]*(?:msgctxt[ \t]+(?P<context>{_OBSOLETE_STRINGS})\n[ \t]*\#~[ \t]*)?"
    rf"msgid[ \t]+(?P<msgid>{_OBSOLETE_STRINGS})",
    re.M,
)


def _only_obsolete(block: str) -> bool:
    """Comment lines ending in an obsolete entry's #~ lines (or comments at the end)."""
    lines = [line.strip() for line in block.splitlines() if line.strip()]
    return all(line.startswith("#") for line in lines)


def _entry(found: re.Match[str], line: int) -> PoEntry | None:
    """An entry from its match; `line` is the line the match starts on."""
    comments, flags, locations, extracted = _comments(found.group("comments"))
    msgid_line = line + found.string.count("\n", found.start(), found.start("msgid"))
    written = found.group("strings")
    msgstr_line = msgid_line + found.string.count(
        "\n", found.start("msgid"), found.start("strings")
    )
    keywords = _KEYWORD.findall(written)  # at line starts: "msgstr" may occur in a text
    form_lines: tuple[int, ...] = ()
    indexed = any(keyword.endswith("[") for keyword in keywords)
    if not indexed:
        if len(keywords) != 1:
            return None
        strings: tuple[str, ...] = (_text(written),)  # the usual entry: one msgstr
    else:
        found_strings = {int(n or 0): _text(value) for n, value in _MSGSTR.findall(written)}
        if sorted(found_strings) != list(range(len(found_strings))):
            return None
        strings = tuple(found_strings[n] for n in sorted(found_strings))
        starts = [keyword.start() for keyword in _KEYWORD.finditer(written)]
        form_lines = tuple(msgstr_line + written.count("\n", 0, start) for start in starts)
    plural = found.group("plural")
    if (plural is None) == indexed:
        return None  # plural forms without msgid_plural, or the other way round
    context = found.group("context")
    return PoEntry(
        _text(context) if context is not None else None, _text(found.group("msgid")),
        _text(plural) if plural is not None else None, strings, frozenset(flags),
        tuple(comments), tuple(locations), msgid_line, msgstr_line, tuple(extracted),
        form_lines,
    )  # fmt: skip


def _comments(block: str) -> tuple[list[str], set[str], list[str], list[str]]:
    """Translator comments, flags, reference files and extracted comments of an entry."""
    comments: list[str] = []
    flags: set[str] = set()
    locations: list[str] = []
    extracted: list[str] = []
    if not block:
        return comments, flags, locations, extracted
    lines = block.splitlines()
    # "#~" lines of an obsolete entry with no blank line after it: the comments before
    # them are that entry's too.
    obsolete = (
        [n for n, comment in enumerate(lines) if comment.strip().startswith("#~")]
        if "#~" in block
        else []
    )
    for comment in lines[obsolete[-1] + 1 :] if obsolete else lines:
        comment = comment.strip()
        kind = comment[1:2]
        if kind == ",":
            flags.update(flag.strip() for flag in comment[2:].split(",") if flag.strip())
        elif kind == ":":
            locations += [_file(reference) for reference in comment[2:].split()]
        elif kind == ".":
            extracted.append(comment[2:].strip())
        elif kind != "|":
            comments.append(comment[1:].strip())
    return comments, flags, locations, extracted


def _text(strings: str) -> str:
    return _unescape("".join(_PIECE.findall(strings)))


def _unescape(string: str) -> str:
    if "\\" not in string:
        return string
    return _ESCAPE.sub(lambda m: _ESCAPED.get(m.group(1), m.group(1)), string)


def _file(reference: str) -> str:
    """The file of a "#:" reference ("source/da/x.md:12" → "source/da/x.md")."""
    name, _, line = reference.rpartition(":")
    return name if name and line.isdigit() else reference


def _babel_header(catalog: object, text: str) -> PoEntry | None:
    """The header entry as babel read it (its comments are the catalog's header comment),
    if the catalog starts with one: msgid "" on the line before its msgstr."""
    lines = [*text.lstrip("\ufeff").splitlines(), ""]
    first = next((n for n, line in enumerate(lines) if line.startswith(("msgid", "msgctxt"))), 0)
    if lines[first].strip() != 'msgid ""' or not lines[first + 1].startswith("msgstr"):
        return None
    comment = catalog.header_comment  # type: ignore[attr-defined]
    comments = tuple(
        line.lstrip("#").strip()
        for line in comment.splitlines()
        if line.startswith("#") and line[1:2] not in (",", ":", ".", "|", "~")
    )
    return PoEntry(None, "", None, ("",), frozenset(), comments, (), first + 1, first + 2)


def _from_babel(
    catalog: object, msgstr_lines: dict[tuple[str | None, str], int], text: str
) -> list[PoEntry]:
    found = []
    lines = text.split("\n")
    for message in catalog:  # type: ignore[attr-defined]
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id, None)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        line = message.lineno or 1
        msgstr_line = msgstr_lines.get((message.context, ids[0]), line)
        forms = _form_lines(lines, msgstr_line, len(strings)) if ids[1] is not None else ()
        found.append(
            PoEntry(
                message.context,
                ids[0],
                ids[1],
                tuple(s or "" for s in strings),
                frozenset(message.flags),
                tuple(message.user_comments),
                tuple(str(location[0]) for location in message.locations),
                line,
                msgstr_line,
                tuple(message.auto_comments),
                forms,
            )
        )
    return found


def _form_lines(lines: list[str], first: int, count: int) -> tuple[int, ...]:
    """The lines of msgstr[0]…msgstr[count - 1], from the first msgstr's line on."""
    found: list[int] = []
    for number in range(first, len(lines) + 1):
        if lines[number - 1].lstrip().startswith(f"msgstr[{len(found)}]"):
            found.append(number)
            if len(found) == count:
                break
    return tuple(found)
