"""The pages render the sample project: documents per language, a document, check my text."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import polib
from starlette.testclient import TestClient

DANISH = {"accept-language": "da-DK,da;q=0.9,en;q=0.8"}


def test_the_documents_page_lists_every_version_per_language(client: TestClient) -> None:
    page = client.get("/").text
    assert '<html lang="en">' in page
    assert 'id="lang-da"' in page
    assert 'id="lang-en"' in page
    links = re.findall(r'href="/documents/([^"#]+)#v-(da|en)"', page)
    assert len(links) == 12  # 6 documents × 2 languages
    assert ("genterapi", "en") in links
    assert page.count('class="band band-') == 12
    assert "Open findings" in page


def test_the_interface_follows_the_browsers_language(client: TestClient) -> None:
    page = client.get("/", headers=DANISH).text
    assert '<html lang="da">' in page
    assert "Dokumenter" in page
    assert "Åbne fund" in page
    check = client.get("/check", headers=DANISH).text
    assert "Tjek min tekst" in check
    assert 'value="da" selected' in check
    english = client.get("/check", headers={"accept-language": "sv, en;q=0.5"}).text
    assert '<html lang="en">' in english
    assert 'value="en" selected' in english


def test_a_document_shows_both_languages_side_by_side_with_hard_sentences_marked(
    client: TestClient,
) -> None:
    page = client.get("/documents/genterapi").text
    assert '<h1 lang="da">Hvad er genterapi?</h1>' in page
    assert 'id="v-da"' in page
    assert 'id="v-en"' in page
    assert '<td lang="da">' in page
    assert '<td lang="en">' in page
    assert "LIX 35.0" in page
    assert "LIX 33.0" in page
    marked = re.findall(r'id="v-(?:da|en)-s\d+" class="s (hard|very-hard)"', page)
    assert marked, "the sample has hard sentences"
    # Never colour alone: every marked sentence also says its band and LIX in words.
    assert page.count('class="badge"') >= len(marked)
    assert "Hardest sentences" in page
    assert re.search(r'<a href="#v-da-s\d+">line \d+</a>: LIX \d+, \d+ words', page)


def test_glossary_findings_are_marked_where_they_stand(client: TestClient, sample: Path) -> None:
    path = sample / "source/da/car-t-celleterapi.md"
    text = path.read_text()
    path.write_text(text.replace("CAR-T-celleterapi", "CAR T-celleterapi", 2))
    page = client.get("/documents/car-t-celleterapi").text
    assert '<mark class="term">CAR T</mark>' in page
    assert "[term/deprecated → CAR-T]" in page
    index = client.get("/").text
    row = re.search(r'car-t-celleterapi#v-da".*?</tr>', index, re.S)
    assert row
    assert "error" in row.group(0)


def test_a_translation_harder_than_its_source_says_so(client: TestClient, sample: Path) -> None:
    catalog = sample / "locales/en/LC_MESSAGES/genterapi.po"
    hard = (
        "Characteristically, comprehensive administration of individualised biotechnological "
        "interventions necessitates considerable interdisciplinary coordination."
    )
    po = polib.pofile(str(catalog))
    for entry in po.translated_entries():
        if len(entry.msgstr.split()) > 8:
            entry.msgstr = hard
    po.save()
    page = client.get("/documents/genterapi").text
    assert "harder than its source" in page
    assert "[readability/translation-harder]" in page


def test_an_unknown_document_or_page_is_a_404_page(client: TestClient) -> None:
    for url in ("/documents/findes-ikke", "/nothing"):
        answer = client.get(url)
        assert answer.status_code == 404
        assert "Page not found" in answer.text
        assert '<html lang="en">' in answer.text


def test_the_check_form_works_without_a_script(client: TestClient) -> None:
    text = (
        "Vi bruger CAR T celler. Behandlingsmulighederne for patienter med arvelige "
        "sygdomme udvikles hurtigt gennem omfattende international forskning."
    )
    page = client.post("/check", data={"text": text, "lang": "da"}).text
    assert re.search(r'<dd id="lix">\d+\.\d \(', page)
    assert "term/deprecated" in page
    assert 'id="hardest"' in page
    bad = client.post("/check", data={"text": "", "lang": "da"})
    assert bad.status_code == 400
    assert "The check failed" in bad.text


def test_a_danish_editor_reads_what_each_finding_is_about_in_danish(client: TestClient) -> None:
    """The findings were the engine's English alone, on the Danish page too."""
    text = "Vi bruger CAR T celler."
    page = client.post("/check", data={"text": text, "lang": "da"}, headers=DANISH).text
    assert (
        '<strong>Teksten bruger et udtryk, som ordlisten fraråder.</strong> <span lang="en">'
    ) in page
    english = client.post("/check", data={"text": text, "lang": "da"}).text
    assert "ordlisten fraråder" not in english
    form = client.get("/check", headers=DANISH).text
    said = json.loads(html.unescape(re.search(r'data-texts="([^"]*)"', form)[1]))  # the script's
    assert said["rule.term/deprecated"] == "Teksten bruger et udtryk, som ordlisten fraråder."


def test_every_rule_is_said_in_danish() -> None:
    from pipeline.checks.registry import all_rules
    from pipeline.web.i18n import texts

    danish = texts("da")
    assert {rule.id for rule in all_rules() if not danish.get(f"rule.{rule.id}")} == set()


def test_outside_a_project_the_check_page_still_works(tmp_path: Path, monkeypatch: object) -> None:
    from pipeline.cli.options import resolve_config
    from pipeline.web.app import create_app

    from .conftest import BASE

    (tmp_path / "pyproject.toml").write_text("[tool.pipeline]\n")
    config = resolve_config(tmp_path / "pyproject.toml")
    client = TestClient(create_app(config), base_url=BASE)
    page = client.get("/")
    assert page.status_code == 200
    assert "source folder not found" in page.text
    assert client.get("/check").status_code == 200
