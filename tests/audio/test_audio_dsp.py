import numpy as np
import pytest

from audio.dsp import resample, trim_silence


def _tone(freq: float, rate: int, seconds: float = 1.0) -> np.ndarray:
    t = np.arange(round(rate * seconds)) / rate
    return (0.5 * np.sin(2 * np.pi * freq * t)).astype(np.float32)


@pytest.mark.parametrize(("source", "target"), [(48_000, 24_000), (22_050, 24_000)])
def test_resample_keeps_length_and_tone(source, target):
    out = resample(_tone(440, source), source, target)
    assert out.dtype == np.float32
    assert out.size == target
    spectrum = np.abs(np.fft.rfft(out))
    assert np.argmax(spectrum) == pytest.approx(440, abs=2)


def test_downsampling_suppresses_what_would_alias():
    out = resample(_tone(20_000, 48_000), 48_000, 24_000)  # above the new Nyquist (12 kHz)
    assert np.max(np.abs(out[200:-200])) < 0.05


def test_trim_keeps_a_short_edge():
    rate = 24_000
    voiced = _tone(300, rate, 0.5)
    padded = np.concatenate([np.zeros(rate, np.float32), voiced, np.zeros(rate, np.float32)])
    trimmed = trim_silence(padded, rate, keep=0.04)
    assert trimmed.size == pytest.approx(voiced.size + 2 * 0.04 * rate, abs=3)


def test_trim_of_silence_is_empty():
    assert trim_silence(np.zeros(100, np.float32), 24_000).size == 0
