"""Voicing in the publisher: what is read, and every language has audio or says why not."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import soundfile
from fastapi.testclient import TestClient

from publisher.documents import localize, snapshot
from publisher.outcomes import EASY_JAPANESE
from publisher.services import Services
from publisher.settings import Settings
from publisher.speech_text import speech_sentences
from tests.conftest import SAMPLES
from tests.support.argos_fixture import build_argos_package
from translations.models import install_package_file

ENGLISH = "The city will open evacuation shelters today."
PORTUGUESE = "A cidade vai abrir abrigos hoje."
TAGALOG = "Magbubukas ang lungsod ng mga evacuation center ngayon."

Headers = dict[str, dict[str, str]]


def test_engine_reads_digit_groups_while_captions_show_the_number() -> None:
    source = snapshot(
        1,
        1,
        "disaster",
        "避難所の開設",
        "本日、避難所を開設しました。",
        "危機管理課 電話 053-000-0110",
    )
    sentences = speech_sentences(localize(source, "ja", None))
    contact = sentences[-1]
    assert contact.id == "contact"
    assert "0 5 3、0 0 0、0 1 1 0" in contact.text
    assert "053-000-0110" not in contact.text
    assert contact.caption is not None and "053-000-0110" in contact.caption
    assert contact.caption.startswith("お問い合わせ先：")
    assert sentences[0].display_text == "避難所の開設"


def test_pasted_html_tags_are_not_spelled_out_but_captions_show_them() -> None:
    source = snapshot(
        1,
        1,
        "other",
        "<b>避難所</b>の開設",
        "<span style='color:red'>本日</span>、避難所を開設しました。<br>\n\nキーは<Enter>です。",
        None,
    )
    title, first, second = speech_sentences(localize(source, "ja", None))
    assert title.text == "避難所 の開設"
    assert title.display_text == "<b>避難所</b>の開設"
    assert first.text == "本日 、避難所を開設しました。"
    assert second.text == "キーは<Enter>です。"  # not an HTML element: read as written


@pytest.fixture
def settings(tmp_path: Path, request: pytest.FixtureRequest) -> Settings:
    """en, pt and tl (which has no voice); ``voice_fallbacks`` from the test's parameter."""
    return Settings(
        data_dir=tmp_path / "data",
        target_languages=("en", "pt", "tl"),
        base_url="http://testserver/",
        voice_fallbacks=getattr(request, "param", {}),
    )


@pytest.fixture
def portuguese() -> str:
    """What the en->pt model says, whatever it is asked."""
    return PORTUGUESE


@pytest.fixture
def installed_models(services: Services, tmp_path: Path, portuguese: str) -> None:
    packages_dir = services.settings.argos_dir / "argos-packages"
    for source, target, sentence in (
        ("ja", "en", ENGLISH),
        ("en", "pt", portuguese),
        ("en", "tl", TAGALOG),
    ):
        archive = build_argos_package(tmp_path / "models", source, target, sentence)
        install_package_file(archive, packages_dir)


def publish_sample(
    client: TestClient, keys: Headers, sample: dict[str, object] | None = None
) -> tuple[int, dict[str, object]]:
    if sample is None:
        sample = json.loads((SAMPLES / "03-evacuation-shelter.json").read_text(encoding="utf-8"))
    created = client.post("/api/v1/bulletins", json=sample, headers=keys["editor"]).json()
    url = f"/api/v1/bulletins/{created['id']}"
    client.post(f"{url}/submit", headers=keys["editor"])
    client.post(f"{url}/approve", headers=keys["approver"])
    status_url = client.post(f"{url}/publish", headers=keys["approver"]).json()["status_url"]
    job: dict[str, object] = client.get(status_url, headers=keys["approver"]).json()
    assert job["state"] == "succeeded", job
    return int(created["id"]), job


def versions_of(
    client: TestClient, keys: Headers, bulletin_id: int
) -> dict[str, dict[str, object]]:
    body = client.get(f"/api/v1/bulletins/{bulletin_id}", headers=keys["editor"]).json()
    return {version["language"]: version for version in body["versions"]}


def every_language_has_audio_or_says_why(job: dict[str, object], settings: Settings) -> None:
    progress = job["progress"]
    assert isinstance(progress, dict)
    # The sample has an easy-Japanese version: it is voiced too, as its own version.
    assert set(progress) == {*settings.published_languages, EASY_JAPANESE}
    for language, entry in progress.items():
        assert entry["status"] == "published", (language, entry)
        assert "audio_seconds" in entry or entry.get("detail"), (language, entry)


@pytest.mark.slow
def test_tagalog_without_a_voice_is_published_and_reported(
    installed_models: None, client: TestClient, keys: Headers, services: Services
) -> None:
    bulletin_id, job = publish_sample(client, keys)
    every_language_has_audio_or_says_why(job, services.settings)
    versions = versions_of(client, keys, bulletin_id)
    tagalog = versions["tl"]
    assert tagalog["page_url"] and tagalog["audio_url"] is None
    assert str(tagalog["detail"]).startswith("no voice installed")
    assert "KAKEHASHI_VOICE_FALLBACKS" in str(tagalog["detail"])
    site = services.settings.resolved_site_dir
    for language in ("ja", "en", "pt"):
        assert versions[language]["audio_url"], language
        folder = site / language / "bulletins" / str(bulletin_id)
        mp3 = soundfile.info(str(folder / "audio.mp3"))
        cues = re.findall(
            r"--> (\d\d):(\d\d):(\d\d\.\d\d\d)", (folder / "captions.vtt").read_text()
        )
        h, m, s = cues[-1]
        assert abs(int(h) * 3600 + int(m) * 60 + float(s) - mp3.duration) < 0.5
    # the contact line is read digit group by digit group, but the captions show the number
    assert (
        "053-000-0110"
        in (site / "ja" / "bulletins" / str(bulletin_id) / "captions.vtt").read_text()
    )
    assert not (site / "tl" / "bulletins" / str(bulletin_id) / "audio.mp3").exists()


@pytest.mark.slow
def test_tag_like_text_keeps_every_language_voiced(
    installed_models: None, client: TestClient, keys: Headers, services: Services
) -> None:
    sample = json.loads((SAMPLES / "03-evacuation-shelter.json").read_text(encoding="utf-8"))
    sample["title"] = "<b>避難所</b>を開設しました"
    sample["body"] = "本日、<b>避難所</b>を開設しました。\n\n" + sample["body"]
    bulletin_id, job = publish_sample(client, keys, sample)
    every_language_has_audio_or_says_why(job, services.settings)
    versions = versions_of(client, keys, bulletin_id)
    for language in ("ja", "en", "pt"):
        assert versions[language]["audio_url"], (language, versions[language]["detail"])


@pytest.mark.slow
@pytest.mark.parametrize("settings", [{"tl": "en"}], indirect=True)
def test_a_configured_substitute_voice_reads_tagalog_and_is_recorded(
    installed_models: None, client: TestClient, keys: Headers, services: Services
) -> None:
    bulletin_id, job = publish_sample(client, keys)
    every_language_has_audio_or_says_why(job, services.settings)
    tagalog = versions_of(client, keys, bulletin_id)["tl"]
    assert tagalog["audio_url"] and tagalog["voice_substitute_for"] == "tl"
    assert "English" in str(tagalog["voice"])
    assert tagalog["detail"] is None


@pytest.mark.slow
@pytest.mark.parametrize("portuguese", ["..."])
def test_a_language_whose_audio_fails_is_published_without_audio_and_says_why(
    installed_models: None, client: TestClient, keys: Headers, services: Services
) -> None:
    """The pt model answers "...": nothing to say, so that track fails; the others do not."""
    bulletin_id, job = publish_sample(client, keys)
    every_language_has_audio_or_says_why(job, services.settings)
    versions = versions_of(client, keys, bulletin_id)
    portuguese = versions["pt"]
    assert portuguese["page_url"] and portuguese["audio_url"] is None
    assert "audio failed" in str(portuguese["detail"])
    assert "no speakable text" in str(portuguese["detail"])
    assert versions["en"]["audio_url"] and versions["ja"]["audio_url"]
