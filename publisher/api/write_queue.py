"""Requests that change data take turns, waiting in the event loop rather than in SQLite.

SQLite admits one writer at a time and makes the others sleep and retry with growing pauses,
which under load turns into long, random waits. Queueing writing requests on an asyncio lock
is fair (first come, first served), costs no thread while waiting, and leaves reads parallel.
With PostgreSQL the queue is not needed and is off.

A request joins the queue only once its whole body has arrived (``RequestLimits`` reads it, with
a deadline, before this runs) and its key has been found active: a client that never finishes
its request, or has no valid key, cannot hold up anyone else's writes. Requests without a valid
key go straight to the routers, which refuse them without writing. The lock only keeps writes
orderly; SQLite itself still guarantees that concurrent writes are safe.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from starlette.types import ASGIApp, Receive, Scope, Send

_READS = frozenset({"GET", "HEAD", "OPTIONS"})


class WriteQueue:
    def __init__(
        self, app: ASGIApp, *, prefix: str, admits: Callable[[Scope], Awaitable[bool]]
    ) -> None:
        self.app = app
        self.prefix = prefix
        self.admits = admits
        self._lock: asyncio.Lock | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] in _READS
            or not scope["path"].startswith(self.prefix)
            or not await self.admits(scope)
        ):
            await self.app(scope, receive, send)
            return
        if self._lock is None:  # created inside the server's event loop
            self._lock = asyncio.Lock()
        async with self._lock:
            await self.app(scope, receive, send)
