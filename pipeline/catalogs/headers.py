"""A PO header's fields, as GNU gettext's tools write them."""

from __future__ import annotations

from email.parser import HeaderParser


def header_fields(header: str) -> list[tuple[str, str]]:
    """The fields of a header entry's msgstr. msgcat joins two catalogs' headers under
    `#-#-#-#-#  a.po  #-#-#-#-#` lines, which hid every field (a compendium made as the
    gettext manual says had "no Language header"); the first of a repeated field counts."""
    lines = [line for line in header.split("\n") if not line.startswith("#-#-#-#-#")]
    return list(HeaderParser().parsestr("\n".join(lines)).items())
