"""Issuing and revoking API keys, audited: one set of steps for the API and the workspace."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import Session

from publisher import audit
from publisher.keys import Staff, create_key, revoke_key
from publisher.tables import ApiKey
from publisher.workflow import Role


def key_state(key: ApiKey) -> dict[str, object]:
    """What the audit trail records of a key (never its secret or hash)."""
    return {
        "name": key.name,
        "staff_id": key.staff_id,
        "expires_at": key.expires_at,
        "revoked_at": key.revoked_at,
    }


def issue_key(
    session: Session, admin: Staff, name: str, role: Role, expires_in_days: int | None
) -> tuple[ApiKey, str]:
    """A new key for ``name`` with ``role`` and its secret (raises StaffConflictError)."""
    expires_at = datetime.now(UTC) + timedelta(days=expires_in_days) if expires_in_days else None
    key, secret = create_key(session, name, role, expires_at=expires_at, created_by=admin.name)
    audit.record_by(
        session, admin, action="key.create", target=f"key:{key.id}", after=key_state(key)
    )
    return key, secret


def withdraw_key(session: Session, admin: Staff, key: ApiKey) -> None:
    """Revoke ``key`` (already revoked: nothing changes, the attempt is still recorded)."""
    before = key_state(key)
    revoke_key(session, key)
    audit.record_by(
        session,
        admin,
        action="key.revoke",
        target=f"key:{key.id}",
        before=before,
        after=key_state(key),
    )
