"""Bulletins: create, revise, list revisions, and move through the workflow."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request, status
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from publisher.api.deps import QueueDep, ServicesDep, SessionDep, StaffDep
from publisher.api.errors import ERROR_RESPONSES, invalid
from publisher.api.images import listed_images
from publisher.api.params import PageLimit, RecordId, RevisionNumber
from publisher.clock import aware
from publisher.editing import (
    BulletinNotFoundError,
    InvalidRevisionError,
    act,
    create_bulletin,
    edit_bulletin,
    revision_of,
)
from publisher.jobs import scheduled_publish
from publisher.keys import Staff
from publisher.outcomes import EASY_JAPANESE, LanguageOutcome
from publisher.queue import JobQueue
from publisher.readability import revision_readability
from publisher.schemas import (
    BulletinCreate,
    BulletinPublic,
    BulletinSummary,
    BulletinUpdate,
    JobAccepted,
    LanguageVersionPublic,
    ReadabilityPublic,
    RevisionPublic,
    SchedulePublic,
)
from publisher.services import Services
from publisher.site import paths
from publisher.statuses import (
    JobKind,
    JobState,
    LanguageStatus,
    ScheduleState,
    TextVersion,
    WithdrawalReason,
)
from publisher.tables import Bulletin, Job, LanguageVersion, Revision, Withdrawal
from publisher.workflow import Action, State, WorkflowError
from translations.segmenter import segment_markdown
from translations.statuses import TranslationStatus

_SENTENCE_ENDS = re.compile(r"[。．.！!？?;；…\n]")

router = APIRouter(prefix="/bulletins", tags=["bulletins"], responses=ERROR_RESPONSES)


def _get_bulletin(session: Session, bulletin_id: RecordId) -> Bulletin:
    bulletin = session.get(Bulletin, bulletin_id)
    if bulletin is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no bulletin with id {bulletin_id}")
    return bulletin


def _check_body_size(services: Services, body: str | None) -> None:
    limit = services.settings.max_body_bytes
    if body is not None and len(body.encode("utf-8")) > limit:
        raise HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE,
            f"body is {len(body.encode('utf-8'))} bytes; the limit is {limit} bytes",
        )


def _check_segment_count(services: Services, body: str | None) -> None:
    """Refuse bodies that would make an unreasonably long page and audio track."""
    if body is None:
        return
    limit = services.settings.max_segments
    # Every sentence ends at one of these or at the end of the text, so this bounds the count
    # cheaply; the real segmentation runs only for bodies near the limit.
    if len(_SENTENCE_ENDS.findall(body)) + 1 <= limit:
        return
    count = sum(len(block.segments) for block in segment_markdown(body))
    if count > limit:
        raise invalid(
            "body", f"body has {count} sentences; the limit is {limit}: split it into several"
        )


def check_text_limits(services: Services, *texts: str | None) -> None:
    """Refuse a body too large or with too many sentences (413 or 422, with the reason)."""
    for text in texts:
        _check_body_size(services, text)
        _check_segment_count(services, text)


def language_versions(
    services: Services, session: Session, bulletin: Bulletin, revision: Revision
) -> list[LanguageVersionPublic]:
    """Each language of the bulletin as the API shows it (the workspace's review page too)."""
    settings = services.settings
    rows = {
        row.language: row
        for row in session.exec(
            select(LanguageVersion).where(LanguageVersion.bulletin_id == bulletin.id)
        ).all()
    }
    targets = revision.languages if revision.languages is not None else settings.target_languages
    online = bulletin.published_revision is not None
    bulletin_id = bulletin.id
    assert bulletin_id is not None
    versions: list[LanguageVersionPublic] = []
    for language in (settings.source_language, *targets):
        row = rows.get(language)
        if row is None:
            not_yet = LanguageOutcome(
                language,
                LanguageStatus.PENDING
                if language in settings.published_languages
                else LanguageStatus.NOT_CONFIGURED,
                TranslationStatus.SOURCE
                if language == settings.source_language
                else TranslationStatus.MISSING,
            )
            versions.append(LanguageVersionPublic.of(not_yet, revision=None))
            continue
        page = paths.bulletin_dir(language, bulletin_id)
        versions.append(_version(row, online, settings.base_url + page))
    easy = rows.get(EASY_JAPANESE)
    if easy is not None:  # the easy-Japanese page, after the languages
        page = paths.easy_dir(bulletin_id, settings.source_language)
        versions.append(_version(easy, online, settings.base_url + page))
    return versions


def _version(row: LanguageVersion, online: bool, page: str) -> LanguageVersionPublic:
    """A stored version as the API shows it; ``page`` is its URL, given only while online."""
    outcome = LanguageOutcome.of_row(row)
    if outcome.status == LanguageStatus.PUBLISHED and not online:
        outcome = replace(outcome, status=LanguageStatus.RETRACTED)
    published = outcome.status == LanguageStatus.PUBLISHED
    return LanguageVersionPublic.of(
        outcome, revision=row.revision, page=page if published else None
    )


def _when(moment: datetime | None) -> datetime | None:
    return aware(moment) if moment is not None else None


def schedule_of(
    scheduled_at: datetime | None,
    live_expires_at: datetime | None,
    reason: str | None,
    online: bool,
) -> SchedulePublic:
    """Where a bulletin's schedule stands, from the waiting job, the live revision's expiry
    and the withdrawal's reason (a withdrawal counts only while the notice is offline)."""
    state = None
    if scheduled_at is not None:
        state = ScheduleState.SCHEDULED
    elif not online and reason == WithdrawalReason.EXPIRED:
        state = ScheduleState.EXPIRED
    return SchedulePublic(
        schedule=state,
        scheduled_publish_at=_when(scheduled_at),
        live_expires_at=_when(live_expires_at) if online else None,
    )


def bulletin_schedule(session: Session, bulletin: Bulletin) -> SchedulePublic:
    assert bulletin.id is not None
    waiting = scheduled_publish(session, bulletin.id)
    live = bulletin.published_revision
    withdrawal = session.exec(
        select(Withdrawal).where(Withdrawal.bulletin_id == bulletin.id)
    ).first()
    return schedule_of(
        waiting.run_at if waiting is not None else None,
        revision_of(session, bulletin.id, live).expires_at if live is not None else None,
        withdrawal.reason if withdrawal is not None else None,
        live is not None,
    )


def _public(services: Services, session: Session, bulletin: Bulletin) -> BulletinPublic:
    assert bulletin.id is not None
    revision = revision_of(session, bulletin.id, bulletin.current_revision)
    images, warnings = listed_images(session, bulletin)
    return BulletinPublic(
        **bulletin_schedule(session, bulletin).model_dump(),
        id=bulletin.id,
        state=bulletin.state,
        category=revision.category,
        title=revision.title,
        body=revision.body,
        contact=revision.contact,
        languages=list(
            revision.languages
            if revision.languages is not None
            else services.settings.target_languages
        ),
        publish_at=_when(revision.publish_at),
        expires_at=_when(revision.expires_at),
        current_revision=bulletin.current_revision,
        published_revision=bulletin.published_revision,
        published_at=bulletin.published_at,
        created_by=bulletin.created_by,
        created_at=bulletin.created_at,
        updated_at=bulletin.updated_at,
        flagged_policy=revision.flagged_policy,
        easy_title=revision.easy_title,
        easy_body=revision.easy_body,
        translation_source=TextVersion(revision.translation_source),
        versions=language_versions(services, session, bulletin, revision),
        images=images,
        warnings=warnings,
    )


@router.post("", status_code=status.HTTP_201_CREATED)
def post_bulletin(
    payload: BulletinCreate, staff: StaffDep, session: SessionDep, services: ServicesDep
) -> BulletinPublic:
    """Create a bulletin in state ``draft`` with revision 1."""
    check_text_limits(services, payload.body, payload.easy_body)
    with _refusals():
        bulletin = create_bulletin(session, payload, staff, clock=services.clock)
    session.commit()
    return _public(services, session, bulletin)


@router.get("")
def list_bulletins(
    _staff: StaffDep, session: SessionDep, state: State | None = None, limit: PageLimit = 50
) -> list[BulletinSummary]:
    # One query for the page: each bulletin beside its working draft, and only the columns
    # the summary shows (a body can be long); its schedule from the publish waiting for its
    # time (at most one), the live revision's expiry and the withdrawal's reason.
    live = aliased(Revision)
    query = (
        sa_select(
            col(Bulletin.id),
            col(Bulletin.state),
            col(Revision.category),
            col(Revision.title),
            col(Bulletin.current_revision),
            col(Bulletin.published_revision),
            col(Bulletin.updated_at),
            col(Revision.publish_at),
            col(Revision.expires_at),
            col(Job.run_at),
            col(live.expires_at),
            col(Withdrawal.reason),
        )
        .join(
            Revision,
            (col(Revision.bulletin_id) == col(Bulletin.id))
            & (col(Revision.number) == col(Bulletin.current_revision)),
        )
        .outerjoin(
            Job,
            (col(Job.bulletin_id) == col(Bulletin.id))
            & (col(Job.kind) == JobKind.PUBLISH.value)
            & (col(Job.state) == JobState.SCHEDULED.value),
        )
        .outerjoin(
            live,
            (col(live.bulletin_id) == col(Bulletin.id))
            & (col(live.number) == col(Bulletin.published_revision)),
        )
        .outerjoin(Withdrawal, col(Withdrawal.bulletin_id) == col(Bulletin.id))
        .order_by(col(Bulletin.updated_at).desc(), col(Bulletin.id).desc())
        .limit(limit)
    )
    if state is not None:
        query = query.where(col(Bulletin.state) == state.value)
    return [
        BulletinSummary(
            id=bulletin_id,
            state=bulletin_state,
            category=category,
            title=title,
            current_revision=current,
            published_revision=published,
            updated_at=updated_at,
            publish_at=_when(publish_at),
            expires_at=_when(expires_at),
            **schedule_of(
                scheduled_at, live_expires_at, reason, published is not None
            ).model_dump(),
        )
        for (
            bulletin_id,
            bulletin_state,
            category,
            title,
            current,
            published,
            updated_at,
            publish_at,
            expires_at,
            scheduled_at,
            live_expires_at,
            reason,
        ) in session.execute(query).all()
    ]


@router.get("/{bulletin_id}")
def get_bulletin(
    bulletin_id: RecordId, _staff: StaffDep, session: SessionDep, services: ServicesDep
) -> BulletinPublic:
    """The bulletin, and for each language its page, audio and translation status."""
    return _public(services, session, _get_bulletin(session, bulletin_id))


@router.patch("/{bulletin_id}")
def update_bulletin(
    bulletin_id: RecordId,
    payload: BulletinUpdate,
    staff: StaffDep,
    session: SessionDep,
    services: ServicesDep,
) -> BulletinPublic:
    """Edit a bulletin: any change makes a new revision and sends it back to ``draft``.

    Everything residents see (text, category, languages, flagged policy, publish and expiry
    times) is reviewed again; a published revision stays online, unchanged, until the new one
    is approved and published. A publish waiting for its time is cancelled: approving the new
    revision schedules it again (for the new revision's time).
    """
    check_text_limits(services, payload.body, payload.easy_body)
    with _refusals():
        bulletin = edit_bulletin(
            session,
            bulletin_id,
            payload.model_dump(exclude_unset=True),
            staff,
            clock=services.clock,
        )
    session.commit()
    return _public(services, session, bulletin)


@router.get("/{bulletin_id}/revisions")
def list_revisions(
    bulletin_id: RecordId, _staff: StaffDep, session: SessionDep
) -> list[RevisionPublic]:
    _get_bulletin(session, bulletin_id)
    rows = session.exec(
        select(Revision).where(Revision.bulletin_id == bulletin_id).order_by(col(Revision.number))
    ).all()
    return [RevisionPublic.model_validate(row, from_attributes=True) for row in rows]


@router.get("/{bulletin_id}/readability")
def get_readability(
    bulletin_id: RecordId,
    _staff: StaffDep,
    session: SessionDep,
    revision: RevisionNumber = None,
    hints: Annotated[Literal["en", "ja"], Query(description="The language of the hints.")] = "en",
) -> ReadabilityPublic:
    """How easy the original and the easy-Japanese version read: the jreadability score and
    band of each (higher is easier), and each sentence that breaks a rule of the やさしい日本語
    guideline (rule id, the words, a hint)."""
    bulletin = _get_bulletin(session, bulletin_id)
    number = revision if revision is not None else bulletin.current_revision
    row = session.exec(
        select(Revision).where(Revision.bulletin_id == bulletin_id, Revision.number == number)
    ).first()
    if row is None:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, f"bulletin {bulletin_id} has no revision {number}"
        )
    return revision_readability(row, hints)


@contextmanager
def _refusals() -> Iterator[None]:
    """A refused workflow step or a missing bulletin becomes an HTTP error with the reason."""
    try:
        yield
    except BulletinNotFoundError as error:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(error)) from error
    except WorkflowError as error:
        raise HTTPException(error.status, str(error)) from error
    except InvalidRevisionError as error:
        raise invalid(error.field, str(error)) from error


def _act(
    session: Session, services: Services, bulletin_id: int, action: Action, staff: Staff
) -> tuple[Bulletin, Job | None]:
    with _refusals():
        done = act(
            session,
            bulletin_id,
            action,
            staff,
            four_eyes=services.settings.four_eyes,
            clock=services.clock,
        )
    session.commit()
    return done


@router.post("/{bulletin_id}/submit")
def submit_bulletin(
    bulletin_id: RecordId,
    staff: StaffDep,
    session: SessionDep,
    services: ServicesDep,
    queue: QueueDep,
) -> BulletinPublic:
    """Send the current revision for review; its preview (every language translated and
    voiced, privately: ``GET .../preview``) is made in the background for the reviewers."""
    bulletin, job = _act(session, services, bulletin_id, Action.SUBMIT, staff)
    if job is not None:
        queue.enqueue(job)
    return _public(services, session, bulletin)


@router.post("/{bulletin_id}/approve")
def approve_bulletin(
    bulletin_id: RecordId, staff: StaffDep, session: SessionDep, services: ServicesDep
) -> BulletinPublic:
    """Approve the current revision (approver or admin; not its author under four-eyes).

    If its ``publish_at`` is still ahead, its publish is scheduled for then at once (the
    bulletin shows ``schedule: scheduled``); otherwise publishing is the next, separate step.
    """
    return _simple_transition(bulletin_id, Action.APPROVE, staff, session, services)


def _simple_transition(
    bulletin_id: RecordId, action: Action, staff: Staff, session: Session, services: Services
) -> BulletinPublic:
    bulletin, _job = _act(session, services, bulletin_id, action, staff)
    return _public(services, session, bulletin)


def _accepted(request: Request, queue: JobQueue, job: Job | None) -> JobAccepted:
    """The job's address; queued now, or (scheduled) left for the worker's schedule."""
    assert job is not None
    status_url = str(request.url_for("get_job", job_id=job.id))
    if job.state == JobState.SCHEDULED:
        return JobAccepted(job_id=job.id, status_url=status_url, scheduled_for=_when(job.run_at))
    queue.enqueue(job)
    return JobAccepted(job_id=job.id, status_url=status_url)


@router.post("/{bulletin_id}/publish", status_code=status.HTTP_202_ACCEPTED)
def publish_bulletin(
    bulletin_id: RecordId,
    request: Request,
    staff: StaffDep,
    session: SessionDep,
    queue: QueueDep,
    services: ServicesDep,
) -> JobAccepted:
    """Translate, voice and publish the approved revision in the background.

    If the revision's ``publish_at`` is still ahead, the job is scheduled instead: the answer
    gives ``scheduled_for``, the job's state is ``scheduled``, and the worker runs it at that
    time (nothing is public before). A revision whose ``expires_at`` has passed is refused
    (409). A newer publish or retract replaces one still waiting, queued or scheduled.
    """
    _bulletin, job = _act(session, services, bulletin_id, Action.PUBLISH, staff)
    return _accepted(request, queue, job)


@router.post("/{bulletin_id}/retract", status_code=status.HTTP_202_ACCEPTED)
def retract_bulletin(
    bulletin_id: RecordId,
    request: Request,
    staff: StaffDep,
    session: SessionDep,
    queue: QueueDep,
    services: ServicesDep,
) -> JobAccepted:
    """Take the public pages down, whatever state an edit of the bulletin is in.

    The bulletin is offline in the database at once (no later build shows it, and a publish
    still queued or scheduled is cancelled); the job removes the pages. The record and
    revisions are kept.
    """
    _bulletin, job = _act(session, services, bulletin_id, Action.RETRACT, staff)
    return _accepted(request, queue, job)
