"""The background job queue: huey on SQLite by default, the same tasks on Redis at scale.

The queue carries only job ids; the job's state and progress live in the database, so the API
can report them and a restarted worker can pick up what was interrupted.
"""

from __future__ import annotations

from dataclasses import dataclass

from huey import Huey, RedisHuey, SqliteHuey
from huey.api import TaskWrapper
from sqlmodel import Session, col, select

from publisher.jobs import MAX_ATTEMPTS, UNFINISHED
from publisher.pipeline import run_publish, run_retract
from publisher.services import Services
from publisher.statuses import JobKind, JobState
from publisher.tables import Job

TASK_RETRIES = MAX_ATTEMPTS - 1
TASK_RETRY_DELAY_SECONDS = 5


def make_huey(services: Services, *, immediate: bool = False) -> Huey:
    settings = services.settings
    if settings.queue_backend == "redis":
        return RedisHuey("kakehashi", url=settings.redis_url, results=False, immediate=immediate)
    settings.queue_path.parent.mkdir(parents=True, exist_ok=True)
    return SqliteHuey(
        "kakehashi", filename=str(settings.queue_path), results=False, immediate=immediate
    )


@dataclass
class JobQueue:
    """Registers Kakehashi's tasks on one huey instance and enqueues jobs by id."""

    services: Services
    huey: Huey

    def __post_init__(self) -> None:
        services = self.services

        def publish(job_id: str) -> None:
            run_publish(services, job_id)

        def retract(job_id: str) -> None:
            run_retract(services, job_id)

        options = {"retries": TASK_RETRIES, "retry_delay": TASK_RETRY_DELAY_SECONDS}
        self._publish: TaskWrapper = self.huey.task(name="publish", **options)(publish)
        self._retract: TaskWrapper = self.huey.task(name="retract", **options)(retract)

    def enqueue(self, job: Job) -> None:
        task = self._retract if job.kind == JobKind.RETRACT else self._publish
        task(job.id)

    def resume_interrupted(self) -> int:
        """Re-enqueue jobs left unfinished when the last worker stopped (crash or kill).

        A job the database calls queued or running but the queue no longer holds (its task
        was taken by a worker that then died) is queued again; running a job twice is
        harmless (the second run finds it succeeded, or redoes the same work).
        """
        waiting = {
            task.args[0] for task in (*self.huey.pending(), *self.huey.scheduled()) if task.args
        }
        with Session(self.services.db, expire_on_commit=False) as session:
            jobs = [
                job
                for job in session.exec(
                    select(Job).where(col(Job.state).in_(tuple(UNFINISHED)))
                ).all()
                if job.id not in waiting
            ]
            for job in jobs:
                job.state = JobState.QUEUED.value
                session.add(job)
            session.commit()
        for job in jobs:
            self.enqueue(job)
        return len(jobs)
