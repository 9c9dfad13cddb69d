"""A short-lived memory of verified keys, so that a busy API need not look up every request.

A revoked or expired key keeps working for at most ``ttl`` seconds in a server process that
saw it just before; revoking through the API forgets it at once in the process that did it.
"""

from __future__ import annotations

import threading
import time

from publisher.keys import Staff, hash_key


class StaffCache:
    def __init__(self, ttl: float = 2.0, max_entries: int = 1024) -> None:
        self._ttl = ttl
        self._max_entries = max_entries
        self._entries: dict[str, tuple[Staff, float]] = {}
        self._lock = threading.Lock()

    def get(self, secret: str) -> Staff | None:
        digest = hash_key(secret)
        with self._lock:
            entry = self._entries.get(digest)
            if entry is None:
                return None
            staff, until = entry
            if until < time.monotonic():
                del self._entries[digest]
                return None
            return staff

    def put(self, secret: str, staff: Staff) -> None:
        with self._lock:
            if len(self._entries) >= self._max_entries:
                self._entries.clear()
            self._entries[hash_key(secret)] = (staff, time.monotonic() + self._ttl)

    def forget_key(self, key_id: int) -> None:
        with self._lock:
            for digest in [d for d, (staff, _) in self._entries.items() if staff.key_id == key_id]:
                del self._entries[digest]
