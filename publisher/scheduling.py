"""Scheduled publishing and expiry: the worker acts on the times approved revisions carry.

The schedule lives in the database only: a publish waiting for its revision's ``publish_at``
is a job in state ``scheduled`` (``run_at``), and a live revision's ``expires_at`` is on the
revision itself. So it survives restarts, and any worker can act on it. :func:`act_on_due`
queues each scheduled publish whose time has come and takes down each live revision whose
expiry time has come, as a retract does; each item is taken under the bulletin's lock with a
check that it is still due, so of several workers (or machines) that find it due, one acts.
:class:`ScheduleWatch` runs it in the worker when it starts and every few seconds after.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, col, select

from publisher import jobs
from publisher.editing import expire
from publisher.services import Services
from publisher.tables import Bulletin, Job, Revision

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DueWork:
    """What one look at the schedule did."""

    published: tuple[str, ...] = ()
    """The scheduled publish jobs this call queued."""
    expired: tuple[int, ...] = ()
    """The bulletins this call took down at their expiry time."""


def due_expiries(session: Session, now: datetime) -> list[int]:
    """The bulletins whose live revision's expiry time has come."""
    return [
        bulletin_id
        for bulletin_id in session.exec(
            select(Bulletin.id)
            .join(
                Revision,
                (col(Revision.bulletin_id) == col(Bulletin.id))
                & (col(Revision.number) == col(Bulletin.published_revision)),
            )
            .where(col(Revision.expires_at) <= now)
            .order_by(col(Revision.expires_at))
        ).all()
        if bulletin_id is not None
    ]


def act_on_due(services: Services, enqueue: Callable[[Job], None]) -> DueWork:
    """Queue the scheduled publishes and take down the expired notices whose time has come.

    Publishes first, so that a revision published and expiring at once is published
    and then taken down. One item that fails is logged and tried again at the next look;
    the others go ahead.
    """
    clock = services.clock
    now = clock.now()
    with Session(services.db) as session:
        due_jobs = jobs.due_scheduled(session, now)
    published: list[str] = []
    for job_id in due_jobs:
        try:
            with Session(services.db, expire_on_commit=False) as session:
                job = jobs.release(session, job_id, clock)
        except Exception:
            log.exception("the scheduled job %s could not be queued", job_id)
            continue
        if job is not None:
            enqueue(job)
            published.append(job.id)
    with Session(services.db) as session:
        due_bulletins = due_expiries(session, now)
    expired: list[int] = []
    for bulletin_id in due_bulletins:
        try:
            with Session(services.db, expire_on_commit=False) as session:
                retract = expire(session, bulletin_id, clock)
                if retract is None:  # no longer due: another worker, or staff, came first
                    session.rollback()
                    continue
                session.commit()
        except Exception:
            log.exception("bulletin %s could not be taken down at its expiry", bulletin_id)
            continue
        enqueue(retract)
        expired.append(bulletin_id)
    if published or expired:
        log.info("schedule: queued publishes %s, expired bulletins %s", published, expired)
    return DueWork(tuple(published), tuple(expired))


@dataclass
class ScheduleWatch:
    """Looks at the schedule when started and every ``interval`` seconds, on its own thread.

    The worker runs one; every worker of a group may, since each item is acted on once.
    """

    services: Services
    enqueue: Callable[[Job], None]
    interval: float
    _stop: threading.Event = field(default_factory=threading.Event, init=False, repr=False)
    _thread: threading.Thread | None = field(default=None, init=False, repr=False)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._watch, name="schedule", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)

    def _watch(self) -> None:
        while not self._stop.is_set():
            try:
                act_on_due(self.services, self.enqueue)
            except Exception:  # e.g. the database restarting: look again next time
                log.exception("the schedule could not be read")
            self._stop.wait(self.interval)
