"""Settings: typed, validated, and safe by default."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from publisher.settings import HAMAMATSU_LANGUAGES, Settings


def test_defaults_are_the_hamamatsu_languages_on_local_folders(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    settings = Settings()
    assert settings.target_languages == HAMAMATSU_LANGUAGES
    assert settings.resolved_database_url == f"sqlite:///{tmp_path / 'data' / 'kakehashi.db'}"
    assert settings.resolved_site_dir == tmp_path / "data" / "site"
    assert settings.queue_backend == "sqlite"


def test_environment_variables_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAKEHASHI_TARGET_LANGUAGES", "en, pt")
    monkeypatch.setenv("KAKEHASHI_VOICE_FALLBACKS", "tl=en")
    monkeypatch.setenv("KAKEHASHI_BASE_URL", "https://news.example.city.lg.jp")
    settings = Settings()
    assert settings.target_languages == ("en", "pt")
    assert settings.voice_fallbacks == {"tl": "en"}
    assert settings.base_url == "https://news.example.city.lg.jp/"


@pytest.mark.parametrize(
    "values",
    [
        {"target_languages": ("en", "klingon")},
        {"target_languages": ("en", "en")},
        {"base_url": "example.org"},
        {"environment": "production"},
    ],
)
def test_unsafe_or_invalid_values_are_refused(values: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Settings(**values)  # type: ignore[arg-type]


def test_a_city_pins_languages_to_a_kind_of_route(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("KAKEHASHI_TRANSLATION_ROUTES", "pt=pivot, zh-hans=multilingual")
    settings = Settings(data_dir=tmp_path)
    assert settings.translation_routes == {"pt": "pivot", "zh": "multilingual"}
    assert settings.models_dir == tmp_path.resolve() / "models"
    with pytest.raises(ValidationError, match="bilingual"):
        Settings(translation_routes={"pt": "fastest"})
    with pytest.raises(ValidationError, match="unknown language code 'xx'"):
        Settings(translation_routes={"xx": "pivot"})


def test_pins_reach_the_engine(tmp_path: Path) -> None:
    from publisher.services import default_translation_engine
    from translations.engine import ArgosEngine
    from translations.statuses import RouteVia

    settings = Settings(data_dir=tmp_path, translation_routes={"vi": "bilingual"})
    engine = default_translation_engine(settings)
    assert isinstance(engine, ArgosEngine)
    assert engine.pins == {"vi": RouteVia.BILINGUAL}
    assert engine.models_dir == settings.models_dir


@pytest.mark.parametrize("site", ["data", "data/preview/site"])
def test_a_site_folder_that_would_hold_or_be_inside_the_previews_is_refused(
    tmp_path: Path, site: str
) -> None:
    with pytest.raises(ValueError, match="private preview folder"):
        Settings(data_dir=tmp_path / "data", site_dir=tmp_path / site)
    assert Settings(data_dir=tmp_path / "data", site_dir=tmp_path / "public").preview_dir == (
        (tmp_path / "data" / "preview").resolve()
    )
