"""Writing and moving bulletins in the workspace: the same code, rules and audit as the API."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from publisher.services import Services
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
    """The workflow steps offered (the image upload form posts beside them)."""
    html = client.get(f"/staff/bulletins/{bulletin_id}").text
    return set(re.findall(rf'action="/staff/bulletins/{bulletin_id}/(\w+)"', html)) - {"images"}


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
        kinds = session.exec(select(Job.kind)).all()
        actions = session.exec(select(AuditRecord.action).order_by(col(AuditRecord.id))).all()
    assert bulletin is not None and bulletin.state == "approved"
    assert kinds == ["preview"]  # the submit's preview for the approver; no publish
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


def _english(client: TestClient) -> TestClient:
    client.cookies.set("kakehashi_staff_lang", "en", path="/staff/")
    return client


def test_a_schedule_typed_in_city_time_is_stored_in_utc_and_shown_back(
    browser: Browser, services: Services
) -> None:
    editor = _english(browser("editor-san"))
    bulletin_id = write(editor, publish_at="2026-12-01T09:00", expires_at="2026-12-08T17:30")
    with Session(services.db) as session:
        revision = session.exec(select(Revision).where(Revision.bulletin_id == bulletin_id)).one()
    assert revision.publish_at is not None and revision.expires_at is not None
    assert revision.publish_at.replace(tzinfo=UTC) == datetime(2026, 12, 1, 0, 0, tzinfo=UTC)
    assert revision.expires_at.replace(tzinfo=UTC) == datetime(2026, 12, 8, 8, 30, tzinfo=UTC)
    form = editor.get(f"/staff/bulletins/{bulletin_id}/edit").text
    assert 'type="datetime-local" value="2026-12-01T09:00"' in form
    assert 'value="2026-12-08T17:30"' in form
    page = editor.get(f"/staff/bulletins/{bulletin_id}").text
    assert '<time datetime="2026-12-01T00:00:00Z">2026-12-01 09:00 JST</time>' in page
    assert "2026-12-08 17:30 JST" in page
    # Saving the form unchanged keeps the times; emptying a field removes it, as null does.
    fields = {**FORM, "publish_at": "2026-12-01T09:00", "expires_at": ""}
    page_url = f"/staff/bulletins/{bulletin_id}/edit"
    assert post_form(editor, page_url, page_url, fields).status_code == 303
    with Session(services.db) as session:
        latest = session.exec(
            select(Revision).where(Revision.bulletin_id == bulletin_id, Revision.number == 2)
        ).one()
    assert latest.publish_at == revision.publish_at and latest.expires_at is None


@pytest.mark.parametrize(
    ("times", "field"),
    [
        ({"publish_at": "2026-12-08T09:00", "expires_at": "2026-12-01T09:00"}, "expires_at"),
        ({"publish_at": "next tuesday"}, "publish_at"),
        ({"publish_at": "3026-01-01T09:00"}, "publish_at"),
    ],
)
def test_a_refused_schedule_is_shown_beside_its_field(
    browser: Browser, services: Services, times: dict[str, str], field: str
) -> None:
    editor = _english(browser("editor-san"))
    response = post_form(editor, "/staff/bulletins/new", "/staff/bulletins", {**FORM, **times})
    assert response.status_code == 400
    html = response.text
    assert f'id="{field}-error" class="field-error"' in html
    assert re.search(rf'id="{field}"[^>]*aria-describedby="schedule-hint {field}-error"', html)
    assert re.search(rf'id="{field}"[^>]*aria-invalid="true"', html)
    assert f'value="{times[field]}"' in html  # what was typed is kept
    with Session(services.db) as session:
        assert session.exec(select(Bulletin)).first() is None


def test_an_approved_bulletin_waiting_for_its_time_shows_as_scheduled(
    browser: Browser, services: Services
) -> None:
    editor, approver = _english(browser("editor-san")), _english(browser("approver-san"))
    ahead = (datetime.now(UTC) + timedelta(days=30)).replace(second=0, microsecond=0)
    typed = ahead.astimezone(ZoneInfo("Asia/Tokyo")).strftime("%Y-%m-%dT%H:%M")
    bulletin_id = write(editor, publish_at=typed)
    assert step(editor, bulletin_id, "submit").status_code == 303
    assert step(approver, bulletin_id, "approve").status_code == 303
    stamp = ahead.strftime("%Y-%m-%dT%H:%M:%SZ")
    page = approver.get(f"/staff/bulletins/{bulletin_id}").text
    schedule = page[page.index('id="schedule"') : page.index("</dd>", page.index('id="schedule"'))]
    assert '<span class="badge">scheduled</span>' in schedule
    assert f'<time datetime="{stamp}">' in schedule
    assert "waiting for its publish time" in page  # the scheduled job
    dashboard = approver.get("/staff/").text
    assert '<span class="badge">scheduled</span>' in dashboard
    assert f'<time datetime="{stamp}">' in dashboard
