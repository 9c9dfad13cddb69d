from __future__ import annotations

import pytest

from translations.languages import (
    LANGUAGES,
    UnknownLanguageError,
    argos_code,
    get_language,
    sentence_joiner,
)


def test_every_published_language_is_listed() -> None:
    expected = {"ja", "en", "pt", "es", "vi", "tl", "zh", "zh-Hant", "ko", "id", "ne", "th", "my"}
    assert set(LANGUAGES) == expected
    assert all(language.direction == "ltr" for language in LANGUAGES.values())


def test_names_and_argos_codes() -> None:
    assert get_language("pt").native_name == "Português"
    assert get_language("vi").native_name == "Tiếng Việt"
    assert get_language("ne").native_name == "नेपाली"
    assert get_language("zh").native_name == "中文（简体）"
    assert get_language("zh-Hant").native_name == "中文（繁體）"
    assert argos_code("zh-Hant") == "zt"
    assert argos_code("zh") == "zh"
    assert argos_code("tl") == "tl"


def test_aliases_and_case() -> None:
    assert get_language("zh-hant").code == "zh-Hant"
    assert get_language("zh-Hans").code == "zh"
    assert get_language("PT-BR").code == "pt"
    assert get_language("fil").code == "tl"


def test_unknown_language_is_a_value_error() -> None:
    with pytest.raises(UnknownLanguageError, match="xx"):
        get_language("xx")
    assert issubclass(UnknownLanguageError, ValueError)


def test_mapping_is_read_only() -> None:
    with pytest.raises(TypeError):
        LANGUAGES["xx"] = LANGUAGES["en"]  # type: ignore[index]


def test_sentence_joiner() -> None:
    assert sentence_joiner("ja") == ""
    assert sentence_joiner("zh-Hant") == ""
    assert sentence_joiner("en") == " "
