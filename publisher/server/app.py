"""The FastAPI application factory: routes under /api/v1, JSON errors with stable codes."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from publisher import __version__
from publisher.reader.web import (
    STATIC_DIR,
    STATIC_PREFIX,
    not_found_page,
    reader_key,
    reader_of,
    wants_page,
)
from publisher.schemas import ErrorPublic, Health
from publisher.server.body_limit import BodyLimitMiddleware
from publisher.server.idempotency import IdempotencyMiddleware
from publisher.server.routes import (
    accounts,
    auth,
    briefs,
    bulk,
    checklist,
    collaborations,
    events,
    join_page,
    luts,
    media,
    near_duplicates,
    note_comments,
    notes,
    notifications,
    organizations,
    package,
    places,
    presets,
    products,
    reader_actions,
    reader_browse,
    reader_feed,
    reader_media,
    reader_note,
    roster,
    schedule,
    sessions,
    stats,
    storefronts,
    teams,
    templates,
    topics,
)
from publisher.server.state import ServerState
from publisher.services import reader_search
from publisher.services.errors import ServiceError
from publisher.services.luts import MAX_LUT_BYTES
from publisher.services.reader_catalog import CatalogCache
from publisher.services.scheduler import MisfirePolicy, Scheduler

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
MAX_JSON_BODY = 1024 * 1024
"""Far above any note (title and body are capped well below); bounds what a call may buffer."""
MULTIPART_OVERHEAD = 64 * 1024
"""Room for multipart headers around an upload of the maximum size."""
_ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorPublic} for code in (401, 404, 409, 413, 415, 422)
}


def create_app(state: ServerState) -> FastAPI:
    """Build the API around an opened database and media store."""
    app = FastAPI(
        title="Zhongcao Studio API",
        version=__version__,
        description="Notes from draft to published, media, accounts. Errors carry a stable "
        "`code` and `params`; every mutating call accepts an `Idempotency-Key` header.",
        lifespan=_scheduler_lifespan,
    )
    app.state.backend = state
    api = APIRouter(prefix=API_PREFIX, responses=_ERROR_RESPONSES)
    for module in (auth, accounts, notes, media, presets, luts):
        api.include_router(module.router)
    # bulk before schedule: /notes/bulk/schedule would match /notes/{note_id}/schedule.
    for module in (places, bulk, schedule, notifications, package):
        api.include_router(module.router)
    for module in (topics, storefronts, products, checklist):
        api.include_router(module.router)
    for module in (organizations, templates, briefs, collaborations):
        api.include_router(module.router)
    api.include_router(roster.router)
    api.include_router(near_duplicates.router)
    for module in (teams, sessions, events, stats, note_comments):
        api.include_router(module.router)
    app.include_router(api)
    app.include_router(join_page.router)
    # The reader side: public pages of published notes, no sign-in (issue 10).
    app.state.reader_catalog = CatalogCache(state.sessions)
    app.state.reader_key = reader_key(state.settings.data_dir)
    for module in (reader_media, reader_feed, reader_browse, reader_note, reader_actions):
        app.include_router(module.router)
    app.mount(STATIC_PREFIX, StaticFiles(directory=STATIC_DIR), name="reader-static")
    app.add_middleware(IdempotencyMiddleware)
    # The larger of the two caps: the media service applies the right one once it has seen
    # whether the upload is a video.
    media_max = max(state.settings.max_upload_bytes, state.settings.max_video_upload_bytes)
    # Added last, so it runs first: nothing buffers a body before its size is known to fit.
    app.add_middleware(
        BodyLimitMiddleware,
        default_max=MAX_JSON_BODY,
        upload_paths={
            f"{API_PREFIX}/media": media_max + MULTIPART_OVERHEAD,
            f"{API_PREFIX}/luts": MAX_LUT_BYTES + MULTIPART_OVERHEAD,
            f"{API_PREFIX}/events": events.MAX_EVENTS_BODY,
            f"{API_PREFIX}/stats/imports": stats.MAX_IMPORT_BODY,
            f"{API_PREFIX}/stats/imports/preview": stats.MAX_IMPORT_BODY,
        },
    )
    _install_error_handlers(app)

    @app.get("/health", response_model=Health, tags=["service"])
    def health() -> Health:
        return Health(version=__version__, database=state.engine.dialect.name)

    return app


@asynccontextmanager
async def _scheduler_lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Every server process runs the scheduler while it serves (interval 0 turns it off), and
    prepares the reader side's search in the background as it starts."""
    state: ServerState = app.state.backend
    reader_search.warm_up(app.state.reader_catalog, state.sessions)
    settings = state.settings
    if settings.scheduler_interval_seconds <= 0:
        yield
        return
    policy = MisfirePolicy(
        mode=settings.misfire, grace=timedelta(seconds=settings.misfire_grace_seconds)
    )
    scheduler = Scheduler(
        state.sessions, state.rules, policy, interval=settings.scheduler_interval_seconds
    )
    scheduler.start()
    try:
        yield
    finally:
        scheduler.stop()


def _error(status: int, code: str, params: dict | None = None, **extra) -> JSONResponse:
    body = ErrorPublic(code=code, params=params or {}, **extra)
    return JSONResponse(body.model_dump(mode="json", exclude_none=True), status_code=status)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ServiceError)
    async def service_error(_request: Request, exc: ServiceError) -> JSONResponse:
        response = _error(exc.status, exc.code, exc.params, **exc.extra)
        if exc.status == 401:
            response.headers["WWW-Authenticate"] = "Bearer"
        if exc.status == 429:
            response.headers["Retry-After"] = str(exc.params["retry_after"])
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        fields = [
            {"loc": [str(part) for part in error.get("loc", ())], "type": error.get("type")}
            for error in exc.errors()
        ]
        return _error(422, "request.invalid", {"fields": fields})

    @app.exception_handler(Exception)
    async def unexpected(_request: Request, exc: Exception) -> JSONResponse:
        # Logged with its traceback for the operator; the caller gets a stable code only.
        log.error("unhandled error", exc_info=exc)
        return _error(500, "server.error")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404 and wants_page(request):
            return not_found_page(request, reader_of(request))
        return _error(exc.status_code, f"http.{exc.status_code}")
