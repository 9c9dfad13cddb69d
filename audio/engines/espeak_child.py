"""The loop that runs inside one espeak worker process (never in the publisher's process).

pyttsx3's espeak driver initialises libespeak-ng once per process and is not fork-safe, and it
has races: two ``save_to_file`` calls before one ``runAndWait`` write only the last file, and
``runAndWait`` returns as soon as espeak *starts* (synthesis runs on espeak's own thread in
retrieval mode), so the file may not exist yet.  Property changes are queued and applied only
inside ``runAndWait``, and the rate is only applied reliably as an embedded command.  So each
worker does exactly one ``save_to_file`` + ``runAndWait`` per job, waits for pyttsx3's
``finished-utterance`` notification (sent after the WAV is written), checks that the voice
really changed, and reports the path; the parent verifies the audio.  This module imports
nothing heavy at module level because the parent imports it too.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from audio.verify import DEFAULT_RATE_WPM

HANG_ONCE_ENV = "KAKEHASHI_TEST_ESPEAK_HANG_ONCE"
"""Test hook: when set to a file path, the first worker that manages to delete that file hangs.

Deleting is atomic, so exactly one job hangs, once; without the variable nothing changes.
"""

_FINISH_WAIT_SECONDS = 20.0
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Job:
    """One clip to synthesise into ``path``."""

    job_id: int
    text: str
    voice_id: str
    rate: int | None
    path: str


@dataclass(frozen=True)
class Done:
    """The worker believes ``path`` holds the clip; the parent still verifies it."""

    job_id: int
    path: str


@dataclass(frozen=True)
class Failed:
    """The worker could not even try (unknown voice, engine error)."""

    job_id: int
    message: str


def serve(conn: Connection) -> None:
    """Worker entry point: answer :class:`Job` messages until ``None`` or a closed pipe."""
    # pyttsx3 prints "Audio saved to ..." for every file; keep the parent's stdout clean.
    sys.stdout = Path(os.devnull).open("w")  # noqa: SIM115 - lives as long as the worker
    import pyttsx3

    engine = pyttsx3.init("espeak")
    finished = threading.Event()
    engine.connect("finished-utterance", lambda **_: finished.set())
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        conn.send(_run(engine, finished, job))


def _run(engine: Any, finished: threading.Event, job: Job) -> Done | Failed:
    try:
        _maybe_hang_for_test()
        path = Path(job.path)
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        finished.clear()
        engine.setProperty("voice", job.voice_id)
        engine.save_to_file(_with_rate(job.text, job.rate), job.path)
        engine.runAndWait()
        if not finished.wait(_FINISH_WAIT_SECONDS):
            return Failed(job.job_id, "espeak never reported the end of the utterance")
        current = engine.getProperty("voice")
        if current != job.voice_id:
            # pyttsx3 silently keeps the previous voice when a name is unknown.
            return Failed(job.job_id, f"espeak voice {job.voice_id!r} not set (got {current!r})")
    except Exception as error:  # report, don't die: the parent decides about retries
        return Failed(job.job_id, f"{type(error).__name__}: {error}")
    return Done(job.job_id, job.path)


def _with_rate(text: str, rate: int | None) -> str:
    """Prefix espeak's embedded speed command (Ctrl-A, value, ``S``) to the text.

    ``setProperty("rate")`` is unreliable here: espeak-ng applies it through its asynchronous
    command queue, and measured on 1.51 a change is sometimes ignored for the next one or two
    utterances, and setting it before each clip made about one clip in ten come out empty
    (reading it back right after init even says 175).  The embedded command is part of the
    utterance itself, so every clip gets exactly its rate and nothing races.  Control characters in
    the text are replaced so that they cannot smuggle in other embedded commands.
    """
    clean = _CONTROL.sub(" ", text)
    return f"\x01{rate if rate is not None else DEFAULT_RATE_WPM}S{clean}"


def _maybe_hang_for_test() -> None:
    token = os.environ.get(HANG_ONCE_ENV)
    if not token:
        return
    try:
        Path(token).unlink()
    except FileNotFoundError:
        return
    while True:
        time.sleep(60)
