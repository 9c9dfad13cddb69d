"""The queue is durable: a job queued before a restart runs after it."""

from __future__ import annotations

import uuid

import pytest
from sqlmodel import Session

from publisher.queue import JobQueue, make_huey, running
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


def _running_job(services: Services, job_id: str) -> Job:
    with Session(services.db, expire_on_commit=False) as session:
        bulletin = Bulletin(created_by="t", state="approved")
        session.add(bulletin)
        session.flush()
        assert bulletin.id is not None
        job = Job(
            id=job_id,
            bulletin_id=bulletin.id,
            revision=1,
            kind="retract",
            requested_by="t",
            state="running",
            attempts=1,
        )
        session.add(job)
        session.commit()
        return job


@pytest.mark.postgres(only=True)
def test_a_job_another_worker_is_running_is_neither_resumed_nor_run_twice(
    services: Services,
) -> None:
    """Workers on several machines share the queue: a worker that starts while another runs
    a job leaves that job alone, even if it finds the job's task in the queue."""
    job = _running_job(services, "j2")
    queue = JobQueue(services, make_huey(services))
    with running(services.db, job.id) as mine:  # the other worker, running the job
        assert mine
        assert queue.resume_interrupted() == 0
        queue.enqueue(job)
        task = queue.huey.dequeue()
        assert task is not None
        queue.huey.execute(task)
        with Session(services.db) as session:
            untouched = session.get(Job, job.id)
            assert untouched is not None
            assert (untouched.state, untouched.attempts) == ("running", 1)
    # That worker died (its connection, and so the lock, is gone): the job is resumed.
    assert queue.resume_interrupted() == 1
    task = queue.huey.dequeue()
    assert task is not None
    queue.huey.execute(task)
    with Session(services.db) as session:
        done = session.get(Job, job.id)
        assert done is not None and (done.state, done.attempts) == ("succeeded", 2)


def test_a_site_task_renders_the_furigana_pages_with_changed_readings(
    services: Services, queue: JobQueue
) -> None:
    from publisher.keys import Staff
    from publisher.readings import set_reading
    from publisher.site.build import build_site
    from publisher.tables import StaffMember
    from publisher.workflow import Role
    from tests.publisher.site.archive import publish_fixture
    from tests.support.fake_engine import FakeEngine

    sample = {"title": "元城町の断水", "body": "元城町で断水します。", "category": "water"}
    bulletin_id = publish_fixture(services, sample, FakeEngine(), languages=(), audio=False)
    site = build_site(services)
    page = site / "ja" / "bulletins" / str(bulletin_id) / "furigana" / "index.html"
    assert "げんじょうちょう" not in page.read_text(encoding="utf-8")
    with Session(services.db) as session:
        person = StaffMember(name="approver-san", role=Role.APPROVER.value)
        session.add(person)
        session.flush()
        assert person.id is not None
        staff = Staff(id=person.id, name=person.name, role=Role.APPROVER)
        path = services.settings.resolved_readings_file
        set_reading(session, staff, path, "元城町", "げんじょうちょう", replace=False)
        session.commit()
    queue.rebuild_site(delay=0)  # this huey runs a task at once, as the worker would
    page = services.settings.resolved_site_dir / page.relative_to(site)
    assert ">げんじょうちょう</rt>" in page.read_text(encoding="utf-8")
