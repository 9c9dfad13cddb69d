"""Each language's talking-books page offers the editions on the shelf, linked in like audio."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from lxml import html

from publisher.editions.build import build_editions
from publisher.editions.schedule import QUIET_SECONDS, mark_stale, month_of, remake_if_quiet
from publisher.editions.shelf import books_on_shelf, edition_paths, editions_dir
from publisher.services import Services
from publisher.site import paths
from publisher.site.build import update_site
from tests.publisher.site.archive import publish_fixture, sample_files
from tests.support.fake_engine import FakeEngine

MAY = month_of(date(2026, 5, 20))


def _publish_in_may(services: Services) -> int:
    sample = json.loads(sample_files()[0].read_text(encoding="utf-8"))
    return publish_fixture(
        services,
        sample,
        FakeEngine(),
        languages=("en",),
        audio=("ja", "en"),
        published_at=datetime(2026, 5, 20, 1, tzinfo=UTC),
    )


def _page(services: Services, language: str) -> html.HtmlElement:
    site = services.settings.resolved_site_dir
    return html.fromstring((site / paths.file_of(paths.editions_dir(language))).read_bytes())


def test_every_language_has_a_talking_books_page_linked_from_every_page(
    services: Services,
) -> None:
    _publish_in_may(services)
    update_site(services)
    site = services.settings.resolved_site_dir

    for language in services.settings.published_languages:
        page = _page(services, language)
        assert page.xpath("//main//a[@download]") == []  # nothing made yet
        assert page.get("lang") == language
    index = html.fromstring((site / "en/index.html").read_bytes())
    footer_links = index.xpath("//footer//a/@href")
    assert "../en/editions/" in footer_links


def test_books_made_for_a_month_are_offered_and_served_from_the_site(
    services: Services,
) -> None:
    _publish_in_may(services)
    update_site(services)
    requested = mark_stale(services, MAY, now=1_000_000.0)

    assert remake_if_quiet(services, MAY, now=requested + QUIET_SECONDS) is None

    site = services.settings.resolved_site_dir
    epub, daisy = edition_paths(editions_dir(services.settings), "en", *MAY)
    page = _page(services, "en")
    section = page.xpath("//main//section")[0]
    assert section.xpath("string(h2)") == "May 2026"
    links = section.xpath(".//a[@download]")
    assert [link.get("type") for link in links] == ["application/epub+zip", "application/zip"]
    for link, book in zip(links, (epub, daisy), strict=True):
        served = site / "en/editions" / link.get("href")
        assert served.read_bytes() == book.read_bytes()
        assert " MB)" in link.getparent().text_content()
    japanese = _page(services, "ja").xpath("//main//section/h2")[0].text_content()
    assert japanese == "2026年5月"


def test_a_remade_book_replaces_the_old_one_and_a_removed_one_leaves_the_site(
    services: Services,
) -> None:
    bulletin_id = _publish_in_may(services)
    build_editions(services, *MAY)
    update_site(services)
    site = services.settings.resolved_site_dir
    served = site / "en/editions" / f"{MAY[0]}_{MAY[1]}.epub"
    first = served.stat()

    build_editions(services, *MAY)  # made again: a new file on the shelf
    update_site(services)
    assert (
        served.read_bytes()
        == edition_paths(editions_dir(services.settings), "en", *MAY)[0].read_bytes()
    )
    assert served.stat().st_ino != first.st_ino

    for book in edition_paths(editions_dir(services.settings), "en", *MAY):
        book.unlink()
    update_site(services)
    assert not served.exists()
    assert _page(services, "en").xpath("//main//a[@download]") == []
    assert "en" not in books_on_shelf(services.settings)
    assert bulletin_id in _listed(services)  # the notice itself stays online


def _listed(services: Services) -> set[int]:
    site = services.settings.resolved_site_dir
    return {int(folder.name) for folder in (site / "en/bulletins").iterdir()}
