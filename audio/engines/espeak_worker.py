"""espeak-ng speech through pyttsx3, in a small pool of isolated ``spawn`` worker processes.

pyttsx3 initialises libespeak-ng once per process, is not fork-safe (a fork after use
deadlocks) and now and then writes an empty WAV while reporting success.  So synthesis never
runs in the caller's process: each worker is started with the ``spawn`` context, makes one clip
per job, and the pool verifies every file, retries a bad clip (up to ``retries`` times), kills
a worker that does not answer within ``timeout`` and starts a new one.  A clip that still cannot
be made raises :class:`SynthesisError`; the pool never returns silence.

Measured here (espeak-ng 1.51, two workers on two cores): while workers set the rate with
``setProperty("rate")`` before each clip, about one clip in ten came back as a 44-byte WAV,
because espeak-ng applies parameters through its asynchronous queue and that races with the
utterance.  With the rate embedded in the text instead (see ``espeak_child``), 0 bad clips in
several thousand.  Verification and retries stay: the race is in C code we do not control.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import multiprocessing
import shutil
import tempfile
import threading
import time
import weakref
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import SpawnContext, SpawnProcess
from pathlib import Path
from types import TracebackType
from typing import Self

from audio.clip import Clip
from audio.engines.espeak_child import Done, Failed, Job, serve
from audio.errors import SynthesisError
from audio.verify import BadClipError, check_clip, load_wav

log = logging.getLogger(__name__)

MIN_RATE_WPM = 80
MAX_RATE_WPM = 450
"""espeak-ng's usable speed range in words per minute."""
_STOP_GRACE_SECONDS = 2.0
_BAD_STREAK_LIMIT = 2
"""Bad clips in a row after which a worker is replaced rather than asked again."""


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
    workers_started: int = 0


@dataclass
class _Counters:
    clips: int = 0
    attempts: int = 0
    bad_clips: int = 0
    failures: int = 0
    timeouts: int = 0
    crashes: int = 0
    workers_started: int = 0

    def snapshot(self) -> PoolStats:
        return PoolStats(**vars(self))


class _Worker:
    """One spawned process and the parent's end of its pipe."""

    def __init__(self, context: SpawnContext, number: int) -> None:
        parent_end, child_end = context.Pipe(duplex=True)
        self.process: SpawnProcess = context.Process(
            target=serve, args=(child_end,), name=f"kakehashi-espeak-{number}", daemon=True
        )
        self.process.start()
        child_end.close()
        self.conn: Connection = parent_end
        self.bad_streak = 0

    def stop(self) -> None:
        """Ask the worker to exit; kill it if it does not."""
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(_STOP_GRACE_SECONDS)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(_STOP_GRACE_SECONDS)
        self.conn.close()


@dataclass
class _Task:
    index: int
    text: str
    problems: list[str] = field(default_factory=list)


class EspeakPool:
    """A few spawned pyttsx3 workers that turn texts into verified clips, in order.

    Use as a context manager (or call :meth:`close`).  One pool serves one call at a time;
    concurrent callers are serialised.  Workers start lazily and are reused across calls,
    because starting one costs a Python interpreter and an espeak initialisation.
    """

    def __init__(self, workers: int = 2, timeout: float = 30.0, *, retries: int = 3) -> None:
        if workers < 1:
            raise ValueError("an EspeakPool needs at least one worker")
        if timeout <= 0 or retries < 0:
            raise ValueError("timeout must be positive and retries not negative")
        self.workers = workers
        self.timeout = timeout
        self.retries = retries
        self._context = multiprocessing.get_context("spawn")
        self._idle: list[_Worker] = []
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self._job_ids = itertools.count()
        self._counters = _Counters()
        self._directory: Path | None = None
        self._closed = False
        self._finalizer: weakref.finalize[[list[_Worker], Path], EspeakPool] | None = None

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
    def worker_pids(self) -> tuple[int, ...]:
        """Process ids of the live workers (for monitoring and tests)."""
        return tuple(w.process.pid for w in self._all if w.process.pid is not None)

    @property
    def stats(self) -> PoolStats:
        """A snapshot of the counters, for logs and benchmarks."""
        return self._counters.snapshot()

    def close(self) -> None:
        """Stop every worker and delete the scratch folder; the pool cannot be used again."""
        with self._lock:
            self._closed = True
            if self._finalizer is not None:
                self._finalizer()

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
        with self._lock:
            if self._closed:
                raise SynthesisError("the EspeakPool is closed")
            return self._run(texts, voice_id, rate)

    def _run(self, texts: Sequence[str], voice_id: str, rate: int | None) -> list[Clip]:
        directory = self._ensure_directory()
        pending = deque(_Task(index, text) for index, text in enumerate(texts))
        results: list[Clip | None] = [None] * len(texts)
        busy: dict[_Worker, tuple[_Task, Job, float]] = {}
        try:
            while pending or busy:
                while pending and (self._idle or len(self._all) < self.workers):
                    worker = self._idle.pop() if self._idle else self._spawn()
                    task = pending.popleft()
                    job_id = next(self._job_ids)
                    path = str(directory / f"{job_id}.wav")
                    job = Job(job_id, task.text, voice_id, rate, path)
                    self._counters.attempts += 1
                    try:
                        worker.conn.send(job)
                    except OSError as error:
                        self._retire(worker, crashed=True)
                        self._retry(task, pending, voice_id, f"worker pipe broken: {error}")
                        continue
                    busy[worker] = (task, job, time.monotonic() + self.timeout)
                self._collect(busy, pending, results, voice_id, rate)
        finally:
            for worker in list(busy):
                self._retire(worker, crashed=True)  # still working on an abandoned job
        clips = [clip for clip in results if clip is not None]
        assert len(clips) == len(texts)
        return clips

    def _collect(
        self,
        busy: dict[_Worker, tuple[_Task, Job, float]],
        pending: deque[_Task],
        results: list[Clip | None],
        voice_id: str,
        rate: int | None,
    ) -> None:
        """Wait for the next answer or deadline and handle everything that is ready."""
        now = time.monotonic()
        soonest = min(deadline for _, _, deadline in busy.values())
        handles: list[Connection | int] = [w.conn for w in busy]
        handles += [w.process.sentinel for w in busy]
        wait(handles, timeout=max(0.0, soonest - now))
        now = time.monotonic()
        for worker, (task, job, deadline) in list(busy.items()):
            if worker.conn.poll():
                try:
                    answer = worker.conn.recv()
                except (EOFError, OSError):
                    answer = None
                if answer is None:
                    del busy[worker]
                    self._counters.crashes += 1
                    self._retire(worker, crashed=True)
                    self._retry(task, pending, voice_id, "worker died")
                    continue
                if answer.job_id != job.job_id:
                    continue  # a stale answer; keep waiting for this job
                del busy[worker]
                self._handle(worker, task, answer, pending, results, voice_id, rate)
            elif not worker.process.is_alive():
                del busy[worker]
                self._counters.crashes += 1
                self._retire(worker, crashed=True)
                self._retry(task, pending, voice_id, "worker died")
            elif now >= deadline:
                del busy[worker]
                self._counters.timeouts += 1
                log.warning(
                    "espeak worker %s timed out after %.1f s; replacing it",
                    worker.process.name,
                    self.timeout,
                )
                self._retire(worker, crashed=True)
                self._retry(task, pending, voice_id, f"no answer within {self.timeout:g} s")

    def _handle(
        self,
        worker: _Worker,
        task: _Task,
        answer: Done | Failed,
        pending: deque[_Task],
        results: list[Clip | None],
        voice_id: str,
        rate: int | None,
    ) -> None:
        if isinstance(answer, Failed):
            self._counters.failures += 1
            self._idle.append(worker)
            self._retry(task, pending, voice_id, answer.message)
            return
        path = Path(answer.path)
        try:
            clip = load_wav(path)
            check_clip(clip, task.text, rate_wpm=rate)
        except BadClipError as error:
            self._counters.bad_clips += 1
            worker.bad_streak += 1
            log.info("espeak produced a bad clip (%s); retrying", error)
            if worker.bad_streak >= _BAD_STREAK_LIMIT:
                self._retire(worker, crashed=False)  # a wedged engine: start afresh
            else:
                self._idle.append(worker)
            self._retry(task, pending, voice_id, str(error))
            return
        finally:
            path.unlink(missing_ok=True)
        worker.bad_streak = 0
        self._idle.append(worker)
        self._counters.clips += 1
        results[task.index] = clip

    def _retry(self, task: _Task, pending: deque[_Task], voice_id: str, problem: str) -> None:
        task.problems.append(problem)
        if len(task.problems) > self.retries:
            raise SynthesisError(
                f"espeak voice {voice_id!r} could not voice sentence {task.index + 1} "
                f"({task.text[:40]!r}) in {len(task.problems)} attempts: "
                + "; ".join(dict.fromkeys(task.problems))
            )
        pending.appendleft(task)

    def _spawn(self) -> _Worker:
        self._counters.workers_started += 1
        worker = _Worker(self._context, self._counters.workers_started)
        self._all.append(worker)
        return worker

    def _retire(self, worker: _Worker, *, crashed: bool) -> None:
        if worker in self._all:
            self._all.remove(worker)
        if worker in self._idle:
            self._idle.remove(worker)
        if crashed:
            worker.kill()
        else:
            worker.stop()

    def _ensure_directory(self) -> Path:
        if self._directory is None:
            self._directory = Path(tempfile.mkdtemp(prefix="kakehashi-espeak-"))
            self._finalizer = weakref.finalize(self, _shutdown, self._all, self._directory)
        return self._directory


def _shutdown(workers: list[_Worker], directory: Path) -> None:
    """Stop workers and remove scratch files; also runs if a pool is garbage-collected."""
    for worker in list(workers):
        worker.stop()
    workers.clear()
    shutil.rmtree(directory, ignore_errors=True)
