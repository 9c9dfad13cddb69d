"""A demo-like site served on 127.0.0.1, and Debian chromium driven by Playwright.

The site: the six sample bulletins published in Japanese and five other languages, two of
them in only some (``PARTLY_TRANSLATED``), each with its easy-Japanese page, and a seventh
that was withdrawn (``WITHDRAWN``); the ``FakeEngine`` translates; fixture audio, silent MP3
with real captions; five notices per page so that every page type exists. It is built once per
session with the search index, served by a small threaded HTTP server on an ephemeral port
(any unknown path gets ``404.html`` with status 404, as a static host serves it).

axe-core comes from npm: ``npm ci --prefix tests/browser`` installs it into
``tests/browser/node_modules``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from publisher.api.security import SITE_POLICY
from publisher.editions.build import build_editions
from publisher.services import Services
from publisher.settings import Settings
from publisher.site import legacy
from publisher.site.build import build_site
from publisher.statuses import ImageKind
from tests.publisher.site.archive import publish_fixture, retract_fixture, sample_files
from tests.support.fake_engine import FakeEngine
from tests.support.images import photo_with_gps, transparent_png

HERE = Path(__file__).resolve().parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
AXE_URL = "/__tests__/axe.min.js"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LANGUAGES = ("en", "pt", "vi", "zh", "ko")
WITHDRAWN = 7
PARTLY_TRANSLATED = {3: ("en",), 6: ()}
"""Bulletins published in only some languages (as with models for only some, or a
translation held for review): the shelter notice in English only, the newest in Japanese only.
Every other list shows them in Japanese."""
IMAGES = {
    2: (
        (photo_with_gps(1800, 1200), "健診会場の保健センターの入口の写真", ImageKind.PHOTO),
        (transparent_png(900, 600), "保健センターまでの地図", ImageKind.MAP),
    )
}
"""Images of the health-checkup notice (after its text, in every language)."""
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


class _Handler(SimpleHTTPRequestHandler):
    """Serves the site folder as Kakehashi serves it: with the site's Content-Security-Policy
    (no inline script or style), and the site's 404 page for a missing file."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", SITE_POLICY)
        super().end_headers()

    def do_GET(self) -> None:
        if self.path != AXE_URL:
            if not self._send_range():
                super().do_GET()
            return
        # axe-core is loaded like any script of the site, since the policy forbids inline ones.
        body = AXE.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/javascript")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _send_range(self) -> bool:
        """Answer ``Range: bytes=a-b`` with 206, as static hosts do: audio must be seekable."""
        wanted = self.headers.get("Range", "")
        path = Path(self.translate_path(self.path))
        if not wanted.startswith("bytes=") or not path.is_file():
            return False
        start_text, _, end_text = wanted.removeprefix("bytes=").partition("-")
        data = path.read_bytes()
        start = int(start_text or 0)
        end = min(int(end_text) if end_text else len(data) - 1, len(data) - 1)
        body = data[start : end + 1]
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Range", f"bytes {start}-{end}/{len(data)}")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return True

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """The browser drops connections it no longer needs (media, aborted scripts)."""


@pytest.fixture(scope="session")
def server() -> Iterator[_Server]:
    """Bound first, so that the site can be built with its real base URL."""
    httpd = _Server(("127.0.0.1", 0), partial(_Handler, directory="/nonexistent"))
    yield httpd
    httpd.shutdown()
    httpd.server_close()


LEGACY_PAGES = ("en/page/2/", "ja/page/2/", "ja/page/2/furigana/", "en/categories/health/page/2/")
"""List pages as a site numbered them before lists had archives: they send readers on."""


@pytest.fixture(scope="session")
def browser_settings(server: _Server, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    port = server.server_address[1]
    return Settings(
        data_dir=tmp_path_factory.mktemp("browser-site") / "data",
        target_languages=LANGUAGES,
        base_url=f"http://127.0.0.1:{port}/",
        site_page_size=5,
    )


@pytest.fixture(scope="session")
def site(server: _Server, browser_settings: Settings) -> tuple[Path, str]:
    """Build the site and serve it; returns (site folder, base URL)."""
    settings = browser_settings
    base_url = settings.base_url
    record = legacy.record_path(settings.resolved_site_dir)
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(json.dumps(LEGACY_PAGES), encoding="utf-8")
    services = Services.create(settings, translation_engine_factory=lambda _: FakeEngine())
    try:
        engine = FakeEngine()
        start = datetime(2026, 4, 1, 9, tzinfo=UTC)
        for number, path in enumerate(sample_files()):
            sample = json.loads(path.read_text(encoding="utf-8"))
            from_easy = sample.get("translation_source") == "easy"
            publish_fixture(
                services,
                sample,
                engine,
                languages=PARTLY_TRANSLATED.get(number + 1),
                published_at=start + timedelta(days=number),
                easy="easy_body" in sample,
                translated_from_easy=LANGUAGES if from_easy else (),
                images=IMAGES.get(number + 1, ()),
            )
        withdrawn = publish_fixture(
            services, sample, engine, published_at=start - timedelta(days=1)
        )
        retract_fixture(services, withdrawn)  # its addresses say it was withdrawn
        build_editions(services, date(2026, 4, 1), date(2026, 4, 30), ("ja", "en"))
        build_site(services, full=True)
    finally:
        services.close()
    folder = settings.resolved_site_dir.resolve()
    server.RequestHandlerClass = partial(_Handler, directory=str(folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return folder, base_url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail("Debian chromium is needed for the browser tests: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="ja-JP")
    opened = context.new_page()
    yield opened
    context.close()


def run_axe(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations for WCAG 2.0/2.1/2.2 A and AA on the page as it is now."""
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run `npm ci --prefix tests/browser`")
    page.add_script_tag(url=AXE_URL)
    result: dict[str, Any] = page.evaluate(
        """async (TAGS) => await axe.run(document, {
            runOnly: {type: 'tag', values: TAGS},
            resultTypes: ['violations'],
        })""",
        AXE_TAGS,
    )
    return [
        {
            "id": violation["id"],
            "help": violation["help"],
            "nodes": [node["html"][:200] for node in violation["nodes"][:5]],
        }
        for violation in result["violations"]
    ]
