"""Sign-in, sign-out, the password page and the language switch."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request, status
from fastapi.responses import RedirectResponse, Response

from publisher import audit
from publisher.api.auth import client_address
from publisher.api.deps import ServicesDep, SessionDep
from publisher.tables import StaffMember, utc_now
from publisher.workspace.accounts import AccountError, set_password
from publisher.workspace.cookies import delete_cookie, set_cookie
from publisher.workspace.deps import CsrfAnyDep, MaybeSignedInDep, SignedInAnyDep
from publisher.workspace.messages import LANGUAGES
from publisher.workspace.passwords import verify
from publisher.workspace.render import LANGUAGE_COOKIE, render
from publisher.workspace.sessions import COOKIE_NAME, end_session, same_token, start_session
from publisher.workspace.signin import sign_in
from translations.catalogs import N_

router = APIRouter()

SIGNIN_COOKIE = "kakehashi_staff_signin"
"""Before there is a session, the sign-in form's CSRF token is checked against this cookie."""


def _safe_next(value: str | None) -> str:
    """Only a workspace address: a link cannot send someone elsewhere after signing in."""
    if value and value.startswith("/staff/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/staff/"


def _signin_page(
    request: Request,
    services: ServicesDep,
    *,
    next_path: str,
    name: str = "",
    refusal: str | None = None,
    wait: int = 0,
    status_code: int = 200,
) -> Response:
    token = request.cookies.get(SIGNIN_COOKIE) or secrets.token_urlsafe(32)
    response = render(
        request,
        "signin.html",
        {"next": next_path, "name": name, "refusal": refusal, "wait": wait},
        csrf_token=token,
        status_code=status_code,
    )
    set_cookie(response, services.settings, SIGNIN_COOKIE, token)
    return response


@router.get("/signin")
def signin_form(
    request: Request, services: ServicesDep, found: MaybeSignedInDep, next: str | None = None
) -> Response:
    if found is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    return _signin_page(request, services, next_path=_safe_next(next))


@router.post("/signin")
def signin_submit(
    request: Request,
    services: ServicesDep,
    session: SessionDep,
    name: Annotated[str, Form(max_length=100)] = "",
    password: Annotated[str, Form(max_length=256)] = "",
    csrf_token: Annotated[str, Form(max_length=100)] = "",
    next: Annotated[str, Form(max_length=500)] = "/staff/",
) -> Response:
    expected = request.cookies.get(SIGNIN_COOKIE)
    if not csrf_token:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "csrf_missing")
    if expected is None or not same_token(csrf_token, expected):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "csrf_wrong")
    now = utc_now()
    result = sign_in(
        session, name.strip(), password, services.settings, now, client_address(request.scope)
    )
    if result.person is None:
        session.commit()
        return _signin_page(
            request,
            services,
            next_path=_safe_next(next),
            name=name,
            refusal=result.refusal,
            wait=result.wait_seconds,
            status_code=status.HTTP_401_UNAUTHORIZED,
        )
    token = start_session(session, result.person, now)
    session.commit()
    target = "/staff/password" if result.person.must_change_password else _safe_next(next)
    response = RedirectResponse(target, status_code=303)
    set_cookie(response, services.settings, COOKIE_NAME, token)
    delete_cookie(response, services.settings, SIGNIN_COOKIE)
    return response


@router.post("/signout")
def signout(signed: CsrfAnyDep, session: SessionDep, services: ServicesDep) -> Response:
    end_session(session, signed.session_id, utc_now())
    audit.record_by(
        session, signed.staff, action="staff.signout", target=f"staff:{signed.staff.id}"
    )
    session.commit()
    response = RedirectResponse("/staff/signin", status_code=303)
    delete_cookie(response, services.settings, COOKIE_NAME)
    return response


@router.get("/password")
def password_form(request: Request, signed: SignedInAnyDep) -> Response:
    return render(request, "password.html", {"problem": None}, signed_in=signed)


@router.post("/password")
def password_submit(
    request: Request,
    signed: CsrfAnyDep,
    session: SessionDep,
    services: ServicesDep,
    current: Annotated[str, Form(max_length=256)] = "",
    new: Annotated[str, Form(max_length=256)] = "",
    repeat: Annotated[str, Form(max_length=256)] = "",
) -> Response:
    person = session.get(StaffMember, signed.staff.id)
    assert person is not None
    problem: str | None = None
    if not verify(current, person.password_hash)[0]:
        problem = N_("The current password is wrong.")
    elif new != repeat:
        problem = N_("The two new passwords differ.")
    elif new == current:
        problem = N_("The new password must differ from the current one.")
    else:
        try:
            set_password(session, person, new, by=signed.staff, one_time=False)
        except AccountError as error:
            problem = str(error)
    if problem is not None:
        return render(
            request,
            "password.html",
            {"problem": problem},
            signed_in=signed,
            status_code=status.HTTP_400_BAD_REQUEST,
        )
    # Every session ended with the change; this browser carries on in a new one.
    token = start_session(session, person, utc_now())
    session.commit()
    response = RedirectResponse("/staff/", status_code=303)
    set_cookie(response, services.settings, COOKIE_NAME, token)
    return response


@router.get("/language/{language}")
def choose_language(language: str, services: ServicesDep, next: str | None = None) -> Response:
    """Remember the workspace language in a cookie (a preference: no state changes)."""
    response = RedirectResponse(_safe_next(next), status_code=303)
    if language in LANGUAGES:
        set_cookie(response, services.settings, LANGUAGE_COOKIE, language, max_age=365 * 86400)
    return response
