"""The Pagefind index: one per language, refreshed after an edit, never listing removed pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from publisher.services import Services
from publisher.site.build import update_site
from publisher.site.search import bundle_changes, make_index
from tests.publisher.site.archive import retract_fixture

pytestmark = pytest.mark.slow  # runs the Pagefind binary


def _languages(site: Path) -> dict[str, int]:
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text())
    return {code: info["page_count"] for code, info in entry["languages"].items()}


def test_a_full_build_indexes_each_language_apart(
    site_services: Services, archive: list[int]
) -> None:
    report = update_site(site_services, full=True)
    site = site_services.settings.resolved_site_dir
    assert report.seconds["search"] > 0
    assert _languages(site) == {"ja": 6, "en": 6, "pt": 6, "vi": 6}  # furigana pages are not
    assert not list(site.glob("pagefind/pagefind-ui.*"))  # the site has its own small script


def test_an_update_refreshes_the_index_without_removed_pages(
    site_services: Services, archive: list[int]
) -> None:
    update_site(site_services, full=True)
    site = site_services.settings.resolved_site_dir
    retract_fixture(site_services, 3)
    report = update_site(site_services)
    assert not report.full
    assert "pagefind/pagefind-entry.json" in report.written
    assert _languages(site) == {"ja": 5, "en": 5, "pt": 5, "vi": 5}


def test_a_build_without_search_leaves_it_for_the_next(
    site_services: Services, archive: list[int]
) -> None:
    update_site(site_services, full=True)
    site = site_services.settings.resolved_site_dir
    retract_fixture(site_services, 4)
    update_site(site_services, search=False)
    assert _languages(site)["en"] == 6  # stale, and the state remembers it
    report = update_site(site_services)
    assert "pagefind/pagefind-entry.json" in report.written
    assert not [path for path in report.written if path.endswith(".html")]  # pages were done
    assert _languages(site)["en"] == 5


def test_only_new_or_changed_bundle_files_are_placed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "en/bulletins/1").mkdir(parents=True)
    (site / "en/bulletins/1/index.html").write_text(
        '<html lang="en"><body><article data-pagefind-body><h1>Water</h1>'
        "<p>The water will be off on Tuesday.</p></article></body></html>"
    )
    bundle = make_index(site, tmp_path / "bundle")
    first = bundle_changes(bundle, None)
    assert first[-1][0] == "pagefind/pagefind-entry.json"  # the switch comes last
    assert any(path.startswith("pagefind/fragment/") for path, _ in first)
    again = bundle_changes(bundle, bundle)
    assert [path for path, _ in again] == ["pagefind/pagefind-entry.json"]
