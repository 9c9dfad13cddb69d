"""The queue is durable: a job queued before a restart runs after it."""

from __future__ import annotations

import uuid

import pytest
from sqlmodel import Session

from publisher.queue import JobQueue, make_huey
from publisher.services import Services
from publisher.tables import Bulletin, Job

pytestmark = pytest.mark.postgres  # on SQLite + SQLite queue, and PostgreSQL + Redis


def test_a_queued_job_survives_a_restart(services: Services) -> None:
    with Session(services.db) as session:
        bulletin = Bulletin(created_by="t", state="approved")
        session.add(bulletin)
        session.flush()
        assert bulletin.id is not None
        job = Job(
            id=uuid.uuid4().hex,
            bulletin_id=bulletin.id,
            revision=1,
            kind="retract",
            requested_by="t",
        )
        session.add(job)
        session.commit()
        session.refresh(job)
    JobQueue(services, make_huey(services)).enqueue(job)

    restarted = JobQueue(services, make_huey(services))  # a new process would do this
    task = restarted.huey.dequeue()
    assert task is not None
    restarted.huey.execute(task)
    with Session(services.db) as session:
        done = session.get(Job, job.id)
        assert done is not None and done.state == "succeeded"


def test_interrupted_jobs_are_resumed(services: Services) -> None:
    with Session(services.db) as session:
        bulletin = Bulletin(created_by="t")
        session.add(bulletin)
        session.flush()
        assert bulletin.id is not None
        session.add(
            Job(
                id="j1",
                bulletin_id=bulletin.id,
                revision=1,
                kind="retract",
                requested_by="t",
                state="running",
            )
        )
        session.commit()
    queue = JobQueue(services, make_huey(services))
    assert queue.resume_interrupted() == 1
    assert len(queue.huey) == 1
