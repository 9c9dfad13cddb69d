import subprocess
import sys

import pytest

from audio.voices import DEFAULT_VOICES, Voice, available_voices, resolve_voice

KAKEHASHI_LANGUAGES = ("ja", "en", "pt", "es", "vi", "tl", "zh", "zh-Hant", "ko", "id", "ne")


def test_japanese_is_open_jtalk_and_the_rest_espeak():
    assert DEFAULT_VOICES["ja"].engine == "openjtalk"
    assert all(v.engine == "pyttsx3" for code, v in DEFAULT_VOICES.items() if code != "ja")
    assert DEFAULT_VOICES["pt"].voice_id == "roa/pt-br"
    assert DEFAULT_VOICES["zh"].voice_id == "sit/cmn"


def test_tagalog_has_no_default_voice():
    assert "tl" not in DEFAULT_VOICES
    assert resolve_voice("tl") is None


def test_fallback_gives_a_substitute_that_says_so():
    voice = resolve_voice("tl", fallbacks={"tl": "en"})
    assert voice == Voice(
        "en", "pyttsx3", "gmw/en-us", DEFAULT_VOICES["en"].label, substitute_for="tl"
    )


def test_fallback_is_ignored_when_the_language_has_its_own_voice():
    assert resolve_voice("pt", fallbacks={"pt": "es"}) == DEFAULT_VOICES["pt"]


def test_fallback_to_an_unknown_language_is_a_configuration_error():
    with pytest.raises(ValueError, match="xx"):
        resolve_voice("tl", fallbacks={"tl": "xx"})


@pytest.mark.slow
def test_every_default_voice_is_installed_here():
    available = available_voices()
    assert set(available) == set(DEFAULT_VOICES)
    assert {code for code in KAKEHASHI_LANGUAGES if code != "tl"} <= set(available)
    assert resolve_voice("tl", fallbacks={"tl": "en"}, installed_only=True) is not None


def test_probing_voices_never_initialises_pyttsx3_in_this_process():
    code = (
        "import sys; from audio.voices import available_voices; v = available_voices(); "
        "assert 'en' in v, v; assert 'pyttsx3' not in sys.modules; print('ok')"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.stdout.strip() == "ok", done.stderr
