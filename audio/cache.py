"""A folder of verified clips, so that re-publishing a bulletin re-voices only what changed.

Clips are keyed by what determines their sound: text, language, engine, voice, speed and the
engine's version (an upgrade re-voices everything).  Writes are atomic (temp file +
``os.replace``) so a crash or a concurrent publisher never leaves a half-written clip that a
later run would trust.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import subprocess
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path

from audio.clip import Clip
from audio.voices import Voice


def clip_key(text: str, voice: Voice, version: str | None = None) -> str:
    """sha256 over (text, language, engine, voice_id, speed, engine version), as 64 hex digits.

    The speed is part of the key so that a slow clip (easy Japanese) never stands in for a
    normal one, or the other way round.
    """
    fields = [
        text,
        voice.language,
        voice.engine,
        voice.voice_id,
        voice.speed,
        engine_version(voice) if version is None else version,
    ]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


def engine_version(voice: Voice) -> str:
    """The versions that shape a voice's sound: the Python package and, for espeak, the C one."""
    if voice.engine == "openjtalk":
        return _package_version("pyopenjtalk-plus")
    return f"{_package_version('pyttsx3')}; {_espeak_version()}"


def _package_version(name: str) -> str:
    try:
        return f"{name} {metadata.version(name)}"
    except metadata.PackageNotFoundError:
        return f"{name} (not installed)"


@cache
def _espeak_version() -> str:
    """First line of ``espeak-ng --version`` (the library pyttsx3 loads comes from the same
    Debian package), without the data path, which differs between machines."""
    try:
        done = subprocess.run(
            ["espeak-ng", "--version"], capture_output=True, text=True, timeout=10, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return "espeak-ng unknown"
    first = done.stdout.strip().splitlines()[0] if done.stdout.strip() else "unknown"
    return first.split("  Data at:")[0].strip()


class ClipCache:
    """Verified clips as ``<key[:2]>/<key>.wav`` files (16-bit PCM at the clip's own rate)."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def path(self, key: str) -> Path:
        if len(key) != 64 or any(c not in "0123456789abcdef" for c in key):
            raise ValueError(f"not a clip key: {key!r}")
        return self.directory / key[:2] / f"{key}.wav"

    def get(self, key: str) -> Clip | None:
        """The cached clip, or ``None``; an unreadable file counts as a miss and is removed."""
        import soundfile

        path = self.path(key)
        if not path.is_file():
            return None
        try:
            data, sample_rate = soundfile.read(path, dtype="float32", always_2d=False)
        except RuntimeError:  # truncated or foreign file: never trust it
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        if data.ndim != 1 or data.size == 0:
            return None
        return Clip(data, int(sample_rate))

    def put(self, key: str, clip: Clip) -> None:
        """Store ``clip`` atomically; an existing entry is replaced."""
        import soundfile

        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".wav.tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                soundfile.write(
                    file, clip.samples, clip.sample_rate, format="WAV", subtype="PCM_16"
                )
            Path(temporary).replace(path)  # atomic: readers see the old or the new file
        except BaseException:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()
            raise
