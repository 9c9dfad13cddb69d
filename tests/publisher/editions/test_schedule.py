"""Editions are remade after a quiet period, off the publish path, and survive a restart."""

from __future__ import annotations

import json
import time
from datetime import UTC, date, datetime

from sqlmodel import Session

from publisher.editions.build import edition_paths, editions_dir
from publisher.editions.schedule import (
    QUIET_SECONDS,
    mark_stale,
    month_of,
    remake_if_quiet,
    stale_periods,
)
from publisher.queue import JobQueue
from publisher.services import Services
from publisher.statuses import JobKind, JobState
from publisher.tables import Job
from tests.publisher.site.archive import publish_fixture, sample_files
from tests.support.fake_engine import FakeEngine

MAY = month_of(date(2026, 5, 20))


def _publish_one(services: Services) -> int:
    sample = json.loads(sample_files()[0].read_text(encoding="utf-8"))
    return publish_fixture(
        services,
        sample,
        FakeEngine(),
        languages=("en",),
        audio=("ja", "en"),
        published_at=datetime(2026, 5, 20, 1, tzinfo=UTC),
    )


def test_a_month_is_made_only_once_it_has_been_quiet(services: Services) -> None:
    _publish_one(services)
    requested = mark_stale(services, MAY, now=1_000_000.0)
    epub, daisy = edition_paths(editions_dir(services), "ja", *MAY)

    assert remake_if_quiet(services, MAY, now=requested + 10) == QUIET_SECONDS - 10
    assert not epub.exists() and stale_periods(services) == [MAY]

    assert remake_if_quiet(services, MAY, now=requested + QUIET_SECONDS) is None
    assert epub.is_file() and daisy.is_file()
    assert stale_periods(services) == []
    assert remake_if_quiet(services, MAY) is None  # nothing stale: nothing to do


def test_a_finished_publish_marks_its_month_and_schedules_a_low_priority_task(
    services: Services, queue: JobQueue
) -> None:
    bulletin_id = _publish_one(services)
    with Session(services.db) as session:
        job = Job(
            id="j1",
            bulletin_id=bulletin_id,
            revision=1,
            kind=JobKind.PUBLISH.value,
            state=JobState.SUCCEEDED.value,
            requested_by="test",
        )
        session.add(job)
        session.commit()

    queue.editions_changed("j1")

    assert stale_periods(services) == [MAY]
    scheduled = [task for task in queue.huey.scheduled() if task.name == "edition"]
    assert [task.args for task in scheduled] == [(MAY[0].isoformat(), MAY[1].isoformat())]
    assert scheduled[0].priority is not None and scheduled[0].priority < 0
    assert not edition_paths(editions_dir(services), "en", *MAY)[0].exists()  # not made yet


def test_a_failed_job_marks_nothing(services: Services, queue: JobQueue) -> None:
    bulletin_id = _publish_one(services)
    with Session(services.db) as session:
        session.add(
            Job(
                id="j2",
                bulletin_id=bulletin_id,
                revision=1,
                state=JobState.FAILED.value,
                requested_by="test",
            )
        )
        session.commit()
    queue.editions_changed("j2")
    assert stale_periods(services) == []


def test_a_restarted_worker_remakes_what_was_left_stale(
    services: Services, queue: JobQueue
) -> None:
    _publish_one(services)
    mark_stale(services, MAY, now=time.time() - QUIET_SECONDS - 1)  # the worker died here

    queue.resume_interrupted()
    runner = queue._editions_runner()
    runner.submit(lambda: None).result(timeout=120)  # the runner has finished the remake

    assert edition_paths(editions_dir(services), "en", *MAY)[0].is_file()
    assert stale_periods(services) == []
