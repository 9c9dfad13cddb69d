import numpy as np
import pytest

from audio.clip import Clip


def test_duration_is_samples_over_rate():
    assert Clip(np.zeros(24_000, dtype=np.float32), 24_000).duration == 1.0


@pytest.mark.parametrize(
    "samples",
    [np.zeros(10, dtype=np.float64), np.zeros((10, 2), dtype=np.float32)],
)
def test_rejects_anything_but_mono_float32(samples):
    with pytest.raises(ValueError):
        Clip(samples, 16_000)


def test_rejects_non_positive_rate():
    with pytest.raises(ValueError):
        Clip(np.zeros(10, dtype=np.float32), 0)


def test_pcm16_scale_is_normalised_and_never_clipped():
    clip = Clip.from_pcm16_scale(np.array([0.0, 16384.0, -40000.0]), 48_000)
    assert clip.samples.dtype == np.float32
    assert np.max(np.abs(clip.samples)) <= 0.99 + 1e-6
    # relative levels are kept (scaled, not clipped)
    assert clip.samples[1] / clip.samples[2] == pytest.approx(16384 / -40000, rel=1e-5)
