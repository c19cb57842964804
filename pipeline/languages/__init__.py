"""Which language each part of a text is in: passages in another language, wrong-language text."""

from babel import Locale


def language_name(code: str, in_lang: str | None = None) -> str:
    """ "dansk", "English", "Danish": the name of `code` in `in_lang` (default: itself)."""
    name = Locale.parse(code.replace("-", "_")).get_display_name(in_lang or code) or code
    return name[:1].upper() + name[1:] if in_lang is None else name
