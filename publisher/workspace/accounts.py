"""Staff accounts: who may sign in to the workspace, with which role, and their password.

The command line (``main.py users``) and the workspace's user pages both come here, and every
change is audited in the same transaction (committed by the caller). Accounts are the staff
identities API keys belong to: disabling a person stops their keys and sessions too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from publisher import audit
from publisher.keys import Staff
from publisher.tables import StaffMember, StaffSession
from publisher.workflow import Role
from publisher.workspace.passwords import hash_password, password_problem
from translations.catalogs import N_


class AccountError(ValueError):
    """A refused account change; the message is a message id of the ``workspace`` domain."""


def _actor(
    session: Session, by: Staff | str, action: str, person: StaffMember, **detail: object
) -> None:
    target = f"staff:{person.id}"
    after = {"name": person.name, "role": person.role, "active": person.active}
    detail = {"name": person.name, "role": person.role, **detail}
    if isinstance(by, Staff):
        audit.record_by(session, by, action=action, target=target, after=after, detail=detail)
    else:
        audit.record(
            session,
            actor=by,
            role=audit.SYSTEM_ROLE,
            action=action,
            target=target,
            after=after,
            detail=detail,
        )


def find_account(session: Session, name: str) -> StaffMember | None:
    """The active member of staff with this name (names are unique among active staff)."""
    return session.exec(
        select(StaffMember).where(StaffMember.name == name, col(StaffMember.active))
    ).first()


def accounts(session: Session) -> Sequence[StaffMember]:
    return session.exec(
        select(StaffMember).order_by(col(StaffMember.name), col(StaffMember.id))
    ).all()


def create_account(
    session: Session,
    name: str,
    role: Role,
    password: str,
    *,
    by: Staff | str,
    one_time: bool,
) -> StaffMember:
    """Give ``name`` a workspace password with ``role``; audited, not committed.

    A person who has only API keys so far (same name and role, no password) gets the
    password; a name already used by an account with a password or with another role is
    refused. ``one_time``: the password must be changed at the first sign-in.
    """
    name = name.strip()
    if not name or len(name) > 100:
        raise AccountError(N_("A name needs 1 to 100 characters."))
    problem = password_problem(password)
    if problem is not None:
        raise AccountError(problem)
    person = find_account(session, name)
    if person is not None and (person.password_hash is not None or person.role != role.value):
        raise AccountError(N_("Someone on the staff already has this name."))
    if person is None:
        person = StaffMember(name=name, role=role.value)
    person.password_hash = hash_password(password)
    person.must_change_password = one_time
    session.add(person)
    session.flush()
    _actor(session, by, "staff.create", person, one_time=one_time)
    return person


def set_password(
    session: Session, person: StaffMember, password: str, *, by: Staff | str, one_time: bool
) -> None:
    """A new password (a reset by an admin when ``one_time``, else the person's own change).

    Every session of the person ends: a reset locks out whoever had the old password.
    """
    problem = password_problem(password)
    if problem is not None:
        raise AccountError(problem)
    person.password_hash = hash_password(password)
    person.must_change_password = one_time
    person.failed_signins, person.next_signin_at, person.locked_until = 0, None, None
    session.add(person)
    end_sessions(session, person)
    action = "staff.reset_password" if one_time else "staff.change_password"
    _actor(session, by, action, person)


def change_role(session: Session, person: StaffMember, role: Role, *, by: Staff | str) -> None:
    if person.role == role.value:
        return
    _refuse_last_admin(session, person)
    before = person.role
    person.role = role.value
    session.add(person)
    end_sessions(session, person)  # their pages and buttons change: sign in again
    _actor(session, by, "staff.change_role", person, previous_role=before)


def disable(session: Session, person: StaffMember, *, by: Staff | str) -> None:
    """No sign-in, no session and no API key of the person works any more; the record stays."""
    if not person.active:
        return
    _refuse_last_admin(session, person)
    person.active = False
    session.add(person)
    end_sessions(session, person)
    _actor(session, by, "staff.disable", person)


def _refuse_last_admin(session: Session, person: StaffMember) -> None:
    if person.role != Role.ADMIN.value:
        return
    others = session.exec(
        select(StaffMember.id).where(
            StaffMember.role == Role.ADMIN.value,
            col(StaffMember.active),
            col(StaffMember.password_hash).is_not(None),
            StaffMember.id != person.id,
        )
    ).first()
    if others is None:
        raise AccountError(N_("The last admin who can sign in cannot lose the role."))


def end_sessions(session: Session, person: StaffMember, now: datetime | None = None) -> None:
    from publisher.tables import utc_now

    moment = now or utc_now()
    for row in session.exec(
        select(StaffSession).where(
            StaffSession.staff_id == person.id, col(StaffSession.ended_at).is_(None)
        )
    ).all():
        row.ended_at = moment
        session.add(row)


def has_admin_with_password(session: Session) -> bool:
    return (
        session.exec(
            select(StaffMember.id).where(
                StaffMember.role == Role.ADMIN.value,
                col(StaffMember.active),
                col(StaffMember.password_hash).is_not(None),
            )
        ).first()
        is not None
    )
