"""API keys, for admins: the list (never a secret), a new key whose secret is shown once, and
revoking; the same steps and audit records as the API (:mod:`publisher.key_admin`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request, status
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError
from sqlmodel import Session, col, select

from publisher.api.deps import SessionDep
from publisher.api.keys import KeyCreate
from publisher.key_admin import issue_key, withdraw_key
from publisher.keys import StaffConflictError, is_active, key_role
from publisher.permissions import Permission
from publisher.tables import ApiKey
from publisher.workflow import Role
from publisher.workspace.deps import checked_permitted, permitted
from publisher.workspace.form_errors import field_errors
from publisher.workspace.render import render
from publisher.workspace.sessions import SignedIn
from translations.catalogs import N_

router = APIRouter(prefix="/keys")
AdminPage = Annotated[SignedIn, Depends(permitted(Permission.MANAGE_STAFF))]
AdminPost = Annotated[SignedIn, Depends(checked_permitted(Permission.MANAGE_STAFF))]
FormText = Annotated[str, Form(max_length=1000)]

MESSAGES = {
    "name": N_("Write the name of the person or machine on one line, 1 to 100 characters."),
    "role": N_("Choose a role."),
    "expires_in_days": N_("Give a number of days from 1 to 3650, or leave it empty."),
}
CONFLICT = N_(
    "Someone on the staff already has this name with another role; a key for them has their role."
)
DONE = {"revoked": N_("The key was revoked. It stops working within a few seconds.")}


def _rows(session: Session) -> list[dict[str, object]]:
    keys = session.exec(select(ApiKey).order_by(col(ApiKey.id).desc())).all()
    return [{"key": key, "role": key_role(session, key), "active": is_active(key)} for key in keys]


def _page(
    request: Request,
    signed: SignedIn,
    session: Session,
    *,
    done: str = "",
    created: dict[str, object] | None = None,
    form: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = status.HTTP_200_OK,
) -> Response:
    return render(
        request,
        "keys.html",
        {
            "rows": _rows(session),
            "roles": list(Role),
            "done": DONE.get(done),
            "created": created,
            "form": form or {"name": "", "role": Role.EDITOR.value, "expires_in_days": ""},
            "errors": errors or {},
        },
        signed_in=signed,
        status_code=status_code,
    )


@router.get("/")
def keys_page(
    request: Request,
    signed: AdminPage,
    session: SessionDep,
    done: Annotated[str, Query(max_length=20)] = "",
) -> Response:
    return _page(request, signed, session, done=done)


@router.post("/")
def create_key_page(
    request: Request,
    signed: AdminPost,
    session: SessionDep,
    name: FormText = "",
    role: FormText = "",
    expires_in_days: FormText = "",
) -> Response:
    form = {"name": name, "role": role, "expires_in_days": expires_in_days}
    try:
        payload = KeyCreate.model_validate(
            {
                "name": name,
                "role": role,
                "expires_in_days": expires_in_days.strip() or None,
            }
        )
        key, secret = issue_key(
            session, signed.staff, payload.name, payload.role, payload.expires_in_days
        )
    except ValidationError as error:
        errors = field_errors(error, MESSAGES, whole="name")
    except StaffConflictError:
        errors = {"name": CONFLICT}
    else:
        session.commit()
        # Shown in this answer only (not a redirect): the secret is never stored or shown again.
        response = _page(
            request,
            signed,
            session,
            created={"key": key, "secret": secret, "role": payload.role},
            status_code=status.HTTP_201_CREATED,
        )
        return response
    session.rollback()
    return _page(
        request, signed, session, form=form, errors=errors, status_code=status.HTTP_400_BAD_REQUEST
    )


@router.post("/{key_id}/revoke")
def revoke_key_page(
    request: Request, key_id: int, signed: AdminPost, session: SessionDep
) -> Response:
    key = session.get(ApiKey, key_id)
    if key is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "not_found")
    withdraw_key(session, signed.staff, key)
    session.commit()
    cache = getattr(request.app.state, "staff_cache", None)
    if cache is not None:
        cache.forget_key(key_id)
    return RedirectResponse("/staff/keys/?done=revoked", status_code=303)
