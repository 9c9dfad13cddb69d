"""Admins manage accounts: create (with a one-time password), change role, disable, reset."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request, status
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session

from publisher.api.deps import SessionDep
from publisher.api.params import RecordId
from publisher.permissions import Permission
from publisher.tables import StaffMember
from publisher.workflow import Role
from publisher.workspace.accounts import (
    AccountError,
    accounts,
    change_role,
    create_account,
    disable,
    set_password,
)
from publisher.workspace.deps import checked_permitted, permitted
from publisher.workspace.passwords import one_time_password
from publisher.workspace.render import render
from publisher.workspace.sessions import SignedIn

router = APIRouter(prefix="/users")

AdminDep = Annotated[SignedIn, Depends(permitted(Permission.MANAGE_STAFF))]
AdminPostDep = Annotated[SignedIn, Depends(checked_permitted(Permission.MANAGE_STAFF))]


def _page(
    request: Request, signed: SignedIn, session: Session, *, status_code: int = 200, **extra: Any
) -> Response:
    context = {"people": accounts(session), "roles": list(Role), "problem": None, "issued": None}
    return render(
        request, "users.html", {**context, **extra}, signed_in=signed, status_code=status_code
    )


def _person(session: Session, staff_id: int) -> StaffMember:
    person = session.get(StaffMember, staff_id)
    if person is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "not_found")
    return person


def _role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError as error:
        raise HTTPException(
            status.HTTP_400_BAD_REQUEST, "role must be editor, approver or admin"
        ) from error


@router.get("")
def list_users(request: Request, signed: AdminDep, session: SessionDep) -> Response:
    return _page(request, signed, session)


@router.post("")
def create_user(
    request: Request,
    signed: AdminPostDep,
    session: SessionDep,
    name: Annotated[str, Form(max_length=100)] = "",
    role: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    password = one_time_password()
    try:
        create_account(session, name, _role(role), password, by=signed.staff, one_time=True)
    except AccountError as error:
        session.rollback()
        return _page(request, signed, session, problem=str(error), status_code=400)
    session.commit()
    return _page(request, signed, session, issued=(name.strip(), password))


@router.post("/{staff_id}/role")
def set_role(
    request: Request,
    staff_id: RecordId,
    signed: AdminPostDep,
    session: SessionDep,
    role: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    try:
        change_role(session, _person(session, staff_id), _role(role), by=signed.staff)
    except AccountError as error:
        session.rollback()
        return _page(request, signed, session, problem=str(error), status_code=400)
    session.commit()
    return RedirectResponse("/staff/users", status_code=303)


@router.post("/{staff_id}/disable")
def disable_user(
    request: Request, staff_id: RecordId, signed: AdminPostDep, session: SessionDep
) -> Response:
    try:
        disable(session, _person(session, staff_id), by=signed.staff)
    except AccountError as error:
        session.rollback()
        return _page(request, signed, session, problem=str(error), status_code=400)
    session.commit()
    return RedirectResponse("/staff/users", status_code=303)


@router.post("/{staff_id}/reset")
def reset_password(
    request: Request, staff_id: RecordId, signed: AdminPostDep, session: SessionDep
) -> Response:
    person = _person(session, staff_id)
    if not person.active:
        raise HTTPException(status.HTTP_409_CONFLICT, "a disabled account keeps no password")
    password = one_time_password()
    set_password(session, person, password, by=signed.staff, one_time=True)
    session.commit()
    return _page(request, signed, session, issued=(person.name, password))
