"""The easy-Japanese (やさしい日本語) page of a bulletin: its own Japanese page, with furigana
on every kanji, slow audio and captions, linked from every version but no hreflang alternate."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from publisher.services import Services
from publisher.site import paths
from publisher.site.build import build_site, update_site
from publisher.site.render import EASY_JAPANESE_NAME
from tests.publisher.site.archive import publish_fixture, retract_fixture, sample_files
from tests.publisher.site.conftest import BASE_URL, inodes
from tests.publisher.site.linkcheck import SiteChecker, parse_page
from tests.support.fake_engine import FakeEngine

EASY = 1
"""The evacuation notice: published with its easy text, English translated from it."""
PLAIN = 2
"""The health check-up: no easy text."""
_KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]")


@pytest.fixture
def easy_site(site_services: Services) -> Path:
    samples = {path.name: path for path in sample_files()}
    evacuation = json.loads(samples["03-evacuation-shelter.json"].read_text("utf-8"))
    checkup = json.loads(samples["02-health-checkup.json"].read_text("utf-8"))
    start = datetime(2026, 4, 1, 9, tzinfo=UTC)
    engine = FakeEngine()
    assert (
        publish_fixture(
            site_services,
            evacuation,
            engine,
            audio=("ja", "en", "pt"),
            published_at=start,
            easy=True,
            translated_from_easy=("en",),
        )
        == EASY
    )
    assert publish_fixture(site_services, checkup, engine, published_at=start + timedelta(1)) == 2
    build_site(site_services, full=True, search=False)
    return site_services.settings.resolved_site_dir


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def _main(html: str) -> str:
    found = re.search(r"<main[^>]*>(.*)</main>", html, re.S)
    assert found is not None
    return found.group(1)


def kanji_without_reading(html: str) -> list[str]:
    """Kanji in the page's main text that no ``<ruby>`` gives a reading."""
    text = re.sub(r"<ruby>.*?</ruby>", "", _main(html), flags=re.S)
    text = re.sub(r"<[^>]+>", "", text)
    return _KANJI.findall(text)


def test_the_easy_page_is_japanese_with_furigana_on_every_kanji(easy_site: Path) -> None:
    folder = paths.easy_dir(EASY)
    assert folder == "ja/bulletins/1/easy/"
    html = read(easy_site, paths.file_of(folder))
    assert '<html lang="ja" dir="ltr">' in html
    assert html.count("<ruby>") > 20
    assert kanji_without_reading(html) == []
    assert '<rt aria-hidden="true">' in html
    # The easy text as written, spaces between phrases included.
    shown = re.sub(r"<[^>]+>", "", re.sub(r"<(rt|rp)[^>]*>.*?</\1>", "", _main(html)))
    assert "今日 午後3時に、 市は 避難所を 開けました。" in shown
    # The ordinary Japanese page stays plain (furigana only on request).
    assert "<ruby>" not in read(easy_site, "ja/bulletins/1/index.html")


def test_the_easy_page_has_its_own_audio_captions_and_read_along(easy_site: Path) -> None:
    folder = easy_site / "ja/bulletins/1/easy"
    html = read(easy_site, "ja/bulletins/1/easy/index.html")
    assert (folder / "audio.mp3").stat().st_size > 0
    captions = (folder / "captions.vtt").read_text("utf-8")
    assert captions.startswith("WEBVTT")
    assert '<source src="audio.mp3" type="audio/mpeg">' in html
    assert 'data-captions="captions.vtt"' in html
    assert "readalong.js" in html
    # Each sentence of the page is a cue of its captions.
    cue_ids = [block.split("\n")[0] for block in captions.split("\n\n")[1:] if block.strip()]
    assert re.findall(r'<span class="s" id="s-([^"]+)"', html) == cue_ids
    assert f'aria-label="{EASY_JAPANESE_NAME}' in html or EASY_JAPANESE_NAME in html
    # Not the Japanese page's audio: a file of its own.
    ja = easy_site / "ja/bulletins/1/audio.mp3"
    assert ja.resolve() != (folder / "audio.mp3").resolve()


def test_the_easy_page_is_no_hreflang_alternate(easy_site: Path) -> None:
    easy = parse_page(read(easy_site, "ja/bulletins/1/easy/index.html"))
    assert easy.alternates == {}
    assert f'<link rel="canonical" href="{BASE_URL}ja/bulletins/1/easy/">' in read(
        easy_site, "ja/bulletins/1/easy/index.html"
    )
    for page in ("ja/bulletins/1/index.html", "en/bulletins/1/index.html"):
        alternates = parse_page(read(easy_site, page)).alternates
        assert alternates == {
            code: f"{BASE_URL}{code}/bulletins/1/" for code in ("ja", "en", "pt", "vi")
        }
    for page in easy_site.rglob("*.xml"):
        assert "/easy/" not in page.read_text("utf-8"), page
    # Every link resolves and every hreflang set is reciprocal (no search index built here).
    problems = SiteChecker(easy_site.resolve(), BASE_URL).check()
    assert [problem for problem in problems if "pagefind" not in problem] == []


def test_the_japanese_and_translated_pages_link_to_it(easy_site: Path) -> None:
    ja = read(easy_site, "ja/bulletins/1/index.html")
    link = '<a href="../../../ja/bulletins/1/easy/" lang="ja" hreflang="ja">'
    assert f"{link}{EASY_JAPANESE_NAME}</a>" in ja
    assert 'class="easy-link"' in ja
    english = read(easy_site, "en/bulletins/1/index.html")
    assert f'lang="ja" hreflang="ja">{EASY_JAPANESE_NAME}</a>' in english
    assert "Read this notice in easy Japanese" in english
    furigana = read(easy_site, "ja/bulletins/1/furigana/index.html")
    assert '<a href="../../../../ja/bulletins/1/easy/" lang="ja" hreflang="ja"' in furigana
    # The easy page is the current item of its own chooser, right after Japanese.
    easy = read(easy_site, "ja/bulletins/1/easy/index.html")
    choices = re.findall(r'hreflang="[^"]+"(?: aria-current="page")?>([^<]+)</a>', easy)
    assert choices[:3] == ["日本語", EASY_JAPANESE_NAME, "English"]
    assert f'aria-current="page">{EASY_JAPANESE_NAME}</a>' in easy


def test_translations_say_when_they_were_made_from_the_easy_version(easy_site: Path) -> None:
    english = read(easy_site, "en/bulletins/1/index.html")
    assert "machine-translated from the easy-Japanese version" in english
    portuguese = read(easy_site, "pt/bulletins/1/index.html")
    assert "japonês simples do aviso" not in portuguese  # translated from the original
    assert "Ler este aviso em japonês simples" in portuguese


def test_no_easy_page_without_an_easy_text(easy_site: Path) -> None:
    assert not (easy_site / "ja/bulletins/2/easy").exists()
    for page in ("ja/bulletins/2/index.html", "en/bulletins/2/index.html"):
        html = read(easy_site, page)
        assert EASY_JAPANESE_NAME not in html
        assert "easy/" not in html


def test_an_unchanged_easy_page_is_not_rewritten_and_a_retract_removes_it(
    site_services: Services, easy_site: Path
) -> None:
    before = inodes(easy_site)
    publish_fixture(
        site_services,
        json.loads(sample_files()[0].read_text("utf-8")),
        FakeEngine(),
        audio=False,
    )
    report = update_site(site_services, search=False)
    assert not any("/1/" in path for path in report.written)
    after = inodes(easy_site)
    for path in ("ja/bulletins/1/easy/index.html", "ja/bulletins/1/easy/audio.mp3"):
        assert after[path] == before[path]
    retract_fixture(site_services, EASY)
    report = update_site(site_services, search=False)
    for path in (
        "ja/bulletins/1/easy/index.html",
        "ja/bulletins/1/easy/audio.mp3",
        "ja/bulletins/1/easy/captions.vtt",
    ):
        assert path in report.removed
        assert not (easy_site / path).exists()
