"""The FastAPI application: JSON under ``/api``, the web pages (``lagebild.web``) and ``/static``.

Routes only parse and format: they call the store, ``lagebild.api.queries``, ``lagebild.analyze``
and ``lagebild.export``. Every error — a ``LagebildError``, an unknown route, an invalid
parameter — has the same body ``{"error": {"code", "message", "source"}}`` (an HTML page on the
web routes).
"""

from __future__ import annotations

import logging
import re
import secrets
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException as StarletteHTTPException

from lagebild.api import queries
from lagebild.api.models import (
    DATE_PATTERN,
    ActorProfile,
    AnalyzeRequest,
    ArticleDetail,
    ArticlePage,
    ErrorBody,
    EventPage,
    IngestRequest,
    IngestResponse,
    NetworkResponse,
    QuotePage,
)
from lagebild.errors import LagebildError
from lagebild.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

    from lagebild.store import Store

__all__ = ["API_ERROR_CODES", "create_app", "error_status", "serve"]

logger = logging.getLogger("lagebild.api")
logger.addHandler(logging.NullHandler())

#: Error codes the API adds to those of ``lagebild.errors`` (documented in docs/api.md).
API_ERROR_CODES: dict[str, str] = {
    "E600": "unexpected server error",
    "E601": "no such page or endpoint",
    "E602": "invalid request parameter or body",
    "E603": "writing through the API is disabled (no API token configured)",
    "E604": "missing or wrong API token",
    "E605": "method not allowed",
    "E606": "actor not found",
}

MAX_LIMIT = 500


def error_status(code: str) -> int:
    """The HTTP status of a Lagebild error code (``lagebild.errors`` and :data:`API_ERROR_CODES`)."""
    statuses = {
        "E203": 404,  # article not found
        "E502": 404,  # unknown actor id (knowledge base)
        "E601": 404,
        "E606": 404,
        "E603": 403,
        "E604": 401,
        "E605": 405,
        "E600": 500,
    }
    if code in statuses:
        return statuses[code]
    if code.startswith(("E2", "E3", "E5")):
        return 503  # database, model or knowledge base unavailable: the server's side
    return 422  # E1xx input, E4xx contract, E602 parameters


def _error_response(
    code: str, message: str, source: str | None = None, status: int | None = None
) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "source": source}}
    headers = {"WWW-Authenticate": "Bearer"} if code == "E604" else None
    return JSONResponse(body, status_code=status or error_status(code), headers=headers)


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    descriptions = {
        401: "Missing or wrong API token (E604)",
        403: "Writing is disabled: no api_token configured (E603)",
        404: "Not found (E203 article, E606 actor, E601 route)",
        422: "Invalid parameter or input (E1xx, E602)",
        503: "Database, model or knowledge base unavailable (E2xx, E301, E5xx)",
    }
    return {status: {"model": ErrorBody, "description": descriptions[status]} for status in statuses}


Since = Annotated[
    str | None,
    Query(description="Published on or after (YYYY, YYYY-MM or YYYY-MM-DD).", pattern=DATE_PATTERN),
]
Until = Annotated[
    str | None,
    Query(description="Published on or before (YYYY, YYYY-MM or YYYY-MM-DD).", pattern=DATE_PATTERN),
]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")]


class ExportFormat(StrEnum):
    plover = "plover"
    gdelt = "gdelt"
    dna_csv = "dna-csv"
    graphml = "graphml"
    parquet = "parquet"


class ParquetTable(StrEnum):
    articles = "articles"
    entities = "entities"
    quotes = "quotes"
    events = "events"
    timexes = "timexes"


class _Runtime:
    """What the routes share: settings, the open store, the pipeline (loaded on first use)."""

    def __init__(self, settings: Settings, store: Store, nlp: Language | None, api_token: str | None) -> None:
        self.settings = settings
        self.store = store
        self.api_token = api_token
        self._nlp = nlp
        self._lock = threading.Lock()

    def nlp(self) -> Language:
        with self._lock:
            if self._nlp is None:
                from lagebild.analyze import get_pipeline

                self._nlp = get_pipeline(self.settings.model)
            return self._nlp


def _runtime(request: Request) -> _Runtime:
    runtime: _Runtime = request.app.state.runtime
    return runtime


RuntimeDep = Annotated[_Runtime, Depends(_runtime)]
_bearer = HTTPBearer(auto_error=False, description="The configured api_token (LAGEBILD_API_TOKEN).")


def _require_token(
    runtime: RuntimeDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    if not runtime.api_token:
        raise LagebildError(
            "E603",
            "writing is disabled: start the server with an API token (--api-token or LAGEBILD_API_TOKEN)",
        )
    given = credentials.credentials if credentials is not None else ""
    if not secrets.compare_digest(given.encode(), runtime.api_token.encode()):
        raise LagebildError(
            "E604", "send the API token as 'Authorization: Bearer <token>'", source="Authorization"
        )


def _api_router() -> APIRouter:
    router = APIRouter(prefix="/api", tags=["api"], responses=_errors(422, 503))

    @router.get("/articles", response_model=ArticlePage, summary="List or search articles")
    def list_articles(
        runtime: RuntimeDep,
        q: Annotated[str | None, Query(max_length=500, description="Full-text query (ranked hits).")] = None,
        since: Since = None,
        until: Until = None,
        source: Annotated[str | None, Query(max_length=2000)] = None,
        actor: Annotated[str | None, Query(max_length=500, description="Actor id or name key.")] = None,
        duplicates: Annotated[bool, Query(description="Include near-duplicates.")] = False,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        page = queries.list_articles(
            runtime.store,
            q=q,
            since=since,
            until=until,
            source=source,
            actor=actor,
            limit=limit,
            offset=offset,
            include_duplicates=duplicates,
        )
        return page.to_json()

    @router.get(
        "/articles/{article_id}",
        response_model=ArticleDetail,
        summary="One article with every extracted record",
        responses=_errors(404),
    )
    def get_article(runtime: RuntimeDep, article_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
        stored = runtime.store.get(article_id)
        data = stored.analysis.to_json()
        data["duplicate_of"] = stored.duplicate_of
        data["duplicates"] = runtime.store.duplicates_of(article_id)
        return data

    @router.get(
        "/actors/{actor_id}", response_model=ActorProfile, summary="Actor profile", responses=_errors(404)
    )
    def get_actor(runtime: RuntimeDep, actor_id: Annotated[str, Path(max_length=500)]) -> dict[str, Any]:
        profile = queries.actor_profile(runtime.store, actor_id)
        if profile is None:
            raise LagebildError("E606", f"no stored article mentions actor {actor_id!r}", source=actor_id)
        return profile

    @router.get("/quotes", response_model=QuotePage, summary="Quotes with speaker and cue")
    def list_quotes(
        runtime: RuntimeDep,
        speaker: Annotated[str | None, Query(max_length=500, description="Speaker actor id or name.")] = None,
        since: Since = None,
        until: Until = None,
        q: Annotated[str | None, Query(max_length=500, description="Words in the quote.")] = None,
        kind: Annotated[str | None, Query(pattern="^(direct|partial|reported)$")] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        page = queries.list_quotes(
            runtime.store,
            speaker=speaker,
            since=since,
            until=until,
            q=q,
            kind=kind,
            limit=limit,
            offset=offset,
        )
        return page.to_json()

    @router.get("/events", response_model=EventPage, summary="PLOVER events")
    def list_events(
        runtime: RuntimeDep,
        type: Annotated[str | None, Query(max_length=50, description="PLOVER type, e.g. CONSULT.")] = None,
        mode: Annotated[str | None, Query(max_length=50)] = None,
        actor: Annotated[str | None, Query(max_length=500, description="Source or target actor.")] = None,
        since: Since = None,
        until: Until = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        page = queries.list_events(
            runtime.store,
            type=type,
            mode=mode,
            actor=actor,
            since=since,
            until=until,
            limit=limit,
            offset=offset,
        )
        return page.to_json()

    @router.get("/network", response_model=NetworkResponse, summary="Actor network (typed edges)")
    def get_network(
        runtime: RuntimeDep,
        since: Since = None,
        until: Until = None,
        max_nodes: Annotated[int, Query(ge=1, le=500)] = 60,
    ) -> dict[str, Any]:
        return queries.network(runtime.store, since=since, until=until, max_nodes=max_nodes)

    @router.get("/stats", summary="Counts of articles and records")
    def get_stats(runtime: RuntimeDep) -> dict[str, Any]:
        return runtime.store.stats()

    @router.post("/analyze", summary="Analyze a text (nothing stored)")
    def post_analyze(runtime: RuntimeDep, body: AnalyzeRequest) -> dict[str, Any]:
        from lagebild.analyze import analyze
        from lagebild.api.ingest import article_from_text

        article = article_from_text(body.text, runtime.settings, title=body.title, published=body.published)
        return analyze(article, nlp=runtime.nlp()).to_json()

    @router.post(
        "/articles",
        response_model=IngestResponse,
        status_code=201,
        summary="Ingest a text (needs the API token)",
        responses={**_errors(401, 403), 200: {"model": IngestResponse, "description": "Already stored"}},
        dependencies=[Depends(_require_token)],
    )
    def post_article(runtime: RuntimeDep, body: IngestRequest) -> Response:
        from lagebild.api.ingest import article_from_text, ingest_article

        article = article_from_text(
            body.text,
            runtime.settings,
            title=body.title,
            published=body.published,
            url=body.url,
            source=body.source or "api",
        )
        status, report = ingest_article(article, runtime.store, settings=runtime.settings, nlp=runtime.nlp())
        payload = {"status": status, "article_id": article.id, "report": report.to_json()}
        return JSONResponse(payload, status_code=201 if status != "exists" else 200)

    @router.get(
        "/export/{fmt}",
        summary="Export the knowledge base",
        response_class=Response,
        responses={
            200: {
                "description": "The export file",
                "content": {
                    "application/json": {},
                    "text/csv": {},
                    "text/tab-separated-values": {},
                    "application/graphml+xml": {},
                    "application/vnd.apache.parquet": {},
                },
            }
        },
    )
    def get_export(
        runtime: RuntimeDep,
        fmt: Annotated[ExportFormat, Path(description="plover, gdelt, dna-csv, graphml or parquet")],
        table: Annotated[
            ParquetTable, Query(description="For parquet: which table.")
        ] = ParquetTable.articles,
    ) -> Response:
        from lagebild.export import render

        data, media_type, filename = render(runtime.store, fmt.value, table=table.value)
        return Response(
            data, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
        )

    return router


def _allowed_methods(request: Request) -> list[str]:
    """Every method the OpenAPI schema lists at this path (Starlette's 405 names only the first
    route's methods); the pages answer GET."""
    schema = request.app.openapi()
    path = request.url.path
    methods: set[str] = set()
    for template, operations in schema.get("paths", {}).items():
        if re.fullmatch(re.sub(r"\\{[^/]+?\\}", "[^/]+", re.escape(template)), path):
            methods |= {method.upper() for method in operations}
    return sorted(methods) or ["GET"]


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api") or path.startswith("/openapi") or path.startswith("/static"))


def create_app(
    settings: Settings | None = None,
    *,
    nlp: Language | None = None,
    api_token: str | None = None,
    store: Store | None = None,
) -> FastAPI:
    """The Lagebild web application over the store at ``settings.db``.

    ``nlp`` overrides the German pipeline (tests); ``api_token`` (or ``settings.api_token`` once
    that field exists) enables ``POST /api/articles``; ``store`` reuses an open store (not closed
    on shutdown).
    """
    from lagebild.store import open_store

    settings = settings or Settings()
    token = api_token if api_token is not None else settings.api_token
    own_store = store is None
    the_store = store if store is not None else open_store(settings.db)
    runtime = _Runtime(settings, the_store, nlp, token or None)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if own_store:
            the_store.close()

    from importlib.metadata import PackageNotFoundError, version

    try:
        app_version = version("lagebild")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        app_version = "0"
    app = FastAPI(
        title="Lagebild",
        version=app_version,
        description="German news turned into sourced, structured data. Errors: docs/api.md.",
        lifespan=lifespan,
        # FastAPI's Swagger/ReDoc pages load their scripts from a CDN: off (no internet, DESIGN.md).
        docs_url=None,
        redoc_url=None,
    )
    app.state.runtime = runtime
    app.include_router(_api_router())

    from lagebild.web import mount_web

    mount_web(app)
    _install_error_handlers(app)
    return app


def _install_error_handlers(app: FastAPI) -> None:
    from lagebild.web import render_error

    def respond(
        request: Request, code: str, message: str, source: str | None, status: int | None = None
    ) -> Response:
        if _wants_html(request):
            return render_error(request, code, message, status or error_status(code))
        return _error_response(code, message, source, status)

    async def on_lagebild_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, LagebildError)
        return respond(request, exc.code, exc.message, exc.source)

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if exc.status_code == 404:
            return respond(request, "E601", f"no such page or endpoint: {request.url.path}", request.url.path)
        if exc.status_code == 405:
            response = respond(request, "E605", f"method {request.method} not allowed here", request.url.path)
            response.headers["Allow"] = ", ".join(_allowed_methods(request))
            return response
        # Unparsable bodies (400) and other client errors: the same code and status as invalid input.
        return respond(request, "E602", str(exc.detail), request.url.path)

    async def on_validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        errors = exc.errors()
        first = errors[0] if errors else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        message = first.get("msg", "invalid request")
        if len(errors) > 1:
            message += f" (and {len(errors) - 1} more)"
        return respond(request, "E602", f"{where}: {message}" if where else message, where or None)

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        logger.exception("unexpected error on %s", request.url.path)
        return respond(request, "E600", f"unexpected error: {type(exc).__name__}", None)

    handlers: dict[type[Exception], Callable[..., Any]] = {
        LagebildError: on_lagebild_error,
        StarletteHTTPException: on_http_error,
        RequestValidationError: on_validation_error,
        Exception: on_unexpected,
    }
    for exc_class, handler in handlers.items():
        app.add_exception_handler(exc_class, handler)


def serve(
    settings: Settings | None = None,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    api_token: str | None = None,
    log_level: str = "info",
) -> None:
    """Run the app with uvicorn, bound to loopback unless ``host`` says otherwise."""
    import uvicorn

    app = create_app(settings, api_token=api_token)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
