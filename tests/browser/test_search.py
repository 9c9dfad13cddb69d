"""Search per language with Pagefind, and a plain list without JavaScript."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from publisher.services import Services
from publisher.settings import Settings
from publisher.site.build import build_site, update_site
from tests.browser.conftest import _Handler, _Server
from tests.publisher.site.archive import publish_fixture, retract_fixture, sample_files
from tests.support.fake_engine import FakeEngine

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_japanese_search_finds_japanese_pages_only(page: Any, site: tuple[Path, str]) -> None:
    _folder, base_url = site
    page.goto(base_url + "ja/search/?q=避難所", wait_until="networkidle")
    page.wait_for_selector(".search-results li a", timeout=15_000)
    links = page.locator(".search-results li a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs and all("/ja/bulletins/" in href for href in hrefs)
    assert "/ja/bulletins/3/" in hrefs
    assert "1" in (page.locator(".search-status").text_content() or "")


def test_a_japanese_word_inside_a_sentence_is_found(page: Any, site: tuple[Path, str]) -> None:
    """Pagefind's extended build segments Japanese: a word in the middle of a sentence."""
    _folder, base_url = site
    page.goto(base_url + "ja/search/", wait_until="networkidle")
    page.fill("#search-input", "断水")
    page.press("#search-input", "Enter")
    page.wait_for_selector(".search-results li a", timeout=15_000)
    assert "/ja/bulletins/5/" in (
        page.locator(".search-results li a").first.get_attribute("href") or ""
    )


def test_english_search_lists_english_pages(page: Any, site: tuple[Path, str]) -> None:
    _folder, base_url = site
    page.goto(base_url + "en/search/?q=en", wait_until="networkidle")
    page.wait_for_selector(".search-results li a", timeout=15_000)
    first = page.locator(".search-results li a").first.get_attribute("href") or ""
    assert "/en/bulletins/" in first


def test_without_javascript_the_search_page_lists_where_to_browse(
    browser: Any, site: tuple[Path, str]
) -> None:
    _folder, base_url = site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(base_url + "en/search/")
        assert not page.locator(".search-form").is_visible()
        links = page.locator(".search-fallback a")
        assert links.count() >= 3
        assert links.first.get_attribute("href") == "../../en/"
        assert links.nth(1).get_attribute("href") == "../../en/archive/"
    finally:
        context.close()


def _status_after_search(page: Any, url: str) -> tuple[int, str]:
    page.goto(url, wait_until="networkidle")
    page.wait_for_function(
        "(() => { const s = document.querySelector('.search-status').textContent;"
        " return s && !s.endsWith('…'); })()",
        timeout=15_000,
    )
    return page.locator(".search-results li").count(), page.locator(".search-status").inner_text()


@pytest.mark.parametrize(
    ("language", "one", "several"),
    [
        ("en", "1 notice found.", " notices found."),
        # Brazilian Portuguese (CLDR): 0 and 1 are singular, so only a count of one is checked
        ("pt", "1 aviso encontrado.", " avisos encontrados."),
        # Vietnamese has one form for every number
        ("vi", "Tìm thấy 1 thông báo.", " thông báo."),
    ],
)
def test_one_hit_reads_in_the_singular_of_each_language(
    page: Any, site: tuple[Path, str], language: str, one: str, several: str
) -> None:
    """The count comes from the language's catalog: its plural rule and its forms."""
    _folder, base_url = site
    # 有玉南町: only the water-outage notice (translated from its easy text, which has no 断水)
    hits, status = _status_after_search(page, f"{base_url}{language}/search/?q=有玉南町")
    assert (hits, status) == (1, one)
    hits, status = _status_after_search(page, f"{base_url}{language}/search/?q={language}")
    assert hits > 1 and status.endswith(several) and str(hits) in status


def test_an_old_list_page_sends_the_reader_to_the_archive(
    page: Any, site: tuple[Path, str]
) -> None:
    _folder, base_url = site
    page.goto(base_url + "en/page/2/")
    page.wait_for_url(base_url + "en/archive/", timeout=10_000)
    assert page.locator("h1").text_content() == "Notices by month"


@pytest.fixture
def own_site(tmp_path: Path) -> Iterator[tuple[Settings, str]]:
    """A site of its own (the shared one must not change under other tests), served."""
    httpd = _Server(("127.0.0.1", 0), partial(_Handler, directory="/nonexistent"))
    settings = Settings(
        data_dir=tmp_path / "data",
        target_languages=("en",),
        base_url=f"http://127.0.0.1:{httpd.server_address[1]}/",
        site_page_size=5,
    )
    services = Services.create(settings, translation_engine_factory=lambda _: FakeEngine())
    try:
        start = datetime(2026, 4, 1, 9, tzinfo=UTC)
        for number, path in enumerate(sample_files()):
            sample = json.loads(path.read_text(encoding="utf-8"))
            publish_fixture(
                services,
                sample,
                FakeEngine(),
                audio=False,
                published_at=start + timedelta(days=number),
            )
        build_site(services, full=True)
    finally:
        services.close()
    httpd.RequestHandlerClass = partial(
        _Handler, directory=str(settings.resolved_site_dir.resolve())
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield settings, settings.base_url
    httpd.shutdown()
    httpd.server_close()


def _search(page: Any, url: str) -> list[str]:
    page.goto(url, wait_until="networkidle")
    done = "(s => s.textContent && !s.textContent.endsWith('…'))"
    page.wait_for_function(f"{done}(document.querySelector('.search-status'))", timeout=15_000)
    return list(
        page.locator(".search-results li a").evaluate_all("links => links.map(a => a.href)")
    )


def test_a_new_notice_is_found_right_after_its_publish(
    page: Any, own_site: tuple[Settings, str]
) -> None:
    """The recent bundle finds the new notice, the stable one the others, merged on one
    search page; a retracted notice is left out although the stable bundle still has it."""
    settings, base_url = own_site
    assert f"{base_url}ja/bulletins/3/" in _search(page, base_url + "ja/search/?q=避難所")
    services = Services.create(settings, translation_engine_factory=lambda _: FakeEngine())
    try:
        sample = {
            "category": "event",
            "title": "花火大会を開催します",
            "body": "8月に浜名湖で花火大会を開催します。",
        }
        when = datetime(2026, 5, 1, 9, tzinfo=UTC)
        new = publish_fixture(services, sample, FakeEngine(), audio=False, published_at=when)
        retract_fixture(services, 3)  # the only notice with 避難所
        report = update_site(services)
    finally:
        services.close()
    assert not report.full
    assert _search(page, base_url + "ja/search/?q=花火大会") == [f"{base_url}ja/bulletins/{new}/"]
    assert f"{base_url}ja/bulletins/5/" in _search(page, base_url + "ja/search/?q=断水")
    assert _search(page, base_url + "ja/search/?q=避難所") == []
    assert f"{base_url}en/bulletins/{new}/" in _search(page, base_url + "en/search/?q=en")
