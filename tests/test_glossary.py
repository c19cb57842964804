"""Glossary formats and their validation; XML never reaches outside the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.project.errors import PipelineError
from pipeline.terms.glossary import TermStatus, load_glossary

HERE = Path(__file__).parent / "glossaries"


def test_tbx_v2_with_tig_ntig_statuses_and_notes() -> None:
    glossary = load_glossary(HERE / "v2.tbx", "v2.tbx")
    therapy = glossary.concept("gene-therapy")
    assert [(t.lang, t.text, t.status) for t in therapy.terms] == [
        ("da", "genterapi", TermStatus.PREFERRED),
        ("da", "genbehandling", TermStatus.DEPRECATED),
        ("en", "gene therapy", TermStatus.PREFERRED),
        ("en", "gene treatment", TermStatus.SUPERSEDED),
    ]
    assert therapy.definitions == ("Treatment that changes genetic material.",)
    assert therapy.notes == ("Use in patient texts.",)
    assert therapy.terms[0].part_of_speech == "noun"
    car_t = glossary.concept("car-t")
    assert car_t.do_not_translate
    assert car_t.terms[0].case_sensitive
    assert car_t.terms[0].term_type == "acronym"
    assert glossary.coverage() == {"da": 2, "en": 2}  # da-DK and en-GB serve da and en


def test_tbx_v3_with_namespace_and_default_preferred() -> None:
    glossary = load_glossary(HERE / "v3.tbx", "v3.tbx")
    vector = glossary.concept("vector")
    assert vector.preferred("da").text == "vektor"
    # an English term without status is the preferred one when it is the only one
    assert vector.preferred("en").text == "vector"
    assert vector.preferred("en-US").text == "vector"


def test_csv_glossary() -> None:
    glossary = load_glossary(HERE / "terms.csv", "terms.csv")
    assert glossary.concept("luxturna").do_not_translate
    assert glossary.concept("gene-therapy").preferred("da").text == "genterapi"
    assert glossary.concept("gene-therapy").definitions == ("Behandling med gener",)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


MINIMAL = (
    '<martif type="TBX-Basic"><text><body>\n'
    '<termEntry id="x"><langSet xml:lang="da"><tig><term>x</term></tig></langSet></termEntry>\n'
    "</body></text></martif>\n"
)


@pytest.mark.parametrize(
    ("name", "text", "line", "message"),
    [
        ("a.tbx", "not xml at all", 1, "not well-formed XML"),
        ("a.tbx", "<martif><text>\n<body>\n</martif>", 3, "not well-formed XML"),
        ("a.tbx", "<html><body/></html>", 1, "not a TBX file"),
        (
            "a.tbx",
            '<!DOCTYPE martif [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n<martif>&xxe;</martif>',
            2,
            "XML entities are not allowed",
        ),
        (
            "a.tbx",
            '<!DOCTYPE m [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;">\n]>\n<m>&b;</m>',
            2,
            "XML entities are not allowed",
        ),
        ("a.tbx", MINIMAL.replace(' id="x"', ""), 2, "<termEntry> has no id"),
        ("a.tbx", MINIMAL.replace(' xml:lang="da"', ""), 2, "<langSet> has no xml:lang"),
        (
            "a.tbx",
            MINIMAL.replace(
                "<term>x</term>",
                '<term>x</term><termNote type="administrativeStatus">liked</termNote>',
            ),
            2,
            "unknown administrativeStatus 'liked'",
        ),
        ("a.tbx", MINIMAL.replace("<term>x</term>", "<term> </term>"), 2, "has no <term> text"),
        ("a.tbx", MINIMAL + "", None, None),
        ("a.csv", "concept,lang\nx,da\n", 1, "missing column(s): term"),
        ("a.csv", "concept,lang,term,stauts\nx,da,y,preferred\n", 1, "did you mean 'status'?"),
        ("a.csv", 'concept,lang,term\nx,da,"unclosed\n', 2, "CSV syntax error"),
        ("a.csv", "concept,lang,term\nx,da,y,extra\n", 2, "different number of fields"),
        ("a.csv", "concept,lang,term\nx,,y\n", 2, "empty 'lang'"),
        ("a.csv", "concept,lang,term\n", None, "glossary has no concepts"),
        ("a.csv", "concept,lang,term\nx,xx-QQ,y\n", 2, "unknown language code 'xx'"),
        (
            "a.csv",
            "concept,lang,term,status\nx,da,kladde,preferred\nx,da,Skitse,preferred\n"
            "x,da,skitse,deprecated\n",
            2,
            "'skitse' (da) is both preferred and deprecated in 'x'",
        ),
        ("a.json", "{}", None, "unknown glossary format"),
    ],
)
def test_bad_glossaries_name_file_and_line(
    tmp_path: Path, name: str, text: str, line: int | None, message: str | None
) -> None:
    path = write(tmp_path, name, text)
    if message is None:
        assert load_glossary(path, name).concepts[0].id == "x"
        return
    with pytest.raises(PipelineError) as caught:
        load_glossary(path, name)
    assert caught.value.path == name
    assert caught.value.line == line
    assert message in str(caught.value)


def test_duplicate_concept_ids(tmp_path: Path) -> None:
    entry = (
        '<termEntry id="x"><langSet xml:lang="da"><tig><term>x</term></tig></langSet></termEntry>'
    )
    path = write(
        tmp_path, "d.tbx", f"<martif><text><body>\n{entry}\n{entry}\n</body></text></martif>"
    )
    with pytest.raises(PipelineError, match="used twice"):
        load_glossary(path, "d.tbx")


def test_remote_dtd_is_never_fetched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the parser tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    text = MINIMAL.replace(
        "<martif", '<!DOCTYPE martif SYSTEM "http://www.example.com/TBXBasic.dtd">\n<martif', 1
    )
    glossary = load_glossary(write(tmp_path, "r.tbx", text), "r.tbx")
    assert glossary.concepts[0].id == "x"
