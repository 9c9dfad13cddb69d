"""The FastAPI application: the API under /api/v1 and the published site at /."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from publisher.api import audit, bulletins, glossary, jobs, keys, translations
from publisher.api.docs import mount_docs
from publisher.api.errors import method_not_allowed
from publisher.api.limits import RequestLimits
from publisher.api.rate_limit import KeyRateLimiter
from publisher.api.security import SecurityHeaders
from publisher.api.staff_cache import StaffCache
from publisher.queue import JobQueue, start_consumer
from publisher.services import Services
from publisher.site.build import build_site

API_PREFIX = "/api/v1"


def create_app(
    services: Services, queue: JobQueue, *, serve_site: bool = True, run_worker: bool = False
) -> FastAPI:
    """Wire the routers to one set of services; no global state.

    With ``run_worker`` the app also runs the job queue's worker threads while it serves.
    """

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        consumer = None
        if run_worker:
            consumer = start_consumer(queue.huey, services.settings.worker_threads)
            queue.resume_interrupted()
        try:
            yield
        finally:
            if consumer is not None:
                consumer.stop(graceful=True)

    app = FastAPI(
        lifespan=lifespan,
        title="Kakehashi",
        summary="Submit Japanese bulletins; publish them translated, voiced and accessible.",
        version="0.1.0",
        docs_url=None,
        openapi_url=f"{API_PREFIX}/openapi.json",
        redoc_url=None,
    )
    app.add_exception_handler(405, method_not_allowed)
    app.state.services = services
    app.state.queue = queue
    app.state.staff_cache = StaffCache()
    app.state.rate_limiter = KeyRateLimiter(
        services.settings.rate_limit_per_minute,
        services.settings.redis_url if services.settings.queue_backend == "redis" else "memory://",
    )
    app.add_middleware(RequestLimits, max_bytes=services.settings.max_request_bytes)
    if services.settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(services.settings.cors_origins),
            allow_methods=["GET", "POST", "PATCH", "PUT", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(SecurityHeaders, api_prefix=API_PREFIX)
    mount_docs(app, API_PREFIX, f"{API_PREFIX}/openapi.json")

    api = APIRouter(prefix=API_PREFIX)
    api.include_router(bulletins.router)
    api.include_router(jobs.router)
    api.include_router(keys.router)
    api.include_router(audit.router)
    api.include_router(glossary.router)
    api.include_router(translations.router)

    @api.get("/health", tags=["health"])
    def health() -> dict[str, str]:
        return {"status": "ok"}

    app.include_router(api)
    if serve_site:
        site_dir = services.settings.resolved_site_dir
        if not site_dir.exists():
            build_site(services)
        app.mount("/", StaticFiles(directory=site_dir, html=True, follow_symlink=True), name="site")
    return app


def app_from_environment() -> FastAPI:
    """The serving app built from ``KAKEHASHI_*`` settings: one per server worker process."""
    from publisher.queue import make_huey
    from publisher.settings import Settings

    services = Services.create(Settings())
    return create_app(services, JobQueue(services, make_huey(services)), run_worker=True)
