"""Scheduled publishing and expiry against the real server and queue, with a clock the test
moves forward: nothing is public before its time, an expired notice comes down as a retract
takes it (its address says why), edits and retracts cancel a waiting publish, and a restarted
worker, or two at once, act on each due item once.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlmodel import Session, col, select

from publisher import pipeline
from publisher.api.app import create_app
from publisher.keys import create_key
from publisher.queue import JobQueue, make_huey
from publisher.scheduling import DueWork, ScheduleWatch, act_on_due
from publisher.services import Services
from publisher.settings import Settings
from publisher.site.build import build_site
from publisher.tables import AuditRecord, Job, Withdrawal
from publisher.workflow import Role
from tests.publisher.test_workflow_integrity import SAMPLE, City, GatedEngine, _no_audio
from tests.support.backends import Backend
from tests.support.clock import SteppedClock
from tests.support.server import running_server

pytestmark = pytest.mark.postgres  # on SQLite + SQLite queue, and PostgreSQL + Redis


class Schedule(City):
    """A running Kakehashi whose services' clock the test moves."""

    clock: SteppedClock

    def at(self, **delta: float) -> str:
        return (self.clock.now() + timedelta(**delta)).isoformat()

    def due(self) -> DueWork:
        """What the worker's schedule does now, on this machine's services and queue."""
        return act_on_due(self.services, self.queue.enqueue)

    def create_scheduled(self, **changes: Any) -> int:
        """Create (with its times), submit and approve: a publish time ahead is scheduled.

        The submit's preview for the approver is queued, then replaced by the scheduled
        publish; its task is run here (it does nothing), so later counts are the schedule's.
        """
        bulletin_id = self.create(**changes)
        self.approved(bulletin_id)
        self.work()
        return bulletin_id

    def states(self, bulletin_id: int) -> list[str]:
        return [job.state for job in self.jobs(bulletin_id)]


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text is not None else None


@pytest.fixture
def city(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend: Backend) -> Iterator[Schedule]:
    monkeypatch.setattr(pipeline, "_voice", _no_audio)
    settings = Settings(
        data_dir=tmp_path / "data",
        target_languages=("en",),
        base_url="http://testserver/",
        **backend.settings,
    )
    engine = GatedEngine()
    clock = SteppedClock()
    services = Services.create(settings, translation_engine_factory=lambda _: engine, clock=clock)
    queue = JobQueue(services, make_huey(services))
    keys: dict[str, dict[str, str]] = {}
    with Session(services.db) as session:
        for name, role in (("editor", Role.EDITOR), ("approver", Role.APPROVER)):
            _key, secret = create_key(session, f"{name}-san", role)
            keys[name] = {"Authorization": f"Bearer {secret}"}
        session.commit()
    build_site(services)
    with (
        running_server(create_app(services, queue, serve_site=False)) as base,
        httpx.Client(base_url=base, timeout=30) as http,
    ):
        schedule = Schedule(http, services, queue, engine, keys)
        schedule.clock = clock
        yield schedule
    services.close()


def test_nothing_is_public_before_the_publish_time_then_the_worker_publishes(
    city: Schedule,
) -> None:
    publish_at, expires_at = city.at(hours=1), city.at(hours=3)
    bulletin_id = city.create_scheduled(publish_at=publish_at, expires_at=expires_at)

    bulletin = city.bulletin(bulletin_id)
    assert bulletin["state"] == "approved"
    assert bulletin["schedule"] == "scheduled"
    assert _when(bulletin["scheduled_publish_at"]) == _when(publish_at)
    assert _when(bulletin["publish_at"]) == _when(publish_at)
    assert _when(bulletin["expires_at"]) == _when(expires_at)
    listed = city.call("GET", "/bulletins", "editor").json()
    assert [(row["id"], row["schedule"]) for row in listed] == [(bulletin_id, "scheduled")]
    assert _when(listed[0]["scheduled_publish_at"]) == _when(publish_at)

    # Asking to publish before the time answers 202 with the time the job is scheduled for.
    accepted = city.step(bulletin_id, "publish", "approver", expect=202)
    assert _when(accepted["scheduled_for"]) == _when(publish_at)
    job = city.http.get(accepted["status_url"], headers=city.keys["editor"]).json()
    assert job["state"] == "scheduled" and _when(job["run_at"]) == _when(publish_at)
    assert city.states(bulletin_id) == ["superseded", "scheduled"]  # one publish waits

    assert city.due() == DueWork()
    assert city.work() == 0
    city.clock.advance(minutes=59, seconds=59)
    assert city.due() == DueWork()
    assert city.work() == 0
    assert city.page(bulletin_id) is None
    assert city.bulletin(bulletin_id)["published_revision"] is None

    city.clock.advance(seconds=1)
    assert city.due().published == (accepted["job_id"],)
    assert city.due() == DueWork()  # queued once
    city.work()
    page = city.page(bulletin_id)
    assert page is not None and SAMPLE["title"] in page
    bulletin = city.bulletin(bulletin_id)
    assert (bulletin["state"], bulletin["published_revision"]) == ("published", 1)
    assert bulletin["schedule"] is None
    assert _when(bulletin["live_expires_at"]) == _when(expires_at)
    trail = city.audit(bulletin_id)
    assert trail.count(("bulletin.schedule", "approver-san")) == 2
    assert trail[-1] == ("bulletin.published", "kakehashi")
    with Session(city.services.db) as session:
        published = session.exec(
            select(AuditRecord).where(AuditRecord.action == "bulletin.published")
        ).one()
    assert published.detail["scheduled_for"] == _when(publish_at).isoformat()  # type: ignore[union-attr]


def test_at_its_expiry_time_a_notice_comes_down_and_says_why(city: Schedule) -> None:
    expires_at = city.at(hours=1)
    bulletin_id = city.create_scheduled(expires_at=expires_at)
    assert city.bulletin(bulletin_id)["schedule"] is None  # no publish time: published by hand
    accepted = city.step(bulletin_id, "publish", "approver", expect=202)
    assert accepted["scheduled_for"] is None
    city.work()
    assert city.page(bulletin_id, "en") is not None

    city.clock.advance(minutes=59)
    assert city.due() == DueWork()
    city.clock.advance(minutes=1)
    assert city.due().expired == (bulletin_id,)
    assert city.due() == DueWork()
    city.work()

    japanese, english = city.page(bulletin_id), city.page(bulletin_id, "en")
    assert japanese is not None and "掲載期間終了" in japanese and SAMPLE["title"] in japanese
    assert english is not None and "publication period has ended" in english
    bulletin = city.bulletin(bulletin_id)
    assert (bulletin["state"], bulletin["published_revision"]) == ("retracted", None)
    assert bulletin["schedule"] == "expired" and bulletin["live_expires_at"] is None
    assert bulletin["title"] == SAMPLE["title"]  # the record stays
    assert len(city.call("GET", f"/bulletins/{bulletin_id}/revisions", "editor").json()) == 1
    assert city.audit(bulletin_id)[-1] == ("bulletin.expire", "kakehashi")
    assert [job.kind for job in city.jobs(bulletin_id)] == ["publish", "retract"]
    with Session(city.services.db) as session:
        withdrawal = session.exec(select(Withdrawal)).one()
    assert withdrawal.reason == "expired"
    # An expired revision cannot be sent out again as it is.
    city.step(bulletin_id, "submit", "editor")
    city.step(bulletin_id, "approve", "approver")
    city.step(bulletin_id, "publish", "approver", expect=409)


def test_an_edit_holds_the_scheduled_publish_until_approved_again(city: Schedule) -> None:
    bulletin_id = city.create_scheduled(publish_at=city.at(hours=1))
    city.edit(bulletin_id, body="承認待ちの本文です。")
    bulletin = city.bulletin(bulletin_id)
    assert (bulletin["state"], bulletin["schedule"]) == ("draft", None)
    assert city.states(bulletin_id) == ["superseded"]
    assert ("bulletin.update", "editor-san") in city.audit(bulletin_id)

    city.clock.advance(hours=2)
    assert city.due() == DueWork()
    assert city.work() == 0
    assert city.page(bulletin_id) is None

    # The publish time is reviewed too: moving it is an edit that needs approval again.
    later = city.at(hours=1)
    assert city.edit(bulletin_id, publish_at=later)["state"] == "draft"
    city.approved(bulletin_id)
    bulletin = city.bulletin(bulletin_id)
    assert bulletin["schedule"] == "scheduled"
    assert _when(bulletin["scheduled_publish_at"]) == _when(later)
    city.clock.advance(hours=1)
    assert len(city.due().published) == 1
    city.work()
    page = city.page(bulletin_id)
    assert page is not None and "承認待ちの本文です。" in page
    assert city.bulletin(bulletin_id)["published_revision"] == 3


def test_a_retract_cancels_a_scheduled_publish(city: Schedule) -> None:
    bulletin_id = city.create_scheduled(publish_at=city.at(hours=1))
    city.step(bulletin_id, "retract", "approver", expect=202)
    city.work()
    assert city.bulletin(bulletin_id)["schedule"] is None
    assert city.states(bulletin_id) == ["superseded", "succeeded"]

    city.clock.advance(hours=2)
    assert city.due() == DueWork()
    assert city.work() == 0
    assert city.page(bulletin_id) is None
    assert city.bulletin(bulletin_id)["state"] == "retracted"


def test_after_a_restart_two_workers_act_on_each_due_item_once(city: Schedule) -> None:
    waiting = city.create_scheduled(publish_at=city.at(minutes=30))
    live = city.create_scheduled(title="期間限定のお知らせ", expires_at=city.at(minutes=45))
    city.step(live, "publish", "approver", expect=202)
    city.work()
    assert city.page(live) is not None

    # The machines were off while both times passed; two workers start at once.
    later = SteppedClock(city.clock.now() + timedelta(hours=1))
    restarted = [
        Services.create(
            city.services.settings,
            translation_engine_factory=lambda _: city.engine,
            clock=later,
        )
        for _ in range(2)
    ]
    done: list[DueWork] = []
    try:
        queues = [JobQueue(services, make_huey(services)) for services in restarted]
        start = threading.Barrier(2)

        def worker(services: Services, queue: JobQueue) -> None:
            start.wait()
            done.append(act_on_due(services, queue.enqueue))

        pairs = zip(restarted, queues, strict=True)
        threads = [threading.Thread(target=worker, args=pair) for pair in pairs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        for services in restarted:
            services.close()

    assert sorted(len(work.published) for work in done) == [0, 1]
    assert sorted(work.expired for work in done) == [(), (live,)]
    city.work()
    assert city.page(waiting) is not None
    withdrawn = city.page(live)
    assert withdrawn is not None and "掲載期間終了" in withdrawn
    with Session(city.services.db) as session:
        system = session.exec(
            select(AuditRecord.action, AuditRecord.target)
            .where(AuditRecord.actor == "kakehashi")
            .order_by(col(AuditRecord.id))
        ).all()
    assert sorted(system) == sorted(
        [
            ("bulletin.published", f"bulletin:{live}"),
            ("bulletin.published", f"bulletin:{waiting}"),
            ("bulletin.expire", f"bulletin:{live}"),
        ]
    )


def test_an_expiry_not_after_the_publish_time_is_422(city: Schedule) -> None:
    publish_at = city.at(hours=2)
    for expires_at in (publish_at, city.at(hours=1)):
        response = city.call(
            "POST",
            "/bulletins",
            "editor",
            json={**SAMPLE, "publish_at": publish_at, "expires_at": expires_at},
        )
        assert response.status_code == 422, response.text
        assert "expires_at must be later than publish_at" in response.text
    bulletin_id = city.create(publish_at=publish_at)
    response = city.call(
        "PATCH", f"/bulletins/{bulletin_id}", "editor", json={"expires_at": city.at(hours=1)}
    )
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"][-1] == "expires_at"
    assert city.bulletin(bulletin_id)["current_revision"] == 1


def test_the_worker_watches_the_schedule_from_its_start(city: Schedule) -> None:
    """What ``main.py worker`` runs: a look at start, then one every interval."""
    waiting = city.create_scheduled(publish_at=city.at(minutes=10))
    queued = threading.Event()

    def enqueue(job: Job) -> None:
        city.queue.enqueue(job)
        queued.set()

    watch = ScheduleWatch(city.services, enqueue, interval=0.05)
    watch.start()
    try:
        assert not queued.wait(timeout=0.5)  # it looked, more than once: nothing due
        city.clock.advance(minutes=10)
        assert queued.wait(timeout=30)
    finally:
        watch.stop()
    city.work()
    assert city.page(waiting) is not None
    assert city.states(waiting) == ["succeeded"]
