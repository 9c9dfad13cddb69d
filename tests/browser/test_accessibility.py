"""axe-core finds no WCAG 2.2 A/AA violation on any page type, with or without JavaScript.

Every page type in Japanese, in the furigana version, in a left-to-right translated language
(English, and Korean for a second script), the root language chooser and the 404 page. "Without
JavaScript" blocks the site's own scripts (axe itself still runs) to check the page as an old
phone shows it; "with" lets the scripts enhance it (player tools, search form, search results).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = {
    "root chooser": "",
    "ja bulletin": "ja/bulletins/3/",
    "ja furigana bulletin": "ja/bulletins/3/furigana/",
    "ja easy bulletin": "ja/bulletins/3/easy/",
    "en bulletin": "en/bulletins/3/",
    "ko bulletin": "ko/bulletins/2/",
    "ja bulletin with images": "ja/bulletins/2/",
    "ja furigana bulletin with images": "ja/bulletins/2/furigana/",
    "ja easy bulletin with images": "ja/bulletins/2/easy/",
    "en bulletin with images": "en/bulletins/2/",
    "ja index": "ja/",
    "ja furigana index": "ja/furigana/",
    "en index": "en/",
    "ko index (notices not yet in Korean)": "ko/",
    "pt category (a notice only in Japanese and English)": "pt/categories/disaster/",
    "ja archive": "ja/archive/",
    "ja furigana archive": "ja/archive/furigana/",
    "en archive": "en/archive/",
    "ja month": "ja/archive/2026-04/",
    "ja furigana month page 2": "ja/archive/2026-04/page/2/furigana/",
    "en month page 2": "en/archive/2026-04/page/2/",
    "en category archive": "en/categories/health/archive/",
    "ko category month": "ko/categories/health/archive/2026-04/",
    "ja category": "ja/categories/disaster/",
    "ja furigana category": "ja/categories/disaster/furigana/",
    "en category": "en/categories/health/",
    "ja withdrawn notice": "ja/bulletins/7/",
    "ja furigana withdrawn notice": "ja/bulletins/7/furigana/",
    "en withdrawn notice": "en/bulletins/7/",
    "ja accessibility": "ja/accessibility/",
    "ja furigana accessibility": "ja/accessibility/furigana/",
    "en accessibility": "en/accessibility/",
    "ja search": "ja/search/",
    "ja furigana search": "ja/search/furigana/",
    "en search": "en/search/",
    "ja talking books": "ja/editions/",
    "ja furigana talking books": "ja/editions/furigana/",
    "en talking books": "en/editions/",
    "ko talking books (none yet)": "ko/editions/",
    "404": "no/such/page/",
}


@pytest.mark.parametrize("scripts", [True, False], ids=["with-js", "without-js"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_axe_violations(page: Any, site: tuple[Path, str], name: str, scripts: bool) -> None:
    _folder, base_url = site
    if not scripts:
        page.route("**/assets/*.js", lambda route: route.abort())
    response = page.goto(base_url + PAGES[name], wait_until="networkidle")
    assert response is not None
    assert response.status == (404 if name == "404" else 200)
    violations = run_axe(page)
    assert violations == [], violations


@pytest.mark.parametrize(
    ("path", "query"),
    [("ja/search/", "避難所"), ("en/search/", "en"), ("ja/search/furigana/", "健診")],
)
def test_search_results_have_no_axe_violations(
    page: Any, site: tuple[Path, str], path: str, query: str
) -> None:
    _folder, base_url = site
    page.goto(base_url + path, wait_until="networkidle")
    page.fill("#search-input", query)
    page.press("#search-input", "Enter")
    page.wait_for_selector(".search-results li a", timeout=15_000)
    assert run_axe(page) == []


def test_page_has_one_h1_and_landmarks(page: Any, site: tuple[Path, str]) -> None:
    _folder, base_url = site
    for path in PAGES.values():
        page.goto(base_url + path)
        assert page.locator("h1").count() == 1, path
        assert page.locator("main#main").count() == 1, path
        assert page.locator("header").count() >= 1, path
        assert page.locator("footer").count() >= 1, path
        skip = page.locator("a.skip-link")
        assert skip.get_attribute("href") == "#main", path


@pytest.mark.parametrize("scheme", ["dark", "light"])
@pytest.mark.parametrize("name", ["ja bulletin", "en bulletin", "ja furigana index", "en search"])
def test_colour_schemes_keep_aa_contrast(
    page: Any, site: tuple[Path, str], name: str, scheme: str
) -> None:
    _folder, base_url = site
    page.emulate_media(color_scheme=scheme, contrast="more" if scheme == "light" else None)
    page.goto(base_url + PAGES[name], wait_until="networkidle")
    if "bulletin" in name:
        page.locator("#page-body .s").first.click()  # the highlight must keep contrast too
    assert run_axe(page) == []


@pytest.mark.parametrize(
    "name", ["ja bulletin", "en bulletin", "ja furigana bulletin", "ja easy bulletin", "en index"]
)
def test_reflows_at_320_css_pixels_and_at_200_percent_text(
    browser: Any, site: tuple[Path, str], name: str
) -> None:
    """WCAG 1.4.10 and 1.4.4: no sideways scrolling on a small phone or with text doubled."""
    _folder, base_url = site
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        page.goto(base_url + PAGES[name], wait_until="networkidle")
        overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        assert page.evaluate(overflow) <= 0
        page.set_viewport_size({"width": 1280, "height": 800})
        page.evaluate("document.documentElement.style.fontSize = '200%'")  # the reader's zoom
        assert page.evaluate(overflow) <= 0
        hidden = page.evaluate(
            """() => [...document.querySelectorAll('main p, main li, main h1, main h2')]
                .filter((element) => element.scrollWidth > element.clientWidth + 1).length"""
        )
        assert hidden == 0
    finally:
        context.close()
