"""Search per language with Pagefind, and a plain list without JavaScript."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

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
        assert links.count() >= 2
        assert links.first.get_attribute("href") == "../../en/"
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
    hits, status = _status_after_search(page, f"{base_url}{language}/search/?q=断水")
    assert (hits, status) == (1, one)
    hits, status = _status_after_search(page, f"{base_url}{language}/search/?q={language}")
    assert hits > 1 and status.endswith(several) and str(hits) in status
