"""The one clock a running Kakehashi reads the time from.

The workflow, jobs, scheduled publishing and expiry, and the audit trail all ask the clock in
:class:`publisher.services.Services`, so that "now" means the same thing to each of them and a
test can move time forward instead of waiting for it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, aware, in UTC."""
        ...


class SystemClock:
    """The machine's clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


SYSTEM_CLOCK: Clock = SystemClock()


def aware(moment: datetime) -> datetime:
    """A stored time as an aware UTC time: SQLite gives back naive datetimes written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
