"""Shared fixtures for the translation library's tests: argos folders and fixture packages."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.argos_fixture import FixtureArchives, build_fixture_archives

_ARGOS_VARIABLES = (
    "ARGOS_PACKAGES_DIR",
    "XDG_DATA_HOME",
    "XDG_CACHE_HOME",
    "XDG_CONFIG_HOME",
    "ARGOS_DEVICE_TYPE",
)


@pytest.fixture(scope="session", autouse=True)
def argos_environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep argostranslate (if a test imports it) out of $HOME; restore the environment after."""
    from translations.models import configure_argos_environment

    saved = {name: os.environ.get(name) for name in _ARGOS_VARIABLES}
    data_dir = tmp_path_factory.mktemp("argos-data")
    configure_argos_environment(data_dir)
    yield data_dir
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(scope="session")
def archives(tmp_path_factory: pytest.TempPathFactory) -> FixtureArchives:
    return build_fixture_archives(tmp_path_factory.mktemp("archives"))


@pytest.fixture
def packages_dir(tmp_path: Path) -> Path:
    """An empty packages folder laid out as configure_argos_environment lays it out."""
    folder = tmp_path / "argos-packages"
    folder.mkdir()
    return folder


@pytest.fixture(scope="session")
def m2m_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A converted M2M-100-like model (ja, en, vi, ne) emitting a sentence per target."""
    from tests.support.converted_fixture import build_m2m_model

    return build_m2m_model(tmp_path_factory.mktemp("m2m"))


@pytest.fixture(scope="session")
def marian_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A converted OPUS-MT-like en→pt model, without Kakehashi's manifest."""
    from tests.support.converted_fixture import build_marian_model

    return build_marian_model(tmp_path_factory.mktemp("marian"))


@pytest.fixture
def models_dir(tmp_path: Path) -> Path:
    """An empty converted-models folder."""
    folder = tmp_path / "models"
    folder.mkdir()
    return folder
