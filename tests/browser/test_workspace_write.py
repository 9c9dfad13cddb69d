"""The write page in Debian chromium: the checks beside each sentence (after the "check"
button) and the result of a Word import (filled form, messages, images, checks) and of a
refused file pass axe-core (WCAG 2.2 A/AA) with no violation, in Japanese and English."""

from __future__ import annotations

from typing import Any

import pytest

from publisher.services import Services
from tests.browser.test_workspace import _assert_clean, _sign_in, staff_page, workspace
from tests.support.word import ALT, notice

__all__ = ["staff_page", "workspace"]

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _upload(page: Any, name: str, data: bytes) -> None:
    page.set_input_files("#docx-file", files=[{"name": name, "mimeType": DOCX, "buffer": data}])
    page.click("form.upload button[type=submit]")
    page.wait_for_load_state()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_findings_and_import_results_have_no_axe_violations(
    staff_page: Any, workspace: tuple[str, Services], language: str
) -> None:
    base, _services = workspace
    page = staff_page
    page.goto(f"{base}/staff/language/{language}?next=/staff/signin")
    _sign_in(page, base, "作成 太郎")
    page.goto(f"{base}/staff/bulletins/new")
    page.fill("#title", "説明会のお知らせ")
    page.fill(
        "#body",
        "説明会はＡＢＣ会館で行います。\n\n詳しくは[こちら](https://www.city.example.jp/)を見てください。",
    )
    page.click("form.form button[formaction]")  # check, without filling the category
    page.wait_for_load_state()
    assert page.locator("#checks mark").all_inner_texts() == ["ＡＢＣ", "こちら"]
    assert page.input_value("#title") == "説明会のお知らせ"
    _assert_clean(page, "write, with findings")

    page.goto(f"{base}/staff/bulletins/new")
    _upload(page, "避難所.docx", notice(header_row=False))
    assert page.input_value("#title") == "避難所を開設しました"
    assert page.locator("#import-result tbody td").first.inner_text() == ALT
    assert page.locator("#checks .findings li").count() >= 1
    _assert_clean(page, "import result")

    page.goto(f"{base}/staff/bulletins/new")
    _upload(page, "notice.pdf", b"%PDF-1.7 not a Word file")
    assert page.locator("#import-result[role=alert]").count() == 1
    _assert_clean(page, "import refused")
