"""API keys: generated once, shown once, stored only as a hash."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import Session, select

from publisher.tables import ApiKey
from publisher.workflow import Role

KEY_PREFIX = "kk_"


@dataclass(frozen=True)
class Staff:
    """The authenticated caller, handed to request handlers."""

    key_id: int
    name: str
    role: Role


def hash_key(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_key(
    session: Session,
    name: str,
    role: Role,
    *,
    expires_at: datetime | None = None,
    created_by: str | None = None,
) -> tuple[ApiKey, str]:
    """Store a new key and return it with the secret, which is never stored or shown again."""
    secret = KEY_PREFIX + secrets.token_urlsafe(32)
    key = ApiKey(
        name=name,
        role=role.value,
        key_hash=hash_key(secret),
        prefix=secret[:10],
        expires_at=expires_at,
        created_by=created_by,
    )
    session.add(key)
    session.flush()
    return key, secret


def is_active(key: ApiKey, now: datetime | None = None) -> bool:
    moment = now or datetime.now(UTC)
    if key.revoked_at is not None:
        return False
    return key.expires_at is None or _aware(key.expires_at) > moment


def _aware(moment: datetime) -> datetime:
    """SQLite returns naive datetimes; every time Kakehashi stores is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def find_staff(session: Session, secret: str) -> Staff | None:
    key = session.exec(select(ApiKey).where(ApiKey.key_hash == hash_key(secret))).first()
    if key is None or key.id is None or not is_active(key):
        return None
    return Staff(key_id=key.id, name=key.name, role=Role(key.role))


def revoke_key(session: Session, key: ApiKey) -> None:
    if key.revoked_at is None:
        key.revoked_at = datetime.now(UTC)
        session.add(key)
