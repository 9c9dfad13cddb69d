"""Every change to a bulletin: the API, the command line, the demo and jobs all come here.

Each operation locks the bulletin, asks the workflow table whether the step is allowed, makes
the change and writes its audit record in the same transaction (committed by the caller), so a
change and its record are kept together or not at all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from publisher import audit
from publisher.clock import SYSTEM_CLOCK, Clock, aware
from publisher.jobs import PREVIEWABLE, UNFINISHED, cancel_scheduled, create_job, lock_bulletin
from publisher.keys import Staff
from publisher.schemas import EXPIRES_BEFORE_PUBLISH, BulletinCreate, easy_text_problem
from publisher.statuses import JobKind, WithdrawalReason
from publisher.tables import (
    Bulletin,
    BulletinImage,
    Job,
    Revision,
    SegmentTranslation,
)
from publisher.withdrawals import clear_withdrawal, record_withdrawal
from publisher.workflow import SYSTEM, Action, Facts, State, WorkflowError, check_transition
from translations.segmenter import image_references
from translations.statuses import SegmentOrigin

# The fields of a revision that staff write; every one of them is reviewed before it is public.
REVISION_FIELDS = (
    "title",
    "body",
    "contact",
    "category",
    "languages",
    "flagged_policy",
    "easy_title",
    "easy_body",
    "translation_source",
    "publish_at",
    "expires_at",
)

EDIT_CANCELS_SCHEDULE = (
    "the bulletin was edited: its scheduled publish waits until a revision is approved again"
)


class BulletinNotFoundError(LookupError):
    """No bulletin with that id."""


class InvalidRevisionError(ValueError):
    """The fields of a new revision do not fit together (``field`` names the one to fix)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


IMAGE_SCHEME = "image:"


@dataclass(frozen=True)
class ImageDraft:
    """An image as a revision carries it (a ``BulletinImage`` row without its revision)."""

    image_id: int
    kind: str
    alt: str
    renditions: list[dict[str, Any]] = field(default_factory=list)
    media_type: str = "image/jpeg"
    original_name: str | None = None
    created_by: str = ""

    @classmethod
    def of(cls, row: BulletinImage) -> ImageDraft:
        return cls(
            row.image_id,
            row.kind,
            row.alt,
            list(row.renditions),
            row.media_type,
            row.original_name,
            row.created_by,
        )


ImageChange = Callable[[list[ImageDraft]], list[ImageDraft]]
"""What an image request does to the images of the working revision."""


def images_of(session: Session, bulletin_id: int, number: int) -> list[BulletinImage]:
    """A revision's image rows, in their order on the page."""
    return list(
        session.exec(
            select(BulletinImage)
            .where(BulletinImage.bulletin_id == bulletin_id, BulletinImage.revision == number)
            .order_by(col(BulletinImage.position))
        ).all()
    )


def image_reference_problem(
    fields: Mapping[str, Any], images: Sequence[ImageDraft]
) -> tuple[str, str] | None:
    """Why the texts' ``![](image:N)`` references do not fit the revision's images, if so.

    An image is placed by a paragraph of its own; one named inside a sentence, a heading or
    a list, or one the revision does not have, is refused with the field to fix.
    """
    known = {image.image_id for image in images}
    for name in ("body", "easy_body"):
        for reference in image_references(fields.get(name) or ""):
            if not reference.src.startswith(IMAGE_SCHEME):
                continue
            number = reference.src[len(IMAGE_SCHEME) :]
            if not number.isdigit() or int(number) not in known:
                return name, (
                    f"{name} places ![]({reference.src}), but the bulletin would have no such "
                    f"image (its images: {', '.join(f'image:{n}' for n in sorted(known)) or 'none'}"
                    "): upload the image, or take the reference out of the text"
                )
            if not reference.alone:
                return name, (
                    f"{name} places {reference.src} inside a sentence, heading or list: put "
                    f"![]({reference.src}) in a paragraph of its own"
                )
    return None


def revision_of(session: Session, bulletin_id: int, number: int) -> Revision:
    return session.exec(
        select(Revision).where(Revision.bulletin_id == bulletin_id, Revision.number == number)
    ).one()


def facts(session: Session, bulletin: Bulletin, *, four_eyes: bool) -> Facts:
    """What the workflow table needs to know of a bulletin besides its state."""
    publishing = session.exec(
        select(Job.id).where(
            Job.bulletin_id == bulletin.id,
            Job.kind == JobKind.PUBLISH.value,
            col(Job.state).in_(tuple(UNFINISHED)),
        )
    ).first()
    unreviewed: set[int] = set()
    if four_eyes:
        revisions = session.exec(
            select(Revision)
            .where(Revision.bulletin_id == bulletin.id)
            .order_by(col(Revision.number).desc())
        ).all()
        for revision in revisions:
            if revision.approved_at is not None:
                break
            if revision.author_id is not None:
                unreviewed.add(revision.author_id)
    return Facts(
        state=State(bulletin.state),
        live=bulletin.published_revision is not None or publishing is not None,
        unreviewed_authors=frozenset(unreviewed),
        four_eyes=four_eyes,
    )


def _locked(session: Session, bulletin_id: int) -> Bulletin:
    bulletin = lock_bulletin(session, bulletin_id)
    if bulletin is None:
        raise BulletinNotFoundError(f"no bulletin with id {bulletin_id}")
    return bulletin


def _record(
    session: Session,
    actor: Staff | None,
    action: str,
    bulletin: Bulletin,
    before: Mapping[str, Any] | None,
    clock: Clock,
    **detail: Any,
) -> None:
    session.flush()
    after = audit.bulletin_state(session, bulletin)
    target = f"bulletin:{bulletin.id}"
    at = clock.now()
    if actor is None:
        audit.record(
            session,
            actor=audit.SYSTEM_ACTOR,
            role=audit.SYSTEM_ROLE,
            action=action,
            target=target,
            before=before,
            after=after,
            detail=detail,
            at=at,
        )
    else:
        audit.record_by(
            session,
            actor,
            action=action,
            target=target,
            before=before,
            after=after,
            detail=detail,
            at=at,
        )


def create_bulletin(
    session: Session, payload: BulletinCreate, staff: Staff, *, clock: Clock = SYSTEM_CLOCK
) -> Bulletin:
    """Add a bulletin in state ``draft`` with its first revision, audited (not committed)."""
    problem = image_reference_problem(payload.model_dump(), ())
    if problem is not None:
        raise InvalidRevisionError(*problem)
    now = clock.now()
    bulletin = Bulletin(created_by=staff.name, created_at=now, updated_at=now)
    session.add(bulletin)
    session.flush()
    assert bulletin.id is not None
    session.add(
        Revision(
            bulletin_id=bulletin.id,
            number=1,
            title=payload.title,
            body=payload.body,
            contact=payload.contact,
            category=payload.category,
            languages=payload.languages,
            flagged_policy=payload.flagged_policy,
            easy_title=payload.easy_title,
            easy_body=payload.easy_body,
            translation_source=payload.translation_source.value,
            publish_at=payload.publish_at,
            expires_at=payload.expires_at,
            author=staff.name,
            author_id=staff.id,
            created_at=now,
        )
    )
    _record(session, staff, "bulletin.create", bulletin, None, clock)
    return bulletin


def edit_bulletin(
    session: Session,
    bulletin_id: int,
    changes: Mapping[str, Any],
    staff: Staff,
    *,
    clock: Clock = SYSTEM_CLOCK,
    images: ImageChange | None = None,
    action: str = "bulletin.update",
    detail: Mapping[str, Any] | None = None,
) -> Bulletin:
    """Write a new revision with ``changes`` applied; the bulletin goes back to ``draft``.

    Any change residents would see makes a new revision that needs review; what is online
    stays online, unchanged, until a new revision is approved and published. A publish
    waiting for its time is cancelled: the approval it rested on no longer covers the text.
    The new revision keeps the images of the one before, changed by ``images`` when given.
    """
    bulletin = _locked(session, bulletin_id)
    before = audit.bulletin_state(session, bulletin)
    next_state = check_transition(
        Action.EDIT, facts(session, bulletin, four_eyes=False), staff.actor
    )
    current = revision_of(session, bulletin_id, bulletin.current_revision)
    fields = {name: changes.get(name, getattr(current, name)) for name in REVISION_FIELDS}
    if "easy_body" in changes and changes["easy_body"] is None and "easy_title" not in changes:
        fields["easy_title"] = None  # removing the easy version removes its title too
    problem = easy_text_problem(fields) or _schedule_problem(fields)
    if problem is not None:
        raise InvalidRevisionError(*problem)
    drafts = [ImageDraft.of(row) for row in images_of(session, bulletin_id, current.number)]
    if images is not None:
        drafts = images(drafts)
    problem = image_reference_problem(fields, drafts)
    if problem is not None:
        raise InvalidRevisionError(*problem)
    fields["translation_source"] = str(fields["translation_source"])
    bulletin.current_revision += 1
    now = clock.now()
    session.add(
        Revision(
            bulletin_id=bulletin_id,
            number=bulletin.current_revision,
            author=staff.name,
            author_id=staff.id,
            created_at=now,
            **fields,
        )
    )
    for position, draft in enumerate(drafts):
        session.add(
            BulletinImage(
                bulletin_id=bulletin_id,
                revision=bulletin.current_revision,
                image_id=draft.image_id,
                position=position,
                kind=draft.kind,
                alt=draft.alt,
                renditions=draft.renditions,
                media_type=draft.media_type,
                original_name=draft.original_name,
                created_by=draft.created_by,
            )
        )
    bulletin.state = next_state.value
    bulletin.updated_at = now
    session.add(bulletin)
    extra: dict[str, Any] = dict(detail or {"fields": sorted(changes)})
    cancelled = cancel_scheduled(session, bulletin, EDIT_CANCELS_SCHEDULE, clock)
    if cancelled is not None:
        extra["cancelled_scheduled_job"] = cancelled.id
    _record(session, staff, action, bulletin, before, clock, **extra)
    return bulletin


def _schedule_problem(fields: Mapping[str, Any]) -> tuple[str, str] | None:
    publish_at, expires_at = fields.get("publish_at"), fields.get("expires_at")
    if publish_at is not None and expires_at is not None and aware(expires_at) <= aware(publish_at):
        return "expires_at", EXPIRES_BEFORE_PUBLISH
    return None


def act(
    session: Session,
    bulletin_id: int,
    action: Action,
    staff: Staff,
    *,
    four_eyes: bool,
    clock: Clock = SYSTEM_CLOCK,
) -> tuple[Bulletin, Job | None]:
    """Take a workflow step as a member of staff; publish and retract also return their job,
    and a submit the job that previews the revision for its reviewers.

    A publish of a revision whose publish time is still ahead is *scheduled*: its job waits
    (state ``scheduled``) until the worker queues it at that time. Approving such a revision
    schedules its publish at once (the approver approves the time with the text), and then
    also returns the job. Raises WorkflowError (with the HTTP status that fits) when the table
    refuses the step.
    """
    bulletin = _locked(session, bulletin_id)
    before = audit.bulletin_state(session, bulletin)
    next_state = check_transition(
        action, facts(session, bulletin, four_eyes=four_eyes), staff.actor
    )
    now = clock.now()
    job: Job | None = None
    if action is Action.APPROVE:
        revision = revision_of(session, bulletin_id, bulletin.current_revision)
        revision.approved_by_id, revision.approved_at = staff.id, now
        session.add(revision)
    elif action is Action.PUBLISH:
        job = _publish(session, bulletin, staff, clock)
    elif action is Action.RETRACT:
        job = _take_down(session, bulletin, WithdrawalReason.RETRACTED, staff.name, clock)
    elif action is Action.SUBMIT:
        job = create_job(
            session, bulletin, JobKind.PREVIEW, bulletin.current_revision, staff.name, clock=clock
        )
    else:
        raise WorkflowError(f"{action} is not a step staff take directly", 400)
    bulletin.state = next_state.value
    bulletin.updated_at = now
    session.add(bulletin)
    extra: dict[str, Any] = {}
    name = action.value
    if job is not None:
        extra["job"] = job.id
        if job.run_at is not None:  # a publish that waits for its time is a scheduling
            name, extra["publish_at"] = "schedule", aware(job.run_at).isoformat()
    _record(session, staff, f"bulletin.{name}", bulletin, before, clock, **extra)
    if action is Action.APPROVE and _publish_time_ahead(session, bulletin, now) is not None:
        _bulletin, job = act(
            session, bulletin_id, Action.PUBLISH, staff, four_eyes=four_eyes, clock=clock
        )
    return bulletin, job


def _publish_time_ahead(session: Session, bulletin: Bulletin, now: datetime) -> datetime | None:
    """The working revision's publish time, if it is still to come."""
    assert bulletin.id is not None
    revision = revision_of(session, bulletin.id, bulletin.current_revision)
    if revision.publish_at is not None and aware(revision.publish_at) > now:
        return aware(revision.publish_at)
    return None


def _publish(session: Session, bulletin: Bulletin, staff: Staff, clock: Clock) -> Job:
    """The publish job of the working revision: queued now, or scheduled for its time."""
    assert bulletin.id is not None
    now = clock.now()
    revision = revision_of(session, bulletin.id, bulletin.current_revision)
    if revision.expires_at is not None and aware(revision.expires_at) <= now:
        raise WorkflowError(
            "cannot publish: the revision's expiry time (expires_at) has passed; "
            "edit expires_at, then have it approved again",
            409,
        )
    return create_job(
        session,
        bulletin,
        JobKind.PUBLISH,
        bulletin.current_revision,
        staff.name,
        run_at=_publish_time_ahead(session, bulletin, now),
        clock=clock,
    )


def _take_down(
    session: Session, bulletin: Bulletin, reason: WithdrawalReason, requested_by: str, clock: Clock
) -> Job:
    """Take the live revision offline in the database at once; the job removes its pages.

    What its address says from now on is kept first (the withdrawn-notice page, with why).
    A publish still waiting, queued or scheduled, is cancelled with it.
    """
    record_withdrawal(session, bulletin, reason, clock)
    bulletin.published_revision = None
    return create_job(
        session, bulletin, JobKind.RETRACT, bulletin.current_revision, requested_by, clock=clock
    )


def expire(session: Session, bulletin_id: int, clock: Clock) -> Job | None:
    """Take down a live revision whose expiry time has come, as a retract does (audited as
    Kakehashi's step; not committed). None when it is no longer due: another worker did it,
    staff retracted it, or another revision went live meanwhile."""
    bulletin = _locked(session, bulletin_id)
    if bulletin.published_revision is None:
        return None
    live = revision_of(session, bulletin_id, bulletin.published_revision)
    now = clock.now()
    if live.expires_at is None or aware(live.expires_at) > now:
        return None
    before = audit.bulletin_state(session, bulletin)
    next_state = check_transition(Action.EXPIRE, facts(session, bulletin, four_eyes=False), SYSTEM)
    job = _take_down(session, bulletin, WithdrawalReason.EXPIRED, audit.SYSTEM_ACTOR, clock)
    bulletin.state = next_state.value
    bulletin.updated_at = now
    session.add(bulletin)
    _record(
        session,
        None,
        "bulletin.expire",
        bulletin,
        before,
        clock,
        job=job.id,
        revision=live.number,
        expires_at=aware(live.expires_at).isoformat(),
    )
    return job


def request_preview(
    session: Session, bulletin_id: int, staff: Staff, clock: Clock = SYSTEM_CLOCK
) -> Job:
    """Queue a new preview of the revision under review (an approver asks again, e.g. after
    a glossary change); audited, not committed. Refused unless the revision is under review."""
    bulletin = _locked(session, bulletin_id)
    if bulletin.state not in PREVIEWABLE:
        raise WorkflowError(
            f"only a submitted revision is previewed; this bulletin is {bulletin.state} "
            "(submit it first, or see its published translations)",
            409,
        )
    job = create_job(
        session, bulletin, JobKind.PREVIEW, bulletin.current_revision, staff.name, clock=clock
    )
    session.flush()
    audit.record_by(
        session,
        staff,
        action="bulletin.preview",
        target=f"bulletin:{bulletin_id}",
        before=None,
        after=None,
        detail={"job": job.id, "revision": bulletin.current_revision},
    )
    return job


def go_live(
    session: Session,
    bulletin: Bulletin,
    revision: int,
    detail: Mapping[str, Any],
    clock: Clock = SYSTEM_CLOCK,
) -> None:
    """A publish job's last step: ``revision`` becomes what residents see (not committed).

    The bulletin must be locked and the job still current. The working revision becomes
    ``published`` only if it is the revision that went live; an edit made meanwhile stays a
    draft beside the live version.
    """
    before = audit.bulletin_state(session, bulletin)
    if revision == bulletin.current_revision:
        facts_now = facts(session, bulletin, four_eyes=False)
        bulletin.state = check_transition(Action.GO_LIVE, facts_now, SYSTEM).value
    bulletin.published_revision = revision
    assert bulletin.id is not None
    clear_withdrawal(session, bulletin.id)  # published again: the page replaces the notice
    now = clock.now()
    bulletin.published_at = bulletin.published_at or now
    bulletin.updated_at = now
    session.add(bulletin)
    _record(session, None, "bulletin.published", bulletin, before, clock, **detail)


def touch_live(
    session: Session, bulletin: Bulletin, detail: Mapping[str, Any], clock: Clock = SYSTEM_CLOCK
) -> None:
    """A correction job rebuilt the live revision: the workflow stays where it is."""
    before = audit.bulletin_state(session, bulletin)
    bulletin.updated_at = clock.now()
    session.add(bulletin)
    _record(session, None, "bulletin.corrected_online", bulletin, before, clock, **detail)


def correct_translation(
    session: Session,
    row: SegmentTranslation,
    masked: str,
    staff: Staff,
    *,
    clock: Clock = SYSTEM_CLOCK,
    rebuild: JobKind = JobKind.CORRECT,
) -> Job:
    """Store a staff correction of one sentence and queue the rebuild of its pages.

    ``masked`` is the corrected text with the sentence's protected items as placeholders.
    The machine's text is kept beside it; audited, not committed. ``rebuild`` is the job that
    shows it: ``correct`` rebuilds the live pages, ``preview`` the preview of a revision under
    review (whose publish then takes the correction from translation memory).
    """
    bulletin = _locked(session, row.bulletin_id)
    before = {"text": row.text, "origin": row.origin, "flags": list(row.flags)}
    if row.origin != SegmentOrigin.HUMAN:
        row.machine_text = row.text
    row.text, row.origin, row.flags = masked, SegmentOrigin.HUMAN.value, []
    row.engine, row.model_version, row.reused = "staff", "", False
    row.corrected_by, row.corrected_at = staff.name, clock.now()
    session.add(row)
    job = create_job(session, bulletin, rebuild, row.revision, staff.name, clock=clock)
    session.flush()
    audit.record_by(
        session,
        staff,
        action="translation.correct",
        target=f"bulletin:{row.bulletin_id}:{row.language}:{row.segment_id}",
        before=before,
        after={"text": row.text, "origin": row.origin, "flags": []},
        detail={"job": job.id, "revision": row.revision},
        at=clock.now(),
    )
    return job
