import wave
from pathlib import Path

import numpy as np
import pytest

from audio.clip import Clip
from audio.verify import BadClipError, check_clip, expected_seconds, load_wav


def _tone(seconds: float, rate: int = 22_050, level: float = 0.3) -> Clip:
    t = np.arange(round(seconds * rate)) / rate
    return Clip((level * np.sin(2 * np.pi * 220 * t)).astype(np.float32), rate)


def test_plausible_clip_passes():
    text = "Please bring drinks and a flashlight."
    check_clip(_tone(expected_seconds(text)), text)


@pytest.mark.parametrize(
    ("clip", "reason"),
    [
        (Clip(np.zeros(0, dtype=np.float32), 22_050), "empty"),
        (Clip(np.zeros(22_050, dtype=np.float32), 22_050), "silent"),
        (_tone(0.05), "lasts"),
        (_tone(60.0), "lasts"),
    ],
)
def test_bad_clips_are_rejected_with_a_reason(clip, reason):
    with pytest.raises(BadClipError, match=reason):
        check_clip(clip, "Please bring drinks and a flashlight.")


def test_slower_rate_allows_longer_clips():
    text = "Stay away from rivers."
    long_clip = _tone(3 * expected_seconds(text) + 2)
    with pytest.raises(BadClipError):
        check_clip(long_clip, text)
    check_clip(long_clip, text, rate_wpm=80)


def test_expected_seconds_weighs_scripts():
    assert expected_seconds("避難所") > expected_seconds("abc") * 3
    assert expected_seconds("대피소") > expected_seconds("abc")
    assert expected_seconds("ที่") < expected_seconds("ทีที")  # combining marks are free


def _write_wav(path: Path, frames: bytes) -> None:
    with wave.open(str(path), "wb") as file:
        file.setnchannels(1)
        file.setsampwidth(2)
        file.setframerate(22_050)
        file.writeframes(frames)


def test_load_wav_reports_missing_empty_and_garbage(tmp_path):
    with pytest.raises(BadClipError, match="not written"):
        load_wav(tmp_path / "missing.wav")
    _write_wav(tmp_path / "empty.wav", b"")  # what pyttsx3 writes when espeak gives nothing
    with pytest.raises(BadClipError, match="no audio data"):
        load_wav(tmp_path / "empty.wav")
    (tmp_path / "junk.wav").write_bytes(b"RIFF" + b"\0" * 100)
    with pytest.raises(BadClipError, match="does not decode"):
        load_wav(tmp_path / "junk.wav")


def test_load_wav_decodes_pcm16(tmp_path):
    _write_wav(tmp_path / "ok.wav", (np.full(2205, 8192, dtype="<i2")).tobytes())
    clip = load_wav(tmp_path / "ok.wav")
    assert clip.sample_rate == 22_050
    assert clip.duration == pytest.approx(0.1)
    assert clip.samples[0] == pytest.approx(0.25)
