"""The fold: a new stable search bundle of the whole site, put in beside the recent one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from publisher.services import Services
from publisher.site.build import update_site
from publisher.site.search_fold import fold_search, start_fold, wait_for_fold
from tests.publisher.site.archive import publish_fixture, retract_fixture
from tests.publisher.site.conftest import BASE_URL
from tests.publisher.site.linkcheck import SiteChecker
from tests.support.fake_engine import FakeEngine

pytestmark = pytest.mark.slow  # runs the Pagefind binary


def _manifest(site: Path) -> dict[str, Any]:
    return dict(json.loads((site / "pagefind/bundles.json").read_text()))


def _pages(bundle: Path) -> int:
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    return sum(info["page_count"] for info in entry["languages"].values())


def test_a_fold_puts_recent_notices_into_a_new_stable_bundle(
    site_services: Services, archive: list[int], engine: FakeEngine, samples: list[dict[str, str]]
) -> None:
    update_site(site_services, full=True)
    site = site_services.settings.resolved_site_dir
    publish_fixture(site_services, samples[0], engine, audio=False)
    retract_fixture(site_services, 2)
    update_site(site_services)
    before = _manifest(site)
    assert len(before["bundles"]) == 2 and len(before["skip"]) == 4  # bulletin 2, retracted

    assert fold_search(site_services)
    after = _manifest(site)
    stable, recent = (site / "pagefind" / bundle["path"] for bundle in after["bundles"])
    assert stable.name != before["bundles"][0]["path"].rstrip("/")
    assert _pages(stable) == 6 * 4  # five samples left and the new notice, four languages
    assert recent.name == before["bundles"][1]["path"].rstrip("/")  # until the next build
    assert after["skip"] == []  # the recent copy has the same page ids: shown once
    assert (site / "pagefind" / before["bundles"][0]["path"]).is_dir()  # for readers mid-search
    assert SiteChecker(site.resolve(), BASE_URL).check() == []

    publish_fixture(site_services, samples[1], engine, audio=False)
    update_site(site_services)
    stable_again, newest = (site / "pagefind" / b["path"] for b in _manifest(site)["bundles"])
    assert stable_again == stable
    assert _pages(newest) == 4  # only the notice published since the fold


def test_a_fold_runs_in_a_process_of_its_own(
    site_services: Services, archive: list[int], engine: FakeEngine, samples: list[dict[str, str]]
) -> None:
    update_site(site_services, full=True)
    site = site_services.settings.resolved_site_dir
    publish_fixture(site_services, samples[0], engine, audio=False)
    update_site(site_services)
    stable = _manifest(site)["bundles"][0]["path"]
    assert start_fold(site_services.settings)
    wait_for_fold()
    assert _manifest(site)["bundles"][0]["path"] != stable
