"""Number words of Danish and English ("twenty-one", "halvanden", "tredjepart") as values."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import cache

from pipeline.project.config import primary_language

# A value is a tagged tuple, so that the day 25 and the number 25 are different values.
Value = tuple[object, ...]
# A run of number words: its text, where it starts, its values, and whether it needs a
# counterpart in the other text.
WordRun = tuple[str, int, frozenset[Value], bool]

_NUMBER_WORDS = {
    "en": (
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty",
        "- first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth",
        {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90, "once": 1, "twice": 2, "half": Decimal("0.5"), "quarter": Decimal("0.25"),
         "single": 1, "double": 2, "triple": 3, "ones": 1, "both": 2, "pair": 2, "couple": 2,
         # a die's faces, a complement, a row of cards: "the fives row" is "5'ere"
         "twos": 2, "threes": 3, "fours": 4, "fives": 5, "sixes": 6, "sevens": 7,
         "eights": 8, "nines": 9, "zeros": 0, "zeroes": 0},
    ),
    "da": (
        "nul en to tre fire fem seks syv otte ni ti elleve tolv tretten fjorten femten "
        "seksten sytten atten nitten tyve",
        "- første anden tredje fjerde femte sjette syvende ottende niende tiende ellevte "
        "tolvte trettende fjortende femtende sekstende syttende attende nittende tyvende",
        {"et": 1, "én": 1, "ét": 1, "andet": 2, "tredie": 3, "begge": 2, "par": 2,
         "tredive": 30, "fyrre": 40, "halvtreds": 50,
         "tres": 60, "halvfjerds": 70, "firs": 80, "halvfems": 90, "halvanden": Decimal("1.5"),
         "halvandet": Decimal("1.5"), "halv": Decimal("0.5"), "halvt": Decimal("0.5"),
         "halve": Decimal("0.5"), "kvart": Decimal("0.25"), "dobbelt": 2, "dobbelte": 2,
         "enkelt": 1, "næst": 2},
    ),
}  # fmt: skip
# A month's names, in both languages, written out and cut short: the month's number.
MONTHS = {
    name: number
    for names in (
        "january february march april may june july august september october november december",
        "januar februar marts april maj juni juli august september oktober november december",
        "jan feb mar apr maj jun jul aug sep okt nov dec",
        "jan feb mar apr may jun jul aug sep oct nov dec",
    )
    for number, name in enumerate(names.split(), start=1)
}

MULTIPLIERS = {
    "dozen": 12, "dozens": 12, "dusin": 12, "hundred": 100, "hundrede": 100,
    "thousand": 1000, "tusind": 1000, "tusinde": 1000, "million": 10**6, "millions": 10**6,
    "millioner": 10**6, "mio": 10**6, "billion": 10**9, "milliard": 10**9, "milliarder": 10**9,
    "mia": 10**9,
}  # fmt: skip

_DECIMAL_COMMA = {"da", "de", "nb", "nn", "no", "sv", "fi", "nl", "fr", "es", "it", "pt", "pl"}


def decimal_point(lang: str) -> str:
    """The mark between a number's whole part and its decimals in `lang`."""
    return "," if primary_language(lang) in _DECIMAL_COMMA else "."


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def multiplier_after(text: str, position: int) -> int:
    """What the word after a number multiplies it by: "2 million" is 2,000,000."""
    following = _WORD.match(text, position + 1) if text[position : position + 1] == " " else None
    return MULTIPLIERS.get(following.group().lower(), 0) if following else 0


def number_words(text: str, lang: str) -> Iterator[WordRun]:
    """Runs of number words ("twenty-one", "two dozen", "one and a half") as values, and
    Danish compounds that start with one ("tredjepart", "totalslogaritme")."""
    primary = primary_language(lang)
    table = _word_table(primary)
    words, compounds = _word_patterns(primary)
    run: list[tuple[str, int]] = []
    for found in words.finditer(text):
        start = found.start()
        if start > 1 and text[start - 1] in "&_" and text[start - 2].isalpha():
            continue  # the rest of a word split by an access key: "H&eight" (Height)
        gap = text[run[-1][1] + len(run[-1][0]) : start] if run else ""
        if run and (
            not _RUN_GAP.fullmatch(gap)
            or _ordinal_after_a_count(gap, found, primary)
            or run[-1][0].lower() in _ordinals(primary)  # "første og anden": two numbers
            or _two_counts(gap, run[-1][0], found.group())  # "fire og syv": two as well
        ):
            yield from _run_quantity(run, table, primary)
            run = []
        run.append((found.group(), found.start()))
    yield from _run_quantity(run, table, primary)
    for found in compounds.finditer(text) if compounds else ():
        value = table[found.group().lower()]
        yield found.group(), found.start(), frozenset({("number", value)}), False


# What may stand between the words of one number: "twenty-one", "one and a half".
_RUN_GAP = re.compile(r"-|\s+(?:(?:and|og)\s+)?(?:a\s+)?", re.I)


def _two_counts(gap: str, before: str, word: str) -> bool:
    """ "and"/"og" joins one number only after "hundred" or before "half" ("one hundred
    and five", "one and a half"); "fire og syv" is four and seven."""
    if not _AND.search(gap):
        return False
    return before.lower() not in MULTIPLIERS and word.lower() not in _HALVES


_AND = re.compile(r"\b(?:and|og)\b", re.I)
_HALVES = frozenset({"half", "halv", "halvt", "halve", "quarter", "kvart"})


def _ordinal_after_a_count(gap: str, found: re.Match[str], lang: str) -> bool:
    """ "de to første" is the first two, not one number: an ordinal after a space starts
    a number of its own ("twenty-first" is one)."""
    return gap.isspace() and found.group().lower() in _ordinals(lang)


@cache
def _ordinals(lang: str) -> frozenset[str]:
    return frozenset(_NUMBER_WORDS.get(lang, _NUMBER_WORDS["en"])[1].split()[1:])


@cache
def _word_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """One pattern for the language's number words, and for Danish one for compounds
    that start with one: "tredjeperson", "tyvendedele", "titalslogaritme" ("ti" and "to"
    only before -tals; "nul" never: "nultegn", "nulstil")."""
    table = _word_table(lang)
    words = re.compile(rf"(?<![^\W\d_]){_alternation({*table, *MULTIPLIERS})}(?![^\W\d_])", re.I)
    if lang != "da":
        return words, None
    long, short = _alternation(w for w in table if len(w) >= 4), _alternation(table)
    compounds = re.compile(
        rf"(?<![^\W\d_])(?:{long}(?=[^\W\d_]{{3}})|{short}(?=tals[^\W\d_]))", re.I
    )
    return words, compounds


def _alternation(words: Iterable[str]) -> str:
    """A pattern for any of `words`, the longest first where one begins another, written
    as a tree of shared beginnings: Python's re tries the branches of a flat
    alternation one by one, and these run at the start of every word of a catalog."""
    tree: _Tree = {}
    for word in words:
        node = tree
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}
    return _branches(tree)


_Tree = dict[str, "_Tree"]  # a character → the words' rest; "" where a word ends


def _branches(node: _Tree) -> str:
    longer = [re.escape(c) + _branches(rest) for c, rest in sorted(node.items()) if c]
    if not longer:
        return ""
    inner = longer[0] if len(longer) == 1 else f"(?:{'|'.join(longer)})"
    return f"(?:{inner})?" if "" in node else inner


def _run_quantity(
    run: list[tuple[str, int]], table: dict[str, Decimal], lang: str
) -> Iterator[WordRun]:
    if not run:
        return
    words = [word.lower() for word, _ in run]
    values: set[Value] = {("number", table[word]) for word in words if word in table}
    total = current = Decimal(0)
    for word in words:
        if word in MULTIPLIERS:
            current = (current or Decimal(1)) * MULTIPLIERS[word]
            if MULTIPLIERS[word] >= 1000:
                total, current = total + current, Decimal(0)
        elif word in table:
            current += table[word]
    values.add(("number", (total + current).normalize()))
    # A cardinal other than one needs a counterpart, as digits do ("any two of" → "nogen
    # af"); "one", ordinals and fractions double as pronouns, articles and other words.
    strong = any(word in strong_words(lang) for word in words)
    yield " ".join(word for word, _ in run), run[0][1], frozenset(values), strong


def number_word_count(text: str, lang: str) -> int:
    """How many number words of `lang`, strong or not ("one", "første"), `text` has."""
    return len(_word_patterns(primary_language(lang))[0].findall(text))


@cache
def strong_words(lang: str) -> frozenset[str]:
    """Cardinals other than one, which need a counterpart ("any two of" → "nogen af")."""
    cardinals, _, extra = _NUMBER_WORDS.get(lang, _NUMBER_WORDS["en"])
    tens = {word for word, value in extra.items() if isinstance(value, int) and value >= 30}
    return frozenset(cardinals.split()[:1] + cardinals.split()[2:]) | tens | {"dozen", "dusin"}


@cache
def strong_word_pattern(lang: str) -> re.Pattern[str]:
    """A whole word of `strong_words`, in any case: one scan of a text, not its words."""
    return re.compile(rf"(?<![^\W\d_]){_alternation(strong_words(lang))}(?![^\W\d_])", re.I)


def leading_values(word: str, lang: str) -> set[Decimal]:
    """The values of the number a word starts with, one per number word read: "firkant"
    {4}, "femhundreddele" {5, 500}, "tredimensionel" {3}. A Danish number word ending in
    -e also compounds without it ("fir-kant", "hundred-dele")."""
    primary = primary_language(lang)
    values: set[Decimal] = set()
    total = current = Decimal(0)
    position, word = 0, word.lower()
    while found := _stem_pattern(primary).match(word, position):
        value, multiplies = _stems(primary)[found.group()]
        if multiplies:
            current = (current or Decimal(1)) * value
            total, current = (total + current, Decimal(0)) if value >= 1000 else (total, current)
        else:
            current += value
        values.add(total + current)
        position = found.end()
    return values


@cache
def _stems(lang: str) -> dict[str, tuple[Decimal, bool]]:
    stems = {word: (value, False) for word, value in _word_table(lang).items()}
    stems |= {word: (Decimal(value), True) for word, value in MULTIPLIERS.items()}
    if lang == "da":
        stems |= {w[:-1]: v for w, v in list(stems.items()) if w.endswith("e") and len(w) >= 4}
    return stems


@cache
def _stem_pattern(lang: str) -> re.Pattern[str]:
    return re.compile("|".join(sorted(map(re.escape, _stems(lang)), key=len, reverse=True)))


def word_values(lang: str) -> dict[str, Decimal]:
    """Every number word of `lang` (cardinals, ordinals, "dozen") with its value."""
    return _word_table(lang)


@cache
def _word_table(lang: str) -> dict[str, Decimal]:
    cardinals, ordinals, extra = _NUMBER_WORDS.get(lang, _NUMBER_WORDS["en"])
    table = {word: Decimal(n) for n, word in enumerate(cardinals.split())}
    table |= {word: Decimal(n) for n, word in enumerate(ordinals.split()) if word != "-"}
    table |= {word: Decimal(str(value)) for word, value in extra.items()}
    return table


# "the 19th century" is "1800-tallet"; "the 1990s" is "90'erne", "the 1100s" "1100-tallet".
_CENTURY_AFTER = re.compile(r"(?:st|nd|rd|th)[\s-]centur(?:y|ies)\b", re.I)
DECADE = re.compile(r"(?<!\d)\d\d\d0s\b")


def century_values(text: str, end: int, written: str) -> set[Value]:
    """What a number ending at `end` also stands for when it names a century ("19th
    century": 1800) or a decade ("1990s": 90)."""
    if _CENTURY_AFTER.match(text, end) and written.isdigit():
        return {("number", Decimal((int(written) - 1) * 100))}
    if DECADE.match(text, end - 4) and not written.endswith("00"):
        return {("number", Decimal(written[-2:]))}
    return set()


# What marks an example in either language: a translation may give the locale's own.
EXAMPLE_MARK = re.compile(
    r"\b(?:e\.?g\.?|for (?:example|instance)|f\.?eks\.?|fx|for eksempel|som eksempel|eksempelvis)"
    r"(?!\w)",
    re.IGNORECASE,
)
# An example runs to its closing bracket; "the format "…"" shows one too.
_EXAMPLE = re.compile(
    rf"(?:{EXAMPLE_MARK.pattern})[^)\n]*"
    r"|\bformat(?:et)?:?\s+(?:&quot;|[\"“„«»])(?:(?!&quot;)[^\"”«»\n])*",
    re.IGNORECASE,
)


def example_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` gives an example ("e.g., …", "For example …", "f.eks. …")."""
    return [found.span() for found in _EXAMPLE.finditer(text)]
