"""Per-key request rate limits (moving window), answered with 429 and ``Retry-After``."""

from __future__ import annotations

import math
import time

from limits import RateLimitItemPerMinute
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter


class KeyRateLimiter:
    """Counts requests per API key; in memory, or in Redis when the queue uses Redis."""

    def __init__(self, per_minute: int, storage_uri: str = "memory://") -> None:
        self._item = RateLimitItemPerMinute(per_minute)
        self._limiter = MovingWindowRateLimiter(storage_from_string(storage_uri))

    def retry_after(self, key_id: int) -> int | None:
        """Count one request; if over the limit, the seconds to wait, else None."""
        if self._limiter.hit(self._item, "api-key", str(key_id)):
            return None
        reset = self._limiter.get_window_stats(self._item, "api-key", str(key_id)).reset_time
        return max(1, math.ceil(reset - time.time()))
