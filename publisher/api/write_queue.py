"""Requests that change data take turns, waiting in the event loop rather than in SQLite.

SQLite admits one writer at a time and makes the others sleep and retry with growing pauses,
which under load turns into long, random waits. Queueing writing requests on an asyncio lock
is fair (first come, first served), costs no thread while waiting, and leaves reads parallel.
With PostgreSQL the queue is not needed and is off.
"""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Receive, Scope, Send

_READS = frozenset({"GET", "HEAD", "OPTIONS"})


class WriteQueue:
    def __init__(self, app: ASGIApp, *, prefix: str) -> None:
        self.app = app
        self.prefix = prefix
        self._lock: asyncio.Lock | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] in _READS
            or not scope["path"].startswith(self.prefix)
        ):
            await self.app(scope, receive, send)
            return
        if self._lock is None:  # created inside the server's event loop
            self._lock = asyncio.Lock()
        async with self._lock:
            await self.app(scope, receive, send)
