"""Images in notices, in a real browser: they load (lazily, at the size the screen needs),
keep their space, and carry the alt text of the page's language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ALTS = {
    "ja/bulletins/2/": ["健診会場の保健センターの入口の写真", "保健センターまでの地図"],
    "ja/bulletins/2/furigana/": ["健診会場の保健センターの入口の写真", "保健センターまでの地図"],
    "ja/bulletins/2/easy/": ["健診会場の保健センターの入口の写真", "保健センターまでの地図"],
    "en/bulletins/2/": ["[en] 健診会場の保健センターの入口の写真", "[en] 保健センターまでの地図"],
    "ko/bulletins/2/": ["[ko] 健診会場の保健センターの入口の写真", "[ko] 保健センターまでの地図"],
}


@pytest.mark.parametrize("path", list(ALTS))
def test_images_load_with_the_alt_text_of_the_page_language(
    page: Any, site: tuple[Path, str], path: str
) -> None:
    _folder, base_url = site
    page.set_viewport_size({"width": 400, "height": 800})  # a phone: the small file will do
    page.goto(base_url + path, wait_until="networkidle")
    images = page.locator("#page-body figure img")
    assert images.count() == 2
    found = []
    for index in range(2):
        image = images.nth(index)
        assert image.get_attribute("loading") == "lazy"
        image.scroll_into_view_if_needed()
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
        )
        state = image.evaluate(
            "img => ({alt: img.alt, width: img.naturalWidth, shown: img.clientWidth,"
            " src: img.currentSrc})"
        )
        assert 0 < state["shown"] <= 400  # never wider than the screen
        assert state["width"] <= 900  # the 800 px file (or the image itself if smaller)
        found.append(state["alt"])
    assert found == ALTS[path]
