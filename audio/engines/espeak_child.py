"""What runs inside one espeak worker process (never in the publisher's process).

pyttsx3's espeak driver initialises libespeak-ng once per process and is not fork-safe, and it
has races: two ``save_to_file`` calls before one ``runAndWait`` write only the last file, and
``runAndWait`` returns as soon as espeak *starts* (synthesis runs on espeak's own thread in
retrieval mode), so the file may not exist yet.  Property changes are queued and applied only
inside ``runAndWait``, and the rate is only applied reliably as an embedded command.  So
:func:`start` makes the engine once per worker, and :func:`speak` does exactly one
``save_to_file`` + ``runAndWait`` per clip, waits for pyttsx3's ``finished-utterance``
notification (sent after the WAV is written), checks that the voice really changed, and
verifies the audio before handing it back.  A worker whose engine made
:data:`BAD_STREAK_LIMIT` bad clips in a row exits with :data:`RETIRED_EXIT_CODE`, so that a
wedged engine is replaced by a fresh process.  This module imports nothing heavy at module
level because the parent imports it too.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audio.clip import Clip
from audio.verify import DEFAULT_RATE_WPM, BadClipError, check_clip, load_wav

BAD_STREAK_LIMIT = 2
"""Bad clips in a row after which a worker exits rather than trying again."""
RETIRED_EXIT_CODE = 75
"""A worker that exits with this code retired itself after too many bad clips in a row."""

_FINISH_WAIT_SECONDS = 20.0
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Job:
    """One clip to synthesise, through the scratch file ``path``."""

    text: str
    voice_id: str
    rate: int | None
    path: str


@dataclass(frozen=True)
class Failed:
    """No clip: the engine failed (unknown voice, error) or made a bad clip (``bad_clip``)."""

    message: str
    bad_clip: bool = False


@dataclass
class _Engine:
    engine: Any
    finished: threading.Event
    bad_streak: int = 0


_engine: _Engine | None = None


def start() -> None:
    """Worker initialiser: make this process's one pyttsx3 engine."""
    global _engine
    # pyttsx3 prints "Audio saved to ..." for every file; keep the parent's stdout clean.
    sys.stdout = Path(os.devnull).open("w")  # noqa: SIM115 - lives as long as the worker
    import pyttsx3

    engine = pyttsx3.init("espeak")
    finished = threading.Event()
    engine.connect("finished-utterance", lambda **_: finished.set())
    _engine = _Engine(engine, finished)


def speak(job: Job) -> Clip | Failed:
    """One verified clip for ``job``, or why not; runs in a worker after :func:`start`."""
    assert _engine is not None, "espeak_child.start() runs first in every worker"
    path = Path(job.path)
    try:
        problem = _synthesise(_engine, job)
        if problem is not None:
            return Failed(problem)
        clip = load_wav(path)
        check_clip(clip, job.text, rate_wpm=job.rate)
    except BadClipError as error:
        _engine.bad_streak += 1
        if _engine.bad_streak >= BAD_STREAK_LIMIT:
            path.unlink(missing_ok=True)
            os._exit(RETIRED_EXIT_CODE)  # a wedged engine: the pool starts a fresh worker
        return Failed(str(error), bad_clip=True)
    finally:
        path.unlink(missing_ok=True)
    _engine.bad_streak = 0
    return clip


def _synthesise(state: _Engine, job: Job) -> str | None:
    """Write the clip to ``job.path``; the reason when the engine could not even try."""
    engine, finished = state.engine, state.finished
    try:
        with contextlib.suppress(FileNotFoundError):
            Path(job.path).unlink()
        finished.clear()
        engine.setProperty("voice", job.voice_id)
        engine.save_to_file(_with_rate(job.text, job.rate), job.path)
        engine.runAndWait()
        if not finished.wait(_FINISH_WAIT_SECONDS):
            return "espeak never reported the end of the utterance"
        current = engine.getProperty("voice")
        if current != job.voice_id:
            # pyttsx3 silently keeps the previous voice when a name is unknown.
            return f"espeak voice {job.voice_id!r} not set (got {current!r})"
    except Exception as error:  # report, don't die: the parent decides about retries
        return f"{type(error).__name__}: {error}"
    return None


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
