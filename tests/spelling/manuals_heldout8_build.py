"""Build the eighth held-out set of technical documentation (#29): `{da,en}_manuals_heldout8.toml`.

Every earlier held-out set had been measured and tuned on, so a fresh set from text nobody
here had seen must measure the checker changed since. This set is four GNOME applications'
own help, whole: Cheese (cheese-common: webcam photos and videos, burst mode, effects,
resolution), Polari (polari: IRC networks, chat rooms, NickServ, paste services), gedit
(gedit-common: the text editor, its plugins, printing, spell checking, syntax highlighting)
and Text Editor (gnome-text-editor: drafts, search and replace, undo and redo), in Danish and
in the English original from the same Debian 12 packages. Every paragraph is `held-out`.
Same extraction, labelling rule and typo generator as the other sets, with its own labels
and seed, labelled by reading before any checker (ours or Hunspell) ran on the text. See
MANUALS.md.

Run, with the packages unpacked as MANUALS.md says:
    python -m tests.spelling.manuals_heldout8_build /tmp/src10/x
"""

from __future__ import annotations

import sys
from pathlib import Path

from .manuals_build import Build, write
from .manuals_heldout7_build import NOT_SEEDED_HELDOUT7

# (package, version, application): every page of /usr/share/help/{da,C}/APP/, Debian 12.
APPS = (
    ("cheese-common", "43.0-1", "cheese"),
    ("polari", "43.0-1", "polari"),
    ("gedit-common", "44.2-1", "gedit"),
    ("gnome-text-editor", "43.2-1", "gnome-text-editor"),
)

# Real typos in the text as published (word as written: the correction), by reading.
# Only words that are not words (a checker can find them); real-word slips are in MANUALS.md.
PUBLISHED: dict[str, dict[str, str]] = {
    "da": {
        "Billede-tilsand": "Billede-tilstand",  # cheese/introduction
        "indtastningfelt": "indtastningsfelt",  # gnome-text-editor/edit-search-and-replace
    },
    "en": {
        "Embeded": "Embedded",  # gedit/gedit-plugins-pyconsole
    },
}

# Typos chosen by hand, before any checker ran, that a translator makes in long words and
# compounds: (word, typo). Each goes in the first paragraph with that word and no other.
COMPOUNDS: dict[str, list[tuple[str, str]]] = {
    "da": [
        ("udvidelsesmodulet", "udvidelsemodulet"),  # udvidelses+modulet without the joint's s
        ("fuldskærmstilstand", "fuldskærmtilstand"),  # the linking s left out
        ("tekstredigeringsprogrammerne", "tekstredigeringsprogramerne"),  # the mm written once
        ("syntaksfremhævning", "syntaksfremhævnig"),  # -ning without its n
        ("kladdemappen", "kladdemapen"),  # the pp written once
        ("revisionsstyringsprogram", "revisionstyringsprogram"),  # the joint's s and styring's
        ("webkameraprogram", "webkammeraprogram"),  # kamera with kammer's double m
        ("sorteringsindstillinger", "sorteringsindstilinger"),  # the ll written once
    ],
    "en": [
        ("screenshot", "screenshoot"),  # screen+shoot
        ("chatrooms", "chatroms"),  # the oo written once
        ("successfully", "successfuly"),  # -fully with one l
        ("precedence", "precendence"),  # an n too many, as in 'precendent'
        ("repetitive", "repetative"),  # -itive as -ative
        ("highlighting", "hightlighting"),  # a t after high, as in 'hight'
        ("occurrences", "occurences"),  # the rr written once
        ("functionality", "functionallity"),  # the l doubled
    ],
}

# Seeded typos that are themselves words (no speller can find them), by reading.
FORMS_WORD: dict[str, set[str]] = {
    "da": {"bede", "burger", "filler"},  # for bedre, bruger, filer: pray/beet, a burger, rags
    "en": {"liens"},  # for lines
}

# Never seeded, on top of the other sets' words: the programs, file names and identifiers
# these pages write in lower case (`gedit` and its genitive `gedits`, `flatpak`, the version
# control programs `bazaar` and `subversion`, the folder `.local`, HTML's `textarea`, the
# placeholder `commandname`).
HELDOUT8_NOT_SEEDED = {
    "gedit", "gedits", "flatpak", "bazaar", "subversion", "local", "textarea", "commandname",
}  # fmt: skip
NOT_SEEDED_HELDOUT8 = {
    "da": NOT_SEEDED_HELDOUT7["da"] | HELDOUT8_NOT_SEEDED,
    "en": NOT_SEEDED_HELDOUT7["en"] | HELDOUT8_NOT_SEEDED,
}

HEADER = {
    "da": "Danish technical documentation, eighth held-out set: prose paragraphs of the Danish\n"
    "# help of Cheese (cheese-common 43.0-1), Polari (polari 43.0-1), gedit (gedit-common\n"
    "# 44.2-1) and Text Editor (gnome-text-editor 43.2-1), as Debian 12 ships them.",
    "en": "English technical documentation, eighth held-out set: prose paragraphs of the\n"
    "# English help of Cheese (cheese-common 43.0-1), Polari (polari 43.0-1), gedit\n"
    "# (gedit-common 44.2-1) and Text Editor (gnome-text-editor 43.2-1), the originals of the\n"
    "# Danish set, as Debian 12 ships them.",
}

HELDOUT8 = Build(
    suffix="_heldout8",
    sources={"da": [], "en": []},
    topics={"da": (), "en": ()},
    published=PUBLISHED,
    compounds=COMPOUNDS,
    forms_word=FORMS_WORD,
    not_seeded=NOT_SEEDED_HELDOUT8,
    seeded=56,
    seed=2948,
    split="held-out",
    header=HEADER,
    builder="manuals_heldout8_build.py",
    apps=APPS,
)


def main() -> None:
    unpacked = Path(sys.argv[1])
    for lang in ("da", "en"):
        print(write(lang, unpacked, HELDOUT8))


if __name__ == "__main__":
    main()
