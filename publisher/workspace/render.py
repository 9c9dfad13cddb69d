"""Pages of the workspace: Jinja2 templates under ``site_templates/workspace``, autoescaped,
rendered in the person's chosen language with the shared layout (``layout.html``).

Every template gets ``signed_in`` (or None), ``csrf_token``, ``lang``, ``can(permission)`` and
``may(action)``, so navigation and buttons show only what the person's role allows.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from publisher.permissions import Permission, allows, may_take
from publisher.workflow import Action
from publisher.workspace import city_time, labels
from publisher.workspace.messages import LANGUAGE_NAMES, LANGUAGES, translations_for
from publisher.workspace.sessions import SignedIn

TEMPLATES = Path(__file__).resolve().parents[2] / "site_templates" / "workspace"
LANGUAGE_COOKIE = "kakehashi_staff_lang"


@lru_cache(maxsize=len(LANGUAGES))
def environment(language: str) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["iso"] = iso_moment
    env.filters["moment"] = shown_moment
    env.filters["city"] = city_time.shown
    env.install_gettext_translations(translations_for(language), newstyle=True)  # type: ignore[attr-defined]
    return env


def _utc(moment: datetime) -> datetime:
    """SQLite gives naive datetimes back; every time Kakehashi stores is UTC."""
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def iso_moment(moment: datetime) -> str:
    """For ``<time datetime>``: seconds, no fraction (HTML allows at most three digits)."""
    return _utc(moment).strftime("%Y-%m-%dT%H:%M:%SZ")


def shown_moment(moment: datetime) -> str:
    return _utc(moment).strftime("%Y-%m-%d %H:%M UTC")


def gettext(language: str, message: str) -> str:
    return translations_for(language).gettext(message)


def language_of(request: Request) -> str:
    wanted = request.cookies.get(LANGUAGE_COOKIE)
    return wanted if wanted in LANGUAGES else LANGUAGES[0]


def render(
    request: Request,
    template: str,
    context: Mapping[str, Any] | None = None,
    *,
    signed_in: SignedIn | None = None,
    status_code: int = 200,
    csrf_token: str | None = None,
) -> HTMLResponse:
    language = language_of(request)
    role = signed_in.staff.role if signed_in else None

    def can(permission: Permission) -> bool:
        return role is not None and allows(role, permission)

    def may(action: Action) -> bool:
        return role is not None and may_take(role, action)

    page = environment(language).get_template(template)
    html = page.render(
        {
            "lang": language,
            "languages": LANGUAGE_NAMES,
            "path": request.url.path,
            "query": request.url.query,
            "signed_in": signed_in,
            "csrf_token": csrf_token or (signed_in.csrf_token if signed_in else ""),
            "can": can,
            "may": may,
            "Permission": Permission,
            "Action": Action,
            "labels": labels,
            "role_label": lambda role: labels.ROLES[role],
            **(context or {}),
        }
    )
    return HTMLResponse(html, status_code=status_code, headers={"Cache-Control": "no-store"})
