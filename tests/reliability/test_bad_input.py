"""The bad-input corpus: every case gets one clear line and exit 2, or is read correctly.

Each case writes one file into a copy of the minimal project and runs a command. No
traceback, one line on stderr naming the file (and line where there is one), and no
file under locales/ or build/ changes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ..conftest import run_cli, snapshot

MD = "source/da/vektorer.md"
PO = "locales/en/LC_MESSAGES/vektorer.po"
GLOSSARY_HEADER = '[tool.pipeline]\nglossary = "terms.{ext}"\n'

# (id, file, content, command, expected start of the stderr line)
ERRORS: list[tuple[str, str, bytes, str, str]] = [
    (
        "md-invalid-utf8",
        MD,
        b"---\nlang: da\n---\n\nGr\xf8n\n",
        "extract",
        "source/da/vektorer.md:5: error: not valid UTF-8",
    ),
    (
        "md-nul-byte",
        MD,
        b"---\nlang: da\n---\n\nA\x00B\n",
        "extract",
        "source/da/vektorer.md:5: error: contains a NUL byte",
    ),
    *(
        (
            f"md-duplicate-name-{command}",
            "source/en/vektorer.md",
            b"---\ntitle: T\nlang: en\n---\n\nText\n",
            command,
            "source/en/vektorer.md: error: document name 'vektorer' is also used by "
            "source/da/vektorer.md",
        )
        for command in ("extract", "check")
    ),
    (
        "md-unclosed-front-matter",
        MD,
        b"---\ntitle: T\nlang: da\n\nText\n",
        "extract",
        "source/da/vektorer.md:1: error: front matter is not closed",
    ),
    (
        "md-front-matter-list",
        MD,
        b"---\n- a\n- b\n---\n\nText\n",
        "extract",
        "source/da/vektorer.md:2: error: front matter must be a mapping",
    ),
    (
        "md-front-matter-yaml",
        MD,
        b"---\ntitle: [x\nlang: da\n---\n",
        "extract",
        "source/da/vektorer.md:3: error: front matter is not valid YAML",
    ),
    (
        "md-no-lang-outside-a-locale-folder",
        "source/udkast.md",
        b"---\ntitle: T\n---\n\nText\n",
        "extract",
        "source/udkast.md:1: error: the document's language is not known (add 'lang: da'",
    ),
    (
        "po-syntax",
        PO,
        b'msgid "a"\nmsgstr "b"\nnonsense\n',
        "extract",
        "locales/en/LC_MESSAGES/vektorer.po:3: error: PO syntax error",
    ),
    (
        "po-unterminated",
        PO,
        b'msgid "a\nmsgstr ""\n',
        "extract",
        "locales/en/LC_MESSAGES/vektorer.po:1: error: malformed string",
    ),
    *(
        (f"po-{case}", PO, content, command, f"locales/en/LC_MESSAGES/vektorer.po:{line}: {error}")
        for command in ("extract", "check")
        for case, content, line, error in (
            (
                "msgstr-without-msgid",  # a deleted msgid line: babel moved the msgstr on
                b'msgid "a"\nmsgstr "A"\n\nmsgstr "B"\n\nmsgid "c"\nmsgstr "C"\n',
                4,
                "error: msgstr with no msgid before it",
            ),
            ("second-msgstr", b'msgid "a"\nmsgstr "A"\nmsgstr "B"\n', 3, "error: msgstr with"),
            ("form-without-plural", b'msgid "a"\nmsgstr[0] "A"\n', 2, "error: msgstr[0] after"),
            ("context-without-msgid", b'msgctxt "x"\nmsgstr "A"\n', 2, "error: msgstr after"),
            ("invalid-escape", b'msgid "a"\nmsgstr "A\\q"\n', 2, "error: invalid escape \\q"),
            # attrs' translators: msgfmt says where; we named the next entry's line
            ("missing-msgstr", b'msgid "a"\n\nmsgid "b"\nmsgstr "B"\n', 1, "error: missing msgstr"),
            (  # msgfmt rejects it; extract kept both, stats and check were silent
                "obsolete-duplicate",
                b'msgid "a"\nmsgstr "A"\n\n#~ msgid "a"\n#~ msgstr "Old"\n',
                4,
                "error: an obsolete entry repeats msgid 'a' of line 1",
            ),
            (  # babel dropped the second, with its comment and fields
                "second-header",
                b'msgid ""\nmsgstr "X-A: 1\\n"\n\n# other\nmsgid ""\nmsgstr "X-B: 2\\n"\n',
                5,
                "error: duplicate header entry (first on line 1)",
            ),
        )
    ),
    (
        "po-duplicate-msgid",
        PO,
        b'msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n',
        "extract",
        "locales/en/LC_MESSAGES/vektorer.po:4: error: duplicate msgid 'a' (first on line 1)",
    ),
    (
        "po-wrong-charset",
        PO,
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\nmsgid "a"\nmsgstr "æble"\n'.encode(),
        "extract",
        "locales/en/LC_MESSAGES/vektorer.po:3: error: the header declares iso-8859-1 but the file is UTF-8",
    ),
    (
        "po-unknown-charset",
        PO,
        b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=klingon\\n"\n',
        "extract",
        "locales/en/LC_MESSAGES/vektorer.po: error: unknown charset 'klingon'",
    ),
    (
        "po-not-utf8",
        PO,
        b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "\xe6ble"\n',
        "extract",
        "locales/en/LC_MESSAGES/vektorer.po:6: error: not valid UTF-8",
    ),
    (
        "po-missing-header",
        PO,
        b'msgid "a"\nmsgstr "b"\n',
        "check",
        "locales/en/LC_MESSAGES/vektorer.po: error: catalog has no Language header",
    ),
    (
        "tbx-not-xml",
        "terms.tbx",
        b"this is not XML",
        "check",
        "terms.tbx:1: error: not well-formed XML",
    ),
    (
        "tbx-xxe",
        "terms.tbx",
        b'<!DOCTYPE martif [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n<martif>&xxe;</martif>',
        "check",
        "terms.tbx:2: error: XML entities are not allowed",
    ),
    (
        "tbx-entity-bomb",
        "terms.tbx",
        b'<!DOCTYPE m [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">\n<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">\n]>\n<m>&c;</m>',
        "check",
        "terms.tbx:2: error: XML entities are not allowed",
    ),
    (
        "csv-missing-columns",
        "terms.csv",
        b"concept,term\nx,y\n",
        "check",
        "terms.csv:1: error: missing column(s): lang",
    ),
    (
        "csv-stray-quote",
        "terms.csv",
        b'concept,lang,term\nx,da,"gen\n',
        "check",
        "terms.csv:2: error: CSV syntax error",
    ),
    (
        "csv-misspelt-status",
        "terms.csv",
        b"concept,lang,term,status\nx,da,gen,prefered\n",
        "check",
        "terms.csv:2: error: unknown status 'prefered' (did you mean 'preferred'?)",
    ),
    (  # Django's glossary said "maybe": it was taken as "no", and the term rules changed
        "csv-unclear-do-not-translate",
        "terms.csv",
        b"concept,lang,term,do_not_translate\nx,da,Django,maybe\nx,en,Django,yes\n",
        "check",
        "terms.csv:2: error: do_not_translate is 'maybe' (write yes or no; empty means no)",
    ),
    (
        "config-wrong-type",
        "pyproject.toml",
        b'[tool.pipeline]\nlocales = "da"\n',
        "extract",
        "pyproject.toml: error: [tool.pipeline] locales must be a list",
    ),
    (
        "config-unknown-key",
        "pyproject.toml",
        b'[tool.pipeline]\nlocale = ["da", "en"]\n',
        "extract",
        "pyproject.toml: error: unknown key 'locale'",
    ),
    (
        "config-bad-toml",
        "pyproject.toml",
        b"[tool.pipeline\n",
        "extract",
        "pyproject.toml:1: error: invalid TOML",
    ),
]

# Inputs that look odd but are valid: they must be read correctly, not refused.
ACCEPTED: list[tuple[str, str, bytes, str]] = [
    ("md-bom", MD, b"\xef\xbb\xbf---\nlang: da\ntitle: Med BOM\n---\n\nTekst.\n", "Med BOM"),
    ("md-crlf", MD, b"---\r\nlang: da\r\ntitle: Med CRLF\r\n---\r\n\r\nTekst.\r\n", "Med CRLF"),
    (
        "md-1mb-line",
        MD,
        b"---\nlang: da\ntitle: Lang linje\n---\n\n" + b"ord " * 262_144 + b"\n",
        "Lang linje",
    ),
    (
        "po-bom",
        PO,
        b'\xef\xbb\xbfmsgid ""\nmsgstr ""\n"Language: en\\n"\n"X-Source-Language: da\\n"\n'
        b'"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Typer"\nmsgstr "Types"\n',
        "Types",
    ),
    (
        "tbx-remote-dtd",
        "terms.tbx",
        b'<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "http://www.lisa.org/TBXcoreStructV02.dtd">\n<martif><text><body><termEntry id="x"><langSet xml:lang="da"><tig><term>vektor</term></tig></langSet></termEntry></body></text></martif>\n',
        "vektor",
    ),
]


def setup(root: Path, name: str, content: bytes) -> None:
    if name.startswith("terms."):
        pyproject = root / "pyproject.toml"
        pyproject.write_text(pyproject.read_text() + f'glossary = "{name}"\n')
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_bytes(content)


@pytest.mark.parametrize(
    ("case", "name", "content", "command", "expected"), ERRORS, ids=[c[0] for c in ERRORS]
)
def test_bad_input_gets_one_clear_line(
    project: Callable[[str], Path],
    case: str,
    name: str,
    content: bytes,
    command: str,
    expected: str,
) -> None:
    root = project("minimal")
    if name.startswith("locales") or name.startswith("terms."):
        assert run_cli("extract").exit_code == 0
    before = snapshot(root)
    setup(root, name, content)
    result = run_cli(command)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(expected), lines[0]
    assert "Traceback" not in result.output
    if name != PO:
        assert snapshot(root) == before  # nothing half-written, nothing changed


@pytest.mark.parametrize(
    ("case", "name", "content", "expected"), ACCEPTED, ids=[c[0] for c in ACCEPTED]
)
def test_odd_but_valid_input_is_read(
    project: Callable[[str], Path], case: str, name: str, content: bytes, expected: str
) -> None:
    root = project("minimal")
    if name.startswith("locales"):
        assert run_cli("extract").exit_code == 0
    setup(root, name, content)
    result = run_cli("extract" if name.endswith(".md") else "check")
    assert result.exit_code in {0, 1}, result.stderr
    if name.endswith(".md"):
        assert expected in (root / "locales/templates/vektorer.pot").read_text()
