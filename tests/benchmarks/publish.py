"""Write a benchmark's current table into docs/performance.md, with the machine and date.

Each benchmark owns the section between `<!-- benchmark:NAME -->` and
`<!-- /benchmark:NAME -->`; a run replaces it (the history is in git) and leaves the
rest of the page, which people write, alone. A missing section is appended.
"""

from __future__ import annotations

import datetime
import os
import platform
import re
import tempfile
from pathlib import Path

PAGE = Path(__file__).resolve().parents[2] / "docs" / "performance.md"


def machine() -> str:
    """The machine a figure was measured on: CPU model, cores, RAM and Python."""
    model = "unknown CPU"
    memory = ""
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8")
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, flags=re.MULTILINE)
        model = found.group(1).strip() if found else model
        meminfo = Path("/proc/meminfo").read_text(encoding="utf-8")
        total = re.search(r"^MemTotal:\s*(\d+) kB", meminfo, flags=re.MULTILINE)
        memory = f", {int(total.group(1)) / 1024**2:.1f} GB RAM" if total else ""
    except OSError:
        pass
    cores = os.cpu_count() or 1
    return f"{model}, {cores} cores{memory}, Python {platform.python_version()}"


def section(name: str, table_markdown: str, notes: str = "", today: str | None = None) -> str:
    """The marked section of a benchmark: its table, the notes and where and when it ran."""
    day = today or datetime.date.today().isoformat()
    lines = [f"<!-- benchmark:{name} -->", table_markdown.strip()]
    if notes.strip():
        lines += ["", notes.strip()]
    lines += ["", f"Measured {day} on {machine()}.", f"<!-- /benchmark:{name} -->"]
    return "\n".join(lines)


def replace_section(text: str, name: str, new: str) -> str:
    """`text` with the section of `name` replaced by `new`, or with `new` appended."""
    pattern = re.compile(
        rf"^<!-- benchmark:{re.escape(name)} -->$.*?^<!-- /benchmark:{re.escape(name)} -->$",
        flags=re.MULTILINE | re.DOTALL,
    )
    if pattern.search(text):
        return pattern.sub(lambda _: new, text, count=1)
    return f"{text.rstrip()}\n\n{new}\n" if text.strip() else f"{new}\n"


def publish(name: str, table_markdown: str, notes: str = "", page: Path | None = None) -> Path:
    """Replace the section of benchmark `name` in docs/performance.md (atomic write)."""
    target = page or PAGE
    old = target.read_text(encoding="utf-8") if target.exists() else ""
    text = replace_section(old, name, section(name, table_markdown, notes))
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    Path(temporary).replace(target)
    print(f"{target.name}: section {name} updated")
    return target


def table(header: list[str], rows: list[list[str]], right: set[int] | None = None) -> str:
    """A Markdown table; columns in `right` are aligned right (figures)."""
    align = "|" + "|".join("---:" if i in (right or set()) else "---" for i in range(len(header)))
    return "\n".join([_row(header), align + "|", *(_row(row) for row in rows)])


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"
