"""The rule registry: every rule declared once with its id, severity, summary and options."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from pipeline.checks.findings import Finding, Severity
from pipeline.project.errors import PipelineError, did_you_mean

if TYPE_CHECKING:
    from pipeline.project.config import SpellingSettings
    from pipeline.terms.glossary import Glossary

# What a check is given: a scored document or (source, translation) pair of scores
# (readability); a text with term hits, a translated PO entry, or the whole run
# (terminology); any PO message, translated or not (translation QA); a suppression
# that suppressed nothing (meta); an exported page (a11y); a catalog against its
# source (translation/outdated); every relative link of a run with what it may point
# at (links/broken).
Target = Literal[
    "uses",
    "document",
    "translation",
    "text",
    "entry",
    "corpus",
    "message",
    "suppression",
    "page",
    "catalog",
    "links",
]
CheckFn = Callable[[Any, "CheckContext"], Iterator[Finding]]
SEVERITY_NAMES = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO}


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered check; its docstring is the explanation users read."""

    id: str
    severity: Severity
    summary: str
    target: Target
    check: CheckFn
    options: type | None = None

    @property
    def family(self) -> str:
        return self.id.split("/")[0]

    @property
    def explanation(self) -> str:
        return inspect.getdoc(self.check) or ""


_RULES: dict[str, Rule] = {}
# The modules whose rules register themselves when imported. They are imported on the
# first question about rules, not with this package, so `pipeline --help` stays quick.
FAMILY_MODULES = (
    "a11y",
    "links",
    "meta",
    "readability",
    "resource",
    "spelling",
    "term",
    "translation",
    "translation_language",
)


def rule(
    rule_id: str, *, severity: Severity, summary: str, target: Target, options: type | None = None
) -> Callable[[CheckFn], CheckFn]:
    """Register the decorated check under `rule_id`; a duplicate id is a programming error."""

    def register(check: CheckFn) -> CheckFn:
        if rule_id in _RULES:
            raise ValueError(f"rule {rule_id} registered twice")
        _RULES[rule_id] = Rule(rule_id, severity, summary, target, check, options)
        return check

    return register


def _registered() -> dict[str, Rule]:
    for module in FAMILY_MODULES:
        importlib.import_module(f"pipeline.checks.{module}")
    return _RULES


def all_rules() -> list[Rule]:
    """Return every registered rule, sorted by id."""
    rules = _registered()
    return [rules[key] for key in sorted(rules)]


def family_rules(family: str) -> list[Rule]:
    """Return the rules of a family ("term", "term/" or "term/*"), sorted by id."""
    return [found for found in all_rules() if found.family == family.rstrip("/*")]


def find_rule(rule_id: str) -> Rule:
    """Return the rule registered under `rule_id`; an unknown id is an input error."""
    rules = _registered()
    if rule_id not in rules:
        hint = did_you_mean(rule_id, rules, "see `pipeline rules`")
        raise PipelineError(f"unknown rule '{rule_id}'", hint=hint)
    return rules[rule_id]


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What a check gets besides its subject: its effective severity, options, glossary."""

    rule: Rule
    severity: Severity
    options: Any
    glossary: Glossary | None = None
    languages: tuple[str, ...] = ()  # the project's languages
    spelling: SpellingSettings | None = None  # dictionaries and word lists (absolute paths)

    @property
    def names(self) -> frozenset[str]:
        """The glossary's names, which never tell a passage's language."""
        return self.glossary.names() if self.glossary else frozenset()

    def finding(self, path: str, line: int, message: str, **data: str) -> Finding:
        """Build a Finding of this rule at its effective severity."""
        fix = data.pop("fix", None) or None
        data = {key: value for key, value in data.items() if value}
        return Finding(self.rule.id, self.severity, path, line, message, fix, data=data)

    def doubtful(self, path: str, line: int, message: str, **data: str) -> Finding:
        """A finding one level below the rule's severity: what only the meaning can tell
        is a warning where an error is due (and information where a warning is)."""
        found = self.finding(path, line, message, **data)
        return dataclasses.replace(found, severity=Severity(max(Severity.INFO, found.severity - 1)))


@dataclass(frozen=True, slots=True)
class ActiveRule:
    """A rule as configured for this run: on, with severity and options resolved."""

    rule: Rule
    context: CheckContext


def resolve(settings: Mapping[str, Any], origin: str | None = None) -> list[ActiveRule]:
    """Apply `[tool.pipeline.rules]`: severities by family or id, options by id.

    A value is "off", a severity name, or a table with an optional `severity` and
    the rule's options. The most specific key wins. Unknown ids or options fail.
    """
    known = {r.id for r in all_rules()} | {r.family for r in all_rules()}
    for key in settings:
        if key not in known:
            raise PipelineError(
                f"unknown rule '{key}' in [tool.pipeline.rules]",
                origin,
                hint=did_you_mean(key, known, "see `pipeline rules`"),
            )
    active = []
    for registered in all_rules():
        setting = _most_specific(settings, registered)
        severity, option_values = _split_setting(setting, registered, origin)
        if severity is None:
            continue
        options = _build_options(registered, option_values, origin)
        active.append(ActiveRule(registered, CheckContext(registered, severity, options)))
    return active


def _most_specific(settings: Mapping[str, Any], registered: Rule) -> Any:
    merged: dict[str, Any] = {}
    for key in (registered.family, registered.id):
        value = settings.get(key)
        if isinstance(value, str):
            merged["severity"] = value
        elif isinstance(value, Mapping):
            merged.update(value)
    return merged


def _split_setting(
    setting: dict[str, Any], registered: Rule, origin: str | None
) -> tuple[Severity | None, dict[str, Any]]:
    values = dict(setting)
    name = values.pop("severity", None)
    if name is None:
        return registered.severity, values
    if name == "off":
        return None, values
    if name not in SEVERITY_NAMES:
        raise PipelineError(
            f"severity of {registered.id} must be error, warning, info or off, not {name!r}",
            origin,
        )
    return SEVERITY_NAMES[name], values


def _build_options(registered: Rule, values: dict[str, Any], origin: str | None) -> Any:
    if registered.options is None:
        if values:
            raise PipelineError(f"{registered.id} takes no options", origin)
        return None
    names = {f.name.replace("_", "-"): f for f in dataclasses.fields(registered.options)}
    for key, value in values.items():
        if key not in names:
            raise PipelineError(
                f"unknown option '{key}' for {registered.id} (options: {', '.join(sorted(names))})",
                origin,
                hint=did_you_mean(key, names),
            )
        default = getattr(registered.options(), names[key].name)
        if (
            not isinstance(value, (int, float))
            or isinstance(value, bool)
            or (isinstance(default, int) and not isinstance(value, int))
        ):
            raise PipelineError(
                f"option '{key}' of {registered.id} must be a number like {default!r}", origin
            )
    return registered.options(**{names[k].name: v for k, v in values.items()})


def rules_that_ran(
    rules: list[ActiveRule], glossary: bool, pages: bool, readability: bool
) -> list[ActiveRule]:
    """The rules that looked at something: a JUnit report lists a passed testcase for
    each, so term/* and a11y/abbreviation without a glossary, the pages' rules of a check
    of some files (no pages are rendered), and readability/* where nothing was scored
    would pass without having run."""
    return [
        active
        for active in rules
        if (glossary or (active.rule.family != "term" and active.rule.target != "uses"))
        and (pages or active.rule.target != "page")
        and (readability or active.rule.family != "readability")
    ]
