"""Writing, reading and moving a bulletin through the workflow, over ``editing`` as the API.

Buttons show only the steps the workflow table would allow this person now (role, state,
four-eyes); a crafted POST for any other step is refused by the same table.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request, status
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError
from sqlmodel import Session, col, select

from publisher.api.bulletins import bulletin_schedule, check_text_limits
from publisher.api.deps import QueueDep, ServicesDep, SessionDep
from publisher.api.images import listed_images
from publisher.api.params import RecordId
from publisher.editing import (
    BulletinNotFoundError,
    InvalidRevisionError,
    act,
    create_bulletin,
    edit_bulletin,
    facts,
    revision_of,
)
from publisher.imports.docx import MAX_DOCX_BYTES
from publisher.keys import Staff
from publisher.schemas import (
    EXPIRES_BEFORE_PUBLISH,
    MAX_ALT_CHARS,
    BulletinCreate,
    BulletinUpdate,
)
from publisher.services import Services
from publisher.statuses import ImageKind
from publisher.tables import Bulletin, Job, LanguageVersion, Revision
from publisher.workflow import Action, WorkflowError, check_transition
from publisher.workspace.check_view import CATEGORIES, ChecksView, checks_view
from publisher.workspace.city_time import as_field, from_field
from publisher.workspace.deps import CsrfDep, SignedInDep
from publisher.workspace.imported_form import ImportedForm
from publisher.workspace.overview import language_rows
from publisher.workspace.render import language_of, render
from translations.catalogs import N_

router = APIRouter(prefix="/bulletins")

STEPS = (Action.SUBMIT, Action.APPROVE, Action.PUBLISH, Action.RETRACT)
FLAGGED_POLICIES = ("publish_with_note", "hold_for_review")


def _bulletin(session: Session, bulletin_id: int) -> Bulletin:
    bulletin = session.get(Bulletin, bulletin_id)
    if bulletin is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "not_found")
    return bulletin


def available_steps(
    session: Session, bulletin: Bulletin, staff: Staff, four_eyes: bool
) -> list[Action]:
    """The steps the workflow table allows this person on this bulletin now."""
    known = facts(session, bulletin, four_eyes=four_eyes)
    allowed = []
    for action in STEPS:
        try:
            check_transition(action, known, staff.actor)
        except WorkflowError:
            continue
        allowed.append(action)
    return allowed


def _form_values(revision: Revision | None, services: Services) -> dict[str, Any]:
    targets = list(services.settings.target_languages)
    if revision is None:
        return {
            "title": "",
            "body": "",
            "easy_title": "",
            "easy_body": "",
            "contact": "",
            "category": "",
            "languages": targets,
            "flagged_policy": FLAGGED_POLICIES[0],
            "publish_at": "",
            "expires_at": "",
        }
    return {
        "title": revision.title,
        "body": revision.body,
        "easy_title": revision.easy_title or "",
        "easy_body": revision.easy_body or "",
        "contact": revision.contact or "",
        "category": revision.category,
        "languages": revision.languages if revision.languages is not None else targets,
        "flagged_policy": revision.flagged_policy,
        "publish_at": as_field(revision.publish_at),
        "expires_at": as_field(revision.expires_at),
    }


SCHEDULE_MESSAGES = {
    "publish_at": N_("Give a date and time in city time, e.g. 2026-12-01 09:00."),
    "expires_at": N_("Give a date and time in city time, later than the publish time."),
}
"""What a refused schedule field needs, beside the field (the schema's rules, in words)."""


def _form_page(
    request: Request,
    signed: Any,
    services: Services,
    values: dict[str, Any],
    *,
    bulletin_id: int | None,
    errors: list[tuple[str, str]] | None = None,
    status_code: int = 200,
    checks: ChecksView | None = None,
    imported: ImportedForm | None = None,
) -> Response:
    return render(
        request,
        "bulletin_form.html",
        {
            "values": values,
            "bulletin_id": bulletin_id,
            "errors": errors or [],
            "field_errors": {
                field: SCHEDULE_MESSAGES[field]
                for field, _message in errors or []
                if field in SCHEDULE_MESSAGES
            },
            "target_languages": services.settings.target_languages,
            "flagged_policies": FLAGGED_POLICIES,
            "checks": checks,
            "check_categories": CATEGORIES,
            "imported": imported,
            "max_docx_megabytes": MAX_DOCX_BYTES // 1_000_000,
        },
        signed_in=signed,
        status_code=status_code,
    )


def _errors(error: ValidationError) -> list[tuple[str, str]]:
    """Each refusal with the field it concerns; the schedule's order belongs to the expiry."""
    found = []
    for item in error.errors():
        field = ".".join(str(part) for part in item["loc"])
        if not field and EXPIRES_BEFORE_PUBLISH in item["msg"]:
            field = "expires_at"
        found.append((field or "form", item["msg"]))
    return found


Text = Annotated[str, Form(max_length=200_000)]
Short = Annotated[str, Form(max_length=1_000)]


def _submitted(
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
) -> dict[str, Any]:
    """The form's fields as the API's schema takes them (an empty optional field: none;
    a time is city time, handed on with its offset)."""
    return {
        "title": title,
        "body": body,
        "easy_title": easy_title.strip() or None,
        "easy_body": easy_body.strip() or None,
        "contact": contact.strip() or None,
        "category": category.strip(),
        "languages": languages,
        "flagged_policy": flagged_policy,
        "publish_at": from_field(publish_at),
        "expires_at": from_field(expires_at),
    }


def _typed(values: dict[str, Any], **typed: str) -> dict[str, Any]:
    """The values to show again in a refused form: optional fields as they were typed."""
    return {**values, **typed}


@router.get("/new")
def new_form(request: Request, signed: SignedInDep, services: ServicesDep) -> Response:
    return _form_page(request, signed, services, _form_values(None, services), bulletin_id=None)


@router.post("")
def create(
    request: Request,
    signed: CsrfDep,
    session: SessionDep,
    services: ServicesDep,
    title: Short = "",
    body: Text = "",
    easy_title: Short = "",
    easy_body: Text = "",
    contact: Short = "",
    category: Short = "",
    languages: Annotated[list[str], Form()] = [],  # noqa: B006 (FastAPI copies defaults)
    flagged_policy: Short = FLAGGED_POLICIES[0],
    publish_at: Short = "",
    expires_at: Short = "",
) -> Response:
    values = _submitted(
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
    typed = _typed(
        values,
        easy_title=easy_title,
        easy_body=easy_body,
        contact=contact,
        publish_at=publish_at,
        expires_at=expires_at,
    )
    try:
        payload = BulletinCreate.model_validate(values)
    except ValidationError as error:
        return _form_page(
            request,
            signed,
            services,
            typed,
            bulletin_id=None,
            errors=_errors(error),
            status_code=400,
        )
    check_text_limits(services, payload.body, payload.easy_body)
    try:
        bulletin = create_bulletin(session, payload, signed.staff, clock=services.clock)
    except InvalidRevisionError as error:  # e.g. the text places an image it does not have
        return _form_page(
            request,
            signed,
            services,
            typed,
            bulletin_id=None,
            errors=[(error.field, str(error))],
            status_code=400,
        )
    session.commit()
    return RedirectResponse(f"/staff/bulletins/{bulletin.id}?done=saved", status_code=303)


@router.get("/{bulletin_id}/edit")
def edit_form(
    request: Request,
    bulletin_id: RecordId,
    signed: SignedInDep,
    session: SessionDep,
    services: ServicesDep,
) -> Response:
    bulletin = _bulletin(session, bulletin_id)
    revision = revision_of(session, bulletin_id, bulletin.current_revision)
    return _form_page(
        request,
        signed,
        services,
        _form_values(revision, services),
        bulletin_id=bulletin_id,
        checks=checks_view(revision.title, revision.body, language_of(request)),
    )


@router.post("/{bulletin_id}/edit")
def edit(
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
    languages: Annotated[list[str], Form()] = [],  # noqa: B006 (FastAPI copies defaults)
    flagged_policy: Short = FLAGGED_POLICIES[0],
    publish_at: Short = "",
    expires_at: Short = "",
) -> Response:
    _bulletin(session, bulletin_id)
    values = _submitted(
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
    typed = _typed(
        values,
        easy_title=easy_title,
        easy_body=easy_body,
        contact=contact,
        publish_at=publish_at,
        expires_at=expires_at,
    )
    try:
        payload = BulletinUpdate.model_validate(values)
    except ValidationError as error:
        return _form_page(
            request,
            signed,
            services,
            typed,
            bulletin_id=bulletin_id,
            errors=_errors(error),
            status_code=400,
        )
    check_text_limits(services, payload.body, payload.easy_body)
    changes = payload.model_dump(exclude_unset=True)
    try:
        edit_bulletin(session, bulletin_id, changes, signed.staff, clock=services.clock)
    except BulletinNotFoundError as error:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "not_found") from error
    except WorkflowError as error:
        raise HTTPException(error.status, str(error)) from error
    except InvalidRevisionError as error:
        return _form_page(
            request,
            signed,
            services,
            typed,
            bulletin_id=bulletin_id,
            errors=[(error.field, str(error))],
            status_code=400,
        )
    session.commit()
    return RedirectResponse(f"/staff/bulletins/{bulletin_id}?done=saved", status_code=303)


DONE = frozenset({"saved", "image_added", "image_changed", "image_removed", *STEPS})


def bulletin_page(
    request: Request,
    signed: Any,
    session: Session,
    services: Services,
    bulletin_id: int,
    *,
    done: str = "",
    image_errors: dict[str, str] | None = None,
    image_values: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    """The bulletin's page; a refused image form comes back on it, its errors by field."""
    bulletin = _bulletin(session, bulletin_id)
    revision = revision_of(session, bulletin_id, bulletin.current_revision)
    versions = session.exec(
        select(LanguageVersion).where(LanguageVersion.bulletin_id == bulletin_id)
    ).all()
    jobs = session.exec(
        select(Job)
        .where(Job.bulletin_id == bulletin_id)
        .order_by(col(Job.created_at).desc())
        .limit(5)
    ).all()
    images, _warnings = listed_images(session, bulletin)
    return render(
        request,
        "bulletin.html",
        {
            "bulletin": bulletin,
            "revision": revision,
            "schedule": bulletin_schedule(session, bulletin),
            "images": images,
            "image_kinds": list(ImageKind),
            "image_errors": image_errors or {},
            "image_values": image_values or {},
            "max_alt_chars": MAX_ALT_CHARS,
            "rows": language_rows(services.settings, revision.languages, versions),
            "steps": available_steps(session, bulletin, signed.staff, services.settings.four_eyes),
            "jobs": jobs,
            "done": done if done in DONE else "",
            "checks": (
                checks_view(revision.title, revision.body, language_of(request))
                if done == "saved"
                else None
            ),
        },
        signed_in=signed,
        status_code=status_code,
    )


@router.get("/{bulletin_id}")
def view(
    request: Request,
    bulletin_id: RecordId,
    signed: SignedInDep,
    session: SessionDep,
    services: ServicesDep,
    done: str = "",
) -> Response:
    return bulletin_page(request, signed, session, services, bulletin_id, done=done)


@router.post("/{bulletin_id}/{step}")
def take_step(
    bulletin_id: RecordId,
    step: str,
    signed: CsrfDep,
    session: SessionDep,
    services: ServicesDep,
    queue: QueueDep,
) -> Response:
    """Submit, approve, publish or retract: the workflow table decides, as for the API."""
    action = next((candidate for candidate in STEPS if candidate.value == step), None)
    if action is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "not_found")
    try:
        _done, job = act(
            session,
            bulletin_id,
            action,
            signed.staff,
            four_eyes=services.settings.four_eyes,
            clock=services.clock,
        )
    except BulletinNotFoundError as error:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "not_found") from error
    except WorkflowError as error:
        raise HTTPException(error.status, str(error)) from error
    session.commit()
    if job is not None:
        queue.enqueue(job)
    return RedirectResponse(f"/staff/bulletins/{bulletin_id}?done={action.value}", status_code=303)
