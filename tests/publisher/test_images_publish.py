"""An image's alt text through the real pipeline: an argos model translates it, the memory
keeps it, a correction changes it, real voices read it, every page shows it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from publisher.api.app import create_app
from publisher.queue import JobQueue, make_huey
from publisher.services import Services
from publisher.settings import Settings
from publisher.tables import SegmentTranslation
from tests.support.argos_fixture import build_argos_package
from tests.support.backends import Backend
from tests.support.images import photo_with_gps
from translations.models import install_package_file

ENGLISH = "The city will open evacuation shelters today."
ALT = "中央小学校の避難所までの地図"

pytestmark = pytest.mark.slow


@pytest.fixture
def settings(tmp_path: Path, backend: Backend) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        target_languages=("en",),
        base_url="http://testserver/",
        **backend.settings,
    )


@pytest.fixture
def client(services: Services, tmp_path: Path) -> Iterator[TestClient]:
    packages_dir = services.settings.argos_dir / "argos-packages"
    install_package_file(
        build_argos_package(tmp_path / "models", "ja", "en", ENGLISH), packages_dir
    )
    queue = JobQueue(services, make_huey(services, immediate=True))
    with TestClient(create_app(services, queue, serve_site=False)) as test_client:
        yield test_client


def test_alt_text_is_translated_corrected_and_read_like_a_sentence(
    client: TestClient, keys: dict[str, dict[str, str]], services: Services
) -> None:
    editor, approver = keys["editor"], keys["approver"]
    body = "本日、避難所を開設しました。\n\n![](image:1)"
    created = client.post(
        "/api/v1/bulletins",
        json={
            "title": "避難所の開設",
            "body": "本日、避難所を開設しました。",
            "category": "disaster",
        },
        headers=editor,
    ).json()
    url = f"/api/v1/bulletins/{created['id']}"
    uploaded = client.post(
        f"{url}/images",
        files={"file": ("map.jpg", photo_with_gps(1200, 800), "image/jpeg")},
        data={"alt": ALT, "kind": "map"},
        headers=editor,
    )
    assert uploaded.status_code == 201, uploaded.text
    assert client.patch(url, json={"body": body}, headers=editor).status_code == 200

    def publish() -> None:
        client.post(f"{url}/submit", headers=editor)
        client.post(f"{url}/approve", headers=approver)
        accepted = client.post(f"{url}/publish", headers=approver).json()
        job = client.get(accepted["status_url"], headers=editor).json()
        assert job["state"] == "succeeded", job

    publish()
    with Session(services.db) as session:
        row = session.exec(
            select(SegmentTranslation).where(
                SegmentTranslation.language == "en", SegmentTranslation.source_text == ALT
            )
        ).one()
    assert row.engine != "fake" and row.origin == "machine"
    assert row.text == ENGLISH

    folder = services.settings.resolved_site_dir / "en" / "bulletins" / str(created["id"])
    page = (folder / "index.html").read_text(encoding="utf-8")
    (figure,) = re.findall(r"<figure[^>]*>.*?</figure>", page)
    assert f'alt="{ENGLISH}"' in figure
    assert f"Image: {ENGLISH}" in (folder / "captions.vtt").read_text(encoding="utf-8")
    japanese = folder.parents[2] / "ja" / "bulletins" / str(created["id"])
    assert f'alt="{ALT}"' in (japanese / "index.html").read_text(encoding="utf-8")
    assert f"画像： {ALT}" in (japanese / "captions.vtt").read_text(encoding="utf-8")

    # Staff correct the alt text's translation like any sentence; the page follows.
    translations = client.get(f"{url}/translations/en", headers=editor).json()
    segment = next(s for s in translations["segments"] if s["source"] == ALT)
    corrected = client.put(
        f"{url}/translations/en/segments/{segment['segment_id']}",
        json={"text": "Map to the shelter at Chuo Elementary School"},
        headers=approver,
    )
    assert corrected.status_code in (200, 202), corrected.text
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert 'alt="Map to the shelter at Chuo Elementary School"' in page

    # Edited again (the same alt text), it is reused from memory: the correction stays.
    client.patch(url, json={"title": "避難所の開設（更新）"}, headers=editor)
    publish()
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert 'alt="Map to the shelter at Chuo Elementary School"' in page
