from __future__ import annotations

import functools
import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.support.argos_fixture import FixtureArchives
from translations.languages import UnknownLanguageError
from translations.models import (
    PackageDownloadError,
    download_packages,
    fetch_index,
    list_installed,
    plan_routes,
)


def closed_port_url() -> str:
    """A local URL nothing listens on: the quickest reliable 'no network'."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/index.json"


def test_offline_gives_a_clean_error(packages_dir: Path) -> None:
    messages: list[str] = []
    started = time.monotonic()
    with pytest.raises(PackageDownloadError, match="cannot reach the argos package index"):
        download_packages(
            ["pt"],
            packages_dir,
            lambda message, fraction: messages.append(message),
            index_url=closed_port_url(),
            timeout=2,
        )
    assert time.monotonic() - started < 5
    assert list(packages_dir.iterdir()) == []
    assert messages == ["fetching the package index"]


def test_unknown_language_fails_before_any_network(packages_dir: Path) -> None:
    with pytest.raises(UnknownLanguageError):
        download_packages(["xx"], packages_dir, None, index_url="http://unused.invalid/")


@pytest.mark.slow
def test_real_index_offline_or_listing() -> None:
    """On this machine the argos index is unreachable; either way the call returns quickly."""
    from translations.download import default_index_url

    started = time.monotonic()
    try:
        entries = fetch_index(default_index_url(), timeout=3)
    except PackageDownloadError as error:
        assert "no network" in str(error)
    else:
        assert any(entry.get("from_code") == "ja" for entry in entries)
    assert time.monotonic() - started < 15


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def index_server(archives: FixtureArchives, tmp_path: Path) -> Iterator[str]:
    """A local stand-in for the argos index: ja→en and en→pt packages, nothing for vi."""
    site = tmp_path / "site"
    site.mkdir()
    handler = functools.partial(QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_port}"
    entries = []
    for archive, (from_code, to_code) in (
        (archives.ja_en, ("ja", "en")),
        (archives.en_pt, ("en", "pt")),
    ):
        (site / archive.name).write_bytes(archive.read_bytes())
        entries.append(
            {
                "type": "translate",
                "from_code": from_code,
                "to_code": to_code,
                "package_version": "1.0",
                "links": [f"{base}/missing.argosmodel", f"{base}/{archive.name}"],
            }
        )
    entries.append({"type": "sbd", "from_code": "ja", "to_code": "ja", "links": []})
    (site / "index.json").write_text(json.dumps(entries))
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"{base}/index.json"
    server.shutdown()
    server.server_close()
    thread.join()


def test_download_installs_a_pivot_and_reports_missing_languages(
    index_server: str, packages_dir: Path
) -> None:
    messages: list[tuple[str, float]] = []
    new = download_packages(
        ["pt", "vi"],
        packages_dir,
        lambda message, fraction: messages.append((message, fraction)),
        index_url=index_server,
        timeout=5,
    )
    assert sorted((p.from_code, p.to_code) for p in new) == [("en", "pt"), ("ja", "en")]
    assert list_installed(packages_dir) == tuple(sorted(new, key=lambda p: p.name))
    routes = plan_routes(list_installed(packages_dir), "ja", ["pt", "vi"])
    assert routes["pt"] is not None and routes["pt"].kind == "pivot"
    assert routes["vi"] is None
    assert ("no package available for Vietnamese", 0.0) in messages
    assert messages[-1] == ("done", 1.0)
    fractions = [fraction for _, fraction in messages]
    assert all(0.0 <= fraction <= 1.0 for fraction in fractions)
    # Nothing is downloaded twice.
    assert download_packages(["pt"], packages_dir, None, index_url=index_server) == ()


def test_a_bad_download_is_a_download_error(
    index_server: str, packages_dir: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    for archive in site.glob("*.argosmodel"):
        archive.write_bytes(b"<html>captive portal</html>")
    with pytest.raises(PackageDownloadError, match="not a valid package"):
        download_packages(["en"], packages_dir, None, index_url=index_server, timeout=5)
    assert list_installed(packages_dir) == ()
