"""The glossary page: who sees and changes what, validation beside the fields, CSRF, audit."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from publisher.services import Services
from publisher.tables import AuditRecord, GlossaryEntry
from tests.publisher.workspace.conftest import csrf_of, post_form

Browser = Callable[[str], TestClient]
TERM = {"language": "en", "source": "避難指示", "translation": "Evacuation Instruction"}


def _entries(services: Services) -> list[GlossaryEntry]:
    with Session(services.db) as session:
        return list(session.exec(select(GlossaryEntry)).all())


def _actions(services: Services, prefix: str) -> list[tuple[str, str]]:
    with Session(services.db) as session:
        records = session.exec(select(AuditRecord).order_by(AuditRecord.id)).all()  # type: ignore[arg-type]
        return [(r.action, r.actor) for r in records if r.action.startswith(prefix)]


def test_an_approver_adds_changes_and_deletes_a_term_each_audited(
    browser: Browser, services: Services
) -> None:
    approver = browser("approver-san")
    added = post_form(approver, "/staff/glossary/", "/staff/glossary/", TERM)
    assert added.status_code == 303
    assert added.headers["location"] == "/staff/glossary/?done=added"
    page = approver.get(added.headers["location"])
    assert 'role="status"' in page.text and "Evacuation Instruction" in page.text
    (entry,) = _entries(services)
    assert (entry.language, entry.source, entry.created_by) == ("en", "避難指示", "approver-san")

    changed = post_form(
        approver,
        f"/staff/glossary/{entry.id}",
        f"/staff/glossary/{entry.id}",
        {"translation": "Evacuation Order", "note": "from the 2021 law"},
    )
    assert changed.status_code == 303
    (entry,) = _entries(services)
    assert (entry.translation, entry.note) == ("Evacuation Order", "from the 2021 law")

    both = post_form(
        approver,
        f"/staff/glossary/{entry.id}",
        f"/staff/glossary/{entry.id}",
        {"translation": "Evacuation", "keep": "1"},
    )
    assert both.status_code == 400 and 'id="term-translation-error"' in both.text
    neither = post_form(
        approver, f"/staff/glossary/{entry.id}", f"/staff/glossary/{entry.id}", {"note": "x"}
    )
    assert neither.status_code == 400 and 'aria-invalid="true"' in neither.text
    assert _entries(services)[0].translation == "Evacuation Order"

    kept = post_form(
        approver, f"/staff/glossary/{entry.id}", f"/staff/glossary/{entry.id}", {"keep": "1"}
    )
    assert kept.status_code == 303
    assert _entries(services)[0].translation is None

    deleted = post_form(
        approver, f"/staff/glossary/{entry.id}", f"/staff/glossary/{entry.id}/delete"
    )
    assert deleted.status_code == 303
    assert _entries(services) == []
    assert _actions(services, "glossary.") == [
        ("glossary.create", "approver-san"),
        ("glossary.update", "approver-san"),
        ("glossary.update", "approver-san"),
        ("glossary.delete", "approver-san"),
    ]


def test_editors_read_the_glossary_but_get_no_form_and_crafted_posts_are_refused(
    browser: Browser, services: Services
) -> None:
    post_form(browser("admin-san"), "/staff/glossary/", "/staff/glossary/", TERM)
    (entry,) = _entries(services)
    editor = browser("editor-san")
    page = editor.get("/staff/glossary/")
    assert page.status_code == 200
    assert "Evacuation Instruction" in page.text
    assert 'action="/staff/glossary/"' in page.text  # the search form only (GET)
    assert 'method="post" action="/staff/glossary/"' not in page.text
    assert f'href="/staff/glossary/{entry.id}"' not in page.text
    token = csrf_of(page.text)  # from the sign-out form: a valid token of the session
    for action, data in [
        ("/staff/glossary/", {**TERM, "source": "警戒レベル"}),
        (f"/staff/glossary/{entry.id}", {"translation": "Hijacked"}),
        (f"/staff/glossary/{entry.id}/delete", {}),
    ]:
        refused = editor.post(action, data={**data, "csrf_token": token}, follow_redirects=False)
        assert refused.status_code == 403, action
    assert editor.get(f"/staff/glossary/{entry.id}").status_code == 403
    (after,) = _entries(services)
    assert after.translation == "Evacuation Instruction"


def test_posts_without_or_with_a_wrong_token_are_refused(
    browser: Browser, services: Services
) -> None:
    approver = browser("approver-san")
    missing = approver.post("/staff/glossary/", data=TERM, follow_redirects=False)
    wrong = approver.post(
        "/staff/glossary/", data={**TERM, "csrf_token": "x" * 40}, follow_redirects=False
    )
    assert (missing.status_code, wrong.status_code) == (403, 403)
    assert _entries(services) == []


def test_refused_input_is_shown_beside_its_field_and_nothing_is_stored(
    browser: Browser, services: Services
) -> None:
    approver = browser("approver-san")
    empty = post_form(
        approver, "/staff/glossary/", "/staff/glossary/", {"language": "en", "source": " "}
    )
    assert empty.status_code == 400
    assert 'id="term-source" ' in empty.text
    assert 'aria-describedby="term-source-hint term-source-error" aria-invalid="true"' in empty.text
    assert 'id="term-source-error"' in empty.text
    assert 'role="alert"' in empty.text

    reserved = post_form(
        approver,
        "/staff/glossary/",
        "/staff/glossary/",
        {"language": "en", "source": "避難", "translation": "[1] refuge"},
    )
    assert reserved.status_code == 400
    assert 'id="term-translation-error"' in reserved.text
    assert 'value="[1] refuge"' in reserved.text  # what was typed stays in the form

    both = post_form(
        approver,
        "/staff/glossary/",
        "/staff/glossary/",
        {**TERM, "keep": "1"},
    )
    assert both.status_code == 400 and 'id="term-translation-error"' in both.text

    unknown = post_form(
        approver, "/staff/glossary/", "/staff/glossary/", {**TERM, "language": "xx"}
    )
    assert unknown.status_code == 400 and 'id="term-language-error"' in unknown.text
    assert _entries(services) == []

    post_form(approver, "/staff/glossary/", "/staff/glossary/", TERM)
    again = post_form(approver, "/staff/glossary/", "/staff/glossary/", TERM)
    assert again.status_code == 400
    assert 'id="term-source-error"' in again.text
    assert len(_entries(services)) == 1
    assert _actions(services, "glossary.") == [("glossary.create", "approver-san")]


def test_search_finds_terms_by_term_translation_or_note_and_by_language(
    browser: Browser,
) -> None:
    admin = browser("admin-san")
    for data in [
        TERM,
        {"language": "pt", "source": "避難指示", "translation": "Ordem de evacuação"},
        {"language": "en", "source": "浜松市", "keep": "1", "note": "city name 100%"},
    ]:
        assert post_form(admin, "/staff/glossary/", "/staff/glossary/", data).status_code == 303
    by_term = admin.get("/staff/glossary/", params={"q": "避難"}).text
    assert "Evacuation Instruction" in by_term and "Ordem" in by_term and "浜松市" not in by_term
    by_language = admin.get("/staff/glossary/", params={"q": "避難", "language": "pt"}).text
    assert "Ordem" in by_language and "Evacuation Instruction" not in by_language
    by_note = admin.get("/staff/glossary/", params={"q": "100%"}).text
    assert "浜松市" in by_note and "Ordem" not in by_note
    assert "浜松市" not in admin.get("/staff/glossary/", params={"q": "1_0"}).text


def test_the_page_explains_the_glossary_in_japanese_and_english(browser: Browser) -> None:
    editor = browser("editor-san")
    japanese = editor.get("/staff/glossary/").text
    assert '<html lang="ja">' in japanese and "用語集" in japanese
    editor.get("/staff/language/en", params={"next": "/staff/glossary/"})
    english = editor.get("/staff/glossary/").text
    assert "What the glossary does" in english and "protected item" in english
