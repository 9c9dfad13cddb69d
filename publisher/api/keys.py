"""API keys, managed by admins: list (never the secret), create (secret shown once), revoke."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, status
from pydantic import BaseModel, ConfigDict, Field
from sqlmodel import Session, col, select

from publisher.api.deps import SessionDep, require
from publisher.api.errors import ERROR_RESPONSES
from publisher.api.params import RecordId
from publisher.key_admin import issue_key, withdraw_key
from publisher.keys import Staff, StaffConflictError, is_active, key_role
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


@router.get("")
def list_keys(_admin: AdminDep, session: SessionDep) -> list[KeyPublic]:
    keys = session.exec(select(ApiKey).order_by(col(ApiKey.id))).all()
    return [_public(session, key) for key in keys]


@router.post("", status_code=status.HTTP_201_CREATED)
def post_key(payload: KeyCreate, admin: AdminDep, session: SessionDep) -> KeyCreated:
    try:
        key, secret = issue_key(session, admin, payload.name, payload.role, payload.expires_in_days)
    except StaffConflictError as error:
        raise HTTPException(status.HTTP_409_CONFLICT, str(error)) from error
    session.commit()
    return KeyCreated(**_public(session, key).model_dump(), secret=secret)


@router.post("/{key_id}/revoke")
def post_revoke(
    key_id: RecordId, request: Request, admin: AdminDep, session: SessionDep
) -> KeyPublic:
    key = session.get(ApiKey, key_id)
    if key is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no key with id {key_id}")
    withdraw_key(session, admin, key)
    session.commit()
    request.app.state.staff_cache.forget_key(key_id)
    return _public(session, key)
