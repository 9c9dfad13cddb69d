"""A clock that tests move forward instead of waiting (the services' clock in product code
is the machine's)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta


class SteppedClock:
    """Stands still until the test advances it; starts at the machine's time by default."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = (start or datetime.now(UTC)).replace(microsecond=0)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def advance(self, **delta: float) -> datetime:
        with self._lock:
            self._now += timedelta(**delta)
            return self._now
