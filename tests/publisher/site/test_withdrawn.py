"""A withdrawn notice's address says so, in each language it had, and the feeds mark it.

Residents follow old links, shared messages and feed entries: after a retract they find a
small page saying that the notice was withdrawn, when, and where the current notices are;
the sitemaps no longer list it, the Atom feed updates its entry, the podcast drops its audio.
Published again, the notice's own page comes back.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from datetime import UTC
from pathlib import Path

from markupsafe import escape
from sqlmodel import Session, select

from publisher.services import Services
from publisher.site.build import update_site
from publisher.site.render import CITY_TIME_ZONE, EXPIRED_TEXT, WITHDRAWN_TEXT
from publisher.statuses import WithdrawalReason
from publisher.tables import Withdrawal
from tests.publisher.site.archive import republish_fixture, retract_fixture
from tests.publisher.site.conftest import BASE_URL, snapshot
from tests.publisher.site.linkcheck import SiteChecker
from translations.catalogs import translations_for
from translations.locale_format import format_day

ATOM = "{http://www.w3.org/2005/Atom}"
SHELTER = 3
SHELTER_TITLE = "避難所の開設について"


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def withdrawn_on(services: Services, bulletin_id: int, language: str = "en") -> str:
    """The day it was withdrawn, in the city (pages show dates in the city's time zone),
    written as readers of ``language`` write a day."""
    with Session(services.db) as session:
        row = session.exec(select(Withdrawal).where(Withdrawal.bulletin_id == bulletin_id)).one()
    moment = row.withdrawn_at.replace(tzinfo=row.withdrawn_at.tzinfo or UTC)
    return format_day(moment.astimezone(CITY_TIME_ZONE).date(), language)


def withdrawn_at(services: Services, bulletin_id: int) -> str:
    """The day it was withdrawn in UTC, as feeds write times."""
    with Session(services.db) as session:
        row = session.exec(select(Withdrawal).where(Withdrawal.bulletin_id == bulletin_id)).one()
    return row.withdrawn_at.date().isoformat()


def test_the_retract_keeps_titles_as_published_and_which_had_audio(
    site_services: Services, built: Path
) -> None:
    retract_fixture(site_services, SHELTER)
    with Session(site_services.db) as session:
        row = session.exec(select(Withdrawal).where(Withdrawal.bulletin_id == SHELTER)).one()
    assert set(row.titles) == {"ja", "en", "pt", "vi"}
    assert SHELTER_TITLE in row.titles["ja"]
    assert row.titles["en"].startswith("[en] ")
    assert row.voiced == ["en", "ja", "pt"]  # Vietnamese had no voice
    assert row.category == "disaster"


def test_every_address_it_had_says_it_was_withdrawn(site_services: Services, built: Path) -> None:
    retract_fixture(site_services, SHELTER)
    report = update_site(site_services)
    assert not report.full
    date = withdrawn_on(site_services, SHELTER)
    english = read(built, f"en/bulletins/{SHELTER}/index.html")
    assert "<h1" in english and "This notice was withdrawn" in english
    assert f"was withdrawn on {date}." in english
    assert '<meta name="robots" content="noindex">' in english
    assert '<a href="../../../en/">See the current notices</a>' in english
    japanese = read(built, f"ja/bulletins/{SHELTER}/index.html")
    assert "このお知らせは取り下げられました" in japanese
    assert SHELTER_TITLE in japanese
    # The Japanese address, which every list linked to before a translation existed, says
    # it in every language too.
    assert 'lang="pt" dir="ltr"' in japanese and "foi retirado em" in japanese
    furigana = read(built, f"ja/bulletins/{SHELTER}/furigana/index.html")
    assert "<ruby>" in furigana and "取り下げ" in furigana
    assert not (built / f"en/bulletins/{SHELTER}/audio.mp3").exists()
    assert not (built / f"en/bulletins/{SHELTER}/captions.vtt").exists()
    # Nothing links to a page that is gone, and every hreflang set is complete.
    assert SiteChecker(built.resolve(), BASE_URL).check() == []


def test_an_expired_notice_says_its_publication_period_ended_in_every_language(
    site_services: Services, built: Path
) -> None:
    retract_fixture(site_services, SHELTER, WithdrawalReason.EXPIRED)
    update_site(site_services, search=False)
    japanese = read(built, f"ja/bulletins/{SHELTER}/index.html")
    assert "このお知らせは取り下げられました" in japanese
    assert "掲載期間終了のため" in japanese and "有効ではありません" not in japanese
    date = withdrawn_on(site_services, SHELTER)
    english = read(built, f"en/bulletins/{SHELTER}/index.html")
    assert f"was withdrawn on {date}: its publication period has ended." in english
    with Session(site_services.db) as session:
        titles = session.exec(select(Withdrawal).where(Withdrawal.bulletin_id == SHELTER)).one()
    for language, title in titles.titles.items():
        said = translations_for(language).gettext(EXPIRED_TEXT) % {
            "title": title,
            "date": withdrawn_on(site_services, SHELTER, language),
        }
        assert said != translations_for(language).gettext(WITHDRAWN_TEXT)
        assert str(escape(said)) in read(built, f"{language}/bulletins/{SHELTER}/index.html")
        if language != "ja":  # the Japanese address says it in every language too
            assert str(escape(said)) in japanese, language


def test_lists_sitemaps_and_search_drop_it(site_services: Services, built: Path) -> None:
    retract_fixture(site_services, SHELTER)
    update_site(site_services)
    for path in ("ja/index.html", "en/index.html", "pt/page/2/index.html"):
        if (built / path).exists():
            assert f"bulletins/{SHELTER}/" not in read(built, path), path
    sitemaps = "".join(
        read(built, str(path.relative_to(built))) for path in built.glob("sitemaps/*")
    )
    assert f"/bulletins/{SHELTER}/" not in sitemaps
    assert "In English now: 5 of 5 notices." in read(built, "index.html")


def test_the_feeds_mark_it(site_services: Services, built: Path) -> None:
    retract_fixture(site_services, SHELTER)
    update_site(site_services, search=False)
    feed = ElementTree.parse(built / "en/feed.xml").getroot()
    entry = next(
        entry
        for entry in feed.findall(f"{ATOM}entry")
        if entry.findtext(f"{ATOM}id") == f"{BASE_URL}en/bulletins/{SHELTER}/"
    )
    assert "was withdrawn on" in entry.findtext(f"{ATOM}summary", "")
    assert entry.find(f"{ATOM}link[@rel='enclosure']") is None
    assert entry.findtext(f"{ATOM}updated", "").startswith(withdrawn_at(site_services, SHELTER))
    assert feed.findtext(f"{ATOM}updated", "").startswith(withdrawn_at(site_services, SHELTER))
    channel = ElementTree.parse(built / "en/podcast.xml").getroot().find("channel")
    assert channel is not None
    item = next(
        item
        for item in channel.findall("item")
        if item.findtext("guid") == f"{BASE_URL}en/bulletins/{SHELTER}/"
    )
    assert item.find("enclosure") is None
    assert "was withdrawn on" in item.findtext("description", "")
    assert len(channel.findall("item/enclosure")) == 5


def test_published_again_its_page_returns(site_services: Services, built: Path) -> None:
    before = snapshot(built)
    retract_fixture(site_services, SHELTER)
    update_site(site_services, search=False)
    republish_fixture(site_services, SHELTER)
    report = update_site(site_services, search=False)
    assert not report.full
    assert f"ja/bulletins/{SHELTER}/index.html" not in report.removed
    page = read(built, f"ja/bulletins/{SHELTER}/index.html")
    assert "取り下げられました" not in page and "<audio" in page
    assert (built / f"en/bulletins/{SHELTER}/audio.mp3").is_file()
    after = snapshot(built)
    assert set(after) == set(before)  # every file is back, audio included
    changed = {path for path in before if before[path] != after[path]}
    # Only what shows when it last changed (pages, feeds, sitemaps) differs.
    assert all(path.endswith((".xml", ".html")) for path in changed), changed
    with Session(site_services.db) as session:
        assert session.exec(select(Withdrawal)).all() == []


def test_a_full_build_makes_the_same_withdrawn_pages(site_services: Services, built: Path) -> None:
    retract_fixture(site_services, SHELTER)
    update_site(site_services, search=False)
    incremental = snapshot(built)
    update_site(site_services, full=True, search=False)
    assert snapshot(site_services.settings.resolved_site_dir) == incremental
