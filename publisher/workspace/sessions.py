"""Workspace sessions: a random token in a cookie, only its hash in the database.

A session ends at sign-out or after ``staff_session_idle_minutes`` without a request; either
way the row says so, and a copy of the cookie finds an ended session and works no more.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, select

from publisher.keys import Staff, as_staff
from publisher.tables import StaffMember, StaffSession

COOKIE_NAME = "kakehashi_staff"
COOKIE_PATH = "/staff/"
TOUCH_EVERY = timedelta(seconds=30)
"""How stale ``last_seen_at`` may get before a request writes it again (fewer writes)."""


@dataclass(frozen=True)
class SignedIn:
    """The member of staff a request's session belongs to, with the session's CSRF token."""

    staff: Staff
    session_id: int
    csrf_token: str
    must_change_password: bool


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def start_session(session: Session, person: StaffMember, now: datetime) -> str:
    """Store a new session for ``person``; returns the cookie's token (never stored)."""
    assert person.id is not None
    token = secrets.token_urlsafe(32)
    session.add(
        StaffSession(
            staff_id=person.id,
            token_hash=hash_token(token),
            csrf_token=secrets.token_urlsafe(32),
            created_at=now,
            last_seen_at=now,
        )
    )
    return token


def find_session(
    session: Session, token: str, *, idle: timedelta, now: datetime
) -> SignedIn | None:
    """The live session of this token, touched; None if unknown, ended or idle too long.

    A session found idle too long is ended there and then.
    """
    found = session.exec(
        select(StaffSession, StaffMember)
        .join(StaffMember, StaffMember.id == StaffSession.staff_id)  # type: ignore[arg-type]
        .where(StaffSession.token_hash == hash_token(token))
    ).first()
    if found is None:
        return None
    row, person = found
    if row.ended_at is not None or not person.active or person.password_hash is None:
        return None
    last_seen = _aware(row.last_seen_at)
    if now - last_seen > idle:
        row.ended_at = now
        session.add(row)
        session.commit()
        return None
    if now - last_seen > TOUCH_EVERY:
        row.last_seen_at = now
        session.add(row)
        session.commit()
    assert row.id is not None
    return SignedIn(as_staff(person), row.id, row.csrf_token, person.must_change_password)


def end_session(session: Session, session_id: int, now: datetime) -> None:
    row = session.get(StaffSession, session_id)
    if row is not None and row.ended_at is None:
        row.ended_at = now
        session.add(row)


def same_token(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())
