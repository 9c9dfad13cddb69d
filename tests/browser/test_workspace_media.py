"""The workspace's schedule fields and images in Debian chromium: axe-core (WCAG 2.2 A/AA)
finds no violation on the write form with a schedule (refused and saved) nor on a bulletin's
page with an image (uploaded through the form, its thumbnail loaded, a flyer warning shown).
"""

from __future__ import annotations

from typing import Any

import pytest

from publisher.services import Services
from tests.browser.test_workspace import (  # the same server, accounts and checks
    _assert_clean,
    _sign_in,
    staff_page,
    workspace,
)
from tests.support.images import photo_with_gps

pytestmark = [pytest.mark.browser, pytest.mark.slow]
__all__ = ["staff_page", "workspace"]  # fixtures, used by name

FLYER_ALT = "防災訓練のチラシ。12月6日午前9時から、中央小学校で。問い合わせは053-000-1234へ。"


@pytest.mark.parametrize("language", ["ja", "en"])
def test_no_axe_violations_on_the_schedule_and_the_images(
    staff_page: Any, workspace: tuple[str, Services], language: str
) -> None:
    base, _services = workspace
    page = staff_page
    page.goto(f"{base}/staff/language/{language}?next=/staff/signin")
    _sign_in(page, base, "作成 太郎")
    page.goto(f"{base}/staff/bulletins/new")
    page.fill("#title", "防災訓練のお知らせ")
    page.fill("#body", "防災訓練を行います。")
    page.fill("#category", "disaster")
    page.fill("#publish_at", "2026-12-06T09:00")
    page.fill("#expires_at", "2026-12-01T09:00")  # before the publish time: refused
    page.click("form.form button[type=submit]")
    assert page.locator("#expires_at-error").count() == 1
    assert page.get_attribute("#expires_at", "aria-invalid") == "true"
    _assert_clean(page, "write, schedule refused")
    page.fill("#expires_at", "2026-12-07T17:30")
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/staff/bulletins/*?done=saved")
    bulletin_path = page.url.split("?")[0].removeprefix(base)
    assert page.locator("time", has_text="2026-12-06 09:00 JST").count() == 1
    page.goto(f"{base}{bulletin_path}/edit")
    assert page.input_value("#publish_at") == "2026-12-06T09:00"
    assert page.input_value("#expires_at") == "2026-12-07T17:30"
    _assert_clean(page, "edit, with a schedule")

    page.goto(f"{base}{bulletin_path}")
    image = {"name": "flyer.jpg", "mimeType": "image/jpeg", "buffer": photo_with_gps(900, 600)}
    page.set_input_files("#upload-file", files=[image])
    page.fill("#upload-alt", "a flyer")  # not Japanese: refused beside the field
    page.select_option("#upload-kind", "flyer")
    page.click("#images form.form button[type=submit]")
    assert page.locator("#upload-alt-error").count() == 1
    _assert_clean(page, "bulletin, image refused")
    page.set_input_files("#upload-file", files=[image])
    page.fill("#upload-alt", FLYER_ALT)
    page.select_option("#upload-kind", "flyer")
    page.click("#images form.form button[type=submit]")
    page.wait_for_url("**?done=image_added*")
    page.wait_for_function(  # the thumbnail, served by the workspace, loads
        "() => { const img = document.querySelector('#image-1 img');"
        " return img !== null && img.complete && img.naturalWidth > 0; }"
    )
    assert page.locator("#image-1 .warnings li").count() >= 1
    assert page.locator("#image-1 code", has_text="![](image:1)").count() == 1
    _assert_clean(page, "bulletin, with an image")
    page.goto(f"{base}/staff/")
    _assert_clean(page, "dashboard, with a schedule")
