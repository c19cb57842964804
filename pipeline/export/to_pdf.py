"""HTML → tagged PDF (PDF/UA-1) with WeasyPrint, then the gaps WeasyPrint leaves, closed.

WeasyPrint writes the structure tree, /Lang of the document, DisplayDocTitle and
bookmarks, but not the language of a passage (`<span lang="en">` in a Danish page) nor
the expansion of an abbreviation (`<abbr title>`), and it does not stop when the title
is missing. Its tag builder is wrapped so that each structure element made from an
element with `lang` gets /Lang, and each `<abbr>` becomes a /Span with /E (PDF 1.7,
14.9.5): screen readers switch voice and speak the full form, as they do in the HTML.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from pipeline.project.errors import PipelineError


def url_fetcher(allowed: Path) -> Any:
    """A fetcher that reads files under `allowed` and refuses the network and all else."""
    from weasyprint.urls import URLFetcher

    root = allowed.resolve()

    class ProjectFetcher(URLFetcher):  # type: ignore[misc]  # untyped base class
        def fetch(self, url: str, headers: Any = None) -> Any:
            parsed = urlparse(url)
            if parsed.scheme != "file":
                raise ValueError(f"refused to fetch {url}: only files of the project are read")
            target = Path(unquote(parsed.path)).resolve()
            if not target.is_relative_to(root):
                raise ValueError(f"refused to read {target}: it is outside {root}")
            return super().fetch(url, headers)

    return ProjectFetcher(allowed_protocols={"file"})


def write_pdf(html: str, base: Path, allowed: Path, title: str) -> bytes:
    """Render `html` (which lives at `base`) to a PDF/UA-1 document and finish its tags."""
    import weasyprint

    _tag_languages_and_expansions()
    if not title.strip():
        raise PipelineError("the page has no title; a PDF/UA document needs one", str(base))
    document = weasyprint.HTML(string=html, base_url=str(base), url_fetcher=url_fetcher(allowed))
    pdf = document.write_pdf(pdf_variant="pdf/ua-1")
    return finish(pdf, title)


def _tag_languages_and_expansions() -> None:
    """Wrap WeasyPrint's tag builder (once per process): /Lang and /E from the HTML."""
    import pydyf  # type: ignore[import-untyped]
    from weasyprint.pdf import tags

    build = tags._build_box_tree
    if getattr(build, "marks_languages", False):
        return

    def build_with_marks(box: Any, *args: Any) -> Iterator[Any]:
        html = getattr(getattr(box, "_box", box), "element", None)
        for element in build(box, *args):
            if html is not None and element.get("S") not in (None, "/Document"):
                lang = html.get("lang")
                if lang and html.tag != "html":
                    element["Lang"] = pydyf.String(lang)
                if html.tag == "abbr" and html.get("title"):
                    element["S"] = "/Span"
                    element["E"] = pydyf.String(html.get("title"))
            yield element

    build_with_marks.marks_languages = True  # type: ignore[attr-defined]
    tags._build_box_tree = build_with_marks


def finish(pdf: bytes, title: str) -> bytes:
    """Make sure of the title, shown in the viewer's title bar (PDF/UA)."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        document.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
        with document.open_metadata() as metadata:
            metadata["dc:title"] = title
        document.docinfo["/Title"] = title
        out = io.BytesIO()
        document.save(out, deterministic_id=True)
        return out.getvalue()
