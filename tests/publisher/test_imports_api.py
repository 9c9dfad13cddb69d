"""POST /api/v1/imports/docx: a Word file becomes the bulletin form's text, images and
messages; refused for anyone but staff, and with the reason for what is not a Word file."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from publisher.imports.docx import MAX_DOCX_BYTES
from tests.publisher.test_memory_support import App, app, fake_engine
from tests.support.word import ALT, notice, png

__all__ = ["app", "fake_engine"]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def upload(app: App, data: bytes, role: str | None = "editor", **kwargs: Any) -> Any:
    headers = app.keys[role] if role else {}
    return app.client.post(
        "/api/v1/imports/docx",
        files={"file": ("notice.docx", data, DOCX)},
        headers={**headers, **kwargs.pop("headers", {})},
        **kwargs,
    )


def test_a_word_file_becomes_the_bulletin_text(app: App) -> None:
    response = upload(app, notice(alt=None))
    assert response.status_code == 200, response.text
    imported = response.json()
    assert imported["title"] == "避難所を開設しました"
    assert "## 開設した避難所" in imported["body"]
    (image,) = imported["images"]
    assert {k: image[k] for k in ("name", "alt", "content_type", "size")} == {
        "name": "image-1.png",
        "alt": "",
        "content_type": "image/png",
        "size": len(png()),
    }
    assert base64.b64decode(image["data"]) == png()
    by_code = {message["code"]: message for message in imported["messages"]}
    assert by_code["text-boxes-dropped"]["details"] == {"count": 1}
    assert by_code["text-boxes-dropped"]["text"].startswith("テキストボックス1個")
    assert by_code["image-without-alt"]["text"].startswith("画像 image-1.png に代替テキスト")
    # The text goes on to a bulletin as it is.
    created = app.client.post(
        "/api/v1/bulletins",
        json={"title": imported["title"], "body": imported["body"], "category": "disaster"},
        headers=app.keys["editor"],
    )
    assert created.status_code == 201, created.text


def test_messages_in_english_when_asked(app: App) -> None:
    imported = upload(app, notice(), params={"lang": "en"}).json()
    texts = [message["text"] for message in imported["messages"]]
    assert "1 text box(es) dropped: copy any information they held into the text." in texts
    assert imported["images"][0]["alt"] == ALT


def test_only_staff_may_import(app: App) -> None:
    assert upload(app, notice(), role=None).status_code == 401
    wrong = {"Authorization": "Bearer nope"}
    assert upload(app, notice(), role=None, headers=wrong).status_code == 401


@pytest.mark.parametrize(
    ("data", "status", "reason"),
    [
        (b"plain text", 415, "not a Word .docx file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), 415, "saved as .docx"),
        (notice()[: len(notice()) // 2], 415, "not a Word"),
    ],
    ids=["text", "doc", "truncated"],
)
def test_what_is_not_a_word_file_is_refused_with_the_reason(
    app: App, data: bytes, status: int, reason: str
) -> None:
    response = upload(app, data)
    assert response.status_code == status
    assert reason in response.json()["detail"]


def test_no_file_and_too_large_files_are_refused(app: App) -> None:
    missing = app.client.post("/api/v1/imports/docx", headers=app.keys["editor"])
    assert missing.status_code == 422
    too_large = upload(app, bytes(MAX_DOCX_BYTES + 1))
    assert too_large.status_code == 413
    # Everywhere else the ordinary request limit still holds.
    big_json = app.client.post(
        "/api/v1/checks",
        content=b'{"title": "x", "body": "' + b"a" * 300_000 + b'"}',
        headers={**app.keys["editor"], "Content-Type": "application/json"},
    )
    assert big_json.status_code == 413


def test_a_damaged_word_file_is_refused_naming_the_file(app: App) -> None:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(notice())) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/document.xml"] = b"<w:document"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    response = upload(app, buffer.getvalue())
    assert response.status_code == 422
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["body", "file"] and "document.xml" in problem["msg"]
