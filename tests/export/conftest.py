"""A mini-project exported once per test, half translated, with hostile text in it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polib
import pytest

from ..conftest import run_cli

TRANSLATIONS = {
    "Vektorer i genterapi": "Vectors in gene therapy",
    "Om genterapi": "</title><script>document.title='pwned'</script>",
    "Kort om vektorer, der bringer gener ind i cellerne.": "About vectors that carry genes into cells.",
    "Sådan virker det": "How it works",
    "Lægen giver behandlingen som infusion.": "The doctor gives the treatment as an infusion.",
    "Typer": "Types",
    "Type": "Type <img src=x onerror=\"document.title='pwned'\">",
    "Brug": "Use",
    "Virus": "Virus",
    "Ofte brugt": "Often used <script>document.title = 'pwned'</script>",
    "Tegning af en vektor, der afleverer et gen til en celle": "Drawing of a vector delivering a gene to a cell",
    "Medicinrådets hjemmeside": "The Danish Medicines Council's website",
    "Læs mere hos [Medicinrådet][mr].": "Read more at the [Danish Medicines Council][mr] or [here](javascript:alert(1)).",
}
# Left untranslated on purpose: the long paragraph and the list item "Vektoren finder
# cellerne." fall back to Danish.


@pytest.fixture
def exported(project: Callable[[str], Path]) -> Path:
    root = project("minimal")
    assert run_cli("extract").exit_code == 0
    po = polib.pofile(str(root / "locales/en/LC_MESSAGES/vektorer.po"))
    for entry in po:
        entry.msgstr = TRANSLATIONS.get(entry.msgid, "")
    po.save()
    result = run_cli("export")
    # The hostile msgstrs are kept out of the translated Markdown, each an error (exit 1);
    # the HTML and the PDF show them harmless.
    assert result.exit_code == 1, result.stderr
    assert result.stderr.count(": error: the translation adds") == 3, result.stderr
    return root
