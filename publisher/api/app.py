"""The FastAPI application: the API under /api/v1 and the published site at /."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.staticfiles import StaticFiles

from publisher.api import bulletins, jobs
from publisher.api.limits import RequestLimits
from publisher.queue import JobQueue
from publisher.services import Services
from publisher.site.build import build_site

API_PREFIX = "/api/v1"


def create_app(services: Services, queue: JobQueue, *, serve_site: bool = True) -> FastAPI:
    """Wire the routers to one set of services; no global state."""

    app = FastAPI(
        title="Kakehashi",
        summary="Submit Japanese bulletins; publish them translated, voiced and accessible.",
        version="0.1.0",
        docs_url=f"{API_PREFIX}/docs",
        openapi_url=f"{API_PREFIX}/openapi.json",
        redoc_url=None,
    )
    app.state.services = services
    app.state.queue = queue
    app.add_middleware(RequestLimits, max_bytes=services.settings.max_request_bytes)

    api = APIRouter(prefix=API_PREFIX)
    api.include_router(bulletins.router)
    api.include_router(jobs.router)

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
