"""espeak-ng speech through pyttsx3, in a small pool of isolated ``spawn`` worker processes.

pyttsx3 initialises libespeak-ng once per process, is not fork-safe (a fork after use
deadlocks) and now and then writes an empty WAV while reporting success.  So synthesis never
runs in the caller's process: the workers are a ``pebble`` process pool started with the
``spawn`` context, each makes its engine once (the pool's initialiser) and one clip per job, and
verifies it (see ``espeak_child``).  The pool retries a bad clip or a failed job (up to
``retries`` times); pebble kills a worker that does not answer within ``timeout`` and replaces
it, and replaces a worker that dies, including one that retired itself after bad clips in a
row.  A clip that still cannot be made raises :class:`SynthesisError`; the pool never returns
silence.

Why pebble, as for :class:`audio.workers.AudioWorkers`: pyttsx3 needs one engine per process,
made once, a fresh (spawned) process, and one utterance at a time; a pebble initialiser, the
``spawn`` context and one job per clip give exactly that, and pebble already kills hung workers
and replaces dead ones.  This pool used to be hand-made only to replace a worker after bad clips
in a row, which pebble cannot do from outside (it names no worker); the worker now verifies its
own clips and exits with ``RETIRED_EXIT_CODE``, and pebble replaces it like any dead worker.

Measured here (espeak-ng 1.51, two workers on two cores): while workers set the rate with
``setProperty("rate")`` before each clip, about one clip in ten came back as a 44-byte WAV,
because espeak-ng applies parameters through its asynchronous queue and that races with the
utterance.  With the rate embedded in the text instead (see ``espeak_child``), 0 bad clips in
several thousand.  Verification and retries stay: the race is in C code we do not control.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import shutil
import tempfile
import threading
import weakref
from collections.abc import Sequence
from concurrent.futures import FIRST_COMPLETED, CancelledError, Future, wait
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Self

from pebble import ProcessExpired, ProcessPool

from audio.clip import Clip
from audio.engines.espeak_child import RETIRED_EXIT_CODE, Failed, Job, speak, start
from audio.errors import SynthesisError

log = logging.getLogger(__name__)

MIN_RATE_WPM = 80
MAX_RATE_WPM = 450
"""espeak-ng's usable speed range in words per minute."""


@dataclass(frozen=True)
class PoolStats:
    """What the pool had to do so far: how often espeak/pyttsx3 misbehaved and was handled."""

    clips: int = 0
    """Verified clips handed back."""
    attempts: int = 0
    """Jobs sent to workers (clips + retries)."""
    bad_clips: int = 0
    """Files that were missing, empty, silent or implausibly short/long."""
    failures: int = 0
    """Jobs a worker reported as failed (engine error, voice not set)."""
    timeouts: int = 0
    """Workers killed because a job took longer than ``timeout``."""
    crashes: int = 0
    """Workers that died on their own."""
    retired: int = 0
    """Workers that exited after bad clips in a row, to be replaced by fresh ones."""


@dataclass
class _Task:
    index: int
    text: str
    problems: list[str] = field(default_factory=list)


class EspeakPool:
    """A few spawned pyttsx3 workers that turn texts into verified clips, in order.

    Use as a context manager (or call :meth:`close`).  Thread-safe: concurrent callers share
    the workers, first come, first served.  Workers start on first use and are reused across
    calls, because starting one costs a Python interpreter and an espeak initialisation.
    """

    def __init__(self, workers: int = 2, timeout: float = 30.0, *, retries: int = 3) -> None:
        if workers < 1:
            raise ValueError("an EspeakPool needs at least one worker")
        if timeout <= 0 or retries < 0:
            raise ValueError("timeout must be positive and retries not negative")
        self.workers = workers
        self.timeout = timeout
        self.retries = retries
        self._pool: ProcessPool | None = None
        self._lock = threading.Lock()
        self._job_ids = itertools.count()
        self._stats = PoolStats()
        self._directory: Path | None = None
        self._closed = False
        self._finalizer: weakref.finalize[[list[ProcessPool], Path], EspeakPool] | None = None
        self._pools: list[ProcessPool] = []
        """The live pebble pool, if any (a list, so that the finalizer sees replacements)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def stats(self) -> PoolStats:
        """A snapshot of the counters, for logs and benchmarks."""
        return self._stats

    def close(self) -> None:
        """Stop every worker and delete the scratch folder; the pool cannot be used again."""
        with self._lock:
            self._closed = True
            self._pool = None
            finalizer = self._finalizer
        if finalizer is not None:
            finalizer()

    def synthesize(
        self, texts: Sequence[str], voice_id: str, rate: int | None = None
    ) -> list[Clip]:
        """One verified clip per text, in the order of ``texts``.

        ``voice_id`` is a pyttsx3 espeak voice id (``gmw/en-us``); ``rate`` is in words per
        minute (espeak's default 200 when ``None``).  Raises :class:`SynthesisError` if a text
        cannot be voiced in ``1 + retries`` attempts.
        """
        if rate is not None and not MIN_RATE_WPM <= rate <= MAX_RATE_WPM:
            raise ValueError(f"rate must be {MIN_RATE_WPM}-{MAX_RATE_WPM} wpm, got {rate}")
        if not texts:
            return []
        results: list[Clip | None] = [None] * len(texts)
        running: dict[Future[Clip | Failed], _Task] = {}
        try:
            for index, text in enumerate(texts):
                task = _Task(index, text)
                running[self._schedule(task, voice_id, rate)] = task
            while running:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    task = running.pop(future)
                    clip = self._outcome(future, task, voice_id)
                    if clip is not None:
                        results[task.index] = clip
                    else:
                        running[self._schedule(task, voice_id, rate)] = task
        finally:
            for future in running:
                if not future.running():  # pebble kills the worker of a cancelled running job
                    future.cancel()
        clips = [clip for clip in results if clip is not None]
        assert len(clips) == len(texts)
        return clips

    def _schedule(self, task: _Task, voice_id: str, rate: int | None) -> Future[Clip | Failed]:
        pool, directory = self._ensure_pool()
        job = Job(task.text, voice_id, rate, str(directory / f"{next(self._job_ids)}.wav"))
        self._count(attempts=1)
        return pool.schedule(speak, args=(job,), timeout=self.timeout)

    def _outcome(self, future: Future[Clip | Failed], task: _Task, voice_id: str) -> Clip | None:
        """The clip, or ``None`` after recording why there is none (raises when out of tries)."""
        try:
            answer = future.result()
        except CancelledError:
            raise SynthesisError("the EspeakPool was closed during the job") from None
        except FutureTimeout:
            self._count(timeouts=1)
            log.warning("espeak worker timed out after %.1f s; replacing it", self.timeout)
            problem = f"no answer within {self.timeout:g} s"
        except ProcessExpired as error:
            if error.exitcode == RETIRED_EXIT_CODE:
                self._count(bad_clips=1, retired=1)
                problem = "bad clips in a row; worker replaced"
            else:
                self._count(crashes=1)
                problem = f"worker died ({error})"
        except BrokenProcessPool as error:  # every worker died at once: start a new pool
            self._count(crashes=1)
            problem = f"workers died ({error})"
        else:
            if isinstance(answer, Clip):
                self._count(clips=1)
                return answer
            if answer.bad_clip:
                self._count(bad_clips=1)
                log.info("espeak produced a bad clip (%s); retrying", answer.message)
            else:
                self._count(failures=1)
            problem = answer.message
        task.problems.append(problem)
        if len(task.problems) > self.retries:
            raise SynthesisError(
                f"espeak voice {voice_id!r} could not voice sentence {task.index + 1} "
                f"({task.text[:40]!r}) in {len(task.problems)} attempts: "
                + "; ".join(dict.fromkeys(task.problems))
            )
        return None

    def _count(self, **increments: int) -> None:
        with self._lock:
            values = vars(self._stats) | {
                name: getattr(self._stats, name) + step for name, step in increments.items()
            }
            self._stats = PoolStats(**values)

    def _ensure_pool(self) -> tuple[ProcessPool, Path]:
        with self._lock:
            if self._closed:
                raise SynthesisError("the EspeakPool is closed")
            if self._directory is None:
                self._directory = Path(tempfile.mkdtemp(prefix="kakehashi-espeak-"))
                self._finalizer = weakref.finalize(self, _shutdown, self._pools, self._directory)
            if self._pool is not None and not self._pool.active:
                log.warning("espeak worker pool stopped unexpectedly; starting a new one")
                self._pools.remove(self._pool)
                _stop(self._pool)
                self._pool = None
            if self._pool is None:
                self._pool = ProcessPool(
                    max_workers=self.workers,
                    initializer=start,
                    context=multiprocessing.get_context("spawn"),
                )
                self._pools.append(self._pool)
            return self._pool, self._directory


def _stop(pool: ProcessPool) -> None:
    pool.stop()  # type: ignore[no-untyped-call]  # pebble leaves it unannotated
    pool.join(timeout=10)


def _shutdown(pools: list[ProcessPool], directory: Path) -> None:
    """Stop workers and remove scratch files; also runs if a pool is garbage-collected."""
    for pool in list(pools):
        _stop(pool)
    pools.clear()
    shutil.rmtree(directory, ignore_errors=True)
