import io

import numpy as np
import pytest
import soundfile

from audio.assemble import assemble, encode_mp3
from audio.clip import Clip
from audio.speech import SpeechSentence, heading


def _speechlike(seconds: float, rate: int, pad: float = 0.2) -> Clip:
    """A tone with engine-style silent padding on both ends."""
    t = np.arange(round(seconds * rate)) / rate
    voiced = 0.4 * np.sin(2 * np.pi * 180 * t)
    silence = np.zeros(round(pad * rate))
    return Clip(np.concatenate([silence, voiced, silence]).astype(np.float32), rate)


SENTENCES = [
    heading("title", "Shelters opened"),
    SpeechSentence("s1", "First sentence."),
    SpeechSentence("s2", "Second sentence."),
]
CLIPS = [_speechlike(1.0, 48_000), _speechlike(2.0, 22_050), _speechlike(0.5, 24_000)]


def test_cues_are_ordered_without_overlap_and_pauses_are_exact():
    samples, cues = assemble(CLIPS, SENTENCES)
    assert [c.sentence_id for c in cues] == ["title", "s1", "s2"]
    assert [c.text for c in cues] == [s.text for s in SENTENCES]
    for cue, following, sentence in zip(cues, cues[1:], SENTENCES, strict=False):
        assert cue.start < cue.end
        assert following.start - cue.end == pytest.approx(sentence.pause_after, abs=1e-4)
    # engine padding trimmed to a short edge: voiced length + 2 x 40 ms
    assert cues[1].end - cues[1].start == pytest.approx(2.0 + 0.08, abs=0.01)
    assert samples.dtype == np.float32
    assert samples.size / 24_000 == pytest.approx(cues[-1].end + 0.3, abs=1e-3)


def test_mismatched_lengths_are_an_error():
    with pytest.raises(ValueError):
        assemble(CLIPS[:2], SENTENCES)


def test_mp3_is_24k_mono_48kbps_and_as_long_as_the_cues():
    samples, cues = assemble(CLIPS, SENTENCES)
    mp3 = encode_mp3(samples, 24_000)
    info = soundfile.info(io.BytesIO(mp3))
    assert (info.format, info.samplerate, info.channels) == ("MP3", 24_000, 1)
    assert abs(info.duration - cues[-1].end) < 0.5
    assert len(mp3) == pytest.approx(info.duration * 48_000 / 8, rel=0.1)
    decoded, _ = soundfile.read(io.BytesIO(mp3), dtype="float32")
    assert np.max(np.abs(decoded)) > 0.2  # not silence


def test_cues_show_the_caption_not_the_engine_text():
    sentences = [
        heading("title", "Shelters opened"),
        SpeechSentence("s1", "Call 0 5 3, 0 0 0, 0 1 1 0.", caption="Call 053-000-0110."),
        SpeechSentence("s2", "Second sentence."),
    ]
    _, cues = assemble(CLIPS, sentences)
    assert [cue.text for cue in cues] == [
        "Shelters opened",
        "Call 053-000-0110.",
        "Second sentence.",
    ]
