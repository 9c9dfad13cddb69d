"""AudioWorkers and render_tracks arguments (fast: no worker is started)."""

import pytest

from audio.errors import SynthesisError
from audio.speech import SpeechSentence
from audio.tracks import TrackRequest, render_tracks
from audio.voices import DEFAULT_VOICES
from audio.workers import AudioWorkers


@pytest.mark.parametrize(
    "kwargs",
    [{"workers": 0}, {"clip_timeout": 0}, {"track_timeout": -1}, {"retries": -1}],
)
def test_nonsense_settings_are_refused(kwargs):
    with pytest.raises(ValueError):
        AudioWorkers(**kwargs)


def test_closed_workers_refuse_work_instead_of_hanging():
    workers = AudioWorkers()
    workers.close()
    with pytest.raises(SynthesisError, match="closed"):
        workers.japanese_clips(["テスト"])


def test_no_requests_no_work():
    assert render_tracks([], cache=None, pool=None, workers=None) == []


def test_concurrency_must_be_positive():
    with pytest.raises(ValueError):
        render_tracks([], cache=None, pool=None, workers=None, concurrency=0)


def test_request_name_falls_back_to_the_language():
    sentences = (SpeechSentence("s1", "Hello."),)
    assert TrackRequest(sentences, DEFAULT_VOICES["en"]).name == "en"
    assert TrackRequest(sentences, DEFAULT_VOICES["en"], "3/en").name == "3/en"
