"""API keys: generated once, shown once, stored only as a hash."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

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


def create_key(session: Session, name: str, role: Role) -> tuple[ApiKey, str]:
    """Store a new key and return it with the secret, which is never stored or shown again."""
    secret = KEY_PREFIX + secrets.token_urlsafe(32)
    key = ApiKey(name=name, role=role.value, key_hash=hash_key(secret), prefix=secret[:10])
    session.add(key)
    session.flush()
    return key, secret


def find_staff(session: Session, secret: str) -> Staff | None:
    key = session.exec(select(ApiKey).where(ApiKey.key_hash == hash_key(secret))).first()
    if key is None or key.revoked_at is not None or key.id is None:
        return None
    return Staff(key_id=key.id, name=key.name, role=Role(key.role))
