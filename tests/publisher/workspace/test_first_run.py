"""The first run gives a newcomer an admin account with a one-time password, once."""

from __future__ import annotations

from sqlmodel import Session

from publisher.demo import FIRST_ADMIN, ensure_first_admin
from publisher.services import Services
from publisher.workflow import Role
from publisher.workspace.accounts import create_account, find_account
from publisher.workspace.passwords import verify


def test_a_first_admin_is_made_once_with_a_one_time_password(services: Services) -> None:
    made = ensure_first_admin(services)
    assert made is not None
    name, password = made
    assert name == FIRST_ADMIN
    with Session(services.db) as session:
        person = find_account(session, name)
    assert person is not None and person.role == "admin" and person.must_change_password
    assert verify(password, person.password_hash)[0]
    assert ensure_first_admin(services) is None


def test_no_first_admin_when_an_admin_can_already_sign_in(services: Services) -> None:
    with Session(services.db) as session:
        create_account(
            session, "市 管理者", Role.ADMIN, "their own password", by="t", one_time=False
        )
        session.commit()
    assert ensure_first_admin(services) is None
