"""Slips of the project's own words (#29): a word written once, one letter from a word the
project writes again and again, is reported even where the dictionary builds it."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from pipeline.languages.project_slips import (
    CODE,
    counted,
    document_words,
    each_word,
    of_written_words,
    slips_of_project_words,
    word_counts,
)

from ..conftest import copy_of_the_project, run_cli


def _slips(text: str, *candidates: str) -> dict[tuple[str, str], str]:
    written = word_counts([("da", text)])
    return slips_of_project_words([("da", word) for word in candidates], written, _known)


def _known(lang: str, word: str) -> bool:
    return True


def test_words_are_counted_in_the_order_they_are_first_written() -> None:
    """Two slips as often written: the first counted is the one meant, so the counts
    must keep the order of the words as written, language by language."""
    texts = [("da", "Mappen og filerne"), ("en", "the files"), ("da", "filen mapper mappen")]
    words = document_words(texts)
    assert list(counted(words).items()) == list(Counter(each_word(words)).items())
    assert list(counted(words))[:4] == [
        ("da", "mappen"), ("da", "filerne"), ("da", "filen"), ("da", "mapper"),
    ]  # fmt: skip
    assert counted(words)["da", "mappen"] == 2


def test_a_word_written_once_beside_one_written_again_is_its_slip() -> None:
    text = "Log på fjerncomputeren. Luk fjerncomputeren. Sluk fjercomputeren."
    assert _slips(text, "fjercomputeren") == {("da", "fjercomputeren"): "fjerncomputeren"}


def test_a_word_written_twice_is_no_slip() -> None:
    text = "fjerncomputeren fjerncomputeren fjercomputeren fjercomputeren"
    assert _slips(text, "fjercomputeren") == {}


def test_another_form_of_the_same_word_is_no_slip() -> None:
    text = "filtret filtret filteret sideskift sideskift sideskifte indstilling indstillinger"
    assert _slips(text, "filteret", "sideskifte", "indstillinger") == {}


def test_a_compound_of_two_words_the_project_writes_is_no_slip() -> None:
    # "datoserie" is "dato" + "serie", both written here: a word of its own.
    text = "En dataserie og en dataserie. En dato i en serie: datoserie."
    assert _slips(text, "datoserie") == {}
    # "fjer" is not written here: "fjercomputeren" is a slip, not a compound.
    text = "En fjerncomputeren og fjerncomputeren; en computeren; fjercomputeren."
    assert _slips(text, "fjercomputeren") == {("da", "fjercomputeren"): "fjerncomputeren"}


def test_a_linking_s_the_project_writes_is_wanted_where_it_lacks() -> None:
    text = "udskriftsområder udskriftsområder udskrift områder udskriftområder"
    assert _slips(text, "udskriftområder") == {("da", "udskriftområder"): "udskriftsområder"}


def test_the_word_meant_must_be_known() -> None:
    written = Counter({("da", "fjerncomputeren"): 3, ("da", "fjercomputeren"): 1})
    found = slips_of_project_words([("da", "fjercomputeren")], written, lambda _, w: False)
    assert found == {}


def test_a_hyphenated_word_of_words_the_project_writes_is_its_own() -> None:
    written = word_counts([("da", "Sysprof måler programmet. Kør Sysprof på programmet.")])
    unknown = lambda _, w: False  # noqa: E731
    assert of_written_words("da", "sysprof-programmet", written, unknown)
    assert not of_written_words("da", "sysprf-programmet", written, unknown)  # a slip of a part
    # Two words the project writes make many a slip: a closed compound is not taken.
    assert not of_written_words("da", "sysprofprogrammet", written, unknown)
    # A part the project writes once is its own if the speller knows it ("menuen").
    assert not of_written_words("da", "sysprof-menuen", written, unknown)
    assert of_written_words("da", "sysprof-menuen", written, lambda _, w: w == "menuen")
    assert not of_written_words("da", "sysprf-menuen", written, lambda _, w: w == "menuen")
    # A part the project writes in its code (`pytkdocs[numpy-style]`, mkdocstrings' docs)
    coded = word_counts([(CODE, "pytkdocs numpy style")])
    assert of_written_words("en", "Numpy-style", coded, lambda _, w: w == "style")
    assert not of_written_words("en", "Nmpy-style", coded, lambda _, w: w == "style")


def test_check_takes_a_name_and_a_word_the_project_writes_for_its_term(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(copy_of_the_project(tmp_path))
    page = Path("source/da/sysprof.md")
    page.write_text(
        "---\nlang: da\n---\n\n# Sysprof\n\nSysprof måler programmet. Kør Sysprof, og se"
        " sysprof-programmet i listen over programmet.\n",
        encoding="utf-8",
    )
    result = run_cli("check", "--format", "json")
    assert "sysprof-programmet" not in [f["data"].get("word") for f in json.loads(result.stdout)]
    assert "made of words the project writes on their own" in result.stderr


def test_check_reports_a_slip_of_a_word_another_document_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(copy_of_the_project(tmp_path))
    # bloedersyge-b.md writes "blødersyge" again and again; "bødersyge" (a dropped l) is
    # "bøder" + "syge" to the dictionary, so only the project's counts see the slip.
    page = Path("source/da/car-t-celleterapi.md")
    page.write_text(page.read_text() + "\nMange med bødersyge får hjælp.\n", encoding="utf-8")
    for _ in range(2):  # a run without a cache, then a run with one: the same finding
        result = run_cli("check", "--format", "json")
        found = [f for f in json.loads(result.stdout) if f["data"].get("word") == "bødersyge"]
        assert len(found) == 1, result.stdout
        assert found[0]["path"].endswith("car-t-celleterapi.md")
        assert found[0]["fix"] == "blødersyge"
        assert "the project writes 'blødersyge'" in found[0]["message"]


def test_a_recheck_counts_the_project_words_as_a_check_without_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(copy_of_the_project(tmp_path))
    run_cli("check")  # the cache holds every document's words and their sum

    def slips() -> list[str]:
        cached = run_cli("check", "--format", "json").stdout
        assert json.loads(cached) == json.loads(
            run_cli("check", "--no-cache", "--format", "json").stdout
        )
        return [f["data"]["word"] for f in json.loads(cached) if "written once" in f["message"]]

    page = Path("source/da/car-t-celleterapi.md")
    page.write_text(page.read_text() + "\nMange med bødersyge får hjælp.\n", encoding="utf-8")
    assert slips() == ["bødersyge"]
    # The word meant, written less than twice, is no evidence: the slip is no finding.
    other = Path("source/da/bloedersyge-b.md")
    other.write_text(other.read_text().replace("blødersyge", "hæmofili"), encoding="utf-8")
    assert slips() == []
    other.unlink()
    (Path("source/da/ny.md")).write_text("# Ny\n\nOm blødersyge og blødersyge.\n", encoding="utf-8")
    assert slips() == ["bødersyge"]


def test_a_name_the_project_writes_in_its_code_is_its_term(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Starlette's docs: "uvicorn" got "did you mean 'unicorn'?" and the fix "unicorn",
    though the docs run `uvicorn main:app` in their code. A word only prose writes is
    still checked."""
    (tmp_path / "source/en").mkdir(parents=True)
    (tmp_path / "source/en/run.md").write_text(
        "# Running\n\nStart uvicorn with the reload option.\n\n```shell\n$ uvicorn main:app\n"
        "```\n\nSend the figures to statsd and read the recieved reply.\n"
    )
    (tmp_path / "pyproject.toml").write_text('[tool.pipeline]\nlocales = ["en", "da"]\n')
    monkeypatch.chdir(tmp_path)
    assert run_cli("extract").exit_code == 0
    result = run_cli("check", "--no-cache", "--format", "json")
    unknown = {
        f["data"]["word"] for f in json.loads(result.stdout) if f["rule"] == "spelling/unknown-word"
    }
    assert "uvicorn" not in unknown
    assert {"statsd", "recieved"} <= unknown
    assert "1 unknown word is a name the project writes in its code" in result.stderr
