"""The fold: a new stable search bundle of the whole site, made without delaying a publish.

The recent bundle (see ``search``) grows with every notice published since the stable bundle
was made, and so does the time to remake it. Once it holds :data:`FOLD_AFTER` bulletins, the
build starts a fold in a process of its own at the lowest CPU priority:

1. under the site lock, it links every bulletin page of the live build into a scratch folder
   and notes each bulletin's version (hard links: a page replaced later keeps its old inode
   here), then lets go of the lock;
2. without the lock, Pagefind indexes that snapshot (15–40 s at 2,000 bulletins), while
   publishes go on and keep the recent bundle current;
3. under the lock again, the new bundle folder is moved into the live build in one rename,
   and the manifest names it. Bulletins published or changed since the snapshot are still in
   the recent bundle, and their snapshot pages are skipped (the manifest compares versions).

A full build in the meantime makes its own, newer stable bundle: the fold then gives up.
Only one fold runs at a time (a lock file beside the builds).
"""

from __future__ import annotations

import fcntl
import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.process import BaseProcess
from pathlib import Path

from publisher.services import Services
from publisher.settings import Settings
from publisher.site import paths
from publisher.site.search import (
    STABLE,
    bundle_dir,
    drop_widgets,
    make_index,
    manifest,
    new_generation,
    read_bundle,
    retired_generations,
)
from publisher.site.state import fingerprint, load_state, save_state
from publisher.site.writer import builds_dir, current_build, empty_retired, update_in_place
from translations.furigana import load_readings

FOLD_AFTER = 40
"""Bulletins in the recent bundle that start a fold (remaking it stays well under a second)."""
LOWEST_PRIORITY = 19


@contextmanager
def _one_fold(site_dir: Path) -> Iterator[bool]:
    """Whether this process may fold now: no other fold is running."""
    builds = builds_dir(site_dir)
    builds.mkdir(parents=True, exist_ok=True)
    with (builds / "search-fold.lock").open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def fold_search(services: Services, *, nice: int = LOWEST_PRIORITY) -> bool:
    """Make a new stable bundle of every bulletin page and put it in; False if not done."""
    from publisher.site.build import build_lock

    settings = services.settings
    site_dir = settings.resolved_site_dir
    print_ = fingerprint(settings, load_readings(settings.resolved_readings_file))
    with _one_fold(site_dir) as mine:
        if not mine:
            return False
        for leftover in builds_dir(site_dir).glob(".search-fold-*"):  # from a fold killed
            shutil.rmtree(leftover, ignore_errors=True)
        work = Path(tempfile.mkdtemp(prefix=".search-fold-", dir=builds_dir(site_dir)))
        try:
            with build_lock(services):
                state = load_state(site_dir, print_)
                build = current_build(site_dir)
                if state is None or build is None or build.name != state.build:
                    return False
                digests = {bulletin_id: s.digest for bulletin_id, s in state.summaries.items()}
                for summary in state.summaries.values():
                    for language in summary.entries:
                        path = paths.file_of(paths.bulletin_dir(language, summary.id))
                        target = work / "pages" / path
                        target.parent.mkdir(parents=True, exist_ok=True)
                        os.link(build / path, target)
            if not digests:
                return False
            generation = new_generation()
            bundle = make_index(work / "pages", work / "bundle", nice=nice)
            drop_widgets(bundle)
            stable = read_bundle(bundle, generation, digests)
            with build_lock(services):
                state = load_state(site_dir, print_)
                build = current_build(site_dir)
                if state is None or build is None or build.name != state.build:
                    return False
                if state.search.stable.generation >= generation:
                    return False  # a full build made a newer one meanwhile
                replaced = state.search.stable.generation
                state.search.stable = stable
                current = {bulletin_id: s.digest for bulletin_id, s in state.summaries.items()}
                recent = state.search.recent.digests
                # A bulletin changed since the snapshot is found in the recent bundle; one
                # that is not there either is put there by the next build.
                if any(
                    stable.digests.get(i) != d and recent.get(i) != d for i, d in current.items()
                ):
                    state.search_stale = True
                update_in_place(
                    site_dir,
                    [(paths.SEARCH_MANIFEST, manifest(state.search, current))],
                    [],
                    folders_in=[(bundle_dir(STABLE, generation), bundle)],
                    folders_out=retired_generations(build, STABLE, {replaced, generation}),
                )
                save_state(site_dir, state)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    empty_retired(site_dir)
    return True


_running: BaseProcess | None = None


def start_fold(settings: Settings) -> bool:
    """Start a fold in a new process at the lowest priority, unless this process has one
    running; returns whether one started. The caller does not wait for it."""
    global _running
    if settings.resolved_database_url in ("sqlite://", "sqlite:///:memory:"):
        return False  # another process cannot see an in-memory database
    if _running is not None:
        if _running.is_alive():
            return False
        _running.join()
    _running = multiprocessing.get_context("spawn").Process(
        target=_fold_in_background, args=(settings,), name="search-fold", daemon=False
    )
    _running.start()
    return True


def wait_for_fold() -> None:
    """Wait for the fold this process started, if any (the CLI, before it exits)."""
    if _running is not None:
        _running.join()


def _fold_in_background(settings: Settings) -> None:
    os.nice(LOWEST_PRIORITY)  # everything here, Python and Pagefind, yields to a publish
    services = Services.create(settings)
    try:
        fold_search(services, nice=0)
    finally:
        services.close()
