"""The site has one writer at a time: on SQLite per machine, on PostgreSQL across machines."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from publisher.services import Services
from publisher.settings import Settings
from publisher.site import build as build_module
from publisher.site.build import SITE_LOCK_KEY, build_site, update_site
from publisher.site.writer import builds_dir, current_build
from tests.publisher.site.archive import publish_fixture
from tests.publisher.site.conftest import snapshot
from tests.support.backends import Backend
from tests.support.fake_engine import FakeEngine

pytestmark = pytest.mark.postgres  # on SQLite, and again on PostgreSQL


class _RefusedError(Exception):
    """Raised in place of a build once it has been counted (the check of the check)."""


@pytest.fixture
def writers(
    site_settings: Settings, backend: Backend, tmp_path: Path, samples: list[dict[str, str]]
) -> Iterator[list[Services]]:
    """Two writers of one site with a few bulletins published (no audio).

    On PostgreSQL they stand for two machines: each has a data folder of its own (so a lock
    file there could not keep them apart), the database and the site folder are shared. On
    SQLite, two processes of one machine: the same data folder.
    """
    site = tmp_path / "shared-volume" / "site"
    first = site_settings.model_copy(update={"site_dir": site})
    second = first
    if backend.name == "postgres":
        second = first.model_copy(update={"data_dir": tmp_path / "other-machine" / "data"})
    made = [
        Services.create(settings, translation_engine_factory=lambda _: FakeEngine())
        for settings in (first, second)
    ]
    for sample in samples[:3]:
        publish_fixture(made[0], sample, FakeEngine(), audio=False)
    yield made
    for services in made:
        services.close()


def _build_together(
    writers: list[Services],
    monkeypatch: pytest.MonkeyPatch,
    *,
    pause: Callable[[], object],
    then: Callable[..., Any],
) -> tuple[int, list[BaseException]]:
    """Start a full build in each writer at once; returns how many wrote at the same time.

    Each writer, once it writes, waits on ``pause`` before going on: time enough for the
    other to come in too, if nothing stops it."""
    inside = most = 0
    counting = threading.Lock()
    start = threading.Barrier(len(writers))
    errors: list[BaseException] = []

    def watched(*args: Any, **kwargs: Any) -> Any:
        nonlocal inside, most
        with counting:
            inside += 1
            most = max(most, inside)
        try:
            pause()
            return then(*args, **kwargs)
        finally:
            with counting:
                inside -= 1

    monkeypatch.setattr(build_module, "_full", watched)

    def run(services: Services) -> None:
        start.wait()
        try:
            update_site(services, full=True, search=False)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=run, args=(services,)) for services in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return most, errors


def test_two_builds_at_once_write_one_after_the_other(
    writers: list[Services], monkeypatch: pytest.MonkeyPatch
) -> None:
    most, errors = _build_together(
        writers, monkeypatch, pause=lambda: time.sleep(0.5), then=build_module._full
    )
    assert errors == []
    assert most == 1
    site = writers[0].settings.resolved_site_dir
    build = current_build(site)
    assert build is not None
    assert not [path for path in builds_dir(site).iterdir() if path.name.startswith(".")]
    pages = snapshot(site)
    for bulletin_id in (1, 2, 3):
        for language in ("ja", "en", "pt", "vi"):
            assert f"{language}/bulletins/{bulletin_id}/index.html" in pages


def test_the_check_would_notice_two_writers_at_once(
    writers: list[Services], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build_module, "build_lock", lambda _services: nullcontext())

    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise _RefusedError  # counted, nothing written: two unlocked builds would race for real

    both = threading.Barrier(len(writers))  # passes only if both are writing at once
    most, errors = _build_together(
        writers, monkeypatch, pause=lambda: both.wait(timeout=60), then=refuse
    )
    assert most == 2
    assert len(errors) == 2 and all(isinstance(error, _RefusedError) for error in errors)


def _psycopg_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.mark.postgres(only=True)
def test_a_build_waits_for_a_writer_elsewhere_and_not_for_one_that_died(
    writers: list[Services],
) -> None:
    """The lock is the database's: held by another machine's writer, a build waits; when that
    writer is killed (its connection dropped), PostgreSQL releases it and the build goes on."""
    services = writers[0]
    url = services.settings.database_url
    assert url is not None
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import psycopg, sys, time\n"
            "connection = psycopg.connect(sys.argv[1], autocommit=True)\n"
            "connection.execute('SELECT pg_advisory_lock(%s)', (int(sys.argv[2]),))\n"
            "print('locked', flush=True)\n"
            "time.sleep(600)\n",
            _psycopg_url(url),
            str(SITE_LOCK_KEY),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        done = threading.Event()
        thread = threading.Thread(
            target=lambda: (build_site(services, search=False), done.set()), daemon=True
        )
        thread.start()
        assert not done.wait(timeout=1.5), "the build did not wait for the lock"
        assert current_build(services.settings.resolved_site_dir) is None
        holder.kill()  # SIGKILL: no unlock, only the dropped connection
        assert done.wait(timeout=60), "the lock was not released when its holder died"
        thread.join(timeout=10)
    finally:
        holder.kill()
        holder.wait(timeout=10)
    assert current_build(services.settings.resolved_site_dir) is not None
