"""The build state file: read back as written, refused when its format is not this one's."""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.services import Services
from publisher.site import state as state_module
from publisher.site.state import fingerprint, load_state, save_state


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
    monkeypatch.setattr(state_module, "_stored", {})
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
