"""PO file format: babel's parser plus what it drops, and a writer in GNU gettext's layout.

Babel 2.18 reads a previous msgid (`#| msgid`) as a translator comment and its writer
wraps it mid-string (python-babel/babel#206), and it forgets header fields it does not
know (X-Generator, X-Source-Language). This module keeps babel's Catalog as the model
and fills those gaps, so files from msgmerge, Poedit or Weblate survive a round trip.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, PoFileParser, escape, unescape
from unicode_segmentation_rs import gettext_wrap

from pipeline.catalogs.headers import header_fields
from pipeline.catalogs.syntax import check_syntax
from pipeline.project.errors import PipelineError
from pipeline.project.files import read_bytes, read_text

PAGE_WIDTH = 79  # GNU gettext's default, also what Poedit and Weblate write


@dataclass
class PoFile:
    """A catalog with the header fields in file order (babel keeps only its own)."""

    catalog: Catalog
    headers: list[tuple[str, str]] = field(default_factory=list)
    # Entry key → (our rendering when read, the entry's text as found in the file):
    # an entry whose rendering did not change is written back as found, so files
    # wrapped by Poedit, msgmerge or Weblate are never re-wrapped.
    found: dict[object, tuple[str, str]] = field(default_factory=dict)
    # (msgctxt, msgid) → 1-based line of its msgstr, where findings on a translation
    # point: entries that share a msgid but not a msgctxt are different entries.
    msgstr_lines: dict[tuple[str | None, str], int] = field(default_factory=dict)

    def header(self, name: str) -> str | None:
        """Return the value of header field `name` (case-insensitive), if present."""
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    def set_header(self, name: str, value: str) -> None:
        """Set header field `name`, keeping its position or appending it."""
        for index, (key, _) in enumerate(self.headers):
            if key.lower() == name.lower():
                self.headers[index] = (key, value)
                return
        self.headers.append((name, value))


class _Parser(PoFileParser):
    """Babel's parser, also capturing the raw header text it would reduce, and refusing
    duplicate entries (babel keeps the last one silently)."""

    seen: dict[tuple[str, str | None], int]
    seen_obsolete: dict[tuple[str, str | None], int]

    raw_header: str | None = None
    header_line: int | None = None
    shown: str = ""

    def _add_message(self) -> None:
        if self.messages:
            self._refuse_duplicate()
        is_header = not self.obsolete and self.messages and not self.messages[0].denormalize()
        if is_header and self.raw_header is None and self.translations:
            self.raw_header = self.translations[0][1].denormalize()
            self.header_line = self.offset
        super()._add_message()

    def _refuse_duplicate(self) -> None:
        """A second entry for a msgid, a second header, or an obsolete entry for an
        active msgid: msgfmt rejects each ("duplicate message definition"), and babel
        would keep one silently, dropping the other's translation or header fields."""
        msgid = self.messages[0].denormalize()
        context = self.context.denormalize() if self.context else None
        line = self.offset + 1
        table, other = (self.seen_obsolete, self.seen) if self.obsolete else (self.seen, {})
        first = table.setdefault((msgid, context), line)
        if first != line and (msgid or not self.obsolete):
            what = f"msgid '{msgid[:40]}'" if msgid else "header entry"
            raise PipelineError(
                f"duplicate {what} (first on line {first})",
                self.shown,
                line,
                hint="merge the two entries; msgfmt rejects duplicates",
            )
        if msgid and (msgid, context) in other:
            raise PipelineError(
                f"an obsolete entry repeats msgid '{msgid[:40]}' of line {other[msgid, context]}",
                self.shown,
                line,
                hint="delete the obsolete (#~) one; msgfmt rejects duplicates",
            )


def parse_po(text: str, shown: str, locale: str | None = None) -> PoFile:
    """Parse PO `text` (already decoded); errors name `shown` and the line."""
    catalog = Catalog(locale=locale)
    parser = _Parser(catalog, abort_invalid=True)
    parser.shown, parser.seen, parser.seen_obsolete = shown, {}, {}
    # Obsolete previous msgids ("#~| msgid") read as "#|" lines of the next entry.
    lines = [("#|" + line[3:]) if line.startswith("#~|") else line for line in text.split("\n")]
    check_syntax(lines, shown)
    try:
        parser.parse(lines)
    except PoFileError as error:
        raise PipelineError(
            "PO syntax error: " + re.sub(r" on \d+$", "", str(error)),  # babel's 0-based line
            shown,
            error.lineno + 1,
            hint="fix the entry, then check it with msgfmt --check",
        ) from None
    except (ValueError, IndexError) as error:
        raise PipelineError(f"PO file does not parse: {error}", shown) from None
    for message in [*catalog, *catalog.obsolete.values()]:
        _take_previous(message, shown)
    headers = header_fields(parser.raw_header or "")
    po = PoFile(catalog, headers)
    po.found = _found_entries(po, text.split("\n"), parser.header_line)
    po.msgstr_lines = _msgstr_lines(po.catalog, lines)
    return po


_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")


# Charsets in which every byte sequence decodes: a UTF-8 file declared as one of them
# would turn "æ" into "Ã¦" without any error.
_SINGLE_BYTE = {"iso-8859-1", "latin1", "latin-1", "iso-8859-15", "cp1252", "windows-1252"}


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def read_po_file(path: Path, shown: str) -> PoFile:
    """Read and parse a PO file, decoding it with the charset its header declares."""
    return parse_po(read_po_text(path, shown), shown)


def read_po_text(path: Path, shown: str) -> str:
    """The text of a PO file: UTF-8 unless the header declares another charset."""
    try:
        head = read_bytes(path)[:4096]
    except OSError:
        return read_text(path, shown)  # read_text says what is wrong with the file
    found = _CHARSET.search(head)
    charset = found.group(1).decode("ascii").lower() if found else "utf-8"
    if charset in {"utf-8", "utf8", "charset"}:  # "CHARSET" is the template placeholder
        return read_text(path, shown)
    try:
        codecs.lookup(charset)
    except LookupError:
        raise PipelineError(
            f"unknown charset '{charset}' in the Content-Type header", shown, hint="use UTF-8"
        ) from None
    data = read_bytes(path)
    if not data.isascii() and _is_utf8(data) and charset.replace("_", "-") in _SINGLE_BYTE:
        raise PipelineError(
            f"the header declares {charset} but the file is UTF-8",
            shown,
            data[: data.find(b"charset=")].count(b"\n") + 1,
            hint="set Content-Type: text/plain; charset=UTF-8",
        )
    try:
        text = data.decode(charset)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise PipelineError(f"not valid {charset}, as the header declares", shown, line) from None
    return text.replace("\r\n", "\n")


def _msgstr_lines(catalog: Catalog, lines: list[str]) -> dict[tuple[str | None, str], int]:
    """Find the msgstr line of each active message (babel records only the msgid's)."""
    found = {}
    for message in catalog:
        if not message.id or not message.lineno or not isinstance(message.id, str):
            continue
        index = message.lineno - 1
        while index < len(lines) and not lines[index].startswith("msgstr"):
            index += 1
        found[message.context, message.id] = index + 1
    return found


def _found_entries(
    po: PoFile, lines: list[str], header_line: int | None
) -> dict[object, tuple[str, str]]:
    """Map each entry to its rendering and its original text (blank-line separated)."""
    chunk_of: list[int] = []
    chunks: list[list[str]] = [[]]
    for line in lines:
        if not line.strip():
            if chunks[-1]:
                chunks.append([])
        else:
            chunks[-1].append(line)
        chunk_of.append(len(chunks) - 1)
    found: dict[object, tuple[str, str]] = {}
    entries: list[tuple[object, int | None, str]] = [("", header_line, _header_text(po))]
    entries += [(_key(m), (m.lineno or 0) - 1, "\n".join(_entry(m))) for m in po.catalog if m.id]
    entries += [
        (_key(m, True), (m.lineno or 0) - 1, "\n".join(_entry(m, True)))
        for m in po.catalog.obsolete.values()
    ]
    for key, index, rendered in entries:
        if index is None or not 0 <= index < len(lines):
            continue
        chunk = chunks[chunk_of[index]]
        starts = sum(1 for line in chunk if line.startswith(("msgid ", "#~ msgid ")))
        if starts == 1:
            found[key] = (rendered, "\n".join(chunk))
    return found


def _key(message: Message, obsolete: bool = False) -> object:
    return (
        obsolete,
        message.context,
        message.id if isinstance(message.id, str) else tuple(message.id),
    )


def _take_previous(message: Message, shown: str) -> None:
    """Move `#|` lines that babel read as translator comments into previous_id."""
    previous = [c[1:].strip() for c in message.user_comments if c.startswith("|")]
    if not previous:
        return
    message.user_comments = [c for c in message.user_comments if not c.startswith("|")]
    fields: dict[str, str] = {}
    current = None
    for line in previous:
        keyword, _, rest = line.partition(" ")
        if keyword in {"msgctxt", "msgid", "msgid_plural"}:
            current, line = keyword, rest
        if current is None or not line.startswith('"'):
            raise PipelineError(f"bad previous-msgid line: #| {line}", shown, message.lineno)
        fields[current] = fields.get(current, "") + unescape(line)
    ids = [fields[k] for k in ("msgid", "msgid_plural") if k in fields]
    message.previous_id = ids
    set_previous_context(message, fields.get("msgctxt"))


def previous_context(message: Message) -> str | None:
    """A fuzzy entry's `#| msgctxt`: the context its translation was made for."""
    return getattr(message, "previous_context", None)


def set_previous_context(message: Message, context: str | None) -> None:
    # babel's Message has no field for it, and its clone() drops an attribute set here:
    # whoever copies a message carries the previous context over, as update_catalog does.
    setattr(message, "previous_context", context)  # noqa: B010


def generate_po(po: PoFile) -> str:
    """Return the PO text for `po`, laid out as GNU gettext's msgcat writes it."""
    catalog = po.catalog
    chunks = [_as_found(po, "", _header_text(po))]
    for message in catalog:
        if message.id:
            chunks.append(_as_found(po, _key(message), "\n".join(_entry(message))))
    for message in catalog.obsolete.values():
        chunks.append(_as_found(po, _key(message, True), "\n".join(_entry(message, True))))
    return "\n\n".join(chunks) + "\n"


def _as_found(po: PoFile, key: object, rendered: str) -> str:
    """The entry as found where nothing changed; where only its comments did (a new
    `#:` line), our comments over its strings as the translator's tool wrapped them."""
    found = po.found.get(key)
    if found is None or found[0] == rendered:
        return rendered if found is None else found[1]
    ours, then, written = (_STRINGS_START.search(text) for text in (rendered, *found))
    if not (ours and then and written) or rendered[ours.start() :] != found[0][then.start() :]:
        return rendered
    return rendered[: ours.start()] + found[1][written.start() :]


_STRINGS_START = re.compile(r"^(?:#~ )?(?:msgctxt|msgid)\b", re.M)


def _header_text(po: PoFile) -> str:
    header = "".join(f"{key}: {value}\n" for key, value in po.headers)
    message = Message("", header, flags=("fuzzy",) if po.catalog.fuzzy else ())
    comment = po.catalog.header_comment.strip("\n")
    return "\n".join([*(comment.split("\n") if comment else []), *_entry(message)])


def _entry(message: Message, obsolete: bool = False) -> Iterator[str]:
    prefix = "#~ " if obsolete else ""
    for comment in message.user_comments:
        yield f"# {comment}".rstrip()
    if not obsolete:
        for comment in message.auto_comments:
            yield f"#. {comment}".rstrip()
        yield from _locations(message.locations)
    flags = sorted(message.flags, key=lambda flag: (flag != "fuzzy", flag))
    if flags:
        yield "#, " + ", ".join(flags)
    previous_prefix = "#~| " if obsolete else "#| "
    if message.previous_id and previous_context(message) is not None:
        yield from _string("msgctxt", previous_context(message) or "", previous_prefix)
    for keyword, text in zip(("msgid", "msgid_plural"), message.previous_id, strict=False):
        yield from _string(keyword, text, previous_prefix)
    if message.context is not None:
        yield from _string("msgctxt", message.context, prefix)
    if isinstance(message.id, (list, tuple)):
        yield from _string("msgid", message.id[0], prefix)
        yield from _string("msgid_plural", message.id[1], prefix)
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        for index, plural in enumerate(strings):
            yield from _string(f"msgstr[{index}]", plural or "", prefix)
    else:
        yield from _string("msgid", message.id, prefix)
        yield from _string("msgstr", str(message.string or ""), prefix)


def _locations(locations: Iterable[tuple[str, int | None]]) -> Iterator[str]:
    line = "#:"
    for path, lineno in locations:
        location = f"{path}:{lineno}" if lineno else path
        if line != "#:" and len(line) + 1 + len(location) > PAGE_WIDTH:
            yield line
            line = "#:"
        line += " " + location
    if line != "#:":
        yield line


def _string(keyword: str, text: str, prefix: str = "") -> Iterator[str]:
    """Quote and wrap `text` as gettext does: one line if it fits, else "" + lines."""
    escaped = escape(text)[1:-1]
    lines = gettext_wrap(escaped, PAGE_WIDTH - 2 - len(prefix)) if escaped else [""]
    first = f'{prefix}{keyword} "{lines[0]}"'
    if len(lines) == 1 and len(first) <= PAGE_WIDTH:
        yield first
        return
    yield f'{prefix}{keyword} ""'
    for line in lines:
        yield f'{prefix}"{line}"'
