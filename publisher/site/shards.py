"""A full build's files, rendered and written in shards, by worker processes on every core.

A shard is a run of bulletins: whoever renders it reads those bulletins from the database,
renders their pages, writes them straight into the new build folder and hands back their
summaries. Once every bulletin is summarised, the lists, feeds and sitemaps are planned and
split the same way. Rendering holds the GIL, so the cores are used by processes; each one
renders its own shard from start to finish and nothing large crosses between them.

Worker processes start fresh (``spawn``): builds run inside the queue worker and the API,
whose other threads must not be copied half-way through what they are doing.

The pool is the standard ``ProcessPoolExecutor``, not pebble as for audio: a build is all or
nothing, so a worker that dies should fail the whole build (which the executor does), and
there is no per-task timeout or retry to manage, which is what pebble adds for audio clips.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session

from publisher.database import make_engine
from publisher.settings import Settings
from publisher.site.books import Shelf
from publisher.site.content import BulletinSummary, WithdrawnNotice, gather, summarize
from publisher.site.plan import SitePlan
from publisher.site.render import SiteRenderer
from publisher.site.writer import BuildFolder
from translations.furigana import FuriganaReader

SHARD_BULLETINS = 100
"""Bulletins per shard: small enough to spread the work evenly and to bound memory."""
MIN_PARALLEL_BULLETINS = 300
"""Below this, starting worker processes costs more than it saves."""

Advance = Callable[[int], None]
"""Called with how many more items (bulletins, then other files) are done."""


@dataclass(frozen=True)
class ShardResult:
    summaries: tuple[BulletinSummary, ...]
    written: tuple[str, ...]
    pages: int
    """HTML pages among ``written``."""


class ShardRenderer:
    """What one process needs to render shards: the settings, a renderer, the database."""

    def __init__(self, settings: Settings, renderer: SiteRenderer, db: Engine) -> None:
        self.settings = settings
        self.renderer = renderer
        self.db = db

    def bulletins(self, staging: Path, ids: Sequence[int]) -> ShardResult:
        """Read, render and write the pages of the bulletins ``ids`` that are online."""
        with Session(self.db) as session:
            loaded = gather(self.settings, session, only=ids)
        folder = BuildFolder(staging)
        for bulletin in loaded:
            for path, content in self.renderer.bulletin_files(bulletin).items():
                folder.put(path, content)
        return _result(tuple(summarize(bulletin) for bulletin in loaded), folder)

    def listings(
        self,
        staging: Path,
        summaries: Sequence[BulletinSummary],
        withdrawn: Sequence[WithdrawnNotice],
        legacy: Sequence[str],
        books: Shelf,
        part: int,
        parts: int,
    ) -> ShardResult:
        """Every ``parts``-th list page, feed, sitemap and fixed file, from ``part``."""
        folder = BuildFolder(staging)
        plan = SitePlan(self.renderer, summaries, withdrawn, legacy, books).plan()
        for entry in plan[part::parts]:
            folder.put(entry.path, entry.render())
        return _result((), folder)


def _result(summaries: tuple[BulletinSummary, ...], folder: BuildFolder) -> ShardResult:
    written = tuple(folder.written)
    pages = sum(path.endswith(".html") for path in written)
    return ShardResult(summaries, written, pages)


def _chunks(ids: Sequence[int], size: int) -> Iterator[tuple[int, ...]]:
    for start in range(0, len(ids), size):
        yield tuple(ids[start : start + size])


def build_workers(settings: Settings, bulletins: int) -> int:
    """How many processes a full build of ``bulletins`` uses (1: this one alone)."""
    if settings.resolved_database_url in ("sqlite://", "sqlite:///:memory:"):
        return 1  # other processes cannot see an in-memory database
    if bulletins < MIN_PARALLEL_BULLETINS:
        return 1
    wanted = settings.build_workers or len(os.sched_getaffinity(0))
    return max(1, min(wanted, bulletins // SHARD_BULLETINS))


class ShardPool:
    """Runs shards in this process or, for a large archive, in a pool of fresh processes.

    Use it as a context manager: the pool is shut down when the block ends, normally or
    not, so nothing writes into the staging folder after it, and the caller can then switch
    the folder in or remove it.
    """

    def __init__(self, local: ShardRenderer, bulletins: int, readings: dict[str, str]) -> None:
        self.local = local
        self.workers = build_workers(local.settings, bulletins)
        self.pool: ProcessPoolExecutor | None = None
        if self.workers > 1:
            self.pool = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(local.settings, readings),
            )

    def __enter__(self) -> ShardPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def bulletins(self, staging: Path, ids: Sequence[int], advance: Advance) -> ShardResult:
        """Every bulletin's files; the summaries of those online."""
        results: list[ShardResult] = []
        chunks = list(_chunks(ids, SHARD_BULLETINS))
        if self.pool is None:
            for chunk in chunks:
                results.append(self.local.bulletins(staging, chunk))
                advance(len(chunk))
        else:
            shards = {self.pool.submit(_render_bulletins, staging, c): c for c in chunks}
            self.local.renderer.warm()  # idle here otherwise; the next build will need it
            for future in as_completed(shards):
                results.append(future.result())
                advance(len(shards[future]))
        return _merge(tuple(s for result in results for s in result.summaries), results)

    def listings(
        self,
        staging: Path,
        summaries: tuple[BulletinSummary, ...],
        withdrawn: Sequence[WithdrawnNotice],
        legacy: tuple[str, ...],
        books: Shelf,
        advance: Advance,
    ) -> ShardResult:
        """Every list page, feed, sitemap and fixed file for these summaries (and the pages
        of withdrawn notices)."""
        if self.pool is None:
            result = self.local.listings(staging, summaries, withdrawn, legacy, books, 0, 1)
            advance(len(result.written))
            return result
        parts = [
            self.pool.submit(
                _render_listings, staging, summaries, withdrawn, legacy, books, part, self.workers
            )
            for part in range(self.workers)
        ]
        results: list[ShardResult] = []
        for future in as_completed(parts):
            results.append(future.result())
            advance(len(results[-1].written))
        return _merge((), results)


def _merge(summaries: tuple[BulletinSummary, ...], results: Sequence[ShardResult]) -> ShardResult:
    written = tuple(path for result in results for path in result.written)
    return ShardResult(summaries, written, sum(result.pages for result in results))


_worker: ShardRenderer | None = None


def _start_worker(settings: Settings, readings: dict[str, str]) -> None:
    """A pool process's own renderer and database connection, made once."""
    global _worker
    _worker = ShardRenderer(
        settings,
        SiteRenderer(settings, FuriganaReader(readings)),
        make_engine(settings.resolved_database_url),
    )


def _render_bulletins(staging: Path, ids: tuple[int, ...]) -> ShardResult:
    assert _worker is not None
    return _worker.bulletins(staging, ids)


def _render_listings(
    staging: Path,
    summaries: Sequence[BulletinSummary],
    withdrawn: Sequence[WithdrawnNotice],
    legacy: Sequence[str],
    books: Shelf,
    part: int,
    parts: int,
) -> ShardResult:
    assert _worker is not None
    return _worker.listings(staging, summaries, withdrawn, legacy, books, part, parts)
