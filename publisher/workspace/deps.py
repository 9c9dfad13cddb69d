"""What a workspace page asks for: the signed-in member of staff, a role, a checked form.

- ``SignedInDep``: the person whose session cookie this is; without one, a redirect to the
  sign-in page; with a one-time password, a redirect to the password page.
- ``permitted(permission)``: the same, refused with 403 for roles without the permission.
- ``CsrfDep``: on a POST, the form's ``csrf_token`` must be the session's (403 otherwise).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request, status

from publisher.api.deps import ServicesDep, SessionDep
from publisher.permissions import Permission, allows
from publisher.tables import utc_now
from publisher.workspace.sessions import COOKIE_NAME, SignedIn, find_session, same_token

CSRF_FIELD = "csrf_token"
PASSWORD_PAGE = "/staff/password"


class SignInRequiredError(Exception):
    """No live session: the handler sends the browser to the sign-in page."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


class PasswordChangeRequiredError(Exception):
    """A one-time password is in use: every page but the password page sends there."""


def sign_in_address(next_path: str) -> str:
    return f"/staff/signin?next={quote(next_path, safe='/')}"


def current_session(
    request: Request, session: SessionDep, services: ServicesDep
) -> SignedIn | None:
    token = request.cookies.get(COOKIE_NAME)
    if not token:
        return None
    idle = timedelta(minutes=services.settings.staff_session_idle_minutes)
    return find_session(session, token, idle=idle, now=utc_now())


MaybeSignedInDep = Annotated[SignedIn | None, Depends(current_session)]


def signed_in_any(request: Request, found: MaybeSignedInDep) -> SignedIn:
    """Signed in, even with a one-time password still to change (the password page)."""
    if found is None:
        raise SignInRequiredError(request.url.path)
    return found


def signed_in(request: Request, found: MaybeSignedInDep) -> SignedIn:
    signed = signed_in_any(request, found)
    if signed.must_change_password:
        raise PasswordChangeRequiredError
    return signed


SignedInDep = Annotated[SignedIn, Depends(signed_in)]
SignedInAnyDep = Annotated[SignedIn, Depends(signed_in_any)]


def permitted(permission: Permission) -> Callable[[SignedIn], SignedIn]:
    """A dependency that lets through only roles with ``permission`` (403 with the reason)."""

    def check(signed: SignedInDep) -> SignedIn:
        if not allows(signed.staff.role, permission):
            raise HTTPException(status.HTTP_403_FORBIDDEN, "forbidden")
        return signed

    return check


async def form_token(request: Request) -> str | None:
    form = await request.form()
    value = form.get(CSRF_FIELD)
    return value if isinstance(value, str) else None


def _checked(dependency: Callable[..., SignedIn]) -> Callable[..., Coroutine[Any, Any, SignedIn]]:
    # A default, not an annotation: annotations are strings here, read in module scope.
    async def check(request: Request, signed: SignedIn = Depends(dependency)) -> SignedIn:  # noqa: B008
        given = await form_token(request)
        if not given:
            raise HTTPException(status.HTTP_403_FORBIDDEN, "csrf_missing")
        if not same_token(given, signed.csrf_token):
            raise HTTPException(status.HTTP_403_FORBIDDEN, "csrf_wrong")
        return signed

    return check


CsrfDep = Annotated[SignedIn, Depends(_checked(signed_in))]
"""A POST by a signed-in person whose form carries the session's CSRF token."""
CsrfAnyDep = Annotated[SignedIn, Depends(_checked(signed_in_any))]
"""The same for the password page, reachable with a one-time password."""


def checked_permitted(permission: Permission) -> Callable[..., Coroutine[Any, Any, SignedIn]]:
    """A POST by a role with ``permission``, with the session's CSRF token."""
    return _checked(permitted(permission))
