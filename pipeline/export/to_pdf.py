"""HTML → tagged PDF (PDF/UA-1) with WeasyPrint, then the gaps WeasyPrint leaves, closed.

WeasyPrint writes the structure tree, /Lang of the document, DisplayDocTitle and
bookmarks, but not the language of a passage (`<span lang="en">` in a Danish page) nor
the expansion of an abbreviation (`<abbr title>`), and it does not stop when the title
is missing. Its tag builder is wrapped so that each structure element made from an
element with `lang` gets /Lang, and each `<abbr>` becomes a /Span with /E (PDF 1.7,
14.9.5): screen readers switch voice and speak the full form, as they do in the HTML.
"""

from __future__ import annotations

import contextlib
import io
import logging
import posixpath
import threading
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


def write_pdf(html: str, base: Path, allowed: Path, title: str) -> tuple[bytes, tuple[str, ...]]:
    """Render `html` (which lives at `base`) to a PDF/UA-1 document and finish its tags;
    with what WeasyPrint warned of, for the caller to name the PDF it is about."""
    import weasyprint

    _tag_languages_and_expansions()
    if not title.strip():
        raise PipelineError("the page has no title; a PDF/UA document needs one", str(base))
    document = weasyprint.HTML(string=html, base_url=str(base), url_fetcher=url_fetcher(allowed))
    with _ONE_AT_A_TIME, _warnings_of("weasyprint") as warnings:  # its logger is shared
        pdf = document.write_pdf(pdf_variant="pdf/ua-1")
    finished, unmended = finish(pdf, title, base)
    # An image with an empty alt is made an artifact (see close_structure_gaps): then
    # WeasyPrint's complaint that it has no words is answered, and `check` reports one a
    # source forgot (`![](icon.png)`) at its line. One left a Figure keeps the warning.
    kept = tuple(w for w in warnings if unmended or not w.endswith(_NO_ALT))
    return finished, kept


_NO_ALT = "has no required alt description"


_ONE_AT_A_TIME = threading.Lock()


@contextlib.contextmanager
def _warnings_of(name: str) -> Iterator[list[str]]:
    """The warnings and errors logger `name` gives inside the block, kept from stderr,
    where they named no file ("No anchor #slutningen for internal URI reference")."""
    logger, warnings = logging.getLogger(name), []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: warnings.append(record.getMessage())  # type: ignore[method-assign]
    propagated, logger.propagate = logger.propagate, False
    logger.addHandler(handler)
    try:
        yield warnings
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagated


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


def finish(pdf: bytes, title: str, base: Path) -> tuple[bytes, int]:
    """Make sure of the title, shown in the viewer's title bar (PDF/UA), close the gaps
    WeasyPrint leaves in the structure tree (see close_structure_gaps), and link other
    documents' PDFs by relative path (see _link_other_pdfs). With the number of images
    left a Figure without words (drawn where they could not be made artifacts)."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        unmended = close_structure_gaps(document)
        _link_other_pdfs(document, base)
        document.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
        with document.open_metadata() as metadata:
            metadata["dc:title"] = title
        document.docinfo["/Title"] = title
        out = io.BytesIO()
        document.save(out, deterministic_id=True)
        return out.getvalue(), unmended or 0


def _link_other_pdfs(document: Any, base: Path) -> None:
    """WeasyPrint resolves a link to another document's PDF (`bloddonation.pdf`) against
    the page at `base`: a URI action to an absolute file under build/html, where no PDF
    is, on this machine only. It becomes a GoToR action to the file by its path from
    `base`'s folder, which is its path from this PDF's (build/pdf mirrors build/html)."""
    import pikepdf

    for page in document.pages:
        for annotation in page.obj.get("/Annots", ()):
            uri = urlparse(str(annotation.get("/A", {}).get("/URI", "")))
            if uri.scheme != "file" or not uri.path.endswith(".pdf"):
                continue
            target = pikepdf.String(posixpath.relpath(unquote(uri.path), base.parent))
            spec = pikepdf.Dictionary(Type=pikepdf.Name.Filespec, F=target, UF=target)
            whole = pikepdf.Array([0, pikepdf.Name.Fit])  # its first page; else the heading
            place = pikepdf.String(unquote(uri.fragment)) if uri.fragment else whole
            annotation.Contents = target
            annotation.A = pikepdf.Dictionary(
                Type=pikepdf.Name.Action,
                S=pikepdf.Name.GoToR,
                F=spec,
                D=place,
            )


def close_structure_gaps(document: Any) -> int:
    """PDF/UA-1 clauses WeasyPrint's structure tree fails, mended in place (pikepdf).

    7.18.5-1: a link whose text holds markup (`[`code`](…)`, an `<abbr>`) gets its
    annotation filed under the inner element; it moves to the enclosing Link. 7.2-20: a
    list item that holds paragraphs (a loose list, a footnote) gets them wrapped in an
    LBody. 7.5-1 (Matterhorn 15-003): a header cell gets its Scope, Column in a header
    row, Row first in a body row. 7.3-1: an image with an empty alt, which HTML reads as
    one that only decorates, is an artifact, not a Figure without words. Upstream:
    Kozea/WeasyPrint#2482 (PDF/UA structure).
    """
    tree = document.Root.get("/StructTreeRoot")
    if tree is None or "/ParentTree" not in tree:
        return 0
    entries = _parent_tree(tree.ParentTree)
    unmended = _decorative_images_as_artifacts(document, entries)
    for element in list(_structure(tree)):
        if element.get("/S") == "/LI":
            _wrap_list_body(document, element, entries)
        if element.get("/S") != "/Link":
            _move_link_annotations(element, entries)
        if element.get("/S") == "/TH":
            _scope(element)
    return unmended


def _scope(cell: Any) -> None:
    """A header cell's /Scope in its table attributes: a row's first header among data
    cells heads that row; any other heads its column (the HTML's scope says the same)."""
    import pikepdf

    row = cell.get("/P")
    cells = [kid for kid in _kids(row) if isinstance(kid, pikepdf.Dictionary)] if row else []
    in_head = row is not None and row.get("/P", {}).get("/S") == "/THead"
    heads_row = (
        not in_head
        and bool(cells)
        and cells[0] == cell
        and any(kid.get("/S") == "/TD" for kid in cells)
    )
    attributes = cell.get("/A")
    if not isinstance(attributes, pikepdf.Dictionary):
        attributes = cell.A = pikepdf.Dictionary(O=pikepdf.Name.Table)
    attributes.Scope = pikepdf.Name.Row if heads_row else pikepdf.Name.Column


def _kids(element: Any) -> list[Any]:
    import pikepdf

    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _structure(tree: Any) -> Iterator[Any]:
    import pikepdf

    stack = list(reversed(_kids(tree)))
    while stack:
        element = stack.pop()
        if isinstance(element, pikepdf.Dictionary) and "/S" in element:
            yield element
            stack += reversed(_kids(element))


def _parent_tree(tree: Any) -> dict[int, tuple[Any, int]]:
    """Where each parent tree number's value is: (the /Nums array, index). A value is a
    page's array of elements by MCID, or an annotation's element."""
    found: dict[int, tuple[Any, int]] = {}
    nodes = [tree]
    while nodes:
        node = nodes.pop()
        nums = node.get("/Nums")
        if nums is not None:
            found.update({int(nums[i]): (nums, i + 1) for i in range(0, len(nums), 2)})
        nodes += list(node.get("/Kids", []))
    return found


def _annotation(kid: Any) -> Any:
    import pikepdf

    if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
        target = kid.get("/Obj")
        if target is not None and target.get("/Subtype") == "/Link":
            return target
    return None


def _move_link_annotations(element: Any, entries: dict[int, tuple[Any, int]]) -> None:
    """A Link annotation under another element goes to the Link around it; with no Link
    around it, the element itself is the link (its text is the link's text)."""
    import pikepdf

    moved = [kid for kid in _kids(element) if _annotation(kid) is not None]
    if not moved:
        return
    link = element.get("/P")
    while link is not None and link.get("/S") not in (None, "/Link"):
        link = link.get("/P")
    if link is None or link.get("/S") != "/Link":
        element.S = pikepdf.Name("/Link")
        return
    element.K = pikepdf.Array([kid for kid in _kids(element) if _annotation(kid) is None])
    link.K = pikepdf.Array([*_kids(link), *moved])
    for kid in moved:
        key = _annotation(kid).get("/StructParent")
        if key is not None and int(key) in entries:
            _replace_entry(entries, int(key), link)


def _replace_entry(entries: dict[int, tuple[Any, int]], key: int, element: Any) -> None:
    """Point parent tree entry `key` (an annotation's) at `element`."""
    nums, index = entries[key]
    nums[index] = element


def _repoint_content(item: Any, kid: Any, body: Any, entries: dict[int, tuple[Any, int]]) -> None:
    """Marked content (an MCID) moved from `item` to `body`: its page's entry follows."""
    import pikepdf

    if isinstance(kid, int):
        mcid, page = kid, item.get("/Pg")
    elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
        mcid, page = int(kid.MCID), kid.get("/Pg", item.get("/Pg"))
    else:
        return
    key = page.get("/StructParents") if page is not None else None
    if key is not None and int(key) in entries:
        nums, index = entries[int(key)]
        elements = nums[index]
        if mcid < len(elements):
            elements[mcid] = body


def _wrap_list_body(document: Any, item: Any, entries: dict[int, tuple[Any, int]]) -> None:
    """LI → Lbl + LBody: everything that is not a label goes into one LBody (WeasyPrint
    splits an item over a page break into two LBodies, a nested list beside them)."""
    import pikepdf

    kids = _kids(item)
    labels = [k for k in kids if _role(k) == "/Lbl"]
    bodies = [k for k in kids if _role(k) == "/LBody"]
    if len(bodies) == 1 and len(labels) + 1 == len(kids):
        return
    body = bodies[0] if bodies else None
    if body is None:
        body = document.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.LBody, P=item)
        )
        if "/Pg" in item:
            body.Pg = item.Pg
    gathered: list[Any] = []
    for kid in kids:
        if _role(kid) == "/Lbl":
            continue
        if _role(kid) == "/LBody":
            moved, source = _kids(kid), kid
        else:
            moved, source = [kid], item
        for part in moved:
            if kid is not body:
                _adopt(body, source, part, entries)
            gathered.append(part)
    body.K = pikepdf.Array(gathered)
    item.K = pikepdf.Array([*labels, body])


def _role(kid: Any) -> str | None:
    import pikepdf

    return str(kid.get("/S")) if isinstance(kid, pikepdf.Dictionary) and "/S" in kid else None


def _adopt(body: Any, source: Any, kid: Any, entries: dict[int, tuple[Any, int]]) -> None:
    """`kid` moves from `source` into `body`: its parent link or parent tree entry follows."""
    if _role(kid) is not None:
        kid.P = body
    elif _annotation(kid) is not None and "/StructParent" in _annotation(kid):
        _replace_entry(entries, int(_annotation(kid).StructParent), body)
    else:
        _repoint_content(source, kid, body, entries)


def _decorative_images_as_artifacts(document: Any, entries: dict[int, tuple[Any, int]]) -> int:
    """A Figure WeasyPrint made of an `<img alt="">` has no /Alt: a screen reader would
    announce an image it cannot describe. HTML's reading is that it only decorates, so its
    marked content becomes an /Artifact and the element leaves the structure tree. Return
    how many are left: one drawn in a group of its own (an opacity) is not found there."""
    import pikepdf

    tree = document.Root.StructTreeRoot
    bare = [
        element
        for element in _structure(tree)
        if element.get("/S") == "/Figure" and "/Alt" not in element and "/ActualText" not in element
    ]
    for page in document.pages:
        on_page = {
            kid: element
            for element in bare
            if element.get("/Pg") == page.obj
            for kid in _kids(element)
            if isinstance(kid, int)
        }
        if not on_page or not _unmark(document, page, set(on_page)):
            continue
        done = {element.objgen for element in on_page.values()}
        bare = [element for element in bare if element.objgen not in done]
        for element in on_page.values():
            parent = element.P
            parent.K = pikepdf.Array([kid for kid in _kids(parent) if kid != element])
        key = page.obj.get("/StructParents")
        if key is not None and int(key) in entries:
            nums, index = entries[int(key)]
            for mcid in on_page:
                if mcid < len(nums[index]):
                    nums[index][mcid] = None
    return len(bare)


def _unmark(document: Any, page: Any, mcids: set[int]) -> bool:
    """Turn the page's content marked as Figure with one of `mcids` into an artifact;
    whether every one was found (else the page is left as it was)."""
    import pikepdf

    instructions = list(pikepdf.parse_content_stream(page))
    found = set()
    for at, instruction in enumerate(instructions):
        operands, operator = instruction.operands, instruction.operator
        if str(operator) != "BDC" or len(operands) != 2 or operands[0] != "/Figure":
            continue
        mcid = operands[1].get("/MCID") if isinstance(operands[1], pikepdf.Dictionary) else None
        if mcid is not None and int(mcid) in mcids:
            found.add(int(mcid))
            instructions[at] = pikepdf.ContentStreamInstruction(
                [pikepdf.Name.Artifact], pikepdf.Operator("BMC")
            )
    if found != mcids:
        return False
    page.Contents = document.make_stream(pikepdf.unparse_content_stream(instructions))
    return True
