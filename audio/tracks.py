"""Many tracks at once (several languages, several bulletins), using every core.

Each track is driven by a thread of this process, which only waits: espeak clips come from the
:class:`EspeakPool`'s processes, and Open JTalk clips, joining and MP3 encoding (which hold the
GIL) from the :class:`AudioWorkers`' processes.  So on two cores the espeak workers and the
Open JTalk/encoding workers keep both busy.  A track that fails is returned as its
:class:`SynthesisError`; the other tracks are unaffected.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from audio.assemble import AudioTrack
from audio.cache import ClipCache
from audio.clip import Clip
from audio.engines.espeak_worker import EspeakPool
from audio.errors import SynthesisError
from audio.render import check_speakable, collect_clips, make_track
from audio.speech import SpeechSentence
from audio.voices import Voice
from audio.workers import AudioWorkers

log = logging.getLogger(__name__)

DEFAULT_CONCURRENCY = 6
"""Tracks in flight at once: enough to keep the queues of both pools full, few enough that
the clips held in memory stay small (a minute of 48 kHz audio is ~11 MB)."""


@dataclass(frozen=True)
class TrackRequest:
    """One track to make: what to say, with which voice; ``label`` names it in errors."""

    sentences: tuple[SpeechSentence, ...]
    voice: Voice
    label: str = ""

    @property
    def name(self) -> str:
        return self.label or self.voice.language


def render_tracks(
    requests: Sequence[TrackRequest],
    *,
    cache: ClipCache | None,
    pool: EspeakPool | None,
    workers: AudioWorkers | None,
    concurrency: int = DEFAULT_CONCURRENCY,
) -> list[AudioTrack | SynthesisError]:
    """Voice every request concurrently; one result per request, in the same order.

    ``pool`` and ``workers`` are long-lived process pools; ``None`` starts temporary ones for
    this call.  A result is either the track or the :class:`SynthesisError` saying why that
    track could not be made (never a silent or truncated track).
    """
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    if not requests:
        return []
    needs_espeak = any(request.voice.engine == "pyttsx3" for request in requests)
    with contextlib.ExitStack() as stack:
        espeak = pool
        if espeak is None and needs_espeak:
            espeak = stack.enter_context(EspeakPool(workers=2))
        cpu = workers if workers is not None else stack.enter_context(AudioWorkers())
        # Open JTalk tracks first: they are the heaviest and split well over the workers.
        order = sorted(range(len(requests)), key=lambda i: requests[i].voice.engine != "openjtalk")
        with ThreadPoolExecutor(
            max_workers=min(concurrency, len(requests)), thread_name_prefix="kakehashi-track"
        ) as threads:
            futures = {
                index: threads.submit(_render_one, requests[index], cache, espeak, cpu)
                for index in order
            }
            return [_outcome(requests[i], futures[i].result) for i in range(len(requests))]


def _outcome(
    request: TrackRequest, result: Callable[[], AudioTrack]
) -> AudioTrack | SynthesisError:
    try:
        return result()
    except SynthesisError as error:
        log.warning("no audio for %s: %s", request.name, error)
        return error
    except Exception as error:  # a bug or a broken pool must cost one track, not all
        log.exception("audio for %s failed unexpectedly", request.name)
        failure = SynthesisError(f"{type(error).__name__}: {error}")
        failure.__cause__ = error
        return failure


def _render_one(
    request: TrackRequest,
    cache: ClipCache | None,
    pool: EspeakPool | None,
    workers: AudioWorkers,
) -> AudioTrack:
    sentences, voice = request.sentences, request.voice
    check_speakable(sentences)

    def synthesise(texts: list[str]) -> list[Clip]:
        if voice.engine == "openjtalk":
            return workers.japanese_clips(texts, voice.speed)
        assert pool is not None  # render_tracks starts one when any request needs it
        return pool.synthesize(texts, voice.voice_id)

    clips, synthesised = collect_clips(sentences, voice, cache, synthesise)
    encoded = workers.encode([clips[s.text] for s in sentences], sentences, voice.language)
    return make_track(encoded, sentences, voice, synthesised)
