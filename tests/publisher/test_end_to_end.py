"""A sample bulletin through the whole path with real argos packages and real voices."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import soundfile
from fastapi.testclient import TestClient

from publisher.services import Services
from tests.conftest import SAMPLES
from tests.support.argos_fixture import build_argos_package
from translations.models import install_package_file

ENGLISH = "The city will open evacuation shelters today."
PORTUGUESE = "A cidade vai abrir abrigos hoje."

pytestmark = pytest.mark.slow


@pytest.fixture
def installed_models(services: Services, tmp_path: Path) -> None:
    packages_dir = services.settings.argos_dir / "argos-packages"
    for source, target, sentence in (("ja", "en", ENGLISH), ("en", "pt", PORTUGUESE)):
        archive = build_argos_package(tmp_path / "models", source, target, sentence)
        install_package_file(archive, packages_dir)


def mp3_seconds(path: Path) -> float:
    info = soundfile.info(str(path))
    return float(info.frames / info.samplerate)


def test_sample_bulletin_is_published_in_ja_en_pt_and_vi_is_reported_missing(
    installed_models: None,
    client: TestClient,
    keys: dict[str, dict[str, str]],
    services: Services,
) -> None:
    sample = json.loads((SAMPLES / "03-evacuation-shelter.json").read_text(encoding="utf-8"))
    created = client.post("/api/v1/bulletins", json=sample, headers=keys["editor"]).json()
    url = f"/api/v1/bulletins/{created['id']}"
    client.post(f"{url}/submit", headers=keys["editor"])
    client.post(f"{url}/approve", headers=keys["approver"])
    job = client.get(
        client.post(f"{url}/publish", headers=keys["approver"]).json()["status_url"],
        headers=keys["approver"],
    ).json()
    assert job["state"] == "succeeded", job

    versions = {
        v["language"]: v for v in client.get(url, headers=keys["editor"]).json()["versions"]
    }
    assert versions["en"]["route"] == "bilingual"
    assert versions["pt"]["route"] == "pivot"
    assert versions["vi"]["status"] == "missing_model"
    assert versions["vi"]["page_url"] is None

    site = services.settings.resolved_site_dir
    for language, expected in (("ja", "避難所"), ("en", ENGLISH), ("pt", PORTUGUESE)):
        page = (site / language / "bulletins" / str(created["id"]) / "index.html").read_text()
        assert re.search(rf'<html lang="{language}" dir="ltr">', page)
        assert expected in page
        if language != "ja":
            assert "../../../ja/bulletins/" in page  # link to the Japanese original
        audio = site / language / "bulletins" / str(created["id"]) / "audio.mp3"
        assert mp3_seconds(audio) >= 1.0
        assert versions[language]["audio_url"].endswith(
            f"/{language}/bulletins/{created['id']}/audio.mp3"
        )
    assert not (site / "vi" / "bulletins" / str(created["id"])).exists()
    index = (site / "pt" / "index.html").read_text()
    assert PORTUGUESE in index

    # The easy-Japanese version: its own page with furigana, read by Open JTalk, slower.
    easy = versions["ja-easy"]
    assert easy["status"] == "published"
    assert "0.85×" in easy["voice"]
    assert easy["page_url"].endswith(f"/ja/bulletins/{created['id']}/easy/")
    folder = site / "ja" / "bulletins" / str(created["id"]) / "easy"
    page = (folder / "index.html").read_text()
    assert '<html lang="ja" dir="ltr">' in page
    assert "<ruby>" in page
    assert mp3_seconds(folder / "audio.mp3") >= 1.0
    assert (folder / "captions.vtt").read_text().startswith("WEBVTT")
    english = (site / "en" / "bulletins" / str(created["id"]) / "index.html").read_text()
    assert "machine-translated from the easy-Japanese version" in english
    assert 'href="../../../ja/bulletins/' in english and '/easy/"' in english
