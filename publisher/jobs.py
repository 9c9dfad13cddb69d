"""The life of a background job: created, claimed, superseded or finished.

The publish steps themselves live in :mod:`publisher.pipeline`; this module only decides
whether a job may run and records how it ended. A publish job is the latest wish for its
bulletin while the bulletin's ``generation`` equals the job's; a newer publish or retract
request supersedes it, and a superseded job changes nothing public. A correction job rebuilds
the live revision it was made for, and is superseded once another revision is live or none is.
"""

from __future__ import annotations

import uuid

from sqlalchemy import update
from sqlmodel import Session, col, select

from publisher.statuses import JobKind, JobState
from publisher.tables import Bulletin, Job, utc_now
from publisher.workflow import State

MAX_ATTEMPTS = 3

PREVIEWABLE = frozenset({State.IN_REVIEW, State.APPROVED})
"""The states whose working revision gets (and keeps) a preview: submitted, not yet live."""


UNFINISHED = frozenset({JobState.QUEUED, JobState.RUNNING, JobState.RETRYING})
FINISHED = frozenset({JobState.SUCCEEDED, JobState.FAILED, JobState.SUPERSEDED})


def lock_bulletin(session: Session, bulletin_id: int) -> Bulletin | None:
    """The bulletin read afresh under a write lock held until the session commits.

    Every change to a bulletin, from a request or a job, starts here, so checks and changes
    of one bulletin never interleave: on PostgreSQL this locks the row, on SQLite it takes
    the database's write lock (other processes wait on ``busy_timeout``).
    """
    session.exec(update(Bulletin).where(col(Bulletin.id) == bulletin_id).values(id=bulletin_id))
    return session.get(Bulletin, bulletin_id, populate_existing=True)


def create_job(
    session: Session, bulletin: Bulletin, kind: JobKind, revision: int, requested_by: str
) -> Job:
    """Add a job for a locked bulletin (not committed).

    A publish or retract is a new wish for the bulletin: it raises the generation, and any
    publish still waiting in the queue is superseded at once, so only one is queued at a time.
    """
    assert bulletin.id is not None
    if kind in (JobKind.PUBLISH, JobKind.RETRACT):
        bulletin.generation += 1
        session.add(bulletin)
        _supersede_waiting(session, bulletin.id, JobKind.PUBLISH, "a newer publish or retract")
    if kind in (JobKind.PUBLISH, JobKind.PREVIEW):
        # A publish makes the same translations and audio, sooner: a preview still waiting
        # would only repeat them; a newer preview replaces an older one.
        _supersede_waiting(session, bulletin.id, JobKind.PREVIEW, f"a newer {kind} request")
    job = Job(
        id=uuid.uuid4().hex,
        bulletin_id=bulletin.id,
        revision=revision,
        kind=kind.value,
        generation=bulletin.generation,
        requested_by=requested_by,
    )
    session.add(job)
    return job


def _supersede_waiting(session: Session, bulletin_id: int, kind: JobKind, by: str) -> None:
    waiting = session.exec(
        select(Job).where(
            Job.bulletin_id == bulletin_id,
            Job.kind == kind.value,
            col(Job.state).in_((JobState.QUEUED.value, JobState.RETRYING.value)),
        )
    ).all()
    for older in waiting:
        older.state, older.finished_at = JobState.SUPERSEDED.value, utc_now()
        older.error = f"replaced by {by} request"
        session.add(older)


def is_current(job: Job, bulletin: Bulletin) -> bool:
    """Whether the job is still what the bulletin's latest request asked for."""
    if job.kind == JobKind.CORRECT:
        return bulletin.published_revision == job.revision
    if job.kind == JobKind.PREVIEW:
        return bulletin.current_revision == job.revision and bulletin.state in PREVIEWABLE
    if job.kind == JobKind.PUBLISH:
        return bulletin.generation == job.generation
    return True  # a retract only rebuilds the site from the database, which is always safe


def claim(session: Session, job_id: str) -> Job | None:
    """Mark a job running and count the attempt; None if it must not run.

    A job can be started again after a crash (the worker re-queues interrupted jobs), so
    attempts are bounded: one that keeps killing the worker stops with its error visible.
    A job that is no longer current ends as superseded without doing anything.
    """
    job = session.get(Job, job_id)
    if job is None or job.state in FINISHED:
        return None
    bulletin = lock_bulletin(session, job.bulletin_id)
    if bulletin is None or not is_current(job, bulletin):
        _end(session, job, JobState.SUPERSEDED, "replaced by a newer request for this bulletin")
        return None
    if job.attempts >= MAX_ATTEMPTS:
        _end(session, job, JobState.FAILED, f"gave up after {job.attempts} attempts: {job.error}")
        return None
    job.attempts += 1
    job.state, job.started_at = JobState.RUNNING.value, utc_now()
    session.add(job)
    session.commit()
    return job


def supersede(session: Session, job_id: str) -> None:
    job = session.get(Job, job_id)
    assert job is not None
    _end(session, job, JobState.SUPERSEDED, "replaced by a newer request for this bulletin")


def finish(session: Session, job_id: str, error: str | None = None) -> None:
    """Record success, or a failure: ``retrying`` while attempts are left, else ``failed``."""
    job = session.get(Job, job_id)
    assert job is not None
    if error is None:
        _end(session, job, JobState.SUCCEEDED, None)
    elif job.attempts < MAX_ATTEMPTS:
        _end(session, job, JobState.RETRYING, error)
    else:
        _end(session, job, JobState.FAILED, error)


def _end(session: Session, job: Job, state: JobState, error: str | None) -> None:
    job.state, job.error, job.finished_at = state.value, error, utc_now()
    session.add(job)
    session.commit()
