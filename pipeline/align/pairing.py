"""Pair a source document's units with the pieces of an existing translation.

Independently kept translations differ in structure: paragraphs merged or split,
sections missing or added, list items reordered, headings reworded. A dynamic
programme over both sequences (as Gale and Church's, with hunalign's idea of adding
content evidence to length) finds the cheapest chain of beads: one unit to one piece,
a unit or piece on its own, two to one, one to two, or two swapped. Each pair then has
to stand on its own evidence: a wrong pair costs a reviewer more than an empty one.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.align.evidence import Profile, dice, joined, length_cost, length_ratio, profile
from pipeline.source.markdown import BlockKind
from pipeline.source.units import Unit

# -log of each bead's prior probability (Gale and Church's figures, a swap rarer still).
_PRIOR = {(1, 1): 0.12, (1, 0): 4.6, (0, 1): 4.6, (2, 1): 2.4, (1, 2): 2.4, (2, 2): 5.0}
_LIST_LIKE = {BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE_CELL}
_NEVER = 1e9
_BAND = 40  # how far from the diagonal a path may wander, beyond the lengths' difference


@dataclass(frozen=True, slots=True)
class Pair:
    """Units of the original (indices) and the pieces of the translation that render them."""

    original: tuple[int, ...]
    translation: tuple[int, ...]
    cost: float  # lower is surer

    @property
    def merged(self) -> bool:
        """Not one to one: several units in one piece, or one unit in several pieces (one
        of which may say what the original does not). A reviewer must split the text."""
        return len(self.original) > 1 or len(self.translation) > 1


@dataclass(frozen=True, slots=True)
class Alignment:
    """The trusted pairs, and whether the two documents are one text at all."""

    pairs: list[Pair]
    paired_share: float  # of the original's units, or of the translation's pieces if fewer
    order_gain: float  # per unit: how much better the pieces fit in their order than shuffled

    @property
    def matches(self) -> bool:
        """Most of both sides paired, or more than half with an order that explains the
        original. Two pages of one manual on one subject pair half their units on length,
        names and glossary terms; only in a translation does the order of the pieces
        matter. On the benchmark's tune pages: 96 % of other pages' texts refused, and
        5.5 % of real (perturbed) translations, which `--force` aligns (held-out: 94 %
        and 5.7 %)."""
        if self.paired_share >= _MATCHED_SHARE:
            return True
        return self.paired_share >= _ORDERED_SHARE and self.order_gain >= _ORDER_GAIN


_RETRIES = 3
_MATCHED_SHARE = 0.7
_ORDERED_SHARE = 0.55
_ORDER_GAIN = 0.5
_SHUFFLES = 2


def align_documents(
    original: Sequence[Unit], translation: Sequence[Unit], terms: dict[str, str] | None = None
) -> Alignment:
    """Align, and say how sure it is that the translation renders the original."""
    first = [profile(unit, terms) for unit in original]
    second = [profile(unit, terms) for unit in translation]
    scorer = _Scorer(first, second)
    raw = _cheapest_path(scorer)
    # Whether the texts match is judged on the first path: reading it closer below
    # changes which pairs a reviewer gets, not how much of the two texts corresponds.
    share = _paired_share(_checked(raw, scorer, first, second), first, second)
    gain = 0.0
    if _ORDERED_SHARE <= share < _MATCHED_SHARE:
        shuffled = [_path_cost(_Scorer(first, _shuffled(second, n))) for n in range(_SHUFFLES)]
        gain = (sum(shuffled) / _SHUFFLES - _path_cost(scorer, raw)) / len(first)
    pairs = _unrivalled(_checked(_read_apart(scorer, raw), scorer, first, second), scorer)
    return Alignment(pairs, share, gain)


def _checked(
    raw: list[Pair], scorer: _Scorer, first: list[Profile], second: list[Profile]
) -> list[Pair]:
    """The pairs of a path that stand on their evidence, their outline or their sections."""
    pairs = _locked_in([pair for pair in raw if _trusted(pair, scorer)], raw)
    return _vouched_for(pairs, first, second)


def _paired_share(pairs: list[Pair], first: list[Profile], second: list[Profile]) -> float:
    """The share of the original's units paired, or of the pieces if that is less."""
    units = sum(len(pair.original) for pair in pairs) / len(first) if first else 0.0
    pieces = len({j for pair in pairs for j in pair.translation}) / len(second) if second else 0.0
    return min(units, pieces)


def _locked_in(trusted: list[Pair], raw: list[Pair]) -> list[Pair]:
    """Trusted pairs, and each cheap one-to-one pair between two trusted one-to-one
    pairs that leave no room for another reading (unit i - 1 with piece j - 1, i + 1 with
    j + 1): the outline around it vouches for it."""
    sure = {(pair.original, pair.translation) for pair in trusted}
    kept = list(trusted)
    for pair in raw:
        if (pair.original, pair.translation) in sure or pair.merged:
            continue
        (i,), (j,) = pair.original, pair.translation
        if pair.cost <= _MOST and {((i - 1,), (j - 1,)), ((i + 1,), (j + 1,))} <= sure:
            kept.append(pair)
    return sorted(kept, key=lambda pair: pair.original)


def _read_apart(scorer: _Scorer, raw: list[Pair]) -> list[Pair]:
    """The path again without the merges and splits that are not trusted: one took a
    clear pair with it (a long paragraph merged with the short item after it, which the
    translation lacks). A pair the first path lacked needs evidence that outweighs its
    length: the rest of the new path pairs on position alone."""
    first = {(pair.original, pair.translation) for pair in raw}
    for _ in range(_RETRIES):
        refused = [pair for pair in raw if pair.merged and not _trusted(pair, scorer)]
        if not refused:
            break
        scorer.forbid(refused)
        raw = _cheapest_path(scorer)
    return [pair for pair in raw if (pair.original, pair.translation) in first or pair.cost <= 0]


def _unrivalled(pairs: list[Pair], scorer: _Scorer) -> list[Pair]:
    """Pairs no unit or piece left unpaired beside them fits as well. Where the
    translation lacks a list item, the items after it pair on position alone, and the
    one the text lacks is as good a match: "The System window in the Windows Control
    Panel" took "Boksene for hvert stykke af udstyr" (the cases and boxes)."""
    units = {i for pair in pairs for i in pair.original}
    pieces = {j for pair in pairs for j in pair.translation}
    kept = []
    for pair in pairs:
        if pair.merged:
            kept.append(pair)
            continue
        (i,), (j,) = pair.original, pair.translation
        rivals = [
            *(
                scorer.cost(k, 1, j, 1)
                for k in (i - 1, i + 1)
                if 0 <= k < len(scorer.first) and k not in units
            ),
            *(
                scorer.cost(i, 1, k, 1)
                for k in (j - 1, j + 1)
                if 0 <= k < len(scorer.second) and k not in pieces
            ),
        ]
        if not rivals or min(rivals) - pair.cost >= _UNRIVALLED:
            kept.append(pair)
    return kept


_UNRIVALLED = 1.0  # how much better a pair must fit than a unit or piece left out beside it


def _vouched_for(pairs: list[Pair], first: list[Profile], second: list[Profile]) -> list[Pair]:
    """Pairs whose sections are paired too, or that stand on their own evidence. Where a
    section has no counterpart (another edition's section in its place), the paragraphs
    under the two headings paired on position alone: "laptops are normal PCs" took
    "Arm64-udstyr blev tilgængelig ret sent"."""
    headed = {(pair.original[0], pair.translation[0]) for pair in pairs}
    above_first, above_second = _sections(first), _sections(second)
    kept = []
    for pair in pairs:
        sections = (above_first[pair.original[0]], above_second[pair.translation[0]])
        vouched = sections in headed or sections == (None, None)
        if vouched or first[pair.original[0]].kind is BlockKind.HEADING or pair.cost <= _UNVOUCHED:
            kept.append(pair)
    return kept


_UNVOUCHED = 2.0  # the most a pair may cost when its sections are not paired


def _sections(profiles: list[Profile]) -> list[int | None]:
    """For each unit, the index of the heading it stands under (None before the first)."""
    found: list[int | None] = []
    current = None
    for index, item in enumerate(profiles):
        found.append(current)
        if item.kind is BlockKind.HEADING:
            current = index
    return found


def _path_cost(scorer: _Scorer, pairs: list[Pair] | None = None) -> float:
    """The whole alignment's cost, counting what it leaves unpaired."""
    pairs = _cheapest_path(scorer) if pairs is None else pairs
    paired = sum(len(pair.original) + len(pair.translation) for pair in pairs)
    left = len(scorer.first) + len(scorer.second) - paired
    return sum(pair.cost for pair in pairs) + left * _PRIOR[(1, 0)]


def _shuffled(profiles: list[Profile], seed: int) -> list[Profile]:
    """The same pieces in another order, each kind where that kind stood (the outline kept)."""
    generator = random.Random(seed)
    result = list(profiles)
    for kind in sorted({p.kind for p in profiles}):  # a set's order changes per process
        places = [index for index, p in enumerate(profiles) if p.kind is kind]
        chosen = [profiles[index] for index in places]
        generator.shuffle(chosen)
        for index, item in zip(places, chosen, strict=True):
            result[index] = item
    return result


def align_units(
    original: Sequence[Unit], translation: Sequence[Unit], terms: dict[str, str] | None = None
) -> list[Pair]:
    """The pairs a reviewer can trust, in the original's order; units left out have none.

    `terms` maps glossary terms of both languages (lower case) to a key per concept, so
    that "genterapi" and "gene therapy" count as the same anchor.
    """
    return align_documents(original, translation, terms).pairs


class _Scorer:
    """Bead costs for one pair of documents, each computed once."""

    def __init__(self, first: list[Profile], second: list[Profile]) -> None:
        self.first, self.second = first, second
        self.ratio = length_ratio(first, second)
        self._known: dict[tuple[int, int, int, int], float] = {}

    def forbid(self, pairs: list[Pair]) -> None:
        """Take these beads out of every path."""
        for pair in pairs:
            i, j = pair.original[0], pair.translation[0]
            self._known[(i, len(pair.original), j, len(pair.translation))] = _NEVER

    def cost(self, i: int, di: int, j: int, dj: int) -> float:
        """Pairing first[i : i + di] with second[j : j + dj]."""
        key = (i, di, j, dj)
        found = self._known.get(key)
        if found is None:
            found = self._known[key] = bead_cost(
                self.first[i : i + di], self.second[j : j + dj], self.ratio
            )
        return found


def bead_cost(first: Sequence[Profile], second: Sequence[Profile], ratio: float) -> float:
    """What pairing these units with these pieces costs: prior, lengths, kinds, content."""
    prior = _PRIOR[(len(first), len(second))]
    if not first or not second:
        return prior
    left, right = joined(first), joined(second)
    cost = prior + length_cost(left.length, right.length, ratio) + _kind_cost(left, right)
    if len(first) > 1 or len(second) > 1:
        kinds = {p.kind for p in first} | {p.kind for p in second}
        if not kinds <= _LIST_LIKE:
            return _NEVER  # headings and titles are never merged or split
        cost += 2.0 * (len(kinds) - 1)
    return cost - _content_bonus(left, right)


def _kind_cost(left: Profile, right: Profile) -> float:
    if left.kind is right.kind:
        return 0.5 * abs(left.depth - right.depth)
    if left.kind in _LIST_LIKE and right.kind in _LIST_LIKE:
        return 2.0
    if BlockKind.HEADING in (left.kind, right.kind):
        return _NEVER  # a heading pairs only with a heading
    return 6.0


def _content_bonus(left: Profile, right: Profile) -> float:
    """Anchors and cognates shared, against those one side has and the other lacks."""
    bonus = 0.0
    if left.anchors or right.anchors:
        bonus += _ANCHOR_WEIGHT * dice(left.anchors, right.anchors) - _ANCHOR_MISSING
    if len(left.cognates) >= 2 and len(right.cognates) >= 2:
        bonus += _COGNATE_WEIGHT * dice(left.cognates, right.cognates) - _COGNATE_MISSING
    return bonus


_ANCHOR_WEIGHT, _ANCHOR_MISSING = 8.0, 2.0
_COGNATE_WEIGHT, _COGNATE_MISSING = 8.0, 1.0


def _cheapest_path(scorer: _Scorer) -> list[Pair]:
    """The DP: total[i][j] is the cheapest way to align first[:i] with second[:j]."""
    n, m = len(scorer.first), len(scorer.second)
    band = _BAND + abs(n - m)
    infinity = float("inf")
    total = [[infinity] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    total[0][0] = 0.0
    for i in range(n + 1):
        centre = i * m // n if n else 0
        for j in range(max(0, centre - band), min(m, centre + band) + 1):
            for di, dj in _PRIOR:
                if di > i or dj > j or total[i - di][j - dj] == infinity:
                    continue
                step = total[i - di][j - dj] + _step_cost(scorer, i, j, di, dj)
                if step < total[i][j]:
                    total[i][j], back[i][j] = step, (di, dj)
    return _read_back(scorer, back)


def _step_cost(scorer: _Scorer, i: int, j: int, di: int, dj: int) -> float:
    if (di, dj) == (2, 2):  # two units whose pieces come in the other order
        crossed = scorer.cost(i - 2, 1, j - 1, 1) + scorer.cost(i - 1, 1, j - 2, 1)
        return crossed + _PRIOR[(2, 2)] - 2 * _PRIOR[(1, 1)]
    return scorer.cost(i - di, di, j - dj, dj)


def _read_back(scorer: _Scorer, back: list[list[tuple[int, int] | None]]) -> list[Pair]:
    pairs: list[Pair] = []
    i, j = len(scorer.first), len(scorer.second)
    while i or j:
        step = back[i][j]
        if step is None:  # outside the band: the rest is unpaired
            break
        di, dj = step
        if (di, dj) == (2, 2):
            pairs.append(Pair((i - 1,), (j - 2,), scorer.cost(i - 1, 1, j - 2, 1)))
            pairs.append(Pair((i - 2,), (j - 1,), scorer.cost(i - 2, 1, j - 1, 1)))
        elif di and dj:
            units, pieces = tuple(range(i - di, i)), tuple(range(j - dj, j))
            pairs.append(Pair(units, pieces, scorer.cost(i - di, di, j - dj, dj)))
        i, j = i - di, j - dj
    return sorted(pairs, key=lambda pair: pair.original)


_MOST = 4.0  # the highest cost a pair may have
_MARGIN = -1.0  # how much cheaper than its rivals next to it a pair must be
_MERGE_MARGIN = 3.0  # how much cheaper a merge must be than one of its parts alone


def _trusted(pair: Pair, scorer: _Scorer) -> bool:
    """A pair stands when it is cheap, its neighbours are no better a match, and a merge or
    split explains the text clearly better than one of its parts on its own would."""
    if pair.cost > _MOST:
        return False
    if pair.merged:
        alone = (
            min(scorer.cost(i, 1, j, 1) for i in pair.original for j in pair.translation)
            + _PRIOR[(1, 0)]
        )
        if alone - pair.cost < _MERGE_MARGIN:
            return False
    first, last = pair.original[0] - 1, pair.original[-1] + 1
    start, end = pair.translation[0] - 1, pair.translation[-1] + 1
    rivals = [
        scorer.cost(i, 1, j, 1)
        for i in range(max(0, first), min(len(scorer.first), last + 1))
        for j in range(max(0, start), min(len(scorer.second), end + 1))
        if (i in pair.original) != (j in pair.translation)
    ]
    return not rivals or min(rivals) - pair.cost >= _MARGIN
