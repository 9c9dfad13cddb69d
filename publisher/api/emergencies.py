"""Emergency notices: templates and their review, issue, update, lift, approve, status.

Issuing, updating and lifting need an approver or admin; with four-eyes on, a second approver
approves each version (``POST .../approve``) unless the city allows emergencies without one.
Marking a template's wording reviewed needs an admin (the city's international office).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request, status
from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from sqlmodel import Session, select

from publisher import emergencies
from publisher.api.deps import QueueDep, ServicesDep, SessionDep, StaffDep, require
from publisher.api.errors import ERROR_RESPONSES
from publisher.api.params import RecordId
from publisher.emergency_publish import emergency_languages
from publisher.keys import Staff
from publisher.permissions import Permission
from publisher.queue import JobQueue
from publisher.services import Services
from publisher.site import paths
from publisher.site.writer import emergency_root
from publisher.statuses import (
    CapMessageType,
    EmergencyState,
    EmergencyVersionState,
    JobState,
    ReviewStatus,
)
from publisher.tables import Emergency, EmergencyText, EmergencyVersion, StaffMember
from translations.emergency.model import WORDING_LANGUAGES, SlotKind, Variant, WordingSource
from translations.emergency.slots import SlotError
from translations.statuses import TranslationStatus

_BODY_FIELDS = frozenset({"template", "addition"})
router = APIRouter(prefix="/emergencies", tags=["emergencies"], responses=ERROR_RESPONSES)

ApproverDep = Annotated[Staff, Depends(require(Permission.ISSUE_EMERGENCIES))]
AdminDep = Annotated[Staff, Depends(require(Permission.REVIEW_EMERGENCY_WORDING))]
TemplateId = Annotated[str, Path(pattern=r"^[a-z][a-z0-9-]{1,62}$")]
WordingLanguage = Annotated[str, Path(description="A site language or ja-easy", max_length=12)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SlotPublic(BaseModel):
    name: str
    kind: SlotKind
    required: bool


class WordingStatusPublic(BaseModel):
    language: str
    review: ReviewStatus
    reviewer: str | None = None
    reviewed_at: datetime | None = None
    event: str | None = None
    """The warning's name in this language (the key term)."""
    event_source: WordingSource | None = None


class TemplatePublic(BaseModel):
    id: str
    title: str
    lift_title: str
    category: str
    urgency: str
    severity: str
    certainty: str
    expires_hours: int
    slots: list[SlotPublic]
    languages: list[WordingStatusPublic]


class ReviewIn(_Strict):
    reviewer: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    """The name of the person who checked the wording (recorded in the audit trail)."""


class EmergencyIn(_Strict):
    template: str
    slots: dict[str, Any] = Field(default_factory=dict)
    addition: str | None = None
    """Optional free text in Japanese; machine-translated and marked so on the pages."""


class EmergencyUpdate(_Strict):
    slots: dict[str, Any] | None = None
    """New slot values (all of them); without them the current version's values are kept."""
    addition: str | None = None
    """A new addition; null removes it; left out, the current one is kept."""


class EmergencyAccepted(BaseModel):
    id: int
    version: int
    state: EmergencyState
    version_state: EmergencyVersionState
    job_id: str | None
    """The version's job, queued now; None while the version waits for a second approver."""
    status_url: str


class JobStatePublic(BaseModel):
    id: str
    state: JobState
    error: str | None
    finished_at: datetime | None


class VersionPublic(BaseModel):
    number: int
    msg_type: CapMessageType
    state: EmergencyVersionState
    slots: dict[str, Any]
    addition: str | None
    issued_by: str
    approved_by: str | None
    without_second_approver: bool
    sent_at: datetime | None
    expires_at: datetime | None
    job: JobStatePublic


class EmergencyLanguagePublic(BaseModel):
    language: str
    review: ReviewStatus
    page_url: str | None
    addition: TranslationStatus | None


class EmergencyPublic(BaseModel):
    id: int
    template: str
    state: EmergencyState
    current_version: int | None
    created_by: str
    created_at: datetime
    lifted_at: datetime | None
    versions: list[VersionPublic]
    languages: list[EmergencyLanguagePublic]


def _location(name: str) -> list[str]:
    """Where a problem is in the request body: a slot, or the template or addition field."""
    return ["body", name] if name in _BODY_FIELDS else ["body", "slots", name]


@contextmanager
def _refusals() -> Iterator[None]:
    """Slot problems become 422 naming each slot; state refusals their own status."""
    try:
        yield
    except SlotError as error:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            [
                {"loc": _location(problem.slot), "msg": problem.reason, "type": "value_error"}
                for problem in error.problems
            ],
        ) from error
    except emergencies.EmergencyError as error:
        raise HTTPException(error.status, str(error)) from error


def _template_public(session: Session, services: Services, template_id: str) -> TemplatePublic:
    template = emergencies.template_or_error(template_id)
    languages = []
    for language in emergency_languages(services):
        review = emergencies.review_status(session, template, language)
        latest = emergencies.latest_review(session, template.id, language)
        current = review is ReviewStatus.REVIEWED and latest is not None
        wording = template.wording(Variant.ISSUE, language)
        event = wording.event if wording is not None else None
        languages.append(
            WordingStatusPublic(
                language=language,
                review=review,
                reviewer=latest.reviewer if current and latest else None,
                reviewed_at=latest.reviewed_at if current and latest else None,
                event=event.text if event else None,
                event_source=event.source if event else None,
            )
        )
    cap = template.cap
    return TemplatePublic(
        id=template.id,
        title=template.title,
        lift_title=template.lift_title,
        category=cap.category,
        urgency=cap.urgency,
        severity=cap.severity,
        certainty=cap.certainty,
        expires_hours=cap.expires_hours,
        slots=[
            SlotPublic(name=name, kind=spec.kind, required=spec.required)
            for name, spec in template.slots.items()
        ],
        languages=languages,
    )


@router.get("/templates")
def list_templates(
    _staff: StaffDep, session: SessionDep, services: ServicesDep
) -> list[TemplatePublic]:
    """Every template with its slots and each language's review status."""
    return [
        _template_public(session, services, template_id)
        for template_id in sorted(emergencies.library().templates)
    ]


@router.post("/templates/{template_id}/languages/{language}/review")
def review_wording(
    template_id: TemplateId,
    language: WordingLanguage,
    payload: ReviewIn,
    staff: AdminDep,
    session: SessionDep,
    services: ServicesDep,
) -> TemplatePublic:
    """Mark a template's wording in one language as checked by the city (admin; audited)."""
    template = emergencies.library().get(template_id)
    if template is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no template {template_id}")
    if language not in WORDING_LANGUAGES:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no language {language}")
    with _refusals():
        emergencies.mark_reviewed(session, staff, template, language, payload.reviewer)
    session.commit()
    return _template_public(session, services, template_id)


def _accepted(
    request: Request, queue: JobQueue, session: Session, sent: emergencies.Sent
) -> EmergencyAccepted:
    session.commit()
    assert sent.emergency.id is not None
    if sent.queue:
        queue.enqueue_emergency(sent.version.job_id)
    return EmergencyAccepted(
        id=sent.emergency.id,
        version=sent.version.number,
        state=EmergencyState(sent.emergency.state),
        version_state=EmergencyVersionState(sent.version.state),
        job_id=sent.version.job_id if sent.queue else None,
        status_url=str(request.url_for("get_emergency", emergency_id=sent.emergency.id)),
    )


@router.post("", status_code=status.HTTP_202_ACCEPTED)
def issue_emergency(
    payload: EmergencyIn,
    request: Request,
    staff: ApproverDep,
    session: SessionDep,
    queue: QueueDep,
    services: ServicesDep,
) -> EmergencyAccepted:
    """Issue an emergency notice from a template; a missing or malformed slot is a 422."""
    with _refusals():
        sent = emergencies.issue(
            session, services.settings, staff, payload.template, payload.slots, payload.addition
        )
    return _accepted(request, queue, session, sent)


@router.patch("/{emergency_id}", status_code=status.HTTP_202_ACCEPTED)
def update_emergency(
    emergency_id: RecordId,
    payload: EmergencyUpdate,
    request: Request,
    staff: ApproverDep,
    session: SessionDep,
    queue: QueueDep,
    services: ServicesDep,
) -> EmergencyAccepted:
    """Issue an update: a new version; the current one is kept and marked superseded."""
    with _refusals():
        sent = emergencies.update_emergency(
            session,
            services.settings,
            staff,
            emergency_id,
            payload.slots,
            payload.addition,
            keep_addition="addition" not in payload.model_fields_set,
        )
    return _accepted(request, queue, session, sent)


@router.post("/{emergency_id}/end", status_code=status.HTTP_202_ACCEPTED)
def end_emergency(
    emergency_id: RecordId,
    request: Request,
    staff: ApproverDep,
    session: SessionDep,
    queue: QueueDep,
    services: ServicesDep,
) -> EmergencyAccepted:
    """Lift the emergency (解除): its pages say so, the CAP feed carries a Cancel."""
    with _refusals():
        sent = emergencies.end_emergency(session, services.settings, staff, emergency_id)
    return _accepted(request, queue, session, sent)


@router.post("/{emergency_id}/approve", status_code=status.HTTP_202_ACCEPTED)
def approve_emergency(
    emergency_id: RecordId,
    request: Request,
    staff: ApproverDep,
    session: SessionDep,
    queue: QueueDep,
    services: ServicesDep,
) -> EmergencyAccepted:
    """Approve the version waiting for a second approver (four-eyes), and send it."""
    with _refusals():
        sent = emergencies.approve(session, services.settings, staff, emergency_id)
    return _accepted(request, queue, session, sent)


def _staff_name(session: Session, staff_id: int | None) -> str | None:
    if staff_id is None:
        return None
    member = session.get(StaffMember, staff_id)
    return member.name if member is not None else None


@router.get("/{emergency_id}", name="get_emergency")
def get_emergency(
    emergency_id: RecordId, _staff: StaffDep, session: SessionDep, services: ServicesDep
) -> EmergencyPublic:
    """State, every version (with its job) and, per language, review status and page URL."""
    emergency = session.get(Emergency, emergency_id)
    if emergency is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no emergency with id {emergency_id}")
    versions = emergencies.versions_of(session, emergency_id)
    current = next((v for v in versions if v.number == emergency.current_version), None)
    texts: dict[str, EmergencyText] = {}
    online = False
    if current is not None and current.id is not None:
        texts = {
            row.language: row
            for row in session.exec(
                select(EmergencyText).where(EmergencyText.version_id == current.id)
            ).all()
        }
        online = current.job_state == JobState.SUCCEEDED
    template = emergencies.template_or_error(emergency.template_id)
    settings = services.settings
    languages = []
    for language in emergency_languages(services):
        text = texts.get(language)
        page = (
            settings.base_url + paths.emergency_dir(language, emergency_id)
            if online and text is not None and language in settings.published_languages
            else None
        )
        languages.append(
            EmergencyLanguagePublic(
                language=language,
                review=ReviewStatus(text.review)
                if text is not None
                else emergencies.review_status(session, template, language),
                page_url=page if page is not None and _page_written(services, page) else None,
                addition=TranslationStatus(text.addition_translation)
                if text is not None and text.addition_translation
                else None,
            )
        )
    return EmergencyPublic(
        id=emergency_id,
        template=emergency.template_id,
        state=EmergencyState(emergency.state),
        current_version=emergency.current_version,
        created_by=emergency.created_by,
        created_at=emergency.created_at,
        lifted_at=emergency.lifted_at,
        versions=[_version_public(session, v) for v in versions],
        languages=languages,
    )


def _page_written(services: Services, page_url: str) -> bool:
    """Whether the page is on the site (its file is in the emergency folder)."""
    settings = services.settings
    folder = page_url.removeprefix(settings.base_url)
    return (emergency_root(settings.resolved_site_dir) / paths.file_of(folder)).is_file()


def _version_public(session: Session, version: EmergencyVersion) -> VersionPublic:
    return VersionPublic(
        number=version.number,
        msg_type=CapMessageType(version.message_type),
        state=EmergencyVersionState(version.state),
        slots=version.slots,
        addition=version.addition,
        issued_by=version.issued_by,
        approved_by=_staff_name(session, version.approved_by_id),
        without_second_approver=version.without_second_approver,
        sent_at=version.sent_at,
        expires_at=version.expires_at,
        job=JobStatePublic(
            id=version.job_id,
            state=JobState(version.job_state),
            error=version.job_error,
            finished_at=version.finished_at,
        ),
    )
