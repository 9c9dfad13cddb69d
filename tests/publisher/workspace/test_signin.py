"""Signing in: wrong passwords slow down, then lock the account; all of it is audited."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from publisher.services import Services
from publisher.settings import Settings
from publisher.tables import AuditRecord, StaffMember, utc_now
from publisher.workspace.accounts import find_account
from publisher.workspace.signin import sign_in
from tests.publisher.workspace.conftest import PASSWORD, csrf_of


def _actions(services: Services) -> list[str]:
    with Session(services.db) as session:
        return list(session.exec(select(AuditRecord.action).order_by(col(AuditRecord.id))).all())


def test_a_right_password_signs_in_and_is_audited(services: Services, people: object) -> None:
    with Session(services.db) as session:
        result = sign_in(session, "editor-san", PASSWORD, services.settings, utc_now(), "1.2.3.4")
        session.commit()
    assert result.person is not None and result.refusal is None
    assert _actions(services)[-1] == "staff.signin"


def test_an_unknown_name_is_refused_like_a_wrong_password(
    services: Services, people: object
) -> None:
    with Session(services.db) as session:
        unknown = sign_in(session, "nobody", PASSWORD, services.settings, utc_now(), "x")
        wrong = sign_in(
            session, "editor-san", "not the password", services.settings, utc_now(), "x"
        )
        session.commit()
    assert unknown.person is None and wrong.person is None
    assert unknown.refusal == wrong.refusal
    assert _actions(services)[-2:] == ["staff.signin_failed", "staff.signin_failed"]


def test_each_wrong_password_makes_the_next_try_wait_longer_then_locks(
    services: Services, people: object
) -> None:
    settings: Settings = services.settings
    now = utc_now()
    waits = []
    with Session(services.db) as session:
        for _ in range(settings.signin_failures_before_lock - 1):
            result = sign_in(session, "editor-san", "wrong password!", settings, now, "x")
            waits.append(result.wait_seconds)
            # Too soon: refused without even checking the password, the right one included.
            early = sign_in(session, "editor-san", PASSWORD, settings, now, "x")
            assert early.person is None and early.wait_seconds > 0
            now += timedelta(seconds=result.wait_seconds)
        locked = sign_in(session, "editor-san", "wrong password!", settings, now, "x")
        later = sign_in(session, "editor-san", PASSWORD, settings, now + timedelta(minutes=1), "x")
        session.commit()
    assert waits == sorted(waits) and waits[0] < waits[-1]
    assert locked.person is None
    assert locked.wait_seconds == settings.signin_lock_minutes * 60
    assert later.person is None  # locked: even the right password waits
    actions = _actions(services)
    assert actions.count("staff.locked") == 1
    assert "staff.signin_refused" in actions
    with Session(services.db) as session:
        unlocked_at = now + timedelta(minutes=settings.signin_lock_minutes, seconds=1)
        result = sign_in(session, "editor-san", PASSWORD, settings, unlocked_at, "x")
        session.commit()
        person = find_account(session, "editor-san")
    assert result.person is not None
    assert person is not None and person.failed_signins == 0 and person.locked_until is None


def test_the_lock_is_audited_through_the_sign_in_page(
    app: FastAPI, services: Services, people: object
) -> None:
    with Session(services.db) as session:
        person = find_account(session, "approver-san")
        assert person is not None
        person.failed_signins = services.settings.signin_failures_before_lock - 1
        session.add(person)
        session.commit()
    with TestClient(app) as client:
        client.cookies.set("kakehashi_staff_lang", "en", path="/staff/")
        page = client.get("/staff/signin")
        response = client.post(
            "/staff/signin",
            data={"name": "approver-san", "password": "wrong!", "csrf_token": csrf_of(page.text)},
        )
    assert response.status_code == 401
    assert "locked" in response.text
    with Session(services.db) as session:
        record = session.exec(select(AuditRecord).where(AuditRecord.action == "staff.locked")).one()
        locked = session.exec(select(StaffMember).where(StaffMember.name == "approver-san")).one()
    assert record.actor == "approver-san"
    assert record.detail["address"] == "testclient"
    assert locked.locked_until is not None


@pytest.mark.parametrize("name", ["editor-san"])
def test_a_disabled_account_cannot_sign_in(services: Services, people: object, name: str) -> None:
    from publisher.workspace.accounts import disable

    with Session(services.db) as session:
        person = find_account(session, name)
        assert person is not None
        disable(session, person, by="test")
        session.commit()
        result = sign_in(session, name, PASSWORD, services.settings, utc_now(), "x")
    assert result.person is None
