"""Which voice reads which Kakehashi language, and which of those voices this machine has.

Japanese is read by Open JTalk (espeak-ng reads kanji as "Chinese letter"); the other languages
by espeak-ng through pyttsx3.  espeak-ng has no Tagalog voice, so ``tl`` has no default: a
deployment may name a substitute explicitly, and the voice then says whom it stands in for so
that the page can announce it.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Literal

Engine = Literal["openjtalk", "pyttsx3"]


@dataclass(frozen=True)
class Voice:
    """One installed-or-expected voice, identified the way its engine wants it."""

    language: str
    """The language the voice speaks (a Kakehashi code)."""
    engine: Engine
    voice_id: str
    """pyttsx3/espeak-ng voice identifier (e.g. ``roa/pt-br``); ``default`` for Open JTalk."""
    label: str
    substitute_for: str | None = None
    """Set when this voice reads text of another language, which has no voice of its own."""
    speed: float = 1.0
    """Speaking rate (1.0 normal, below 1 slower); Open JTalk only, espeak-ng voices keep 1.0."""

    def __post_init__(self) -> None:
        if not 0.5 <= self.speed <= 2.0:
            raise ValueError(f"voice speed must be 0.5-2.0, got {self.speed}")
        if self.engine != "openjtalk" and self.speed != 1.0:
            raise ValueError(f"{self.label}: only Open JTalk voices take a speed")


def slower(voice: Voice, speed: float) -> Voice:
    """The same voice at another speaking rate (labelled so), e.g. for easy Japanese."""
    return dataclasses.replace(voice, speed=speed, label=f"{voice.label}, {speed:g}×")


def _espeak(language: str, voice_id: str, label: str) -> Voice:
    return Voice(language, "pyttsx3", voice_id, f"{label} (eSpeak NG)")


DEFAULT_VOICES: Mapping[str, Voice] = MappingProxyType(
    {
        "ja": Voice("ja", "openjtalk", "default", "日本語 (Open JTalk, mei)"),
        "en": _espeak("en", "gmw/en-us", "English (America)"),
        "pt": _espeak("pt", "roa/pt-br", "Português (Brasil)"),
        "es": _espeak("es", "roa/es-419", "Español (Latinoamérica)"),
        "vi": _espeak("vi", "aav/vi", "Tiếng Việt (Bắc)"),
        "zh": _espeak("zh", "sit/cmn", "中文 (普通话)"),
        # Mandarin, not Cantonese: most Traditional Chinese readers in Japan are from Taiwan,
        # and espeak-ng's Mandarin voice reads traditional characters too.
        "zh-Hant": _espeak("zh-Hant", "sit/cmn", "中文 (國語)"),
        "ko": _espeak("ko", "ko", "한국어"),
        "id": _espeak("id", "poz/id", "Bahasa Indonesia"),
        "ne": _espeak("ne", "inc/ne", "नेपाली"),
        "th": _espeak("th", "tai/th", "ไทย"),
        "my": _espeak("my", "sit/my", "မြန်မာ"),
    }
)
"""The voice for each language Kakehashi publishes; ``tl`` (Filipino) is deliberately absent."""

_NO_FALLBACKS: Mapping[str, str] = MappingProxyType({})


def resolve_voice(
    language: str,
    *,
    fallbacks: Mapping[str, str] = _NO_FALLBACKS,
    installed_only: bool = False,
) -> Voice | None:
    """The voice that reads ``language``, a configured substitute, or ``None`` for no audio.

    ``fallbacks`` maps a language to the language whose voice stands in for it
    (``{"tl": "en"}``); it is used only when the language has no voice of its own (or, with
    ``installed_only``, when that voice is missing on this machine).  A fallback that names an
    unknown language is a configuration error and raises :class:`ValueError`.
    """
    known = available_voices() if installed_only else DEFAULT_VOICES
    own = known.get(language)
    if own is not None:
        return own
    target = fallbacks.get(language)
    if target is None:
        return None
    if target not in DEFAULT_VOICES:
        raise ValueError(f"voice fallback {language}={target}: no voice for {target!r}")
    base = known.get(target)
    if base is None:
        return None
    return dataclasses.replace(base, substitute_for=language)


def available_voices() -> dict[str, Voice]:
    """The default voices that really work on this machine, probed once per process."""
    espeak_ids, has_openjtalk = _probe_installed()
    return {
        language: voice
        for language, voice in DEFAULT_VOICES.items()
        if (has_openjtalk if voice.engine == "openjtalk" else voice.voice_id in espeak_ids)
    }


# Runs in a child interpreter: pyttsx3/espeak must never be initialised in the parent, whose
# later forks (uvicorn, huey workers) would deadlock.
_LIST_ESPEAK_VOICES = """
import contextlib, json, sys
with contextlib.redirect_stdout(sys.stderr):
    import pyttsx3
    engine = pyttsx3.init("espeak")
    ids = [voice.id for voice in engine.getProperty("voices")]
print(json.dumps(ids))
"""


@cache
def _probe_installed() -> tuple[frozenset[str], bool]:
    return frozenset(_espeak_voice_ids()), _openjtalk_importable()


def _espeak_voice_ids() -> list[str]:
    try:
        done = subprocess.run(
            [sys.executable, "-c", _LIST_ESPEAK_VOICES],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        ids = json.loads(done.stdout)
    except (OSError, subprocess.SubprocessError, ValueError):
        return []
    return [str(voice_id) for voice_id in ids]


def _openjtalk_importable() -> bool:
    try:
        import pyopenjtalk  # noqa: F401
    except ImportError:
        return False
    return True
