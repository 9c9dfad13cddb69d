"""What the pages say and how they link: language, landmarks, hreflang, furigana, audio."""

from __future__ import annotations

import json
import re
from pathlib import Path

from publisher.services import Services
from publisher.site.build import update_site
from tests.publisher.site.conftest import BASE_URL
from tests.publisher.site.linkcheck import SiteChecker, parse_page
from translations.catalogs import translations_for


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_every_page_has_lang_dir_one_h1_a_skip_link_and_landmarks(built_once: Path) -> None:
    for page in built_once.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert re.search(r'<html lang="[a-zA-Z-]+" dir="ltr">', html), page
        assert html.count("<h1") == 1, page
        assert '<a class="skip-link" href="#main">' in html, page
        for landmark in ("<header", '<main id="main"', "<footer"):
            assert landmark in html, (page, landmark)


def test_no_broken_internal_link_and_complete_reciprocal_hreflang(
    site_services: Services, archive: list[int]
) -> None:
    update_site(site_services, full=True)  # with the search index the search pages load
    site = site_services.settings.resolved_site_dir.resolve()
    bundles = json.loads((site / "pagefind/bundles.json").read_text(encoding="utf-8"))["bundles"]
    assert bundles and all(
        (site / "pagefind" / b["path"] / "pagefind.js").is_file() for b in bundles
    )
    assert SiteChecker(site, BASE_URL).check() == []


def test_hreflang_lists_every_version_including_itself_with_absolute_urls(built_once: Path) -> None:
    links = parse_page(read(built_once, "pt/bulletins/3/index.html"))
    assert links.alternates == {
        code: f"{BASE_URL}{code}/bulletins/3/" for code in ("ja", "en", "pt", "vi")
    }
    index = parse_page(read(built_once, "en/index.html"))
    assert index.alternates["x-default"] == BASE_URL
    assert parse_page(read(built_once, "index.html")).alternates == index.alternates


def test_the_language_switcher_names_each_language_in_itself(built_once: Path) -> None:
    html = read(built_once, "en/bulletins/3/index.html")
    assert '<a href="../../../ja/bulletins/3/" lang="ja" hreflang="ja">日本語</a>' in html
    assert 'lang="vi" hreflang="vi">Tiếng Việt</a>' in html
    assert 'lang="en" hreflang="en" aria-current="page">English</a>' in html


def test_a_translated_page_says_so_and_links_to_the_japanese(built_once: Path) -> None:
    english = read(built_once, "en/bulletins/3/index.html")
    assert "translated automatically by machine translation" in english
    assert '<a href="../../../ja/bulletins/3/" hreflang="ja">' in english
    assert "machine translation" not in read(built_once, "ja/bulletins/3/index.html")


def test_every_sentence_has_the_id_its_caption_cue_has(built_once: Path) -> None:
    html = read(built_once, "en/bulletins/3/index.html")
    captions = read(built_once, "en/bulletins/3/captions.vtt")
    cue_ids = [block.split("\n")[0] for block in captions.split("\n\n")[1:] if block.strip()]
    span_ids = re.findall(r'<span class="s" id="s-([^"]+)"', html)
    assert cue_ids[0] == "title" and cue_ids[-1] == "contact"
    assert span_ids == cue_ids


def test_audio_has_a_player_a_download_and_no_autoplay(built_once: Path) -> None:
    html = read(built_once, "ja/bulletins/3/index.html")
    assert '<audio id="player" controls preload="none"' in html
    assert "autoplay" not in html
    assert '<a href="audio.mp3" download>' in html
    assert 'data-captions="captions.vtt"' in html
    assert '<script src="../../../assets/readalong.js" defer></script>' in html
    silent = read(built_once, "vi/bulletins/3/index.html")
    assert "<audio" not in silent
    assert (
        translations_for("vi").gettext("An audio version is not available in this language yet.")
        in silent
    )


def test_no_inline_script_or_style(built_once: Path) -> None:
    for page in built_once.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), page
        assert " style=" not in html and "<style" not in html, page
        assert " on" not in re.sub(r'"[^"]*"', '""', html).replace("\n", " ").split("<body")[0]


def test_furigana_pages_carry_ruby_hidden_from_screen_readers(built_once: Path) -> None:
    plain = read(built_once, "ja/bulletins/3/index.html")
    furigana = read(built_once, "ja/bulletins/3/furigana/index.html")
    assert "<ruby>" not in plain
    assert (
        '<ruby>避難<rp aria-hidden="true">(</rp><rt aria-hidden="true">ひなん</rt>'
        '<rp aria-hidden="true">)</rp></ruby>'
    ) in furigana
    assert '<link rel="canonical" href="http://city.test/ja/bulletins/3/">' in furigana
    attributes = re.findall(r'(?:aria-label|title)="([^"]*)"', furigana)
    assert attributes and not any("&lt;" in value or "<" in value for value in attributes)
    assert 'hreflang="en" href=' not in furigana.split("</head>")[0]  # not a language version
    assert '<a href="furigana/" class="furigana-toggle">' in plain
    assert '<a href="../../../../ja/bulletins/3/" class="furigana-toggle">' in furigana
    assert 'src="../audio.mp3"' in furigana


def test_furigana_pages_link_on_to_furigana_pages(built_once: Path) -> None:
    html = read(built_once, "ja/furigana/index.html")
    assert 'href="../../ja/bulletins/6/furigana/"' in html
    assert 'href="../../ja/archive/furigana/"' in html
    assert 'href="../../en/"' in html  # other languages are not furigana


def test_the_latest_page_is_newest_first_and_leads_to_the_archive(built_once: Path) -> None:
    first = read(built_once, "en/index.html")
    order = re.findall(r'<h2><a href="../en/bulletins/(\d+)/">', first)
    assert order == ["6", "5", "4", "3", "2"]
    assert '<a href="../en/archive/">Notices by month</a>' in first
    assert 'rel="next"' not in first


def test_the_archive_lists_months_and_their_parts(built_once: Path) -> None:
    archive = read(built_once, "ja/archive/index.html")
    assert '<a href="../../ja/archive/2026-04/">2026年4月</a> (6)' in archive
    assert '<a href="../../ja/archive/2026-04/page/2/">2ページ目</a>' in archive
    category = read(built_once, "en/categories/disaster/archive/index.html")
    assert "<h1>Disaster and emergency – Notices by month</h1>" in category
    month = 'href="../../../../en/categories/disaster/archive/2026-04/">April 2026</a> (1)'
    assert month in category


def test_month_parts_are_oldest_first_and_link_their_neighbours(built_once: Path) -> None:
    first = read(built_once, "en/archive/2026-04/index.html")
    order = re.findall(r'href="../../../en/bulletins/(\d+)/">', first)
    assert order == ["1", "2", "3", "4", "5"]
    assert '<a href="../../../en/archive/2026-04/page/2/" rel="next">Next page</a>' in first
    assert "<title>April 2026 (Page 1) |" in first
    second = read(built_once, "en/archive/2026-04/page/2/index.html")
    assert re.findall(r'href="../../../../../en/bulletins/(\d+)/">', second) == ["6"]
    assert 'rel="prev"' in second and 'rel="next"' not in second
    assert '<p class="page-number">Page 2</p>' in second
    assert 'hreflang="vi" href="http://city.test/vi/archive/2026-04/page/2/"' in second


def test_each_language_index_links_its_feeds(built_once: Path) -> None:
    html = read(built_once, "pt/index.html")
    assert '<a href="../pt/feed.xml" type="application/atom+xml">' in html
    assert '<a href="../pt/podcast.xml" type="application/rss+xml">' in html
    assert '<link rel="alternate" type="application/rss+xml" href="../pt/podcast.xml"' in html


def test_the_root_chooser_lists_every_language_in_its_own_language(built_once: Path) -> None:
    html = read(built_once, "index.html")
    for code, name in (("ja", "日本語"), ("en", "English"), ("pt", "Português")):
        assert f'<a href="{code}/" hreflang="{code}">{name}</a>' in html
    assert '<li lang="vi" dir="ltr">' in html


def test_the_404_page_links_from_the_site_root(built_once: Path) -> None:
    html = read(built_once, "404.html")
    assert 'href="/assets/site.css"' in html
    assert '<a href="/en/" hreflang="en">English</a>' in html
    assert "../" not in html


def test_the_accessibility_statement_exists_in_every_language(built_once: Path) -> None:
    assert "WCAG 2.2" in read(built_once, "en/accessibility/index.html")
    assert "JIS X 8341-3" in read(built_once, "ja/accessibility/index.html")
    assert "furigana" in read(built_once, "vi/accessibility/index.html")
    footer = read(built_once, "pt/bulletins/3/index.html").split("<footer")[1]
    assert 'href="../../../pt/accessibility/"' in footer


def test_the_search_page_works_without_javascript(built_once: Path) -> None:
    html = read(built_once, "en/search/index.html")
    assert '<form class="search-form" role="search" hidden' in html
    assert '<li><a href="../../en/">All notices</a></li>' in html
    assert 'data-index="../../pagefind/bundles.json"' in html
    assert '<script src="../../assets/search.js" type="module"></script>' in html
