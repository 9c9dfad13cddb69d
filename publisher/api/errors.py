"""The error responses every authenticated endpoint may give, documented in the OpenAPI schema."""

from __future__ import annotations

import math
from typing import Any

from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Match, compile_path


class Problem(BaseModel):
    """Why a request was refused, in one sentence."""

    detail: str


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "Missing, invalid, expired or revoked API key."},
    403: {"model": Problem, "description": "The key's role may not do this."},
    404: {"model": Problem, "description": "No such bulletin, job or key."},
    409: {"model": Problem, "description": "Not allowed in the bulletin's current state."},
    413: {"model": Problem, "description": "The request or the bulletin body is too large."},
    429: {"model": Problem, "description": "Too many requests for this key; see Retry-After."},
}


def invalid(field: str, message: str) -> RequestValidationError:
    """A 422 in the same shape as FastAPI's own validation errors."""
    return RequestValidationError([{"loc": ("body", field), "msg": message, "type": "value_error"}])


async def method_not_allowed(request: Request, error: Exception) -> Response:
    """A 405 whose ``Allow`` lists every documented method of the path.

    Starlette answers with the methods of the first route that matched the path only.
    """
    methods: set[str] = set()
    for template, operations in request.app.openapi().get("paths", {}).items():
        pattern, _format, _converters = compile_path(template)
        if pattern.match(request.url.path):
            methods |= {method.upper() for method in operations}
    for route in request.app.router.routes:  # the schema and the docs
        if route.matches(request.scope)[0] is Match.PARTIAL:
            methods |= set(getattr(route, "methods", None) or ())
    if "GET" in methods:
        methods.add("HEAD")
    detail = getattr(error, "detail", "Method Not Allowed")
    return JSONResponse(
        {"detail": detail}, status_code=405, headers={"Allow": ", ".join(sorted(methods))}
    )


def encodable(value: Any) -> Any:
    """``value`` made fit for a JSON answer, at any depth, to quote a client's input back.

    JSON lets a client send ``"\\ud800"``, which Python keeps as a lone surrogate that UTF-8
    cannot encode, and ``1e400``, which Python reads as infinity that strict JSON cannot
    write; either would turn the answer into a 500. Surrogates become U+FFFD, and infinities
    and NaN their names as text.
    """
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        return value
    if isinstance(value, dict):
        return {encodable(key): encodable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [encodable(item) for item in value]
    return value


async def validation_failed(request: Request, error: Exception) -> Response:
    """FastAPI's 422 (each problem with its field and the value sent), always encodable."""
    assert isinstance(error, RequestValidationError)
    return JSONResponse({"detail": encodable(jsonable_encoder(error.errors()))}, status_code=422)


async def http_error(request: Request, error: Exception) -> Response:
    """FastAPI's answer to an HTTPException, with a detail that can always be encoded."""
    assert isinstance(error, HTTPException)
    error.detail = encodable(error.detail)
    return await http_exception_handler(request, error)


async def no_such_api_path(request: Request) -> Response:
    """The API's last route: a path under the API that no route serves is a JSON 404, and a
    path a route serves with other methods a 405 (``method_not_allowed`` lists them), never
    the site's not-found page."""
    for template in request.app.openapi().get("paths", {}):
        pattern, _format, _converters = compile_path(template)
        if pattern.match(request.url.path):
            raise HTTPException(405, "Method Not Allowed")
    for route in request.app.router.routes:  # the schema and the docs
        if route.matches(request.scope)[0] is Match.PARTIAL:
            raise HTTPException(405, "Method Not Allowed")
    raise HTTPException(404, f"no such API path: {request.url.path}")
