"""The steps of one track (``audio.render``), end to end through render_tracks, real engines."""

import io
import re
from collections.abc import Iterator

import pytest
import soundfile

from audio.assemble import AudioTrack
from audio.cache import ClipCache
from audio.errors import SynthesisError
from audio.speech import SpeechSentence, heading, speak_phone
from audio.tracks import TrackRequest, render_tracks
from audio.voices import DEFAULT_VOICES, Voice
from audio.workers import AudioWorkers
from publisher.speech_text import spoken_phrases

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def audio_workers() -> Iterator[AudioWorkers]:
    with AudioWorkers(workers=1) as workers:
        yield workers


def _japanese_sentences(bulletin: dict[str, str]) -> tuple[SpeechSentence, ...]:
    body = [s.strip(" -\n") for s in re.split(r"(?<=。)|\n+", bulletin["body"]) if s.strip()]
    return (
        heading("title", bulletin["title"]),
        *(SpeechSentence(f"s{n}", text) for n, text in enumerate(body[:3], 1)),
    )


def _check_track(track: AudioTrack, sentences: tuple[SpeechSentence, ...]) -> None:
    assert [c.sentence_id for c in track.cues] == [s.id for s in sentences]
    for cue, following in zip(track.cues, track.cues[1:], strict=False):
        assert cue.start < cue.end <= following.start
    info = soundfile.info(io.BytesIO(track.mp3))
    assert (info.samplerate, info.channels) == (24_000, 1)
    assert abs(info.duration - track.cues[-1].end) < 0.5
    assert abs(info.duration - track.duration) < 0.2
    assert track.webvtt.startswith("WEBVTT\n\ntitle\n00:00:00.000 --> ")


def _one(
    sentences: tuple[SpeechSentence, ...], voice: Voice, **kwargs: object
) -> AudioTrack | SynthesisError:
    [result] = render_tracks([TrackRequest(sentences, voice)], **kwargs)  # type: ignore[arg-type]
    return result


def test_japanese_alone_starts_no_espeak_pool(shelter_bulletin, audio_workers, monkeypatch):
    import audio.tracks

    def no_pool(*args, **kwargs):
        raise AssertionError("an espeak pool was started for Japanese")

    monkeypatch.setattr(audio.tracks, "EspeakPool", no_pool)
    sentences = _japanese_sentences(shelter_bulletin)
    track = _one(sentences, DEFAULT_VOICES["ja"], cache=None, pool=None, workers=audio_workers)
    assert isinstance(track, AudioTrack), track
    _check_track(track, sentences)
    assert track.voice.engine == "openjtalk"
    assert (track.synthesised, track.reused) == (len(sentences), 0)


def test_english_with_temporary_pools():
    sentences = (
        heading("title", "Evacuation shelters opened"),
        SpeechSentence("s1", "Following the heavy rain warning, shelters opened at 3 p.m."),
        SpeechSentence(
            "s2", "Crisis Management Division: " + speak_phone("053-000-0110", spoken_phrases("en"))
        ),
    )
    track = _one(sentences, DEFAULT_VOICES["en"], cache=None, pool=None, workers=None)
    assert isinstance(track, AudioTrack), track
    _check_track(track, sentences)


def test_cache_hit_avoids_synthesis_and_repeats_are_voiced_once(
    tmp_path, espeak_pool, audio_workers
):
    cache = ClipCache(tmp_path)
    sentences = (
        heading("title", "Water outage"),
        SpeechSentence("s1", "Water will be cut off tomorrow."),
        SpeechSentence("s2", "Water will be cut off tomorrow."),
    )
    pools = {"cache": cache, "pool": espeak_pool, "workers": audio_workers}
    before = espeak_pool.stats.clips
    first = _one(sentences, DEFAULT_VOICES["en"], **pools)
    assert isinstance(first, AudioTrack), first
    assert (first.synthesised, first.reused) == (2, 1)
    assert espeak_pool.stats.clips - before == 2
    second = _one(sentences, DEFAULT_VOICES["en"], **pools)
    assert isinstance(second, AudioTrack), second
    assert (second.synthesised, second.reused) == (0, 3)
    assert espeak_pool.stats.clips - before == 2  # no engine call at all
    assert second.cues == first.cues


def test_unspeakable_or_missing_sentences_are_errors(espeak_pool, audio_workers):
    pools = {"cache": None, "pool": espeak_pool, "workers": audio_workers}
    nothing = _one((), DEFAULT_VOICES["en"], **pools)
    assert isinstance(nothing, SynthesisError) and "no sentences" in str(nothing)
    unspeakable = _one((SpeechSentence("s1", "。"),), DEFAULT_VOICES["ja"], **pools)
    assert isinstance(unspeakable, SynthesisError) and "s1" in str(unspeakable)


def test_broken_cache_does_not_cost_the_audio(tmp_path, espeak_pool, audio_workers, caplog):
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("a file where the cache folder should be")
    sentences = (SpeechSentence("s1", "Water will be cut off tomorrow."),)
    track = _one(
        sentences,
        DEFAULT_VOICES["en"],
        cache=ClipCache(not_a_folder),
        pool=espeak_pool,
        workers=audio_workers,
    )
    assert isinstance(track, AudioTrack), track
    assert track.synthesised == 1
    assert "not writable" in caplog.text
