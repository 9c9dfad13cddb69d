"""render_track end to end with the real engines."""

import io
import re

import pytest
import soundfile

from audio.assemble import AudioTrack
from audio.cache import ClipCache
from audio.errors import SynthesisError
from audio.render import render_track
from audio.speech import SpeechSentence, heading, speak_phone
from audio.voices import DEFAULT_VOICES, resolve_voice

pytestmark = pytest.mark.slow


def _japanese_sentences(bulletin: dict[str, str]) -> list[SpeechSentence]:
    body = [s.strip(" -\n") for s in re.split(r"(?<=。)|\n+", bulletin["body"]) if s.strip()]
    return [heading("title", bulletin["title"])] + [
        SpeechSentence(f"s{n}", text) for n, text in enumerate(body[:3], 1)
    ]


def _check_track(track: AudioTrack, sentences: list[SpeechSentence]) -> None:
    assert [c.sentence_id for c in track.cues] == [s.id for s in sentences]
    for cue, following in zip(track.cues, track.cues[1:], strict=False):
        assert cue.start < cue.end <= following.start
    info = soundfile.info(io.BytesIO(track.mp3))
    assert (info.samplerate, info.channels) == (24_000, 1)
    assert abs(info.duration - track.cues[-1].end) < 0.5
    assert abs(info.duration - track.duration) < 0.2
    assert track.webvtt.startswith("WEBVTT\n\ntitle\n00:00:00.000 --> ")


def test_japanese_renders_with_open_jtalk_never_pyttsx3(shelter_bulletin, monkeypatch):
    import audio.render

    def no_pool(*args, **kwargs):
        raise AssertionError("the pyttsx3 path was used for Japanese")

    monkeypatch.setattr(audio.render, "EspeakPool", no_pool)
    sentences = _japanese_sentences(shelter_bulletin)
    track = render_track(sentences, DEFAULT_VOICES["ja"], cache=None, pool=None)
    _check_track(track, sentences)
    assert track.voice.engine == "openjtalk"
    assert (track.synthesised, track.reused) == (len(sentences), 0)


def test_english_with_a_temporary_pool():
    sentences = [
        heading("title", "Evacuation shelters opened"),
        SpeechSentence("s1", "Following the heavy rain warning, shelters opened at 3 p.m."),
        SpeechSentence("s2", "Crisis Management Division: " + speak_phone("053-000-0110", "en")),
    ]
    track = render_track(sentences, DEFAULT_VOICES["en"], cache=None, pool=None)
    _check_track(track, sentences)


def test_cache_hit_avoids_synthesis_and_repeats_are_voiced_once(tmp_path, espeak_pool):
    cache = ClipCache(tmp_path)
    sentences = [
        heading("title", "Water outage"),
        SpeechSentence("s1", "Water will be cut off tomorrow."),
        SpeechSentence("s2", "Water will be cut off tomorrow."),
    ]
    before = espeak_pool.stats.clips
    first = render_track(sentences, DEFAULT_VOICES["en"], cache=cache, pool=espeak_pool)
    assert (first.synthesised, first.reused) == (2, 1)
    assert espeak_pool.stats.clips - before == 2
    second = render_track(sentences, DEFAULT_VOICES["en"], cache=cache, pool=espeak_pool)
    assert (second.synthesised, second.reused) == (0, 3)
    assert espeak_pool.stats.clips - before == 2  # no engine call at all
    assert second.cues == first.cues


def test_substitute_voice_reads_tagalog(espeak_pool):
    voice = resolve_voice("tl", fallbacks={"tl": "en"})
    assert voice is not None
    sentences = [heading("title", "Bukas na ang mga evacuation center.")]
    track = render_track(sentences, voice, cache=None, pool=espeak_pool)
    assert track.voice.substitute_for == "tl"


def test_unspeakable_or_missing_sentences_raise():
    with pytest.raises(SynthesisError, match="no sentences"):
        render_track([], DEFAULT_VOICES["en"], cache=None, pool=None)
    with pytest.raises(SynthesisError, match="s1"):
        render_track([SpeechSentence("s1", "。")], DEFAULT_VOICES["ja"], cache=None, pool=None)


def test_broken_cache_does_not_cost_the_audio(tmp_path, espeak_pool, caplog):
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("a file where the cache folder should be")
    sentences = [SpeechSentence("s1", "Water will be cut off tomorrow.")]
    track = render_track(
        sentences, DEFAULT_VOICES["en"], cache=ClipCache(not_a_folder), pool=espeak_pool
    )
    assert track.synthesised == 1
    assert "not writable" in caplog.text
