"""The steps that turn sentences + voice into an :class:`AudioTrack`.

:func:`audio.tracks.render_tracks` runs them for many tracks at once: check that there is
something to say, collect one clip per distinct text (from the cache when possible, else from
an engine), join and encode, and label the result.  Every clip is verified before it is used or
cached, and any failure surfaces as :class:`SynthesisError` naming the sentence.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from audio.assemble import TRACK_SAMPLE_RATE, AudioTrack, Cue, assemble, encode_mp3
from audio.cache import ClipCache, clip_key, engine_version
from audio.clip import Clip
from audio.errors import SynthesisError
from audio.speech import SpeechSentence
from audio.verify import DEFAULT_RATE_WPM, BadClipError, check_clip
from audio.voices import Voice

log = logging.getLogger(__name__)

MP3_BITRATE_KBPS = 48

Synthesise = Callable[[list[str]], list[Clip]]
"""Turns distinct texts into verified clips, in order (an engine, local or in workers)."""


@dataclass(frozen=True)
class Encoded:
    """A finished track's sound and timings, before it is tied to a voice."""

    mp3: bytes
    duration: float
    cues: tuple[Cue, ...]


def check_speakable(sentences: Sequence[SpeechSentence]) -> None:
    """Refuse work that could only produce silence: no sentences, or one without letters."""
    if not sentences:
        raise SynthesisError("nothing to voice: no sentences")
    for sentence in sentences:
        if not any(char.isalnum() for char in sentence.text):
            raise SynthesisError(f"sentence {sentence.id} has no speakable text")


def collect_clips(
    sentences: Sequence[SpeechSentence],
    voice: Voice,
    cache: ClipCache | None,
    synthesise: Synthesise,
) -> tuple[dict[str, Clip], int]:
    """One clip per distinct text, from the cache or ``synthesise``; also how many were made.

    The cache is an optimisation: a cache that cannot be read or written is logged and
    bypassed, never a reason to publish a page without audio.
    """
    texts = list(dict.fromkeys(sentence.text for sentence in sentences))
    version = engine_version(voice)
    keys = {text: clip_key(text, voice, version) for text in texts}
    clips: dict[str, Clip] = {}
    if cache is not None:
        for text in texts:
            try:
                cached = cache.get(keys[text])
            except OSError as error:
                log.warning("clip cache unreadable (%s); voicing again", error)
                cached = None
            if cached is not None:
                clips[text] = cached
    missing = [text for text in texts if text not in clips]
    made = synthesise(missing) if missing else []
    for text, clip in zip(missing, made, strict=True):
        clips[text] = clip
        if cache is not None:
            try:
                cache.put(keys[text], clip)
            except OSError as error:
                log.warning("clip cache not writable (%s); continuing without it", error)
    return clips, len(missing)


def encode_track(
    clips: Sequence[Clip], sentences: Sequence[SpeechSentence], language: str
) -> Encoded:
    """Join the clips (one per sentence, in order) and encode the MP3: the CPU-heavy part."""
    samples, cues = assemble(clips, sentences)
    try:
        mp3 = encode_mp3(samples, TRACK_SAMPLE_RATE, bitrate_kbps=MP3_BITRATE_KBPS)
    except Exception as error:  # lameenc raises plain RuntimeErrors
        raise SynthesisError(f"MP3 encoding failed for {language}: {error}") from error
    return Encoded(mp3, samples.size / TRACK_SAMPLE_RATE, cues)


def make_track(
    encoded: Encoded, sentences: Sequence[SpeechSentence], voice: Voice, synthesised: int
) -> AudioTrack:
    reused = len(sentences) - synthesised
    log.info(
        "voiced %d sentences in %s with %s: %d synthesised, %d reused",
        len(sentences), voice.language, voice.voice_id, synthesised, reused,
    )  # fmt: skip
    return AudioTrack(
        mp3=encoded.mp3,
        duration=encoded.duration,
        cues=encoded.cues,
        sample_rate=TRACK_SAMPLE_RATE,
        voice=voice,
        synthesised=synthesised,
        reused=reused,
    )


def japanese_clip(text: str, speed: float = 1.0) -> Clip:
    """One verified Open JTalk clip; an implausible one is an error, never published."""
    from audio.engines.openjtalk import synthesize_japanese

    clip = synthesize_japanese(text, speed)
    try:
        # A slower voice makes a proportionally longer clip.
        check_clip(clip, text, rate_wpm=round(DEFAULT_RATE_WPM * speed))
    except BadClipError as error:
        raise SynthesisError(f"Open JTalk clip for {text[:40]!r} is implausible: {error}") from None
    return clip
