"""The read-along script: speed control, sentence highlight and seeking, no focus moves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_speed_control_sets_the_playback_rate(page: Any, site: tuple[Path, str]) -> None:
    _folder, base_url = site
    page.goto(base_url + "en/bulletins/3/", wait_until="networkidle")
    tools = page.locator(".player-tools")
    assert tools.is_visible()
    page.select_option("#playback-speed", "1.5")
    assert page.evaluate("document.getElementById('player').playbackRate") == 1.5
    page.focus("#playback-speed")
    page.keyboard.press("ArrowDown")  # a real <select>: the keyboard changes it
    assert page.evaluate("document.getElementById('player').playbackRate") == 2


def test_clicking_a_sentence_seeks_and_highlights_it(page: Any, site: tuple[Path, str]) -> None:
    _folder, base_url = site
    page.goto(base_url + "ja/bulletins/3/", wait_until="networkidle")
    page.wait_for_function("() => document.querySelector('.readalong') !== null")
    sentences = page.locator("#page-body .s")
    third = sentences.nth(2)
    third.click()
    assert "reading" in (third.get_attribute("class") or "")
    assert page.locator(".s.reading").count() == 1
    # Cue times come from captions.vtt: the title is cue 0, so body sentence 3 is cue 3,
    # which starts at 1.5 s; the click also starts playback from there.
    page.wait_for_function("() => document.getElementById('player').currentTime >= 1.5")
    # Where playback began (or, if the headless browser cannot play, where it is waiting).
    began = page.evaluate(
        "(p => p.played.length ? p.played.start(0) : p.currentTime)"
        "(document.getElementById('player'))"
    )
    assert began == pytest.approx(1.5, abs=0.3)


def test_sentence_buttons_step_through_the_captions(page: Any, site: tuple[Path, str]) -> None:
    _folder, base_url = site
    page.goto(base_url + "en/bulletins/3/", wait_until="networkidle")
    page.wait_for_function("() => document.querySelector('.readalong') !== null")
    page.get_by_role("button", name="Next sentence").click()
    first = page.locator(".s.reading").get_attribute("id")
    page.get_by_role("button", name="Next sentence").click()
    second = page.locator(".s.reading").get_attribute("id")
    assert first and second and first != second
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Next sentence"  # focus stays where the listener put it
    page.get_by_role("button", name="Previous sentence").click()
    assert page.locator(".s.reading").get_attribute("id") == first
    page.wait_for_function("() => document.getElementById('player').currentTime === 0.5")


def test_without_javascript_the_player_and_links_still_work(
    browser: Any, site: tuple[Path, str]
) -> None:
    _folder, base_url = site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(base_url + "en/bulletins/3/")
        assert page.locator("audio[controls] source[src='audio.mp3']").count() == 1
        assert not page.locator(".player-tools").is_visible()
        response = page.request.get(base_url + "en/bulletins/3/audio.mp3")
        assert response.status == 200
        assert response.headers["content-type"] == "audio/mpeg"
        captions = page.request.get(base_url + "en/bulletins/3/captions.vtt").text()
        assert captions.startswith("WEBVTT")
        assert "\ntitle\n" in captions
    finally:
        context.close()
