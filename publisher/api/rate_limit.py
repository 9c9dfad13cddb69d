"""Request counts in a moving minute, answered with 429 and ``Retry-After`` when over a limit.

The counts must be shared by every server process (``serve --workers N``), or each process
would allow the whole limit again. With the Redis queue they live in Redis; otherwise they live
in a small SQLite file in the data folder, which every process on the machine opens. The
``limits`` library has no storage that works offline without a server, so
:class:`SqliteWindows` is one, for its moving-window strategy.
"""

from __future__ import annotations

import itertools
import math
import sqlite3
import threading
import time
from pathlib import Path

from limits import RateLimitItemPerMinute
from limits.storage import MovingWindowSupport, Storage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

from publisher.settings import Settings

_PRUNE_EVERY = 1000
"""Acquisitions between sweeps of expired entries of every key (each key prunes its own)."""


class SqliteWindows(Storage, MovingWindowSupport):
    """Moving-window entries in a SQLite file: one row per counted request, until it expires.

    Counters need not survive a power cut, so the file is written without syncing. Only the
    moving window is supported; it is the strategy the API uses.
    """

    STORAGE_SCHEME = None

    def __init__(self, path: Path) -> None:
        super().__init__()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._connection = sqlite3.connect(
            path, timeout=10, isolation_level=None, check_same_thread=False
        )
        self._lock = threading.Lock()
        self._counter = itertools.count(1)
        with self._lock:
            self._connection.execute("PRAGMA journal_mode=WAL")
            self._connection.execute("PRAGMA synchronous=OFF")
            self._connection.execute(
                "CREATE TABLE IF NOT EXISTS window_entry (key TEXT NOT NULL, expires REAL NOT NULL)"
            )
            self._connection.execute(
                "CREATE INDEX IF NOT EXISTS window_entry_key ON window_entry (key, expires)"
            )

    @property
    def base_exceptions(self) -> type[Exception]:
        return sqlite3.Error

    def acquire_entry(self, key: str, limit: int, expiry: int, amount: int = 1) -> bool:
        if amount > limit:
            return False
        now = time.time()
        with self._lock:
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                if next(self._counter) % _PRUNE_EVERY == 0:
                    self._connection.execute("DELETE FROM window_entry WHERE expires <= ?", (now,))
                else:
                    self._connection.execute(
                        "DELETE FROM window_entry WHERE key = ? AND expires <= ?", (key, now)
                    )
                (count,) = self._connection.execute(
                    "SELECT count(*) FROM window_entry WHERE key = ?", (key,)
                ).fetchone()
                admitted = bool(count + amount <= limit)
                if admitted:
                    self._connection.executemany(
                        "INSERT INTO window_entry (key, expires) VALUES (?, ?)",
                        [(key, now + expiry)] * amount,
                    )
            except BaseException:
                self._connection.execute("ROLLBACK")
                raise
            self._connection.execute("COMMIT")
        return admitted

    def get_moving_window(self, key: str, limit: int, expiry: int) -> tuple[float, int]:
        now = time.time()
        with self._lock:
            oldest, count = self._connection.execute(
                "SELECT min(expires), count(*) FROM window_entry WHERE key = ? AND expires > ?",
                (key, now),
            ).fetchone()
        if not count:
            return now, 0
        return float(oldest) - expiry, int(count)

    def clear(self, key: str) -> None:
        with self._lock:
            self._connection.execute("DELETE FROM window_entry WHERE key = ?", (key,))

    def reset(self) -> int | None:
        with self._lock:
            return self._connection.execute("DELETE FROM window_entry").rowcount

    def check(self) -> bool:
        with self._lock:
            row: tuple[int] | None = self._connection.execute("SELECT 1").fetchone()
        return row == (1,)

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        raise NotImplementedError("only the moving-window strategy is supported")

    def get(self, key: str) -> int:
        raise NotImplementedError("only the moving-window strategy is supported")

    def get_expiry(self, key: str) -> float:
        raise NotImplementedError("only the moving-window strategy is supported")


def shared_storage(settings: Settings) -> Storage:
    """Redis with the Redis queue; else the SQLite file every local server process opens."""
    if settings.queue_backend == "redis":
        storage = storage_from_string(settings.redis_url)
        assert isinstance(storage, Storage)  # a redis:// address gives the synchronous one
        return storage
    return SqliteWindows(settings.resolved_data_dir / "ratelimits.sqlite3")


class WindowLimiter:
    """At most ``per_minute`` requests per identity (an API key, a client address)."""

    def __init__(self, per_minute: int, storage: Storage, namespace: str) -> None:
        self._item = RateLimitItemPerMinute(per_minute)
        self._limiter = MovingWindowRateLimiter(storage)
        self._namespace = namespace

    def retry_after(self, identity: str) -> int | None:
        """Count one request; if it is over the limit, the seconds to wait, else None."""
        if self._limiter.hit(self._item, self._namespace, identity):
            return None
        return self._wait(identity)

    def paused_for(self, identity: str) -> int | None:
        """Without counting: the seconds to wait if the limit is used up, else None."""
        if self._limiter.test(self._item, self._namespace, identity):
            return None
        return self._wait(identity)

    def count(self, identity: str) -> None:
        """Count one request without asking whether it was allowed."""
        self._limiter.hit(self._item, self._namespace, identity)

    def _wait(self, identity: str) -> int:
        reset = self._limiter.get_window_stats(self._item, self._namespace, identity).reset_time
        return max(1, math.ceil(reset - time.time()))
