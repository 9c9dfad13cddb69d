"""The published site as static files, with directory redirects that stay on this site."""

from __future__ import annotations

from urllib.parse import quote

from fastapi.staticfiles import StaticFiles
from starlette.responses import RedirectResponse, Response
from starlette.types import Scope


class SiteFiles(StaticFiles):
    """Starlette's StaticFiles with ``html=True``, but ``/ja`` redirects to a relative ``/ja/``.

    Starlette builds an absolute URL from the request's ``Host`` header, which a client
    chooses, so a forged header would send visitors (or a cache in front) to another site.
    Leading slashes are collapsed so that ``//ja`` cannot become a link to the host ``ja``.
    """

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if not isinstance(response, RedirectResponse):
            return response
        target = "/" + (scope.get("root_path", "") + scope["path"]).lstrip("/") + "/"
        location = quote(target, safe="/!$&'()*+,;=:@-._~")
        query = scope.get("query_string", b"").decode("latin-1")
        return RedirectResponse(f"{location}?{query}" if query else location, response.status_code)
