"""The write form's "check" button: the checks before submitting, run on the text in the form
without saving it, shown beside each sentence (the API's report, in the page's language).
Findings are warnings: nothing here stops a save or a submit."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from publisher.api.bulletins import check_text_limits
from publisher.api.deps import ServicesDep, SessionDep
from publisher.api.params import RecordId
from publisher.workspace.bulletin_pages import (
    FLAGGED_POLICIES,
    Short,
    Text,
    _bulletin,
    _form_page,
)
from publisher.workspace.check_view import checks_view
from publisher.workspace.deps import CsrfDep
from publisher.workspace.render import language_of
from publisher.workspace.sessions import SignedIn

router = APIRouter(prefix="/bulletins")

Languages = Annotated[list[str], Form()]


def _checked_page(
    request: Request,
    signed: SignedIn,
    services: ServicesDep,
    bulletin_id: int | None,
    values: dict[str, object],
) -> Response:
    title, body = str(values["title"]), str(values["body"])
    check_text_limits(services, body)
    checks = checks_view(title, body, language_of(request))
    return _form_page(request, signed, services, values, bulletin_id=bulletin_id, checks=checks)


def _values(
    title: str,
    body: str,
    easy_title: str,
    easy_body: str,
    contact: str,
    category: str,
    languages: list[str],
    flagged_policy: str,
    publish_at: str,
    expires_at: str,
) -> dict[str, object]:
    """The form as it was sent, to fill it again unchanged (times as typed, in city time)."""
    return {
        "title": title,
        "body": body,
        "easy_title": easy_title,
        "easy_body": easy_body,
        "contact": contact,
        "category": category,
        "languages": languages,
        "flagged_policy": flagged_policy,
        "publish_at": publish_at,
        "expires_at": expires_at,
    }


@router.post("/check")
def check_new(
    request: Request,
    signed: CsrfDep,
    services: ServicesDep,
    title: Short = "",
    body: Text = "",
    easy_title: Short = "",
    easy_body: Text = "",
    contact: Short = "",
    category: Short = "",
    languages: Languages = [],  # noqa: B006 (FastAPI copies defaults)
    flagged_policy: Short = FLAGGED_POLICIES[0],
    publish_at: Short = "",
    expires_at: Short = "",
) -> Response:
    values = _values(
        title,
        body,
        easy_title,
        easy_body,
        contact,
        category,
        languages,
        flagged_policy,
        publish_at,
        expires_at,
    )
    return _checked_page(request, signed, services, None, values)


@router.post("/{bulletin_id}/check")
def check_edit(
    request: Request,
    bulletin_id: RecordId,
    signed: CsrfDep,
    session: SessionDep,
    services: ServicesDep,
    title: Short = "",
    body: Text = "",
    easy_title: Short = "",
    easy_body: Text = "",
    contact: Short = "",
    category: Short = "",
    languages: Languages = [],  # noqa: B006 (FastAPI copies defaults)
    flagged_policy: Short = FLAGGED_POLICIES[0],
    publish_at: Short = "",
    expires_at: Short = "",
) -> Response:
    _bulletin(session, bulletin_id)
    values = _values(
        title,
        body,
        easy_title,
        easy_body,
        contact,
        category,
        languages,
        flagged_policy,
        publish_at,
        expires_at,
    )
    return _checked_page(request, signed, services, bulletin_id, values)
