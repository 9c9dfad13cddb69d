"""The life of a background job: created, claimed, superseded or finished.

The publish steps themselves live in :mod:`publisher.pipeline`; this module only decides
whether a job may run and records how it ended. A publish job is the latest wish for its
bulletin while the bulletin's ``generation`` equals the job's; a newer publish or retract
request supersedes it, and a superseded job changes nothing public. A correction job rebuilds
the live revision it was made for, and is superseded once another revision is live or none is.

A publish asked for ahead of its revision's publish time is ``scheduled``: it waits in the
database, not in the queue, until :func:`release` queues it when its time has come (once, on
whichever worker gets there first); an edit cancels it (:func:`cancel_scheduled`).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col, select

from publisher.clock import SYSTEM_CLOCK, Clock, aware
from publisher.statuses import JobKind, JobState
from publisher.tables import Bulletin, Job
from publisher.workflow import State

MAX_ATTEMPTS = 3

PREVIEWABLE = frozenset({State.IN_REVIEW, State.APPROVED})
"""The states whose working revision gets (and keeps) a preview: submitted, not yet live."""


UNFINISHED = frozenset({JobState.SCHEDULED, JobState.QUEUED, JobState.RUNNING, JobState.RETRYING})
WAITING = frozenset({JobState.SCHEDULED, JobState.QUEUED, JobState.RETRYING})
"""Not started (or between attempts): a newer request may still replace them."""
FINISHED = frozenset({JobState.SUCCEEDED, JobState.FAILED, JobState.SUPERSEDED})
_REPLACED = "replaced by a newer request for this bulletin"


def lock_bulletin(session: Session, bulletin_id: int) -> Bulletin | None:
    """The bulletin read afresh under a write lock held until the session commits.

    Every change to a bulletin, from a request or a job, starts here, so checks and changes
    of one bulletin never interleave: on PostgreSQL this locks the row, on SQLite it takes
    the database's write lock (other processes wait on ``busy_timeout``).
    """
    session.exec(update(Bulletin).where(col(Bulletin.id) == bulletin_id).values(id=bulletin_id))
    return session.get(Bulletin, bulletin_id, populate_existing=True)


def create_job(
    session: Session,
    bulletin: Bulletin,
    kind: JobKind,
    revision: int,
    requested_by: str,
    *,
    run_at: datetime | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> Job:
    """Add a job for a locked bulletin (not committed); with ``run_at``, a scheduled one.

    A publish or retract is a new wish for the bulletin: it raises the generation, and any
    publish still waiting (queued or scheduled) is superseded at once, so only one waits at
    a time.
    """
    assert bulletin.id is not None
    now = clock.now()
    if kind in (JobKind.PUBLISH, JobKind.RETRACT):
        bulletin.generation += 1
        session.add(bulletin)
        _supersede_waiting(session, bulletin.id, JobKind.PUBLISH, "a newer publish or retract", now)
    if kind in (JobKind.PUBLISH, JobKind.PREVIEW):
        # A publish makes the same translations and audio, sooner: a preview still waiting
        # would only repeat them; a newer preview replaces an older one.
        _supersede_waiting(session, bulletin.id, JobKind.PREVIEW, f"a newer {kind} request", now)
    job = Job(
        id=uuid.uuid4().hex,
        bulletin_id=bulletin.id,
        revision=revision,
        kind=kind.value,
        state=(JobState.SCHEDULED if run_at is not None else JobState.QUEUED).value,
        run_at=run_at,
        generation=bulletin.generation,
        requested_by=requested_by,
        created_at=now,
    )
    session.add(job)
    return job


def _waiting(
    session: Session, bulletin_id: int, kind: JobKind, states: frozenset[JobState]
) -> list[Job]:
    return list(
        session.exec(
            select(Job).where(
                Job.bulletin_id == bulletin_id,
                Job.kind == kind.value,
                col(Job.state).in_(tuple(state.value for state in states)),
            )
        ).all()
    )


def _supersede_waiting(
    session: Session, bulletin_id: int, kind: JobKind, by: str, now: datetime
) -> None:
    """Jobs of ``kind`` not started yet (queued, retrying or scheduled) are replaced."""
    for older in _waiting(session, bulletin_id, kind, WAITING):
        older.state, older.finished_at = JobState.SUPERSEDED.value, now
        older.error = f"replaced by {by} request"
        session.add(older)


def scheduled_publish(session: Session, bulletin_id: int) -> Job | None:
    """The publish waiting for its time, if there is one (there is at most one)."""
    found = _waiting(session, bulletin_id, JobKind.PUBLISH, frozenset({JobState.SCHEDULED}))
    return found[0] if found else None


def cancel_scheduled(session: Session, bulletin: Bulletin, reason: str, clock: Clock) -> Job | None:
    """Cancel the publish waiting for its time, if any (locked bulletin; not committed).

    The generation is raised too, so a worker releasing it at this very moment finds it
    replaced.
    """
    job = scheduled_publish(session, bulletin.id) if bulletin.id is not None else None
    if job is None:
        return None
    job.state, job.error, job.finished_at = JobState.SUPERSEDED.value, reason, clock.now()
    session.add(job)
    bulletin.generation += 1
    session.add(bulletin)
    return job


def due_scheduled(session: Session, now: datetime) -> list[str]:
    """The ids of scheduled jobs whose time has come, earliest first."""
    return list(
        session.exec(
            select(Job.id)
            .where(Job.state == JobState.SCHEDULED.value, col(Job.run_at) <= now)
            .order_by(col(Job.run_at))
        ).all()
    )


def release(session: Session, job_id: str, clock: Clock) -> Job | None:
    """Queue a scheduled job whose time has come (committed); None if it is not this
    caller's to queue: not due yet, cancelled, or already released by another worker.

    The change from ``scheduled`` to ``queued`` is one conditional update under the
    bulletin's lock, so of several workers (or machines) that find the job due, one wins.
    """
    job = session.get(Job, job_id)
    if job is None:
        return None
    lock_bulletin(session, job.bulletin_id)
    session.refresh(job)
    if job.state != JobState.SCHEDULED or job.run_at is None or aware(job.run_at) > clock.now():
        session.rollback()
        return None
    changed = session.exec(
        update(Job)
        .where(col(Job.id) == job_id, col(Job.state) == JobState.SCHEDULED.value)
        .values(state=JobState.QUEUED.value)
    )
    if changed.rowcount != 1:
        session.rollback()
        return None
    session.commit()
    session.refresh(job)
    return job


def is_current(job: Job, bulletin: Bulletin) -> bool:
    """Whether the job is still what the bulletin's latest request asked for."""
    if job.kind == JobKind.CORRECT:
        return bulletin.published_revision == job.revision
    if job.kind == JobKind.PREVIEW:
        return bulletin.current_revision == job.revision and bulletin.state in PREVIEWABLE
    if job.kind == JobKind.PUBLISH:
        return bulletin.generation == job.generation
    return True  # a retract only rebuilds the site from the database, which is always safe


def claim(session: Session, job_id: str, clock: Clock = SYSTEM_CLOCK) -> Job | None:
    """Mark a job running and count the attempt; None if it must not run.

    A job can be started again after a crash (the worker re-queues interrupted jobs), so
    attempts are bounded: one that keeps killing the worker stops with its error visible.
    A job that is no longer current ends as superseded without doing anything; a scheduled
    job still waiting for its time is left as it is (:func:`release` queues it then).
    """
    job = session.get(Job, job_id)
    if job is None or job.state in FINISHED or job.state == JobState.SCHEDULED:
        return None
    bulletin = lock_bulletin(session, job.bulletin_id)
    session.refresh(job)  # as it is now, under the lock: an edit may have cancelled it
    if job.state in FINISHED or job.state == JobState.SCHEDULED:
        session.rollback()
        return None
    if bulletin is None or not is_current(job, bulletin):
        _end(
            session,
            job,
            JobState.SUPERSEDED,
            "replaced by a newer request for this bulletin",
            clock,
        )
        return None
    if job.attempts >= MAX_ATTEMPTS:
        error = f"gave up after {job.attempts} attempts: {job.error}"
        _end(session, job, JobState.FAILED, error, clock)
        return None
    job.attempts += 1
    job.state, job.started_at = JobState.RUNNING.value, clock.now()
    session.add(job)
    session.commit()
    return job


def supersede(session: Session, job_id: str, clock: Clock = SYSTEM_CLOCK) -> None:
    job = session.get(Job, job_id)
    assert job is not None
    _end(session, job, JobState.SUPERSEDED, _REPLACED, clock)


def finish(
    session: Session, job_id: str, error: str | None = None, clock: Clock = SYSTEM_CLOCK
) -> None:
    """Record success, or a failure: ``retrying`` while attempts are left, else ``failed``."""
    job = session.get(Job, job_id)
    assert job is not None
    if error is None:
        _end(session, job, JobState.SUCCEEDED, None, clock)
    elif job.attempts < MAX_ATTEMPTS:
        _end(session, job, JobState.RETRYING, error, clock)
    else:
        _end(session, job, JobState.FAILED, error, clock)


def _end(session: Session, job: Job, state: JobState, error: str | None, clock: Clock) -> None:
    job.state, job.error, job.finished_at = state.value, error, clock.now()
    session.add(job)
    session.commit()
