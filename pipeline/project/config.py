"""Project configuration: `[tool.pipeline]` in pyproject.toml plus CLI overrides."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal

from babel import Locale, UnknownLocaleError

from pipeline.project import schema
from pipeline.project.brand import Brand, load_brand
from pipeline.project.errors import PipelineError, check_locales, did_you_mean
from pipeline.project.memory_config import MemorySettings, load_memory

# Upper bounds of the first four LIX bands; above the last is "very hard".
LIX_SCALES: dict[str, tuple[float, ...]] = {
    # The scale Danish LIX calculators and plain-language guides use.
    "danish": (24, 34, 44, 54),
    # Björnsson (1968), "Läsbarhet": anchors 20/30/40/50/60, a text at or below an anchor
    # belongs to that anchor's band.
    "bjornsson": (20, 30, 40, 50),
}


@dataclass(frozen=True, slots=True)
class Target:
    """The reading level a document must meet: LIX at most `lix`, Flesch at least `flesch`.

    Defaults suit patient information for the general public: LIX 40 keeps a text in
    the easier half of "medium" on the Danish scale; Flesch 60 is "standard", the
    usual plain-English floor.
    """

    lix: float = 40
    lix_min: float = 0
    flesch: float = 60


@dataclass(frozen=True, slots=True)
class ReadabilitySettings:
    """Project-wide readability settings from `[tool.pipeline.readability]`."""

    scale: str = "danish"
    bounds: tuple[float, ...] = LIX_SCALES["danish"]
    target: Target = field(default_factory=Target)


@dataclass(frozen=True, slots=True)
class SpellingSettings:
    """`[tool.pipeline.spelling]`: a Hunspell dictionary and a word list per language."""

    dictionaries: Mapping[str, str] = field(default_factory=dict)  # {"en": "en_GB"}
    word_lists: Mapping[str, Path] = field(default_factory=dict)  # relative to the root
    files_digest: str = ""  # the dictionaries' and word lists' bytes, once a run read them
    # A folder's own word lists, for a run that checks only files in it: {"docs": {"en": …}}.
    folder_word_lists: Mapping[str, Mapping[str, Path]] = field(default_factory=dict)


MARKDOWN_LAYOUTS = ("folders", "mkdocs", "docusaurus", "hugo")
REMOTE_IMAGES = ("keep", "refuse")


@dataclass(frozen=True, slots=True)
class ExportSettings:
    """`[tool.pipeline.export]`: remote images, and the translated Markdown for a site generator.

    A translated Markdown file is published when at least `min-translated` of its units are
    translated (po4a's `-k 80`); below that the source language's file is written instead.
    """

    remote_images: str = "keep"  # or "refuse": a privacy-strict site loads nothing remote
    markdown_layout: str = "folders"  # or mkdocs, docusaurus, hugo
    markdown_dir: Path = Path("build/markdown")
    min_translated: float = 0.8


Segmentation = Literal["block", "sentence"]
SEGMENTATIONS: tuple[Segmentation, ...] = ("block", "sentence")


@dataclass(frozen=True, slots=True)
class Config:
    """Everything a run needs to know about the project, resolved and validated."""

    root: Path
    project: str = "pipeline-project"
    source_dir: Path = Path("source")
    locale_dir: Path = Path("locales")
    locales: tuple[str, ...] = ("da", "en")
    segmentation: Segmentation = "block"
    glossary: Path | None = None
    # The language of documents with no `lang` in their front matter and no locale folder.
    source_language: str | None = None
    # Site name per locale (default: the project's name), and where the site is published.
    site_name: Mapping[str, str] = field(default_factory=dict)
    base_url: str | None = None
    readability: ReadabilitySettings = field(default_factory=ReadabilitySettings)
    spelling: SpellingSettings = field(default_factory=SpellingSettings)
    export: ExportSettings = field(default_factory=ExportSettings)
    brand: Brand | None = None  # [tool.pipeline.brand]: logo, colours, fonts, texts
    memory: MemorySettings = field(default_factory=MemorySettings)  # [tool.pipeline.memory]
    # Raw `[tool.pipeline.rules]`; checks.registry.resolve validates it against the rules.
    rules: Mapping[str, Any] = field(default_factory=dict)
    check_fuzzy: bool = False  # check --fuzzy: fuzzy translations are checked too
    origin: str | None = None  # the pyproject.toml this came from, for messages

    @property
    def source_path(self) -> Path:
        return self.root / self.source_dir

    @property
    def locale_path(self) -> Path:
        return self.root / self.locale_dir

    def site(self, lang: str) -> str:
        """The site's name in `lang`: `site-name` in [tool.pipeline], else the project's name."""
        return self.site_name.get(lang, self.project)


# Key in pyproject.toml → (Config field, expected TOML types, description for errors).
_KEYS: dict[str, tuple[str, tuple[type, ...], str]] = {
    key.name: (key.name.replace("-", "_"), key.types, key.kind)
    for key in schema.SECTIONS["tool.pipeline"]
}


def find_pyproject(start: Path) -> Path | None:
    """Return the nearest pyproject.toml in `start` or its parents that is ours.

    A pyproject.toml without a [tool.pipeline] table (a Python package's, above the
    docs) is passed by, as Ruff passes one without [tool.ruff]; one that is not valid
    TOML is returned, for load_config to say where it is broken.
    """
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and _has_our_table(candidate):
            return candidate
    return None


def _has_our_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
        return True
    tool = data.get("tool")
    return isinstance(tool, dict) and "pipeline" in tool


def load_config(pyproject: Path | None, overrides: dict[str, Any]) -> Config:
    """Build the Config from a pyproject.toml (if any) and CLI `overrides`."""
    if pyproject is None:
        table: dict[str, Any] = {}
        root = Path.cwd()
    else:
        table = _read_table(pyproject)
        root = pyproject.parent.resolve()
        pyproject = _relative(pyproject)
    values: dict[str, Any] = {}
    project_name = table.pop("__project_name__", None)
    if project_name:
        values["project"] = project_name
    for key, value in table.items():
        field_name, expected, description = _lookup_key(key, pyproject)
        if not isinstance(value, expected):
            raise PipelineError(
                f"[tool.pipeline] {key} must be {description}, not {value!r}", pyproject
            )
        values[field_name] = value
    values.update({k: v for k, v in overrides.items() if v not in (None, ())})
    return _validated(Config(root=root), values, pyproject)


def _relative(path: Path) -> Path:
    """Shorten `path` relative to the working directory for messages."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


def _read_table(pyproject: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        # Python 3.11's TOMLDecodeError has no lineno; its message ends "(at line N, …)".
        found = re.search(r"\(at line (\d+)", str(error))
        line = int(found.group(1)) if found else None
        problem = str(error).split(" (at ")[0]
        raise PipelineError(f"invalid TOML: {problem}", _relative(pyproject), line) from None
    except (OSError, UnicodeDecodeError) as error:
        raise PipelineError(f"cannot read: {error}", _relative(pyproject)) from None
    tool = data.get("tool", {}).get("pipeline", {})
    if not isinstance(tool, dict):
        raise PipelineError("[tool.pipeline] must be a table", _relative(pyproject))
    table = dict(tool)
    table["__project_name__"] = data.get("project", {}).get("name")
    return table


def _lookup_key(key: str, pyproject: Path | None) -> tuple[str, tuple[type, ...], str]:
    schema.check_keys({key: None}, "tool.pipeline", pyproject)
    return _KEYS[key]


def _validated(config: Config, values: dict[str, Any], origin: Path | None) -> Config:
    segmentation = values.get("segmentation", config.segmentation)
    if segmentation not in SEGMENTATIONS:
        raise PipelineError(
            f"segmentation must be 'block' or 'sentence', not {segmentation!r}", origin
        )
    # A locale is named as gettext and its folders name it: "zh-CN" is "zh_CN".
    locales = tuple(check_language(code, origin) for code in values.get("locales", config.locales))
    if len(locales) < 2:
        raise PipelineError(
            "at least two locales are needed (the source language and a target)",
            origin,
            hint='e.g. locales = ["da", "en"] in [tool.pipeline], or --locale da --locale en',
        )
    known = {f.name for f in fields(Config)}
    converted = {
        name: Path(value) if name in {"source_dir", "locale_dir", "glossary"} else value
        for name, value in values.items()
        if name in known
    }
    converted["locales"] = locales
    if values.get("source_language") is not None:
        converted["source_language"] = check_language(values["source_language"], origin)
    converted["site_name"] = _site_names(values.get("site_name"), locales, origin)
    if values.get("base_url") is not None:
        converted["base_url"] = _base_url(values["base_url"], origin)
    if "readability" in values:
        converted["readability"] = _readability(values["readability"], origin)
    if "spelling" in values:
        converted["spelling"] = _spelling(values["spelling"], locales, origin)
    if "export" in values:
        converted["export"] = _export(values["export"], origin)
    if "brand" in values:
        converted["brand"] = load_brand(values["brand"], config.root, locales, origin)
    if "memory" in values:
        converted["memory"] = load_memory(values["memory"], config.root, locales, origin)
    converted["origin"] = str(origin) if origin else None
    return replace(config, **converted)  # type: ignore[arg-type]  # validated above


def _site_names(value: object, locales: tuple[str, ...], origin: Path | None) -> dict[str, str]:
    """`site-name`: one name for every locale, or a table of names by locale."""
    if value is None:
        return {}
    if isinstance(value, str):
        return dict.fromkeys(locales, value)
    names = {}
    for lang, name in dict(value).items():  # type: ignore[call-overload]
        if lang not in locales:
            raise PipelineError(
                f"site-name has a name for '{lang}', which is not a project locale",
                origin,
                hint=did_you_mean(lang, locales, f"the locales are {list(locales)}"),
            )
        if not isinstance(name, str) or not name.strip():
            raise PipelineError(f"site-name for '{lang}' must be a non-empty string", origin)
        names[lang] = name
    return names


def _spelling(
    table: dict[str, Any], locales: tuple[str, ...], origin: Path | None
) -> SpellingSettings:
    """`[tool.pipeline.spelling]`: `dictionaries = {en = "en_GB"}` and
    `word-lists = {da = "spelling/da.txt"}`, each keyed by project locale, and
    `folder-word-lists = {docs = {en = "docs/words-en.txt"}}` keyed by folder."""
    schema.check_keys(table, "tool.pipeline.spelling", origin)
    found: dict[str, dict[str, str]] = {}
    folders = table.get("folder-word-lists", {})
    if not isinstance(folders, dict) or not all(isinstance(v, dict) for v in folders.values()):
        raise PipelineError(
            'spelling folder-word-lists must be a table like {docs = {en = "…"}}', origin
        )
    for key, value in [*table.items(), *folders.items()]:
        if key == "folder-word-lists":
            continue
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise PipelineError(f'spelling {key} must be a table like {{da = "…"}}', origin)
        check_locales(value, f"spelling {key}", locales, origin)
        found[key] = value
    lists = {lang: Path(path) for lang, path in found.get("word-lists", {}).items()}
    by_folder = {
        folder.strip("/"): {lang: Path(path) for lang, path in found[folder].items()}
        for folder in folders
    }
    return SpellingSettings(found.get("dictionaries", {}), lists, folder_word_lists=by_folder)


def for_paths(config: Config, paths: tuple[Path, ...]) -> Config:
    """The config for a run of `paths`: when every one lies in a folder that has word lists
    of its own (`folder-word-lists`), those replace the project's for their languages."""
    spelling = config.spelling
    files = [path for path in paths if str(path) != "-"]
    for folder, lists in spelling.folder_word_lists.items():
        base = (config.root / folder).resolve()
        if files and all(path.resolve().is_relative_to(base) for path in files):
            word_lists = {**spelling.word_lists, **lists}
            return replace(config, spelling=replace(spelling, word_lists=word_lists))
    return config


def _export(table: dict[str, Any], origin: Path | None) -> ExportSettings:
    """`[tool.pipeline.export]`: remote-images, markdown-layout, markdown-dir, min-translated."""
    choices = {"remote-images": REMOTE_IMAGES, "markdown-layout": MARKDOWN_LAYOUTS}
    schema.check_keys(table, "tool.pipeline.export", origin)
    settings = ExportSettings()
    for key, value in table.items():
        if key in choices and value not in choices[key]:
            allowed = " or ".join(repr(choice) for choice in choices[key])
            raise PipelineError(f"export {key} must be {allowed}, not {value!r}", origin)
        if key == "markdown-dir" and (not isinstance(value, str) or not value.strip()):
            raise PipelineError(f"export markdown-dir must be a folder path, not {value!r}", origin)
        share_ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if key == "min-translated" and not (share_ok and 0 <= value <= 1):
            raise PipelineError(
                f"export min-translated must be a share from 0 to 1, not {value!r}",
                origin,
                hint="e.g. min-translated = 0.8 publishes a translation from 80 % translated",
            )
        converted: Any = Path(value) if key == "markdown-dir" else value
        settings = replace(settings, **{key.replace("-", "_"): converted})
    return settings


def _base_url(value: str, origin: Path | None) -> str:
    """`base-url`: an http(s) address; pages are `<base-url>/<lang>/<document>.html`."""
    if not re.match(r"https?://[^\s/]+", value):
        raise PipelineError(
            f"base-url must start with http:// or https://, not {value!r}",
            origin,
            hint='e.g. base-url = "https://example.org/docs/"',
        )
    return value.rstrip("/") + "/"


def _readability(table: dict[str, Any], origin: Path | None) -> ReadabilitySettings:
    """Validate `[tool.pipeline.readability]`: lix-scale and target."""
    schema.check_keys(table, "tool.pipeline.readability", origin)
    settings = ReadabilitySettings()
    for key, value in table.items():
        if key == "lix-scale":
            settings = replace(settings, scale=_scale_name(value), bounds=_scale(value, origin))
        else:
            settings = replace(settings, target=_target(value, origin))
    return settings


def _scale_name(value: object) -> str:
    return value if isinstance(value, str) else "custom"


def _scale(value: object, origin: Path | None) -> tuple[float, ...]:
    if isinstance(value, str) and value in LIX_SCALES:
        return LIX_SCALES[value]
    numbers = value if isinstance(value, list) else []
    if (
        len(numbers) == 4
        and all(isinstance(n, (int, float)) for n in numbers)
        and numbers == sorted(numbers)
    ):
        return tuple(float(n) for n in numbers)
    raise PipelineError(
        f"lix-scale must be {' or '.join(repr(k) for k in LIX_SCALES)} or four rising "
        f"upper bounds like [24, 34, 44, 54], not {value!r}",
        origin,
    )


def _target(value: object, origin: Path | None) -> Target:
    names = {"lix": "lix", "lix-min": "lix_min", "flesch": "flesch"}
    if not isinstance(value, dict):
        raise PipelineError("readability target must be a table like {lix = 40}", origin)
    changes = {}
    for key, number in value.items():
        if key not in names or not isinstance(number, (int, float)) or isinstance(number, bool):
            raise PipelineError(
                f"readability target {key} = {number!r}: use lix, lix-min or flesch with a number",
                origin,
            )
        changes[names[key]] = float(number)
    return replace(Target(), **changes)


def primary_language(tag: str) -> str:
    """Return the primary language subtag: `da-DK` and `da_DK` serve `da`."""
    return tag.replace("_", "-").split("-")[0].lower()


def gettext_locale(code: str) -> str:
    """A BCP 47 tag as gettext names its locale: "zh-CN" is "zh_CN", "da" stays "da"."""
    return code.replace("-", "_")


def check_language(code: object, origin: Path | str | None, line: int | None = None) -> str:
    """Return `code` as gettext names its locale ("zh-CN" is "zh_CN") if it is a BCP 47
    language tag that babel knows, else fail: a locale is one name however it is given."""
    if not isinstance(code, str) or not code:
        raise PipelineError(
            f"language must be a code like 'da' or 'en', not {code!r}", origin, line
        )
    try:
        Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise PipelineError(
            f"unknown language code {code!r}", origin, line, hint="use e.g. 'da' or 'en'"
        ) from None
    return gettext_locale(code)
