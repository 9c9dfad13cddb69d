"""One track, in this process: sentences + voice -> an :class:`AudioTrack`.

Clips come from the cache when possible; Japanese is voiced by Open JTalk in this process,
every other language by the isolated espeak pool.  Every clip is verified before it is used or
cached, and any failure surfaces as :class:`SynthesisError` naming the sentence.  The steps
(check, clips, finish) are shared with :func:`audio.tracks.render_tracks`, which runs them for
many tracks at once with the CPU-bound parts in worker processes.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from audio.assemble import TRACK_SAMPLE_RATE, AudioTrack, Cue, assemble, encode_mp3
from audio.cache import ClipCache, clip_key, engine_version
from audio.clip import Clip
from audio.engines.espeak_worker import EspeakPool
from audio.errors import SynthesisError
from audio.speech import SpeechSentence
from audio.verify import BadClipError, check_clip
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


def render_track(
    sentences: Sequence[SpeechSentence],
    voice: Voice,
    *,
    cache: ClipCache | None,
    pool: EspeakPool | None,
) -> AudioTrack:
    """Voice ``sentences`` with ``voice`` and return the 24 kHz mono 48 kbps MP3 track.

    ``pool`` is only used for espeak voices; when it is ``None`` a temporary two-worker pool is
    started for this call (pass a long-lived pool when rendering many tracks).  Identical
    sentences are voiced once.
    """
    check_speakable(sentences)

    def synthesise(texts: list[str]) -> list[Clip]:
        if voice.engine == "openjtalk":
            return [japanese_clip(text) for text in texts]
        with _pool(pool) as espeak:
            return espeak.synthesize(texts, voice.voice_id)

    clips, synthesised = collect_clips(sentences, voice, cache, synthesise)
    encoded = encode_track([clips[s.text] for s in sentences], sentences, voice.language)
    return make_track(encoded, sentences, voice, synthesised)


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


def japanese_clip(text: str) -> Clip:
    """One verified Open JTalk clip; an implausible one is an error, never published."""
    from audio.engines.openjtalk import synthesize_japanese

    clip = synthesize_japanese(text)
    try:
        check_clip(clip, text)
    except BadClipError as error:
        raise SynthesisError(f"Open JTalk clip for {text[:40]!r} is implausible: {error}") from None
    return clip


@contextlib.contextmanager
def _pool(pool: EspeakPool | None) -> Iterator[EspeakPool]:
    if pool is not None:
        yield pool
        return
    with EspeakPool(workers=2) as temporary:
        yield temporary
