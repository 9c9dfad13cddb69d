"""The FastAPI application: the API under /api/v1 and the published site at /."""

from __future__ import annotations

import re

from fastapi import APIRouter, FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from starlette.exceptions import HTTPException

from publisher.api import (
    audit,
    bulletins,
    checks,
    emergencies,
    glossary,
    images,
    imports,
    jobs,
    keys,
    preview,
    translations,
)
from publisher.api import readings as readings_api
from publisher.api.auth import Authenticator
from publisher.api.docs import mount_docs
from publisher.api.errors import (
    http_error,
    method_not_allowed,
    no_such_api_path,
    validation_failed,
)
from publisher.api.limits import RequestLimits
from publisher.api.rate_limit import WindowLimiter, shared_storage
from publisher.api.security import SecurityHeaders
from publisher.api.site_files import SiteFiles
from publisher.api.staff_cache import StaffCache
from publisher.queue import JobQueue
from publisher.services import Services
from publisher.site.build import build_site
from publisher.workspace.app import PREFIX as WORKSPACE_PREFIX
from publisher.workspace.app import create_workspace
from publisher.write_turns import WriteTurns

API_PREFIX = "/api/v1"


def create_app(services: Services, queue: JobQueue, *, serve_site: bool = True) -> FastAPI:
    """Wire the routers to one set of services; no global state.

    The app only enqueues jobs; a separate worker process runs them (``main.py worker``,
    which ``main.py serve`` starts), so publishing never slows the API down.
    """
    app = FastAPI(
        title="Kakehashi",
        summary="Submit Japanese bulletins; publish them translated, voiced and accessible.",
        version="0.1.0",
        docs_url=None,
        openapi_url=f"{API_PREFIX}/openapi.json",
        redoc_url=None,
    )
    app.add_exception_handler(RequestValidationError, validation_failed)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(405, method_not_allowed)
    app.state.services = services
    app.state.queue = queue
    settings = services.settings
    counts = shared_storage(settings)
    app.state.staff_cache = StaffCache()
    app.state.rate_limiter = WindowLimiter(settings.rate_limit_per_minute, counts, "api-key")
    app.state.authenticator = Authenticator(
        services.db,
        WindowLimiter(settings.failed_keys_per_minute, counts, "failed-key"),
        app.state.staff_cache,
    )
    app.state.write_turns = WriteTurns() if services.db.dialect.name == "sqlite" else None
    # The last added runs first: security headers, CORS, then the whole body is read under a
    # deadline before any route (and so any write turn) sees the request.
    app.add_middleware(
        RequestLimits,
        max_bytes=settings.max_request_bytes,
        body_timeout=settings.body_read_timeout_seconds,
        uploads={
            re.compile(rf"{API_PREFIX}/imports/docx/?"): (
                settings.max_upload_bytes,
                settings.upload_read_timeout_seconds,
            ),
            re.compile(rf"{WORKSPACE_PREFIX}/bulletins/import/?"): (
                settings.max_upload_bytes,
                settings.upload_read_timeout_seconds,
            ),
            re.compile(rf"{API_PREFIX}/bulletins/\d+/images/?"): (
                settings.max_image_bytes + images.FORM_OVERHEAD_BYTES,
                settings.upload_read_timeout_seconds,
            ),
        },
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "PATCH", "PUT", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(SecurityHeaders, api_prefix=API_PREFIX)
    mount_docs(app, API_PREFIX, f"{API_PREFIX}/openapi.json")

    api = APIRouter(prefix=API_PREFIX)
    api.include_router(bulletins.router)
    api.include_router(images.router)
    api.include_router(jobs.router)
    api.include_router(keys.router)
    api.include_router(audit.router)
    api.include_router(glossary.router)
    api.include_router(readings_api.router)
    api.include_router(translations.router)
    api.include_router(checks.router)
    api.include_router(imports.router)
    api.include_router(emergencies.router)
    api.include_router(preview.router)

    @api.get("/health", tags=["health"])
    def health() -> dict[str, str]:
        return {"status": "ok"}

    api.add_api_route(
        "/{path:path}",
        no_such_api_path,
        methods=["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
        include_in_schema=False,
    )
    app.include_router(api)
    workspace = create_workspace(services, queue, app.state.write_turns)
    workspace.state.staff_cache = app.state.staff_cache  # revoking a key there forgets it too
    app.mount(WORKSPACE_PREFIX, workspace)
    if serve_site:
        site_dir = services.settings.resolved_site_dir
        if not site_dir.exists():
            build_site(services)
        app.mount("/", SiteFiles(directory=site_dir, html=True, follow_symlink=True), name="site")
    return app


def app_from_environment() -> FastAPI:
    """The serving app built from ``KAKEHASHI_*`` settings: one per server process."""
    from publisher.queue import make_huey
    from publisher.settings import Settings

    services = Services.create(Settings())
    return create_app(services, JobQueue(services, make_huey(services)))
