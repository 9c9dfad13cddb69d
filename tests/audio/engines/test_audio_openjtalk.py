import re
import time

import pytest

from audio.engines.openjtalk import synthesize_japanese
from audio.verify import check_clip
from tests.support.mora import count_mora


def test_count_mora():
    assert count_mora("避難所") == 4  # ヒ・ナン -> ヒ ナ ン ジョ: small ョ is not a mora
    assert count_mora("ちょっと") == 3  # チョ ッ ト


@pytest.mark.slow
def test_japanese_sentence_has_plausible_duration(shelter_bulletin):
    sentence = re.split(r"(?<=。)", shelter_bulletin["body"])[0].strip()
    started = time.perf_counter()
    clip = synthesize_japanese(sentence)
    elapsed = time.perf_counter() - started
    assert clip.sample_rate == 48_000
    assert clip.samples.dtype.name == "float32"
    per_mora = clip.duration / count_mora(sentence)
    assert 0.08 <= per_mora <= 0.25, per_mora
    check_clip(clip, sentence)
    assert elapsed < clip.duration  # faster than real time even with the first-call load


@pytest.mark.slow
def test_a_slower_speed_reads_the_same_text_longer_and_still_passes_the_checks():
    from audio.render import japanese_clip

    sentence = "避難所に 行く ときは、 飲み物を 持って いって ください。"
    normal = synthesize_japanese(sentence)
    slow = japanese_clip(sentence, 0.85)  # verified for its speed
    assert 1.1 <= slow.duration / normal.duration <= 1.3, (slow.duration, normal.duration)


def test_empty_text_is_an_error_not_silence():
    from audio.errors import SynthesisError

    with pytest.raises(SynthesisError):
        synthesize_japanese("")
