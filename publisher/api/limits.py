"""Request-level limits enforced before FastAPI parses anything.

Oversized requests get 413, bodies that do not arrive in time get 408 and bodies that are not
UTF-8 get 422, each with a reason, instead of a generic parse error. The whole body is read
here, under one deadline, before anything else looks at the request: a client that sends the
headers of a write and then nothing (or a byte now and then) holds only its own connection.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Mapping

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class RequestLimits:
    def __init__(
        self,
        app: ASGIApp,
        *,
        max_bytes: int,
        body_timeout: float,
        uploads: Mapping[re.Pattern[str], tuple[int, float]] | None = None,
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.body_timeout = body_timeout
        self.uploads = dict(uploads or {})
        """Paths that take files (whole-path patterns: the Word import, a bulletin's images),
        each with its own (larger) size limit and time to arrive; the route then checks the
        file against its own limit."""

    def _limits(self, path: str) -> tuple[int, float]:
        return next(
            (limits for pattern, limits in self.uploads.items() if pattern.fullmatch(path)),
            (self.max_bytes, self.body_timeout),
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length")
        limit, timeout = self._limits(scope["path"])
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _reject(send, 413, f"request body over the limit of {limit} bytes")
            return
        try:
            async with asyncio.timeout(timeout):
                chunks = await self._read_body(receive, limit)
        except TimeoutError:
            reason = f"the request body did not arrive within {timeout:g} s"
            await _reject(send, 408, reason, close=True)
            return
        except _TooLargeError:
            reason = f"request body over the limit of {limit} bytes"
            await _reject(send, 413, reason, close=True)
            return
        if chunks is None:  # the client went away
            return
        body = b"".join(chunks)
        if body and b"json" in headers.get(b"content-type", b""):
            try:
                body.decode("utf-8")
            except UnicodeDecodeError as error:
                reason = f"request body is not valid UTF-8 (byte {error.start})"
                await _reject(send, 422, [{"loc": ["body"], "msg": reason, "type": "unicode"}])
                return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _read_body(self, receive: Receive, limit: int) -> list[bytes] | None:
        """The body's chunks, or None if the client disconnected; raises _TooLargeError."""
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                raise _TooLargeError
            chunks.append(chunk)
            more = message.get("more_body", False)
        return chunks


class _TooLargeError(Exception):
    """The body grew past the request size limit."""


async def _reject(
    send: Send, status: int, reason: str | list[dict[str, object]], *, close: bool = False
) -> None:
    """Answer with the reason; ``close`` ends the connection (its body was never read)."""
    payload = json.dumps({"detail": reason}).encode("utf-8")
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(payload)).encode()),
    ]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})
