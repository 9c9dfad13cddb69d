"""Who is calling: the bearer key of a request, checked once, and a brake on wrong keys.

The routers ask it through ``deps.get_staff``, before any route reads or writes data.
A client address that sends too many wrong keys in a minute is paused (429 with
``Retry-After``) for every request, so keys cannot be guessed at speed; behind a reverse proxy,
uvicorn takes the address from ``X-Forwarded-For`` when the proxy is on the same machine.
"""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import Session
from starlette.datastructures import Headers
from starlette.types import Scope

from publisher.api.rate_limit import WindowLimiter
from publisher.api.staff_cache import StaffCache
from publisher.keys import Staff, find_staff


def bearer_secret(scope: Scope) -> str | None:
    """The key of an ``Authorization: Bearer <key>`` header, as FastAPI's HTTPBearer reads it."""
    scheme, _, secret = Headers(scope=scope).get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        return None
    return secret.strip()


def client_address(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


class Authenticator:
    def __init__(self, db: Engine, failures: WindowLimiter, cache: StaffCache) -> None:
        self.db = db
        self.failures = failures
        self.cache = cache

    def staff_for(self, secret: str, session: Session | None = None) -> Staff | None:
        """The active key's member of staff, or None; from the cache when it was just seen."""
        staff = self.cache.get(secret)
        if staff is not None:
            return staff
        if session is None:
            with Session(self.db) as own:
                staff = find_staff(own, secret)
        else:
            staff = find_staff(session, secret)
        if staff is not None:
            self.cache.put(secret, staff)
        return staff

    def paused_for(self, address: str) -> int | None:
        """Seconds an address must wait after too many wrong keys, else None."""
        return self.failures.paused_for(address)

    def record_failure(self, address: str) -> None:
        self.failures.count(address)
