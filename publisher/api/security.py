"""Security headers on every response: the site, the API and the API docs.

Scripts may only come from the site itself (no ``unsafe-inline``); the site's search index
needs WebAssembly, which ``wasm-unsafe-eval`` allows without allowing ``eval``. API answers
are ``Cache-Control: no-store`` unless they say otherwise: they carry new keys and drafts,
which no browser or proxy cache should keep.
"""

from __future__ import annotations

import re

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SITE_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; media-src 'self'; font-src 'self'; connect-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# The staff workspace: its own scripts only, no inline script or style, never in a frame.
WORKSPACE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "media-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
WORKSPACE_PREFIX = "/staff"
API_POLICY = "default-src 'none'; frame-ancestors 'none'"
# Swagger UI sets inline style attributes; its scripts are still only our own files.
DOCS_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"
)

_COMMON = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


def _is_api_answer(path: str, api_prefix: str) -> bool:
    """API answers, not the docs' script and style files (which may be cached)."""
    return path.startswith(f"{api_prefix}/") and not path.startswith(
        (f"{api_prefix}/docs/assets/", f"{api_prefix}/docs/local/")
    )


_PREVIEW_PAGE = re.compile(r"/bulletins/[0-9]+/preview/[^/]+/page")


def policy_for(path: str, api_prefix: str) -> str:
    if path == WORKSPACE_PREFIX or path.startswith(f"{WORKSPACE_PREFIX}/"):
        return WORKSPACE_POLICY
    if path.startswith(f"{api_prefix}/docs"):
        return DOCS_POLICY
    if path.startswith(api_prefix) and _PREVIEW_PAGE.fullmatch(path[len(api_prefix) :]):
        return SITE_POLICY  # a page of the site, previewed: its own style, script and audio
    if path.startswith(api_prefix):
        return API_POLICY
    return SITE_POLICY


class SecurityHeaders:
    def __init__(self, app: ASGIApp, *, api_prefix: str) -> None:
        self.app = app
        self.api_prefix = api_prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = policy_for(scope["path"], self.api_prefix)
        no_store = _is_api_answer(scope["path"], self.api_prefix)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = policy
                for name, value in _COMMON.items():
                    headers.setdefault(name, value)
                if no_store:
                    headers.setdefault("Cache-Control", "no-store")
            await send(message)

        await self.app(scope, receive, send_with_headers)
