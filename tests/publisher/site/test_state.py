"""The build state: read back as written, refused when its format is not this one's or a
file is missing, and saved after an edit by writing only what changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.services import Services
from publisher.site import state as state_module
from publisher.site.build import build_site
from publisher.site.state import fingerprint, load_state, save_state, shards_dir
from tests.publisher.site.archive import revise_fixture
from tests.support.fake_engine import FakeEngine


def _fingerprint(services: Services) -> str:
    return fingerprint(services.settings, {})


def test_a_saved_state_reads_back_equal_in_a_fresh_process(
    site_services: Services, built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    print_ = _fingerprint(site_services)
    saved = load_state(built, print_)
    assert saved is not None and saved.summaries
    # As a fresh process: nothing remembered, every summary decoded from the file.
    monkeypatch.setattr(state_module, "_remembered", {})
    monkeypatch.setattr(state_module, "_shard_files", {})
    again = load_state(built, print_)
    assert again is not None and again is not saved
    assert again.summaries == saved.summaries
    assert again.stamps == saved.stamps
    assert again.keys == saved.keys
    assert (again.build, again.search_stale) == (saved.build, saved.search_stale)
    save_state(built, again)  # summaries decoded from the file are written unchanged
    monkeypatch.setattr(state_module, "_remembered", {})
    assert load_state(built, print_) == again


def test_a_state_written_in_another_format_is_not_used(
    site_services: Services, built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    print_ = _fingerprint(site_services)
    monkeypatch.setattr(state_module, "_remembered", {})
    assert load_state(built, print_) is not None  # read from the file in this format
    monkeypatch.setattr(state_module, "_remembered", {})
    monkeypatch.setattr(state_module, "_format", lambda: (0, 0, 3, 99))
    assert load_state(built, print_) is None


def test_an_edit_rewrites_one_summaries_file_and_drops_the_one_it_replaces(
    site_services: Services, archive: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(state_module, "SUMMARY_SHARD", 2)
    site = site_services.settings.resolved_site_dir
    build_site(site_services, full=True, search=False)
    folder = shards_dir(site)
    before = {path.name for path in folder.iterdir()}
    assert len(before) == len({bulletin_id // 2 for bulletin_id in archive}) > 1

    edited = archive[0]
    revise_fixture(site_services, edited, FakeEngine(), title="断水の日程を変更しました")
    build_site(site_services, changed=(edited,), search=False)
    after = {path.name for path in folder.iterdir()}
    assert len(after - before) == 1 and len(before - after) == 1

    # A fresh process reads the edit back from the new file.
    monkeypatch.setattr(state_module, "_remembered", {})
    monkeypatch.setattr(state_module, "_shard_files", {})
    again = load_state(site, _fingerprint(site_services))
    assert again is not None and set(again.summaries) == set(archive)
    assert again.summaries[edited].entries["ja"].title == "断水の日程を変更しました"


def test_a_state_missing_one_of_its_summaries_files_is_not_used(
    site_services: Services, built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(state_module, "_remembered", {})
    assert load_state(built, _fingerprint(site_services)) is not None
    next(shards_dir(built).iterdir()).unlink()
    monkeypatch.setattr(state_module, "_remembered", {})
    assert load_state(built, _fingerprint(site_services)) is None
