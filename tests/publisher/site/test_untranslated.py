"""No resident misses a notice: every language's lists and feeds have every published notice.

A notice not yet in a language (no model installed, held for review, failed) is listed there
with its Japanese title, a note in the reader's language and links to the Japanese page, its
furigana version and its audio; when the translation is published it takes its place.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import Session

from publisher.documents import snapshot
from publisher.services import Services
from publisher.site.build import update_site
from tests.publisher.site.archive import _write_versions, publish_fixture, sample_files
from tests.publisher.site.conftest import BASE_URL
from tests.publisher.site.linkcheck import SiteChecker
from tests.support.fake_engine import FakeEngine
from translations.catalogs import translations_for

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SHELTER = 3
"""The evacuation-shelter notice (sample 3): published in Japanese only at first."""


@pytest.fixture
def partial(site_services: Services, engine: FakeEngine) -> list[int]:
    """Six notices; English for the even ones only, Portuguese for none (no model yet)."""
    start = datetime(2026, 4, 1, 9, tzinfo=UTC)
    ids = []
    for number, path in enumerate(sample_files()):
        sample = json.loads(path.read_text(encoding="utf-8"))
        languages = ("en", "vi") if number % 2 else ()
        ids.append(
            publish_fixture(
                site_services,
                sample,
                engine,
                languages=languages,
                audio=("ja", "en"),
                published_at=start + timedelta(days=number),
            )
        )
    return ids


def listed(site: Path, language: str) -> list[int]:
    """Every bulletin the language's archive lists (its month parts hold every notice once)."""
    ids: list[int] = []
    for page in sorted((site / language / "archive").glob("????-??/**/index.html")):
        if "furigana" in page.parts:
            continue
        html = page.read_text(encoding="utf-8")
        ids += [int(found) for found in re.findall(r'<h2><a href="[^"]*bulletins/(\d+)/"', html)]
    return ids


def test_every_language_lists_every_notice(site_services: Services, partial: list[int]) -> None:
    update_site(site_services, full=True)  # with the search index the search pages load
    site = site_services.settings.resolved_site_dir
    for language in ("ja", "en", "pt", "vi"):
        assert sorted(listed(site, language)) == sorted(partial), language
        index = (site / language / "index.html").read_text(encoding="utf-8")
        assert (
            translations_for(language).gettext("There are no notices at the moment.") not in index
        )
    # Categories too: the shelter notice is the only disaster notice, in Japanese only.
    category = (site / "pt/categories/disaster/index.html").read_text(encoding="utf-8")
    assert f"ja/bulletins/{SHELTER}/" in category
    assert SiteChecker(site.resolve(), BASE_URL).check() == []


def test_an_untranslated_notice_is_japanese_with_a_note_and_links(
    site_services: Services, partial: list[int]
) -> None:
    update_site(site_services, full=True, search=False)
    html = (site_services.settings.resolved_site_dir / "en/index.html").read_text()
    item = re.search(rf'<li>\s*<h2><a href="[^"]*ja/bulletins/{SHELTER}/".*?</ul>', html, re.S)
    assert item is not None
    entry = item.group(0)
    assert f'href="../ja/bulletins/{SHELTER}/" lang="ja" hreflang="ja">' in entry
    assert "Not yet available in English." in entry
    assert f'href="../ja/bulletins/{SHELTER}/furigana/"' in entry
    assert f'href="../ja/bulletins/{SHELTER}/audio.mp3" type="audio/mpeg"' in entry
    # A translated notice is listed as before, in English, at its English address.
    assert '<h2><a href="../en/bulletins/2/">' in html


def test_the_language_chooser_says_how_much_is_translated(
    site_services: Services, partial: list[int]
) -> None:
    update_site(site_services, full=True, search=False)
    root = (site_services.settings.resolved_site_dir / "index.html").read_text(encoding="utf-8")
    assert "In English now: 3 of 6 notices." in root
    assert "Por enquanto, só em japonês" in root  # Portuguese: no notice translated yet
    assert "Hiện có bằng tiếng Việt: 3 trên 6 thông báo." in root


def test_feeds_carry_every_notice(site_services: Services, partial: list[int]) -> None:
    update_site(site_services, full=True, search=False)
    site = site_services.settings.resolved_site_dir
    feed = ElementTree.parse(site / "pt/feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(partial)
    shelter = next(e for e in entries if f"ja/bulletins/{SHELTER}/" in e.findtext(f"{ATOM}id", ""))
    title = shelter.find(f"{ATOM}title")
    assert title is not None and title.get(XML_LANG) == "ja"
    assert shelter.findtext(f"{ATOM}summary") == translations_for("pt").gettext(
        "Not yet available in English."
    )
    # The podcast has the Japanese audio of what is not in Portuguese yet.
    podcast = ElementTree.parse(site / "pt/podcast.xml").getroot()
    enclosures = [e.get("url") for e in podcast.iter("enclosure")]
    assert f"{BASE_URL}ja/bulletins/{SHELTER}/audio.mp3" in enclosures
    assert len(enclosures) == len(partial)


def test_the_translation_takes_the_entrys_place_in_an_incremental_build(
    site_services: Services, partial: list[int], engine: FakeEngine
) -> None:
    update_site(site_services, full=True, search=False)
    site = site_services.settings.resolved_site_dir
    with Session(site_services.db) as session:
        sample = json.loads(sample_files()[SHELTER - 1].read_text(encoding="utf-8"))
        source = snapshot(
            SHELTER, 1, sample["category"], sample["title"], sample["body"], sample.get("contact")
        )
        _write_versions(session, site_services, source, ("pt",), engine, audio=False)
        session.commit()
    report = update_site(site_services, search=False)
    assert not report.full
    assert f"pt/bulletins/{SHELTER}/index.html" in report.written
    assert "pt/index.html" in report.written  # the latest page lists every notice here
    assert "pt/categories/disaster/index.html" in report.written
    assert "index.html" in report.written  # the chooser's count
    latest = (site / "pt/index.html").read_text(encoding="utf-8")
    assert f'<h2><a href="../pt/bulletins/{SHELTER}/">' in latest
    assert f"ja/bulletins/{SHELTER}/" not in latest
    assert "Em português agora: 1 de 6 avisos." in (site / "index.html").read_text()
