"""Build the static site from the database: gather, plan, render what changed, write.

A full build renders every file into a fresh folder and swaps it in. Otherwise the build
compares with the state the last build left (``state``): only bulletins whose database
stamp changed (or that the caller names) are read again, only files whose inputs changed
are rendered, and they are written into the live build in place (``writer``). Anything
that shapes every page (templates, code, settings, readings) changing makes a build full.
"""

from __future__ import annotations

import fcntl
import gc
import os
import tempfile
import time
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from publisher.editions.shelf import books_on_shelf
from publisher.services import Services
from publisher.settings import Settings
from publisher.site import paths
from publisher.site.books import Shelf
from publisher.site.content import (
    PublishedBulletin,
    WithdrawnNotice,
    gather,
    read_stamps,
    read_withdrawn,
    summarize,
)
from publisher.site.legacy import legacy_folders
from publisher.site.plan import TIER_BULLETIN, TIER_MEDIA, Planned, SitePlan
from publisher.site.render import SiteRenderer
from publisher.site.search import (
    RECENT,
    STABLE,
    Bundle,
    SearchState,
    bundle_dir,
    bundle_files,
    make_index,
    manifest,
    new_generation,
    read_bundle,
    retired_generations,
)
from publisher.site.search_fold import FOLD_AFTER, start_fold
from publisher.site.search_service import recent_indexer
from publisher.site.shards import ShardPool, ShardRenderer
from publisher.site.state import BuildState, fingerprint, load_state, save_state
from publisher.site.writer import (
    BuildFolder,
    SiteFile,
    builds_dir,
    current_build,
    empty_retired,
    new_build,
    retire_builds,
    unfinished_updates,
    update_in_place,
)
from translations.furigana import FuriganaReader, load_readings

Progress = Callable[[int, int], None]
"""Called with (work done, work to do): files, or for a full build bulletins then files."""


@dataclass(frozen=True)
class BuildReport:
    folder: Path
    full: bool
    written: tuple[str, ...]
    removed: tuple[str, ...]
    pages: int
    """HTML pages rendered."""
    seconds: dict[str, float] = field(default_factory=dict)
    processes: int = 1
    """Processes that rendered the build."""


SITE_LOCK_KEY = 0x4B4B5349  # "KKSI": the PostgreSQL advisory lock of the site's one writer


@contextmanager
def build_lock(services: Services) -> Iterator[None]:
    """One writer of the site at a time: across threads, processes (API, worker, CLI) and,
    on PostgreSQL, machines.

    On PostgreSQL every process that shares the database shares the site folder too (a POSIX
    volume), so the lock is the database's: a session advisory lock taken on a connection of
    its own, held for the whole build and released when that connection is closed, which
    PostgreSQL also does when the holder dies (a killed worker never leaves the site locked).
    The embedded SQLite deployment is one machine: a lock file in the data folder.
    """
    if services.db.dialect.name == "postgresql":
        with _advisory_lock(services.db):
            yield
        return
    data_dir = services.settings.resolved_data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    with (data_dir / "site.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def _advisory_lock(engine: Engine) -> Iterator[None]:
    connection = engine.connect()
    # Out of the pool: closing it really closes it, so the lock can never outlive the build
    # in a pooled connection, even if unlocking fails.
    connection.detach()
    try:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": SITE_LOCK_KEY})
        connection.commit()  # held by the session, not a transaction: idle while the build runs
        yield
    finally:
        connection.close()


_renderers: dict[tuple[str, Path], SiteRenderer] = {}


def _renderer(settings: Settings, readings: dict[str, str], print_: str) -> SiteRenderer:
    """The renderer of the last build if nothing that shapes pages changed since.

    A worker process builds after every publish; keeping the compiled templates, the
    dictionary and the furigana already looked up makes those builds cheaper. Anything that
    changes the fingerprint (templates, code, settings, readings) gets a fresh renderer.
    """
    key = (print_, settings.resolved_data_dir)
    renderer = _renderers.get(key)
    if renderer is None:
        if _renderers:
            gc.unfreeze()  # the renderer dropped here holds cycles: let them be collected
        _renderers.clear()
        renderer = _renderers[key] = SiteRenderer(settings, FuriganaReader(readings))
    return renderer


def _freeze_what_stays() -> None:
    """Take what a full build leaves in memory out of the garbage collector's way.

    The queue worker keeps the state and the renderer's memos from one build to the next:
    tens of thousands of objects that every full collection would walk again, about 50 ms
    at 2,000 bulletins, in the middle of a later publish. Reference counting still frees
    summaries and memos when they are replaced (they hold no cycles), so after one
    collection, which clears the build's own garbage, they are frozen; a renderer, which
    does hold cycles, is unfrozen when it is dropped (``_renderer``).
    """
    gc.collect()
    gc.freeze()


def _tier(path: str) -> int:
    return TIER_BULLETIN if path.endswith(".html") else TIER_MEDIA


class _Counter:
    def __init__(self, total: int, progress: Progress | None) -> None:
        self.done = 0
        self.pages = 0
        self.total = total
        self.progress = progress

    def step(self, path: str) -> None:
        self.done += 1
        if path.endswith(".html"):
            self.pages += 1
        if self.progress is not None and (self.done % 64 == 0 or self.done == self.total):
            self.progress(self.done, self.total)


def build_site(
    services: Services,
    *,
    full: bool = False,
    changed: Collection[int] = (),
    search: bool = True,
    progress: Progress | None = None,
) -> Path:
    """Bring the published site up to date (see :func:`update_site`); returns its folder."""
    report = update_site(services, full=full, changed=changed, search=search, progress=progress)
    return report.folder


def update_site(
    services: Services,
    *,
    full: bool = False,
    changed: Collection[int] = (),
    search: bool = True,
    progress: Progress | None = None,
) -> BuildReport:
    """Bring the published site up to date with the database; returns what was written.

    ``changed`` names bulletins to read again even if their database stamp looks the same
    (a publish job passes its bulletin). ``search=False`` (``build --no-search``) skips the
    search index, which the next build that does not skip it remakes.
    """
    settings = services.settings
    site_dir = settings.resolved_site_dir
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    with build_lock(services):
        readings = load_readings(settings.resolved_readings_file)
        print_ = fingerprint(settings, readings)
        legacy = legacy_folders(site_dir)
        books = books_on_shelf(settings)
        previous = None
        if not full and not unfinished_updates(site_dir):
            previous = load_state(site_dir, print_)
            build = current_build(site_dir)
            if previous is not None and (build is None or build.name != previous.build):
                previous = None
        with Session(services.db) as session:
            stamps = read_stamps(session)
            withdrawn = read_withdrawn(settings, session)
            reload: set[int] | None = None
            loaded: list[PublishedBulletin] = []
            if previous is not None:  # a full build reads the bulletins shard by shard
                reload = {
                    bulletin_id
                    for bulletin_id, stamp in stamps.items()
                    if previous.stamps.get(bulletin_id) != stamp
                } | (set(changed) & stamps.keys())
                loaded = gather(settings, session, only=reload)
        seconds["gather"] = time.perf_counter() - started

        renderer = _renderer(settings, readings, print_)
        state = BuildState(build="", fingerprint=print_, stamps=dict(stamps), summaries={}, keys={})
        phase = time.perf_counter()
        scratch = builds_dir(site_dir)
        scratch.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".scratch-", dir=scratch) as temporary:
            work = Path(temporary)
            if previous is None:
                shards = ShardRenderer(settings, renderer, services.db)
                report = _full(
                    shards,
                    sorted(stamps),
                    withdrawn,
                    readings,
                    legacy,
                    books,
                    state,
                    work,
                    search,
                    progress,
                )
            else:
                summaries = {
                    bulletin_id: summary
                    for bulletin_id, summary in previous.summaries.items()
                    if bulletin_id in stamps and bulletin_id not in (reload or ())
                }
                summaries.update((bulletin.id, summarize(bulletin)) for bulletin in loaded)
                plan = SitePlan(renderer, list(summaries.values()), withdrawn, legacy, books).plan()
                state.summaries = summaries
                state.keys = {entry.path: entry.key for entry in plan}
                report = _incremental(
                    renderer, loaded, plan, previous, state, site_dir, work, search, progress
                )
        seconds["render_write"] = time.perf_counter() - phase - report.seconds.get("search", 0)
        save_state(site_dir, state)
        fold = search and not report.full and len(state.search.recent.digests) >= FOLD_AFTER
        retired = retire_builds(site_dir)
        if report.full:
            _freeze_what_stays()
    if fold:  # a new stable search bundle, made at low priority in a process of its own
        start_fold(settings)
    # After the lock, so the next publish need not wait for the deletion: old builds, and the
    # folders an incremental update moved out (a replaced recent search bundle).
    phase = time.perf_counter()
    empty_retired(site_dir)
    if retired:
        seconds["prune"] = time.perf_counter() - phase
    seconds["search"] = report.seconds.get("search", 0.0)
    seconds["total"] = time.perf_counter() - started
    return replace(report, seconds=seconds)


def _full(
    shards: ShardRenderer,
    ids: list[int],
    withdrawn: list[WithdrawnNotice],
    readings: dict[str, str],
    legacy: tuple[str, ...],
    books: Shelf,
    state: BuildState,
    work: Path,
    search: bool,
    progress: Progress | None,
) -> BuildReport:
    """Every file into a new folder (on every core for a large site), then the switch."""
    done, total = 0, len(ids)

    def advance(amount: int) -> None:
        nonlocal done
        done += amount
        if progress is not None:
            progress(done, total)

    timings: dict[str, float] = {}
    with (
        new_build(shards.settings.resolved_site_dir) as build,
        ShardPool(shards, len(ids), readings) as pool,
    ):
        bulletins = pool.bulletins(build.staging, ids, advance)
        plan = SitePlan(shards.renderer, bulletins.summaries, withdrawn, legacy, books).plan()
        total += len(plan)
        listings = pool.listings(
            build.staging, bulletins.summaries, withdrawn, legacy, books, advance
        )
        written = [*bulletins.written, *listings.written]
        if search:
            started = time.perf_counter()
            digests = {summary.id: summary.digest for summary in bulletins.summaries}
            state.search = SearchState()
            files: list[tuple[str, SiteFile]] = []
            if digests:
                generation = new_generation()
                bundle = make_index(build.staging, work / "bundle")
                state.search.stable = read_bundle(bundle, generation, digests)
                files = bundle_files(bundle, bundle_dir(STABLE, generation))
            files.append((paths.SEARCH_MANIFEST, manifest(state.search, digests)))
            folder = BuildFolder(build.staging)
            for path, content in files:
                folder.put(path, content)
                written.append(path)
            timings["search"] = time.perf_counter() - started
    state.build = build.folder.name
    state.summaries = {summary.id: summary for summary in bulletins.summaries}
    state.keys = {entry.path: entry.key for entry in plan}
    state.search_stale = not search
    pages = bulletins.pages + listings.pages
    return BuildReport(
        build.folder, True, tuple(written), (), pages, timings, processes=pool.workers
    )


def _incremental(
    renderer: SiteRenderer,
    loaded: list[PublishedBulletin],
    plan: list[Planned],
    previous: BuildState,
    state: BuildState,
    site_dir: Path,
    work: Path,
    search: bool,
    progress: Progress | None,
) -> BuildReport:
    removed: list[str] = [
        path
        for bulletin_id, summary in previous.summaries.items()
        if bulletin_id not in state.summaries
        for path in renderer.files_of(summary)
    ]
    to_render: list[PublishedBulletin] = []
    for bulletin in loaded:
        before = previous.summaries.get(bulletin.id)
        if before is None or before.digest != bulletin.digest:
            to_render.append(bulletin)
    entries = [entry for entry in plan if previous.keys.get(entry.path) != entry.key]
    removed += [path for path in previous.keys if path not in state.keys]
    counter = _Counter(
        sum(len(renderer.files_of(state.summaries[b.id])) for b in to_render) + len(entries),
        progress,
    )

    changes: list[tuple[int, str, SiteFile]] = []
    for bulletin in to_render:
        produced = renderer.bulletin_files(bulletin)
        before = previous.summaries.get(bulletin.id)
        if before is not None:
            removed += [path for path in renderer.files_of(before) if path not in produced]
        for path, content in produced.items():
            counter.step(path)
            changes.append((_tier(path), path, content))
    for entry in entries:
        counter.step(entry.path)
        changes.append((entry.tier, entry.path, entry.render()))
    changes.sort(key=lambda change: change[0])  # stable: pages before what links to them
    # A page that takes another's address (a withdrawn notice's page, or the notice published
    # again in place of that page) replaces it: the path is written, not removed.
    writing = {path for _, path, _ in changes}
    removed = [path for path in dict.fromkeys(removed) if path not in writing]
    build = current_build(site_dir)
    assert build is not None
    state.build = build.name
    pages_changed = any(path.endswith(".html") for _, path, _ in changes) or removed
    refresh = search and (pages_changed or previous.search_stale)
    state.search_stale = previous.search_stale or (not search and bool(pages_changed))
    if refresh:
        state.search_stale = False
    state.search = SearchState(previous.search.stable, previous.search.recent)
    if not changes and not removed and not refresh:
        return BuildReport(build, False, (), (), 0, {})

    timings: dict[str, float] = {}
    placed: list[str] = []
    hook = None
    folders_out: list[str] = []
    if refresh:
        current = {bulletin_id: summary.digest for bulletin_id, summary in state.summaries.items()}
        outdated = state.search.outdated(current)
        if outdated != state.search.recent.digests:
            generation = new_generation()
            keep = {previous.search.recent.generation, generation}
            folders_out = retired_generations(build, RECENT, keep)
        else:
            generation = ""  # the recent bundle is the one in place: only skips may change

        def hook(folder: Path) -> list[tuple[str, SiteFile]]:
            started = time.perf_counter()
            files: list[tuple[str, SiteFile]] = []
            if generation and outdated:
                bundle = recent_indexer().index(_farm(folder, outdated), work / "recent")
                state.search.recent = read_bundle(bundle, generation, outdated)
                files = bundle_files(bundle, bundle_dir(RECENT, generation))
            elif generation:
                state.search.recent = Bundle()
            files.append((paths.SEARCH_MANIFEST, manifest(state.search, current)))
            placed.extend(path for path, _ in files)
            timings["search"] = time.perf_counter() - started
            return files

        def _farm(folder: Path, bulletins: dict[int, str]) -> Path:
            """The pages to index, linked (not copied) out of the updated build."""
            pages = work / "pages"
            for bulletin_id in bulletins:
                for language in state.summaries[bulletin_id].entries:
                    path = paths.file_of(paths.bulletin_dir(language, bulletin_id))
                    target = pages / path
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.link(folder / path, target)
            return pages

    update_in_place(
        site_dir,
        ((path, content) for _, path, content in changes),
        removed,
        before_removals=hook,
        folders_out=folders_out,
    )
    written = tuple(path for _, path, _ in changes) + tuple(placed)
    return BuildReport(build, False, written, tuple(removed), counter.pages, timings)
