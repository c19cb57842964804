"""The pages: the documents per language, one document in every language, and "check my text".

Each page is rendered on the server from what is saved, in the browser's language; the
check page's script only makes it follow your typing (without it, the form posts).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from pipeline.project.errors import PipelineError
from pipeline.project.language_tags import with_language_tags
from pipeline.readability.levels import lix_band
from pipeline.web import views
from pipeline.web.api import BadRequest, engine_of, parse
from pipeline.web.engine import Snapshot
from pipeline.web.guard import TooLarge, read_limited
from pipeline.web.i18n import language_name, negotiate, texts

_TEMPLATES = Environment(
    loader=PackageLoader("pipeline.web", "templates"),
    autoescape=select_autoescape(["j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
CHECK_TOP = 5  # hard sentences the check page lists


def render(request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
    """A page in the interface language the browser asks for."""
    ui = negotiate(request.headers.get("accept-language"))
    config = engine_of(request).config
    names = {lang: language_name(lang, ui).capitalize() for lang in config.locales}
    html = _TEMPLATES.get_template(template).render(
        ui=ui, t=texts(ui), names=names, site_name=config.site(ui), **values
    )
    return HTMLResponse(with_language_tags(html), status_code=status)


async def documents(request: Request) -> Response:
    """GET /: every document per language, with its LIX band and open findings."""
    try:
        snapshot = await run_in_threadpool(engine_of(request).snapshot)
    except PipelineError as error:  # not a project, or a source that cannot be read
        return render(request, "documents.html.j2", page="documents", problem=str(error))
    settings = engine_of(request).config.readability
    rows = views.document_rows(snapshot, settings)
    return render(request, "documents.html.j2", page="documents", languages=rows)


async def document(request: Request) -> Response:
    """GET /documents/NAME: one document in every language, side by side."""
    name = request.path_params["name"]
    try:
        snapshot: Snapshot | None = await run_in_threadpool(engine_of(request).snapshot)
    except PipelineError:
        snapshot = None
    versions = views.versions_of(snapshot, name) if snapshot else []
    if not versions:
        return not_found(request)
    settings = engine_of(request).config.readability
    counts = {v.anchor: v.score.counts for v in versions}
    return render(
        request,
        "document.html.j2",
        page="document",
        title=versions[0].score.title,
        versions=versions,
        bands={anchor: lix_band(c.lix, settings.bounds) for anchor, c in counts.items()},
        hardest={v.anchor: views.hardest_of(v, settings) for v in versions},
        harder={v.anchor: views.translation_harder(v) for v in versions},
        rows=views.side_by_side(versions, settings),
    )


def not_found(request: Request) -> HTMLResponse:
    """The page for an address we do not serve."""
    return render(request, "notfound.html.j2", status=404, page="")


async def check_page(request: Request) -> Response:
    """GET /check, and POST /check from the form when the browser runs no script."""
    config = engine_of(request).config
    ui = negotiate(request.headers.get("accept-language"))
    form = {"text": "", "lang": ui if ui in config.locales else config.locales[0]}
    results: dict[str, Any] = {}
    status = 200
    if request.method == "POST":
        form, results, status = await _posted(request, form)
    return render(
        request,
        "check.html.j2",
        status=status,
        page="check",
        form=form,
        results=results,
        locales=config.locales,
        top=CHECK_TOP,
        script_texts=json.dumps(_script_texts(ui), ensure_ascii=False),
    )


async def _posted(
    request: Request, form: dict[str, str]
) -> tuple[dict[str, str], dict[str, Any], int]:
    """The form's text checked as the API would: its two answers, or the error."""
    engine = engine_of(request)
    try:
        fields = parse_qs((await read_limited(request)).decode("utf-8", "replace"))
    except TooLarge:
        return form, {"error": "the text is too long"}, 413
    form = {"text": fields.get("text", [""])[0], "lang": fields.get("lang", [form["lang"]])[0]}
    body = json.dumps({**form, "top": CHECK_TOP}).encode()
    try:
        asked = parse(body, engine.config)
        scores = await run_in_threadpool(
            engine.readability, asked.text, asked.lang, None, asked.top
        )
        found, notes = await run_in_threadpool(engine.check, asked.text, asked.lang, None)
    except BadRequest as bad:
        return form, {"error": bad.error}, bad.status
    except PipelineError as error:
        return form, {"error": str(error)}, 422
    readability = json.loads(scores)
    return form, {"readability": readability, "check": json.loads(found), "notes": notes}, 200


def _script_texts(ui: str) -> dict[str, str]:
    """The interface texts the check page's script writes into the page."""
    t = texts(ui)
    starts = ("band.", "check.", "reason", "line", "findings", "sev.", "rule.")
    keys = [k for k in t if k.startswith(starts)]
    return {key: t[key] for key in [*keys, "hardest", "hardest.none", "over"]}
