"""Which characters the export's fonts draw (for a11y/missing-glyph).

The PDF embeds its fonts: a character none of them has becomes `.notdef`, an empty box
that screen readers and copy-paste lose (PDF/UA-1 7.21.x). The chain is the stylesheet's
(`export/templates/site.css`): DejaVu for Latin, then Noto for CJK, and Noto's emoji by
fontconfig's fallback, as Debian installs them (.ci/setup). Fonts are asked for through
fontconfig, as WeasyPrint asks.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import cache
from pathlib import Path

from pipeline.languages.dictionaries import file_stamp
from pipeline.project import memo
from pipeline.project.files import machine_kept

# site.css's font-family (DejaVu, Noto CJK; a test keeps them the same), then the emoji
# font fontconfig falls back to (listed in the CSS, Pango drew digits with it).
FONT_CHAIN = ("DejaVu Sans", "DejaVu Sans Mono", "Noto Sans CJK SC", "Noto Color Emoji")
# Drawn by DejaVu Sans: most texts need no font file opened.
EASY = frozenset(range(0x20, 0x250))
# Characters no font draws: controls, formatting (joiners, variation selectors), spaces.
INVISIBLE = {"Cc", "Cf", "Zs", "Zl", "Zp", "Mn"}


@cache
def font_coverage() -> frozenset[int] | None:
    """Every character some font of the chain draws; None without fontconfig.

    Reading the fonts' character maps takes fontTools and a fifth of a second in each
    process; they are fonts of the machine, so what they hold is kept in the user's
    cache folder under the files' paths, sizes and times, as the dictionaries' word
    forms are, and a run asks fontconfig which files they are and reads none of them.
    """
    if shutil.which("fc-match") is None:
        return None
    files: list[str] = []
    for family in FONT_CHAIN:
        found = subprocess.run(
            ["fc-match", "-f", "%{family}\n%{file}", family], capture_output=True, text=True
        ).stdout.split("\n")
        if len(found) < 2 or family not in found[0]:
            continue  # fontconfig offers another family: this one is not installed
        files.append(found[1])
    version = memo.digest(*(f"{file} {file_stamp(Path(file))}" for file in files))
    return machine_kept("fonts", "coverage", version, lambda: _drawn(files))


def _drawn(files: list[str]) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    drawn: set[int] = set()
    for file in files:
        drawn.update(TTFont(file, fontNumber=0, lazy=True).getBestCmap() or {})
    return frozenset(drawn)
