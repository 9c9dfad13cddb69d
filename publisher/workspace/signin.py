"""Signing in with a password, with brakes: each wrong password makes the next try wait
longer, and enough of them in a row lock the account for a while.

Every sign-in, refusal and lock is audited in the caller's transaction.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlmodel import Session

from publisher import audit
from publisher.settings import Settings
from publisher.tables import StaffMember
from publisher.workspace.accounts import find_account
from publisher.workspace.passwords import verify
from translations.catalogs import N_

UNKNOWN_ACTOR = "unknown"


@dataclass(frozen=True)
class SigninResult:
    person: StaffMember | None
    """The member of staff, when the password was right and the account may sign in."""
    refusal: str | None = None
    """Why not (a message id of the ``workspace`` domain), shown to whoever tried."""
    wait_seconds: int = 0


def aware(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _seconds(until: datetime, now: datetime) -> int:
    return max(1, math.ceil((until - now).total_seconds()))


def _audit(
    session: Session, name: str, person: StaffMember | None, action: str, **detail: object
) -> None:
    if person is None:
        audit.record(
            session,
            actor=UNKNOWN_ACTOR,
            role=audit.SYSTEM_ROLE,
            action=action,
            target=f"signin:{name[:100]}",
            detail=detail,
        )
    else:
        audit.record(
            session,
            actor=person.name,
            actor_id=person.id,
            role=person.role,
            action=action,
            target=f"staff:{person.id}",
            detail=detail,
        )


WRONG = N_("The name or the password is wrong.")


def sign_in(
    session: Session, name: str, password: str, settings: Settings, now: datetime, address: str
) -> SigninResult:
    """Check a name and password (audited, not committed)."""
    person = find_account(session, name)
    if person is None or person.password_hash is None:
        verify(password, None)  # as slow as a real check
        _audit(session, name, None, "staff.signin_failed", reason="unknown", address=address)
        return SigninResult(None, WRONG)
    locked_until = aware(person.locked_until)
    if locked_until is not None and locked_until > now:
        wait = _seconds(locked_until, now)
        _audit(session, name, person, "staff.signin_refused", reason="locked", address=address)
        return SigninResult(
            None, N_("This account is locked for a while after too many wrong passwords."), wait
        )
    next_try = aware(person.next_signin_at)
    if next_try is not None and next_try > now:
        wait = _seconds(next_try, now)
        _audit(session, name, person, "staff.signin_refused", reason="too_soon", address=address)
        return SigninResult(None, N_("Too many tries: wait a moment before the next one."), wait)
    right, new_hash = verify(password, person.password_hash)
    if not right:
        return _failed(session, person, settings, now, address)
    person.failed_signins, person.next_signin_at, person.locked_until = 0, None, None
    if new_hash is not None:
        person.password_hash = new_hash
    session.add(person)
    _audit(session, name, person, "staff.signin", address=address)
    return SigninResult(person)


def _failed(
    session: Session, person: StaffMember, settings: Settings, now: datetime, address: str
) -> SigninResult:
    person.failed_signins += 1
    if person.failed_signins >= settings.signin_failures_before_lock:
        person.locked_until = now + timedelta(minutes=settings.signin_lock_minutes)
        person.failed_signins, person.next_signin_at = 0, None
        session.add(person)
        _audit(
            session,
            person.name,
            person,
            "staff.locked",
            minutes=settings.signin_lock_minutes,
            address=address,
        )
        return SigninResult(
            None,
            N_("This account is locked for a while after too many wrong passwords."),
            settings.signin_lock_minutes * 60,
        )
    delay = settings.signin_delay_seconds * 2 ** (person.failed_signins - 1)
    person.next_signin_at = now + timedelta(seconds=delay)
    session.add(person)
    _audit(
        session,
        person.name,
        person,
        "staff.signin_failed",
        reason="wrong_password",
        failures=person.failed_signins,
        address=address,
    )
    return SigninResult(None, WRONG, math.ceil(delay))
