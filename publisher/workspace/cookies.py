"""The workspace's cookies: HttpOnly, SameSite=Strict, path ``/staff/``, and Secure in
production (``KAKEHASHI_ENVIRONMENT=production``)."""

from __future__ import annotations

from fastapi import Response

from publisher.settings import Settings
from publisher.workspace.sessions import COOKIE_PATH


def set_cookie(
    response: Response, settings: Settings, name: str, value: str, *, max_age: int | None = None
) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path=COOKIE_PATH,
        httponly=True,
        samesite="strict",
        secure=settings.environment == "production",
    )


def delete_cookie(response: Response, settings: Settings, name: str) -> None:
    response.delete_cookie(
        name,
        path=COOKIE_PATH,
        httponly=True,
        samesite="strict",
        secure=settings.environment == "production",
    )
