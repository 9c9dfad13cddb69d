"""render_tracks with the real engines: many tracks at once, per-track failures, caching."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
import soundfile

import audio.workers
from audio.assemble import AudioTrack
from audio.cache import ClipCache
from audio.engines.espeak_worker import EspeakPool
from audio.errors import SynthesisError
from audio.render import encode_track, japanese_clip
from audio.speech import SpeechSentence, heading, speak_phone
from audio.tracks import TrackRequest, render_tracks
from audio.voices import DEFAULT_VOICES, Voice, resolve_voice
from audio.workers import AudioWorkers
from publisher.speech_text import spoken_phrases
from tests.support.faults import Fault, misbehave_once, pid_file
from tests.support.mora import count_mora

pytestmark = pytest.mark.slow

KANJI = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_VOICE = DEFAULT_VOICES["en"]


@pytest.fixture(scope="module")
def audio_workers() -> Iterator[AudioWorkers]:
    with AudioWorkers(workers=2) as workers:
        yield workers


class SpyPool(EspeakPool):
    """The real pool, remembering what it was asked to say."""

    def __init__(self) -> None:
        super().__init__(workers=2)
        self.asked: list[tuple[str, str]] = []

    def synthesize(self, texts, voice_id, rate=None):
        self.asked += [(voice_id, text) for text in texts]
        return super().synthesize(texts, voice_id, rate)


def japanese(bulletin: dict[str, str]) -> tuple[SpeechSentence, ...]:
    """Every sentence of a sample bulletin, its phone number spoken digit group by group."""
    body = [s.strip(" -\n") for s in re.split(r"(?<=。)|\n+", bulletin["body"]) if s.strip()]
    contact = bulletin["contact"]
    number = re.search(r"\d[\d-]+\d", contact)
    assert number is not None
    spoken = contact.replace(number.group(), speak_phone(number.group(), spoken_phrases("ja")))
    return (
        heading("title", bulletin["title"]),
        *(SpeechSentence(f"s{n}", text) for n, text in enumerate(body, 1)),
        SpeechSentence("contact", spoken, caption=contact),
    )


ENGLISH = (
    heading("title", "Evacuation shelters opened"),
    SpeechSentence("s1", "Following the heavy rain warning, shelters opened at 3 p.m."),
    SpeechSentence(
        "contact",
        "Crisis Management Division: " + speak_phone("053-000-0110", spoken_phrases("en")),
        caption="Crisis Management Division: 053-000-0110",
    ),
)


def check_track(track: AudioTrack, sentences: tuple[SpeechSentence, ...]) -> None:
    """One cue per sentence, in order, no overlaps, ending with the MP3; captions as read."""
    assert [cue.sentence_id for cue in track.cues] == [s.id for s in sentences]
    assert [cue.text for cue in track.cues] == [s.display_text for s in sentences]
    for cue, following in zip(track.cues, track.cues[1:], strict=False):
        assert cue.start < cue.end <= following.start
    mp3 = soundfile.info(io.BytesIO(track.mp3))
    assert (mp3.samplerate, mp3.channels) == (24_000, 1)
    assert abs(mp3.duration - track.cues[-1].end) < 0.5
    assert track.webvtt.count(" --> ") == len(sentences)


def test_languages_render_together_and_japanese_never_reaches_espeak(
    shelter_bulletin, audio_workers
):
    sentences = japanese(shelter_bulletin)
    tagalog = resolve_voice("tl", fallbacks={"tl": "en"})
    assert tagalog is not None
    requests = [
        TrackRequest(ENGLISH, DEFAULT_VOICES["en"], "en"),
        TrackRequest(sentences, DEFAULT_VOICES["ja"], "ja"),
        TrackRequest((heading("title", "Bukas na ang mga evacuation center."),), tagalog, "tl"),
    ]
    with SpyPool() as pool:
        results = render_tracks(requests, cache=None, pool=pool, workers=audio_workers)
    english, japanese_track, substitute = results
    assert isinstance(english, AudioTrack) and isinstance(japanese_track, AudioTrack)
    assert isinstance(substitute, AudioTrack)
    check_track(english, ENGLISH)
    check_track(japanese_track, sentences)
    assert "053-000-0110" in japanese_track.webvtt  # the caption, not "0 5 3、0 0 0、..."
    assert substitute.voice.substitute_for == "tl"
    assert pool.asked and not [text for _, text in pool.asked if KANJI.search(text)]
    assert {voice_id for voice_id, _ in pool.asked} == {"gmw/en-us"}
    # Open JTalk speaks about 0.1-0.2 s per mora; "Chinese letter" readings would not fit.
    spoken = sum(cue.end - cue.start for cue in japanese_track.cues)
    morae = sum(count_mora(sentence.text) for sentence in sentences)
    assert 0.08 <= spoken / morae <= 0.25, spoken / morae


def test_a_failing_track_does_not_sink_the_others(audio_workers, espeak_pool):
    unknown = Voice("xx", "pyttsx3", "nonexistent/voice", "No such voice")
    requests = [
        TrackRequest((SpeechSentence("s1", "。"),), DEFAULT_VOICES["ja"], "unspeakable"),
        TrackRequest((SpeechSentence("s1", "Hello there."),), unknown, "unknown voice"),
        TrackRequest((SpeechSentence("s1", "水道工事のお知らせです。"),), DEFAULT_VOICES["ja"]),
        TrackRequest((SpeechSentence("s1", "Water will be cut off tomorrow."),), ENGLISH_VOICE),
    ]
    results = render_tracks(requests, cache=None, pool=espeak_pool, workers=audio_workers)
    assert isinstance(results[0], SynthesisError) and "s1" in str(results[0])
    assert isinstance(results[1], SynthesisError) and "nonexistent/voice" in str(results[1])
    assert isinstance(results[2], AudioTrack) and isinstance(results[3], AudioTrack)


def test_tag_like_text_is_voiced_by_both_engines(audio_workers, espeak_pool):
    """``<b>`` typed into a bulletin is text: espeak-ng gets no markup mode, Open JTalk none."""
    english = (SpeechSentence("s1", "Use the <b>north</b> gate & press <Enter>."),)
    japanese = (heading("title", "<b>避難所</b>のお知らせ"),)
    results = render_tracks(
        [TrackRequest(english, ENGLISH_VOICE, "en"), TrackRequest(japanese, DEFAULT_VOICES["ja"])],
        cache=None,
        pool=espeak_pool,
        workers=audio_workers,
    )
    assert isinstance(results[0], AudioTrack) and isinstance(results[1], AudioTrack)
    check_track(results[0], english)
    check_track(results[1], japanese)
    assert "&lt;b&gt;north&lt;/b&gt;" in results[0].webvtt  # the captions show it as typed


def test_a_one_sentence_edit_resynthesises_exactly_one_clip(
    tmp_path, shelter_bulletin, audio_workers, espeak_pool
):
    cache = ClipCache(tmp_path)
    ja = japanese(shelter_bulletin)
    first = render_tracks(
        [TrackRequest(ja, DEFAULT_VOICES["ja"]), TrackRequest(ENGLISH, ENGLISH_VOICE)],
        cache=cache,
        pool=espeak_pool,
        workers=audio_workers,
    )
    assert [(t.synthesised, t.reused) for t in first if isinstance(t, AudioTrack)] == [
        (len(ja), 0),
        (len(ENGLISH), 0),
    ]
    edited_ja = (*ja[:2], SpeechSentence(ja[2].id, "避難所は午後5時に閉鎖します。"), *ja[3:])
    edited_en = (ENGLISH[0], SpeechSentence("s1", "Shelters will close at 5 p.m."), ENGLISH[2])
    second = render_tracks(
        [TrackRequest(edited_ja, DEFAULT_VOICES["ja"]), TrackRequest(edited_en, ENGLISH_VOICE)],
        cache=cache,
        pool=espeak_pool,
        workers=audio_workers,
    )
    assert [(t.synthesised, t.reused) for t in second if isinstance(t, AudioTrack)] == [
        (1, len(ja) - 1),
        (1, len(ENGLISH) - 1),
    ]


def inject_once(monkeypatch: pytest.MonkeyPatch, token: Path, fault: Fault) -> None:
    """The next clip or encoding job to start, in whichever worker, hangs or crashes once."""
    for name, real in (("japanese_clip", japanese_clip), ("encode_track", encode_track)):
        monkeypatch.setattr(audio.workers, name, partial(misbehave_once, token, fault, real))


@pytest.mark.parametrize("fault", ["hang", "crash"])
def test_a_hanging_or_killed_worker_is_replaced_and_the_track_completes(
    tmp_path, monkeypatch, fault
):
    token = tmp_path / "fault"
    token.touch()
    inject_once(monkeypatch, token, fault)
    sentences = (
        heading("title", "断水のお知らせ"),
        SpeechSentence("s1", "水道管の交換工事のため、次のとおり断水します。"),
    )
    # Short enough to keep the hang brief, long enough for a fresh worker's first clip (it
    # loads the Open JTalk dictionary) on a busy machine; a crash needs no timeout at all.
    timeout = 8.0 if fault == "hang" else 120.0
    with AudioWorkers(workers=2, clip_timeout=timeout, track_timeout=timeout) as workers:
        [track] = render_tracks(
            [TrackRequest(sentences, DEFAULT_VOICES["ja"])], cache=None, pool=None, workers=workers
        )
        assert workers.replaced == 1
    assert not token.exists()  # the fault really happened
    with pytest.raises(ProcessLookupError):
        os.kill(int(pid_file(token).read_text()), 0)  # and that worker is gone
    assert isinstance(track, AudioTrack), track
    check_track(track, sentences)


def test_a_worker_that_keeps_failing_is_an_error_not_silence(tmp_path, monkeypatch):
    token = tmp_path / "fault"
    token.touch()
    inject_once(monkeypatch, token, "crash")
    with AudioWorkers(workers=1, retries=0) as workers:
        [result] = render_tracks(
            [TrackRequest((SpeechSentence("s1", "断水します。"),), DEFAULT_VOICES["ja"])],
            cache=None,
            pool=None,
            workers=workers,
        )
    assert isinstance(result, SynthesisError)
    assert "died" in str(result)
