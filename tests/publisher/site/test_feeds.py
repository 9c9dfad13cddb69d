"""Feeds and sitemaps: well-formed XML with absolute URLs that podcast apps and crawlers read."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

from publisher import site
from publisher.services import Services
from publisher.site import artwork
from publisher.site.build import build_site
from tests.publisher.site.archive import publish_fixture, revise_fixture
from tests.publisher.site.conftest import BASE_URL
from tests.support.fake_engine import FakeEngine

ATOM = "{http://www.w3.org/2005/Atom}"
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_atom_feed_per_language_newest_first(built_once: Path) -> None:
    feed = ElementTree.parse(built_once / "en/feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert feed.findtext(f"{ATOM}id") == f"{BASE_URL}en/feed.xml"
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}id") for entry in entries][:2] == [
        f"{BASE_URL}en/bulletins/6/",
        f"{BASE_URL}en/bulletins/5/",
    ]
    first = entries[0]
    assert first.findtext(f"{ATOM}title", "").startswith("[en] ")
    assert first.findtext(f"{ATOM}updated", "").endswith("Z")
    assert first.find(f"{ATOM}link[@rel='alternate']") is not None
    assert first.findtext(f"{ATOM}summary")  # the opening of the text


def test_podcast_feed_has_each_bulletins_mp3_as_an_enclosure(built_once: Path) -> None:
    rss = ElementTree.parse(built_once / "pt/podcast.xml").getroot()
    channel = rss.find("channel")
    assert rss.get("version") == "2.0" and channel is not None
    assert channel.findtext("language") == "pt-br"
    assert channel.findtext("title") and channel.findtext("description")
    assert channel.find(f"{ITUNES}category").get("text") == "Government"  # type: ignore[union-attr]
    assert channel.findtext(f"{ITUNES}explicit") == "false"
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link is not None and self_link.get("href") == f"{BASE_URL}pt/podcast.xml"
    items = channel.findall("item")
    assert len(items) == 6
    item = items[0]
    enclosure = item.find("enclosure")
    assert enclosure is not None
    assert enclosure.get("url") == f"{BASE_URL}pt/bulletins/6/audio.mp3"
    assert enclosure.get("type") == "audio/mpeg"
    assert (
        int(enclosure.get("length", "0"))
        == (built_once / "pt/bulletins/6/audio.mp3").stat().st_size
    )
    assert int(item.findtext(f"{ITUNES}duration", "0")) >= 1
    assert item.findtext("guid") == f"{BASE_URL}pt/bulletins/6/"
    assert parsedate_to_datetime(item.findtext("pubDate", "")).year == 2026


def test_the_podcast_has_square_artwork_from_the_citys_name(built_once: Path) -> None:
    from PIL import Image

    channel = ElementTree.parse(built_once / "en/podcast.xml").getroot().find("channel")
    assert channel is not None
    image = channel.find(f"{ITUNES}image")
    assert image is not None
    url = image.get("href", "")
    assert url == channel.findtext("image/url") == f"{BASE_URL}assets/podcast-artwork.png"
    with Image.open(built_once / url.removeprefix(BASE_URL)) as artwork:
        assert artwork.format == "PNG"
        assert artwork.width == artwork.height
        assert 1400 <= artwork.width <= 3000
        assert len(artwork.convert("RGB").getcolors(1_000_000) or ()) > 2  # text was drawn
    assert channel.findtext(f"{ITUNES}explicit") == "false"


def test_the_artwork_is_drawn_once_and_reused(
    site_services: Services, built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = list((site_services.settings.resolved_data_dir / "cache" / "artwork").glob("*.png"))
    assert len(kept) == 1
    assert (built / "assets/podcast-artwork.png").read_bytes() == kept[0].read_bytes()

    def refuse(*_args: object) -> bytes:
        raise AssertionError("the artwork was drawn again")

    monkeypatch.setattr(artwork, "draw", refuse)
    site.build._renderers.clear()  # a new process: a fresh renderer, the same data folder
    build_site(site_services, full=True, search=False)
    assert (built / "assets/podcast-artwork.png").read_bytes() == kept[0].read_bytes()


def test_a_language_without_voices_has_an_empty_podcast(built_once: Path) -> None:
    rss = ElementTree.parse(built_once / "vi/podcast.xml").getroot()
    assert rss.findall("channel/item") == []


def test_sitemap_index_and_alternates(built_once: Path) -> None:
    index = ElementTree.parse(built_once / "sitemap.xml").getroot()
    locations = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert locations == [
        f"{BASE_URL}sitemaps/pages.xml",
        f"{BASE_URL}sitemaps/bulletins-0.xml",
        f"{BASE_URL}sitemaps/archive-2026-04.xml",
    ]
    chunk = ElementTree.parse(built_once / "sitemaps/bulletins-0.xml").getroot()
    urls = chunk.findall(f"{SITEMAP}url")
    assert len(urls) == 6 * 4
    first = urls[0]
    loc = first.findtext(f"{SITEMAP}loc")
    alternates = {link.get("hreflang"): link.get("href") for link in first.iter(f"{XHTML}link")}
    assert loc in alternates.values()
    assert set(alternates) == {"ja", "en", "pt", "vi"}
    assert first.findtext(f"{SITEMAP}lastmod")
    pages = ElementTree.parse(built_once / "sitemaps/pages.xml").getroot()
    locations = [loc.text for loc in pages.iter(f"{SITEMAP}loc")]
    assert BASE_URL in locations and f"{BASE_URL}ja/categories/disaster/" in locations
    assert f"{BASE_URL}ja/archive/" in locations
    assert f"{BASE_URL}en/categories/disaster/archive/" in locations
    months = ElementTree.parse(built_once / "sitemaps/archive-2026-04.xml").getroot()
    locations = [loc.text for loc in months.iter(f"{SITEMAP}loc")]
    assert f"{BASE_URL}pt/archive/2026-04/page/2/" in locations
    assert f"{BASE_URL}vi/categories/garbage/archive/2026-04/" in locations
    assert not [url for url in locations if "/page/" in url and "/archive/" not in url]


def test_robots_points_to_the_sitemap(built_once: Path) -> None:
    robots = (built_once / "robots.txt").read_text()
    assert "User-agent: *" in robots
    assert f"Sitemap: {BASE_URL}sitemap.xml" in robots


def test_feeds_stay_valid_xml_with_text_stored_before_the_api_refused_it(
    site_services: Services, engine: FakeEngine, samples: list[dict[str, str]]
) -> None:
    """Non-characters and controls never reach the XML, whatever the database holds."""
    bulletin = publish_fixture(site_services, samples[0], engine)
    revise_fixture(site_services, bulletin, engine, title="断水\ufffeのお知らせ\uffff\x0b")
    build_site(site_services, full=True, search=False)
    site = site_services.settings.resolved_site_dir
    for name in ("ja/feed.xml", "ja/podcast.xml", "en/feed.xml", "en/podcast.xml"):
        root = ElementTree.parse(site / name).getroot()
        assert "断水" in ElementTree.tostring(root, encoding="unicode"), name
