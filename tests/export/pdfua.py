"""PDF/UA-1 clauses that veraPDF failed on our exports, checked on the structure tree.

veraPDF (the reference validator) is not on our package registries, so the clauses it
reported are written here as checks with pikepdf: each returns the violations found, in
veraPDF's words and with its clause number.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pikepdf


def _kids(element: Any) -> list[Any]:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def elements(pdf: pikepdf.Pdf) -> Iterator[Any]:
    """Every structure element, depth first, in reading order."""
    stack = list(reversed(_kids(pdf.Root.StructTreeRoot)))
    while stack:
        element = stack.pop()
        if isinstance(element, pikepdf.Dictionary) and "/S" in element:
            yield element
            stack += reversed(_kids(element))


def _role(element: Any) -> str:
    return str(element.get("/S"))


def link_parents(pdf: pikepdf.Pdf) -> list[str]:
    """7.18.5-1: a Link annotation is the child of a Link structure element."""
    found = []
    for element in elements(pdf):
        for kid in _kids(element):
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                annotation = kid.get("/Obj")
                is_link = annotation is not None and annotation.get("/Subtype") == "/Link"
                if is_link and _role(element) != "/Link":
                    found.append(f"7.18.5-1: a Link annotation under {_role(element)}")
    return found


def list_items(pdf: pikepdf.Pdf) -> list[str]:
    """7.2-20: a list item holds only Lbl and LBody."""
    found = []
    for element in elements(pdf):
        if _role(element) == "/LI":
            for kid in _kids(element):
                labelled = isinstance(kid, pikepdf.Dictionary) and "/S" in kid
                if labelled and _role(kid) not in {"/Lbl", "/LBody"}:
                    found.append(f"7.2-20: LI holds {_role(kid)}")
    return found


def heading_levels(pdf: pikepdf.Pdf) -> list[str]:
    """7.4.2-1: heading levels are not skipped."""
    found = []
    level = 0
    for element in elements(pdf):
        role = _role(element)
        if len(role) == 3 and role.startswith("/H") and role[2].isdigit():
            if int(role[2]) > level + 1:
                found.append(f"7.4.2-1: {role[1:]} after H{level}")
            level = int(role[2])
    return found


def tables(pdf: pikepdf.Pdf) -> list[str]:
    """7.2-14: a table with a header has rows of data (a TBody or TRs) too."""
    found = []
    for element in elements(pdf):
        if _role(element) == "/Table":
            roles = [_role(kid) for kid in _kids(element) if isinstance(kid, pikepdf.Dictionary)]
            if "/THead" in roles and not {"/TBody", "/TR"} & set(roles):
                found.append("7.2-14: a Table with a THead and no body")
    return found


def header_scopes(pdf: pikepdf.Pdf) -> list[str]:
    """7.5-1 (Matterhorn 15-003): a header cell says what it heads, by Scope."""
    found = []
    for element in elements(pdf):
        attributes = element.get("/A") if _role(element) == "/TH" else None
        if _role(element) == "/TH" and (attributes is None or "/Scope" not in attributes):
            found.append("7.5-1: a TH with no Scope")
    return found


def parent_tree(pdf: pikepdf.Pdf) -> list[str]:
    """The parent tree agrees with the structure: an annotation's entry is the element
    that holds it, and each marked-content id of a page maps to the element that holds it
    (what assistive technology follows from the page to the structure)."""
    holder: dict[tuple[int, int], Any] = {}
    content: dict[tuple[int, int, int], Any] = {}
    for element in elements(pdf):
        for kid in _kids(element):
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                holder[kid.Obj.objgen] = element
            elif isinstance(kid, int) and "/Pg" in element:
                content[(*element.Pg.objgen, int(kid))] = element
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    values = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    found = []
    for page in pdf.pages:
        for annotation in page.get("/Annots", []):
            key = annotation.get("/StructParent")
            if key is not None and values.get(int(key)) != holder.get(annotation.objgen):
                found.append("parent tree: an annotation's entry is not the element holding it")
        key = page.obj.get("/StructParents")
        for mcid, element in enumerate(values.get(int(key), []) if key is not None else []):
            if content.get((*page.obj.objgen, mcid)) not in (None, element):
                found.append(f"parent tree: MCID {mcid} maps to another element")
    return found


def figure_alternates(pdf: pikepdf.Pdf) -> list[str]:
    """7.3-1 (Matterhorn 13-004): a Figure has alternate text."""
    return [
        "7.3-1: a Figure with no Alt"
        for element in elements(pdf)
        if _role(element) == "/Figure" and not ({"/Alt", "/ActualText"} & set(element.keys()))
    ]


def tagged_content(pdf: pikepdf.Pdf) -> list[str]:
    """7.1-3: content is either an artifact or real content an element holds: each
    marked-content id on a page has an element in the parent tree."""
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    values = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    found = []
    for page in pdf.pages:
        key = page.obj.get("/StructParents")
        held = values.get(int(key), []) if key is not None else []
        for instruction in pikepdf.parse_content_stream(page):
            operands, operator = instruction.operands, instruction.operator
            mcid = operands[1].get("/MCID") if str(operator) == "BDC" else None
            if mcid is not None and (int(mcid) >= len(held) or held[int(mcid)] is None):
                found.append(f"7.1-3: content {operands[0]} (MCID {mcid}) is in no element")
    return found


def embedded_fonts(pdf: pikepdf.Pdf) -> list[str]:
    """7.21.4.1: every font that draws text is embedded. (A glyph missing from every
    font, 7.21.8-1, shows as WeasyPrint's .notdef warning: the tests watch for it.)"""
    found = []
    for page in pdf.pages:
        for name, font in page.Resources.get("/Font", {}).items():
            if not _embedded(font):
                found.append(f"7.21.4.1: font {font.get('/BaseFont')} ({name}) is not embedded")
    return found


def _embedded(font: Any) -> bool:
    descendants = font.get("/DescendantFonts")
    described = descendants[0] if descendants else font
    descriptor = described.get("/FontDescriptor")
    if descriptor is None:
        return font.get("/Subtype") == "/Type3"
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


CLAUSES = (
    link_parents,
    list_items,
    heading_levels,
    tables,
    header_scopes,
    parent_tree,
    figure_alternates,
    tagged_content,
    embedded_fonts,
)


def violations(path: Path) -> list[str]:
    """Every violation of the clauses above in the PDF at `path`."""
    with pikepdf.open(path) as pdf:
        return [problem for clause in CLAUSES for problem in clause(pdf)]
