"""The write form's checks: findings beside the sentence they concern, their span marked, the
hint in the page's language, the readability of the text and of each sentence; run on the
form's text without saving it, or on the saved text; never blocking a save."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from lxml import html
from sqlmodel import Session, func, select

from publisher.services import Services
from publisher.tables import Bulletin, Revision
from publisher.workspace.check_view import Piece, pieces
from publisher.workspace.render import LANGUAGE_COOKIE
from tests.publisher.workspace.conftest import csrf_of, post_form
from tests.publisher.workspace.test_bulletin_pages import FORM, write

Browser = Callable[[str], TestClient]

SENTENCE = "説明会はＡＢＣ会館で行います。"
LINK_SENTENCE = "詳しくはこちらを見てください。"
TEXT = {
    **FORM,
    "title": "説明会のお知らせ",
    "body": f"{SENTENCE}\n\n詳しくは[こちら](https://www.city.example.jp/)を見てください。",
}


def sentence_item(page: str, text: str) -> html.HtmlElement:
    """The list item of the checks that quotes ``text``."""
    tree = html.fromstring(page)
    items = tree.xpath("//section[@id='checks']//li[contains(@class, 'sentence')]")
    found = [item for item in items if item.xpath("string(.//blockquote)") == text]
    assert len(found) == 1, [item.xpath("string(.//blockquote)") for item in items]
    return found[0]


def count(services: Services, table: type) -> int:
    with Session(services.db) as session:
        return session.exec(select(func.count()).select_from(table)).one()


def test_a_finding_is_shown_beside_its_sentence_with_its_span_marked(
    browser: Browser, services: Services
) -> None:
    editor = browser("editor-san")
    response = post_form(editor, "/staff/bulletins/new", "/staff/bulletins/check", TEXT)
    assert response.status_code == 200
    item = sentence_item(response.text, SENTENCE)
    assert item.xpath(".//mark/text()") == ["ＡＢＣ"]
    (finding,) = item.xpath(".//ul[@class='findings']/li")
    text = finding.text_content()
    assert "アクセシビリティ" in text and "「ＡＢＣ」" in text and "ABC" in text  # the suggestion
    assert "読みやすさ" in item.xpath("string(.//p[@class='where'])")
    link = sentence_item(response.text, LINK_SENTENCE)
    assert link.xpath(".//mark/text()") == ["こちら"]
    # The whole text's score and kanji ratio, and the form as it was sent.
    tree = html.fromstring(response.text)
    whole = tree.xpath("string(//section[@id='checks']//dl)")
    assert "読みやすさ" in whole and "漢字" in whole and "%" in whole
    assert tree.xpath("string(//textarea[@id='body'])") == TEXT["body"]
    assert tree.xpath("//input[@id='category']/@value") == ["water"]
    assert count(services, Bulletin) == 0  # checking saves nothing


def test_the_hints_follow_the_page_language(browser: Browser) -> None:
    editor = browser("editor-san")
    editor.cookies.set(LANGUAGE_COOKIE, "en", path="/staff")
    response = post_form(editor, "/staff/bulletins/new", "/staff/bulletins/check", TEXT)
    finding = sentence_item(response.text, SENTENCE).xpath(".//ul[@class='findings']/li")[0]
    assert "Accessibility" in finding.text_content()
    assert "Full-width letters or digits" in finding.text_content()


def test_checking_needs_the_form_token(browser: Browser) -> None:
    editor = browser("editor-san")
    for token in (None, "wrong"):
        data = {**TEXT, **({"csrf_token": token} if token else {})}
        response = editor.post("/staff/bulletins/check", data=data)
        assert response.status_code == 403


def test_the_saved_text_is_checked_and_checks_never_block(
    browser: Browser, services: Services
) -> None:
    editor = browser("editor-san")
    bulletin_id = write(editor, **TEXT)  # warnings, yet saved
    saved = editor.get(f"/staff/bulletins/{bulletin_id}?done=saved").text
    assert f'href="/staff/bulletins/{bulletin_id}/edit#checks"' in saved
    edit = editor.get(f"/staff/bulletins/{bulletin_id}/edit").text
    assert sentence_item(edit, SENTENCE).xpath(".//mark/text()") == ["ＡＢＣ"]
    # The check button on the edit page checks the form's text without a new revision.
    fixed = {**TEXT, "body": "説明会はABC会館で行います。"}
    response = editor.post(
        f"/staff/bulletins/{bulletin_id}/check", data={**fixed, "csrf_token": csrf_of(edit)}
    )
    assert response.status_code == 200
    assert not sentence_item(response.text, "説明会はABC会館で行います。").xpath(".//mark")
    assert count(services, Revision) == 1
    submitted = post_form(
        editor, f"/staff/bulletins/{bulletin_id}", f"/staff/bulletins/{bulletin_id}/submit"
    )
    assert submitted.status_code == 303


def test_overlapping_spans_are_marked_once() -> None:
    assert pieces("abcdef", [(1, 3), (2, 4)]) == (
        Piece("a", False),
        Piece("bcd", True),
        Piece("ef", False),
    )
    assert pieces("abc", []) == (Piece("abc", False),)


def test_an_empty_form_is_checked_without_error(browser: Browser) -> None:
    editor = browser("editor-san")
    response = post_form(editor, "/staff/bulletins/new", "/staff/bulletins/check", {})
    assert response.status_code == 200
    tree = html.fromstring(response.text)
    assert tree.xpath("string(//section[@id='checks']//dl/dd[1])") == "0"
