import numpy as np
import pytest

from audio.cache import ClipCache, clip_key, engine_version
from audio.clip import Clip
from audio.voices import DEFAULT_VOICES, slower


def _clip() -> Clip:
    return Clip(np.linspace(-0.5, 0.5, 2205, dtype=np.float32), 22_050)


def test_key_depends_on_everything_that_shapes_the_sound():
    en, pt = DEFAULT_VOICES["en"], DEFAULT_VOICES["pt"]
    base = clip_key("Hello.", en, "v1")
    assert len(base) == 64
    assert base == clip_key("Hello.", en, "v1")
    assert base != clip_key("Hello!", en, "v1")
    assert base != clip_key("Hello.", pt, "v1")
    assert base != clip_key("Hello.", en, "v2")


def test_a_slower_clip_never_stands_in_for_a_normal_one():
    ja = DEFAULT_VOICES["ja"]
    slow = slower(ja, 0.85)
    assert slow.speed == 0.85 and slow.label != ja.label
    assert clip_key("避難所です。", slow, "v1") != clip_key("避難所です。", ja, "v1")
    assert clip_key("避難所です。", slow, "v1") == clip_key("避難所です。", slower(ja, 0.85), "v1")


def test_only_open_jtalk_voices_take_a_speed():
    with pytest.raises(ValueError, match="only Open JTalk"):
        slower(DEFAULT_VOICES["en"], 0.85)
    with pytest.raises(ValueError, match=r"0\.5-2\.0"):
        slower(DEFAULT_VOICES["ja"], 0.1)


def test_engine_versions_name_the_installed_packages():
    assert engine_version(DEFAULT_VOICES["ja"]).startswith("pyopenjtalk-plus ")
    espeak = engine_version(DEFAULT_VOICES["en"])
    assert espeak.startswith("pyttsx3 2.99; ")
    assert "eSpeak NG" in espeak
    assert "Data at" not in espeak


def test_put_then_get_round_trips(tmp_path):
    cache = ClipCache(tmp_path)
    key = clip_key("Hello.", DEFAULT_VOICES["en"], "v1")
    assert cache.get(key) is None
    cache.put(key, _clip())
    got = cache.get(key)
    assert got is not None
    assert got.sample_rate == 22_050
    np.testing.assert_allclose(got.samples, _clip().samples, atol=1 / 32_000)
    assert not list(tmp_path.rglob("*.tmp"))  # the temporary file was renamed away


def test_corrupt_entry_is_a_miss_and_removed(tmp_path):
    cache = ClipCache(tmp_path)
    key = "ab" * 32
    path = cache.path(key)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"RIFF garbage")
    assert cache.get(key) is None
    assert not path.exists()


def test_keys_cannot_escape_the_folder(tmp_path):
    with pytest.raises(ValueError):
        ClipCache(tmp_path).path("../../etc/passwd")
