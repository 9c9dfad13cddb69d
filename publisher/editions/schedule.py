"""When editions are remade: a change to a notice marks its month's editions stale; a
low-priority task remakes them once the month has been quiet for a while.

A publish, correction or retract never waits for an edition: it only writes a small marker
(``<data>/editions/stale/<start>_<end>``, the time of the latest request) and schedules the
``edition`` task after the quiet period. That task remakes the month if no newer request came
in meanwhile, otherwise it leaves the work to the task the newer request scheduled, so ten
notices published in a row remake the month's books once. The markers are files, not queue
entries: a worker that restarts schedules every marker it finds (:func:`stale_periods`), so a
crash never leaves an edition behind the site. Books are swapped in atomically
(:mod:`publisher.editions.build`), so a listener downloading one gets the old or the new book,
and then the site is updated: each language's talking-books page offers the books on the shelf.

Editions are not ``Job`` rows: a job belongs to one bulletin and its generation, an edition to
a period that many bulletins share.
"""

from __future__ import annotations

import calendar
import time
from datetime import date
from pathlib import Path

from sqlmodel import Session

from publisher.editions.build import build_editions, editions_dir
from publisher.editions.collect import local_day
from publisher.files import write_atomic
from publisher.services import Services
from publisher.site.build import update_site
from publisher.tables import Bulletin

QUIET_SECONDS = 120.0
"""How long a month must go without a change before its editions are remade."""
PRIORITY = -10
"""Below the publish, correction and retract tasks (priority 0) where the queue orders by it."""


def month_of(day: date) -> tuple[date, date]:
    last = calendar.monthrange(day.year, day.month)[1]
    return date(day.year, day.month, 1), date(day.year, day.month, last)


def _marker(services: Services, period: tuple[date, date]) -> Path:
    start, end = period
    return editions_dir(services) / "stale" / f"{start.isoformat()}_{end.isoformat()}"


def period_of_bulletin(services: Services, bulletin_id: int) -> tuple[date, date] | None:
    """The month whose edition holds the bulletin (by its first publication), if ever published."""
    with Session(services.db) as session:
        bulletin = session.get(Bulletin, bulletin_id)
        if bulletin is None or bulletin.published_at is None:
            return None
        return month_of(local_day(bulletin.published_at))


def mark_stale(services: Services, period: tuple[date, date], now: float | None = None) -> float:
    """Record a change in the period; returns the time recorded (the request's identity)."""
    requested = time.time() if now is None else now
    write_atomic(_marker(services, period), repr(requested).encode(), durable=False)
    return requested


def stale_periods(services: Services) -> list[tuple[date, date]]:
    folder = editions_dir(services) / "stale"
    periods = []
    for marker in sorted(folder.iterdir()) if folder.is_dir() else ():
        start, _, end = marker.name.partition("_")
        try:
            periods.append((date.fromisoformat(start), date.fromisoformat(end)))
        except ValueError:
            continue  # a temporary file of a marker being written
    return periods


def _requested(services: Services, period: tuple[date, date]) -> float | None:
    try:
        return float(_marker(services, period).read_text())
    except (OSError, ValueError):
        return None


def remake_if_quiet(
    services: Services,
    period: tuple[date, date],
    now: float | None = None,
) -> float | None:
    """Remake the period's editions if it has been quiet for :data:`QUIET_SECONDS`.

    Returns the seconds still to wait if it has not, else None (done, or nothing stale).
    The marker is removed only if no request arrived while the books were being made; if
    one did, its own scheduled task remakes them (None is returned all the same).
    """
    requested = _requested(services, period)
    if requested is None:
        return None
    waited = (time.time() if now is None else now) - requested
    if waited < QUIET_SECONDS:
        return QUIET_SECONDS - waited
    build_editions(services, *period)
    update_site(services)  # each language's talking-books page offers the new books
    if _requested(services, period) == requested:
        _marker(services, period).unlink(missing_ok=True)
    return None
