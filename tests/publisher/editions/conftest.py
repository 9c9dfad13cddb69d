"""The six samples published a day apart in April 2026 (ja, en, pt voiced; vi without voice)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from publisher.editions.build import EditionFiles, build_editions
from publisher.services import Services
from tests.publisher.site.conftest import make_settings, publish_samples
from tests.support.fake_engine import FakeEngine

APRIL = (date(2026, 4, 1), date(2026, 4, 30))


@pytest.fixture(scope="module")
def edition_services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    folder = tmp_path_factory.mktemp("editions")
    services = Services.create(
        make_settings(folder), translation_engine_factory=lambda _: FakeEngine()
    )
    publish_samples(services, FakeEngine())
    yield services
    services.close()


@pytest.fixture(scope="module")
def april(edition_services: Services) -> dict[str, EditionFiles]:
    made = build_editions(edition_services, *APRIL)
    return {files.language: files for files in made}


@pytest.fixture(scope="module")
def media_dir(edition_services: Services) -> Path:
    return edition_services.settings.media_dir
