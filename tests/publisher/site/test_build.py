"""Building the site from the database: full builds, incremental builds, failures."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from publisher.services import Services
from publisher.site import build as build_module
from publisher.site.build import update_site
from publisher.site.render import SiteRenderer
from publisher.site.state import load_state, state_path
from publisher.site.writer import current_build
from tests.publisher.site.archive import retract_fixture, revise_fixture
from tests.publisher.site.conftest import inodes, snapshot
from tests.support.fake_engine import FakeEngine

pytestmark = pytest.mark.postgres  # on SQLite, and again on PostgreSQL

# The archive: six samples a day apart in April 2026, ids 1..6 (6 newest), five per page, so
# each language's latest page lists 6..2, and April's first part lists 1..5, its second 6.
# Sample 3 (evacuation) is the only "disaster" notice.
LANGUAGES = ("ja", "en", "pt", "vi")


def test_a_full_build_makes_every_page_type(built: Path) -> None:
    files = snapshot(built)
    for language in LANGUAGES:
        for path in (
            f"{language}/index.html",
            f"{language}/archive/index.html",
            f"{language}/archive/2026-04/index.html",
            f"{language}/archive/2026-04/page/2/index.html",
            f"{language}/categories/disaster/archive/2026-04/index.html",
            f"{language}/bulletins/3/index.html",
            f"{language}/categories/disaster/index.html",
            f"{language}/accessibility/index.html",
            f"{language}/search/index.html",
            f"{language}/feed.xml",
            f"{language}/podcast.xml",
        ):
            assert path in files, path
    for path in (
        "index.html",
        "404.html",
        "robots.txt",
        "sitemap.xml",
        "sitemaps/pages.xml",
        "sitemaps/bulletins-0.xml",
        "sitemaps/archive-2026-04.xml",
        "assets/site.css",
        "assets/readalong.js",
        "assets/search.js",
        "ja/furigana/index.html",
        "ja/archive/furigana/index.html",
        "ja/archive/2026-04/page/2/furigana/index.html",
        "ja/bulletins/3/furigana/index.html",
        "ja/categories/disaster/furigana/index.html",
        "ja/accessibility/furigana/index.html",
        "ja/search/furigana/index.html",
        "ja/bulletins/3/audio.mp3",
        "ja/bulletins/3/captions.vtt",
        "en/bulletins/3/audio.mp3",
    ):
        assert path in files, path
    assert "vi/bulletins/3/audio.mp3" not in files  # Vietnamese has no voice in the archive
    assert not [path for path in files if "/page/" in path and "/archive/" not in path]
    assert "en/bulletins/3/furigana/index.html" not in files


def test_nothing_is_written_when_nothing_changed(site_services: Services, built: Path) -> None:
    before = inodes(built)
    report = update_site(site_services, search=False)
    assert not report.full
    assert report.written == () and report.removed == ()
    assert inodes(built) == before


def test_an_edit_rewrites_only_that_bulletins_pages_and_the_lists_that_show_it(
    site_services: Services, built: Path, engine: FakeEngine
) -> None:
    before = inodes(built)
    revise_fixture(
        site_services, 1, engine, title="粗大ごみの受付方法が変わりました", audio=("ja",)
    )
    report = update_site(site_services, changed=(1,), search=False)

    assert not report.full
    after = inodes(built)
    rewritten = {path for path in after if after[path] != before.get(path)}
    removed = set(before) - set(after)
    pages = {f"{code}/bulletins/1/index.html" for code in LANGUAGES}
    # Sample 1 is the oldest: in April's first part, not on the latest page.
    lists = {
        f"{code}/{folder}index.html"
        for code in LANGUAGES
        for folder in (
            "archive/2026-04/",
            "categories/garbage/",
            "categories/garbage/archive/2026-04/",
        )
        for folder in (folder, folder + "furigana/")
        if code == "ja" or "furigana" not in folder
    }
    expected = (
        pages
        | lists
        | {"ja/bulletins/1/furigana/index.html", "ja/bulletins/1/audio.mp3"}
        | {"ja/bulletins/1/captions.vtt", "sitemaps/bulletins-0.xml", "sitemap.xml"}
        | {f"{code}/feed.xml" for code in LANGUAGES}  # feeds list every notice (six)
        | {f"{code}/podcast.xml" for code in ("ja", "en", "pt")}  # new audio, or none
    )
    assert rewritten == expected
    assert set(report.written) == expected
    # English and Portuguese lost their audio in the new revision: those files are gone.
    assert removed == {
        f"{code}/bulletins/1/{name}"
        for code in ("en", "pt")
        for name in ("audio.mp3", "captions.vtt")
    }
    assert (
        "粗大ごみの受付方法が変わりました" in (built / "ja/archive/2026-04/index.html").read_text()
    )
    assert "粗大ごみの受付方法が変わりました" not in (built / "ja/index.html").read_text()


def test_a_retracted_bulletin_disappears_with_its_lists_updated(
    site_services: Services, built: Path
) -> None:
    retract_fixture(site_services, 3)
    report = update_site(site_services, search=False)
    assert not report.full
    # Its address says it was withdrawn (test_withdrawn.py); its audio is gone.
    assert "ja/bulletins/3/index.html" in report.written
    assert "ja/bulletins/3/index.html" not in report.removed
    assert "ja/bulletins/3/audio.mp3" in report.removed
    assert not (built / "ja/bulletins/3/audio.mp3").exists()
    assert not (built / "ja/categories/disaster").exists()  # its only notice
    assert "ja/categories/disaster/furigana/index.html" in report.removed
    assert "bulletins/3/" not in (built / "ja/index.html").read_text()
    assert "categories/disaster/" not in (built / "en/search/index.html").read_text()


def test_a_new_bulletin_goes_on_the_latest_pages_and_into_its_month(
    site_services: Services, built: Path, engine: FakeEngine, samples: list[dict[str, str]]
) -> None:
    from tests.publisher.site.archive import publish_fixture

    when = datetime(2026, 5, 2, 9, tzinfo=UTC)
    new = publish_fixture(site_services, samples[0], engine, audio=False, published_at=when)
    report = update_site(site_services, search=False)
    assert not report.full
    assert f"en/bulletins/{new}/index.html" in report.written
    assert f"bulletins/{new}/" in (built / "en/index.html").read_text()
    assert f"bulletins/{new}/" in (built / "en/archive/2026-05/index.html").read_text()
    # April's last part now leads on to May; April's first part is untouched.
    assert "en/archive/2026-04/page/2/index.html" in report.written
    assert (
        'href="../../../../../en/archive/2026-05/" rel="next"'
        in (built / "en/archive/2026-04/page/2/index.html").read_text()
    )
    assert "en/archive/2026-04/index.html" not in report.written


def test_an_exception_mid_build_leaves_the_previous_site_byte_for_byte(
    site_services: Services, built: Path, engine: FakeEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(built)
    revise_fixture(site_services, 2, engine, title="健診の日程が変わりました")
    original = SiteRenderer.listing_page
    calls = {"count": 0}

    def failing(self: SiteRenderer, *args: object, **kwargs: object) -> bytes:
        calls["count"] += 1
        if calls["count"] == 3:
            raise RuntimeError("exception injected mid-build")
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(SiteRenderer, "listing_page", failing)
    with pytest.raises(RuntimeError, match="injected"):
        update_site(site_services, search=False)
    assert snapshot(built) == before
    with pytest.raises(RuntimeError, match="injected"):
        calls["count"] = 0
        update_site(site_services, full=True, search=False)
    assert snapshot(built) == before

    monkeypatch.setattr(SiteRenderer, "listing_page", original)
    report = update_site(site_services, search=False)  # the state was not saved: still to do
    assert "ja/bulletins/2/index.html" in report.written
    assert "健診の日程が変わりました" in (built / "ja/bulletins/2/index.html").read_text()


def test_an_exception_while_writing_in_place_restores_every_file(
    site_services: Services, built: Path, engine: FakeEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(built)
    revise_fixture(site_services, 4, engine, title="マイナンバーカードの受付時間")
    from publisher.site import writer

    original = writer._write
    calls = {"count": 0}

    def failing(target: str, content: writer.SiteFile) -> None:
        calls["count"] += 1
        if calls["count"] == 8:
            raise OSError("disk full (injected)")
        original(target, content)

    monkeypatch.setattr(writer, "_write", failing)
    with pytest.raises(OSError, match="injected"):
        update_site(site_services, search=False)
    assert snapshot(built) == before


def test_full_rebuilds_everything_into_a_new_folder(site_services: Services, built: Path) -> None:
    first = current_build(built)
    progress: list[tuple[int, int]] = []
    report = update_site(
        site_services, full=True, search=False, progress=lambda *p: progress.append(p)
    )
    assert report.full
    assert current_build(built) != first
    done = [step for step, _ in progress]
    assert done == sorted(done) and progress[-1][0] == progress[-1][1]
    assert report.pages == len([path for path in report.written if path.endswith(".html")])


def test_a_template_change_makes_the_next_build_full(
    site_services: Services, built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build_module, "fingerprint", lambda settings, readings: "changed")
    assert update_site(site_services, search=False).full


def test_a_damaged_state_file_makes_the_next_build_full(
    site_services: Services, built: Path
) -> None:
    path = state_path(built)
    path.write_bytes(path.read_bytes()[:100])
    assert update_site(site_services, search=False).full


def test_the_state_describes_the_current_build(site_services: Services, built: Path) -> None:
    from publisher.site.state import fingerprint
    from translations.furigana import load_readings

    settings = site_services.settings
    state = load_state(built, fingerprint(settings, load_readings(settings.resolved_readings_file)))
    assert state is not None
    build = current_build(built)
    assert build is not None and state.build == build.name
    assert set(state.summaries) == {1, 2, 3, 4, 5, 6}


def test_the_files_of_a_bulletin_are_known_from_its_summary(
    site_services: Services, archive: list[int]
) -> None:
    """Removals are worked out from the saved summaries, so they must name the same files."""
    from sqlmodel import Session

    from publisher.site.content import gather, summarize

    renderer = SiteRenderer(site_services.settings)
    with Session(site_services.db) as session:
        bulletins = gather(site_services.settings, session)
    assert len(bulletins) == 6
    for bulletin in bulletins:
        assert renderer.files_of(summarize(bulletin)) == tuple(renderer.bulletin_files(bulletin))


def test_a_full_build_freezes_what_it_keeps_until_its_renderer_is_dropped(
    site_services: Services, archive: list[int]
) -> None:
    import gc

    gc.unfreeze()
    update_site(site_services, full=True, search=False)
    assert gc.get_freeze_count() > 0  # state and memos kept out of later collections
    build_module._renderer(site_services.settings, {}, "another fingerprint")
    assert gc.get_freeze_count() == 0  # the dropped renderer can be collected
