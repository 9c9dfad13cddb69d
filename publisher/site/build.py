"""Build the whole static site from the database: gather, render, then write atomically."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlmodel import Session

from publisher.services import Services
from publisher.site.content import gather
from publisher.site.render import SiteRenderer
from publisher.site.writer import write_site


@contextmanager
def _build_lock(data_dir: Path) -> Iterator[None]:
    """One build at a time across threads and processes (API, worker, CLI)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with (data_dir / "site.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build_site(services: Services) -> Path:
    """Render every page from what is published now and swap it in; returns the build folder."""
    settings = services.settings
    with _build_lock(settings.resolved_data_dir):
        with Session(services.db) as session:
            content = gather(settings, session)
        files = SiteRenderer(settings).render_all(content)
        return write_site(settings.resolved_site_dir, files)
