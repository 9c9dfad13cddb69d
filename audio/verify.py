"""Checks that a synthesised clip really holds speech for its text.

pyttsx3 + espeak-ng sometimes writes an empty or truncated WAV and reports success, so no clip
is trusted: it must decode, be audible, and last about as long as its text takes to say.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import numpy as np

from audio.clip import Clip

DEFAULT_RATE_WPM = 200
"""pyttsx3's default espeak rate; the duration model below was measured at it."""

_MIN_SECONDS = 0.1
_MIN_PEAK = 0.01


class BadClipError(ValueError):
    """A clip failed verification; the message says why, for the retry log."""


def expected_seconds(text: str) -> float:
    """Rough speaking time of ``text`` in seconds, from its characters, for any script.

    Weights were measured on espeak-ng (200 wpm) and Open JTalk: ~0.05-0.07 s per alphabetic
    letter, ~0.2-0.3 s per Chinese character or kana, ~0.12-0.15 s per Hangul syllable, and
    digits are expanded into words.  Only the order of magnitude matters.
    """
    total = 0.0
    for char in text:
        category = unicodedata.category(char)
        if category.startswith("M"):
            continue  # combining vowel signs and tones are part of the previous letter
        if category == "Nd":
            total += 0.2
        elif category.startswith("L"):
            total += _letter_weight(char)
        else:
            total += 0.02
    return total


def _letter_weight(char: str) -> float:
    code = ord(char)
    if 0x3040 <= code <= 0x30FF or 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF:
        return 0.25  # kana and CJK ideographs: one or two syllables each
    if 0xAC00 <= code <= 0xD7AF:
        return 0.15  # Hangul syllable blocks
    return 0.06


def check_clip(clip: Clip, text: str, *, rate_wpm: int | None = None) -> None:
    """Raise :class:`BadClipError` unless ``clip`` is plausible speech for ``text``.

    ``rate_wpm`` scales the expected length when a non-default espeak rate was asked for.
    """
    samples = clip.samples
    if samples.size == 0:
        raise BadClipError("clip is empty")
    if not np.all(np.isfinite(samples)):
        raise BadClipError("clip contains NaN or infinite samples")
    peak = float(np.max(np.abs(samples)))
    if peak < _MIN_PEAK:
        raise BadClipError(f"clip is silent (peak {peak:.4f})")
    expected = expected_seconds(text) * (DEFAULT_RATE_WPM / rate_wpm if rate_wpm else 1.0)
    low = max(_MIN_SECONDS, 0.35 * expected)
    high = 3.0 * expected + 1.5
    if not low <= clip.duration <= high:
        raise BadClipError(
            f"clip lasts {clip.duration:.2f} s, expected {low:.2f}-{high:.2f} s "
            f"for {len(text)} characters"
        )


def load_wav(path: Path) -> Clip:
    """Decode a mono WAV written by an engine; raise :class:`BadClipError` if it is unusable."""
    import soundfile

    if not path.exists():
        raise BadClipError(f"{path.name} was not written")
    if path.stat().st_size <= 44:
        raise BadClipError(f"{path.name} has no audio data ({path.stat().st_size} bytes)")
    try:
        data, sample_rate = soundfile.read(path, dtype="float32", always_2d=True)
    except RuntimeError as error:  # soundfile.LibsndfileError is a RuntimeError
        raise BadClipError(f"{path.name} does not decode: {error}") from error
    mono = np.ascontiguousarray(data.mean(axis=1, dtype=np.float32))
    return Clip(mono, int(sample_rate))
