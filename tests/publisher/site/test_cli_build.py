"""``python main.py build``: incremental by default, ``--full`` renders everything again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from publisher.services import Services

REPO = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.postgres  # on SQLite, and again on PostgreSQL


def run_build(services: Services, *args: str) -> subprocess.CompletedProcess[str]:
    settings = services.settings
    env = {
        **os.environ,
        "KAKEHASHI_DATA_DIR": str(settings.data_dir),
        "KAKEHASHI_TARGET_LANGUAGES": ",".join(settings.target_languages),
        "KAKEHASHI_BASE_URL": settings.base_url,
        "KAKEHASHI_SITE_PAGE_SIZE": str(settings.site_page_size),
        **({"KAKEHASHI_DATABASE_URL": settings.database_url} if settings.database_url else {}),
    }
    return subprocess.run(
        [sys.executable, "main.py", "build", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        check=False,
    )


def test_build_full_then_an_update_with_nothing_to_do(
    site_services: Services, archive: list[int]
) -> None:
    full = run_build(site_services, "--full", "--no-search")
    assert full.returncode == 0, full.stderr
    assert full.stdout.startswith("full build: ")
    assert "pages)" in full.stdout
    again = run_build(site_services, "--no-search")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("update: 0 files written (0 pages), 0 removed")
    assert (site_services.settings.resolved_site_dir / "en/bulletins/3/index.html").is_file()
