"""A small published archive for the site tests: the six samples, Japanese + three languages."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from publisher.services import Services
from publisher.settings import Settings
from publisher.site.build import build_site
from tests.publisher.site.archive import publish_fixture, sample_files
from tests.support.backends import Backend
from tests.support.fake_engine import FakeEngine

BASE_URL = "http://city.test/"


def make_settings(folder: Path, backend: Backend | None = None) -> Settings:
    return Settings(
        data_dir=folder / "data",
        target_languages=("en", "pt", "vi"),
        base_url=BASE_URL,
        site_page_size=5,
        **(backend.settings if backend else {}),
    )


def publish_samples(services: Services, engine: FakeEngine) -> list[int]:
    """The samples published a day apart (sample 1 oldest); Vietnamese has no voice."""
    start = datetime(2026, 4, 1, 9, tzinfo=UTC)
    return [
        publish_fixture(
            services,
            json.loads(path.read_text(encoding="utf-8")),
            engine,
            audio=("ja", "en", "pt"),
            published_at=start + timedelta(days=number),
        )
        for number, path in enumerate(sample_files())
    ]


@pytest.fixture
def site_settings(tmp_path: Path, backend: Backend) -> Settings:
    """The embedded defaults; PostgreSQL too in the modules marked ``postgres``."""
    return make_settings(tmp_path, backend)


@pytest.fixture
def site_services(site_settings: Settings) -> Iterator[Services]:
    services = Services.create(site_settings, translation_engine_factory=lambda _: FakeEngine())
    yield services
    services.close()


@pytest.fixture
def engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
def samples() -> list[dict[str, str]]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in sample_files()]


@pytest.fixture
def archive(site_services: Services, engine: FakeEngine) -> list[int]:
    return publish_samples(site_services, engine)


@pytest.fixture
def built(site_services: Services, archive: list[int]) -> Path:
    """The archive built in full (no search index: that has its own tests); the site folder."""
    build_site(site_services, full=True, search=False)
    return site_services.settings.resolved_site_dir


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The same site, built once for a module of tests that only read it."""
    settings = make_settings(tmp_path_factory.mktemp("site"))
    services = Services.create(settings, translation_engine_factory=lambda _: FakeEngine())
    try:
        publish_samples(services, FakeEngine())
        build_site(services, full=True, search=False)
    finally:
        services.close()
    yield settings.resolved_site_dir


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of a site, by path (links followed): to compare byte for byte."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def inodes(folder: Path) -> dict[str, tuple[int, int]]:
    """Each file's inode and modification time: a file rewritten gets a new inode."""
    result = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            found = path.stat()
            result[path.relative_to(folder).as_posix()] = (found.st_ino, found.st_mtime_ns)
    return result


Snapshot = Callable[[Path], dict[str, bytes]]
