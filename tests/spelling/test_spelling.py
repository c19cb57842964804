"""Spelling (#18): typos found and false alarms on real text, what the checker knows, and the
word-list command."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from pipeline.languages.dictionaries import load_hunspell
from pipeline.languages.evidence import frequency_table
from pipeline.languages.passages import find_passages
from pipeline.languages.spelling import spellers
from pipeline.languages.technical import (
    LISTED,
    SHORT_WORD,
    TWO_WORDS,
    near_a_word,
    slips_of,
    two_words,
)

from ..conftest import copy_of_the_project, run_cli
from .evaluation import evaluate, ours, plain, suggestion_score

# (recall at least, false alarms per 1,000 words at most), as measured when written.
FLOORS = {"da": (0.93, 0.9), "en": (0.95, 0.1)}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_real_paragraphs_keep_recall_and_few_false_alarms(lang: str) -> None:
    score = evaluate(lang, ours)
    recall, alarms = FLOORS[lang]
    assert score.recall >= recall, score
    assert score.false_alarms <= alarms, score
    assert score.false_alarms * 5 < evaluate(lang, plain).false_alarms  # plain Hunspell


@pytest.mark.parametrize(
    ("lang", "quick", "first", "top_three"),
    [("da", False, 0.70, 0.82), ("en", False, 0.78, 0.90), ("da", True, 0.79, 0.88),
     ("en", True, 0.87, 0.97)],
)  # fmt: skip
def test_suggestions_name_the_word_meant(
    lang: str, quick: bool, first: float, top_three: float
) -> None:
    # As measured with Hunspell's full (100 times slower) suggestion search: da 70 %/83 %,
    # en 80 %/93 %; its quick one must not lose that. The known words one slip away,
    # commonest first (quick=True, for reported words): da 81 %/90 %, en 89 %/99 %.
    score = suggestion_score(lang, quick)
    assert score.first >= first, score
    assert score.top_three >= top_three, score


def _unknown(lang: str, text: str, words: dict[str, Path] | None = None) -> list[str]:
    found = spellers(("da", "en"), {}, words or {}).get(lang)
    assert found is not None
    return [miss.word for miss in found.misspellings(text)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "DHCP-serveren, filvalgsdialogen og diskenhederne virker."),
        ("da", "Genstart BIOS'en, og læs om ATMP'er og CPR-nummeret."),
        ("da", "Vi bruger screening og software, dvs. det samme som sidst."),
        ("da", "Åbn `config.yaml` eller https://sundhed.dk, og skriv åååå-mm-dd."),
        ("da", "Lægen sagde, at Luxturna og Kymriah virker."),
        ("da", "Skriv 中国 eller Ελλάδα i feltet."),  # no Danish dictionary judges them
        ("en", "Unselect the pre-existing foldername and press Enter."),
    ],
)
def test_compounds_acronyms_code_loanwords_and_names_are_known(lang: str, text: str) -> None:
    assert _unknown(lang, text) == []


def test_a_passage_in_the_other_language_is_checked_with_its_dictionary() -> None:
    from pipeline.checks.registry import resolve
    from pipeline.checks.spelling import unknown_word
    from pipeline.project.config import SpellingSettings
    from pipeline.terms.occurrences import term_text

    active = next(a for a in resolve({}) if a.rule.id == "spelling/unknown-word")
    ctx = dataclasses.replace(active.context, languages=("da", "en"), spelling=SpellingSettings())

    def words(text: str) -> list[str]:
        subject = term_text(None, path="x.md", document="x", lang="en", text=text, line=1)
        return [finding.data["word"] for finding in unknown_word(subject, ctx)]

    assert words('The leaflet "Genterapi – hvad er det og hvordan virker det?" is free.') == []
    assert words('The leaflet "Genterapi – hvad er dett og hvordan virker det?" is free.') == [
        "dett"
    ]


def test_typos_that_only_look_like_compounds_are_found() -> None:
    text = "Åbn værkøjslinjen og fjernkontrillen, og vælg behandlingn."
    assert _unknown("da", text) == ["værkøjslinjen", "fjernkontrillen", "behandlingn"]


def test_english_text_takes_no_danish_words_for_english() -> None:
    assert _unknown("en", "Choose the gren tavle in the dislog.") == ["gren", "tavle", "dislog"]


def test_a_word_list_adds_words(tmp_path: Path) -> None:
    words = tmp_path / "words-da.txt"
    words.write_text("# medicines\netranacogene\n", encoding="utf-8")
    assert _unknown("da", "Etranacogene gives én gang.", {"da": words}) == []
    # a slip of a listed word is a typo, where a word far from every word is a name
    assert _unknown("da", "Etranakogene dezaparvovec gives én gang.", {"da": words}) == [
        "Etranakogene"
    ]


def test_a_name_or_identifier_far_from_every_word_is_no_typo() -> None:
    text = "Kør xorriso og syslinux med ckbcomp, men ikke udskrvi eller mellemrun."
    assert _unknown("da", text) == ["udskrvi", "mellemrun"]
    assert _unknown("en", "Run xorriso and syslinux, then pritn the outptu.") == ["pritn", "outptu"]


def test_a_name_by_its_inner_capital_or_its_link_is_no_typo() -> None:
    """Hatch's docs: 12 of 18 findings were names ("CMake", "deepset", "Ofek")."""
    found = [
        _unknown("en", text)
        for text in (
            "CMake builds it.",
            "CVEs are listed.",
            "[deepset](https://www.deepset.ai) uses it.",
            "Ofek Lev [wrote](https://ofek.dev) it.",
            "Balhar [wrote](mailto:lb@x.cz) it.",  # not in the address
        )
    ]
    assert found == [[], [], [], [], ["Balhar"]]
    # The LibreOffice help's slips keep being reported: a lost space, a doubled letter,
    # and Danish acronyms inflected without the apostrophe ("URL'en", "TSA'er").
    danish = "Klik påOpret. IIndsæt en tabel. URLen virker. TSAer gælder. CMake bygger."
    assert _unknown("da", danish) == ["påOpret", "IIndsæt", "URLen", "TSAer"]


# Words of the LibreOffice help near a word by the frequency table, by Hunspell's list, by
# two words Hunspell's compounding takes, and far from every word (names, code, "sccrpting");
# "dezaparvovek" is one slip from a word of the project's word list alone.
NEAR_OR_FAR = [
    *("nævnres", "udførlse", "attrubutter", "kildeteksen", "varibels", "Litteraler"),
    *("eksekverbare", "instantieres", "Makrobibliotekshierari", "issubset", "builtins"),
    *("callable", "OSName", "cmath", "objektinstantiering", "sccrpting", "xorriso"),
    "dezaparvovek",
]


@pytest.mark.parametrize("part", [False, True])
def test_near_a_word_asks_hunspell_once_a_slip_and_says_the_same(part: bool) -> None:
    """The verdict is that of every slip looked up in the frequency table, Hunspell's
    list and its compounds; but Hunspell is asked once a slip, with compounds only if
    the slip is long enough to be two words."""
    speller = spellers(("da", "en"), {}, {}, names=("Dezaparvovec",)).get("da")
    assert speller is not None
    asked: list[str] = []
    spell = speller._hunspell.spell
    plain = load_hunspell(speller.dictionary, compounds=False).spell

    def counted(word: str) -> object:
        asked.append(word)
        return spell(word)

    table = frequency_table("da")
    verdicts = {}
    for word in NEAR_OR_FAR:
        short = len(word) <= SHORT_WORD
        slips = slips_of(word.lower(), inner=short, first=not short, part=part)
        assert all(spell(e) for e in slips if plain(e))  # what it lists it also builds
        parts = lambda w: speller._listed(w) or speller.knows(w)  # noqa: E731
        expected = (
            any(table.get(e, 0.0) >= LISTED for e in slips)
            or any(map(speller._listed, slips))
            or any(spell(e) and two_words(e, parts, ("", "s", "e")) for e in slips)
        )
        own = speller._words
        near = near_a_word(word, "da", speller._listed, speller.knows, counted, part, own)
        assert near == expected, word
        verdicts[word] = near
    assert not verdicts["sccrpting"]
    assert not verdicts["xorriso"]
    assert verdicts["eksekverbare"]  # two words: "eksekver|bare"
    assert verdicts["dezaparvovek"]
    assert asked
    assert min(map(len, asked)) >= TWO_WORDS
    assert len(asked) == len(set(asked))


def test_a_letter_doubled_or_swapped_is_among_the_first_slips_tried() -> None:
    """The near-a-word test stops at the first word found: the few slips that drop or
    swap a letter come before the some 400 that mistype or add one, each slip once."""
    for typo, meant in (("udskrvi", "udskriv"), ("filllen", "fillen"), ("mappne", "mappen")):
        slips = slips_of(typo)
        assert len(slips) == len(set(slips)) > 300
        assert slips.index(meant) < 2 * len(typo)


def test_a_missing_dictionary_is_said_not_passed() -> None:
    found = spellers(("da", "en"), {"da": "xx_XX"}, {})
    assert found.get("da") is None
    assert "no Hunspell dictionary xx_XX" in found.missing["da"]


def test_words_add_grows_the_word_list_and_the_check_then_passes(
    project: object, tmp_path: Path
) -> None:
    root = project("minimal")  # type: ignore[operator]
    (root / "source/da/medicin.md").write_text(
        "---\nlang: da\n---\n\n# Medicin\n\nEtranacogene dezaparvovec er en hemofilibehandling,"
        " og hemofilibehandlingen gives én gang.\n",
        encoding="utf-8",
    )
    with (root / "pyproject.toml").open("a", encoding="utf-8") as config:
        config.write('\n[tool.pipeline.spelling]\nword-lists = { da = "words-da.txt" }\n')
    assert run_cli("extract").exit_code == 0
    before = run_cli("check", "--format", "json")
    words = {
        f["data"]["word"] for f in json.loads(before.stdout) if f["rule"] == "spelling/unknown-word"
    }
    # the medicines' names are far from every word (no typo); a compound the dictionary
    # lacks is one slip from words, so it is reported until the list holds it
    assert words == {"hemofilibehandling", "hemofilibehandlingen"}
    assert "does not exist yet" in before.stderr
    added = run_cli("words", "--add")
    assert added.exit_code == 0, added.stderr
    listed = (root / "words-da.txt").read_text(encoding="utf-8")
    assert "hemofilibehandlingen" in listed
    assert listed.startswith("# Added by `pipeline words --add`")
    after = run_cli("check", "--format", "json")
    assert not [f for f in json.loads(after.stdout) if f["rule"] == "spelling/unknown-word"]


def test_words_add_says_why_it_added_nothing_when_every_word_is_a_likely_typo(
    project: object,
) -> None:
    root = project("minimal")  # type: ignore[operator]
    (root / "source/da/behandling.md").write_text(
        "---\nlang: da\n---\n\n# Behandling\n\nBehandlingn er lang.\n", encoding="utf-8"
    )
    with (root / "pyproject.toml").open("a", encoding="utf-8") as config:
        config.write('\n[tool.pipeline.spelling]\nword-lists = { da = "words-da.txt" }\n')
    assert run_cli("extract").exit_code == 0
    added = run_cli("words", "--add")
    assert added.exit_code == 0, added.stderr
    assert added.stderr.splitlines()[-1] == (
        "words: added no word: the one unknown word is a likely typo: Behandlingn "
        "(da, typo of Behandling); fix it in the text, or add it to a word list by hand"
    )
    assert not (root / "words-da.txt").exists()


def test_a_wrong_spelling_setting_is_a_one_line_error(project: object) -> None:
    root = project("minimal")  # type: ignore[operator]
    with (root / "pyproject.toml").open("a", encoding="utf-8") as config:
        config.write('\n[tool.pipeline.spelling]\nword-list = { da = "words.txt" }\n')
    result = run_cli("check")
    assert result.exit_code == 2
    assert "unknown key 'word-list' in [tool.pipeline.spelling]" in result.stderr
    assert "Traceback" not in result.stderr


# The technical-documentation sets' tuning part (#29: the first set's tune half and the
# second and third tuning sets), as measured when tuned; the held-out half is measured by
# `python -m tests.spelling.evaluation --manuals`, never tuned on.
MANUALS_TUNE_FLOORS = {"da": (0.91, 2.1), "en": (0.93, 1.3)}
# The third tuning set alone: man pages dense with identifiers, the held-out half's kind.
MANUALS_TUNE3_FLOORS = {"da": (0.87, 4.2), "en": (0.92, 2.2)}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_technical_documentation_keeps_recall_and_few_false_alarms(lang: str) -> None:
    from .evaluation import evaluate_manuals

    score = evaluate_manuals(lang, ours, "tune")
    recall, alarms = MANUALS_TUNE_FLOORS[lang]
    assert score.recall >= recall, score
    assert score.false_alarms <= alarms, score


@pytest.mark.parametrize("lang", ["da", "en"])
def test_man_pages_dense_with_identifiers_keep_recall_and_few_false_alarms(lang: str) -> None:
    from .evaluation import MANUALS_FILES, evaluate_manuals, plain

    score = evaluate_manuals(lang, ours, "tune", files=MANUALS_FILES[2:])
    recall, alarms = MANUALS_TUNE3_FLOORS[lang]
    assert score.recall >= recall, score
    assert score.false_alarms <= alarms, score
    hunspell = evaluate_manuals(lang, plain, "tune", files=MANUALS_FILES[2:])
    assert score.false_alarms * 10 < hunspell.false_alarms  # plain Hunspell: 90 and 65


# The later held-out sets (MANUALS.md), each measured once, then floors a little under:
# - the second (tar's and cpio's man pages, the GNOME help's keyboard pages), measured
#   after tuning on the tune sets only (da 84.4 % and 3.4 false alarms per 1,000 words;
#   en 93.8 % and 3.0), then tuned on: da 90.6 % and 1.4, en 93.8 % and 1.5;
# - the third (more coreutils pages, bzip2's and gzip's helper scripts, wdiff, the GNOME
#   help's a11y, mouse, clock and look pages), measured after tuning on the tune sets and
#   the second (da 87.5 % and 2.0; en 93.8 % and 1.3), never tuned on.
# The slips of the project's words (project_slips) then found more Danish typos on the
# second (93.8 %), the third (89.1 %) and the fifth (93.8 %), and English on the fifth
# (90.6 %), no false alarm more.
# (set, language) → (recall at least, false alarms at most, times fewer than Hunspell's)
MANUALS_HELDOUT_FLOORS = {
    ("held-out 2", "da"): (0.93, 1.4, 5),  # plain Hunspell: 43.1
    ("held-out 2", "en"): (0.92, 1.5, 5),  # 21.6
    ("held-out 3", "da"): (0.89, 1.8, 10),  # 29.5
    ("held-out 3", "en"): (0.92, 1.0, 10),  # 23.1
    # the fourth (man pages only Debian 13 translates, and a few more), labelled by a
    # helper who does not tune, measured once: da 89.1 % and 5.9, en 96.9 % and 3.7;
    # tuned on since (words both languages write, Danish derivations): 2.7 and 2.1.
    ("held-out 4", "da"): (0.88, 3.0, 10),  # 69.6
    ("held-out 4", "en"): (0.95, 2.4, 10),  # 44.0
    # the fifth (GNOME application help: seahorse, file-roller), labelled by a helper who
    # does not tune, measured once after the changes above: da 85.9 % and 0.9, en 89.1 %
    # and 0.0 (the session's starting code: 85.9 % and 1.2, 89.1 % and 0.3).
    ("held-out 5", "da"): (0.93, 1.2, 10),  # 13.8
    ("held-out 5", "en"): (0.90, 0.3, 10),  # 9.8
    # the sixth (the whole GNOME help of Boxes, Déjà Dup, Calculator and Sysprof),
    # labelled by a helper who does not tune, measured once after the slips of the
    # project's words: da 89.1 % and 2.7, en 100 % and 0.5 (the same as without them);
    # tuned on since (hyphenated words of the project's words, -bar and -isere): da 1.9;
    # then of a word the project writes and one the speller knows: 1.7.
    ("held-out 6", "da"): (0.89, 1.9, 10),  # 36.7
    ("held-out 6", "en"): (1.0, 0.6, 10),  # 21.9
    # the seventh (the whole GNOME help of Brasero, Web, Document Scanner, Color Manager
    # and Devhelp), labelled by a helper who does not tune, measured once at the end of
    # the round: da 92.2 % and 0.6, en 96.9 % and 0.0 (the round's starting code: 90.6 %
    # and 0.6, 96.9 % and 0.0).
    ("held-out 7", "da"): (0.92, 0.8, 10),  # 29.9
    ("held-out 7", "en"): (0.96, 0.2, 10),  # 16.8
    # the eighth (the whole GNOME help of Cheese, Polari, gedit and Text Editor), labelled
    # by a helper who does not tune, measured once with the seventh's checker unchanged:
    # da 90.6 % and 1.0, en 95.3 % and 0.0; tuned on since (a hyphenated word of a part
    # the project writes and a part the speller knows: "gedit-menuen"): da 0.2.
    ("held-out 8", "da"): (0.90, 0.4, 10),  # 30.4
    ("held-out 8", "en"): (0.95, 0.2, 10),  # 23.8
}


@pytest.mark.parametrize(("held_out", "lang"), sorted(MANUALS_HELDOUT_FLOORS))
def test_unseen_technical_documentation_keeps_its_measured_recall(held_out: str, lang: str) -> None:
    from .evaluation import (
        HELDOUT2_FILES,
        HELDOUT3_FILES,
        HELDOUT4_FILES,
        HELDOUT5_FILES,
        HELDOUT6_FILES,
        HELDOUT7_FILES,
        HELDOUT8_FILES,
        evaluate_manuals,
    )

    every = {
        "held-out 2": HELDOUT2_FILES,
        "held-out 3": HELDOUT3_FILES,
        "held-out 4": HELDOUT4_FILES,
        "held-out 5": HELDOUT5_FILES,
        "held-out 6": HELDOUT6_FILES,
        "held-out 7": HELDOUT7_FILES,
        "held-out 8": HELDOUT8_FILES,
    }
    files = every[held_out]
    score = evaluate_manuals(lang, ours, "held-out", files=files)
    recall, alarms, fewer = MANUALS_HELDOUT_FLOORS[held_out, lang]
    assert score.recall >= recall, score
    assert score.false_alarms <= alarms, score
    hunspell = evaluate_manuals(lang, plain, "held-out", files=files)
    assert score.false_alarms * fewer < hunspell.false_alarms


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Kør chmod og umount, skriv til stdout, og start zsh som login-skal."),
        ("da", "Stien /home/aeb/tel og formen [ugoa...][[-+=] er kode."),
        ("da", "Filens umask'en og bit'en sættes med chmod-systemkaldet."),
        ("da", "Fejlen står i issue-trackeren, og swap-enheden er fuld."),
        ("da", "Tallene er hexadecimale og tekstmæssige, og navnene vises efter demangling."),
        ("da", "Filen er eksekverbar og konfigurerbar; programmet faktoriserer og tokeniserer."),
        ("en", "Set the hostname and the config in the dropdown of the filesystem."),
        ("en", "The serializer and the initializer are inlinable."),
    ],
)
def test_what_technical_text_writes_is_known(lang: str, text: str) -> None:
    assert _unknown(lang, text) == []


def test_a_danish_derivation_needs_its_listed_word() -> None:
    danish = spellers(("da", "en"), {}, {}).get("da")
    assert danish is not None
    assert danish.knows("eksekverbar")
    assert danish.knows("faktoriserer")
    # no verb "eksekvre", no word "faktr", no ending "-siere"
    assert not danish.knows("eksekvrbar")
    assert not danish.knows("faktriserer")
    assert _unknown("da", "Programmet faktorsierer tallet.") == ["faktorsierer"]
    english = spellers(("da", "en"), {}, {}).get("en")
    assert english is not None
    assert english.knows("initializer")
    assert english.knows("lowercased")  # no slip of "lowercase": its past
    assert not english.knows("initialzer")  # no verb "initialze"
    assert _unknown("en", "The calle returns the value.") == ["calle"]  # "called" is no form


def test_a_short_value_given_to_an_option_or_a_tagged_term_is_no_typo() -> None:
    # a man page's format names: after an option, and as the tag a paragraph defines
    assert _unknown("en", "This is the same as -H odc, not --format crc.") == []
    assert _unknown("en", "newc The new (SVR4) portable format.") == []
    assert _unknown("da", "crc Det nye (SVR4) flytbare format.") == []
    # a slip of a common word stays a typo there, and a longer word after an option is prose
    assert _unknown("en", "Use -o whcih to list it.") == ["whcih"]
    assert _unknown("da", "Bemærk at -d og -t flaagene tager formater.") == ["flaagene"]


def test_a_compound_one_slip_from_a_common_word_is_a_typo() -> None:
    assert _unknown("en", "Choose a backround and a standpint.") == ["backround", "standpint"]
    assert _unknown("en", "The filessystem is full.") == ["filessystem"]


def test_a_danish_compound_that_hides_a_slip_is_a_typo() -> None:
    # a head in -ing without its linking s, a letter added to a listed word, a double
    # letter written once, and an English word one slip from one of the commonest
    # Danish words: Hunspell takes each for a compound or a loanword
    text = "Vælg sorteringorden, skærmbreden og linjeskrift i dene fil."
    assert _unknown("da", text) == ["sorteringorden", "skærmbreden", "linjeskrift", "dene"]
    # a head in -tion wants its s though English writes it too; an English -ing does not
    text = "Brug navigationknapper, ikke en streamingtjeneste."
    assert _unknown("da", text) == ["navigationknapper"]


@pytest.mark.parametrize(
    ("text", "typo"),
    [
        ("Klik på værktøjslinen for at åbne den.", "værktøjslinen"),  # linjen: a j dropped
        ("Filen får et tidstempel ved hver ændring.", "tidstempel"),  # the linking s lost
        ("Vælg en baggrundfarven til skrivebordet.", "baggrundfarven"),
        ("Skriv filnavet i feltet.", "filnavet"),  # filnavnet: "fil" is a part of three letters
    ],
)
def test_a_letter_dropped_beside_a_part_of_a_listed_compound_is_a_typo(
    text: str, typo: str
) -> None:
    assert _unknown("da", text) == [typo]


def test_danish_compounds_of_rare_parts_and_linking_s_stay_known() -> None:
    assert _unknown("da", "Filnavnene, værktøjslinjen, tidsstemplet og piletasterne.") == []
    text = "Sorteringsordenen, parringstilstand, skattetakst og sidemargen er ord."
    assert _unknown("da", text) == []
    assert _unknown("da", "Brug help eller merge i en tail af filen.") == []  # loanwords


def test_a_word_the_project_writes_again_and_again_is_its_term(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(copy_of_the_project(tmp_path))
    page = Path("source/da/genterapi.md")
    extra = "\nKør iknude, så iknude og til sidst iknude. Læs iknude-manualen.\n"
    page.write_text(page.read_text() + extra)
    result = run_cli("check", "--format", "json")
    words = [f["data"].get("word") for f in json.loads(result.stdout)]
    assert "iknude" not in words
    assert "iknude-manualen" not in words  # built on the term
    assert "iknude (3)" in result.stderr


def test_words_ranks_terms_first_and_keeps_likely_typos_out_of_the_word_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(copy_of_the_project(tmp_path))
    page = Path("source/da/genterapi.md")
    extra = "\nKør iknude, så iknude og til sidst iknude. Behandlingn er lang.\n"
    page.write_text(page.read_text() + extra)
    lines = run_cli("words").stdout.splitlines()
    assert lines.index("da\t3\tiknude\tterm") < lines.index(
        "da\t1\tBehandlingn\ttypo of Behandling"
    )
    run_cli("words", "--add")
    listed = Path("source/words-da.txt").read_text()
    assert "iknude" in listed
    assert "Behandlingn" not in listed


def test_a_word_the_project_writes_in_both_languages_is_its_term(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(copy_of_the_project(tmp_path))
    danish = Path("source/da/genterapi.md")
    danish.write_text(danish.read_text() + "\nProgrammet sotruss viser kaldene. Læs hjælpn.\n")
    before = run_cli("check", "--format", "json")
    words = [f["data"].get("word") for f in json.loads(before.stdout)]
    assert "sotruss" in words  # near words ("so truss"): reported while only Danish writes it
    english = Path("source/en/spinal-muscular-atrophy.md")
    english.write_text(english.read_text() + "\nThe sotruss program shows the calls.\n")
    after = run_cli("check", "--format", "json")
    words = [f["data"].get("word") for f in json.loads(after.stdout)]
    assert "sotruss" not in words
    assert "hjælpn" in words  # a typo is made in one language
    assert "written the same way in another language of the project" in after.stderr
    assert "sotruss (1)" in after.stderr


def test_a_name_the_translation_copies_from_its_source_is_no_typo(tmp_path: Path) -> None:
    catalog = tmp_path / "help.po"
    catalog.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Language: da\\n"\n"X-Source-Language: en\\n"\n\n'
        'msgid "The soname of the library is read by sotruss."\n'
        'msgstr "Bibliotekets soname læses af sotruss."\n\n'
        'msgid "Print the output of sotruss."\nmsgstr "Udskrvi uddata fra sotruss."\n',
        encoding="utf-8",
    )
    result = run_cli("check", "--no-cache", "--format", "json", str(catalog))
    words = [f["data"].get("word") for f in json.loads(result.stdout)]
    assert words == ["Udskrvi"]


def test_placeholder_latin_is_no_language_and_real_latin_words_stay_checked() -> None:
    """mkdocs-print-site-plugin's demo page: 43 of its 49 spelling findings were lorem
    ipsum ("placerat" → "place rat"), and "massa vel purus interdum imperdiet." was a
    Danish passage. On 1,718 real files (206,690 texts) the 17 runs it finds are all
    lorem ipsum; LibreOffice's help has none."""
    filler = "This page shows filler. Phasellus pulvinar ut sapien nec elementum. Aenean pretium efficitur erat."
    assert _unknown("en", filler) == []
    assert _unknown("en", "Sit in a chair. The sapeien is here.") == ["sapeien"]
    assert _unknown("en", "Lorem and ipsum are placeholder words; pretium is one.") == ["pretium"]
    assert _unknown("en", "Please tellus a varius story.") == ["tellus", "varius"]
    latin = "Se demoen: Phasellus volutpat massa vel purus interdum imperdiet. Det er fyld."
    assert find_passages(latin, "da", ["da", "en"]) == []
