"""Every change to a bulletin: the API, the command line, the demo and jobs all come here.

Each operation locks the bulletin, asks the workflow table whether the step is allowed, makes
the change and writes its audit record in the same transaction (committed by the caller), so a
change and its record are kept together or not at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlmodel import Session, col, select

from publisher import audit
from publisher.jobs import PREVIEWABLE, UNFINISHED, create_job, lock_bulletin
from publisher.keys import Staff
from publisher.schemas import BulletinCreate, easy_text_problem
from publisher.statuses import JobKind
from publisher.tables import Bulletin, Job, Revision, SegmentTranslation, utc_now
from publisher.withdrawals import clear_withdrawal, record_withdrawal
from publisher.workflow import SYSTEM, Action, Facts, State, WorkflowError, check_transition
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
)


class BulletinNotFoundError(LookupError):
    """No bulletin with that id."""


class InvalidRevisionError(ValueError):
    """The fields of a new revision do not fit together (``field`` names the one to fix)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


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
    **detail: Any,
) -> None:
    session.flush()
    after = audit.bulletin_state(session, bulletin)
    target = f"bulletin:{bulletin.id}"
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
        )
    else:
        audit.record_by(
            session, actor, action=action, target=target, before=before, after=after, detail=detail
        )


def create_bulletin(session: Session, payload: BulletinCreate, staff: Staff) -> Bulletin:
    """Add a bulletin in state ``draft`` with its first revision, audited (not committed)."""
    bulletin = Bulletin(created_by=staff.name)
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
            author=staff.name,
            author_id=staff.id,
        )
    )
    _record(session, staff, "bulletin.create", bulletin, None)
    return bulletin


def edit_bulletin(
    session: Session, bulletin_id: int, changes: Mapping[str, Any], staff: Staff
) -> Bulletin:
    """Write a new revision with ``changes`` applied; the bulletin goes back to ``draft``.

    Any change residents would see makes a new revision that needs review; what is online
    stays online, unchanged, until a new revision is approved and published.
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
    problem = easy_text_problem(fields)
    if problem is not None:
        raise InvalidRevisionError(*problem)
    fields["translation_source"] = str(fields["translation_source"])
    bulletin.current_revision += 1
    session.add(
        Revision(
            bulletin_id=bulletin_id,
            number=bulletin.current_revision,
            author=staff.name,
            author_id=staff.id,
            **fields,
        )
    )
    bulletin.state = next_state.value
    bulletin.updated_at = utc_now()
    session.add(bulletin)
    _record(session, staff, "bulletin.update", bulletin, before, fields=sorted(changes))
    return bulletin


def act(
    session: Session, bulletin_id: int, action: Action, staff: Staff, *, four_eyes: bool
) -> tuple[Bulletin, Job | None]:
    """Take a workflow step as a member of staff; publish and retract also return their job,
    and a submit the job that previews the revision for its reviewers.

    Raises WorkflowError (with the HTTP status that fits) when the table refuses the step.
    """
    bulletin = _locked(session, bulletin_id)
    before = audit.bulletin_state(session, bulletin)
    next_state = check_transition(
        action, facts(session, bulletin, four_eyes=four_eyes), staff.actor
    )
    job: Job | None = None
    if action is Action.APPROVE:
        revision = revision_of(session, bulletin_id, bulletin.current_revision)
        revision.approved_by_id, revision.approved_at = staff.id, utc_now()
        session.add(revision)
    elif action is Action.PUBLISH:
        job = create_job(session, bulletin, JobKind.PUBLISH, bulletin.current_revision, staff.name)
    elif action is Action.RETRACT:
        record_withdrawal(session, bulletin)  # what its address says from now on
        bulletin.published_revision = None
        job = create_job(session, bulletin, JobKind.RETRACT, bulletin.current_revision, staff.name)
    elif action is Action.SUBMIT:
        job = create_job(session, bulletin, JobKind.PREVIEW, bulletin.current_revision, staff.name)
    else:
        raise WorkflowError(f"{action} is not a step staff take directly", 400)
    bulletin.state = next_state.value
    bulletin.updated_at = utc_now()
    session.add(bulletin)
    extra = {"job": job.id} if job is not None else {}
    _record(session, staff, f"bulletin.{action.value}", bulletin, before, **extra)
    return bulletin, job


def request_preview(session: Session, bulletin_id: int, staff: Staff) -> Job:
    """Queue a new preview of the revision under review (an approver asks again, e.g. after
    a glossary change); audited, not committed. Refused unless the revision is under review."""
    bulletin = _locked(session, bulletin_id)
    if bulletin.state not in PREVIEWABLE:
        raise WorkflowError(
            f"only a submitted revision is previewed; this bulletin is {bulletin.state} "
            "(submit it first, or see its published translations)",
            409,
        )
    job = create_job(session, bulletin, JobKind.PREVIEW, bulletin.current_revision, staff.name)
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


def go_live(session: Session, bulletin: Bulletin, revision: int, detail: Mapping[str, Any]) -> None:
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
    bulletin.published_at = bulletin.published_at or utc_now()
    bulletin.updated_at = utc_now()
    session.add(bulletin)
    _record(session, None, "bulletin.published", bulletin, before, **detail)


def touch_live(session: Session, bulletin: Bulletin, detail: Mapping[str, Any]) -> None:
    """A correction job rebuilt the live revision: the workflow stays where it is."""
    before = audit.bulletin_state(session, bulletin)
    bulletin.updated_at = utc_now()
    session.add(bulletin)
    _record(session, None, "bulletin.corrected_online", bulletin, before, **detail)


def correct_translation(
    session: Session,
    row: SegmentTranslation,
    masked: str,
    staff: Staff,
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
    row.corrected_by, row.corrected_at = staff.name, utc_now()
    session.add(row)
    job = create_job(session, bulletin, rebuild, row.revision, staff.name)
    session.flush()
    audit.record_by(
        session,
        staff,
        action="translation.correct",
        target=f"bulletin:{row.bulletin_id}:{row.language}:{row.segment_id}",
        before=before,
        after={"text": row.text, "origin": row.origin, "flags": []},
        detail={"job": job.id, "revision": row.revision},
    )
    return job
