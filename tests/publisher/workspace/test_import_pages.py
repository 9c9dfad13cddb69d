"""Import a Word file on the new-bulletin page: the form comes back filled with the
document's title and Markdown body, what was dropped in the page's language, the images to
add after saving and the checks of the text; a file that is not a Word document is refused
with the reason; the upload needs the form token."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from httpx import Response
from lxml import html
from sqlmodel import Session, func, select

from publisher.imports.docx import MAX_DOCX_BYTES, import_docx
from publisher.services import Services
from publisher.tables import Bulletin
from publisher.workspace.render import LANGUAGE_COOKIE
from tests.publisher.workspace.conftest import csrf_of
from tests.support.word import ALT, notice

Browser = Callable[[str], TestClient]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def upload(client: TestClient, data: bytes, *, token: str | None = "page") -> Response:
    form = {}
    if token == "page":
        form["csrf_token"] = csrf_of(client.get("/staff/bulletins/new").text)
    elif token:
        form["csrf_token"] = token
    return client.post(
        "/staff/bulletins/import", data=form, files={"file": ("避難所.docx", data, DOCX)}
    )


def test_a_word_file_fills_the_new_bulletin_form(browser: Browser, services: Services) -> None:
    editor = browser("editor-san")
    data = notice(header_row=False)
    response = upload(editor, data)
    assert response.status_code == 200, response.text
    tree = html.fromstring(response.text)
    expected = import_docx(data)
    assert tree.xpath("//input[@id='title']/@value") == ["避難所を開設しました"]
    assert tree.xpath("string(//textarea[@id='body'])") == expected.body
    result = tree.xpath("string(//*[@id='import-result'])")
    assert "避難所.docx" in result
    messages = tree.xpath("//*[@id='import-result']//ul/li/text()")
    assert len(messages) == len(expected.messages)
    assert any("見出し行" in message for message in messages)  # the table without a header
    (row,) = tree.xpath("//*[@id='import-result']//tbody/tr")
    assert row.xpath("string(th)") == "image-1.png" and row.xpath("string(td[1])") == ALT
    # The checks of the imported text are on the page, beside their sentences.
    checks = tree.xpath("//section[@id='checks']//ul[@class='findings']/li")
    assert any("表" in finding.text_content() for finding in checks)
    with Session(services.db) as session:  # nothing is saved until the form is
        assert session.exec(select(func.count()).select_from(Bulletin)).one() == 0


def test_messages_are_in_the_page_language(browser: Browser) -> None:
    editor = browser("editor-san")
    editor.cookies.set(LANGUAGE_COOKIE, "en", path="/staff")
    tree = html.fromstring(upload(editor, notice()).text)
    result = tree.xpath("string(//*[@id='import-result'])")
    assert "text box(es) dropped" in result and "Images to add after saving" in result


def test_a_file_that_is_not_a_word_document_shows_the_reason(browser: Browser) -> None:
    editor = browser("editor-san")
    response = upload(editor, b"%PDF-1.7 not a Word file")
    assert response.status_code == 415
    tree = html.fromstring(response.text)
    (alert,) = tree.xpath("//*[@role='alert']")
    assert "Wordの.docxファイルではありません" in alert.text_content()
    assert tree.xpath("//form[@action='/staff/bulletins/import']")  # to try again
    assert tree.xpath("//input[@id='title']/@value") == [""]
    damaged = notice()[:2000]
    assert upload(editor, damaged).status_code in (415, 422)


def test_the_upload_needs_the_form_token(browser: Browser) -> None:
    editor = browser("editor-san")
    assert upload(editor, notice(), token=None).status_code == 403
    assert upload(editor, notice(), token="wrong").status_code == 403


def test_no_file_chosen_says_so(browser: Browser) -> None:
    editor = browser("editor-san")
    token = csrf_of(editor.get("/staff/bulletins/new").text)
    response = editor.post(
        "/staff/bulletins/import",
        data={"csrf_token": token},
        files={"file": ("", b"", "application/octet-stream")},
    )
    assert response.status_code == 400
    assert "取り込むWordファイル（.docx）を選んでください。" in response.text


def test_a_file_over_the_limit_is_refused_with_the_limit(browser: Browser) -> None:
    editor = browser("editor-san")
    response = upload(editor, b"0" * (MAX_DOCX_BYTES + 1))
    assert response.status_code == 413
    (alert,) = html.fromstring(response.text).xpath("//*[@role='alert']")
    assert f"{MAX_DOCX_BYTES // 1_000_000} MB" in alert.text_content()
