"""The Pagefind index: a stable bundle, a recent one remade after each change, a manifest."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from publisher.services import Services
from publisher.site.build import update_site
from publisher.site.search import SearchState, manifest
from publisher.site.writer import builds_dir
from tests.publisher.site.archive import publish_fixture, retract_fixture, revise_fixture
from tests.publisher.site.conftest import BASE_URL
from tests.publisher.site.linkcheck import SiteChecker
from tests.support.fake_engine import FakeEngine

pytestmark = pytest.mark.slow  # runs the Pagefind binary


def _manifest(site: Path) -> dict[str, Any]:
    return dict(json.loads((site / "pagefind/bundles.json").read_text()))


def _languages(bundle: Path) -> dict[str, int]:
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    return {code: info["page_count"] for code, info in entry["languages"].items()}


def _bundles(site: Path) -> list[Path]:
    return [site / "pagefind" / bundle["path"] for bundle in _manifest(site)["bundles"]]


def test_a_full_build_makes_one_stable_bundle_for_every_language(
    site_services: Services, archive: list[int]
) -> None:
    report = update_site(site_services, full=True)
    site = site_services.settings.resolved_site_dir
    assert report.seconds["search"] > 0
    (stable,) = _bundles(site)
    assert stable.name.startswith("stable-")
    assert _languages(stable) == {"ja": 6, "en": 6, "pt": 6, "vi": 6}  # furigana pages are not
    assert _manifest(site)["skip"] == []
    assert not list(stable.glob("pagefind-ui.*"))  # the site has its own small script
    assert SiteChecker(site.resolve(), BASE_URL).check() == []


def test_a_new_notice_goes_into_a_small_recent_bundle(
    site_services: Services, archive: list[int], engine: FakeEngine, samples: list[dict[str, str]]
) -> None:
    update_site(site_services, full=True)
    site = site_services.settings.resolved_site_dir
    (stable,) = _bundles(site)
    new = publish_fixture(site_services, samples[2], engine, audio=False)
    report = update_site(site_services)
    assert not report.full
    assert report.written[-1] == "pagefind/bundles.json"
    first, recent = _bundles(site)
    assert first == stable  # untouched
    assert recent.name.startswith("recent-")
    assert _languages(recent) == {"ja": 1, "en": 1, "pt": 1, "vi": 1}
    fragments = [path.name for path in (recent / "fragment").iterdir()]
    assert len(fragments) == 4
    assert not [path for path in report.written if path.startswith(f"pagefind/{stable.name}")]
    assert SiteChecker(site.resolve(), BASE_URL).check() == []
    # The next notice replaces the recent bundle; the one before stays for readers mid-search.
    publish_fixture(site_services, samples[3], engine, audio=False)
    update_site(site_services)
    _, newer = _bundles(site)
    assert _languages(newer) == {"ja": 2, "en": 2, "pt": 2, "vi": 2}
    assert recent.is_dir()
    publish_fixture(site_services, samples[4], engine, audio=False)
    update_site(site_services)
    assert not recent.exists() and newer.is_dir()
    # ... and is deleted, not kept aside: nothing retired is left behind.
    assert not [p for p in builds_dir(site).iterdir() if p.name.startswith(".retired-")]
    # A build with nothing to do keeps what it knows of the bundles.
    kept = _manifest(site)
    assert update_site(site_services).written == ()
    publish_fixture(site_services, samples[5], engine, audio=False)
    update_site(site_services)
    assert _manifest(site)["bundles"][0] == kept["bundles"][0]
    assert _languages(_bundles(site)[1]) == {"ja": 4, "en": 4, "pt": 4, "vi": 4}
    assert new


def test_retracted_and_edited_notices_are_skipped_in_the_stable_bundle(
    site_services: Services, archive: list[int], engine: FakeEngine
) -> None:
    update_site(site_services, full=True)
    site = site_services.settings.resolved_site_dir
    retract_fixture(site_services, 3)
    revise_fixture(site_services, 5, engine, title="断水の日時が変わりました")
    update_site(site_services)
    found = _manifest(site)
    stable, recent = _bundles(site)
    # Bulletin 3's four pages and bulletin 5's changed pages (all four: the title changed).
    assert len(found["skip"]) == 8
    stale = {path.name.removesuffix(".pf_fragment") for path in (stable / "fragment").iterdir()}
    assert set(found["skip"]) <= stale
    assert _languages(recent) == {"ja": 1, "en": 1, "pt": 1, "vi": 1}


def test_a_build_without_search_leaves_it_for_the_next(
    site_services: Services, archive: list[int]
) -> None:
    update_site(site_services, full=True)
    site = site_services.settings.resolved_site_dir
    retract_fixture(site_services, 4)
    update_site(site_services, search=False)
    assert _manifest(site)["skip"] == []  # stale, and the state remembers it
    report = update_site(site_services)
    assert "pagefind/bundles.json" in report.written
    assert not [path for path in report.written if path.endswith(".html")]  # pages were done
    assert len(_manifest(site)["skip"]) == 4


def test_the_manifest_never_skips_a_page_that_is_still_current() -> None:
    """An unchanged page of a changed bulletin has the same id in both bundles."""
    from publisher.site.search import Bundle

    state = SearchState(
        Bundle("s1", {1: "old", 2: "same"}, {1: ["en_a", "ja_b"], 2: ["en_c"]}, ["en", "ja"]),
        Bundle("r1", {1: "new"}, {1: ["en_a", "ja_d"]}, ["en", "ja"]),
    )
    found = json.loads(manifest(state, {1: "new", 2: "same"}))
    assert found["skip"] == ["ja_b"]
    assert [bundle["path"] for bundle in found["bundles"]] == ["stable-s1/", "recent-r1/"]
