"""The background job queue: huey on SQLite by default, the same tasks on Redis at scale.

The queue carries only job ids; the job's state and progress live in the database, so the API
can report them and a restarted worker can pick up what was interrupted.

On PostgreSQL several workers, on several machines, may share one Redis queue: a worker runs
a job only while it holds that job's advisory lock (:func:`running`), so a job is never run
by two workers at once, even when a restarting worker queues again a job another is running.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date

from huey import Huey, RedisHuey, SqliteHuey
from huey.api import TaskWrapper
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session, col, select

from publisher.jobs import MAX_ATTEMPTS, UNFINISHED
from publisher.pipeline import run_publish, run_retract
from publisher.services import Services
from publisher.statuses import JobKind, JobState
from publisher.tables import Job

TASK_RETRIES = MAX_ATTEMPTS - 1
EMERGENCY_PRIORITY = 100
"""Huey runs higher priorities first: an emergency goes ahead of every waiting publish (0)
and edition (-10). Redis lists have no priorities; there it is queued like a publish."""
TASK_RETRY_DELAY_SECONDS = 5
SITE_QUIET_SECONDS = 10.0
PREVIEW_PRIORITY = -5
"""Below publish, correction and retract jobs (priority 0), above editions (-10)."""
_JOB_LOCKS = 0x4B4A  # "KJ": the first key of the per-job advisory locks (the second: the id)

log = logging.getLogger(__name__)


def _try_job_lock(connection: Connection, job_id: str) -> bool:
    taken = connection.execute(
        text("SELECT pg_try_advisory_lock(:space, hashtext(:job))"),
        {"space": _JOB_LOCKS, "job": job_id},
    ).scalar_one()
    return bool(taken)


@contextmanager
def running(engine: Engine, job_id: str) -> Iterator[bool]:
    """Whether this worker may run the job now: False while another worker is running it.

    On PostgreSQL the answer is the job's advisory lock, taken on a connection of its own and
    held until the block ends; PostgreSQL releases it if the worker dies, so a job left by a
    dead worker can be run again. The embedded SQLite deployment has one worker: always True.
    """
    if engine.dialect.name != "postgresql":
        yield True
        return
    connection = engine.connect()
    connection.detach()  # closing it really closes it, and so releases the lock
    try:
        taken = _try_job_lock(connection, job_id)
        connection.commit()
        yield taken
    finally:
        connection.close()


def make_huey(services: Services, *, immediate: bool = False) -> Huey:
    settings = services.settings
    if settings.queue_backend == "redis":
        return RedisHuey("kakehashi", url=settings.redis_url, results=False, immediate=immediate)
    settings.queue_path.parent.mkdir(parents=True, exist_ok=True)
    return SqliteHuey(
        "kakehashi", filename=str(settings.queue_path), results=False, immediate=immediate
    )


def _lowest_priority() -> None:
    """Lower this thread's CPU priority (Linux schedules threads on their own nice value)."""
    # Elsewhere (not Linux, or not allowed) the quiet period still keeps editions out of the way.
    with suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)


@dataclass
class JobQueue:
    """Registers Kakehashi's tasks on one huey instance and enqueues jobs by id."""

    services: Services
    huey: Huey
    _runner: ThreadPoolExecutor | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        services = self.services

        def publish(job_id: str) -> None:
            with running(services.db, job_id) as mine:
                if mine:
                    run_publish(services, job_id)
                    self.editions_changed(job_id)
                else:
                    log.info("job %s is being run by another worker", job_id)

        def retract(job_id: str) -> None:
            with running(services.db, job_id) as mine:
                if mine:
                    run_retract(services, job_id)
                    self.editions_changed(job_id)
                else:
                    log.info("job %s is being run by another worker", job_id)

        def preview(job_id: str) -> None:
            from publisher.preview import run_preview

            with running(services.db, job_id) as mine:
                if mine:
                    run_preview(services, job_id)
                else:
                    log.info("job %s is being run by another worker", job_id)

        def edition(start: str, end: str) -> None:
            period = (date.fromisoformat(start), date.fromisoformat(end))
            self._editions_runner().submit(self._remake, period)

        def site() -> None:
            from publisher.site.build import build_site

            build_site(services)

        def emergency(job_id: str) -> None:
            from publisher.emergency_publish import run_emergency

            with running(services.db, job_id) as mine:
                if mine:
                    run_emergency(services, job_id)
                else:
                    log.info("emergency job %s is being run by another worker", job_id)

        options = {"retries": TASK_RETRIES, "retry_delay": TASK_RETRY_DELAY_SECONDS}
        redis = services.settings.queue_backend == "redis"
        self._emergency: TaskWrapper = self.huey.task(
            name="emergency",
            retries=TASK_RETRIES,
            retry_delay=1,
            priority=None if redis else EMERGENCY_PRIORITY,
        )(emergency)
        self._publish: TaskWrapper = self.huey.task(name="publish", **options)(publish)
        self._retract: TaskWrapper = self.huey.task(name="retract", **options)(retract)
        # Previews wait for publishes, corrections and retracts where the queue orders by
        # priority (not on Redis, whose lists have none: there they keep their turn).
        redis = services.settings.queue_backend == "redis"
        self._preview: TaskWrapper = self.huey.task(
            name="preview", **options, priority=None if redis else PREVIEW_PRIORITY
        )(preview)
        # A request that arrives while its edition is being made schedules the next run
        # itself: no retries needed; a failure waits for the next change or restart.
        self._edition: TaskWrapper = self.huey.task(name="edition")(edition)
        self._site: TaskWrapper = self.huey.task(name="site", **options)(site)

    def _editions_runner(self) -> ThreadPoolExecutor:
        """Editions are made on a thread of their own at the lowest CPU priority, so the
        worker's thread is free for the next publish at once: a publish never waits for one."""
        if self._runner is None:
            self._runner = ThreadPoolExecutor(
                max_workers=1, thread_name_prefix="editions", initializer=_lowest_priority
            )
        return self._runner

    def _remake(self, period: tuple[date, date]) -> None:
        from publisher.editions.schedule import remake_if_quiet

        try:
            wait = remake_if_quiet(self.services, period)
        except Exception:  # the marker stays: the next change or restart tries again
            log.exception("the editions of %s to %s could not be made", *period)
            return
        if wait is not None:  # changed again lately: try when it has been quiet
            self.schedule_edition(period, delay=wait)

    def editions_changed(self, job_id: str) -> None:
        """After a job ran: mark its bulletin's month's editions stale and schedule them.

        Never fails the job that called it: an edition is remade at the next change or
        restart (the stale marker stays) if this fails.
        """
        from publisher.editions.schedule import mark_stale, period_of_bulletin

        try:
            with Session(self.services.db) as session:
                job = session.get(Job, job_id)
                bulletin_id = job.bulletin_id if job is not None else None
            if bulletin_id is None or job is None or job.state != JobState.SUCCEEDED:
                return
            period = period_of_bulletin(self.services, bulletin_id)
            if period is not None:
                mark_stale(self.services, period)
                self.schedule_edition(period)
        except Exception:
            log.exception("the editions of job %s's bulletin could not be scheduled", job_id)

    def schedule_edition(self, period: tuple[date, date], delay: float | None = None) -> None:
        from publisher.editions.schedule import PRIORITY, QUIET_SECONDS

        # Redis lists have no priorities (huey refuses one there); the worker's own low CPU
        # priority and the quiet period keep editions behind publishes there.
        priority = None if self.services.settings.queue_backend == "redis" else PRIORITY
        self._edition.schedule(
            args=(period[0].isoformat(), period[1].isoformat()),
            delay=QUIET_SECONDS if delay is None else delay,
            priority=priority,
        )

    def rebuild_site(self, delay: float = SITE_QUIET_SECONDS) -> None:
        """Build the site in the worker after something that shapes every page changed (the
        furigana readings): the build sees the new fingerprint and renders every page. The
        short delay lets several edits in a row share one full build (later ones find
        nothing changed and finish at once)."""
        self._site.schedule(delay=delay)

    def enqueue_emergency(self, job_id: str) -> None:
        """Queue an emergency version's job ahead of everything else waiting."""
        self._emergency(job_id)

    def enqueue(self, job: Job) -> None:
        tasks = {JobKind.RETRACT: self._retract, JobKind.PREVIEW: self._preview}
        tasks.get(JobKind(job.kind), self._publish)(job.id)

    def resume_interrupted(self) -> int:
        """Re-enqueue jobs left unfinished when the last worker stopped (crash or kill).

        A job the database calls queued or running but the queue no longer holds (its task
        was taken by a worker that then died) is queued again; running a job twice is
        harmless (the second run finds it succeeded, or redoes the same work). On PostgreSQL
        a job that another live worker is running (it holds the job's lock) is left to it.
        """
        waiting = {
            task.args[0] for task in (*self.huey.pending(), *self.huey.scheduled()) if task.args
        }
        with Session(self.services.db, expire_on_commit=False) as session:
            jobs = [
                job
                for job in session.exec(
                    # Scheduled jobs wait in the database; the schedule queues them in time.
                    select(Job).where(col(Job.state).in_(tuple(UNFINISHED - {JobState.SCHEDULED})))
                ).all()
                if job.id not in waiting and not self._running_elsewhere(job.id)
            ]
            for job in jobs:
                job.state = JobState.QUEUED.value
                session.add(job)
            session.commit()
        for job in jobs:
            self.enqueue(job)
        resumed = self._resume_emergencies(waiting)
        self._resume_editions()
        return len(jobs) + resumed

    def _resume_emergencies(self, waiting: set[object]) -> int:
        """Emergency versions whose job was interrupted are queued again, first of all."""
        from publisher.tables import EmergencyVersion

        with Session(self.services.db) as session:
            ids = [
                version.job_id
                for version in session.exec(
                    select(EmergencyVersion).where(
                        col(EmergencyVersion.job_state).in_(tuple(UNFINISHED)),
                        col(EmergencyVersion.sent_at).is_not(None),
                    )
                ).all()
                if version.job_id not in waiting and not self._running_elsewhere(version.job_id)
            ]
        for job_id in ids:
            self.enqueue_emergency(job_id)
        return len(ids)

    def _resume_editions(self) -> None:
        """Editions left stale by a worker that stopped are scheduled again (at once)."""
        from publisher.editions.schedule import stale_periods

        for period in stale_periods(self.services):
            self.schedule_edition(period, delay=0)

    def _running_elsewhere(self, job_id: str) -> bool:
        with running(self.services.db, job_id) as free:
            return not free
