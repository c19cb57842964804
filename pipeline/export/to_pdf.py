"""HTML → tagged PDF (PDF/UA-1) with WeasyPrint, then the gaps WeasyPrint leaves, closed.

WeasyPrint writes the structure tree, /Lang, DisplayDocTitle and bookmarks, but not
the language of a passage (`<span lang="da">` in an English page) and it does not
stop when the title is missing. The passages left in the source language are wrapped
in a `<span lang>` each, and our pages use `<span>` for nothing else. WeasyPrint tags
a `<span>` (each line of it, when it wraps) as a /Span with children, and nothing else
that way, so every such /Span is a passage in the source language and gets its /Lang.
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


def write_pdf(html: str, base: Path, allowed: Path, title: str, fallback_langs: list[str]) -> bytes:
    """Render `html` (which lives at `base`) to a PDF/UA-1 document and finish its tags."""
    import weasyprint

    if not title.strip():
        raise PipelineError("the page has no title; a PDF/UA document needs one", str(base))
    document = weasyprint.HTML(string=html, base_url=str(base), url_fetcher=url_fetcher(allowed))
    pdf = document.write_pdf(pdf_variant="pdf/ua-1")
    return tag_languages(pdf, fallback_langs, title)


def tag_languages(pdf: bytes, langs: list[str], title: str) -> bytes:
    """Give each passage's /Span structure elements their /Lang; make sure of the title."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        spans = list(_language_spans(document.Root.StructTreeRoot))
        if len(set(langs)) > 1 or bool(spans) != bool(langs) or len(spans) < len(langs):
            raise PipelineError(
                f"found {len(spans)} language passages in the PDF structure for "
                f"{len(langs)} in the page"
            )
        for span in spans:
            span.Lang = pikepdf.String(langs[0])
        document.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
        with document.open_metadata() as metadata:
            metadata["dc:title"] = title
        document.docinfo["/Title"] = title
        out = io.BytesIO()
        document.save(out, deterministic_id=True)
        return out.getvalue()


def _language_spans(element: Any) -> Iterator[Any]:
    """/Span elements with element children, in document order."""
    import pikepdf

    kids = element.get("/K")
    children = list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
    structural = [kid for kid in children if isinstance(kid, pikepdf.Dictionary) and "/S" in kid]
    if element.get("/S") == "/Span" and structural:
        yield element
    for kid in structural:
        yield from _language_spans(kid)
