"""CPU-bound audio work (Open JTalk clips, joining and MP3 encoding) in spawned processes.

Open JTalk and lameenc hold the GIL (measured here: two threads take as long as one), so
threads cannot use a second core; these jobs run in a small ``pebble`` process pool instead.
pebble kills a worker whose job outlives its timeout and replaces a worker that dies, and the
other jobs carry on (a ``concurrent.futures`` pool breaks for good when one worker dies).  A job
that timed out or lost its worker is tried again ``retries`` times; errors raised by the job
itself (a :class:`SynthesisError`) are final, because the engines are deterministic.

Workers are spawned, never forked, like the espeak workers: the caller may be a server with
threads and engines that a fork would copy in an inconsistent state.  They start on first use
and are reused; Open JTalk's dictionary is loaded once per worker.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import CancelledError, Future
from concurrent.futures import TimeoutError as FutureTimeout
from types import TracebackType
from typing import Any, Self, TypeVar

from pebble import ProcessExpired, ProcessPool

from audio.clip import Clip
from audio.errors import SynthesisError
from audio.render import Encoded, encode_track, japanese_clip
from audio.speech import SpeechSentence

log = logging.getLogger(__name__)

T = TypeVar("T")


class AudioWorkers:
    """A few spawned processes that voice Japanese and encode tracks, with timeouts.

    Thread-safe: several threads may submit jobs at once; jobs run first come, first served.
    Use as a context manager or call :meth:`close`.
    """

    def __init__(
        self,
        workers: int = 2,
        *,
        clip_timeout: float = 60.0,
        track_timeout: float = 600.0,
        retries: int = 1,
    ) -> None:
        if workers < 1:
            raise ValueError("AudioWorkers needs at least one worker")
        if clip_timeout <= 0 or track_timeout <= 0 or retries < 0:
            raise ValueError("timeouts must be positive and retries not negative")
        self.workers = workers
        self.clip_timeout = clip_timeout
        self.track_timeout = track_timeout
        self.retries = retries
        self._pool: ProcessPool | None = None
        self._lock = threading.Lock()
        self._closed = False
        self.replaced = 0
        """Jobs that timed out or lost their worker (each cost a worker, which was replaced)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers (killing any that are busy); the object cannot be used again."""
        with self._lock:
            self._closed = True
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.stop()  # type: ignore[no-untyped-call]  # pebble leaves it unannotated
            pool.join(timeout=10)

    def japanese_clips(self, texts: Sequence[str], speed: float = 1.0) -> list[Clip]:
        """One verified Open JTalk clip per text at ``speed``, in order, over the workers."""
        calls = [(text, speed) for text in texts]
        return self._map(japanese_clip, calls, self.clip_timeout / min(speed, 1.0))

    def encode(
        self, clips: Sequence[Clip], sentences: Sequence[SpeechSentence], language: str
    ) -> Encoded:
        """:func:`audio.render.encode_track` in a worker."""
        args = (tuple(clips), tuple(sentences), language)
        return self._map(encode_track, [args], self.track_timeout)[0]

    def _map(
        self, function: Callable[..., T], calls: Sequence[tuple[Any, ...]], timeout: float
    ) -> list[T]:
        """Run ``function(*args)`` for every call; retry lost jobs; results in call order."""
        pool = self._ensure_pool()
        futures: list[Future[T]] = [
            pool.schedule(function, args=args, timeout=timeout) for args in calls
        ]
        attempts = [1] * len(calls)
        results: list[T] = []
        try:
            for index, args in enumerate(calls):
                while True:
                    try:
                        results.append(futures[index].result())
                        break
                    except CancelledError:
                        raise SynthesisError("audio workers were closed during the job") from None
                    except (FutureTimeout, ProcessExpired) as error:
                        problem = _describe(error, timeout)
                    with self._lock:
                        self.replaced += 1
                    if attempts[index] > self.retries:
                        raise SynthesisError(
                            f"audio worker failed {attempts[index]} times: {problem}"
                        )
                    log.warning("audio worker %s; replaced, trying again", problem)
                    attempts[index] += 1
                    futures[index] = pool.schedule(function, args=args, timeout=timeout)
        finally:
            for future in futures:
                if not future.running():  # pebble kills the worker of a cancelled running job
                    future.cancel()
        return results

    def _ensure_pool(self) -> ProcessPool:
        with self._lock:
            if self._closed:
                raise SynthesisError("AudioWorkers is closed")
            if self._pool is not None and not self._pool.active:
                log.warning("audio worker pool stopped unexpectedly; starting a new one")
                self._pool = None
            if self._pool is None:
                self._pool = ProcessPool(
                    max_workers=self.workers, context=multiprocessing.get_context("spawn")
                )
            return self._pool


def _describe(error: BaseException, timeout: float) -> str:
    if isinstance(error, FutureTimeout):
        return f"gave no answer within {timeout:g} s"
    return f"died ({error})"
