"""Joining sentence clips into one track with exact per-sentence timings, and MP3 encoding."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from audio.clip import Clip, Samples
from audio.dsp import resample, trim_silence
from audio.speech import SpeechSentence
from audio.voices import Voice
from audio.webvtt import to_webvtt

TRACK_SAMPLE_RATE = 24_000
"""Tracks are 24 kHz mono: plenty for speech, and a rate MP3 and Opus both accept."""
_TAIL_SECONDS = 0.3


@dataclass(frozen=True)
class Cue:
    """Where one sentence is heard in the track, in seconds; the basis of WebVTT and overlays.

    ``text`` is the sentence as residents read it (its caption), not the engine's input.
    """

    sentence_id: str
    start: float
    end: float
    text: str


@dataclass(frozen=True)
class AudioTrack:
    """One language's audio for one document: the MP3 and what the page needs to present it."""

    mp3: bytes
    duration: float
    cues: tuple[Cue, ...]
    sample_rate: int
    voice: Voice
    synthesised: int = 0
    """Clips made by an engine for this track."""
    reused: int = 0
    """Clips taken from the cache (or repeated sentences made once)."""

    @property
    def webvtt(self) -> str:
        """The cues as a WebVTT file, for ``<track kind="captions">``."""
        return to_webvtt(self.cues)


def assemble(
    clips: Sequence[Clip],
    sentences: Sequence[SpeechSentence],
    *,
    sample_rate: int = TRACK_SAMPLE_RATE,
) -> tuple[Samples, tuple[Cue, ...]]:
    """Concatenate clips with each sentence's pause after it; return samples and cues.

    Each clip is resampled to ``sample_rate`` and its engine padding trimmed, so the silence
    between sentences is exactly the one the sentence asks for.  The last sentence keeps at
    most a short tail.  Cue times are exact sample positions.
    """
    if len(clips) != len(sentences):
        raise ValueError(f"{len(clips)} clips for {len(sentences)} sentences")
    parts: list[Samples] = []
    cues: list[Cue] = []
    position = 0
    for index, (clip, sentence) in enumerate(zip(clips, sentences, strict=True)):
        voiced = trim_silence(resample(clip.samples, clip.sample_rate, sample_rate), sample_rate)
        start = position
        position += voiced.size
        cues.append(
            Cue(sentence.id, start / sample_rate, position / sample_rate, sentence.display_text)
        )
        pause = sentence.pause_after
        if index == len(sentences) - 1:
            pause = min(pause, _TAIL_SECONDS)
        gap = np.zeros(round(pause * sample_rate), dtype=np.float32)
        parts += [voiced, gap]
        position += gap.size
    samples = np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)
    return samples.astype(np.float32, copy=False), tuple(cues)


def encode_mp3(samples: Samples, sample_rate: int, *, bitrate_kbps: int = 48) -> bytes:
    """Mono CBR MP3 with lameenc; 48 kbps at 24 kHz is clear speech at ~6 KB per second.

    Quality 5 (LAME's default) rather than 2: encoding was half the CPU time of voicing a
    whole issue, quality 5 takes half as long, and on Open JTalk speech at 48 kbps the decoded
    signal-to-noise ratio was the same (19.6 vs 19.8 dB; measured here).
    """
    import lameenc

    pcm = np.clip(samples, -1.0, 1.0) * 32767.0
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(bitrate_kbps)
    encoder.set_in_sample_rate(sample_rate)
    encoder.set_channels(1)
    encoder.set_quality(5)  # see the docstring
    data = encoder.encode(np.round(pcm).astype("<i2").tobytes())
    data += encoder.flush()
    return bytes(data)
