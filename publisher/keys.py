"""Staff identities and their API keys: a key is generated once, shown once, stored as a hash."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import Session, select

from publisher.tables import ApiKey, StaffMember
from publisher.workflow import Actor, Role

KEY_PREFIX = "kk_"


@dataclass(frozen=True)
class Staff:
    """The authenticated member of staff, handed to request handlers."""

    id: int
    name: str
    role: Role
    key_id: int | None = None

    @property
    def actor(self) -> Actor:
        return Actor(self.id, self.role)


class StaffConflictError(ValueError):
    """A key was asked for a name that belongs to a member of staff with another role."""


def staff_for(session: Session, name: str, role: Role) -> StaffMember:
    """The active member of staff with this name and role, created if there is none.

    Refuses when the name belongs only to someone with another role: a key never quietly
    gives a person a different role.
    """
    people = session.exec(
        select(StaffMember).where(StaffMember.name == name, StaffMember.active)
    ).all()
    for person in people:
        if person.role == role.value:
            return person
    if people:
        raise StaffConflictError(
            f"{name} is already on the staff as {people[0].role}; a key for them has that role"
        )
    person = StaffMember(name=name, role=role.value)
    session.add(person)
    session.flush()
    return person


def as_staff(person: StaffMember, key_id: int | None = None) -> Staff:
    assert person.id is not None
    return Staff(id=person.id, name=person.name, role=Role(person.role), key_id=key_id)


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
    """Store a new key and return it with the secret, which is never stored or shown again.

    The key belongs to the member of staff called ``name`` with ``role`` (made if needed).
    """
    person = staff_for(session, name, role)
    assert person.id is not None
    secret = KEY_PREFIX + secrets.token_urlsafe(32)
    key = ApiKey(
        staff_id=person.id,
        name=name,
        key_hash=hash_key(secret),
        prefix=secret[:10],
        expires_at=expires_at,
        created_by=created_by,
    )
    session.add(key)
    session.flush()
    return key, secret


def is_active(key: ApiKey) -> bool:
    if key.revoked_at is not None:
        return False
    return key.expires_at is None or _aware(key.expires_at) > datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    """SQLite returns naive datetimes; every time Kakehashi stores is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def find_staff(session: Session, secret: str) -> Staff | None:
    """The member of staff an active key belongs to, if they are active too."""
    found = session.exec(
        select(ApiKey, StaffMember)
        .join(StaffMember, StaffMember.id == ApiKey.staff_id)  # type: ignore[arg-type]
        .where(ApiKey.key_hash == hash_key(secret))
    ).first()
    if found is None:
        return None
    key, person = found
    if key.id is None or not is_active(key) or not person.active:
        return None
    return as_staff(person, key.id)


def key_role(session: Session, key: ApiKey) -> Role:
    person = session.get(StaffMember, key.staff_id)
    assert person is not None
    return Role(person.role)


def revoke_key(session: Session, key: ApiKey) -> None:
    if key.revoked_at is None:
        key.revoked_at = datetime.now(UTC)
        session.add(key)
