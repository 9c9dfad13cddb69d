"""Dependencies shared by the routers: the services, a database session, the caller."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlmodel import Session

from publisher.api.auth import Authenticator, client_address
from publisher.api.rate_limit import WindowLimiter
from publisher.keys import Staff
from publisher.permissions import Permission, allows, roles_with
from publisher.queue import JobQueue
from publisher.services import Services
from publisher.write_turns import WriteTurns

_bearer = HTTPBearer(auto_error=False, description="An API key made with `main.py keys create`.")


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


def get_queue(request: Request) -> JobQueue:
    queue: JobQueue = request.app.state.queue
    return queue


ServicesDep = Annotated[Services, Depends(get_services)]
QueueDep = Annotated[JobQueue, Depends(get_queue)]


def get_session(request: Request, services: ServicesDep) -> Iterator[Session]:
    """A session for the request; on SQLite it takes the process's turn before it writes."""
    turns: WriteTurns | None = request.app.state.write_turns
    with Session(services.db, expire_on_commit=False) as session:
        yield turns.join(session) if turns is not None else session


SessionDep = Annotated[Session, Depends(get_session)]


def get_staff(
    request: Request,
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Staff:
    auth: Authenticator = request.app.state.authenticator
    address = client_address(request.scope)
    paused = auth.paused_for(address)
    if paused is not None:
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            f"too many requests with a wrong API key from this address; try again in {paused} s",
            headers={"Retry-After": str(paused)},
        )
    if credentials is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "missing API key: send Authorization: Bearer <key>",
            headers={"WWW-Authenticate": "Bearer"},
        )
    staff = auth.staff_for(credentials.credentials, session)
    if staff is None:
        auth.record_failure(address)
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "invalid, expired or revoked API key",
            headers={"WWW-Authenticate": "Bearer"},
        )
    limiter: WindowLimiter = request.app.state.rate_limiter
    wait = limiter.retry_after(str(staff.key_id))
    if wait is not None:
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            f"too many requests for this key; try again in {wait} s",
            headers={"Retry-After": str(wait)},
        )
    return staff


StaffDep = Annotated[Staff, Depends(get_staff)]


def require(permission: Permission) -> Callable[[Staff], Staff]:
    """A dependency that lets only roles with ``permission`` through (403 with the reason)."""

    def check(staff: StaffDep) -> Staff:
        if not allows(staff.role, permission):
            raise HTTPException(
                status.HTTP_403_FORBIDDEN, f"this needs the role {roles_with(permission)}"
            )
        return staff

    return check
