"""The espeak pool with the real pyttsx3 + espeak-ng, in real spawned workers."""

import os
from functools import partial

import pytest

import audio.engines.espeak_worker
from audio.engines.espeak_child import speak
from audio.engines.espeak_worker import EspeakPool
from audio.errors import SynthesisError
from audio.verify import check_clip
from tests.support.faults import misbehave_once, pid_file

pytestmark = pytest.mark.slow

SAMPLES = {
    "gmw/en-us": "Following the heavy rain warning, the city opened evacuation shelters.",
    "roa/pt-br": "Após o alerta de chuva forte, a cidade abriu abrigos de evacuação.",
    "aav/vi": "Sau cảnh báo mưa lớn, thành phố đã mở các nơi lánh nạn.",
}


@pytest.mark.parametrize("voice_id", sorted(SAMPLES))
def test_languages_give_plausible_clips(espeak_pool, voice_id):
    (clip,) = espeak_pool.synthesize([SAMPLES[voice_id]], voice_id)
    assert clip.sample_rate == 22_050
    check_clip(clip, SAMPLES[voice_id])


def test_order_is_preserved_over_two_workers(espeak_pool):
    # lengths differ a lot, so clips finish out of order; results must not
    texts = [
        "One.",
        "This second sentence is considerably longer than the first one was.",
        "Three.",
        "The fourth sentence, again, is a long one with several clauses in it.",
        "Five.",
        "And the sixth and final sentence closes the short test paragraph.",
    ]
    clips = espeak_pool.synthesize(texts, "gmw/en-us")
    assert len(clips) == 6
    durations = [clip.duration for clip in clips]
    assert all(durations[i] < durations[i + 1] for i in (0, 2, 4))
    assert all(durations[i] > durations[i + 1] for i in (1, 3))


def test_rate_changes_duration_and_does_not_stick(espeak_pool):
    text = "Please keep away from rivers and irrigation channels."
    normal, slow, again = (
        espeak_pool.synthesize([text], "gmw/en-us", rate=rate)[0] for rate in (None, 100, None)
    )
    assert slow.duration > 1.5 * normal.duration
    assert again.duration == pytest.approx(normal.duration, rel=0.05)


def test_unknown_voice_raises_instead_of_using_another_voice(espeak_pool):
    with pytest.raises(SynthesisError, match="not set"):
        espeak_pool.synthesize(["Hello."], "xx/no-such-voice")


def test_empty_batch_starts_nothing(monkeypatch):
    def no_workers(*args, **kwargs):
        raise AssertionError("workers were started for nothing")

    monkeypatch.setattr(audio.engines.espeak_worker, "ProcessPool", no_workers)
    with EspeakPool() as pool:
        assert pool.synthesize([], "gmw/en-us") == []


@pytest.mark.parametrize("fault", ["hang", "crash"])
def test_hung_or_dead_worker_is_replaced_and_its_clip_made_again(tmp_path, monkeypatch, fault):
    token = tmp_path / "fault"
    faulty = partial(misbehave_once, token, fault, speak)  # the next clip, in any worker
    monkeypatch.setattr(audio.engines.espeak_worker, "speak", faulty)
    texts = [f"Sentence number {n} of the batch." for n in range(6)]
    with EspeakPool(workers=2, timeout=3.0) as pool:
        pool.synthesize(texts[:2], "gmw/en-us")  # both workers up; no token yet: no fault
        token.touch()
        clips = pool.synthesize(texts, "gmw/en-us")
        assert not token.exists()  # one job took the token and misbehaved
        stats = pool.stats
        assert (stats.timeouts, stats.crashes) == ((1, 0) if fault == "hang" else (0, 1))
        assert stats.clips == 8
        for text, clip in zip(texts, clips, strict=True):
            check_clip(clip, text)
        assert len(pool.synthesize(texts[:2], "gmw/en-us")) == 2  # the pool still works
    with pytest.raises(ProcessLookupError):
        os.kill(int(pid_file(token).read_text()), 0)  # the faulty worker is really gone


def test_closed_pool_refuses_work():
    pool = EspeakPool(workers=1)
    pool.close()
    with pytest.raises(SynthesisError, match="closed"):
        pool.synthesize(["Hello."], "gmw/en-us")


def test_silence_is_retried_then_refused_never_returned():
    # punctuation only: espeak writes a silent or empty file every time
    with EspeakPool(workers=1, retries=3) as pool, pytest.raises(SynthesisError) as caught:
        pool.synthesize(["..."], "gmw/en-us")
    assert "4 attempts" in str(caught.value)
    assert pool.stats.bad_clips == 4
    assert pool.stats.clips == 0
    assert pool.stats.retired >= 1  # two bad clips in a row: the worker is replaced


@pytest.mark.parametrize("rate", [10, 1000])
def test_absurd_rates_are_refused(rate):
    with EspeakPool() as pool, pytest.raises(ValueError, match="rate"):
        pool.synthesize(["Hello."], "gmw/en-us", rate=rate)
