"""Japanese speech with Open JTalk (pyopenjtalk-plus), in process.

espeak-ng reads every kanji as "Chinese letter", so Japanese never goes to pyttsx3.
pyopenjtalk-plus bundles its dictionary and an HTS voice, works offline and guards its global
engine with locks, so it is safe to call from several threads.  It is imported lazily: the
import loads the dictionary (~0.3 s).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from audio.clip import Clip
from audio.errors import SynthesisError


def synthesize_japanese(text: str, speed: float = 1.0) -> Clip:
    """Speak ``text`` with the bundled voice at ``speed`` (1.0 normal, 0.85 a little slower);
    samples come back at 48 kHz on the int16 scale."""
    import pyopenjtalk

    try:
        with _quiet_sudachi():
            wave, sample_rate = pyopenjtalk.tts(text, speed=speed)
    except Exception as error:  # the C engine reports failures as assorted exceptions
        raise SynthesisError(f"Open JTalk failed on {text[:40]!r}: {error}") from error
    if len(wave) == 0:
        raise SynthesisError(f"Open JTalk produced no audio for {text[:40]!r}")
    return Clip.from_pcm16_scale(wave, int(sample_rate))


@contextmanager
def _quiet_sudachi() -> Iterator[None]:
    """Silence SudachiPy's ``Dictionary.create() is deprecated`` raised inside pyopenjtalk.

    It is pyopenjtalk-plus's call, not ours, and it fires in every new thread; where warnings
    are errors (the test suite) it would abort synthesis.  The filter is narrow: that message
    only.  (``catch_warnings`` is not thread-safe; the worst case leaves this one harmless
    ignore rule installed.)
    """
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message=r"Dictionary\.create\(\) is deprecated", category=DeprecationWarning
        )
        yield
