"""A clip of mono audio, the value every engine returns and every later stage consumes."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Samples = npt.NDArray[np.float32]
"""Mono float32 samples, nominally in [-1, 1]."""


@dataclass(frozen=True, eq=False)
class Clip:
    """Mono float32 samples at a known rate; engines disagree on rates, so the rate travels along.

    ``eq=False`` because arrays do not compare to a single bool; compare ``samples`` explicitly.
    """

    samples: Samples
    sample_rate: int

    def __post_init__(self) -> None:
        if self.samples.ndim != 1 or self.samples.dtype != np.float32:
            raise ValueError(
                f"Clip needs 1-D float32 samples, got {self.samples.dtype} {self.samples.shape}"
            )
        if self.sample_rate <= 0:
            raise ValueError(f"sample_rate must be positive, got {self.sample_rate}")

    @property
    def duration(self) -> float:
        """Length in seconds."""
        return len(self.samples) / self.sample_rate

    @classmethod
    def from_pcm16_scale(cls, samples: npt.ArrayLike, sample_rate: int) -> Clip:
        """Build a clip from samples on the int16 scale (what Open JTalk returns).

        Open JTalk's float output can overshoot the int16 range; the clip is scaled down rather
        than clipped, because hard clipping is audible as crackle.
        """
        data = np.asarray(samples, dtype=np.float64).reshape(-1) / 32768.0
        peak = float(np.max(np.abs(data))) if data.size else 0.0
        if peak > 0.99:
            data *= 0.99 / peak
        return cls(np.ascontiguousarray(data, dtype=np.float32), sample_rate)
