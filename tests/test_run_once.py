"""Work a check does once a run, not once per occurrence or per worker: suggestions only
for the unknown words it reports, and workers that send back only what they added."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.checks.suggestions import suggest
from pipeline.languages.spelling import Speller
from pipeline.project import memo
from pipeline.project.config import SpellingSettings
from pipeline.project.parallel import ordered_map

from .conftest import run_cli


def test_only_the_words_reported_are_suggested_for(
    project: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project("minimal")
    text = "Vi bruger zorbixan her. " * 6 + "Behandlingn gives, og fjernkontrillen virker."
    (root / "source/da/medicin.md").write_text(f"---\nlang: da\n---\n\n# Medicin\n\n{text}\n")
    asked: list[str] = []
    real = Speller.suggestions

    def spy(self: Speller, word: str, most: int = 3, quick: bool = False) -> tuple[str, ...]:
        asked.append(word)
        return real(self, word, most, quick)

    monkeypatch.setattr(Speller, "suggestions", spy)
    monkeypatch.setenv("PIPELINE_JOBS", "1")
    found = json.loads(run_cli("check", "--format", "json").stdout)
    unknown = {f["data"]["word"]: f for f in found if f["rule"] == "spelling/unknown-word"}
    # Written six times: the project's term, reported nowhere, so never suggested for.
    assert "zorbixan" not in unknown
    assert "zorbixan" not in asked
    typo = unknown["Behandlingn"]
    assert typo["fix"] in ("Behandling", "Behandlingen")
    assert typo["data"]["suggestions"].split(", ")[0] == typo["fix"]
    assert typo["message"].startswith(f"unknown word 'Behandlingn'; did you mean '{typo['fix']}'")
    assert asked.count("Behandlingn") == 1


def test_a_word_written_three_times_one_slip_from_its_suggestion_is_still_a_typo(
    project: Callable[[str], Path],
) -> None:
    root = project("minimal")
    # Three times counting its forms ("behandlingn" inside a sentence), twice as written.
    text = "Behandlingn virker.\n\nBehandlingn gives.\n\nVi giver behandlingn."
    (root / "source/da/medicin.md").write_text(f"---\nlang: da\n---\n\n# Medicin\n\n{text}\n")
    found = json.loads(run_cli("check", "--format", "json").stdout)
    typos = [f for f in found if f["data"].get("word", "").lower() == "behandlingn"]
    assert len(typos) == 3
    assert {f["fix"].lower() for f in typos} <= {"behandling", "behandlingen"}


def test_suggestions_on_every_core_are_those_of_one(monkeypatch: pytest.MonkeyPatch) -> None:
    stems = ["behandling", "indstilling", "dialogboks", "værktøjslinje", "regneark", "tabel"]
    words = {("da", stem[:at] + stem[at + 1 :]) for stem in stems for at in range(len(stem))}
    words |= {("da", stem + "rne") for stem in stems} | {("da", stem + "nn") for stem in stems}
    assert len(words) >= 64  # enough to be shared out
    settings = SpellingSettings()
    monkeypatch.setenv("PIPELINE_JOBS", "2")
    shared = suggest(words, settings, ("da", "en"))
    memo.use_folder(None)  # forget what the workers sent back
    monkeypatch.setenv("PIPELINE_JOBS", "1")
    alone = suggest(words, settings, ("da", "en"))
    assert shared == alone
    assert shared["da", "behandlng"][:1] == ("behandling",)


def _add(item: int) -> int:
    memo.table("numbers", "1")[100 + item] = item
    return item


def test_workers_send_back_only_what_they_added(monkeypatch: pytest.MonkeyPatch) -> None:
    memo.table("numbers", "1").update({n: n for n in range(10)})  # this process's own
    sent: list[object] = []
    real = memo.merge

    def spy(entries: dict[str, tuple[str, list[tuple[object, object]]]]) -> None:
        sent.extend(key for _, items in entries.values() for key, _ in items)
        real(entries)

    monkeypatch.setattr(memo, "merge", spy)
    monkeypatch.setenv("PIPELINE_JOBS", "2")
    assert list(ordered_map(_add, range(8), minimum=2)) == list(range(8))
    assert sorted(sent) == list(range(100, 108))
    assert memo.table("numbers", "1") == {
        **{n: n for n in range(10)},
        **{100 + n: n for n in range(8)},
    }
