"""Full builds in shards on several processes: the same site as one process, or no change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlmodel import Session, col

from publisher.services import Services
from publisher.settings import Settings
from publisher.site import shards
from publisher.site.build import update_site
from publisher.site.state import fingerprint, load_state
from publisher.site.writer import builds_dir
from publisher.tables import SourceSnapshot
from tests.publisher.site.conftest import snapshot
from tests.support.fake_engine import FakeEngine

pytestmark = pytest.mark.postgres  # on SQLite, and again on PostgreSQL


@pytest.fixture
def small_shards(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two bulletins a shard, and a pool even for the six samples."""
    monkeypatch.setattr(shards, "SHARD_BULLETINS", 2)
    monkeypatch.setattr(shards, "MIN_PARALLEL_BULLETINS", 1)


def _services(settings: Settings, **changes: object) -> Services:
    changed = settings.model_copy(update=changes)
    return Services.create(changed, translation_engine_factory=lambda _: FakeEngine())


def test_two_processes_write_the_same_site_as_one(
    site_services: Services, archive: list[int], tmp_path: Path, small_shards: None
) -> None:
    settings = site_services.settings
    one = _services(settings, site_dir=tmp_path / "one", build_workers=1)
    two = _services(settings, site_dir=tmp_path / "two", build_workers=2)
    try:
        alone = update_site(one, full=True, search=False)
        shared = update_site(two, full=True, search=False)
    finally:
        one.close()
        two.close()
    assert (alone.processes, shared.processes) == (1, 2)
    assert snapshot(tmp_path / "two") == snapshot(tmp_path / "one")
    assert sorted(shared.written) == sorted(alone.written)
    assert shared.pages == alone.pages
    # The state a later incremental build starts from is the same too.
    print_ = fingerprint(settings, {})
    state_one = load_state(tmp_path / "one", print_)
    state_two = load_state(tmp_path / "two", print_)
    assert state_one is not None and state_two is not None
    assert state_two.summaries == state_one.summaries
    assert state_two.keys == state_one.keys


def test_a_failing_worker_leaves_the_site_as_it_was(
    site_services: Services,
    archive: list[int],
    small_shards: None,
) -> None:
    services = _services(site_services.settings, build_workers=2)
    site = services.settings.resolved_site_dir
    try:
        assert update_site(services, full=True, search=False).processes == 2
        before = snapshot(site)
        # A damaged stored source makes the worker that reads bulletin 3 fail for real.
        with Session(services.db) as session:
            session.exec(
                update(SourceSnapshot)  # type: ignore[call-overload]
                .where(col(SourceSnapshot.bulletin_id) == 3)
                .values(document="{damaged")
            )
            session.commit()
        with pytest.raises(json.JSONDecodeError):
            update_site(services, full=True, search=False)
    finally:
        services.close()
    assert snapshot(site) == before
    leftovers = [path.name for path in builds_dir(site).iterdir() if path.name.startswith(".")]
    assert leftovers == []


def test_only_a_large_archive_on_a_database_file_is_built_on_several_processes(
    site_settings: Settings,
) -> None:
    many = shards.MIN_PARALLEL_BULLETINS * 10
    two = site_settings.model_copy(update={"build_workers": 2})
    assert shards.build_workers(two, many) == 2
    assert shards.build_workers(two, shards.MIN_PARALLEL_BULLETINS - 1) == 1
    in_memory = two.model_copy(update={"database_url": "sqlite://"})
    assert shards.build_workers(in_memory, many) == 1
    one = site_settings.model_copy(update={"build_workers": 1})
    assert shards.build_workers(one, many) == 1
