"""Writing and moving bulletins in the workspace: the same code, rules and audit as the API."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from publisher.services import Services
from publisher.statuses import JobKind
from publisher.tables import AuditRecord, Bulletin, Job, Revision
from tests.publisher.workspace.conftest import post_form

Browser = Callable[[str], TestClient]

FORM = {
    "title": "断水のお知らせ",
    "body": "水道管の工事のため断水します。\n\n## 日時\n\n- 1月20日 午後10時から",
    "contact": "水道工事課　電話 053-000-4500",
    "category": "water",
    "languages": ["en"],
    "flagged_policy": "hold_for_review",
}
HOSTILE = '<script>alert("x")</script><img src=x onerror="alert(1)">'


def write(client: TestClient, **changes: object) -> int:
    response = post_form(client, "/staff/bulletins/new", "/staff/bulletins", {**FORM, **changes})
    assert response.status_code == 303, response.text
    found = re.match(r"^/staff/bulletins/(\d+)\?done=saved$", response.headers["location"])
    assert found
    return int(found.group(1))


def step(client: TestClient, bulletin_id: int, action: str):
    page = f"/staff/bulletins/{bulletin_id}"
    return post_form(client, page, f"{page}/{action}")


def buttons(client: TestClient, bulletin_id: int) -> set[str]:
    html = client.get(f"/staff/bulletins/{bulletin_id}").text
    return set(re.findall(rf'action="/staff/bulletins/{bulletin_id}/(\w+)"', html))


def test_writing_creates_a_draft_through_the_same_code_as_the_api(
    browser: Browser, services: Services
) -> None:
    editor = browser("editor-san")
    bulletin_id = write(editor)
    with Session(services.db) as session:
        bulletin = session.get(Bulletin, bulletin_id)
        revision = session.exec(select(Revision).where(Revision.bulletin_id == bulletin_id)).one()
        record = session.exec(
            select(AuditRecord).where(AuditRecord.action == "bulletin.create")
        ).one()
    assert (
        bulletin is not None and bulletin.state == "draft" and bulletin.created_by == "editor-san"
    )
    assert (revision.title, revision.category, revision.languages) == (
        "断水のお知らせ",
        "water",
        ["en"],
    )
    assert revision.flagged_policy == "hold_for_review"
    assert revision.contact == FORM["contact"]
    assert record.actor == "editor-san" and record.role == "editor"
    # The API sees the same bulletin.
    page = editor.get(f"/staff/bulletins/{bulletin_id}")
    assert "断水のお知らせ" in page.text and "water" in page.text


def test_a_form_the_schema_refuses_is_shown_again_with_the_reason(
    browser: Browser, services: Services
) -> None:
    editor = browser("editor-san")
    response = post_form(
        editor, "/staff/bulletins/new", "/staff/bulletins", {**FORM, "category": "Not A Category"}
    )
    assert response.status_code == 400
    assert "category" in response.text
    assert "断水のお知らせ" in response.text  # what was typed is kept
    with Session(services.db) as session:
        assert session.exec(select(Bulletin)).first() is None


def test_editing_makes_a_new_revision_back_in_draft(browser: Browser, services: Services) -> None:
    editor = browser("editor-san")
    bulletin_id = write(editor)
    assert step(editor, bulletin_id, "submit").status_code == 303
    response = post_form(
        editor,
        f"/staff/bulletins/{bulletin_id}/edit",
        f"/staff/bulletins/{bulletin_id}/edit",
        {**FORM, "title": "断水のお知らせ（変更）"},
    )
    assert response.status_code == 303
    with Session(services.db) as session:
        bulletin = session.get(Bulletin, bulletin_id)
    assert bulletin is not None and bulletin.current_revision == 2 and bulletin.state == "draft"


def test_buttons_follow_the_workflow_table_and_crafted_steps_are_refused(
    browser: Browser, services: Services
) -> None:
    editor, approver = browser("editor-san"), browser("approver-san")
    bulletin_id = write(editor)
    assert buttons(editor, bulletin_id) == {"submit"}
    assert step(editor, bulletin_id, "submit").status_code == 303
    assert buttons(editor, bulletin_id) == set()
    assert buttons(approver, bulletin_id) == {"approve"}
    for crafted in ("approve", "publish"):
        response = step(editor, bulletin_id, crafted)
        assert response.status_code == 403
        assert f"{crafted} needs the role admin or approver" in response.text
    assert step(approver, bulletin_id, "approve").status_code == 303
    assert buttons(approver, bulletin_id) == {"publish"}
    response = step(editor, bulletin_id, "publish")
    assert response.status_code == 403
    with Session(services.db) as session:
        bulletin = session.get(Bulletin, bulletin_id)
        publishing = select(Job).where(Job.kind == JobKind.PUBLISH.value)
        assert session.exec(publishing).first() is None  # submitting made only a preview
        actions = session.exec(select(AuditRecord.action).order_by(col(AuditRecord.id))).all()
    assert bulletin is not None and bulletin.state == "approved"
    assert [a for a in actions if a.startswith("bulletin.")] == [
        "bulletin.create",
        "bulletin.submit",
        "bulletin.approve",
    ]


def test_an_unknown_step_is_not_found(browser: Browser) -> None:
    editor = browser("editor-san")
    bulletin_id = write(editor)
    assert step(editor, bulletin_id, "go_live").status_code == 404


def test_four_eyes_hides_approve_from_the_author_and_refuses_it(
    browser: Browser, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        services, "settings", services.settings.model_copy(update={"four_eyes": True})
    )
    admin, approver = browser("admin-san"), browser("approver-san")
    bulletin_id = write(admin)
    assert step(admin, bulletin_id, "submit").status_code == 303
    assert "approve" not in buttons(admin, bulletin_id)
    response = step(admin, bulletin_id, "approve")
    assert response.status_code == 403
    assert "four-eyes" in response.text
    assert "approve" in buttons(approver, bulletin_id)
    assert step(approver, bulletin_id, "approve").status_code == 303


def test_markup_in_a_title_and_body_is_shown_as_text_everywhere(
    browser: Browser, services: Services
) -> None:
    editor, admin = browser("editor-san"), browser("admin-san")
    bulletin_id = write(editor, title=f"お知らせ {HOSTILE}", body=f"本文 {HOSTILE}")
    pages = {
        "dashboard": admin.get("/staff/").text,
        "bulletin": admin.get(f"/staff/bulletins/{bulletin_id}").text,
        "edit": admin.get(f"/staff/bulletins/{bulletin_id}/edit").text,
        "audit": admin.get(f"/staff/audit?bulletin={bulletin_id}").text,
    }
    for name, html in pages.items():
        assert "<script>alert" not in html, name
        assert "onerror=" not in html.replace("onerror=&#34;", "").replace("onerror=&quot;", ""), (
            name
        )
        assert "<img src=x" not in html, name
    assert "&lt;script&gt;alert" in pages["dashboard"]
    assert "&lt;script&gt;alert" in pages["bulletin"]
