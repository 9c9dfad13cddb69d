from __future__ import annotations

import pytest

from tests.support.fake_engine import FakeEngine
from translations.engine import TranslationEngine
from translations.languages import LANGUAGES, UnknownLanguageError


def test_is_a_translation_engine() -> None:
    engine: TranslationEngine = FakeEngine()
    assert engine.name == "fake"


def test_predictable_output_keeps_placeholders_and_empty_strings() -> None:
    engine = FakeEngine()
    assert engine.translate(["電話 [1]", "", "  "], "ja", "pt") == ["[pt] 電話 [1]", "", "  "]
    assert engine.calls == [("ja", "pt", 3)]


def test_every_known_language_is_direct() -> None:
    routes = FakeEngine().routes("ja", list(LANGUAGES))
    for code, route in routes.items():
        assert route is not None
        assert route.kind == "direct"
        assert route.target == code
    assert routes["ja"] is not None and routes["ja"].steps == ()
    assert routes["zh-Hant"] is not None and routes["zh-Hant"].steps[0].to_code == "zt"


def test_unknown_languages_are_rejected() -> None:
    with pytest.raises(UnknownLanguageError):
        FakeEngine().translate(["x"], "ja", "xx")


def test_model_version() -> None:
    assert FakeEngine().model_version("ja", "en") == "fake:ja-en"
