"""A bulletin reaches Vietnamese and Nepali straight from Japanese through a multilingual model
installed from its converted folder, while Portuguese still pivots through argos packages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from publisher.services import Services
from publisher.settings import Settings
from tests.conftest import SAMPLES
from tests.support.argos_fixture import build_argos_package
from tests.support.backends import Backend
from tests.support.converted_fixture import NE, VI, build_m2m_model

REPO = Path(__file__).resolve().parents[2]
ENGLISH = "The city will open evacuation shelters today."
PORTUGUESE = "A cidade vai abrir abrigos hoje."

pytestmark = pytest.mark.slow


@pytest.fixture
def settings(tmp_path: Path, backend: Backend) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        target_languages=("en", "pt", "vi", "ne"),
        base_url="http://testserver/",
        **backend.settings,
    )


def main(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KAKEHASHI_DATA_DIR": str(settings.data_dir)}
    env.update({f"KAKEHASHI_{k.upper()}": str(v) for k, v in [("target_languages", "en,pt,vi,ne")]})
    return subprocess.run(
        [sys.executable, "main.py", *args], capture_output=True, text=True, cwd=REPO, env=env
    )


@pytest.fixture
def installed_models(settings: Settings, tmp_path: Path) -> None:
    """Both kinds of model, installed by the command a city's staff run."""
    archives = [
        build_argos_package(tmp_path / "argos", source, target, sentence)
        for source, target, sentence in (("ja", "en", ENGLISH), ("en", "pt", PORTUGUESE))
    ]
    m2m = build_m2m_model(tmp_path / "converted")
    installed = main(settings, "models", "install", *map(str, archives), str(m2m))
    assert installed.returncode == 0, installed.stderr
    assert "installed M2M-100 m2m100-tiny 1.0 (MIT): ja, en, vi, ne" in installed.stdout


def test_models_list_says_why_each_language_goes_its_way(
    installed_models: None, settings: Settings
) -> None:
    listed = main(settings, "models", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    routes = json.loads(listed.stdout)["routes"]
    assert {code: route["via"] for code, route in routes.items()} == {
        "en": "bilingual",
        "pt": "pivot",
        "vi": "multilingual",
        "ne": "multilingual",
    }
    assert routes["vi"]["path"] == "ja→vi"
    assert routes["vi"]["models"][0] | {"from": "", "to": ""} == {
        "family": "m2m100",
        "name": "m2m100-tiny",
        "version": "1.0",
        "license": "MIT",
        "from": "",
        "to": "",
    }
    text = main(settings, "models", "list").stdout
    assert "vi       ja→vi      direct, a multilingual model: m2m100 m2m100-tiny 1.0 (MIT)" in text
    assert "pt       ja→en→pt   pivot through English" in text


def test_vi_and_ne_published_directly_from_japanese_pt_through_english(
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
    assert job["progress"]["vi"]["route"] == "multilingual"
    assert job["progress"]["ne"]["models"][0]["license"] == "MIT"

    versions = {
        v["language"]: v for v in client.get(url, headers=keys["editor"]).json()["versions"]
    }
    assert {code: versions[code]["route"] for code in ("en", "pt", "vi", "ne")} == {
        "en": "bilingual",
        "pt": "pivot",
        "vi": "multilingual",
        "ne": "multilingual",
    }
    assert versions["vi"]["models"] == [
        {
            "family": "m2m100",
            "name": "m2m100-tiny",
            "version": "1.0",
            "license": "MIT",
            "from": "ja",
            "to": "vi",
        }
    ]
    assert [(m["family"], m["from"], m["to"]) for m in versions["pt"]["models"]] == [
        ("argos", "ja", "en"),
        ("argos", "en", "pt"),
    ]
    site = services.settings.resolved_site_dir
    for language, expected in (("vi", VI), ("ne", NE), ("pt", PORTUGUESE), ("en", ENGLISH)):
        assert versions[language]["status"] == "published", versions[language]
        page = (site / language / "bulletins" / str(created["id"]) / "index.html").read_text()
        assert f'<html lang="{language}" dir="ltr">' in page
        assert expected in page
        assert (site / language / "bulletins" / str(created["id"]) / "audio.mp3").is_file()
    translations = client.get(f"{url}/translations/vi", headers=keys["editor"]).json()
    assert {s["model_version"] for s in translations["segments"] if s["origin"] == "machine"} == {
        "m2m100:m2m100-tiny:ja-vi@1.0"
    }
