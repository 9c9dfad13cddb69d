"""Refusals as pages: a reason the person can read, in their language, with the status."""

from __future__ import annotations

from datetime import timedelta

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from publisher.services import Services
from publisher.tables import utc_now
from publisher.workspace.deps import (
    PASSWORD_PAGE,
    PasswordChangeRequiredError,
    SignInRequiredError,
    sign_in_address,
)
from publisher.workspace.render import render
from publisher.workspace.sessions import COOKIE_NAME, SignedIn, find_session
from translations.catalogs import N_

REASONS = {
    "csrf_missing": N_(
        "The form was sent without its security token, so it was refused. "
        "Open the page again and send the form from there."
    ),
    "csrf_wrong": N_(
        "The form's security token does not belong to your session, so it was refused. "
        "Open the page again and send the form from there."
    ),
    "forbidden": N_("Your role may not do this."),
    "not_found": N_("There is no such page or bulletin."),
}


def reason_of(detail: object) -> str:
    text = str(detail)
    return REASONS.get(text, text)


def _signed_in(request: Request) -> SignedIn | None:
    """Who sees the refusal, so that the page keeps their navigation."""
    token = request.cookies.get(COOKIE_NAME)
    services: Services | None = getattr(request.app.state, "services", None)
    if not token or services is None:
        return None
    idle = timedelta(minutes=services.settings.staff_session_idle_minutes)
    with Session(services.db) as session:
        return find_session(session, token, idle=idle, now=utc_now())


async def http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    status_code = error.status_code
    return render(
        request,
        "error.html",
        {"status_code": status_code, "reason": reason_of(error.detail)},
        signed_in=await run_in_threadpool(_signed_in, request),
        status_code=status_code,
    )


async def sign_in_required(request: Request, error: Exception) -> Response:
    assert isinstance(error, SignInRequiredError)
    if request.method != "GET":
        return HTMLResponse(status_code=303, headers={"Location": sign_in_address("/staff/")})
    return RedirectResponse(sign_in_address(error.next_path), status_code=303)


async def password_change_required(request: Request, error: Exception) -> Response:
    return RedirectResponse(PASSWORD_PAGE, status_code=303)


async def invalid_request(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    fields = ", ".join(".".join(str(part) for part in item["loc"]) for item in error.errors())
    return render(
        request, "error.html", {"status_code": 400, "reason": f"invalid: {fields}"}, status_code=400
    )


HANDLERS = {
    RequestValidationError: invalid_request,
    HTTPException: http_error,
    SignInRequiredError: sign_in_required,
    PasswordChangeRequiredError: password_change_required,
}
