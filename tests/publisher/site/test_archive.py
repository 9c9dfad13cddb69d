"""Lists cut into a latest page and months: a new notice changes a bounded set of files."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from publisher.services import Services
from publisher.site.archive import cut
from publisher.site.build import update_site
from publisher.site.content import BulletinSummary
from publisher.site.writer import write_site
from tests.publisher.site.archive import publish_fixture
from tests.support.fake_engine import FakeEngine

START = datetime(2026, 3, 1, 9, tzinfo=UTC)


def _summary(number: int, moment: datetime) -> BulletinSummary:
    return BulletinSummary(number, "health", moment, moment, f"d{number}", {})


def test_months_are_cut_into_parts_from_their_start() -> None:
    march = [_summary(n, START + timedelta(days=n)) for n in range(7)]  # 1 March JST onwards
    april = [
        _summary(10 + n, datetime(2026, 4, 1, tzinfo=UTC) + timedelta(hours=n)) for n in (0, 1)
    ]
    archive = cut(list(reversed(march + april)), page_size=3)
    assert [summary.id for summary in archive.latest] == [11, 10, 6]
    assert [(m.month, m.count, m.parts) for m in archive.months] == [
        ("2026-04", 2, 1),
        ("2026-03", 7, 3),
    ]
    parts = {(part.month, part.part): part for part in archive.parts}
    assert [s.id for s in parts[("2026-03", 1)].entries] == [0, 1, 2]  # oldest first
    assert parts[("2026-03", 1)].previous is None
    assert parts[("2026-03", 3)].next == ("2026-04", 1)
    assert parts[("2026-04", 1)].previous == ("2026-03", 3)


def _publish_hourly(
    services: Services, engine: FakeEngine, sample: dict[str, str], count: int
) -> None:
    for number in range(count):
        publish_fixture(
            services, sample, engine, audio=False, published_at=START + timedelta(hours=number)
        )


@pytest.mark.parametrize("count", [20, 60])
def test_a_new_notice_writes_as_many_files_whatever_the_archive_size(
    site_services: Services,
    engine: FakeEngine,
    samples: list[dict[str, str]],
    count: int,
) -> None:
    """20 and 60 notices, five per part, all in one category: the new one starts a part in
    both, so both rewrite the same pages (the old layout rewrote every list page)."""
    sample = next(sample for sample in samples if sample["category"] == "health")
    _publish_hourly(site_services, engine, sample, count)
    update_site(site_services, full=True, search=False)
    new = publish_fixture(
        site_services, sample, engine, audio=False, published_at=START + timedelta(hours=count)
    )
    report = update_site(site_services, search=False)
    pages = sorted(path for path in report.written if f"/bulletins/{new}/" not in path)
    part = count // 5 + 1
    expected = {
        f"{code}/{folder}index.html"
        for code in ("ja", "en", "pt", "vi")
        for base in ("", "categories/health/")
        for folder in (
            base,
            f"{base}archive/",
            f"{base}archive/2026-03/page/{part}/",
            f"{base}archive/2026-03/page/{part - 1}/",  # its "next" link
        )
    }
    expected |= {
        path.replace("index.html", "furigana/index.html")
        for path in expected
        if path.startswith("ja/")
    }
    expected |= {f"{code}/{feed}" for code in ("ja", "en", "pt", "vi") for feed in ("feed.xml",)}
    expected |= {"sitemaps/bulletins-0.xml", "sitemap.xml", "sitemaps/archive-2026-03.xml"}
    expected.add("index.html")  # the language chooser counts each language's notices
    assert set(pages) == expected


def test_old_numbered_list_pages_send_readers_to_the_archive(
    site_services: Services, engine: FakeEngine, samples: list[dict[str, str]]
) -> None:
    """A site built when lists were numbered from the newest notice: its page URLs stay."""
    site = site_services.settings.resolved_site_dir
    write_site(
        site,
        {
            "en/page/2/index.html": b"old",
            "ja/page/2/index.html": b"old",
            "ja/page/2/furigana/index.html": b"old",
            "en/categories/health/page/3/index.html": b"old",
            "en/categories/gone/page/2/index.html": b"old",
        },
    )
    for sample in samples:
        publish_fixture(site_services, sample, engine, audio=False, published_at=START)
    update_site(site_services, full=True, search=False)
    moved = (site / "en/page/2/index.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=../../../en/archive/">' in moved
    assert '<a href="../../../en/archive/">Notices by month</a>' in moved
    assert '<link rel="canonical" href="http://city.test/en/archive/">' in moved
    assert 'content="noindex, follow"' in moved
    furigana = (site / "ja/page/2/furigana/index.html").read_text()
    assert 'url=../../../../ja/archive/furigana/"' in furigana
    category = (site / "en/categories/health/page/3/index.html").read_text()
    assert 'url=../../../../../en/categories/health/archive/"' in category
    gone = (site / "en/categories/gone/page/2/index.html").read_text()
    assert 'url=../../../../../en/archive/"' in gone
    sitemap = (site / "sitemaps/pages.xml").read_text()
    assert "/page/" not in sitemap
    # Still there after the next build, which finds them in the record, not the site.
    update_site(site_services, full=True, search=False)
    assert (site / "en/page/2/index.html").is_file()
