"""Small signal helpers (resampling, silence trimming) in plain numpy.

Clips arrive at 48 kHz (Open JTalk) and 22.05 kHz (espeak-ng) and tracks are 24 kHz mono; a
windowed-sinc low-pass before linear interpolation is enough for 48 kbps speech MP3 and avoids
a dependency on scipy or soxr.
"""

from __future__ import annotations

import numpy as np

from audio.clip import Samples

_TAPS = 63


def resample(samples: Samples, source_rate: int, target_rate: int) -> Samples:
    """Resample mono float32 audio; low-passes first when downsampling, to avoid aliasing."""
    if source_rate == target_rate or samples.size == 0:
        return samples
    data = samples.astype(np.float64)
    if target_rate < source_rate:
        data = np.convolve(data, _lowpass(0.45 * target_rate / source_rate), mode="same")
    length = round(samples.size * target_rate / source_rate)
    positions = np.arange(length, dtype=np.float64) * (source_rate / target_rate)
    out = np.interp(positions, np.arange(samples.size, dtype=np.float64), data)
    return out.astype(np.float32)


def _lowpass(cutoff: float) -> np.ndarray[tuple[int], np.dtype[np.float64]]:
    """Hann-windowed sinc FIR with unity DC gain; ``cutoff`` is a fraction of the source rate."""
    n = np.arange(_TAPS, dtype=np.float64) - (_TAPS - 1) / 2
    taps = 2 * cutoff * np.sinc(2 * cutoff * n) * np.hanning(_TAPS)
    result: np.ndarray[tuple[int], np.dtype[np.float64]] = taps / taps.sum()
    return result


def trim_silence(
    samples: Samples, sample_rate: int, *, threshold_db: float = -40.0, keep: float = 0.04
) -> Samples:
    """Cut leading and trailing silence, keeping ``keep`` seconds of it as a soft edge.

    Engines pad clips with different amounts of silence (espeak adds an end pause, Open JTalk
    a leading one); trimming makes the pauses between sentences the ones the caller chose.
    The threshold is relative to the clip's peak so quiet voices are not cut.
    """
    if samples.size == 0:
        return samples
    peak = float(np.max(np.abs(samples)))
    if peak == 0.0:
        return samples[:0]
    loud = np.flatnonzero(np.abs(samples) > peak * 10 ** (threshold_db / 20))
    margin = round(keep * sample_rate)
    start = max(0, int(loud[0]) - margin)
    end = min(samples.size, int(loud[-1]) + 1 + margin)
    return samples[start:end]
