"""The page routes: each reads with the store or ``lagebild.api.queries`` and renders a template."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from lagebild.api import queries
from lagebild.errors import LagebildError
from lagebild.web.i18n import labels, pick_lang
from lagebild.web.markup import article_blocks, quote_id

__all__ = ["STATIC_DIR", "TEMPLATES_DIR", "mount_web", "render_error"]

WEB_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"
PAGE_SIZE = 25

templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
templates.env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": False}


def _blank(value: str | None) -> str | None:
    """Form fields arrive as empty strings when left empty."""
    return value.strip() if value and value.strip() else None


class _Page:
    """What every template gets: labels, language and a link builder that keeps the language."""

    def __init__(self, request: Request) -> None:
        self.request = request
        self.lang = pick_lang(request.query_params.get("lang"))
        self.t = labels(self.lang)

    def link(self, path: str, **params: Any) -> str:
        values = {
            k: v for k, v in params.items() if v is not None and v != "" and not (k == "offset" and v == 0)
        }
        if self.lang != "de":
            values["lang"] = self.lang
        return path + ("?" + urlencode(values) if values else "")

    def switch(self, lang: str) -> str:
        params = dict(self.request.query_params)
        params.pop("lang", None)
        if lang != "de":
            params["lang"] = lang
        return self.request.url.path + ("?" + urlencode(params) if params else "")

    def render(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        context.update(
            page=self,
            t=self.t,
            lang=self.lang,
            link=self.link,
            actor_url=self.actor_url,
            actor_key=queries.actor_key,
            web_url=_web_url,
        )
        response: HTMLResponse = templates.TemplateResponse(self.request, name, context, status_code=status)
        return response

    def actor_url(self, key: str) -> str:
        return self.link("/actors/" + quote(key, safe=""))


def _web_url(url: str) -> bool:
    """Only http(s) URLs become links: a stored ``javascript:`` or ``data:`` URL (from any JSONL
    or feed) would run on click, so it is shown as text instead."""
    return url.strip().lower().startswith(("http://", "https://"))


def render_error(request: Request, code: str, message: str, status: int) -> Response:
    page = _Page(request)
    return page.render("error.html", status=status, code=code, message=message)


def _runtime(request: Request) -> Any:
    return request.app.state.runtime


def _highlight(snippet: str, ranges: list[list[int]]) -> Markup:
    out: list[str] = []
    last = 0
    for start, end in ranges:
        out.append(str(escape(snippet[last:start])))
        out.append(f"<mark>{escape(snippet[start:end])}</mark>")
        last = end
    out.append(str(escape(snippet[last:])))
    return Markup("".join(out))


def _router() -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/", response_class=HTMLResponse)
    def home(request: Request) -> HTMLResponse:
        page = _Page(request)
        store = _runtime(request).store
        latest = queries.list_articles(store, limit=10)
        return page.render(
            "index.html",
            stats=store.stats(),
            latest=latest,
            actors=queries.top_actors(store, limit=15),
        )

    @router.get("/search", response_class=HTMLResponse)
    def search(
        request: Request,
        q: Annotated[str | None, Query(max_length=500)] = None,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> HTMLResponse:
        page = _Page(request)
        query = _blank(q)
        hits = None
        if query:
            hits = queries.list_articles(_runtime(request).store, q=query, limit=PAGE_SIZE, offset=offset)
            for item in hits.items:
                item["snippet_html"] = _highlight(item.get("snippet") or "", item.get("highlights") or [])
        return page.render("search.html", q=query or "", hits=hits, offset=offset, page_size=PAGE_SIZE)

    @router.get("/articles/{article_id}", response_class=HTMLResponse)
    def article(request: Request, article_id: str) -> HTMLResponse:
        page = _Page(request)
        store = _runtime(request).store
        stored = store.get(article_id)
        analysis = stored.analysis
        quotes = [
            (quote_id(name, i), q)
            for name in ("quotes", "reported")
            for i, q in enumerate(getattr(analysis, name) or ())
        ]
        entities: dict[tuple[str, str], dict[str, Any]] = {}
        for m in analysis.entities or ():
            key = m.actor_id or queries.actor_key(m.text)
            entry = entities.setdefault(
                (m.label, key), {"label": m.label, "key": key, "text": m.text, "n": 0}
            )
            entry["n"] += 1
        return page.render(
            "article.html",
            stored=stored,
            article=analysis.article,
            analysis=analysis,
            blocks=article_blocks(analysis, page.t),
            quotes=quotes,
            entities=sorted(entities.values(), key=lambda e: (e["label"], -e["n"], e["text"])),
            duplicates=store.duplicates_of(article_id),
            labels_present=sorted({m.label for m in analysis.entities or ()}),
        )

    @router.get("/actors/{actor_id}", response_class=HTMLResponse)
    def actor(request: Request, actor_id: str) -> HTMLResponse:
        page = _Page(request)
        profile = queries.actor_profile(_runtime(request).store, actor_id)
        if profile is None:
            raise LagebildError("E606", f"no stored article mentions actor {actor_id!r}", source=actor_id)
        return page.render("actor.html", actor=profile)

    @router.get("/network", response_class=HTMLResponse)
    def network(
        request: Request,
        since: str | None = None,
        until: str | None = None,
        max_nodes: Annotated[int, Query(ge=1, le=500)] = 60,
    ) -> HTMLResponse:
        page = _Page(request)
        graph = queries.network(
            _runtime(request).store, since=_blank(since), until=_blank(until), max_nodes=max_nodes
        )
        names = {n["id"]: n["name"] for n in graph["nodes"]}
        return page.render(
            "network.html",
            graph=graph,
            names=names,
            since=_blank(since) or "",
            until=_blank(until) or "",
        )

    @router.get("/quotes", response_class=HTMLResponse)
    def quotes(
        request: Request,
        speaker: str | None = None,
        q: str | None = None,
        since: str | None = None,
        until: str | None = None,
        kind: str | None = None,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> HTMLResponse:
        page = _Page(request)
        filters = {
            "speaker": _blank(speaker),
            "q": _blank(q),
            "since": _blank(since),
            "until": _blank(until),
            "kind": _blank(kind),
        }
        result = queries.list_quotes(_runtime(request).store, limit=PAGE_SIZE, offset=offset, **filters)
        return page.render("quotes.html", result=result, filters=filters, offset=offset, page_size=PAGE_SIZE)

    return router


def mount_web(app: FastAPI) -> None:
    """Add the pages and ``/static`` to ``app`` (which has ``app.state.runtime``)."""
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    app.include_router(_router())
