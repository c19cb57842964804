"""Edge I/O: decode text files with clear errors and write files atomically."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TypeVar

from pipeline.project.errors import PipelineError

T = TypeVar("T")


def read_text(path: Path, shown: str | None = None) -> str:
    """Read a UTF-8 text file; a BOM is dropped, CRLF becomes LF, bad bytes fail.

    Errors name the file as `shown` (the project-relative path) when given.
    """
    where: Path | str = shown or path
    try:
        data = read_bytes(path)
    except FileNotFoundError:
        raise PipelineError("file not found", where) from None
    except OSError as error:
        raise PipelineError(f"cannot read file: {error.strerror}", where) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise PipelineError(
            f"not valid UTF-8 (byte 0x{data[error.start]:02x})",
            where,
            line,
            hint="save the file as UTF-8",
        ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise PipelineError("contains a NUL byte; is this a binary file?", where, line)
    return text.replace("\r\n", "\n")


STDIN = Path("-")  # a path of "-" reads standard input, as most command-line tools do
STDIN_NAME = "<stdin>"  # how findings and messages name it

# Texts read instead of the files at their paths: an editor's unsaved buffers, a text sent
# to the local server. Worker processes are forks, so they see what was set when they began.
_BUFFERS: dict[Path, bytes] = {}


@contextlib.contextmanager
def buffers(texts: Mapping[Path, str]) -> Iterator[None]:
    """While the block runs, every read of one of these paths gets its text instead (STDIN
    for what `-` would read), so a run checks a document as edited, not as saved."""
    saved = dict(_BUFFERS)
    _BUFFERS.update({_buffer_key(path): text.encode("utf-8") for path, text in texts.items()})
    try:
        yield
    finally:
        _BUFFERS.clear()
        _BUFFERS.update(saved)


def buffered(path: str | os.PathLike[str]) -> bytes | None:
    """The bytes of an open buffer at `path`, if one is open."""
    return _BUFFERS.get(_buffer_key(Path(path))) if _BUFFERS else None


def _buffer_key(path: Path) -> Path:
    return path if path == STDIN else path.absolute()


def read_bytes(path: Path) -> bytes:
    """The bytes at `path`: an open buffer's, standard input's for `-`, else the file's."""
    found = buffered(path)
    if found is not None:
        return found
    return _standard_input() if path == STDIN else path.read_bytes()


_READ_INPUT: list[tuple[object, bytes]] = []  # (the stream, what it gave)


def _standard_input() -> bytes:
    """Standard input, read once: a run may read a document more than once."""
    if not _READ_INPUT or _READ_INPUT[0][0] is not sys.stdin:
        _READ_INPUT[:] = [(sys.stdin, sys.stdin.buffer.read())]
    return _READ_INPUT[0][1]


def write_atomic(path: Path, text: str) -> bool:
    """Write `text` to `path` via a temporary file and rename; skip if unchanged.

    Returns whether the file was written. Readers never see a half-written file,
    and a run killed mid-write leaves the previous file intact. A file that ends its
    lines with CRLF keeps them (Windows tools, git's autocrlf): no diff on every line.
    """
    return write_bytes_atomic(path, in_its_line_ends(path, text).encode("utf-8"))


def in_its_line_ends(path: Path, text: str) -> str:
    """`text` with CRLF line ends where the file at `path` has them."""
    return text.replace("\n", "\r\n") if "\r" not in text and _ends_lines_with_crlf(path) else text


def _ends_lines_with_crlf(path: Path) -> bool:
    if _special(path):
        return False
    try:
        with path.open("rb") as stream:
            return stream.readline().endswith(b"\r\n")
    except OSError:
        return False


def write_output(path: Path, text: str, what: str) -> None:
    """Write a file the user asked for (a report, a baseline); a path that cannot be
    written is bad input with one line, not a traceback and exit 1, which CI would read
    as findings."""
    try:
        write_atomic(path, text)
    except OSError as error:
        raise PipelineError(
            f"cannot write the {what}: {error.strerror}", path,
            hint="give a file in a folder you can write to",
        ) from None  # fmt: skip


def write_bytes_atomic(path: Path, data: bytes, durable: bool = True) -> bool:
    """Write `data` to `path` atomically, as `write_atomic` does for text.

    `durable=False` skips the flush to disk: for files a crash may lose (a cache). A
    symlink keeps pointing where it did: the file it names is written. A terminal, a
    pipe or /dev/stdout is written into, never renamed over (nor read first).
    """
    if _special(path):
        with path.open("wb") as stream:
            stream.write(data)
        return True
    path = path.resolve() if path.is_symlink() else path
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        if path.exists():
            Path(temporary).chmod(path.stat().st_mode & 0o777)
        else:
            Path(temporary).chmod(0o644)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def _special(path: Path) -> bool:
    """Whether `path` is no regular file to replace: a device, a pipe, /dev/stdout (a link
    into /proc that may name the file the shell redirected to)."""
    if path.parts[:2] in {("/", "dev"), ("/", "proc")}:
        return True
    return path.exists() and not path.is_file()


def size_of(path: Path) -> int:
    """The bytes of a file, or of the files in a folder (0 if neither)."""
    if path.is_dir():
        return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())
    return path.stat().st_size if path.is_file() else 0


def user_cache(name: str) -> Path:
    """Folder `name` of the user's cache (XDG_CACHE_HOME, else ~/.cache), for what a
    machine works out once (the dictionaries' word forms, the tokenizer's rules)."""
    home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(home) / "pipeline" / name


def machine_kept(kind: str, name: str, version: str, make: Callable[[], T]) -> T:
    """What `make` works out from this machine's files (the tokenizer's rules, the
    fonts' characters), kept as `name`-`version` in the user's cache folder `kind`:
    each run after the first reads it back. A copy of another version is removed."""
    folder = user_cache(kind)
    kept = folder / f"{name}-{version}.pickle"
    try:
        found: T = pickle.loads(kept.read_bytes())
        return found
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError,
            ImportError):  # fmt: skip
        pass  # not made yet, unreadable, or of a class since moved: made again
    made = make()
    if writable(folder):  # else made again in each run
        with locked(folder):
            write_bytes_atomic(kept, pickle.dumps(made), durable=False)
            for stale in folder.glob(f"{name}-*.pickle"):
                if stale != kept:
                    stale.unlink(missing_ok=True)
    return made


def writable(folder: Path) -> bool:
    """Whether `folder` is there, made now if need be, and can be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def display_path(path: Path, root: Path) -> str:
    """Return `path` relative to the project root in POSIX form, for messages."""
    if path == STDIN:
        return STDIN_NAME
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on `folder` so two runs never interleave their writes.

    The second `pipeline extract` waits for the first instead of merging against
    catalogs the first is about to replace. The lock file lives in the temporary
    folder, so the project gets no litter.
    """
    digest = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    with (Path(tempfile.gettempdir()) / f"pipeline-{digest}.lock").open("a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
