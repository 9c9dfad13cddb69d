"""API keys, managed by admins: list (never the secret), create (secret shown once), revoke."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, status
from pydantic import BaseModel, ConfigDict, Field
from sqlmodel import Session, col, select

from publisher import audit
from publisher.api.deps import SessionDep, require
from publisher.api.errors import ERROR_RESPONSES
from publisher.api.params import RecordId
from publisher.keys import Staff, StaffConflictError, create_key, is_active, key_role, revoke_key
from publisher.permissions import Permission
from publisher.schemas import KeyName
from publisher.tables import ApiKey
from publisher.workflow import Role

router = APIRouter(prefix="/keys", tags=["keys"], responses=ERROR_RESPONSES)
AdminDep = Annotated[Staff, Depends(require(Permission.MANAGE_STAFF))]


class KeyCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: KeyName
    role: Role
    expires_in_days: int | None = Field(default=None, ge=1, le=3650)


class KeyPublic(BaseModel):
    id: int
    name: str
    role: str
    prefix: str
    active: bool
    created_at: datetime
    created_by: str | None
    expires_at: datetime | None
    revoked_at: datetime | None


class KeyCreated(KeyPublic):
    secret: str = Field(description="Shown only in this response; only its hash is stored.")


def _public(session: Session, key: ApiKey) -> KeyPublic:
    return KeyPublic.model_validate(
        {**key.model_dump(), "role": key_role(session, key), "active": is_active(key)},
        from_attributes=False,
    )


def _state(key: ApiKey) -> dict[str, object]:
    return {
        "name": key.name,
        "staff_id": key.staff_id,
        "expires_at": key.expires_at,
        "revoked_at": key.revoked_at,
    }


@router.get("")
def list_keys(_admin: AdminDep, session: SessionDep) -> list[KeyPublic]:
    keys = session.exec(select(ApiKey).order_by(col(ApiKey.id))).all()
    return [_public(session, key) for key in keys]


@router.post("", status_code=status.HTTP_201_CREATED)
def post_key(payload: KeyCreate, admin: AdminDep, session: SessionDep) -> KeyCreated:
    expires_at = (
        datetime.now(UTC) + timedelta(days=payload.expires_in_days)
        if payload.expires_in_days
        else None
    )
    try:
        key, secret = create_key(
            session, payload.name, payload.role, expires_at=expires_at, created_by=admin.name
        )
    except StaffConflictError as error:
        raise HTTPException(status.HTTP_409_CONFLICT, str(error)) from error
    audit.record_by(
        session,
        admin,
        action="key.create",
        target=f"key:{key.id}",
        after=_state(key),
    )
    session.commit()
    return KeyCreated(**_public(session, key).model_dump(), secret=secret)


@router.post("/{key_id}/revoke")
def post_revoke(
    key_id: RecordId, request: Request, admin: AdminDep, session: SessionDep
) -> KeyPublic:
    key = session.get(ApiKey, key_id)
    if key is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no key with id {key_id}")
    before = _state(key)
    revoke_key(session, key)
    audit.record_by(
        session,
        admin,
        action="key.revoke",
        target=f"key:{key.id}",
        before=before,
        after=_state(key),
    )
    session.commit()
    request.app.state.staff_cache.forget_key(key_id)
    return _public(session, key)
