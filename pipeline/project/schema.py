"""Every configuration key in one table per section: its type, default and meaning.

The validators check unknown keys against these tables, and docs/reference/configuration.md
is generated from them, so the reference lists exactly what is accepted. A dotted name
(`target.lix`) is a key of a table-valued key. `default` is the TOML a user could write to
get the default behaviour, or None when there is no such value (`default_text` says what
happens then); `example` is a value that loads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pipeline.project.errors import unknown_name


@dataclass(frozen=True, slots=True)
class Key:
    """One key of a `[tool.pipeline…]` table."""

    name: str
    kind: str  # what the value must be, as error messages say it
    meaning: str
    default: str | None = None  # as TOML
    default_text: str = "none"  # said when there is no default value
    example: str | None = None  # as TOML; the default when None
    types: tuple[type, ...] = ()  # the TOML types accepted (checked for [tool.pipeline])

    @property
    def sample(self) -> str:
        """A value that loads: the example, else the default."""
        return self.example or self.default or ""


_PATH = "a file path string"
_FOLDER = "a folder path string"
_PER_LOCALE = 'a string, or a table of locale = string like { da = "…", en = "…" }'

SECTIONS: dict[str, tuple[Key, ...]] = {
    "tool.pipeline": (
        Key(
            "project",
            "a string",
            "The project's name in the PO catalogs' headers.",
            default_text='`[project] name`, else "pipeline-project"',
            example='"my-docs"',
            types=(str,),
        ),
        Key(
            "source-dir",
            _FOLDER,
            "The folder of the Markdown sources (any depth), from the folder of pyproject.toml.",
            '"source"',
            types=(str,),
        ),
        Key(
            "locale-dir",
            _FOLDER,
            "The folder of the catalogs: `templates/<doc>.pot` and `<lang>/LC_MESSAGES/<doc>.po`.",
            '"locales"',
            types=(str,),
        ),
        Key(
            "locales",
            "a list of language codes",
            "The project's languages, at least two; "
            "every document is translated into all but its own. A region's locale may be "
            "written `da-DK` or `da_DK`: its catalogs go in `locales/…/da_DK/`, and its "
            "source folder may be `source/da-DK/` or `source/da_DK/`.",
            '["da", "en"]',
            types=(list,),
        ),
        Key(
            "segmentation",
            '"block" or "sentence"',
            "One translation unit per block "
            "(paragraph, list item, heading, table cell) or per sentence.",
            '"block"',
            types=(str,),
        ),
        Key(
            "glossary",
            _PATH,
            "A TBX or CSV glossary: the term/* checks, spelling and the "
            "PO comments for translators use it.",
            example='"source/glossary.tbx"',
            types=(str,),
        ),
        Key(
            "source-language",
            "a language code",
            "The language of a Markdown file with no "
            "`lang` in its front matter and no locale folder (`source/da/`).",
            default_text="none: such a file is an error unless --lang gives it",
            example='"en"',
            types=(str,),
        ),
        Key(
            "site-name",
            "a string or a table of locale = string",
            "The site's name on every exported page, one for all locales or one per locale.",
            default_text="the project's name",
            example='{ da = "Patientinformation", en = "Patient information" }',
            types=(str, dict),
        ),
        Key(
            "base-url",
            "a URL string",
            "Where the exported site is published: PDF links "
            "to other documents point at `<base-url>/<lang>/<document>.html`.",
            default_text="none: in PDF, a link to another document goes to its PDF",
            example='"https://example.org/docs/"',
            types=(str,),
        ),
        Key(
            "readability",
            "a table",
            "Reading-level bands and targets: [tool.pipeline.readability].",
            "{}",
            types=(dict,),
        ),
        Key(
            "spelling",
            "a table",
            "Dictionaries and word lists: [tool.pipeline.spelling].",
            "{}",
            types=(dict,),
        ),
        Key(
            "export",
            "a table",
            "Exported HTML, PDF and Markdown: [tool.pipeline.export].",
            "{}",
            types=(dict,),
        ),
        Key(
            "brand",
            "a table",
            "Logo, colours, fonts, header and footer of exported pages: [tool.pipeline.brand].",
            default_text="none: the plain look",
            example="{}",
            types=(dict,),
        ),
        Key(
            "memory",
            "a table",
            "The translation memory that fills untranslated units: [tool.pipeline.memory].",
            "{}",
            types=(dict,),
        ),
        Key(
            "rules",
            "a table of rule ids",
            'Per rule or family: "off", a severity, or a table of options: [tool.pipeline.rules].',
            "{}",
            types=(dict,),
        ),
    ),
    "tool.pipeline.readability": (
        Key(
            "lix-scale",
            '"danish", "bjornsson" or four rising upper bounds',
            "The LIX "
            "bands: the Danish scale (24, 34, 44, 54), Björnsson's (20, 30, 40, 50), or "
            "your own four upper bounds like [25, 35, 45, 55].",
            '"danish"',
        ),
        Key(
            "target",
            "a table of `lix`, `lix-min` and `flesch`",
            "The reading level a document must meet (readability/document-level).",
            "{ lix = 40, lix-min = 0, flesch = 60 }",
        ),
        Key("target.lix", "a number", "A document's LIX must be at most this.", "40"),
        Key(
            "target.lix-min",
            "a number",
            "A document's LIX must be at least this (a text written down too far).",
            "0",
        ),
        Key(
            "target.flesch",
            "a number",
            "An English document's Flesch Reading Ease must be at least this.",
            "60",
        ),
    ),
    "tool.pipeline.spelling": (
        Key(
            "dictionaries",
            "a table of locale = Hunspell dictionary name",
            "The Hunspell dictionary per language; a language not named gets da_DK or en_US.",
            "{}",
            example='{ en = "en_GB" }',
        ),
        Key(
            "word-lists",
            "a table of locale = file path",
            "Words spelling accepts, one a "
            "line, per language; `pipeline words --add` appends to them.",
            "{}",
            example='{ en = "words-en.txt" }',
        ),
        Key(
            "folder-word-lists",
            "a table of folder = table of locale = file path",
            "Word lists of a folder outside the sources, such as the project's own manual: a "
            "run of `pipeline check` whose files all lie in the folder, and `pipeline lsp` on "
            "a file in it, use them instead of `word-lists` for their languages, so their "
            "words never pass in the sources.",
            "{}",
            example='{ docs = { en = "docs/words-en.txt" } }',
        ),
    ),
    "tool.pipeline.export": (
        Key(
            "remote-images",
            '"keep" or "refuse"',
            "Whether an image on the network may be "
            "exported (a privacy-strict site loads nothing remote).",
            '"keep"',
        ),
        Key(
            "markdown-layout",
            '"folders", "mkdocs", "docusaurus" or "hugo"',
            "Where the translated Markdown files go, as your site generator expects them.",
            '"folders"',
        ),
        Key("markdown-dir", _FOLDER, "The folder of the translated Markdown.", '"build/markdown"'),
        Key(
            "min-translated",
            "a share from 0 to 1",
            "A translated Markdown file is "
            "published from this share of translated units; below it the source "
            "language's file is written instead.",
            "0.8",
        ),
    ),
    "tool.pipeline.brand": (
        Key(
            "logo",
            "an .svg or .png file path",
            "The organisation's logo on every page; needs logo-alt.",
            example='"brand/logo.svg"',
        ),
        Key(
            "logo-alt",
            _PER_LOCALE,
            "What the logo shows, for readers who cannot see it.",
            example='"Our logo"',
        ),
        Key(
            "colors",
            "a table of text, background, link and accent",
            "Colours held to WCAG AA against the background: text and links 4.5:1, the accent 3:1.",
            '{ text = "#1a1a1a", background = "#ffffff", link = "#0b4f8a", accent = "#c25e00" }',
        ),
        Key("colors.text", 'a colour like "#1a1a1a"', "The text colour.", '"#1a1a1a"'),
        Key("colors.background", 'a colour like "#ffffff"', "The page colour.", '"#ffffff"'),
        Key("colors.link", 'a colour like "#0b4f8a"', "The colour of links.", '"#0b4f8a"'),
        Key(
            "colors.accent",
            'a colour like "#c25e00"',
            "The colour of rules and marks.",
            '"#c25e00"',
        ),
        Key(
            "fonts",
            "a table of body and heading",
            "Font files of the project, embedded in the PDF.",
            "{}",
        ),
        Key(
            "fonts.body",
            "a .ttf, .otf, .woff or .woff2 file path",
            "The font of the text.",
            default_text="DejaVu Sans",
            example='"brand/body.ttf"',
        ),
        Key(
            "fonts.heading",
            "a .ttf, .otf, .woff or .woff2 file path",
            "The font of the headings.",
            default_text="the body font",
            example='"brand/heading.ttf"',
        ),
        Key("header", _PER_LOCALE, "A text at the top of every page.", example='"Our clinic"'),
        Key(
            "footer",
            _PER_LOCALE,
            "A text at the bottom of every page.",
            example='{ da = "Spørg din læge.", en = "Ask your doctor." }',
        ),
        Key("page-size", "a CSS page size", "The PDF's page size.", '"A4"'),
        Key("margins", "CSS margins", "The PDF's page margins.", '"22mm 18mm 20mm"'),
        Key(
            "stylesheet",
            "a .css file path",
            "A stylesheet added after ours.",
            example='"brand/extra.css"',
        ),
        Key(
            "templates",
            _FOLDER,
            "A folder of Jinja templates that replace ours or extend them block by block.",
            default_text="none: ours",
            example='"brand/templates"',
        ),
    ),
    "tool.pipeline.memory": (
        Key(
            "compendia",
            "a list of PO files, or a table of locale = list",
            "PO files of "
            "translations from elsewhere (as `msgmerge --compendium`); each file's Language "
            "header says its locale, or key them by locale.",
            "[]",
            example='["memory/da.po"]',
        ),
        Key(
            "similarity",
            "a number from 0.5 to 1",
            "A close match must be at least this similar (RapidFuzz's Indel ratio).",
            "0.9",
        ),
        Key(
            "exact",
            '"fuzzy" or "translated"',
            "How an exact match from the project's own "
            "catalogs is filled in: for review, or as translated.",
            '"fuzzy"',
        ),
    ),
    "tool.pipeline.rules": (),  # rule ids: docs/reference/rules.md
}


def names(section: str) -> tuple[str, ...]:
    """The keys a section's table may hold (not the dotted keys of their tables)."""
    return tuple(key.name for key in SECTIONS[section] if "." not in key.name)


def find(section: str, name: str) -> Key:
    """The key `name` of `section`; callers look up names they have checked."""
    return next(key for key in SECTIONS[section] if key.name == name)


def check_keys(table: Mapping[str, object], section: str, origin: Path | str | None) -> None:
    """Refuse a key the section does not have, with a "did you mean" hint."""
    known = names(section)
    for key in table:
        if key not in known:
            raise unknown_name("key", key, known, f" in [{section}]", origin)
