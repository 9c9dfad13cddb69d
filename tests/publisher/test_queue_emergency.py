"""An emergency job goes ahead of every publish and edition waiting in the queue."""

from __future__ import annotations

from datetime import date

from publisher.queue import JobQueue, make_huey
from publisher.services import Services
from publisher.tables import Job


def test_an_emergency_is_taken_before_waiting_publishes(services: Services) -> None:
    huey = make_huey(services)  # a real SQLite queue, nothing run yet
    queue = JobQueue(services, huey)
    for number in range(3):
        queue.enqueue(Job(id=f"publish-{number}", bulletin_id=1, revision=1, requested_by="x"))
    queue.schedule_edition((date(2026, 7, 1), date(2026, 7, 31)), delay=0)
    queue.enqueue_emergency("emergency-job")
    first = huey.dequeue()
    assert first is not None
    assert (first.name, first.args) == ("emergency", ("emergency-job",))
    second = huey.dequeue()
    assert second is not None and second.name == "publish"
