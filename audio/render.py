"""The one entry point the publisher calls: sentences + voice -> an :class:`AudioTrack`.

Clips come from the cache when possible; Japanese is voiced by Open JTalk in this process,
every other language by the isolated espeak pool.  Every clip is verified before it is used or
cached, and any failure surfaces as :class:`SynthesisError` naming the sentence.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Sequence

from audio.assemble import TRACK_SAMPLE_RATE, AudioTrack, assemble, encode_mp3
from audio.cache import ClipCache, clip_key, engine_version
from audio.clip import Clip
from audio.engines.espeak_worker import EspeakPool
from audio.errors import SynthesisError
from audio.speech import SpeechSentence
from audio.verify import BadClipError, check_clip
from audio.voices import Voice

log = logging.getLogger(__name__)

MP3_BITRATE_KBPS = 48


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
    if not sentences:
        raise SynthesisError("nothing to voice: no sentences")
    for sentence in sentences:
        if not any(char.isalnum() for char in sentence.text):
            raise SynthesisError(f"sentence {sentence.id} has no speakable text")
    clips, synthesised = _clips(sentences, voice, cache, pool)
    samples, cues = assemble([clips[s.text] for s in sentences], sentences)
    try:
        mp3 = encode_mp3(samples, TRACK_SAMPLE_RATE, bitrate_kbps=MP3_BITRATE_KBPS)
    except Exception as error:  # lameenc raises plain RuntimeErrors
        raise SynthesisError(f"MP3 encoding failed for {voice.language}: {error}") from error
    reused = len(sentences) - synthesised
    log.info(
        "voiced %d sentences in %s with %s: %d synthesised, %d reused",
        len(sentences), voice.language, voice.voice_id, synthesised, reused,
    )  # fmt: skip
    return AudioTrack(
        mp3=mp3,
        duration=samples.size / TRACK_SAMPLE_RATE,
        cues=cues,
        sample_rate=TRACK_SAMPLE_RATE,
        voice=voice,
        synthesised=synthesised,
        reused=reused,
    )


def _clips(
    sentences: Sequence[SpeechSentence],
    voice: Voice,
    cache: ClipCache | None,
    pool: EspeakPool | None,
) -> tuple[dict[str, Clip], int]:
    """One clip per distinct text, from the cache or the engine; also how many were made.

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
    for text, clip in zip(missing, _synthesise(missing, voice, pool), strict=True):
        clips[text] = clip
        if cache is not None:
            try:
                cache.put(keys[text], clip)
            except OSError as error:
                log.warning("clip cache not writable (%s); continuing without it", error)
    return clips, len(missing)


def _synthesise(texts: list[str], voice: Voice, pool: EspeakPool | None) -> list[Clip]:
    if not texts:
        return []
    if voice.engine == "openjtalk":
        return [_japanese(text) for text in texts]
    with _pool(pool) as espeak:
        return espeak.synthesize(texts, voice.voice_id)


def _japanese(text: str) -> Clip:
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
