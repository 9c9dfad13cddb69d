"""Bulletins: create, revise, list revisions, and move through the workflow."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, status
from sqlmodel import Session, col, select

from publisher.api.deps import QueueDep, ServicesDep, SessionDep, StaffDep
from publisher.editing import apply_action, create_bulletin, create_job
from publisher.schemas import (
    BulletinCreate,
    BulletinPublic,
    BulletinSummary,
    BulletinUpdate,
    JobAccepted,
    LanguageVersionPublic,
    RevisionPublic,
)
from publisher.services import Services
from publisher.tables import Bulletin, LanguageVersion, Revision, utc_now
from publisher.workflow import Action, Role, State, WorkflowError

router = APIRouter(prefix="/bulletins", tags=["bulletins"])


def _get_bulletin(session: Session, bulletin_id: int) -> Bulletin:
    bulletin = session.get(Bulletin, bulletin_id)
    if bulletin is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no bulletin with id {bulletin_id}")
    return bulletin


def _revision(session: Session, bulletin_id: int, number: int) -> Revision:
    return session.exec(
        select(Revision).where(Revision.bulletin_id == bulletin_id, Revision.number == number)
    ).one()


def _check_body_size(services: Services, body: str | None) -> None:
    limit = services.settings.max_body_bytes
    if body is not None and len(body.encode("utf-8")) > limit:
        raise HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE,
            f"body is {len(body.encode('utf-8'))} bytes; the limit is {limit} bytes",
        )


def _check_title_length(services: Services, title: str | None) -> None:
    limit = services.settings.max_title_chars
    if title is not None and len(title) > limit:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, f"title is longer than {limit} characters"
        )


def _versions(
    services: Services, session: Session, bulletin: Bulletin
) -> list[LanguageVersionPublic]:
    settings = services.settings
    rows = {
        row.language: row
        for row in session.exec(
            select(LanguageVersion).where(LanguageVersion.bulletin_id == bulletin.id)
        ).all()
    }
    targets = bulletin.languages if bulletin.languages is not None else settings.target_languages
    online = bulletin.published_revision is not None and bulletin.state != State.RETRACTED
    versions: list[LanguageVersionPublic] = []
    for language in (settings.source_language, *targets):
        row = rows.get(language)
        if row is None:
            pending = language not in settings.published_languages
            versions.append(
                LanguageVersionPublic(
                    language=language,
                    status="not_configured" if pending else "pending",
                    translation="source" if language == settings.source_language else "missing",
                    revision=None,
                )
            )
            continue
        page_url = None
        if online and row.status == "published":
            page_url = f"{settings.base_url}{language}/bulletins/{bulletin.id}/"
        versions.append(
            LanguageVersionPublic(
                language=language,
                status=row.status if online or row.status != "published" else "retracted",
                translation=row.translation,
                revision=row.revision,
                route=row.route,
                page_url=page_url,
                audio_url=page_url + "audio.mp3" if page_url and row.audio_file else None,
                captions_url=page_url + "captions.vtt" if page_url and row.captions_file else None,
                audio_seconds=row.audio_seconds,
                voice=row.voice,
                voice_substitute_for=row.voice_substitute_for,
                flags=row.flags,
                detail=row.detail,
            )
        )
    return versions


def _public(services: Services, session: Session, bulletin: Bulletin) -> BulletinPublic:
    assert bulletin.id is not None
    revision = _revision(session, bulletin.id, bulletin.current_revision)
    return BulletinPublic(
        id=bulletin.id,
        state=bulletin.state,
        category=bulletin.category,
        title=revision.title,
        body=revision.body,
        contact=revision.contact,
        languages=list(
            bulletin.languages
            if bulletin.languages is not None
            else services.settings.target_languages
        ),
        publish_at=bulletin.publish_at,
        expires_at=bulletin.expires_at,
        current_revision=bulletin.current_revision,
        published_revision=bulletin.published_revision,
        published_at=bulletin.published_at,
        created_by=bulletin.created_by,
        created_at=bulletin.created_at,
        updated_at=bulletin.updated_at,
        versions=_versions(services, session, bulletin),
    )


@router.post("", status_code=status.HTTP_201_CREATED)
def post_bulletin(
    payload: BulletinCreate, staff: StaffDep, session: SessionDep, services: ServicesDep
) -> BulletinPublic:
    """Create a bulletin in state ``draft`` with revision 1."""
    _check_body_size(services, payload.body)
    _check_title_length(services, payload.title)
    bulletin = create_bulletin(session, payload, staff.name)
    session.commit()
    return _public(services, session, bulletin)


@router.get("")
def list_bulletins(
    _staff: StaffDep, session: SessionDep, state: State | None = None, limit: int = 50
) -> list[BulletinSummary]:
    query = select(Bulletin).order_by(col(Bulletin.updated_at).desc()).limit(min(limit, 200))
    if state is not None:
        query = query.where(Bulletin.state == state.value)
    summaries = []
    for bulletin in session.exec(query).all():
        assert bulletin.id is not None
        revision = _revision(session, bulletin.id, bulletin.current_revision)
        summaries.append(
            BulletinSummary(
                id=bulletin.id,
                state=bulletin.state,
                category=bulletin.category,
                title=revision.title,
                current_revision=bulletin.current_revision,
                published_revision=bulletin.published_revision,
                updated_at=bulletin.updated_at,
            )
        )
    return summaries


@router.get("/{bulletin_id}")
def get_bulletin(
    bulletin_id: int, _staff: StaffDep, session: SessionDep, services: ServicesDep
) -> BulletinPublic:
    """The bulletin, and for each language its page, audio and translation status."""
    return _public(services, session, _get_bulletin(session, bulletin_id))


@router.patch("/{bulletin_id}")
def update_bulletin(
    bulletin_id: int,
    payload: BulletinUpdate,
    staff: StaffDep,
    session: SessionDep,
    services: ServicesDep,
) -> BulletinPublic:
    """Edit a bulletin: text changes make a new revision and send it back to ``draft``.

    A published revision stays online until the new one is approved and published.
    """
    _check_body_size(services, payload.body)
    _check_title_length(services, payload.title)
    bulletin = _get_bulletin(session, bulletin_id)
    changes = payload.model_dump(exclude_unset=True)
    for name in ("category", "languages", "publish_at", "expires_at"):
        if name in changes:
            setattr(bulletin, name, changes[name])
    text_fields = {"title", "body", "contact"} & changes.keys()
    if text_fields:
        current = _revision(session, bulletin_id, bulletin.current_revision)
        bulletin.current_revision += 1
        session.add(
            Revision(
                bulletin_id=bulletin_id,
                number=bulletin.current_revision,
                title=changes.get("title", current.title),
                body=changes.get("body", current.body),
                contact=changes.get("contact", current.contact),
                author=staff.name,
            )
        )
    if text_fields or bulletin.state in (State.IN_REVIEW, State.APPROVED):
        bulletin.state = State.DRAFT.value
    bulletin.updated_at = utc_now()
    session.add(bulletin)
    session.commit()
    return _public(services, session, bulletin)


@router.get("/{bulletin_id}/revisions")
def list_revisions(bulletin_id: int, _staff: StaffDep, session: SessionDep) -> list[RevisionPublic]:
    _get_bulletin(session, bulletin_id)
    rows = session.exec(
        select(Revision).where(Revision.bulletin_id == bulletin_id).order_by(col(Revision.number))
    ).all()
    return [RevisionPublic.model_validate(row, from_attributes=True) for row in rows]


def _act(session: Session, bulletin: Bulletin, action: Action, role: Role) -> None:
    try:
        apply_action(session, bulletin, action, role)
    except WorkflowError as error:
        raise HTTPException(error.status, str(error)) from error


@router.post("/{bulletin_id}/submit")
def submit_bulletin(
    bulletin_id: int, staff: StaffDep, session: SessionDep, services: ServicesDep
) -> BulletinPublic:
    """Send the current revision for review."""
    return _simple_transition(bulletin_id, Action.SUBMIT, staff.role, session, services)


@router.post("/{bulletin_id}/approve")
def approve_bulletin(
    bulletin_id: int, staff: StaffDep, session: SessionDep, services: ServicesDep
) -> BulletinPublic:
    """Approve the current revision (approver or admin)."""
    return _simple_transition(bulletin_id, Action.APPROVE, staff.role, session, services)


def _simple_transition(
    bulletin_id: int, action: Action, role: Role, session: Session, services: Services
) -> BulletinPublic:
    bulletin = _get_bulletin(session, bulletin_id)
    _act(session, bulletin, action, role)
    session.commit()
    return _public(services, session, bulletin)


def _start_job(
    request: Request, session: Session, queue: QueueDep, bulletin: Bulletin, kind: str, who: str
) -> JobAccepted:
    job = create_job(session, bulletin, kind, who)
    session.commit()
    queue.enqueue(job)
    return JobAccepted(job_id=job.id, status_url=str(request.url_for("get_job", job_id=job.id)))


@router.post("/{bulletin_id}/publish", status_code=status.HTTP_202_ACCEPTED)
def publish_bulletin(
    bulletin_id: int, request: Request, staff: StaffDep, session: SessionDep, queue: QueueDep
) -> JobAccepted:
    """Translate, voice and publish the approved revision in the background."""
    bulletin = _get_bulletin(session, bulletin_id)
    _act(session, bulletin, Action.PUBLISH, staff.role)
    return _start_job(request, session, queue, bulletin, "publish", staff.name)


@router.post("/{bulletin_id}/retract", status_code=status.HTTP_202_ACCEPTED)
def retract_bulletin(
    bulletin_id: int, request: Request, staff: StaffDep, session: SessionDep, queue: QueueDep
) -> JobAccepted:
    """Take the public pages down; the bulletin and all its revisions are kept."""
    bulletin = _get_bulletin(session, bulletin_id)
    _act(session, bulletin, Action.RETRACT, staff.role)
    return _start_job(request, session, queue, bulletin, "retract", staff.name)
