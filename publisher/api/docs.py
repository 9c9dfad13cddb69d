"""Interactive API docs served from local files (Swagger UI 5 as packaged by fastapi-offline).

FastAPI's default docs page loads Swagger UI from a CDN with an inline script, which fails
offline and under a strict Content-Security-Policy.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).with_name("static")


def mount_docs(app: FastAPI, prefix: str, openapi_url: str) -> None:
    import fastapi_offline

    assets = Path(fastapi_offline.__file__).with_name("static")
    app.mount(f"{prefix}/docs/assets", StaticFiles(directory=assets), name="docs-assets")
    app.mount(f"{prefix}/docs/local", StaticFiles(directory=STATIC), name="docs-local")
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{escape(app.title)} API</title>
<link rel="stylesheet" href="{prefix}/docs/assets/swagger-ui.css">
<link rel="icon" href="{prefix}/docs/assets/favicon.png">
</head>
<body>
<main id="swagger-ui" data-openapi="{escape(openapi_url)}"></main>
<script src="{prefix}/docs/assets/swagger-ui-bundle.js"></script>
<script src="{prefix}/docs/local/docs.js"></script>
</body>
</html>
"""

    @app.get(f"{prefix}/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(page)
