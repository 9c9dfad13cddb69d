"""The workspace application, mounted at ``/staff`` on the API's server.

It shares the API's services, queue and write turns, so every page reads and writes through
the same domain code (``editing``, ``workflow``, ``audit``) under the same rules.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from publisher.queue import JobQueue
from publisher.services import Services
from publisher.workspace import (
    audit_pages,
    bulletin_pages,
    check_pages,
    dashboard,
    glossary_pages,
    image_pages,
    import_pages,
    keys_pages,
    readings_pages,
    review_pages,
    signin_pages,
    users,
)
from publisher.workspace.errors import HANDLERS
from publisher.workspace.render import TEMPLATES
from publisher.write_turns import WriteTurns

PREFIX = "/staff"


def create_workspace(services: Services, queue: JobQueue, turns: WriteTurns | None) -> FastAPI:
    workspace = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    workspace.state.services = services
    workspace.state.queue = queue
    workspace.state.write_turns = turns
    for error, handler in HANDLERS.items():
        workspace.add_exception_handler(error, handler)
    workspace.include_router(signin_pages.router)
    workspace.include_router(dashboard.router)
    workspace.include_router(image_pages.router)  # before the bulletin's /{id}/{step}
    # Before the bulletin pages: their POST /bulletins/{id}/{step} would take /check.
    workspace.include_router(check_pages.router)
    workspace.include_router(import_pages.router)
    workspace.include_router(review_pages.router)
    workspace.include_router(bulletin_pages.router)
    workspace.include_router(users.router)
    workspace.include_router(audit_pages.router)
    workspace.include_router(glossary_pages.router)
    workspace.include_router(readings_pages.router)
    workspace.include_router(keys_pages.router)
    workspace.mount("/static", StaticFiles(directory=TEMPLATES / "static"), name="static")
    return workspace
