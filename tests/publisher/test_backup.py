"""Backups: an online copy that restores to the same bulletins, media and site."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from publisher.backup import BackupError, backup, restore, verify
from publisher.services import Services
from publisher.settings import Settings
from publisher.site.build import build_site
from publisher.tables import Bulletin, Revision
from tests.publisher.test_api_bulletins import SAMPLE, Headers


def media_files(settings: Settings) -> dict[str, bytes]:
    return {
        str(p.relative_to(settings.media_dir)): p.read_bytes()
        for p in settings.media_dir.rglob("*")
        if p.is_file()
    }


@pytest.mark.slow
def test_backup_and_restore_round_trip(
    client: TestClient, keys: Headers, services: Services, settings: Settings, tmp_path: Path
) -> None:
    created = client.post(
        "/api/v1/bulletins", json={**SAMPLE, "languages": []}, headers=keys["editor"]
    ).json()
    url = f"/api/v1/bulletins/{created['id']}"
    client.post(f"{url}/submit", headers=keys["editor"])
    client.post(f"{url}/approve", headers=keys["approver"])
    client.post(f"{url}/publish", headers=keys["approver"])
    client.patch(url, json={"title": "第二版"}, headers=keys["editor"])
    media_before = media_files(settings)
    assert media_before

    summary = backup(settings, tmp_path / "backup")  # while the app is running
    assert summary.files == len(media_before) + 1

    restored = settings.model_copy(update={"data_dir": tmp_path / "restored"})
    restore(restored, tmp_path / "backup")
    copy = Services.create(restored)
    try:
        with Session(copy.db) as session:
            bulletin = session.exec(select(Bulletin)).one()
            titles = [r.title for r in session.exec(select(Revision)).all()]
        assert bulletin.state == "draft" and bulletin.published_revision == 1
        assert titles == [SAMPLE["title"], "第二版"]
        assert media_files(restored) == media_before
        site = build_site(copy)
        assert (site / "ja" / "bulletins" / str(created["id"]) / "audio.mp3").is_file()
    finally:
        copy.close()


def test_a_damaged_backup_is_refused_before_anything_changes(
    services: Services, settings: Settings, tmp_path: Path
) -> None:
    backup(settings, tmp_path / "backup")
    (tmp_path / "backup" / "kakehashi.db").write_bytes(b"garbage")
    with pytest.raises(BackupError, match="checksum"):
        verify(tmp_path / "backup")
    target = settings.model_copy(update={"data_dir": tmp_path / "other"})
    with pytest.raises(BackupError):
        restore(target, tmp_path / "backup")
    assert not (tmp_path / "other" / "kakehashi.db").exists()


def test_restore_will_not_overwrite_without_force(
    services: Services, settings: Settings, tmp_path: Path
) -> None:
    backup(settings, tmp_path / "backup")
    with pytest.raises(BackupError, match="--force"):
        restore(settings, tmp_path / "backup")
    assert restore(settings, tmp_path / "backup", force=True) >= 1


def test_backup_refuses_a_folder_that_is_not_empty(
    services: Services, settings: Settings, tmp_path: Path
) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    with pytest.raises(BackupError, match="not empty"):
        backup(settings, tmp_path / "full")


def test_backup_with_models_keeps_converted_models(
    services: Services, settings: Settings, tmp_path: Path
) -> None:
    """``--models`` copies both kinds of installed model, and a restore puts them back."""
    from tests.support.converted_fixture import build_m2m_model
    from translations.models import install_model, list_converted

    install_model(build_m2m_model(tmp_path / "built", verify=False), settings.models_dir)
    backup(settings, tmp_path / "backup", include_models=True)
    restored = settings.model_copy(update={"data_dir": tmp_path / "restored"})
    restore(restored, tmp_path / "backup")
    (model,) = list_converted(restored.models_dir)
    assert (model.name, model.family_key) == ("m2m100-tiny", "m2m100")
