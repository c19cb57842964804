"""Glossaries from TBX (v2 martif and v3 tbx, TBX-Basic) and CSV, validated strictly.

XML is parsed with defusedxml: a DOCTYPE is tolerated (real exports carry one) but
never fetched, and entity declarations are refused, so no file or network is read
and no entity bomb expands.
"""

from __future__ import annotations

import csv
import enum
import io
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from pipeline.project.config import check_language, primary_language
from pipeline.project.errors import PipelineError, did_you_mean
from pipeline.project.files import display_path, read_text

if TYPE_CHECKING:
    from pipeline.project.config import Config


class TermStatus(enum.StrEnum):
    """TBX administrativeStatus, reduced to what the checks act on."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    SUPERSEDED = "superseded"


_STATUS_VALUES = {
    **{f"{s.value}term-admn-sts": s for s in TermStatus},
    **{s.value: s for s in TermStatus},
}
_DO_NOT_TRANSLATE = {"donottranslate", "do not translate", "nottranslatable", "untranslatable"}
_CASE_SENSITIVE_TYPES = {"acronym", "abbreviation", "initialism"}
_SHORT_TYPES = {*_CASE_SENSITIVE_TYPES, "shortform"}


@dataclass(frozen=True, slots=True)
class Term:
    """One term of a concept in one language."""

    text: str
    lang: str
    status: TermStatus
    term_type: str = ""
    part_of_speech: str = ""
    do_not_translate: bool = False

    @property
    def allowed(self) -> bool:
        return self.status in (TermStatus.PREFERRED, TermStatus.ADMITTED)

    @property
    def short(self) -> bool:
        """An acronym or abbreviation (TBX termType), which stands for a full form."""
        return self.term_type.lower() in _SHORT_TYPES

    @property
    def case_sensitive(self) -> bool:
        """Acronyms match by case: "CAR-T" is not "car-t", "SMA" is not "sma"."""
        letters = [c for c in self.text if c.isalpha()]
        upper = sum(1 for c in letters if c.isupper())
        return self.term_type.lower() in _CASE_SENSITIVE_TYPES or (
            upper >= 2 and upper * 2 >= len(letters)
        )


@dataclass(frozen=True, slots=True)
class Concept:
    """A glossary entry: one meaning, its terms in each language."""

    id: str
    terms: tuple[Term, ...]
    definitions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    line: int = 0

    def terms_in(self, lang: str) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.lang == primary_language(lang))

    def preferred(self, lang: str) -> Term | None:
        """The preferred term in `lang` (else the first allowed one)."""
        terms = [t for t in self.terms_in(lang) if t.allowed]
        preferred = [t for t in terms if t.status is TermStatus.PREFERRED]
        return next(iter(preferred or terms), None)

    @property
    def do_not_translate(self) -> bool:
        return any(term.do_not_translate for term in self.terms)

    def full_form(self, lang: str) -> Term | None:
        """What an acronym of this concept stands for in `lang`: its preferred full form."""
        full = [t for t in self.terms_in(lang) if t.allowed and not t.short]
        typed = [t for t in full if t.term_type.lower() == "fullform"]
        preferred = [t for t in typed or full if t.status is TermStatus.PREFERRED]
        return next(iter(preferred or typed or full), None)


@dataclass(frozen=True, slots=True)
class Glossary:
    """A validated glossary."""

    path: str
    concepts: tuple[Concept, ...]

    def concept(self, concept_id: str) -> Concept:
        return next(c for c in self.concepts if c.id == concept_id)

    def names(self) -> frozenset[str]:
        """The words of terms kept as they are in every language (product and institution
        names), lower case: they never tell which language a passage is in. Worked out
        once per glossary: every text of a check and every exported page asks."""
        known = _NAMES.get(id(self))
        if known is None or known[0] is not self:
            words = frozenset(
                word.lower()
                for concept in self.concepts
                for term in concept.terms
                if term.do_not_translate or concept.do_not_translate
                for word in term.text.replace("-", " ").split()
            )
            known = _NAMES[id(self)] = (self, words)
        return known[1]

    def coverage(self) -> dict[str, int]:
        """Concepts with at least one term, per language."""
        counts: dict[str, int] = {}
        for concept in self.concepts:
            for lang in sorted({t.lang for t in concept.terms}):
                counts[lang] = counts.get(lang, 0) + 1
        return counts


_NAMES: dict[int, tuple[Glossary, frozenset[str]]] = {}


def project_glossary(config: Config, override: Path | None = None) -> Glossary | None:
    """The glossary a run uses: `override` (--glossary), else the configured one, or none."""
    path = override or (config.root / config.glossary if config.glossary else None)
    if path is None:
        return None
    shown = display_path(path, config.root)
    if not path.is_file():
        problem = "is a folder, not a glossary file" if path.is_dir() else "not found"
        raise PipelineError(
            f"glossary {problem}", shown, hint="fix glossary in [tool.pipeline] or --glossary"
        )
    return load_glossary(path, shown)


def load_glossary(path: Path, shown: str) -> Glossary:
    """Load a .tbx or .csv glossary; anything invalid is a PipelineError with its line."""
    suffix = path.suffix.lower()
    if suffix not in {".tbx", ".xml", ".csv"}:
        raise PipelineError(
            f"unknown glossary format '{suffix}'", shown, hint="use a .tbx (TBX-Basic) or .csv file"
        )
    text = read_text(path, shown)
    concepts = list(_read_csv(text, shown) if suffix == ".csv" else _read_tbx(text, shown))
    if not concepts:
        raise PipelineError("glossary has no concepts", shown)
    seen: dict[str, int] = {}
    for concept in concepts:
        if concept.id in seen:
            said = f"concept id '{concept.id}' is used twice (first on line {seen[concept.id]})"
            raise PipelineError(said, shown, concept.line)
        seen[concept.id] = concept.line
        _check_terms(concept, shown)
    return Glossary(shown, tuple(concepts))


def _check_terms(concept: Concept, shown: str) -> None:
    """A language no one knows ("xx-QQ"), or one term both allowed and not, is a typo that
    would make the checks quietly wrong."""
    allowed: dict[tuple[str, str], Term] = {}
    for term in concept.terms:
        check_language(term.lang, shown, concept.line)
        other = allowed.setdefault((term.lang, term.text.lower()), term)
        if other.allowed != term.allowed:
            both = f"is both {other.status.value} and {term.status.value} in '{concept.id}'"
            raise PipelineError(f"'{term.text}' ({term.lang}) {both}", shown, concept.line)


# --- TBX ---------------------------------------------------------------------------

_LINE = "{urn:pipeline}line"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class _LineTreeBuilder(ET.TreeBuilder):
    """Record each element's source line as an attribute, for error messages."""

    def __init__(self) -> None:
        super().__init__()
        self.expat: object | None = None

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        line = getattr(self.expat, "CurrentLineNumber", 0)
        return super().start(tag, {**attrs, _LINE: str(line)})


def _parse_xml(text: str, shown: str) -> ET.Element:
    builder = _LineTreeBuilder()
    parser = DefusedXMLParser(target=builder)
    builder.expat = parser.parser
    try:
        parser.feed(text)
        root: ET.Element = parser.close()
    except ET.ParseError as error:
        where: int | None = error.position[0] if error.position else None
        raise PipelineError(
            f"not well-formed XML: {str(error).split(':')[0]}", shown, where
        ) from None
    except DefusedXmlException as error:
        lines = enumerate(text.splitlines(), 1)
        where = next((number for number, line in lines if "<!ENTITY" in line), None)
        raise PipelineError(
            f"XML entities are not allowed in a glossary ({type(error).__name__})",
            shown,
            where,
            hint="remove the <!ENTITY> declarations; they can read files or expand without bound",
        ) from None
    return root


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _line(element: ET.Element) -> int:
    return int(element.get(_LINE, "0"))


def _children(element: ET.Element, *names: str) -> Iterator[ET.Element]:
    return (child for child in element.iter() if _local(child.tag) in names)


def _read_tbx(text: str, shown: str) -> Iterator[Concept]:
    root = _parse_xml(text, shown)
    if _local(root.tag) not in {"martif", "tbx"}:
        raise PipelineError(
            f"not a TBX file: the root element is <{_local(root.tag)}>",
            shown,
            _line(root),
            hint="TBX v2 starts with <martif>, TBX v3 with <tbx>",
        )
    for entry in _children(root, "termEntry", "conceptEntry"):
        yield _concept(entry, shown)


def _concept(entry: ET.Element, shown: str) -> Concept:
    concept_id = (entry.get("id") or "").strip()
    if not concept_id:
        raise PipelineError(f"<{_local(entry.tag)}> has no id", shown, _line(entry))
    terms: list[Term] = []
    for lang_set in _children(entry, "langSet", "langSec"):
        lang = lang_set.get(_XML_LANG) or lang_set.get("lang") or ""
        if not lang:
            raise PipelineError(f"<{_local(lang_set.tag)}> has no xml:lang", shown, _line(lang_set))
        terms += _terms(lang_set, primary_language(lang), shown)
    if not terms:
        raise PipelineError(f"concept '{concept_id}' has no terms", shown, _line(entry))
    definitions = tuple(_texts(entry, "descrip", "definition"))
    notes = tuple(" ".join("".join(n.itertext()).split()) for n in _children(entry, "note"))
    return Concept(concept_id, _default_preferred(terms), definitions, notes, _line(entry))


def _terms(lang_set: ET.Element, lang: str, shown: str) -> Iterator[Term]:
    for group in _children(lang_set, "tig", "ntig", "termSec"):
        term = next(_children(group, "term"), None)
        text = " ".join("".join(term.itertext()).split()) if term is not None else ""
        if not text:
            raise PipelineError("a term group has no <term> text", shown, _line(group))
        notes = {
            (n.get("type") or ""): " ".join("".join(n.itertext()).split())
            for n in _children(group, "termNote")
        }
        yield Term(
            text,
            lang,
            _status(notes.get("administrativeStatus"), shown, _line(group)),
            notes.get("termType", ""),
            notes.get("partOfSpeech", ""),
            notes.get("transferComment", "").lower() in _DO_NOT_TRANSLATE,
        )


def _texts(entry: ET.Element, tag: str, kind: str) -> Iterator[str]:
    for element in _children(entry, tag):
        if element.get("type") == kind:
            yield " ".join("".join(element.itertext()).split())


def _status(value: str | None, shown: str, line: int, csv: bool = False) -> TermStatus:
    """Map an administrativeStatus (TBX) or a status (CSV); None means "not stated"
    (decided per language)."""
    if value is None:
        return TermStatus.ADMITTED
    status = _STATUS_VALUES.get(value.strip().lower())
    if status is None:
        names = [s.value if csv else f"{s.value}Term-admn-sts" for s in TermStatus]
        listed = f"use {', '.join(names[:-1])} or {names[-1]}"
        said = f"unknown {'status' if csv else 'administrativeStatus'} '{value}'"
        raise PipelineError(said, shown, line, hint=did_you_mean(value.strip(), names, listed))
    return status


def _flag(value: str | None, shown: str, line: int) -> bool:
    """do_not_translate: yes or no (and their spellings); empty is no."""
    said = (value or "").strip().lower()
    if said in _YES or said in _NO:
        return said in _YES
    raise PipelineError(
        f"do_not_translate is '{value}'", shown, line, hint="write yes or no; empty means no"
    )


_YES = {"yes", "true", "1", "x", "y", "ja"}
_NO = {"", "no", "false", "0", "n", "nej"}


def _default_preferred(terms: list[Term]) -> tuple[Term, ...]:
    """A language whose terms state no preference gets its first allowed term as preferred."""
    result = list(terms)
    for lang in {t.lang for t in terms}:
        in_lang = [i for i, t in enumerate(result) if t.lang == lang]
        if not any(result[i].status is TermStatus.PREFERRED for i in in_lang):
            first = next((i for i in in_lang if result[i].allowed), None)
            if first is not None:
                old = result[first]
                result[first] = Term(
                    old.text,
                    old.lang,
                    TermStatus.PREFERRED,
                    old.term_type,
                    old.part_of_speech,
                    old.do_not_translate,
                )
    return tuple(result)


# --- CSV ---------------------------------------------------------------------------

CSV_COLUMNS = (
    "concept",  # concept id, e.g. gene-therapy (required)
    "lang",  # language tag, e.g. da or en-GB (required)
    "term",  # the term (required)
    "status",  # preferred | admitted | deprecated | superseded (default: admitted)
    "type",  # fullForm | acronym | abbreviation | …
    "part_of_speech",
    "do_not_translate",  # yes/true/1 for product names and acronyms kept as they are
    "definition",
    "note",
)
_REQUIRED = ("concept", "lang", "term")


def _read_csv(text: str, shown: str) -> Iterator[Concept]:
    reader = csv.DictReader(io.StringIO(text), strict=True)
    rows: list[tuple[int, dict[str, str]]] = []
    last_line = 0
    try:
        header = reader.fieldnames or []
        _check_header(header, shown)
        last_line = reader.line_num
        for row in reader:
            rows.append((last_line + 1, row))
            last_line = reader.line_num
    except csv.Error as error:
        # The record that failed starts on the line after the last good one.
        raise PipelineError(f"CSV syntax error: {error}", shown, last_line + 1) from None
    by_concept: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for line, row in rows:
        if None in row or any(value is None for value in row.values()):
            raise PipelineError("row has a different number of fields than the header", shown, line)
        for column in _REQUIRED:
            if not (row.get(column) or "").strip():
                raise PipelineError(f"empty '{column}'", shown, line)
        by_concept.setdefault(row["concept"].strip(), []).append((line, row))
    for concept_id, entries in by_concept.items():
        terms = [
            Term(
                " ".join(row["term"].split()),
                primary_language(row["lang"].strip()),
                _status(row.get("status") or None, shown, line, csv=True),
                (row.get("type") or "").strip(),
                (row.get("part_of_speech") or "").strip(),
                _flag(row.get("do_not_translate"), shown, line),
            )
            for line, row in entries
        ]
        definitions = tuple(d for _, r in entries if (d := (r.get("definition") or "").strip()))
        notes = tuple(n for _, r in entries if (n := (r.get("note") or "").strip()))
        yield Concept(concept_id, _default_preferred(terms), definitions, notes, entries[0][0])


def _check_header(header: Sequence[str], shown: str) -> None:
    for name in header:
        if name not in CSV_COLUMNS:
            raise PipelineError(
                f"unknown column '{name}' (columns: {', '.join(CSV_COLUMNS)})",
                shown,
                1,
                hint=did_you_mean(name, CSV_COLUMNS),
            )
    missing = [name for name in _REQUIRED if name not in header]
    if missing:
        raise PipelineError(f"missing column(s): {', '.join(missing)}", shown, 1)
