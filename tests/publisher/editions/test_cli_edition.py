"""``python main.py edition --from DATE --to DATE [--language L]``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from publisher.services import Services

REPO = Path(__file__).resolve().parents[3]


def run_edition(services: Services, *args: str) -> subprocess.CompletedProcess[str]:
    settings = services.settings
    env = {
        **os.environ,
        "KAKEHASHI_DATA_DIR": str(settings.data_dir),
        "KAKEHASHI_TARGET_LANGUAGES": ",".join(settings.target_languages),
        "KAKEHASHI_BASE_URL": settings.base_url,
    }
    return subprocess.run(
        [sys.executable, "main.py", "edition", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        check=False,
    )


def test_the_command_makes_the_books_of_the_languages_asked_for(
    edition_services: Services, tmp_path: Path
) -> None:
    result = run_edition(
        edition_services,
        *("--from", "2026-04-01", "--to", "2026-04-30"),
        *("--language", "en", "--language", "vi", "--output", str(tmp_path)),
    )
    assert result.returncode == 0, result.stderr
    assert "en: 6 notices (6 with audio)" in result.stdout
    assert "vi: 6 notices (0 with audio)" in result.stdout
    assert "no DAISY book" in result.stdout
    assert sorted(path.name for path in (tmp_path / "en").iterdir()) == [
        "2026-04-01_2026-04-30-daisy.zip",
        "2026-04-01_2026-04-30.epub",
    ]
    assert not (tmp_path / "ja").exists()


def test_bad_dates_and_languages_are_refused_with_a_reason(edition_services: Services) -> None:
    bad_date = run_edition(edition_services, "--from", "April", "--to", "2026-04-30")
    assert bad_date.returncode == 2 and "is not a date" in bad_date.stderr
    reversed_period = run_edition(edition_services, "--from", "2026-04-30", "--to", "2026-04-01")
    assert reversed_period.returncode == 2 and "before it starts" in reversed_period.stderr
    unknown = run_edition(
        edition_services, "--from", "2026-04-01", "--to", "2026-04-30", "--language", "xx"
    )
    assert unknown.returncode == 2 and "not a published language" in unknown.stderr


def test_a_period_without_notices_says_so(edition_services: Services, tmp_path: Path) -> None:
    result = run_edition(
        edition_services, "--from", "2025-01-01", "--to", "2025-01-31", "--output", str(tmp_path)
    )
    assert result.returncode == 0, result.stderr
    assert "no notice was published" in result.stdout
